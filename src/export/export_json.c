/* export_json.c - the corpus as JSON per ../shared/eval/CONTRACT.md
 * ("eventline/1"), built with Jansson.  Offsets are code points.  Ids are
 * positional (t1, m1, em1 per document; E/V per corpus) and every list is in
 * a fixed order, so two runs over the same input diff cleanly. */
#include "export/export.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

static json_t *span_text(const el_doc *d, uint32_t start, uint32_t end)
{
    return json_stringn(d->text + start, end - start);
}

static void put_span(json_t *o, const el_doc *d, uint32_t start, uint32_t end)
{
    json_object_set_new(o, "start", json_integer((json_int_t)el_doc_cp_offset(d, start)));
    json_object_set_new(o, "end", json_integer((json_int_t)el_doc_cp_offset(d, end)));
    json_object_set_new(o, "text", span_text(d, start, end));
}

static json_t *nullable(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static json_t *interval_json(el_interval iv)
{
    char b[17], e[17];
    if (iv.end <= iv.begin)
        return json_null();
    el_instant_format(iv.begin, b);
    el_instant_format(iv.end, e);
    return json_pack("{s:s, s:s, s:s}", "begin", b, "end", e, "granularity",
                     el_gran_name(iv.gran));
}

static json_t *timex_json(const el_doc *d, size_t i)
{
    const el_timex *t = &d->timexes[i];
    json_t *o = json_object();
    char id[24];
    snprintf(id, sizeof id, "t%zu", i + 1);
    json_object_set_new(o, "id", json_string(id));
    put_span(o, d, t->start, t->end);
    json_object_set_new(o, "type", json_string(el_timex_type_name(t->type)));
    json_object_set_new(o, "value", json_string(t->value));
    json_object_set_new(o, "mod", nullable(t->mod));
    if (t->quant[0])
        json_object_set_new(o, "quant", json_string(t->quant));
    if (t->freq[0])
        json_object_set_new(o, "freq", json_string(t->freq));
    if (t->zone[0])
        json_object_set_new(o, "zone", json_string(t->zone));
    if (t->anchor >= 0) {
        snprintf(id, sizeof id, "t%d", t->anchor + 1);
        json_object_set_new(o, "anchor", json_string(id));
    }
    json_object_set_new(o, "temporal_function", json_boolean(t->temporal_function));
    json_object_set_new(o, "interval", interval_json(t->iv));
    return o;
}

static json_t *mention_json(const el_corpus *c, const el_doc *d, size_t i)
{
    const el_mention *m = &d->mentions[i];
    json_t *o = json_object();
    char id[24];
    snprintf(id, sizeof id, "m%zu", i + 1);
    json_object_set_new(o, "id", json_string(id));
    put_span(o, d, m->start, m->end);
    json_object_set_new(o, "type", json_string(el_ent_type_name(m->type)));
    json_object_set_new(o, "name", nullable(m->name));
    int e = el_corpus_entity_of(c, m->key);
    if (e >= 0)
        json_object_set_new(o, "entity", json_string(c->entities[e].id));
    if (m->role)
        json_object_set_new(o, "role", json_string(m->role));
    if (m->subtype)
        json_object_set_new(o, "subtype", json_string(m->subtype));
    json_object_set_new(o, "confidence", json_real(m->confidence));
    if (m->type_source)
        json_object_set_new(o, "type_source", json_string(el_type_source_name(m->type_source)));
    return o;
}

/* Canonical event id of every event mention, per document, in one pass
 * over the events: ids[doc][mention] (NULL when not in any event). */
static const char ***event_ids_by_doc(const el_corpus *c)
{
    const char ***ids = el_calloc(c->ndocs + 1, sizeof *ids);
    for (size_t d = 0; d < c->ndocs; d++)
        ids[d] = el_calloc(c->docs[d]->nevents + 1, sizeof **ids);
    for (size_t v = 0; v < c->nevents; v++)
        for (size_t k = 0; k < c->events[v].nmentions; k++) {
            el_mref r = c->events[v].mentions[k];
            if (r.doc < c->ndocs && r.ev < c->docs[r.doc]->nevents)
                ids[r.doc][r.ev] = c->events[v].id;
        }
    return ids;
}

static void free_event_ids(const el_corpus *c, const char ***ids)
{
    for (size_t d = 0; d < c->ndocs; d++)
        free(ids[d]);
    free(ids);
}

static json_t *event_mention_json(const el_corpus *c, const el_doc *d, size_t i,
                                  const char *event_id)
{
    const el_event_mention *ev = &d->events[i];
    json_t *o = json_object();
    char id[24];
    snprintf(id, sizeof id, "em%zu", i + 1);
    json_object_set_new(o, "id", json_string(id));
    put_span(o, d, ev->start, ev->end);
    if (event_id)
        json_object_set_new(o, "event", json_string(event_id));
    json_object_set_new(o, "class", json_string(el_event_class_name(ev->cls)));
    json_object_set_new(o, "type", nullable(ev->type));
    json_object_set_new(o, "lemma", nullable(ev->lemma));
    json_object_set_new(o, "tense", json_string(el_tense_name(ev->tense)));
    json_object_set_new(o, "aspect", json_string(el_aspect_name(ev->aspect)));
    json_object_set_new(o, "polarity", json_string(ev->negated ? "NEG" : "POS"));
    if (ev->modality)
        json_object_set_new(o, "modality", json_string(ev->modality));
    if (ev->intensional)
        json_object_set_new(o, "intensional", json_true());
    if (ev->timex >= 0) {
        snprintf(id, sizeof id, "t%d", ev->timex + 1);
        json_object_set_new(o, "timex", json_string(id));
    }
    json_t *parts = json_array(), *pms = json_array();
    for (size_t p = 0; p < ev->nparticipants; p++) {
        const el_mention *m = &d->mentions[ev->participants[p]];
        int e = el_corpus_entity_of(c, m->key);
        if (e >= 0)
            json_array_append_new(parts, json_string(c->entities[e].id));
        snprintf(id, sizeof id, "m%d", ev->participants[p] + 1);
        json_array_append_new(pms, json_string(id));
    }
    json_object_set_new(o, "participants", parts);
    json_object_set_new(o, "participant_mentions", pms);
    if (ev->location >= 0) {
        snprintf(id, sizeof id, "m%d", ev->location + 1);
        json_object_set_new(o, "location_mention", json_string(id));
    }
    json_object_set_new(o, "confidence", json_real(ev->confidence));
    return o;
}

static const char *node_id(const el_link *l, bool from, char *buf, size_t n)
{
    el_node_kind k = from ? l->from_kind : l->to_kind;
    int i = from ? l->from : l->to;
    if (k == EL_NODE_DCT)
        snprintf(buf, n, "t0");
    else
        snprintf(buf, n, k == EL_NODE_EVENT ? "em%d" : "t%d", i + 1);
    return buf;
}

static json_t *link_json(const el_doc *d, size_t i)
{
    static const char *const kinds[] = {"TLINK", "SLINK", "ALINK"};
    const el_link *l = &d->links[i];
    char f[24], t[24];
    json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "kind", kinds[l->kind],
                          "from", node_id(l, true, f, sizeof f),
                          "to", node_id(l, false, t, sizeof t), "type", l->reltype);
    if (l->evidence)
        json_object_set_new(o, "evidence", json_string(l->evidence));
    return o;
}

/* The annotation layers of a document, in output order. */
static const char *const layer_keys[] = {"timexes", "mentions", "event_mentions", "links"};
#define NLAYERS (sizeof layer_keys / sizeof *layer_keys)

static size_t layer_size(const el_doc *d, size_t layer)
{
    return layer == 0 ? d->ntimexes : layer == 1 ? d->nmentions
           : layer == 2 ? d->nevents : d->nlinks;
}

static json_t *layer_item(const el_corpus *c, const el_doc *d, size_t layer, size_t i,
                          const char **ids)
{
    return layer == 0   ? timex_json(d, i)
           : layer == 1 ? mention_json(c, d, i)
           : layer == 2 ? event_mention_json(c, d, i, ids[i])
                        : link_json(d, i);
}

/* Document fields before the layers. */
static json_t *document_header(const el_doc *d, unsigned flags)
{
    json_t *o = json_object();
    char dct[11];
    json_object_set_new(o, "id", json_string(d->id));
    if (d->dct.year) {
        el_date_format(d->dct, dct);
        json_object_set_new(o, "dct", json_string(dct));
    } else {
        json_object_set_new(o, "dct", json_null());
    }
    static const char *const sources[] = {"none", "option", "manifest", "metadata", "text"};
    json_object_set_new(o, "dct_source", json_string(sources[d->dct_source]));
    if (d->title)
        json_object_set_new(o, "title", json_string(d->title));
    json_object_set_new(o, "length", json_integer((json_int_t)d->ncp));
    if (flags & EL_JSON_TEXT)
        json_object_set_new(o, "text", json_stringn(d->text, d->len));
    return o;
}

static json_t *document_json(const el_corpus *c, size_t di, const char **ids, unsigned flags)
{
    const el_doc *d = c->docs[di];
    json_t *o = document_header(d, flags);
    for (size_t layer = 0; layer < NLAYERS; layer++) {
        json_t *arr = json_array();
        for (size_t i = 0; i < layer_size(d, layer); i++)
            json_array_append_new(arr, layer_item(c, d, layer, i, ids));
        json_object_set_new(o, layer_keys[layer], arr);
    }
    return o;
}

static json_t *string_array(char **s, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(s[i]));
    return a;
}

static json_t *entity_json(const el_corpus *c, const el_entity *e)
{
    json_t *docs = json_array();
    for (size_t i = 0; i < e->ndocs; i++)
        json_array_append_new(docs, json_string(c->docs[e->docs[i]]->id));
    return json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:I, s:o}", "id", e->id, "name", e->name,
                     "type", el_ent_type_name(e->type), "key", e->key,
                     "aliases", string_array(e->aliases, e->naliases),
                     "roles", string_array(e->roles, e->nroles),
                     "mention_count", (json_int_t)e->nmentions, "documents", docs);
}

static json_t *event_json(const el_corpus *c, const el_event *v)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(v->id));
    json_object_set_new(o, "type", nullable(v->type));
    json_object_set_new(o, "label", nullable(v->label));
    json_t *parts = json_array();
    for (size_t i = 0; i < v->nparticipants; i++)
        json_array_append_new(parts, json_string(c->entities[v->participants[i]].id));
    json_object_set_new(o, "participants", parts);
    if (v->location >= 0)
        json_object_set_new(o, "location", json_string(c->entities[v->location].id));
    if (v->value[0]) {  /* an undated event has no time object */
        json_t *time = json_object();
        json_object_set_new(time, "value", json_string(v->value));
        if (v->end_value[0])
            json_object_set_new(time, "end", json_string(v->end_value));
        json_object_set_new(time, "interval", interval_json(v->iv));
        if (v->has_time_source) {
            char ref[64];
            snprintf(ref, sizeof ref, "%s#em%u", c->docs[v->time_source.doc]->id,
                     v->time_source.ev + 1);
            json_object_set_new(time, "source", json_string(ref));
        }
        if (v->time_from_report)
            json_object_set_new(time, "from_report", json_true());
        json_object_set_new(o, "time", time);
    }
    json_t *ms = json_array();
    for (size_t i = 0; i < v->nmentions; i++) {
        char ref[256];
        snprintf(ref, sizeof ref, "%s#em%u", c->docs[v->mentions[i].doc]->id,
                 v->mentions[i].ev + 1);
        json_array_append_new(ms, json_string(ref));
    }
    json_object_set_new(o, "mentions", ms);
    json_object_set_new(o, "factual", json_boolean(v->factual));
    json_object_set_new(o, "confidence", json_real(v->confidence));
    return o;
}

json_t *el_export_json(const el_corpus *c)
{
    return el_export_json_ex(c, 0);
}

static json_t *relation_json(const el_corpus *c, const el_relation *r)
{
    json_t *o = json_pack("{s:s, s:s, s:s, s:b}", "from", c->events[r->from].id, "to",
                          c->events[r->to].id, "type", r->type, "inferred", r->inferred);
    if (r->evidence)
        json_object_set_new(o, "evidence", json_string(r->evidence));
    return o;
}

/* The corpus-level lists after "documents", in output order. */
static const char *const tail_keys[] = {"entities", "events", "relations", "timeline",
                                        "conflicts"};
#define NTAIL (sizeof tail_keys / sizeof *tail_keys)

static json_t *tail_json(const el_corpus *c, size_t which)
{
    json_t *a = json_array();
    size_t n = which == 0 ? c->nentities : which == 1 ? c->nevents : which == 2 ? c->nrelations
               : which == 3 ? c->ntimeline : c->nconflicts;
    for (size_t i = 0; i < n; i++) {
        json_t *v = which == 0   ? entity_json(c, &c->entities[i])
                    : which == 1 ? event_json(c, &c->events[i])
                    : which == 2 ? relation_json(c, &c->relations[i])
                    : which == 3 ? json_string(c->events[c->timeline[i]].id)
                                 : json_string(c->conflicts[i]);
        json_array_append_new(a, v);
    }
    return a;
}

json_t *el_export_json_ex(const el_corpus *c, unsigned flags)
{
    json_t *root = json_object();
    json_object_set_new(root, "schema", json_string("eventline/1"));
    json_t *docs = json_array();
    const char ***ids = event_ids_by_doc(c);
    for (size_t i = 0; i < c->ndocs; i++)
        json_array_append_new(docs, document_json(c, i, ids[i], flags));
    free_event_ids(c, ids);
    json_object_set_new(root, "documents", docs);
    for (size_t k = 0; k < NTAIL; k++)
        json_object_set_new(root, tail_keys[k], tail_json(c, k));
    return root;
}

/* Write `v` as JSON; in indented mode every line after the first gets
 * `indent` extra spaces so that it nests inside the enclosing value. */
static int dump_nested(json_t *v, bool compact, int indent, FILE *out)
{
    static const char spaces[] = "        ";
    size_t flags = (compact ? JSON_COMPACT : JSON_INDENT(1)) | JSON_PRESERVE_ORDER | EL_JSON_REALS;
    char *s = json_dumps(v, flags);
    if (!s)
        return -1;
    const char *p = s;
    for (const char *nl; !compact && (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
        fwrite(p, 1, (size_t)(nl - p) + 1, out);
        fwrite(spaces, 1, (size_t)indent < sizeof spaces ? (size_t)indent : sizeof spaces - 1, out);
    }
    fputs(p, out);
    free(s);
    return ferror(out) ? -1 : 0;
}

/* Stream one document: its header object, then each layer one annotation
 * at a time, so memory stays small even for a huge document. */
static int write_document(const el_corpus *c, size_t di, const char **ids, unsigned flags,
                          FILE *out)
{
    bool compact = flags & EL_JSON_COMPACT;
    const el_doc *d = c->docs[di];
    json_t *h = document_header(d, flags);
    char *s = json_dumps(h, (compact ? JSON_COMPACT : JSON_INDENT(1)) | JSON_PRESERVE_ORDER
                            | EL_JSON_REALS);
    json_decref(h);
    if (!s)
        return -1;
    size_t n = strlen(s);
    while (n && (s[n - 1] == '}' || s[n - 1] == '\n'))
        n--;  /* reopen the object */
    int rc = 0;
    for (size_t k = 0; k < n; k++) {
        fputc(s[k], out);
        if (s[k] == '\n' && !compact)
            fputs("  ", out);
    }
    free(s);
    const char *nl = compact ? "" : "\n";
    for (size_t layer = 0; layer < NLAYERS && rc == 0; layer++) {
        size_t count = layer_size(d, layer);
        fprintf(out, ",%s%s\"%s\":%s[", nl, compact ? "" : "   ", layer_keys[layer],
                compact ? "" : " ");
        for (size_t i = 0; i < count && rc == 0; i++) {
            json_t *item = layer_item(c, d, layer, i, ids);
            fprintf(out, "%s%s%s", i ? "," : "", nl, compact ? "" : "    ");
            rc = dump_nested(item, compact, 4, out);
            json_decref(item);
        }
        fprintf(out, "%s%s]", count && !compact ? "\n" : "", count && !compact ? "   " : "");
    }
    fprintf(out, "%s%s}", nl, compact ? "" : "  ");
    return rc;
}

/* Stream the corpus: one annotation tree in memory at a time, so a large
 * corpus costs output size, not output size times Jansson's overhead. */
int el_export_json_file_ex(const el_corpus *c, unsigned flags, FILE *out)
{
    bool compact = flags & EL_JSON_COMPACT;
    const char *nl = compact ? "" : "\n", *sp = compact ? "" : " ";
    int rc = 0;
    fprintf(out, "{%s%s\"schema\":%s\"eventline/1\",%s%s\"documents\":%s[", nl, sp, sp, nl, sp, sp);
    const char ***ids = event_ids_by_doc(c);
    for (size_t i = 0; i < c->ndocs && rc == 0; i++) {
        fprintf(out, "%s%s%s", i ? "," : "", nl, compact ? "" : "  ");
        rc = write_document(c, i, ids[i], flags, out);
    }
    free_event_ids(c, ids);
    fprintf(out, "%s%s]", c->ndocs && !compact ? "\n" : "", c->ndocs ? sp : "");
    for (size_t k = 0; k < NTAIL && rc == 0; k++) {
        json_t *a = tail_json(c, k);
        fprintf(out, ",%s%s\"%s\":%s", nl, sp, tail_keys[k], sp);
        rc = dump_nested(a, compact, 1, out);
        json_decref(a);
    }
    fprintf(out, "%s}\n", nl);
    return ferror(out) ? -1 : rc;
}

int el_export_json_file(const el_corpus *c, FILE *out)
{
    return el_export_json_file_ex(c, 0, out);
}


/* export_json.c - the corpus as JSON per ../shared/eval/CONTRACT.md
 * ("eventline/1"), built with Jansson.  Offsets are code points.  Ids are
 * positional (t1, m1, em1 per document; E/V per corpus) and every list is in
 * a fixed order, so two runs over the same input diff cleanly. */
#include "export.h"
#include "util.h"

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
    return o;
}

/* Canonical event id of each event mention of document `doc`. */
static const char **event_ids_of(const el_corpus *c, size_t doc)
{
    const char **ids = el_calloc(c->docs[doc]->nevents + 1, sizeof *ids);
    for (size_t v = 0; v < c->nevents; v++)
        for (size_t k = 0; k < c->events[v].nmentions; k++)
            if (c->events[v].mentions[k].doc == doc)
                ids[c->events[v].mentions[k].ev] = c->events[v].id;
    return ids;
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

static json_t *links_json(const el_doc *d)
{
    static const char *const kinds[] = {"TLINK", "SLINK", "ALINK"};
    json_t *a = json_array();
    char f[24], t[24];
    for (size_t i = 0; i < d->nlinks; i++) {
        const el_link *l = &d->links[i];
        json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "kind", kinds[l->kind],
                              "from", node_id(l, true, f, sizeof f),
                              "to", node_id(l, false, t, sizeof t), "type", l->reltype);
        if (l->evidence)
            json_object_set_new(o, "evidence", json_string(l->evidence));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *document_json(const el_corpus *c, size_t di, unsigned flags)
{
    const el_doc *d = c->docs[di];
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
    json_t *tx = json_array(), *ms = json_array(), *em = json_array();
    for (size_t i = 0; i < d->ntimexes; i++)
        json_array_append_new(tx, timex_json(d, i));
    for (size_t i = 0; i < d->nmentions; i++)
        json_array_append_new(ms, mention_json(c, d, i));
    const char **ids = event_ids_of(c, di);
    for (size_t i = 0; i < d->nevents; i++)
        json_array_append_new(em, event_mention_json(c, d, i, ids[i]));
    free(ids);
    json_object_set_new(o, "timexes", tx);
    json_object_set_new(o, "mentions", ms);
    json_object_set_new(o, "event_mentions", em);
    json_object_set_new(o, "links", links_json(d));
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
    json_t *time = json_object();
    if (v->value[0]) {
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
    }
    json_object_set_new(o, "time", time);
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

json_t *el_export_json_ex(const el_corpus *c, unsigned flags)
{
    json_t *root = json_object();
    json_object_set_new(root, "schema", json_string("eventline/1"));
    json_t *docs = json_array(), *ents = json_array(), *evs = json_array();
    json_t *rels = json_array(), *tl = json_array(), *conf = json_array();
    for (size_t i = 0; i < c->ndocs; i++)
        json_array_append_new(docs, document_json(c, i, flags));
    for (size_t i = 0; i < c->nentities; i++)
        json_array_append_new(ents, entity_json(c, &c->entities[i]));
    for (size_t i = 0; i < c->nevents; i++)
        json_array_append_new(evs, event_json(c, &c->events[i]));
    for (size_t i = 0; i < c->nrelations; i++) {
        const el_relation *r = &c->relations[i];
        json_t *o = json_pack("{s:s, s:s, s:s, s:b}", "from", c->events[r->from].id,
                              "to", c->events[r->to].id, "type", r->type,
                              "inferred", r->inferred);
        if (r->evidence)
            json_object_set_new(o, "evidence", json_string(r->evidence));
        json_array_append_new(rels, o);
    }
    for (size_t i = 0; i < c->ntimeline; i++)
        json_array_append_new(tl, json_string(c->events[c->timeline[i]].id));
    for (size_t i = 0; i < c->nconflicts; i++)
        json_array_append_new(conf, json_string(c->conflicts[i]));
    json_object_set_new(root, "documents", docs);
    json_object_set_new(root, "entities", ents);
    json_object_set_new(root, "events", evs);
    json_object_set_new(root, "relations", rels);
    json_object_set_new(root, "timeline", tl);
    json_object_set_new(root, "conflicts", conf);
    return root;
}

int el_export_json_file(const el_corpus *c, FILE *out)
{
    return el_export_json_file_ex(c, 0, out);
}

int el_export_json_file_ex(const el_corpus *c, unsigned flags, FILE *out)
{
    json_t *root = el_export_json_ex(c, flags);
    size_t style = (flags & EL_JSON_COMPACT) ? JSON_COMPACT : JSON_INDENT(1);
    int rc = json_dumpf(root, out, style | JSON_PRESERVE_ORDER);
    if (fputc('\n', out) == EOF)
        rc = -1;
    json_decref(root);
    return rc;
}

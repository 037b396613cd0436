/* export_html.c - the corpus as one self-contained, offline index.html: the
 * viewer page (src/viewer/viewer.html, embedded by tools/dev/embed-viewer as
 * src/viewer_template.c) with the timeline data in a
 * <script type="application/json"> element ("eventline-viewer/1", built
 * with Jansson).  Every '<' in the JSON is written as \u003c, so no string
 * in the data can close the script element or open a comment. */
#include "export/export.h"
#include "export/render.h"
#include "base/util.h"
#include "export/viewer_template.h"

#include <stdlib.h>
#include <string.h>

static json_t *nullable(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static void put_interval(json_t *o, el_interval iv)
{
    if (iv.end <= iv.begin)
        return;
    char b[17], e[17];
    el_instant_format(iv.begin, b);
    el_instant_format(iv.end, e);
    json_object_set_new(o, "begin", json_string(b));
    json_object_set_new(o, "until", json_string(e));
    json_object_set_new(o, "granularity", json_string(el_gran_name(iv.gran)));
}

/* What a card says for people: the date in words, the reporting sentence,
 * its source's headline (and URL), and whether the date is the report's. */
static void add_reading(json_t *o, const el_corpus *c, const el_event *v, bool ordered)
{
    char when[96], sentence[400], source[200];
    el_value_words(v->value, when, sizeof when);
    json_object_set_new(o, "when", nullable(when));
    json_object_set_new(o, "ordered", json_boolean(ordered));
    json_object_set_new(o, "from_report", json_boolean(el_view_report_dated(v)));
    json_object_set_new(o, "date_from", nullable(el_view_provenance(v)));
    if (!v->nmentions)
        return;
    const el_doc *d = c->docs[v->mentions[0].doc];
    el_view_sentence(c, v->mentions[0], sentence, sizeof sentence);
    el_view_doc_headline(d, source, sizeof source);
    json_object_set_new(o, "sentence", nullable(sentence));
    json_object_set_new(o, "source", nullable(source));
    json_object_set_new(o, "url", nullable(el_view_doc_url(d)));
}

static json_t *event_json(const el_corpus *c, const el_event *v, bool ordered)
{
    json_t *o = json_pack("{s:s, s:o, s:o, s:o, s:o}", "id", v->id, "label", nullable(v->label),
                          "type", nullable(v->type), "value", nullable(v->value),
                          "end", nullable(v->end_value));
    if (v->value[0])
        put_interval(o, v->iv);
    json_t *parts = json_array();
    for (size_t i = 0; i < v->nparticipants; i++)
        if (v->participants[i] < c->nentities)
            json_array_append_new(parts, json_string(c->entities[v->participants[i]].id));
    json_object_set_new(o, "participants", parts);
    bool has_loc = v->location >= 0 && (size_t)v->location < c->nentities;
    json_object_set_new(o, "location",
                        has_loc ? json_string(c->entities[v->location].id) : json_null());
    json_object_set_new(o, "mentions", json_integer((json_int_t)v->nmentions));
    json_object_set_new(o, "documents", json_integer((json_int_t)el_view_doc_count(v)));
    json_object_set_new(o, "factual", json_boolean(v->factual));
    json_object_set_new(o, "confidence", json_real(v->confidence));
    add_reading(o, c, v, ordered);
    return o;
}

static json_t *entity_json(const el_entity *e)
{
    json_t *aliases = json_array();
    for (size_t i = 0; i < e->naliases; i++)
        json_array_append_new(aliases, json_string(e->aliases[i]));
    return json_pack("{s:s, s:s, s:o}", "name", e->name, "type", el_ent_type_name(e->type),
                     "aliases", aliases);
}

static void add_entity(json_t *ents, const el_corpus *c, size_t i)
{
    if (i < c->nentities && !json_object_get(ents, c->entities[i].id))
        json_object_set_new(ents, c->entities[i].id, entity_json(&c->entities[i]));
}

/* The entities the events refer to, keyed by id. */
static json_t *entities_json(const el_corpus *c)
{
    json_t *ents = json_object();
    for (size_t v = 0; v < c->nevents; v++) {
        const el_event *e = &c->events[v];
        for (size_t i = 0; i < e->nparticipants; i++)
            add_entity(ents, c, e->participants[i]);
        if (e->location >= 0)
            add_entity(ents, c, (size_t)e->location);
    }
    return ents;
}

/* One chronological order: every dated event by its interval's start (then
 * the wider first, then its place on the ordered timeline, then id), so the events the
 * timeline orders and those only dated read on one axis; the undated ones
 * in id order. */
typedef struct dated_key { int64_t begin, end; size_t pos, ev; } dated_key;

static int cmp_dated(const void *a, const void *b)
{
    const dated_key *x = a, *y = b;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;   /* the wider first: a month before its days */
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->ev < y->ev ? -1 : x->ev > y->ev;
}

static void order_json(const el_corpus *c, json_t *dated, json_t *undated)
{
    dated_key *k = el_calloc(c->nevents + 1, sizeof *k);
    size_t *pos = el_calloc(c->nevents + 1, sizeof *pos), n = 0;
    for (size_t v = 0; v < c->nevents; v++)
        pos[v] = SIZE_MAX;
    for (size_t i = 0; i < c->ntimeline; i++)
        if (c->timeline[i] < c->nevents && pos[c->timeline[i]] == SIZE_MAX)
            pos[c->timeline[i]] = i;
    for (size_t v = 0; v < c->nevents; v++) {
        const el_event *e = &c->events[v];
        if (e->value[0] && e->iv.end > e->iv.begin)
            k[n++] = (dated_key){e->iv.begin, e->iv.end, pos[v], v};
        else
            json_array_append_new(undated, json_string(e->id));
    }
    if (n)
        qsort(k, n, sizeof *k, cmp_dated);
    for (size_t i = 0; i < n; i++)
        json_array_append_new(dated, json_string(c->events[k[i].ev].id));
    free(k);
    free(pos);
}

static json_t *relations_json(const el_corpus *c)
{
    json_t *a = json_array();
    for (size_t i = 0; i < c->nrelations; i++) {
        const el_relation *r = &c->relations[i];
        if (r->from >= c->nevents || r->to >= c->nevents)
            continue;
        json_t *o = json_pack("{s:s, s:s, s:s, s:b}", "from", c->events[r->from].id,
                              "to", c->events[r->to].id, "type", el_reltype_name(r->type),
                              "inferred", r->inferred);
        if (r->evidence)
            json_object_set_new(o, "evidence", json_string(r->evidence));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *documents_json(const el_corpus *c)
{
    json_t *a = json_array();
    for (size_t i = 0; i < c->ndocs; i++) {
        const el_doc *d = c->docs[i];
        char dct[11] = "";
        if (d->dct.year)
            el_date_format(d->dct, dct);
        json_array_append_new(a, json_pack("{s:s, s:o, s:o}", "id", d->id, "dct", nullable(dct),
                                           "title", nullable(d->title)));
    }
    return a;
}

/* The data the viewer page reads ("eventline-viewer/1"). */
static json_t *viewer_data(const el_corpus *c)
{
    json_t *root = json_object(), *events = json_array();
    json_object_set_new(root, "schema", json_string("eventline-viewer/1"));
    json_object_set_new(root, "documents", documents_json(c));
    json_object_set_new(root, "entities", entities_json(c));
    bool *ordered = el_calloc(c->nevents + 1, sizeof *ordered);
    for (size_t i = 0; i < c->ntimeline; i++)
        if (c->timeline[i] < c->nevents)
            ordered[c->timeline[i]] = true;
    for (size_t v = 0; v < c->nevents; v++)
        json_array_append_new(events, event_json(c, &c->events[v], ordered[v]));
    free(ordered);
    json_object_set_new(root, "events", events);
    json_t *dated = json_array(), *undated = json_array();
    order_json(c, dated, undated);
    json_object_set_new(root, "dated", dated);
    json_object_set_new(root, "undated", undated);
    json_object_set_new(root, "relations", relations_json(c));
    json_t *conflicts = json_array();
    for (size_t i = 0; i < c->nconflicts; i++)
        json_array_append_new(conflicts, json_string(c->conflicts[i]));
    json_object_set_new(root, "conflicts", conflicts);
    return root;
}

static void write_lines(const char *const *lines, FILE *out)
{
    for (size_t i = 0; lines[i]; i++)
        fputs(lines[i], out);
}

/* JSON text with '<' as \u003c ('<' only occurs inside JSON strings). */
static void write_script_safe(const char *s, FILE *out)
{
    for (const char *p = s; *p; p++) {
        size_t n = strcspn(p, "<");
        fwrite(p, 1, n, out);
        p += n;
        if (!*p)
            break;
        fputs("\\u003c", out);
    }
}

int el_export_html(const el_corpus *c, FILE *out)
{
    json_t *data = viewer_data(c);
    char *s = json_dumps(data, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    json_decref(data);
    if (!s)
        return -1;
    write_lines(el_viewer_head, out);
    write_script_safe(s, out);
    fputc('\n', out);
    write_lines(el_viewer_tail, out);
    free(s);
    return ferror(out) ? -1 : 0;
}

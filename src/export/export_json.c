/* export_json.c - the corpus as JSON per ../shared/eval/CONTRACT.md
 * ("eventline/1"), streamed through the JSON writer (jsonw.c).  Offsets are code points.  Ids are
 * positional (t1, m1, em1 per document; E/V per corpus) and every list is in
 * a fixed order, so two runs over the same input diff cleanly. */
#include "export/export.h"
#include "export/jsonw.h"
#include "stages/syntax/syntax.h"
#include "base/util.h"
#include "base/utf8.h"

#include <stdlib.h>

/* Revision of eventline's additions to the contract (docs/timeline.schema.json):
 * 2 = lean, fields at their default value are left out. */
#define EL_JSON_REVISION 2
#include <string.h>

/* Where the last code-point offset of a list's spans was found: the next
 * offset at or after it (spans come in text order) walks on from its token
 * and counts on from its byte inside the same sentence, instead of a
 * binary search over every token and a count from the sentence start. */
typedef struct cp_cursor {
    size_t lo;       /* tokens starting at or before b */
    size_t b, cp;    /* a byte offset and its code-point offset */
    uint32_t s;      /* b's sentence */
    bool valid;
} cp_cursor;

/* el_doc_cp_offset(d, b), the same number (counted within b's sentence). */
static size_t cp_at(cp_cursor *cur, const el_doc *d, size_t b)
{
    if (b >= d->len || d->ncp == d->len || d->ntokens == 0 || !d->nsentences)
        return el_doc_cp_offset(d, b);
    size_t lo;
    if (cur->valid && b >= cur->b) {
        lo = cur->lo;
        while (lo < d->ntokens && d->tokens[lo].start <= b)
            lo++;
    } else {
        lo = el_doc_tokens_upto(d, b);
    }
    uint32_t s = lo ? d->tokens[lo - 1].sentence : 0;
    if (lo == 0 || s >= d->nsentences) {
        cur->valid = false;
        return el_doc_cp_offset(d, b);
    }
    const el_sentence *sn = &d->sentences[s];
    size_t cp = cur->valid && cur->s == s && cur->b >= sn->start && cur->b <= b
                    ? cur->cp + el_utf8_count(d->text + cur->b, b - cur->b)
                    : sn->cstart + el_utf8_count(d->text + sn->start, b - sn->start);
    *cur = (cp_cursor){lo, b, cp, s, true};
    return cp;
}

static void put_span(el_jw *w, const el_doc *d, cp_cursor *cur, uint32_t start, uint32_t end)
{
    el_jw_kint(w, "start", (int64_t)cp_at(cur, d, start));
    el_jw_kint(w, "end", (int64_t)cp_at(cur, d, end));
    el_jw_key(w, "text");
    el_jw_strn(w, d->text + start, end - start);
}

static void interval_json(el_jw *w, el_interval iv)
{
    char b[17], e[17];
    el_jw_key(w, "interval");
    if (iv.end <= iv.begin) {
        el_jw_null(w);
        return;
    }
    el_instant_format(iv.begin, b);
    el_instant_format(iv.end, e);
    el_jw_open(w, '{');
    el_jw_kstr(w, "begin", b);
    el_jw_kstr(w, "end", e);
    el_jw_kstr(w, "granularity", el_gran_name(iv.gran));
    el_jw_close(w, '}');
}

static void timex_json(el_jw *w, const el_doc *d, cp_cursor *cur, size_t i)
{
    const el_timex *t = &d->timexes[i];
    el_jw_open(w, '{');
    el_jw_kid(w, "id", "t", (int64_t)i + 1);
    put_span(w, d, cur, t->start, t->end);
    el_jw_kstr(w, "type", el_timex_type_name(t->type));
    el_jw_kstr(w, "value", t->value);
    el_jw_kstr_or_null(w, "mod", t->mod);
    if (t->quant[0])
        el_jw_kstr(w, "quant", t->quant);
    if (t->freq[0])
        el_jw_kstr(w, "freq", t->freq);
    if (t->zone[0])
        el_jw_kstr(w, "zone", t->zone);
    if (t->anchor >= 0)
        el_jw_kid(w, "anchor", "t", t->anchor + 1);
    el_jw_kbool(w, "temporal_function", t->temporal_function);
    interval_json(w, t->iv);
    el_jw_close(w, '}');
}

static void mention_json(el_jw *w, const el_corpus *c, const el_doc *d, cp_cursor *cur,
                         size_t i)
{
    const el_mention *m = &d->mentions[i];
    el_jw_open(w, '{');
    el_jw_kid(w, "id", "m", (int64_t)i + 1);
    put_span(w, d, cur, m->start, m->end);
    el_jw_kstr(w, "type", el_ent_type_name(m->type));
    if (m->name && *m->name)   /* (lean: no "name": null) */
        el_jw_kstr(w, "name", m->name);
    int e = el_corpus_entity_of(c, m->key);
    if (e >= 0)
        el_jw_kstr(w, "entity", c->entities[e].id);
    if (m->role)
        el_jw_kstr(w, "role", m->role);
    if (m->subtype)
        el_jw_kstr(w, "subtype", m->subtype);
    el_jw_kreal(w, "confidence", m->confidence);
    if (m->type_source)
        el_jw_kstr(w, "type_source", el_type_source_name(m->type_source));
    el_jw_close(w, '}');
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

static void event_mention_json(el_jw *w, const el_corpus *c, const el_doc *d, cp_cursor *cur,
                               size_t i, const char *event_id)
{
    const el_event_mention *ev = &d->events[i];
    el_jw_open(w, '{');
    el_jw_kid(w, "id", "em", (int64_t)i + 1);
    put_span(w, d, cur, ev->start, ev->end);
    if (event_id)
        el_jw_kstr(w, "event", event_id);
    el_jw_kstr(w, "class", el_event_class_name(ev->cls));
    /* Lean (revision 2): a field at its default is left out (no type or
     * lemma: absent; tense and aspect NONE, polarity POS, no participants:
     * absent). */
    if (ev->type && *ev->type)
        el_jw_kstr(w, "type", ev->type);
    if (ev->lemma && *ev->lemma)
        el_jw_kstr(w, "lemma", ev->lemma);
    if (ev->tense != EL_TENSE_NONE)
        el_jw_kstr(w, "tense", el_tense_name(ev->tense));
    if (ev->aspect != EL_ASPECT_NONE)
        el_jw_kstr(w, "aspect", el_aspect_name(ev->aspect));
    if (ev->negated)
        el_jw_kstr(w, "polarity", "NEG");
    if (ev->modality)
        el_jw_kstr(w, "modality", ev->modality);
    if (ev->intensional)
        el_jw_kbool(w, "intensional", true);
    if (ev->timex >= 0) {
        el_jw_kid(w, "timex", "t", ev->timex + 1);
        if (ev->timex_link != EL_TL_NONE)
            el_jw_kstr(w, "timex_link", ev->timex_link == EL_TL_OWN ? "own" : "sentence");
    }
    if (ev->nparticipants) {
        el_jw_key(w, "participants");
        el_jw_open(w, '[');
        for (size_t p = 0; p < ev->nparticipants; p++) {
            int e = el_corpus_entity_of(c, d->mentions[ev->participants[p]].key);
            if (e >= 0)
                el_jw_str(w, c->entities[e].id);
        }
        el_jw_close(w, ']');
        el_jw_key(w, "participant_mentions");
        el_jw_open(w, '[');
        for (size_t p = 0; p < ev->nparticipants; p++)
            el_jw_id(w, "m", ev->participants[p] + 1);
        el_jw_close(w, ']');
    }
    if (ev->location >= 0)
        el_jw_kid(w, "location_mention", "m", ev->location + 1);
    el_jw_kreal(w, "confidence", ev->confidence);
    el_jw_close(w, '}');
}

static void node_id(el_jw *w, const char *key, el_node_kind k, int i)
{
    if (k == EL_NODE_DCT)
        el_jw_kstr(w, key, "t0");
    else
        el_jw_kid(w, key, k == EL_NODE_EVENT ? "em" : "t", i + 1);
}

static void link_json(el_jw *w, const el_link *l)
{
    static const char *const kinds[] = {"TLINK", "SLINK", "ALINK"};
    el_jw_open(w, '{');
    el_jw_kstr(w, "kind", kinds[l->kind]);
    node_id(w, "from", l->from_kind, l->from);
    node_id(w, "to", l->to_kind, l->to);
    el_jw_kstr(w, "type", el_reltype_name(l->reltype));
    if (l->evidence)
        el_jw_kstr(w, "evidence", l->evidence);
    el_jw_close(w, '}');
}

/* "tlinks" (eventline addition, 2026-12-08): the links the TimeML writer
 * writes without its closure pairs (export/timeml_closure.c), when the
 * pipeline ran with the link tables; in annotate's per-document results
 * only (EL_JSON_TLINKS), so a merged timeline equals the single run's. */
static void tlinks_json(el_jw *w, const el_doc *d)
{
    if (!d->tlink_rules)
        return;
    el_link *ls;
    size_t n = el_timeml_links(d, d->tlink_rules, false, &ls);
    el_jw_key(w, "tlinks");
    el_jw_open(w, '[');
    for (size_t i = 0; i < n; i++)
        link_json(w, &ls[i]);
    el_jw_close(w, ']');
    free(ls);
}

/* --tokens: the syntax stage's words of each sentence, CoNLL-U style:
 * word (the CoNLL-U ID) and head count from 1 inside the sentence, head 0
 * = its root. */
static void tokens_json(el_jw *w, const el_doc *d, const el_syntax *m)
{
    el_jw_key(w, "tokens");
    el_jw_open(w, '[');
    cp_cursor cur = {0, 0, 0, 0, false};
    for (size_t si = 0; d->tok_word && si < d->nsentences; si++) {
        const el_sentence *s = &d->sentences[si];
        uint32_t first = d->tok_word[s->tok_begin];
        for (uint32_t i = first; s->tok_end > s->tok_begin && i < d->tok_word[s->tok_end]; i++) {
            const el_word *x = &d->words[i];
            el_jw_open(w, '{');
            el_jw_kint(w, "sentence", (int64_t)si + 1);
            el_jw_kint(w, "word", (int64_t)(i - first) + 1);
            put_span(w, d, &cur, x->start, x->end);
            el_jw_kstr(w, "lemma", x->lemma ? x->lemma : "");
            el_jw_kstr(w, "upos", el_syntax_upos_name(m, x->upos));
            el_jw_kstr(w, "xpos", el_syntax_xpos_name(m, x->xpos));
            el_jw_kint(w, "head", x->head == UINT32_MAX ? 0 : (int64_t)(x->head - first) + 1);
            el_jw_kstr(w, "deprel", el_syntax_deprel_name(m, x->deprel));
            el_jw_close(w, '}');
        }
    }
    el_jw_close(w, ']');
}

static void document_json(el_jw *w, const el_corpus *c, size_t di, const char **ids,
                          unsigned flags, const el_syntax *syn)
{
    static const char *const sources[] = {"none", "option", "manifest", "metadata", "text",
                                                "dateline"};
    const el_doc *d = c->docs[di];
    char dct[11];
    el_jw_open(w, '{');
    el_jw_kstr(w, "id", d->id);
    el_jw_key(w, "dct");
    if (d->dct.year) {
        el_date_format(d->dct, dct);
        el_jw_str(w, dct);
    } else {
        el_jw_null(w);
    }
    el_jw_kstr(w, "dct_source", sources[d->dct_source]);
    if (d->title)
        el_jw_kstr(w, "title", d->title);
    if (d->url)
        el_jw_kstr(w, "url", d->url);
    el_jw_kint(w, "length", (int64_t)d->ncp);
    if (flags & EL_JSON_TEXT) {
        el_jw_key(w, "text");
        el_jw_strn(w, d->text, d->len);
    }
    el_jw_key(w, "timexes");
    el_jw_open(w, '[');
    cp_cursor cur = {0, 0, 0, 0, false};
    for (size_t i = 0; i < d->ntimexes; i++)
        timex_json(w, d, &cur, i);
    el_jw_close(w, ']');
    el_jw_key(w, "mentions");
    el_jw_open(w, '[');
    cur.valid = false;
    for (size_t i = 0; i < d->nmentions; i++)
        mention_json(w, c, d, &cur, i);
    el_jw_close(w, ']');
    el_jw_key(w, "event_mentions");
    el_jw_open(w, '[');
    cur.valid = false;
    for (size_t i = 0; i < d->nevents; i++)
        event_mention_json(w, c, d, &cur, i, ids[i]);
    el_jw_close(w, ']');
    el_jw_key(w, "links");
    el_jw_open(w, '[');
    for (size_t i = 0; i < d->nlinks; i++)
        link_json(w, &d->links[i]);
    el_jw_close(w, ']');
    if (flags & EL_JSON_TLINKS)
        tlinks_json(w, d);
    if (syn)
        tokens_json(w, d, syn);
    el_jw_close(w, '}');
}

static void string_array(el_jw *w, const char *key, char **s, size_t n)
{
    el_jw_key(w, key);
    el_jw_open(w, '[');
    for (size_t i = 0; i < n; i++)
        el_jw_str(w, s[i]);
    el_jw_close(w, ']');
}

static void entity_json(el_jw *w, const el_corpus *c, const el_entity *e)
{
    el_jw_open(w, '{');
    el_jw_kstr(w, "id", e->id);
    el_jw_kstr(w, "name", e->name);
    el_jw_kstr(w, "type", el_ent_type_name(e->type));
    el_jw_kstr(w, "key", e->key);
    string_array(w, "aliases", e->aliases, e->naliases);
    string_array(w, "roles", e->roles, e->nroles);
    el_jw_kint(w, "mention_count", (int64_t)e->nmentions);
    el_jw_key(w, "documents");
    el_jw_open(w, '[');
    for (size_t i = 0; i < e->ndocs; i++)
        el_jw_str(w, c->docs[e->docs[i]]->id);
    el_jw_close(w, ']');
    el_jw_close(w, '}');
}

/* "DOCID#emN" */
static void mention_ref(el_jw *w, const el_corpus *c, el_mref r)
{
    char ref[256];   /* (as snprintf into 256 bytes: at most 255 of them) */
    const char *id = c->docs[r.doc]->id;
    size_t n = strlen(id);
    n = n < sizeof ref - 1 ? n : sizeof ref - 1;
    memcpy(ref, id, n);
    char num[16], *p = num + sizeof num;
    uint32_t v = r.ev + 1;
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    const char *tail[2] = {"#em", p};
    size_t tl[2] = {3, (size_t)(num + sizeof num - p)};
    for (int k = 0; k < 2; k++) {
        size_t m = tl[k] < sizeof ref - 1 - n ? tl[k] : sizeof ref - 1 - n;
        memcpy(ref + n, tail[k], m);
        n += m;
    }
    el_jw_strn(w, ref, n);
}

/* An undated event has no time object. */
static void event_time(el_jw *w, const el_corpus *c, const el_event *v)
{
    if (!v->value[0])
        return;
    el_jw_key(w, "time");
    el_jw_open(w, '{');
    {
        el_jw_kstr(w, "value", v->value);
        if (v->end_value[0])
            el_jw_kstr(w, "end", v->end_value);
        interval_json(w, v->iv);
        if (v->has_time_source) {
            el_jw_key(w, "source");
            mention_ref(w, c, v->time_source);
        }
        if (v->time_from_report)
            el_jw_kbool(w, "from_report", true);
        el_jw_kstr(w, "anchor", el_anchor_name(v->anchor));
        el_jw_kstr(w, "precision", el_event_precision(v));
    }
    el_jw_close(w, '}');
}

/* Why mentions of different articles are this one event (absent when
 * none are): the two mentions, the reason and the names both share. */
static void merges_json(el_jw *w, const el_corpus *c, const el_event *v)
{
    if (!v->nmerges)
        return;
    el_jw_key(w, "merged");
    el_jw_open(w, '[');
    for (size_t i = 0; i < v->nmerges; i++) {
        const el_merge_note *n = &v->merges[i];
        el_jw_open(w, '{');
        el_jw_key(w, "mentions");
        el_jw_open(w, '[');
        mention_ref(w, c, n->a);
        mention_ref(w, c, n->b);
        el_jw_close(w, ']');
        el_jw_kstr_or_null(w, "why", n->why);
        el_jw_key(w, "shared");
        el_jw_open(w, '[');
        for (size_t k = 0; k < n->nshared; k++)
            el_jw_str(w, c->entities[n->shared[k]].id);
        el_jw_close(w, ']');
        el_jw_close(w, '}');
    }
    el_jw_close(w, ']');
}

static void event_json(el_jw *w, const el_corpus *c, const el_event *v)
{
    el_jw_open(w, '{');
    el_jw_kstr(w, "id", v->id);
    el_jw_kstr_or_null(w, "type", v->type);
    el_jw_kstr_or_null(w, "label", v->label);
    el_jw_key(w, "participants");
    el_jw_open(w, '[');
    for (size_t i = 0; i < v->nparticipants; i++)
        el_jw_str(w, c->entities[v->participants[i]].id);
    el_jw_close(w, ']');
    if (v->location >= 0)
        el_jw_kstr(w, "location", c->entities[v->location].id);
    event_time(w, c, v);
    el_jw_key(w, "mentions");
    el_jw_open(w, '[');
    for (size_t i = 0; i < v->nmentions; i++)
        mention_ref(w, c, v->mentions[i]);
    el_jw_close(w, ']');
    el_jw_kbool(w, "factual", v->factual);
    el_jw_kreal(w, "confidence", v->confidence);
    merges_json(w, c, v);
    el_jw_close(w, '}');
}

static void relation_json(el_jw *w, const el_corpus *c, const el_relation *r)
{
    el_jw_open(w, '{');
    el_jw_kstr(w, "from", c->events[r->from].id);
    el_jw_kstr(w, "to", c->events[r->to].id);
    el_jw_kstr(w, "type", el_reltype_name(r->type));
    el_jw_kbool(w, "inferred", r->inferred);
    if (r->evidence)
        el_jw_kstr(w, "evidence", r->evidence);
    el_jw_close(w, '}');
}

static void entities_json(el_jw *w, const el_corpus *c)
{
    el_jw_open(w, '[');
    for (size_t i = 0; i < c->nentities; i++)
        entity_json(w, c, &c->entities[i]);
    el_jw_close(w, ']');
}

/* The corpus-level lists after "documents", in output order. */
static void tail_json(el_jw *w, const el_corpus *c)
{
    el_jw_key(w, "entities");
    entities_json(w, c);
    el_jw_key(w, "events");
    el_jw_open(w, '[');
    for (size_t i = 0; i < c->nevents; i++)
        event_json(w, c, &c->events[i]);
    el_jw_close(w, ']');
    el_jw_key(w, "relations");
    el_jw_open(w, '[');
    for (size_t i = 0; i < c->nrelations; i++)
        relation_json(w, c, &c->relations[i]);
    el_jw_close(w, ']');
    el_jw_key(w, "timeline");
    el_jw_open(w, '[');
    for (size_t i = 0; i < c->ntimeline; i++)
        el_jw_str(w, c->events[c->timeline[i]].id);
    el_jw_close(w, ']');
    el_jw_key(w, "conflicts");
    el_jw_open(w, '[');
    for (size_t i = 0; i < c->nconflicts; i++)
        el_jw_str(w, c->conflicts[i]);
    el_jw_close(w, ']');
}

/* Stream the corpus through the writer: nothing but the writer's buffer
 * is held, whatever the corpus size. */
int el_export_json_file_ex(const el_corpus *c, unsigned flags, FILE *out)
{
    return el_export_json_file_syn(c, flags, NULL, out);
}

int el_export_json_file_syn(const el_corpus *c, unsigned flags, const el_syntax *syn,
                            FILE *out)
{
    el_jw *w = el_malloc(sizeof *w);
    el_jw_init(w, out, flags & EL_JSON_PRETTY);
    el_jw_open(w, '{');
    el_jw_kstr(w, "schema", "eventline/1");
    el_jw_key(w, "documents");
    el_jw_open(w, '[');
    const char ***ids = event_ids_by_doc(c);
    for (size_t i = 0; i < c->ndocs; i++)
        document_json(w, c, i, ids[i], flags, syn);
    free_event_ids(c, ids);
    el_jw_close(w, ']');
    tail_json(w, c);
    el_jw_kint(w, "revision", EL_JSON_REVISION);
    el_jw_close(w, '}');
    int rc = el_jw_finish(w);
    free(w);
    return fputc('\n', out) == EOF || rc ? -1 : 0;
}

int el_export_json_file(const el_corpus *c, FILE *out)
{
    return el_export_json_file_ex(c, 0, out);
}

int el_export_json_entities(const el_corpus *c, unsigned flags, FILE *out)
{
    el_jw *w = el_malloc(sizeof *w);
    el_jw_init(w, out, flags & EL_JSON_PRETTY);
    entities_json(w, c);
    int rc = el_jw_finish(w);
    free(w);
    return fputc('\n', out) == EOF ? -1 : rc;
}

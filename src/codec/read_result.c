/* read_result.c - rebuild annotated documents from eventline's own JSON
 * (the per-document results of `annotate -f json|jsonl`, which carry the
 * text).  This is the input side of `eventline merge`: the document model
 * after the per-document stages, without running them again. */
#include "codec/codec.h"
#include "codec/jdom.h"
#include "base/utf8.h"
#include "base/util.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Byte offset of code point `cp` (binary search over sentences, then a
 * walk; ASCII text: the same number). */
static size_t byte_of_cp(const el_doc *d, size_t cp)
{
    if (d->ncp == d->len)
        return cp < d->len ? cp : d->len;
    size_t lo = 0, hi = d->nsentences, b = 0, c = 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sentences[mid].cstart <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0) {
        b = d->sentences[lo - 1].start;
        c = d->sentences[lo - 1].cstart;
    }
    while (c < cp && b < d->len) {
        el_utf8_next(d->text, d->len, &b);
        c++;
    }
    return b;
}

/* Token range of the byte span [start, end): the tokens that overlap it.
 * False if none does (a span in whitespace or past the last token). */
static bool token_range(const el_doc *d, size_t start, size_t end, uint32_t *tb, uint32_t *te)
{
    size_t lo = 0, hi = d->ntokens;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tokens[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t t = lo;
    while (t < d->ntokens && d->tokens[t].start < end)
        t++;
    if (t == lo)
        return false;
    *tb = (uint32_t)lo;
    *te = (uint32_t)t;
    return true;
}

static const char *str(el_jv o, const char *key)
{
    const char *s = el_jv_str(el_jv_get(o, key));
    return s ? s : "";
}

#define FOREACH(arr, i, o) \
    for (i = 0, o = el_jv_first(arr); el_jv_present(o); o = el_jv_next(o), i++)

/* The reader's state: the problem with the record, if any, in `why`. */
typedef struct rd {
    el_doc *d;
    char why[256];
} rd;

static bool fail(rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(rd *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->why, sizeof r->why, fmt, ap);
    va_end(ap);
    return false;
}

/* "t3" / "em12" / "m4" with prefix "t" / "em" / "m" -> 2 / 11 / 3, which
 * must be below n: decimal digits without a leading zero, range-checked
 * while read (no atoi: "t2147483648" is out of range, not negative). */
bool el_result_ref(const char *s, const char *prefix, size_t n, int *idx)
{
    size_t p = strlen(prefix);
    if (!s || strncmp(s, prefix, p) != 0 || s[p] < '1' || s[p] > '9')
        return false;
    size_t v = 0;
    for (s += p; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + (size_t)(*s - '0');
        if (v > n || v > INT_MAX)
            return false;
    }
    *idx = (int)v - 1;
    return true;
}

/* An optional reference field: absent or null -> -1; otherwise it must
 * name one of the n items. */
static bool opt_ref(rd *r, el_jv o, const char *key, const char *prefix, size_t n,
                    const char *what, size_t i, int *idx)
{
    el_jv v = el_jv_get(o, key);
    *idx = -1;
    if (!el_jv_present(v) || el_jv_is(v, EL_JD_NULL))
        return true;
    if (!el_result_ref(el_jv_str(v), prefix, n, idx))
        return fail(r, "%s %zu: %s '%.40s' names no %s", what, i + 1, key,
                    el_jv_is(v, EL_JD_STR) ? el_jv_str(v) : "(not a string)",
                    *prefix == 't' ? "time expression" : *prefix == 'm' ? "mention" : "event");
    return true;
}

/* The span of item i: integer code-point offsets 0 <= start < end <= the
 * text's length, covering at least one token. */
static bool span_of(rd *r, el_jv o, const char *what, size_t i, uint32_t *start,
                    uint32_t *end, uint32_t *tb, uint32_t *te)
{
    el_doc *d = r->d;
    el_jv js = el_jv_get(o, "start"), je = el_jv_get(o, "end");
    if (!el_jv_is(js, EL_JD_INT) || !el_jv_is(je, EL_JD_INT))
        return fail(r, "%s %zu: start and end must be integers", what, i + 1);
    int64_t s = el_jv_int(js), e = el_jv_int(je);
    if (s < 0 || e <= s || (uint64_t)e > d->ncp)
        return fail(r, "%s %zu: span [%lld, %lld) lies outside the text (%zu characters)",
                    what, i + 1, (long long)s, (long long)e, d->ncp);
    *start = (uint32_t)byte_of_cp(d, (size_t)s);
    *end = (uint32_t)byte_of_cp(d, (size_t)e);
    if (!token_range(d, *start, *end, tb, te))
        return fail(r, "%s %zu: span [%lld, %lld) covers no word of the text", what, i + 1,
                    (long long)s, (long long)e);
    return true;
}

static void read_interval(el_jv o, el_interval *iv)
{
    el_jv in = el_jv_get(o, "interval");
    int64_t b, e;
    el_gran g = EL_GRAN_NONE;
    if (el_jv_is(in, EL_JD_OBJ) && el_instant_parse(str(in, "begin"), &b)
        && el_instant_parse(str(in, "end"), &e)) {
        el_gran_parse(str(in, "granularity"), &g);
        iv->begin = b;
        iv->end = e;
        iv->gran = g;
    }
}

static bool read_timexes(rd *r, el_jv arr)
{
    el_doc *d = r->d;
    size_t i, n = el_jv_size(arr);
    el_jv o;
    FOREACH(arr, i, o) {
        uint32_t s, e, tb, te;
        if (!span_of(r, o, "time expression", i, &s, &e, &tb, &te))
            return false;
        el_timex *t = el_doc_add_timex(d, tb, te);
        t->start = s;
        t->end = e;
        const char *type = str(o, "type");
        t->type = strcmp(type, "TIME") == 0 ? EL_TIMEX_TIME
                  : strcmp(type, "DURATION") == 0 ? EL_TIMEX_DURATION
                  : strcmp(type, "SET") == 0 ? EL_TIMEX_SET : EL_TIMEX_DATE;
        snprintf(t->value, sizeof t->value, "%s", str(o, "value"));
        snprintf(t->mod, sizeof t->mod, "%s", str(o, "mod"));
        snprintf(t->quant, sizeof t->quant, "%s", str(o, "quant"));
        snprintf(t->freq, sizeof t->freq, "%s", str(o, "freq"));
        snprintf(t->zone, sizeof t->zone, "%s", str(o, "zone"));
        if (!opt_ref(r, o, "anchor", "t", n, "time expression", i, &t->anchor))
            return false;
        t->temporal_function = el_jv_is(el_jv_get(o, "temporal_function"), EL_JD_TRUE);
        read_interval(o, &t->iv);
    }
    return true;
}

/* A result's entity list, for the mention -> key lookup: entity i is
 * usually "E<i+1>" (positional ids), so that is tried first. */
typedef struct ents {
    el_jv *v;
    size_t n, cap;
} ents;

static const char *entity_key(const ents *es, const char *id)
{
    int k;
    if (el_result_ref(id, "E", es->n, &k) && strcmp(str(es->v[k], "id"), id) == 0)
        return str(es->v[k], "key");
    for (size_t i = 0; i < es->n; i++)
        if (strcmp(str(es->v[i], "id"), id) == 0)
            return str(es->v[i], "key");
    return NULL;
}

static bool read_mentions(rd *r, el_jv arr, const ents *entities)
{
    el_doc *d = r->d;
    size_t i;
    el_jv o;
    FOREACH(arr, i, o) {
        uint32_t s, e, tb, te;
        el_ent_type type = EL_ENT_OTHER;
        if (!span_of(r, o, "mention", i, &s, &e, &tb, &te))
            return false;
        el_ent_type_parse(str(o, "type"), &type);
        const char *key = entity_key(entities, str(o, "entity"));
        el_mention *m = el_doc_add_mention(d, tb, te, type, key && *key ? key : str(o, "text"),
                                           str(o, "name"));
        m->start = s;
        m->end = e;
        if (*str(o, "role"))
            m->role = el_doc_str(d, str(o, "role"));
        if (*str(o, "subtype"))
            m->subtype = el_doc_str(d, str(o, "subtype"));
        if (el_jv_is_number(el_jv_get(o, "confidence")))
            m->confidence = (float)el_jv_number(el_jv_get(o, "confidence"));
        if (*str(o, "type_source"))
            el_type_source_parse(str(o, "type_source"), &m->type_source);
    }
    return true;
}

static int enum_index(const char *s, const char *(*name)(int), int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, name(i)) == 0)
            return i;
    return 0;
}

static const char *tense_name(int i) { return el_tense_name((el_tense)i); }
static const char *aspect_name(int i) { return el_aspect_name((el_aspect)i); }

static bool read_participants(rd *r, el_event_mention *ev, el_jv o, size_t i)
{
    size_t k;
    el_jv p;
    FOREACH(el_jv_get(o, "participant_mentions"), k, p) {
        int m;
        if (!el_result_ref(el_jv_str(p), "m", r->d->nmentions, &m))
            return fail(r, "event mention %zu: participant '%.40s' names no mention", i + 1,
                        el_jv_is(p, EL_JD_STR) ? el_jv_str(p) : "(not a string)");
        el_event_add_participant(r->d, ev, m);
    }
    return true;
}

static bool read_events(rd *r, el_jv arr)
{
    el_doc *d = r->d;
    size_t i;
    el_jv o;
    FOREACH(arr, i, o) {
        uint32_t s, e, tb, te;
        el_event_class cls = EL_EV_OCCURRENCE;
        if (!span_of(r, o, "event mention", i, &s, &e, &tb, &te))
            return false;
        el_event_class_parse(str(o, "class"), &cls);
        const char *type = el_jv_str(el_jv_get(o, "type"));
        const char *lemma = el_jv_str(el_jv_get(o, "lemma"));
        el_event_mention *ev = el_doc_add_event(d, tb, te, cls, type, lemma);
        ev->start = s;
        ev->end = e;
        ev->tense = (el_tense)enum_index(str(o, "tense"), tense_name, EL_TENSE_PASTPART + 1);
        ev->aspect = (el_aspect)enum_index(str(o, "aspect"), aspect_name,
                                           EL_ASPECT_PERFECTIVE_PROGRESSIVE + 1);
        ev->negated = strcmp(str(o, "polarity"), "NEG") == 0;
        if (*str(o, "modality"))
            ev->modality = el_doc_str(d, str(o, "modality"));
        ev->intensional = el_jv_is(el_jv_get(o, "intensional"), EL_JD_TRUE);
        if (!opt_ref(r, o, "timex", "t", d->ntimexes, "event mention", i, &ev->timex)
            || !opt_ref(r, o, "location_mention", "m", d->nmentions, "event mention", i,
                        &ev->location)
            || !read_participants(r, ev, o, i))
            return false;
        if (ev->timex >= 0)
            ev->timex_link = strcmp(str(o, "timex_link"), "sentence") == 0 ? EL_TL_SENTENCE
                             : strcmp(str(o, "timex_link"), "own") == 0 ? EL_TL_OWN : EL_TL_NONE;
        if (el_jv_is_number(el_jv_get(o, "confidence")))
            ev->confidence = (float)el_jv_number(el_jv_get(o, "confidence"));
    }
    return true;
}

/* A link endpoint: "t0" (the DCT), "tN" or "emN", checked against the
 * document's time expressions and event mentions. */
static bool read_node(const el_doc *d, const char *s, el_node_kind *kind, int *idx)
{
    if (strcmp(s, "t0") == 0) {
        *kind = EL_NODE_DCT;
        *idx = -1;
        return true;
    }
    *kind = s[0] == 'e' ? EL_NODE_EVENT : EL_NODE_TIMEX;
    return *kind == EL_NODE_EVENT ? el_result_ref(s, "em", d->nevents, idx)
                                  : el_result_ref(s, "t", d->ntimexes, idx);
}

static bool read_links(rd *r, el_jv arr)
{
    size_t i;
    el_jv o;
    FOREACH(arr, i, o) {
        el_node_kind fk, tk;
        int from, to;
        const char *kind = str(o, "kind");
        if (!read_node(r->d, str(o, "from"), &fk, &from) || !read_node(r->d, str(o, "to"), &tk, &to))
            return fail(r, "link %zu: '%.40s' -> '%.40s' names no event mention or time "
                        "expression", i + 1, str(o, "from"), str(o, "to"));
        el_link_kind lk = strcmp(kind, "SLINK") == 0 ? EL_LINK_SLINK
                          : strcmp(kind, "ALINK") == 0 ? EL_LINK_ALINK : EL_LINK_TLINK;
        const char *ev = el_jv_str(el_jv_get(o, "evidence"));
        el_reltype type;
        if (!el_reltype_parse(str(o, "type"), &type))
            return fail(r, "link %zu: '%.40s' is not a TimeML relation type", i + 1, str(o, "type"));
        el_doc_add_link(r->d, lk, fk, from, tk, to, type, ev);
    }
    return true;
}

/* The document text: a string without NUL bytes, valid UTF-8 (Jansson
 * checks that), within the size limit. */
static const char *check_text(el_jv jd, size_t *len, char **err)
{
    el_jv text = el_jv_get(jd, "text");
    if (!el_jv_is(text, EL_JD_STR)) {
        *err = el_strdup("result has no document text (write it with annotate -f json or jsonl)");
        return NULL;
    }
    *len = el_jv_strlen(text);
    const char *s = el_jv_str(text);
    if (strlen(s) != *len) {
        *err = el_strdup("document text contains a NUL character");
        return NULL;
    }
    if (*len >= EL_MAX_DOC_BYTES) {
        *err = el_strdup("document text is larger than 4 GB");
        return NULL;
    }
    return s;
}

static el_doc *read_doc(el_jv jd, const ents *entities, const el_abbrevs *ab, char **err)
{
    size_t len;
    const char *text = check_text(jd, &len, err);
    if (!text)
        return NULL;
    el_doc *d = el_doc_new(str(jd, "id"), NULL, el_strndup(text, len), len);
    el_date dct;
    if (el_date_parse(str(jd, "dct"), &dct)) {
        d->dct = dct;
        static const char *const sources[] = {"none", "option", "manifest", "metadata", "text",
                                                "dateline"};
        for (int s = 0; s < 6; s++)
            if (strcmp(str(jd, "dct_source"), sources[s]) == 0)
                d->dct_source = (el_dct_source)s;
    }
    if (*str(jd, "title"))
        d->title = el_strdup(str(jd, "title"));
    if (*str(jd, "url"))   /* the source URL, for the drawings' links */
        d->url = el_strdup(str(jd, "url"));
    el_tokenize(d, ab);
    rd r = {d, ""};
    if (!read_timexes(&r, el_jv_get(jd, "timexes"))
        || !read_mentions(&r, el_jv_get(jd, "mentions"), entities)
        || !read_events(&r, el_jv_get(jd, "event_mentions"))
        || !read_links(&r, el_jv_get(jd, "links"))) {
        char msg[400];
        snprintf(msg, sizeof msg, "document '%.60s': %s", d->id, r.why);
        *err = el_strdup(msg);
        el_doc_free(d);
        return NULL;
    }
    return d;
}

struct el_result_reader {
    el_jd jd;
    ents entities;
    const el_abbrevs *abbrevs;
    char why[200];
};

el_result_reader *el_result_reader_new(const el_abbrevs *abbrevs)
{
    el_result_reader *r = el_calloc(1, sizeof *r);
    r->abbrevs = abbrevs;
    return r;
}

void el_result_reader_free(el_result_reader *r)
{
    if (!r)
        return;
    el_jd_free(&r->jd);
    free(r->entities.v);
    free(r);
}

bool el_read_result(el_result_reader *r, char *buf, size_t n, el_result_sink *sink, void *ctx,
                    const char **err)
{
    if (!el_jd_parse(&r->jd, buf, n)) {
        snprintf(r->why, sizeof r->why, "not valid JSON: %s", r->jd.err);
        *err = r->why;
        return false;
    }
    el_jv root = el_jd_root(&r->jd), docs = el_jv_get(root, "documents"), jd, e;
    if (!el_jv_is(docs, EL_JD_ARR) || !el_jv_is(el_jv_get(root, "schema"), EL_JD_STR)) {
        *err = "not an eventline result (no schema/documents)";
        return false;
    }
    size_t i;
    r->entities.n = 0;
    FOREACH(el_jv_get(root, "entities"), i, e)
        EL_PUSH(r->entities.v, r->entities.n, r->entities.cap) = e;
    FOREACH(docs, i, jd) {
        char *why = NULL;
        el_doc *d = read_doc(jd, &r->entities, r->abbrevs, &why);
        if (d) {
            sink->add(ctx, d);
        } else {
            sink->bad(ctx, why);
            free(why);
        }
    }
    return true;
}

/* read_result.c - rebuild annotated documents from eventline's own JSON
 * (the per-document results of `annotate -f json|jsonl`, which carry the
 * text).  This is the input side of `eventline merge`: the document model
 * after the per-document stages, without running them again. */
#include "codec/codec.h"
#include "base/utf8.h"
#include "base/util.h"

#include <jansson.h>
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

static const char *str(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

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
static bool opt_ref(rd *r, const json_t *o, const char *key, const char *prefix, size_t n,
                    const char *what, size_t i, int *idx)
{
    const json_t *v = json_object_get(o, key);
    *idx = -1;
    if (!v || json_is_null(v))
        return true;
    if (!el_result_ref(json_string_value(v), prefix, n, idx))
        return fail(r, "%s %zu: %s '%.40s' names no %s", what, i + 1, key,
                    json_is_string(v) ? json_string_value(v) : "(not a string)",
                    *prefix == 't' ? "time expression" : *prefix == 'm' ? "mention" : "event");
    return true;
}

/* The span of item i: integer code-point offsets 0 <= start < end <= the
 * text's length, covering at least one token. */
static bool span_of(rd *r, const json_t *o, const char *what, size_t i, uint32_t *start,
                    uint32_t *end, uint32_t *tb, uint32_t *te)
{
    el_doc *d = r->d;
    const json_t *js = json_object_get(o, "start"), *je = json_object_get(o, "end");
    if (!json_is_integer(js) || !json_is_integer(je))
        return fail(r, "%s %zu: start and end must be integers", what, i + 1);
    json_int_t s = json_integer_value(js), e = json_integer_value(je);
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

static void read_interval(const json_t *o, el_interval *iv)
{
    const json_t *in = json_object_get(o, "interval");
    int64_t b, e;
    el_gran g = EL_GRAN_NONE;
    if (json_is_object(in) && el_instant_parse(str(in, "begin"), &b)
        && el_instant_parse(str(in, "end"), &e)) {
        el_gran_parse(str(in, "granularity"), &g);
        iv->begin = b;
        iv->end = e;
        iv->gran = g;
    }
}

static bool read_timexes(rd *r, const json_t *arr)
{
    el_doc *d = r->d;
    size_t i, n = json_array_size(arr);
    const json_t *o;
    json_array_foreach(arr, i, o) {
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
        t->temporal_function = json_is_true(json_object_get(o, "temporal_function"));
        read_interval(o, &t->iv);
    }
    return true;
}

static const char *entity_key(const json_t *entities, const char *id)
{
    size_t i;
    const json_t *e;
    json_array_foreach(entities, i, e)
        if (strcmp(str(e, "id"), id) == 0)
            return str(e, "key");
    return NULL;
}

static bool read_mentions(rd *r, const json_t *arr, const json_t *entities)
{
    el_doc *d = r->d;
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
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
        if (json_is_number(json_object_get(o, "confidence")))
            m->confidence = (float)json_number_value(json_object_get(o, "confidence"));
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

static bool read_participants(rd *r, el_event_mention *ev, const json_t *o, size_t i)
{
    size_t k;
    const json_t *p;
    json_array_foreach(json_object_get(o, "participant_mentions"), k, p) {
        int m;
        if (!el_result_ref(json_string_value(p), "m", r->d->nmentions, &m))
            return fail(r, "event mention %zu: participant '%.40s' names no mention", i + 1,
                        json_is_string(p) ? json_string_value(p) : "(not a string)");
        el_event_add_participant(r->d, ev, m);
    }
    return true;
}

static bool read_events(rd *r, const json_t *arr)
{
    el_doc *d = r->d;
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
        uint32_t s, e, tb, te;
        el_event_class cls = EL_EV_OCCURRENCE;
        if (!span_of(r, o, "event mention", i, &s, &e, &tb, &te))
            return false;
        el_event_class_parse(str(o, "class"), &cls);
        const char *type = json_string_value(json_object_get(o, "type"));
        const char *lemma = json_string_value(json_object_get(o, "lemma"));
        el_event_mention *ev = el_doc_add_event(d, tb, te, cls, type, lemma);
        ev->start = s;
        ev->end = e;
        ev->tense = (el_tense)enum_index(str(o, "tense"), tense_name, EL_TENSE_PASTPART + 1);
        ev->aspect = (el_aspect)enum_index(str(o, "aspect"), aspect_name,
                                           EL_ASPECT_PERFECTIVE_PROGRESSIVE + 1);
        ev->negated = strcmp(str(o, "polarity"), "NEG") == 0;
        if (*str(o, "modality"))
            ev->modality = el_doc_str(d, str(o, "modality"));
        ev->intensional = json_is_true(json_object_get(o, "intensional"));
        if (!opt_ref(r, o, "timex", "t", d->ntimexes, "event mention", i, &ev->timex)
            || !opt_ref(r, o, "location_mention", "m", d->nmentions, "event mention", i,
                        &ev->location)
            || !read_participants(r, ev, o, i))
            return false;
        if (ev->timex >= 0)
            ev->timex_link = strcmp(str(o, "timex_link"), "sentence") == 0 ? EL_TL_SENTENCE
                             : strcmp(str(o, "timex_link"), "own") == 0 ? EL_TL_OWN : EL_TL_NONE;
        if (json_is_number(json_object_get(o, "confidence")))
            ev->confidence = (float)json_number_value(json_object_get(o, "confidence"));
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

static bool read_links(rd *r, const json_t *arr)
{
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
        el_node_kind fk, tk;
        int from, to;
        const char *kind = str(o, "kind");
        if (!read_node(r->d, str(o, "from"), &fk, &from) || !read_node(r->d, str(o, "to"), &tk, &to))
            return fail(r, "link %zu: '%.40s' -> '%.40s' names no event mention or time "
                        "expression", i + 1, str(o, "from"), str(o, "to"));
        el_link_kind lk = strcmp(kind, "SLINK") == 0 ? EL_LINK_SLINK
                          : strcmp(kind, "ALINK") == 0 ? EL_LINK_ALINK : EL_LINK_TLINK;
        const char *ev = json_string_value(json_object_get(o, "evidence"));
        el_reltype type;
        if (!el_reltype_parse(str(o, "type"), &type))
            return fail(r, "link %zu: '%.40s' is not a TimeML relation type", i + 1, str(o, "type"));
        el_doc_add_link(r->d, lk, fk, from, tk, to, type, ev);
    }
    return true;
}

/* The document text: a string without NUL bytes, valid UTF-8 (Jansson
 * checks that), within the size limit. */
static const char *check_text(const json_t *jd, size_t *len, char **err)
{
    const json_t *text = json_object_get(jd, "text");
    if (!json_is_string(text)) {
        *err = el_strdup("result has no document text (write it with annotate -f json or jsonl)");
        return NULL;
    }
    *len = json_string_length(text);
    const char *s = json_string_value(text);
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

el_doc *el_read_result_doc(const json_t *jd, const json_t *entities, const el_abbrevs *ab,
                           char **err)
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
    el_tokenize(d, ab);
    rd r = {d, ""};
    if (!read_timexes(&r, json_object_get(jd, "timexes"))
        || !read_mentions(&r, json_object_get(jd, "mentions"), entities)
        || !read_events(&r, json_object_get(jd, "event_mentions"))
        || !read_links(&r, json_object_get(jd, "links"))) {
        char msg[400];
        snprintf(msg, sizeof msg, "document '%.60s': %s", d->id, r.why);
        *err = el_strdup(msg);
        el_doc_free(d);
        return NULL;
    }
    return d;
}

/* read_result.c - rebuild annotated documents from eventline's own JSON
 * (the per-document results of `annotate -f json|jsonl`, which carry the
 * text).  This is the input side of `eventline merge`: the document model
 * after the per-document stages, without running them again. */
#include "codec/codec.h"
#include "base/utf8.h"
#include "base/util.h"

#include <jansson.h>
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

/* Token range covering the byte span [start, end). */
static void token_range(const el_doc *d, size_t start, size_t end, uint32_t *tb, uint32_t *te)
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
    *tb = (uint32_t)lo;
    *te = (uint32_t)(t > lo ? t : lo + (lo < d->ntokens));
}

static const char *str(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* "t3" / "em12" / "m4" -> 2 / 11 / 3; -1 if absent or malformed. */
static int ref_index(const json_t *o, const char *key, const char *prefix)
{
    const char *s = json_string_value(json_object_get(o, key));
    size_t n = strlen(prefix);
    if (!s || strncmp(s, prefix, n) != 0 || s[n] < '1' || s[n] > '9')
        return -1;
    return atoi(s + n) - 1;
}

static bool span_of(el_doc *d, const json_t *o, uint32_t *start, uint32_t *end, uint32_t *tb,
                    uint32_t *te)
{
    json_int_t s = json_integer_value(json_object_get(o, "start"));
    json_int_t e = json_integer_value(json_object_get(o, "end"));
    if (s < 0 || e <= s || (size_t)e > d->ncp)
        return false;
    *start = (uint32_t)byte_of_cp(d, (size_t)s);
    *end = (uint32_t)byte_of_cp(d, (size_t)e);
    token_range(d, *start, *end, tb, te);
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

static bool read_timexes(el_doc *d, const json_t *arr)
{
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
        uint32_t s, e, tb, te;
        if (!span_of(d, o, &s, &e, &tb, &te))
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
        t->anchor = ref_index(o, "anchor", "t");
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

static bool read_mentions(el_doc *d, const json_t *arr, const json_t *entities)
{
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
        uint32_t s, e, tb, te;
        el_ent_type type = EL_ENT_OTHER;
        if (!span_of(d, o, &s, &e, &tb, &te))
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

static bool read_events(el_doc *d, const json_t *arr)
{
    size_t i, k;
    const json_t *o, *p;
    json_array_foreach(arr, i, o) {
        uint32_t s, e, tb, te;
        el_event_class cls = EL_EV_OCCURRENCE;
        if (!span_of(d, o, &s, &e, &tb, &te))
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
        ev->timex = ref_index(o, "timex", "t");
        if (ev->timex >= 0)
            ev->timex_link = strcmp(str(o, "timex_link"), "sentence") == 0 ? EL_TL_SENTENCE
                             : strcmp(str(o, "timex_link"), "own") == 0 ? EL_TL_OWN : EL_TL_NONE;
        ev->location = ref_index(o, "location_mention", "m");
        if (json_is_number(json_object_get(o, "confidence")))
            ev->confidence = (float)json_number_value(json_object_get(o, "confidence"));
        json_array_foreach(json_object_get(o, "participant_mentions"), k, p) {
            int m = p && json_is_string(p) ? atoi(json_string_value(p) + 1) - 1 : -1;
            if (m >= 0 && (size_t)m < d->nmentions)
                el_event_add_participant(d, ev, m);
        }
    }
    return true;
}

static bool read_node(const char *s, el_node_kind *kind, int *idx)
{
    if (strcmp(s, "t0") == 0) {
        *kind = EL_NODE_DCT;
        *idx = -1;
    } else if (strncmp(s, "em", 2) == 0) {
        *kind = EL_NODE_EVENT;
        *idx = atoi(s + 2) - 1;
    } else if (s[0] == 't') {
        *kind = EL_NODE_TIMEX;
        *idx = atoi(s + 1) - 1;
    } else {
        return false;
    }
    return true;
}

static void read_links(el_doc *d, const json_t *arr)
{
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
        el_node_kind fk, tk;
        int from, to;
        const char *kind = str(o, "kind");
        if (!read_node(str(o, "from"), &fk, &from) || !read_node(str(o, "to"), &tk, &to))
            continue;
        el_link_kind lk = strcmp(kind, "SLINK") == 0 ? EL_LINK_SLINK
                          : strcmp(kind, "ALINK") == 0 ? EL_LINK_ALINK : EL_LINK_TLINK;
        const char *ev = json_string_value(json_object_get(o, "evidence"));
        el_doc_add_link(d, lk, fk, from, tk, to, str(o, "type"), ev);
    }
}

el_doc *el_read_result_doc(const json_t *jd, const json_t *entities, const el_abbrevs *ab,
                           char **err)
{
    const json_t *text = json_object_get(jd, "text");
    if (!json_is_string(text)) {
        *err = el_strdup("result has no document text (write it with annotate -f json or jsonl)");
        return NULL;
    }
    size_t len = json_string_length(text);
    el_doc *d = el_doc_new(str(jd, "id"), NULL, el_strndup(json_string_value(text), len), len);
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
    if (!read_timexes(d, json_object_get(jd, "timexes"))
        || !read_mentions(d, json_object_get(jd, "mentions"), entities)
        || !read_events(d, json_object_get(jd, "event_mentions"))) {
        *err = el_strdup("an annotation span lies outside the document text");
        el_doc_free(d);
        return NULL;
    }
    read_links(d, json_object_get(jd, "links"));
    return d;
}

/* doc.c - the document model: construction, annotation layers, names of
 * enum values, and code-point offsets (see doc.h). */
#include "model/doc.h"
#include "base/util.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

el_doc *el_doc_new(const char *id, const char *path, char *text, size_t len)
{
    el_doc *d = el_calloc(1, sizeof *d);
    d->id = el_strdup(id ? id : "doc");
    d->path = path ? el_strdup(path) : NULL;
    d->text = text;
    d->len = len;
    d->ncp = el_utf8_count(text, len);
    return d;
}

/* ---- annotation strings -------------------------------------------------- */

/* A block of strings; a document's blocks form a list, newest first.  A
 * string never moves, so a block is never reallocated: a full one is left
 * as it is and a new (larger) one put in front. */
struct el_strblock {
    el_strblock *next;
    size_t used, cap;
    char data[];
};

enum { STRBLOCK_MIN = 1024, STRBLOCK_MAX = 1024 * 1024 };

/* Size of d's next block: the first one holds the strings of most
 * documents (news takes about 1.3 bytes of strings per byte of text: a page
 * of it left unused is never touched), later ones double. */
static size_t block_size(const el_doc *d, const el_strblock *last, size_t n)
{
    size_t cap = last ? 2 * last->cap : d->len + d->len / 2 + STRBLOCK_MIN;
    if (cap > STRBLOCK_MAX)
        cap = STRBLOCK_MAX;
    return cap < n ? n : cap;
}

/* Room for n bytes aligned to `align` (a power of two, at most 8: the
 * blocks' data is 8-aligned) among d's strings. */
static void *doc_alloc(el_doc *d, size_t n, size_t align)
{
    el_strblock *b = d->strings;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->cap || b->cap - at < n) {
        size_t cap = block_size(d, b, n);
        el_strblock *nb = el_malloc(sizeof *nb + cap);
        nb->used = 0;
        nb->cap = cap;
        nb->next = b;
        d->strings = b = nb;
        at = 0;
    }
    b->used = at + n;
    return b->data + at;
}

char *el_doc_stralloc(el_doc *d, size_t n)
{
    return doc_alloc(d, n, 1);
}

char *el_doc_strn(el_doc *d, const char *s, size_t n)
{
    char *p = el_doc_stralloc(d, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *el_doc_str(el_doc *d, const char *s)
{
    if (!s)
        return NULL;
    el_strblock *b = d->strings;
    if (b) {   /* copy while measuring, where el_doc_strn would put it: most
                  strings (types, lemmas, keys) are short and fit, and then
                  need no strlen and memcpy calls */
        char *o = b->data + b->used;
        for (size_t i = 0, room = b->cap - b->used; i < room; i++)
            if (!(o[i] = s[i])) {
                b->used += i + 1;
                return o;
            }
    }   /* (no room: the bytes written past `used` are free space still) */
    return el_doc_strn(d, s, strlen(s));
}

static void free_strings(el_strblock *b)
{
    while (b) {
        el_strblock *next = b->next;
        free(b);
        b = next;
    }
}

/* ---- the document --------------------------------------------------------- */

void el_doc_free(el_doc *d)
{
    if (!d)
        return;
    free_strings(d->strings);
    free(d->id);
    free(d->path);
    free(d->title);
    free(d->url);
    free(d->raw_head);
    free(d->raw_tail);
    free(d->text);
    free(d->sentences);
    free(d->tokens);
    free(d->timexes);
    free(d->mentions);
    free(d->events);
    free(d->links);
    free(d->words);
    free(d->tok_word);
    free(d);
}

size_t el_doc_tokens_upto(const el_doc *d, size_t b)
{
    size_t lo = 0, hi = d->ntokens;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tokens[mid].start <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t el_doc_cp_offset(const el_doc *d, size_t b)
{
    if (b >= d->len)
        return d->ncp;
    if (d->ncp == d->len)
        return b;   /* ASCII: one byte, one code point */
    if (d->ntokens == 0)
        return el_utf8_count(d->text, b);
    /* Find the last token starting at or before b, count from there. */
    size_t lo = el_doc_tokens_upto(d, b);
    uint32_t s = lo ? d->tokens[lo - 1].sentence : 0;
    if (lo == 0 || s >= d->nsentences)
        return el_utf8_count(d->text, b);
    const el_sentence *sn = &d->sentences[s];   /* (it starts at or before b) */
    return sn->cstart + el_utf8_count(d->text + sn->start, b - sn->start);
}

static void set_span(const el_doc *d, uint32_t tb, uint32_t te, uint32_t *start, uint32_t *end)
{
    *start = tb < d->ntokens ? d->tokens[tb].start : (uint32_t)d->len;
    *end = te > 0 && te - 1 < d->ntokens ? d->tokens[te - 1].end : *start;
}

el_timex *el_doc_add_timex(el_doc *d, uint32_t tb, uint32_t te)
{
    el_timex *t = &EL_PUSH(d->timexes, d->ntimexes, d->cap_timexes);
    memset(t, 0, sizeof *t);
    t->tok_begin = tb;
    t->tok_end = te;
    t->anchor = -1;
    set_span(d, tb, te, &t->start, &t->end);
    return t;
}

el_mention *el_doc_add_mention_own(el_doc *d, uint32_t tb, uint32_t te, el_ent_type type,
                                   char *key, char *name)
{
    el_mention *m = &EL_PUSH(d->mentions, d->nmentions, d->cap_mentions);
    memset(m, 0, sizeof *m);
    m->tok_begin = tb;
    m->tok_end = te;
    m->type = type;
    m->key = key;
    m->name = name;
    m->confidence = 1.0f;
    set_span(d, tb, te, &m->start, &m->end);
    return m;
}

el_mention *el_doc_add_mention(el_doc *d, uint32_t tb, uint32_t te, el_ent_type type,
                               const char *key, const char *name)
{
    return el_doc_add_mention_own(d, tb, te, type, el_doc_str(d, key), el_doc_str(d, name));
}

el_event_mention *el_doc_add_event(el_doc *d, uint32_t tb, uint32_t te, el_event_class cls,
                                   const char *type, const char *lemma)
{
    if (!d->cap_events)   /* news has about one trigger in eight tokens */
        d->events = el_grow(d->events, &d->cap_events, d->ntokens / 8 + 8, sizeof *d->events);
    el_event_mention *e = &EL_PUSH(d->events, d->nevents, d->cap_events);
    memset(e, 0, sizeof *e);
    e->tok_begin = tb;
    e->tok_end = te;
    e->cls = cls;
    e->type = el_doc_str(d, type);
    e->lemma = el_doc_str(d, lemma);
    e->timex = -1;
    e->location = -1;
    e->subject = -1;
    e->confidence = 1.0f;
    set_span(d, tb, te, &e->start, &e->end);
    return e;
}

el_link *el_doc_add_link(el_doc *d, el_link_kind kind, el_node_kind fk, int from,
                         el_node_kind tk, int to, el_reltype reltype, const char *evidence)
{
    el_link *l = &EL_PUSH(d->links, d->nlinks, d->cap_links);
    memset(l, 0, sizeof *l);
    l->kind = kind;
    l->from_kind = fk;
    l->from = from;
    l->to_kind = tk;
    l->to = to;
    l->reltype = reltype;
    l->evidence = el_doc_str(d, evidence);
    return l;
}

void el_event_add_participant(el_doc *d, el_event_mention *ev, int mention)
{
    size_t n = ev->nparticipants;
    for (size_t i = 0; i < n; i++)
        if (ev->participants[i] == mention)
            return;
    if ((n & (n - 1)) == 0) {   /* n is 0 or a power of two: the room is full */
        int *p = doc_alloc(d, (n ? 2 * n : 1) * sizeof *p, _Alignof(int));
        if (n)
            memcpy(p, ev->participants, n * sizeof *p);
        ev->participants = p;   /* (the old room stays among d's strings) */
    }
    ev->participants[ev->nparticipants++] = mention;
}

/* Shrink arr (cap elements of size bytes) to n elements. */
static void *fit(void *arr, size_t n, size_t *cap, size_t size)
{
    if (*cap <= n || !arr)
        return arr;
    if (n == 0) {
        free(arr);
        *cap = 0;
        return NULL;
    }
    *cap = n;
    return el_realloc(arr, n * size);   /* shrinking: in place */
}

void el_doc_fit(el_doc *d)
{
    d->timexes = fit(d->timexes, d->ntimexes, &d->cap_timexes, sizeof *d->timexes);
    d->mentions = fit(d->mentions, d->nmentions, &d->cap_mentions, sizeof *d->mentions);
    d->events = fit(d->events, d->nevents, &d->cap_events, sizeof *d->events);
    d->links = fit(d->links, d->nlinks, &d->cap_links, sizeof *d->links);
}

static int cmp_timex(const void *a, const void *b)
{
    const el_timex *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

static int cmp_mention(const void *a, const void *b)
{
    const el_mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

/* Is every element strictly before the next?  (Then any sort leaves the
 * array as it is, and stages usually add annotations in text order.) */
static bool strictly_sorted(const void *arr, size_t n, size_t size,
                            int (*cmp)(const void *, const void *))
{
    const char *p = arr;
    for (size_t i = 1; i < n; i++)
        if (cmp(p + (i - 1) * size, p + i * size) >= 0)
            return false;
    return true;
}

void el_doc_sort_timexes(el_doc *d)
{
    if (d->ntimexes > 1 && !strictly_sorted(d->timexes, d->ntimexes, sizeof *d->timexes, cmp_timex))
        qsort(d->timexes, d->ntimexes, sizeof *d->timexes, cmp_timex);
}

/* A mention's sort key (start, end) and its index, which breaks ties as a
 * stable sort would. */
typedef struct span_key { uint64_t key; size_t idx; } span_key;

static bool span_before(const span_key *a, const span_key *b)
{
    return a->key != b->key ? a->key < b->key : a->idx < b->idx;
}

/* Merge sort of k[0..n) (tmp has room for n). */
static void span_sort(span_key *k, span_key *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    span_sort(k, tmp, h);
    span_sort(k + h, tmp, n - h);
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n)
        tmp[o++] = span_before(&k[j], &k[i]) ? k[j++] : k[i++];
    while (i < h)
        tmp[o++] = k[i++];
    memcpy(k, tmp, o * sizeof *k);   /* k[j..n) is in place already */
}

/* Sort by (start, end), keeping the order of equal spans (as the merge sort
 * of glibc's qsort did), on small keys instead of whole mentions. */
void el_doc_sort_mentions(el_doc *d)
{
    size_t n = d->nmentions;
    if (n < 2 || strictly_sorted(d->mentions, n, sizeof *d->mentions, cmp_mention))
        return;
    span_key *k = el_malloc(2 * n * sizeof *k);
    for (size_t i = 0; i < n; i++)
        k[i] = (span_key){(uint64_t)d->mentions[i].start << 32 | d->mentions[i].end, i};
    span_sort(k, k + n, n);
    el_mention *sorted = el_malloc(n * sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = d->mentions[k[i].idx];
    memcpy(d->mentions, sorted, n * sizeof *sorted);
    free(sorted);
    free(k);
}

static const char *const timex_types[] = {"DATE", "TIME", "DURATION", "SET"};
static const char *const ent_types[] = {"PERSON", "ORGANIZATION", "LOCATION", "NORP",
                                        "FACILITY", "PRODUCT", "FINANCIAL", "OTHER"};
static const char *const event_classes[] = {"OCCURRENCE", "REPORTING", "STATE", "I_ACTION",
                                            "I_STATE", "ASPECTUAL", "PERCEPTION"};
static const char *const tenses[] = {"NONE", "PAST", "PRESENT", "FUTURE", "INFINITIVE",
                                     "PRESPART", "PASTPART"};
static const char *const aspects[] = {"NONE", "PROGRESSIVE", "PERFECTIVE",
                                      "PERFECTIVE_PROGRESSIVE"};

const char *el_timex_type_name(el_timex_type t) { return timex_types[t]; }
const char *el_ent_type_name(el_ent_type t) { return ent_types[t]; }

static const char *const type_sources[] = {NULL, "gazetteer", "rule", "context", "coreference"};

const char *el_type_source_name(el_type_source s) { return type_sources[s]; }

bool el_type_source_parse(const char *s, el_type_source *out)
{
    for (size_t i = 1; i < sizeof type_sources / sizeof *type_sources; i++)
        if (strcmp(s, type_sources[i]) == 0) {
            *out = (el_type_source)i;
            return true;
        }
    return false;
}
const char *el_event_class_name(el_event_class c) { return event_classes[c]; }
const char *el_tense_name(el_tense t) { return tenses[t]; }
const char *el_aspect_name(el_aspect a) { return aspects[a]; }

bool el_ent_type_parse(const char *s, el_ent_type *out)
{
    static const struct { const char *name; el_ent_type t; } aliases[] = {
        {"PER", EL_ENT_PERSON}, {"ORG", EL_ENT_ORGANIZATION}, {"LOC", EL_ENT_LOCATION},
        {"GPE", EL_ENT_LOCATION}, {"FAC", EL_ENT_FACILITY}, {"PRO", EL_ENT_PRODUCT},
        {"FIN", EL_ENT_FINANCIAL},
    };
    for (size_t i = 0; i < sizeof ent_types / sizeof *ent_types; i++)
        if (strcmp(s, ent_types[i]) == 0) {
            *out = (el_ent_type)i;
            return true;
        }
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcmp(s, aliases[i].name) == 0) {
            *out = aliases[i].t;
            return true;
        }
    return false;
}

bool el_event_class_parse(const char *s, el_event_class *out)
{
    for (size_t i = 0; i < sizeof event_classes / sizeof *event_classes; i++)
        if (strcmp(s, event_classes[i]) == 0) {
            *out = (el_event_class)i;
            return true;
        }
    return false;
}

/* reprints.c - reprints across a corpus, so that each happening counts
 * once and names every source document:
 *  - exact reprints: documents whose text and creation time are the same
 *    as an earlier document's (wire copy printed by several outlets, the
 *    same file given twice).  The stages annotate equal inputs equally, so
 *    the normalizer clusters the first copy only and lists the other
 *    copies' mentions with its events;
 *  - near duplicates: the same story lightly edited (a headline changed,
 *    a sentence added, an outlet's boilerplate), found by a MinHash
 *    fingerprint of the text's word 5-shingles.  The duplicate's event
 *    mentions are matched to the earlier document's by trigger word in
 *    text order; a matched mention is listed with the earlier document's
 *    event instead of being clustered again, an unmatched one (the edit)
 *    is clustered as usual. */
#include "timeline/timeline_internal.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* ---- exact reprints ------------------------------------------------------ */

/* A document under a key (its text's hash, or one band of its signature),
 * sorted by key, then document: equal keys gather in document order. */
typedef struct doc_key { uint64_t key; size_t doc; } doc_key;

static int cmp_doc_key(const void *a, const void *b)
{
    const doc_key *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

static bool same_input(const el_doc *a, const el_doc *b)
{
    return a->len == b->len && memcmp(&a->dct, &b->dct, sizeof a->dct) == 0 &&
           memcmp(a->text, b->text, a->len) == 0;
}

static void find_exact(const el_corpus *c, el_reprints *r)
{
    size_t n = c->ndocs;
    doc_key *fps = el_malloc((n ? n : 1) * sizeof *fps);
    for (size_t i = 0; i < n; i++)
        fps[i] = (doc_key){el_hash(c->docs[i]->text, c->docs[i]->len), i};
    qsort(fps, n, sizeof *fps, cmp_doc_key);
    /* within a run of equal hashes (in document order), each document joins
     * the first earlier one with the same input */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && fps[j].key == fps[i].key)
            j++;
        for (size_t a = i + 1; a < j; a++)
            for (size_t b = i; b < a; b++) {
                size_t da = fps[a].doc, db = fps[b].doc;
                if (r->first[db] != db || !same_input(c->docs[da], c->docs[db]))
                    continue;
                r->first[da] = db;
                size_t *tail = &r->next[db];
                while (*tail != SIZE_MAX)
                    tail = &r->next[*tail];
                *tail = da;
                r->ncopies++;
                break;
            }
        i = j;
    }
    free(fps);
}

/* ---- near duplicates: MinHash over word shingles ------------------------ */

#define SHINGLE_WORDS 5    /* words per shingle */
#define NHASH 64           /* MinHash functions */
#define BAND_ROWS 4        /* locality-sensitive hashing: 16 bands of 4 */
#define NBANDS (NHASH / BAND_ROWS)
#define NEAR_MATCH 52      /* of 64 MinHashes equal (Jaccard about 0.8) */
#define MIN_SHINGLES 20    /* shorter texts are only exact reprints */
#define NEAR_DCT_DAYS 2    /* two known creation dates at most this far apart */
#define RUN_PAIRS 8        /* a document is compared with at most this many
                              earlier ones sharing a band */

typedef struct signature {
    uint64_t h[NHASH];
    bool ok;               /* enough shingles */
} signature;

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

static bool word_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch >= 0x80;
}

/* The k-th hash of a shingle: sh is already mixed (mix64), so one
 * xor-multiply-shift per function is enough (3 operations, not a full mix:
 * this loop runs 64 times per word of every document). */
static void add_shingle(signature *s, uint64_t sh)
{
    for (size_t k = 0; k < NHASH; k++) {
        uint64_t v = (sh ^ (0x9E3779B97F4A7C15ull * (k + 1))) * 0xff51afd7ed558ccdull;
        v ^= v >> 32;
        if (v < s->h[k])
            s->h[k] = v;
    }
}

/* The MinHash signature of text's word 5-shingles (words: runs of letters,
 * digits and non-ASCII bytes, case folded). */
static void sign(const char *text, size_t len, signature *s)
{
    uint64_t win[SHINGLE_WORDS] = {0};
    size_t nwords = 0, nsh = 0;
    for (size_t k = 0; k < NHASH; k++)
        s->h[k] = UINT64_MAX;
    for (size_t i = 0; i < len;) {
        if (!word_byte((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < len && word_byte((unsigned char)text[i]))
            i++;
        win[nwords++ % SHINGLE_WORDS] = el_hash_lower(text + b, i - b);
        if (nwords < SHINGLE_WORDS)
            continue;
        uint64_t sh = 0;
        for (size_t k = 0; k < SHINGLE_WORDS; k++)
            sh = mix64(sh ^ win[(nwords + k) % SHINGLE_WORDS]);
        add_shingle(s, sh);
        nsh++;
    }
    s->ok = nsh >= MIN_SHINGLES;
}

static size_t same_hashes(const signature *a, const signature *b)
{
    size_t n = 0;
    for (size_t k = 0; k < NHASH; k++)
        n += a->h[k] == b->h[k];
    return n;
}

static bool dct_close(el_date a, el_date b)
{
    if (!a.year || !b.year || !a.month || !b.month || !a.day || !b.day)
        return true;
    int64_t d = el_date_to_days(a) - el_date_to_days(b);
    return d <= NEAR_DCT_DAYS && d >= -NEAR_DCT_DAYS;
}

typedef struct pair { size_t later, earlier; } pair;

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->later != y->later)
        return x->later < y->later ? -1 : 1;
    return x->earlier < y->earlier ? -1 : x->earlier > y->earlier;
}

/* Candidate pairs: documents sharing one band of their signatures. */
static pair *candidates(const signature *sig, size_t n, size_t *np)
{
    doc_key *bk = el_malloc((n ? n : 1) * sizeof *bk);
    pair *ps = NULL;
    size_t cap = 0;
    *np = 0;
    for (size_t b = 0; b < NBANDS; b++) {
        size_t m = 0;
        for (size_t d = 0; d < n; d++)
            if (sig[d].ok) {
                uint64_t key = b;
                for (size_t k = 0; k < BAND_ROWS; k++)
                    key = mix64(key ^ sig[d].h[b * BAND_ROWS + k]);
                bk[m++] = (doc_key){key, d};
            }
        qsort(bk, m, sizeof *bk, cmp_doc_key);
        for (size_t i = 0; i < m; i++)
            for (size_t j = i; j > 0 && i - j < RUN_PAIRS && bk[j - 1].key == bk[i].key; j--)
                EL_PUSH(ps, *np, cap) = (pair){bk[i].doc, bk[j - 1].doc};
    }
    free(bk);
    if (*np)
        qsort(ps, *np, sizeof *ps, cmp_pair);
    return ps;
}

static char fold(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
}

static bool same_word(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fold(a[i]) != fold(b[i]))
            return false;
    return true;
}

/* Match the event mentions of near duplicate d to those of document f:
 * the same trigger word, the first unmatched one in text order. */
static void match_mentions(const el_doc *f, const el_doc *d, int32_t *fwd, int32_t *back)
{
    for (size_t e = 0; e < f->nevents; e++)
        back[e] = -1;
    size_t from = 0;
    for (size_t e = 0; e < d->nevents; e++) {
        const el_event_mention *m = &d->events[e];
        fwd[e] = -1;
        for (size_t g = from; g < f->nevents; g++) {
            const el_event_mention *x = &f->events[g];
            if (back[g] < 0 && x->end - x->start == m->end - m->start &&
                same_word(f->text + x->start, d->text + m->start, m->end - m->start)) {
                fwd[e] = (int32_t)g;
                back[g] = (int32_t)e;
                from = g + 1;
                break;
            }
        }
    }
}

static void mark_near(const el_corpus *c, el_reprints *r, size_t d, size_t f)
{
    r->near[d] = f;
    size_t *tail = &r->near_next[f];
    while (*tail != SIZE_MAX)
        tail = &r->near_next[*tail];
    *tail = d;
    const el_doc *fd = c->docs[f], *dd = c->docs[d];
    r->fwd[d] = el_malloc((dd->nevents ? dd->nevents : 1) * sizeof **r->fwd);
    r->back[d] = el_malloc((fd->nevents ? fd->nevents : 1) * sizeof **r->back);
    match_mentions(fd, dd, r->fwd[d], r->back[d]);
    r->ncopies++;
}

static void find_near(const el_corpus *c, el_reprints *r)
{
    size_t n = c->ndocs;
    if (n < 2)
        return;   /* one document: nothing to be a near duplicate of */
    signature *sig = el_malloc(n * sizeof *sig);
    for (size_t d = 0; d < n; d++) {
        if (r->first[d] == d)
            sign(c->docs[d]->text, c->docs[d]->len, &sig[d]);
        else
            sig[d].ok = false;   /* an exact copy: its first copy stands for it */
    }
    size_t np;
    pair *ps = candidates(sig, n, &np);
    /* in document order: a document joins the first earlier document that
     * is no near duplicate itself */
    for (size_t i = 0; i < np; i++) {
        size_t d = ps[i].later, f = ps[i].earlier;
        if (r->near[d] != SIZE_MAX || r->near[f] != SIZE_MAX ||
            (i > 0 && ps[i - 1].later == d && ps[i - 1].earlier == f))
            continue;
        if (same_hashes(&sig[d], &sig[f]) >= NEAR_MATCH &&
            dct_close(c->docs[d]->dct, c->docs[f]->dct))
            mark_near(c, r, d, f);
    }
    free(ps);
    free(sig);
}

void el_reprints_find(const el_corpus *c, el_reprints *r)
{
    size_t n = c->ndocs, m = n ? n : 1;
    r->first = el_malloc(m * sizeof *r->first);
    r->next = el_malloc(m * sizeof *r->next);
    r->near = el_malloc(m * sizeof *r->near);
    r->near_next = el_malloc(m * sizeof *r->near_next);
    r->fwd = el_calloc(m, sizeof *r->fwd);
    r->back = el_calloc(m, sizeof *r->back);
    r->ncopies = 0;
    r->ndocs = n;
    for (size_t i = 0; i < n; i++) {
        r->first[i] = i;
        r->next[i] = r->near[i] = r->near_next[i] = SIZE_MAX;
    }
    find_exact(c, r);
    find_near(c, r);
}

bool el_reprints_covered(const el_reprints *r, size_t doc, size_t ev)
{
    return r->near[doc] != SIZE_MAX && r->fwd[doc][ev] >= 0;
}

/* (doc, ev) and the same mention in every exact copy of doc. */
static void push_with_copies(const el_reprints *r, el_event *v, size_t doc, uint32_t ev,
                             bool self)
{
    if (self)
        EL_PUSH(v->mentions, v->nmentions, v->cap_mentions) = (el_mref){doc, ev};
    for (size_t d = r->next[doc]; d != SIZE_MAX; d = r->next[d])
        EL_PUSH(v->mentions, v->nmentions, v->cap_mentions) = (el_mref){d, ev};
}

void el_reprints_add_mentions(const el_reprints *r, el_event *v)
{
    size_t n = v->nmentions;
    for (size_t i = 0; i < n; i++) {
        el_mref m = v->mentions[i];
        push_with_copies(r, v, m.doc, m.ev, false);
        for (size_t d = r->near_next[m.doc]; d != SIZE_MAX; d = r->near_next[d])
            if (r->back[d][m.ev] >= 0)
                push_with_copies(r, v, d, (uint32_t)r->back[d][m.ev], true);
    }
}

void el_reprints_free(el_reprints *r)
{
    for (size_t d = 0; d < r->ndocs; d++) {
        free(r->fwd[d]);
        free(r->back[d]);
    }
    free(r->fwd);
    free(r->back);
    free(r->near);
    free(r->near_next);
    free(r->first);
    free(r->next);
    memset(r, 0, sizeof *r);
}

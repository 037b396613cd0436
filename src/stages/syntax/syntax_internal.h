/* syntax_internal.h - what the syntax stage's files and its trainer
 * (tools/syntax-tool.c) share: the sparse linear classifier, the model
 * layout, word hashing and the three feature extractors.  Training and
 * analysis call the same extractors, so the features cannot drift apart. */
#ifndef EL_SYNTAX_INTERNAL_H
#define EL_SYNTAX_INTERNAL_H

#include "stages/syntax/syntax.h"

/* ---- sparse linear classifier: feature key -> (class, int16 weight) list */

typedef struct syn_entry { int16_t w; uint8_t c; uint8_t pad; } syn_entry;

/* One hash slot, half a cache line: a feature and its first SYN_INLINE
 * (class, weight) pairs, so most features cost one memory access; more
 * pairs follow at ent[off].  A feature with weights for at least half
 * the classes (the bias, frequent words) has a full row of
 * nclass weights at row[off] instead (n = SYN_ROW), added in one
 * vectorisable loop rather than scattered pair by pair. */
#define SYN_ROW 255
#define SYN_INLINE 7
typedef struct syn_slot {
    uint32_t key;           /* 0 = empty */
    uint32_t off;           /* weights past the inline ones at ent[off], or its row at row[off] */
    uint8_t n;              /* number of weights, SYN_ROW = a row */
    uint8_t c[SYN_INLINE];
    int16_t w[SYN_INLINE];
    uint16_t pad;
} syn_slot;

/* For at most SYN_DENSE classes (the parser's transitions): a quarter of
 * a cache line holding every weight. */
#define SYN_DENSE 6
#define SYN_NTRANS_MAX 3   /* classes of a folded dense classifier (the parser's) */
typedef struct syn_dslot { uint32_t key; int16_t w[SYN_DENSE]; } syn_dslot;
/* A folded classifier of SYN_NTRANS_MAX classes (the parser's): the bucket
 * is the index, no key is kept, 8 bytes a bucket (8 to a cache line). */
typedef struct syn_fslot { int16_t w[4]; } syn_fslot;

typedef struct syn_linear {
    uint64_t tmpl;          /* feature templates used (bit i: template base + i) */
    uint32_t nclass;
    uint32_t bits;          /* features folded into 2^bits buckets (0 = not) */
    uint32_t mask;          /* slots - 1 (power of two; folded: 2^bits, the slot is the bucket) */
    syn_slot *slot;         /* nclass > SYN_DENSE */
    syn_dslot *dslot;       /* nclass <= SYN_DENSE, not folded */
    syn_fslot *fslot;       /* nclass == SYN_NTRANS_MAX, folded */
    int16_t *frow;          /* folded, nclass > SYN_DENSE: bucket b's row at frow[b * stride] */
    uint32_t stride;        /* frow's row length, nclass rounded up to 32 (whole cache lines) */
    syn_entry *ent;
    int16_t *row;           /* rows of nclass weights (features of many weights) */
    size_t nent, nrow, nfeat;
} syn_linear;

/* Feature key -> bucket 1..2^bits (the hashing trick: a fixed, small table). */
static inline uint32_t syn_fold(uint32_t k, uint32_t bits)
{
    return bits ? ((k * 0x9E3779B1u) >> (32 - bits)) + 1 : k;
}

static inline uint32_t syn_slot_of(const syn_linear *L, uint32_t k)
{
    return (k * 0x9E3779B1u) & L->mask;
}

/* Add the weights of features f[0..nf) to score[0..nclass) (not cleared).
 * Every slot is prefetched first: the misses overlap. */
static inline void syn_score_dense(const syn_linear *L, const uint32_t *f, size_t nf,
                                   int32_t *score)
{
    uint32_t s0[64];
    if (L->fslot) {   /* folded: the bucket is the index, no probing */
        for (size_t i = 0; i < nf; i++) {
            s0[i] = syn_fold(f[i], L->bits);
            __builtin_prefetch(&L->fslot[s0[i]]);
        }
        int32_t a = 0, b = 0, c = 0;
        for (size_t i = 0; i < nf; i++) {
            const int16_t *w = L->fslot[s0[i]].w;
            a += w[0]; b += w[1]; c += w[2];
        }
        score[0] += a; score[1] += b; score[2] += c;
        return;
    }
    for (size_t i = 0; i < nf; i++) {
        s0[i] = syn_slot_of(L, f[i]);
        __builtin_prefetch(&L->dslot[s0[i]]);
    }
    for (size_t i = 0; i < nf; i++) {
        uint32_t k = f[i], s = s0[i];
        while (L->dslot[s].key && L->dslot[s].key != k)
            s = (s + 1) & L->mask;
        const syn_dslot *sl = &L->dslot[s];
        if (sl->key)
            for (unsigned c = 0; c < L->nclass; c++)
                score[c] += sl->w[c];
    }
}

/* A folded classifier of many classes (the labeller): one row per
 * bucket, an empty bucket a row of zeros, so a feature is one fetch of
 * whole cache lines and one vectorisable add, with no key to check. */
static inline void syn_score_rows(const syn_linear *L, const uint32_t *f, size_t nf,
                                  int32_t *restrict score)
{
    const int16_t *r[64];
    const unsigned nclass = L->nclass, stride = L->stride;
    for (size_t i = 0; i < nf; i++) {
        r[i] = L->frow + (size_t)syn_fold(f[i], L->bits) * stride;
        for (unsigned b = 0; b < nclass; b += 32)
            __builtin_prefetch(r[i] + b);
    }
    for (size_t i = 0; i < nf; i++) {
        const int16_t *restrict row = r[i];
        for (unsigned c = 0; c < nclass; c++)
            score[c] += row[c];
    }
}

static inline void syn_score(const syn_linear *L, const uint32_t *f, size_t nf, int32_t *score)
{
    if (L->dslot || L->fslot) {
        syn_score_dense(L, f, nf, score);
        return;
    }
    if (L->frow) {
        syn_score_rows(L, f, nf, score);
        return;
    }
    uint32_t s0[64], fk[64];
    const unsigned nclass = L->nclass;   /* a local: score[] may not alias it */
    for (size_t i = 0; i < nf; i++) {   /* folded: the bucket is the slot */
        fk[i] = syn_fold(f[i], L->bits);
        s0[i] = L->bits ? fk[i] : syn_slot_of(L, fk[i]);
        __builtin_prefetch(&L->slot[s0[i]]);
    }
    for (size_t i = 0; i < nf; i++) {
        uint32_t k = fk[i], s = s0[i];
        while (!L->bits && L->slot[s].key && L->slot[s].key != k)
            s = (s + 1) & L->mask;
        const syn_slot *sl = &L->slot[s];
        if (!sl->key)
            continue;
        unsigned n = sl->n;
        if (n == SYN_ROW) {
            const int16_t *restrict row = L->row + sl->off;
            int32_t *restrict sc = score;
            for (unsigned c = 0; c < nclass; c++)
                sc[c] += row[c];
            continue;
        }
        unsigned m = n < SYN_INLINE ? n : SYN_INLINE;
        for (unsigned j = 0; j < m; j++)
            score[sl->c[j]] += sl->w[j];
        for (unsigned j = m; j < n; j++)
            score[L->ent[sl->off + j - m].c] += L->ent[sl->off + j - m].w;
    }
}

/* ---- the model --------------------------------------------------------- */

#define SYN_MAX_TAGS 160
#define SYN_MAX_LABELS 64
/* The version names the feature templates too: a model trained with other
 * templates would load but analyse nonsense, so changing them bumps it.
 * Version 3 adds each classifier's template mask (a subset of these
 * templates: the points of the speed/accuracy curve); 1 and 2 are refused. */
#define SYN_MAGIC "ELSYNTX3"

typedef struct syn_dict_entry { uint64_t h; uint8_t tag; } syn_dict_entry;
typedef struct syn_lemma_entry { uint64_t h; uint32_t off; } syn_lemma_entry;

struct el_syntax {
    unsigned nupos, nxpos, ntag, nlabel;
    char *names;                      /* every name, NUL-separated */
    const char *upos[SYN_MAX_TAGS], *xpos[SYN_MAX_TAGS], *label[SYN_MAX_LABELS];
    /* joint tag -> parts; tag_upos holds fixed el_upos ids (the file's
     * UPOS names are mapped at load; upos[] and label[] keep the file's) */
    uint8_t tag_upos[SYN_MAX_TAGS], tag_xpos[SYN_MAX_TAGS];
    /* tag dictionary: exact form hash -> joint tag (open addressing, h 0 = empty) */
    syn_dict_entry *dict; uint32_t dict_mask;
    /* lemma exceptions (hash of lower form and xpos) and suffix rules
     * (hash of xpos and lower suffix): off into lstr of "STRIP ADD" or lemma */
    syn_lemma_entry *lex; uint32_t lex_mask;
    syn_lemma_entry *lrule; uint32_t lrule_mask;
    char *lstr; size_t nlstr;
    syn_linear tagger, parser, labeller;
    int root_label;                   /* labeller class of "root" */
    int punct_label;                  /* labeller class of "punct" */
    uint8_t label_rel[SYN_MAX_LABELS]; /* labeller class -> fixed el_deprel id */
};

/* ---- words ------------------------------------------------------------- */

/* Per-word hashes computed once per sentence. */
typedef struct syn_wfeat {
    uint64_t form, lower, suf[4], pre1, pre[2], shape;   /* pre[k]: first k+2 chars, lower */   /* suf[k]: last k+1 chars, lower */
} syn_wfeat;

void syn_word_features(const char *s, size_t n, syn_wfeat *f);
size_t syn_ascii_quotes(const char *s, size_t n, char *out, size_t cap);

static inline uint32_t syn_key(uint32_t tmpl, uint64_t a, uint64_t b)
{
    uint64_t h = (a ^ (b * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull + tmpl;
    h ^= h >> 29; h *= 0xBF58476D1CE4E5B9ull; h ^= h >> 32;
    uint32_t k = (uint32_t)h;
    return k ? k : 1;
}

/* ---- feature extractors ------------------------------------------------ */

/* Every extractor writes at most 64 keys (syn_score's limit), those of
 * the templates in its mask: template SYN_TMPL_x + i is bit i. */
#define SYN_TMPL_TAG 1
#define SYN_TMPL_PARSE 101
#define SYN_TMPL_LABEL 201
#define SYN_NTMPL_TAG 32
#define SYN_NTMPL_PARSE 57
#define SYN_NTMPL_LABEL 25
#define SYN_TMPL_ALL(n) (((uint64_t)1 << (n)) - 1)

/* A sentence as the extractors see it: index 1..n are words, 0 is the
 * root; wf[] and tag[] have 2 padding entries on each side (wf - 2 valid). */
typedef struct syn_sent {
    size_t n;
    const syn_wfeat *wf;    /* wf[i] for i in -2..n+2; wf[0] = root/start */
    uint8_t *tag;           /* tag[i], same range (joint tag id; padding = ntag, ntag+1) */
} syn_sent;

/* Fill the padding of wf[] and tag[] (valid from index -2) around n words. */
void syn_pad(syn_wfeat *wf, uint8_t *tag, size_t n, unsigned ntag);

/* Tagger features of word i (1-based) given tags of words < i. */
size_t syn_tag_feats(const syn_sent *s, size_t i, uint64_t mask, uint32_t *f);

/* Parser state (arc-hybrid): stack of word indices (0 = root at the
 * bottom), buffer front b, and the arcs so far. */
typedef struct syn_state {
    uint32_t *stack; size_t sp;  /* stack[0..sp) */
    uint32_t b;                   /* buffer front (1..n+1; n+1 = empty) */
    uint32_t *head;               /* head[i], UINT32_MAX = none yet */
    uint32_t *lc, *rc, *lc2, *rc2; /* leftmost/rightmost children (0 = none) */
    uint8_t *nl, *nr;             /* number of left/right children */
} syn_state;

enum { SYN_SHIFT, SYN_LEFT, SYN_RIGHT, SYN_NTRANS };

size_t syn_parse_feats(const syn_sent *s, const syn_state *st, uint64_t mask, uint32_t *f);
void syn_state_init(syn_state *st, size_t n);
bool syn_valid(const syn_state *st, size_t n, int t);
void syn_apply(syn_state *st, int t);
void syn_add_arc(syn_state *st, uint32_t h, uint32_t d);

/* Labeller features of word d (1-based) whose head is head[d] (0 = root),
 * given the whole tree (lc, rc: leftmost and rightmost child). */
size_t syn_label_feats(const syn_sent *s, const syn_state *st, size_t d, uint64_t mask,
                       uint32_t *f);

/* Parse a model from memory (el_syntax_load reads the file and calls this). */
el_syntax *syn_model_parse(const void *data, size_t len, const char *name, char **err);

/* ---- lemmas -------------------------------------------------------------- */

/* Lemma of form/len with xpos name and upos name into out[cap]. */
void syn_lemmatize(const el_syntax *m, const char *form, size_t len, unsigned tag,
                   char *out, size_t cap);
uint64_t syn_lemma_key(uint64_t lower, unsigned xpos);
uint64_t syn_rule_key(unsigned xpos, const char *suf, size_t n);
#define SYN_MAX_SUFFIX 5

#endif

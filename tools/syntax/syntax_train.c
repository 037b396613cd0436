/* syntax_train.c - deterministic training of the syntax model from a
 * CoNLL-U treebank (see syntax_train.h):
 *   1. vocabularies (UPOS, XPOS, joint tags, relations) in order of first use;
 *   2. tag dictionary: forms seen >= DICT_MIN times with one tag >= DICT_PCT%;
 *   3. lemma suffix rules per XPOS and the exceptions they get wrong;
 *   4. the tagger (averaged perceptron, greedy, predicted history);
 *      4-fold jackknifed tags for the parser's training data;
 *   5. the arc-hybrid parser with a dynamic oracle (exploration from the
 *      second epoch) and the relation labeller on gold trees.
 * One fixed xorshift seed orders the sentences; nothing depends on time,
 * addresses or hash-table iteration order, so the file is byte-identical. */
#include "syntax_train.h"
#include "base/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TAG_EPOCHS 10
#define PARSE_EPOCHS 12
#define LABEL_EPOCHS 8
#define DICT_MIN 20
#define DICT_PCT 97
#define FOLDS 4
#define SEED 0x5EED5EEDull

/* Feature templates (ids of syntax_feat.c): every one.  Fewer tagger
 * templates (the word pairs 26-32) tag faster and as well on EWT dev but
 * worse on news (the curve in docs/syntax.md). */
#define TMPL_TAG "all"
#define TMPL_PARSE "all"
#define TMPL_LABEL "all"

#define BITS_TAG 0
#define BITS_PARSE 20
#define BITS_LABEL 17
#define PRUNE_TAG 0
#define PRUNE_PARSE 0
#define PRUNE_LABEL 0

/* Development knobs (tuning on dev only): SYN_PRUNE_*, SYN_EPOCHS_*, SYN_DICT_*. */
static long env_long(const char *name, long dflt)
{
    const char *v = getenv(name);
    return v && *v ? atol(v) : dflt;
}

/* Development knob SYN_TMPL_TAG / _PARSE / _LABEL: the feature templates a
 * classifier uses, as ids and ranges ("1-13,16,17"; "all": every one;
 * unset: TMPL_*), stored in the model as its mask (syn_linear.tmpl).  The points of
 * the templates/speed/accuracy curve are named sets of these
 * (tools/syntax/curve.sh). */
static uint64_t env_tmpl(const char *name, const char *dflt, unsigned base, unsigned ntmpl)
{
    const char *v = getenv(name);
    if (!v || !*v)
        v = dflt;
    if (strcmp(v, "all") == 0)
        return SYN_TMPL_ALL(ntmpl);
    uint64_t m = 0;
    while (*v) {
        char *e;
        long a = strtol(v, &e, 10), b = a;
        if (*e == '-')
            b = strtol(e + 1, &e, 10);
        if (e == v || a < (long)base || b < a || b >= (long)(base + ntmpl) || (*e && *e != ',')) {
            fprintf(stderr, "syntax-tool: %s: bad template list (ids %u-%u, e.g. 1-9,12)\n",
                    name, base, base + ntmpl - 1);
            exit(2);
        }
        for (long i = a; i <= b; i++)
            m |= (uint64_t)1 << (i - (long)base);
        v = *e ? e + 1 : e;
    }
    return m;
}

/* ---- vocabularies ------------------------------------------------------------- */

typedef struct vocab { char *name[256]; unsigned n; } vocab;

static int vocab_find(const vocab *v, const char *s)
{
    for (unsigned i = 0; i < v->n; i++)
        if (strcmp(v->name[i], s) == 0)
            return (int)i;
    return -1;
}

static int vocab_add(vocab *v, const char *s)
{
    int i = vocab_find(v, s);
    if (i >= 0 || v->n >= 255)
        return i;
    v->name[v->n] = el_strdup(s);
    return (int)v->n++;
}

static void vocab_free(vocab *v)
{
    for (unsigned i = 0; i < v->n; i++)
        free(v->name[i]);
}

typedef struct vocabs { vocab upos, xpos, tag, label; uint8_t tu[256], tx[256]; } vocabs;

static int tag_of(vocabs *v, const cu_word *w, bool add)
{
    char key[128];
    snprintf(key, sizeof key, "%s\t%s", w->upos, w->xpos);
    int t = vocab_find(&v->tag, key);
    if (t >= 0 || !add || v->tag.n >= SYN_MAX_TAGS - 2)
        return t;
    t = vocab_add(&v->tag, key);
    v->tu[t] = (uint8_t)vocab_add(&v->upos, w->upos);
    v->tx[t] = (uint8_t)vocab_add(&v->xpos, w->xpos);
    return t;
}

static void build_vocabs(const cu_bank *tb, vocabs *v)
{
    memset(v, 0, sizeof *v);
    for (size_t i = 0; i < tb->n; i++)
        for (size_t j = 0; j < tb->s[i].n; j++) {
            tag_of(v, &tb->s[i].w[j], true);
            if (v->label.n < SYN_MAX_LABELS)
                vocab_add(&v->label, tb->s[i].w[j].deprel);
        }
}

/* ---- small maps: u64 key -> u32 value -------------------------------------------- */

typedef struct map { uint64_t *k; uint32_t *v; uint32_t mask; size_t n; } map;

static void map_init(map *m, uint32_t size)
{
    m->k = el_calloc(size, sizeof *m->k);
    m->v = el_calloc(size, sizeof *m->v);
    m->mask = size - 1;
    m->n = 0;
}

static void map_free(map *m)
{
    free(m->k);
    free(m->v);
}

static uint32_t *map_get(map *m, uint64_t k, bool add)
{
    if (add && 2 * (m->n + 1) > m->mask + 1) {
        map o = *m;
        map_init(m, (o.mask + 1) * 2);
        for (uint32_t s = 0; s <= o.mask; s++)
            if (o.k[s])
                *map_get(m, o.k[s], true) = o.v[s];
        map_free(&o);
    }
    uint32_t s = (uint32_t)(k ^ (k >> 29)) & m->mask;
    while (m->k[s] && m->k[s] != k)
        s = (s + 1) & m->mask;
    if (m->k[s])
        return &m->v[s];
    if (!add)
        return NULL;
    m->k[s] = k;
    m->n++;
    return &m->v[s];
}

/* ---- averaged perceptron over sparse rows ------------------------------------------- */

typedef struct tr_ent { double tot; float w; uint32_t ts; uint8_t c; } tr_ent;
typedef struct tr_feat { uint32_t key, n, cap; tr_ent *e; } tr_feat;
typedef struct trainer {
    unsigned nclass;
    uint64_t tmpl;             /* feature templates (syn_linear.tmpl) */
    uint32_t bits;             /* syn_fold of every key (0 = none) */
    map idx;                   /* key -> feature index + 1 */
    tr_feat *f; size_t nf, cap;
    uint32_t now;
} trainer;

static void tr_init(trainer *t, unsigned nclass)
{
    memset(t, 0, sizeof *t);
    t->nclass = nclass;
    map_init(&t->idx, 1 << 16);
}

static void tr_free(trainer *t)
{
    for (size_t i = 0; i < t->nf; i++)
        free(t->f[i].e);
    free(t->f);
    map_free(&t->idx);
}

static void tr_score(const trainer *t, const uint32_t *f, size_t nf, float *score)
{
    memset(score, 0, t->nclass * sizeof *score);
    for (size_t i = 0; i < nf; i++) {
        uint32_t *ix = map_get((map *)&t->idx, syn_fold(f[i], t->bits), false);
        if (!ix)
            continue;
        const tr_feat *ft = &t->f[*ix - 1];
        for (uint32_t j = 0; j < ft->n; j++)
            score[ft->e[j].c] += ft->e[j].w;
    }
}

static void tr_update(trainer *t, const uint32_t *f, size_t nf, unsigned c, float d)
{
    for (size_t i = 0; i < nf; i++) {
        uint32_t key = syn_fold(f[i], t->bits);
        uint32_t *ix = map_get(&t->idx, key, true);
        if (!*ix) {
            if (t->nf == t->cap) {
                t->cap = t->cap ? t->cap * 2 : 4096;
                t->f = realloc(t->f, t->cap * sizeof *t->f);
                if (!t->f)
                    abort();
            }
            t->f[t->nf] = (tr_feat){ key, 0, 0, NULL };
            *ix = (uint32_t)++t->nf;
        }
        tr_feat *ft = &t->f[*ix - 1];
        uint32_t j = 0;
        while (j < ft->n && ft->e[j].c != c)
            j++;
        if (j == ft->n) {
            if (ft->n == ft->cap) {
                ft->cap = ft->cap ? ft->cap * 2 : 2;
                ft->e = realloc(ft->e, ft->cap * sizeof *ft->e);
                if (!ft->e)
                    abort();
            }
            ft->e[ft->n++] = (tr_ent){ 0, 0, t->now, (uint8_t)c };
        }
        tr_ent *e = &ft->e[j];
        e->tot += (double)(t->now - e->ts) * e->w;
        e->ts = t->now;
        e->w += d;
    }
}

/* Write the averaged, int16-quantized weights (format: README). */
static void put_u(el_buf *b, uint64_t v, size_t bytes)
{
    for (size_t i = 0; i < bytes; i++)
        el_buf_putc(b, (char)(v >> (8 * i) & 0xff));
}

static void tr_write(const trainer *t, el_buf *b, long prune)
{
    double maxabs = 1e-9, now = t->now ? t->now : 1;
    for (size_t i = 0; i < t->nf; i++)
        for (uint32_t j = 0; j < t->f[i].n; j++) {
            const tr_ent *e = &t->f[i].e[j];
            double a = fabs((e->tot + (double)(t->now - e->ts) * e->w) / now);
            if (a > maxabs)
                maxabs = a;
        }
    double scale = 32000.0 / maxabs;
    el_buf ents = EL_BUF_INIT, feats = EL_BUF_INIT;
    size_t nf = 0, ne = 0;
    for (size_t i = 0; i < t->nf; i++) {
        uint32_t cnt = 0;
        for (uint32_t j = 0; j < t->f[i].n && cnt < 255; j++) {
            const tr_ent *e = &t->f[i].e[j];
            long q = lround((e->tot + (double)(t->now - e->ts) * e->w) / now * scale);
            if (q == 0 || labs(q) < prune)
                continue;
            put_u(&ents, (uint16_t)(int16_t)q, 2);
            put_u(&ents, e->c, 1);
            cnt++;
        }
        if (!cnt)
            continue;
        put_u(&feats, t->f[i].key, 4);
        put_u(&feats, cnt, 1);
        nf++;
        ne += cnt;
    }
    fprintf(stderr, "  classifier of %u classes: %d templates, %zu features, %zu weights "
            "(prune %ld)\n", t->nclass, __builtin_popcountll(t->tmpl), nf, ne, prune);
    put_u(b, t->tmpl, 8);
    put_u(b, t->nclass, 4);
    put_u(b, t->bits, 4);
    put_u(b, nf, 4);
    put_u(b, ne, 4);
    el_buf_put(b, feats.data ? feats.data : "", feats.len);
    el_buf_put(b, ents.data ? ents.data : "", ents.len);
    el_buf_free(&ents);
    el_buf_free(&feats);
}

static int best_class(const float *score, unsigned n)
{
    int b = 0;
    for (unsigned c = 1; c < n; c++)
        if (score[c] > score[b])
            b = (int)c;
    return b;
}

/* ---- deterministic order ------------------------------------------------------------ */

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

static void shuffle(size_t *ix, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(rng) % i);
        size_t t = ix[i - 1]; ix[i - 1] = ix[j]; ix[j] = t;
    }
}

/* ---- sentences as ids ------------------------------------------------------------------ */

typedef struct isent {
    size_t n;
    syn_wfeat *wfb;   /* n + 5, wf = wfb + 2 */
    uint8_t *gold;    /* joint tag per word, 1-based (index 0 unused) */
    uint8_t *autot;   /* jackknifed tags, 1-based */
    uint8_t *label;   /* 1-based */
    uint32_t *head;   /* 1-based */
    const cu_word *w; /* w[i-1] */
} isent;

static void isent_build(isent *s, const cu_sent *cs, vocabs *v)
{
    s->n = cs->n;
    s->w = cs->w;
    s->wfb = el_calloc(cs->n + 5, sizeof *s->wfb);
    s->gold = el_calloc(cs->n + 2, 1);
    s->autot = el_calloc(cs->n + 2, 1);
    s->label = el_calloc(cs->n + 2, 1);
    s->head = el_calloc(cs->n + 2, sizeof *s->head);
    for (size_t i = 0; i < cs->n; i++) {
        const cu_word *w = &cs->w[i];
        syn_word_features(w->form, strlen(w->form), &s->wfb[i + 3]);
        int t = tag_of(v, w, false);
        s->gold[i + 1] = (uint8_t)(t < 0 ? 0 : t);
        int l = vocab_find(&v->label, w->deprel);
        s->label[i + 1] = (uint8_t)(l < 0 ? 0 : l);
        s->head[i + 1] = w->head <= cs->n ? w->head : 0;
    }
}

static void isent_free(isent *s)
{
    free(s->wfb); free(s->gold); free(s->autot); free(s->label); free(s->head);
}

/* The extractor's view with tags copied into tbuf (n + 5). */
static syn_sent view(isent *s, const uint8_t *tags, uint8_t *tbuf, unsigned ntag)
{
    syn_sent v = { s->n, s->wfb + 2, tbuf + 2 };
    if (tags)
        memcpy(tbuf + 3, tags + 1, s->n);
    syn_pad(s->wfb + 2, tbuf + 2, s->n, ntag);
    return v;
}

/* ---- tag dictionary --------------------------------------------------------------- */

typedef struct dict { map m; uint64_t *keys; uint8_t *tags; size_t n; } dict;

static void build_dict(const isent *S, size_t n, unsigned ntag, dict *d)
{
    map cnt;    /* form hash -> index into counts */
    map_init(&cnt, 1 << 16);
    uint32_t *counts = NULL;
    uint64_t *order = NULL;
    size_t nforms = 0, cap = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 1; j <= S[i].n; j++) {
            uint64_t h = S[i].wfb[j + 2].form;
            uint32_t *ix = map_get(&cnt, h ? h : 1, true);
            if (!*ix) {
                if (nforms == cap) {
                    cap = cap ? cap * 2 : 4096;
                    counts = realloc(counts, cap * ntag * sizeof *counts);
                    order = realloc(order, cap * sizeof *order);
                    if (!counts || !order)
                        abort();
                }
                memset(counts + nforms * ntag, 0, ntag * sizeof *counts);
                order[nforms] = h ? h : 1;
                *ix = (uint32_t)++nforms;
            }
            counts[(*ix - 1) * ntag + S[i].gold[j]]++;
        }
    memset(d, 0, sizeof *d);
    map_init(&d->m, 1 << 12);
    d->keys = el_malloc((nforms + 1) * sizeof *d->keys);
    d->tags = el_malloc(nforms + 1);
    long dmin = env_long("SYN_DICT_MIN", DICT_MIN), dpct = env_long("SYN_DICT_PCT", DICT_PCT);
    for (size_t f = 0; f < nforms; f++) {
        uint32_t tot = 0, best = 0;
        for (unsigned t = 0; t < ntag; t++) {
            tot += counts[f * ntag + t];
            if (counts[f * ntag + t] > counts[f * ntag + best])
                best = t;
        }
        if (tot >= dmin && counts[f * ntag + best] >= dpct / 100.0 * tot) {
            *map_get(&d->m, order[f], true) = best + 1;
            d->keys[d->n] = order[f];
            d->tags[d->n++] = (uint8_t)best;
        }
    }
    free(counts);
    free(order);
    map_free(&cnt);
}

static void dict_free(dict *d)
{
    map_free(&d->m);
    free(d->keys);
    free(d->tags);
}

static int dict_tag(dict *d, uint64_t h)
{
    uint32_t *v = map_get(&d->m, h ? h : 1, false);
    return v ? (int)*v - 1 : -1;
}

/* ---- tagger --------------------------------------------------------------------------- */

static void tag_one(trainer *t, dict *d, isent *s, uint8_t *out, bool learn, uint8_t *tbuf,
                    float *score)
{
    syn_sent v = view(s, NULL, tbuf, t->nclass);
    uint32_t f[64];
    for (size_t i = 1; i <= s->n; i++) {
        int g = dict_tag(d, v.wf[i].form);
        if (g < 0) {
            size_t nf = syn_tag_feats(&v, i, t->tmpl, f);
            tr_score(t, f, nf, score);
            g = best_class(score, t->nclass);
            if (learn) {
                t->now++;
                if (g != s->gold[i]) {
                    tr_update(t, f, nf, s->gold[i], 1);
                    tr_update(t, f, nf, (unsigned)g, -1);
                }
            }
        }
        v.tag[i] = (uint8_t)g;
        if (out)
            out[i] = (uint8_t)g;
    }
}

/* Train on sentences whose index % FOLDS != fold (fold < 0: all). */
static void train_tagger(trainer *t, dict *d, isent *S, size_t n, int fold, unsigned ntag)
{
    tr_init(t, ntag);
    t->bits = (uint32_t)env_long("SYN_BITS_TAG", BITS_TAG);
    t->tmpl = env_tmpl("SYN_TMPL_TAG", TMPL_TAG, SYN_TMPL_TAG, SYN_NTMPL_TAG);
    size_t *ix = el_malloc(n * sizeof *ix), m = 0;
    for (size_t i = 0; i < n; i++)
        if (fold < 0 || (int)(i % FOLDS) != fold)
            ix[m++] = i;
    uint64_t rng = SEED;
    uint8_t tbuf[EL_SYN_MAX_WORDS * 4];
    float score[SYN_MAX_TAGS];
    for (int ep = 0, ne = (int)env_long("SYN_EPOCHS_TAG", TAG_EPOCHS); ep < ne; ep++) {
        shuffle(ix, m, &rng);
        for (size_t k = 0; k < m; k++)
            if (S[ix[k]].n < EL_SYN_MAX_WORDS * 2)
                tag_one(t, d, &S[ix[k]], NULL, true, tbuf, score);
    }
    free(ix);
}

/* Averaged weights of a trainer, for tagging held-out folds. */
static void tr_average(trainer *t)
{
    double now = t->now ? t->now : 1;
    for (size_t i = 0; i < t->nf; i++)
        for (uint32_t j = 0; j < t->f[i].n; j++) {
            tr_ent *e = &t->f[i].e[j];
            e->w = (float)((e->tot + (double)(t->now - e->ts) * e->w) / now);
            e->tot = 0;
            e->ts = t->now;
        }
}

static void jackknife(isent *S, size_t n, dict *d, unsigned ntag)
{
    uint8_t tbuf[EL_SYN_MAX_WORDS * 4];
    float score[SYN_MAX_TAGS];
    for (int fold = 0; fold < FOLDS; fold++) {
        trainer t;
        train_tagger(&t, d, S, n, fold, ntag);
        tr_average(&t);
        size_t ok = 0, all = 0;
        for (size_t i = (size_t)fold; i < n; i += FOLDS) {
            if (S[i].n >= EL_SYN_MAX_WORDS * 2) {
                memcpy(S[i].autot, S[i].gold, S[i].n + 1);
                continue;
            }
            tag_one(&t, d, &S[i], S[i].autot, false, tbuf, score);
            for (size_t j = 1; j <= S[i].n; j++, all++)
                ok += S[i].autot[j] == S[i].gold[j];
        }
        fprintf(stderr, "  jackknife fold %d: tag accuracy %.2f\n", fold, 100.0 * ok / all);
        tr_free(&t);
    }
}

/* ---- parser ------------------------------------------------------------------------------ */

typedef struct pbufs {
    uint32_t stack[EL_SYN_MAX_WORDS * 2 + 2], head[EL_SYN_MAX_WORDS * 2 + 3];
    uint32_t lc[EL_SYN_MAX_WORDS * 2 + 3], rc[EL_SYN_MAX_WORDS * 2 + 3];
    uint32_t lc2[EL_SYN_MAX_WORDS * 2 + 3], rc2[EL_SYN_MAX_WORDS * 2 + 3];
    uint8_t nl[EL_SYN_MAX_WORDS * 2 + 3], nr[EL_SYN_MAX_WORDS * 2 + 3];
    uint8_t tbuf[EL_SYN_MAX_WORDS * 2 + 8];
} pbufs;

static void bind(pbufs *p, syn_state *st)
{
    st->stack = p->stack; st->head = p->head; st->lc = p->lc; st->rc = p->rc;
    st->lc2 = p->lc2; st->rc2 = p->rc2; st->nl = p->nl; st->nr = p->nr;
}

/* The walk of the parser's and the labeller's training epochs: each epoch
 * the sentences in a new order drawn from one seeded generator (which the
 * epoch's steps may draw from too), over-long ones left out; each
 * sentence comes with its view under the jackknifed tags and a fresh
 * parser state. */
typedef struct walk {
    isent *S;
    size_t n, k;       /* sentences; the next place in ix */
    size_t *ix;        /* this epoch's order */
    unsigned ntag;
    uint64_t rng;
    pbufs *p;
} walk;

static void walk_init(walk *w, isent *S, size_t n, unsigned ntag, uint64_t seed)
{
    *w = (walk){S, n, 0, el_malloc(n * sizeof *w->ix), ntag, seed, el_malloc(sizeof *w->p)};
    for (size_t i = 0; i < n; i++)
        w->ix[i] = i;
}

static void walk_free(walk *w)
{
    free(w->p);
    free(w->ix);
}

static void walk_epoch(walk *w)
{
    shuffle(w->ix, w->n, &w->rng);
    w->k = 0;
}

/* The epoch's next sentence, its view in *v and a fresh state in *st; NULL
 * at the epoch's end. */
static isent *walk_next(walk *w, syn_sent *v, syn_state *st)
{
    while (w->k < w->n) {
        isent *s = &w->S[w->ix[w->k++]];
        if (s->n >= EL_SYN_MAX_WORDS * 2)
            continue;
        *v = view(s, s->autot, w->p->tbuf, w->ntag);
        bind(w->p, st);
        syn_state_init(st, s->n);
        return s;
    }
    return NULL;
}

/* Arcs of the gold tree gh[] lost by transition t (arc-hybrid dynamic oracle). */
static int cost(const syn_state *st, size_t n, const uint32_t *gh, int t)
{
    uint32_t s0 = st->stack[st->sp - 1], b0 = st->b;
    int c = 0;
    if (t == SYN_SHIFT) {
        for (size_t k = 0; k < st->sp; k++) {
            uint32_t x = st->stack[k];
            if (x && gh[x] == b0)
                c++;
            if (x != s0 && gh[b0] == x)
                c++;
        }
        return c;
    }
    uint32_t s1 = st->stack[st->sp - 2];
    for (uint32_t x = b0; x <= n; x++)
        if (gh[x] == s0)
            c++;
    if (t == SYN_LEFT) {
        if (gh[s0] == s1 || (gh[s0] > b0 && gh[s0] <= n))
            c++;
    } else if (gh[s0] >= b0 && gh[s0] <= n) {
        c++;
    }
    return c;
}

static void train_parser(trainer *t, isent *S, size_t n, unsigned ntag)
{
    tr_init(t, SYN_NTRANS);
    t->bits = (uint32_t)env_long("SYN_BITS_PARSE", BITS_PARSE);
    t->tmpl = env_tmpl("SYN_TMPL_PARSE", TMPL_PARSE, SYN_TMPL_PARSE, SYN_NTMPL_PARSE);
    walk w;
    walk_init(&w, S, n, ntag, SEED ^ 0xABCDEF);
    uint32_t f[64];
    for (int ep = 0, ne = (int)env_long("SYN_EPOCHS_PARSE", PARSE_EPOCHS); ep < ne; ep++) {
        walk_epoch(&w);
        size_t ok = 0, all = 0;
        syn_sent v;
        syn_state st;
        for (isent *s; (s = walk_next(&w, &v, &st));) {
            while (st.b <= s->n || st.sp > 1) {
                size_t nf = syn_parse_feats(&v, &st, t->tmpl, f);
                float sc[SYN_NTRANS];
                tr_score(t, f, nf, sc);
                int pred = -1, gold = -1, cs[SYN_NTRANS], minc = 1 << 30;
                for (int a = 0; a < SYN_NTRANS; a++) {
                    if (!syn_valid(&st, s->n, a))
                        continue;
                    cs[a] = cost(&st, s->n, s->head, a);
                    if (cs[a] < minc)
                        minc = cs[a];
                    if (pred < 0 || sc[a] > sc[pred])
                        pred = a;
                }
                for (int a = 0; a < SYN_NTRANS; a++)
                    if (syn_valid(&st, s->n, a) && cs[a] == minc && (gold < 0 || sc[a] > sc[gold]))
                        gold = a;
                t->now++;
                if (cs[pred] > minc) {
                    tr_update(t, f, nf, (unsigned)gold, 1);
                    tr_update(t, f, nf, (unsigned)pred, -1);
                }
                bool follow = ep >= 1 && rng_next(&w.rng) % 10 < 9;
                syn_apply(&st, follow ? pred : gold);
            }
            for (size_t d = 1; d <= s->n; d++, all++)
                ok += st.head[d] == s->head[d];
        }
        fprintf(stderr, "  parser epoch %d: train UAS %.2f\n", ep + 1, 100.0 * ok / all);
    }
    walk_free(&w);
}

static void train_labeller(trainer *t, isent *S, size_t n, unsigned ntag, unsigned nlabel,
                           int root)
{
    tr_init(t, nlabel);
    t->bits = (uint32_t)env_long("SYN_BITS_LABEL", BITS_LABEL);
    t->tmpl = env_tmpl("SYN_TMPL_LABEL", TMPL_LABEL, SYN_TMPL_LABEL, SYN_NTMPL_LABEL);
    walk w;
    walk_init(&w, S, n, ntag, SEED ^ 0x1234567);
    uint32_t f[64];
    float sc[SYN_MAX_LABELS];
    for (int ep = 0, ne = (int)env_long("SYN_EPOCHS_LABEL", LABEL_EPOCHS); ep < ne; ep++) {
        walk_epoch(&w);
        syn_sent v;
        syn_state st;
        for (isent *s; (s = walk_next(&w, &v, &st));) {
            for (uint32_t d = 1; d <= s->n; d++)
                syn_add_arc(&st, s->head[d], d);
            for (uint32_t d = 1; d <= s->n; d++) {
                if (!s->head[d])
                    continue;
                size_t nf = syn_label_feats(&v, &st, d, t->tmpl, f);
                tr_score(t, f, nf, sc);
                sc[root] = -1e30f;
                int pred = best_class(sc, nlabel);
                t->now++;
                if (pred != s->label[d]) {
                    tr_update(t, f, nf, s->label[d], 1);
                    tr_update(t, f, nf, (unsigned)pred, -1);
                }
            }
        }
    }
    walk_free(&w);
}

/* ---- lemmas ----------------------------------------------------------------------------------- */

/* String table with dedup: offsets of NUL-terminated strings. */
typedef struct strtab { el_buf b; map m; } strtab;

static uint32_t str_add(strtab *st, const char *s)
{
    uint64_t h = el_hash64(s, strlen(s)) | 1;
    uint32_t *v = map_get(&st->m, h, true);
    if (!*v) {
        *v = (uint32_t)st->b.len + 1;
        el_buf_put(&st->b, s, strlen(s) + 1);
    }
    return *v - 1;
}

/* "STRIP ADD" turning lower-cased form into lemma, or "" if none fits. */
static void transform(const char *lf, const char *lemma, char *out, size_t cap)
{
    size_t p = 0, n = strlen(lf);
    while (lf[p] && lf[p] == lemma[p])
        p++;
    if (n - p > 9 || strlen(lemma + p) + 3 > cap) {
        out[0] = 0;
        return;
    }
    snprintf(out, cap, "%zu %s", n - p, lemma + p);
}

static void lower_copy(const char *s, char *out, size_t cap)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++)
        out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    out[i] = 0;
}

/* Counts of (key, string) pairs, and the best string per key (ties: the
 * first string in byte order). */
typedef struct kscount { uint64_t key; uint32_t str; uint32_t n; } kscount;
typedef struct kstab { kscount *e; size_t n, cap; map idx; } kstab;

static void ks_add(kstab *t, strtab *st, uint64_t key, const char *s)
{
    uint32_t off = str_add(st, s);
    uint64_t h = (key * 0x9E3779B97F4A7C15ull ^ (off + 1) * 0xC2B2AE3D27D4EB4Full) | 1;
    uint32_t *v = map_get(&t->idx, h, true);
    if (!*v) {
        if (t->n == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 4096;
            t->e = realloc(t->e, t->cap * sizeof *t->e);
            if (!t->e)
                abort();
        }
        t->e[t->n] = (kscount){ key, off, 0 };
        *v = (uint32_t)++t->n;
    }
    t->e[*v - 1].n++;
}

/* best[key] = index into t->e of its best string. */
static void ks_best(kstab *t, const strtab *st, map *best, uint32_t min)
{
    map_init(best, 1 << 12);
    for (size_t i = 0; i < t->n; i++) {
        if (t->e[i].n < min)
            continue;
        uint32_t *v = map_get(best, t->e[i].key, true);
        if (*v) {
            const kscount *o = &t->e[*v - 1];
            if (o->n > t->e[i].n || (o->n == t->e[i].n &&
                strcmp(st->b.data + o->str, st->b.data + t->e[i].str) <= 0))
                continue;
        }
        *v = (uint32_t)i + 1;
    }
}

typedef struct lemmas { map lex, rule; strtab st; kstab lexc, rulec; map lexbest, rulebest; } lemmas;

static bool is_propn(vocabs *v, unsigned tag)
{
    return strcmp(v->upos.name[v->tu[tag]], "PROPN") == 0;
}

/* The rules alone (as syn_lemmatize without exceptions). */
static void rule_lemma(lemmas *L, vocabs *v, const char *form, unsigned tag, char *out,
                       size_t cap)
{
    if (is_propn(v, tag)) {
        el_copy_str(out, cap, form);
        return;
    }
    lower_copy(form, out, cap);
    size_t len = strlen(form);
    for (size_t k = len > SYN_MAX_SUFFIX ? SYN_MAX_SUFFIX : len; ; k--) {
        uint32_t *b = map_get(&L->rulebest, syn_rule_key(v->tx[tag], form + len - k, k), false);
        if (b) {
            const char *r = L->st.b.data + L->rulec.e[*b - 1].str;
            size_t strip = (size_t)(r[0] - '0'), l = strlen(out);
            if (strip <= l) {
                out[l - strip] = 0;
                el_copy_str(out + l - strip, cap - (l - strip), r + 2);
            }
            return;
        }
        if (k == 0)
            return;
    }
}

static void learn_lemmas(const isent *S, size_t n, vocabs *v, lemmas *L)
{
    memset(L, 0, sizeof *L);
    map_init(&L->st.m, 1 << 12);
    map_init(&L->lexc.idx, 1 << 12);
    map_init(&L->rulec.idx, 1 << 12);
    el_buf_putc(&L->st.b, 0);   /* offset 0: "" */
    char lf[256], tr[64];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < S[i].n; j++) {
            const cu_word *w = &S[i].w[j];
            unsigned tag = S[i].gold[j + 1];
            lower_copy(w->form, lf, sizeof lf);
            ks_add(&L->lexc, &L->st, syn_lemma_key(el_hash64_lower(w->form, strlen(w->form)),
                                                   v->tx[tag]), w->lemma);
            if (is_propn(v, tag) || strlen(w->form) >= sizeof lf)
                continue;
            transform(lf, w->lemma, tr, sizeof tr);
            if (!tr[0])
                continue;
            size_t len = strlen(lf);
            for (size_t k = 0; k <= SYN_MAX_SUFFIX && k <= len; k++)
                ks_add(&L->rulec, &L->st, syn_rule_key(v->tx[tag], lf + len - k, k), tr);
        }
    ks_best(&L->rulec, &L->st, &L->rulebest, 2);
    ks_best(&L->lexc, &L->st, &L->lexbest, 1);
    /* exceptions: a form whose usual lemma the rules miss */
    map_init(&L->lex, 1 << 12);
    char pred[64];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < S[i].n; j++) {
            const cu_word *w = &S[i].w[j];
            unsigned tag = S[i].gold[j + 1];
            uint64_t key = syn_lemma_key(el_hash64_lower(w->form, strlen(w->form)), v->tx[tag]);
            uint32_t *b = map_get(&L->lexbest, key, false);
            if (!b || map_get(&L->lex, key, false))
                continue;
            const char *best = L->st.b.data + L->lexc.e[*b - 1].str;
            rule_lemma(L, v, w->form, tag, pred, sizeof pred);
            if (strcmp(pred, best) != 0)
                *map_get(&L->lex, key, true) = L->lexc.e[*b - 1].str + 1;
        }
}

static void lemmas_free(lemmas *L)
{
    map_free(&L->lex); map_free(&L->rule); map_free(&L->lexbest); map_free(&L->rulebest);
    map_free(&L->st.m); el_buf_free(&L->st.b);
    free(L->lexc.e); map_free(&L->lexc.idx);
    free(L->rulec.e); map_free(&L->rulec.idx);
}

/* Entries of m in slot order (deterministic: same keys, same inserts). */
static void write_map(el_buf *b, const map *m, bool minus1, const lemmas *L, bool rule)
{
    size_t n = 0;
    for (uint32_t s = 0; s <= m->mask; s++)
        n += m->k[s] != 0;
    put_u(b, n, 4);
    for (uint32_t s = 0; s <= m->mask; s++)
        if (m->k[s]) {
            put_u(b, m->k[s], 8);
            uint32_t off = rule ? L->rulec.e[m->v[s] - 1].str : m->v[s] - (minus1 ? 1 : 0);
            put_u(b, off, 4);
        }
}

/* ---- the whole model ---------------------------------------------------------------------------- */

static void write_names(el_buf *b, const vocabs *v)
{
    el_buf names = EL_BUF_INIT;
    const vocab *vs[3] = { &v->upos, &v->xpos, &v->label };
    for (int k = 0; k < 3; k++)
        for (unsigned i = 0; i < vs[k]->n; i++)
            el_buf_put(&names, vs[k]->name[i], strlen(vs[k]->name[i]) + 1);
    put_u(b, names.len, 4);
    el_buf_put(b, names.data, names.len);
    el_buf_free(&names);
}

static void write_model(el_buf *b, const vocabs *v, const dict *d, const lemmas *L,
                        const trainer *tg, const trainer *ps, const trainer *lb)
{
    el_buf_put(b, SYN_MAGIC, 8);
    put_u(b, v->upos.n, 4);
    put_u(b, v->xpos.n, 4);
    put_u(b, v->tag.n, 4);
    put_u(b, v->label.n, 4);
    write_names(b, v);
    el_buf_put(b, (const char *)v->tu, v->tag.n);
    el_buf_put(b, (const char *)v->tx, v->tag.n);
    put_u(b, d->n, 4);
    for (size_t i = 0; i < d->n; i++) {
        put_u(b, d->keys[i], 8);
        put_u(b, d->tags[i], 1);
    }
    write_map(b, &L->lex, true, L, false);
    write_map(b, &L->rulebest, false, L, true);
    put_u(b, L->st.b.len, 4);
    el_buf_put(b, L->st.b.data, L->st.b.len);
    tr_write(tg, b, env_long("SYN_PRUNE_TAG", PRUNE_TAG));
    tr_write(ps, b, env_long("SYN_PRUNE_PARSE", PRUNE_PARSE));
    tr_write(lb, b, env_long("SYN_PRUNE_LABEL", PRUNE_LABEL));
}

/* Development knob SYN_TAGS_CACHE=FILE: the jackknifed tags are read from
 * FILE when it exists and fits the treebank, else computed and written
 * there, so parser experiments skip the four tagger folds.  A cache from
 * other tagger features gives a different model: training for the shipped
 * file never sets it. */
static bool tags_cache(const char *path, isent *S, size_t n, bool write)
{
    if (!path || !*path)
        return false;
    FILE *fp = fopen(path, write ? "wb" : "rb");
    if (!fp)
        return false;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++)
        ok = write ? fwrite(S[i].autot + 1, 1, S[i].n, fp) == S[i].n
                   : fread(S[i].autot + 1, 1, S[i].n, fp) == S[i].n;
    if (!write && ok)
        ok = fgetc(fp) == EOF;
    fclose(fp);
    if (!write)
        fprintf(stderr, "  jackknifed tags %s %s\n", ok ? "read from" : "not usable:", path);
    return ok;
}

void syn_train(const cu_bank *tb, el_buf *out, const char *sweep_base)
{
    vocabs v;
    build_vocabs(tb, &v);
    int root = vocab_find(&v.label, "root");
    fprintf(stderr, "syntax-tool: %zu sentences, %zu words; %u UPOS, %u XPOS, %u joint tags, "
            "%u relations\n", tb->n, tb->nwords, v.upos.n, v.xpos.n, v.tag.n, v.label.n);
    isent *S = el_calloc(tb->n, sizeof *S);
    for (size_t i = 0; i < tb->n; i++)
        isent_build(&S[i], &tb->s[i], &v);
    dict d;
    build_dict(S, tb->n, v.tag.n, &d);
    lemmas L;
    learn_lemmas(S, tb->n, &v, &L);
    fprintf(stderr, "  tag dictionary %zu forms; lemma exceptions %zu, suffix rules %zu\n",
            d.n, L.lex.n, L.rulebest.n);
    if (env_long("SYN_JACKKNIFE", 1)) {
        if (!tags_cache(getenv("SYN_TAGS_CACHE"), S, tb->n, false)) {
            jackknife(S, tb->n, &d, v.tag.n);
            tags_cache(getenv("SYN_TAGS_CACHE"), S, tb->n, true);
        }
    }
    else
        for (size_t i = 0; i < tb->n; i++)
            memcpy(S[i].autot, S[i].gold, S[i].n + 1);
    trainer tg, ps, lb;
    train_tagger(&tg, &d, S, tb->n, -1, v.tag.n);
    train_parser(&ps, S, tb->n, v.tag.n);
    train_labeller(&lb, S, tb->n, v.tag.n, v.label.n, root);
    write_model(out, &v, &d, &L, &tg, &ps, &lb);
    /* SYN_SWEEP="P1,P2,...": also OUT.pP with every classifier pruned at P */
    const char *sw = getenv("SYN_SWEEP");
    for (const char *p = sw; p && *p && sweep_base; ) {
        long pr = atol(p);
        char name[4096];
        snprintf(name, sizeof name, "%s.p%ld", sweep_base, pr);
        setenv("SYN_PRUNE_TAG", p, 1);
        setenv("SYN_PRUNE_PARSE", p, 1);
        setenv("SYN_PRUNE_LABEL", p, 1);
        el_buf o2 = EL_BUF_INIT;
        write_model(&o2, &v, &d, &L, &tg, &ps, &lb);
        FILE *fp = fopen(name, "wb");
        if (fp) {
            fwrite(o2.data, 1, o2.len, fp);
            fclose(fp);
        }
        el_buf_free(&o2);
        p = strchr(p, ',');
        p = p ? p + 1 : NULL;
    }
    tr_free(&tg); tr_free(&ps); tr_free(&lb);
    lemmas_free(&L);
    dict_free(&d);
    for (size_t i = 0; i < tb->n; i++)
        isent_free(&S[i]);
    free(S);
    vocab_free(&v.upos); vocab_free(&v.xpos); vocab_free(&v.tag); vocab_free(&v.label);
}

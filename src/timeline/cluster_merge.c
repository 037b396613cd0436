/* cluster_merge.c - the normalizer's third pass: one event per happening
 * across articles (see normalize_internal.h).  After the two clustering
 * passes, a cluster joins an earlier cluster of other articles when both
 * are of one typed group, neither is negated where the other is not,
 * their own times (timexes, not the article's day) are compatible at day
 * precision or finer (or one is undated and its article appeared within
 * six weeks after the other's time: news of a recent happening; or both
 * undated in articles at most a week apart; an undated side must be the
 * only cluster of its group in its articles), their
 * participants and places do not conflict, and their articles tell the
 * same story: they name at least two of the same entities (one shared
 * name, "the court", is no story).  Every merge leaves a note: which two
 * mentions, why, and the names both stories share. */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MERGE_PROBE 128          /* earlier clusters of the group looked at */
#define STORY_MIN_SHARED 2       /* names two articles share to be one story */
#define STORY_DOCS 8             /* articles of a cluster compared for the story */
#define UNDATED_WINDOW_DAYS 7    /* two undated clusters: articles this close */
#define RECENT_DAYS 42           /* an undated mention: news of the last six weeks */
#define MERGE_PARTS 16           /* participants of a cluster compared */

/* How many clusters of a group each article has: (doc, group) pairs of
 * every cluster, sorted (a merge joins clusters of different articles, so
 * the counts stay as they are). */
typedef struct dg { uint32_t doc; const char *group; } dg;
typedef struct dg_table { dg *v; size_t n, cap; } dg_table;

static int cmp_dg(const void *a, const void *b)
{
    const dg *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->group < y->group ? -1 : x->group > y->group;   /* (interned) */
}

static void dg_build(dg_table *t, const clusterer *cl)
{
    for (size_t k = 0; k < cl->nk; k++)
        for (size_t i = 0; cl->ks[k].n && i < cl->ks[k].ndocs; i++)
            EL_PUSH(t->v, t->n, t->cap) = (dg){cl->ks[k].docs[i], cl->fs[cl->ks[k].m[0]].group};
    if (t->n)
        qsort(t->v, t->n, sizeof *t->v, cmp_dg);
}

/* Is k the only cluster of its group in each of its articles?  An undated
 * "the agreement" in an article with two agreements could be either. */
static bool alone_in_articles(const dg_table *t, const mfeat *fs, const cluster *k)
{
    for (size_t i = 0; i < k->ndocs && i < STORY_DOCS; i++) {
        dg key = {k->docs[i], fs[k->m[0]].group};
        dg *at = bsearch(&key, t->v, t->n, sizeof *t->v, cmp_dg);
        if (!at)
            continue;
        size_t same = 0;
        for (dg *p = at; p > t->v && !cmp_dg(p - 1, &key); p--)
            same++;
        for (dg *p = at; p < t->v + t->n && !cmp_dg(p, &key); p++)
            same++;
        if (same > 1)
            return false;
    }
    return true;
}

/* The sorted distinct entities each document names, built on demand. */
typedef struct doc_ents { int **v; size_t *n; bool *built; size_t ndocs; } doc_ents;

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static const int *ents_of(const el_corpus *c, doc_ents *de, uint32_t d, size_t *n)
{
    if (!de->built[d]) {
        const el_doc *doc = c->docs[d];
        int *v = el_malloc((doc->nmentions + 1) * sizeof *v);
        size_t k = 0;
        for (size_t i = 0; i < doc->nmentions; i++) {
            int e = doc->mentions[i].key ? el_corpus_entity_of(c, doc->mentions[i].key) : -1;
            if (e >= 0)
                v[k++] = e;
        }
        qsort(v, k, sizeof *v, cmp_int);
        size_t u = 0;
        for (size_t i = 0; i < k; i++)
            if (!u || v[u - 1] != v[i])
                v[u++] = v[i];
        de->v[d] = v;
        de->n[d] = u;
        de->built[d] = true;
    }
    *n = de->n[d];
    return de->v[d];
}

/* The names articles a and b both name (up to cap in out), how many. */
static size_t shared_names(const el_corpus *c, doc_ents *de, uint32_t a, uint32_t b,
                           size_t *out, size_t cap)
{
    size_t na, nb, i = 0, j = 0, n = 0;
    const int *va = ents_of(c, de, a, &na), *vb = ents_of(c, de, b, &nb);
    while (i < na && j < nb) {
        if (va[i] < vb[j]) {
            i++;
        } else if (vb[j] < va[i]) {
            j++;
        } else {
            if (n < cap)
                out[n] = (size_t)va[i];
            n++, i++, j++;
        }
    }
    return n;
}

/* The most names one article of x and one of y share (the pair's names in
 * out, up to 4). */
static size_t story_score(const el_corpus *c, doc_ents *de, const cluster *x, const cluster *y,
                          size_t *out, size_t *nout)
{
    size_t best = 0, tmp[4];
    for (size_t i = 0; i < x->ndocs && i < STORY_DOCS; i++)
        for (size_t j = 0; j < y->ndocs && j < STORY_DOCS; j++) {
            size_t n = shared_names(c, de, x->docs[i], y->docs[j], tmp, 4);
            if (n > best) {
                best = n;
                *nout = n < 4 ? n : 4;
                memcpy(out, tmp, *nout * sizeof *out);
            }
        }
    return best;
}

static bool docs_disjoint(const cluster *x, const cluster *y)
{
    for (size_t i = 0; i < y->ndocs; i++)
        if (el_cluster_has_doc(x, y->docs[i]))
            return false;
    return true;
}

/* A cluster's own time: the intersection (a lasting type: the hull) of its
 * mentions' times that a timex gives, not the article's day. */
static el_interval own_time(const mfeat *fs, const cluster *k)
{
    el_interval iv = {0, 0, EL_GRAN_NONE};
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        if (!iv_known(f->iv) || f->dct_time)
            continue;
        if (!iv_known(iv)) {
            iv = f->iv;
            continue;
        }
        bool hull = k->span_days > 0;
        if (hull != (f->iv.begin > iv.begin)) iv.begin = f->iv.begin;
        if (hull != (f->iv.end < iv.end)) iv.end = f->iv.end;
        if (f->iv.gran > iv.gran) iv.gran = f->iv.gran;
    }
    return iv;
}

/* The earliest article day of a cluster's mentions (INT64_MIN: none). */
static int64_t first_day(const mfeat *fs, const cluster *k)
{
    int64_t d = INT64_MAX;
    for (size_t i = 0; i < k->n; i++)
        if (fs[k->m[i]].dct != INT64_MIN && fs[k->m[i]].dct < d)
            d = fs[k->m[i]].dct;
    return d == INT64_MAX ? INT64_MIN : d;
}

/* Are the clusters' own times compatible?  *how: the reason's words. */
static bool times_fit(const dg_table *t, const mfeat *fs, const cluster *x, const cluster *y,
                      const char **how)
{
    el_interval a = own_time(fs, x), b = own_time(fs, y);
    int span = x->span_days > y->span_days ? x->span_days : y->span_days;
    int64_t slack = (int64_t)span * DAY;
    if (iv_known(a) && iv_known(b)) {
        *how = "times agree";
        return a.gran >= EL_GRAN_DAY && b.gran >= EL_GRAN_DAY && el_iv_compatible(a, b, span);
    }
    if (iv_known(a) || iv_known(b)) {   /* the undated one is news of the dated one */
        *how = "one undated, reported within weeks of the other's time";
        const cluster *u = iv_known(a) ? y : x;
        el_interval when = iv_known(a) ? a : b;
        int64_t day = first_day(fs, u);
        if (!alone_in_articles(t, fs, u))
            return false;
        return day != INT64_MIN && when.begin < day + DAY + slack &&
               when.end > day - (int64_t)RECENT_DAYS * DAY;
    }
    *how = "both undated, articles within a week";
    int64_t da = first_day(fs, x), db = first_day(fs, y);
    if (da == INT64_MIN || db == INT64_MIN || !alone_in_articles(t, fs, x) ||
        !alone_in_articles(t, fs, y))
        return false;
    return (da > db ? da - db : db - da) <= (int64_t)(UNDATED_WINDOW_DAYS + span) * DAY;
}

/* A cluster's distinct participants (up to MERGE_PARTS), how many. */
static size_t cluster_parts(const mfeat *fs, const cluster *k, int *out)
{
    size_t n = 0;
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        for (size_t p = 0; p < f->nparts; p++) {
            bool seen = false;
            for (size_t q = 0; q < n; q++)
                seen |= out[q] == f->parts[p];
            if (!seen && n < MERGE_PARTS)
                out[n++] = f->parts[p];
        }
    }
    return n;
}

/* Participants: -1 conflict ("X meets Y" and "Z meets W"), else shared. */
static int parts_fit(const mfeat *fs, const cluster *x, const cluster *y)
{
    int px[MERGE_PARTS], py[MERGE_PARTS];
    size_t nx = cluster_parts(fs, x, px), ny = cluster_parts(fs, y, py), shared = 0;
    if (!nx || !ny)
        return 0;
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            shared += px[i] == py[j];
    if (!shared || (shared < nx && shared < ny))
        return -1;
    return (int)shared;
}

/* Places: both name some and none is shared. */
static bool places_conflict(const mfeat *fs, const cluster *x, const cluster *y)
{
    bool any_x = false, any_y = false;
    for (size_t i = 0; i < x->n; i++) {
        int lx = fs[x->m[i]].location;
        if (lx < 0)
            continue;
        any_x = true;
        for (size_t j = 0; j < y->n; j++) {
            int ly = fs[y->m[j]].location;
            any_y |= ly >= 0;
            if (ly == lx)
                return false;
        }
    }
    if (!any_y)
        for (size_t j = 0; j < y->n; j++)
            any_y |= fs[y->m[j]].location >= 0;
    return any_x && any_y;
}

/* Score of cluster y joining earlier cluster x (-1: not one happening);
 * the note says why when it may. */
static long pair_score(const el_corpus *c, doc_ents *de, const dg_table *t, const mfeat *fs,
                       const cluster *x,
                       const cluster *y, el_merge_note *note)
{
    const mfeat *gx = &fs[x->m[0]], *gy = &fs[y->m[0]];
    if (gx->group != gy->group || gx->generic || gy->generic || gx->negated != gy->negated)
        return -1;   /* (groups are interned) */
    if (!docs_disjoint(x, y))
        return -1;
    const char *how;
    if (!times_fit(t, fs, x, y, &how))
        return -1;
    int parts = parts_fit(fs, x, y);
    if (parts < 0 || places_conflict(fs, x, y))
        return -1;
    size_t story = story_score(c, de, x, y, note->shared, &note->nshared);
    if (story < STORY_MIN_SHARED)
        return -1;
    note->a = (el_mref){gx->doc, gx->ev};
    note->b = (el_mref){gy->doc, gy->ev};
    free(note->why);
    note->why = el_strdupf("same type '%s'; %s; %s; articles share %zu names", gx->type, how,
                           parts ? "shared participants" : "no participant conflict", story);
    return (long)parts * 1000 + (long)story * 10 + (long)(x->n < 9 ? x->n : 9);
}

/* Move cluster y's mentions into x, with the note. */
static void absorb(cluster *x, cluster *y, mfeat *fs, int xid, el_merge_note *note)
{
    for (size_t i = 0; i < y->n; i++) {
        el_cluster_add(x, fs, y->m[i]);
        fs[y->m[i]].cluster = xid;
    }
    y->n = 0;
    EL_PUSH(x->notes, x->nnotes, x->cap_notes) = *note;
    for (size_t i = 0; i < y->nnotes; i++)
        EL_PUSH(x->notes, x->nnotes, x->cap_notes) = y->notes[i];
    y->nnotes = 0;
    note->why = NULL;
}

void el_merge_across_articles(const el_corpus *c, clusterer *cl)
{
    doc_ents de = {el_calloc(c->ndocs + 1, sizeof *de.v), el_calloc(c->ndocs + 1, sizeof *de.n),
                   el_calloc(c->ndocs + 1, sizeof *de.built), c->ndocs};
    el_merge_note note = {{0, 0}, {0, 0}, NULL, {0}, 0}, best_note = note;
    dg_table dt = {NULL, 0, 0};
    dg_build(&dt, cl);
    for (size_t j = 0; j < cl->nk; j++) {
        cluster *y = &cl->ks[j];
        if (!y->n)
            continue;
        const kbucket *b = el_ki_get(&cl->groups, cl->fs[y->m[0]].group);
        long best = -1;
        int bi = -1;
        size_t looked = 0, lo = 0, hi = b ? b->n : 0;
        while (lo < hi) {   /* the bucket's ids ascend: start below j */
            size_t mid = (lo + hi) / 2;
            if (b->ids[mid] < j)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t i = lo; i-- > 0 && looked < MERGE_PROBE;) {
            size_t k = b->ids[i];
            if (!cl->ks[k].n)
                continue;
            looked++;
            long s = pair_score(c, &de, &dt, cl->fs, &cl->ks[k], y, &note);
            if (s > best) {
                best = s;
                bi = (int)k;
                free(best_note.why);
                best_note = note;
                note.why = NULL;
            }
        }
        if (bi >= 0)
            absorb(&cl->ks[bi], y, cl->fs, bi, &best_note);
    }
    free(note.why);
    free(best_note.why);
    for (size_t d = 0; d < de.ndocs; d++)
        free(de.v[d]);
    free(de.v);
    free(de.n);
    free(de.built);
    free(dt.v);
}

/* clustering.c - the event normalizer's two passes (see
 * normalize_internal.h).  Mentions with participants are clustered first,
 * most specific first (more participants, finer time): a mention joins the
 * best compatible cluster (cluster_match.c) found through the index of
 * its group and entities, or starts a new one.  Mentions without
 * participants ("the meeting") then join the cluster of the nearest
 * earlier mention of the same group in their document, or the narrowest
 * time-compatible cluster of the group (a year-level time only if one
 * cluster fits), or (time unknown) the only cluster of the group, the only
 * one at their place or the one their article names most, when it is of
 * the same story; or start their own. */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

#define ANAPHORA_SENTENCES 6     /* sentences looked back for an antecedent */
#define ANAPHORA_MENTIONS 50     /* earlier mentions looked at for an antecedent */
#define COUNTING_SORT_MAX 4096   /* participants/granularity bound of the counting sort */

/* More participants first, then finer time, then document order. */
typedef struct spec_key { size_t nparts; int gran; uint32_t doc, ev; size_t idx; } spec_key;

static int cmp_specific(const void *a, const void *b)
{
    const spec_key *x = a, *y = b;
    if (x->nparts != y->nparts) return x->nparts > y->nparts ? -1 : 1;
    if (x->gran != y->gran) return x->gran > y->gran ? -1 : 1;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return x->ev < y->ev ? -1 : x->ev > y->ev;
}

/* Stable counting sort of order[] by key(order[i]) in 0..range. */
static void counting_pass(size_t *order, size_t *tmp, size_t n, const mfeat *fs,
                          size_t range, size_t (*key)(const mfeat *, size_t))
{
    size_t *count = el_calloc(range + 2, sizeof *count);
    for (size_t i = 0; i < n; i++)
        count[key(&fs[order[i]], range) + 1]++;
    for (size_t k = 1; k <= range + 1; k++)
        count[k] += count[k - 1];
    for (size_t i = 0; i < n; i++)
        tmp[count[key(&fs[order[i]], range)]++] = order[i];
    memcpy(order, tmp, n * sizeof *order);
    free(count);
}

static size_t fewer_parts(const mfeat *f, size_t max) { return max - f->nparts; }
static size_t coarser(const mfeat *f, size_t max) { return max - (size_t)f->iv.gran; }

/* cmp_specific's order without comparisons when order[] is in document
 * order already (as collect_mentions makes it): two stable counting passes,
 * by granularity, then by participants.  False if it does not apply. */
static bool sort_specific_counting(size_t *order, size_t n, const mfeat *fs)
{
    size_t maxp = 0, maxg = 0;
    for (size_t i = 0; i < n; i++) {
        const mfeat *f = &fs[order[i]];
        if (i && (fs[order[i - 1]].doc > f->doc ||
                  (fs[order[i - 1]].doc == f->doc && fs[order[i - 1]].ev >= f->ev)))
            return false;
        if ((int)f->iv.gran < 0)
            return false;
        maxp = f->nparts > maxp ? f->nparts : maxp;
        maxg = (size_t)f->iv.gran > maxg ? (size_t)f->iv.gran : maxg;
    }
    if (maxp > COUNTING_SORT_MAX || maxg > COUNTING_SORT_MAX)
        return false;
    size_t *tmp = el_malloc((n + 1) * sizeof *tmp);
    counting_pass(order, tmp, n, fs, maxg, coarser);
    counting_pass(order, tmp, n, fs, maxp, fewer_parts);
    free(tmp);
    return true;
}

static void sort_specific(size_t *order, size_t n, const mfeat *fs)
{
    if (sort_specific_counting(order, n, fs))
        return;
    spec_key *keys = el_malloc((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        const mfeat *f = &fs[order[i]];
        keys[i] = (spec_key){f->nparts, (int)f->iv.gran, f->doc, f->ev, order[i]};
    }
    qsort(keys, n, sizeof *keys, cmp_specific);
    for (size_t i = 0; i < n; i++)
        order[i] = keys[i].idx;
    free(keys);
}

/* A new cluster seeded by f: indexed under its group and its entities. */
static size_t seed_cluster(clusterer *cl, const mfeat *f)
{
    cluster *nc = &EL_PUSH(cl->ks, cl->nk, cl->cap);
    memset(nc, 0, sizeof *nc);
    size_t k = cl->nk - 1;
    char key[KEY_SIZE];
    el_ki_add(&cl->groups, f->group, k);
    for (size_t p = 0; p < f->nparts; p++) {
        el_cluster_key(key, sizeof key, f, f->parts[p], 0);
        el_ki_add(&cl->ents, key, k);
    }
    return k;
}

/* The best compatible cluster among those indexed under f's entities
 * (the lowest on ties), -1 if none. */
static int best_cluster(const clusterer *cl, const mfeat *f)
{
    const mfeat *fs = cl->fs;
    const cluster *ks = cl->ks;
    int best = -1, best_score = -1;
    char key[KEY_SIZE];
    int days = f->generic && f->dct != INT64_MIN ? 1 : 0;   /* the day before and after */
    for (size_t p = 0; p < f->nparts; p++)
        for (int off = -days; off <= days; off++) {
            el_cluster_key(key, sizeof key, f, f->parts[p], off);
            const kbucket *b = el_ki_get(&cl->ents, key);
            for (size_t i = 0; b && i < b->n; i++) {
                size_t k = b->ids[i];
                int s = el_join_score(fs, &ks[k], f);
                if (s > best_score || (s == best_score && s >= 0 && (int)k < best)) {
                    best_score = s;
                    best = (int)k;
                }
            }
        }
    return best;
}

static void cluster_with_participants(clusterer *cl)
{
    mfeat *fs = cl->fs;
    size_t nf = cl->nf;
    size_t *order = el_malloc((nf + 1) * sizeof *order), n = 0;
    for (size_t i = 0; i < nf; i++)
        if (fs[i].nparts > 0)
            order[n++] = i;
    sort_specific(order, n, fs);
    for (size_t i = 0; i < n; i++) {
        mfeat *f = &fs[order[i]];
        int best = best_cluster(cl, f);
        if (best < 0)
            best = (int)seed_cluster(cl, f);
        f->cluster = best;
        el_cluster_add(&cl->ks[best], fs, order[i]);
    }
    free(order);
}

/* Nearest earlier clustered mention of the same group in the document
 * (one that says who or where, or is as factual as the mention: a bare
 * mention was itself placed by a guess). */
static int antecedent(const mfeat *fs, size_t i)
{
    const mfeat *f = &fs[i];
    uint32_t s = f->sentence;
    for (size_t k = i, steps = 0; k > 0 && steps < ANAPHORA_MENTIONS; steps++) {
        k--;
        const mfeat *g = &fs[k];
        if (g->doc != f->doc)
            break;
        if (g->cluster < 0 || g->group != f->group || g->indefinite)   /* interned */
            continue;
        if (g->nparts == 0 && g->location < 0 && g->factual != f->factual)
            continue;   /* a bare plan ("able to discuss") is no antecedent of a fact */
        if (g->sentence + ANAPHORA_SENTENCES < s)
            break;
        return g->cluster;
    }
    return -1;
}

static bool cluster_at(const cluster *k, const mfeat *fs, int location)
{
    for (size_t i = 0; i < k->nlocs && i < CLUSTER_LOCS; i++)
        if (k->locs[i] == location)
            return true;
    if (k->nlocs <= CLUSTER_LOCS)
        return false;   /* every location is in locs */
    for (size_t i = 0; i < k->n; i++)
        if (fs[k->m[i]].location == location)
            return true;
    return false;
}

/* The one cluster of bucket b with a mention at `location` ("their summit
 * in Geneva"), -1 if none or several. */
static int only_cluster_at(const cluster *ks, const kbucket *b, const mfeat *fs, int location)
{
    int found = -1;
    for (size_t i = 0; i < b->n; i++) {
        const cluster *k = &ks[b->ids[i]];
        if (!cluster_at(k, fs, location))
            continue;
        if (found >= 0)
            return -1;
        found = (int)b->ids[i];
    }
    return found;
}

/* The entities a document's event mentions name (participants and
 * places), sorted, for story_shared. */
typedef struct ent_set { int *v; size_t n, cap; } ent_set;

/* What the second pass keeps about the document of the mention at hand
 * and the clusters so far: the document's mentions [lo, hi), the entities
 * they name, its salience table (rebuilt when lo changes) and the clusters
 * with a known time by group (list_dated). */
typedef struct doc_scope {
    size_t lo, hi;
    ent_set es;
    salience sa;
    key_index dated;
} doc_scope;

/* List cluster k under its group in `dated` once it has a known time: a
 * dated mention only looks at those (most clusters have no time).  A
 * listed cluster stays listed: its time is tested when looked at. */
static void list_dated(key_index *dated, clusterer *cl, size_t k)
{
    cluster *ks = cl->ks;
    if (!ks[k].dated && iv_known(ks[k].iv)) {
        ks[k].dated = true;
        el_ki_add(dated, cl->fs[ks[k].m[0]].group, k);   /* (the seed's group) */
    }
}

/* For a mention without participants and antecedent: the cluster of its
 * group whose known time overlaps its own (the narrowest, then the first
 * made), or, when its time is unknown, the only cluster of its group, or
 * the only one at its place, or the one its document names most.  -1 if
 * none fits.  (ds: f's document, see doc_scope.) */
static int same_group_cluster(const clusterer *cl, doc_scope *ds, const mfeat *f)
{
    const cluster *ks = cl->ks;
    const kbucket *b = el_ki_get(&cl->groups, f->group);
    const kbucket *dt = iv_known(f->iv) ? el_ki_get(&ds->dated, f->group) : NULL;
    int best = -1, compatible = 0;
    for (size_t i = 0; dt && i < dt->n; i++) {   /* (in the order they got a time) */
        size_t k = dt->ids[i];
        if (!iv_known(ks[k].iv) || !el_iv_compatible(ks[k].iv, f->iv, ks[k].span_days))
            continue;
        compatible++;
        int64_t w = ks[k].iv.end - ks[k].iv.begin;
        if (best < 0 || w < ks[best].iv.end - ks[best].iv.begin ||
            (w == ks[best].iv.end - ks[best].iv.begin && (int)k < best))
            best = (int)k;
    }
    if (best >= 0 && f->iv.gran < EL_GRAN_MONTH && compatible > 1)
        best = -1;   /* "earlier this year": only when it can mean one event */
    if (best < 0 && b && b->n == 1 && !iv_known(f->iv))
        return (int)b->ids[0];
    if (best < 0 && b && !iv_known(f->iv) && f->location >= 0)
        best = only_cluster_at(ks, b, cl->fs, f->location);
    if (best < 0 && b && !iv_known(f->iv)) {
        if (ds->sa.lo != ds->lo)
            el_salience_build(&ds->sa, cl, ds->lo, ds->hi);
        best = el_salient_cluster(&ds->sa, f);
    }
    return best;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static void doc_entities(ent_set *es, const mfeat *fs, size_t lo, size_t hi)
{
    es->n = 0;
    for (size_t i = lo; i < hi; i++) {
        for (size_t p = 0; p < fs[i].nparts; p++)
            EL_PUSH(es->v, es->n, es->cap) = fs[i].parts[p];
        if (fs[i].location >= 0)
            EL_PUSH(es->v, es->n, es->cap) = fs[i].location;
    }
    if (es->n)
        qsort(es->v, es->n, sizeof *es->v, cmp_int);
}

static bool ent_set_has(const ent_set *es, int e)
{
    return es->n && bsearch(&e, es->v, es->n, sizeof *es->v, cmp_int) != NULL;
}

/* How many of a cluster's mentions story_shared looks at (a bound, so a
 * cluster of thousands of mentions costs no more than this). */
#define STORY_PROBE 64

/* May a mention of document `doc` without participants join cluster k
 * from another article?  Only when the cluster is of the same story: it
 * already has a mention of `doc`, or its mentions name a participant or
 * place that `doc`'s events name too.  Two articles' bare "the appeal"
 * or "the election" of different stories stay apart. */
static bool story_shared(const cluster *k, const mfeat *fs, uint32_t doc, const ent_set *es)
{
    if (el_cluster_has_doc(k, doc))
        return true;
    for (size_t i = 0; i < k->n && i < STORY_PROBE; i++) {
        const mfeat *g = &fs[k->m[i]];
        for (size_t p = 0; p < g->nparts; p++)
            if (ent_set_has(es, g->parts[p]))
                return true;
        if (g->location >= 0 && ent_set_has(es, g->location))
            return true;
    }
    return false;
}

/* The cluster mention fs[i] (without participants) joins, -1 for a new
 * one. */
static int bare_mention_cluster(const clusterer *cl, doc_scope *ds, size_t i)
{
    const cluster *ks = cl->ks;
    const mfeat *fs = cl->fs, *f = &fs[i];
    int k = antecedent(fs, i);
    if (k >= 0 && (!el_iv_compatible(ks[k].iv, f->iv, ks[k].span_days) ||
                   !el_may_join(ks, k, fs, f)))
        k = -1;
    if (k < 0)
        k = same_group_cluster(cl, ds, f);
    if (k >= 0 && (!el_may_join(ks, k, fs, f) || !story_shared(&ks[k], fs, f->doc, &ds->es)))
        k = -1;
    return k;
}

static void cluster_without_participants(clusterer *cl)
{
    doc_scope ds = {0, 0, {NULL, 0, 0}, {NULL, 0, 0, SIZE_MAX, NULL, 0},
                    {EL_HASHMAP_INIT, NULL, 0, 0}};
    for (size_t k = 0; k < cl->nk; k++)
        list_dated(&ds.dated, cl, k);
    for (size_t i = 0; i < cl->nf; i++) {
        mfeat *f = &cl->fs[i];
        if (i >= ds.hi) {
            ds.lo = i;
            for (ds.hi = i; ds.hi < cl->nf && cl->fs[ds.hi].doc == f->doc; ds.hi++)
                ;
            doc_entities(&ds.es, cl->fs, ds.lo, ds.hi);
        }
        if (f->nparts > 0)
            continue;
        int k = bare_mention_cluster(cl, &ds, i);
        if (k < 0)
            k = (int)seed_cluster(cl, f);
        f->cluster = k;
        el_cluster_add(&cl->ks[k], cl->fs, i);
        list_dated(&ds.dated, cl, (size_t)k);
    }
    el_salience_free(&ds.sa);
    el_ki_free(&ds.dated);
    free(ds.es.v);
}

void el_cluster_mentions(clusterer *cl)
{
    cluster_with_participants(cl);
    cluster_without_participants(cl);
}

void el_clusterer_free(clusterer *cl)
{
    el_ki_free(&cl->groups);
    el_ki_free(&cl->ents);
    for (size_t k = 0; k < cl->nk; k++) {
        free(cl->ks[k].m);
        free(cl->ks[k].docs);
        for (size_t i = 0; i < cl->ks[k].nnotes; i++)
            free(cl->ks[k].notes[i].why);
        free(cl->ks[k].notes);
    }
    free(cl->ks);
    free(cl->fs);
}

/* cluster_salience.c - the clusters a document's mentions with
 * participants are in, per group, counted, so that the cluster an article
 * names most often is found in a few steps per mention instead of a scan
 * of the document (quadratic in a long one).  Built once per document on
 * first use; the counts cannot change during the second clustering pass,
 * which only places mentions without participants.  Entries are sorted by
 * group, then by the seed's factuality and position (`cls`), then by first
 * mention, so the clusters a mention may compare with are at most three
 * runs merged by position. */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <stdlib.h>

#define SALIENT_MAX 32           /* clusters of one group compared for salience */

struct sal_entry {
    const char *group;   /* interned */
    int k;               /* cluster */
    uint32_t n;          /* mentions of the document in it (with participants) */
    uint32_t first;      /* index of the first of them */
    uint8_t cls;         /* seed factual * 3 + when + 1 */
    int next;            /* the entry of the same cluster under another group, -1 */
};


static int cmp_sal(const void *a, const void *b)
{
    const sal_entry *x = a, *y = b;
    if (x->group != y->group)
        return (uintptr_t)x->group < (uintptr_t)y->group ? -1 : 1;
    if (x->cls != y->cls)
        return x->cls < y->cls ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

static void salience_count(salience *sa, const cluster *ks, const mfeat *fs, size_t i)
{
    const mfeat *h = &fs[i];
    int j = sa->of_cluster[h->cluster];
    while (j >= 0 && sa->e[j].group != h->group)
        j = sa->e[j].next;
    if (j >= 0) {
        sa->e[j].n++;
        return;
    }
    const mfeat *g = &fs[ks[h->cluster].m[0]];
    sal_entry *e = &EL_PUSH(sa->e, sa->n, sa->cap);
    *e = (sal_entry){h->group, h->cluster, 1, (uint32_t)i,
                     (uint8_t)((g->factual ? 3 : 0) + g->when + 1), sa->of_cluster[h->cluster]};
    sa->of_cluster[h->cluster] = (int)(sa->n - 1);
}

void el_salience_build(salience *sa, const clusterer *cl, size_t lo, size_t hi)
{
    const cluster *ks = cl->ks;
    const mfeat *fs = cl->fs;
    size_t nk = cl->nk;
    if (sa->nk < nk) {
        sa->of_cluster = el_realloc(sa->of_cluster, nk * sizeof *sa->of_cluster);
        for (size_t k = sa->nk; k < nk; k++)
            sa->of_cluster[k] = -1;
        sa->nk = nk;
    }
    sa->n = 0;
    for (size_t i = lo; i < hi; i++)
        if (fs[i].nparts > 0 && fs[i].cluster >= 0)
            salience_count(sa, ks, fs, i);
    for (size_t i = 0; i < sa->n; i++)
        sa->of_cluster[sa->e[i].k] = -1;   /* (the links are not needed past here) */
    if (sa->n > 1)
        qsort(sa->e, sa->n, sizeof *sa->e, cmp_sal);
    sa->lo = lo;
}

/* The entries [*from, *to) of class cls under group g. */
static void salience_run(const salience *sa, const char *g, uint8_t cls, size_t *from,
                         size_t *to)
{
    size_t a = 0, b = sa->n;
    while (a < b) {   /* first entry not below (g, cls) */
        size_t mid = (a + b) / 2;
        const sal_entry *e = &sa->e[mid];
        if ((uintptr_t)e->group < (uintptr_t)g || (e->group == g && e->cls < cls))
            a = mid + 1;
        else
            b = mid;
    }
    *from = a;
    while (a < sa->n && sa->e[a].group == g && sa->e[a].cls == cls)
        a++;
    *to = a;
}

/* The cluster the mention's document names most often (its mentions
 * with participants: two at least, more than any other of the first
 * SALIENT_MAX clusters of the group as factual as the mention, in order
 * of first mention): "the two-day visit" in an article about one visit.
 * -1 if none stands out.  (sa: the document's salience table.) */
int el_salient_cluster(const salience *sa, const mfeat *f)
{
    size_t from[3], to[3], nruns = 0;
    for (int when = -1; when <= 1; when++)
        if (!f->when || !when || when == f->when) {
            salience_run(sa, f->group, (uint8_t)((f->factual ? 3 : 0) + when + 1),
                         &from[nruns], &to[nruns]);
            nruns++;
        }
    int best = -1;
    size_t best_n = 1, second = 0;
    for (size_t taken = 0; taken < SALIENT_MAX; taken++) {
        size_t r = nruns;   /* the run whose next entry comes first */
        for (size_t i = 0; i < nruns; i++)
            if (from[i] < to[i] && (r == nruns || sa->e[from[i]].first < sa->e[from[r]].first))
                r = i;
        if (r == nruns)
            break;
        const sal_entry *e = &sa->e[from[r]++];
        if (e->n > best_n) {
            second = best_n;
            best_n = e->n;
            best = e->k;
        } else if (e->n > second) {
            second = e->n;
        }
    }
    return best >= 0 && best_n > second ? best : -1;
}

void el_salience_free(salience *sa)
{
    free(sa->e);
    free(sa->of_cluster);
}

/* timeml_closure.c - the links the TimeML writer writes, made consistent
 * and closed over time.  Each event gets bounds on the time line from its
 * links: inside the interval of a dated time expression it IS_INCLUDED in
 * (or SIMULTANEOUS with), else before, after or inside the document
 * creation time (DCT).  An event-event link those bounds contradict is
 * dropped (the dates win: "made general in 1995 ... appointed the following
 * year" is not AFTER), and every pair of events whose bounds are disjoint
 * gets the link they imply ("cited in December" is after "made general on
 * May 22, 1995"), so that a reader that searches the graph without full
 * closure (the QA-TempEval tools) finds it.  Closure links carry their
 * evidence; two events are linked at most once.  Only events at most
 * CLOSURE_WINDOW apart in text order are paired, so the pass (and the
 * file) stays linear in document length; a news article has far fewer
 * events than that (TimeBank's longest document: 283), so it sees every
 * pair. */
#include "export/export.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* An event's place: it lies in [lo, hi) (minutes); known == false when its
 * links do not bound it. */
typedef struct bounds { int64_t lo, hi; bool known, dated; } bounds;

#define FAR_PAST INT64_MIN
#define FAR_FUTURE INT64_MAX

static bool dated_interval(const el_timex *t, el_interval *iv)
{
    if (t->dateline || (t->type != EL_TIMEX_DATE && t->type != EL_TIMEX_TIME))
        return false;
    *iv = t->iv;
    if (iv->end <= iv->begin && !el_value_interval(t->value, iv))
        return false;
    *iv = el_interval_apply_mod(*iv, t->mod);
    return iv->end > iv->begin;
}

/* The event's bounds from one link, true when it gave some. */
static bool link_bounds(const el_doc *d, const el_link *l, el_interval dct, bool have_dct, bounds *b)
{
    if (l->kind != EL_LINK_TLINK || l->from_kind != EL_NODE_EVENT)
        return false;
    if (l->to_kind == EL_NODE_TIMEX && l->to >= 0 && (size_t)l->to < d->ntimexes
        && (l->reltype == EL_REL_IS_INCLUDED || l->reltype == EL_REL_SIMULTANEOUS)) {
        el_interval iv;
        if (!dated_interval(&d->timexes[l->to], &iv))
            return false;
        *b = (bounds){iv.begin, iv.end, true, true};
        return true;
    }
    if (l->to_kind != EL_NODE_DCT || !have_dct)
        return false;
    switch (l->reltype) {
    case EL_REL_BEFORE: *b = (bounds){FAR_PAST, dct.begin, true, false}; return true;
    case EL_REL_AFTER: *b = (bounds){dct.end, FAR_FUTURE, true, false}; return true;
    case EL_REL_IS_INCLUDED: *b = (bounds){dct.begin, dct.end, true, false}; return true;
    default: return false;
    }
}

/* Every event's bounds: a dated time expression first, else the DCT. */
static bounds *all_bounds(const el_doc *d, const el_link *const *lists, const size_t *counts,
                          int nlists)
{
    bounds *bs = el_calloc(d->nevents + 1, sizeof *bs);
    char day[11];
    el_interval dct = {0};
    bool have_dct = d->dct.year && d->dct.month && d->dct.day;
    if (have_dct)
        el_date_format(d->dct, day);
    if (have_dct && !el_value_interval(day, &dct))
        have_dct = false;
    for (int k = 0; k < nlists; k++)
        for (size_t i = 0; i < counts[k]; i++) {
            const el_link *l = &lists[k][i];
            bounds b;
            if (l->from < 0 || (size_t)l->from >= d->nevents || !link_bounds(d, l, dct, have_dct, &b))
                continue;
            bounds *cur = &bs[l->from];
            if (!cur->known || (b.dated && !cur->dated))
                *cur = b;
        }
    return bs;
}

/* What the bounds say of a before or after b: BEFORE, AFTER or NONE. */
static el_reltype bounds_rel(const bounds *a, const bounds *b)
{
    if (!a->known || !b->known)
        return EL_REL_NONE;
    if (a->hi <= b->lo)
        return EL_REL_BEFORE;
    if (b->hi <= a->lo)
        return EL_REL_AFTER;
    return EL_REL_NONE;
}

/* An event-event link the two events' bounds contradict. */
static bool contradicted(const bounds *bs, const el_link *l)
{
    if (l->kind != EL_LINK_TLINK || l->from_kind != EL_NODE_EVENT || l->to_kind != EL_NODE_EVENT
        || l->from < 0 || l->to < 0)
        return false;
    el_reltype by_dates = bounds_rel(&bs[l->from], &bs[l->to]);
    switch (l->reltype) {
    case EL_REL_BEFORE: case EL_REL_IBEFORE: return by_dates == EL_REL_AFTER;
    case EL_REL_AFTER: case EL_REL_IAFTER: return by_dates == EL_REL_BEFORE;
    case EL_REL_NONE: return false;
    default: return by_dates != EL_REL_NONE;   /* overlapping relations of disjoint events */
    }
}

#define CLOSURE_WINDOW 1000

/* The links to write: the event stage's and the task links (minus those
 * the dates contradict), then the pairs the bounds order. */
size_t el_timeml_links(const el_doc *d, const el_tlink_rules *rules, bool closure, el_link **out)
{
    el_link *task;
    size_t ntask = el_timeml_task_links(d, rules, &task);
    const el_link *lists[2] = {d->links, task};
    size_t counts[2] = {d->nlinks, ntask};
    bounds *bs = all_bounds(d, lists, counts, 2);
    size_t n = 0, cap = d->nlinks + ntask + 1, nkeys = 0;
    el_link *all = el_calloc(cap, sizeof *all);
    uint64_t *keys = el_calloc(cap, sizeof *keys);
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < counts[k]; i++) {
            const el_link *l = &lists[k][i];
            if (contradicted(bs, l))
                continue;
            all[n++] = *l;
            if (l->from_kind == EL_NODE_EVENT && l->to_kind == EL_NODE_EVENT)
                keys[nkeys++] = el_pair_key(l->from, l->to);
        }
    qsort(keys, nkeys, sizeof *keys, el_cmp_u64);
    for (size_t a = 0; closure && a < d->nevents; a++)
        for (size_t b = a + 1; b < d->nevents && b - a <= CLOSURE_WINDOW; b++) {
            el_reltype rel = bounds_rel(&bs[a], &bs[b]);
            uint64_t key = el_pair_key((int)a, (int)b);
            if (!rel || bsearch(&key, keys, nkeys, sizeof key, el_cmp_u64))
                continue;
            el_link l = {EL_LINK_TLINK, EL_NODE_EVENT, EL_NODE_EVENT, (int)a, (int)b, rel,
                         (char *)"closure: the two events' dates or their relations to the DCT"};
            EL_PUSH(all, n, cap) = l;
        }
    free(keys);
    free(bs);
    free(task);
    *out = all;
    return n;
}

/* mention_aspect.c - aspectual verbs with a clock time ("beginning at
 * 4:34 p.m.", "ended at 5:09 p.m.") give begin and end of the event they
 * are about: the nearest preceding event mention of their document, of
 * its most salient group (see normalize_internal.h). */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <stdlib.h>

#define ASPECTUAL_SENTENCES 2    /* sentences looked back for the event */

/* The last mention of document `doc` before event mention `ev` (fs is in
 * document and mention order), or NULL. */
static mfeat *last_before(mfeat *fs, size_t nf, uint32_t doc, uint32_t ev)
{
    size_t lo = 0, hi = nf;
    while (lo < hi) {   /* first index not before (doc, ev) */
        size_t mid = (lo + hi) / 2;
        if (fs[mid].doc < doc || (fs[mid].doc == doc && fs[mid].ev < ev))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && fs[lo - 1].doc == doc ? &fs[lo - 1] : NULL;
}

/* The mentions, and the groups of one document's mentions sorted by
 * address (interned), so that counting the mentions of a group costs two
 * binary searches instead of a scan of the document per aspectual verb. */
typedef struct aspect_scan {
    mfeat *fs; size_t nf;
    const char **g; size_t n, cap;
    uint32_t doc;
    bool built;
} aspect_scan;

static int cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(const char *const *)a, y = (uintptr_t)*(const char *const *)b;
    return x < y ? -1 : x > y;
}

/* First of the n sorted groups not below `group` (by address) or, with
 * `after`, above it. */
static size_t group_bound(const char **g, size_t n, const char *group, bool after)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)g[mid] < (uintptr_t)group ||
            (after && g[mid] == group))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Mentions of `group` in document `doc` (its salience). */
static size_t group_count(aspect_scan *gc, uint32_t doc, const char *group)
{
    const mfeat *fs = gc->fs;
    size_t nf = gc->nf;
    if (!gc->built || gc->doc != doc) {
        size_t lo = 0, hi = nf;
        while (lo < hi) {   /* first mention of the document (fs is in document order) */
            size_t mid = (lo + hi) / 2;
            if (fs[mid].doc < doc)
                lo = mid + 1;
            else
                hi = mid;
        }
        gc->n = 0;
        for (size_t i = lo; i < nf && fs[i].doc == doc; i++)
            EL_PUSH(gc->g, gc->n, gc->cap) = fs[i].group;
        if (gc->n > 1)
            qsort(gc->g, gc->n, sizeof *gc->g, cmp_ptr);
        gc->doc = doc;
        gc->built = true;
    }
    return group_bound(gc->g, gc->n, group, true) - group_bound(gc->g, gc->n, group, false);
}

/* The event an aspectual verb is about ("it lasted..., beginning at"): in
 * the nearest sentence (its own or up to ASPECTUAL_SENTENCES back) with a
 * candidate mention before it, the mention of the document's most salient
 * group (most mentions), the first one on ties. */
static mfeat *aspect_host(aspect_scan *gc, const el_doc *d, uint32_t doc, uint32_t ev)
{
    mfeat *fs = gc->fs;
    size_t nf = gc->nf;
    mfeat *last = last_before(fs, nf, doc, ev);
    if (!last)
        return NULL;
    uint32_t s = d->tokens[d->events[last->ev].tok_begin].sentence;
    if (s + ASPECTUAL_SENTENCES < d->tokens[d->events[ev].tok_begin].sentence)
        return NULL;
    mfeat *first = last;
    while (first > fs && first[-1].doc == doc &&
           d->tokens[d->events[first[-1].ev].tok_begin].sentence == s)
        first--;
    mfeat *best = first;
    size_t best_n = group_count(gc, doc, first->group);
    for (mfeat *m = first + 1; m <= last; m++) {
        size_t n = group_count(gc, doc, m->group);
        if (n > best_n) {
            best = m;
            best_n = n;
        }
    }
    return best;
}

/* A clock time ("4:34 p.m.") on an aspectual verb sets the begin or end of
 * the nearest event mention before it in the same document. */
void el_apply_aspectuals(const el_corpus *c, mfeat *fs, size_t nf, const asp_list *asp)
{
    aspect_scan gc = {fs, nf, NULL, 0, 0, 0, false};
    for (size_t a = 0; a < asp->n; a++) {   /* in document and mention order */
        const el_doc *d = c->docs[asp->v[a].doc];
        const el_event_mention *ev = &d->events[asp->v[a].ev];
        bool is_begin = false;
        el_aspect_kind(ev, &is_begin);
        const el_timex *t = &d->timexes[ev->timex];
        el_interval iv = t->iv;
        if ((iv.end <= iv.begin && !el_value_interval(t->value, &iv)) ||
            iv.gran < EL_GRAN_HOUR)
            continue;
        mfeat *best = aspect_host(&gc, d, asp->v[a].doc, asp->v[a].ev);
        if (!best)
            continue;
        if (is_begin)
            best->clock_begin = iv.begin;
        else
            best->clock_end = iv.begin;
    }
    free(gc.g);
}

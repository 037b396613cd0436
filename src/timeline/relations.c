/* relations.c - the timeline graph over canonical events: relations from
 * in-document signals, consistency and closure by point algebra, the
 * topological order, and relations between consecutive dated events.
 *
 * Point algebra: every event has a begin and an end point (begin < end);
 * a dated event lies within its interval: anchor(begin) <= begin and
 * end <= anchor(end), with one anchor point per distinct instant, chained
 * in time order (<).  A relation becomes <= edges between
 * points (BEFORE(a,b): end(a) <= begin(b); INCLUDES(a,b): begin(a) <=
 * begin(b) and end(b) <= end(a); SIMULTANEOUS: both equal).  The graph is
 * contradictory exactly when a cycle passes through a strict edge; a
 * signal relation that would close such a cycle is reported in
 * corpus->conflicts and left out.  Reachability from an undated event's
 * end to another event's begin gives the inferred BEFORE relations. */
#include "timeline/timeline_internal.h"
#include "base/hashmap.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INFERRED_PER_EVENT 4

typedef struct pedge { uint32_t to; int32_t next; bool strict; } pedge;

typedef struct pgraph {
    size_t nnodes;
    int32_t *head;
    pedge *e; size_t ne, cap;
} pgraph;

static uint32_t pbegin(size_t ev) { return (uint32_t)(2 * ev); }
static uint32_t pend(size_t ev) { return (uint32_t)(2 * ev + 1); }

static void pg_add(pgraph *g, uint32_t from, uint32_t to, bool strict)
{
    pedge *x = &EL_PUSH(g->e, g->ne, g->cap);
    x->to = to;
    x->strict = strict;
    x->next = g->head[from];
    g->head[from] = (int32_t)(g->ne - 1);
}

/* Undo the last edge added from `from`. */
static void pg_pop(pgraph *g, uint32_t from)
{
    g->head[from] = g->e[g->head[from]].next;
    g->ne--;
}

/* Scratch for pg_reach: a state is visited in the current search when its
 * mark equals `stamp` (no clearing of 2 * nnodes marks per search). */
typedef struct visit {
    uint32_t *mark;      /* 2 * nnodes */
    uint32_t stamp;
    uint32_t *stack;     /* 2 * nnodes + 1 */
} visit;

/* Can `to` be reached from `from`?  *strict receives whether some path
 * passes a strict edge. */
static bool pg_reach(const pgraph *g, uint32_t from, uint32_t to, bool *strict, visit *v)
{
    if (++v->stamp == 0) {   /* wrapped: clear once */
        memset(v->mark, 0, 2 * g->nnodes * sizeof *v->mark);
        v->stamp = 1;
    }
    uint32_t *seen = v->mark, *stack = v->stack, on = v->stamp;
    size_t sp = 0;
    bool found = false;
    *strict = false;
    stack[sp++] = from * 2;
    seen[from * 2] = on;
    while (sp) {
        uint32_t st = stack[--sp], n = st / 2, s = st % 2;
        if (n == to) {
            found = true;
            if (s) {
                *strict = true;
                return true;
            }
        }
        for (int32_t k = g->head[n]; k >= 0; k = g->e[k].next) {
            uint32_t ns = g->e[k].to * 2 + (s | g->e[k].strict);
            if (seen[ns] != on) {
                seen[ns] = on;
                stack[sp++] = ns;
            }
        }
    }
    return found;
}

/* ---- building the graph --------------------------------------------------- */

static bool dated(const el_event *v)
{
    return v->iv.end > v->iv.begin;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* Event points, then one anchor point per distinct instant. */
static void add_intervals(pgraph *g, const el_corpus *c, const bool *ok, int64_t *inst,
                          size_t ninst)
{
    for (size_t i = 0; i < c->nevents; i++)
        if (ok[i])
            pg_add(g, pbegin(i), pend(i), true);
    uint32_t base = (uint32_t)(2 * c->nevents);
    for (size_t k = 0; k + 1 < ninst; k++)
        pg_add(g, base + (uint32_t)k, base + (uint32_t)k + 1, true);
    for (size_t i = 0; i < c->nevents; i++) {
        if (!ok[i] || !dated(&c->events[i]))
            continue;
        int64_t *b = bsearch(&c->events[i].iv.begin, inst, ninst, sizeof *inst, cmp_i64);
        int64_t *e = bsearch(&c->events[i].iv.end, inst, ninst, sizeof *inst, cmp_i64);
        uint32_t ab = base + (uint32_t)(b - inst), ae = base + (uint32_t)(e - inst);
        pg_add(g, ab, pbegin(i), false);   /* the event lies within its interval */
        pg_add(g, pend(i), ae, false);
    }
}

static size_t collect_instants(const el_corpus *c, const bool *ok, int64_t **out)
{
    int64_t *inst = el_malloc((2 * c->nevents + 1) * sizeof *inst);
    size_t n = 0;
    for (size_t i = 0; i < c->nevents; i++)
        if (ok[i] && dated(&c->events[i])) {
            inst[n++] = c->events[i].iv.begin;
            inst[n++] = c->events[i].iv.end;
        }
    qsort(inst, n, sizeof *inst, cmp_i64);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || inst[u - 1] != inst[i])
            inst[u++] = inst[i];
    *out = inst;
    return u;
}

/* Point edges (from, to) of a relation; returns how many (<= 4). */
static size_t relation_edges(el_reltype type, size_t a, size_t b, uint32_t (*ed)[2])
{
    size_t n = 0;
#define EDGE(x, y) (ed[n][0] = (x), ed[n][1] = (y), n++)
    if (type == EL_REL_BEFORE) EDGE(pend(a), pbegin(b));
    else if (type == EL_REL_AFTER) EDGE(pend(b), pbegin(a));
    else if (type == EL_REL_INCLUDES) { EDGE(pbegin(a), pbegin(b)); EDGE(pend(b), pend(a)); }
    else if (type == EL_REL_IS_INCLUDED) { EDGE(pbegin(b), pbegin(a)); EDGE(pend(a), pend(b)); }
    else if (type == EL_REL_SIMULTANEOUS) {
        EDGE(pbegin(a), pbegin(b)); EDGE(pbegin(b), pbegin(a));
        EDGE(pend(a), pend(b)); EDGE(pend(b), pend(a));
    }
#undef EDGE
    return n;
}

/* ---- signal relations ------------------------------------------------------ */

/* Relations by (from, to): the base hash map from the pair's hash to
 * relation indices, so that asking for an existing relation does not scan
 * them all. */
typedef el_hashmap rel_index;

static uint32_t pair_hash(size_t a, size_t b)
{
    uint64_t z = (uint64_t)a * 0x9E3779B97F4A7C15ull ^ (uint64_t)b * 0xC2B2AE3D27D4EB4Full;
    return (uint32_t)(z ^ z >> 32);
}

/* Index relation r (the last one added, or any when building). */
static void rel_index_put(rel_index *ix, const el_corpus *c, size_t r)
{
    el_hashmap_put(ix, pair_hash(c->relations[r].from, c->relations[r].to), (uint32_t)r);
}

static rel_index rel_index_new(const el_corpus *c)
{
    rel_index ix = EL_HASHMAP_INIT;
    el_hashmap_reserve(&ix, c->nrelations);
    for (size_t r = 0; r < c->nrelations; r++)
        rel_index_put(&ix, c, r);
    return ix;
}

/* The relations from a to b, one by one into *r. */
static bool next_relation(const el_corpus *c, const rel_index *ix, el_hashmap_probe *p,
                          size_t a, size_t b, const el_relation **r)
{
    for (uint32_t v; el_hashmap_next(ix, p, &v);) {
        *r = &c->relations[v];
        if ((*r)->from == a && (*r)->to == b)
            return true;
    }
    return false;
}

typedef struct work {
    el_corpus *c;
    bool *ok;            /* event may take part (factual, confident) */
    pgraph g;
    visit v;
    rel_index rels;      /* of c->relations */
} work;

/* Canonical event of every event mention, per document (-1 = none), in
 * one pass over the events. */
static int **events_by_doc(const el_corpus *c)
{
    int **maps = el_calloc(c->ndocs + 1, sizeof *maps);
    for (size_t d = 0; d < c->ndocs; d++) {
        maps[d] = el_malloc((c->docs[d]->nevents + 1) * sizeof **maps);
        for (size_t i = 0; i <= c->docs[d]->nevents; i++)
            maps[d][i] = -1;
    }
    for (size_t v = 0; v < c->nevents; v++)
        for (size_t k = 0; k < c->events[v].nmentions; k++) {
            el_mref r = c->events[v].mentions[k];
            if (r.doc < c->ndocs && r.ev < c->docs[r.doc]->nevents)
                maps[r.doc][r.ev] = (int)v;
        }
    return maps;
}

static bool has_relation(const el_corpus *c, const rel_index *ix, size_t a, size_t b,
                         el_reltype type)
{
    el_hashmap_probe p = el_hashmap_find(ix, pair_hash(a, b));
    for (const el_relation *r; next_relation(c, ix, &p, a, b, &r);)
        if (r->type == type)
            return true;
    return false;
}

static void add_relation(el_corpus *c, size_t a, size_t b, el_reltype type, bool inferred,
                         const char *evidence)
{
    el_relation *r = &EL_PUSH(c->relations, c->nrelations, c->cap_relations);
    r->from = a;
    r->to = b;
    r->type = type;
    r->inferred = inferred;
    r->evidence = el_strdup(evidence);
}

static void add_conflict(el_corpus *c, const char *msg)
{
    EL_PUSH(c->conflicts, c->nconflicts, c->cap_conflicts) = el_strdup(msg);
}

/* Add the relation's edges unless one closes a strict cycle. */
static bool try_relation(work *w, el_reltype type, size_t a, size_t b)
{
    uint32_t ed[4][2];
    size_t n = relation_edges(type, a, b, ed), added = 0;
    bool consistent = n > 0;
    for (size_t k = 0; k < n && consistent; k++) {
        bool strict;
        if (pg_reach(&w->g, ed[k][1], ed[k][0], &strict, &w->v) && strict)
            consistent = false;
        else {
            pg_add(&w->g, ed[k][0], ed[k][1], false);
            added++;
        }
    }
    if (!consistent)
        while (added)
            pg_pop(&w->g, ed[--added][0]);
    return consistent;
}

static void signal_relation(work *w, const el_doc *d, const el_link *l, size_t a, size_t b)
{
    char why[256];
    snprintf(why, sizeof why, "%s in %s", l->evidence ? l->evidence : "signal", d->id);
    if (has_relation(w->c, &w->rels, a, b, l->reltype))
        return;
    if (try_relation(w, l->reltype, a, b)) {
        add_relation(w->c, a, b, l->reltype, false, why);
        rel_index_put(&w->rels, w->c, w->c->nrelations - 1);
        return;
    }
    char msg[512];
    snprintf(msg, sizeof msg, "%s %s %s (%s) contradicts the dates or earlier relations; "
             "left out of the order", w->c->events[a].label, el_reltype_name(l->reltype),
             w->c->events[b].label,
             why);
    add_conflict(w->c, msg);
}

static void signal_relations(work *w)
{
    el_corpus *c = w->c;
    int **maps = events_by_doc(c);
    for (size_t d = 0; d < c->ndocs; d++) {
        const el_doc *doc = c->docs[d];
        int *map = maps[d];
        for (size_t i = 0; i < doc->nlinks; i++) {
            const el_link *l = &doc->links[i];
            if (l->kind != EL_LINK_TLINK || l->from_kind != EL_NODE_EVENT ||
                l->to_kind != EL_NODE_EVENT)
                continue;
            int a = map[l->from], b = map[l->to];
            if (a >= 0 && b >= 0 && a != b && w->ok[a] && w->ok[b])
                signal_relation(w, doc, l, (size_t)a, (size_t)b);
        }
        free(map);
    }
    free(maps);
}

/* ---- eligibility, closure --------------------------------------------------- */

/* Events that take part in some relation. */
static bool *related_events(const el_corpus *c)
{
    bool *rel = el_calloc(c->nevents + 1, sizeof *rel);
    for (size_t i = 0; i < c->nrelations; i++)
        rel[c->relations[i].from] = rel[c->relations[i].to] = true;
    return rel;
}

/* Mark every node reachable from `from` (forward edges, or backward over
 * the reversed graph `rev`). */
static void reach_all(const pgraph *g, uint32_t from, uint8_t *mark, uint32_t *stack)
{
    memset(mark, 0, g->nnodes);
    size_t sp = 0;
    stack[sp++] = from;
    mark[from] = 1;
    while (sp) {
        uint32_t n = stack[--sp];
        for (int32_t k = g->head[n]; k >= 0; k = g->e[k].next)
            if (!mark[g->e[k].to]) {
                mark[g->e[k].to] = 1;
                stack[sp++] = g->e[k].to;
            }
    }
}

static pgraph reversed(const pgraph *g)
{
    pgraph r = {g->nnodes, el_malloc((g->nnodes + 1) * sizeof(int32_t)), NULL, 0, 0};
    for (size_t i = 0; i < g->nnodes; i++)
        r.head[i] = -1;
    for (size_t n = 0; n < g->nnodes; n++)
        for (int32_t k = g->head[n]; k >= 0; k = g->e[k].next)
            pg_add(&r, g->e[k].to, (uint32_t)n, g->e[k].strict);
    return r;
}

/* A relation from a to b, of any type, among those in ix? */
static bool any_relation(const el_corpus *c, const rel_index *ix, size_t a, size_t b)
{
    el_hashmap_probe p = el_hashmap_find(ix, pair_hash(a, b));
    const el_relation *r;
    return next_relation(c, ix, &p, a, b, &r);
}

/* Related either way by one of the relations in ix (the signal ones). */
static bool directly_related(const el_corpus *c, const rel_index *ix, size_t a, size_t b)
{
    return any_relation(c, ix, a, b) || any_relation(c, ix, b, a);
}

/* Undated events related by signals: BEFORE relations reachable through
 * the point graph (end(u) ->* begin(x), or end(x) ->* begin(u)), marked
 * inferred; at most a few per event, nearest in event order. */
static void infer_relations(work *w, const bool *on)
{
    el_corpus *c = w->c;
    rel_index before = rel_index_new(c);   /* the relations so far, not the inferred */
    bool *rel = related_events(c);
    pgraph rev = reversed(&w->g);
    uint8_t *fwd = el_malloc(w->g.nnodes + 1), *back = el_malloc(w->g.nnodes + 1);
    for (size_t u = 0; u < c->nevents; u++) {
        if (!on[u] || dated(&c->events[u]) || !rel[u])
            continue;
        reach_all(&w->g, pend(u), fwd, w->v.stack);
        reach_all(&rev, pbegin(u), back, w->v.stack);
        size_t added = 0;
        for (size_t x = 0; x < c->nevents && added < MAX_INFERRED_PER_EVENT; x++) {
            if (x == u || !on[x] || (!fwd[pbegin(x)] && !back[pend(x)]))
                continue;
            size_t a = fwd[pbegin(x)] ? u : x, b = a == u ? x : u;
            if (directly_related(c, &before, a, b))
                continue;
            add_relation(c, a, b, EL_REL_BEFORE, true, "closure over begin/end points");
            added++;
        }
    }
    free(fwd);
    free(back);
    free(rev.head);
    free(rev.e);
    free(rel);
    el_hashmap_free(&before);
}

/* ---- order ---------------------------------------------------------------- */

/* Does relation r force a to come before b? */
static bool precedes(const el_relation *r, size_t a, size_t b)
{
    if (r->from == a && r->to == b)
        return r->type == EL_REL_BEFORE || r->type == EL_REL_INCLUDES;
    if (r->from == b && r->to == a)
        return r->type == EL_REL_AFTER || r->type == EL_REL_IS_INCLUDED;
    return false;
}

/* Sort key: the begin instant; an undated event sits just before the
 * earliest event it precedes, else just after the latest that precedes it. */
static void order_keys(const el_corpus *c, const bool *on, int64_t *key)
{
    const int64_t none = INT64_MAX;
    for (size_t i = 0; i < c->nevents; i++)
        key[i] = dated(&c->events[i]) ? c->events[i].iv.begin : none;
    for (size_t round = 0; round < c->nevents + 1; round++) {
        bool changed = false;
        for (size_t r = 0; r < c->nrelations; r++) {
            const el_relation *x = &c->relations[r];
            bool before = x->type == EL_REL_BEFORE || x->type == EL_REL_INCLUDES;
            bool after = x->type == EL_REL_AFTER || x->type == EL_REL_IS_INCLUDED;
            size_t a = before ? x->from : x->to, b = before ? x->to : x->from;
            if ((!before && !after) || !on[a] || !on[b])
                continue;
            if (!dated(&c->events[a]) && key[b] != none && key[b] - 1 < key[a]) {
                key[a] = key[b] - 1;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    for (size_t r = 0; r < c->nrelations; r++) {   /* after its latest predecessor */
        const el_relation *x = &c->relations[r];
        for (size_t side = 0; side < 2; side++) {
            size_t a = side ? x->to : x->from, b = side ? x->from : x->to;
            if (on[a] && on[b] && precedes(x, a, b) && !dated(&c->events[b]) &&
                key[a] != none && (key[b] == none || key[b] < key[a]))
                key[b] = key[a] + 1;
        }
    }
}

static int cmp_events(const el_corpus *c, const int64_t *key, size_t a, size_t b)
{
    if (key[a] != key[b]) return key[a] < key[b] ? -1 : 1;
    const el_event *x = &c->events[a], *y = &c->events[b];
    if (x->iv.end != y->iv.end) return x->iv.end > y->iv.end ? -1 : 1;   /* wider first */
    int s = strcmp(x->label ? x->label : "", y->label ? y->label : "");
    if (s) return s;
    if (x->mentions[0].doc != y->mentions[0].doc)
        return x->mentions[0].doc < y->mentions[0].doc ? -1 : 1;
    return x->mentions[0].ev < y->mentions[0].ev ? -1 : x->mentions[0].ev > y->mentions[0].ev;
}

/* A binary min-heap of ready events, ordered by cmp_events. */
typedef struct ready_heap {
    size_t *v, n;
    const el_corpus *c;
    const int64_t *key;
} ready_heap;

static bool heap_less(const ready_heap *h, size_t i, size_t j)
{
    return cmp_events(h->c, h->key, h->v[i], h->v[j]) < 0;
}

static void heap_swap(ready_heap *h, size_t i, size_t j)
{
    size_t t = h->v[i];
    h->v[i] = h->v[j];
    h->v[j] = t;
}

static void heap_push(ready_heap *h, size_t ev)
{
    size_t i = h->n++;
    h->v[i] = ev;
    while (i > 0 && heap_less(h, i, (i - 1) / 2)) {
        heap_swap(h, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static size_t heap_pop(ready_heap *h)
{
    size_t top = h->v[0], i = 0;
    h->v[0] = h->v[--h->n];
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && heap_less(h, l, m)) m = l;
        if (r < h->n && heap_less(h, r, m)) m = r;
        if (m == i)
            break;
        heap_swap(h, i, m);
        i = m;
    }
    return top;
}

/* Precedence edges between events on the timeline as adjacency lists:
 * successors of x are succ[first[x] .. first[x + 1]); indeg counts them. */
static void precedence_edges(const el_corpus *c, const bool *on, size_t **first_out,
                             size_t **succ_out, size_t *indeg)
{
    size_t n = c->nevents, *first = el_calloc(n + 2, sizeof *first);
    size_t *pos = el_calloc(n + 1, sizeof *pos);
    size_t *succ = el_malloc((2 * c->nrelations + 1) * sizeof *succ);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t r = 0; r < c->nrelations; r++)
            for (size_t a = 0; a < 2; a++) {
                size_t x = a ? c->relations[r].to : c->relations[r].from;
                size_t y = a ? c->relations[r].from : c->relations[r].to;
                if (!on[x] || !on[y] || !precedes(&c->relations[r], x, y))
                    continue;
                if (pass == 0) {
                    first[x + 1]++;
                    indeg[y]++;
                } else {
                    succ[pos[x]++] = y;
                }
            }
        if (pass == 0) {
            for (size_t i = 0; i < n; i++)
                first[i + 1] += first[i];
            memcpy(pos, first, n * sizeof *pos);
        }
    }
    free(pos);
    *first_out = first;
    *succ_out = succ;
}

/* Kahn's algorithm with the smallest key first among the ready events
 * (a heap), O((n + r) log n). */
static void topological_order(el_corpus *c, const bool *on, const int64_t *key)
{
    size_t n = c->nevents, *indeg = el_calloc(n + 1, sizeof *indeg), *first, *succ;
    bool *done = el_calloc(n + 1, sizeof *done);
    precedence_edges(c, on, &first, &succ, indeg);
    ready_heap h = {el_malloc((n + 1) * sizeof(size_t)), 0, c, key};
    for (size_t i = 0; i < n; i++)
        if (on[i] && indeg[i] == 0)
            heap_push(&h, i);
    c->timeline = el_malloc((n + 1) * sizeof *c->timeline);
    c->ntimeline = 0;
    size_t remaining = 0;
    for (size_t i = 0; i < n; i++)
        remaining += on[i];
    while (remaining > 0) {
        size_t best = SIZE_MAX;
        if (h.n > 0) {
            best = heap_pop(&h);
        } else {   /* a cycle: never expected; take the smallest left */
            for (size_t i = 0; i < n; i++)
                if (on[i] && !done[i] && (best == SIZE_MAX || cmp_events(c, key, i, best) < 0))
                    best = i;
        }
        if (done[best])
            continue;
        done[best] = true;
        remaining--;
        c->timeline[c->ntimeline++] = best;
        for (size_t k = first[best]; k < first[best + 1]; k++)
            if (!done[succ[k]] && indeg[succ[k]] > 0 && --indeg[succ[k]] == 0)
                heap_push(&h, succ[k]);
    }
    free(h.v);
    free(first);
    free(succ);
    free(indeg);
    free(done);
}

/* ---- interval relations between neighbours ------------------------------------ */

static el_reltype interval_relation(el_interval a, el_interval b)
{
    if (a.end <= b.begin) return EL_REL_BEFORE;
    if (a.begin == b.begin && a.end == b.end) return EL_REL_SIMULTANEOUS;
    if (a.begin <= b.begin && b.end <= a.end) return EL_REL_INCLUDES;
    if (b.begin <= a.begin && a.end <= b.end) return EL_REL_IS_INCLUDED;
    return EL_REL_NONE;
}

static void neighbour_relations(el_corpus *c)
{
    rel_index rels = rel_index_new(c);
    for (size_t i = 0; i + 1 < c->ntimeline; i++) {
        size_t a = c->timeline[i], b = c->timeline[i + 1];
        if (!dated(&c->events[a]) || !dated(&c->events[b]))
            continue;
        el_reltype t = interval_relation(c->events[a].iv, c->events[b].iv);
        if (!t || has_relation(c, &rels, a, b, t))
            continue;
        char why[160];
        snprintf(why, sizeof why, "interval: %s / %s", c->events[a].value, c->events[b].value);
        add_relation(c, a, b, t, false, why);
        rel_index_put(&rels, c, c->nrelations - 1);
    }
    el_hashmap_free(&rels);
}

/* ---- ids ------------------------------------------------------------------- */

typedef struct order_ctx {
    const el_corpus *c;
    const int64_t *key;
} order_ctx;

static int cmp_event_index(const void *a, const void *b, void *ctx)
{
    const order_ctx *oc = ctx;
    return cmp_events(oc->c, oc->key, *(const size_t *)a, *(const size_t *)b);
}

/* Put the events in id order (timeline first) and renumber everything. */
static void assign_ids(el_corpus *c, const bool *on, const int64_t *key)
{
    size_t n = c->nevents, *perm = el_malloc((n + 1) * sizeof *perm), np = 0;
    size_t *newidx = el_malloc((n + 1) * sizeof *newidx);
    bool *placed = el_calloc(n + 1, sizeof *placed);
    for (size_t i = 0; i < c->ntimeline; i++) {
        perm[np++] = c->timeline[i];
        placed[c->timeline[i]] = true;
    }
    size_t rest_from = np;
    for (size_t i = 0; i < n; i++)   /* the rest by key, deterministic */
        if (!placed[i])
            perm[np++] = i;
    order_ctx oc = {c, key};
    qsort_r(perm + rest_from, np - rest_from, sizeof *perm, cmp_event_index, &oc);
    el_event *sorted = el_malloc((n + 1) * sizeof *sorted);
    for (size_t i = 0; i < n; i++) {
        sorted[i] = c->events[perm[i]];
        newidx[perm[i]] = i;
        snprintf(sorted[i].id, sizeof sorted[i].id, "V%u", (unsigned)(i + 1) & 0xfffffffu);
    }
    free(c->events);
    c->events = sorted;
    c->cap_events = n + 1;
    for (size_t r = 0; r < c->nrelations; r++) {
        c->relations[r].from = newidx[c->relations[r].from];
        c->relations[r].to = newidx[c->relations[r].to];
    }
    for (size_t i = 0; i < c->ntimeline; i++)
        c->timeline[i] = i;
    (void)on;
    free(perm);
    free(newidx);
    free(placed);
}

/* On the timeline: factual, confident, and with enough support - for a
 * typed event someone taking part, or a place and more than one mention
 * (a bare "the agreement" twice says nothing a reader can place); for an
 * untyped one ("Jobs said", "Apple released the iPhone") someone taking
 * part and a time.  The drawings keep to the typed ones. */
static bool supported(const el_event *v)
{
    if (!v->factual || v->confidence < EL_TIMELINE_MIN_CONFIDENCE)
        return false;
    if (!v->type)
        return v->nparticipants > 0 && v->value[0];
    return v->nparticipants > 0 || (v->nmentions > 1 && v->location >= 0);
}

void el_relate_and_order(el_corpus *c)
{
    size_t n = c->nevents;
    work w = {c, el_calloc(n + 1, sizeof(bool)), {0, NULL, NULL, 0, 0}, {NULL, 0, NULL},
              rel_index_new(c)};
    for (size_t i = 0; i < n; i++)
        w.ok[i] = supported(&c->events[i]);
    int64_t *inst = NULL;
    size_t ninst = collect_instants(c, w.ok, &inst);
    w.g.nnodes = 2 * n + ninst + 1;
    w.g.head = el_malloc(w.g.nnodes * sizeof *w.g.head);
    for (size_t i = 0; i < w.g.nnodes; i++)
        w.g.head[i] = -1;
    w.v.mark = el_calloc(2 * w.g.nnodes, sizeof *w.v.mark);
    w.v.stack = el_malloc((2 * w.g.nnodes + 1) * sizeof *w.v.stack);
    add_intervals(&w.g, c, w.ok, inst, ninst);
    signal_relations(&w);
    bool *on = el_calloc(n + 1, sizeof *on), *rel = related_events(c);
    for (size_t i = 0; i < n; i++)
        on[i] = w.ok[i] && (dated(&c->events[i]) || rel[i]);
    free(rel);
    infer_relations(&w, on);
    int64_t *key = el_malloc((n + 1) * sizeof *key);
    order_keys(c, on, key);
    topological_order(c, on, key);
    neighbour_relations(c);
    assign_ids(c, on, key);
    free(key);
    free(on);
    free(inst);
    free(w.ok);
    free(w.g.head);
    free(w.g.e);
    free(w.v.mark);
    free(w.v.stack);
    el_hashmap_free(&w.rels);
}

/* canonical_events.c - one canonical event per cluster of mentions (see
 * normalize_internal.h): its type (the most frequent), participants (the
 * most frequent subject first), place, time (the most precise mention's,
 * a lasting event's span of days, clock times from aspectual verbs, or
 * the day an article reports it by), confidence and label. */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

#define CLUSTER_TYPES 16         /* distinct types counted for a cluster's type */

/* The mention whose time is the most precise: finest granularity, then
 * narrowest interval, then document order. */
static const mfeat *best_time(const mfeat *fs, const cluster *k)
{
    const mfeat *best = NULL;
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        if (!iv_known(f->iv))
            continue;
        if (best && best->dct_time != f->dct_time) {   /* explicit times first */
            if (!f->dct_time)
                best = f;
            continue;
        }
        if (!best || f->iv.gran > best->iv.gran ||
            (f->iv.gran == best->iv.gran && f->iv.end - f->iv.begin < best->iv.end - best->iv.begin))
            best = f;
    }
    return best;
}

/* The interval of the article's day of mention f (as its formatted date
 * reads: only mentions chosen for a canonical event need it). */
static void dct_interval(const el_corpus *c, const mfeat *f, el_interval *iv)
{
    char day[EL_DATE_SIZE];
    el_date_format(c->docs[f->doc]->dct, day);
    el_value_interval(day, iv);
}

/* A lasting event seen on several days: first day as value, last as end. */
static void set_day_span(el_event *v, el_interval hull)
{
    el_date first = el_days_to_date(hull.begin / DAY);
    el_date last = el_days_to_date((hull.end - 1) / DAY);
    el_date_format(first, v->value);
    el_date_format(last, v->end_value);
    v->iv.begin = hull.begin;
    v->iv.end = hull.end;
    v->iv.gran = EL_GRAN_DAY;
}

/* A lasting event without explicit dates but with a length ("a two-day
 * visit" in an article of its last day): the days ending on that day. */
static void apply_duration(const el_corpus *c, el_event *v, const mfeat *fs, const cluster *k)
{
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        const el_date dct = c->docs[f->doc]->dct;
        bool on_dct = f->dct_time || (!iv_known(f->iv) && dct.year && dct.month && dct.day);
        if (f->duration_days < 2 || (!on_dct && (!iv_known(f->iv) || f->iv.gran < EL_GRAN_DAY)))
            continue;
        el_interval last = f->iv;
        if (on_dct)
            dct_interval(c, f, &last);   /* "a two-day visit" said on its last day */
        el_interval span = {last.end - (int64_t)f->duration_days * DAY, last.end, EL_GRAN_DAY};
        set_day_span(v, span);
        v->time_source.doc = f->doc;
        v->time_source.ev = f->ev;
        v->has_time_source = true;
        v->anchor = EL_ANCHOR_DURATION;
        return;
    }
}

/* No mention of the event has a time, but an article reports it in the
 * simple past: it happened by that article's day (the earliest such day),
 * which is the day news text leaves it on.  Marked as inferred. */
static void set_report_day(const el_corpus *c, el_event *v, const mfeat *fs, const cluster *k)
{
    const mfeat *first = NULL;
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        if (f->past_report && (!first || f->latest < first->latest))
            first = f;
    }
    if (!first)
        return;
    el_date_format(c->docs[first->doc]->dct, v->value);
    dct_interval(c, first, &v->iv);
    v->time_source.doc = first->doc;
    v->time_source.ev = first->ev;
    v->has_time_source = true;
    v->time_from_report = true;
    v->anchor = EL_ANCHOR_REPORT;
}

static void set_time(const el_corpus *c, el_event *v, const mfeat *fs, const cluster *k)
{
    const mfeat *b = best_time(fs, k);
    int64_t cb = 0, ce = 0;
    for (size_t i = 0; i < k->n; i++) {
        if (fs[k->m[i]].clock_begin && !cb) cb = fs[k->m[i]].clock_begin;
        if (fs[k->m[i]].clock_end && !ce) ce = fs[k->m[i]].clock_end;
    }
    if (b) {
        v->iv = b->iv;
        if (b->dct_time) {
            el_date_format(c->docs[b->doc]->dct, v->value);
            dct_interval(c, b, &v->iv);   /* the article's day itself */
        } else {
            el_copy_str(v->value, sizeof v->value, b->value ? b->value : "");
        }
        v->time_source.doc = b->doc;
        v->time_source.ev = b->ev;
        v->has_time_source = true;
        v->anchor = b->dct_time ? EL_ANCHOR_REPORT
                    : c->docs[b->doc]->events[b->ev].timex_link == EL_TL_SENTENCE ? EL_ANCHOR_SENTENCE
                    : EL_ANCHOR_TIMEX;
        if (k->span_days > 0 && !b->dct_time && b->iv.gran == EL_GRAN_DAY &&
            k->iv.end - k->iv.begin > DAY)
            set_day_span(v, k->iv);
    }
    if (k->span_days > 0 && (!b || b->dct_time))
        apply_duration(c, v, fs, k);
    if (!v->value[0])
        set_report_day(c, v, fs, k);
    if (cb && (!b || (cb >= b->iv.begin && cb < b->iv.end))) {
        el_instant_format(cb, v->value);
        v->iv.begin = cb;
        v->iv.end = ce > cb ? ce : cb + 1;
        v->iv.gran = EL_GRAN_MINUTE;
        if (ce > cb)
            el_instant_format(ce, v->end_value);
    }
}

/* Entity indices by frequency in the cluster, the most frequent subject
 * first; the most frequent location. */
typedef struct ecount { int e; size_t n, subj, loc; } ecount;

static ecount *ecount_of(ecount **arr, size_t *n, size_t *cap, int e)
{
    for (size_t i = 0; i < *n; i++)
        if ((*arr)[i].e == e)
            return &(*arr)[i];
    ecount *x = &EL_PUSH(*arr, *n, *cap);
    *x = (ecount){e, 0, 0, 0};
    return x;
}

static void set_participants(el_event *v, const mfeat *fs, const cluster *k)
{
    ecount *ec = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        for (size_t p = 0; p < f->nparts; p++)
            ecount_of(&ec, &n, &cap, f->parts[p])->n++;
        if (f->subject >= 0) ecount_of(&ec, &n, &cap, f->subject)->subj++;
        if (f->location >= 0) ecount_of(&ec, &n, &cap, f->location)->loc++;
    }
    v->location = -1;
    size_t best_loc = 0;
    for (size_t i = 0; i < n; i++)
        if (ec[i].loc > best_loc || (ec[i].loc == best_loc && best_loc && ec[i].e < v->location)) {
            best_loc = ec[i].loc;
            v->location = ec[i].e;
        }
    for (;;) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < n; i++)
            if (ec[i].n && (best == SIZE_MAX || ec[i].subj > ec[best].subj ||
                            (ec[i].subj == ec[best].subj && ec[i].n > ec[best].n) ||
                            (ec[i].subj == ec[best].subj && ec[i].n == ec[best].n &&
                             ec[i].e < ec[best].e)))
                best = i;
        if (best == SIZE_MAX)
            break;
        EL_PUSH(v->participants, v->nparticipants, v->cap_participants) = (size_t)ec[best].e;
        ec[best].n = 0;
    }
    free(ec);
}

/* Most frequent type among the cluster's mentions (first seen on ties). */
static const char *cluster_type(const mfeat *fs, const cluster *k)
{
    const char *types[CLUSTER_TYPES];
    size_t counts[CLUSTER_TYPES], nt = 0, best = 0;
    for (size_t i = 0; i < k->n; i++) {
        const char *t = fs[k->m[i]].type;
        if (!t)
            continue;
        size_t j = 0;
        while (j < nt && types[j] != t)   /* interned */
            j++;
        if (j == nt && nt < CLUSTER_TYPES) {
            types[nt] = t;
            counts[nt++] = 0;
        }
        if (j < nt)
            counts[j]++;
    }
    for (size_t j = 1; j < nt; j++)
        if (counts[j] > counts[best])
            best = j;
    return nt ? types[best] : fs[k->m[0]].type;
}

static int cmp_mref(const void *a, const void *b)
{
    const el_mref *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->ev < y->ev ? -1 : x->ev > y->ev;
}

/* The same mention in every later copy and near duplicate of its document. */
static void add_reprint_mentions(el_event *v, const el_reprints *rp)
{
    el_reprints_add_mentions(rp, v);
}

void el_build_event(el_corpus *c, const el_trigger_lexicon *lx, const mfeat *fs,
                    const cluster *k, const el_reprints *rp)
{
    el_event *v = &EL_PUSH(c->events, c->nevents, c->cap_events);
    memset(v, 0, sizeof *v);
    v->type = el_strdup(cluster_type(fs, k));
    float miss = 1.0f;
    bool any_factual = false, any_informative = false;
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        el_mref r = {f->doc, f->ev};
        EL_PUSH(v->mentions, v->nmentions, v->cap_mentions) = r;
        miss *= 1.0f - f->confidence * (f->factual ? 1.0f : 0.5f);
        bool informative = f->nparts > 0 || iv_known(f->iv) || f->location >= 0;
        any_factual |= f->factual;
        any_informative |= informative;
        v->factual |= f->factual && informative;
    }
    /* a bare "this trip" asserts what it refers to, not a planned trip
     * it was clustered with; it counts only when nothing says more */
    v->factual |= any_factual && !any_informative;
    if (rp->ncopies)
        add_reprint_mentions(v, rp);
    qsort(v->mentions, v->nmentions, sizeof *v->mentions, cmp_mref);
    set_participants(v, fs, k);
    set_time(c, v, fs, k);
    v->confidence = (1.0f - miss) * (iv_known(v->iv) ? 1.0f : 0.7f);
    const mfeat *head = &fs[k->m[0]];
    v->label = el_event_label(c, v, el_trigger_type(lx, v->type), &c->docs[head->doc]->events[head->ev]);
}

/* cluster_match.c - may an event mention and a cluster be one event (see
 * normalize_internal.h)?  Same type group, times overlapping or one
 * unknown (a lasting type: within its span), participant sets that
 * intersect without each naming someone the other lacks, the same tense
 * side of the article's day, the same polarity; and adding a mention to
 * a cluster. */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <string.h>

static bool iv_overlap(el_interval a, el_interval b)
{
    return !iv_known(a) || !iv_known(b) || (a.begin < b.end && b.begin < a.end);
}

bool el_iv_compatible(el_interval a, el_interval b, int span_days)
{
    if (span_days <= 0)
        return iv_overlap(a, b);
    if (!iv_known(a) || !iv_known(b))
        return true;
    if (a.gran < EL_GRAN_DAY || b.gran < EL_GRAN_DAY)
        return iv_overlap(a, b);
    int64_t lo = a.begin < b.begin ? a.begin : b.begin, hi = a.end > b.end ? a.end : b.end;
    return hi - lo <= (int64_t)span_days * DAY;
}

/* Could mention f and cluster k be one event as far as the articles' days
 * tell?  "X announced" in a 2005 article is not the announcement a 2011
 * article dates to 2011; a lasting event (a visit) may go on for its span
 * after the report. */
static bool before_reports(const cluster *k, const mfeat *f)
{
    int64_t slack = (int64_t)k->span_days * DAY;   /* a visit goes on after the report */
    return !(iv_known(k->iv) && f->latest != INT64_MAX && k->iv.begin >= f->latest + slack) &&
           !(iv_known(f->iv) && k->latest != INT64_MAX && f->iv.begin >= k->latest + slack);
}

static bool has_part(const mfeat *f, int e)
{
    for (size_t k = 0; k < f->nparts; k++)
        if (f->parts[k] == e)
            return true;
    return false;
}

/* Participants: -1 incompatible, else the number shared. */
static int parts_score(const mfeat *a, const mfeat *b)
{
    size_t shared = 0;
    for (size_t k = 0; k < a->nparts; k++)
        shared += has_part(b, a->parts[k]);
    if (shared == 0)
        return -1;
    bool a_extra = shared < a->nparts, b_extra = shared < b->nparts;
    if (a_extra && b_extra)
        return -1;   /* "X meets Y" vs "X meets Z" */
    return (int)shared;
}

/* The same side of the article's day, or one side unknown. */
static bool when_compatible(const mfeat *a, const mfeat *b)
{
    return !a->when || !b->when || a->when == b->when;
}

/* A dated plan (or cancelled event) and an undated report of something
 * that happened are two events: "his visit comes at a critical time" is
 * not the visit planned for February.  g is the cluster's seed. */
static bool plan_and_fact(const cluster *k, const mfeat *g, const mfeat *f)
{
    return (!g->factual && f->factual && iv_known(k->iv) && !iv_known(f->iv)) ||
           (g->factual && !f->factual && !iv_known(k->iv) && iv_known(f->iv));
}

/* Does cluster k hold a mention of article `doc`?  (k->docs is sorted.) */
bool el_cluster_has_doc(const cluster *k, uint32_t doc)
{
    size_t lo = 0, hi = k->ndocs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (k->docs[mid] < doc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < k->ndocs && k->docs[lo] == doc;
}

/* Two mentions of an untyped event (a statement, a generic verb) from
 * different articles are one happening only when both are dated, or when
 * the articles are of the same or the next day (the same news). */
static bool same_news_day(const mfeat *a, const mfeat *b)
{
    if (iv_known(a->iv) && iv_known(b->iv))
        return true;
    if (a->dct == INT64_MIN || b->dct == INT64_MIN)
        return false;
    int64_t gap = a->dct > b->dct ? a->dct - b->dct : b->dct - a->dct;
    return gap <= DAY;
}

/* Score of mention f joining cluster k; -1 = incompatible.  The cluster
 * is represented by its seed, its most specific mention (clusters are
 * seeded in order of specificity), which keeps the cost constant. */
int el_join_score(const mfeat *fs, const cluster *k, const mfeat *f)
{
    if (!k->n || !before_reports(k, f))
        return -1;
    const mfeat *g = &fs[k->m[0]];
    /* "Smith said Friday ... Smith also said": in one article, an undated
     * mention of an untyped event joins the dated one */
    bool in_article = g->generic && el_cluster_has_doc(k, f->doc);
    if (!el_iv_compatible(k->iv, f->iv, k->span_days) &&
        !(in_article && (!iv_known(f->iv) || !iv_known(k->iv))))
        return -1;
    if (g->group != f->group || !when_compatible(g, f) || g->negated != f->negated)   /* interned */
        return -1;
    if (plan_and_fact(k, g, f))
        return -1;
    if (g->location >= 0 && f->location >= 0 && g->location != f->location && g->doc == f->doc)
        return -1;
    if (g->generic && g->subject >= 0 && f->subject >= 0 && g->subject != f->subject)
        return -1;   /* "Smith told Jones" and "Jones told reporters": two speakers */
    if (g->generic && !in_article && !same_news_day(g, f))
        return -1;   /* "Smith said" in articles a year apart: two statements */
    int s = parts_score(g, f);
    if (s < 0)
        return -1;
    /* between equals, a report of what happened joins what happened, not
     * a plan ("during X's visit": the visit that took place) */
    return s * 4 + (iv_known(f->iv) && iv_known(g->iv) ? 2 : 0) +
           (g->location >= 0 && g->location == f->location) + (g->factual == f->factual);
}

static void add_doc(cluster *k, uint32_t doc)
{
    if (k->ndocs && k->docs[k->ndocs - 1] == doc)
        return;   /* (mentions mostly come article by article) */
    if (el_cluster_has_doc(k, doc))
        return;
    EL_PUSH(k->docs, k->ndocs, k->cap_docs) = doc;
    for (size_t i = k->ndocs - 1; i > 0 && k->docs[i - 1] > doc; i--) {
        k->docs[i] = k->docs[i - 1];
        k->docs[i - 1] = doc;
    }
}

void el_cluster_add(cluster *k, const mfeat *fs, size_t m)
{
    if (k->n == 0) {
        k->span_days = fs[m].span_days;
        k->latest = INT64_MAX;
    }
    if (fs[m].latest < k->latest)
        k->latest = fs[m].latest;
    EL_PUSH(k->m, k->n, k->cap) = m;
    add_doc(k, fs[m].doc);
    int loc = fs[m].location;
    bool seen = false;
    for (size_t i = 0; i < k->nlocs && i < CLUSTER_LOCS; i++)
        seen |= k->locs[i] == loc;
    if (loc >= 0 && !seen && k->nlocs <= CLUSTER_LOCS) {
        if (k->nlocs < CLUSTER_LOCS)
            k->locs[k->nlocs] = loc;
        k->nlocs++;
    }
    el_interval iv = fs[m].iv;
    if (!iv_known(iv))
        return;
    if (!iv_known(k->iv)) {
        k->iv = iv;
        return;
    }
    bool hull = k->span_days > 0;
    if (hull && fs[m].dct_time)
        return;   /* the article's day does not stretch a visit */
    if (hull != (iv.begin > k->iv.begin)) k->iv.begin = iv.begin;
    if (hull != (iv.end < k->iv.end)) k->iv.end = iv.end;
}

/* Tense, report day and factuality let mention f join cluster k. */
bool el_may_join(const cluster *ks, int k, const mfeat *fs, const mfeat *f)
{
    const mfeat *g = &fs[ks[k].m[0]];
    return when_compatible(g, f) && g->negated == f->negated && before_reports(&ks[k], f) &&
           !plan_and_fact(&ks[k], g, f);
}

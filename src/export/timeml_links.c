/* timeml_links.c - the temporal links the TimeML writer adds to the event
 * stage's own (TempEval-3 Task C style): every dated time expression against
 * the document creation time (DCT), and every event against the DCT, from
 * its time expression's interval when it has one, else from its tense,
 * aspect and modality through the table learned from TBAQ
 * (gazetteers/time/tlinks.tsv, model/tlink_rules.h; without it: a simple
 * past is BEFORE the DCT, a future or modal AFTER, a present progressive
 * INCLUDES it); a simple past without a time expression of its own falls
 * in the one past date of its sentence.  Then event pairs: a reported event and its report, a past
 * perfect and its sentence's simple past, neighbouring events of a sentence
 * and the main events of consecutive sentences by the table's relation for
 * their tenses; and the subordination links, SLINK (reporting, intention,
 * modality, perception) and ALINK (aspectual verbs), to the event they
 * govern (gazetteers/time/subordination.tsv).  Each link carries its
 * evidence.  The event-DCT link follows the event's time when it has one,
 * so the two kinds never contradict each other; two events are linked at
 * most once. */
#include "export/export.h"
#include "base/util.h"
#include "model/tlink_rules.h"

#include <stdlib.h>
#include <string.h>

/* The relation of interval a to interval b, EL_REL_NONE when they overlap
 * without one holding the other. */
static el_reltype interval_rel(el_interval a, el_interval b)
{
    if (a.end <= b.begin)
        return EL_REL_BEFORE;
    if (a.begin >= b.end)
        return EL_REL_AFTER;
    if (a.begin == b.begin && a.end == b.end)
        return EL_REL_SIMULTANEOUS;
    if (a.begin <= b.begin && a.end >= b.end)
        return EL_REL_INCLUDES;
    if (a.begin >= b.begin && a.end <= b.end)
        return EL_REL_IS_INCLUDED;
    return EL_REL_NONE;
}

static bool timex_interval(const el_timex *t, el_interval *iv)
{
    if (t->dateline || (t->type != EL_TIMEX_DATE && t->type != EL_TIMEX_TIME))
        return false;
    *iv = t->iv;
    if (iv->end <= iv->begin && !el_value_interval(t->value, iv))
        return false;
    *iv = el_interval_apply_mod(*iv, t->mod);
    return iv->end > iv->begin;
}

/* An event's relation to the DCT from its tense, aspect and modality. */
static el_reltype tense_rel(const el_event_mention *e, const char **why)
{
    if (e->negated)
        return EL_REL_NONE;
    if (e->modality || e->tense == EL_TENSE_FUTURE) {
        *why = "future or modal verb: after the document date";
        return EL_REL_AFTER;
    }
    if (e->tense == EL_TENSE_PAST && e->aspect != EL_ASPECT_PROGRESSIVE) {
        *why = "simple past: before the document date";
        return EL_REL_BEFORE;
    }
    if (e->tense == EL_TENSE_PRESENT && e->aspect == EL_ASPECT_PERFECTIVE) {
        *why = "present perfect: before the document date";
        return EL_REL_BEFORE;
    }
    if (e->tense == EL_TENSE_PRESENT && e->aspect == EL_ASPECT_PROGRESSIVE) {
        *why = "present progressive: holds at the document date";
        return EL_REL_INCLUDES;
    }
    return EL_REL_NONE;
}

static bool linked_to_dct(const el_doc *d, size_t e)
{
    for (size_t i = 0; i < d->nlinks; i++)
        if (d->links[i].kind == EL_LINK_TLINK && d->links[i].from_kind == EL_NODE_EVENT
            && d->links[i].from == (int)e && d->links[i].to_kind == EL_NODE_DCT)
            return true;
    return false;
}

static void push(el_link **out, size_t *n, size_t *cap, el_link l)
{
    EL_PUSH(*out, *n, *cap) = l;
}

static bool finite_past(const el_event_mention *e)
{
    return e->tense == EL_TENSE_PAST && !e->modality && !e->negated
        && e->aspect != EL_ASPECT_PROGRESSIVE;
}

static bool reporting(const el_event_mention *e)
{
    return e->cls == EL_EV_REPORTING && !e->negated
        && (e->tense == EL_TENSE_PAST || e->tense == EL_TENSE_PRESENT);
}

/* The event's sentence, SIZE_MAX for an event without tokens (none of the
 * sentence rules then applies to it). */
static size_t sentence_of(const el_doc *d, size_t e)
{
    return d->events[e].tok_begin < d->ntokens ? d->tokens[d->events[e].tok_begin].sentence
                                               : SIZE_MAX;
}

/* A reporting verb and the first finite event it reports in its sentence
 * ("police said the man had fled": before the report; "said it would
 * appeal": after it); a simple-past event before a reporting verb ("the
 * storm killed two people, officials said") precedes the report too. */
static void report_links(const el_doc *d, el_link **out, size_t *n, size_t *cap)
{
    for (size_t r = 0; r < d->nevents; r++) {
        size_t s = sentence_of(d, r);
        if (!reporting(&d->events[r]) || s == SIZE_MAX)
            continue;
        for (size_t e = r + 1; e < d->nevents && sentence_of(d, e) == s; e++) {
            const el_event_mention *x = &d->events[e];
            el_reltype rel = finite_past(x) ? EL_REL_BEFORE
                              : (x->modality || x->tense == EL_TENSE_FUTURE) && !x->negated ? EL_REL_AFTER
                              : EL_REL_NONE;
            if (x->tense == EL_TENSE_NONE || x->tense == EL_TENSE_INFINITIVE)
                continue;
            if (rel) {
                el_link l = {EL_LINK_TLINK, EL_NODE_EVENT, EL_NODE_EVENT, (int)e, (int)r, EL_REL_NONE,
                             (char *)"the event a reporting verb reports, by its tense"};
                l.reltype = rel;
                EL_PUSH(*out, *n, *cap) = l;
            }
            break;
        }
        if (r > 0 && sentence_of(d, r - 1) == s && finite_past(&d->events[r - 1])
            && d->events[r].tense == EL_TENSE_PAST) {
            el_link l = {EL_LINK_TLINK, EL_NODE_EVENT, EL_NODE_EVENT, (int)r - 1, (int)r, EL_REL_BEFORE,
                         (char *)"a past event reported after it in the same sentence"};
            EL_PUSH(*out, *n, *cap) = l;
        }
    }
}

/* A past perfect before the nearest simple past of its sentence ("he had
 * served as administrator when he left"). */
static void perfect_links(const el_doc *d, el_link **out, size_t *n, size_t *cap)
{
    for (size_t e = 0; e < d->nevents; e++) {
        const el_event_mention *x = &d->events[e];
        size_t s = sentence_of(d, e);
        if (x->tense != EL_TENSE_PAST || x->aspect != EL_ASPECT_PERFECTIVE || x->negated || x->modality
            || s == SIZE_MAX)
            continue;
        int best = -1;
        size_t dist = SIZE_MAX;
        for (size_t k = e >= 8 ? e - 8 : 0; k < d->nevents && k < e + 8; k++) {
            if (k == e || sentence_of(d, k) != s || !finite_past(&d->events[k])
                || d->events[k].aspect == EL_ASPECT_PERFECTIVE)
                continue;
            size_t gap = k > e ? k - e : e - k;
            if (gap < dist) {
                dist = gap;
                best = (int)k;
            }
        }
        if (best >= 0) {
            el_link l = {EL_LINK_TLINK, EL_NODE_EVENT, EL_NODE_EVENT, (int)e, best, EL_REL_BEFORE,
                         (char *)"a past perfect before the simple past of its sentence"};
            EL_PUSH(*out, *n, *cap) = l;
        }
    }
}

/* The event pairs linked so far (either way), as sorted keys: two events
 * are linked at most once. */
typedef struct pairset { uint64_t *keys; size_t n; } pairset;

static pairset pairs_of(const el_doc *d, const el_link *out, size_t n)
{
    pairset p = {el_calloc(d->nlinks + n + 1, sizeof *p.keys), 0};
    for (int pass = 0; pass < 2; pass++) {
        const el_link *ls = pass ? out : d->links;
        size_t m = pass ? n : d->nlinks;
        for (size_t i = 0; i < m; i++)
            if (ls[i].from_kind == EL_NODE_EVENT && ls[i].to_kind == EL_NODE_EVENT)
                p.keys[p.n++] = el_pair_key(ls[i].from, ls[i].to);
    }
    qsort(p.keys, p.n, sizeof *p.keys, el_cmp_u64);
    return p;
}

static bool pair_linked(const pairset *p, int a, int b)
{
    uint64_t k = el_pair_key(a, b);
    return bsearch(&k, p->keys, p->n, sizeof k, el_cmp_u64) != NULL;
}

/* An event the pair rules may order: asserted, with tokens. */
static bool orderable(const el_doc *d, size_t e)
{
    return !d->events[e].negated && sentence_of(d, e) != SIZE_MAX;
}

static void push_rel(el_link **out, size_t *n, size_t *cap, el_link_kind kind, int a, int b,
                     el_reltype rel, const char *why)
{
    el_link l = {kind, EL_NODE_EVENT, EL_NODE_EVENT, a, b, EL_REL_NONE, (char *)why};
    l.reltype = rel;
    push(out, n, cap, l);
}

/* Where an event's tense puts it: 0 past perfect, 1 simple past, 3 future
 * or modal; -1 for what tense alone cannot order. */
static int tense_rank(const el_event_mention *e)
{
    if (e->negated)
        return -1;
    if (e->modality || e->tense == EL_TENSE_FUTURE)
        return 3;
    if (e->tense == EL_TENSE_PAST && e->aspect == EL_ASPECT_PERFECTIVE)
        return 0;
    return finite_past(e) ? 1 : -1;
}

/* The main event of each sentence (its first finite verb) against the next
 * sentence's, where their tenses order them ("had agreed ... The company
 * said ..."; "fell ... will report"). */
static void main_event_links(const el_doc *d, const el_tlink_rules *rules, const pairset *done,
                             el_link **out, size_t *n, size_t *cap)
{
    char fa[48], fb[48];
    int prev = -1;
    size_t prev_sent = SIZE_MAX;
    for (size_t e = 0; e < d->nevents; e++) {
        const el_event_mention *x = &d->events[e];
        size_t s = sentence_of(d, e);
        if (s == SIZE_MAX || s == prev_sent || x->tense == EL_TENSE_NONE || x->tense == EL_TENSE_INFINITIVE
            || x->tense == EL_TENSE_PRESPART || x->tense == EL_TENSE_PASTPART)
            continue;
        el_reltype learned = prev >= 0 && prev_sent + 1 == s && !x->negated && !d->events[prev].negated
            ? el_tlink_rules_find(rules, "next", el_tlink_feature(&d->events[prev], fa, sizeof fa),
                                  el_tlink_feature(x, fb, sizeof fb))
            : EL_REL_NONE;
        if (learned && !pair_linked(done, prev, (int)e)) {
            push_rel(out, n, cap, EL_LINK_TLINK, prev, (int)e, learned,
                     "main events of consecutive sentences: the relation TBAQ gives their tenses");
        } else if (prev >= 0 && prev_sent + 1 == s) {
            int a = tense_rank(&d->events[prev]), b = tense_rank(x);
            if (a >= 0 && b >= 0 && a != b) {
                el_link l = {EL_LINK_TLINK, EL_NODE_EVENT, EL_NODE_EVENT, prev, (int)e, EL_REL_NONE,
                             (char *)"main events of consecutive sentences, by their tenses"};
                l.reltype = a < b ? EL_REL_BEFORE : EL_REL_AFTER;
                EL_PUSH(*out, *n, *cap) = l;
            }
        }
        prev = (int)e;
        prev_sent = s;
    }
}

/* Consecutive dated time expressions against each other. */
static void timex_chain(const el_doc *d, el_link **out, size_t *n, size_t *cap)
{
    int prev = -1;
    el_interval pv = {0};
    for (size_t t = 0; t < d->ntimexes; t++) {
        el_interval iv;
        if (!timex_interval(&d->timexes[t], &iv))
            continue;
        el_reltype rel = prev >= 0 ? interval_rel(pv, iv) : EL_REL_NONE;
        if (rel) {
            el_link l = {EL_LINK_TLINK, EL_NODE_TIMEX, EL_NODE_TIMEX, prev, (int)t, EL_REL_NONE,
                         (char *)"the two time expressions' values"};
            l.reltype = rel;
            EL_PUSH(*out, *n, *cap) = l;
        }
        prev = (int)t;
        pv = iv;
    }
}

/* Neighbouring events of a sentence, in textual order, by the learned
 * relation for their two features ("agreed to buy": BEFORE). */
static void sentence_pair_links(const el_doc *d, const el_tlink_rules *rules, const pairset *done,
                                el_link **out, size_t *n, size_t *cap)
{
    char fa[48], fb[48];
    for (size_t e = 0; e + 1 < d->nevents; e++) {
        if (!orderable(d, e) || !orderable(d, e + 1) || sentence_of(d, e) != sentence_of(d, e + 1)
            || pair_linked(done, (int)e, (int)e + 1))
            continue;
        el_reltype rel = el_tlink_rules_find(rules, "sent", el_tlink_feature(&d->events[e], fa, sizeof fa),
                                              el_tlink_feature(&d->events[e + 1], fb, sizeof fb));
        if (rel)
            push_rel(out, n, cap, EL_LINK_TLINK, (int)e, (int)e + 1, rel,
                     "neighbouring events of a sentence: the relation TBAQ gives their tenses");
    }
}

/* The event a governing event subordinates: the first event after it in
 * its sentence, within `window` tokens; -1 for none. */
static int governed(const el_doc *d, size_t g, uint32_t window)
{
    size_t s = sentence_of(d, g);
    if (g + 1 >= d->nevents || sentence_of(d, g + 1) != s)
        return -1;
    return d->events[g + 1].tok_begin < d->events[g].tok_end + window ? (int)g + 1 : -1;
}

/* SLINKs by the governing event's class (a report, an intention, a
 * perception) and ALINKs by an aspectual verb's lemma, each to the event it
 * governs. */
static void subordination_links(const el_doc *d, const el_tlink_rules *rules, el_link **out,
                                size_t *n, size_t *cap)
{
    for (size_t e = 0; e < d->nevents; e++) {
        const el_event_mention *x = &d->events[e];
        if (sentence_of(d, e) == SIZE_MAX)
            continue;
        el_reltype rel = x->lemma ? el_tlink_rules_find(rules, "alink", x->lemma, "-") : EL_REL_NONE;
        int g = rel ? governed(d, e, 4) : -1;
        if (g >= 0) {
            push_rel(out, n, cap, EL_LINK_ALINK, (int)e, g, rel, "an aspectual verb and its event");
            continue;
        }
        rel = el_tlink_rules_find(rules, "slink", el_event_class_name(x->cls), "-");
        if (rel && (g = governed(d, e, 12)) >= 0)
            push_rel(out, n, cap, EL_LINK_SLINK, (int)e, g, rel,
                     "a reporting, intensional or perception event and the event it governs");
    }
}

/* The one dated time expression of sentence s before the DCT (not the far
 * end of a record, "its lowest since 2017"), -1 when there is none or more
 * than one. */
static int sole_past_date(const el_doc *d, size_t s, el_interval dct)
{
    const el_sentence *st = &d->sentences[s];
    int found = -1;
    for (size_t t = 0; t < d->ntimexes; t++) {
        const el_timex *x = &d->timexes[t];
        el_interval iv;
        if (x->tok_begin < st->tok_begin || x->tok_begin >= st->tok_end || x->record_since
            || !timex_interval(x, &iv))
            continue;
        if (found >= 0 || interval_rel(iv, dct) != EL_REL_BEFORE)
            return -1;
        found = (int)t;
    }
    return found;
}

/* The date is that of a reporting verb whose clause holds event e ("said
 * Thursday the troops withdrew"): the day of the report, not of what it
 * reports.  A comma between them ends the reported clause. */
static bool report_date(const el_doc *d, int t, size_t e)
{
    for (size_t r = 0; r < e; r++) {
        if (d->events[r].timex != t || !reporting(&d->events[r]))
            continue;
        bool comma = false;
        for (size_t k = d->events[r].tok_end; k < d->events[e].tok_begin && !comma; k++)
            comma = el_tok_is(d, k, ",");
        if (!comma)
            return true;
    }
    return false;
}

/* A simple past without a time expression of its own, in a sentence that
 * dates one past day, month or year and no other, happened in it ("cited in
 * December for drunk driving, he was ordered home"); a reporting verb tells
 * of the article's day and is left out, a past perfect tells of a time
 * before, and a reporting verb's date is the report's. */
static void sentence_date_links(const el_doc *d, el_interval dct, el_link **out, size_t *n, size_t *cap)
{
    for (size_t e = 0; e < d->nevents; e++) {
        const el_event_mention *x = &d->events[e];
        size_t s = sentence_of(d, e);
        if (x->timex >= 0 || s == SIZE_MAX || s >= d->nsentences || !finite_past(x)
            || x->aspect == EL_ASPECT_PERFECTIVE || x->cls == EL_EV_REPORTING)
            continue;
        int t = sole_past_date(d, s, dct);
        if (t < 0 || report_date(d, t, e))
            continue;
        el_link l = {EL_LINK_TLINK, EL_NODE_EVENT, EL_NODE_TIMEX, (int)e, t, EL_REL_IS_INCLUDED,
                     (char *)"a simple past in a sentence that dates one past time and no other"};
        push(out, n, cap, l);
    }
}

/* The relation of an event without a time expression to the DCT: the
 * table's for its features, else its tense's. */
static el_reltype dct_rel(const el_event_mention *e, const el_tlink_rules *rules, const char **why)
{
    char f[48];
    if (e->negated)
        return EL_REL_NONE;
    if (!rules)
        return tense_rel(e, why);
    *why = "its tense, aspect and modality: the relation TBAQ gives them against the DCT";
    return el_tlink_rules_find(rules, "dct", el_tlink_feature(e, f, sizeof f), "DCT");
}

size_t el_timeml_task_links(const el_doc *d, const el_tlink_rules *rules, el_link **out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    char day[11];
    el_interval dct;
    bool have_dct = d->dct.year && d->dct.month && d->dct.day;
    if (have_dct)
        el_date_format(d->dct, day);
    if (have_dct && !el_value_interval(day, &dct))
        have_dct = false;
    for (size_t t = 0; have_dct && t < d->ntimexes; t++) {
        el_interval iv;
        el_reltype rel;
        if (!timex_interval(&d->timexes[t], &iv) || !(rel = interval_rel(iv, dct)))
            continue;
        el_link l = {EL_LINK_TLINK, EL_NODE_TIMEX, EL_NODE_DCT, (int)t, -1, EL_REL_NONE,
                     (char *)"the time expression's value against the DCT"};
        l.reltype = rel;
        push(out, &n, &cap, l);
    }
    for (size_t e = 0; have_dct && e < d->nevents; e++) {
        const el_event_mention *ev = &d->events[e];
        if (linked_to_dct(d, e))
            continue;
        el_interval iv;
        el_reltype rel = EL_REL_NONE;
        const char *why = NULL;
        if (ev->timex >= 0 && (size_t)ev->timex < d->ntimexes) {
            if (timex_interval(&d->timexes[ev->timex], &iv)) {
                rel = interval_rel(iv, dct);
                if (rel && rel == EL_REL_INCLUDES)
                    rel = EL_REL_NONE;   /* the event lies somewhere in a span around the DCT */
                else if (rel && rel == EL_REL_SIMULTANEOUS)
                    rel = EL_REL_IS_INCLUDED;   /* on the document's day */
                why = "its time expression's value against the DCT";
            }
        } else {
            rel = dct_rel(ev, rules, &why);
        }
        if (rel) {
            el_link l = {EL_LINK_TLINK, EL_NODE_EVENT, EL_NODE_DCT, (int)e, -1, EL_REL_NONE, (char *)why};
            l.reltype = rel;
            push(out, &n, &cap, l);
        }
    }
    if (have_dct) {
        timex_chain(d, out, &n, &cap);
        sentence_date_links(d, dct, out, &n, &cap);
    }
    report_links(d, out, &n, &cap);
    perfect_links(d, out, &n, &cap);
    /* the pairs below never repeat each other: consecutive sentences, then
       neighbours inside one sentence */
    pairset done = pairs_of(d, *out, n);
    main_event_links(d, rules, &done, out, &n, &cap);
    if (rules) {
        sentence_pair_links(d, rules, &done, out, &n, &cap);
        subordination_links(d, rules, out, &n, &cap);
    }
    free(done.keys);
    return n;
}

/* event_args.c - arguments of event mentions and in-document temporal
 * links (see event_internal.h).
 *
 * Participants: the nearest entity mention before the trigger (its
 * subject; for nouns only a close possessor or modifier) and the mentions
 * after it up to the clause end (objects, "with X", "between X and Y").
 * Location: a LOCATION/FACILITY mention after "in/at/to/from", a place
 * modifying a noun trigger, or the object of a visit-like verb.
 * Time: the DATE/TIME expression of the same sentence that is closest in
 * the clause structure (distance, plus a cost for every clause boundary or
 * other verb or preposition in between and for preceding the trigger,
 * minus a bonus for a
 * prepositional attachment;
 * a sentence-initial "Earlier this year," governs the whole sentence).
 * Links: event-timex TLINKs typed by the preposition, REPORTING events
 * without a time anchored to the DCT, event-event TLINKs from signals
 * ("after", "ahead of", "resulted in"), each with its evidence. */
#include "event_internal.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUBJ_WINDOW_VERB 10
#define SUBJ_WINDOW_NOUN 3
#define OBJ_WINDOW 8
#define TIME_MAX_COST 16
#define TIME_WINDOW 30       /* tokens searched on each side of a trigger */
#define SIGNAL_WINDOW 30

/* ---- helpers ------------------------------------------------------------ */

static size_t sent_begin(const el_doc *d, size_t tok)
{
    return d->sentences[d->tokens[tok].sentence].tok_begin;
}

static size_t sent_end(const el_doc *d, size_t tok)
{
    return d->sentences[d->tokens[tok].sentence].tok_end;
}

static bool is_place(const el_mention *m)
{
    return m->type == EL_ENT_LOCATION || m->type == EL_ENT_FACILITY;
}

/* Who or what can take part in an event: people, organizations, places
 * acting as states ("China rebuffed"), products ("released the iPhone").
 * Nationality adjectives ("Chinese") and facilities cannot. */
static bool can_participate(const el_mention *m)
{
    return m->type == EL_ENT_PERSON || m->type == EL_ENT_ORGANIZATION ||
           m->type == EL_ENT_LOCATION || m->type == EL_ENT_PRODUCT;
}

static bool visit_like(const el_event_mention *ev)
{
    return ev->type && (strcmp(ev->type, "visit") == 0 || strcmp(ev->type, "trip") == 0 ||
                        strcmp(ev->type, "arrival") == 0 || strcmp(ev->type, "departure") == 0 ||
                        strcmp(ev->type, "return") == 0);
}

/* Event mention starting at each token, -1 elsewhere. */
static int *event_at_token(const el_doc *d)
{
    int *at = el_malloc((d->ntokens + 1) * sizeof *at);
    for (size_t i = 0; i <= d->ntokens; i++)
        at[i] = -1;
    for (size_t e = 0; e < d->nevents; e++)
        at[d->events[e].tok_begin] = (int)e;
    return at;
}

/* Mention index starting at / ending at each token. */
typedef struct mention_index {
    int *starts;   /* mention starting at token, -1 */
    int *ends;     /* mention whose last token is this token, -1 */
} mention_index;

static mention_index index_mentions(const el_doc *d)
{
    mention_index mi;
    mi.starts = el_malloc((d->ntokens + 1) * sizeof(int));
    mi.ends = el_malloc((d->ntokens + 1) * sizeof(int));
    for (size_t i = 0; i <= d->ntokens; i++)
        mi.starts[i] = mi.ends[i] = -1;
    for (size_t m = 0; m < d->nmentions; m++) {
        const el_mention *mn = &d->mentions[m];
        if (mn->tok_end == 0 || mn->tok_end > d->ntokens || mn->tok_begin >= mn->tok_end)
            continue;
        if (mi.starts[mn->tok_begin] < 0)
            mi.starts[mn->tok_begin] = (int)m;
        mi.ends[mn->tok_end - 1] = (int)m;
    }
    return mi;
}

/* "France's Macron", "France's top diplomat": a possessor modifies the noun
 * after it and is not a participant itself. */
static bool possessive(const el_doc *d, const el_mention *m)
{
    size_t k = m->tok_end;
    return k < d->ntokens && (el_tok_is(d, k, "'s") || el_tok_is(d, k, "\u2019s"));
}

/* A further object must be coordinated with the previous one ("X and Y"). */
static bool coordinated(const el_doc *d, const el_mention *m)
{
    return m->tok_begin > 0 && (el_tok_is(d, m->tok_begin - 1, "and") ||
                                el_tok_is(d, m->tok_begin - 1, ","));
}

/* ---- participants and location ------------------------------------------ */

/* "Merkel and Macron met": mentions coordinated with the subject by "and"
 * are subjects too (a comma is too often a clause boundary). */
static void add_coordinated(const el_doc *d, el_event_mention *ev, const mention_index *mi,
                            const el_mention *mn, size_t sb)
{
    for (size_t k = 0; k < 3 && mn->tok_begin >= sb + 2; k++) {
        size_t conj = mn->tok_begin - 1;
        if (!el_tok_is(d, conj, "and"))
            return;
        int m = mi->ends[conj - 1];
        if (m < 0 || !can_participate(&d->mentions[m]))
            return;
        el_event_add_participant(ev, m);
        mn = &d->mentions[m];
    }
}

static void find_subject(el_doc *d, el_event_mention *ev, const uint32_t *roles,
                         const mention_index *mi)
{
    size_t window = ev->tense == EL_TENSE_NONE && !ev->modality && ev->aspect == EL_ASPECT_NONE &&
                            ev->tok_end - ev->tok_begin == 1 && ev->cls != EL_EV_REPORTING
                        ? SUBJ_WINDOW_NOUN : SUBJ_WINDOW_VERB;
    size_t sb = sent_begin(d, ev->tok_begin);
    for (size_t j = ev->tok_begin, steps = 0; j > sb && steps < window; steps++) {
        j--;
        int m = mi->ends[j];
        if (m < 0)
            continue;
        const el_mention *mn = &d->mentions[m];
        if (!can_participate(mn) && !is_place(mn))
            continue;
        bool pp = mn->tok_begin > sb && ev->tok_begin - mn->tok_end > 0 &&
                  (roles[mn->tok_begin - 1] & (EL_R_LOC_PREP | EL_R_TIME_PREP | EL_R_WITH));
        if (is_place(mn) && (pp || ev->tok_begin - mn->tok_end <= 1)) {
            if (ev->location < 0 && window == SUBJ_WINDOW_NOUN)
                ev->location = m;   /* "a Paris visit", "talks in Geneva" before a noun */
            if (window == SUBJ_WINDOW_NOUN)
                continue;
        }
        if (pp || !can_participate(mn))
            continue;
        el_event_add_participant(ev, m);
        add_coordinated(d, ev, mi, mn, sb);
        return;
    }
}

static void find_objects(el_doc *d, el_event_mention *ev, const uint32_t *roles,
                         const mention_index *mi, const int *ev_at)
{
    size_t se = sent_end(d, ev->tok_begin), nobj = 0;
    for (size_t j = ev->tok_end; j < se && j < ev->tok_end + OBJ_WINDOW && nobj < 3; j++) {
        if ((roles[j] & EL_R_CLAUSE) && !(roles[j] & EL_R_DET))
            break;
        if (ev_at[j] >= 0 && d->events[ev_at[j]].cls != EL_EV_STATE && j > ev->tok_end)
            break;   /* the next predicate */
        int m = mi->starts[j];
        if (m < 0)
            continue;
        const el_mention *mn = &d->mentions[m];
        bool after_prep = j > 0 && (roles[j - 1] & (EL_R_LOC_PREP | EL_R_TIME_PREP));
        bool modifies_event = mn->tok_end < d->ntokens && ev_at[mn->tok_end] >= 0;
        if (is_place(mn) && (after_prep || visit_like(ev) || modifies_event)) {
            if (ev->location < 0)
                ev->location = m;   /* "in Paris", "visit Paris", "a Paris visit" */
        } else if (can_participate(mn) && !possessive(d, mn) &&
                   (nobj == 0 || coordinated(d, mn))) {
            el_event_add_participant(ev, m);
            nobj++;
        }
        j = mn->tok_end - 1;
    }
}

/* ---- time ------------------------------------------------------------------ */

static bool anchorable(const el_timex *t)
{
    return (t->type == EL_TIMEX_DATE || t->type == EL_TIMEX_TIME) && t->value[0];
}

/* Cost of the path between tokens a < b: distance plus boundaries. */
static int path_cost(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t a,
                     size_t b, size_t skip_ev, size_t own_prep)
{
    int cost = (int)(b - a);
    for (size_t k = a; k < b; k++) {
        if (roles[k] & EL_R_CLAUSE)
            cost += 3;
        if ((roles[k] & EL_R_TIME_PREP) && k != own_prep)
            cost += 2;   /* "left on June 1 after the summit": another phrase begins */
        if (ev_at[k] >= 0 && (size_t)ev_at[k] != skip_ev &&
            d->events[ev_at[k]].tense != EL_TENSE_NONE)
            cost += 2;
    }
    return cost;
}

static int timex_cost(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t e,
                      const el_timex *t)
{
    const el_event_mention *ev = &d->events[e];
    size_t sb = sent_begin(d, ev->tok_begin);
    int cost = t->tok_end <= ev->tok_begin
                   ? path_cost(d, roles, ev_at, t->tok_end, ev->tok_begin, e, SIZE_MAX) + 1
                   : path_cost(d, roles, ev_at, ev->tok_end, t->tok_begin, e, t->tok_begin - 1);
    if (t->tok_begin > sb && (roles[t->tok_begin - 1] & EL_R_TIME_PREP))
        cost -= 1;
    if (t->tok_begin <= sb + 1 && t->tok_end < d->ntokens && (roles[t->tok_end] & EL_R_CLAUSE) &&
        cost > 8)
        cost = 8;   /* "Earlier this year, ..." governs its sentence */
    return cost;
}

/* Timex starting at each token (-1 elsewhere). */
static int *timex_at_token(const el_doc *d)
{
    int *at = el_malloc((d->ntokens + 1) * sizeof *at);
    for (size_t i = 0; i <= d->ntokens; i++)
        at[i] = -1;
    for (size_t t = 0; t < d->ntimexes; t++)
        if (d->timexes[t].tok_begin < d->ntokens && at[d->timexes[t].tok_begin] < 0)
            at[d->timexes[t].tok_begin] = (int)t;
    return at;
}

static void consider_timex(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t e,
                           int t, int *best, int *best_cost)
{
    if (t < 0 || !anchorable(&d->timexes[t]) ||
        d->tokens[d->timexes[t].tok_begin].sentence != d->tokens[d->events[e].tok_begin].sentence)
        return;
    int c = timex_cost(d, roles, ev_at, e, &d->timexes[t]);
    if (c < *best_cost || (c == *best_cost && t < *best)) {
        *best_cost = c;
        *best = t;
    }
}

/* Scan a window of tokens around the trigger (plus the sentence start),
 * so the cost stays linear in the document length. */
static void find_time(el_doc *d, size_t e, const uint32_t *roles, const int *ev_at,
                      const int *tx_at)
{
    el_event_mention *ev = &d->events[e];
    size_t sb = sent_begin(d, ev->tok_begin), se = sent_end(d, ev->tok_begin);
    size_t lo = ev->tok_begin > sb + TIME_WINDOW ? ev->tok_begin - TIME_WINDOW : sb;
    size_t hi = ev->tok_end + TIME_WINDOW < se ? ev->tok_end + TIME_WINDOW : se;
    int best = -1, best_cost = TIME_MAX_COST + 1;
    for (size_t k = lo; k < hi; k++)
        consider_timex(d, roles, ev_at, e, tx_at[k], &best, &best_cost);
    for (size_t k = sb; k < sb + 2 && k < lo; k++)
        consider_timex(d, roles, ev_at, e, tx_at[k], &best, &best_cost);
    ev->timex = best;
}

void el_event_arguments(el_doc *d, const el_trigger_lexicon *lx, const uint32_t *roles)
{
    (void)lx;
    mention_index mi = index_mentions(d);
    int *ev_at = event_at_token(d);
    int *tx_at = timex_at_token(d);
    for (size_t e = 0; e < d->nevents; e++) {
        el_event_mention *ev = &d->events[e];
        find_subject(d, ev, roles, &mi);
        find_objects(d, ev, roles, &mi, ev_at);
        find_time(d, e, roles, ev_at, tx_at);
    }
    free(tx_at);
    free(ev_at);
    free(mi.starts);
    free(mi.ends);
}

/* ---- links -------------------------------------------------------------- */

static void token_text(const el_doc *d, size_t tb, size_t te, char *buf, size_t cap)
{
    size_t a = d->tokens[tb].start, b = d->tokens[te - 1].end;
    size_t n = b - a < cap - 1 ? b - a : cap - 1;
    memcpy(buf, d->text + a, n);
    buf[n] = '\0';
}

static const char *prep_reltype(const el_doc *d, const el_timex *t)
{
    if (t->tok_begin == 0)
        return "IS_INCLUDED";
    size_t p = t->tok_begin - 1;
    if (el_tok_is(d, p, "since") || el_tok_is(d, p, "from")) return "BEGUN_BY";
    if (el_tok_is(d, p, "until") || el_tok_is(d, p, "till")) return "ENDED_BY";
    if (el_tok_is(d, p, "before") || el_tok_is(d, p, "by")) return "BEFORE";
    if (el_tok_is(d, p, "after")) return "AFTER";
    return "IS_INCLUDED";
}

static void timex_links(el_doc *d)
{
    char text[96], why[160];
    for (size_t e = 0; e < d->nevents; e++) {
        const el_event_mention *ev = &d->events[e];
        if (ev->timex >= 0) {
            const el_timex *t = &d->timexes[ev->timex];
            token_text(d, t->tok_begin, t->tok_end, text, sizeof text);
            snprintf(why, sizeof why, "time expression '%s' in the same clause", text);
            el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, (int)e, EL_NODE_TIMEX, ev->timex,
                            prep_reltype(d, t), why);
        } else if (ev->cls == EL_EV_REPORTING && !ev->modality && !ev->negated &&
                   (ev->tense == EL_TENSE_PAST || ev->tense == EL_TENSE_PRESENT) && d->dct.year) {
            el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, (int)e, EL_NODE_DCT, -1,
                            "IS_INCLUDED", "reporting event of the article's day");
        }
    }
}

/* The event a signal points at: the first one within a few tokens after it
 * (a typed one preferred), unless a time expression comes first. */
static int signal_target(const el_doc *d, const int *ev_at, const uint32_t *roles, size_t from)
{
    size_t se = sent_end(d, from);
    int first = -1;
    for (size_t j = from; j < se && j < from + 6; j++) {
        if (roles[j] & EL_R_CLAUSE)
            break;
        if (ev_at[j] < 0)
            continue;
        if (d->events[ev_at[j]].type)
            return ev_at[j];
        if (first < 0)
            first = ev_at[j];
    }
    return first;
}

/* The event the signal relates: nearest before it (typed preferred), or,
 * for a sentence-initial signal, the first typed event after the clause. */
static int signal_source(const el_doc *d, const int *ev_at, const uint32_t *roles, size_t sig,
                         int target)
{
    size_t sb = sent_begin(d, sig), se = sent_end(d, sig);
    int untyped = -1;
    if (sig > sb + SIGNAL_WINDOW)
        sb = sig - SIGNAL_WINDOW;
    if (se > sig + SIGNAL_WINDOW)
        se = sig + SIGNAL_WINDOW;
    for (size_t j = sig; j > sb;) {
        j--;
        if (ev_at[j] < 0)
            continue;
        if (d->events[ev_at[j]].type)
            return ev_at[j];
        if (untyped < 0)
            untyped = ev_at[j];
    }
    if (untyped >= 0)
        return untyped;
    bool past_clause = false;
    for (size_t j = d->events[target].tok_end; j < se; j++) {
        if (roles[j] & EL_R_CLAUSE)
            past_clause = true;
        if (past_clause && ev_at[j] >= 0 && ev_at[j] != target)
            return ev_at[j];
    }
    return -1;
}

static void signal_links(el_doc *d, const el_trigger_lexicon *lx, const uint32_t *roles)
{
    int *ev_at = event_at_token(d);
    char text[64], why[128];
    for (size_t i = 0; i < d->ntokens;) {
        uint32_t s;
        size_t len = el_lexicon_match(lx->signals, d, i, &s);
        if (len == 0) {
            i++;
            continue;
        }
        int b = signal_target(d, ev_at, roles, i + len);
        int a = b >= 0 ? signal_source(d, ev_at, roles, i, b) : -1;
        if (a >= 0 && a != b) {
            token_text(d, i, i + len, text, sizeof text);
            snprintf(why, sizeof why, "%s signal '%s'", lx->sig[s].causal ? "causal" : "temporal",
                     text);
            el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, a, EL_NODE_EVENT, b,
                            lx->sig[s].reltype, why);
        }
        i += len;
    }
    free(ev_at);
}

void el_event_links(el_doc *d, const el_trigger_lexicon *lx, const uint32_t *roles)
{
    timex_links(d);
    signal_links(d, lx, roles);
}

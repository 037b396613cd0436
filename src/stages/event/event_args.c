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
 * more for a finite verb between a preceding time and the trigger, less
 * for the prepositions after a noun trigger, minus a bonus for a
 * prepositional attachment;
 * a sentence-initial "Earlier this year," governs the whole sentence).
 * Links: event-timex TLINKs typed by the preposition, REPORTING events
 * without a time anchored to the DCT, event-event TLINKs from signals
 * ("after", "ahead of", "resulted in"), each with its evidence. */
#include "stages/event/event_internal.h"
#include "base/util.h"
#include "stages/syntax/syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUBJ_WINDOW_VERB 10
#define SUBJ_WINDOW_NOUN 3
#define OBJ_WINDOW 10
#define TIME_MAX_COST 16
#define TIME_WINDOW 30       /* tokens searched on each side of a trigger */
#define SIGNAL_WINDOW 30

/* ---- helpers ------------------------------------------------------------ */

/* Is token i a function word of one of `classes` (EL_W bits; grammar.tsv)? */
static inline bool word_is(const uint32_t *roles, size_t i, unsigned classes)
{
    return el_word_in(roles[i], classes);
}

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
 * acting as states ("China rebuffed"), products ("released the iPhone"),
 * financial names ("the Dow fell").
 * Nationality adjectives ("Chinese") and facilities cannot. */
static bool can_participate(const el_mention *m)
{
    return m->type == EL_ENT_PERSON || m->type == EL_ENT_ORGANIZATION ||
           m->type == EL_ENT_LOCATION || m->type == EL_ENT_PRODUCT ||
           m->type == EL_ENT_FINANCIAL;
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
    return k < d->ntokens && el_tok_is_possessive(d, k);
}

/* Is mention m the object of a preposition of `roles_mask`, directly or
 * as a later conjunct ("in Kenya and Tanzania": both)?  Tokens before
 * `from` are not looked at. */
static bool in_prep_phrase(const el_doc *d, const uint32_t *roles, const mention_index *mi,
                           const el_mention *m, size_t from, uint32_t roles_mask)
{
    /* a comma links list members of one kind, in a list that goes on or
     * has ended in "and": "in Rome, Alice Smith met ..." is no list */
    bool list = m->tok_end < d->ntokens &&
                (word_is(roles, m->tok_end, EL_W(EL_W_AND) | EL_W(EL_W_OR)) ||
                 el_tok_is(d, m->tok_end, ","));
    for (int hops = 0; hops < 4 && m->tok_begin > from; hops++) {
        size_t k = m->tok_begin - 1;
        if (roles[k] & roles_mask)
            return true;
        bool comma = el_tok_is(d, k, ",");
        if (!(comma || word_is(roles, k, EL_W(EL_W_AND) | EL_W(EL_W_OR))) || k == 0 ||
            mi->ends[k - 1] < 0)
            return false;
        const el_mention *prev = &d->mentions[mi->ends[k - 1]];
        if (comma && (!list || prev->type != m->type))
            return false;
        list = true;
        m = prev;
    }
    return false;
}

/* A name that only qualifies the person right after it, through a title
 * or role ("Acme Corp. co-founder Jane Roe", "US Secretary of State X"):
 * the person is the participant, the organization or place is not.  Up to
 * four words between, none of them a comma, "and" or a preposition. */
static bool qualifies_person(const el_doc *d, const uint32_t *roles, const mention_index *mi,
                             const el_mention *m)
{
    if (m->type == EL_ENT_PERSON)
        return false;
    size_t se = sent_end(d, m->tok_begin);
    for (size_t k = m->tok_end; k < se && k < m->tok_end + 4; k++) {
        int n = mi->starts[k];
        if (n >= 0)
            return d->mentions[n].type == EL_ENT_PERSON && k > m->tok_end;
        if (el_tok_is(d, k, ",") || word_is(roles, k, EL_W(EL_W_AND)) ||
            (roles[k] & (EL_R_CLAUSE | EL_R_LOC_PREP | EL_R_TIME_PREP | EL_R_WITH | EL_R_DET)) ||
            !(d->tokens[k].flags & EL_TOK_WORD || el_tok_is(d, k, "-")))
            return false;
    }
    return false;
}

/* A further object must be coordinated with the previous one ("X and Y",
 * also with a possessor in between: "X and Z's Y"). */
static bool coordinated(const el_doc *d, const uint32_t *roles, const int *mention_ends,
                        const el_mention *m, size_t prev_end)
{
    size_t b = m->tok_begin;
    if (b >= 2 && el_tok_is_possessive(d, b - 1) &&
        mention_ends[b - 2] >= 0)
        b = d->mentions[mention_ends[b - 2]].tok_begin;
    return b > 1 && b - 1 == prev_end &&
           (word_is(roles, b - 1, EL_W(EL_W_AND)) || el_tok_is(d, b - 1, ","));
}

/* Punctuation a subject is not looked for across: a parenthesis (a
 * byline or aside "(Agency NEWS)"), a dash, a colon or semicolon. */
static bool hard_boundary(const el_doc *d, const uint32_t *roles, size_t j)
{
    if (!(roles[j] & EL_R_CLAUSE) || !(d->tokens[j].flags & EL_TOK_PUNCT))
        return false;
    /* literals: el_tok_is knows their lengths at compile time */
    return el_tok_is(d, j, "(") || el_tok_is(d, j, ")") || el_tok_is(d, j, "\u2014") ||
           el_tok_is(d, j, "\u2013") || el_tok_is(d, j, ";") || el_tok_is(d, j, ":");
}

static bool ends_with(const el_doc *d, size_t i, const char *suffix)
{
    size_t n, sn = strlen(suffix);
    const char *s = el_tok_text(d, i, &n);
    return n > sn + 2 && memcmp(s + n - sn, suffix, sn) == 0;
}

/* "-ly" adverbs ("only", "wrongfully"). */
static bool adverb_ly(const el_doc *d, size_t i)
{
    size_t n;
    const char *s = el_tok_text(d, i, &n);
    return n >= 4 && s[n - 2] == 'l' && s[n - 1] == 'y';
}

static size_t skip_adverbs_back(const el_doc *d, const uint32_t *roles, size_t p, size_t sb)
{
    while (p > sb && ((roles[p - 1] & EL_R_ADV) || adverb_ly(d, p - 1)))
        p--;
    return p;
}

/* A plain lower-case word: no grammar role, not itself an event. */
static bool plain_word(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t i)
{
    uint16_t f = d->tokens[i].flags;
    return (f & EL_TOK_WORD) && !(f & (EL_TOK_CAP | EL_TOK_NUMBER)) &&
           !(el_grammar_roles(roles[i]) & ~(uint32_t)EL_R_NOEVENT) && ev_at[i] < 0;
}

/* A time preposition that opens a clause ("since Biden took office"):
 * a finite verb follows before the next boundary. */
static bool opens_clause(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t j)
{
    if (!(roles[j] & EL_R_TIME_PREP) || (roles[j] & (EL_R_LOC_PREP | EL_R_WITH)))
        return false;
    size_t se = sent_end(d, j);
    for (size_t k = j + 1; k < se && k < j + 7; k++) {
        if (roles[k] & EL_R_CLAUSE)
            return false;
        if (ev_at[k] >= 0) {
            el_tense t = d->events[ev_at[k]].tense;
            return t == EL_TENSE_PAST || t == EL_TENSE_PRESENT || t == EL_TENSE_FUTURE;
        }
    }
    return false;
}

/* Token p lies in the object of an earlier verb of its clause that does
 * not take a clause ("raised citizens ..."; not "said the delegates ..."). */
static bool inside_object(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t p)
{
    size_t sb = sent_begin(d, p);
    for (size_t j = p; j > sb;) {
        j--;
        if (roles[j] & (EL_R_CLAUSE | EL_R_COMP))
            return false;
        if (ev_at[j] < 0 || d->events[ev_at[j]].tense == EL_TENSE_NONE)
            continue;
        el_event_class c = d->events[ev_at[j]].cls;
        return c != EL_EV_REPORTING && c != EL_EV_I_STATE && c != EL_EV_I_ACTION &&
               c != EL_EV_PERCEPTION;
    }
    return false;
}

/* A participle used as an adjective has no subject of its own (the
 * sentence's subject is not its agent):
 *  - before its noun or title, after a determiner, possessive, preposition
 *    or verb ("wrongfully detained citizens", "to release detained
 *    citizens", "the country's sanctioned Defense Minister X");
 *  - after its noun, closing the phrase ("citizens wrongfully detained
 *    and ...", "the people arrested by ..."). */
static bool attributive_participle(const el_doc *d, const uint32_t *roles, const int *ev_at,
                                   const mention_index *mi, const el_event_mention *ev)
{
    size_t b = ev->tok_begin, n = ev->tok_end, se = sent_end(d, b), sb = sent_begin(d, b);
    if (n - b != 1 || !ends_with(d, b, "ed") ||
        (ev->tense != EL_TENSE_PAST && ev->tense != EL_TENSE_PASTPART))
        return false;
    size_t p = skip_adverbs_back(d, roles, b, sb);
    if (p == sb || (roles[p - 1] & EL_R_AUX))
        return false;
    p--;
    bool noun_next = n < se && (mi->starts[n] >= 0 || plain_word(d, roles, ev_at, n) ||
                                ((d->tokens[n].flags & (EL_TOK_CAP | EL_TOK_WORD)) ==
                                 (EL_TOK_CAP | EL_TOK_WORD)));   /* "sanctioned Defence Minister X" */
    if (noun_next && (roles[p] & (EL_R_DET | EL_R_LOC_PREP | EL_R_TIME_PREP)) &&
        !(roles[p] & EL_R_TO))
        return true;
    if (noun_next && ev_at[p] >= 0 && d->events[ev_at[p]].tense != EL_TENSE_NONE)
        return true;
    bool phrase_ends = n >= se || (roles[n] & EL_R_CLAUSE) ||
                       word_is(roles, n, EL_W(EL_W_AND) | EL_W(EL_W_BY)) ||
                       !(d->tokens[n].flags & EL_TOK_WORD);
    return phrase_ends && plain_word(d, roles, ev_at, p) && inside_object(d, roles, ev_at, p);
}

/* ---- participants and location ------------------------------------------ */

/* Earlier conjuncts of a subject list: "A and B", "A, B and the C",
 * "A, B, and C" (the link next to the last name must be "and"/"or", so a
 * fronted "In Paris, X said" is no list). */
static void add_coordinated(el_doc *d, const uint32_t *roles, el_event_mention *ev,
                            const mention_index *mi, const el_mention *mn, size_t sb)
{
    size_t first = ev->nparticipants ? ev->nparticipants - 1 : 0;   /* the last conjunct */
    for (size_t k = 0; k < 4; k++) {
        size_t b = mn->tok_begin;
        if (b > sb && word_is(roles, b - 1, EL_W(EL_W_DEF)))
            b--;
        if (b < sb + 2)
            break;
        size_t conj = b - 1;
        bool word = word_is(roles, conj, EL_W(EL_W_AND) | EL_W(EL_W_OR));
        if (word && conj > sb + 1 && el_tok_is(d, conj - 1, ","))
            conj--;   /* the serial comma */
        if (!(word || (k > 0 && el_tok_is(d, conj, ","))))
            break;
        int m = mi->ends[conj - 1];
        if (m < 0 || !can_participate(&d->mentions[m]))
            break;
        el_event_add_participant(d, ev, m);
        mn = &d->mentions[m];
    }
    for (size_t i = first, j = ev->nparticipants; i + 1 < j; i++, j--) {   /* text order */
        int t = ev->participants[i];
        ev->participants[i] = ev->participants[j - 1];
        ev->participants[j - 1] = t;
    }
}

static bool finite(const el_event_mention *ev)
{
    return ev->tense == EL_TENSE_PAST || ev->tense == EL_TENSE_PRESENT ||
           ev->tense == EL_TENSE_FUTURE;
}

/* "Smith said both sides agreed": a finite verb taking a clause stands
 * between a finite trigger and the names before it; they are its own
 * subject, not the trigger's (an infinitive shares it: "X wants to go"). */
static bool complement_clause_verb(const el_doc *d, const int *ev_at, size_t j,
                                   const el_event_mention *ev)
{
    if (ev_at[j] < 0 || !finite(ev))
        return false;
    const el_event_mention *v = &d->events[ev_at[j]];
    return v != ev && finite(v) &&
           (v->cls == EL_EV_REPORTING || v->cls == EL_EV_I_STATE ||
            v->cls == EL_EV_I_ACTION || v->cls == EL_EV_PERCEPTION);
}

/* "Jane Roe, then the mayor of Springfield, visited Rome": the subject is
 * the name before an appositive that ends right before the verb.  Returns
 * that name's mention, or -1. */
static int subject_before_apposition(const el_doc *d, const el_event_mention *ev,
                                     const mention_index *mi)
{
    size_t b = ev->tok_begin, sb = sent_begin(d, b);
    if (b < sb + 4 || !el_tok_is(d, b - 1, ","))
        return -1;
    for (size_t k = b - 2; k > sb && b - k <= 12; k--) {
        if (!el_tok_is(d, k, ","))
            continue;
        int m = mi->ends[k - 1];
        return m >= 0 && can_participate(&d->mentions[m]) &&
                       d->mentions[m].type == EL_ENT_PERSON ? m : -1;
    }
    return -1;
}

static void prepend_participant(el_doc *d, el_event_mention *ev, int m)
{
    el_event_add_participant(d, ev, m);
    size_t i = 0;
    while (i < ev->nparticipants && ev->participants[i] != m)
        i++;
    for (; i > 0; i--)
        ev->participants[i] = ev->participants[i - 1];
    ev->participants[0] = m;
}

/* A verb before an event noun whose subject takes a stance on the event
 * rather than taking part in it ("the Council condemned the bombing",
 * "China rebuffed a meeting"): a finite verb with a type of its own or a
 * reporting, perception or intensional-state class.  Light verbs ("held
 * talks", "made a visit") are untyped and let their subject through. */
static bool stance_verb(const el_doc *d, const int *ev_at, size_t j)
{
    if (ev_at[j] < 0)
        return false;
    const el_event_mention *v = &d->events[ev_at[j]];
    if (v->tok_begin != j || !finite(v) || v->cls == EL_EV_ASPECTUAL)
        return false;
    return v->type || v->cls == EL_EV_REPORTING || v->cls == EL_EV_PERCEPTION ||
           v->cls == EL_EV_I_STATE;
}

/* Place mn after an article modifies the plain noun after it ("the Geneva
 * agenda", "for a Ukraine reconstruction conference", "in the Paris
 * museum"): it says what the thing is about or where it belongs; it is
 * neither the event's location nor a participant.  Before a noun of the
 * grammar's `actor` role the place acts ("urged the U.S. side"): that
 * noun is no plain word. */
static bool names_a_noun(const el_doc *d, const uint32_t *roles, const int *ev_at,
                         const el_mention *mn)
{
    size_t b = mn->tok_begin, k = mn->tok_end;
    if (b < 1 || k >= d->ntokens || d->tokens[k].sentence != d->tokens[b].sentence)
        return false;
    if (!word_is(roles, b - 1, EL_W(EL_W_INDEF) | EL_W(EL_W_DEF)))
        return false;
    return plain_word(d, roles, ev_at, k) || (ev_at[k] >= 0 && d->events[ev_at[k]].tense == EL_TENSE_NONE);
}

/* A personal pronoun at token j ("it", "they") that is the whole subject:
 * not the last conjunct of a list ("Smith and I had agreed").  The caller
 * checks that the entity stage did not resolve it (no mention ends there). */
static bool unresolved_pronoun(const el_doc *d, const uint32_t *roles, size_t j)
{
    if (!(roles[j] & EL_R_PRON) || !(d->tokens[j].flags & EL_TOK_WORD))
        return false;
    return j == 0 || !word_is(roles, j - 1, EL_W(EL_W_AND) | EL_W(EL_W_OR));
}

/* A finite verb follows token j, past adverbs, negation and auxiliaries:
 * the word at j is that verb's subject. */
static bool subject_of_verb(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t j)
{
    size_t se = sent_end(d, j), k = j + 1;
    while (k < se && (roles[k] & (EL_R_ADV | EL_R_NEG | EL_R_AUX)))
        k++;
    return k < se && ev_at[k] >= 0 && finite(&d->events[ev_at[k]]);
}

/* A verb coordinated with an earlier finite verb of its sentence that has
 * a subject before it ("X said ... and pressed Y", "X, Y and Z held talks
 * and agreed") shares that subject: its names are added to ev.  The first
 * such verb within COORD_WINDOW tokens back is taken (the events before ev
 * already have their participants; the window keeps a sentence without end
 * linear). */
#define COORD_WINDOW 40
static void share_first_subject(el_doc *d, el_event_mention *ev, size_t sb)
{
    const el_event_mention *first = NULL;
    for (const el_event_mention *v = ev; v > d->events;) {
        v--;
        if (v->tok_begin < sb || ev->tok_begin - v->tok_begin > COORD_WINDOW)
            break;
        if (finite(v) && v->nparticipants > 0)
            first = v;
    }
    if (!first)
        return;
    for (size_t p = 0; p < first->nparticipants; p++)
        if (d->mentions[first->participants[p]].tok_end <= first->tok_begin)
            el_event_add_participant(d, ev, first->participants[p]);
}

/* A preposition of time only ("during", "after"; not "in" or "at", nor
 * "for" or "by", which also say purpose and agent: "invited X for a
 * meeting"): an event noun after it is an adjunct of the clause before,
 * whose names are not the noun's subject or place. */
static bool pure_time_prep(const uint32_t *roles, size_t j)
{
    return (roles[j] & EL_R_TIME_PREP) && !(roles[j] & (EL_R_LOC_PREP | EL_R_WITH)) &&
           !word_is(roles, j, EL_W(EL_W_FOR) | EL_W(EL_W_BY));
}

static void find_subject(el_doc *d, el_event_mention *ev, const uint32_t *roles,
                         const mention_index *mi, const int *ev_at)
{
    int appos = finite(ev) ? subject_before_apposition(d, ev, mi) : -1;
    if (appos >= 0) {
        el_event_add_participant(d, ev, appos);
        return;
    }
    size_t window = ev->tense == EL_TENSE_NONE && !ev->modality && ev->aspect == EL_ASPECT_NONE &&
                            ev->tok_end - ev->tok_begin == 1 && ev->cls != EL_EV_REPORTING
                        ? SUBJ_WINDOW_NOUN : SUBJ_WINDOW_VERB;
    size_t sb = sent_begin(d, ev->tok_begin);
    bool next_to_verb = true;   /* only adverbs, negation and auxiliaries so far */
    for (size_t j = ev->tok_begin, steps = 0; j > sb && steps < window; steps++) {
        j--;
        if (hard_boundary(d, roles, j) || complement_clause_verb(d, ev_at, j, ev))
            return;
        if (window == SUBJ_WINDOW_NOUN && stance_verb(d, ev_at, j))
            return;
        if (window == SUBJ_WINDOW_NOUN && pure_time_prep(roles, j))
            return;   /* "diverted to X during the strike": X is the diverting's */
        if (next_to_verb && window == SUBJ_WINDOW_VERB && finite(ev) &&
            word_is(roles, j, EL_W(EL_W_AND) | EL_W(EL_W_BUT))) {
            share_first_subject(d, ev, sb);
            return;   /* "He said ... and pressed China": his */
        }
        int m = mi->ends[j];
        if (m < 0 && window == SUBJ_WINDOW_VERB && unresolved_pronoun(d, roles, j) &&
            (next_to_verb || subject_of_verb(d, roles, ev_at, j)))
            return;   /* "According to X, it lasted (..., starting at)": "it" */
        if (!(roles[j] & (EL_R_ADV | EL_R_NEG | EL_R_AUX)))
            next_to_verb = false;
        if (m < 0)
            continue;
        const el_mention *mn = &d->mentions[m];
        if (!can_participate(mn) && !is_place(mn))
            continue;
        if (window == SUBJ_WINDOW_VERB && is_place(mn) && names_a_noun(d, roles, ev_at, mn))
            continue;   /* "the Paris agreement was signed" */
        if (window == SUBJ_WINDOW_NOUN && possessive(d, mn) && ev->tok_begin - mn->tok_end <= 3) {
            el_event_add_participant(d, ev, m);   /* "during Russia's invasion": the agent */
            return;
        }
        /* right before a gerund the object of a preposition is its subject
         * ("resulted in X scrapping ..."), not before a finite verb */
        bool pp = (ev->tok_begin - mn->tok_end > 0 || finite(ev)) &&
                  in_prep_phrase(d, roles, mi, mn, sb, EL_R_ANY_PREP);
        if (is_place(mn) && (pp || ev->tok_begin - mn->tok_end <= 1)) {
            if (ev->location < 0 && window == SUBJ_WINDOW_NOUN)
                ev->location = m;   /* "a Paris visit", "talks in Geneva" before a noun */
            if (window == SUBJ_WINDOW_NOUN)
                continue;
        }
        if (pp || !can_participate(mn))
            continue;
        if (window == SUBJ_WINDOW_VERB && possessive(d, mn))
            return;   /* "X's visit had been agreed": the subject is the visit */
        el_event_add_participant(d, ev, m);
        add_coordinated(d, roles, ev, mi, mn, sb);
        return;
    }
}

/* Is mention m in the "of" phrase right after an event noun ending at
 * `from` ("of Ukraine", "of a Birmingham clinic", "of the U.S. embassies")? */
static bool of_phrase(const el_doc *d, const uint32_t *roles, const el_mention *m, size_t from)
{
    size_t k = m->tok_begin;
    if (k > from && word_is(roles, k - 1, EL_W(EL_W_DEF) | EL_W(EL_W_INDEF)))
        k--;
    return k == from + 1 && word_is(roles, from, EL_W(EL_W_OF));
}

/* Mention mn opens a clause: a finite verb or an auxiliary follows it
 * ("the United States must", "Paris has", "France wants"). */
static bool subject_of_clause(const el_doc *d, const uint32_t *roles, const int *ev_at,
                              const el_mention *mn)
{
    size_t k = mn->tok_end;
    if (k >= d->ntokens || d->tokens[k].sentence != d->tokens[mn->tok_begin].sentence)
        return false;
    if (roles[k] & (EL_R_AUX | EL_R_WILL | EL_R_MODAL))
        return true;
    if (ev_at[k] < 0)
        return false;
    el_tense t = d->events[ev_at[k]].tense;
    return t == EL_TENSE_PAST || t == EL_TENSE_PRESENT || t == EL_TENSE_FUTURE;
}


/* Place mn names what the possessive place ending at token `from` owns,
 * past at most two plain words ("Rome's vast Colosseum"): the place
 * inside the first one. */
#define OWNED_PLACE_WORDS 2
static bool owned_by_place(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t from,
                           const el_mention *mn)
{
    if (mn->tok_begin < from || mn->tok_begin - from > OWNED_PLACE_WORDS)
        return false;
    for (size_t k = from; k < mn->tok_begin; k++)
        if (!plain_word(d, roles, ev_at, k))
            return false;
    return true;
}

static void find_objects(el_doc *d, el_event_mention *ev, const uint32_t *roles,
                         const mention_index *mi, const int *ev_at)
{
    size_t se = sent_end(d, ev->tok_begin), nobj = 0;
    bool weak_place = false;   /* the location is a bare place ("then-US"), no "to"/"in" */
    size_t last_obj_end = 0;   /* token after the last object taken */
    size_t poss_place_end = 0; /* token after the "'s" of a possessive place taken as location */
    /* the window counts words and whole names ("Foreign Minister Anna Weber" is 3) */
    for (size_t j = ev->tok_end, units = 0; j < se && units < OBJ_WINDOW && nobj < 3; j++, units++) {
        if ((roles[j] & EL_R_CLAUSE) && !(roles[j] & EL_R_DET))
            break;
        if ((roles[j] & EL_R_COMP) && j > ev->tok_end && (roles[j - 1] & EL_R_CLAUSE ||
                                                          word_is(roles, j - 1, EL_W(EL_W_AND))))
            break;   /* "monitoring X and that ...": a new clause */
        if (ev_at[j] >= 0 && d->events[ev_at[j]].cls != EL_EV_STATE && j > ev->tok_end)
            break;   /* the next predicate */
        if (opens_clause(d, roles, ev_at, j))
            break;   /* "visit China since Biden took office" */
        int m = mi->starts[j];
        if (m < 0)
            continue;
        const el_mention *mn = &d->mentions[m];
        bool after_prep = in_prep_phrase(d, roles, mi, mn, ev->tok_end,
                                         EL_R_LOC_PREP | EL_R_TIME_PREP);
        bool modifies_event = mn->tok_end < d->ntokens && ev_at[mn->tok_end] >= 0;
        if (ev->tense == EL_TENSE_NONE && of_phrase(d, roles, mn, ev->tok_end))
            after_prep = true;   /* "the bombing of a Birmingham clinic", "invasion of Ukraine" */
        if (qualifies_person(d, roles, mi, mn)) {
            j = mn->tok_end - 1;   /* "Acme Corp. co-founder Jane Roe": Jane Roe */
            continue;
        }
        if (ev->cls == EL_EV_REPORTING && subject_of_clause(d, roles, ev_at, mn))
            break;   /* "he said the United States must ...": what was said, not to whom */
        if (is_place(mn) && poss_place_end && ev->location >= 0 &&
            owned_by_place(d, roles, ev_at, poss_place_end, mn)) {
            ev->location = m;   /* "in Rome's vast Colosseum": the Colosseum */
            poss_place_end = 0;
            j = mn->tok_end - 1;
            continue;
        }
        if (is_place(mn) && !modifies_event && names_a_noun(d, roles, ev_at, mn)) {
            j = mn->tok_end - 1;   /* "for a Ukraine reconstruction conference": a topic */
            continue;
        }
        if (is_place(mn) && (after_prep || visit_like(ev) || modifies_event)) {
            if (after_prep && visit_like(ev) && ev->location >= 0 &&
                d->mentions[ev->location].tok_end <= ev->tok_begin) {
                /* "the U.S. visit to China": the place before is the visitor */
                if (can_participate(&d->mentions[ev->location]))
                    prepend_participant(d, ev, ev->location);
                ev->location = -1;
            }
            if (ev->location < 0 || (weak_place && after_prep)) {
                ev->location = m;   /* "in Paris", "visit Paris", "a Paris visit" */
                weak_place = !after_prep;   /* "a visit by the US envoy to Rome": Rome */
                poss_place_end = possessive(d, mn) ? mn->tok_end + 1 : 0;
            }
        } else if (can_participate(mn) && !possessive(d, mn) &&
                   (nobj == 0 || coordinated(d, roles, mi->ends, mn, last_obj_end))) {
            el_event_add_participant(d, ev, m);
            nobj++;
            last_obj_end = mn->tok_end;   /* the next object joins this one */
        }
        j = mn->tok_end - 1;
    }
}

/* ---- time ------------------------------------------------------------------ */

static bool anchorable(const el_timex *t)
{
    return (t->type == EL_TIMEX_DATE || t->type == EL_TIMEX_TIME) && t->value[0] && !t->dateline
        && !t->record_since;
}

/* Between event e and its timex t: no clause boundary and no other finite
 * verb, so t is the event's own time ("met ... on Monday"), not only its
 * sentence's ("On Monday, officials said the plant had closed": the
 * closing's).  A time that opens the sentence ("Last year, X said") is the
 * main clause's: its comma is no boundary. */
static el_time_link link_kind(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t e,
                              const el_timex *t)
{
    const el_event_mention *ev = &d->events[e];
    size_t a = t->tok_end <= ev->tok_begin ? t->tok_end : ev->tok_end;
    size_t b = t->tok_end <= ev->tok_begin ? ev->tok_begin : t->tok_begin;
    bool opening = t->tok_end <= ev->tok_begin && t->tok_begin <= sent_begin(d, ev->tok_begin) + 1;
    for (size_t k = a; k < b; k++) {
        if ((roles[k] & (EL_R_CLAUSE | EL_R_COMP)) && !(opening && (roles[k] & EL_R_CLAUSE)))
            return EL_TL_SENTENCE;
        if (ev_at[k] >= 0 && (size_t)ev_at[k] != e && d->events[ev_at[k]].tense != EL_TENSE_NONE
            && d->events[ev_at[k]].tense != EL_TENSE_INFINITIVE)
            return EL_TL_SENTENCE;
    }
    return EL_TL_OWN;
}

/* Cost of the path between tokens a < b: distance plus boundaries.  From
 * a time before the trigger, a finite verb in between governs that time
 * ("the visit in February had been agreed on as a follow-up to a meeting
 * in November": February is the visit's); after a noun trigger, its own
 * chain of prepositional phrases costs less than a verb's ("a meeting
 * between X and Y on the sidelines of the summit in Geneva in November"). */
typedef struct path_kind {
    size_t skip_ev, own_prep;
    bool before;        /* the time precedes the trigger */
    bool noun;          /* the trigger is a noun */
    bool clausal;       /* the trigger is a finite verb that takes a clause ("said") */
} path_kind;

static int path_cost(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t a,
                     size_t b, path_kind pk)
{
    int cost = (int)(b - a);
    for (size_t k = a; k < b; k++) {
        if (roles[k] & EL_R_CLAUSE)
            cost += 3;
        if (pk.clausal && !pk.before && (roles[k] & EL_R_COMP))
            cost += TIME_MAX_COST;   /* "has said that, since 2021, ...": the clause's time */
        if ((roles[k] & EL_R_TIME_PREP) && k != pk.own_prep)
            cost += pk.noun && !pk.before ? 1 : 2;   /* "left on June 1 after the summit" */
        if (ev_at[k] < 0 || (size_t)ev_at[k] == pk.skip_ev)
            continue;
        el_tense t = d->events[ev_at[k]].tense;
        if (t != EL_TENSE_NONE)
            cost += 2;
        if (pk.before && (t == EL_TENSE_PAST || t == EL_TENSE_PRESENT || t == EL_TENSE_FUTURE))
            cost += 4;
        else if (!pk.before && pk.noun && t == EL_TENSE_INFINITIVE)
            cost += TIME_MAX_COST;   /* "the trip follows plans to visit Y in February":
                                        the embedded verb's time, not the noun's */
        else if (!pk.before && t != EL_TENSE_NONE && d->events[ev_at[k]].cls == EL_EV_REPORTING)
            cost += TIME_MAX_COST;   /* "X's trip, an aide told reporters Monday":
                                        the time of the report */
        else if (!pk.before && pk.clausal &&
                 (t == EL_TENSE_PAST || t == EL_TENSE_PRESENT || t == EL_TENSE_FUTURE))
            cost += TIME_MAX_COST;   /* "said Jones will visit Rome on Friday": the
                                        time of the clause's own verb */
    }
    return cost;
}

/* The time right after a finite reporting verb other than event e and its
 * object ("said Friday", "told reporters on Friday") is the report's, not
 * that of the clause it reports ("Smith said Friday he would meet ...");
 * "said Friday's meeting" is the meeting's. */
#define REPORT_OBJECT_WORDS 3   /* "told reporters", "told the Senate panel" */
static bool report_time(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t e,
                        const el_timex *t, size_t sb)
{
    if (t->tok_end < d->ntokens && el_tok_is_possessive(d, t->tok_end))
        return false;
    size_t k = t->tok_begin;
    if (k > sb && (roles[k - 1] & EL_R_TIME_PREP))
        k--;
    for (size_t steps = 0; k > sb && steps <= REPORT_OBJECT_WORDS; steps++, k--) {
        if (ev_at[k - 1] >= 0) {
            const el_event_mention *r = &d->events[ev_at[k - 1]];
            return (size_t)ev_at[k - 1] != e && r->cls == EL_EV_REPORTING &&
                   r->tense != EL_TENSE_NONE && r->tense != EL_TENSE_INFINITIVE;
        }
        if ((roles[k - 1] & (EL_R_CLAUSE | EL_R_COMP)) || !(d->tokens[k - 1].flags & EL_TOK_WORD))
            return false;
    }
    return false;
}

static int timex_cost(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t e,
                      const el_timex *t)
{
    const el_event_mention *ev = &d->events[e];
    size_t sb = sent_begin(d, ev->tok_begin);
    if (t->tok_end <= ev->tok_begin && report_time(d, roles, ev_at, e, t, sb))
        return TIME_MAX_COST + 1;
    bool noun = ev->tense == EL_TENSE_NONE && !ev->modality;
    bool before = t->tok_end <= ev->tok_begin;
    bool clausal = (ev->cls == EL_EV_REPORTING || ev->cls == EL_EV_I_STATE) &&
                   (ev->tense == EL_TENSE_PAST || ev->tense == EL_TENSE_PRESENT);
    path_kind pk = {e, before ? SIZE_MAX : t->tok_begin - 1, before, noun, clausal};
    int cost = before ? path_cost(d, roles, ev_at, t->tok_end, ev->tok_begin, pk) + 1
                      : path_cost(d, roles, ev_at, ev->tok_end, t->tok_begin, pk);
    if (t->tok_begin > sb && (roles[t->tok_begin - 1] & EL_R_TIME_PREP))
        cost -= 1;
    if (t->tok_begin <= sb + 1 && t->tok_end < d->ntokens && (roles[t->tok_end] & EL_R_CLAUSE) &&
        cost > 8)
        cost = 8;   /* "Earlier this year, ..." governs its sentence */
    return cost;
}

/* The tokens where a timex starts, in order, each with the first timex
 * that starts there: a trigger's window is searched by bisection instead
 * of token by token (a document has far fewer timexes than tokens). */
typedef struct tx_starts { uint32_t *tok; int *id; size_t n; } tx_starts;

static tx_starts timex_starts(const el_doc *d)
{
    int *at = el_malloc((d->ntokens + 1) * sizeof *at);
    for (size_t i = 0; i <= d->ntokens; i++)
        at[i] = -1;
    size_t n = 0;
    for (size_t t = 0; t < d->ntimexes; t++)
        if (d->timexes[t].tok_begin < d->ntokens && at[d->timexes[t].tok_begin] < 0) {
            at[d->timexes[t].tok_begin] = (int)t;
            n++;
        }
    tx_starts ts = {el_malloc((n + 1) * sizeof *ts.tok), el_malloc((n + 1) * sizeof *ts.id), 0};
    for (size_t i = 0; i < d->ntokens && ts.n < n; i++)
        if (at[i] >= 0) {
            ts.tok[ts.n] = (uint32_t)i;
            ts.id[ts.n++] = at[i];
        }
    free(at);
    return ts;
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

/* The timexes starting at tokens from..to. */
static void consider_range(const el_doc *d, const uint32_t *roles, const int *ev_at, size_t e,
                           const tx_starts *ts, size_t from, size_t to, int *best,
                           int *best_cost)
{
    size_t lo = 0, hi = ts->n;
    while (lo < hi) {   /* the first start at or after `from` */
        size_t mid = (lo + hi) / 2;
        if (ts->tok[mid] < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < ts->n && ts->tok[i] < to; i++)
        consider_timex(d, roles, ev_at, e, ts->id[i], best, best_cost);
}

/* Search a window of tokens around the trigger (plus the sentence start),
 * so the cost stays linear in the document length.  (The best is the
 * cheapest, then the first timex: the order of consideration is free.) */
static void find_time(el_doc *d, size_t e, const uint32_t *roles, const int *ev_at,
                      const tx_starts *ts)
{
    el_event_mention *ev = &d->events[e];
    size_t sb = sent_begin(d, ev->tok_begin), se = sent_end(d, ev->tok_begin);
    size_t lo = ev->tok_begin > sb + TIME_WINDOW ? ev->tok_begin - TIME_WINDOW : sb;
    size_t hi = ev->tok_end + TIME_WINDOW < se ? ev->tok_end + TIME_WINDOW : se;
    int best = -1, best_cost = TIME_MAX_COST + 1;
    consider_range(d, roles, ev_at, e, ts, lo, hi, &best, &best_cost);
    consider_range(d, roles, ev_at, e, ts, sb, sb + 2 < lo ? sb + 2 : lo, &best, &best_cost);
    ev->timex = best;
    ev->timex_link = best < 0 ? EL_TL_NONE : link_kind(d, roles, ev_at, e, &d->timexes[best]);
}

/* The head noun before "of"/"for" at token k, past an agent phrase ("a
 * request from X for", "the cancellation by X of"). */
static size_t head_before(const el_doc *d, const uint32_t *roles, const mention_index *mi,
                          size_t k, size_t sb)
{
    size_t k0 = k;
    while (k > sb && k + 8 > k0) {
        if (mi->ends[k] >= 0 && d->mentions[mi->ends[k]].tok_begin > sb)
            k = d->mentions[mi->ends[k]].tok_begin - 1;
        else if ((roles[k] & EL_R_DET) || (d->tokens[k].flags & EL_TOK_CAP))
            k--;   /* determiners, titles ("Defense Secretary") */
        else if (word_is(roles, k, EL_W(EL_W_FROM) | EL_W(EL_W_BY)))
            return k - 1;
        else
            break;
    }
    return k0;
}

static bool intensional_event(const el_doc *d, int e)
{
    if (e < 0)
        return false;
    el_event_class c = d->events[e].cls;
    return c == EL_EV_I_ACTION || c == EL_EV_I_STATE;
}

/* An event in a "that"-clause the writer does not assert ("denied that",
 * "accusations that Washington carries out attacks"): up to the clause
 * boundary before it; a finite verb right after "and"/"but" is coordinated
 * with the main clause ("... and complained"). */
#define UNASSERT_WINDOW 16
static bool in_unasserted_clause(const el_doc *d, const uint32_t *roles, const el_event_mention *ev)
{
    size_t sb = sent_begin(d, ev->tok_begin), b = ev->tok_begin;
    if (b > sb && ev->tense != EL_TENSE_NONE &&
        word_is(roles, b - 1, EL_W(EL_W_AND) | EL_W(EL_W_BUT)))
        return false;
    for (size_t j = b, steps = 0; j > sb + 1 && steps < UNASSERT_WINDOW; steps++) {
        j--;
        if (el_tok_is(d, j, ",") || el_tok_is(d, j, ";"))
            return false;
        if (roles[j] & EL_R_COMP)   /* "denied that", "denied reports that" */
            return word_is(roles, j, EL_W(EL_W_THAT)) && ((roles[j - 1] & EL_R_UNASSERT) ||
                                               (j > sb + 1 && (roles[j - 2] & EL_R_UNASSERT)));
    }
    return false;
}

/* An infinitive is not asserted ("is expected to grant", "promised to
 * hold", "asked the maker to inspect", "would try to send"), unless an
 * aspectual verb governs it ("began to fall"): the nearest event before it
 * in its clause decides. */
#define INF_GOVERNOR_WINDOW 6
static bool unasserted_infinitive(const el_doc *d, const uint32_t *roles, const int *ev_at,
                                  const el_event_mention *ev)
{
    if (ev->tense != EL_TENSE_INFINITIVE)
        return false;
    size_t sb = sent_begin(d, ev->tok_begin);
    for (size_t j = ev->tok_begin, steps = 0; j > sb && steps < INF_GOVERNOR_WINDOW; steps++) {
        j--;
        if (ev_at[j] >= 0)
            return d->events[ev_at[j]].cls != EL_EV_ASPECTUAL;
        if (roles[j] & EL_R_CLAUSE)
            break;
    }
    return true;
}

/* A subject opened by a negating word negates its verb ("None of the 174
 * passengers was hurt", "Nobody was injured"); one right before a noun
 * event, past up to two plain words, negates the noun ("no new meeting").
 * The subject runs back from the verb's auxiliaries to the sentence start,
 * a comma or a clause word, with no other verb in it. */
#define NEG_SUBJECT_WINDOW 12
static bool negated_by_subject(const el_doc *d, const uint32_t *roles, const int *ev_at,
                               const el_event_mention *ev)
{
    size_t j = ev->tok_begin, sb = sent_begin(d, j);
    if (ev->tense == EL_TENSE_NONE && !ev->modality) {
        for (size_t steps = 0; j > sb && steps < 3; steps++) {
            j--;
            if (roles[j] & EL_R_NEGSUBJ)
                return true;
            if (!plain_word(d, roles, ev_at, j))
                return false;
        }
        return false;
    }
    if (!finite(ev))
        return false;
    while (j > sb && (roles[j - 1] & (EL_R_AUX | EL_R_ADV | EL_R_NEG)))
        j--;
    size_t first = j;
    for (size_t steps = 0; j > sb && steps < NEG_SUBJECT_WINDOW; steps++) {
        j--;
        if ((roles[j] & EL_R_CLAUSE) || el_tok_is(d, j, ",") ||
            (ev_at[j] >= 0 && d->events[ev_at[j]].tense != EL_TENSE_NONE))
            break;
        first = j;
    }
    return first < ev->tok_begin && (roles[first] & EL_R_NEGSUBJ) &&
           (first == sb || (roles[first - 1] & EL_R_CLAUSE) || el_tok_is(d, first - 1, ","));
}

/* A noun event that is the subject of its own future or of an
 * expectation in the passive is not asserted ("the meeting will be held",
 * "the strike could begin", "the final report is expected next year").
 * After a modal only "be" or an aspectual verb says so: "his talks could
 * pave the way" asserts the talks. */
static bool subject_of_unreal(const el_doc *d, const uint32_t *roles, const int *ev_at,
                              const el_event_mention *ev)
{
    size_t k = ev->tok_end, se = sent_end(d, ev->tok_begin);
    if (ev->tense != EL_TENSE_NONE || ev->modality || k >= se)
        return false;
    bool modal = roles[k] & (EL_R_MODAL | EL_R_WILL);
    if (!modal && !(roles[k] & (EL_R_BE_PRES | EL_R_BE_PAST)))
        return false;
    for (k++; k < se && (roles[k] & (EL_R_ADV | EL_R_NEG)); k++)
        ;
    if (k >= se)
        return false;
    if (modal)
        return (roles[k] & EL_R_BE_BASE) || (ev_at[k] >= 0 && d->events[ev_at[k]].cls == EL_EV_ASPECTUAL);
    if (ev_at[k] < 0)
        return false;
    el_event_class c = d->events[ev_at[k]].cls;
    return c == EL_EV_I_STATE || c == EL_EV_I_ACTION;
}

/* A noun event in the scope of an intensional predicate is not asserted:
 * modified by its participle ("the scheduled visit"), its object ("asked
 * for a meeting", "cancelled the trip") or after "of"/"for" ("the
 * cancellation of X's trip", "a request for a meeting").  Determiners,
 * possessors, names and up to two plain modifiers may stand between. */
static bool in_intensional_scope(const el_doc *d, const uint32_t *roles, const int *ev_at,
                                 const mention_index *mi, const el_event_mention *ev)
{
    size_t sb = sent_begin(d, ev->tok_begin), plain = 0;
    if (ev->tense != EL_TENSE_NONE || ev->modality)   /* a noun read as a verb: "scheduled visit" */
        return ev->tok_begin > sb && ends_with(d, ev->tok_begin - 1, "ed") &&
               ev->aspect == EL_ASPECT_NONE && intensional_event(d, ev_at[ev->tok_begin - 1]);
    for (size_t j = ev->tok_begin, steps = 0; j > sb && steps < 8; steps++) {
        j--;
        if (ev_at[j] >= 0)   /* "asked for a meeting", "to reopen talks" (already marked) */
            return intensional_event(d, ev_at[j]) ||
                   (d->events[ev_at[j]].tense == EL_TENSE_INFINITIVE &&
                    d->events[ev_at[j]].intensional);
        if (word_is(roles, j, EL_W(EL_W_OF) | EL_W(EL_W_FOR)))
            return j > sb && intensional_event(d, ev_at[head_before(d, roles, mi, j - 1, sb)]);
        if (mi->ends[j] >= 0) {
            j = d->mentions[mi->ends[j]].tok_begin;
            continue;
        }
        if ((roles[j] & EL_R_DET) || el_tok_is_possessive(d, j))
            continue;
        if (!plain_word(d, roles, ev_at, j) || ++plain > 2)
            return false;
    }
    return false;
}

/* ---- subjects shared across a clause ---------------------------------------- */

/* Verb v's subject: the tree's when it gave one (or none), else its
 * first participant; -1. */
static int subject_of(const el_event_mention *v)
{
    if (v->syn_args)
        return v->subject;
    return v->nparticipants > 0 ? v->participants[0] : -1;
}

/* The subject of the nearest finite verb before token `tok` in its
 * sentence that has one, or -1. */
static int clause_subject(const el_doc *d, size_t e)
{
    const el_event_mention *ev = &d->events[e];
    size_t sb = sent_begin(d, ev->tok_begin);
    for (size_t k = e; k-- > 0;) {
        const el_event_mention *v = &d->events[k];
        if (v->tok_begin < sb)
            break;
        if (finite(v) && subject_of(v) >= 0)
            return subject_of(v);
    }
    return -1;
}

/* ", saying ...": a participle clause after a comma has the subject of
 * the verb before it; "X said in an interview", "saying in a meeting with
 * Y": the event noun right after a verb and "in a" has the verb's subject
 * among its participants, first. */
static void share_clause_subjects(el_doc *d, const uint32_t *roles, const int *ev_at)
{
    for (size_t e = 0; e < d->nevents; e++) {
        el_event_mention *ev = &d->events[e];
        size_t b = ev->tok_begin, sb = sent_begin(d, b);
        if (ev->syn_args)
            continue;   /* the tree gave its subject (or none) */
        if (ev->tense == EL_TENSE_PRESPART && ev->nparticipants == 0 && b > sb &&
            el_tok_is(d, b - 1, ",")) {
            int s = clause_subject(d, e);
            if (s >= 0)
                el_event_add_participant(d, ev, s);
        }
        if (ev->tense != EL_TENSE_NONE || b < sb + 3 || !(roles[b - 1] & EL_R_DET) ||
            !word_is(roles, b - 2, EL_W(EL_W_IN)) || ev_at[b - 3] < 0)
            continue;
        const el_event_mention *v = &d->events[ev_at[b - 3]];
        if (v->tense != EL_TENSE_NONE && subject_of(v) >= 0)
            prepend_participant(d, ev, subject_of(v));
    }
}

void el_event_arguments(el_doc *d, const el_trigger_lexicon *lx, const uint32_t *roles)
{
    (void)lx;
    mention_index mi = index_mentions(d);
    int *ev_at = event_at_token(d);
    tx_starts ts = timex_starts(d);
    int *cover = el_doc_has_syntax(d) ? el_event_mention_cover(d) : NULL;
    for (size_t e = 0; e < d->nevents; e++) {
        el_event_mention *ev = &d->events[e];
        bool attributive = attributive_participle(d, roles, ev_at, &mi, ev);
        if (!attributive)
            find_subject(d, ev, roles, &mi, ev_at);
        find_objects(d, ev, roles, &mi, ev_at);   /* (and the location) */
        el_event_syntax_args(d, ev, cover, roles);   /* the tree's participants, if any */
        if (!attributive)
            find_time(d, e, roles, ev_at, &ts);   /* the clause's time is not the state's */
    }
    free(cover);
    share_clause_subjects(d, roles, ev_at);
    for (size_t e = 0; e < d->nevents; e++) {
        el_event_mention *ev = &d->events[e];
        ev->intensional = in_intensional_scope(d, roles, ev_at, &mi, ev) ||
                          in_unasserted_clause(d, roles, ev) ||
                          unasserted_infinitive(d, roles, ev_at, ev) ||
                          subject_of_unreal(d, roles, ev_at, ev);
        ev->negated |= negated_by_subject(d, roles, ev_at, ev);
    }
    free(ts.tok);
    free(ts.id);
    free(ev_at);
    free(mi.starts);
    free(mi.ends);
}

/* ---- links -------------------------------------------------------------- */

static void token_text(const el_doc *d, size_t tb, size_t te, char *buf, size_t cap)
{
    size_t a = d->tokens[tb].start, b = d->tokens[te - 1].end;
    size_t n = b - a < cap - 1 ? b - a : cap - 1;
    while (n < b - a && n > 0 && ((unsigned char)d->text[a + n] & 0xC0) == 0x80)
        n--;   /* cut at a character boundary, never inside one */
    memcpy(buf, d->text + a, n);
    buf[n] = '\0';
}

static el_reltype prep_reltype(const el_doc *d, const uint32_t *roles, const el_timex *t)
{
    if (t->tok_begin == 0)
        return EL_REL_IS_INCLUDED;
    size_t p = t->tok_begin - 1;
    if (word_is(roles, p, EL_W(EL_W_SINCE) | EL_W(EL_W_FROM))) return EL_REL_BEGUN_BY;
    if (word_is(roles, p, EL_W(EL_W_UNTIL))) return EL_REL_ENDED_BY;
    if (word_is(roles, p, EL_W(EL_W_BEFORE) | EL_W(EL_W_BY))) return EL_REL_BEFORE;
    if (word_is(roles, p, EL_W(EL_W_AFTER))) return EL_REL_AFTER;
    return EL_REL_IS_INCLUDED;
}

static void timex_links(el_doc *d, const uint32_t *roles)
{
    char text[96], why[160];
    for (size_t e = 0; e < d->nevents; e++) {
        const el_event_mention *ev = &d->events[e];
        if (ev->timex >= 0) {
            const el_timex *t = &d->timexes[ev->timex];
            token_text(d, t->tok_begin, t->tok_end, text, sizeof text);
            snprintf(why, sizeof why, "time expression '%s' in the same clause", text);
            el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, (int)e, EL_NODE_TIMEX, ev->timex,
                            prep_reltype(d, roles, t), why);
        } else if (ev->cls == EL_EV_REPORTING && !ev->modality && !ev->negated &&
                   (ev->tense == EL_TENSE_PAST || ev->tense == EL_TENSE_PRESENT) && d->dct.year) {
            el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, (int)e, EL_NODE_DCT, -1,
                            EL_REL_IS_INCLUDED, "reporting event of the article's day");
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

/* Tokens that modify the head of a time expression: its first two tokens
 * when more of it follows.  A signal word there ("the following day",
 * "next week") is part of the date, not an ordering of events; one after
 * the head ("the day before the hearing") still orders them. */
static bool *timex_modifier_tokens(const el_doc *d)
{
    bool *in = el_calloc(d->ntokens + 1, sizeof *in);
    for (size_t t = 0; t < d->ntimexes; t++) {
        size_t b = d->timexes[t].tok_begin, e = d->timexes[t].tok_end;
        for (size_t j = b; j + 1 < e && j < b + 2 && j < d->ntokens; j++)
            in[j] = true;
    }
    return in;
}

static void signal_links(el_doc *d, const el_trigger_lexicon *lx, const uint32_t *roles)
{
    int *ev_at = event_at_token(d);
    bool *in_tx = timex_modifier_tokens(d);
    char text[64], why[128];
    for (size_t i = 0; i < d->ntokens;) {
        uint32_t s;
        size_t len = in_tx[i] ? 0 : el_lexicon_match(lx->signals, d, i, &s);
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
    free(in_tx);
    free(ev_at);
}

void el_event_links(el_doc *d, const el_trigger_lexicon *lx, const uint32_t *roles)
{
    timex_links(d, roles);
    signal_links(d, lx, roles);
}

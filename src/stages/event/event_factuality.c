/* event_factuality.c - factuality a noun event takes from the verb that
 * carries it (see event_internal.h).
 *
 * A support (light) verb carries the tense, modality and polarity of the
 * event noun it governs: in "will hold talks", "is expected to make its
 * first flight", "did not give a speech" the noun is the happening and
 * the verb only says when and whether.  So a noun event that is the
 * object of a support verb (normalizer.tsv kind `support`) is not
 * asserted when that verb is modal, future or itself not asserted, and is
 * negated when the verb is.  Likewise a noun event that is the subject of
 * a modal or future "take place" (kind `happen`: "the evacuation of the
 * residents would take place"), past its own modifiers, is not asserted,
 * and so is a verb event in a conditional clause (kind `condition`: "if
 * the water kept rising", "unless talks resume"), which runs from the
 * condition word to the next comma, semicolon or clause word.  Runs after el_event_arguments, which
 * decides each verb's own assertion. */
#include "stages/event/event_internal.h"

#include <stdlib.h>

#define OBJECT_WINDOW 4   /* determiners, possessors, modifiers between verb and noun */
#define SUBJECT_TAIL 8    /* a subject's own modifiers between the noun and the modal */
#define CONDITION_WINDOW 10   /* tokens back from an event to its condition word */

static size_t sent_begin(const el_doc *d, size_t tok)
{
    return d->sentences[d->tokens[tok].sentence].tok_begin;
}

static size_t sent_end(const el_doc *d, size_t tok)
{
    return d->sentences[d->tokens[tok].sentence].tok_end;
}

/* Event mention starting at each token, -1 elsewhere. */
static int *event_starts(const el_doc *d)
{
    int *at = malloc((d->ntokens + 1) * sizeof *at);
    if (!at)
        return NULL;
    for (size_t i = 0; i <= d->ntokens; i++)
        at[i] = -1;
    for (size_t e = 0; e < d->nevents; e++)
        at[d->events[e].tok_begin] = (int)e;
    return at;
}

/* The verb says its event may not happen: modal, future, or not asserted. */
static bool unreal_verb(const el_event_mention *v)
{
    return v->modality || v->tense == EL_TENSE_FUTURE || v->intensional;
}

/* A word that may stand between a support verb and its object noun:
 * a determiner, a possessive, an adverb or a plain lower-case word. */
static bool object_filler(const el_doc *d, const uint32_t *roles, size_t i)
{
    uint16_t f = d->tokens[i].flags;
    if ((roles[i] & (EL_R_DET | EL_R_ADV)) || el_tok_is_possessive(d, i))
        return true;
    return (f & EL_TOK_WORD) && !(f & (EL_TOK_CAP | EL_TOK_NUMBER)) &&
           !(el_grammar_roles(roles[i]) & ~(uint32_t)EL_R_NOEVENT);
}

/* The support verb whose object event ev is, or NULL. */
static const el_event_mention *support_verb_of(const el_doc *d, const el_trigger_lexicon *lx,
                                               const uint32_t *roles, const int *at,
                                               const el_event_mention *ev)
{
    size_t sb = sent_begin(d, ev->tok_begin);
    for (size_t j = ev->tok_begin, steps = 0; j > sb && steps <= OBJECT_WINDOW; steps++) {
        j--;
        if (at[j] >= 0) {
            const el_event_mention *v = &d->events[at[j]];
            bool verb = v->tense != EL_TENSE_NONE || v->modality;
            return verb && el_trigger_word_is(lx, d, j, EL_NW_SUPPORT) ? v : NULL;
        }
        if (el_trigger_word_is(lx, d, j, EL_NW_SUPPORT) &&
            !el_trigger_word_is(lx, d, j + 1, EL_NW_HAPPEN))
            return NULL;   /* a support verb the stage did not read as an event: no tense known */
        if (!object_filler(d, roles, j))
            return NULL;
    }
    return NULL;
}

/* Noun event ev is the subject of a modal or future "take place":
 * "the evacuation would take place", "the meeting will take place". */
static bool subject_of_unreal_happen(const el_doc *d, const el_trigger_lexicon *lx,
                                     const uint32_t *roles, const int *at,
                                     const el_event_mention *ev)
{
    size_t k = ev->tok_end, se = sent_end(d, ev->tok_begin);
    for (size_t steps = 0; k < se && steps < SUBJECT_TAIL && !(roles[k] & (EL_R_MODAL | EL_R_WILL));
         steps++, k++)   /* its own modifiers: "the evacuation of the residents would" */
        if (at[k] >= 0 || (roles[k] & EL_R_CLAUSE) || el_tok_is(d, k, ",") || el_tok_is(d, k, ";"))
            return false;
    if (k >= se || !(roles[k] & (EL_R_MODAL | EL_R_WILL)))
        return false;
    for (k++; k < se && (roles[k] & (EL_R_ADV | EL_R_NEG)); k++)
        ;
    return k + 1 < se && el_trigger_word_is(lx, d, k, EL_NW_SUPPORT) &&
           el_trigger_word_is(lx, d, k + 1, EL_NW_HAPPEN);
}

/* Is ev in a conditional clause: a condition word before it in its
 * sentence with no comma, semicolon or other clause word in between? */
static bool in_condition(const el_doc *d, const el_trigger_lexicon *lx, const uint32_t *roles,
                         const el_event_mention *ev)
{
    size_t sb = sent_begin(d, ev->tok_begin);
    for (size_t j = ev->tok_begin, steps = 0; j > sb && steps < CONDITION_WINDOW; steps++) {
        j--;
        if (el_trigger_word_is(lx, d, j, EL_NW_CONDITION))
            return true;
        if (el_tok_is(d, j, ",") || el_tok_is(d, j, ";") || (roles[j] & EL_R_CLAUSE))
            return false;
    }
    return false;
}

void el_event_factuality(el_doc *d, const el_trigger_lexicon *lx, const uint32_t *roles)
{
    int *at = event_starts(d);
    if (!at)
        return;
    for (size_t e = 0; e < d->nevents; e++) {   /* in text order: a verb before its object */
        el_event_mention *ev = &d->events[e];
        /* a verb; a noun there is presupposed ("if they would meet during the visit") */
        if ((ev->tense != EL_TENSE_NONE || ev->modality) && in_condition(d, lx, roles, ev))
            ev->intensional = true;
        if (ev->modality || ev->aspect != EL_ASPECT_NONE ||
            (ev->tense != EL_TENSE_NONE && ev->tense != EL_TENSE_PRESENT))
            continue;   /* a verb with its own auxiliaries (a noun may read as a present verb: "talks") */
        const el_event_mention *v = support_verb_of(d, lx, roles, at, ev);
        if (v) {
            ev->intensional |= unreal_verb(v);
            ev->negated |= v->negated;
        }
        if (ev->tense == EL_TENSE_NONE && subject_of_unreal_happen(d, lx, roles, at, ev))
            ev->intensional = true;
    }
    free(at);
}

/* event_class.c - the TimeML class of a verb trigger from what follows it.
 * The lexicon gives each form its usual class; the complement decides:
 *  - an I_ACTION/I_STATE verb needs an event-denoting complement (an
 *    infinitive, a "that"/"whether" clause, an -ing form, an event noun
 *    or "OBJECT to VERB"); followed instead by a place/time preposition or
 *    by a plain noun phrase ("appeared in court", "offered a reward") it
 *    is an OCCURRENCE;
 *  - an OCCURRENCE verb followed by "to" and a verb ("decided to resign",
 *    "threatened to leave") is an I_ACTION;
 *  - a PERCEPTION or ASPECTUAL -ing form after a determiner or a plain
 *    noun is a noun ("the hearing", "an asylum hearing"): an OCCURRENCE.
 * Then the class TimeML data gives the form in its context (the word
 * before and after it; gazetteers/events/timeml-classes.tsv) replaces the
 * rule's when it is clear, and mentions of forms that are seldom events in
 * their context are dropped: untyped ones, and typed nouns ("sales rose",
 * "the offer price"); a typed verb stays, it feeds the timeline.
 * With the learned event model (event_model.c), the model decides which
 * untyped mentions to drop instead, and a clear model class replaces the
 * class of an untyped mention the complement rules left alone.
 * Run by event.c once every trigger of a document is tagged. */
#include "stages/event/event_internal.h"

#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* Longest noun phrase scanned for an event noun or "to VERB". */
#define NP_MAX 6

/* Next token at or after `i` in the sentence that is not an adverb, or
 * `end` if none. */
static size_t skip_adverbs(const uint32_t *roles, size_t i, size_t end)
{
    while (i < end && (roles[i] & (EL_R_ADV | EL_R_NEG)) && !(roles[i] & EL_R_AUX))
        i++;
    return i;
}

static size_t sentence_end(const el_doc *doc, size_t tok)
{
    return doc->sentences[doc->tokens[tok].sentence].tok_end;
}

/* Does the trigger lexicon read token i as a form with reading `pos` and
 * morphology among `morph`? */
static bool lexicon_reads(const el_trigger_lexicon *lx, const el_doc *doc, size_t i, char pos,
                          unsigned morph)
{
    uint32_t pl[8];
    size_t np = 0;
    if (el_lexicon_match_all(lx->forms, doc, i, pl, 8, &np) == 0)
        return false;
    for (size_t k = 0; k < np; k++)
        if (lx->trig[pl[k]].pos == pos && (lx->trig[pl[k]].morph & morph))
            return true;
    return false;
}

static bool lower_word(const el_doc *doc, size_t i)
{
    uint16_t f = doc->tokens[i].flags;
    return (f & EL_TOK_WORD) && !(f & (EL_TOK_CAP | EL_TOK_NUMBER));
}

/* "to" followed by a base-form verb at token i. */
static bool to_infinitive(const el_trigger_lexicon *lx, const el_doc *doc, const uint32_t *roles,
                          size_t i, size_t end)
{
    if (i >= end || !(roles[i] & EL_R_TO))
        return false;
    size_t v = skip_adverbs(roles, i + 1, end);
    if (v >= end || !lower_word(doc, v) || (roles[v] & (EL_R_DET | EL_R_PRON)))
        return false;
    return (roles[v] & EL_R_BE_BASE) || lexicon_reads(lx, doc, v, 'V', EL_M_VB);
}

/* A clausal or verbal complement starts at token i: a complementizer,
 * an infinitive or an -ing verb. */
static bool clausal_complement(const el_trigger_lexicon *lx, const el_doc *doc,
                               const uint32_t *roles, size_t i, size_t end)
{
    if (i >= end)
        return false;
    if (roles[i] & EL_R_COMP)
        return true;
    if (to_infinitive(lx, doc, roles, i, end))
        return true;
    return lower_word(doc, i) && lexicon_reads(lx, doc, i, 'V', EL_M_VBG);
}

/* Scan from token i to the next clause boundary (at most `lim` tokens):
 * does a complementizer or "to VERB" follow ("agreed in June to buy",
 * "asked Congress to approve")? */
static bool complement_ahead(const el_trigger_lexicon *lx, const el_doc *doc,
                             const uint32_t *roles, size_t i, size_t end, size_t lim)
{
    for (size_t k = i; k < end && k < i + lim; k++) {
        if ((roles[k] & EL_R_COMP) || to_infinitive(lx, doc, roles, k, end))
            return true;
        if (roles[k] & EL_R_CLAUSE)
            return false;
    }
    return false;
}

/* The noun phrase object starting at i holds an event mention ("approved
 * the merger"): an event argument. */
static bool object_is_event(const el_doc *doc, const uint32_t *roles, const uint8_t *is_event,
                            size_t i, size_t end)
{
    for (size_t k = i; k < end && k < i + NP_MAX; k++) {
        if (roles[k] & (EL_R_CLAUSE | EL_R_TIME_PREP | EL_R_LOC_PREP | EL_R_AUX))
            return false;
        if (is_event[k] && lower_word(doc, k))
            return true;
    }
    return false;
}

static bool ends_ing(const el_doc *doc, size_t i)
{
    size_t n;
    const char *s = el_tok_text(doc, i, &n);
    return n > 4 && memcmp(s + n - 3, "ing", 3) == 0;
}

/* Token n opens a noun phrase object that is no event: an object pronoun,
 * or a determiner or number not followed by an event noun ("a reward",
 * "him").  Bare nouns are left alone: too often an event the lexicon
 * does not know. */
static bool plain_object(const el_doc *doc, const uint32_t *roles, const uint8_t *is_event,
                         size_t n, size_t end)
{
    if (roles[n] & EL_R_PRON)
        return lower_word(doc, n);
    if ((roles[n] & EL_R_DET) || (doc->tokens[n].flags & EL_TOK_NUMBER))
        return !object_is_event(doc, roles, is_event, n, end);
    return false;
}

/* A passive or perfect participle after a form of "be" ("was used to"). */
static bool passive(const el_doc *doc, const uint32_t *roles, size_t tb)
{
    size_t sb = doc->sentences[doc->tokens[tb].sentence].tok_begin;
    for (size_t j = tb; j > sb;) {
        j--;
        if ((roles[j] & (EL_R_ADV | EL_R_NEG)) && !(roles[j] & EL_R_AUX))
            continue;
        return (roles[j] & (EL_R_BE_PRES | EL_R_BE_PAST | EL_R_BE_PART | EL_R_BE_BASE |
                            EL_R_BE_ING)) != 0;
    }
    return false;
}

static el_event_class intensional_class(const el_trigger_lexicon *lx, const el_doc *doc,
                                        const uint32_t *roles, const uint8_t *is_event,
                                        size_t te, el_event_class cls)
{
    size_t end = sentence_end(doc, te - 1);
    size_t n = skip_adverbs(roles, te, end);
    if (n >= end || clausal_complement(lx, doc, roles, n, end) ||
        complement_ahead(lx, doc, roles, n, end, 2 * NP_MAX))
        return cls;
    if ((roles[n] & EL_R_LOC_PREP) && !(roles[n] & EL_R_TO))
        return EL_EV_OCCURRENCE;   /* "appeared in court" */
    if (cls == EL_EV_I_ACTION && plain_object(doc, roles, is_event, n, end))
        return EL_EV_OCCURRENCE;   /* "offered a reward" */
    return cls;
}


/* The trigger stands where a noun stands: after a determiner, a
 * possessive "'s" or a plain noun ("the hearing", "an asylum hearing"). */
static bool noun_position(const uint32_t *roles, const uint8_t *is_event, const el_doc *doc,
                          size_t tb, bool det_only)
{
    size_t sb = doc->sentences[doc->tokens[tb].sentence].tok_begin;
    for (size_t j = tb; j > sb;) {
        j--;
        if ((roles[j] & EL_R_ADV) && !(roles[j] & EL_R_AUX))
            continue;
        if (roles[j] & EL_R_DET)
            return true;
        return !det_only && lower_word(doc, j) && !el_grammar_roles(roles[j]) && !is_event[j];
    }
    return false;
}

static el_event_class context_class(const el_trigger_lexicon *lx, const el_doc *doc,
                                    const uint32_t *roles, const uint8_t *is_event,
                                    const el_event_mention *ev)
{
    el_event_class cls = ev->cls;
    bool verb = ev->tense != EL_TENSE_NONE || ev->modality;
    size_t tb = ev->tok_begin, te = ev->tok_end;
    if ((cls == EL_EV_PERCEPTION || cls == EL_EV_ASPECTUAL) && ends_ing(doc, tb) &&
        noun_position(roles, is_event, doc, tb, false))
        return EL_EV_OCCURRENCE;   /* "the hearing", "an asylum hearing" */
    if (noun_position(roles, is_event, doc, tb, true))
        return cls;
    if (!verb || te <= tb)
        return cls;
    if (cls == EL_EV_I_ACTION || cls == EL_EV_I_STATE)
        return intensional_class(lx, doc, roles, is_event, te, cls);
    if (cls == EL_EV_ASPECTUAL) {
        size_t end = sentence_end(doc, te - 1);
        size_t n = skip_adverbs(roles, te, end);
        if (n < end && plain_object(doc, roles, is_event, n, end))
            return EL_EV_OCCURRENCE;   /* "kept the boy" */
    }
    if (cls == EL_EV_OCCURRENCE && !passive(doc, roles, tb)) {
        size_t end = sentence_end(doc, te - 1);
        if (to_infinitive(lx, doc, roles, skip_adverbs(roles, te, end), end))
            return EL_EV_I_ACTION;   /* "decided to resign" */
    }
    return cls;
}

/* ---- learned class and eventness (timeml-classes.tsv) ------------------ */

/* A learned row counts for eventness from this many occurrences on, and
 * marks a form as seldom an event below this share. */
#define RARE_MIN_OCC 8
#define RARE_EVENTNESS 0.3f
/* A learned row decides the class from this many events on. */
#define LEARNED_MIN_EVENTS 3


/* Context of the word before token tb (adverbs skipped), as
 * tools/data/build_event_classes.py computes it. */
int el_event_prev_context(const uint32_t *roles, size_t tb)
{
    size_t j = tb;
    while (j > 0 && (roles[j - 1] & (EL_R_ADV | EL_R_NEG)) && !(roles[j - 1] & EL_R_AUX))
        j--;
    uint32_t r = j > 0 ? roles[j - 1] : 0;
    if (r & EL_R_TO) return EL_CTX_P_TO;
    if (r & (EL_R_WILL | EL_R_MODAL | EL_R_DO_PRES | EL_R_DO_PAST)) return EL_CTX_P_MOD;
    if (r & (EL_R_HAVE_PRES | EL_R_HAVE_PAST | EL_R_HAVE_BASE)) return EL_CTX_P_HAVE;
    if (r & (EL_R_BE_PRES | EL_R_BE_PAST | EL_R_BE_PART | EL_R_BE_BASE | EL_R_BE_ING))
        return EL_CTX_P_BE;
    if (r & EL_R_DET) return EL_CTX_P_DET;
    return EL_CTX_P_NONE;
}

/* Context of the word after token te - 1 (adverbs skipped). */
int el_event_next_context(const el_doc *doc, const uint32_t *roles, size_t te)
{
    size_t n = skip_adverbs(roles, te, doc->ntokens);
    uint32_t r = n < doc->ntokens ? roles[n] : 0;
    if (r & EL_R_TO) return EL_CTX_N_TO;
    if (r & EL_R_COMP) return EL_CTX_N_COMP;
    if (r & (EL_R_DET | EL_R_PRON)) return EL_CTX_N_OBJ;
    if (r & (EL_R_LOC_PREP | EL_R_TIME_PREP)) return EL_CTX_N_PREP;
    return EL_CTX_N_NONE;
}

/* The rows for a one-token trigger: any context, before, after (the most
 * specific last).  `id` is the trigger reading's record, or
 * EL_LEARNED_UNKNOWN to look the form up (the generic verb rule). */
static size_t learned_rows(const el_trigger_lexicon *lx, const el_doc *doc, const uint32_t *roles,
                           const el_event_mention *ev, int32_t id, const el_form_ctx *rows[3])
{
    if (ev->tok_end != ev->tok_begin + 1)
        return 0;
    uint32_t found;
    if (id == EL_LEARNED_UNKNOWN)
        id = el_lexicon_match(lx->classes, doc, ev->tok_begin, &found) == 1 ? (int32_t)found : -1;
    if (id < 0)
        return 0;
    const el_form_stats *st = &lx->stats[id];
    int ids[3] = {EL_CTX_ALL, el_event_prev_context(roles, ev->tok_begin),
                  el_event_next_context(doc, roles, ev->tok_end)};
    size_t n = 0;
    for (size_t k = 0; k < 3; k++)
        if (st->ctx[ids[k]].occ)
            rows[n++] = &st->ctx[ids[k]];
    return n;
}

/* The class of the most specific row with enough events (after, before,
 * any context), or `cls` when that row's class is mixed or `cls` is seen
 * there (EL_CLASS_SEEN_PCT): the data must contradict the rule, not merely
 * prefer another class. */
static el_event_class learned_class(const el_form_ctx *const *rows, size_t n, el_event_class cls)
{
    for (size_t k = n; k > 0; k--) {
        const el_form_ctx *r = rows[k - 1];
        if (r->events < LEARNED_MIN_EVENTS)
            continue;
        if (r->cls < 0 || (r->seen >> cls & 1u))
            return cls;
        return (el_event_class)r->cls;
    }
    return cls;
}

/* Is the form seldom an event here (a row with enough occurrences)? */
static bool learned_rare(const el_form_ctx *const *rows, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (rows[k]->occ >= RARE_MIN_OCC &&
            (float)rows[k]->events < RARE_EVENTNESS * (float)rows[k]->occ)
            return true;
    return false;
}

/* ---- the learned event model (event-model.tsv) ------------------------- */

/* With a model, it replaces the eventness of the per-form rows above: an
 * untyped mention is dropped when the model scores "no event" this much
 * above its best class; and the model's class replaces that of an untyped
 * mention when it scores this much above it.  Chosen with tools/eval/cv-events
 * (5 pooled folds over TBAQ and learning on one set, scoring the other): a
 * lower drop margin gains more on the pooled folds but loses on AQUAINT
 * when learned on TimeBank; from 12 on, no figure is below the stage
 * without the model by more than 0.1. */
#define MODEL_DROP_MARGIN 12.0f
#define MODEL_CLASS_MARGIN 10.0f

/* Revise the class *cls of an untyped mention from the model's scores
 * (only when `revisable`: the complement rules above, which follow the
 * TimeML guidelines, left the lexicon's class); false: drop the mention.
 * Typed mentions keep their lexicon class and are never dropped (they
 * feed the timeline), so they are not scored. */
static bool model_class(const el_event_model *m, const el_doc *doc, const uint32_t *roles,
                        const el_event_mention *ev, bool revisable, el_event_class *cls)
{
    float sc[EL_MODEL_LABELS];
    el_event_model_score(m, doc, roles, ev->tok_begin, sc);
    el_event_class best = el_event_model_best_class(sc);
    if (sc[0] - sc[1 + best] > MODEL_DROP_MARGIN)
        return false;
    if (revisable && sc[1 + best] - sc[1 + *cls] > MODEL_CLASS_MARGIN)
        *cls = best;
    return true;
}

/* An I_ACTION/I_STATE word right before an event ("the scheduled visit",
 * "a planned strike"): it makes that event intensional (not asserted), so
 * the model does not drop it (its NONE weights come from the form and
 * context, not from what it modifies). */
static bool scopes_next_event(const el_event_mention *ev, const uint8_t *is_event)
{
    return (ev->cls == EL_EV_I_ACTION || ev->cls == EL_EV_I_STATE) && is_event[ev->tok_end];
}

void el_event_context_classes(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles,
                              const int32_t *learned_at)
{
    uint8_t *is_event = el_calloc(doc->ntokens + 1, 1);
    for (size_t e = 0; e < doc->nevents; e++)
        is_event[doc->events[e].tok_begin] = 1;
    size_t kept = 0;
    for (size_t e = 0; e < doc->nevents; e++) {
        el_event_mention *ev = &doc->events[e];
        const el_form_ctx *rows[3];
        size_t n = learned_rows(lx, doc, roles, ev, learned_at[ev->tok_begin], rows);
        /* seldom-event forms go: typed nouns, and untyped mentions unless
         * the model decides on those (model_class) */
        bool rare_drops = lx->model ? ev->type && ev->tense == EL_TENSE_NONE
                                    : !ev->type || ev->tense == EL_TENSE_NONE;
        if (rare_drops && learned_rare(rows, n))
            continue;   /* (its strings are the document's: they go with it) */
        el_event_class ctx = context_class(lx, doc, roles, is_event, ev);
        el_event_class cls = learned_class(rows, n, ctx);
        if (lx->model && !ev->type && !scopes_next_event(ev, is_event) &&
            !model_class(lx->model, doc, roles, ev, ctx == ev->cls, &cls))
            continue;
        ev->cls = cls;
        if (kept != e)
            doc->events[kept] = *ev;
        kept++;
    }
    doc->nevents = kept;
    free(is_event);
}

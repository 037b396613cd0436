/* event_stage.c - the event stage (see event.h): one pass over the tokens with
 * the trigger trie; each match is read as verb or noun from its context,
 * gets tense and aspect from the auxiliaries before it, polarity from
 * negation, modality from modal verbs; then event_args.c attaches
 * participants, location and time and adds the in-document TLINKs.
 * A generic rule adds verb-like words after an auxiliary that the lexicon
 * does not know (TimeML annotates nearly every verb). */
#include "stages/event/event_internal.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_READINGS 8

/* Context before a trigger: the auxiliary chain (nearest first), negation. */
typedef struct aux_chain {
    uint32_t role[3];      /* roles of up to three auxiliaries, nearest first */
    size_t tok[3];
    size_t n;
    bool negated;
    uint32_t prev_role;    /* roles of the token right before (adverbs skipped) */
    size_t prev;           /* that token, or SIZE_MAX at the sentence start */
    bool prev_is_word;
} aux_chain;

/* What the words before a lexicon form say about its reading (read only
 * when the form has readings to choose from). */
typedef struct noun_cues {
    bool possessive;       /* right after "'s" */
    bool attributive;      /* after a modifier after a determiner ("the scheduled") */
    bool name_modifier;    /* after a name after one ("the U.S.") */
    bool event_noun;       /* after an event noun ("bomb" in "bomb attacks") */
} noun_cues;

static bool glued_hyphen(const el_doc *doc, size_t k)
{
    return (doc->tokens[k].flags & EL_TOK_GLUED) && el_tok_is(doc, k, "-");
}

/* A lower-case word without a grammar role: an adjective, noun or
 * participle as far as the event stage can tell. */
static bool plain_lower(const el_doc *doc, const uint32_t *roles, size_t j)
{
    uint16_t f = doc->tokens[j].flags;
    return !el_grammar_roles(roles[j]) && (f & EL_TOK_WORD) && !(f & EL_TOK_CAP);
}

/* "the U.S. visit", "a Paris summit", "the highest-level U.S. visit": a
 * name (capitalized words, maybe after a hyphenated one; five tokens at
 * most) after a determiner or a number modifies the noun after it. */
static bool name_modifier_before(const el_doc *doc, const uint32_t *roles, size_t j, size_t sb)
{
    size_t k = j + 1, caps = 0;
    while (k > sb + 1 && j + 1 - k < 5) {
        const el_token *t = &doc->tokens[k - 1];
        bool hyphen = glued_hyphen(doc, k - 1);
        if ((el_grammar_roles(roles[k - 1]) & ~(uint32_t)EL_R_ADV) ||
            !(t->flags & EL_TOK_WORD || hyphen) ||
            (t->flags & EL_TOK_SENT_START))
            break;
        caps += (t->flags & EL_TOK_CAP) != 0;
        k--;
    }
    return caps > 0 && (doc->tokens[j].flags & EL_TOK_CAP) && k > sb &&
           (((roles[k - 1] & EL_R_DET) && !el_tok_is_possessive(doc, k - 1)) ||
            (roles[k - 1] & EL_R_QUANT) ||
            (doc->tokens[k - 1].flags & EL_TOK_NUMBER));   /* "three Atlanta attacks" */
}

/* "the scheduled visit", "X's original planned trip", "the peace talks",
 * "a five-hour visit": lower-case words (up to four tokens, with glued
 * hyphens and numbers) after a determiner modify the noun after them. */
static bool attributive_before(const el_doc *doc, const uint32_t *roles, size_t j, size_t sb)
{
    if (j <= sb || !plain_lower(doc, roles, j))
        return false;
    size_t k = j;
    while (k > sb + 1 && j - k < 3) {
        if (!plain_lower(doc, roles, k - 1) && !glued_hyphen(doc, k - 1) &&
            !(doc->tokens[k - 1].flags & EL_TOK_NUMBER))
            break;
        k--;
    }
    return (roles[k - 1] & (EL_R_DET | EL_R_QUANT)) != 0;
}

static bool ends_in_ed(const el_doc *doc, size_t j)
{
    size_t n;
    const char *s = el_tok_text(doc, j, &n);
    return n > 3 && s[n - 2] == 'e' && s[n - 1] == 'd';
}

/* Does an object start right after token `tok` (a determiner, pronoun,
 * name or number: "the envoy visits the region")?  Then "the envoy
 * visits" is subject and verb, not one noun phrase. */
static bool object_follows(const el_doc *doc, const uint32_t *roles, size_t tok)
{
    size_t k = tok + 1;
    if (k >= doc->ntokens || doc->tokens[k].sentence != doc->tokens[tok].sentence)
        return false;
    return (roles[k] & (EL_R_DET | EL_R_PRON)) ||
           (doc->tokens[k].flags & (EL_TOK_CAP | EL_TOK_NUMBER));
}

static aux_chain read_aux_chain(const el_doc *doc, const uint32_t *roles, size_t tok)
{
    aux_chain ch = {{0}, {0}, 0, false, 0, SIZE_MAX, false};
    size_t sb = doc->sentences[doc->tokens[tok].sentence].tok_begin;
    bool first = true;
    for (size_t j = tok; j > sb && ch.n < 3;) {
        j--;
        uint32_t r = roles[j];
        if (r & EL_R_NEG)
            ch.negated = true;
        if ((r & (EL_R_ADV | EL_R_NEG)) && !(r & EL_R_AUX))
            continue;
        if (first) {
            ch.prev_role = r;
            ch.prev = j;
            ch.prev_is_word = (doc->tokens[j].flags & EL_TOK_WORD) != 0;
            first = false;
        }
        if (!(r & (EL_R_AUX | EL_R_TO)))
            break;
        ch.role[ch.n] = r;
        ch.tok[ch.n++] = j;
        if (r & (EL_R_TO | EL_R_WILL | EL_R_MODAL | EL_R_DO_PRES | EL_R_DO_PAST))
            break;   /* nothing before these changes the reading */
    }
    return ch;
}

static noun_cues read_noun_cues(const el_doc *doc, const uint32_t *roles, size_t tok,
                                const aux_chain *ch)
{
    noun_cues nc = {false, false, false, false};
    size_t j = ch->prev, sb = doc->sentences[doc->tokens[tok].sentence].tok_begin;
    if (j != SIZE_MAX) {
        nc.possessive = (ch->prev_role & EL_R_DET) && el_tok_is_possessive(doc, j);
        nc.attributive = attributive_before(doc, roles, j, sb) &&
                         (ends_in_ed(doc, j) || !object_follows(doc, roles, tok));
        nc.name_modifier = name_modifier_before(doc, roles, j, sb);
    }
    const el_event_mention *last = doc->nevents ? &doc->events[doc->nevents - 1] : NULL;
    nc.event_noun = last && last->tok_end == tok && last->tense == EL_TENSE_NONE &&
                    !last->modality;
    return nc;
}

/* Modal word of the chain (lower case, among doc's strings), or NULL. */
static char *chain_modality(el_doc *doc, const aux_chain *ch)
{
    for (size_t k = 0; k < ch->n; k++)
        if (ch->role[k] & (EL_R_MODAL | EL_R_WILL)) {
            size_t n;
            const char *s = el_tok_text(doc, ch->tok[k], &n);
            char *m = el_doc_strn(doc, s, n);
            for (char *p = m; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p = (char)(*p + 32);
            return m;
        }
    return NULL;
}

/* Tense of the auxiliary furthest back that carries one. */
static el_tense tense_of_aux(uint32_t r, el_tense dflt)
{
    if (r & EL_R_WILL) return EL_TENSE_FUTURE;
    if (r & EL_R_MODAL) return EL_TENSE_NONE;
    if (r & EL_R_TO) return EL_TENSE_INFINITIVE;
    if (r & (EL_R_BE_PAST | EL_R_HAVE_PAST | EL_R_DO_PAST)) return EL_TENSE_PAST;
    if (r & (EL_R_BE_PRES | EL_R_HAVE_PRES | EL_R_DO_PRES)) return EL_TENSE_PRESENT;
    return dflt;
}

static el_tense chain_tense(const aux_chain *ch, el_tense dflt)
{
    el_tense t = dflt;
    for (size_t k = 0; k < ch->n; k++)
        t = tense_of_aux(ch->role[k], t);
    return t;
}

static bool chain_has(const aux_chain *ch, uint32_t bits)
{
    for (size_t k = 0; k < ch->n; k++)
        if (ch->role[k] & bits)
            return true;
    return false;
}

/* Tense and aspect of a verb reading from its form and auxiliaries. */
static void verb_tense_aspect(unsigned morph, const aux_chain *ch, el_tense *tense,
                              el_aspect *aspect)
{
    bool perf = chain_has(ch, EL_R_HAVE_PRES | EL_R_HAVE_PAST | EL_R_HAVE_BASE) &&
                (ch->n > 0 && (ch->role[0] & (EL_R_HAVE_PRES | EL_R_HAVE_PAST | EL_R_HAVE_BASE |
                                              EL_R_BE_PART)));
    bool prog = (morph & EL_M_VBG) && ch->n > 0 &&
                (ch->role[0] & (EL_R_BE_PRES | EL_R_BE_PAST | EL_R_BE_PART | EL_R_BE_BASE));
    *aspect = perf && prog ? EL_ASPECT_PERFECTIVE_PROGRESSIVE
              : perf       ? EL_ASPECT_PERFECTIVE
              : prog       ? EL_ASPECT_PROGRESSIVE
                           : EL_ASPECT_NONE;
    if (ch->n > 0) {
        *tense = chain_tense(ch, EL_TENSE_NONE);
        return;
    }
    if (morph & EL_M_VBD) *tense = EL_TENSE_PAST;
    else if (morph & EL_M_VBZ) *tense = EL_TENSE_PRESENT;
    else if (morph & EL_M_VBG) *tense = EL_TENSE_PRESPART;
    else if (morph & EL_M_VBN) *tense = EL_TENSE_PASTPART;
    else *tense = EL_TENSE_PRESENT;
}

/* Pick the reading that fits the context: after a determiner a noun,
 * after an auxiliary or "to" a verb, else the first listed. */
static const el_trigger *choose_reading(const el_trigger_lexicon *lx, const uint32_t *pl,
                                        size_t np, const aux_chain *ch, const noun_cues *nc)
{
    bool want_noun = (ch->prev_role & (EL_R_DET | EL_R_ANY_PREP)) || nc->attributive;
    bool prefer_noun = want_noun || nc->name_modifier || nc->event_noun ||
                       (ch->prev_role & EL_R_QUANT);
    bool want_verb = ch->n > 0 || (ch->prev_role & (EL_R_NEG | EL_R_TO));
    for (size_t k = 0; k < np; k++) {
        const el_trigger *t = &lx->trig[pl[k]];
        if (prefer_noun && t->pos == 'N')
            return t;
        if (want_verb && t->pos == 'V')
            return t;
    }
    const el_trigger *best = &lx->trig[pl[0]];
    /* "a bomb": a verb form after a determiner is not a verb, except after
     * "that", which also opens a relative clause ("the blast that killed") */
    if (want_noun && best->pos == 'V' && !(best->morph & EL_M_VBG) &&
        !(ch->prev_role & (EL_R_CLAUSE | EL_R_ANY_PREP)) && !nc->possessive &&
        !nc->attributive)
        return NULL;   /* but "Iraq's vaunted Guard", "the firm's estimated value" */
    return best;
}

/* A capitalized word inside a sentence is a name ("United States"), not
 * a trigger; headlines in title case are the exception we accept losing. */
static bool proper_name_like(const el_doc *doc, size_t i)
{
    uint16_t f = doc->tokens[i].flags;
    if (!(f & EL_TOK_CAP) || (f & (EL_TOK_SENT_START | EL_TOK_ALLCAPS)))
        return false;
    return !(i > 0 && (doc->tokens[i - 1].flags & (EL_TOK_QUOTE | EL_TOK_PUNCT)) &&
             !el_tok_is(doc, i - 1, ","));
}

/* Block the part of token k's sentence that lies on k's line (a credit
 * line the splitter joined to the next sentence keeps that sentence). */
static void block_line(const el_doc *doc, uint8_t *b, size_t k)
{
    const char *t = doc->text;
    const el_sentence *s = &doc->sentences[doc->tokens[k].sentence];
    size_t lo = k, hi = k;
    while (lo > s->tok_begin && !memchr(t + doc->tokens[lo - 1].end, '\n',
                                        doc->tokens[lo].start - doc->tokens[lo - 1].end))
        lo--;
    while (hi < s->tok_end && (hi == k || !memchr(t + doc->tokens[hi - 1].end, '\n',
                                                  doc->tokens[hi].start - doc->tokens[hi - 1].end)))
        hi++;
    memset(b + lo, 1, hi - lo);
}

/* Tokens covered by an entity mention or a time expression, or on the
 * line of a sentence holding a credit phrase (credits.tsv: bylines, "contributed to this
 * report", "(Reporting by"): no trigger there ("State Department", "the
 * previous day", "Jane Doe contributed to this report"). */
static uint8_t *blocked_tokens(const el_doc *doc, const el_trigger_lexicon *lx)
{
    uint8_t *b = el_calloc(doc->ntokens + 1, 1);
    uint32_t payload;
    for (size_t k = 0; k < doc->ntokens; k++)
        if (el_lexicon_match(lx->credits, doc, k, &payload) > 0)
            block_line(doc, b, k);
    for (size_t m = 0; m < doc->nmentions; m++)
        for (size_t k = doc->mentions[m].tok_begin; k < doc->mentions[m].tok_end && k < doc->ntokens; k++)
            b[k] = 1;
    for (size_t t = 0; t < doc->ntimexes; t++)
        for (size_t k = doc->timexes[t].tok_begin; k < doc->timexes[t].tok_end && k < doc->ntokens; k++)
            b[k] = 1;
    return b;
}

static bool any_blocked(const uint8_t *b, size_t tb, size_t te)
{
    for (size_t k = tb; k < te; k++)
        if (b[k])
            return true;
    return false;
}

/* "was not announced until an hour before": "not ... until" says when it
 * happened, so the verb is not negated.  Looks at the clause after the
 * trigger ending at te, up to UNTIL_WINDOW tokens. */
#define UNTIL_WINDOW 8
static bool until_follows(const el_doc *doc, const uint32_t *roles, size_t te)
{
    size_t se = doc->sentences[doc->tokens[te - 1].sentence].tok_end;
    for (size_t k = te; k < se && k < te + UNTIL_WINDOW; k++) {
        if (el_word_in(roles[k], EL_W(EL_W_UNTIL)))
            return true;
        if ((roles[k] & EL_R_CLAUSE) || el_tok_is(doc, k, ","))
            return false;
    }
    return false;
}

static void add_mention(el_doc *doc, const uint32_t *roles, size_t tb, size_t te,
                        const el_trigger *t, const aux_chain *ch)
{
    el_event_mention *ev = el_doc_add_event(doc, (uint32_t)tb, (uint32_t)te, t->cls, t->type,
                                            t->lemma);
    ev->confidence = t->type ? 0.9f : 0.8f * t->weight;
    if (t->pos == 'V') {
        verb_tense_aspect(t->morph, ch, &ev->tense, &ev->aspect);
        ev->modality = chain_modality(doc, ch);
        ev->negated = ch->negated && !until_follows(doc, roles, te);
    }
}

/* Could token i be an untyped verb at all (a lower-case word without a
 * grammar role)?  Tested before the auxiliary chain is read. */
static bool generic_shape(const el_doc *doc, const uint32_t *roles, size_t i)
{
    const el_token *t = &doc->tokens[i];
    return (t->flags & EL_TOK_WORD) && !(t->flags & (EL_TOK_CAP | EL_TOK_NUMBER)) &&
           !el_grammar_roles(roles[i]);
}

/* A lower-case word that is not a function word, after an auxiliary,
 * modal or "to" (adverbs skipped), or any "-ed" word after another word
 * that is not a determiner, read as an untyped verb. */
static bool generic_verb(const el_doc *doc, const uint32_t *roles, size_t i, const aux_chain *ch)
{
    if (!generic_shape(doc, roles, i))
        return false;
    size_t n;
    const char *s = el_tok_text(doc, i, &n);
    bool ed = n > 4 && memcmp(s + n - 2, "ed", 2) == 0;
    bool ing = n > 5 && memcmp(s + n - 3, "ing", 3) == 0;
    if (ch->n == 0)
        return (ed || ing) && !(ch->prev_role & (EL_R_DET | EL_R_TO)) && ch->prev_is_word;
    bool suffixed = (n > 4 && memcmp(s + n - 3, "ing", 3) == 0) || ed;
    uint32_t r = ch->role[0];
    if (r & (EL_R_TO | EL_R_MODAL | EL_R_WILL | EL_R_DO_PRES | EL_R_DO_PAST))
        return n > 1 && !(n > 2 && memcmp(s + n - 2, "ly", 2) == 0);
    return suffixed;
}

static void tag_generic(el_doc *doc, const uint32_t *roles, size_t i, const aux_chain *ch)
{
    size_t n;
    const char *s = el_tok_text(doc, i, &n);
    unsigned morph = n > 4 && memcmp(s + n - 3, "ing", 3) == 0 ? EL_M_VBG
                     : n > 3 && memcmp(s + n - 2, "ed", 2) == 0 ? EL_M_VBN | EL_M_VBD
                                                              : EL_M_VB;
    char lemma[64];
    size_t ln = n < 63 ? n : 63;
    memcpy(lemma, s, ln);   /* (no format parser for every untyped verb) */
    lemma[ln] = '\0';
    for (char *p = lemma; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    el_trigger t = {lemma, NULL, EL_EV_OCCURRENCE, 'V', morph, 0.5f, -1};
    add_mention(doc, roles, i, i + 1, &t, ch);
}

/* Could generic_verb accept token i at all?  Without an "-ed"/"-ing"
 * ending it needs an auxiliary or "to" right before (adverbs skipped), so
 * the chain is only read when the token before could start one: most
 * lower-case words are neither (a cheap test before read_aux_chain). */
static bool generic_possible(const el_doc *doc, const uint32_t *roles, size_t i)
{
    size_t n;
    const char *s = el_tok_text(doc, i, &n);
    if (n > 4 && (memcmp(s + n - 2, "ed", 2) == 0 || memcmp(s + n - 3, "ing", 3) == 0))
        return true;
    return i > 0 && (roles[i - 1] & (EL_R_AUX | EL_R_TO | EL_R_ADV | EL_R_NEG));
}

/* A form rarely annotated as an event (looked up only when it matters). */
static bool weak_form(const el_trigger_lexicon *lx, const el_doc *doc, size_t i)
{
    uint32_t dummy;
    return el_lexicon_match(lx->weak, doc, i, &dummy) == 1;
}

static bool try_generic(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles,
                        size_t i)
{
    aux_chain ch = read_aux_chain(doc, roles, i);
    if (!generic_verb(doc, roles, i, &ch) || weak_form(lx, doc, i))
        return false;
    tag_generic(doc, roles, i, &ch);
    return true;
}

/* A word the model scores as an event this much above "no event" is an
 * untyped event of the model's class even when no rule takes it (chosen
 * by 5-fold document cross-validation over TBAQ). */
#define MODEL_ADD_MARGIN 0.0f

/* A word no rule takes, tagged when the learned model (which has rows for
 * its form) calls it an event: a verb after an auxiliary or "to", else a
 * noun or adjective (no tense). */
static void try_model(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles, size_t i)
{
    if (!lx->model || !(doc->tokens[i].flags & EL_TOK_WORD) || el_grammar_roles(roles[i]) ||
        proper_name_like(doc, i))
        return;
    float sc[EL_MODEL_LABELS];
    if (!el_event_model_score_new(lx->model, doc, roles, i, sc))
        return;
    el_event_class best = el_event_model_best_class(sc);
    if (sc[1 + best] - sc[0] <= MODEL_ADD_MARGIN)
        return;
    aux_chain ch = read_aux_chain(doc, roles, i);
    size_t at = doc->nevents;
    tag_generic(doc, roles, i, &ch);
    el_event_mention *ev = &doc->events[at];
    ev->cls = best;
    if (ch.n == 0 && !(ch.prev_role & EL_R_TO)) {
        ev->tense = EL_TENSE_NONE;
        ev->aspect = EL_ASPECT_NONE;
    }
}

static void find_triggers(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles,
                          int32_t *learned_at)
{
    uint32_t pl[MAX_READINGS];
    uint8_t *blocked = blocked_tokens(doc, lx);
    for (size_t i = 0; i < doc->ntokens;) {
        size_t np = 0;
        size_t len = el_lexicon_match_all(lx->forms, doc, i, pl, MAX_READINGS, &np);
        if (len == 0 || np == 0) {
            if (!blocked[i] && !(generic_shape(doc, roles, i) && generic_possible(doc, roles, i) &&
                                 try_generic(doc, lx, roles, i)))   /* cheap tests first */
                try_model(doc, lx, roles, i);
            i++;
            continue;
        }
        aux_chain ch = read_aux_chain(doc, roles, i);
        const el_trigger *t = NULL;
        if (!proper_name_like(doc, i)) {
            noun_cues nc = read_noun_cues(doc, roles, i, &ch);
            t = choose_reading(lx, pl, np, &ch, &nc);
        }
        if (t && len == 1 && !t->type && weak_form(lx, doc, i))
            t = NULL;
        if (t && !any_blocked(blocked, i, i + len)) {
            add_mention(doc, roles, i, i + len, t, &ch);
            learned_at[i] = t->stats;
        }
        i += len;
    }
    free(blocked);
}

void el_event_tag(el_doc *doc, const el_trigger_lexicon *lx)
{
    if (!lx || !lx->forms || doc->ntokens == 0)
        return;
    uint32_t *roles = el_event_token_roles(doc, lx);
    int32_t *learned_at = el_malloc(doc->ntokens * sizeof *learned_at);
    for (size_t i = 0; i < doc->ntokens; i++)
        learned_at[i] = EL_LEARNED_UNKNOWN;
    find_triggers(doc, lx, roles, learned_at);
    el_event_apply_senses(doc, lx, roles, learned_at);
    el_event_context_classes(doc, lx, roles, learned_at);
    free(learned_at);
    el_event_arguments(doc, lx, roles);
    el_event_factuality(doc, lx, roles);
    el_event_links(doc, lx, roles);
    free(roles);
    el_doc_fit(doc);
}

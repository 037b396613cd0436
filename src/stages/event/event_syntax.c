/* event_syntax.c - participants of verbal event mentions from the
 * dependency analysis, when the syntax stage has run (see
 * event_internal.h, el_event_syntax_args).
 *
 * The subject is the verb's nsubj (or, through xcomp and conj, the
 * subject of the verb it depends on); in the passive the "by" agent
 * (obl:agent) is the subject and the nsubj:pass the object.  A participle
 * modifying a noun (acl) without a subject of its own has that noun: its
 * subject when active ("a storm moving north"), its object when passive
 * ("the deal blocked by the regulator").  Objects: obj, iobj and their
 * conjuncts; when the object is no name, the name owning it ("rejected
 * the agency's bid": the agency).  Only entity mentions take part, as on
 * the default path: a subject that is no name ("a federal judge") stays
 * unknown instead of borrowing a nearby name. */
#include "stages/event/event_internal.h"
#include "stages/syntax/syntax.h"

#include <stdlib.h>

/* Who or what can take part (the default path's can_participate). */
static bool participant_type(const el_mention *m)
{
    return m->type == EL_ENT_PERSON || m->type == EL_ENT_ORGANIZATION ||
           m->type == EL_ENT_LOCATION || m->type == EL_ENT_PRODUCT ||
           m->type == EL_ENT_FINANCIAL;
}

int *el_event_mention_cover(const el_doc *d)
{
    int *cover = malloc((d->ntokens + 1) * sizeof *cover);
    if (!cover)
        return NULL;
    for (size_t i = 0; i <= d->ntokens; i++)
        cover[i] = -1;
    for (size_t m = 0; m < d->nmentions; m++) {
        const el_mention *mn = &d->mentions[m];
        for (uint32_t t = mn->tok_begin; t < mn->tok_end && t < d->ntokens; t++)
            if (cover[t] < 0)
                cover[t] = (int)m;
    }
    return cover;
}

/* The participant mention word w belongs to, or that a word joined to it
 * in one name phrase belongs to ("German Chancellor Jane Roe", "Judge
 * Jane Roe": the head may be a title or a nationality); -1. */
#define NAME_DEPTH 3
static int mention_below(const el_doc *d, const int *cover, uint32_t w, int depth)
{
    uint32_t t = el_word_token(d, w);
    if (t != EL_NO_WORD && t < d->ntokens && cover[t] >= 0 &&
        participant_type(&d->mentions[cover[t]]))
        return cover[t];
    if (depth >= NAME_DEPTH)
        return -1;
    static const el_deprel joins[] = {EL_DEP_FLAT, EL_DEP_COMPOUND, EL_DEP_APPOS, EL_DEP_NMOD};
    for (size_t k = 0; k < sizeof joins / sizeof *joins; k++)
        for (uint32_t c = el_word_child(d, w, joins[k], false, 0); c != EL_NO_WORD;
             c = el_word_child(d, w, joins[k], false, c + 1)) {
            if (joins[k] == EL_DEP_NMOD && el_word_deprel(d, c) != EL_DEP_NMOD_DESC)
                continue;   /* only a title ("President X"), not "of"-phrases */
            if (joins[k] != EL_DEP_FLAT && el_word_upos(d, c) != EL_UPOS_PROPN)
                continue;
            int m = mention_below(d, cover, c, depth + 1);
            if (m >= 0)
                return m;
        }
    return -1;
}

/* A person named in w's name phrase ("U.S. District Judge Jane Roe" with
 * the place as head): the phrase's place or organization only qualifies
 * the person. */
static int person_below(const el_doc *d, const int *cover, uint32_t w, int depth)
{
    uint32_t t = el_word_token(d, w);
    if (t != EL_NO_WORD && t < d->ntokens && cover[t] >= 0 &&
        d->mentions[cover[t]].type == EL_ENT_PERSON)
        return cover[t];
    if (depth >= NAME_DEPTH)
        return -1;
    static const el_deprel joins[] = {EL_DEP_FLAT, EL_DEP_COMPOUND, EL_DEP_APPOS};
    for (size_t k = 0; k < sizeof joins / sizeof *joins; k++)
        for (uint32_t c = el_word_child(d, w, joins[k], false, 0); c != EL_NO_WORD;
             c = el_word_child(d, w, joins[k], false, c + 1)) {
            int m = person_below(d, cover, c, depth + 1);
            if (m >= 0)
                return m;
        }
    return -1;
}

static int mention_of_word(const el_doc *d, const int *cover, uint32_t w)
{
    if (w == EL_NO_WORD)
        return -1;
    int p = person_below(d, cover, w, 0);
    return p >= 0 ? p : mention_below(d, cover, w, 0);
}

static bool is_dash(const el_doc *d, size_t k)
{
    return el_tok_is(d, k, "-") || el_tok_is(d, k, "--") || el_tok_is(d, k, "\u2013") ||
           el_tok_is(d, k, "\u2014");
}

/* Is token tok in a wire dateline ("CITY, Mon. D, YYYY (Agency) -")?  The
 * words before the sentence's first dash, with no verb among them, and
 * closed by a parenthesis, holding the document's date line, or tok a
 * place, in one of the document's first sentences.  The parser often
 * makes the city the subject of the first verb. */
#define DATELINE_TOKENS 20
#define DATELINE_SENTENCES 3   /* a dateline opens one of the first sentences */
static bool in_dateline(const el_doc *d, size_t tok, const int *cover)
{
    if (d->tokens[tok].sentence >= DATELINE_SENTENCES)
        return false;
    size_t sb = d->sentences[d->tokens[tok].sentence].tok_begin;
    size_t se = d->sentences[d->tokens[tok].sentence].tok_end;
    for (size_t k = sb; k < se && k < sb + DATELINE_TOKENS; k++) {
        el_upos u = el_token_upos(d, k);
        if (u == EL_UPOS_VERB || u == EL_UPOS_AUX)
            return false;
        if (!is_dash(d, k))
            continue;
        if (tok >= k)
            return false;
        if ((k > sb && el_tok_is(d, k - 1, ")")) ||
            (cover[tok] >= 0 && (d->mentions[cover[tok]].type == EL_ENT_LOCATION)))
            return true;
        for (size_t t = 0; t < d->ntimexes; t++)
            if (d->timexes[t].dateline && d->timexes[t].tok_begin >= sb &&
                d->timexes[t].tok_begin < k)
                return true;
        return false;
    }
    return false;
}

/* The name right before verb w, past auxiliaries, adverbs and negation
 * (a subject the parser attached elsewhere); EL_NO_WORD if none. */
static uint32_t name_before(const el_doc *d, uint32_t w, const int *cover)
{
    uint32_t sb, se;
    el_word_sentence(d, w, &sb, &se);
    while (w > sb) {
        w--;
        el_upos u = el_word_upos(d, w);
        if (u == EL_UPOS_AUX || u == EL_UPOS_ADV || u == EL_UPOS_PART)
            continue;
        el_deprel r = el_word_rel(d, w);
        if (r == EL_DEP_OBJ || r == EL_DEP_OBL || r == EL_DEP_IOBJ)
            return EL_NO_WORD;
        return (u == EL_UPOS_PROPN || u == EL_UPOS_NOUN || u == EL_UPOS_ADJ) &&
                       mention_of_word(d, cover, w) >= 0 ? w : EL_NO_WORD;
    }
    return EL_NO_WORD;
}

static uint32_t dist(uint32_t a, uint32_t b)
{
    return a < b ? b - a : a - b;
}

/* Is there a verb between words a and b (exclusive)? */
static bool verb_between(const el_doc *d, uint32_t a, uint32_t b)
{
    for (uint32_t k = (a < b ? a : b) + 1; k < (a < b ? b : a); k++)
        if (el_word_upos(d, k) == EL_UPOS_VERB)
            return true;
    return false;
}

/* w's own subject, none in a dateline.  The parser sometimes gives two
 * (a parse error): the nearest with no verb in between ("Italian lender
 * X agreed", "two weeks after a failure grounded"), else the nearest
 * name ("X, whose recordings defined ..., died"), else the nearest. */
static uint32_t best_subject(const el_doc *d, uint32_t w, const int *cover)
{
    static const el_deprel subj_rels[] = {EL_DEP_NSUBJ, EL_DEP_CSUBJ};
    uint32_t plain = EL_NO_WORD, named = EL_NO_WORD, any = EL_NO_WORD;
    for (size_t k = 0; k < sizeof subj_rels / sizeof *subj_rels; k++)
        for (uint32_t c = el_word_child(d, w, subj_rels[k], false, 0); c != EL_NO_WORD;
             c = el_word_child(d, w, subj_rels[k], false, c + 1)) {
            uint32_t t = el_word_token(d, c);
            if (t >= d->ntokens || in_dateline(d, t, cover))
                continue;
            if (any == EL_NO_WORD || dist(c, w) < dist(any, w))
                any = c;
            if (!verb_between(d, c, w) && (plain == EL_NO_WORD || dist(c, w) < dist(plain, w)))
                plain = c;
            if (mention_of_word(d, cover, c) >= 0 &&
                (named == EL_NO_WORD || dist(c, w) < dist(named, w)))
                named = c;
        }
    return plain != EL_NO_WORD ? plain : named != EL_NO_WORD ? named : any;
}

/* The subject of w: best_subject, else,
 * for a verb without one of its own that shares its head's (xcomp,
 * conj, or a participle or infinitive clause: "won the cup, beating X"),
 * its head's.  EL_NO_WORD if none. */
#define SUBJECT_HOPS 4
static uint32_t subject_word(const el_doc *d, uint32_t w, const int *cover)
{
    for (int hops = 0; hops < SUBJECT_HOPS && w != EL_NO_WORD; hops++) {
        uint32_t found = best_subject(d, w, cover);
        if (found != EL_NO_WORD)
            return found;
        if (hops == 0 && (found = name_before(d, w, cover)) != EL_NO_WORD)
            return found;   /* "A visited X, and B met Y": B, attached wrongly */
        el_deprel r = el_word_rel(d, w);
        if (r != EL_DEP_XCOMP && r != EL_DEP_CONJ && r != EL_DEP_ADVCL)
            break;
        w = el_word_head(d, w);
    }
    return EL_NO_WORD;
}

/* The trigger's predicate word: the word of its span whose head lies
 * outside it (the first word when none does). */
static uint32_t trigger_word(const el_doc *d, const el_event_mention *ev)
{
    uint32_t first = EL_NO_WORD;
    for (uint32_t t = ev->tok_begin; t < ev->tok_end; t++) {
        uint32_t w = el_token_word(d, t);
        if (w == EL_NO_WORD)
            continue;
        if (first == EL_NO_WORD)
            first = w;
        uint32_t h = el_word_head(d, w);
        uint32_t ht = h == EL_NO_WORD ? EL_NO_WORD : el_word_token(d, h);
        if (ht == EL_NO_WORD || ht < ev->tok_begin || ht >= ev->tok_end)
            return w;
    }
    return first;
}

/* Add the mention of word w and those of its conjuncts ("X and Y": in
 * UD every conjunct hangs from the first); the first one added in *first
 * (if still -1). */
static void add_one(el_doc *d, el_event_mention *ev, int m, int *first)
{
    if (m < 0 || !participant_type(&d->mentions[m]) || m == ev->location)
        return;
    el_event_add_participant(d, ev, m);
    if (*first < 0)
        *first = m;
}

static void add_with_conjuncts(el_doc *d, el_event_mention *ev, const int *cover, uint32_t w,
                               int *first)
{
    if (w == EL_NO_WORD)
        return;
    add_one(d, ev, mention_of_word(d, cover, w), first);
    for (uint32_t c = el_word_child(d, w, EL_DEP_CONJ, true, 0); c != EL_NO_WORD;
         c = el_word_child(d, w, EL_DEP_CONJ, true, c + 1))
        add_one(d, ev, mention_of_word(d, cover, c), first);
}

/* An object that is no name: the name owning it ("the agency's bid"). */
static uint32_t owner_if_unnamed(const el_doc *d, const int *cover, uint32_t o)
{
    if (o == EL_NO_WORD || mention_of_word(d, cover, o) >= 0)
        return o;
    uint32_t p = el_word_child(d, o, EL_DEP_NMOD_POSS, true, 0);
    return p != EL_NO_WORD ? p : o;
}

/* Is w a verbal predicate the tree can give arguments to?  A verb, or a
 * word the event stage reads as a verb form (tense set: "populated" as an
 * adjective has no subject of its own). */
static bool verbal(const el_doc *d, const el_event_mention *ev, uint32_t w)
{
    el_upos u = el_word_upos(d, w);
    if (u == EL_UPOS_VERB)
        return true;
    return ev->tense != EL_TENSE_NONE && (u == EL_UPOS_ADJ || u == EL_UPOS_AUX);
}

/* Names in a comitative phrase of w ("met with X", "talks with X"), and
 * an oblique without a preposition (an object the parser mislabelled;
 * not a time: "agreed to buy rival X"). */
static void add_with_phrases(el_doc *d, el_event_mention *ev, const int *cover,
                             const uint32_t *roles, uint32_t w, int *first)
{
    for (uint32_t c = el_word_child(d, w, EL_DEP_OBL, false, 0); c != EL_NO_WORD;
         c = el_word_child(d, w, EL_DEP_OBL, false, c + 1)) {
        uint32_t k = el_word_child(d, c, EL_DEP_CASE, true, 0);
        uint32_t kt = k == EL_NO_WORD ? EL_NO_WORD : el_word_token(d, k);
        if ((kt != EL_NO_WORD && kt < d->ntokens && (roles[kt] & EL_R_WITH)) ||
            (k == EL_NO_WORD && el_word_deprel(d, c) == EL_DEP_OBL))
            add_with_conjuncts(d, ev, cover, c, first);
    }
}

/* A passive: an aux:pass dependent, or an nsubj:pass with no auxiliary
 * at all ("had blocked" with a passive subject is a parse error). */
static bool passive_verb(const el_doc *d, uint32_t w)
{
    if (el_word_child(d, w, EL_DEP_AUX_PASS, true, 0) != EL_NO_WORD)
        return true;
    return el_word_is_passive(d, w) && el_word_child(d, w, EL_DEP_AUX, true, 0) == EL_NO_WORD;
}

bool el_event_syntax_args(el_doc *d, el_event_mention *ev, const int *cover,
                          const uint32_t *roles)
{
    if (!cover || !el_doc_has_syntax(d))
        return false;
    uint32_t w = trigger_word(d, ev);
    if (w == EL_NO_WORD || !verbal(d, ev, w))
        return false;
    bool passive = passive_verb(d, w);
    uint32_t nsubj = subject_word(d, w, cover), obj = el_word_object(d, w);
    uint32_t subj = nsubj;
    if (el_word_rel(d, w) == EL_DEP_ACL && nsubj == EL_NO_WORD) {
        uint32_t noun = el_word_head(d, w);   /* "the deal blocked by X", "a storm moving" */
        if (passive || el_word_agent(d, w) != EL_NO_WORD || ev->tense == EL_TENSE_PASTPART ||
            ev->tense == EL_TENSE_PAST)
            passive = true, nsubj = noun;
        else
            subj = noun;
    }
    if (passive) {
        subj = el_word_agent(d, w);
        if (obj == EL_NO_WORD)
            obj = nsubj;   /* the patient */
    }
    ev->nparticipants = 0;
    ev->syn_args = true;
    int first = -1;
    add_with_conjuncts(d, ev, cover, subj, &first);
    ev->subject = first;
    first = -1;
    add_with_conjuncts(d, ev, cover, owner_if_unnamed(d, cover, obj), &first);
    add_with_conjuncts(d, ev, cover, el_word_child(d, w, EL_DEP_IOBJ, true, 0), &first);
    add_with_phrases(d, ev, cover, roles, w, &first);
    return true;
}

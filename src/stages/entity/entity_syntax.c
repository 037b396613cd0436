/* entity_syntax.c - name boundaries from the syntax stage's analysis, when
 * it has run (el_ent_syntax_review; the default path never calls into it
 * with effect: without doc->words every test here answers no).
 *
 * - One name split in two by the rules is joined again when the tree says
 *   it is one: two rule-found names next to each other in one proper-noun
 *   chain ("X Geological Survey": the place and the rest), or joined by
 *   "of" with the second attached to the first ("Annals of Internal
 *   Medicine", "Call of Duty").
 * - A single capitalised word opening a sentence that the tagger reads as
 *   a common word (not PROPN) is no name ("Sparsely", "Rescue"), unless
 *   the gazetteers list it or the document writes it capitalised inside
 *   a sentence elsewhere. */
#include "stages/entity/entity_internal.h"
#include "stages/syntax/syntax.h"

/* The word of the last token of [b, e) and the head word of the span
 * (the word whose head lies outside it); EL_NO_WORD when none. */
static uint32_t span_head(const el_doc *d, uint32_t b, uint32_t e)
{
    for (uint32_t t = b; t < e; t++) {
        uint32_t w = el_token_word(d, t), h = el_word_head(d, w);
        if (w == EL_NO_WORD)
            continue;
        uint32_t ht = h == EL_NO_WORD ? EL_NO_WORD : el_word_token(d, h);
        if (ht == EL_NO_WORD || ht < b || ht >= e)
            return w;
    }
    return EL_NO_WORD;
}

static bool joinable(const cand *c)
{
    return !c->drop && c->entry < 0 && c->type != EL_ENT_PERSON && c->target < 0;
}

/* "A of B": c2 starts two tokens after c1 ends, the token between is
 * "of", and c2's head hangs from a word of c1. */
static bool of_joined(const tagger *t, const cand *c1, const cand *c2)
{
    const el_doc *d = t->doc;
    if (c2->b != c1->e + 1 || el_ent_wc(t, c1->e) != EL_WC_OF || !el_ent_same_sentence(t, c1->b, c2->b))
        return false;
    uint32_t h2 = span_head(d, c2->b, c2->e);
    uint32_t h = h2 == EL_NO_WORD ? EL_NO_WORD : el_word_head(d, h2);
    uint32_t ht = h == EL_NO_WORD ? EL_NO_WORD : el_word_token(d, h);
    return ht != EL_NO_WORD && ht >= c1->b && ht < c1->e && el_word_rel(d, h2) == EL_DEP_NMOD;
}

/* c1 and c2 adjacent inside one proper-noun chain. */
static bool chain_joined(const tagger *t, const cand *c1, const cand *c2)
{
    uint32_t b, e;
    return c2->b == c1->e && c1->type != EL_ENT_PERSON &&
           el_token_propn_chain(t->doc, c2->b, &b, &e) && b <= c1->b && e >= c2->e;
}

/* Is token i's word written capitalised inside a sentence somewhere in
 * the document (a name: "Northwind grounded ..." after "Northwind Air")?
 * The tagger's inner_cap hash bits (entity_stage.c note_capitals; the
 * same bit function): one lookup, no scan of the document. */
static bool capitalised_inside(const tagger *t, size_t i)
{
    size_t b = (size_t)(((uint64_t)t->doc->tokens[i].lhash * 0x9E3779B97F4A7C15ull) >>
                        (64 - TAGGER_HASH_BITS));
    return t->inner_cap && (t->inner_cap[b / 64] >> (b % 64) & 1);
}

static bool common_initial(const tagger *t, const cand *c)
{
    const el_doc *d = t->doc;
    if (c->drop || c->entry >= 0 || c->e - c->b != 1 || !el_ent_initial(t, c->b) ||
        (d->tokens[c->b].flags & EL_TOK_ALLCAPS))
        return false;
    uint32_t w = el_token_word(d, c->b);
    if (w == EL_NO_WORD)
        return false;
    el_upos u = el_word_upos(d, w);
    return u != EL_UPOS_PROPN && u != EL_UPOS_X && u != EL_UPOS_NUM && !capitalised_inside(t, c->b);
}

void el_ent_syntax_review(tagger *t)
{
    if (!el_doc_has_syntax(t->doc))
        return;
    for (size_t i = 0; i < t->nc; i++) {
        cand *c = &t->c[i];
        if (common_initial(t, c)) {
            c->drop = true;
            continue;
        }
        if (i + 1 >= t->nc || !joinable(&t->c[i + 1]) || c->drop || c->target >= 0)
            continue;
        cand *n = &t->c[i + 1];
        bool of = joinable(c) && of_joined(t, c, n);
        if (!of && !chain_joined(t, c, n))
            continue;
        n->b = c->b;   /* the later, head part keeps its type: "X Geological Survey" */
        if (of && n->type == EL_ENT_OTHER)
            n->type = c->type;
        n->weak = false;
        c->drop = true;
    }
}

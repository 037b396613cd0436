/* syntax_words.c - reading a document's syntax layer (doc->words, made by
 * the syntax stage): the fixed UPOS and relation ids and their names, and
 * accessors for the other stages: a word's or token's tag, head and
 * relation, a predicate's subject, object and agent, negation, and
 * proper-noun chains (see syntax.h). */
#include "stages/syntax/syntax.h"
#include "base/util.h"

#include <string.h>

static const char *const upos_names[EL_UPOS_COUNT] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
    "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"
};

static const char *const deprel_names[EL_DEP_COUNT] = {
    "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf",
    "compound", "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl",
    "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj",
    "obl", "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp",
    "acl:relcl", "advcl:relcl", "aux:pass", "cc:preconj", "compound:prt", "csubj:outer",
    "csubj:pass", "det:poss", "det:predet", "flat:foreign", "nmod:desc", "nmod:npmod",
    "nmod:poss", "nmod:tmod", "nmod:unmarked", "nsubj:outer", "nsubj:pass", "obl:agent",
    "obl:npmod", "obl:tmod", "obl:unmarked"
};

static const uint8_t deprel_bases[EL_DEP_COUNT - EL_DEP_ACL_RELCL] = {
    EL_DEP_ACL, EL_DEP_ADVCL, EL_DEP_AUX, EL_DEP_CC, EL_DEP_COMPOUND, EL_DEP_CSUBJ,
    EL_DEP_CSUBJ, EL_DEP_DET, EL_DEP_DET, EL_DEP_FLAT, EL_DEP_NMOD, EL_DEP_NMOD,
    EL_DEP_NMOD, EL_DEP_NMOD, EL_DEP_NMOD, EL_DEP_NSUBJ, EL_DEP_NSUBJ, EL_DEP_OBL,
    EL_DEP_OBL, EL_DEP_OBL, EL_DEP_OBL
};

const char *el_upos_name(el_upos u)
{
    return (unsigned)u < EL_UPOS_COUNT ? upos_names[u] : "_";
}

const char *el_deprel_name(el_deprel r)
{
    return (unsigned)r < EL_DEP_COUNT ? deprel_names[r] : "_";
}

el_deprel el_deprel_base(el_deprel r)
{
    if ((unsigned)r >= EL_DEP_COUNT)
        return EL_DEP_DEP;
    return r >= EL_DEP_ACL_RELCL ? (el_deprel)deprel_bases[r - EL_DEP_ACL_RELCL] : r;
}

int el_upos_from_name(const char *s)
{
    for (int i = 0; i < EL_UPOS_COUNT; i++)
        if (strcmp(s, upos_names[i]) == 0)
            return i;
    return -1;
}

int el_deprel_from_name(const char *s)
{
    for (int i = 0; i < EL_DEP_COUNT; i++)
        if (strcmp(s, deprel_names[i]) == 0)
            return i;
    return -1;
}

/* ---- words and tokens ---------------------------------------------------- */

bool el_doc_has_syntax(const el_doc *doc)
{
    return doc && doc->words && doc->tok_word;
}

static bool valid_word(const el_doc *doc, uint32_t w)
{
    return el_doc_has_syntax(doc) && w < doc->nwords;
}

uint32_t el_token_word(const el_doc *doc, uint32_t tok)
{
    if (!el_doc_has_syntax(doc) || tok >= doc->ntokens)
        return EL_NO_WORD;
    uint32_t a = doc->tok_word[tok];
    return a < doc->tok_word[tok + 1] ? a : EL_NO_WORD;
}

uint32_t el_word_token(const el_doc *doc, uint32_t w)
{
    return valid_word(doc, w) ? doc->words[w].tok : EL_NO_WORD;
}

el_upos el_word_upos(const el_doc *doc, uint32_t w)
{
    return valid_word(doc, w) ? (el_upos)doc->words[w].upos : EL_UPOS_X;
}

uint32_t el_word_head(const el_doc *doc, uint32_t w)
{
    if (!valid_word(doc, w) || doc->words[w].head >= doc->nwords)
        return EL_NO_WORD;
    return doc->words[w].head;
}

el_deprel el_word_deprel(const el_doc *doc, uint32_t w)
{
    return valid_word(doc, w) ? (el_deprel)doc->words[w].deprel : EL_DEP_DEP;
}

el_deprel el_word_rel(const el_doc *doc, uint32_t w)
{
    return el_deprel_base(el_word_deprel(doc, w));
}

el_upos el_token_upos(const el_doc *doc, uint32_t tok)
{
    return el_word_upos(doc, el_token_word(doc, tok));
}

uint32_t el_token_head(const el_doc *doc, uint32_t tok)
{
    return el_word_token(doc, el_word_head(doc, el_token_word(doc, tok)));
}

el_deprel el_token_deprel(const el_doc *doc, uint32_t tok)
{
    return el_word_deprel(doc, el_token_word(doc, tok));
}

void el_word_sentence(const el_doc *doc, uint32_t w, uint32_t *begin, uint32_t *end)
{
    *begin = *end = 0;
    if (!valid_word(doc, w))
        return;
    uint32_t tok = doc->words[w].tok;
    size_t lo = 0, hi = doc->nsentences;
    while (lo < hi) {   /* first sentence ending after tok */
        size_t mid = (lo + hi) / 2;
        if (doc->sentences[mid].tok_end <= tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == doc->nsentences || doc->sentences[lo].tok_begin > tok) {
        *begin = w;   /* outside every sentence: the word alone */
        *end = w + 1;
        return;
    }
    *begin = doc->tok_word[doc->sentences[lo].tok_begin];
    *end = doc->tok_word[doc->sentences[lo].tok_end];
}

/* ---- dependents and arguments ---------------------------------------------- */

uint32_t el_word_child(const el_doc *doc, uint32_t w, el_deprel rel, bool exact,
                       uint32_t from)
{
    uint32_t b, e;
    el_word_sentence(doc, w, &b, &e);
    el_deprel base = el_deprel_base(rel);
    for (uint32_t i = from > b ? from : b; i < e; i++) {
        if (doc->words[i].head != w)
            continue;
        el_deprel r = (el_deprel)doc->words[i].deprel;
        if (exact ? r == rel : el_deprel_base(r) == base)
            return i;
    }
    return EL_NO_WORD;
}

uint32_t el_word_subject(const el_doc *doc, uint32_t w)
{
    for (int hops = 0; hops < 4 && valid_word(doc, w); hops++) {
        uint32_t s = el_word_child(doc, w, EL_DEP_NSUBJ, false, 0);
        if (s == EL_NO_WORD)
            s = el_word_child(doc, w, EL_DEP_CSUBJ, false, 0);
        if (s != EL_NO_WORD)
            return s;
        el_deprel r = el_word_rel(doc, w);   /* "wants to leave", "came and went" */
        if (r != EL_DEP_XCOMP && r != EL_DEP_CONJ)
            break;
        w = el_word_head(doc, w);
    }
    return EL_NO_WORD;
}

uint32_t el_word_object(const el_doc *doc, uint32_t w)
{
    return el_word_child(doc, w, EL_DEP_OBJ, true, 0);
}

uint32_t el_word_agent(const el_doc *doc, uint32_t w)
{
    return el_word_child(doc, w, EL_DEP_OBL_AGENT, true, 0);
}

bool el_word_is_passive(const el_doc *doc, uint32_t w)
{
    return el_word_child(doc, w, EL_DEP_NSUBJ_PASS, true, 0) != EL_NO_WORD ||
           el_word_child(doc, w, EL_DEP_AUX_PASS, true, 0) != EL_NO_WORD ||
           el_word_child(doc, w, EL_DEP_CSUBJ_PASS, true, 0) != EL_NO_WORD;
}

static bool is_negation(const el_doc *doc, uint32_t i)
{
    const el_word *x = &doc->words[i];
    const char *s = doc->text + x->start;
    size_t n = x->end - x->start;
    return el_eq_nocase(s, n, "not", 3) || el_eq_nocase(s, n, "n't", 3) ||
           el_eq_nocase(s, n, "n\xe2\x80\x99t", 5) || el_eq_nocase(s, n, "never", 5) ||
           el_eq_nocase(s, n, "no", 2);
}

bool el_word_is_negated(const el_doc *doc, uint32_t w)
{
    uint32_t b, e;
    el_word_sentence(doc, w, &b, &e);
    for (uint32_t i = b; i < e; i++)
        if (doc->words[i].head == w && is_negation(doc, i)) {
            el_deprel r = el_word_rel(doc, i);
            if (r == EL_DEP_ADVMOD || r == EL_DEP_DET)
                return true;
        }
    return false;
}

/* ---- proper-noun chains ---------------------------------------------------- */

static bool name_rel(el_deprel r)
{
    r = el_deprel_base(r);
    return r == EL_DEP_FLAT || r == EL_DEP_COMPOUND || r == EL_DEP_AMOD;
}

/* A word that can be part of a name: a proper noun, or a capitalised
 * adjective, noun or number ("Federal" of a name tagged ADJ). */
static bool name_word(const el_doc *doc, uint32_t i)
{
    const el_word *x = &doc->words[i];
    if (x->upos == EL_UPOS_PROPN)
        return true;
    char c = doc->text[x->start];
    return c >= 'A' && c <= 'Z' &&
           (x->upos == EL_UPOS_ADJ || x->upos == EL_UPOS_NOUN || x->upos == EL_UPOS_NUM);
}

/* Is there a flat/compound/amod arc inside [b, e) across the gap after word k? */
static bool joined_after(const el_doc *doc, uint32_t b, uint32_t e, uint32_t k)
{
    for (uint32_t x = b; x < e; x++) {
        uint32_t h = doc->words[x].head;
        if (h < b || h >= e || !name_rel((el_deprel)doc->words[x].deprel))
            continue;
        if ((x <= k && h > k) || (h <= k && x > k))
            return true;
    }
    return false;
}

bool el_word_propn_chain(const el_doc *doc, uint32_t w, uint32_t *begin, uint32_t *end)
{
    if (el_word_upos(doc, w) != EL_UPOS_PROPN)
        return false;
    uint32_t sb, se;
    el_word_sentence(doc, w, &sb, &se);
    uint32_t b = w, e = w + 1;   /* the run of adjacent name words */
    while (b > sb && name_word(doc, b - 1))
        b--;
    while (e < se && name_word(doc, e))
        e++;
    uint32_t cb = w, ce = w + 1;   /* cut where no name arc crosses */
    while (cb > b && joined_after(doc, b, e, cb - 1))
        cb--;
    while (ce < e && joined_after(doc, b, e, ce - 1))
        ce++;
    *begin = cb;
    *end = ce;
    return true;
}

bool el_token_propn_chain(const el_doc *doc, uint32_t tok, uint32_t *begin, uint32_t *end)
{
    uint32_t b, e;
    if (!el_word_propn_chain(doc, el_token_word(doc, tok), &b, &e))
        return false;
    *begin = doc->words[b].tok;
    *end = doc->words[e - 1].tok + 1;
    return true;
}

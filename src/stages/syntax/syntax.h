/* syntax.h - the syntax stage: part-of-speech tagger (UPOS and Penn XPOS),
 * lemmatizer and greedy dependency parser, trained on UD English EWT
 * (gazetteers/syntax/README.md).
 *
 * Three small linear models (averaged perceptrons over hashed features,
 * sparse int16 weights): a greedy left-to-right tagger with a tag
 * dictionary for frequent unambiguous words, an arc-hybrid transition
 * parser (3 unlabeled transitions) and a separate labeller that names
 * each arc once the tree is built.  Lemmas: an exception table learned
 * from EWT plus suffix rules per tag, also learned.
 *
 * The stage works on UD "syntactic words": it splits contractions of the
 * document's tokens ("don't" -> "do" "n't", "I'm" -> "I" "'m") into a
 * view of its own (doc->words), mapped back onto the tokens, so the
 * tokens every other stage sees are unchanged. */
#ifndef EL_SYNTAX_H
#define EL_SYNTAX_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include "model/doc.h"

typedef struct el_syntax el_syntax;

/* Load a model file (gazetteers/syntax/en_ewt.model).  NULL and *err
 * (caller frees; "FILE: problem") on failure. */
el_syntax *el_syntax_load(const char *path, char **err);
void el_syntax_free(el_syntax *m);

/* One syntactic word of a sentence, in and out. */
typedef struct el_syn_word {
    const char *form;       /* in: the word's text (not NUL-terminated) */
    uint32_t len;           /* in: its length in bytes */
    uint8_t upos, xpos;     /* out: el_upos id; XPOS id (el_syntax_xpos_name) */
    uint8_t deprel;         /* out: el_deprel id */
    uint32_t head;          /* out: 1-based index of the head in the sentence, 0 = root */
    char lemma[48];         /* out: NUL-terminated lemma (cut at 47 bytes) */
} el_syn_word;

/* Working memory for el_syntax_sentence: one per thread. */
typedef struct el_syn_work el_syn_work;
el_syn_work *el_syn_work_new(void);
void el_syn_work_free(el_syn_work *w);

/* What to compute: tags only, tags and lemmas, or everything. */
typedef enum el_syn_level { EL_SYN_TAG = 1, EL_SYN_LEMMA = 2, EL_SYN_PARSE = 3 } el_syn_level;

/* Analyse one sentence of n words in place.  A sentence longer than
 * EL_SYN_MAX_WORDS is analysed in pieces of that size, each later
 * piece's root attached to the first's (parataxis): one root always. */
#define EL_SYN_MAX_WORDS 512
void el_syntax_sentence(const el_syntax *m, el_syn_work *w, el_syn_word *words, size_t n,
                        el_syn_level level);

/* The names of tag and relation ids ("NOUN", "NN", "nsubj"); "_" if out
 * of range.  UPOS and relation ids are the fixed el_upos and el_deprel
 * below, whatever the model (its names are mapped at load). */
const char *el_syntax_upos_name(const el_syntax *m, unsigned id);
const char *el_syntax_xpos_name(const el_syntax *m, unsigned id);
const char *el_syntax_deprel_name(const el_syntax *m, unsigned id);
unsigned el_syntax_nupos(const el_syntax *m);
unsigned el_syntax_nxpos(const el_syntax *m);
unsigned el_syntax_ndeprel(const el_syntax *m);

/* UD contraction split of one token: the number of parts (1 = none, at
 * most 3) and each part's byte length, in order ("don't" -> 2: 2, 3). */
size_t el_syntax_split(const char *s, size_t n, uint32_t lens[3]);

/* The stage: fill doc->words (one per syntactic word, tokens split by
 * el_syntax_split) for a tokenized document. */
void el_syntax_tag(el_doc *doc, const el_syntax *m);

/* Write doc's syntax layer (made with model m) as CoNLL-U; 0, or -1 on a
 * write error or a document the stage has not run on. */
int el_syntax_write_conllu(const el_doc *doc, const el_syntax *m, FILE *out);

/* ---- reading the analysis: fixed ids and accessors ---------------------
 *
 * After the stage has run, doc->words[] holds one el_word per syntactic
 * word; its upos and deprel fields are the fixed ids below (the same for
 * every model), so a stage can test them without the model at hand.
 * Word indices are indices into doc->words; EL_NO_WORD means "none".
 * Every accessor is safe on a document the stage has not run on (it then
 * answers EL_NO_WORD, EL_UPOS_X, EL_DEP_DEP or false). */

typedef enum el_upos {
    EL_UPOS_ADJ, EL_UPOS_ADP, EL_UPOS_ADV, EL_UPOS_AUX, EL_UPOS_CCONJ, EL_UPOS_DET,
    EL_UPOS_INTJ, EL_UPOS_NOUN, EL_UPOS_NUM, EL_UPOS_PART, EL_UPOS_PRON, EL_UPOS_PROPN,
    EL_UPOS_PUNCT, EL_UPOS_SCONJ, EL_UPOS_SYM, EL_UPOS_VERB, EL_UPOS_X,
    EL_UPOS_COUNT
} el_upos;

/* UD v2 relations: the 37 universal ones, then the English subtypes.
 * el_deprel_base() maps a subtype to its universal relation. */
typedef enum el_deprel {
    EL_DEP_ACL, EL_DEP_ADVCL, EL_DEP_ADVMOD, EL_DEP_AMOD, EL_DEP_APPOS, EL_DEP_AUX,
    EL_DEP_CASE, EL_DEP_CC, EL_DEP_CCOMP, EL_DEP_CLF, EL_DEP_COMPOUND, EL_DEP_CONJ,
    EL_DEP_COP, EL_DEP_CSUBJ, EL_DEP_DEP, EL_DEP_DET, EL_DEP_DISCOURSE, EL_DEP_DISLOCATED,
    EL_DEP_EXPL, EL_DEP_FIXED, EL_DEP_FLAT, EL_DEP_GOESWITH, EL_DEP_IOBJ, EL_DEP_LIST,
    EL_DEP_MARK, EL_DEP_NMOD, EL_DEP_NSUBJ, EL_DEP_NUMMOD, EL_DEP_OBJ, EL_DEP_OBL,
    EL_DEP_ORPHAN, EL_DEP_PARATAXIS, EL_DEP_PUNCT, EL_DEP_REPARANDUM, EL_DEP_ROOT,
    EL_DEP_VOCATIVE, EL_DEP_XCOMP,
    /* subtypes */
    EL_DEP_ACL_RELCL, EL_DEP_ADVCL_RELCL, EL_DEP_AUX_PASS, EL_DEP_CC_PRECONJ,
    EL_DEP_COMPOUND_PRT, EL_DEP_CSUBJ_OUTER, EL_DEP_CSUBJ_PASS, EL_DEP_DET_POSS,
    EL_DEP_DET_PREDET, EL_DEP_FLAT_FOREIGN, EL_DEP_NMOD_DESC, EL_DEP_NMOD_NPMOD,
    EL_DEP_NMOD_POSS, EL_DEP_NMOD_TMOD, EL_DEP_NMOD_UNMARKED, EL_DEP_NSUBJ_OUTER,
    EL_DEP_NSUBJ_PASS, EL_DEP_OBL_AGENT, EL_DEP_OBL_NPMOD, EL_DEP_OBL_TMOD,
    EL_DEP_OBL_UNMARKED,
    EL_DEP_COUNT
} el_deprel;

#define EL_NO_WORD UINT32_MAX

const char *el_upos_name(el_upos u);              /* "NOUN"; "_" if out of range */
const char *el_deprel_name(el_deprel r);          /* "nsubj:pass"; "_" if out of range */
el_deprel el_deprel_base(el_deprel r);            /* nsubj:pass -> nsubj */
/* Name -> id; -1 if unknown (a subtype not listed: use its base part). */
int el_upos_from_name(const char *s);
int el_deprel_from_name(const char *s);

/* Has the syntax stage run on doc? */
bool el_doc_has_syntax(const el_doc *doc);

/* Words and tokens: the token's first word (EL_NO_WORD when the token
 * continues the word before it, or without syntax); a word's token. */
uint32_t el_token_word(const el_doc *doc, uint32_t tok);
uint32_t el_word_token(const el_doc *doc, uint32_t w);

/* A word's part of speech, head (EL_NO_WORD for a sentence root),
 * relation to its head, and that relation without subtype. */
el_upos el_word_upos(const el_doc *doc, uint32_t w);
uint32_t el_word_head(const el_doc *doc, uint32_t w);
el_deprel el_word_deprel(const el_doc *doc, uint32_t w);
el_deprel el_word_rel(const el_doc *doc, uint32_t w);
/* The same for a token, through its first word (EL_UPOS_X etc. if none);
 * el_token_head gives the head word's token (EL_NO_WORD for a root). */
el_upos el_token_upos(const el_doc *doc, uint32_t tok);
uint32_t el_token_head(const el_doc *doc, uint32_t tok);
el_deprel el_token_deprel(const el_doc *doc, uint32_t tok);

/* The words of w's sentence: [*begin, *end). */
void el_word_sentence(const el_doc *doc, uint32_t w, uint32_t *begin, uint32_t *end);

/* The first dependent of w at index >= from whose relation is rel
 * (exactly, when exact; else any subtype of rel's base: EL_DEP_NSUBJ
 * matches nsubj:pass).  EL_NO_WORD if none.  Loop with from = found + 1. */
uint32_t el_word_child(const el_doc *doc, uint32_t w, el_deprel rel, bool exact,
                       uint32_t from);

/* Arguments of a predicate word w (a verb, or the head of a copular
 * clause).  Subject: nsubj, nsubj:pass, csubj (for an xcomp or a conj
 * without its own subject, the subject of its head).  Object: obj.
 * Agent: the noun of a passive's "by" phrase (obl:agent).  EL_NO_WORD
 * if none. */
uint32_t el_word_subject(const el_doc *doc, uint32_t w);
uint32_t el_word_object(const el_doc *doc, uint32_t w);
uint32_t el_word_agent(const el_doc *doc, uint32_t w);
bool el_word_is_passive(const el_doc *doc, uint32_t w);   /* nsubj:pass or aux:pass child */
bool el_word_is_negated(const el_doc *doc, uint32_t w);   /* a "not"/"n't"/"never" dependent */

/* Proper-noun chains: the maximal run of adjacent name words (PROPN, or
 * a capitalised ADJ, NOUN or NUM) of one sentence around w, joined by
 * flat/compound/amod relations inside the run ("Federal Trade
 * Commission", "Ron DeSantis").  False if w is not PROPN;
 * else [*begin, *end) in word indices.  The token variant takes and
 * gives token indices. */
bool el_word_propn_chain(const el_doc *doc, uint32_t w, uint32_t *begin, uint32_t *end);
bool el_token_propn_chain(const el_doc *doc, uint32_t tok, uint32_t *begin, uint32_t *end);

#endif

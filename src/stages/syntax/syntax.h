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
    uint8_t upos, xpos;     /* out: tag ids (el_syntax_upos_name, ..._xpos_name) */
    uint8_t deprel;         /* out: relation id (el_syntax_deprel_name) */
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
 * EL_SYN_MAX_WORDS is analysed in pieces of that size. */
#define EL_SYN_MAX_WORDS 512
void el_syntax_sentence(const el_syntax *m, el_syn_work *w, el_syn_word *words, size_t n,
                        el_syn_level level);

/* The names of tag and relation ids ("NOUN", "NN", "nsubj"); "_" if out of range. */
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

#endif

/* syntax_train.h - training, evaluation and timing of the syntax model
 * (used by tools/syntax-tool.c only; not part of the program). */
#ifndef EL_SYNTAX_TRAIN_H
#define EL_SYNTAX_TRAIN_H

#include "syntax_conllu.h"
#include "stages/syntax/syntax_internal.h"
#include "base/buf.h"

/* Train every part on the treebank; the model file's bytes into out. */
void syn_train(const cu_bank *tb, el_buf *out, const char *sweep_base);

typedef struct syn_scores {
    double gold_words, sys_words, aligned;
    double upos, xpos, lemma, uas, las;             /* counts of correct words */
    double lab_gold[16], lab_sys[16], lab_ok[16];   /* per reported relation */
} syn_scores;

void syn_eval_gold(const el_syntax *m, const cu_bank *tb, syn_scores *sc);
bool syn_eval_raw(const el_syntax *m, const cu_bank *tb, const char *gazdir, syn_scores *sc);
void syn_print_scores(const char *title, const syn_scores *sc);
void syn_bench(const el_syntax *m, const cu_bank *tb);

#endif

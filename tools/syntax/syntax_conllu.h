/* syntax_conllu.h - CoNLL-U treebank reading for the syntax trainer and
 * evaluator (tools/): syntactic words with their gold analysis, and the
 * raw text and token spans that the raw-text evaluation needs. */
#ifndef EL_SYNTAX_CONLLU_H
#define EL_SYNTAX_CONLLU_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct cu_word {
    char *form, *lemma, *upos, *xpos, *deprel;
    uint32_t head;
    uint32_t tstart, tend;   /* byte span in the sentence text of its token
                                (the whole multi-word token for its parts) */
    uint8_t part;            /* index inside a multi-word token, else 0 */
} cu_word;

typedef struct cu_sent {
    cu_word *w; size_t n;
    char *text;              /* "# text =" */
    bool newdoc, newpar;
} cu_sent;

typedef struct cu_bank { cu_sent *s; size_t n; size_t nwords; } cu_bank;

/* Read a CoNLL-U file; false and a message on stderr on failure. */
bool cu_read(const char *path, cu_bank *b);
void cu_free(cu_bank *b);

#endif

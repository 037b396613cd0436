/* codec.h - the per-document result format of `annotate -f json|jsonl`:
 * written by el_write_result, read back by `merge` through the lean JSON
 * reader of jdom.h (the codec layer: above the document model, the
 * timeline and the JSON exporter, below the commands). */
#ifndef EL_CODEC_H
#define EL_CODEC_H

#include <stdio.h>
#include "model/doc.h"
#include "text/tokenize.h"

typedef struct el_trigger_lexicon el_trigger_lexicon;   /* stages/event/event.h */
typedef struct el_syntax el_syntax;                     /* stages/syntax/syntax.h */

/* Write one document's result with its text: the contract JSON of a
 * one-document corpus, entities linked within the document.  With
 * `triggers` (annotate -f json: a contract file per document) also its
 * canonical events, relations and order (built-in event types, the
 * normalizer's words from the trigger lexicon); with NULL (-f jsonl, the
 * input of merge, which builds them over the whole corpus) those lists
 * are empty.  `syn`: the syntax model for --tokens (NULL = no tokens).
 * flags: EL_JSON_* of export.h.  0, or -1 on a write error. */
int el_write_result(const el_doc *doc, const el_trigger_lexicon *triggers, unsigned flags,
                    const el_syntax *syn, FILE *out);

/* Reads results: holds the parser's node array from one result to the
 * next.  Uses `abbrevs` (not owned) to tokenize the documents. */
typedef struct el_result_reader el_result_reader;

el_result_reader *el_result_reader_new(const el_abbrevs *abbrevs);
void el_result_reader_free(el_result_reader *r);

/* Where the documents of a result go: add() owns each rebuilt document;
 * bad() gets the problem with a document that cannot be read ("document
 * 'ID': ..."), which is skipped. */
typedef struct el_result_sink {
    void (*add)(void *ctx, el_doc *d);
    void (*bad)(void *ctx, const char *problem);
} el_result_sink;

/* Read one eventline result (a JSON Lines line or a whole .json file
 * written by annotate -f json|jsonl, carrying the text) from buf[0..n),
 * which is changed in place.  False + *err (valid until the next call) if
 * it is not JSON or not a result at all. */
bool el_read_result(el_result_reader *r, char *buf, size_t n, el_result_sink *sink, void *ctx,
                    const char **err);

/* A result's reference "t3" / "em12" / "m4" (prefix "t", "em", "m") to
 * one of n items: true and *idx = 2 / 11 / 3 if it is well-formed and
 * names one of them (no leading zero, no overflow). */
bool el_result_ref(const char *s, const char *prefix, size_t n, int *idx);

#endif

/* codec.h - the per-document result format of `annotate -f json|jsonl`,
 * read back by `merge` (the codec layer: above the readers and the
 * document model, below the commands). */
#ifndef EL_CODEC_H
#define EL_CODEC_H

#include "model/doc.h"
#include "text/tokenize.h"

struct json_t;

/* Rebuild an annotated document from one entry of the "documents" of an
 * eventline result that carries the text (annotate -f json|jsonl).
 * `entities` is that result's entity list (mention keys come from it).
 * The document is tokenized with `abbrevs`.  NULL + *err on failure. */
el_doc *el_read_result_doc(const struct json_t *doc, const struct json_t *entities,
                           const el_abbrevs *abbrevs, char **err);

/* A result's reference "t3" / "em12" / "m4" (prefix "t", "em", "m") to
 * one of n items: true and *idx = 2 / 11 / 3 if it is well-formed and
 * names one of them (no leading zero, no overflow). */
bool el_result_ref(const char *s, const char *prefix, size_t n, int *idx);

#endif

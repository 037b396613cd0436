/* lexicon_internal.h - pieces of lexicon.c exposed for its unit tests. */
#ifndef EL_LEXICON_INTERNAL_H
#define EL_LEXICON_INTERNAL_H

#include <stddef.h>
#include "model/doc.h"

/* Split s[0..len) into tokens exactly as el_tokenize would (offsets, lhash,
 * flags, one sentence) if it is plain: ASCII letters, digits and spaces
 * only, at most `max` tokens.  Returns the token count (0 = blank), or
 * (size_t)-1 if the phrase is not plain and needs the full tokenizer. */
size_t el_lex_split_plain(const char *s, size_t len, el_token *out, size_t max);

#endif

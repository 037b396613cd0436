/* tokenize.h - tokenizer and sentence splitter for English news text.
 *
 * Tokens: words (letters, digits, inner apostrophes), numbers with inner
 * separators ("4:34", "2023-06-20", "1,000", "3.5"), abbreviations with
 * their periods ("U.S.", "p.m.", "Corp.", "Mr."), possessive "'s"/"’s" as a
 * token of its own, and one token per punctuation character.  Hyphens
 * between letters are separate tokens marked EL_TOK_GLUED ("US-China" ->
 * "US" "-" "China").  Sentences end at line breaks and at . ! ? (plus
 * closing quotes) followed by an upper-case or quoted start, unless the
 * period belongs to an abbreviation that does not end sentences. */
#ifndef EL_TOKENIZE_H
#define EL_TOKENIZE_H

#include "model/doc.h"

/* Longest sentences: after SOFT_MAX tokens a sentence ends at the next
 * comma/semicolon/colon, at HARD_MAX it ends regardless. */
#define EL_SENTENCE_SOFT_MAX 150
#define EL_SENTENCE_HARD_MAX 400

typedef struct el_abbrevs el_abbrevs;

/* Abbreviation list: gazetteers/abbreviations.tsv (see gazetteers/README.md).
 * Returns NULL and sets *err on failure. */
el_abbrevs *el_abbrevs_load(const char *path, char **err);
/* A built-in minimal list, for tests and when no gazetteer dir is given. */
el_abbrevs *el_abbrevs_default(void);
void el_abbrevs_free(el_abbrevs *a);

/* Fill doc->tokens and doc->sentences.  `abbrevs` may be NULL. */
void el_tokenize(el_doc *doc, const el_abbrevs *abbrevs);

#endif

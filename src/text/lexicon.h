/* lexicon.h - phrase dictionaries compiled into a token trie.
 *
 * A lexicon maps token sequences ("Secretary of State", "p.m.", "shot down")
 * to integer payloads owned by the caller (an index into its own table).
 * Phrases are tokenized with the document tokenizer, so matching is exact
 * on token boundaries.  Matching folds ASCII case; an entry added with
 * EL_LEX_CASE_EXACT only matches when the text has the same case as the
 * phrase ("US" the country vs. "us" the pronoun).  Lookup walks one trie
 * edge per token through an el_hashmap (base/hashmap.h): cost is linear in
 * the matched length, independent of the lexicon size. */
#ifndef EL_LEXICON_H
#define EL_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include "model/doc.h"
#include "text/tokenize.h"

typedef struct el_lexicon el_lexicon;

enum {
    EL_LEX_CASE_EXACT = 1u << 0,  /* match only with the phrase's exact case */
    EL_LEX_CAP_ONLY   = 1u << 1,  /* match only if the first token is capitalized */
};

el_lexicon *el_lexicon_new(void);
void el_lexicon_free(el_lexicon *lx);

/* Add a phrase; returns false if it tokenizes to nothing.  Adding the same
 * phrase twice keeps both payloads (el_lexicon_match reports the first
 * acceptable one, el_lexicon_match_all all of them). */
bool el_lexicon_add(el_lexicon *lx, const char *phrase, uint32_t payload, unsigned flags);

/* The tables of lx as blob sections (base/blob.h, the compiled resource
 * cache), and back into a lexicon fresh from el_lexicon_new (its
 * abbreviations are set as before): the same lexicon as the one saved,
 * which may grow further.  false (r->bad) if the sections are no lexicon. */
struct el_buf;
struct el_blob_r;
void el_lexicon_save(const el_lexicon *lx, struct el_buf *w);
bool el_lexicon_restore(el_lexicon *lx, struct el_blob_r *r);

/* The first member of every lexicon, visible so that the test below is
 * inline: one bit per hash of a word that begins a phrase.  Matching starts
 * at every token of every document, and most begin no phrase. */
typedef struct el_lexicon_filter {
    uint64_t *first;      /* 8 << wbits bits */
    unsigned wbits;
} el_lexicon_filter;

/* The filter bit of a word of hash h (mixed apart from el_hashmap's slot
 * of h; wbits grows with the word count: a byte per two words). */
static inline size_t el_lexicon_filter_bit(uint32_t h, unsigned wbits)
{
    return (size_t)(((uint64_t)h * 0xC2B2AE3D27D4EB4Full) >> (64 - (wbits + 3)));
}

/* Might token `tok` of doc begin a phrase of lx?  (No false negatives.) */
static inline bool el_lexicon_may_start(const el_lexicon *lx, const el_doc *doc, size_t tok)
{
    const el_lexicon_filter *f = (const el_lexicon_filter *)(const void *)lx;
    size_t b = el_lexicon_filter_bit(doc->tokens[tok].lhash, f->wbits);
    return f->first[b / 64] >> (b % 64) & 1;
}

/* el_lexicon_match_all past the filter (use the functions below). */
size_t el_lexicon_match_from(const el_lexicon *lx, const el_doc *doc, size_t tok,
                             uint32_t *payloads, size_t max, size_t *npayloads);

/* Like el_lexicon_match but returns every payload of the longest match (up
 * to max); *npayloads receives the count. */
static inline size_t el_lexicon_match_all(const el_lexicon *lx, const el_doc *doc, size_t tok,
                                          uint32_t *payloads, size_t max, size_t *npayloads)
{
    *npayloads = 0;
    if (tok >= doc->ntokens || !el_lexicon_may_start(lx, doc, tok))
        return 0;
    return el_lexicon_match_from(lx, doc, tok, payloads, max, npayloads);
}

/* Longest match starting at token `tok` of `doc`, not crossing a sentence
 * boundary.  Returns the number of tokens matched (0 = none) and stores the
 * payload. */
static inline size_t el_lexicon_match(const el_lexicon *lx, const el_doc *doc, size_t tok,
                                      uint32_t *payload)
{
    size_t np;
    return el_lexicon_match_all(lx, doc, tok, payload, 1, &np);
}

/* Exact lookup of a single phrase string (tokenized); returns true if found. */
bool el_lexicon_lookup(const el_lexicon *lx, const char *phrase, uint32_t *payload);

/* Tokenize phrases with `abbrevs` (the list documents are tokenized with)
 * instead of the built-in minimal list; not owned, must outlive `lx`. */
void el_lexicon_set_abbrevs(el_lexicon *lx, const el_abbrevs *abbrevs);

size_t el_lexicon_size(const el_lexicon *lx);

#endif

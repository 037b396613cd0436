/* entity_internal.h - state shared by the entity stage's passes
 * (entity.c proposes candidates, coref.c resolves and writes them,
 * nominal.c adds nominal descriptions of people). */
#ifndef EL_ENTITY_INTERNAL_H
#define EL_ENTITY_INTERNAL_H

#include "stages/entity/gazetteer.h"

#include <stddef.h>

typedef struct cand {
    uint32_t b, e;          /* token range, end exclusive */
    el_ent_type type;
    int entry;              /* gazetteer entry, -1 = found by a rule */
    int role;               /* title entry, -1 = none */
    int target;             /* candidate whose identity this one takes, -1 = own */
    const char *subtype;    /* rule subtype (static string) or NULL */
    char nat[4];            /* country code of the role's modifier ("US" Secretary), "" */
    uint8_t src;            /* el_type_source of its type */
    bool weak;              /* a guess that needs confirmation in the document */
    bool drop;
} cand;

typedef struct title_span { uint32_t b, e; int entry; } title_span;

/* A token's longest gazetteer match, once computed (len GZ_MEMO_UNKNOWN: not yet). */
enum { GZ_MEMO_UNKNOWN = 0xFFFF };
typedef struct gz_memo { int32_t entry; uint16_t len; } gz_memo;

typedef struct tagger {
    el_doc *doc;
    const el_gazetteer *gz;
    unsigned *cue;          /* per token: CUE_* bits */
    bool *blocked;          /* per token: inside a time expression */
    gz_memo *memo;          /* per token: el_ent_gz_match's answer */
    bool *headline;         /* per sentence: headline case */
    cand *c; size_t nc, cap;
    size_t nnamed;          /* candidates before nominals were appended (in token order) */
    size_t title_end;       /* token after the last title seen */
    int title;              /* that title's entry */
    title_span *titles; size_t ntitles, cap_titles;  /* every title seen, in order */
    size_t nproducts;       /* product candidates so far (product.c) */
    uint64_t *inner_cap;    /* bit per word hash (TAGGER_HASH_BITS): written capitalized
                               inside a sentence somewhere in the document */
    uint64_t *before_cap;   /* ... or right before a capitalized word */
} tagger;

#define TAGGER_HASH_BITS 16

cand *el_ent_push(tagger *t, size_t b, size_t e, int type, int entry);
/* Token b exists and is in token a's sentence. */
static inline bool el_ent_same_sentence(const tagger *t, size_t a, size_t b)
{
    return b < t->doc->ntokens && t->doc->tokens[a].sentence == t->doc->tokens[b].sentence;
}
/* The function-word class (EL_WC_*, cues/function-words.tsv) of token i. */
static inline unsigned el_ent_wc(const tagger *t, size_t i)
{
    return el_gz_class(t->gz, t->doc, i);
}
bool el_ent_initial(const tagger *t, size_t i);
/* Longest gazetteer match at i; *entry = preferred entry (entity before title). */
size_t el_ent_gz_match(const tagger *t, size_t i, int *entry);

/* Country code ("US") of a LOCATION iso:XX or NORP nat:XX candidate, or "". */
void el_ent_country_of(const tagger *t, const cand *c, char out[4]);

/* product.c */
/* A camel-case word ("iPod"). */
bool el_ent_camel_word(const el_doc *d, size_t i);
/* End (exclusive) of a product name starting at token i, or 0: a camel-case
 * word, or with org_len > 0 the org_len tokens of an organization's name
 * followed by a model designation ("Nokia N95"). */
size_t el_ent_product_end(const tagger *t, size_t i, size_t org_len);
/* End (exclusive) of an unlisted product name: the capitalized run
 * [b, b + run) with a model designation in or after it ("Nova X7", "Aerion
 * A-220", "Falcon 9 rocket"), or a lettered model alone before a
 * `product-after` noun ("V-900 freighter"); 0 = none. */
size_t el_ent_model_product_end(const tagger *t, size_t b, size_t run);
/* The earlier product whose model designation token i repeats ("the N95"
 * after "Nokia N95"), or -1. */
int el_ent_product_model_of(const tagger *t, size_t i);

/* coref.c */
/* Candidate starting at token j (candidates are in token order), or -1. */
int el_ent_cand_at(const tagger *t, size_t j);
/* The candidate whose identity c takes (following targets). */
const cand *el_ent_identity(const tagger *t, const cand *c);

void el_ent_add_appositive_roles(tagger *t);
void el_ent_resolve(tagger *t);
/* entity_syntax.c: join names the tree says are one, drop a sentence-initial
 * common word (only with the syntax stage's analysis). */
void el_ent_syntax_review(tagger *t);
void el_ent_emit(tagger *t);

/* metonymy.c: capitals that are the subject of a statement verb stand for
 * their country's government ("X said", "X and Y agreed"). */
void el_ent_capital_governments(tagger *t);

/* nominal.c: add PERSON mentions for resolved nominal descriptions and
 * personal pronouns. */
void el_ent_add_nominals(tagger *t);
void el_ent_add_pronouns(tagger *t);

#endif

/* lexicon.c - phrase dictionary as a token trie (see lexicon.h).
 *
 * The layout keeps the number of cache lines touched per token small, so
 * that a million-entry gazetteer loads in well under a second:
 *  - every distinct (lower-case) token string is interned once: `words`
 *    (an el_hashmap) maps its hash to its word id; the id locates the
 *    word's record in one arena: the trie node the word leads to from the
 *    root, its length and its text, so verifying a hit touches one place;
 *  - a node holds the last entry of its circular entry chain (O(1) append);
 *  - a node created right after its parent (the usual case: the rest of a
 *    phrase past a shared prefix) is reached through the parent's
 *    `chain_word`, next to it in the node array: no table at all;
 *  - the other trie edges are (parent node, word id, child) records found
 *    through one el_hashmap from a hash of (parent, word id): finding a
 *    child compares two integers, no string is fetched;
 *  - once a phrase has created a node, its remaining tokens are appended
 *    without any lookup; matching below the root compares the token with
 *    the chain child's word and asks the word table only at nodes that
 *    have children in the edge table;
 *  - an entry keeps its surface form only if EL_LEX_CASE_EXACT needs it;
 *  - a bit filter over the hashes of the words that begin a phrase (one
 *    byte per word slot) answers most tokens at the root without probing
 *    the word table: matching starts at every token of every document, and
 *    most tokens begin no phrase (lexicon.h tests it inline; it is rebuilt
 *    from the list of first words' hashes when the word count doubles).
 * Phrases of plain ASCII words are split here without building a document
 * (the same tokens el_tokenize gives; tests/test_lexicon.c compares them);
 * anything else goes through the document tokenizer. */
#include "text/lexicon.h"
#include "text/lexicon_internal.h"
#include "text/tokenize.h"
#include "base/hashmap.h"
#include "base/blob.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { NO_EXACT = UINT32_MAX, MIN_BITS = 8, LOOKUP_TOKENS = 32 };

/* A word record in the arena (4-byte aligned): root child, length, text. */
enum { REC_ROOT = 0, REC_LEN = 1, REC_HEAD = 2 };   /* uint32 fields, then the text */

typedef struct edge {
    uint32_t parent, word;
    uint32_t child;
} edge;

typedef struct node {
    int32_t last_entry;    /* last entry of its circular chain, -1 = none */
    uint32_t chain_word;   /* node id + 1 is the child along this word (0 = none),
                              | EDGE_CHILDREN if other children are in the table */
} node;

enum { EDGE_CHILDREN = 0x80000000u };   /* word ids stay below: arena < 8 GB */

typedef struct entry {
    uint32_t payload, flags;
    int32_t next;          /* next entry of the same node; the last links the first */
    uint32_t exact;        /* NUL-terminated surface form in the pool, or NO_EXACT */
} entry;

struct el_lexicon {
    el_lexicon_filter filter;   /* first: lexicon.h reads it (first, wbits) */
    uint32_t *root_hashes; size_t nroots, cap_roots;   /* of the words that begin a
                                   phrase: the filter is rebuilt from them */
    el_hashmap words;           /* el_hash_lower of a word -> its id */
    char *arena;       size_t arena_len, arena_cap;   /* word records (ids: 4-byte
                                                         units, below 8 GB); id 0 unused */
    size_t nwords;
    el_hashmap edge_map;        /* edge_hash(parent, word) -> index in edges */
    edge *edges;       size_t nedges, cap_edges;
    node *nodes;       size_t nnodes, cap_nodes;  /* nodes[0] is the root */
    entry *entries;    size_t nentries, cap_entries;
    char *pool;        size_t pool_len, pool_cap;
    el_abbrevs *abbrevs;
    const el_abbrevs *shared_abbrevs;   /* el_lexicon_set_abbrevs, not owned */
    el_doc scratch;                     /* tokens of the phrase being added */
};

el_lexicon *el_lexicon_new(void)
{
    el_lexicon *lx = el_calloc(1, sizeof *lx);
    lx->filter.wbits = MIN_BITS;
    lx->filter.first = el_calloc((size_t)1 << lx->filter.wbits, 1);
    lx->arena = el_grow(lx->arena, &lx->arena_cap, 4, 1);
    memset(lx->arena, 0, 4);
    lx->arena_len = 4;   /* id 0 = "no word" */
    EL_PUSH(lx->nodes, lx->nnodes, lx->cap_nodes) = (node){-1, 0};   /* the root */
    lx->abbrevs = el_abbrevs_default();
    return lx;
}

void el_lexicon_free(el_lexicon *lx)
{
    if (!lx)
        return;
    el_hashmap_free(&lx->words);
    el_hashmap_free(&lx->edge_map);
    free(lx->filter.first);
    free(lx->root_hashes);
    free(lx->arena);
    free(lx->edges);
    free(lx->nodes);
    free(lx->entries);
    free(lx->pool);
    free(lx->scratch.tokens);
    free(lx->scratch.sentences);
    el_abbrevs_free(lx->abbrevs);
    free(lx);
}

void el_lexicon_set_abbrevs(el_lexicon *lx, const el_abbrevs *abbrevs)
{
    lx->shared_abbrevs = abbrevs;
}

size_t el_lexicon_size(const el_lexicon *lx)
{
    return lx->nentries;
}

/* A zeroed table of `bytes`; big ones ask for huge pages (fewer TLB misses
 * on random probes) where the system has them. */
static void *table_alloc(size_t bytes)
{
#ifdef MADV_HUGEPAGE
    size_t huge = (size_t)2 << 20;
    if (bytes >= huge) {
        void *p = aligned_alloc(huge, (bytes + huge - 1) / huge * huge);
        if (!p)
            return el_calloc(1, bytes);
        madvise(p, bytes, MADV_HUGEPAGE);
        return memset(p, 0, bytes);
    }
#endif
    return el_calloc(1, bytes);
}

static uint32_t pool_add(el_lexicon *lx, const char *s, size_t n)
{
    lx->pool = el_grow(lx->pool, &lx->pool_cap, lx->pool_len + n + 1, 1);
    uint32_t off = (uint32_t)lx->pool_len;
    memcpy(lx->pool + off, s, n);
    lx->pool_len += n;
    return off;
}

/* ---- interned words --------------------------------------------------- */

static uint32_t *word_rec(const el_lexicon *lx, uint32_t id)
{
    return (uint32_t *)(void *)(lx->arena + (size_t)id * 4);
}

static const char *word_text(const el_lexicon *lx, uint32_t id)
{
    return (const char *)(word_rec(lx, id) + REC_HEAD);
}

/* The id of the word s[0..n) (hash h), 0 = not interned. */
static uint32_t word_find(const el_lexicon *lx, uint32_t h, const char *s, size_t n)
{
    el_hashmap_probe p = el_hashmap_find(&lx->words, h);
    for (uint32_t id; el_hashmap_next(&lx->words, &p, &id);)
        if (word_rec(lx, id)[REC_LEN] == n && el_eq_lower(word_text(lx, id), s, n))
            return id;
    return 0;
}

static void first_set(el_lexicon *lx, uint32_t h)
{
    size_t b = el_lexicon_filter_bit(h, lx->filter.wbits);
    lx->filter.first[b / 64] |= 1ull << (b % 64);
}

/* Double the filter (8 bits per word slot it stands for). */
static void filter_grow(el_lexicon *lx)
{
    lx->filter.wbits++;
    free(lx->filter.first);
    lx->filter.first = table_alloc((size_t)1 << lx->filter.wbits);
    for (size_t i = 0; i < lx->nroots; i++)
        first_set(lx, lx->root_hashes[i]);
}

/* Id of the word s[0..n), adding it (lower-cased) if new. */
static uint32_t word_intern(el_lexicon *lx, uint32_t h, const char *s, size_t n)
{
    if (lx->nwords * 2 > ((size_t)1 << lx->filter.wbits))
        filter_grow(lx);   /* a byte per two words: few false positives */
    uint32_t id = word_find(lx, h, s, n);
    if (id)
        return id;
    size_t need = (REC_HEAD * 4 + n + 3) & ~(size_t)3;
    lx->arena = el_grow(lx->arena, &lx->arena_cap, lx->arena_len + need, 1);
    id = (uint32_t)(lx->arena_len / 4);
    el_hashmap_put(&lx->words, h, id);
    lx->arena_len += need;
    lx->nwords++;
    uint32_t *rec = word_rec(lx, id);
    memset(rec, 0, need);   /* (the padding too: the compiled cache is written byte for byte) */
    rec[REC_ROOT] = 0;
    rec[REC_LEN] = (uint32_t)n;
    char *text = (char *)(rec + REC_HEAD);
    for (size_t i = 0; i < n; i++)
        text[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
    return id;
}

/* ---- trie edges ------------------------------------------------------- */

static uint32_t edge_hash(uint32_t parent, uint32_t w)
{
    uint64_t z = ((uint64_t)parent << 32 | w) + 0x9E3779B97F4A7C15ull;   /* splitmix64 */
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

static uint32_t edge_find(const el_lexicon *lx, uint32_t parent, uint32_t w)
{
    el_hashmap_probe p = el_hashmap_find(&lx->edge_map, edge_hash(parent, w));
    for (uint32_t e; el_hashmap_next(&lx->edge_map, &p, &e);)
        if (lx->edges[e].parent == parent && lx->edges[e].word == w)
            return lx->edges[e].child;
    return 0;
}

/* Child of `parent` along word `w`, 0 = none. */
static uint32_t child_of(const el_lexicon *lx, uint32_t parent, uint32_t w)
{
    if (!parent)
        return word_rec(lx, w)[REC_ROOT];
    uint32_t cw = lx->nodes[parent].chain_word;
    if ((cw & ~EDGE_CHILDREN) == w)
        return parent + 1;
    return cw & EDGE_CHILDREN ? edge_find(lx, parent, w) : 0;
}

/* A new node below `parent` along word `w` of hash h (which has no such
 * child yet). */
static uint32_t child_new(el_lexicon *lx, uint32_t parent, uint32_t w, uint32_t h)
{
    uint32_t c = (uint32_t)lx->nnodes;
    EL_PUSH(lx->nodes, lx->nnodes, lx->cap_nodes) = (node){-1, 0};
    if (!parent) {
        word_rec(lx, w)[REC_ROOT] = c;
        first_set(lx, h);
        EL_PUSH(lx->root_hashes, lx->nroots, lx->cap_roots) = h;
        return c;
    }
    if (parent + 1 == c) {   /* the parent was the last node made: no child yet */
        lx->nodes[parent].chain_word = w;
        return c;
    }
    el_hashmap_put(&lx->edge_map, edge_hash(parent, w), (uint32_t)lx->nedges);
    EL_PUSH(lx->edges, lx->nedges, lx->cap_edges) = (edge){parent, w, c};
    lx->nodes[parent].chain_word |= EDGE_CHILDREN;
    return c;
}

/* ---- splitting phrases ------------------------------------------------ */

/* Scan the plain word starting at s[b] into *t (offsets, lhash, flags as
 * el_tokenize gives them); returns its end, or (size_t)-1 at a character
 * other than an ASCII letter or digit.  One pass: the hash is
 * el_hash_lower's FNV-1a (tests/test_lexicon.c compares both). */
static size_t plain_word(const char *s, size_t b, size_t len, el_token *t)
{
    uint32_t h = 2166136261u;
    size_t letters = 0, upper = 0, i = b;
    for (; i < len && s[i] != ' '; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            upper++;
            c = (unsigned char)(c + 32);
        } else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
            return (size_t)-1;
        }
        letters += c >= 'a';
        h = (h ^ c) * 16777619u;
    }
    uint16_t f = s[b] <= '9' ? EL_TOK_NUMBER : 0;
    if (i - b > letters)   /* (the others: digits) */
        f |= EL_TOK_DIGIT;
    if (letters)
        f |= EL_TOK_WORD;
    if (s[b] >= 'A' && s[b] <= 'Z')
        f |= EL_TOK_CAP;
    if (letters >= 2 && upper == letters)
        f |= EL_TOK_ALLCAPS;
    *t = (el_token){(uint32_t)b, (uint32_t)i, 0, h, f};
    return i;
}

size_t el_lex_split_plain(const char *s, size_t len, el_token *out, size_t max)
{
    size_t nt = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        if (nt == max || (i = plain_word(s, i, len, &out[nt])) == (size_t)-1)
            return (size_t)-1;
        nt++;
    }
    if (nt)
        out[0].flags |= EL_TOK_SENT_START;
    return nt;
}

/* Tokenize `phrase` into d (its text points to the phrase). */
static void split_phrase(const el_lexicon *lx, el_doc *d, const char *phrase)
{
    d->text = (char *)phrase;
    d->len = strlen(phrase);
    size_t max = d->len / 2 + 1;   /* words are separated by spaces */
    if (d->len < EL_SENTENCE_HARD_MAX) {
        d->tokens = el_grow(d->tokens, &d->cap_tokens, max, sizeof *d->tokens);
        size_t nt = el_lex_split_plain(phrase, d->len, d->tokens, max);
        if (nt != (size_t)-1) {
            d->ntokens = nt;
            return;
        }
    }
    el_tokenize(d, lx->shared_abbrevs ? lx->shared_abbrevs : lx->abbrevs);
}

/* ---- adding ----------------------------------------------------------- */

/* The phrase's tokens, original case, NUL-terminated in the pool. */
static uint32_t pool_exact(el_lexicon *lx, const el_doc *d)
{
    uint32_t off = (uint32_t)lx->pool_len;
    for (size_t t = 0; t < d->ntokens; t++) {
        size_t n;
        const char *s = el_tok_text(d, t, &n);
        pool_add(lx, s, n);
    }
    lx->pool[lx->pool_len++] = '\0';   /* pool_add reserved the byte */
    return off;
}

/* Append an entry to node `nd`'s chain, keeping insertion order.  The
 * chain is circular and the node holds its last entry: appending touches
 * two entries whatever the chain's length. */
static void entry_add(el_lexicon *lx, uint32_t nd, entry e)
{
    int32_t idx = (int32_t)lx->nentries;
    EL_PUSH(lx->entries, lx->nentries, lx->cap_entries) = e;
    int32_t *last = &lx->nodes[nd].last_entry;
    if (*last >= 0) {
        lx->entries[idx].next = lx->entries[*last].next;   /* the first */
        lx->entries[*last].next = idx;
    } else {
        lx->entries[idx].next = idx;
    }
    *last = idx;
}

bool el_lexicon_add(el_lexicon *lx, const char *phrase, uint32_t payload, unsigned flags)
{
    el_doc *d = &lx->scratch;
    split_phrase(lx, d, phrase);
    if (d->ntokens == 0)
        return false;
    uint32_t cur = 0;
    bool fresh = false;   /* cur was created by this phrase: it has no children */
    for (size_t t = 0; t < d->ntokens; t++) {
        size_t n;
        const char *s = el_tok_text(d, t, &n);
        uint32_t w = word_intern(lx, d->tokens[t].lhash, s, n);
        uint32_t c = fresh ? 0 : child_of(lx, cur, w);
        if (!c) {
            c = child_new(lx, cur, w, d->tokens[t].lhash);
            fresh = true;
        }
        cur = c;
    }
    uint32_t exact = flags & EL_LEX_CASE_EXACT ? pool_exact(lx, d) : NO_EXACT;
    entry_add(lx, cur, (entry){payload, flags, 0, exact});
    return true;
}

/* ---- matching --------------------------------------------------------- */

static bool exact_case_ok(const el_lexicon *lx, const entry *e, const el_doc *doc,
                          size_t tok, size_t ntok)
{
    const char *x = lx->pool + e->exact;
    for (size_t t = tok; t < tok + ntok; t++) {
        size_t n;
        const char *s = el_tok_text(doc, t, &n);
        if (strncmp(x, s, n) != 0)   /* stops at x's NUL: tokens contain none */
            return false;
        x += n;
    }
    return *x == '\0';
}

static bool entry_ok(const el_lexicon *lx, const entry *e, const el_doc *doc, size_t tok,
                     size_t ntok)
{
    if ((e->flags & EL_LEX_CAP_ONLY) && !(doc->tokens[tok].flags & EL_TOK_CAP))
        return false;
    if ((e->flags & EL_LEX_CASE_EXACT) && !exact_case_ok(lx, e, doc, tok, ntok))
        return false;
    return true;
}

/* Collect the acceptable payloads of node `nd` for tokens tok..tok+len. */
static size_t node_payloads(const el_lexicon *lx, uint32_t nd, const el_doc *doc,
                            size_t tok, size_t len, uint32_t *payloads, size_t max)
{
    size_t found = 0;
    int32_t last = lx->nodes[nd].last_entry;
    for (int32_t ei = last < 0 ? -1 : lx->entries[last].next; ei >= 0;
         ei = ei == last ? -1 : lx->entries[ei].next) {
        const entry *e = &lx->entries[ei];
        if (!entry_ok(lx, e, doc, tok, len))
            continue;
        if (found < max)
            payloads[found] = e->payload;
        if (++found >= max)
            break;   /* the caller keeps no more */
    }
    return found;
}

/* The child of node cur along token t of doc, 0 = none.  Below the root
 * the chain child is checked against the token's text directly, and the
 * word table is only consulted if the node has children in the edge table
 * (a leaf costs nothing). */
static uint32_t next_node(const el_lexicon *lx, uint32_t cur, const el_doc *doc, size_t t)
{
    size_t n;
    const char *s = el_tok_text(doc, t, &n);
    uint32_t cw = cur ? lx->nodes[cur].chain_word : EDGE_CHILDREN;
    uint32_t chain = cw & ~EDGE_CHILDREN;
    if (chain && word_rec(lx, chain)[REC_LEN] == n && el_eq_lower(word_text(lx, chain), s, n))
        return cur + 1;
    if (!(cw & EDGE_CHILDREN))   /* (at the root the caller asked the filter) */
        return 0;
    uint32_t w = word_find(lx, doc->tokens[t].lhash, s, n);
    return w ? child_of(lx, cur, w) : 0;
}

/* The longest match from token tok, which passed the filter (lexicon.h
 * tests it inline: most tokens begin no phrase). */
size_t el_lexicon_match_from(const el_lexicon *lx, const el_doc *doc, size_t tok,
                             uint32_t *payloads, size_t max, size_t *npayloads)
{
    uint32_t sentence = doc->tokens[tok].sentence, cur = 0;
    size_t best = 0;
    for (size_t t = tok; t < doc->ntokens && doc->tokens[t].sentence == sentence; t++) {
        if (!(cur = next_node(lx, cur, doc, t)))
            break;
        size_t len = t - tok + 1;
        size_t found = node_payloads(lx, cur, doc, tok, len, payloads, max);
        if (found) {
            best = len;
            *npayloads = found < max ? found : max;
        }
        if (!lx->nodes[cur].chain_word)
            break;   /* a leaf: no longer phrase (the next token is not looked at) */
    }
    return best;
}


bool el_lexicon_lookup(const el_lexicon *lx, const char *phrase, uint32_t *payload)
{
    el_token toks[LOOKUP_TOKENS];
    el_doc d;
    memset(&d, 0, sizeof d);
    d.text = (char *)phrase;
    d.len = strlen(phrase);
    d.tokens = toks;
    d.ntokens = el_lex_split_plain(phrase, d.len, toks, LOOKUP_TOKENS);
    bool own = d.ntokens == (size_t)-1;
    if (own) {
        memset(&d, 0, sizeof d);
        d.text = (char *)phrase;
        d.len = strlen(phrase);
        el_tokenize(&d, lx->shared_abbrevs ? lx->shared_abbrevs : lx->abbrevs);
    }
    size_t np = 0, n = d.ntokens ? el_lexicon_match_all(lx, &d, 0, payload, 1, &np) : 0;
    bool found = d.ntokens > 0 && n == d.ntokens && np > 0;
    if (own) {
        free(d.tokens);
        free(d.sentences);
    }
    return found;
}

/* ---- the compiled cache ----------------------------------------------- */

void el_lexicon_save(const el_lexicon *lx, el_buf *w)
{
    el_blob_put_u64(w, lx->filter.wbits);
    el_blob_put(w, lx->filter.first, (size_t)1 << lx->filter.wbits);
    el_blob_put(w, lx->root_hashes, lx->nroots * sizeof *lx->root_hashes);
    el_hashmap_save(&lx->words, w);
    el_blob_put(w, lx->arena, lx->arena_len);
    el_blob_put_u64(w, lx->nwords);
    el_hashmap_save(&lx->edge_map, w);
    el_blob_put(w, lx->edges, lx->nedges * sizeof *lx->edges);
    el_blob_put(w, lx->nodes, lx->nnodes * sizeof *lx->nodes);
    el_blob_put(w, lx->entries, lx->nentries * sizeof *lx->entries);
    el_blob_put(w, lx->pool, lx->pool_len);
}

/* The filter table of the next section (2^wbits bytes), or NULL. */
static uint64_t *filter_restore(el_blob_r *r, unsigned wbits)
{
    size_t n;
    const void *p = el_blob_get(r, &n);
    if (!p || wbits < MIN_BITS || wbits > 40 || n != (size_t)1 << wbits)
        return r->bad = true, NULL;
    return memcpy(table_alloc(n), p, n);
}

bool el_lexicon_restore(el_lexicon *lx, el_blob_r *r)
{
    unsigned wbits = (unsigned)el_blob_get_u64(r);
    uint64_t *first = filter_restore(r, wbits);
    if (!first)
        return false;
    free(lx->filter.first);
    lx->filter.first = first;
    lx->filter.wbits = wbits;
    free(lx->root_hashes);
    lx->root_hashes = el_blob_copy(r, sizeof *lx->root_hashes, 0, &lx->nroots);
    lx->cap_roots = lx->nroots;
    el_hashmap_restore(&lx->words, r);
    free(lx->arena);
    lx->arena = el_blob_copy(r, 1, 0, &lx->arena_len);
    lx->arena_cap = lx->arena_len;
    lx->nwords = (size_t)el_blob_get_u64(r);
    el_hashmap_restore(&lx->edge_map, r);
    free(lx->edges);
    lx->edges = el_blob_copy(r, sizeof *lx->edges, 0, &lx->nedges);
    lx->cap_edges = lx->nedges;
    free(lx->nodes);
    lx->nodes = el_blob_copy(r, sizeof *lx->nodes, 0, &lx->nnodes);
    lx->cap_nodes = lx->nnodes;
    free(lx->entries);
    lx->entries = el_blob_copy(r, sizeof *lx->entries, 0, &lx->nentries);
    lx->cap_entries = lx->nentries;
    free(lx->pool);
    lx->pool = el_blob_copy(r, 1, 1, &lx->pool_len);   /* (+1: the byte pool_add reserves) */
    lx->pool_cap = lx->pool_len + 1;
    /* a root node and the arena's unused id 0 always exist */
    if (lx->nnodes == 0 || lx->arena_len < 4 || lx->arena_len % 4)
        r->bad = true;
    return !r->bad;
}

/* lexicon.c - phrase dictionary as a token trie (see lexicon.h).
 *
 * Nodes are numbered; node 0 is the root.  Edges live in one open-addressing
 * table keyed by (parent node, lower-case token hash); the child node keeps
 * its token text so that hash collisions are verified, never trusted.  Each
 * node has a chain of entries (payload, flags, exact surface form). */
#include "lexicon.h"
#include "tokenize.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct node {
    uint32_t tok_off, tok_len;   /* lower-case token text in the pool */
    int32_t first_entry;         /* -1 = none */
} node;

typedef struct entry {
    uint32_t payload;
    uint32_t flags;
    uint32_t exact_off, exact_len;  /* concatenated token texts, original case */
    int32_t next;
} entry;

typedef struct edge {
    uint32_t parent;
    uint32_t hash;
    uint32_t child;   /* 0 = empty slot (the root is never a child) */
} edge;

struct el_lexicon {
    node *nodes;   size_t nnodes, cap_nodes;
    entry *entries; size_t nentries, cap_entries;
    edge *edges;   size_t nedges, cap_edges;   /* cap_edges: power of two */
    char *pool;    size_t pool_len, pool_cap;
    el_abbrevs *abbrevs;
    const el_abbrevs *shared_abbrevs;   /* el_lexicon_set_abbrevs, not owned */
    el_doc scratch;
};

el_lexicon *el_lexicon_new(void)
{
    el_lexicon *lx = el_calloc(1, sizeof *lx);
    node root = {0, 0, -1};
    EL_PUSH(lx->nodes, lx->nnodes, lx->cap_nodes) = root;
    lx->cap_edges = 1024;
    lx->edges = el_calloc(lx->cap_edges, sizeof *lx->edges);
    lx->abbrevs = el_abbrevs_default();
    return lx;
}

void el_lexicon_free(el_lexicon *lx)
{
    if (!lx)
        return;
    free(lx->nodes);
    free(lx->entries);
    free(lx->edges);
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

static uint32_t pool_add(el_lexicon *lx, const char *s, size_t n, bool lower)
{
    lx->pool = el_grow(lx->pool, &lx->pool_cap, lx->pool_len + n + 1, 1);
    uint32_t off = (uint32_t)lx->pool_len;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (lower && c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        lx->pool[off + i] = c;
    }
    lx->pool_len += n;
    return off;
}

static size_t edge_slot(uint32_t parent, uint32_t hash, size_t cap)
{
    uint64_t k = ((uint64_t)parent << 32 | hash) * 0x9E3779B97F4A7C15ull;
    k ^= k >> 29;   /* fold the parent's bits (high in the product) into the slot */
    return (size_t)(k >> 20) & (cap - 1);
}

static void edges_insert(edge *edges, size_t cap, edge e)
{
    size_t i = edge_slot(e.parent, e.hash, cap);
    while (edges[i].child)
        i = (i + 1) & (cap - 1);
    edges[i] = e;
}

static void edges_grow(el_lexicon *lx)
{
    size_t ncap = lx->cap_edges * 2;
    edge *ne = el_calloc(ncap, sizeof *ne);
    for (size_t i = 0; i < lx->cap_edges; i++)
        if (lx->edges[i].child)
            edges_insert(ne, ncap, lx->edges[i]);
    free(lx->edges);
    lx->edges = ne;
    lx->cap_edges = ncap;
}

/* Child of `parent` for token text t[0..n) with lower-case hash h, or 0. */
static uint32_t child_of(const el_lexicon *lx, uint32_t parent, uint32_t h,
                         const char *t, size_t n)
{
    size_t i = edge_slot(parent, h, lx->cap_edges);
    while (lx->edges[i].child) {
        const edge *e = &lx->edges[i];
        if (e->parent == parent && e->hash == h) {
            const node *c = &lx->nodes[e->child];
            if (el_eq_nocase(lx->pool + c->tok_off, c->tok_len, t, n))
                return e->child;
        }
        i = (i + 1) & (lx->cap_edges - 1);
    }
    return 0;
}

static uint32_t add_child(el_lexicon *lx, uint32_t parent, uint32_t h, const char *t, size_t n)
{
    uint32_t c = child_of(lx, parent, h, t, n);
    if (c)
        return c;
    if ((lx->nedges + 1) * 4 > lx->cap_edges * 3)
        edges_grow(lx);
    node nd = {pool_add(lx, t, n, true), (uint32_t)n, -1};
    c = (uint32_t)lx->nnodes;
    EL_PUSH(lx->nodes, lx->nnodes, lx->cap_nodes) = nd;
    edge e = {parent, h, c};
    edges_insert(lx->edges, lx->cap_edges, e);
    lx->nedges++;
    return c;
}

static void tokenize_phrase(el_lexicon *lx, const char *phrase)
{
    el_doc *d = &lx->scratch;
    d->text = (char *)phrase;
    d->len = strlen(phrase);
    el_tokenize(d, lx->shared_abbrevs ? lx->shared_abbrevs : lx->abbrevs);
}

bool el_lexicon_add(el_lexicon *lx, const char *phrase, uint32_t payload, unsigned flags)
{
    tokenize_phrase(lx, phrase);
    el_doc *d = &lx->scratch;
    if (d->ntokens == 0)
        return false;
    uint32_t cur = 0;
    size_t exact_len = 0;
    for (size_t t = 0; t < d->ntokens; t++) {
        size_t n;
        const char *s = el_tok_text(d, t, &n);
        cur = add_child(lx, cur, d->tokens[t].lhash, s, n);
        exact_len += n;
    }
    entry e = {payload, flags, (uint32_t)lx->pool_len, (uint32_t)exact_len, -1};
    for (size_t t = 0; t < d->ntokens; t++) {
        size_t n;
        const char *s = el_tok_text(d, t, &n);
        pool_add(lx, s, n, false);
    }
    /* append at the end of the chain, keeping insertion order */
    int32_t idx = (int32_t)lx->nentries;
    EL_PUSH(lx->entries, lx->nentries, lx->cap_entries) = e;
    int32_t *link = &lx->nodes[cur].first_entry;
    while (*link >= 0)
        link = &lx->entries[*link].next;
    *link = idx;
    return true;
}

static bool exact_case_ok(const el_lexicon *lx, const entry *e, const el_doc *doc,
                          size_t tok, size_t ntok)
{
    size_t off = 0;
    for (size_t t = tok; t < tok + ntok; t++) {
        size_t n;
        const char *s = el_tok_text(doc, t, &n);
        if (off + n > e->exact_len || memcmp(lx->pool + e->exact_off + off, s, n) != 0)
            return false;
        off += n;
    }
    return off == e->exact_len;
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

size_t el_lexicon_match_all(const el_lexicon *lx, const el_doc *doc, size_t tok,
                            uint32_t *payloads, size_t max, size_t *npayloads)
{
    *npayloads = 0;
    if (tok >= doc->ntokens)
        return 0;
    uint32_t sentence = doc->tokens[tok].sentence, cur = 0;
    size_t best = 0;
    for (size_t t = tok; t < doc->ntokens && doc->tokens[t].sentence == sentence; t++) {
        size_t n;
        const char *s = el_tok_text(doc, t, &n);
        cur = child_of(lx, cur, doc->tokens[t].lhash, s, n);
        if (!cur)
            break;
        size_t len = t - tok + 1, found = 0;
        for (int32_t ei = lx->nodes[cur].first_entry; ei >= 0; ei = lx->entries[ei].next) {
            const entry *e = &lx->entries[ei];
            if (!entry_ok(lx, e, doc, tok, len))
                continue;
            if (found < max)
                payloads[found] = e->payload;
            found++;
        }
        if (found) {
            best = len;
            *npayloads = found < max ? found : max;
        }
    }
    return best;
}

size_t el_lexicon_match(const el_lexicon *lx, const el_doc *doc, size_t tok, uint32_t *payload)
{
    size_t np;
    return el_lexicon_match_all(lx, doc, tok, payload, 1, &np);
}

bool el_lexicon_lookup(const el_lexicon *lx, const char *phrase, uint32_t *payload)
{
    el_doc d;
    memset(&d, 0, sizeof d);
    d.text = (char *)phrase;
    d.len = strlen(phrase);
    el_tokenize(&d, lx->shared_abbrevs ? lx->shared_abbrevs : lx->abbrevs);
    size_t np = 0, n = d.ntokens ? el_lexicon_match_all(lx, &d, 0, payload, 1, &np) : 0;
    bool found = d.ntokens > 0 && n == d.ntokens && np > 0;
    free(d.tokens);
    free(d.sentences);
    return found;
}

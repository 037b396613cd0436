/* corpus.c - documents of one run and the cross-document entity index
 * (see corpus.h).  Entities are identified by the canonical key their
 * mentions carry; ids are assigned in key order so that the same input
 * always yields the same ids, whatever the document order.  Linking groups
 * the mentions by key through a hash table and sorts only the distinct keys. */
#include "model/corpus.h"
#include "base/util.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

const char *el_anchor_name(el_anchor a)
{
    static const char *const names[] = {"none", "timex", "sentence", "report", "duration"};
    return (size_t)a < sizeof names / sizeof *names ? names[a] : "none";
}

const char *el_event_precision(const el_event *v)
{
    if (!v->value[0])
        return "none";
    if (v->iv.end > v->iv.begin)
        return el_gran_name(v->iv.gran);
    el_interval iv;
    return el_value_interval(v->value, &iv) ? el_gran_name(iv.gran) : "none";
}

el_corpus *el_corpus_new(void)
{
    return el_calloc(1, sizeof(el_corpus));
}

void el_corpus_add(el_corpus *c, el_doc *doc)
{
    EL_PUSH(c->docs, c->ndocs, c->cap_docs) = doc;
}

static void free_entity(el_entity *e)
{
    free(e->key);
    free(e->name);
    for (size_t i = 0; i < e->naliases; i++)
        free(e->aliases[i]);
    free(e->aliases);
    for (size_t i = 0; i < e->nroles; i++)
        free(e->roles[i]);
    free(e->roles);
    free(e->docs);
}

static void free_event(el_event *e)
{
    free(e->type);
    free(e->label);
    free(e->participants);
    free(e->mentions);
    for (size_t i = 0; i < e->nmerges; i++)
        free(e->merges[i].why);
    free(e->merges);
}

/* An event the text itself dates: a timex of its clause or sentence. */
static bool own_date(const el_event *v)
{
    return v->value[0] && (v->anchor == EL_ANCHOR_TIMEX || v->anchor == EL_ANCHOR_SENTENCE);
}

void el_corpus_keep_own_dates(el_corpus *c)
{
    size_t *to = el_malloc((c->nevents + 1) * sizeof *to), n = 0;
    for (size_t i = 0; i < c->nevents; i++) {
        if (own_date(&c->events[i])) {
            to[i] = n;
            c->events[n++] = c->events[i];
        } else {
            to[i] = SIZE_MAX;
            free_event(&c->events[i]);
        }
    }
    c->nevents = n;
    size_t r = 0;
    for (size_t i = 0; i < c->nrelations; i++) {
        el_relation x = c->relations[i];
        if (to[x.from] == SIZE_MAX || to[x.to] == SIZE_MAX) {
            free(x.evidence);
            continue;
        }
        x.from = to[x.from];
        x.to = to[x.to];
        c->relations[r++] = x;
    }
    c->nrelations = r;
    size_t t = 0;
    for (size_t i = 0; i < c->ntimeline; i++)
        if (to[c->timeline[i]] != SIZE_MAX)
            c->timeline[t++] = to[c->timeline[i]];
    c->ntimeline = t;
    free(to);
}

void el_corpus_free(el_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->ndocs; i++)
        el_doc_free(c->docs[i]);
    free(c->docs);
    for (size_t i = 0; i < c->nentities; i++)
        free_entity(&c->entities[i]);
    free(c->entities);
    for (size_t i = 0; i < c->nevents; i++)
        free_event(&c->events[i]);
    free(c->events);
    for (size_t i = 0; i < c->nrelations; i++)
        free(c->relations[i].evidence);
    free(c->relations);
    free(c->timeline);
    for (size_t i = 0; i < c->nconflicts; i++)
        free(c->conflicts[i]);
    free(c->conflicts);
    el_hashmap_free(&c->entity_map);
    free(c);
}

static int cmp_doc(const void *a, const void *b)
{
    const el_doc *x = *(el_doc *const *)a, *y = *(el_doc *const *)b;
    int k = strcmp(x->id, y->id);
    if (k)
        return k;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return memcmp(x->text, y->text, x->len);
}

void el_corpus_sort_docs(el_corpus *c)
{
    if (c->ndocs > 1)
        qsort(c->docs, c->ndocs, sizeof *c->docs, cmp_doc);
    for (size_t i = 1, dup = 1; i < c->ndocs; i++) {
        const char *prev = c->docs[i - 1]->id;
        size_t plen = strcspn(prev, "~");
        if (strncmp(prev, c->docs[i]->id, plen) == 0 && c->docs[i]->id[plen] == '\0') {
            char *id = el_malloc(plen + 24);
            snprintf(id, plen + 24, "%.*s~%zu", (int)plen, prev, ++dup);
            free(c->docs[i]->id);
            c->docs[i]->id = id;
        } else {
            dup = 1;
        }
    }
}

/* A mention as linking needs it, read in document order (where its
 * strings are near each other in memory) before the mentions are grouped
 * by key. */
typedef struct mref {
    uint32_t key;             /* index of the mention's key among the distinct keys */
    uint32_t doc, m;
    uint32_t alias_len;
    const char *alias;        /* text that is an alias of the entity, or NULL */
    const char *role;         /* the mention's role or NULL */
} mref;

/* The distinct mention keys, found through the hash map. */
typedef struct key_table {
    el_hashmap map;           /* key hash -> key index */
    const char **keys;        /* the distinct keys, first seen first */
    size_t nkeys;
} key_table;

/* Index of `key` in kt, adding it if new. */
static uint32_t key_index(key_table *kt, const char *key)
{
    uint32_t h = el_hash_str(key);
    el_hashmap_probe p = el_hashmap_find(&kt->map, h);
    for (uint32_t k; el_hashmap_next(&kt->map, &p, &k);)
        if (kt->keys[k] == key || strcmp(kt->keys[k], key) == 0)
            return k;
    uint32_t k = (uint32_t)kt->nkeys++;
    kt->keys[k] = key;
    el_hashmap_put(&kt->map, h, k);
    return k;
}

/* A pronoun or a description: its text is no name of the entity. */
static bool refers(const el_mention *m)
{
    const char *s = m->subtype;   /* first letters first: most subtypes are neither */
    return s && ((s[0] == 'p' && strcmp(s, "pronoun") == 0) ||
                 (s[0] == 'n' && strcmp(s, "nominal") == 0));
}

/* A name that its owner's possessive qualifies ("the Beatles' Apple
 * Corps", "Acme's Widget"): the whole phrase is an alias, as articles name
 * the entity that way.  The owner is a person, organization or other name
 * (not a place: "Freedonia's Jane Roe" is no name of hers). */
static bool possessor_alias(const el_doc *doc, const el_mention *m, mref *r)
{
    if (m == doc->mentions || m->tok_begin < 2 || refers(m))
        return false;
    size_t p = m->tok_begin - 1;   /* the possessive */
    const el_mention *o = m - 1;
    bool plural_owner = o->end > o->start && doc->text[o->end - 1] == 's' &&
                        (el_tok_is(doc, p, "'") || el_tok_is(doc, p, "\u2019"));   /* "Beatles'" */
    if (!(el_tok_is_possessive(doc, p) || plural_owner))
        return false;
    if (o->tok_end != p || refers(o) ||
        (o->type != EL_ENT_PERSON && o->type != EL_ENT_ORGANIZATION && o->type != EL_ENT_OTHER))
        return false;
    r->alias = doc->text + o->start;
    r->alias_len = (uint32_t)(m->end - o->start);
    return true;
}

/* Set r->alias to the mention's text if it is an alias of the entity named
 * `name`: not the name itself, and no pronoun or description ("he", "the
 * top diplomat"). */
static void alias_of(const el_doc *doc, const el_mention *m, const char *name, mref *r)
{
    if (possessor_alias(doc, m, r))
        return;
    size_t len = m->end - m->start;
    const char *text = doc->text + m->start;
    if (len > 4 && (memcmp(text, "the ", 4) == 0 || memcmp(text, "The ", 4) == 0)) {
        text += 4;   /* "the United States": the alias is "United States" */
        len -= 4;
    }
    bool same = strncmp(name, text, len) == 0 && name[len] == '\0';   /* the name itself */
    if (!same && !refers(m)) {
        r->alias = text;
        r->alias_len = (uint32_t)len;
    }
}

static int cmp_key_ptr(const void *a, const void *b)
{
    return strcmp(**(const char *const *const *)a, **(const char *const *const *)b);
}

/* The mentions of all documents ordered by (key, document, mention): each
 * mention's key is looked up once, the distinct keys are sorted, and the
 * mentions (read again in document order) are placed by their key's rank. */
static mref *mentions_by_key(const el_corpus *c, size_t total)
{
    key_table kt = {EL_HASHMAP_INIT, el_malloc((total + 1) * sizeof *kt.keys), 0};
    el_hashmap_reserve(&kt.map, total);   /* (never grows) */
    uint32_t *kis = el_malloc((total + 1) * sizeof *kis);   /* key index by mention */
    const char **names = el_malloc((total + 1) * sizeof *names);   /* by key index */
    size_t k = 0;
    const char *memo_key[64] = {0};   /* the last key index by key address: a document's
                                         mentions of one name share their key string */
    uint32_t memo_ki[64] = {0};
    for (size_t d = 0; d < c->ndocs; d++)
        for (size_t m = 0; m < c->docs[d]->nmentions; m++, k++) {
            const el_mention *mn = &c->docs[d]->mentions[m];
            if (m + 4 < c->docs[d]->nmentions)
                el_prefetch(mn[4].key);   /* strings lie apart: ask ahead */
            size_t nkeys = kt.nkeys, h = ((uintptr_t)mn->key >> 3) & 63;
            if (mn->key && memo_key[h] == mn->key) {
                kis[k] = memo_ki[h];
                continue;   /* (a key seen before: not new, nothing more to note) */
            }
            kis[k] = key_index(&kt, mn->key);
            memo_key[h] = mn->key;
            memo_ki[h] = kis[k];
            if (kt.nkeys > nkeys)
                names[kis[k]] = mn->name;   /* the entity's name: its first mention's */
        }
    const char ***order = el_malloc((kt.nkeys + 1) * sizeof *order);
    for (size_t i = 0; i < kt.nkeys; i++)
        order[i] = &kt.keys[i];
    qsort(order, kt.nkeys, sizeof *order, cmp_key_ptr);
    size_t *first = el_calloc(kt.nkeys + 1, sizeof *first);   /* by key index */
    for (size_t i = 0; i < total; i++)
        first[kis[i]]++;
    for (size_t r = 0, at = 0; r < kt.nkeys; r++) {
        size_t ki = (size_t)(order[r] - kt.keys), n = first[ki];
        first[ki] = at;
        at += n;
    }
    mref *refs = el_malloc((total ? total : 1) * sizeof *refs);
    k = 0;
    for (size_t d = 0; d < c->ndocs; d++)
        for (size_t m = 0; m < c->docs[d]->nmentions; m++, k++) {
            const el_mention *mn = &c->docs[d]->mentions[m];
            if (m + 4 < c->docs[d]->nmentions) {
                el_prefetch(mn[4].name);
                el_prefetch(c->docs[d]->text + mn[4].start);
            }
            mref *r = &refs[first[kis[k]]++];
            *r = (mref){kis[k], (uint32_t)d, (uint32_t)m, 0, NULL, mn->role};
            alias_of(c->docs[d], mn, names[kis[k]], r);
        }
    free(first);
    free(order);
    free(kis);
    free(names);
    el_hashmap_free(&kt.map);
    free(kt.keys);
    return refs;
}

static void add_unique(char ***arr, size_t *n, size_t *cap, const char *s, size_t len)
{
    for (size_t i = 0; i < *n; i++)
        if (strlen((*arr)[i]) == len && memcmp((*arr)[i], s, len) == 0)
            return;
    EL_PUSH(*arr, *n, *cap) = el_strndup(s, len);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The hash index el_corpus_entity_of uses (keys are distinct). */
static void index_entities(el_corpus *c)
{
    el_hashmap_free(&c->entity_map);
    el_hashmap_reserve(&c->entity_map, c->nentities);
    for (size_t e = 0; e < c->nentities; e++)
        el_hashmap_put(&c->entity_map, el_hash_str(c->entities[e].key), (uint32_t)e);
}

void el_corpus_link_entities(el_corpus *c)
{
    el_corpus_adopt_short_names(c);
    size_t total = 0;
    for (size_t d = 0; d < c->ndocs; d++)
        total += c->docs[d]->nmentions;
    mref *refs = mentions_by_key(c, total);
    for (size_t i = 0; i < total;) {
        size_t j = i;
        el_entity *e = &EL_PUSH(c->entities, c->nentities, c->cap_entities);
        memset(e, 0, sizeof *e);
        const el_mention *first = &c->docs[refs[i].doc]->mentions[refs[i].m];
        e->key = el_strdup(first->key);
        e->name = el_strdup(first->name);
        e->type = first->type;
        for (; j < total && refs[j].key == refs[i].key; j++) {
            if (refs[j].alias)
                add_unique(&e->aliases, &e->naliases, &e->cap_aliases, refs[j].alias,
                           refs[j].alias_len);
            if (refs[j].role)
                add_unique(&e->roles, &e->nroles, &e->cap_roles, refs[j].role,
                           strlen(refs[j].role));
            if (e->ndocs == 0 || e->docs[e->ndocs - 1] != refs[j].doc)
                EL_PUSH(e->docs, e->ndocs, e->cap_docs) = refs[j].doc;
            e->nmentions++;
        }
        if (e->naliases > 1)
            qsort(e->aliases, e->naliases, sizeof *e->aliases, cmp_str);
        if (e->nroles > 1)
            qsort(e->roles, e->nroles, sizeof *e->roles, cmp_str);
        snprintf(e->id, sizeof e->id, "E%zu", c->nentities);
        i = j;
    }
    free(refs);
    index_entities(c);
}

int el_corpus_entity_of(const el_corpus *c, const char *key)
{
    if (c->entity_map.slots) {
        el_hashmap_probe p = el_hashmap_find(&c->entity_map, el_hash_str(key));
        for (uint32_t e; el_hashmap_next(&c->entity_map, &p, &e);)
            if (strcmp(c->entities[e].key, key) == 0)
                return (int)e;
        return -1;
    }
    size_t lo = 0, hi = c->nentities;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int k = strcmp(c->entities[mid].key, key);
        if (k == 0)
            return (int)mid;
        if (k < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* corpus.c - documents of one run and the cross-document entity index
 * (see corpus.h).  Entities are identified by the canonical key their
 * mentions carry; ids are assigned in key order so that the same input
 * always yields the same ids, whatever the document order. */
#include "corpus.h"
#include "util.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

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

typedef struct mref {
    const char *key;
    size_t doc, m;
} mref;

static int cmp_mref(const void *a, const void *b)
{
    const mref *x = a, *y = b;
    int k = strcmp(x->key, y->key);
    if (k)
        return k;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->m < y->m ? -1 : x->m > y->m;
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

void el_corpus_link_entities(el_corpus *c)
{
    el_corpus_adopt_short_names(c);
    size_t total = 0, k = 0;
    for (size_t d = 0; d < c->ndocs; d++)
        total += c->docs[d]->nmentions;
    mref *refs = el_malloc((total ? total : 1) * sizeof *refs);
    for (size_t d = 0; d < c->ndocs; d++)
        for (size_t m = 0; m < c->docs[d]->nmentions; m++) {
            refs[k].key = c->docs[d]->mentions[m].key;
            refs[k].doc = d;
            refs[k].m = m;
            k++;
        }
    qsort(refs, total, sizeof *refs, cmp_mref);
    for (size_t i = 0; i < total;) {
        size_t j = i;
        el_entity *e = &EL_PUSH(c->entities, c->nentities, c->cap_entities);
        memset(e, 0, sizeof *e);
        const el_mention *first = &c->docs[refs[i].doc]->mentions[refs[i].m];
        e->key = el_strdup(first->key);
        e->name = el_strdup(first->name);
        e->type = first->type;
        for (; j < total && strcmp(refs[j].key, refs[i].key) == 0; j++) {
            const el_doc *doc = c->docs[refs[j].doc];
            const el_mention *m = &doc->mentions[refs[j].m];
            size_t len = m->end - m->start;
            /* pronouns and descriptions ("he", "the top diplomat") are no names */
            bool refers = m->subtype && (strcmp(m->subtype, "pronoun") == 0 ||
                                         strcmp(m->subtype, "nominal") == 0);
            const char *text = doc->text + m->start;
            if (len > 4 && (memcmp(text, "the ", 4) == 0 || memcmp(text, "The ", 4) == 0)) {
                text += 4;   /* "the United States": the alias is "United States" */
                len -= 4;
            }
            if (!refers && (strlen(e->name) != len || memcmp(e->name, text, len) != 0))
                add_unique(&e->aliases, &e->naliases, &e->cap_aliases, text, len);
            if (m->role)
                add_unique(&e->roles, &e->nroles, &e->cap_roles, m->role, strlen(m->role));
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
}

int el_corpus_entity_of(const el_corpus *c, const char *key)
{
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

/* corpus_names.c - short names across documents (see corpus.h).
 *
 * Within an article, coref.c links "Weber" to the nearest "Anna Weber".  An
 * article that only ever says "Weber" has no full name to link to, so its
 * mention keeps a key of its own ("OTHER:weber").  Here such a lone one-word
 * name takes the identity that the same word has in the other articles of
 * the corpus, when every article that resolved it agrees on one person
 * ("Weber" -> Anna Weber; "Acme" -> Acme Widgets Inc.), or, when no article
 * resolved it, the one person whose full name ends with it in the corpus
 * (an article saying only "Weber", another "Anna Weber"); when they disagree
 * (two different Webers) it stays
 * as it is.  An organization named without its " of <place>" ("Safety
 * Board") takes the identity of the one named with it ("Safety Board of
 * Canada").  The result depends only on the set of documents, not on their
 * order, so map/merge runs give the same entities as a single run. */
#include "model/corpus.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* A one-word name left alone somewhere, and what the other articles say. */
typedef struct lone_name {
    char *word;              /* lower-case ("weber") */
    const el_mention *full;  /* the mention its resolutions agree on, or NULL */
    bool disputed;           /* resolved to different people */
    const el_mention *named; /* the person whose full name ends with it, if all agree */
    bool named_disputed;     /* two different people end with it */
} lone_name;

static int cmp_lone(const void *a, const void *b)
{
    return strcmp(((const lone_name *)a)->word, ((const lone_name *)b)->word);
}

/* strcmp of a lower-case word with s[0..n) read lower-case. */
static int cmp_word(const char *word, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        c = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
        if ((unsigned char)word[i] != c)
            return (unsigned char)word[i] < c ? -1 : 1;
    }
    return word[n] ? 1 : 0;
}

static char *lower_copy(const char *s, size_t n)
{
    char *w = el_strndup(s, n);
    for (char *p = w; *p; p++)
        *p = *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p;
    return w;
}

static bool is_reference(const el_mention *m)
{
    const char *s = m->subtype;   /* first letters first: most subtypes are neither */
    return s && ((s[0] == 'p' && strcmp(s, "pronoun") == 0) ||
                 (s[0] == 'n' && strcmp(s, "nominal") == 0));
}

/* A one-word name: no space, starts with a capital letter. */
static bool one_word(const el_doc *d, const el_mention *m)
{
    const char *s = d->text + m->start;
    size_t n = m->end - m->start;
    return n >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !memchr(s, ' ', n);
}

/* The mention is "Weber" resolved to a person whose name is longer, or
 * "Acme" to an organization ("Acme Widgets Inc."). */
static bool resolved_short(const el_doc *d, const el_mention *m)
{
    size_t n = m->end - m->start;
    return (m->type == EL_ENT_PERSON || m->type == EL_ENT_ORGANIZATION) && one_word(d, m) && !is_reference(m) && m->name &&
           strlen(m->name) > n && !el_eq_nocase(m->name, strlen(m->name), d->text + m->start, n);
}

/* The mention is a one-word name that stands for itself ("OTHER:weber"). */
static bool lone_short(const el_doc *d, const el_mention *m)
{
    size_t n = m->end - m->start;
    return (m->type == EL_ENT_PERSON || m->type == EL_ENT_OTHER || m->type == EL_ENT_ORGANIZATION) &&
           one_word(d, m) &&
           !is_reference(m) && m->name && el_eq_nocase(m->name, strlen(m->name), d->text + m->start, n);
}

/* The mention PREFETCH_AHEAD after m: its text and strings are asked for
 * ahead (they lie apart in memory; every mention of the corpus is read). */
enum { PREFETCH_AHEAD = 4 };

static void prefetch_mention(const el_doc *d, size_t m)
{
    if (m + PREFETCH_AHEAD >= d->nmentions)
        return;
    const el_mention *x = &d->mentions[m + PREFETCH_AHEAD];
    el_prefetch(d->text + x->start);
    if (x->subtype)
        el_prefetch(x->subtype);
    if (x->name)
        el_prefetch(x->name);
}

/* What the passes below need to know of each mention of the corpus (in
 * document order), found in one pass over them all. */
enum { M_LONE = 1, M_RESOLVED = 2 };

/* The distinct one-word names that stand alone somewhere, sorted; kinds
 * receives M_LONE / M_RESOLVED for every mention. */
static lone_name *collect_lone(const el_corpus *c, uint8_t *kinds, size_t *n)
{
    lone_name *v = NULL;
    size_t cap = 0, k = 0;
    *n = 0;
    for (size_t d = 0; d < c->ndocs; d++) {
        const el_doc *doc = c->docs[d];
        for (size_t m = 0; m < doc->nmentions; m++, k++) {
            prefetch_mention(doc, m);
            const el_mention *x = &doc->mentions[m];
            kinds[k] = (uint8_t)(resolved_short(doc, x) ? M_RESOLVED : 0);
            if (!lone_short(doc, x))
                continue;
            kinds[k] |= M_LONE;
            EL_PUSH(v, *n, cap) = (lone_name){lower_copy(doc->text + x->start, x->end - x->start),
                                              NULL, false, NULL, false};
        }
    }
    if (*n > 1)
        qsort(v, *n, sizeof *v, cmp_lone);
    size_t u = 0;   /* unique */
    for (size_t i = 0; i < *n; i++) {
        if (u > 0 && strcmp(v[u - 1].word, v[i].word) == 0)
            free(v[i].word);
        else
            v[u++] = v[i];
    }
    *n = u;
    return v;
}

static lone_name *find_lone(lone_name *v, size_t n, const char *s, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int k = cmp_word(v[mid].word, s, len);
        if (k == 0)
            return &v[mid];
        if (k < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* A person's full name (two or more words) as written, its last word in
 * *last (the surname: "Olafsson" of "Bjarni Olafsson"). */
static bool full_person(const el_doc *d, const el_mention *m, const char **last, size_t *n)
{
    const char *s = d->text + m->start;
    size_t len = m->end - m->start, sp = len;
    if (m->type != EL_ENT_PERSON || is_reference(m))
        return false;
    while (sp > 0 && s[sp - 1] != ' ')
        sp--;
    *last = s + sp;
    *n = len - sp;
    return sp > 0 && *n >= 2;
}

/* Keep the first mention seen in *slot; a later one naming another entity
 * marks the slot disputed. */
static void note_agreement(const el_mention **slot, bool *disputed, const el_mention *x)
{
    if (!*slot)
        *slot = x;
    else if (strcmp((*slot)->key, x->key) != 0)
        *disputed = true;
}

/* Note in the lone word a person whose full name ends with it. */
static void note_surname(lone_name *v, size_t n, const el_doc *doc, const el_mention *x)
{
    const char *last;
    size_t len;
    lone_name *l = full_person(doc, x, &last, &len) ? find_lone(v, n, last, len) : NULL;
    if (l)
        note_agreement(&l->named, &l->named_disputed, x);
}

/* What the articles that resolved each lone word resolved it to, and whose
 * full names end with it. */
static void gather_resolutions(const el_corpus *c, const uint8_t *kinds, lone_name *v, size_t n)
{
    size_t k = 0;
    for (size_t d = 0; d < c->ndocs; d++) {
        const el_doc *doc = c->docs[d];
        for (size_t m = 0; m < doc->nmentions; m++) {
            const el_mention *x = &doc->mentions[m];
            note_surname(v, n, doc, x);
            if (!(kinds[k++] & M_RESOLVED))
                continue;
            lone_name *l = find_lone(v, n, doc->text + x->start, x->end - x->start);
            if (l)
                note_agreement(&l->full, &l->disputed, x);
        }
    }
}

/* ---- untyped names typed in other articles ---------------------------- */

static bool untyped_name(const el_doc *d, const el_mention *m)
{
    return m->type == EL_ENT_OTHER && !is_reference(m) && d->text[m->start] >= 'A' && d->text[m->start] <= 'Z';
}

static bool typed_name(const el_mention *m)
{
    return m->type != EL_ENT_OTHER && m->type != EL_ENT_NORP && !is_reference(m);
}

/* An untyped name ("OTHER:acme widgets") that other articles write the same
 * way and type, all with one key, is that entity ("Acme Widgets" that one
 * article resolves to "Acme Widgets Inc."). */
static void adopt_types(el_corpus *c)
{
    lone_name *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t d = 0; d < c->ndocs; d++)
        for (size_t m = 0; m < c->docs[d]->nmentions; m++) {
            const el_mention *x = &c->docs[d]->mentions[m];
            if (untyped_name(c->docs[d], x))
                EL_PUSH(v, n, cap) = (lone_name){lower_copy(c->docs[d]->text + x->start, x->end - x->start),
                                                 NULL, false, NULL, false};
        }
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_lone);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u > 0 && strcmp(v[u - 1].word, v[i].word) == 0)
            free(v[i].word);
        else
            v[u++] = v[i];
    }
    n = u;
    for (size_t d = 0; n && d < c->ndocs; d++)
        for (size_t m = 0; m < c->docs[d]->nmentions; m++) {
            const el_mention *x = &c->docs[d]->mentions[m];
            lone_name *l = typed_name(x) ? find_lone(v, n, c->docs[d]->text + x->start, x->end - x->start) : NULL;
            if (l)
                note_agreement(&l->full, &l->disputed, x);
        }
    for (size_t d = 0; n && d < c->ndocs; d++) {
        el_doc *doc = c->docs[d];
        for (size_t m = 0; m < doc->nmentions; m++) {
            el_mention *x = &doc->mentions[m];
            const lone_name *l = untyped_name(doc, x) ? find_lone(v, n, doc->text + x->start, x->end - x->start)
                                                      : NULL;
            if (!l || !l->full || l->disputed)
                continue;
            x->key = el_doc_str(doc, l->full->key);
            x->name = el_doc_str(doc, l->full->name);
            x->type = l->full->type;
            x->type_source = EL_TSRC_COREFERENCE;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(v[i].word);
    free(v);
}

/* ---- "X Board" and "X Board of <place>" --------------------------------- */

/* Sorted unique lower-case words of v[0..n) (duplicates freed); disputes of
 * entries that share a word but not a key are kept in the first one. */
static size_t unique_words(lone_name *v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_lone);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u > 0 && strcmp(v[u - 1].word, v[i].word) == 0) {
            if (v[u - 1].full && v[i].full && strcmp(v[u - 1].full->key, v[i].full->key) != 0)
                v[u - 1].disputed = true;
            free(v[i].word);
        } else
            v[u++] = v[i];
    }
    return u;
}

static bool rule_organization(const el_mention *m)
{
    return m->type == EL_ENT_ORGANIZATION && !is_reference(m) && m->key && strncmp(m->key, "ORGANIZATION:", 13) == 0;
}

/* The place names of the corpus, lower-case, sorted and unique. */
static lone_name *collect_places(const el_corpus *c, size_t *n)
{
    lone_name *v = NULL;
    size_t cap = 0;
    *n = 0;
    for (size_t d = 0; d < c->ndocs; d++)
        for (size_t m = 0; m < c->docs[d]->nmentions; m++) {
            const el_mention *x = &c->docs[d]->mentions[m];
            if (x->type == EL_ENT_LOCATION && !is_reference(x))
                EL_PUSH(v, *n, cap) = (lone_name){lower_copy(c->docs[d]->text + x->start, x->end - x->start),
                                                  NULL, false, NULL, false};
        }
    *n = unique_words(v, *n);
    return v;
}

/* Where " of <place>" starts in an organization's name of n bytes, or 0: the
 * part before it has two or more words ("Safety Board of Canada", not "Bank
 * of X"). */
static size_t of_place(const char *s, size_t n, lone_name *places, size_t np)
{
    for (size_t i = n; i-- > 4;) {
        if (memcmp(s + i - 4, " of ", 4) != 0)
            continue;
        size_t head = i - 4;
        return memchr(s, ' ', head) && find_lone(places, np, s + i, n - i) ? head : 0;
    }
    return 0;
}

/* An organization found by the rules and named without its " of <place>"
 * ("the Transportation Safety Board") is the organization named with it
 * elsewhere in the corpus ("Transportation Safety Board of Canada", the
 * place a name of the corpus), when all such longer names agree. */
static void adopt_of_place(el_corpus *c)
{
    size_t np, n = 0, cap = 0;
    lone_name *places = collect_places(c, &np), *v = NULL;
    for (size_t d = 0; np && d < c->ndocs; d++)
        for (size_t m = 0; m < c->docs[d]->nmentions; m++) {
            const el_mention *x = &c->docs[d]->mentions[m];
            const char *s = x->name;   /* the name, without a "the" the text may take */
            size_t head = x->type == EL_ENT_ORGANIZATION && !is_reference(x) && s
                        ? of_place(s, strlen(s), places, np) : 0;
            if (head)
                EL_PUSH(v, n, cap) = (lone_name){lower_copy(s, head), x, false, NULL, false};
        }
    n = unique_words(v, n);
    for (size_t d = 0; n && d < c->ndocs; d++) {
        el_doc *doc = c->docs[d];
        for (size_t m = 0; m < doc->nmentions; m++) {
            el_mention *x = &doc->mentions[m];
            const lone_name *l = rule_organization(x) && x->name ? find_lone(v, n, x->name, strlen(x->name))
                                                                 : NULL;
            if (!l || l->disputed || strcmp(x->key, l->full->key) == 0)
                continue;
            x->key = el_doc_str(doc, l->full->key);
            x->name = el_doc_str(doc, l->full->name);
            x->type_source = EL_TSRC_COREFERENCE;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(v[i].word);
    for (size_t i = 0; i < np; i++)
        free(places[i].word);
    free(v);
    free(places);
}

static void adopt_short_names(el_corpus *c);

void el_corpus_adopt_short_names(el_corpus *c)
{
    adopt_types(c);
    adopt_of_place(c);
    adopt_short_names(c);
}

static void adopt_short_names(el_corpus *c)
{
    size_t n, total = 0, k = 0;
    for (size_t d = 0; d < c->ndocs; d++)
        total += c->docs[d]->nmentions;
    uint8_t *kinds = el_malloc(total + 1);
    lone_name *v = collect_lone(c, kinds, &n);
    if (n)
        gather_resolutions(c, kinds, v, n);
    for (size_t d = 0; n && d < c->ndocs; d++) {
        el_doc *doc = c->docs[d];
        for (size_t m = 0; m < doc->nmentions; m++) {
            el_mention *x = &doc->mentions[m];
            if (!(kinds[k++] & M_LONE))   /* (nothing has changed x since collect_lone) */
                continue;
            const lone_name *l = find_lone(v, n, doc->text + x->start, x->end - x->start);
            const el_mention *to = l && l->full && !l->disputed ? l->full : NULL;
            if (l && !l->full && l->named && !l->named_disputed && x->type != EL_ENT_ORGANIZATION)
                to = l->named;   /* only "Olafsson" here, "Bjarni Olafsson" elsewhere */
            if (!to)
                continue;
            x->key = el_doc_str(doc, to->key);   /* (the old ones stay in doc's strings) */
            x->name = el_doc_str(doc, to->name);
            x->type = to->type;
            x->type_source = EL_TSRC_COREFERENCE;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(v[i].word);
    free(v);
    free(kinds);
}

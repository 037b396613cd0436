/* corpus_names.c - short names across documents (see corpus.h).
 *
 * Within an article, coref.c links "Wang" to the nearest "Wang Yi".  An
 * article that only ever says "Wang" has no full name to link to, so its
 * mention keeps a key of its own ("OTHER:wang").  Here such a lone one-word
 * name takes the identity that the same word has in the other articles of
 * the corpus, when every article that resolved it agrees on one person
 * ("Wang" -> Wang Yi); when they disagree (two different Wangs) it stays
 * as it is.  The result depends only on the set of documents, not on their
 * order, so map/merge runs give the same entities as a single run. */
#include "corpus.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct short_name {
    char *word;              /* lower-case short name ("wang") */
    const el_mention *full;  /* a mention resolved to the full name */
} short_name;

static int cmp_short(const void *a, const void *b)
{
    const short_name *x = a, *y = b;
    int k = strcmp(x->word, y->word);
    return k ? k : strcmp(x->full->key, y->full->key);
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
    return m->subtype && (strcmp(m->subtype, "pronoun") == 0 || strcmp(m->subtype, "nominal") == 0);
}

/* A one-word name: no space, starts with a capital letter. */
static bool one_word(const el_doc *d, const el_mention *m)
{
    const char *s = d->text + m->start;
    size_t n = m->end - m->start;
    return n >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !memchr(s, ' ', n);
}

/* The mention is "Wang" resolved to a person whose name is longer. */
static bool resolved_short(const el_doc *d, const el_mention *m)
{
    size_t n = m->end - m->start;
    return m->type == EL_ENT_PERSON && !is_reference(m) && one_word(d, m) && m->name &&
           strlen(m->name) > n && !el_eq_nocase(m->name, strlen(m->name), d->text + m->start, n);
}

/* The mention is a one-word name that stands for itself ("OTHER:wang"). */
static bool lone_short(const el_doc *d, const el_mention *m)
{
    size_t n = m->end - m->start;
    return (m->type == EL_ENT_PERSON || m->type == EL_ENT_OTHER) && !is_reference(m) &&
           one_word(d, m) && m->name && el_eq_nocase(m->name, strlen(m->name), d->text + m->start, n);
}

static short_name *collect(const el_corpus *c, size_t *n)
{
    short_name *v = NULL;
    size_t cap = 0;
    *n = 0;
    for (size_t d = 0; d < c->ndocs; d++) {
        const el_doc *doc = c->docs[d];
        for (size_t m = 0; m < doc->nmentions; m++) {
            const el_mention *x = &doc->mentions[m];
            if (resolved_short(doc, x))
                EL_PUSH(v, *n, cap) = (short_name){lower_copy(doc->text + x->start, x->end - x->start), x};
        }
    }
    if (*n > 1)
        qsort(v, *n, sizeof *v, cmp_short);
    return v;
}

/* The one full-name mention all resolutions of `word` agree on, or NULL. */
static const el_mention *agreed_full(const short_name *v, size_t n, const char *word)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(v[mid].word, word) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n || strcmp(v[lo].word, word) != 0)
        return NULL;
    size_t last = lo;
    while (last + 1 < n && strcmp(v[last + 1].word, word) == 0)
        last++;
    return strcmp(v[lo].full->key, v[last].full->key) == 0 ? v[lo].full : NULL;
}

void el_corpus_adopt_short_names(el_corpus *c)
{
    size_t n;
    short_name *v = collect(c, &n);
    for (size_t d = 0; n && d < c->ndocs; d++) {
        el_doc *doc = c->docs[d];
        for (size_t m = 0; m < doc->nmentions; m++) {
            el_mention *x = &doc->mentions[m];
            if (!lone_short(doc, x))
                continue;
            char *word = lower_copy(doc->text + x->start, x->end - x->start);
            const el_mention *full = agreed_full(v, n, word);
            free(word);
            if (!full)
                continue;
            free(x->key);
            free(x->name);
            x->key = el_strdup(full->key);
            x->name = el_strdup(full->name);
            x->type = EL_ENT_PERSON;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(v[i].word);
    free(v);
}

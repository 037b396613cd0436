/* reprints.c - exact reprints across a corpus: documents whose text and
 * creation time are the same as an earlier document's (wire copy printed
 * by several outlets, the same file given twice).  The stages annotate
 * equal inputs equally, so the normalizer clusters the first copy only
 * and lists the other copies' mentions with its events: each happening
 * counts once and names every source document. */
#include "timeline/timeline_internal.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

typedef struct fp { uint32_t hash; size_t doc; } fp;

static int cmp_fp(const void *a, const void *b)
{
    const fp *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

static bool same_input(const el_doc *a, const el_doc *b)
{
    return a->len == b->len && memcmp(&a->dct, &b->dct, sizeof a->dct) == 0 &&
           memcmp(a->text, b->text, a->len) == 0;
}

void el_reprints_find(const el_corpus *c, el_reprints *r)
{
    size_t n = c->ndocs;
    r->first = el_malloc((n ? n : 1) * sizeof *r->first);
    r->next = el_malloc((n ? n : 1) * sizeof *r->next);
    r->ncopies = 0;
    fp *fps = el_malloc((n ? n : 1) * sizeof *fps);
    for (size_t i = 0; i < n; i++) {
        r->first[i] = i;
        r->next[i] = SIZE_MAX;
        fps[i] = (fp){el_hash(c->docs[i]->text, c->docs[i]->len), i};
    }
    qsort(fps, n, sizeof *fps, cmp_fp);
    /* within a run of equal hashes (in document order), each document joins
     * the first earlier one with the same input */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && fps[j].hash == fps[i].hash)
            j++;
        for (size_t a = i + 1; a < j; a++)
            for (size_t b = i; b < a; b++) {
                size_t da = fps[a].doc, db = fps[b].doc;
                if (r->first[db] != db || !same_input(c->docs[da], c->docs[db]))
                    continue;
                r->first[da] = db;
                size_t *tail = &r->next[db];
                while (*tail != SIZE_MAX)
                    tail = &r->next[*tail];
                *tail = da;
                r->ncopies++;
                break;
            }
        i = j;
    }
    free(fps);
}

void el_reprints_free(el_reprints *r)
{
    free(r->first);
    free(r->next);
    r->first = r->next = NULL;
}

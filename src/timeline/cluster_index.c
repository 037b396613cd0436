/* cluster_index.c - clusters by key: "group" (every cluster of a group)
 * and "group|entity" (clusters whose seed names the entity), so a mention
 * only looks at its candidates (see normalize_internal.h).  Open
 * addressing over owned key strings; the keys themselves. */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INDEX_MIN_BUCKETS 256    /* first size of a cluster index */

static kbucket *ki_find(kbucket *b, size_t nb, const char *key)
{
    size_t i = el_hash_str(key) & (nb - 1);
    while (b[i].key && strcmp(b[i].key, key) != 0)
        i = (i + 1) & (nb - 1);
    return &b[i];
}

static void ki_grow(key_index *ix)
{
    size_t nb = ix->nb ? ix->nb * 2 : INDEX_MIN_BUCKETS;
    kbucket *b = el_calloc(nb, sizeof *b);
    for (size_t i = 0; i < ix->nb; i++)
        if (ix->b[i].key)
            *ki_find(b, nb, ix->b[i].key) = ix->b[i];
    free(ix->b);
    ix->b = b;
    ix->nb = nb;
}

const kbucket *el_ki_get(const key_index *ix, const char *key)
{
    if (!ix->nb)
        return NULL;
    kbucket *k = ki_find(ix->b, ix->nb, key);
    return k->key ? k : NULL;
}

void el_ki_add(key_index *ix, const char *key, size_t id)
{
    if (2 * (ix->used + 1) > ix->nb)
        ki_grow(ix);
    kbucket *k = ki_find(ix->b, ix->nb, key);
    if (!k->key) {
        k->key = el_strdup(key);
        ix->used++;
    }
    EL_PUSH(k->ids, k->n, k->cap) = id;
}

void el_ki_free(key_index *ix)
{
    for (size_t i = 0; i < ix->nb; i++) {
        free(ix->b[i].key);
        free(ix->b[i].ids);
    }
    free(ix->b);
}

/* snprintf(buf, cap, "%s\x1f%d", group, entity), without the format
 * parser: it runs for every participant of every mention. */
/* The decimal digits of v into num, last digit first; returns how many. */
static size_t digits_reversed(char *num, uint64_t v)
{
    size_t nn = 0;
    do
        num[nn++] = (char)('0' + v % 10);
    while (v /= 10);
    return nn;
}

static void entity_key(char *buf, size_t cap, const char *group, int entity)
{
    char num[16];
    size_t glen = strlen(group);
    size_t nn = digits_reversed(num, entity < 0 ? 0u - (unsigned)entity : (unsigned)entity);
    if (entity < 0)
        num[nn++] = '-';
    if (glen + 1 + nn >= cap) {
        snprintf(buf, cap, "%s\x1f%d", group, entity);
        return;
    }
    memcpy(buf, group, glen);
    buf[glen] = '\x1f';
    for (size_t i = 0; i < nn; i++)
        buf[glen + 1 + i] = num[nn - 1 - i];
    buf[glen + 1 + nn] = '\0';
}

/* The key a cluster is found by for mention f and one of its entities:
 * group and entity, and for an untyped event also the news day
 * (`day_offset` days from f's article's day; the article itself when it
 * has no date), as statements join only within a day (same_news_day): a
 * speaker quoted in a thousand articles is not a thousand candidates. */
void el_cluster_key(char *buf, size_t cap, const mfeat *f, int entity, int day_offset)
{
    entity_key(buf, cap, f->group, entity);
    if (!f->generic)
        return;
    size_t n = strlen(buf);
    char num[24];
    size_t nn = digits_reversed(num, f->dct != INT64_MIN ? (uint64_t)(f->dct / DAY + day_offset)
                                                         : f->doc);
    if (n + 2 + nn >= cap)
        return;   /* (cannot happen: a group is a lemma) */
    buf[n++] = '\x1e';
    buf[n++] = f->dct != INT64_MIN ? 'D' : 'd';   /* a day, or the article */
    while (nn)
        buf[n++] = num[--nn];
    buf[n] = '\0';
}

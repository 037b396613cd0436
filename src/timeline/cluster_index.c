/* cluster_index.c - clusters by key: "group" (every cluster of a group)
 * and "group|entity" (clusters whose seed names the entity), so a mention
 * only looks at its candidates (see normalize_internal.h): owned key
 * strings found through the generic hash map; the keys themselves. */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INDEX_MIN_KEYS 128       /* first room of a cluster index */

/* The bucket of key, NULL if none (h: its hash). */
static kbucket *ki_find(const key_index *ix, const char *key, uint32_t h)
{
    el_hashmap_probe p = el_hashmap_find(&ix->map, h);
    for (uint32_t v; el_hashmap_next(&ix->map, &p, &v);)
        if (strcmp(ix->b[v].key, key) == 0)
            return &ix->b[v];
    return NULL;
}

const kbucket *el_ki_get(const key_index *ix, const char *key)
{
    return ki_find(ix, key, el_hash_str(key));
}

void el_ki_add(key_index *ix, const char *key, size_t id)
{
    uint32_t h = el_hash_str(key);
    kbucket *k = ki_find(ix, key, h);
    if (!k) {
        if (!ix->map.slots)
            el_hashmap_reserve(&ix->map, INDEX_MIN_KEYS);
        el_hashmap_put(&ix->map, h, (uint32_t)ix->nb);
        k = &EL_PUSH(ix->b, ix->nb, ix->cap);
        *k = (kbucket){el_strdup(key), NULL, 0, 0};
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
    el_hashmap_free(&ix->map);
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

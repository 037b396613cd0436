/* hashmap.h - the one hash map of the code base: open addressing with
 * linear probing from a 32-bit hash to a 32-bit value, kept at most half
 * full.  The value is an index into the caller's own arrays, where the
 * keys live; the caller hashes its key (el_hash_str, a token's lhash, an
 * integer) and tells keys of the same hash apart by comparing its own key
 * of each value el_hashmap_next gives:
 *
 *     el_hashmap_probe p = el_hashmap_find(&m, h);
 *     for (uint32_t v; el_hashmap_next(&m, &p, &v);)
 *         if (strcmp(keys[v], key) == 0)
 *             return v;
 *     el_hashmap_put(&m, h, nkeys);   (not found: add it)
 *
 * A map starts zeroed (EL_HASHMAP_INIT) and owns only its slots; nothing
 * is ever removed but by el_hashmap_clear. */
#ifndef EL_HASHMAP_H
#define EL_HASHMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct el_hashmap {
    uint64_t *slots;   /* hash << 32 | (value + 1); 0 = empty; NULL until the first put */
    size_t mask;       /* slots - 1 (a power of two) */
    size_t n;          /* values stored */
} el_hashmap;

#define EL_HASHMAP_INIT {NULL, 0, 0}

/* Room for `n` values in all without growing. */
void el_hashmap_reserve(el_hashmap *m, size_t n);
/* Store value (at most UINT32_MAX - 1) under hash; a value already stored
 * under the hash stays (both are found). */
void el_hashmap_put(el_hashmap *m, uint32_t hash, uint32_t value);
/* Forget every value (the slots are kept). */
void el_hashmap_clear(el_hashmap *m);
void el_hashmap_free(el_hashmap *m);

/* The map as blob sections (base/blob.h), and back: false (m left empty)
 * if the sections are no map. */
struct el_buf;
struct el_blob_r;
void el_hashmap_save(const el_hashmap *m, struct el_buf *w);
bool el_hashmap_restore(el_hashmap *m, struct el_blob_r *r);

/* Where a lookup of one hash stands. */
typedef struct el_hashmap_probe {
    size_t i;
    uint32_t hash;
} el_hashmap_probe;

static inline size_t el_hashmap_home(const el_hashmap *m, uint32_t hash)
{
    return (size_t)(uint32_t)(hash * 0x9E3779B1u) & m->mask;   /* spreads integer keys too */
}

static inline el_hashmap_probe el_hashmap_find(const el_hashmap *m, uint32_t hash)
{
    el_hashmap_probe p = {m->slots ? el_hashmap_home(m, hash) : 0, hash};
    return p;
}

/* The next value stored under the probe's hash into *value; false when
 * there is none left. */
static inline bool el_hashmap_next(const el_hashmap *m, el_hashmap_probe *p, uint32_t *value)
{
    if (!m->slots)
        return false;
    for (uint64_t s; (s = m->slots[p->i]) != 0;) {
        p->i = (p->i + 1) & m->mask;
        if ((uint32_t)(s >> 32) == p->hash) {
            *value = (uint32_t)s - 1;
            return true;
        }
    }
    return false;
}

#endif

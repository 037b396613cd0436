/* hashmap.c - the open-addressing hash map of hashmap.h. */
#include "base/hashmap.h"
#include "base/util.h"
#include "base/blob.h"

#include <stdlib.h>
#include <string.h>

#define MIN_SLOTS 16

static void place(uint64_t *slots, size_t mask, uint64_t s)
{
    el_hashmap probe = {slots, mask, 0};
    size_t i = el_hashmap_home(&probe, (uint32_t)(s >> 32));
    while (slots[i])
        i = (i + 1) & mask;
    slots[i] = s;
}

static void resize(el_hashmap *m, size_t nslots)
{
    uint64_t *slots = el_calloc(nslots, sizeof *slots);
    for (size_t i = 0; m->slots && i <= m->mask; i++)
        if (m->slots[i])
            place(slots, nslots - 1, m->slots[i]);
    free(m->slots);
    m->slots = slots;
    m->mask = nslots - 1;
}

void el_hashmap_reserve(el_hashmap *m, size_t n)
{
    size_t nslots = m->slots ? m->mask + 1 : MIN_SLOTS;
    while (nslots / 2 < n)
        nslots *= 2;
    if (!m->slots || nslots > m->mask + 1)
        resize(m, nslots);
}

void el_hashmap_put(el_hashmap *m, uint32_t hash, uint32_t value)
{
    el_hashmap_reserve(m, m->n + 1);
    place(m->slots, m->mask, (uint64_t)hash << 32 | ((uint64_t)value + 1));
    m->n++;
}

void el_hashmap_clear(el_hashmap *m)
{
    if (m->slots)
        memset(m->slots, 0, (m->mask + 1) * sizeof *m->slots);
    m->n = 0;
}

void el_hashmap_free(el_hashmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->mask = m->n = 0;
}

void el_hashmap_save(const el_hashmap *m, el_buf *w)
{
    el_blob_put_u64(w, m->n);
    el_blob_put(w, m->slots, m->slots ? (m->mask + 1) * sizeof *m->slots : 0);
}

bool el_hashmap_restore(el_hashmap *m, el_blob_r *r)
{
    size_t count, n = (size_t)el_blob_get_u64(r);
    uint64_t *slots = el_blob_copy(r, sizeof *slots, 0, &count);
    el_hashmap_free(m);
    if (r->bad || (count & (count - 1)) || (count ? n >= count : n != 0)) {
        free(slots);
        return r->bad = true, false;
    }
    m->slots = slots;
    m->mask = count ? count - 1 : 0;
    m->n = n;
    return true;
}

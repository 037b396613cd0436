/* blob.c - sections of a flat table image (see blob.h). */
#include "base/blob.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

static void put_le64(el_buf *w, uint64_t v)
{
    char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (char)(v >> (8 * i));
    el_buf_put(w, b, 8);
}

void el_blob_put(el_buf *w, const void *p, size_t n)
{
    static const char zeros[8];
    put_le64(w, n);
    if (n)
        el_buf_put(w, p, n);
    el_buf_put(w, zeros, (8 - n % 8) % 8);
}

void el_blob_put_u64(el_buf *w, uint64_t v)
{
    char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (char)(v >> (8 * i));
    el_blob_put(w, b, 8);
}

static uint64_t get_le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

const void *el_blob_get(el_blob_r *r, size_t *n)
{
    *n = 0;
    if (r->bad || r->len - r->pos < 8) {
        r->bad = true;
        return NULL;
    }
    uint64_t len = get_le64(r->data + r->pos);
    size_t room = r->len - r->pos - 8;
    uint64_t padded = len + (8 - len % 8) % 8;
    if (len > room || padded > room) {
        r->bad = true;
        return NULL;
    }
    const void *p = r->data + r->pos + 8;
    r->pos += 8 + (size_t)padded;
    *n = (size_t)len;
    return p;
}

void el_blob_get_fixed(el_blob_r *r, void *out, size_t size)
{
    size_t n;
    const void *p = el_blob_get(r, &n);
    if (p && n == size)
        memcpy(out, p, size);
    else
        r->bad = true;
}

uint64_t el_blob_get_u64(el_blob_r *r)
{
    size_t n;
    const unsigned char *p = el_blob_get(r, &n);
    if (!p || n != 8) {
        r->bad = true;
        return 0;
    }
    return get_le64(p);
}

void *el_blob_copy(el_blob_r *r, size_t elsize, size_t extra, size_t *count)
{
    size_t n;
    const void *p = el_blob_get(r, &n);
    *count = 0;
    if (!p || n % elsize) {
        r->bad = true;
        return NULL;
    }
    *count = n / elsize;
    if (n + extra == 0)
        return NULL;
    char *out = el_malloc(n + extra);
    memcpy(out, p, n);
    memset(out + n, 0, extra);
    return out;
}

uint64_t el_blob_hash(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t lane[4] = {h, h ^ 1, h ^ 2, h ^ 3};   /* four chains: no wait on one multiply */
    for (; n >= 32; s += 32, n -= 32)
        for (int i = 0; i < 4; i++) {
            uint64_t w;
            memcpy(&w, s + 8 * i, 8);
            lane[i] = (lane[i] ^ w) * k;
            lane[i] ^= lane[i] >> 29;
        }
    h = lane[0] ^ (lane[1] * 3) ^ (lane[2] * 5) ^ (lane[3] * 7);
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    uint64_t w = n;
    for (size_t i = 0; i < n; i++)
        w = w << 8 | s[i];
    h = (h ^ w) * k;
    return h ^ (h >> 32);
}

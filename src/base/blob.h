/* blob.h - a flat, position-independent file image of loaded tables (the
 * compiled resource cache, stages/rescache.c).
 *
 * A blob is a sequence of sections, each a 64-bit little-endian length
 * followed by that many bytes, padded with zeros to a multiple of 8 so
 * that every section is 8-byte aligned in a mapped file.  The writer
 * appends sections; the reader walks them in the same order and copies
 * each into memory its caller owns, so that a table loaded from a blob is
 * freed exactly as one built from text.  Any length that runs past the end
 * marks the reader bad (el_blob_r.bad): the caller then drops what it read
 * and loads from text. */
#ifndef EL_BLOB_H
#define EL_BLOB_H

#include "base/buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct el_blob_r {
    const unsigned char *data;
    size_t len, pos;
    bool bad;
} el_blob_r;

/* Append a section of n bytes (p may be NULL when n is 0). */
void el_blob_put(el_buf *w, const void *p, size_t n);
/* Append a 64-bit number as its own section. */
void el_blob_put_u64(el_buf *w, uint64_t v);

/* The next section's bytes and length, or NULL (and r->bad) past the end. */
const void *el_blob_get(el_blob_r *r, size_t *n);
/* The next section copied into out, which is `size` bytes; r->bad (out
 * untouched) if the section has another length. */
void el_blob_get_fixed(el_blob_r *r, void *out, size_t size);
/* The next section as a number (0 and r->bad if it is not 8 bytes). */
uint64_t el_blob_get_u64(el_blob_r *r);
/* The next section copied into a new array of *count elements of elsize
 * bytes (plus `extra` zero bytes after them; NULL when the section and
 * extra are both empty); r->bad if its length is no multiple of elsize. */
void *el_blob_copy(el_blob_r *r, size_t elsize, size_t extra, size_t *count);

/* A 64-bit hash of p[0..n) continuing h (eight bytes a step; a cache key,
 * not a checksum against an adversary). */
uint64_t el_blob_hash(uint64_t h, const void *p, size_t n);

#endif

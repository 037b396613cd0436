/* util.h - small allocation and string helpers used by every module.
 *
 * Allocation failure is fatal (the process prints one line and exits 70):
 * a text-processing tool has nothing sensible to do without memory, and it
 * keeps every caller free of NULL checks. */
#ifndef EL_UTIL_H
#define EL_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>

void *el_malloc(size_t n);
void *el_calloc(size_t count, size_t size);
void *el_realloc(void *p, size_t n);
char *el_strdup(const char *s);
char *el_strndup(const char *s, size_t n);
/* printf into a new string (messages; at most 511 bytes are kept). */
char *el_strdupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow an array so that it holds at least `need` elements of `elsize` bytes.
 * `*cap` is updated; the returned pointer replaces the old one. */
void *el_grow(void *p, size_t *cap, size_t need, size_t elsize);

/* Ask for the cache line at p ahead of its use (a hint: loops over items
 * whose strings lie apart in memory overlap the loads). */
static inline void el_prefetch(const void *p)
{
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

/* Append one element to a (ptr, count, cap) array, e.g.
 *   EL_PUSH(doc->tokens, doc->ntokens, doc->cap_tokens) = tok; */
#define EL_PUSH(arr, n, cap) \
    (*((arr) = (n) < (cap) ? (arr) : el_grow((arr), &(cap), (n) + 1, sizeof *(arr)), \
       &(arr)[(n)++]))

/* snprintf(dst, cap, "%s", src) without the format machinery (cap >= 1):
 * copies what fits, always terminates; returns dst. */
static inline char *el_copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = 0;
    while (n + 1 < cap && src[n])
        n++;
    for (size_t i = 0; i < n; i++)
        dst[i] = src[i];
    dst[n] = '\0';
    return dst;
}

/* The next line of a text split in place (its '\n', and a '\r' before it,
 * become NULs), its length in *len; NULL past the last line.  Start with
 * *cursor at the text:
 *     for (char *line, *cur = text; (line = el_next_line(&cur, &len));) */
char *el_next_line(char **cursor, size_t *len);

/* FNV-1a over bytes; el_hash_lower folds ASCII letters to lower case. */
uint32_t el_hash(const char *s, size_t n);
uint32_t el_hash_lower(const char *s, size_t n);
/* The same over 64 bits (the syntax model's feature hashes: its file
 * depends on these exact values). */
uint64_t el_hash64(const char *s, size_t n);
uint64_t el_hash64_lower(const char *s, size_t n);

/* el_hash(s, strlen(s)) in one pass over a NUL-terminated string (the
 * corpus step hashes keys and types it holds no length for). */
static inline uint32_t el_hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* a[0..alen) == b[0..blen) with ASCII case folded (inline: hot in every stage). */
static inline bool el_eq_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (x != y)
            return false;
    }
    return true;
}

/* Does the lower-case word lw[0..n) equal s[0..n) with ASCII case folded?
 * (Words are short: a loop beats a call to memcmp.) */
static inline bool el_eq_lower(const char *lw, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
        if (c != lw[i])
            return false;
    }
    return true;
}

/* Open a file for reading; a FIFO gets 10 s to have a writer instead of
 * blocking forever.  NULL + *why (static string) on failure. */
FILE *el_fopen_read(const char *path, const char **why);

/* The error of a read over its limit (compare the pointer). */
extern const char el_err_too_large[];

/* Read all of fp, at most `max` bytes (more is an error: el_err_too_large);
 * NULL + *err (static string) on failure. */
char *el_read_stream_max(FILE *fp, size_t max, size_t size_hint, size_t *len, const char **err);

/* Read a whole file of at most `max` bytes; NULL + *err (static string) on
 * failure. */
char *el_read_file_max(const char *path, size_t max, size_t *len, const char **err);

/* Largest data file (gazetteer, manifest, model) read whole. */
#define EL_MAX_DATA_FILE ((size_t)256 << 20)

/* Read a whole file (at most EL_MAX_DATA_FILE bytes); returns NULL and sets
 * *err (static string) on failure. */
char *el_read_file(const char *path, size_t *len, const char **err);

/* One 64-bit key for the unordered pair {a, b} of non-negative ids, and a
 * qsort/bsearch comparator of such keys (any uint64_t). */
static inline uint64_t el_pair_key(int a, int b)
{
    uint32_t lo = (uint32_t)(a < b ? a : b), hi = (uint32_t)(a < b ? b : a);
    return (uint64_t)lo << 32 | hi;
}
int el_cmp_u64(const void *x, const void *y);

/* The names of the *.tsv files in `dir`, sorted by strcmp (the order the
 * loaders read them in); *n of them, each and the array the caller's to
 * free.  NULL when dir cannot be opened (an empty array when it holds
 * none). */
char **el_list_tsv_sorted(const char *dir, size_t *n);

/* Read a data file; on failure NULL and *err = "PATH: reason" (caller
 * frees). */
char *el_read_data_file(const char *path, size_t *len, char **err);

/* Would a spreadsheet read this TSV/CSV cell as a formula ("=", "+", "-",
 * "@", tab or carriage return first)?  Such cells are written with a
 * leading apostrophe (the usual protection against formula injection). */
/* One CSV field (RFC 4180 quoting when it holds , " CR or LF); a cell a
 * spreadsheet would run as a formula gets a leading apostrophe. */
void el_csv_field(FILE *out, const char *s);

/* Case-folded alphanumeric words of s joined by single spaces, without a
 * leading "the" (to match entity names the way users type them). */
void el_fold_name(const char *s, char *out, size_t cap);

static inline bool el_cell_is_formula(const char *s)
{
    return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

/* Split `line` in place at tabs; returns number of fields (<= max). */
size_t el_split_tabs(char *line, char **fields, size_t max);

/* strtof for the plain decimals of data files ("-1.253", "7"), without
 * strtof's big-number arithmetic: the same float as strtof, bit for bit
 * (what it cannot decide exactly, such as exponents, long mantissas or a
 * value halfway between two floats, it hands to strtof). */
float el_strtof(const char *s, char **end);

#endif

/* jsonw.h - a streaming JSON writer: values go straight into a 64 KiB
 * buffer flushed to a FILE, without building a tree.  Compact by default;
 * pretty (one-space indentation, "key": value) for people.  Strings are
 * escaped as JSON requires (quote, backslash, control characters); invalid
 * UTF-8 is written as U+FFFD, so the output is always valid JSON.  Reals
 * are written with at most EL_JW_DECIMALS decimals ("0.9", not
 * "0.8999999761581421"), always with a decimal point. */
#ifndef EL_JSONW_H
#define EL_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define EL_JW_DECIMALS 4
#define EL_JW_BUF 65536
#define EL_JW_DEPTH 32

typedef struct el_jw {
    FILE *out;
    bool pretty;
    bool err;                 /* a write failed, or nesting went past EL_JW_DEPTH */
    bool after_key;           /* the next value completes a key */
    int depth;
    bool nonempty[EL_JW_DEPTH];   /* the container at each depth has a value */
    size_t len;
    char buf[EL_JW_BUF];
} el_jw;

void el_jw_init(el_jw *w, FILE *out, bool pretty);
/* Flush; 0, or -1 if any write failed. */
int el_jw_finish(el_jw *w);

void el_jw_open(el_jw *w, char bracket);    /* '{' or '[' */
void el_jw_close(el_jw *w, char bracket);   /* '}' or ']' */
/* A plain ASCII key of n bytes, written as is. */
void el_jw_keyn(el_jw *w, const char *key, size_t n);

void el_jw_str(el_jw *w, const char *s);
void el_jw_strn(el_jw *w, const char *s, size_t n);
void el_jw_null(el_jw *w);
void el_jw_bool(el_jw *w, bool v);
void el_jw_int(el_jw *w, int64_t v);
void el_jw_real(el_jw *w, double v);
/* A string, or null when s is NULL or empty. */
void el_jw_str_or_null(el_jw *w, const char *s);

/* "<prefix><n>" (ids such as "m12"), the prefix plen bytes; el_jw_id
 * (inline: a literal prefix's length is known when compiling). */
void el_jw_idn(el_jw *w, const char *prefix, size_t plen, int64_t n);

static inline void el_jw_id(el_jw *w, const char *prefix, int64_t n)
{
    el_jw_idn(w, prefix, strlen(prefix), n);
}

/* Keys and key + value in one call: inline, so that the length of a
 * literal key is known when compiling the caller. */
static inline void el_jw_key(el_jw *w, const char *key)
{
    size_t n = strlen(key);
    /* the common case inline (a compact object member with room in the
     * buffer), so that the copy of a literal key is a few moves; the
     * rest, the same bytes, in el_jw_keyn */
    if (w->pretty || w->after_key || w->depth <= 0 || w->depth > EL_JW_DEPTH
        || w->len + n + 5 > EL_JW_BUF) {
        el_jw_keyn(w, key, n);
        return;
    }
    char *p = w->buf + w->len;
    if (w->nonempty[w->depth - 1])
        *p++ = ',';
    w->nonempty[w->depth - 1] = true;
    *p++ = '"';
    memcpy(p, key, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    w->len = (size_t)(p - w->buf);
    w->after_key = true;
}

static inline void el_jw_kstr(el_jw *w, const char *key, const char *s)
{
    el_jw_key(w, key);
    el_jw_str(w, s);
}

static inline void el_jw_kstr_or_null(el_jw *w, const char *key, const char *s)
{
    el_jw_key(w, key);
    el_jw_str_or_null(w, s);
}

static inline void el_jw_kint(el_jw *w, const char *key, int64_t v)
{
    el_jw_key(w, key);
    el_jw_int(w, v);
}

static inline void el_jw_kreal(el_jw *w, const char *key, double v)
{
    el_jw_key(w, key);
    el_jw_real(w, v);
}

static inline void el_jw_kbool(el_jw *w, const char *key, bool v)
{
    el_jw_key(w, key);
    el_jw_bool(w, v);
}

static inline void el_jw_kid(el_jw *w, const char *key, const char *prefix, int64_t n)
{
    el_jw_key(w, key);
    el_jw_idn(w, prefix, strlen(prefix), n);
}

#endif

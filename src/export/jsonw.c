/* jsonw.c - the streaming JSON writer (see jsonw.h).  Every JSON output of
 * the corpus (timeline.json, annotate's JSON and JSON Lines, the entity
 * list) goes through it: no tree, no per-value allocation. */
#include "export/jsonw.h"
#include "base/utf8.h"

#include <math.h>
#include <string.h>

void el_jw_init(el_jw *w, FILE *out, bool pretty)
{
    w->out = out;
    w->pretty = pretty;
    w->err = false;
    w->after_key = false;
    w->depth = 0;
    w->nonempty[0] = false;
    w->len = 0;
}

static void flush(el_jw *w)
{
    if (w->len && fwrite(w->buf, 1, w->len, w->out) != w->len)
        w->err = true;
    w->len = 0;
}

int el_jw_finish(el_jw *w)
{
    flush(w);
    return w->err || ferror(w->out) ? -1 : 0;
}

/* put's rare path: the buffer is full. */
static void put_slow(el_jw *w, const char *s, size_t n)
{
    flush(w);
    if (n > EL_JW_BUF) {
        if (fwrite(s, 1, n, w->out) != n)
            w->err = true;
        return;
    }
    memcpy(w->buf, s, n);
    w->len = n;
}

static inline void put(el_jw *w, const char *s, size_t n)
{
    if (w->len + n > EL_JW_BUF) {
        put_slow(w, s, n);
        return;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static inline void putc1(el_jw *w, char c)
{
    if (w->len == EL_JW_BUF)
        flush(w);
    w->buf[w->len++] = c;
}

static void newline(el_jw *w)
{
    putc1(w, '\n');
    for (int i = 0; i < w->depth; i++)
        putc1(w, ' ');
}

/* Before a value: the comma and line break of its container, unless it
 * completes a key. */
static inline void before_value(el_jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth > 0 && w->depth <= EL_JW_DEPTH) {
        if (w->nonempty[w->depth - 1])
            putc1(w, ',');
        w->nonempty[w->depth - 1] = true;
        if (w->pretty)
            newline(w);
    }
}

void el_jw_open(el_jw *w, char bracket)
{
    before_value(w);
    putc1(w, bracket);
    if (w->depth >= EL_JW_DEPTH) {
        w->err = true;
        return;
    }
    w->nonempty[w->depth++] = false;
}

void el_jw_close(el_jw *w, char bracket)
{
    if (w->depth == 0) {
        w->err = true;
        return;
    }
    bool had = w->nonempty[--w->depth];
    if (w->pretty && had)
        newline(w);
    putc1(w, bracket);
}

void el_jw_keyn(el_jw *w, const char *key, size_t n)
{
    before_value(w);
    if (w->len + n + 4 > EL_JW_BUF)
        flush(w);
    if (n + 4 > EL_JW_BUF) {   /* (no key is that long; kept correct anyway) */
        putc1(w, '"');
        put(w, key, n);
        put(w, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
    } else {   /* the common case: straight into the buffer ("key": is n + 3 or 4 bytes) */
        char *p = w->buf + w->len;
        *p++ = '"';
        memcpy(p, key, n);
        p += n;
        *p++ = '"';
        *p++ = ':';
        if (w->pretty)
            *p++ = ' ';
        w->len = (size_t)(p - w->buf);
    }
    w->after_key = true;
}

static void escape(el_jw *w, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char e[6] = {'\\', 0, 0, 0, 0, 0};
    size_t n = 2;
    switch (c) {
    case '"': e[1] = '"'; break;
    case '\\': e[1] = '\\'; break;
    case '\n': e[1] = 'n'; break;
    case '\t': e[1] = 't'; break;
    case '\r': e[1] = 'r'; break;
    case '\b': e[1] = 'b'; break;
    case '\f': e[1] = 'f'; break;
    default:
        memcpy(e + 1, "u00", 3);
        e[4] = hex[c >> 4];
        e[5] = hex[c & 15];
        n = 6;
    }
    put(w, e, n);
}

/* Whether none of the 8 bytes in x needs attention in a JSON string: a
 * control character, a quote, a backslash or a byte of a multi-byte
 * sequence (each test is exact for "some byte is"). */
static inline bool plain8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    uint64_t ctl = (x - ones * 0x20) & ~x;
    uint64_t quote = (q - ones) & ~q, bslash = (b - ones) & ~b;
    return !((x | ctl | quote | bslash) & high);
}

/* A string of plain ASCII that fits in the buffer, copied while it is
 * checked; false (nothing written) for any other. */
static inline bool strn_plain(el_jw *w, const char *s, size_t n)
{
    if (w->len + n + 2 > EL_JW_BUF)
        return false;
    char *o = w->buf + w->len;
    *o++ = '"';
    size_t i = 0;
    for (; i + 8 <= n; i += 8, o += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (!plain8(x))
            return false;
        memcpy(o, &x, 8);
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((unsigned char)(c - 0x20) >= 0x60 || c == '"' || c == '\\')
            return false;
        *o++ = (char)c;
    }
    *o++ = '"';
    w->len = (size_t)(o - w->buf);
    return true;
}

void el_jw_strn(el_jw *w, const char *s, size_t n)
{
    before_value(w);
    if (strn_plain(w, s, n))
        return;
    putc1(w, '"');
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0, i = 0;   /* p[run, i) is copied as is */
    while (i < n) {
        if (i + 8 <= n) {   /* eight plain ASCII bytes at a time */
            uint64_t x;
            memcpy(&x, p + i, 8);
            if (plain8(x)) {
                i += 8;
                continue;
            }
        }
        unsigned char c = p[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t k = el_utf8_seq_len(p + i, n - i);
            if (k) {
                i += k;
                continue;
            }
        }
        put(w, s + run, i - run);
        if (c >= 0x80)
            put(w, "\xEF\xBF\xBD", 3);   /* U+FFFD for a byte that is no UTF-8 */
        else
            escape(w, c);
        run = ++i;
    }
    put(w, s + run, n - run);
    putc1(w, '"');
}

void el_jw_str(el_jw *w, const char *s)
{
    el_jw_strn(w, s, strlen(s));
}

void el_jw_null(el_jw *w)
{
    before_value(w);
    put(w, "null", 4);
}

void el_jw_bool(el_jw *w, bool v)
{
    before_value(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void el_jw_str_or_null(el_jw *w, const char *s)
{
    if (s && *s)
        el_jw_str(w, s);
    else
        el_jw_null(w);
}

/* Decimal digits of v into the end of buf; returns the first. */
static char *digits(char *end, uint64_t v)
{
    do
        *--end = (char)('0' + v % 10);
    while (v /= 10);
    return end;
}

static void put_int(el_jw *w, int64_t v)
{
    char b[24], *p = digits(b + sizeof b, v < 0 ? 0u - (uint64_t)v : (uint64_t)v);
    if (v < 0)
        *--p = '-';
    put(w, p, (size_t)(b + sizeof b - p));
}

void el_jw_int(el_jw *w, int64_t v)
{
    before_value(w);
    put_int(w, v);
}

void el_jw_real(el_jw *w, double v)
{
    before_value(w);
    if (!isfinite(v)) {
        put(w, "null", 4);   /* JSON has no NaN or infinity */
        return;
    }
    static const double scale = 10000.0;   /* 10^EL_JW_DECIMALS */
    if (fabs(v) >= 1e9) {
        char b[32];
        int n = snprintf(b, sizeof b, "%.17g", v);
        put(w, b, (size_t)n);
        if (!strpbrk(b, ".eE"))
            put(w, ".0", 2);
        return;
    }
    double r = round(fabs(v) * scale);
    uint64_t whole = (uint64_t)(r / scale), frac = (uint64_t)(r - (double)whole * scale);
    if (v < 0 && r > 0)
        putc1(w, '-');
    char b[24], *p = digits(b + sizeof b, whole);
    put(w, p, (size_t)(b + sizeof b - p));
    putc1(w, '.');
    char f[EL_JW_DECIMALS];
    size_t nf = EL_JW_DECIMALS;
    for (size_t i = EL_JW_DECIMALS; i-- > 0; frac /= 10)
        f[i] = (char)('0' + frac % 10);
    while (nf > 1 && f[nf - 1] == '0')
        nf--;
    put(w, f, nf);
}

void el_jw_idn(el_jw *w, const char *prefix, size_t plen, int64_t n)
{
    before_value(w);
    char b[24], *p = digits(b + sizeof b, n < 0 ? 0u - (uint64_t)n : (uint64_t)n);
    if (n < 0)
        *--p = '-';
    size_t nd = (size_t)(b + sizeof b - p);
    if (w->len + plen + nd + 2 > EL_JW_BUF) {   /* rare: the buffer is full */
        putc1(w, '"');
        put(w, prefix, plen);
        put(w, p, nd);
        putc1(w, '"');
        return;
    }
    char *o = w->buf + w->len;   /* the common case: one bounds check */
    *o++ = '"';
    memcpy(o, prefix, plen);
    o += plen;
    memcpy(o, p, nd);
    o += nd;
    *o++ = '"';
    w->len = (size_t)(o - w->buf);
}

/* jdom.c - the lean JSON reader of merge's results (see jdom.h): a
 * recursive-descent parse into a flat, reused node array; strings are
 * decoded in place in the caller's buffer. */
#include "codec/jdom.h"
#include "base/utf8.h"
#include "base/util.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX

typedef struct ps {
    el_jd *jd;
    char *buf, *p, *end;
} ps;

static uint32_t fail(ps *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static uint32_t fail(ps *s, const char *fmt, ...)
{
    size_t line = 1, col = 1;
    for (const char *q = s->buf; q < s->p && q < s->end; q++, col++)
        if (*q == '\n') {
            line++;
            col = 0;
        }
    char what[120];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(s->jd->err, sizeof s->jd->err, "line %zu column %zu: %s", line, col, what);
    return NONE;
}

static void skip_ws(ps *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
        s->p++;
}

static uint32_t new_node(ps *s, el_jd_type t)
{
    el_jd *jd = s->jd;
    if (jd->nnodes >= UINT32_MAX - 1)
        return NONE;
    el_jd_node *n = &EL_PUSH(jd->nodes, jd->nnodes, jd->cap);
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)t;
    return (uint32_t)(jd->nnodes - 1);
}

static int hex4(const char *p, const char *end)
{
    if (end - p < 4)
        return -1;
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static char *put_utf8(char *w, uint32_t cp)
{
    if (cp < 0x80) {
        *w++ = (char)cp;
    } else if (cp < 0x800) {
        *w++ = (char)(0xC0 | (cp >> 6));
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *w++ = (char)(0xE0 | (cp >> 12));
        *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *w++ = (char)(0xF0 | (cp >> 18));
        *w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *w++ = (char)(0x80 | (cp & 0x3F));
    }
    return w;
}

/* A \u escape at s->p (after the backslash and 'u'), a surrogate pair
 * included; the code point, or -1 (s->p at the problem). */
static long unicode_escape(ps *s)
{
    int hi = hex4(s->p, s->end);
    if (hi < 0)
        return -1;
    s->p += 4;
    if (hi < 0xD800 || hi > 0xDFFF)
        return hi;
    if (hi > 0xDBFF || s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u')
        return -1;
    int lo = hex4(s->p + 2, s->end);
    if (lo < 0xDC00 || lo > 0xDFFF)
        return -1;
    s->p += 6;
    return 0x10000 + (((long)hi - 0xD800) << 10) + (lo - 0xDC00);
}

/* One escape at s->p (after the backslash), written at *w. */
static bool escape(ps *s, char **w)
{
    char c = *s->p++;
    const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
    const char *k = c ? strchr(from, c) : NULL;
    if (k) {
        *(*w)++ = to[k - from];
        return true;
    }
    if (c != 'u')
        return false;
    long cp = unicode_escape(s);
    if (cp <= 0)   /* invalid, or U+0000 (strings stay C strings) */
        return false;
    *w = put_utf8(*w, (uint32_t)cp);
    return true;
}

/* A string at s->p (after the opening quote), decoded in place and
 * NUL-terminated: its start and length in *out, n in *len. */
static bool string_at(ps *s, const char **out, size_t *len)
{
    char *w = s->p, *start = s->p;
    while (s->p < s->end) {
        unsigned char c = (unsigned char)*s->p;
        if (c == '"') {
            *w = '\0';   /* (w <= s->p: this byte is read already) */
            s->p++;
            *out = start;
            *len = (size_t)(w - start);
            return true;
        }
        if (c == '\\') {
            s->p++;
            if (s->p >= s->end || !escape(s, &w)) {
                fail(s, "invalid escape in a string");
                return false;
            }
        } else if (c < 0x20) {
            fail(s, "control character in a string");
            return false;
        } else if (c < 0x80) {
            *w++ = *s->p++;
        } else {
            size_t k = el_utf8_seq_len((const unsigned char *)s->p, (size_t)(s->end - s->p));
            if (!k) {
                fail(s, "invalid UTF-8 in a string");
                return false;
            }
            memmove(w, s->p, k);
            w += k;
            s->p += k;
        }
    }
    fail(s, "unterminated string");
    return false;
}

static uint32_t number(ps *s)
{
    const char *b = s->p;
    bool real = false;
    if (s->p < s->end && *s->p == '-')
        s->p++;
    if (s->p < s->end && *s->p == '0')
        s->p++;
    else if (s->p < s->end && *s->p >= '1' && *s->p <= '9')
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
            s->p++;
    else
        return fail(s, "invalid number");
    if (s->p < s->end && *s->p == '.') {
        real = true;
        if (++s->p >= s->end || *s->p < '0' || *s->p > '9')
            return fail(s, "invalid number");
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
            s->p++;
    }
    if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
        real = true;
        s->p++;
        if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
            s->p++;
        if (s->p >= s->end || *s->p < '0' || *s->p > '9')
            return fail(s, "invalid number");
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
            s->p++;
    }
    char tmp[64];
    size_t n = (size_t)(s->p - b);
    if (n >= sizeof tmp)
        return fail(s, "number too long");
    memcpy(tmp, b, n);
    tmp[n] = '\0';
    uint32_t i = new_node(s, real ? EL_JD_REAL : EL_JD_INT);
    if (i == NONE)
        return fail(s, "too many values");
    if (real) {
        double d = strtod(tmp, NULL);
        if (!isfinite(d))
            return fail(s, "real number overflow");
        s->jd->nodes[i].v.d = d;
        return i;
    }
    char *e;
    long long v = strtoll(tmp, &e, 10);
    if ((v == LLONG_MAX || v == LLONG_MIN) && strcmp(tmp, v == LLONG_MAX ? "9223372036854775807"
                                                                          : "-9223372036854775808"))
        return fail(s, "too big integer");
    s->jd->nodes[i].v.i = v;
    return i;
}

static uint32_t value(ps *s, int depth);

/* The members or elements of the container node c, after its bracket. */
static uint32_t children(ps *s, uint32_t c, bool object, int depth)
{
    char close = object ? '}' : ']';
    uint32_t prev = NONE, count = 0;
    skip_ws(s);
    if (s->p < s->end && *s->p == close) {
        s->p++;
        return c;
    }
    for (;;) {
        const char *key = NULL;
        size_t klen = 0;
        if (object) {
            skip_ws(s);
            if (s->p >= s->end || *s->p != '"')
                return fail(s, "expected a key");
            s->p++;
            if (!string_at(s, &key, &klen))
                return NONE;
            skip_ws(s);
            if (s->p >= s->end || *s->p != ':')
                return fail(s, "expected ':'");
            s->p++;
        }
        uint32_t v = value(s, depth + 1);
        if (v == NONE)
            return NONE;
        el_jd_node *nodes = s->jd->nodes;
        nodes[v].key = key;
        nodes[v].klen = (uint32_t)klen;
        if (prev == NONE)
            nodes[c].v.c.first = v;
        else
            nodes[prev].next = v;
        prev = v;
        nodes[c].v.c.count = ++count;
        skip_ws(s);
        if (s->p < s->end && *s->p == ',') {
            s->p++;
            continue;
        }
        if (s->p < s->end && *s->p == close) {
            s->p++;
            return c;
        }
        return fail(s, object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static uint32_t literal(ps *s, const char *word, el_jd_type t)
{
    size_t n = strlen(word);
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0)
        return fail(s, "invalid token");
    s->p += n;
    uint32_t i = new_node(s, t);
    return i == NONE ? fail(s, "too many values") : i;
}

static uint32_t value(ps *s, int depth)
{
    if (depth > EL_JD_DEPTH)
        return fail(s, "maximum parsing depth reached");
    skip_ws(s);
    if (s->p >= s->end)
        return fail(s, "unexpected end of input");
    char c = *s->p;
    if (c == '{' || c == '[') {
        s->p++;
        uint32_t i = new_node(s, c == '{' ? EL_JD_OBJ : EL_JD_ARR);
        if (i == NONE)
            return fail(s, "too many values");
        return children(s, i, c == '{', depth);
    }
    if (c == '"') {
        s->p++;
        uint32_t i = new_node(s, EL_JD_STR);
        if (i == NONE)
            return fail(s, "too many values");
        const char *str;
        size_t n;
        if (!string_at(s, &str, &n))
            return NONE;
        s->jd->nodes[i].v.str.s = str;
        s->jd->nodes[i].v.str.n = n;
        return i;
    }
    if (c == 't')
        return literal(s, "true", EL_JD_TRUE);
    if (c == 'f')
        return literal(s, "false", EL_JD_FALSE);
    if (c == 'n')
        return literal(s, "null", EL_JD_NULL);
    return number(s);
}

bool el_jd_parse(el_jd *jd, char *buf, size_t n)
{
    ps s = {jd, buf, buf, buf + n};
    jd->nnodes = 0;
    jd->err[0] = '\0';
    if (value(&s, 0) == NONE) {
        jd->nnodes = 0;
        return false;
    }
    skip_ws(&s);
    if (s.p < s.end) {
        fail(&s, "end of file expected");
        jd->nnodes = 0;
        return false;
    }
    return true;
}

void el_jd_free(el_jd *jd)
{
    free(jd->nodes);
    jd->nodes = NULL;
    jd->nnodes = jd->cap = 0;
}

el_jv el_jd_root(const el_jd *jd)
{
    el_jv v = {jd->nnodes ? jd : NULL, 0};
    return v;
}

el_jv el_jv_get(el_jv v, const char *key)
{
    el_jv none = {NULL, 0};
    if (!el_jv_is(v, EL_JD_OBJ))
        return none;
    size_t n = strlen(key);
    const el_jd_node *nodes = v.jd->nodes;
    for (uint32_t i = nodes[v.i].v.c.first, k = 0; k < nodes[v.i].v.c.count;
         i = nodes[i].next, k++)
        if (nodes[i].klen == n && memcmp(nodes[i].key, key, n) == 0) {
            el_jv r = {v.jd, i};
            return r;
        }
    return none;
}

el_jv el_jv_first(el_jv v)
{
    el_jv none = {NULL, 0};
    if (!el_jv_is(v, EL_JD_ARR) || v.jd->nodes[v.i].v.c.count == 0)
        return none;
    el_jv r = {v.jd, v.jd->nodes[v.i].v.c.first};
    return r;
}

el_jv el_jv_next(el_jv v)
{
    el_jv none = {NULL, 0};
    if (!v.jd || v.jd->nodes[v.i].next == 0)
        return none;
    el_jv r = {v.jd, v.jd->nodes[v.i].next};
    return r;
}

size_t el_jv_size(el_jv v)
{
    return el_jv_is(v, EL_JD_ARR) ? v.jd->nodes[v.i].v.c.count : 0;
}

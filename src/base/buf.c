/* buf.c - growable byte buffer (see buf.h). */
#include "base/buf.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(el_buf *b, size_t extra)
{
    b->data = el_grow(b->data, &b->cap, b->len + extra + 1, 1);
}

void el_buf_put(el_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void el_buf_puts(el_buf *b, const char *s)
{
    el_buf_put(b, s, strlen(s));
}

void el_buf_putc(el_buf *b, char c)
{
    el_buf_put(b, &c, 1);
}

void el_buf_printf(el_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void el_buf_put_cp(el_buf *b, uint32_t cp)
{
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp; n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | (cp >> 6)); s[1] = (char)(0x80 | (cp & 0x3F)); n = 2;
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | (cp >> 12)); s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        s[0] = (char)(0xF0 | (cp >> 18)); s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); s[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    el_buf_put(b, s, n);
}

void el_buf_clear(el_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *el_buf_detach(el_buf *b, size_t *len)
{
    char *p = b->data ? b->data : el_strdup("");
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void el_buf_free(el_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

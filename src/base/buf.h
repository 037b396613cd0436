/* buf.h - a growable byte buffer (always NUL-terminated). */
#ifndef EL_BUF_H
#define EL_BUF_H

#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>

typedef struct el_buf {
    char *data;
    size_t len;
    size_t cap;
} el_buf;

#define EL_BUF_INIT {NULL, 0, 0}

void el_buf_put(el_buf *b, const char *s, size_t n);
void el_buf_puts(el_buf *b, const char *s);
void el_buf_putc(el_buf *b, char c);
void el_buf_printf(el_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append a code point as UTF-8. */
void el_buf_put_cp(el_buf *b, uint32_t cp);
void el_buf_clear(el_buf *b);
/* Hand the buffer's memory to the caller (never NULL); the buffer is reset. */
char *el_buf_detach(el_buf *b, size_t *len);
void el_buf_free(el_buf *b);

#endif

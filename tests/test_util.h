/* test_util.h - shared helpers for the cmocka unit tests. */
#ifndef EL_TEST_UTIL_H
#define EL_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model/doc.h"
#include "text/tokenize.h"
#include "base/util.h"

/* A tokenized document over a copy of `text` (default abbreviations). */
static inline el_doc *test_doc(const char *text)
{
    el_doc *d = el_doc_new("test", NULL, el_strdup(text), strlen(text));
    el_abbrevs *ab = el_abbrevs_default();
    el_tokenize(d, ab);
    el_abbrevs_free(ab);
    return d;
}

/* Text of token i as a NUL-terminated static buffer (tests only). */
static inline const char *tok_str(const el_doc *d, size_t i)
{
    static char buf[256];
    size_t n;
    const char *s = el_tok_text(d, i, &n);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

#endif

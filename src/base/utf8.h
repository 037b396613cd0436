/* utf8.h - UTF-8 validation and decoding.  All text in the document model is
 * valid UTF-8; readers call el_utf8_validate() before building a document. */
#ifndef EL_UTF8_H
#define EL_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Length of the valid UTF-8 sequence at s[0..n) (s[0] >= 0x80), 0 if
 * invalid (no overlongs, no surrogates, nothing above U+10FFFF).  Inline:
 * the JSON writer and reader call it on every non-ASCII byte. */
static inline size_t el_utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t len;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

/* Returns true if s[0..n) is valid UTF-8 (no overlongs, no surrogates).
 * On failure *bad is set to the byte offset of the first invalid sequence. */
bool el_utf8_validate(const char *s, size_t n, size_t *bad);

/* Decode the code point at s[*i] (s valid UTF-8), advancing *i. */
uint32_t el_utf8_next(const char *s, size_t n, size_t *i);

/* Number of code points in s[0..n). */
size_t el_utf8_count(const char *s, size_t n);

/* Classification helpers for the tokenizer (ASCII + common Latin/punct). */
bool el_cp_is_letter(uint32_t cp);
bool el_cp_is_upper(uint32_t cp);
bool el_cp_is_space(uint32_t cp);   /* includes NBSP and other Unicode spaces */
bool el_cp_is_dash(uint32_t cp);    /* - – — ‒ ― */
bool el_cp_is_quote(uint32_t cp);   /* " ' “ ” ‘ ’ « » */

#endif

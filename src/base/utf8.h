/* utf8.h - UTF-8 validation and decoding.  All text in the document model is
 * valid UTF-8; readers call el_utf8_validate() before building a document. */
#ifndef EL_UTF8_H
#define EL_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

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

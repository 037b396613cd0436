/* utf8.c - UTF-8 validation, decoding and character classes (see utf8.h). */
#include "base/utf8.h"

#include <string.h>

bool el_utf8_validate(const char *str, size_t n, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {   /* eight ASCII bytes at a time (most text) */
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (!(x & 0x8080808080808080u)) {
                i += 8;
                continue;
            }
        }
        if (s[i] < 0x80) { i++; continue; }
        size_t len = el_utf8_seq_len(s + i, n - i);
        if (len == 0) {
            if (bad)
                *bad = i;
            return false;
        }
        i += len;
    }
    return true;
}

uint32_t el_utf8_next(const char *str, size_t n, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[*i];
    if (c < 0x80 || *i + 1 >= n) { (*i)++; return c; }
    if ((c & 0xE0) == 0xC0) {
        uint32_t cp = ((uint32_t)(c & 0x1F) << 6) | (s[*i + 1] & 0x3F);
        *i += 2;
        return cp;
    }
    if ((c & 0xF0) == 0xE0 && *i + 2 < n) {
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[*i + 1] & 0x3F) << 6)
                      | (s[*i + 2] & 0x3F);
        *i += 3;
        return cp;
    }
    if (*i + 3 < n) {
        uint32_t cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[*i + 1] & 0x3F) << 12)
                      | ((uint32_t)(s[*i + 2] & 0x3F) << 6) | (s[*i + 3] & 0x3F);
        *i += 4;
        return cp;
    }
    (*i)++;
    return 0xFFFD;
}

size_t el_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

bool el_cp_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    if (cp == 0xD7 || cp == 0xF7)
        return false;
    return (cp >= 0xC0 && cp <= 0x24F)      /* Latin-1 + Extended A/B */
        || (cp >= 0x370 && cp <= 0x3FF)     /* Greek */
        || (cp >= 0x400 && cp <= 0x52F)     /* Cyrillic */
        || (cp >= 0x1E00 && cp <= 0x1EFF)   /* Latin Extended Additional */
        || (cp >= 0x4E00 && cp <= 0x9FFF)   /* CJK */
        || (cp >= 0xAC00 && cp <= 0xD7AF);  /* Hangul */
}

bool el_cp_is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return true;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == 0;
    if (cp >= 0x391 && cp <= 0x3A9)
        return true;
    if (cp >= 0x400 && cp <= 0x42F)
        return true;
    return false;
}

bool el_cp_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f'
        || cp == '\v' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B)
        || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
        || cp == 0x3000 || cp == 0xFEFF;
}

bool el_cp_is_dash(uint32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

bool el_cp_is_quote(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == '`' || cp == 0xAB || cp == 0xBB
        || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2039 || cp == 0x203A;
}

/* product.c - product names that no list holds, recognized by their shape
 * (part of the entity stage; see entity_internal.h):
 *
 *   - a camel-case word: a lower-case letter, then a capital, then more
 *     lower-case letters ("iPod", "eBook"; not "kWh", "mRNA");
 *   - an organization's listed name followed by a model designation
 *     ("Nokia N95", a model token of three or more digits or with a letter);
 *
 *   - an unlisted name followed by a model designation ("Nova X7", "Aerion
 *     A-220", "a Falcon 9 rocket", "PlayStation 5"): the model has a letter
 *     ("X7", "A-220"), or a lower-case product noun follows it (cue kind
 *     `product-after`: "rocket", "jets"), or the name has an inner capital;
 *     a model designation alone before such a noun ("its V-900 freighter");
 *
 * each continued by what completes a product name: model tokens ("4",
 * "3GS", "1.1"), product words (cue kind `product`: "nano", "store",
 * "Pro"), and capitalized words outside headline-case lines ("Music
 * Store", "Developer Program").  A model number followed by a measure
 * word (cue kind `measure`: "percent", "million") is a quantity, not a
 * model.  Later in the article the model designation alone ("the N95")
 * names the same product. */
#include "stages/entity/entity_internal.h"
#include "base/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

enum { PRODUCT_MAX_TAIL = 4 };

static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool el_ent_camel_word(const el_doc *d, size_t i)
{
    size_t n;
    const char *s = el_tok_text(d, i, &n);
    if (n < 4 || !is_lower(s[0]) || !is_upper(s[1]))
        return false;
    for (size_t k = 2; k < n; k++)
        if (is_lower(s[k]))
            return true;
    return false;
}

/* Digits, letters and inner periods with at least one digit ("4", "3GS",
 * "A380", "1.1.1"); *letters says whether a letter occurs. */
static bool model_shape(const char *s, size_t n, bool *letters)
{
    bool digit = false;
    *letters = false;
    for (size_t k = 0; k < n; k++) {
        if (is_digit(s[k]))
            digit = true;
        else if (is_lower(s[k]) || is_upper(s[k]))
            *letters = true;
        else if (s[k] != '.' || k == 0 || k + 1 == n)
            return false;
    }
    return digit;
}

/* A model designation at token i: not part of a time expression, not a
 * quantity ("5 percent", "3 %").  `strict` (after an organization's name)
 * also wants a letter or three digits ("Airbus A380", not "Apple 2"). */
static bool model_token(const tagger *t, size_t i, bool strict)
{
    const el_doc *d = t->doc;
    if (i >= d->ntokens || t->blocked[i])
        return false;
    size_t n;
    bool letters;
    if (!(d->tokens[i].flags & EL_TOK_DIGIT))   /* (model_shape wants a digit) */
        return false;
    const char *s = el_tok_text(d, i, &n);
    if (!model_shape(s, n, &letters) || (strict && !letters && n < 3))
        return false;
    if (el_ent_same_sentence(t, i, i + 1) && (el_tok_is(d, i + 1, "%") || (t->cue[i + 1] & CUE_MEASURE)))
        return false;
    return true;
}

/* A word that may continue a product name after token i - 1. */
static bool tail_word(const tagger *t, size_t i)
{
    const el_doc *d = t->doc;
    if (i >= d->ntokens || t->blocked[i] || !(d->tokens[i].flags & EL_TOK_WORD))
        return false;
    if (t->cue[i] & CUE_PRODUCT)
        return true;
    if (!(d->tokens[i].flags & EL_TOK_CAP) || (t->cue[i] & (CUE_STOP | CUE_NOT_NAME | CUE_SAY)) ||
        t->headline[d->tokens[i].sentence] || (d->tokens[i].flags & EL_TOK_ALLCAPS))
        return false;
    int entry;
    return !el_ent_gz_match(t, i, &entry);   /* "iPod Apple ..." is two names */
}

/* End of a product name whose head ends before token e. */
static size_t product_tail(const tagger *t, size_t b, size_t e)
{
    size_t limit = e + PRODUCT_MAX_TAIL;
    while (e < limit && el_ent_same_sentence(t, b, e) && (model_token(t, e, false) || tail_word(t, e)))
        e++;
    return e;
}

size_t el_ent_product_end(const tagger *t, size_t i, size_t org_len)
{
    if (org_len)
        return el_ent_same_sentence(t, i, i + org_len) && model_token(t, i + org_len, true)
                   ? product_tail(t, i, i + org_len + 1) : 0;
    if (t->blocked[i] || !el_ent_camel_word(t->doc, i))
        return 0;
    return product_tail(t, i, i + 1);
}

/* A PRODUCT candidate of the last PRODUCT_LOOKBACK whose model designation
 * (a token after its first) reads like token i ("the N95" after "Nokia
 * N95"), or -1. */
enum { PRODUCT_LOOKBACK = 64 };

int el_ent_product_model_of(const tagger *t, size_t i)
{
    if (!t->nproducts || !model_token(t, i, true))
        return -1;
    size_t n;
    const char *s = el_tok_text(t->doc, i, &n);
    for (size_t k = t->nc; k-- > 0 && t->nc - k <= PRODUCT_LOOKBACK;) {
        const cand *c = &t->c[k];
        if (c->type != EL_ENT_PRODUCT || c->target >= 0)
            continue;
        for (size_t j = c->b + 1; j < c->e; j++) {
            size_t m;
            const char *w = el_tok_text(t->doc, j, &m);
            if (m == n && memcmp(w, s, n) == 0)
                return (int)k;
        }
    }
    return -1;
}

/* A lettered model designation glued over a hyphen at token i ("A-220":
 * one to three capital letters, "-", digits): its length in tokens, or 0. */
static size_t hyphen_model(const tagger *t, size_t i)
{
    const el_doc *d = t->doc;
    size_t n;
    if (i + 2 >= d->ntokens || t->blocked[i] || !el_ent_same_sentence(t, i, i + 2))
        return 0;
    const char *s = el_tok_text(d, i, &n);
    if (n > 3 || !(d->tokens[i].flags & EL_TOK_CAP) || !el_tok_is(d, i + 1, "-") ||
        !(d->tokens[i + 1].flags & EL_TOK_GLUED) || !(d->tokens[i + 2].flags & EL_TOK_GLUED))
        return 0;
    for (size_t k = 0; k < n; k++)
        if (!is_upper(s[k]))
            return 0;
    return model_token(t, i + 2, false) ? 3 : 0;
}

/* A lower-case `product-after` noun at token i ("rocket"). */
static bool product_noun_after(const tagger *t, size_t i, size_t b)
{
    return el_ent_same_sentence(t, b, i) && (t->cue[i] & CUE_PRODUCT_AFTER) &&
           !(t->doc->tokens[i].flags & EL_TOK_CAP);
}

static bool has_inner_capital(const el_doc *d, size_t i)
{
    size_t n;
    const char *s = el_tok_text(d, i, &n);
    for (size_t k = 1; k < n; k++)
        if (is_upper(s[k]) && is_lower(s[k - 1]))
            return true;
    return false;
}

size_t el_ent_model_product_end(const tagger *t, size_t b, size_t run)
{
    size_t e = b + run, n;
    bool lettered = false;
    if (run <= 1 && (n = hyphen_model(t, b)) > 0)   /* "V-900" alone */
        return product_noun_after(t, b + n, b) ? b + n : 0;
    if (run >= 2 && (n = hyphen_model(t, e - 1)) > 0) {   /* "Aerion A" + "-220" */
        e = e - 1 + n;
        lettered = true;
    } else if (run >= 2 && model_token(t, e - 1, false)) {   /* "Nova X7" */
        bool letters;
        size_t len;
        const char *s = el_tok_text(t->doc, e - 1, &len);
        lettered = model_shape(s, len, &letters) && letters;
    } else if ((n = hyphen_model(t, e)) > 0 && el_ent_same_sentence(t, b, e)) {
        e += n;
        lettered = true;
    } else if (el_ent_same_sentence(t, b, e) && model_token(t, e, false)) {   /* "Falcon 9" */
        e++;
    } else {
        return 0;
    }
    if (run == 0)
        return 0;
    if (lettered || product_noun_after(t, e, b) || has_inner_capital(t->doc, b))
        return e;
    return 0;
}

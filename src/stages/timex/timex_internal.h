/* timex_internal.h - shared internals of the time stage: the per-document
 * context and per-token classification (timex.c fills them), the rule
 * result, and the grammar entry point (timex_grammar.c).  Not a public
 * interface. */
#ifndef EL_TIMEX_INTERNAL_H
#define EL_TIMEX_INTERNAL_H

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "model/doc.h"
#include "stages/timex/timex.h"
#include "stages/timex/timex_lexicon.h"
#include "stages/timex/timex_norm.h"
#include "base/util.h"

#define TX_MAXW 6

/* What a token can start: a lexicon class (bit = class) or a shape. */
enum {
    K_THE = 1u << 24, K_A = 1u << 25, K_DIGIT = 1u << 26, K_FISCAL = 1u << 27,
    K_QTOKEN = 1u << 28, K_APOS = 1u << 29,
};
#define K(cls) (1u << (cls))

typedef struct tok_info {       /* (fields ordered to pack: one per token) */
    uint32_t kinds;              /* start kinds (K_* and 1 << tw_class), 0 = no timex starts here */
    uint32_t cls;                /* K(class) of every lexicon word in w: word() answers
                                    most tokens with one test */
    int32_t lead;                /* value of the leading digits, -1 = none */
    uint16_t w[TX_MAXW];         /* indices into the lexicon's words */
    uint8_t len, n;              /* lexicon match length, number of words */
    int8_t tense;                /* tx_tense cue of this token (phrases cover all their tokens) */
    uint8_t ndig;                /* number of leading digits */
} tok_info;

typedef struct tx_ctx {
    el_doc *doc;
    const el_time_lexicon *lx;
    tok_info *info;
    size_t sbeg, lim;            /* current sentence token range */
    el_date dct;
    bool have_dct;
    el_date day;                 /* last day mentioned (anchors clock times) */
    size_t day_sent;             /* its sentence, SIZE_MAX = none */
    int year;                    /* last explicit year mentioned ... */
    size_t year_sent;            /* ... and its sentence */
    int qyear, quarter;          /* last quarter mentioned (0 = none) */
    el_date ref;                 /* last date mentioned, month/day 0 if coarser */
    int day_tx, ref_tx, quarter_tx;  /* timex indices of day, ref, quarter (-1 = none) */
    bool in_point_mod;           /* parsing after "the end of", "early" ... */
} tx_ctx;

/* What a relative value is computed from: the DCT, or a time mentioned
 * before (the story's day, the last date, the quarter it is about). */
typedef enum tx_anchor { TX_ANCHOR_DCT = 0, TX_ANCHOR_DAY, TX_ANCHOR_REF, TX_ANCHOR_QUARTER } tx_anchor;

typedef struct tx_res {
    size_t end;                  /* token end, exclusive */
    el_timex_type type;
    char value[40];
    char mod[16];
    char quant[12];
    char freq[12];
    char zone[8];                /* UTC offset of a named zone, "" */
    bool tf;                     /* computed relative to the DCT/context */
    bool topic;                  /* a period later references refer back to */
    size_t start;                /* token start when a rule skips a word ("the"), else 0 */
    tx_anchor anchor;            /* what a relative value was computed from */
    int range_day;               /* "June 19-20": the second day (0 = none) ... */
    size_t range_tok;            /* ... and the token "19-20" */
} tx_res;

typedef bool (*tx_rule)(tx_ctx *c, size_t i, tx_res *r);

/* ---- token helpers ----------------------------------------------------- */

static inline const tw_word *word(const tx_ctx *c, size_t i, int cls, size_t *len)
{
    if (i >= c->lim)
        return NULL;
    const tok_info *t = &c->info[i];
    if (!(t->cls & K(cls)))
        return NULL;
    for (size_t k = 0; k < t->n; k++)
        if (c->lx->words[t->w[k]].cls == cls) {
            if (len)
                *len = t->len;
            return &c->lx->words[t->w[k]];
        }
    return NULL;
}

/* Token i (inside the sentence) is the punctuation mark s ("," "-" "%");
 * words are tested by kind (is_a, is_kind, is_the), never by spelling. */
static inline bool is(const tx_ctx *c, size_t i, const char *s)
{
    if (i >= c->lim)
        return false;
    char first = c->doc->text[c->doc->tokens[i].start];
    if (first >= 'A' && first <= 'Z')
        first = (char)(first + 32);
    return first == s[0] && el_tok_is(c->doc, i, s);   /* cheap first-letter check */
}

/* Token i (inside the sentence) is a word of kind f (TW_FORMS: "a"/"an"
 * TW_INDEFINITE, "of" TW_PARTITIVE ...; see gazetteers/time/README.md). */
static inline bool is_kind(const tx_ctx *c, size_t i, unsigned f)
{
    return i < c->lim && (tw_token_forms(c->lx, c->doc, i) & f) != 0;
}

/* Token i (inside the sentence) is a grammar word of one of the TG_*
 * kinds (gazetteers/time/grammar.tsv). */
static inline bool is_a(const tx_ctx *c, size_t i, uint64_t kinds)
{
    return i < c->lim && (tw_token_gram(c->lx, c->doc, i) & kinds) != 0;
}

/* Token i (inside the sentence) is the definite article (TG_THE). */
static inline bool is_the(const tx_ctx *c, size_t i)
{
    return i < c->lim && (c->info[i].kinds & K_THE) != 0;
}

static inline const char *text(const tx_ctx *c, size_t i, size_t *n)
{
    return el_tok_text(c->doc, i, n);
}

/* Value of a token made of 1..maxdig digits followed by `suffix` (case
 * ignored; NULL = nothing), or -1. */
static inline int digits_with(const tx_ctx *c, size_t i, size_t maxdig, const char *suffix, size_t *ndig)
{
    if (i >= c->lim || c->info[i].lead < 0 || c->info[i].ndig > maxdig)
        return -1;
    size_t n, k = c->info[i].ndig;
    const char *s = text(c, i, &n);
    size_t sl = suffix ? strlen(suffix) : 0;
    if (n - k != sl || (sl && !el_eq_nocase(s + k, sl, suffix, sl)))
        return -1;
    if (ndig)
        *ndig = k;
    return c->info[i].lead;
}

/* Grammar (timex_grammar.c, timex_rules_calendar.c, timex_rules_relative.c) */

typedef struct amount {
    int n;          /* -1 = unspecified ("several") */
    size_t len;     /* tokens */
    char mod[16];   /* mod implied by the amount word ("a couple of") */
} amount;

/* Shared helpers (timex_grammar.c). */
int tx_number_tok(const tx_ctx *c, size_t i);                 /* all-digit token value, -1 */
bool tx_ordinal_suffix_ok(const tx_ctx *c, size_t i, int *v); /* "3rd", "19th" */
size_t tx_ordinal_at(const tx_ctx *c, size_t i, int *v);      /* "third" or "3rd": tokens used */
int tx_year_tok(const tx_ctx *c, size_t i);                   /* 4-digit year 1000-2999, -1 */
bool tx_prev_is_class(const tx_ctx *c, size_t i, int cls);    /* previous token's class */
bool tx_temporal_context_before(const tx_ctx *c, size_t i);   /* "in", "early", "last" before i */
size_t tx_number_words(const tx_ctx *c, size_t i, amount *a); /* "twenty-four": tokens used */
bool tx_amount_at(const tx_ctx *c, size_t i, amount *a);      /* digits, number words, "a" */
tx_tense tx_tense_near(const tx_ctx *c, size_t b, size_t e);  /* nearest tense cue around [b,e) */
bool tx_record_since(const tx_ctx *c, size_t b, size_t e);    /* "its lowest since" before b */
bool tx_future_before(const tx_ctx *c, size_t i);             /* a future or modal clause before i */
void tx_copy_str(char *dst, size_t cap, const char *src);     /* truncating copy */
bool tx_in_title(const tx_ctx *c, size_t i);  /* capitalized mid-sentence after a capital: "60 Minutes" */
void tx_set_mod(tx_res *r, const char *mod);                  /* set mod if none yet */
int tx_month_year(const tx_ctx *c, size_t b, size_t e, int m, int d, tx_dir dir);
void tx_format_month(int y, int m, char *out, size_t cap);    /* "2023-02" / "XXXX-02" */
size_t tx_clock_digits(const tx_ctx *c, size_t i, int *h, int *m, int *ampm);

/* Rules: each proposes a timex starting at token i (true + *r) or fails. */
bool tx_r_numeric_date(tx_ctx *c, size_t i, tx_res *r);  /* 2023-06-20, 6/19/2023 */
bool tx_r_month(tx_ctx *c, size_t i, tx_res *r);         /* June 19, 2023 / June */
bool tx_r_day_month(tx_ctx *c, size_t i, tx_res *r);     /* 19 June 2023 */
bool tx_r_holiday(tx_ctx *c, size_t i, tx_res *r);       /* Christmas */
bool tx_r_year(tx_ctx *c, size_t i, tx_res *r);          /* 2021, fiscal 2021 */
bool tx_r_decade_century(tx_ctx *c, size_t i, tx_res *r);/* the 1990s, the 20th century */
bool tx_r_quarter(tx_ctx *c, size_t i, tx_res *r);       /* the third quarter, Q3 2023 */
bool tx_r_season(tx_ctx *c, size_t i, tx_res *r);        /* summer 2022 */
bool tx_r_weekday(tx_ctx *c, size_t i, tx_res *r);       /* (last) Monday (morning) */
bool tx_r_deictic(tx_ctx *c, size_t i, tx_res *r);       /* today, recently, year-end */
bool tx_r_shifter(tx_ctx *c, size_t i, tx_res *r);       /* last year, this May */
bool tx_r_the_unit(tx_ctx *c, size_t i, tx_res *r);      /* the weekend, the quarter */
bool tx_r_year_ago(tx_ctx *c, size_t i, tx_res *r);      /* the year-ago quarter */
bool tx_r_amount_unit(tx_ctx *c, size_t i, tx_res *r);   /* five years, two days ago */
bool tx_r_bare_plural(tx_ctx *c, size_t i, tx_res *r);   /* for years */
bool tx_r_clock(tx_ctx *c, size_t i, tx_res *r);         /* 4:34 p.m., noon */
bool tx_r_set(tx_ctx *c, size_t i, tx_res *r);           /* daily, every year */

/* Longest timex starting at token i (a modifier may lead); false if none. */
bool tx_parse_at(tx_ctx *c, size_t i, tx_res *r);
/* Reset *r to one result; always returns true. */
bool tx_set_res(tx_res *r, size_t end, el_timex_type type, const char *value, bool tf);
/* A lower-case plural noun that is no time word ("shares"). */
bool tx_before_counted_noun(const tx_ctx *c, size_t i);
/* An evening clock time in a past clause of a morning story is the
 * previous evening (timex_night.c; after tagging, before sorting). */
void tx_previous_night(tx_ctx *c);

#endif

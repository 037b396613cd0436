/* timex.c - the time-expression stage (see timex.h): one left-to-right pass
 * over each sentence's tokens.  Every token is first classified through the
 * time lexicon trie (gazetteers/time/); at each position a small grammar of
 * rules over those word classes and digit shapes proposes candidates, the
 * longest wins, and the winner is normalized against the document creation
 * time (DCT), the sentence's tense and the dates mentioned before it. */
#include "timex.h"
#include "timex_lexicon.h"
#include "timex_norm.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TX_MAXW 6

typedef struct tok_info {
    uint8_t len, n;              /* lexicon match length, number of words */
    const tw_word *w[TX_MAXW];
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
} tx_ctx;

typedef struct tx_res {
    size_t end;                  /* token end, exclusive */
    el_timex_type type;
    char value[40];
    char mod[16];
    char quant[12];
    char freq[12];
    bool tf;                     /* computed relative to the DCT/context */
} tx_res;

typedef bool (*tx_rule)(tx_ctx *c, size_t i, tx_res *r);

/* ---- token helpers ----------------------------------------------------- */

static const tw_word *word(const tx_ctx *c, size_t i, int cls, size_t *len)
{
    if (i >= c->lim)
        return NULL;
    const tok_info *t = &c->info[i];
    for (size_t k = 0; k < t->n; k++)
        if (t->w[k]->cls == cls) {
            if (len)
                *len = t->len;
            return t->w[k];
        }
    return NULL;
}

static bool is(const tx_ctx *c, size_t i, const char *s)
{
    return i < c->lim && el_tok_is(c->doc, i, s);
}

static const char *text(const tx_ctx *c, size_t i, size_t *n)
{
    return el_tok_text(c->doc, i, n);
}

/* Value of a token made of 1..maxdig digits followed by `suffix` (case
 * ignored; NULL = nothing), or -1. */
static int digits_with(const tx_ctx *c, size_t i, size_t maxdig, const char *suffix, size_t *ndig)
{
    if (i >= c->lim)
        return -1;
    size_t n, k = 0;
    const char *s = text(c, i, &n);
    int v = 0;
    while (k < n && isdigit((unsigned char)s[k]) && k < maxdig)
        v = v * 10 + (s[k++] - '0');
    size_t sl = suffix ? strlen(suffix) : 0;
    if (!k || n - k != sl || (sl && !el_eq_nocase(s + k, sl, suffix, sl)))
        return -1;
    if (ndig)
        *ndig = k;
    return v;
}

static int number_tok(const tx_ctx *c, size_t i)
{
    return digits_with(c, i, 9, NULL, NULL);
}

static bool ordinal_suffix_ok(const tx_ctx *c, size_t i, int *v)
{
    static const char *const sfx[] = {"st", "nd", "rd", "th"};
    for (size_t k = 0; k < 4; k++)
        if ((*v = digits_with(c, i, 3, sfx[k], NULL)) >= 0)
            return true;
    return false;
}

/* Ordinal at i ("third", "3rd"); returns tokens used (0 = none). */
static size_t ordinal_at(const tx_ctx *c, size_t i, int *v)
{
    size_t len;
    const tw_word *w = word(c, i, TW_ORDINAL, &len);
    if (w) {
        *v = w->num;
        return len;
    }
    return ordinal_suffix_ok(c, i, v) ? 1 : 0;
}

static int year_tok(const tx_ctx *c, size_t i)
{
    size_t nd;
    int y = digits_with(c, i, 4, NULL, &nd);
    return nd == 4 && y >= 1000 && y <= 2999 ? y : -1;
}

static bool prev_is_class(const tx_ctx *c, size_t i, int cls)
{
    if (i == 0 || i <= c->sbeg)
        return false;
    const tok_info *t = &c->info[i - 1];
    for (size_t k = 0; k < t->n; k++)
        if (t->w[k]->cls == cls)
            return true;
    return false;
}

static bool temporal_context_before(const tx_ctx *c, size_t i)
{
    return prev_is_class(c, i, TW_PREP) || prev_is_class(c, i, TW_MODIFIER)
        || prev_is_class(c, i, TW_SHIFTER);
}

/* ---- amounts ----------------------------------------------------------- */

typedef struct amount {
    int n;          /* -1 = unspecified ("several") */
    size_t len;     /* tokens */
    char mod[16];   /* mod implied by the amount word ("a couple of") */
} amount;

static size_t number_words(const tx_ctx *c, size_t i, amount *a)
{
    size_t j = i, len;
    int total = 0, cur = 0;
    const tw_word *w;
    while ((w = word(c, j, TW_NUMBER, &len))) {
        if (w->num < 0) {
            if (j != i)
                break;
            a->n = -1;
            snprintf(a->mod, sizeof a->mod, "%s", w->aux);
            return len;
        }
        if (w->num == 100)
            cur = (cur ? cur : 1) * 100;
        else if (w->num == 1000) {
            total += (cur ? cur : 1) * 1000;
            cur = 0;
        } else
            cur += w->num;
        snprintf(a->mod, sizeof a->mod, "%s", w->aux);
        j += len;
        if (is(c, j, "-") && word(c, j + 1, TW_NUMBER, NULL))
            j++;
        else if (is(c, j, "and") && word(c, j + 1, TW_NUMBER, NULL) && cur >= 100)
            j++;
    }
    a->n = total + cur;
    return j - i;
}

/* An amount at i: digits, number words, "a"/"an" (1). */
static bool amount_at(const tx_ctx *c, size_t i, amount *a)
{
    memset(a, 0, sizeof *a);
    int v = number_tok(c, i);
    if (v >= 0) {
        a->n = v;
        a->len = 1;
        return true;
    }
    if (is(c, i, "a") || is(c, i, "an")) {
        size_t n = number_words(c, i + 1, a);  /* "a hundred", "a few" */
        if (n && (a->n < 0 || a->n >= 100)) {
            a->len = n + 1;
            return true;
        }
        memset(a, 0, sizeof *a);
        a->n = 1;
        a->len = 1;
        return true;
    }
    a->len = number_words(c, i, a);
    return a->len > 0;
}

/* ---- tense ------------------------------------------------------------- */

static tx_tense token_tense(const tx_ctx *c, size_t k)
{
    const tw_word *w = word(c, k, TW_TENSE, NULL);
    if (w)
        return w->val[0] == 'F' ? TX_FUTURE : w->val[0] == 'P' && w->val[1] == 'A' ? TX_PAST
                                                                                 : TX_NO_TENSE;
    size_t n;
    const char *s = text(c, k, &n);
    if (n >= 3 && (!strncmp(s + n - 3, "'ll", 3)))
        return TX_FUTURE;
    if (n >= 5 && !strncmp(s + n - 5, "\xe2\x80\x99ll", 5))
        return TX_FUTURE;
    if (n >= 5 && !strncmp(s + n - 2, "ed", 2) && s[n - 3] != 'e'
        && !(c->doc->tokens[k].flags & EL_TOK_CAP))
        return TX_PAST;
    return TX_NO_TENSE;
}

/* Tense of the nearest tense cue around tokens [b, e) in the sentence. */
static tx_tense tense_near(const tx_ctx *c, size_t b, size_t e)
{
    for (size_t d = 1; b >= c->sbeg + d || e + d - 1 < c->lim; d++) {
        if (b >= c->sbeg + d) {
            tx_tense t = token_tense(c, b - d);
            if (t != TX_NO_TENSE)
                return t;
        }
        if (e + d - 1 < c->lim) {
            tx_tense t = token_tense(c, e + d - 1);
            if (t != TX_NO_TENSE)
                return t;
        }
    }
    return TX_NO_TENSE;
}

/* ---- results ----------------------------------------------------------- */

/* Copy a NUL-terminated string, truncating to the destination's capacity. */
static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static bool set_res(tx_res *r, size_t end, el_timex_type type, const char *value, bool tf)
{
    memset(r, 0, sizeof *r);
    r->end = end;
    r->type = type;
    r->tf = tf;
    copy_str(r->value, sizeof r->value, value);
    return true;
}

static void set_mod(tx_res *r, const char *mod)
{
    if (mod && *mod && !r->mod[0])
        snprintf(r->mod, sizeof r->mod, "%s", mod);
}

/* Reference year for a month/day without a year: a year named earlier in
 * the same sentence, else resolved from the DCT by tense; 0 = unknown. */
static int month_year(const tx_ctx *c, size_t b, size_t e, int m, int d, tx_dir dir)
{
    if (dir == TX_BY_TENSE && c->year && c->year_sent == c->doc->tokens[b].sentence)
        return c->year;
    if (!c->have_dct)
        return 0;
    return tx_resolve_month_year(c->dct, m, d, dir, tense_near(c, b, e));
}

static void format_month(int y, int m, char *out, size_t cap)
{
    if (y > 0)
        snprintf(out, cap, "%04d-%02d", y, m);
    else
        snprintf(out, cap, "XXXX-%02d", m);
}

/* ---- rules: calendar dates ---------------------------------------------- */

/* 2023-06-20, 6/19/2023, 6/19/23 */
static bool r_numeric_date(tx_ctx *c, size_t i, tx_res *r)
{
    size_t n;
    if (i >= c->lim)
        return false;
    const char *s = text(c, i, &n);
    char buf[40];
    if (n < 6 || n > 10 || !isdigit((unsigned char)s[0]))
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    int y, m, d;
    char tail;
    el_date dt;
    if (sscanf(buf, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && n == 10) {
        dt = (el_date){y, m, d};
    } else if (sscanf(buf, "%2d/%2d/%4d%c", &m, &d, &y, &tail) == 3) {
        if (y < 100)
            y += y < 50 ? 2000 : 1900;
        dt = (el_date){y, m, d};
    } else {
        return false;
    }
    if (!el_date_valid(dt))
        return false;
    tx_day_format(y, m, d, buf, sizeof buf);
    return set_res(r, i + 1, EL_TIMEX_DATE, buf, false);
}

/* Optional ", 2023" / "2023" / "of 2023" after a date part at j. */
static size_t year_after(const tx_ctx *c, size_t j, int *y)
{
    if ((*y = year_tok(c, j)) > 0)
        return 1;
    if ((is(c, j, ",") || is(c, j, "of")) && (*y = year_tok(c, j + 1)) > 0)
        return 2;
    *y = 0;
    return 0;
}

static bool month_day_value(tx_ctx *c, size_t i, size_t end, int m, int d, int y, tx_res *r)
{
    char v[40];
    bool tf = y == 0;
    if (!y)
        y = month_year(c, i, end, m, d, TX_BY_TENSE);
    if (d) {
        el_date dt = {y ? y : 2000, m, d};
        if (!el_date_valid(dt))
            return false;
        tx_day_format(y, m, d, v, sizeof v);
    } else {
        format_month(y, m, v, sizeof v);
    }
    return set_res(r, end, EL_TIMEX_DATE, v, tf);
}

/* June 19 / June 19, 2023 / June 2023 / June / June the 19th */
static bool r_month(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    const tw_word *w = word(c, i, TW_MONTH, &len);
    if (!w)
        return false;
    size_t j = i + len;
    int d = 0, y = 0;
    if (is(c, j, "the") && ordinal_suffix_ok(c, j + 1, &d))
        j += 2;
    else if ((d = digits_with(c, j, 2, NULL, NULL)) > 0 || ordinal_suffix_ok(c, j, &d))
        j++;
    if (d < 0 || d > 31)
        return false;
    j += year_after(c, j, &y);
    if (!d && !y && (w->flags & TW_AMBIGUOUS) && !temporal_context_before(c, i))
        return false;
    return month_day_value(c, i, j, w->num, d, y, r);
}

/* 19 June 2023 / the 19th of June */
static bool r_day_month(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    int d;
    if (is(c, j, "the"))
        j++;
    if (!ordinal_suffix_ok(c, j, &d) && (j != i || (d = digits_with(c, j, 2, NULL, NULL)) < 1))
        return false;
    j++;
    if (is(c, j, "of"))
        j++;
    const tw_word *w = word(c, j, TW_MONTH, &len);
    if (!w || d < 1 || d > 31)
        return false;
    j += len;
    int y;
    j += year_after(c, j, &y);
    return month_day_value(c, i, j, w->num, d, y, r);
}

/* Christmas / Christmas 2022 / Thanksgiving Day */
static bool r_holiday(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    const tw_word *w = word(c, i, TW_HOLIDAY, &len);
    if (!w)
        return false;
    size_t j = i + len;
    int y, m = atoi(w->val), nth = 0, wd = 0;
    j += year_after(c, j, &y);
    const char *wk = strstr(w->val, "-W");
    if (wk && sscanf(wk, "-W%d-%d", &nth, &wd) != 2)
        return false;  /* "last weekday of" forms are not resolved */
    int d = wk ? 1 : atoi(w->val + 3);
    bool tf = !y;
    if (!y)
        y = month_year(c, i, j, m, d, TX_BY_TENSE);
    if (wk && y) {
        el_date first = {y, m, 1};
        d = 1 + (wd - el_weekday(first) + 7) % 7 + 7 * (nth - 1);
    } else if (wk) {
        return false;
    }
    char v[40];
    tx_day_format(y, m, d, v, sizeof v);
    return set_res(r, j, EL_TIMEX_DATE, v, tf);
}

/* ---- rules: years, decades, centuries, quarters, seasons ----------------- */

static bool year_plausible(const tx_ctx *c, size_t i, int y)
{
    if (i > c->sbeg && (is(c, i - 1, "$") || is(c, i - 1, "#") || is(c, i - 1, "No.")))
        return false;
    if (is(c, i + 1, "%") || is(c, i + 1, "percent") || is(c, i + 1, ":"))
        return false;
    if (word(c, i + 1, TW_UNIT, NULL))
        return false;
    if (y >= 1900 && y <= 2099)
        return true;
    return temporal_context_before(c, i);
}

/* 2021 / fiscal 2021 */
static bool r_year(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i;
    if (is(c, j, "fiscal") && !is(c, j + 1, "year"))
        j++;
    else if (is(c, j, "fiscal") && is(c, j + 1, "year"))
        j += 2;
    int y = year_tok(c, j);
    if (y < 0 || !year_plausible(c, j, y))
        return false;
    char v[40];
    snprintf(v, sizeof v, "%04d", y);
    return set_res(r, j + 1, EL_TIMEX_DATE, v, false);
}

/* the 1990s / 1990s / the '90s / the 20th century */
static bool r_decade_century(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, nd;
    if (is(c, j, "the"))
        j++;
    int v = digits_with(c, j, 4, "s", &nd), o;
    char val[40];
    if (v >= 0 && nd == 4 && v % 10 == 0) {
        snprintf(val, sizeof val, "%03d", v / 10);
        return set_res(r, j + 1, EL_TIMEX_DATE, val, false);
    }
    if (is(c, j, "'") && (v = digits_with(c, j + 1, 2, "s", &nd)) >= 0 && nd == 2 && v % 10 == 0) {
        int cent = c->have_dct && v <= c->dct.year % 100 - 10 + 10 && c->dct.year >= 2000 && v < 30 ? 20 : 19;
        snprintf(val, sizeof val, "%02d%d", cent, v / 10);
        return set_res(r, j + 2, EL_TIMEX_DATE, val, false);
    }
    size_t len = ordinal_at(c, j, &o);
    const tw_word *u = len ? word(c, j + len, TW_UNIT, NULL) : NULL;
    if (len && o > 0 && o <= 30 && u && !strcmp(u->val, "CE") && !(u->flags & TW_PLURAL)) {
        snprintf(val, sizeof val, "%02d", o - 1);
        return set_res(r, j + len + 1, EL_TIMEX_DATE, val, false);
    }
    return false;
}

/* Quarter/half of year y (0 = resolve from the DCT and tense). */
static bool quarter_value(tx_ctx *c, size_t i, size_t end, bool half, int q, int y, tx_res *r)
{
    bool tf = !y;
    if (!y && c->have_dct) {
        int cur = half ? (c->dct.month - 1) / 6 + 1 : tx_quarter_of(c->dct);
        y = c->dct.year;
        if (q > cur && tense_near(c, i, end) == TX_PAST)
            y--;
    }
    char v[40];
    if (y)
        snprintf(v, sizeof v, "%04d-%c%d", y, half ? 'H' : 'Q', q);
    else
        snprintf(v, sizeof v, "XXXX-%c%d", half ? 'H' : 'Q', q);
    return set_res(r, end, EL_TIMEX_DATE, v, tf);
}

/* the third quarter (of 2023) / third-quarter / Q3 2023 / the first half */
static bool r_quarter(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    int q, y = 0;
    if (is(c, j, "the"))
        j++;
    if (is(c, j, "fiscal"))
        j++;
    if ((q = digits_with(c, j, 1, NULL, NULL)) < 0 && j < c->lim) {
        size_t n;
        const char *s = text(c, j, &n);
        if (n == 2 && (s[0] == 'Q' || s[0] == 'H') && s[1] >= '1' && s[1] <= '4') {
            j++;
            j += year_after(c, j, &y);
            if (!y && year_tok(c, j - 0) < 0 && is(c, j, "FY"))
                return false;
            return quarter_value(c, i, j, s[0] == 'H', s[1] - '0', y, r);
        }
    }
    if (!(len = ordinal_at(c, j, &q)) || q < 1)
        return false;
    j += len;
    if (is(c, j, "-"))
        j++;
    const tw_word *u = word(c, j, TW_UNIT, NULL);
    bool half = u && !strcmp(u->val, "HALF");
    if (!u || (strcmp(u->val, "Q") && !half) || (u->flags & TW_PLURAL) || q > (half ? 2 : 4))
        return false;
    j++;
    j += year_after(c, j, &y);
    if (!y && is(c, j, "of") && is(c, j + 1, "fiscal") && (y = year_tok(c, j + 2)) > 0)
        j += 3;
    return quarter_value(c, i, j, half, q, y, r);
}

/* summer 2023 / the summer of 2023 (bare seasons need a temporal context) */
static bool r_season(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    if (is(c, j, "the"))
        j++;
    const tw_word *w = word(c, j, TW_SEASON, &len);
    if (!w)
        return false;
    j += len;
    int y;
    j += year_after(c, j, &y);
    if (!y && !(j - len > i && prev_is_class(c, i, TW_PREP)) && !temporal_context_before(c, i))
        return false;
    if (!y && j - len == i && !prev_is_class(c, i, TW_MODIFIER))
        return false;
    bool tf = !y;
    if (!y && c->have_dct)
        y = tx_resolve_season_year(c->dct, w->val, TX_BY_TENSE, tense_near(c, i, j));
    char v[40];
    if (y)
        snprintf(v, sizeof v, "%04d-%s", y, w->val);
    else
        snprintf(v, sizeof v, "XXXX-%s", w->val);
    return set_res(r, j, EL_TIMEX_DATE, v, tf);
}

/* ---- rules: weekdays and words relative to the DCT ----------------------- */

static void pod_suffix(const tx_ctx *c, size_t *j, tx_res *r)
{
    size_t len;
    const tw_word *p = word(c, *j, TW_PART_OF_DAY, &len);
    if (!p || strlen(r->value) != 10)
        return;
    *j += len;
    r->end = *j;
    r->type = EL_TIMEX_TIME;
    strcat(r->value, "T");
    strcat(r->value, p->val);
}

static bool weekday_value(tx_ctx *c, size_t i, size_t end, int wd, tx_dir dir, tx_res *r)
{
    char v[40];
    if (!c->have_dct) {
        snprintf(v, sizeof v, "XXXX-WXX-%d", wd);
        return set_res(r, end, EL_TIMEX_DATE, v, true);
    }
    el_date ref = c->dct;
    if (dir == TX_BY_TENSE && c->day_sent != SIZE_MAX
        && c->day_sent + 1 >= c->doc->tokens[i].sentence
        && el_date_to_days(c->day) - el_date_to_days(c->dct) > 0)
        ref = c->day;   /* a narrative moved past the DCT: count from there */
    el_date d = tx_resolve_weekday(ref, wd, dir, tense_near(c, i, end));
    tx_day_format(d.year, d.month, d.day, v, sizeof v);
    return set_res(r, end, EL_TIMEX_DATE, v, true);
}

/* (last|next|this) Monday (morning) / Monday, June 19 */
static bool r_weekday(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    const tw_word *s = word(c, j, TW_SHIFTER, &len);
    tx_dir dir = TX_BY_TENSE;
    if (s) {
        dir = s->num < 0 ? TX_BEFORE : s->num > 0 ? TX_AFTER : TX_BY_TENSE;
        j += len;
    }
    const tw_word *w = word(c, j, TW_WEEKDAY, &len);
    if (!w || ((w->flags & TW_AMBIGUOUS) && !s && !temporal_context_before(c, i)))
        return false;
    j += len;
    tx_res dated;
    if (!s && is(c, j, ",") && (r_month(c, j + 1, &dated) || r_day_month(c, j + 1, &dated))
        && strlen(dated.value) == 10) {
        *r = dated;
        return true;
    }
    if (!weekday_value(c, i, j, w->num, dir, r))
        return false;
    pod_suffix(c, &j, r);
    return true;
}

/* today / yesterday (morning) / now / recently / recent years */
static bool r_deictic(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    const tw_word *w = word(c, i, TW_DEICTIC, &len);
    if (!w)
        return false;
    size_t j = i + len;
    el_timex_type type = !strcmp(w->aux, "TIME") ? EL_TIMEX_TIME : EL_TIMEX_DATE;
    if (w->val[0] != 'D') {
        const tw_word *u = word(c, j, TW_UNIT, NULL);
        if (u && (u->flags & TW_PLURAL))
            j++;   /* "recent years" */
        return set_res(r, j, type, w->val, true);
    }
    if (!c->have_dct)
        return set_res(r, j, type, w->val[1] == '0' && w->val[2] == 'T' ? "XXXX-XX-XXTNI" : "XXXX-XX-XX", true);
    char v[40];
    const char *t = strchr(w->val, 'T');
    el_date d = el_date_add_days(c->dct, atoi(w->val + 1));
    tx_day_format(d.year, d.month, d.day, v, sizeof v);
    if (t)
        strcat(v, t);
    set_res(r, j, type, v, true);
    if (!t)
        pod_suffix(c, &j, r);
    return true;
}

/* A shifted calendar unit: "last year", "this week", "next quarter". */
static bool shifted_unit(tx_ctx *c, size_t i, size_t j, const tw_word *s, const tw_word *u, tx_res *r)
{
    if (!strcmp(u->val, "H") || !strcmp(u->val, "MIN") || !strcmp(u->val, "S")) {
        char v[40];
        tx_duration_format(u->val, 1, v, sizeof v);
        return set_res(r, j, EL_TIMEX_DURATION, v, false);
    }
    if (!strcmp(u->val, "WE") && !c->have_dct)
        return set_res(r, j, EL_TIMEX_DATE, "XXXX-WXX-WE", true);
    if (!c->have_dct)
        return set_res(r, j, EL_TIMEX_DATE, s->num < 0 ? "PAST_REF" : s->num > 0 ? "FUTURE_REF" : "PRESENT_REF", true);
    char v[40];
    tx_shift_format(c->dct, u->val, s->num, v, sizeof v);
    set_res(r, j, EL_TIMEX_DATE, v, true);
    if (!strcmp(u->val, "D"))
        pod_suffix(c, &j, r);
    return true;
}

/* "the past two years", "the next few days": a duration next to the reference. */
static bool shifted_range(tx_ctx *c, size_t j, const tw_word *s, tx_res *r)
{
    amount a;
    size_t len;
    if (!(s->flags & TW_RANGE) || !amount_at(c, j, &a))
        return false;
    const tw_word *u = word(c, j + a.len, TW_UNIT, &len);
    if (!u || (a.n == 1 && (u->flags & TW_PLURAL)) || (a.n != 1 && !(u->flags & TW_PLURAL)))
        return false;
    char v[40];
    tx_duration_format(u->val, a.n, v, sizeof v);
    set_res(r, j + a.len + len, EL_TIMEX_DURATION, v, false);
    set_mod(r, a.mod);
    return true;
}

/* (the) last/next/this/coming/past + unit, month, season or part of day */
static bool r_shifter(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    if (is(c, j, "the"))
        j++;
    const tw_word *s = word(c, j, TW_SHIFTER, &len), *w;
    if (!s)
        return false;
    j += len;
    if (shifted_range(c, j, s, r))
        return true;
    tx_dir dir = s->num < 0 ? TX_BEFORE : s->num > 0 ? TX_AFTER : TX_BY_TENSE;
    char v[40];
    if ((w = word(c, j, TW_UNIT, &len))) {
        if (w->flags & TW_PLURAL)
            return set_res(r, j + len, EL_TIMEX_DATE, s->num > 0 ? "FUTURE_REF" : "PAST_REF", true);
        return shifted_unit(c, i, j + len, s, w, r);
    }
    if ((w = word(c, j, TW_MONTH, &len))) {
        int y = month_year(c, i, j + len, w->num, 0, dir);
        format_month(y, w->num, v, sizeof v);
        return set_res(r, j + len, EL_TIMEX_DATE, v, true);
    }
    if ((w = word(c, j, TW_SEASON, &len))) {
        int y = c->have_dct ? tx_resolve_season_year(c->dct, w->val, dir, tense_near(c, i, j + len)) : 0;
        if (y)
            snprintf(v, sizeof v, "%04d-%s", y, w->val);
        else
            snprintf(v, sizeof v, "XXXX-%s", w->val);
        return set_res(r, j + len, EL_TIMEX_DATE, v, true);
    }
    if ((w = word(c, j, TW_PART_OF_DAY, &len)) && s->num <= 0 && j == i + 1) {
        /* "this morning", "last night" */
        int back = s->num < 0 ? (strcmp(w->val, "NI") ? 99 : 1) : 0;
        if (back == 99)
            return false;
        el_date d = c->have_dct ? el_date_add_days(c->dct, -back) : (el_date){0, 0, 0};
        if (d.year)
            snprintf(v, sizeof v, "%04d-%02d-%02dT%s", d.year, d.month, d.day, w->val);
        else
            snprintf(v, sizeof v, "XXXX-XX-XXT%s", w->val);
        return set_res(r, j + len, EL_TIMEX_TIME, v, true);
    }
    return false;
}

/* the weekend / the quarter (the one the narrative is about) */
static bool r_the_unit(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    if (!is(c, i, "the"))
        return false;
    const tw_word *u = word(c, i + 1, TW_UNIT, &len);
    if (!u || (u->flags & TW_PLURAL))
        return false;
    char v[40];
    if (!strcmp(u->val, "WE")) {
        if (!c->have_dct)
            return set_res(r, i + 1 + len, EL_TIMEX_DATE, "XXXX-WXX-WE", true);
        int dir = tense_near(c, i, i + 2) == TX_FUTURE ? 0 : -1;
        if (el_weekday(c->dct) >= 6)
            dir = 0;
        tx_shift_format(c->dct, "WE", dir, v, sizeof v);
        return set_res(r, i + 1 + len, EL_TIMEX_DATE, v, true);
    }
    if (!strcmp(u->val, "Q") && !is(c, i + 2, "of")) {
        if (c->quarter)
            snprintf(v, sizeof v, "%04d-Q%d", c->qyear, c->quarter);
        else if (c->have_dct)
            tx_shift_format(c->dct, "Q", -1, v, sizeof v);
        else
            snprintf(v, sizeof v, "XXXX-QX");
        return set_res(r, i + 1 + len, EL_TIMEX_DATE, v, true);
    }
    return false;
}

/* "year-ago"/"year-earlier" (+ quarter/period): the same period a year before. */
static bool r_year_ago(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i;
    if (is(c, j, "the"))
        j++;
    const tw_word *u = word(c, j, TW_UNIT, NULL);
    if (!u || strcmp(u->val, "Y") || !is(c, j + 1, "-")
        || !(is(c, j + 2, "ago") || is(c, j + 2, "earlier")))
        return false;
    j += 3;
    bool quarter = false;
    int q;
    size_t len = ordinal_at(c, j, &q);
    const tw_word *v = word(c, j + len, TW_UNIT, NULL);
    if (v && !strcmp(v->val, "Q")) {
        quarter = true;
        j += len + 1;
    } else if (is(c, j, "period")) {
        quarter = true;
        j++;
    }
    char val[40];
    if (!c->have_dct)
        return set_res(r, j, EL_TIMEX_DATE, "PAST_REF", true);
    if (quarter && len && q >= 1 && q <= 4)
        snprintf(val, sizeof val, "%04d-Q%d", c->dct.year - 1, q);
    else if (quarter && c->quarter)
        snprintf(val, sizeof val, "%04d-Q%d", c->qyear - 1, c->quarter);
    else if (quarter)
        tx_shift_format(c->dct, "Q", -5, val, sizeof val);
    else
        snprintf(val, sizeof val, "%04d", c->dct.year - 1);
    return set_res(r, j, EL_TIMEX_DATE, val, true);
}

/* ---- rules: amounts of time --------------------------------------------- */

/* After "N units": ago/earlier/later makes a point in time. */
static bool relative_point(tx_ctx *c, size_t j, const amount *a, const tw_word *u, tx_res *r)
{
    size_t len;
    const tw_word *rel = word(c, j, TW_RELATION, &len);
    if (!rel)
        return false;
    j += len;
    if (a->n < 0 || !c->have_dct)
        return set_res(r, j, EL_TIMEX_DATE, rel->num < 0 ? "PAST_REF" : "FUTURE_REF", true);
    char v[40];
    const char *unit = u->val;
    if (!strcmp(unit, "H") || !strcmp(unit, "MIN") || !strcmp(unit, "S"))
        unit = "D";
    int n = a->n * rel->num;
    if (!strcmp(unit, "FN"))
        n *= 2;
    if (!strcmp(unit, "WE"))
        unit = "W";
    tx_shift_format(c->dct, unit, n, v, sizeof v);
    set_res(r, j, EL_TIMEX_DATE, v, true);
    set_mod(r, a->mod);
    return true;
}

/* (the) (first) five years / 35-minute / 18-month-old / a decade ago */
static bool r_amount_unit(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    bool the = is(c, j, "the");
    if (the)
        j++;
    int o;
    if (the && (len = ordinal_at(c, j, &o)) && o == 1)
        j += len;   /* "the first nine months" */
    amount a;
    if (!amount_at(c, j, &a) || (the && a.n == 1 && is(c, j, "a")))
        return false;
    j += a.len;
    bool hyphen = is(c, j, "-") && a.len == 1;
    if (hyphen)
        j++;
    const tw_word *u = word(c, j, TW_UNIT, &len);
    if (!u || (!hyphen && a.n == 1 && (u->flags & TW_PLURAL)) || (!hyphen && a.n > 1 && !(u->flags & TW_PLURAL) && !the))
        return false;
    if (a.n == 1 && !strcmp(u->val, "S") && !number_tok(c, j - 1))
        return false;  /* "a second", "one second" are rarely durations */
    if (!strcmp(u->val, "Q") && is(c, j + len, "of"))
        return false;  /* "three quarters of" */
    j += len;
    if (!the && relative_point(c, j, &a, u, r))
        return true;
    if (hyphen && is(c, j, "-") && (is(c, j + 1, "old") || is(c, j + 1, "long")))
        j += 2;
    else if (!hyphen && is(c, j, "old"))
        return false;   /* "five years old": an age, not a period */
    char v[40];
    tx_duration_format(u->val, a.n, v, sizeof v);
    set_res(r, j, EL_TIMEX_DURATION, v, false);
    set_mod(r, a.mod);
    return true;
}

/* for years / in decades: an unspecified amount after a preposition */
static bool r_bare_plural(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    const tw_word *u = word(c, i, TW_UNIT, &len);
    if (!u || !(u->flags & TW_PLURAL) || !prev_is_class(c, i, TW_PREP) || is(c, i + len, "of")
        || !strcmp(u->val, "Q") || !strcmp(u->val, "S"))
        return false;
    if (!(is(c, i - 1, "for") || is(c, i - 1, "in") || is(c, i - 1, "over") || is(c, i - 1, "within")))
        return false;
    char v[40];
    tx_duration_format(u->val, -1, v, sizeof v);
    return set_res(r, i + len, EL_TIMEX_DURATION, v, false);
}

/* ---- rules: clock times --------------------------------------------------- */

/* Hour and minute at i: "4:34", "4", "5pm"; returns tokens used. */
static size_t clock_digits(const tx_ctx *c, size_t i, int *h, int *m, int *ampm)
{
    size_t n;
    if (i >= c->lim)
        return 0;
    const char *s = text(c, i, &n);
    char buf[12];
    if (n >= sizeof buf || !isdigit((unsigned char)s[0]))
        return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    char tail[4] = "";
    *m = 0;
    *ampm = 0;
    if (sscanf(buf, "%2d:%2d%3s", h, m, tail) >= 2 || sscanf(buf, "%2d%3s", h, tail) >= 1) {
        if (!strcasecmp(tail, "am"))
            *ampm = 1;
        else if (!strcasecmp(tail, "pm"))
            *ampm = 2;
        else if (tail[0])
            return 0;
        return *h <= 24 && *m <= 59 ? 1 : 0;
    }
    return 0;
}

/* Day a clock time belongs to: a date right after it, else the last day
 * mentioned in this or the previous sentence, else the DCT. */
static bool clock_day(tx_ctx *c, size_t *j, char *day, size_t cap)
{
    tx_res d;
    size_t k = *j;
    if (is(c, k, "on") || is(c, k, ","))
        k++;
    if ((r_weekday(c, k, &d) || r_deictic(c, k, &d) || r_month(c, k, &d) || r_day_month(c, k, &d))
        && strlen(d.value) == 10) {
        *j = d.end;
        snprintf(day, cap, "%s", d.value);
        return true;
    }
    size_t sent = c->doc->tokens[*j - 1].sentence;
    if (c->day_sent != SIZE_MAX && c->day_sent + 1 >= sent)
        tx_day_format(c->day.year, c->day.month, c->day.day, day, cap);
    else if (c->have_dct)
        tx_day_format(c->dct.year, c->dct.month, c->dct.day, day, cap);
    else
        snprintf(day, cap, "XXXX-XX-XX");
    return false;
}

static void clock_zone(const tx_ctx *c, size_t *j, char *zone, size_t cap)
{
    size_t len;
    const tw_word *z = word(c, *j, TW_ZONE, &len);
    zone[0] = '\0';
    if (!z)
        return;
    *j += len;
    if (strcmp(z->val, "-"))
        snprintf(zone, cap, "%s", z->val);
}

/* 4:34 p.m. (ET) / 10 a.m. Wednesday / noon / midnight / 5 o'clock */
static bool r_clock(tx_ctx *c, size_t i, tx_res *r)
{
    int h = 0, m = 0, ampm = 0;
    size_t j = i, len;
    const tw_word *k = word(c, j, TW_CLOCK, &len);
    bool has_colon = false;
    if (k && (!strcmp(k->val, "NOON") || !strcmp(k->val, "MIDNIGHT"))) {
        h = !strcmp(k->val, "NOON") ? 12 : 0;
        j += len;
    } else {
        if (!(len = clock_digits(c, j, &h, &m, &ampm)))
            return false;
        has_colon = memchr(text(c, j, &len), ':', len) != NULL;
        j++;
        if (!ampm && (k = word(c, j, TW_CLOCK, &len))) {
            ampm = !strcmp(k->val, "AM") ? 1 : !strcmp(k->val, "PM") ? 2 : !strcmp(k->val, "OCLOCK") ? 3 : 0;
            if (ampm)
                j += len;
        }
        if (!ampm && !(has_colon && prev_is_class(c, i, TW_PREP) && h <= 23))
            return false;
        if (ampm && ampm < 3 && (h > 12 || h == 0))
            return false;
        if (ampm == 2 && h < 12)
            h += 12;
        if (ampm == 1 && h == 12)
            h = 0;
    }
    char zone[16], day[40], v[80];
    clock_zone(c, &j, zone, sizeof zone);
    clock_day(c, &j, day, sizeof day);
    snprintf(v, sizeof v, "%sT%02d:%02d%s", day, h, m, zone);
    return set_res(r, j, EL_TIMEX_TIME, v, true);
}

/* ---- rules: sets ---------------------------------------------------------- */

/* daily / every year / each Monday / every two weeks / per hour */
static bool r_set(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    const tw_word *s = word(c, i, TW_SET, &len);
    if (!s)
        return false;
    if (strcmp(s->val, "QUANT"))
        return set_res(r, i + len, EL_TIMEX_SET, s->val, false);
    size_t j = i + len;
    amount a = {1, 0, ""};
    if (is(c, j, "other"))
        a.n = 2, a.len = 1;
    else if (!amount_at(c, j, &a) || a.n < 1 || is(c, j, "a") || is(c, j, "an"))
        a = (amount){1, 0, ""};
    j += a.len;
    const tw_word *u = word(c, j, TW_UNIT, &len), *w = NULL;
    char v[40];
    if (u && (a.n == 1) == !(u->flags & TW_PLURAL))
        tx_duration_format(u->val, a.n, v, sizeof v);
    else if (a.n == 1 && (w = word(c, j, TW_WEEKDAY, &len)))
        snprintf(v, sizeof v, "XXXX-WXX-%d", w->num);
    else if (a.n == 1 && (w = word(c, j, TW_PART_OF_DAY, &len)))
        snprintf(v, sizeof v, "TXX%s", w->val);   /* placeholder, fixed below */
    else
        return false;
    if (v[0] == 'T')
        snprintf(v, sizeof v, "XXXX-XX-XXT%s", w->val);
    set_res(r, j + len, EL_TIMEX_SET, v, false);
    copy_str(r->quant, sizeof r->quant, s->aux);
    return true;
}

/* ---- the driver -------------------------------------------------------------- */

static const tx_rule RULES[] = {
    r_numeric_date, r_month, r_day_month, r_holiday, r_year, r_decade_century,
    r_quarter, r_season, r_weekday, r_deictic, r_shifter, r_the_unit, r_year_ago,
    r_amount_unit, r_bare_plural, r_clock, r_set,
};

/* Longest rule match at i (after an optional modifier); false if none. */
static bool parse_core(tx_ctx *c, size_t i, tx_res *best)
{
    bool found = false;
    tx_res r;
    for (size_t k = 0; k < sizeof RULES / sizeof RULES[0]; k++)
        if (RULES[k](c, i, &r) && r.end > i && (!found || r.end > best->end)) {
            *best = r;
            found = true;
        }
    return found;
}

static bool parse_at(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    const tw_word *m = word(c, i, TW_MODIFIER, &len);
    if (m) {
        size_t j = i + len;
        if (is(c, j, "-") && !(m->flags & TW_AMOUNT))
            j++;
        if (parse_core(c, j, r)) {
            bool amount_mod = (m->flags & TW_AMOUNT) != 0;
            bool is_amount = r->type == EL_TIMEX_DURATION || r->type == EL_TIMEX_TIME
                || strchr(r->value, 'P') == r->value;
            if (amount_mod == is_amount || (amount_mod && !r->mod[0] && r->tf)) {
                snprintf(r->mod, sizeof r->mod, "%s", m->val);
                return true;
            }
        }
    }
    return parse_core(c, i, r);
}

static void remember(tx_ctx *c, const el_timex *t, uint32_t sent)
{
    const char *v = t->value;
    int y, m, d, q;
    char tail;
    if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && el_date_valid((el_date){y, m, d})) {
        c->day = (el_date){y, m, d};
        c->day_sent = sent;
    }
    if (sscanf(v, "%4d-Q%1d%c", &y, &q, &tail) == 2) {
        c->qyear = y;
        c->quarter = q;
    }
    if (!t->temporal_function && sscanf(v, "%4d%c", &y, &tail) >= 1 && strlen(v) >= 4
        && isdigit((unsigned char)v[3])) {
        c->year = y;
        c->year_sent = sent;
    }
}

static void emit(tx_ctx *c, size_t b, const tx_res *r, uint32_t start, uint32_t end)
{
    el_timex *t = el_doc_add_timex(c->doc, (uint32_t)b, (uint32_t)r->end);
    if (start != end) {
        t->start = start;
        t->end = end;
    }
    t->type = r->type;
    snprintf(t->value, sizeof t->value, "%s", r->value);
    snprintf(t->mod, sizeof t->mod, "%s", r->mod);
    snprintf(t->quant, sizeof t->quant, "%s", r->quant);
    snprintf(t->freq, sizeof t->freq, "%s", r->freq);
    t->temporal_function = r->tf;
    if ((t->type == EL_TIMEX_DATE || t->type == EL_TIMEX_TIME) && el_value_interval(t->value, &t->iv))
        t->iv = el_interval_apply_mod(t->iv, t->mod);
    remember(c, t, c->doc->tokens[b].sentence);
}

/* "2009-2010" (one token): two years, each with its own byte span. */
static bool emit_year_range(tx_ctx *c, size_t i)
{
    size_t n;
    const char *s = text(c, i, &n);
    if (n != 9 || s[4] != '-')
        return false;
    for (size_t k = 0; k < 9; k++)
        if (k != 4 && !isdigit((unsigned char)s[k]))
            return false;
    int a = atoi(s), b = atoi(s + 5);
    if (a < 1000 || b <= a || b > 2999)
        return false;
    tx_res r;
    char v[40];
    uint32_t st = c->doc->tokens[i].start;
    snprintf(v, sizeof v, "%04d", a);
    set_res(&r, i + 1, EL_TIMEX_DATE, v, false);
    emit(c, i, &r, st, st + 4);
    snprintf(v, sizeof v, "%04d", b);
    set_res(&r, i + 1, EL_TIMEX_DATE, v, false);
    emit(c, i, &r, st + 5, st + 9);
    return true;
}

static void classify_tokens(tx_ctx *c)
{
    const el_doc *d = c->doc;
    for (size_t i = 0; i < d->ntokens; i++) {
        size_t n = 0;
        tok_info *t = &c->info[i];
        t->len = (uint8_t)tw_match(c->lx, d, i, t->w, TX_MAXW, &n);
        t->n = (uint8_t)n;
    }
}

static void tag_sentence(tx_ctx *c, const el_sentence *s)
{
    c->sbeg = s->tok_begin;
    c->lim = s->tok_end;
    for (size_t i = s->tok_begin; i < s->tok_end;) {
        tx_res r;
        if (emit_year_range(c, i)) {
            i++;
        } else if (parse_at(c, i, &r)) {
            emit(c, i, &r, 0, 0);
            i = r.end;
        } else {
            i++;
        }
    }
}

void el_timex_tag(el_doc *doc, const el_time_lexicon *lx)
{
    if (!doc->ntokens || !lx)
        return;
    tx_ctx c = {0};
    c.doc = doc;
    c.lx = lx;
    c.info = el_calloc(doc->ntokens, sizeof *c.info);
    c.dct = doc->dct;
    c.have_dct = doc->dct.year > 0 && el_date_valid(doc->dct);
    c.day_sent = SIZE_MAX;
    classify_tokens(&c);
    for (size_t s = 0; s < doc->nsentences; s++)
        tag_sentence(&c, &doc->sentences[s]);
    free(c.info);
    el_doc_sort_timexes(doc);
}

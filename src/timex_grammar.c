/* timex_grammar.c - the rules of the time stage: small hand-written
 * grammars over token classes (from the time lexicon) and digit shapes,
 * each proposing a timex at a token with its normalized value; the longest
 * wins (see timex.c for the pass that drives them). */
#include "timex_internal.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- more token helpers ------------------------------------------------ */

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
        if (c->lx->words[t->w[k]].cls == cls)
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
    if ((a->len = number_words(c, i, a)))
        return true;   /* "two", "a couple of", "a few" */
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
    return false;
}

/* ---- tense ------------------------------------------------------------- */

static tx_tense token_tense(const tx_ctx *c, size_t k)
{
    return (tx_tense)c->info[k].tense;
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

bool tx_set_res(tx_res *r, size_t end, el_timex_type type, const char *value, bool tf)
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
    size_t k = c->info[i].ndig;
    if (n < 6 || n > 10 || !k || k >= n || (s[k] != '-' && s[k] != '/'))
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
    return tx_set_res(r, i + 1, EL_TIMEX_DATE, buf, false);
}

/* Optional ", 2023" / "2023" / "of 2023" after a date part at j. */
/* A year said in words: "nineteen ninety-six" (19|96); tokens used. */
static size_t spoken_year(const tx_ctx *c, size_t j, int *y)
{
    size_t len;
    const tw_word *hi = word(c, j, TW_NUMBER, &len);
    amount lo;
    if (!hi || len != 1 || hi->num < 11 || hi->num > 20)
        return 0;
    size_t n = number_words(c, j + 1, &lo);
    if (!n || lo.n < 10 || lo.n > 99)
        return 0;
    *y = hi->num * 100 + lo.n;
    return n + 1;
}

/* "this year", "last year", "next year" resolved against the DCT. */
static size_t shifted_year(const tx_ctx *c, size_t j, int *y)
{
    size_t len;
    const tw_word *s = word(c, j, TW_SHIFTER, &len);
    const tw_word *u = s ? word(c, j + len, TW_UNIT, NULL) : NULL;
    if (!u || strcmp(u->val, "Y") || (u->flags & TW_PLURAL) || !c->have_dct)
        return 0;
    *y = c->dct.year + s->num;
    return len + 1;
}

static size_t year_at(const tx_ctx *c, size_t j, int *y)
{
    if ((*y = year_tok(c, j)) > 0)
        return 1;
    size_t n = spoken_year(c, j, y);
    return n ? n : shifted_year(c, j, y);
}

/* Optional "2023" / ", 2023" / "of 2023" / "last year" after a date part at j. */
static size_t year_after(const tx_ctx *c, size_t j, int *y)
{
    size_t n = year_at(c, j, y);
    if (n)
        return n;
    if ((is(c, j, ",") || is(c, j, "of")) && (n = year_at(c, j + 1, y)) > 0)
        return n + 1;
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
    return tx_set_res(r, end, EL_TIMEX_DATE, v, tf);
}

/* A capitalized word right after: "Jan Kavan", "May Day" (a name). */
static bool starts_name(const tx_ctx *c, size_t i)
{
    return i < c->lim && (c->doc->tokens[i].flags & EL_TOK_CAP)
        && (c->doc->tokens[i].flags & EL_TOK_WORD) && !c->info[i].n;
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
    if (d < 0)
        d = 0;
    if (d > 31)
        return false;
    j += year_after(c, j, &y);
    if (!d && !y && (w->flags & TW_AMBIGUOUS)
        && (!temporal_context_before(c, i) || starts_name(c, i + len)))
        return false;   /* "may", "Jan Kavan" */
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
    return tx_set_res(r, j, EL_TIMEX_DATE, v, tf);
}

/* ---- rules: years, decades, centuries, quarters, seasons ----------------- */

/* A lower-case plural noun that is no time word ("shares"). */
bool tx_before_counted_noun(const tx_ctx *c, size_t i)
{
    if (i >= c->lim || c->info[i].n)
        return false;
    size_t n;
    const char *s = text(c, i, &n);
    const el_token *t = &c->doc->tokens[i];
    return n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != '\''
        && (t->flags & EL_TOK_WORD) && !(t->flags & EL_TOK_CAP);
}

static bool year_plausible(const tx_ctx *c, size_t i, int y)
{
    if (i > c->sbeg && (is(c, i - 1, "$") || is(c, i - 1, "#") || is(c, i - 1, "No.")))
        return false;
    if (is(c, i + 1, "%") || is(c, i + 1, "percent") || is(c, i + 1, ":"))
        return false;
    if (word(c, i + 1, TW_UNIT, NULL))
        return false;
    if (tx_before_counted_noun(c, i + 1) && !(i > c->sbeg && is(c, i - 1, "fiscal"))) {
        const tw_word *p = i > c->sbeg ? word(c, i - 1, TW_PREP, NULL) : NULL;
        if (!p || strcmp(p->val, "year"))
            return false;   /* "1500 shares", "2000 troops" */
    }
    if (y >= 1900 && y <= 2099)
        return true;
    return temporal_context_before(c, i);
}

/* 2021 / fiscal 2021 */
static bool r_year(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, n = 1;
    bool the_year = is(c, j, "the") && is(c, j + 1, "year");
    if (the_year)
        j += 2;
    else if (is(c, j, "fiscal") && is(c, j + 1, "year"))
        j += 2;
    else if (is(c, j, "fiscal"))
        j++;
    int y = year_tok(c, j);
    if (y < 0 && (n = spoken_year(c, j, &y)) && tx_before_counted_noun(c, j + n))
        return false;   /* "nineteen ninety-six" is a year unless it counts something */
    amount a;
    if (y < 0 && the_year && (n = number_words(c, j, &a)) && a.n >= 1000)
        y = a.n;   /* "the year two thousand" */
    if (y < 1000 || (n == 1 && !year_plausible(c, j, y)))
        return false;
    char v[40];
    snprintf(v, sizeof v, "%04d", y);
    return tx_set_res(r, j + n, EL_TIMEX_DATE, v, false);
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
        return tx_set_res(r, j + 1, EL_TIMEX_DATE, val, false);
    }
    if (is(c, j, "'") && (v = digits_with(c, j + 1, 2, "s", &nd)) >= 0 && nd == 2 && v % 10 == 0) {
        int cent = c->have_dct && v <= c->dct.year % 100 - 10 + 10 && c->dct.year >= 2000 && v < 30 ? 20 : 19;
        snprintf(val, sizeof val, "%02d%d", cent, v / 10);
        return tx_set_res(r, j + 2, EL_TIMEX_DATE, val, false);
    }
    size_t len = ordinal_at(c, j, &o);
    const tw_word *u = len ? word(c, j + len, TW_UNIT, NULL) : NULL;
    if (len && o > 0 && o <= 30 && u && !strcmp(u->val, "CE") && !(u->flags & TW_PLURAL)) {
        snprintf(val, sizeof val, "%02d", o - 1);
        return tx_set_res(r, j + len + 1, EL_TIMEX_DATE, val, false);
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
    tx_set_res(r, end, EL_TIMEX_DATE, v, tf);
    r->topic = true;
    return true;
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
    size_t yl = year_tok(c, j) > 0 ? 1 : 0;
    if (yl)
        y = year_tok(c, j);
    else if ((yl = shifted_year(c, j, &y)) && is(c, j + yl, "'s"))
        yl++;
    else
        yl = 0, y = 0;
    j += yl;
    const tw_word *qu = yl ? word(c, j, TW_UNIT, NULL) : NULL;
    if (qu && !strcmp(qu->val, "Q") && !(qu->flags & TW_PLURAL) && c->quarter)
        return quarter_value(c, i, j + 1, false, c->quarter, y, r);   /* "the 1988 quarter" */
    size_t ord = j, skip_to = 0;
    if (!(len = ordinal_at(c, j, &q)) || q < 1)
        return false;
    j += len;
    if (is(c, j, "-")) {
        j++;
        if (ord > i && is(c, i, "the") && !yl)
            skip_to = ord;   /* "the third-quarter results": the adjective alone */
    }
    const tw_word *u = word(c, j, TW_UNIT, NULL);
    bool half = u && !strcmp(u->val, "HALF");
    if (!u || (strcmp(u->val, "Q") && !half) || (u->flags & TW_PLURAL) || q > (half ? 2 : 4))
        return false;
    j++;
    if (!y)
        j += year_after(c, j, &y);
    if (!y && is(c, j, "of") && is(c, j + 1, "fiscal") && (y = year_tok(c, j + 2)) > 0)
        j += 3;
    quarter_value(c, i, j, half, q, y, r);
    r->start = skip_to;
    return true;
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
    return tx_set_res(r, j, EL_TIMEX_DATE, v, tf);
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
    strcat(r->value, "T");
    strcat(r->value, p->val);
}

static bool weekday_value(tx_ctx *c, size_t i, size_t end, int wd, tx_dir dir, tx_res *r)
{
    char v[40];
    if (!c->have_dct) {
        snprintf(v, sizeof v, "XXXX-WXX-%d", wd);
        return tx_set_res(r, end, EL_TIMEX_DATE, v, true);
    }
    tx_tense t = tense_near(c, i, end);
    if (is(c, end, "'s") || is(c, end, "\xe2\x80\x99s"))
        t = TX_PAST;   /* "Friday's meeting": an event already reported */
    el_date d = tx_resolve_weekday(c->dct, wd, dir, t);
    tx_day_format(d.year, d.month, d.day, v, sizeof v);
    return tx_set_res(r, end, EL_TIMEX_DATE, v, true);
}

/* (last|next|this) Monday (morning) / Monday, June 19 */
static bool r_weekday(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    if (is(c, j, "the") && word(c, j + 1, TW_SHIFTER, NULL))
        j++;
    const tw_word *s = word(c, j, TW_SHIFTER, &len);
    tx_dir dir = TX_BY_TENSE;
    if (s) {
        dir = s->num < 0 ? TX_BEFORE : s->num > 0 ? TX_AFTER : TX_BY_TENSE;
        j += len;
    }
    const tw_word *w = word(c, j, TW_WEEKDAY, &len);
    if (!w || ((w->flags & TW_AMBIGUOUS) && !(c->doc->tokens[j].flags & EL_TOK_ABBREV)))
        return false;   /* "Sun" the company, "Sat" the verb */
    j += len;
    tx_res dated;
    size_t k = is(c, j, ",") ? j + 1 : j;
    if (!s && (r_month(c, k, &dated) || r_day_month(c, k, &dated)) && strlen(dated.value) == 10) {
        *r = dated;
        return true;
    }
    el_date saved = c->dct;
    if (s && (s->flags & TW_ANAPHORIC) && c->ref.day)
        c->dct = c->ref;   /* "the previous Friday": before the day last mentioned */
    bool ok = weekday_value(c, i, j, w->num, dir, r);
    c->dct = saved;
    if (!ok)
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
    if ((is(c, j, "'s") || is(c, j, "\xe2\x80\x99s")) && !strcmp(w->val, "D0"))
        return false;   /* "today's world": generic, not the day */
    el_timex_type type = !strcmp(w->aux, "TIME") ? EL_TIMEX_TIME : EL_TIMEX_DATE;
    if (!strcmp(w->val, "Y0")) {   /* "year-end" */
        char v[40] = "XXXX";
        if (c->have_dct)
            snprintf(v, sizeof v, "%04d", c->dct.year - (tense_near(c, i, j) == TX_PAST));
        tx_set_res(r, j, type, v, true);
        set_mod(r, w->mod);
        return true;
    }
    if (w->val[0] != 'D') {
        const tw_word *u = word(c, j, TW_UNIT, NULL);
        if (u && (u->flags & TW_PLURAL))
            j++;   /* "recent years" */
        else if (w->flags & TW_NEEDS_UNIT)
            return false;
        return tx_set_res(r, j, type, w->val, true);
    }
    if (!c->have_dct)
        return tx_set_res(r, j, type, w->val[1] == '0' && w->val[2] == 'T' ? "XXXX-XX-XXTNI" : "XXXX-XX-XX", true);
    char v[40];
    const char *t = strchr(w->val, 'T');
    el_date d = el_date_add_days(c->dct, atoi(w->val + 1));
    tx_day_format(d.year, d.month, d.day, v, sizeof v);
    if (t)
        strcat(v, t);
    tx_set_res(r, j, type, v, true);
    if (!t)
        pod_suffix(c, &j, r);
    return true;
}

/* What a shifter counts from: the DCT, or for "the following year", "the
 * previous day" the last time mentioned, if it is precise enough. */
/* Sets *found to false when an anaphoric shifter has nothing to refer to. */
static el_date shift_base(const tx_ctx *c, const tw_word *s, const char *unit, bool *found)
{
    *found = true;
    if (!(s->flags & TW_ANAPHORIC))
        return c->dct;
    bool need_day = !strcmp(unit, "D") || !strcmp(unit, "W") || !strcmp(unit, "WE");
    bool need_month = !strcmp(unit, "M") || !strcmp(unit, "Q");
    if (!c->ref.year || (need_day && !c->ref.day) || (need_month && !c->ref.month)) {
        *found = false;
        return c->dct;
    }
    el_date b = c->ref;
    if (!b.month)
        b.month = 7;   /* only the year counts */
    if (!b.day)
        b.day = 1;
    return b;
}

/* A shifted calendar unit: "last year", "this week", "next quarter". */
static bool shifted_unit(tx_ctx *c, size_t i, size_t j, const tw_word *s, const tw_word *u, tx_res *r)
{
    if (!strcmp(u->val, "H") || !strcmp(u->val, "MIN") || !strcmp(u->val, "S")) {
        char v[40];
        tx_duration_format(u->val, 1, v, sizeof v);
        return tx_set_res(r, j, EL_TIMEX_DURATION, v, false);
    }
    if (!strcmp(u->val, "WE") && !c->have_dct)
        return tx_set_res(r, j, EL_TIMEX_DATE, "XXXX-WXX-WE", true);
    if (!c->have_dct)
        return tx_set_res(r, j, EL_TIMEX_DATE, s->num < 0 ? "PAST_REF" : s->num > 0 ? "FUTURE_REF" : "PRESENT_REF", true);
    char v[40];
    bool found;
    el_date base = shift_base(c, s, u->val, &found);
    if (!found && s->num == 0)
        return false;   /* "that year" with no year before it */
    tx_shift_format(base, u->val, s->num, v, sizeof v);
    tx_set_res(r, j, EL_TIMEX_DATE, v, true);
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
    tx_set_res(r, j + a.len + len, EL_TIMEX_DURATION, v, false);
    set_mod(r, a.mod);
    return true;
}

static tx_dir shifter_dir(const tw_word *s)
{
    return s->num < 0 ? TX_BEFORE : s->num > 0 ? TX_AFTER : TX_BY_TENSE;
}

/* "last November", "this May", "last Oct. 23" (month w at j). */
static bool shifted_month(tx_ctx *c, size_t i, size_t j, size_t len, const tw_word *s,
                          const tw_word *w, tx_res *r)
{
    char v[40];
    int d = digits_with(c, j + len, 2, NULL, NULL);
    if (d < 1 || d > 31)
        d = 0;
    int y = s->num == 0 ? (c->have_dct ? c->dct.year : 0)   /* "this May" */
                        : month_year(c, i, j + len, w->num, d, shifter_dir(s));
    if (d && !el_date_valid((el_date){y ? y : 2000, w->num, d}))
        return false;
    if (d)
        tx_day_format(y, w->num, d, v, sizeof v);
    else
        format_month(y, w->num, v, sizeof v);
    return tx_set_res(r, j + len + (d > 0), EL_TIMEX_DATE, v, true);
}

/* "last summer", "this fall" (season w at j). */
static bool shifted_season(tx_ctx *c, size_t i, size_t j, size_t len, const tw_word *s,
                           const tw_word *w, tx_res *r)
{
    char v[40];
    tx_tense t = s->num == 0 ? TX_NO_TENSE : tense_near(c, i, j + len);
    int y = c->have_dct ? tx_resolve_season_year(c->dct, w->val, shifter_dir(s), t) : 0;
    if (y)
        snprintf(v, sizeof v, "%04d-%s", y, w->val);
    else
        snprintf(v, sizeof v, "XXXX-%s", w->val);
    return tx_set_res(r, j + len, EL_TIMEX_DATE, v, true);
}

/* "this morning", "last night", "that evening" (part of day w at j). */
static bool shifted_part_of_day(tx_ctx *c, size_t j, size_t len, const tw_word *s,
                                const tw_word *w, tx_res *r)
{
    if (s->num > 0 || (s->num < 0 && strcmp(w->val, "NI")))
        return false;   /* only "last night" looks back */
    bool found;
    el_date base = shift_base(c, s, "D", &found);
    if (!found && (s->flags & TW_ANAPHORIC))
        return false;   /* "that morning" with no day before it */
    char v[40];
    if (base.year) {
        el_date d = el_date_add_days(base, s->num < 0 ? -1 : 0);
        snprintf(v, sizeof v, "%04d-%02d-%02dT%s", d.year, d.month, d.day, w->val);
    } else {
        snprintf(v, sizeof v, "XXXX-XX-XXT%s", w->val);
    }
    return tx_set_res(r, j + len, EL_TIMEX_TIME, v, true);
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
    if ((w = word(c, j, TW_UNIT, &len))) {
        if ((c->doc->tokens[j].flags & EL_TOK_CAP) && !(c->doc->tokens[i].flags & EL_TOK_SENT_START)
            && (c->doc->tokens[i].flags & EL_TOK_CAP))
            return false;   /* "This Week", a title */
        if (w->flags & TW_PLURAL)
            return tx_set_res(r, j + len, EL_TIMEX_DATE, s->num > 0 ? "FUTURE_REF" : "PAST_REF", true);
        return shifted_unit(c, i, j + len, s, w, r);
    }
    if ((w = word(c, j, TW_MONTH, &len)))
        return shifted_month(c, i, j, len, s, w, r);
    if ((w = word(c, j, TW_SEASON, &len)))
        return shifted_season(c, i, j, len, s, w, r);
    if ((w = word(c, j, TW_PART_OF_DAY, &len)) && j == i + 1)
        return shifted_part_of_day(c, j, len, s, w, r);
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
            return tx_set_res(r, i + 1 + len, EL_TIMEX_DATE, "XXXX-WXX-WE", true);
        int dir = tense_near(c, i, i + 2) == TX_FUTURE ? 0 : -1;
        if (el_weekday(c->dct) >= 6)
            dir = 0;
        tx_shift_format(c->dct, "WE", dir, v, sizeof v);
        return tx_set_res(r, i + 1 + len, EL_TIMEX_DATE, v, true);
    }
    if (c->in_point_mod && c->have_dct
        && (!strcmp(u->val, "Y") || !strcmp(u->val, "M") || !strcmp(u->val, "W"))) {
        tx_shift_format(c->dct, u->val, 0, v, sizeof v);   /* "the end of the year" */
        return tx_set_res(r, i + 1 + len, EL_TIMEX_DATE, v, true);
    }
    if (!strcmp(u->val, "Q") && !is(c, i + 2, "of")) {
        if (c->quarter)
            snprintf(v, sizeof v, "%04d-Q%d", c->qyear, c->quarter);
        else if (c->have_dct)
            tx_shift_format(c->dct, "Q", -1, v, sizeof v);
        else
            snprintf(v, sizeof v, "XXXX-QX");
        return tx_set_res(r, i + 1 + len, EL_TIMEX_DATE, v, true);
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
        return tx_set_res(r, j, EL_TIMEX_DATE, "PAST_REF", true);
    if (quarter && len && q >= 1 && q <= 4)
        snprintf(val, sizeof val, "%04d-Q%d", c->dct.year - 1, q);
    else if (quarter && c->quarter)
        snprintf(val, sizeof val, "%04d-Q%d", c->qyear - 1, c->quarter);
    else if (quarter)
        tx_shift_format(c->dct, "Q", -5, val, sizeof val);
    else
        snprintf(val, sizeof val, "%04d", c->dct.year - 1);
    return tx_set_res(r, j, EL_TIMEX_DATE, val, true);
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
        return tx_set_res(r, j, EL_TIMEX_DATE, rel->num < 0 ? "PAST_REF" : "FUTURE_REF", true);
    char v[40];
    const char *unit = u->val;
    if (!strcmp(unit, "H") || !strcmp(unit, "MIN") || !strcmp(unit, "S"))
        unit = "D";
    int n = a->n * rel->num;
    if (!strcmp(unit, "Y") && c->quarter) {   /* "a year earlier": the topic quarter, shifted */
        snprintf(v, sizeof v, "%04d-Q%d", c->qyear + n, c->quarter);
        tx_set_res(r, j, EL_TIMEX_DATE, v, true);
        set_mod(r, a->mod);
        return true;
    }
    if (!strcmp(unit, "FN"))
        n *= 2;
    if (!strcmp(unit, "WE"))
        unit = "W";
    if (!strcmp(unit, "DE") || !strcmp(unit, "CE")) {   /* "a decade ago": a year */
        n *= !strcmp(unit, "DE") ? 10 : 100;
        unit = "Y";
    }
    tx_shift_format(c->dct, unit, n, v, sizeof v);
    tx_set_res(r, j, EL_TIMEX_DATE, v, true);
    set_mod(r, a->mod);
    return true;
}

/* True after a number or a counted plural noun ("million", "flights"). */
static bool after_quantity(const tx_ctx *c, size_t i)
{
    if (i <= c->sbeg || !(is(c, i, "a") || is(c, i, "an")))
        return false;
    size_t n;
    const char *s = text(c, i - 1, &n);
    if (isdigit((unsigned char)s[0]) || word(c, i - 1, TW_NUMBER, NULL))
        return true;
    const el_token *t = &c->doc->tokens[i - 1];
    return n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && !(t->flags & EL_TOK_CAP)
        && (t->flags & EL_TOK_WORD) && !word(c, i - 1, TW_PREP, NULL)
        && !word(c, i - 1, TW_TENSE, NULL) && !word(c, i - 1, TW_UNIT, NULL);
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
    if (!amount_at(c, j, &a) || (the && a.n == 1 && (is(c, j, "a") || is(c, j, "an"))))
        return false;
    size_t amount_start = j;
    j += a.len;
    size_t flen;
    if (!is(c, j, "-") && word(c, j, TW_FILLER, &flen) && word(c, j + flen, TW_UNIT, NULL))
        j += flen;   /* "two more weeks", "an additional year" */
    bool hyphen = is(c, j, "-");
    size_t skip_to = 0;
    if (hyphen) {
        j++;
        if (the)
            skip_to = amount_start;   /* "the two-year plan": the adjective alone */
        the = false;
    }
    const tw_word *u = word(c, j, TW_UNIT, &len);
    if (!u || (!hyphen && a.n == 1 && (u->flags & TW_PLURAL))
        || (!hyphen && a.n >= 100 && !(u->flags & TW_PLURAL)))
        return false;   /* "the 1988 quarter" is no amount */
    if (a.n == 1 && !strcmp(u->val, "S") && number_tok(c, j - 1) < 0)
        return false;  /* "a second", "one second" are rarely durations */
    if (!strcmp(u->val, "Q") && is(c, j + len, "of") && a.n >= 1 && a.n <= 3)
        return false;  /* "three quarters of": a fraction */
    j += len;
    if (!the && relative_point(c, j, &a, u, r))
        return true;
    if (a.n == 1 && a.len == 1 && after_quantity(c, amount_start))
        return false;  /* "$2 a year", "four flights a week": a rate */
    if (!hyphen && is(c, j, "-") && (c->doc->tokens[j].flags & EL_TOK_GLUED))
        return false;  /* "a year-earlier loss": part of a longer adjective */
    if ((hyphen && is(c, j, "-") && is(c, j + 1, "old")) || is(c, j, "old"))
        return false;   /* "a 6-year-old", "five years old": ages are not timexes */
    if (hyphen && is(c, j, "-") && is(c, j + 1, "long"))
        j += 2;
    bool or_so = is(c, j, "or") && is(c, j + 1, "so");
    if (or_so)
        j += 2;
    char v[40];
    tx_duration_format(u->val, a.n, v, sizeof v);
    tx_set_res(r, j, EL_TIMEX_DURATION, v, false);
    set_mod(r, or_so ? "APPROX" : a.mod);
    r->start = skip_to;
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
    return tx_set_res(r, i + len, EL_TIMEX_DURATION, v, false);
}

/* ---- rules: clock times --------------------------------------------------- */

/* Hour and minute at i: "4:34", "4", "5pm"; returns tokens used. */
static size_t clock_digits(const tx_ctx *c, size_t i, int *h, int *m, int *ampm)
{
    if (i >= c->lim || c->info[i].lead < 0 || c->info[i].ndig > 2)
        return 0;
    size_t n, k = c->info[i].ndig;
    const char *s = text(c, i, &n);
    *h = c->info[i].lead;
    *m = 0;
    *ampm = 0;
    if (k < n && s[k] == ':') {
        if (n < k + 3 || !isdigit((unsigned char)s[k + 1]) || !isdigit((unsigned char)s[k + 2]))
            return 0;
        *m = (s[k + 1] - '0') * 10 + (s[k + 2] - '0');
        k += 3;
    }
    if (n - k == 2 && (s[k] == 'a' || s[k] == 'A' || s[k] == 'p' || s[k] == 'P')
        && (s[k + 1] == 'm' || s[k + 1] == 'M'))
        *ampm = s[k] == 'a' || s[k] == 'A' ? 1 : 2;
    else if (k != n)
        return 0;
    return *h <= 24 && *m <= 59 ? 1 : 0;
}

/* Day a clock time belongs to: a date right after it, else the last day
 * mentioned before it, else the DCT. */
static bool clock_day(tx_ctx *c, size_t *j, char *day, size_t cap)
{
    tx_res d;
    size_t k = *j;
    bool on = is(c, k, "on");   /* "at 4 p.m. on Monday": two timexes, one day */
    if (on || is(c, k, ","))
        k++;
    if ((r_weekday(c, k, &d) || r_deictic(c, k, &d) || r_month(c, k, &d) || r_day_month(c, k, &d))
        && strlen(d.value) == 10) {
        if (!on)
            *j = d.end;
        snprintf(day, cap, "%s", d.value);
        return true;
    }
    if (c->day_sent != SIZE_MAX)   /* the story's current day */
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
    (void)zone;   /* named zones stay in the span; TimeBank values carry no offset */
    snprintf(v, sizeof v, "%sT%02d:%02d", day, h, m);
    return tx_set_res(r, j, EL_TIMEX_TIME, v, true);
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
        return tx_set_res(r, i + len, EL_TIMEX_SET, s->val, false);
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
    tx_set_res(r, j + len, EL_TIMEX_SET, v, false);
    copy_str(r->quant, sizeof r->quant, s->aux);
    return true;
}

/* ---- the driver -------------------------------------------------------------- */

/* Each rule with the kinds of token it can start at (a quick dispatch). */
typedef struct tx_rule_entry {
    tx_rule fn;
    uint32_t starts;
} tx_rule_entry;

static const tx_rule_entry RULES[] = {
    {r_numeric_date, K_DIGIT},
    {r_month, K(TW_MONTH)},
    {r_day_month, K_THE | K_DIGIT},
    {r_holiday, K(TW_HOLIDAY)},
    {r_year, K_DIGIT | K_THE | K_FISCAL | K(TW_NUMBER)},
    {r_decade_century, K_THE | K_DIGIT | K_APOS | K(TW_ORDINAL)},
    {r_quarter, K_THE | K_FISCAL | K_DIGIT | K_QTOKEN | K(TW_ORDINAL) | K(TW_SHIFTER)},
    {r_season, K_THE | K(TW_SEASON)},
    {r_weekday, K_THE | K(TW_SHIFTER) | K(TW_WEEKDAY)},
    {r_deictic, K(TW_DEICTIC)},
    {r_shifter, K_THE | K(TW_SHIFTER)},
    {r_the_unit, K_THE},
    {r_year_ago, K_THE | K(TW_UNIT)},
    {r_amount_unit, K_THE | K_A | K_DIGIT | K(TW_NUMBER)},
    {r_bare_plural, K(TW_UNIT)},
    {r_clock, K_DIGIT | K(TW_CLOCK)},
    {r_set, K(TW_SET)},
};

/* Longest rule match at i (after an optional modifier); false if none. */
static bool parse_core(tx_ctx *c, size_t i, tx_res *best)
{
    bool found = false;
    tx_res r;
    uint32_t kinds = i < c->lim ? c->info[i].kinds : 0;
    for (size_t k = 0; k < sizeof RULES / sizeof RULES[0]; k++)
        if ((RULES[k].starts & kinds) && RULES[k].fn(c, i, &r) && r.end > i
            && (!found || r.end > best->end)) {
            *best = r;
            found = true;
        }
    return found;
}

/* An amount modifier ("about") needs an amount or a clock time after it;
 * a point modifier ("early", "the end of") a date or time that is not an
 * amount. */
static bool modifier_fits(const tx_ctx *c, const tw_word *m, size_t j, const tx_res *r)
{
    amount a;
    int h, mi, ap;
    if (m->flags & TW_AMOUNT)
        return amount_at(c, j, &a) || clock_digits(c, j, &h, &mi, &ap);
    return r->type == EL_TIMEX_DATE || r->type == EL_TIMEX_TIME;
}

static bool parse_modified(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len, j = i;
    if (is(c, j, "the") && !(c->info[j].n && c->info[j].len > 1))
        j++;   /* "the late 1970s" (but "the end of" is one modifier) */
    const tw_word *m = word(c, j, TW_MODIFIER, &len);
    if (!m || (j > i && (m->flags & TW_AMOUNT)))
        return false;
    j += len;
    if (is(c, j, "-") && !(m->flags & TW_AMOUNT))
        j++;
    c->in_point_mod = !(m->flags & TW_AMOUNT);
    bool ok = parse_core(c, j, r);
    c->in_point_mod = false;
    if (!ok || !modifier_fits(c, m, j, r))
        return false;
    if (!r->mod[0] || strcmp(m->val, "APPROX"))
        snprintf(r->mod, sizeof r->mod, "%s", m->val);
    return true;
}

bool tx_parse_at(tx_ctx *c, size_t i, tx_res *r)
{
    if ((c->info[i].kinds & (K(TW_MODIFIER) | K_THE)) && parse_modified(c, i, r))
        return true;
    return parse_core(c, i, r);
}

/* timex_rules_calendar.c - time-stage rules for calendar expressions:
 * numeric and written dates (and day ranges "June 19-20"), holidays (fixed,
 * weekday-rule and Easter-based, from holidays.tsv), years and fiscal
 * years, decades, centuries, quarters and seasons (see timex_grammar.c for
 * the dispatch). */
#include "stages/timex/timex_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- rules: calendar dates ---------------------------------------------- */

/* 2023-06-20, 6/19/2023, 6/19/23 */
bool tx_r_numeric_date(tx_ctx *c, size_t i, tx_res *r)
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
    size_t n = tx_number_words(c, j + 1, &lo);
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
    if ((*y = tx_year_tok(c, j)) > 0)
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
    if ((is(c, j, ",") || is_a(c, j, TG_OF)) && (n = year_at(c, j + 1, y)) > 0)
        return n + 1;
    *y = 0;
    return 0;
}

static bool month_day_value(tx_ctx *c, size_t i, size_t end, int m, int d, int y, tx_res *r)
{
    char v[40];
    bool tf = y == 0;
    if (!y)
        y = tx_month_year(c, i, end, m, d, TX_BY_TENSE);
    if (d) {
        el_date dt = {y ? y : 2000, m, d};
        if (!el_date_valid(dt))
            return false;
        tx_day_format(y, m, d, v, sizeof v);
    } else {
        tx_format_month(y, m, v, sizeof v);
    }
    return tx_set_res(r, end, EL_TIMEX_DATE, v, tf);
}

/* A capitalized word right after: "Jan Kavan", "May Day" (a name). */
static bool starts_name(const tx_ctx *c, size_t i)
{
    return i < c->lim && (c->doc->tokens[i].flags & EL_TOK_CAP)
        && (c->doc->tokens[i].flags & EL_TOK_WORD) && !c->info[i].n;
}

/* "the March accession", "the May elections": after "the", a month name
 * before a lower-case noun (no preposition, verb cue or conjunction)
 * modifies it; "the March on Washington" stays a name, and so does a
 * month that is also a family name ("the May government"). */
static bool month_before_noun(const tx_ctx *c, size_t i, size_t len, const tw_word *w)
{
    size_t k = i + len;
    if ((w->flags & TW_SURNAME) || i <= c->sbeg || !is_the(c, i - 1) || k >= c->lim)
        return false;
    const el_token *t = &c->doc->tokens[k];
    return (t->flags & EL_TOK_WORD) && !(t->flags & EL_TOK_CAP) && !c->info[k].n
        && !is_a(c, k, TG_COORD | TG_RELATIVE);
}

/* A token "19-20" (two days of a month, the first smaller): the second
 * day, *d = the first; 0 if the token is no such range. */
static int day_range_tok(const tx_ctx *c, size_t j, int *d)
{
    size_t n, k = j < c->lim ? c->info[j].ndig : 0;
    const char *s = k ? text(c, j, &n) : NULL;
    if (!s || k > 2 || n < k + 2 || n > k + 3 || s[k] != '-')
        return 0;
    int d2 = 0;
    for (size_t m = k + 1; m < n; m++) {
        if (!isdigit((unsigned char)s[m]))
            return 0;
        d2 = d2 * 10 + (s[m] - '0');
    }
    *d = c->info[j].lead;
    return *d >= 1 && d2 > *d && d2 <= 31 ? d2 : 0;
}

/* June 19 / June 19, 2023 / June 2023 / June / June the 19th / June 19-20 */
bool tx_r_month(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    const tw_word *w = word(c, i, TW_MONTH, &len);
    if (!w)
        return false;
    size_t j = i + len, rtok = 0;
    int d = 0, y = 0, d2 = 0;
    if (is_the(c, j) && tx_ordinal_suffix_ok(c, j + 1, &d))
        j += 2;
    else if ((d = digits_with(c, j, 2, NULL, NULL)) > 0 || tx_ordinal_suffix_ok(c, j, &d))
        j++;
    else if ((d2 = day_range_tok(c, j, &d)) > 0)
        rtok = j++;
    if (d < 0)
        d = 0;
    if (d > 31)
        return false;
    j += year_after(c, j, &y);
    if (!d && !y && (w->flags & TW_AMBIGUOUS) && !month_before_noun(c, i, len, w)
        && (!tx_temporal_context_before(c, i) || starts_name(c, i + len)))
        return false;   /* "may", "Jan Kavan" */
    if (!month_day_value(c, i, j, w->num, d, y, r))
        return false;
    r->range_day = d2;
    r->range_tok = rtok;
    return true;
}

/* 19 June 2023 / the 19th of June */
bool tx_r_day_month(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    int d;
    if (is_the(c, j))
        j++;
    if (!tx_ordinal_suffix_ok(c, j, &d) && (j != i || (d = digits_with(c, j, 2, NULL, NULL)) < 1))
        return false;
    j++;
    if (is_a(c, j, TG_OF))
        j++;
    const tw_word *w = word(c, j, TW_MONTH, &len);
    if (!w || d < 1 || d > 31)
        return false;
    j += len;
    int y;
    j += year_after(c, j, &y);
    return month_day_value(c, i, j, w->num, d, y, r);
}

/* Christmas / Christmas 2022 / Thanksgiving Day / Easter (the rule in
 * holidays.tsv gives the date in any year; without a year, the year is
 * chosen as for a month and day, from where the holiday falls this year) */
/* Year of holiday w said without one, from its date this year; a
 * shifter ("last Christmas") picks the one before or after the DCT. */
static int holiday_year(tx_ctx *c, size_t i, size_t j, const tw_word *w, const tw_word *s)
{
    el_date dt;
    if (!c->have_dct || !tx_holiday_date(w->val, c->dct.year, &dt))
        return 0;
    tx_dir dir = !s ? TX_BY_TENSE : s->num < 0 ? TX_BEFORE : s->num > 0 ? TX_AFTER : TX_BY_TENSE;
    if (s && s->num == 0)
        return c->dct.year;   /* "this Christmas" */
    return tx_month_year(c, i, j, dt.month, dt.day, dir);
}

bool tx_r_holiday(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len, j = i;
    const tw_word *s = word(c, j, TW_SHIFTER, &len);
    if (s)
        j += len;
    const tw_word *w = word(c, j, TW_HOLIDAY, &len);
    if (!w || (s && (s->flags & TW_ANAPHORIC)))
        return false;
    j += len;
    int y;
    el_date dt;
    j += s ? 0 : year_after(c, j, &y);
    bool tf = s || !y;
    if (s || !y)
        y = holiday_year(c, i, j, w, s);
    char v[40];
    size_t ulen;
    const tw_word *u = word(c, j, TW_UNIT, &ulen);
    bool week = u && (!strcmp(u->val, "W") || !strcmp(u->val, "WE")) && !(u->flags & TW_PLURAL);
    if (y && tx_holiday_date(w->val, y, &dt) && week) {
        tx_shift_format(dt, u->val, 0, v, sizeof v);   /* "Easter week": the week of the day */
        j += ulen;
    } else if (y && tx_holiday_date(w->val, y, &dt))
        tx_day_format(dt.year, dt.month, dt.day, v, sizeof v);
    else if (strlen(w->val) == 5 && w->val[2] == '-' && w->val[0] != 'E')
        snprintf(v, sizeof v, "XXXX-%s", w->val);   /* fixed day, unknown year */
    else
        return false;
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
    if (i > c->sbeg && (is(c, i - 1, "$") || is(c, i - 1, "#") || is_a(c, i - 1, TG_NUMBER_SIGN)))
        return false;
    if (is(c, i + 1, "%") || is_a(c, i + 1, TG_PERCENT) || is(c, i + 1, ":"))
        return false;
    if (word(c, i + 1, TW_UNIT, NULL))
        return false;
    bool prefixed = i > c->sbeg + 1 && is(c, i - 1, "-") && (c->doc->tokens[i].flags & EL_TOK_GLUED)
        && is_a(c, i - 2, TG_PREFIX);   /* "post-1959 politics" */
    bool modifier_year = i > c->sbeg && (is_a(c, i - 1, TG_FISCAL) || prefixed
                                         || (is_the(c, i - 1) && y >= 1900 && y <= 2099));
    const el_doc *d = c->doc;
    bool coordinated = i > c->sbeg + 1 && (is_a(c, i - 1, TG_COORD) || is(c, i - 1, ","))
        && d->ntimexes && d->timexes[d->ntimexes - 1].tok_end == i - 1
        && d->timexes[d->ntimexes - 1].tok_begin == i - 2
        && tx_year_tok(c, i - 2) >= 0;   /* "in 1998 and 1999 sales fell": after a year tagged */
    if (tx_before_counted_noun(c, i + 1) && !modifier_year && !coordinated) {   /* "the 1992 protests" is a year */
        const tw_word *p = i > c->sbeg ? word(c, i - 1, TW_PREP, NULL) : NULL;
        if (!p || !strstr(p->val, "year"))
            return false;   /* "1500 shares", "2000 troops" */
    }
    if (y >= 1900 && y <= 2099)
        return true;
    return tx_temporal_context_before(c, i);
}

/* Tokens of a singular year unit at j ("year", "fiscal year"), or 0. */
static size_t year_unit_at(const tx_ctx *c, size_t j)
{
    size_t len;
    const tw_word *u = word(c, j, TW_UNIT, &len);
    return u && !strcmp(u->val, "Y") && !(u->flags & TW_PLURAL) ? len : 0;
}

/* 2021 / fiscal 2021 / fiscal year 2021 / the year 2000 */
/* "FY2023", "FY23", "FY 2023": a fiscal year; tokens used (0 = none). */
static size_t fiscal_abbrev(const tx_ctx *c, size_t i, int *y)
{
    size_t n, k;
    const char *s = text(c, i, &n);
    if (i >= c->lim || n < 2 || s[0] != 'F' || s[1] != 'Y')
        return 0;
    if (n == 2) {
        *y = tx_year_tok(c, i + 1);
        return *y > 0 ? 2 : 0;
    }
    for (k = 2; k < n && isdigit((unsigned char)s[k]); k++)
        ;
    if (k != n || (n != 4 && n != 6))
        return 0;
    *y = atoi(s + 2);
    if (n == 4)
        *y += *y < 50 ? 2000 : 1900;
    return *y >= 1000 && *y <= 2999 ? 1 : 0;
}

bool tx_r_year(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, n = 1, yl;
    int fy;
    char v[40];
    if ((yl = fiscal_abbrev(c, i, &fy))) {
        snprintf(v, sizeof v, "%04d", fy);
        return tx_set_res(r, i + yl, EL_TIMEX_DATE, v, false);
    }
    bool the_year = is_the(c, j) && (yl = year_unit_at(c, j + 1)) > 0;
    if (the_year)
        j += 1 + yl;
    else if ((yl = year_unit_at(c, j)) > 1)
        j += yl;   /* "fiscal year" */
    else if (is_a(c, j, TG_FISCAL))
        j++;
    int y = tx_year_tok(c, j);
    if (y < 0 && (n = spoken_year(c, j, &y)) && tx_before_counted_noun(c, j + n))
        return false;   /* "nineteen ninety-six" is a year unless it counts something */
    amount a;
    if (y < 0 && the_year && (n = tx_number_words(c, j, &a)) && a.n >= 1000)
        y = a.n;   /* "the year two thousand" */
    if (y < 1000 || (n == 1 && !year_plausible(c, j, y)))
        return false;
    snprintf(v, sizeof v, "%04d", y);
    return tx_set_res(r, j + n, EL_TIMEX_DATE, v, false);
}

/* the 1990s / 1990s / the '90s / the 20th century */
bool tx_r_decade_century(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, nd;
    if (is_the(c, j))
        j++;
    int v = digits_with(c, j, 4, "s", &nd), o;
    char val[40];
    if (v >= 0 && nd == 4 && v % 10 == 0) {
        snprintf(val, sizeof val, "%03d", v / 10);
        return tx_set_res(r, j + 1, EL_TIMEX_DATE, val, false);
    }
    if (is_a(c, j, TG_DECADE_MARK) && (v = digits_with(c, j + 1, 2, "s", &nd)) >= 0 && nd == 2 && v % 10 == 0) {
        int cent = c->have_dct && v <= c->dct.year % 100 - 10 + 10 && c->dct.year >= 2000 && v < 30 ? 20 : 19;
        snprintf(val, sizeof val, "%02d%d", cent, v / 10);
        return tx_set_res(r, j + 2, EL_TIMEX_DATE, val, false);
    }
    size_t len = tx_ordinal_at(c, j, &o);
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
        if (q > cur && tx_tense_near(c, i, end) == TX_PAST)
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
bool tx_r_quarter(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    int q, y = 0;
    if (is_the(c, j))
        j++;
    if (is_a(c, j, TG_FISCAL))
        j++;
    if ((q = digits_with(c, j, 1, NULL, NULL)) < 0 && j < c->lim) {
        size_t n;
        const char *s = text(c, j, &n);
        if (n == 2 && (s[0] == 'Q' || s[0] == 'H') && s[1] >= '1' && s[1] <= '4') {
            j++;
            j += year_after(c, j, &y);
            return quarter_value(c, i, j, s[0] == 'H', s[1] - '0', y, r);
        }
    }
    size_t yl = tx_year_tok(c, j) > 0 ? 1 : 0;
    if (yl)
        y = tx_year_tok(c, j);
    else if ((yl = shifted_year(c, j, &y)) && is_a(c, j + yl, TG_CLITIC_S))
        yl++;
    else
        yl = 0, y = 0;
    j += yl;
    const tw_word *qu = yl ? word(c, j, TW_UNIT, NULL) : NULL;
    if (qu && !strcmp(qu->val, "Q") && !(qu->flags & TW_PLURAL) && c->quarter)
        return quarter_value(c, i, j + 1, false, c->quarter, y, r);   /* "the 1988 quarter" */
    size_t ord = j, skip_to = 0;
    if (!(len = tx_ordinal_at(c, j, &q)) || q == 0 || (q < 0 && !word(c, j + len, TW_HALF, NULL)))
        return false;
    if (q < 0)
        q = 2;   /* "the last half" (but "the last quarter" is the previous one) */
    j += len;
    if (is(c, j, "-")) {
        j++;
        if (ord > i && is_the(c, i) && !yl)
            skip_to = ord;   /* "the third-quarter results": the adjective alone */
    }
    const tw_word *u = word(c, j, TW_UNIT, NULL);
    bool half = !u && (u = word(c, j, TW_HALF, NULL)) != NULL;
    if (!u || (strcmp(u->val, "Q") && !half) || (u->flags & TW_PLURAL) || q > (half ? 2 : 4))
        return false;
    j++;
    if (!y)
        j += year_after(c, j, &y);
    if (!y && is_a(c, j, TG_OF) && is_a(c, j + 1, TG_FISCAL) && (y = tx_year_tok(c, j + 2)) > 0)
        j += 3;
    quarter_value(c, i, j, half, q, y, r);
    r->start = skip_to;
    return true;
}

/* summer 2023 / the summer of 2023 (bare seasons need a temporal context) */
bool tx_r_season(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    if (is_the(c, j))
        j++;
    const tw_word *w = word(c, j, TW_SEASON, &len);
    if (!w)
        return false;
    j += len;
    int y;
    j += year_after(c, j, &y);
    if (!y && !(j - len > i && tx_prev_is_class(c, i, TW_PREP)) && !tx_temporal_context_before(c, i))
        return false;
    if (!y && j - len == i && !tx_prev_is_class(c, i, TW_MODIFIER))
        return false;
    bool tf = !y;
    if (!y && c->have_dct)
        y = tx_resolve_season_year(c->dct, w->val, TX_BY_TENSE, tx_tense_near(c, i, j));
    char v[40];
    if (y)
        snprintf(v, sizeof v, "%04d-%s", y, w->val);
    else
        snprintf(v, sizeof v, "XXXX-%s", w->val);
    return tx_set_res(r, j, EL_TIMEX_DATE, v, tf);
}

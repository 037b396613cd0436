/* timex_norm.c - calendar resolution and TIMEX3 value formatting for the
 * time stage (see timex_norm.h). */
#include "stages/timex/timex_norm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

el_date tx_resolve_weekday(el_date ref, int weekday, tx_dir dir, tx_tense tense)
{
    if (tense == TX_PRESENT)
        tense = TX_FUTURE;
    int today = el_weekday(ref);
    int back = (today - weekday + 7) % 7;      /* days back to it, 0..6 */
    int fwd = (weekday - today + 7) % 7;       /* days forward to it, 0..6 */
    if (dir == TX_BEFORE)
        return el_date_add_days(ref, -(back ? back : 7));
    if (dir == TX_AFTER)
        return el_date_add_days(ref, fwd ? fwd : 7);
    if (tense == TX_FUTURE)
        return el_date_add_days(ref, fwd);
    return el_date_add_days(ref, -back);
}

int tx_resolve_month_year(el_date ref, int month, int day, tx_dir dir, tx_tense tense)
{
    bool present = tense == TX_PRESENT;
    if (present)
        tense = TX_FUTURE;
    int here = ref.month * 31 + ref.day;
    int there = month * 31 + (day ? day : 15);
    int diff = there - here;          /* > 0: later in the year than ref */
    if (dir == TX_BEFORE)
        return month < ref.month || (day && diff < 0) ? ref.year : ref.year - 1;
    if (dir == TX_AFTER)
        return month > ref.month || (day && diff > 0) ? ref.year : ref.year + 1;
    if (!day && month == ref.month)
        return ref.year;
    if (tense == TX_FUTURE && !present && diff < -31)
        return ref.year + 1;   /* "will open in May" in July: next May (a deadline just past stays) */
    /* News mostly talks about the months around its date: a month more
     * than four months ahead is last year's unless the clause is future;
     * three to four months ahead, last year's only in a past clause; up to
     * three months ahead, this year's; one far behind is next year's in a
     * future clause, or, when it is at most four months ahead across the
     * new year ("in January" in November), unless the clause is past. */
    if (diff > 120)   /* a present tense ("are worth half what they were in October") is no plan */
        return tense == TX_FUTURE && !present ? ref.year : ref.year - 1;
    if (diff > 90)
        return tense == TX_PAST ? ref.year - 1 : ref.year;
    if (diff < -186 && diff + 372 <= 120)   /* "in January" late in the year */
        return tense == TX_PAST ? ref.year : ref.year + 1;
    if (diff < -186)
        return tense == TX_FUTURE ? ref.year + 1 : ref.year;
    return ref.year;
}

static int season_month(const char *s)
{
    if (!strcmp(s, "SP"))
        return 3;
    if (!strcmp(s, "SU"))
        return 6;
    if (!strcmp(s, "FA"))
        return 9;
    return 12;
}

int tx_resolve_season_year(el_date ref, const char *season, tx_dir dir, tx_tense tense)
{
    if (tense == TX_PRESENT)
        tense = TX_FUTURE;
    int first = season_month(season);
    /* winter belongs to the year it starts in; January/February are in last year's winter */
    int cur = ref.month < 3 ? 12 : (ref.month / 3) * 3;
    int cur_year = ref.month < 3 ? ref.year - 1 : ref.year;
    if (first == cur)
        return dir == TX_BEFORE ? cur_year - 1 : dir == TX_AFTER ? cur_year + 1 : cur_year;
    bool later = first > cur;
    if (dir == TX_BEFORE || (dir == TX_BY_TENSE && tense == TX_PAST))
        return later ? cur_year - 1 : cur_year;
    if (dir == TX_AFTER || (dir == TX_BY_TENSE && tense == TX_FUTURE))
        return later ? cur_year : cur_year + 1;
    return cur_year;
}

int tx_quarter_of(el_date d)
{
    return (d.month - 1) / 3 + 1;
}

void tx_day_format(int y, int m, int d, char *out, size_t cap)
{
    if (y > 0)
        snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
    else
        snprintf(out, cap, "XXXX-%02d-%02d", m, d);
}

static void shift_quarter(el_date ref, int n, char *out, size_t cap)
{
    int q = ref.year * 4 + tx_quarter_of(ref) - 1 + n;
    snprintf(out, cap, "%04d-Q%d", q / 4, q % 4 + 1);
}

/* Years a shift by n units can reach, roughly (for the range check). */
static int shifted_year_bound(el_date ref, const char *unit, int n)
{
    int per = !strcmp(unit, "Y") ? 1 : !strcmp(unit, "DE") ? 10 : !strcmp(unit, "CE") ? 100 : 0;
    return per ? ref.year + per * n : ref.year + (n < 0 ? -1 : 1) * (abs(n) / 12 + 1);
}

void tx_shift_format(el_date ref, const char *unit, int n, char *out, size_t cap)
{
    int bound = shifted_year_bound(ref, unit, n);
    if (bound < 1 || bound > 9999 || abs(n) > 100000) {
        snprintf(out, cap, "%s", n < 0 ? "PAST_REF" : "FUTURE_REF");   /* off the calendar */
    } else if (!strcmp(unit, "Y")) {
        snprintf(out, cap, "%04d", ref.year + n);
    } else if (!strcmp(unit, "DE")) {
        snprintf(out, cap, "%03d", (ref.year + 10 * n) / 10);
    } else if (!strcmp(unit, "CE")) {
        snprintf(out, cap, "%02d", (ref.year + 100 * n) / 100);
    } else if (!strcmp(unit, "Q")) {
        shift_quarter(ref, n, out, cap);
    } else if (!strcmp(unit, "M")) {
        el_date d = el_date_add_months(ref, n);
        snprintf(out, cap, "%04d-%02d", d.year, d.month);
    } else if (!strcmp(unit, "W") || !strcmp(unit, "WE") || !strcmp(unit, "FN")) {
        int iy, w = el_iso_week(el_date_add_days(ref, 7 * n), &iy);
        snprintf(out, cap, "%04d-W%02d%s", iy, w, !strcmp(unit, "WE") ? "-WE" : "");
    } else {
        int days = !strcmp(unit, "D") ? n : 0;
        el_date d = el_date_add_days(ref, days);
        tx_day_format(d.year, d.month, d.day, out, cap);
    }
}

typedef struct unit_dur {
    const char *unit;
    const char *prefix;   /* P or PT */
    const char *code;     /* designator */
    int mult;             /* n units = n*mult of code */
} unit_dur;

static const unit_dur UNIT_DURS[] = {
    {"Y", "P", "Y", 1}, {"M", "P", "M", 1}, {"W", "P", "W", 1}, {"D", "P", "D", 1},
    {"H", "PT", "H", 1}, {"MIN", "PT", "M", 1}, {"S", "PT", "S", 1},
    {"DE", "P", "Y", 10}, {"CE", "P", "Y", 100}, {"ML", "P", "Y", 1000},
    {"Q", "P", "Q", 1}, {"HALF", "P", "M", 6}, {"WE", "P", "D", 2}, {"FN", "P", "W", 2},
};

void tx_duration_format(const char *unit, int n, char *out, size_t cap)
{
    for (size_t i = 0; i < sizeof UNIT_DURS / sizeof UNIT_DURS[0]; i++) {
        const unit_dur *u = &UNIT_DURS[i];
        if (strcmp(u->unit, unit))
            continue;
        if (n < 0 && u->mult == 10)
            snprintf(out, cap, "PXY");   /* "decades": annotators write years */
        else if (n < 0 && u->mult == 100)
            snprintf(out, cap, "PXCE");
        else if (n < 0)
            snprintf(out, cap, "%sX%s", u->prefix, u->code);
        else
            snprintf(out, cap, "%s%d%s", u->prefix, n * u->mult, u->code);
        return;
    }
    snprintf(out, cap, "PX%s", unit);
}

/* n and a half units, in the unit below: "P2Y6M", "PT5H30M", "P1DT12H". */
typedef struct half_dur {
    const char *unit;
    const char *fmt;      /* whole units, then the half in the smaller unit */
    const char *alone;    /* the half alone ("half an hour" PT30M) */
    int half;             /* a half unit, in the smaller unit */
} half_dur;

static const half_dur HALF_DURS[] = {
    {"Y", "P%dY%dM", "P%dM", 6}, {"M", "P%dM%dD", "P%dD", 15}, {"W", "P%dW%dD", "P%dD", 3},
    {"D", "P%dDT%dH", "PT%dH", 12}, {"H", "PT%dH%dM", "PT%dM", 30}, {"MIN", "PT%dM%dS", "PT%dS", 30},
    {"Q", "P%dQ%dM", "P%dM", 1}, {"DE", NULL, NULL, 5}, {"CE", NULL, NULL, 50},
};

void tx_half_duration_format(const char *unit, int n, char *out, size_t cap)
{
    for (size_t i = 0; i < sizeof HALF_DURS / sizeof HALF_DURS[0]; i++) {
        const half_dur *h = &HALF_DURS[i];
        if (strcmp(h->unit, unit))
            continue;
        if (!h->fmt)   /* "a decade and a half": years */
            snprintf(out, cap, "P%dY", n * h->half * 2 + h->half);
        else if (n == 0)
            snprintf(out, cap, h->alone, h->half);
        else
            snprintf(out, cap, h->fmt, n, h->half);
        return;
    }
    tx_duration_format(unit, n, out, cap);
}

el_date tx_easter(int y)
{
    /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return (el_date){y, month, day};
}

/* The n-th (n = 0: last) ISO weekday wd of month m in year y. */
static el_date nth_weekday(int y, int m, int n, int wd)
{
    el_date first = {y, m, 1};
    int d = 1 + (wd - el_weekday(first) + 7) % 7;
    if (n > 0)
        d += 7 * (n - 1);
    else
        while (d + 7 <= el_days_in_month(y, m))
            d += 7;
    return (el_date){y, m, d};
}

bool tx_holiday_date(const char *rule, int y, el_date *out)
{
    int m, d, n = 0, off = 0, used = 0;
    char last;
    if (rule[0] == 'E') {
        if (sscanf(rule + 1, "%d", &off) != 1 && rule[1])
            return false;
        *out = el_date_add_days(tx_easter(y), off);
        return true;
    }
    if (sscanf(rule, "%2d-W%d-%d%n", &m, &n, &d, &used) == 3
        || (sscanf(rule, "%2d-W%c-%d%n", &m, &last, &d, &used) == 3 && last == 'L')) {
        if (m < 1 || m > 12 || d < 1 || d > 7 || n < 0 || n > 5)
            return false;
        *out = nth_weekday(y, m, n, d);
    } else if (sscanf(rule, "%2d-%2d%n", &m, &d, &used) == 2) {
        *out = (el_date){y, m, d};
    } else {
        return false;
    }
    if (rule[used] && sscanf(rule + used, "%d", &off) != 1)
        return false;
    *out = el_date_add_days(*out, off);
    return el_date_valid(*out);
}

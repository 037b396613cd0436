/* timex_norm.c - calendar resolution and TIMEX3 value formatting for the
 * time stage (see timex_norm.h). */
#include "timex_norm.h"

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
    if (tense == TX_PRESENT)
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
    /* News mostly talks about the months around its date: a month more
     * than four months ahead is last year's unless the clause is future;
     * three to four months ahead, last year's only in a past clause; up to
     * three months ahead, this year's; one far behind is next year's only
     * in a future clause. */
    if (diff > 120)
        return tense == TX_FUTURE ? ref.year : ref.year - 1;
    if (diff > 90)
        return tense == TX_PAST ? ref.year - 1 : ref.year;
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

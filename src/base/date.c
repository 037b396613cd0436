/* date.c - proleptic Gregorian calendar arithmetic and the mapping of
 * TIMEX3 values to intervals (see date.h). */
#include "base/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_PER_DAY (24 * 60)

bool el_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int el_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && el_is_leap(y) ? 29 : days[m - 1];
}

bool el_date_valid(el_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12
        && d.day >= 1 && d.day <= el_days_in_month(d.year, d.month);
}

/* Days from civil (Howard Hinnant's algorithm), shifted so 0001-01-01 = 0. */
int64_t el_date_to_days(el_date d)
{
    int64_t y = d.year - (d.month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (d.month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 60 - 365;  /* 0000-03-01 based -> 0001-01-01 */
}

el_date el_days_to_date(int64_t days)
{
    int64_t z = days + 60 + 365;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    el_date r = {(int)(y + (m <= 2)), (int)m, (int)d};
    return r;
}

el_date el_date_add_days(el_date d, int delta)
{
    return el_days_to_date(el_date_to_days(d) + delta);
}

el_date el_date_add_months(el_date d, int delta)
{
    int m = d.year * 12 + (d.month - 1) + delta;
    el_date r = {m / 12, m % 12 + 1, d.day};
    int dim = el_days_in_month(r.year, r.month);
    if (r.day > dim)
        r.day = dim;
    return r;
}

int el_weekday(el_date d)
{
    /* 0001-01-01 was a Monday. */
    int64_t days = el_date_to_days(d);
    int w = (int)(days % 7);
    if (w < 0)
        w += 7;
    return w + 1;
}

int el_iso_week(el_date d, int *iso_year)
{
    /* The Thursday of this week decides the year. */
    el_date thu = el_date_add_days(d, 4 - el_weekday(d));
    el_date jan1 = {thu.year, 1, 1};
    int week = (int)((el_date_to_days(thu) - el_date_to_days(jan1)) / 7) + 1;
    if (iso_year)
        *iso_year = thu.year;
    return week;
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool el_date_parse(const char *s, el_date *out)
{
    el_date d = {0, 0, 0};
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    if (n == 8 && digits(s, 4, &d.year) && digits(s + 4, 2, &d.month)
        && digits(s + 6, 2, &d.day)) {
        /* YYYYMMDD */
    } else if (n >= 10 && digits(s, 4, &d.year) && s[4] == '-' && digits(s + 5, 2, &d.month)
               && s[7] == '-' && digits(s + 8, 2, &d.day) && (n == 10 || s[10] == 'T' || s[10] == ' ')) {
        /* YYYY-MM-DD, optionally followed by a time we ignore */
    } else {
        return false;
    }
    if (!el_date_valid(d))
        return false;
    *out = d;
    return true;
}

/* Write v (0..10^w - 1) as w digits at out. */
static void put_digits(char *out, int v, int w)
{
    for (int i = w - 1; i >= 0; i--, v /= 10)
        out[i] = (char)('0' + v % 10);
}

/* "YYYY-MM-DD" for a year of four digits and a month and day of two at
 * most (every date the pipeline makes): no printf. */
static bool date_digits(el_date d, char *buf)
{
    if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99)
        return false;
    put_digits(buf, d.year, 4);
    buf[4] = '-';
    put_digits(buf + 5, d.month, 2);
    buf[7] = '-';
    put_digits(buf + 8, d.day, 2);
    return true;
}

void el_date_format(el_date d, char *buf)
{
    if (date_digits(d, buf)) {
        buf[10] = '\0';
        return;
    }
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d.year, d.month, d.day);
    memcpy(buf, tmp, 10);
    buf[10] = '\0';
}

int64_t el_instant_from_date(el_date d, int hour, int minute)
{
    return el_date_to_days(d) * MIN_PER_DAY + hour * 60 + minute;
}

void el_instant_format(int64_t minutes, char *buf)
{
    int64_t days = minutes / MIN_PER_DAY, rem = minutes % MIN_PER_DAY;
    if (rem < 0) {
        rem += MIN_PER_DAY;
        days--;
    }
    el_date d = el_days_to_date(days);
    if (date_digits(d, buf)) {   /* (rem: 0 .. one day less a minute) */
        buf[10] = 'T';
        put_digits(buf + 11, (int)(rem / 60), 2);
        buf[13] = ':';
        put_digits(buf + 14, (int)(rem % 60), 2);
        buf[16] = '\0';
        return;
    }
    char tmp[96];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d", d.year, d.month, d.day,
             (int)(rem / 60), (int)(rem % 60));
    memcpy(buf, tmp, 16);
    buf[16] = '\0';
}

static el_interval span_days(el_date from, el_date to_excl, el_gran g)
{
    el_interval iv = {el_date_to_days(from) * MIN_PER_DAY,
                      el_date_to_days(to_excl) * MIN_PER_DAY, g};
    return iv;
}

static bool part_of_day(const char *p, int *from_h, int *to_h)
{
    static const struct { const char *code; int from, to; } parts[] = {
        {"MO", 6, 12}, {"MI", 11, 13}, {"AF", 12, 18}, {"EV", 18, 22},
        {"NI", 21, 30}, {"DT", 9, 17},
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (strcmp(p, parts[i].code) == 0) {
            *from_h = parts[i].from;
            *to_h = parts[i].to;
            return true;
        }
    return false;
}

static bool time_interval(el_date d, const char *t, el_interval *out)
{
    int h, m = 0, from_h, to_h;
    int64_t day0 = el_date_to_days(d) * MIN_PER_DAY;
    if (part_of_day(t, &from_h, &to_h)) {
        out->begin = day0 + from_h * 60;
        out->end = day0 + to_h * 60;
        out->gran = EL_GRAN_PART_OF_DAY;
        return true;
    }
    if (!digits(t, 2, &h) || h > 24)
        return false;
    if (t[2] == ':' && digits(t + 3, 2, &m) && m < 60) {
        out->begin = day0 + h * 60 + m;
        out->end = out->begin + 1;
        out->gran = EL_GRAN_MINUTE;
        return true;
    }
    out->begin = day0 + h * 60;
    out->end = out->begin + 60;
    out->gran = EL_GRAN_HOUR;
    return true;
}

bool el_value_interval(const char *v, el_interval *out)
{
    int y, m, d, n;
    size_t len = strlen(v);
    if (len >= 2 && digits(v, 2, &y) && (len == 2 || !isdigit((unsigned char)v[2]))) {
        if (len != 2)
            return false;
        el_date a = {y * 100 + (y == 0), 1, 1}, b = {y * 100 + 100, 1, 1};
        *out = span_days(a, b, EL_GRAN_CENTURY);
        return true;
    }
    if (len == 3 && digits(v, 3, &y)) {
        el_date a = {y ? y * 10 : 1, 1, 1}, b = {y * 10 + 10, 1, 1};
        *out = span_days(a, b, EL_GRAN_DECADE);
        return true;
    }
    if (len < 4 || !digits(v, 4, &y) || y < 1)
        return false;
    if (len == 4) {
        el_date a = {y, 1, 1}, b = {y + 1, 1, 1};
        *out = span_days(a, b, EL_GRAN_YEAR);
        return true;
    }
    if (v[4] != '-')
        return false;
    const char *r = v + 5;
    if (r[0] == 'Q' && digits(r + 1, 1, &n) && n >= 1 && n <= 4 && r[2] == '\0') {
        el_date a = {y, 3 * n - 2, 1};
        *out = span_days(a, el_date_add_months(a, 3), EL_GRAN_QUARTER);
        return true;
    }
    if (r[0] == 'H' && digits(r + 1, 1, &n) && n >= 1 && n <= 2 && r[2] == '\0') {
        el_date a = {y, 6 * n - 5, 1};
        *out = span_days(a, el_date_add_months(a, 6), EL_GRAN_HALF);
        return true;
    }
    static const struct { const char *code; int month; } seasons[] = {
        {"SP", 3}, {"SU", 6}, {"FA", 9}, {"WI", 12}};
    for (size_t i = 0; i < 4; i++)
        if (strcmp(r, seasons[i].code) == 0) {
            el_date a = {y, seasons[i].month, 1};
            *out = span_days(a, el_date_add_months(a, 3), EL_GRAN_SEASON);
            return true;
        }
    if (r[0] == 'W' && digits(r + 1, 2, &n) && n >= 1 && n <= 53) {
        el_date jan4 = {y, 1, 4};
        el_date mon = el_date_add_days(jan4, 1 - el_weekday(jan4) + (n - 1) * 7);
        if (r[3] == '\0') {
            *out = span_days(mon, el_date_add_days(mon, 7), EL_GRAN_WEEK);
            return true;
        }
        if (strcmp(r + 3, "-WE") == 0) {
            *out = span_days(el_date_add_days(mon, 5), el_date_add_days(mon, 7), EL_GRAN_DAY);
            return true;
        }
        return false;
    }
    if (!digits(r, 2, &m) || m < 1 || m > 12)
        return false;
    if (r[2] == '\0') {
        el_date a = {y, m, 1};
        *out = span_days(a, el_date_add_months(a, 1), EL_GRAN_MONTH);
        return true;
    }
    if (r[2] != '-' || !digits(r + 3, 2, &d))
        return false;
    el_date day = {y, m, d};
    if (!el_date_valid(day))
        return false;
    if (r[5] == '\0') {
        *out = span_days(day, el_date_add_days(day, 1), EL_GRAN_DAY);
        return true;
    }
    if (r[5] == 'T')
        return time_interval(day, r + 6, out);
    return false;
}

el_interval el_interval_apply_mod(el_interval iv, const char *mod)
{
    if (!mod || !*mod || iv.end <= iv.begin)
        return iv;
    int64_t third = (iv.end - iv.begin) / 3;
    if (strcmp(mod, "START") == 0)
        iv.end = iv.begin + third;
    else if (strcmp(mod, "MID") == 0) {
        iv.begin += third;
        iv.end -= third;
    } else if (strcmp(mod, "END") == 0)
        iv.begin = iv.end - third;
    return iv;
}

static const char *const gran_names[] = {"none", "century", "decade", "year", "half",
                                         "quarter", "season", "month", "week", "day",
                                         "part_of_day", "hour", "minute", "second"};

const char *el_gran_name(el_gran g)
{
    return (size_t)g < sizeof gran_names / sizeof *gran_names ? gran_names[g] : "none";
}

bool el_gran_parse(const char *s, el_gran *out)
{
    for (size_t i = 0; i < sizeof gran_names / sizeof *gran_names; i++)
        if (strcmp(s, gran_names[i]) == 0) {
            *out = (el_gran)i;
            return true;
        }
    return false;
}

bool el_instant_parse(const char *s, int64_t *minutes)
{
    el_date d;
    int h, m;
    if (strlen(s) != 16 || s[10] != 'T' || s[13] != ':' || !el_date_parse(s, &d)
        || !digits(s + 11, 2, &h) || !digits(s + 14, 2, &m) || h > 23 || m > 59)
        return false;
    *minutes = el_instant_from_date(d, h, m);
    return true;
}

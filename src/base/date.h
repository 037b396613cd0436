/* date.h - calendar arithmetic and TIMEX3 values as time intervals.
 *
 * Instants are minutes since 0001-01-01T00:00 (proleptic Gregorian), which
 * orders everything from years to clock minutes in one int64.  A TIMEX3
 * value such as "2023-02", "2023-W25", "2023-06-19T16:34", "2023-Q3", "199"
 * (the 1990s) or "2023-SU" maps to the half-open interval [begin, end). */
#ifndef EL_DATE_H
#define EL_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* Minutes in a day: instants are minutes (see above). */
#define EL_MINUTES_PER_DAY 1440
/* Buffer sizes: a date as el_date_format writes it ("YYYY-MM-DD"), an
 * instant as el_instant_format writes it ("YYYY-MM-DDTHH:MM"), and any
 * TIMEX3 value kept in a document or canonical event; each with its NUL. */
#define EL_DATE_SIZE 11
#define EL_INSTANT_SIZE 17
#define EL_VALUE_SIZE 40

typedef struct el_date {
    int year;   /* 0 = unknown */
    int month;  /* 1..12, 0 = unknown */
    int day;    /* 1..31, 0 = unknown */
} el_date;

typedef enum el_gran {
    EL_GRAN_NONE = 0, EL_GRAN_CENTURY, EL_GRAN_DECADE, EL_GRAN_YEAR,
    EL_GRAN_HALF, EL_GRAN_QUARTER, EL_GRAN_SEASON, EL_GRAN_MONTH,
    EL_GRAN_WEEK, EL_GRAN_DAY, EL_GRAN_PART_OF_DAY, EL_GRAN_HOUR,
    EL_GRAN_MINUTE, EL_GRAN_SECOND
} el_gran;

typedef struct el_interval {
    int64_t begin;  /* minutes since 0001-01-01T00:00, inclusive */
    int64_t end;    /* exclusive; begin == end == 0 means "not anchored" */
    el_gran gran;
} el_interval;

/* "year", "month", "day", "minute", ... and back. */
const char *el_gran_name(el_gran g);
bool el_gran_parse(const char *s, el_gran *out);
/* Parse "YYYY-MM-DDTHH:MM" (as el_instant_format writes it). */
bool el_instant_parse(const char *s, int64_t *minutes);

bool el_date_valid(el_date d);
bool el_is_leap(int year);
int el_days_in_month(int year, int month);
/* Days since 0001-01-01 (day 0) and back. */
int64_t el_date_to_days(el_date d);
el_date el_days_to_date(int64_t days);
el_date el_date_add_days(el_date d, int delta);
el_date el_date_add_months(el_date d, int delta); /* day clamped */
int el_weekday(el_date d); /* 1 = Monday .. 7 = Sunday (ISO) */
int el_iso_week(el_date d, int *iso_year);

/* Parse "YYYY-MM-DD", "YYYY-MM", "YYYY", "YYYYMMDD" (DCT formats). */
bool el_date_parse(const char *s, el_date *out);
/* Format as YYYY-MM-DD into buf (>= EL_DATE_SIZE bytes). */
void el_date_format(el_date d, char *buf);

/* Interval covered by a TIMEX3 DATE/TIME value.  Returns false for values
 * that are not anchored (PAST_REF, XXXX-02, P5Y, ...). */
bool el_value_interval(const char *value, el_interval *out);
/* Narrow an interval by a TIMEX3 mod: START = first third, MID = middle
 * third, END = last third; other mods leave it unchanged. */
el_interval el_interval_apply_mod(el_interval iv, const char *mod);
/* Format an instant as YYYY-MM-DDTHH:MM into buf (>= EL_INSTANT_SIZE bytes). */
void el_instant_format(int64_t minutes, char *buf);
int64_t el_instant_from_date(el_date d, int hour, int minute);

#endif

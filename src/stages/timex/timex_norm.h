/* timex_norm.h - normalization helpers of the time stage: resolve
 * underspecified calendar references (a weekday, a month without a year, a
 * quarter) against the document creation time and the sentence's tense,
 * and format TIMEX3 values.  Pure functions, no state. */
#ifndef EL_TIMEX_NORM_H
#define EL_TIMEX_NORM_H

#include <stdbool.h>
#include <stddef.h>
#include "base/date.h"

/* Tense of the clause around a timex: past, unknown, future, or present
 * (which, for a named day or month, means a coming one: "the vote is on
 * Monday"). */
typedef enum tx_tense { TX_PAST = -1, TX_NO_TENSE = 0, TX_FUTURE = 1, TX_PRESENT = 2 } tx_tense;

/* Which occurrence of a weekday/month/season: the one before the reference
 * (strictly), after it (strictly), or chosen by tense (on or before in the
 * past, on or after in the future). */
typedef enum tx_dir { TX_BEFORE = -1, TX_BY_TENSE = 0, TX_AFTER = 1 } tx_dir;

el_date tx_resolve_weekday(el_date ref, int weekday, tx_dir dir, tx_tense tense);
/* Year of month `month` (and `day`, 0 = whole month) seen from ref. */
int tx_resolve_month_year(el_date ref, int month, int day, tx_dir dir, tx_tense tense);
/* Year of a season code (SP, SU, FA, WI) seen from ref. */
int tx_resolve_season_year(el_date ref, const char *season, tx_dir dir, tx_tense tense);
int tx_quarter_of(el_date d);
/* Shift ref by n units (unit code Y, M, W, D, Q, DE, CE) and format the
 * result at that unit's granularity ("2022", "2023-05", "2023-W24", ...). */
void tx_shift_format(el_date ref, const char *unit, int n, char *out, size_t cap);
/* Duration value for n units ("P5Y", "PT35M", "PXY" when n < 0). */
void tx_duration_format(const char *unit, int n, char *out, size_t cap);
/* Duration of n and a half units ("2 1/2 years" P2Y6M, "half an hour"
 * PT30M when n is 0), written in the next smaller unit. */
void tx_half_duration_format(const char *unit, int n, char *out, size_t cap);
/* Western Easter Sunday of year y (Gregorian computus). */
el_date tx_easter(int y);
/* Date in year y of a holiday rule from gazetteers/time/holidays.tsv:
 * MM-DD, MM-Wn-d (n-th ISO weekday d of month MM), MM-WL-d (the last one),
 * either optionally followed by +k/-k days, or E+k/E-k (k days from
 * Easter Sunday).  False if the rule is malformed. */
bool tx_holiday_date(const char *rule, int y, el_date *out);
/* "2023-06-19" or "XXXX-06-19" when the year is 0. */
void tx_day_format(int y, int m, int d, char *out, size_t cap);

#endif

/* test_date.c - calendar arithmetic and TIMEX3 value intervals. */
#include "test_util.h"
#include "base/date.h"

#include <stdio.h>

static void test_day_numbers_round_trip(void **state)
{
    (void)state;
    el_date d = {2023, 6, 19};
    assert_int_equal(el_weekday(d), 1);              /* a Monday */
    el_date e = el_days_to_date(el_date_to_days(d));
    assert_int_equal(e.year, 2023);
    assert_int_equal(e.month, 6);
    assert_int_equal(e.day, 19);
    el_date leap = {2024, 2, 28};
    el_date next = el_date_add_days(leap, 1);
    assert_int_equal(next.day, 29);
    el_date jan31 = {2023, 1, 31};
    el_date feb = el_date_add_months(jan31, 1);
    assert_int_equal(feb.month, 2);
    assert_int_equal(feb.day, 28);
    int y;
    el_date dec31 = {2024, 12, 30};
    assert_int_equal(el_iso_week(dec31, &y), 1);
    assert_int_equal(y, 2025);
}

static void test_parse_dct(void **state)
{
    (void)state;
    el_date d;
    assert_true(el_date_parse("2023-06-20", &d));
    assert_int_equal(d.day, 20);
    assert_true(el_date_parse("19980108", &d));
    assert_int_equal(d.year, 1998);
    assert_true(el_date_parse(" 2023-06-20T10:00:00Z ", &d));
    assert_false(el_date_parse("2023-02-30", &d));
    assert_false(el_date_parse("yesterday", &d));
    assert_false(el_date_parse("", &d));
}

/* value, begin, end */
static const struct { const char *value, *begin, *end; } intervals[] = {
    {"2023", "2023-01-01T00:00", "2024-01-01T00:00"},
    {"2023-02", "2023-02-01T00:00", "2023-03-01T00:00"},
    {"2023-06-19", "2023-06-19T00:00", "2023-06-20T00:00"},
    {"2023-06-19T16:34", "2023-06-19T16:34", "2023-06-19T16:35"},
    {"2023-06-19T16", "2023-06-19T16:00", "2023-06-19T17:00"},
    {"2023-06-19TAF", "2023-06-19T12:00", "2023-06-19T18:00"},
    {"2023-Q3", "2023-07-01T00:00", "2023-10-01T00:00"},
    {"2023-H2", "2023-07-01T00:00", "2024-01-01T00:00"},
    {"2023-SU", "2023-06-01T00:00", "2023-09-01T00:00"},
    {"2023-W25", "2023-06-19T00:00", "2023-06-26T00:00"},
    {"2023-W25-WE", "2023-06-24T00:00", "2023-06-26T00:00"},
    {"199", "1990-01-01T00:00", "2000-01-01T00:00"},
    {"20", "2000-01-01T00:00", "2100-01-01T00:00"},
};

static void test_value_intervals(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof intervals / sizeof *intervals; i++) {
        el_interval iv;
        char b[17], e[17];
        assert_true(el_value_interval(intervals[i].value, &iv));
        el_instant_format(iv.begin, b);
        el_instant_format(iv.end, e);
        assert_string_equal(b, intervals[i].begin);
        assert_string_equal(e, intervals[i].end);
    }
}

static void test_unanchored_values(void **state)
{
    (void)state;
    el_interval iv;
    const char *values[] = {"PAST_REF", "XXXX-02", "P5Y", "PT35M", "", "2023-13", "2023-02-30"};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        assert_false(el_value_interval(values[i], &iv));
}

static void test_mod_narrows(void **state)
{
    (void)state;
    el_interval iv;
    char b[17], e[17];
    assert_true(el_value_interval("2023-02", &iv));
    el_interval start = el_interval_apply_mod(iv, "START");
    el_instant_format(start.begin, b);
    el_instant_format(start.end, e);
    assert_string_equal(b, "2023-02-01T00:00");
    assert_true(start.end < iv.end);
    el_interval end = el_interval_apply_mod(iv, "END");
    el_instant_format(end.end, e);
    assert_string_equal(e, "2023-03-01T00:00");
    assert_true(end.begin > start.end);
}

/* The digit writer of el_date_format / el_instant_format agrees with
 * printf, and years it does not take (negative, five digits) still print. */
static void test_formats_match_printf(void **state)
{
    (void)state;
    static const el_date dates[] = {{2023, 6, 19}, {1, 1, 1}, {999, 12, 31}, {9999, 2, 3},
                                    {0, 0, 0}, {12345, 6, 7}, {-44, 3, 15}};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        char got[11], tmp[64], want[11];
        el_date_format(dates[i], got);
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", dates[i].year, dates[i].month, dates[i].day);
        memcpy(want, tmp, 10);
        want[10] = '\0';
        assert_string_equal(got, want);
    }
    static const el_date days[] = {{2023, 6, 19}, {1, 1, 1}, {9999, 12, 31}};
    static const int minutes[] = {0, 1, 59, 60, 754, 1439};
    for (size_t i = 0; i < sizeof days / sizeof *days; i++)
        for (size_t k = 0; k < sizeof minutes / sizeof *minutes; k++) {
            char got[17], want[64];
            el_instant_format(el_instant_from_date(days[i], 0, minutes[k]), got);
            snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d", days[i].year, days[i].month,
                     days[i].day, minutes[k] / 60, minutes[k] % 60);
            assert_string_equal(got, want);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_day_numbers_round_trip),
        cmocka_unit_test(test_parse_dct),
        cmocka_unit_test(test_value_intervals),
        cmocka_unit_test(test_unanchored_values),
        cmocka_unit_test(test_mod_narrows),
        cmocka_unit_test(test_formats_match_printf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

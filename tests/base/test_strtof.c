/* test_strtof.c - el_strtof gives strtof's float, bit for bit, and the
 * same end pointer, on the forms data files hold and on the forms it hands
 * to strtof. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

static void same_as_strtof(const char *s)
{
    char *e1 = NULL, *e2 = NULL;
    float a = el_strtof(s, &e1), b = strtof(s, &e2);
    uint32_t ua, ub;
    memcpy(&ua, &a, sizeof ua);
    memcpy(&ub, &b, sizeof ub);
    if (ua != ub || e1 != e2)
        fail_msg("\"%s\": el_strtof %a (end +%td), strtof %a (end +%td)", s, (double)a, e1 - s,
                 (double)b, e2 - s);
}

static void test_forms(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "0", "-0", "-0.0", "+1.5", "11.152", "-0.615", "7", "5.", ".5", "-.25", "0.1", "0.3",
        "3.4028234e38", "1e-3", "1E5", "0x1p3", "inf", "-nan", " 1.5", "", "-", ".", "abc",
        "1.2.3", "12abc", "1.5\t2", "16777217", "16777219", "-16777217", "0.000000000000000000001",
        "123456789012345", "1234567890123456", "0.1234567890123456789012", "1e", "99999999999",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        same_as_strtof(cases[i]);
}

/* Decimals of every length and scale the fast path takes (a fixed
 * pseudo-random sequence). */
static void test_random_decimals(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252u;
    char s[64];
    for (int i = 0; i < 300000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        int digits = 1 + (int)(x % 15), point = (int)((x >> 8) % (uint64_t)(digits + 1));
        uint64_t v = x >> 20;
        size_t n = 0;
        if (x & (1u << 4))
            s[n++] = '-';
        for (int d = 0; d < digits; d++, v /= 10) {
            if (d == point && d)
                s[n++] = '.';
            s[n++] = (char)('0' + v % 10);
        }
        s[n] = '\0';
        same_as_strtof(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_random_decimals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_jdom.c - the lean JSON reader of merge's results: values, escapes
 * decoded in place, lookups, and the inputs it must refuse as Jansson does
 * (bad UTF-8, "\u0000", lone surrogates, trailing text, deep nesting). */
#include "test_util.h"
#include "codec/jdom.h"

#include <stdlib.h>
#include <string.h>

/* Parse a copy of s (the reader writes into its buffer). */
static bool parse(el_jd *jd, const char *s, char **copy)
{
    *copy = strdup(s);
    return el_jd_parse(jd, *copy, strlen(s));
}

static void test_values(void **state)
{
    (void)state;
    el_jd jd = {0};
    char *buf;
    assert_true(parse(&jd, " {\"a\": [1, -2, 3.5e1, true, false, null],"
                           " \"s\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\","
                           " \"o\": {\"k\": \"v\"}, \"a\": 9} ", &buf));
    el_jv root = el_jd_root(&jd), a = el_jv_get(root, "a");
    assert_int_equal(el_jv_size(a), 6);
    el_jv v = el_jv_first(a);
    assert_true(el_jv_is(v, EL_JD_INT));
    assert_int_equal(el_jv_int(v), 1);
    v = el_jv_next(v);
    assert_int_equal(el_jv_int(v), -2);
    v = el_jv_next(v);
    assert_true(el_jv_is(v, EL_JD_REAL));
    assert_true(el_jv_number(v) == 35.0);
    assert_true(el_jv_is(el_jv_next(v), EL_JD_TRUE));
    v = el_jv_next(el_jv_next(el_jv_next(v)));
    assert_true(el_jv_is(v, EL_JD_NULL));
    assert_false(el_jv_present(el_jv_next(v)));
    assert_string_equal(el_jv_str(el_jv_get(root, "s")), "x\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80");
    assert_int_equal(el_jv_strlen(el_jv_get(root, "s")), 15);
    assert_string_equal(el_jv_str(el_jv_get(el_jv_get(root, "o"), "k")), "v");
    assert_false(el_jv_present(el_jv_get(root, "missing")));
    assert_null(el_jv_str(el_jv_get(root, "missing")));
    assert_null(el_jv_str(a));   /* not a string */
    assert_int_equal(el_jv_size(el_jv_get(root, "o")), 0);   /* not an array */
    free(buf);
    assert_true(parse(&jd, "[]", &buf));   /* the node array is reused */
    assert_int_equal(el_jv_size(el_jd_root(&jd)), 0);
    assert_false(el_jv_present(el_jv_first(el_jd_root(&jd))));
    free(buf);
    el_jd_free(&jd);
}

static void test_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "  ", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[1] x", "01", "1.", "-", ".5",
        "1e", "\"ab", "\"\\x\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
        "\"\xff\"", "\"\xed\xa0\x80\"", "\"\xc0\xaf\"", "\"a\nb\"", "tru", "nul",
        "1e999", "99999999999999999999", "{1:2}",
    };
    el_jd jd = {0};
    char *buf;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        bool ok = parse(&jd, bad[i], &buf);
        if (ok)
            fail_msg("accepted: %s", bad[i]);
        assert_true(jd.err[0] != '\0');
        assert_false(el_jv_present(el_jd_root(&jd)));
        free(buf);
    }
    char deep[2 * EL_JD_DEPTH + 10];
    size_t n = EL_JD_DEPTH + 2;
    memset(deep, '[', n);
    memset(deep + n, ']', n);
    deep[2 * n] = '\0';
    assert_false(parse(&jd, deep, &buf));
    assert_non_null(strstr(jd.err, "depth"));
    free(buf);
    assert_true(parse(&jd, "9223372036854775807", &buf));
    assert_true(el_jv_int(el_jd_root(&jd)) == INT64_MAX);
    free(buf);
    el_jd_free(&jd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_utf8.c - UTF-8 validation, decoding and character classes. */
#include "test_util.h"
#include "base/utf8.h"

static void test_valid_and_invalid(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(el_utf8_validate("plain ascii", 11, &bad));
    assert_true(el_utf8_validate("“progress” – ok", strlen("“progress” – ok"), &bad));
    assert_false(el_utf8_validate("ab\xff" "cd", 5, &bad));
    assert_int_equal(bad, 2);
    assert_false(el_utf8_validate("\xc0\xaf", 2, &bad));        /* overlong */
    assert_false(el_utf8_validate("\xed\xa0\x80", 3, &bad));    /* surrogate */
    assert_false(el_utf8_validate("abc\xe2\x80", 5, &bad));     /* truncated */
    assert_int_equal(bad, 3);
    /* past the eight-bytes-at-a-time ASCII scan: the bad byte at every
     * position of a 24-byte text, and a sequence across an 8-byte block */
    for (size_t at = 0; at < 24; at++) {
        char t[24];
        memset(t, 'x', sizeof t);
        t[at] = (char)0xff;
        assert_false(el_utf8_validate(t, sizeof t, &bad));
        assert_int_equal(bad, at);
    }
    assert_true(el_utf8_validate("1234567\xe2\x80\x9c quoted", 17, &bad));
    assert_false(el_utf8_validate("1234567\xe2\x80 quoted", 16, &bad));
    assert_int_equal(bad, 7);
}

static void test_decode_and_count(void **state)
{
    (void)state;
    const char *s = "a“b";
    size_t i = 0, n = strlen(s);
    assert_int_equal(el_utf8_next(s, n, &i), 'a');
    assert_int_equal(el_utf8_next(s, n, &i), 0x201C);
    assert_int_equal(i, 4);
    assert_int_equal(el_utf8_count(s, n), 3);
}

static void test_classes(void **state)
{
    (void)state;
    assert_true(el_cp_is_letter('a'));
    assert_true(el_cp_is_letter(0xE9));     /* é */
    assert_false(el_cp_is_letter('1'));
    assert_true(el_cp_is_upper(0xC9));      /* É */
    assert_true(el_cp_is_space(0xA0));
    assert_true(el_cp_is_dash(0x2014));
    assert_true(el_cp_is_quote(0x201D));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_and_invalid),
        cmocka_unit_test(test_decode_and_count),
        cmocka_unit_test(test_classes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_jsonw.c - the streaming JSON writer: escaping, invalid UTF-8,
 * numbers, nesting, compact and pretty layout; every output parses back
 * with Jansson. */
#include "test_util.h"
#include "export/jsonw.h"

#include <jansson.h>
#include <stdlib.h>

/* Run `fill` on a writer over a memory stream; return the text (owned). */
static char *written(void (*fill)(el_jw *), bool pretty)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    el_jw *w = malloc(sizeof *w);
    el_jw_init(w, f, pretty);
    fill(w);
    assert_int_equal(el_jw_finish(w), 0);
    free(w);
    fclose(f);
    return text;
}

static void strings(el_jw *w)
{
    el_jw_open(w, '[');
    el_jw_str(w, "plain");
    el_jw_str(w, "q\"b\\s/\n\t\x01");
    el_jw_str(w, "“quote” é");
    el_jw_strn(w, "ab\xff" "c\xed\xa0\x80" "d\xe2\x80", 10);   /* bad byte, surrogate, cut */
    el_jw_strn(w, "nul\0in", 6);
    el_jw_close(w, ']');
}

static void test_escaping(void **state)
{
    (void)state;
    char *s = written(strings, false);
    assert_string_equal(s, "[\"plain\",\"q\\\"b\\\\s/\\n\\t\\u0001\",\"“quote” é\","
                           "\"ab\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "d"
                           "\xEF\xBF\xBD\xEF\xBF\xBD\",\"nul\\u0000in\"]");
    json_error_t err;
    json_t *v = json_loads(s, JSON_ALLOW_NUL, &err);
    assert_non_null(v);
    assert_string_equal(json_string_value(json_array_get(v, 1)), "q\"b\\s/\n\t\x01");
    json_decref(v);
    free(s);
}

static void numbers(el_jw *w)
{
    el_jw_open(w, '[');
    el_jw_real(w, 0.8999999761581421);
    el_jw_real(w, 1.0);
    el_jw_real(w, 0.0);
    el_jw_real(w, -0.25);
    el_jw_real(w, 0.33333);
    el_jw_real(w, -0.00001);
    el_jw_real(w, 12345.67891);
    el_jw_real(w, 3e12);
    el_jw_int(w, 0);
    el_jw_int(w, -42);
    el_jw_int(w, INT64_MAX);
    el_jw_id(w, "em", 17);
    el_jw_close(w, ']');
}

/* Every byte that needs attention, at every place of a 20-byte string
 * (the writer scans eight bytes at a time): the same text as escaping one
 * byte at a time would give. */
static void one_string(el_jw *w)
{
    static const char *const odd[] = {"\x01", "\"", "\\", "\x1f", "\xc3\xa9", "\xff", "\x7f", " "};
    el_jw_open(w, '[');
    for (size_t k = 0; k < sizeof odd / sizeof *odd; k++)
        for (size_t at = 0; at < 20; at++) {
            char s[32];   /* at 'a', the byte(s), 19 - at 'a' */
            size_t n = strlen(odd[k]);
            memset(s, 'a', sizeof s);
            memcpy(s + at, odd[k], n);
            el_jw_strn(w, s, 19 + n);
        }
    el_jw_close(w, ']');
}

static void test_escaping_every_place(void **state)
{
    (void)state;
    static const char *const want[] = {"\\u0001", "\\\"", "\\\\", "\\u001f", "\xc3\xa9",
                                       "\xEF\xBF\xBD", "\x7f", " "};
    char *s = written(one_string, false);
    const char *p = s + 1;
    for (size_t k = 0; k < sizeof want / sizeof *want; k++)
        for (size_t at = 0; at < 20; at++) {
            char expect[64];
            size_t n = 0, tail = 20 - at - 1;
            expect[n++] = '"';
            memset(expect + n, 'a', at);
            n += at;
            memcpy(expect + n, want[k], strlen(want[k]));
            n += strlen(want[k]);
            memset(expect + n, 'a', tail);
            n += tail;
            expect[n++] = '"';
            assert_memory_equal(p, expect, n);
            p += n + 1;   /* (the comma, then the closing bracket) */
        }
    assert_string_equal(p - 1, "]");
    free(s);
}

static void test_numbers(void **state)
{
    (void)state;
    char *s = written(numbers, false);
    assert_string_equal(s, "[0.9,1.0,0.0,-0.25,0.3333,0.0,12345.6789,3000000000000.0,"
                           "0,-42,9223372036854775807,\"em17\"]");
    json_t *v = json_loads(s, 0, NULL);
    assert_non_null(v);
    assert_true(json_is_real(json_array_get(v, 1)));   /* reals stay reals */
    json_decref(v);
    free(s);
}

static void nested(el_jw *w)
{
    el_jw_open(w, '{');
    el_jw_kstr(w, "schema", "x/1");
    el_jw_key(w, "list");
    el_jw_open(w, '[');
    el_jw_open(w, '{');
    el_jw_kint(w, "n", 1);
    el_jw_kstr_or_null(w, "mod", "");
    el_jw_kbool(w, "ok", true);
    el_jw_close(w, '}');
    el_jw_close(w, ']');
    el_jw_key(w, "empty");
    el_jw_open(w, '[');
    el_jw_close(w, ']');
    el_jw_close(w, '}');
}

static void test_compact_and_pretty(void **state)
{
    (void)state;
    char *c = written(nested, false), *p = written(nested, true);
    assert_string_equal(c, "{\"schema\":\"x/1\",\"list\":[{\"n\":1,\"mod\":null,\"ok\":true}],"
                           "\"empty\":[]}");
    assert_string_equal(p, "{\n \"schema\": \"x/1\",\n \"list\": [\n  {\n   \"n\": 1,\n"
                           "   \"mod\": null,\n   \"ok\": true\n  }\n ],\n \"empty\": []\n}");
    json_t *a = json_loads(c, 0, NULL), *b = json_loads(p, 0, NULL);
    assert_true(a && b && json_equal(a, b));
    json_decref(a);
    json_decref(b);
    free(c);
    free(p);
}

/* A value larger than the buffer, and many small ones across flushes. */
static void large(el_jw *w)
{
    size_t n = 3 * EL_JW_BUF;
    char *big = malloc(n);
    memset(big, 'x', n);
    el_jw_open(w, '[');
    el_jw_strn(w, big, n);
    for (int i = 0; i < 50000; i++)
        el_jw_int(w, i);
    el_jw_close(w, ']');
    free(big);
}

static void test_large(void **state)
{
    (void)state;
    char *s = written(large, false);
    json_t *v = json_loads(s, 0, NULL);
    assert_non_null(v);
    assert_int_equal(json_string_length(json_array_get(v, 0)), 3 * EL_JW_BUF);
    assert_int_equal(json_array_size(v), 50001);
    assert_int_equal(json_integer_value(json_array_get(v, 50000)), 49999);
    json_decref(v);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_escaping_every_place),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_compact_and_pretty),
        cmocka_unit_test(test_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

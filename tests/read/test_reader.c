/* test_reader.c - plain-text reader, ids, format detection, text DCT,
 * manifest. */
#include "test_util.h"
#include "read/reader.h"
#include "codec/codec.h"

#include <stdio.h>
#include <stdlib.h>

static void test_text_reader_rejects_bad_input(void **state)
{
    (void)state;
    char *err = NULL;
    assert_null(el_read_text("x", "x.txt", "", 0, &err));
    assert_non_null(strstr(err, "empty"));
    free(err);
    assert_null(el_read_text("x", "x.txt", "ab\0cd", 5, &err));
    assert_non_null(strstr(err, "binary"));
    free(err);
    assert_null(el_read_text("x", "x.txt", "caf\xe9 au lait", 12, &err));
    assert_non_null(strstr(err, "invalid UTF-8 at byte 3"));
    free(err);
    assert_null(el_read_text("x", "x.txt", " \n\t ", 4, &err));
    free(err);
}

static void test_text_reader_finds_date_line(void **state)
{
    (void)state;
    char *err = NULL;
    const char *text = " date 2023-06-20 (CTN NEWS) – As both sides agreed";
    el_doc *d = el_read_text("a", "a.txt", text, strlen(text), &err);
    assert_non_null(d);
    assert_int_equal(d->dct.year, 2023);
    assert_int_equal(d->dct.day, 20);
    assert_int_equal(d->dct_source, EL_DCT_TEXT);
    assert_int_equal(d->len, strlen(text));
    el_doc_free(d);
    const char *plain = "Nothing dated here, 2023-06-20 is not a date line.";
    d = el_read_text("b", "b.txt", plain, strlen(plain), &err);
    assert_int_equal(d->dct.year, 0);
    el_doc_free(d);
}

static void test_ids_and_formats(void **state)
{
    (void)state;
    char *id = el_doc_id_from_path("in/TimeBank/ABC19980108.1830.0711.tml.TE3input");
    assert_string_equal(id, "ABC19980108.1830.0711");
    free(id);
    id = el_doc_id_from_path("examples/000_8e976ec7213731ee.txt");
    assert_string_equal(id, "000_8e976ec7213731ee");
    free(id);
    assert_int_equal(el_input_format_guess("a.tml", "", 0), EL_IN_TIMEML);
    assert_int_equal(el_input_format_guess("a.html", "", 0), EL_IN_HTML);
    assert_int_equal(el_input_format_guess("a.jsonl", "", 0), EL_IN_JSONL);
    const char *html = "  <!DOCTYPE html><html>";
    assert_int_equal(el_input_format_guess("noext", html, strlen(html)), EL_IN_HTML);
    const char *tml = "<?xml version=\"1.0\" ?>\n<TimeML>";
    assert_int_equal(el_input_format_guess(NULL, tml, strlen(tml)), EL_IN_TIMEML);
    assert_int_equal(el_input_format_guess(NULL, "Hello", 5), EL_IN_TEXT);
    el_input_format f;
    assert_true(el_input_format_parse("html", &f));
    assert_false(el_input_format_parse("docx", &f));
}

static void test_manifest(void **state)
{
    (void)state;
    char path[] = "/tmp/el-manifest-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs("# file\tdct\n000_a.txt\t2023-06-19\tCNN\nb.tml\t1998-01-08\n", fp);
    fclose(fp);
    char *err = NULL;
    el_manifest *m = el_manifest_load(path, &err);
    assert_non_null(m);
    el_date d = {0, 0, 0};
    assert_true(el_manifest_dct(m, "some/dir/000_a.txt", &d));
    assert_int_equal(d.day, 19);
    assert_true(el_manifest_dct(m, "b", &d));
    assert_int_equal(d.year, 1998);
    assert_false(el_manifest_dct(m, "c.txt", &d));
    el_manifest_free(m);
    fp = fopen(path, "w");
    fputs("a.txt\tsoon\n", fp);
    fclose(fp);
    assert_null(el_manifest_load(path, &err));
    assert_non_null(strstr(err, "line 1"));
    free(err);
    remove(path);
}

/* References in a merge result: strict decimal, range-checked. */
static void test_result_refs(void **state)
{
    (void)state;
    int idx = 7;
    assert_true(el_result_ref("t3", "t", 3, &idx));
    assert_int_equal(idx, 2);
    assert_true(el_result_ref("em12", "em", 12, &idx));
    assert_int_equal(idx, 11);
    const char *bad[] = {"t4", "t0", "t", "t03", "t-1", "t1x", "m1", "t2147483648",
                         "t99999999999999999999999", "em1", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(el_result_ref(bad[i], "t", 3, &idx));
    assert_false(el_result_ref(NULL, "t", 3, &idx));
    assert_false(el_result_ref("t2147483648", "t", (size_t)1 << 40, &idx));
}

/* A .txt file's first line is its title when it looks like a headline. */
static void test_headline_title(void **state)
{
    (void)state;
    static const struct { const char *text, *title; } cases[] = {
        {"Talks resume in Geneva after two-year pause\n\nOfficials met on Monday.", "Talks resume in Geneva after two-year pause"},
        {"Why did the talks stall?\nOfficials met on Monday.", "Why did the talks stall?"},
        {"\"We will return,\" envoy says  \r\nBody.", "\"We will return,\" envoy says"},
        {"Officials met on Monday.\nThey talked.", NULL},            /* a sentence */
        {"officials met on Monday\nThey talked.", NULL},             /* lower case */
        {"A headline alone\n", NULL},                                 /* nothing follows */
        {"One line only", NULL},
        {"By Jane Doe,\nBody.", NULL},                                /* ends like a clause */
        {"a b c d e f g h i j k l m n o p q r s t u v w x y z\nBody.", NULL},
        {"A B C D E F G H I J K L M N O P Q R S T U V W X Y Z\nBody.", NULL}, /* 26 words */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *t = el_text_headline(cases[i].text, strlen(cases[i].text));
        if (cases[i].title)
            assert_string_equal(t, cases[i].title);
        else
            assert_null(t);
        free(t);
    }
    char *err = NULL;
    const char *text = "Talks resume\n\nOfficials met on Monday.\n";
    el_doc *d = el_read_text("a", "a.txt", text, strlen(text), &err);
    assert_non_null(d);
    assert_string_equal(d->title, "Talks resume");
    el_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_reader_rejects_bad_input),
        cmocka_unit_test(test_text_reader_finds_date_line),
        cmocka_unit_test(test_headline_title),
        cmocka_unit_test(test_ids_and_formats),
        cmocka_unit_test(test_manifest),
        cmocka_unit_test(test_result_refs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

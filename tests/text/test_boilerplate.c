/* test_boilerplate.c - publisher boilerplate lines: the shipped list
 * (gazetteers/boilerplate.tsv) and the two kinds of rows. */
#include "test_util.h"
#include "text/boilerplate.h"

#include <stdio.h>
#include <unistd.h>

static bool is_bp(const el_boilerplate *b, const char *line)
{
    return el_boilerplate_line(b, line, strlen(line));
}

static void test_shipped_list(void **state)
{
    (void)state;
    char *err = NULL;
    el_boilerplate *b = el_boilerplate_load(TEST_GAZ_DIR "/boilerplate.tsv", &err);
    assert_non_null(b);
    assert_true(is_bp(b, "This post was originally published on this site"));
    assert_true(is_bp(b, "  THIS  POST was originally published on example.com"));
    assert_true(is_bp(b, "Skip to content"));
    assert_true(is_bp(b, "Advertisement."));
    /* headlines that merely start with a listed word are kept */
    assert_false(is_bp(b, "Advertisement spending falls for a third quarter"));
    assert_false(is_bp(b, "Skip to content creators: platform changes its fees"));
    assert_false(is_bp(b, "Storm makes landfall on the Gulf coast"));
    assert_false(is_bp(b, ""));
    el_boilerplate_free(b);
}

static void test_row_kinds_and_comments(void **state)
{
    (void)state;
    char path[] = "/tmp/el-bp-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# comment\n\nfirst seen on\tprefix\nmenu\tline\n", f);
    fclose(f);
    char *err = NULL;
    el_boilerplate *b = el_boilerplate_load(path, &err);
    unlink(path);
    assert_non_null(b);
    assert_true(is_bp(b, "First seen on a partner site"));
    assert_true(is_bp(b, "Menu"));
    assert_false(is_bp(b, "Menu prices rise"));
    assert_false(is_bp(b, "# comment"));
    el_boilerplate_free(b);
    assert_false(el_boilerplate_line(NULL, "Menu", 4));
}

static void test_missing_file_names_it(void **state)
{
    (void)state;
    char *err = NULL;
    assert_null(el_boilerplate_load("/nonexistent/boilerplate.tsv", &err));
    assert_non_null(err);
    assert_non_null(strstr(err, "/nonexistent/boilerplate.tsv"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_list),
        cmocka_unit_test(test_row_kinds_and_comments),
        cmocka_unit_test(test_missing_file_names_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_lexicon.c - the phrase trie: longest match, case policy, sentence
 * boundaries, many entries. */
#include "test_util.h"
#include "lexicon.h"

#include <stdio.h>

static void test_longest_match(void **state)
{
    (void)state;
    el_lexicon *lx = el_lexicon_new();
    assert_true(el_lexicon_add(lx, "Secretary", 1, 0));
    assert_true(el_lexicon_add(lx, "Secretary of State", 2, 0));
    assert_true(el_lexicon_add(lx, "State Department", 3, 0));
    el_doc *d = test_doc("the secretary of state and the State Department");
    uint32_t p = 0;
    assert_int_equal(el_lexicon_match(lx, d, 0, &p), 0);
    assert_int_equal(el_lexicon_match(lx, d, 1, &p), 3);
    assert_int_equal(p, 2);
    assert_int_equal(el_lexicon_match(lx, d, 6, &p), 2);
    assert_int_equal(p, 3);
    el_doc_free(d);
    el_lexicon_free(lx);
}

static void test_case_policy(void **state)
{
    (void)state;
    el_lexicon *lx = el_lexicon_new();
    el_lexicon_add(lx, "US", 7, EL_LEX_CASE_EXACT);
    el_lexicon_add(lx, "China", 8, EL_LEX_CAP_ONLY);
    el_doc *d = test_doc("let us see US china China");
    uint32_t p;
    assert_int_equal(el_lexicon_match(lx, d, 1, &p), 0);   /* us */
    assert_int_equal(el_lexicon_match(lx, d, 3, &p), 1);   /* US */
    assert_int_equal(p, 7);
    assert_int_equal(el_lexicon_match(lx, d, 4, &p), 0);   /* china */
    assert_int_equal(el_lexicon_match(lx, d, 5, &p), 1);   /* China */
    el_doc_free(d);
    el_lexicon_free(lx);
}

static void test_no_match_across_sentences(void **state)
{
    (void)state;
    el_lexicon *lx = el_lexicon_new();
    el_lexicon_add(lx, "New York", 1, 0);
    el_doc *d = test_doc("He was new.\nYork was there.");
    uint32_t p;
    assert_int_equal(el_lexicon_match(lx, d, 2, &p), 0);
    el_doc_free(d);
    el_lexicon_free(lx);
}

static void test_all_payloads_and_lookup(void **state)
{
    (void)state;
    el_lexicon *lx = el_lexicon_new();
    el_lexicon_add(lx, "Washington", 1, 0);
    el_lexicon_add(lx, "Washington", 2, 0);
    el_doc *d = test_doc("Washington");
    uint32_t ps[4];
    size_t np;
    assert_int_equal(el_lexicon_match_all(lx, d, 0, ps, 4, &np), 1);
    assert_int_equal(np, 2);
    assert_int_equal(ps[0], 1);
    assert_int_equal(ps[1], 2);
    uint32_t p;
    assert_true(el_lexicon_lookup(lx, "washington", &p));
    assert_false(el_lexicon_lookup(lx, "Washington state", &p));
    assert_false(el_lexicon_add(lx, "   ", 3, 0));
    el_doc_free(d);
    el_lexicon_free(lx);
}

static void test_many_entries(void **state)
{
    (void)state;
    el_lexicon *lx = el_lexicon_new();
    char name[64];
    for (uint32_t i = 0; i < 50000; i++) {
        snprintf(name, sizeof name, "Person%u Name%u", i, i % 97);
        assert_true(el_lexicon_add(lx, name, i, 0));
    }
    assert_int_equal(el_lexicon_size(lx), 50000);
    uint32_t p;
    assert_true(el_lexicon_lookup(lx, "person4242 name71", &p));
    assert_int_equal(p, 4242);
    assert_false(el_lexicon_lookup(lx, "person4242 name72", &p));
    el_lexicon_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_longest_match),
        cmocka_unit_test(test_case_policy),
        cmocka_unit_test(test_no_match_across_sentences),
        cmocka_unit_test(test_all_payloads_and_lookup),
        cmocka_unit_test(test_many_entries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

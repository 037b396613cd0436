/* test_lexicon.c - the phrase trie: longest match, case policy, sentence
 * boundaries, many entries, shared prefixes added in any order, the plain
 * phrase splitter against the document tokenizer, big tables. */
#include "test_util.h"
#include "text/lexicon.h"
#include "text/lexicon_internal.h"

#include <stdio.h>
#include <stdlib.h>

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
    uint32_t p = 0;
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

/* The fast splitter gives exactly el_tokenize's tokens on plain phrases. */
static void check_split(const char *phrase)
{
    el_doc *d = test_doc(phrase);
    el_token toks[64];
    size_t n = el_lex_split_plain(phrase, strlen(phrase), toks, 64);
    assert_int_equal(n, d->ntokens);
    for (size_t i = 0; i < n; i++) {
        const el_token *a = &toks[i], *b = &d->tokens[i];
        assert_int_equal(a->start, b->start);
        assert_int_equal(a->end, b->end);
        assert_int_equal(a->sentence, b->sentence);
        assert_int_equal(a->lhash, b->lhash);
        assert_int_equal(a->flags, b->flags);
    }
    el_doc_free(d);
}

static void test_split_plain_like_tokenizer(void **state)
{
    (void)state;
    const char *fixed[] = {"Secretary of State", "US", "us", "G20", "3M", "2023", "a",
                           "  New   York  ", "X", "AB c", "eBay", "McDonald", "ABC123",
                           "123abc", "9", "Q7747 Beta", "I", ""};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        check_split(fixed[i]);
    const char alphabet[] = "aZ9 bY0 cX";
    char buf[24];
    srand(7);
    for (int k = 0; k < 2000; k++) {
        size_t len = (size_t)(rand() % 20);
        for (size_t i = 0; i < len; i++)
            buf[i] = alphabet[rand() % (sizeof alphabet - 1)];
        buf[len] = '\0';
        check_split(buf);
    }
    const char *not_plain[] = {"U.S.", "O'Brien", "al-Assad", "AT&T", "S\xc3\xa3o Paulo",
                               "p.m.", "1,000", "a\tb", "Mr."};
    el_token toks[8];
    for (size_t i = 0; i < sizeof not_plain / sizeof *not_plain; i++)
        assert_true(el_lex_split_plain(not_plain[i], strlen(not_plain[i]), toks, 8) == (size_t)-1);
    assert_true(el_lex_split_plain("a b c", 5, toks, 2) == (size_t)-1);   /* too many */
}

/* Phrases that share prefixes, added in an order that makes the trie
 * branch after chains ("A B C" then "A B D", "A X", "A"). */
static void test_shared_prefixes_any_order(void **state)
{
    (void)state;
    const char *phrases[] = {"alpha beta gamma", "alpha beta delta", "alpha xi", "alpha",
                             "alpha beta", "beta gamma", "alpha beta gamma epsilon",
                             "xi alpha beta", "gamma", "alpha beta delta xi"};
    size_t n = sizeof phrases / sizeof *phrases;
    el_lexicon *lx = el_lexicon_new();
    for (size_t i = 0; i < n; i++)
        assert_true(el_lexicon_add(lx, phrases[i], (uint32_t)i, 0));
    uint32_t p;
    for (size_t i = 0; i < n; i++) {
        assert_true(el_lexicon_lookup(lx, phrases[i], &p));
        assert_int_equal(p, i);
    }
    const char *absent[] = {"beta", "alpha gamma", "alpha beta xi", "xi", "xi alpha",
                            "alpha beta gamma delta", "delta"};
    for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
        assert_false(el_lexicon_lookup(lx, absent[i], &p));
    el_doc *d = test_doc("the alpha beta delta xi and alpha beta gamma epsilon zeta");
    assert_int_equal(el_lexicon_match(lx, d, 1, &p), 4);
    assert_int_equal(p, 9);
    assert_int_equal(el_lexicon_match(lx, d, 6, &p), 4);
    assert_int_equal(p, 6);
    el_doc_free(d);
    el_lexicon_free(lx);
}

/* Random phrases over a small vocabulary (heavy sharing and branching),
 * checked against the list itself. */
static void test_random_phrases(void **state)
{
    (void)state;
    static const char *vocab[] = {"john", "smith", "of", "the", "bank", "new", "york", "co", "a1"};
    enum { N = 3000 };
    static char phrases[N][64];
    el_lexicon *lx = el_lexicon_new();
    srand(11);
    for (uint32_t i = 0; i < N; i++) {
        int len = 1 + rand() % 5;
        phrases[i][0] = '\0';
        for (int k = 0; k < len; k++) {
            strcat(phrases[i], k ? " " : "");
            strcat(phrases[i], vocab[rand() % 9]);
        }
        assert_true(el_lexicon_add(lx, phrases[i], i, 0));
    }
    for (uint32_t i = 0; i < N; i++) {
        uint32_t p, first = i;
        for (uint32_t j = 0; j < i; j++)
            if (strcmp(phrases[j], phrases[i]) == 0) {
                first = j;
                break;
            }
        assert_true(el_lexicon_lookup(lx, phrases[i], &p));
        assert_int_equal(p, first);   /* the first payload of a repeated phrase */
    }
    el_lexicon_free(lx);
}

static void test_exact_case_multiword(void **state)
{
    (void)state;
    el_lexicon *lx = el_lexicon_new();
    el_lexicon_add(lx, "New York", 1, EL_LEX_CASE_EXACT);
    el_lexicon_add(lx, "U.S.", 2, EL_LEX_CASE_EXACT);
    el_lexicon_add(lx, "new", 3, 0);
    el_doc *d = test_doc("new york New York NEW YORK New Yorker U.S. u.s.");
    uint32_t p = 0;
    assert_int_equal(el_lexicon_match(lx, d, 0, &p), 1);   /* only "new" */
    assert_int_equal(p, 3);
    assert_int_equal(el_lexicon_match(lx, d, 2, &p), 2);
    assert_int_equal(p, 1);
    assert_int_equal(el_lexicon_match(lx, d, 4, &p), 1);   /* NEW YORK: only "new" */
    assert_int_equal(el_lexicon_match(lx, d, 6, &p), 1);   /* New Yorker */
    assert_int_equal(el_lexicon_match(lx, d, 8, &p), 1);
    assert_int_equal(p, 2);
    assert_int_equal(el_lexicon_match(lx, d, 9, &p), 0);
    el_doc_free(d);
    el_lexicon_free(lx);
}

/* Enough distinct words that the tables grow past the huge-page size. */
static void test_big_tables(void **state)
{
    (void)state;
    el_lexicon *lx = el_lexicon_new();
    char name[64];
    enum { N = 300000 };
    for (uint32_t i = 0; i < N; i++) {
        snprintf(name, sizeof name, "W%u V%u", i, i % 1000);
        assert_true(el_lexicon_add(lx, name, i, 0));
        snprintf(name, sizeof name, "W%u Z%u", i, i);   /* a branch: edge table */
        assert_true(el_lexicon_add(lx, name, N + i, 0));
    }
    uint32_t p;
    for (uint32_t i = 0; i < N; i += 997) {
        snprintf(name, sizeof name, "w%u v%u", i, i % 1000);
        assert_true(el_lexicon_lookup(lx, name, &p));
        assert_int_equal(p, i);
        snprintf(name, sizeof name, "w%u z%u", i, i);
        assert_true(el_lexicon_lookup(lx, name, &p));
        assert_int_equal(p, N + i);
        snprintf(name, sizeof name, "w%u z%u", i, i + 1);
        assert_false(el_lexicon_lookup(lx, name, &p));
    }
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
        cmocka_unit_test(test_split_plain_like_tokenizer),
        cmocka_unit_test(test_shared_prefixes_any_order),
        cmocka_unit_test(test_random_phrases),
        cmocka_unit_test(test_exact_case_multiword),
        cmocka_unit_test(test_big_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

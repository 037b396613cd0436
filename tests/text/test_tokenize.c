/* test_tokenize.c - tokens and sentences of English news text. */
#include "test_util.h"
#include "base/utf8.h"

static void expect_tokens(const char *text, const char *const *want, size_t n)
{
    el_doc *d = test_doc(text);
    assert_int_equal(d->ntokens, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(tok_str(d, i), want[i]);
    el_doc_free(d);
}

static void test_abbreviations_keep_periods(void **state)
{
    (void)state;
    const char *const want[] = {"U.S.", "officials", "met", "Mr.", "Li", "at", "4:34",
                                "p.m.", "at", "Acme", "Corp.", "headquarters", "."};
    expect_tokens("U.S. officials met Mr. Li at 4:34 p.m. at Acme Corp. headquarters.",
                  want, 13);
}

static void test_numbers_and_dates(void **state)
{
    (void)state;
    const char *const want[] = {"On", "2023-06-20", ",", "1,000", "people", "paid",
                                "$", "3.5", "on", "6/19/2023", "."};
    expect_tokens("On 2023-06-20, 1,000 people paid $3.5 on 6/19/2023.", want, 11);
}

static void test_hyphens_quotes_possessives(void **state)
{
    (void)state;
    const char *const want[] = {"Blinken", "’s", "“", "US", "-", "China", "”", "talks",
                                "—", "35", "-", "minute", "meeting", "isn't", "over"};
    expect_tokens("Blinken’s “US-China” talks — 35-minute meeting isn't over", want, 15);
    /* a lexicon phrase may be the possessive alone; a quote inside text is not one */
    const char *const alone[] = {"'s"};
    expect_tokens("'s", alone, 1);
    const char *const quoted[] = {"the", "'", "sixties", "'"};
    expect_tokens("the 'sixties'", quoted, 4);
    el_doc *d = test_doc("US-China");
    assert_true(d->tokens[1].flags & EL_TOK_GLUED);
    assert_true(d->tokens[2].flags & EL_TOK_GLUED);
    assert_true(d->tokens[0].flags & EL_TOK_ALLCAPS);
    el_doc_free(d);
}

/* EL_TOK_DIGIT: the token holds an ASCII digit, whichever scanner path
 * made it (a plain ASCII word, a number with separators, a word with a
 * non-ASCII letter). */
static void test_digit_flag(void **state)
{
    (void)state;
    static const struct { const char *text; bool digit; } rows[] = {
        {"A380", true}, {"2023", true}, {"1,000", true}, {"3.5", true}, {"B-52", true},
        {"Zoë7", true}, {"news", false}, {"Zoë", false}, {"U.S.", false}, {"-", false},
    };
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        el_doc *d = test_doc(rows[r].text);
        bool any = false;
        for (size_t i = 0; i < d->ntokens; i++) {
            size_t n;
            const char *t = el_tok_text(d, i, &n);
            bool has = false;
            for (size_t k = 0; k < n; k++)
                has |= t[k] >= '0' && t[k] <= '9';
            assert_int_equal(has, (d->tokens[i].flags & EL_TOK_DIGIT) != 0);
            any |= has;
        }
        assert_int_equal(any, rows[r].digit);
        el_doc_free(d);
    }
}

static void test_number_abbreviation_only_before_digits(void **state)
{
    (void)state;
    const char *const want1[] = {"the", "No.", "2", "diplomat"};
    expect_tokens("the No. 2 diplomat", want1, 4);
    const char *const want2[] = {"He", "said", "no", "."};
    expect_tokens("He said no.", want2, 4);
}

static void test_code_point_offsets(void **state)
{
    (void)state;
    el_doc *d = test_doc("“Hi” Blinken");
    assert_int_equal(d->ntokens, 4);
    assert_int_equal(el_doc_cp_offset(d, d->tokens[3].start), 5);
    assert_int_equal(el_doc_cp_offset(d, d->tokens[3].end), 12);
    assert_int_equal(d->tokens[3].start, 9);   /* bytes: “ and ” are 3 bytes each */
    assert_int_equal(el_doc_cp_offset(d, 9), 5);
    el_doc_free(d);
    /* later sentences count from their own start: every token agrees with a
     * count from the beginning */
    d = test_doc("“Hi.” Über Blinken said. Ça va, señor?\n\nNext – line é. End");
    assert_true(d->nsentences >= 4);
    for (size_t i = 0; i < d->ntokens; i++) {
        assert_int_equal(el_doc_cp_offset(d, d->tokens[i].start),
                         el_utf8_count(d->text, d->tokens[i].start));
        assert_int_equal(el_doc_cp_offset(d, d->tokens[i].end),
                         el_utf8_count(d->text, d->tokens[i].end));
    }
    el_doc_free(d);
}

static void test_sentences(void **state)
{
    (void)state;
    el_doc *d = test_doc("Blinken met Xi in Beijing. It lasted 35 minutes, U.S. officials said. "
                         "“It was clear,” he said. Mr. Wang agreed!\nHeadline here\n"
                         "next line continues");
    assert_int_equal(d->nsentences, 5);
    assert_string_equal(tok_str(d, d->sentences[1].tok_begin), "It");
    assert_string_equal(tok_str(d, d->sentences[2].tok_begin), "“");
    assert_string_equal(tok_str(d, d->sentences[3].tok_begin), "Mr.");
    assert_string_equal(tok_str(d, d->sentences[4].tok_begin), "Headline");
    assert_true(d->tokens[d->sentences[1].tok_begin].flags & EL_TOK_SENT_START);
    el_doc_free(d);
}

/* An abbreviation that may end a sentence ends it before a capitalized
 * starter word; before a name, or after a title, it does not. */
static void test_abbreviation_before_starter_ends_sentence(void **state)
{
    (void)state;
    el_doc *d = test_doc("She flew to the U.S. And then she met Acme Inc. The talks ended at 5 p.m. In "
                         "May the U.S. Senate and Dr. The Smith met.");
    assert_int_equal(d->nsentences, 4);
    assert_string_equal(tok_str(d, d->sentences[1].tok_begin), "And");
    assert_string_equal(tok_str(d, d->sentences[2].tok_begin), "The");
    assert_string_equal(tok_str(d, d->sentences[3].tok_begin), "In");
    el_doc_free(d);
}

static void test_quote_after_period_stays_in_sentence(void **state)
{
    (void)state;
    el_doc *d = test_doc("He said “it is over.” Then he left.");
    assert_int_equal(d->nsentences, 2);
    assert_string_equal(tok_str(d, d->sentences[0].tok_end - 1), "”");
    el_doc_free(d);
}

static void test_run_on_text_is_cut(void **state)
{
    (void)state;
    char text[20000] = "";
    for (int i = 0; i < 1000; i++)
        strcat(text, "word, ");
    el_doc *d = test_doc(text);
    assert_true(d->nsentences > 1);
    for (size_t s = 0; s < d->nsentences; s++)
        assert_true(d->sentences[s].tok_end - d->sentences[s].tok_begin <= EL_SENTENCE_HARD_MAX);
    assert_string_equal(tok_str(d, d->sentences[0].tok_end - 1), ",");
    el_doc_free(d);
}

static void test_empty_and_space_only(void **state)
{
    (void)state;
    el_doc *d = test_doc("   \n\n  ");
    assert_int_equal(d->ntokens, 0);
    assert_int_equal(d->nsentences, 0);
    el_doc_free(d);
}

/* After the last token and sentence come the end marks (doc.h): an empty
 * token at the end of the text in an empty sentence, so looking one token
 * ahead never leaves the layers. */
static void test_end_marks(void **state)
{
    (void)state;
    const char *texts[] = {"Prices rose after", "", "   ", "One. Two until"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        el_doc *d = el_doc_new("t", NULL, el_strdup(texts[k]), strlen(texts[k]));
        el_tokenize(d, NULL);
        assert_true(d->cap_tokens > d->ntokens);
        assert_true(d->cap_sentences > d->nsentences);
        const el_token *t = &d->tokens[d->ntokens];
        assert_int_equal(t->start, d->len);
        assert_int_equal(t->end, d->len);
        assert_int_equal(t->sentence, d->nsentences);
        assert_false(t->flags & (EL_TOK_WORD | EL_TOK_NUMBER | EL_TOK_PUNCT));
        const el_sentence *s = &d->sentences[d->nsentences];
        assert_int_equal(s->tok_begin, d->ntokens);
        assert_int_equal(s->tok_end, d->ntokens);
        size_t n;
        el_tok_text(d, d->ntokens, &n);
        assert_int_equal(n, 0);
        el_doc_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_abbreviations_keep_periods),
        cmocka_unit_test(test_numbers_and_dates),
        cmocka_unit_test(test_hyphens_quotes_possessives),
        cmocka_unit_test(test_digit_flag),
        cmocka_unit_test(test_number_abbreviation_only_before_digits),
        cmocka_unit_test(test_code_point_offsets),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_abbreviation_before_starter_ends_sentence),
        cmocka_unit_test(test_quote_after_period_stays_in_sentence),
        cmocka_unit_test(test_run_on_text_is_cut),
        cmocka_unit_test(test_empty_and_space_only),
        cmocka_unit_test(test_end_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

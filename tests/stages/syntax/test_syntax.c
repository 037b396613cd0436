/* test_syntax.c - the syntax stage with the shipped model: contraction
 * split, tags, lemmas, trees on small sentences, model loading errors,
 * the document layer and its CoNLL-U output, the feature template masks. */
#include "test_util.h"
#include "stages/syntax/syntax.h"
#include "stages/syntax/syntax_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef TEST_GAZ_DIR
#define TEST_GAZ_DIR "gazetteers"
#endif
#define MODEL TEST_GAZ_DIR "/syntax/en_ewt.model"

static el_syntax *model;

static int setup(void **state)
{
    (void)state;
    char *err = NULL;
    model = el_syntax_load(MODEL, &err);
    if (!model) {
        fprintf(stderr, "%s\n", err);
        free(err);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    el_syntax_free(model);
    return 0;
}

/* Analyse space-separated words; returns the count. */
static size_t analyse(const char *text, el_syn_word *w, char *buf, size_t cap)
{
    el_copy_str(buf, cap, text);
    size_t n = 0;
    for (char *p = strtok(buf, " "); p; p = strtok(NULL, " ")) {
        w[n].form = p;
        w[n++].len = (uint32_t)strlen(p);
    }
    el_syn_work *wk = el_syn_work_new();
    el_syntax_sentence(model, wk, w, n, EL_SYN_PARSE);
    el_syn_work_free(wk);
    return n;
}

static void test_split(void **state)
{
    (void)state;
    static const struct { const char *tok; size_t n; uint32_t a, b; } cases[] = {
        {"don't", 2, 2, 3}, {"Can't", 2, 2, 3}, {"won't", 2, 2, 3}, {"cannot", 2, 3, 3},
        {"I'm", 2, 1, 2}, {"they're", 2, 4, 3}, {"we've", 2, 2, 3}, {"she'll", 2, 3, 3},
        {"it's", 2, 2, 2}, {"don\xe2\x80\x99t", 2, 2, 5}, {"gonna", 2, 3, 2},
        {"U.S.", 1, 4, 0}, {"O'Brien", 1, 7, 0}, {"'s", 1, 2, 0}, {"n't", 1, 3, 0},
        {"rock'n'roll", 1, 11, 0}, {"", 1, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        uint32_t lens[3];
        size_t n = el_syntax_split(cases[i].tok, strlen(cases[i].tok), lens);
        assert_int_equal(n, cases[i].n);
        assert_int_equal(lens[0], cases[i].a);
        if (n > 1)
            assert_int_equal(lens[1], cases[i].b);
    }
}

static void test_tags_and_lemmas(void **state)
{
    (void)state;
    el_syn_word w[16];
    char buf[256];
    size_t n = analyse("The children were running to the station .", w, buf, sizeof buf);
    static const char *const upos[] = {"DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"};
    static const char *const xpos[] = {"DT", "NNS", "VBD", "VBG", "IN", "DT", "NN", "."};
    static const char *const lemma[] = {"the", "child", "be", "run", "to", "the", "station", "."};
    assert_int_equal(n, 8);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(el_syntax_upos_name(model, w[i].upos), upos[i]);
        assert_string_equal(el_syntax_xpos_name(model, w[i].xpos), xpos[i]);
        assert_string_equal(w[i].lemma, lemma[i]);
    }
}

static void test_tree(void **state)
{
    (void)state;
    el_syn_word w[16];
    char buf[256];
    size_t n = analyse("The judge rejected the request of the company .", w, buf, sizeof buf);
    assert_int_equal(n, 9);
    /* rejected is the root; judge its subject, request its object */
    assert_int_equal(w[2].head, 0);
    assert_string_equal(el_syntax_deprel_name(model, w[2].deprel), "root");
    assert_int_equal(w[1].head, 3);
    assert_string_equal(el_syntax_deprel_name(model, w[1].deprel), "nsubj");
    assert_int_equal(w[4].head, 3);
    assert_string_equal(el_syntax_deprel_name(model, w[4].deprel), "obj");
    assert_int_equal(w[7].head, 5);
    assert_string_equal(el_syntax_deprel_name(model, w[7].deprel), "nmod");
    assert_int_equal(w[8].head, 3);
    assert_string_equal(el_syntax_deprel_name(model, w[8].deprel), "punct");
}

/* Every sentence is one tree: one root, heads in range, no cycle. */
static void assert_tree(const el_syn_word *w, size_t n)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(w[i].head <= n);
        roots += w[i].head == 0;
        size_t steps = 0;
        for (uint32_t h = w[i].head; h; h = w[h - 1].head)
            assert_true(++steps <= n);
    }
    assert_int_equal(roots, 1);
}

static void test_long_and_odd_sentences(void **state)
{
    (void)state;
    size_t n = EL_SYN_MAX_WORDS * 2 + 7;
    el_syn_word *w = calloc(n, sizeof *w);
    static const char *const words[] = {"and", "the", "of", "\xff\xfe", ",", "123", "x"};
    for (size_t i = 0; i < n; i++) {
        w[i].form = words[i % 7];
        w[i].len = (uint32_t)strlen(words[i % 7]);
    }
    el_syn_work *wk = el_syn_work_new();
    el_syntax_sentence(model, wk, w, n, EL_SYN_PARSE);
    for (size_t i = 0; i < n; i++)
        assert_true(w[i].head <= n && w[i].head != i + 1);
    assert_tree(w, n);   /* parsed in three pieces, still one tree */
    el_syntax_sentence(model, wk, w, 1, EL_SYN_PARSE);
    assert_int_equal(w[0].head, 0);
    el_syntax_sentence(model, wk, w, 0, EL_SYN_PARSE);   /* nothing to do */
    el_syn_work_free(wk);
    free(w);
    el_syn_word s[16];
    char buf[256];
    size_t k = analyse("Yesterday , after the vote , they said they would leave .", s, buf, sizeof buf);
    assert_tree(s, k);
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    fclose(fp);
}

static void expect_load_error(const char *path, const char *what)
{
    char *err = NULL;
    el_syntax *m = el_syntax_load(path, &err);
    assert_null(m);
    assert_non_null(err);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, what));
    free(err);
}

static void test_load_errors(void **state)
{
    (void)state;
    expect_load_error("/nonexistent/en_ewt.model", "cannot open");
    char path[] = "/tmp/test_syntax_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_file(path, "", 0);
    expect_load_error(path, "bad or truncated");
    write_file(path, "ELSYNTX0 not a model", 20);
    expect_load_error(path, "bad or truncated");
    /* the real model cut short at several places */
    FILE *fp = fopen(MODEL, "rb");
    assert_non_null(fp);
    static char head[1 << 16];
    size_t got = fread(head, 1, sizeof head, fp);
    fclose(fp);
    static const size_t cuts[] = {8, 30, 200, 5000, 65535};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        write_file(path, head, cuts[i] < got ? cuts[i] : got);
        expect_load_error(path, "bad or truncated");
    }
    remove(path);
}

/* Keys of mask m are the keys of the full set at m's bits, in order. */
static void expect_subset(const uint32_t *all, size_t nall, uint64_t m, const uint32_t *sub,
                          size_t nsub)
{
    size_t k = 0;
    for (size_t i = 0; i < nall; i++)
        if (m >> i & 1) {
            assert_true(k < nsub);
            assert_int_equal(sub[k++], all[i]);
        }
    assert_int_equal(k, nsub);
}

static void test_template_masks(void **state)
{
    (void)state;
    static const char *const words[] = { "The", "judge", "rejected", "it", "." };
    syn_wfeat wfb[5 + 5];
    uint8_t tb[5 + 5] = {0};
    for (size_t i = 0; i < 5; i++)
        syn_word_features(words[i], strlen(words[i]), &wfb[i + 3]);
    syn_pad(wfb + 2, tb + 2, 5, 102);
    syn_sent s = { 5, wfb + 2, tb + 2 };
    uint32_t all[64], sub[64];
    const uint64_t masks[] = { 1, 0x5, (uint64_t)1 << 24 | 0xff, 0 };
    size_t nall = syn_tag_feats(&s, 2, SYN_TMPL_ALL(SYN_NTMPL_TAG), all);
    assert_int_equal(nall, SYN_NTMPL_TAG);
    for (size_t i = 0; i < 4; i++)
        expect_subset(all, nall, masks[i], sub, syn_tag_feats(&s, 2, masks[i], sub));
    uint32_t stack[8], head[8], lc[8], rc[8], lc2[8], rc2[8];
    uint8_t nl[8], nr[8];
    syn_state st = { stack, 0, 0, head, lc, rc, lc2, rc2, nl, nr };
    syn_state_init(&st, 5);
    syn_apply(&st, SYN_SHIFT);
    nall = syn_parse_feats(&s, &st, SYN_TMPL_ALL(SYN_NTMPL_PARSE), all);
    assert_int_equal(nall, SYN_NTMPL_PARSE);
    for (size_t i = 0; i < 4; i++)
        expect_subset(all, nall, masks[i], sub, syn_parse_feats(&s, &st, masks[i], sub));
    syn_add_arc(&st, 2, 1);
    nall = syn_label_feats(&s, &st, 1, SYN_TMPL_ALL(SYN_NTMPL_LABEL), all);
    assert_int_equal(nall, SYN_NTMPL_LABEL);
    for (size_t i = 0; i < 4; i++)
        expect_subset(all, nall, masks[i], sub, syn_label_feats(&s, &st, 1, masks[i], sub));
}

static void test_document_words_and_conllu(void **state)
{
    (void)state;
    el_doc *d = test_doc("I don't think the U.S.'s plan will work.\nShe left.");
    el_syntax_tag(d, model);
    /* tokens are unchanged; "don't" is two words */
    assert_string_equal(tok_str(d, 1), "don't");
    assert_int_equal(d->tok_word[2] - d->tok_word[1], 2);
    const el_word *n_t = &d->words[d->tok_word[1] + 1];
    assert_int_equal(n_t->end - n_t->start, 3);
    assert_string_equal(n_t->lemma, "not");
    assert_string_equal(el_syntax_upos_name(model, n_t->upos), "PART");
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    assert_int_equal(el_syntax_write_conllu(d, model, fp), 0);
    fclose(fp);
    assert_non_null(strstr(out, "# sent_id = test-1\n# text = I don't think the U.S.'s plan will work.\n"));
    assert_non_null(strstr(out, "2-3\tdon't\t_"));
    assert_non_null(strstr(out, "\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t"));
    assert_non_null(strstr(out, "\n6\tU.S.\tU.S.\tPROPN\tNNP\t"));
    assert_non_null(strstr(out, "\n7\t's\t's\tPART\tPOS\t_\t"));
    assert_non_null(strstr(out, "# sent_id = test-2\n# text = She left.\n1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t"));
    free(out);
    el_doc_free(d);
    el_doc *e = test_doc("");
    el_syntax_tag(e, model);
    assert_int_equal(e->nwords, 0);
    el_doc_free(e);
}

/* Curly apostrophes are read as ASCII ones; a lemma never cuts a character. */
static void test_curly_apostrophes(void **state)
{
    (void)state;
    el_doc *d = test_doc("We\xe2\x80\x99re sure they don\xe2\x80\x99t know.");
    el_syntax_tag(d, model);
    assert_int_equal(d->tok_word[1] - d->tok_word[0], 2);
    const el_word *re = &d->words[1];
    assert_int_equal(re->end - re->start, 5);
    assert_string_equal(re->lemma, "be");
    assert_string_equal(el_syntax_upos_name(model, re->upos), "AUX");
    const el_word *nt = &d->words[d->tok_word[3] + 1];
    assert_string_equal(nt->lemma, "not");
    el_doc_free(d);
}

/* The word with text s in doc (the first), as a word index. */
static uint32_t word_of(const el_doc *d, const char *s)
{
    for (uint32_t i = 0; i < d->nwords; i++)
        if (d->words[i].end - d->words[i].start == strlen(s) &&
            memcmp(d->text + d->words[i].start, s, strlen(s)) == 0)
            return i;
    fail_msg("no word %s", s);
    return EL_NO_WORD;
}

static void test_names_and_ids(void **state)
{
    (void)state;
    for (int u = 0; u < EL_UPOS_COUNT; u++)
        assert_int_equal(el_upos_from_name(el_upos_name((el_upos)u)), u);
    for (int r = 0; r < EL_DEP_COUNT; r++) {
        assert_int_equal(el_deprel_from_name(el_deprel_name((el_deprel)r)), r);
        const char *n = el_deprel_name((el_deprel)r), *b = el_deprel_name(el_deprel_base((el_deprel)r));
        assert_int_equal(strncmp(n, b, strlen(b)), 0);   /* the base is the name's first part */
        assert_true(el_deprel_base((el_deprel)r) < EL_DEP_ACL_RELCL);
    }
    assert_int_equal(el_deprel_base(EL_DEP_NSUBJ_PASS), EL_DEP_NSUBJ);
    assert_string_equal(el_upos_name(EL_UPOS_COUNT), "_");
    assert_string_equal(el_deprel_name(EL_DEP_COUNT), "_");
    assert_int_equal(el_deprel_from_name("nope"), -1);
    assert_int_equal(el_syntax_nupos(model), EL_UPOS_COUNT);
    assert_int_equal(el_syntax_ndeprel(model), EL_DEP_COUNT);
}

/* The accessors the other stages use: arguments, passive agent,
 * negation, proper-noun chains, tokens; and a document without syntax. */
static void test_accessors(void **state)
{
    (void)state;
    el_doc *d = test_doc("The judge rejected the Federal Trade Commission's request. "
                         "The plan was approved by John Smith. She did not want to leave.");
    el_syntax_tag(d, model);
    assert_true(el_doc_has_syntax(d));
    uint32_t rej = word_of(d, "rejected"), judge = word_of(d, "judge");
    assert_int_equal(el_word_upos(d, rej), EL_UPOS_VERB);
    assert_int_equal(el_word_deprel(d, rej), EL_DEP_ROOT);
    assert_int_equal(el_word_head(d, rej), EL_NO_WORD);
    assert_int_equal(el_word_subject(d, rej), judge);
    assert_int_equal(el_word_object(d, rej), word_of(d, "request"));
    assert_false(el_word_is_passive(d, rej));
    uint32_t b, e, ftc = word_of(d, "Trade");
    assert_true(el_word_propn_chain(d, ftc, &b, &e));
    assert_int_equal(b, word_of(d, "Federal"));
    assert_int_equal(e, word_of(d, "Commission") + 1);
    assert_false(el_word_propn_chain(d, judge, &b, &e));
    uint32_t appr = word_of(d, "approved");
    assert_true(el_word_is_passive(d, appr));
    assert_int_equal(el_word_subject(d, appr), word_of(d, "plan"));
    assert_int_equal(el_word_deprel(d, el_word_subject(d, appr)), EL_DEP_NSUBJ_PASS);
    assert_int_equal(el_word_rel(d, el_word_subject(d, appr)), EL_DEP_NSUBJ);
    assert_int_equal(el_word_agent(d, appr), word_of(d, "John"));   /* a flat name's head */
    assert_true(el_token_propn_chain(d, el_word_token(d, word_of(d, "John")), &b, &e));
    assert_int_equal(e - b, 2);
    uint32_t want = word_of(d, "want"), leave = word_of(d, "leave");
    assert_true(el_word_is_negated(d, want));
    assert_false(el_word_is_negated(d, rej));
    assert_int_equal(el_word_deprel(d, leave), EL_DEP_XCOMP);
    assert_int_equal(el_word_subject(d, leave), word_of(d, "She"));   /* through xcomp */
    uint32_t sb, se;
    el_word_sentence(d, want, &sb, &se);
    assert_int_equal(sb, word_of(d, "She"));
    assert_int_equal(se, d->nwords);
    /* tokens: "Commission's" is one token of two words */
    uint32_t t = el_word_token(d, rej);
    assert_int_equal(el_token_word(d, t), rej);
    assert_int_equal(el_token_upos(d, t), EL_UPOS_VERB);
    assert_int_equal(el_token_deprel(d, t), EL_DEP_ROOT);
    assert_int_equal(el_token_head(d, el_word_token(d, judge)), t);
    assert_int_equal(el_word_child(d, rej, EL_DEP_PUNCT, true, 0), word_of(d, "."));
    assert_int_equal(el_word_child(d, rej, EL_DEP_PUNCT, true, word_of(d, ".") + 1), EL_NO_WORD);
    el_doc_free(d);
    /* no syntax layer: safe answers */
    el_doc *n = test_doc("Nothing here.");
    assert_false(el_doc_has_syntax(n));
    assert_int_equal(el_token_word(n, 0), EL_NO_WORD);
    assert_int_equal(el_token_upos(n, 0), EL_UPOS_X);
    assert_int_equal(el_word_subject(n, 0), EL_NO_WORD);
    assert_false(el_token_propn_chain(n, 0, &b, &e));
    assert_false(el_word_is_negated(n, 0));
    el_doc_free(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_tags_and_lemmas),
        cmocka_unit_test(test_tree),
        cmocka_unit_test(test_long_and_odd_sentences),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_document_words_and_conllu),
        cmocka_unit_test(test_curly_apostrophes),
        cmocka_unit_test(test_names_and_ids),
        cmocka_unit_test(test_accessors),
        cmocka_unit_test(test_template_masks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/* test_tlinks.c - the TimeML writer's Task C links (export/timeml_links.c)
 * on short texts through the whole pipeline: each case names two events
 * (or an event and the DCT) and the relation expected, or "none" where the
 * text does not say; the SLINK and ALINK rules; the link tables' loader
 * and the event features they are keyed by; the relation type names. */
#include "test_util.h"
#include "export/export.h"
#include "model/tlink_rules.h"
#include "stages/pipeline.h"
#include "stages/resources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int setup(void **state)
{
    const char *dir = getenv("EVENTLINE_GAZETTEERS");
    char *err = NULL;
    el_resources *r = el_resources_load(dir && *dir ? dir : TEST_GAZ_DIR, NULL, 0, &err);
    if (!r)
        fail_msg("%s", err);
    *state = r;
    return 0;
}

static int teardown(void **state)
{
    el_resources_free(*state);
    return 0;
}

static el_doc *run(void **state, const char *text)
{
    el_doc *d = el_doc_new("t", NULL, el_strdup(text), strlen(text));
    d->dct = (el_date){2023, 3, 1};
    d->dct_source = EL_DCT_OPTION;
    el_pipeline_run(d, *state);
    return d;
}

/* The event whose first token is `word`, -1 if none. */
static int event_of(const el_doc *d, const char *word)
{
    for (size_t e = 0; e < d->nevents; e++)
        if (el_tok_is(d, d->events[e].tok_begin, word))
            return (int)e;
    return -1;
}

/* The relation of a to b (b < 0: the DCT) among links of `kind` the
 * stage and the writer give, "none" without one. */
static const char *relation(const el_doc *d, const el_link *more, size_t nmore, el_link_kind kind,
                            int a, int b)
{
    for (int pass = 0; pass < 2; pass++) {
        const el_link *ls = pass ? more : d->links;
        size_t n = pass ? nmore : d->nlinks;
        for (size_t i = 0; i < n; i++) {
            const el_link *l = &ls[i];
            if (l->kind != kind || l->from_kind != EL_NODE_EVENT)
                continue;
            if (b < 0 && l->to_kind == EL_NODE_DCT && l->from == a)
                return el_reltype_name(l->reltype);
            if (b >= 0 && l->to_kind == EL_NODE_EVENT && l->from == a && l->to == b)
                return el_reltype_name(l->reltype);
            if (b >= 0 && l->to_kind == EL_NODE_EVENT && l->from == b && l->to == a)
                return kind == EL_LINK_TLINK ? el_reltype_name(el_reltype_inverse(l->reltype)) : "(reversed)";
        }
    }
    return "none";
}

typedef struct link_case {
    const char *text;
    el_link_kind kind;
    const char *a, *b;      /* event first words; b NULL = the DCT */
    const char *expect;     /* relation, or "none" */
} link_case;

static const link_case cases[] = {
    /* event - DCT from tense, aspect and modality */
    {"The company sold its plant.", EL_LINK_TLINK, "sold", NULL, "BEFORE"},
    {"The company will sell its plant.", EL_LINK_TLINK, "sell", NULL, "AFTER"},
    {"The company has sold its plant.", EL_LINK_TLINK, "sold", NULL, "BEFORE"},
    {"The company did not sell its plant.", EL_LINK_TLINK, "sell", NULL, "none"},
    /* a reported event and its report */
    {"Police said the man had fled the city.", EL_LINK_TLINK, "fled", "said", "BEFORE"},
    {"The minister said the bank would raise rates.", EL_LINK_TLINK, "raise", "said", "AFTER"},
    /* neighbours in a sentence, by the learned table */
    {"The firm agreed to buy the mill.", EL_LINK_TLINK, "agreed", "buy", "BEFORE"},
    /* main events of consecutive sentences, by tense */
    {"The storm had destroyed the bridge. Engineers will rebuild it.", EL_LINK_TLINK, "destroyed",
     "rebuild", "BEFORE"},
    /* two simple pasts in two sentences: the text does not order them */
    {"The team won the cup. The coach resigned.", EL_LINK_TLINK, "won", "resigned", "none"},
    /* subordination */
    {"Officials said the talks collapsed.", EL_LINK_SLINK, "said", "talks", "EVIDENTIAL"},
    {"The union began to strike.", EL_LINK_ALINK, "began", "strike", "INITIATES"},
    {"The union won the vote.", EL_LINK_ALINK, "won", "vote", "none"},
};

static void test_link_cases(void **state)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const link_case *c = &cases[i];
        el_doc *d = run(state, c->text);
        el_link *more;
        size_t nmore = el_timeml_task_links(d, ((el_resources *)*state)->tlinks, &more);
        int a = event_of(d, c->a), b = c->b ? event_of(d, c->b) : -1;
        const char *got = a < 0 || (c->b && b < 0) ? "(no event)"
                                                   : relation(d, more, nmore, c->kind, a, b);
        if (strcmp(got, c->expect) != 0)
            fail_msg("case %zu \"%s\": %s %s: want %s, got %s", i, c->text, c->a,
                     c->b ? c->b : "DCT", c->expect, got);
        free(more);
        el_doc_free(d);
    }
}

/* The relation of event a to a time expression among the writer's links,
 * "none" without one. */
static const char *timex_relation(const el_link *more, size_t nmore, int a)
{
    for (size_t i = 0; i < nmore; i++)
        if (more[i].kind == EL_LINK_TLINK && more[i].from_kind == EL_NODE_EVENT && more[i].from == a
            && more[i].to_kind == EL_NODE_TIMEX)
            return el_reltype_name(more[i].reltype);
    return "none";
}

/* A simple past without its own time, in a sentence with one past date. */
static void test_sentence_date(void **state)
{
    static const struct { const char *text, *event, *expect; } cases[] = {
        {"Cited by traffic police in December for speeding, the pilot was ordered home.", "ordered",
         "IS_INCLUDED"},
        /* two dates: the sentence does not say which */
        {"Between 2019 and 2021 the airline cut its routes, and the pilot was ordered home.", "ordered",
         "none"},
        /* the report's date is not the reported event's */
        {"The agency said on Monday the pilot resigned.", "resigned", "none"},
        /* a past perfect lies before the date */
        {"The pilot, who was cited in December, had already lost his post.", "lost", "none"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = run(state, cases[i].text);
        el_link *more;
        size_t nmore = el_timeml_task_links(d, ((el_resources *)*state)->tlinks, &more);
        int a = event_of(d, cases[i].event);
        const char *got = a < 0 ? "(no event)" : d->events[a].timex >= 0 ? "(own timex)"
                                                                         : timex_relation(more, nmore, a);
        if (strcmp(got, cases[i].expect) != 0)
            fail_msg("\"%s\": %s: want %s, got %s", cases[i].text, cases[i].event, cases[i].expect, got);
        free(more);
        el_doc_free(d);
    }
}

/* The relation of event a to event b among the links the writer writes
 * (el_timeml_links), "none" without one. */
static const char *written_relation(const el_link *ls, size_t n, int a, int b)
{
    for (size_t i = 0; i < n; i++) {
        const el_link *l = &ls[i];
        if (l->kind != EL_LINK_TLINK || l->from_kind != EL_NODE_EVENT || l->to_kind != EL_NODE_EVENT)
            continue;
        if (l->from == a && l->to == b)
            return el_reltype_name(l->reltype);
        if (l->from == b && l->to == a)
            return el_reltype_name(el_reltype_inverse(l->reltype));
    }
    return "none";
}

/* Closure (timeml_closure.c): events in disjoint dated intervals, or on
 * two sides of the DCT, are ordered by a written link; a link the dates
 * contradict is not written; events the dates do not separate stay
 * unlinked. */
static void test_closure(void **state)
{
    static const struct { const char *text, *a, *b, *expect; } cases[] = {
        {"On May 22, 1995, the pilot was promoted. Cited by police in December, he was ordered home.",
         "promoted", "ordered", "BEFORE"},
        {"In 2019 the plant closed. The company will build a new one.", "closed", "build", "BEFORE"},
        {"On May 22, 1995, the pilot was promoted. The following year he was appointed attache.",
         "promoted", "appointed", "BEFORE"},
        {"The team won the cup. The coach resigned.", "won", "resigned", "none"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = run(state, cases[i].text);
        el_link *all;
        size_t n = el_timeml_links(d, ((el_resources *)*state)->tlinks, true, &all);
        int a = event_of(d, cases[i].a), b = event_of(d, cases[i].b);
        const char *got = a < 0 || b < 0 ? "(no event)" : written_relation(all, n, a, b);
        if (strcmp(got, cases[i].expect) != 0)
            fail_msg("\"%s\": %s %s: want %s, got %s", cases[i].text, cases[i].a, cases[i].b,
                     cases[i].expect, got);
        for (size_t k = 0; k < n; k++)
            assert_non_null(all[k].evidence);
        free(all);
        el_doc_free(d);
    }
    /* a link the dates contradict is dropped, the dates' own is written */
    el_doc *d = run(state, cases[2].text);
    int a = event_of(d, "promoted"), b = event_of(d, "appointed");
    assert_true(a >= 0 && b >= 0);
    el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, a, EL_NODE_EVENT, b, EL_REL_AFTER, "test");
    el_link *all;
    size_t n = el_timeml_links(d, ((el_resources *)*state)->tlinks, true, &all);
    assert_string_equal(written_relation(all, n, a, b), "BEFORE");
    free(all);
    el_doc_free(d);
}

/* Every link the writer adds names a relation, kind-appropriate ends and
 * its evidence; without the tables there is no SLINK or ALINK. */
static void test_links_well_formed(void **state)
{
    el_doc *d = run(state, "Officials said on Monday that the talks began to collapse after the "
                           "union had rejected the offer, and they will meet again.");
    for (int with = 0; with < 2; with++) {
        el_link *more;
        size_t n = el_timeml_task_links(d, with ? ((el_resources *)*state)->tlinks : NULL, &more);
        assert_true(n > 0);
        size_t sub = 0;
        for (size_t i = 0; i < n; i++) {
            assert_true(more[i].reltype != EL_REL_NONE);
            assert_non_null(more[i].evidence);
            if (more[i].kind != EL_LINK_TLINK) {
                sub++;
                assert_int_equal(more[i].from_kind, EL_NODE_EVENT);
                assert_int_equal(more[i].to_kind, EL_NODE_EVENT);
            }
        }
        if (!with)
            assert_int_equal(sub, 0);
        else
            assert_true(sub > 0);
        free(more);
    }
    el_doc_free(d);
}

static void test_features(void **state)
{
    (void)state;
    static const struct {
        el_event_class cls; el_tense tense; el_aspect aspect; const char *modal, *want;
    } rows[] = {
        {EL_EV_OCCURRENCE, EL_TENSE_PAST, EL_ASPECT_NONE, NULL, "PAST/NONE"},
        {EL_EV_OCCURRENCE, EL_TENSE_PRESENT, EL_ASPECT_PERFECTIVE, NULL, "PRESENT/PERFECTIVE"},
        {EL_EV_REPORTING, EL_TENSE_PAST, EL_ASPECT_NONE, NULL, "REPORTING:PAST/NONE"},
        {EL_EV_OCCURRENCE, EL_TENSE_NONE, EL_ASPECT_NONE, "could", "MODAL"},
        {EL_EV_OCCURRENCE, EL_TENSE_FUTURE, EL_ASPECT_NONE, "will", "FUTURE/NONE"},
        {EL_EV_OCCURRENCE, EL_TENSE_INFINITIVE, EL_ASPECT_NONE, NULL, "INFINITIVE"},
        {EL_EV_STATE, EL_TENSE_NONE, EL_ASPECT_NONE, NULL, "NONE"},
    };
    char buf[48];
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        el_event_mention e = {.cls = rows[i].cls, .tense = rows[i].tense,
                              .aspect = rows[i].aspect, .modality = (char *)rows[i].modal};
        assert_string_equal(el_tlink_feature(&e, buf, sizeof buf), rows[i].want);
    }
}

static void test_tables_load_and_errors(void **state)
{
    const el_tlink_rules *r = ((el_resources *)*state)->tlinks;
    assert_non_null(r);
    assert_int_equal(el_tlink_rules_find(r, "dct", "PAST/NONE", "DCT"), EL_REL_BEFORE);
    assert_int_equal(el_tlink_rules_find(r, "alink", "begin", "-"), EL_REL_INITIATES);
    assert_int_equal(el_tlink_rules_find(r, "dct", "no such feature", "DCT"), EL_REL_NONE);
    assert_int_equal(el_tlink_rules_find(NULL, "dct", "PAST/NONE", "DCT"), EL_REL_NONE);

    char dir[] = "/tmp/el_tlinksXXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/time", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    char *err = NULL;
    el_tlink_rules *empty = el_tlink_rules_load(dir, &err);   /* no files: no rows */
    assert_non_null(empty);
    assert_int_equal(empty->n, 0);
    el_tlink_rules_free(empty);
    snprintf(path, sizeof path, "%s/time/tlinks.tsv", dir);
    FILE *f = fopen(path, "w");
    fputs("# a comment\ndct\tPAST/NONE\n", f);
    fclose(f);
    assert_null(el_tlink_rules_load(dir, &err));
    assert_non_null(strstr(err, "tlinks.tsv: row 2"));
    free(err);
    f = fopen(path, "w");
    fputs("dct\tPAST/NONE\tDCT\tLATER\n", f);   /* not a TimeML relType */
    fclose(f);
    assert_null(el_tlink_rules_load(dir, &err));
    assert_non_null(strstr(err, "tlinks.tsv: row 1"));
    free(err);
    remove(path);
    snprintf(path, sizeof path, "%s/time", dir);
    rmdir(path);
    rmdir(dir);
}

/* The one name table: every type's name parses back to it, the inverse of
 * the inverse is the type, and unknown names are refused. */
static void test_reltype_names(void **state)
{
    (void)state;
    for (int i = 1; i < EL_REL_COUNT; i++) {
        el_reltype r = EL_REL_NONE;
        assert_true(el_reltype_name((el_reltype)i)[0] != '\0');
        assert_true(el_reltype_parse(el_reltype_name((el_reltype)i), &r));
        assert_int_equal(r, i);
        assert_int_equal(el_reltype_inverse(el_reltype_inverse((el_reltype)i)), i);
    }
    static const struct { el_reltype r, inv; } pairs[] = {
        {EL_REL_BEFORE, EL_REL_AFTER}, {EL_REL_INCLUDES, EL_REL_IS_INCLUDED},
        {EL_REL_BEGINS, EL_REL_BEGUN_BY}, {EL_REL_SIMULTANEOUS, EL_REL_SIMULTANEOUS},
        {EL_REL_EVIDENTIAL, EL_REL_EVIDENTIAL},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        assert_int_equal(el_reltype_inverse(pairs[i].r), pairs[i].inv);
    el_reltype r = EL_REL_NONE;
    assert_false(el_reltype_parse("before", &r));
    assert_false(el_reltype_parse("", &r));
    assert_false(el_reltype_parse("BEFORE_X", &r));
    assert_string_equal(el_reltype_name(EL_REL_NONE), "");
    assert_string_equal(el_reltype_name((el_reltype)99), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_link_cases),
        cmocka_unit_test(test_sentence_date),
        cmocka_unit_test(test_closure),
        cmocka_unit_test(test_links_well_formed),
        cmocka_unit_test(test_features),
        cmocka_unit_test(test_tables_load_and_errors),
        cmocka_unit_test(test_reltype_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

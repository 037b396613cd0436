/* test_export_html.c - the offline viewer page (el_export_html) on corpora
 * built by hand: 0, 1 and many events, dated and undated, relations, and
 * data that tries to close the <script> element.  The embedded JSON is cut
 * out of the page and parsed back with Jansson.
 *
 *   test_export_html            run the tests
 *   test_export_html FILE       write the "many events" sample page to FILE
 *                               (tests/viewer.sh renders it in Chromium) */
#include "test_util.h"
#include "model/corpus.h"
#include "base/date.h"
#include "export/export.h"
#include "export/render.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const OPEN = "<script type=\"application/json\" id=\"eventline-data\">\n";

static void add_doc(el_corpus *c, const char *id, int y, int m, int d, const char *title)
{
    el_doc *doc = el_doc_new(id, NULL, el_strdup("text"), 4);
    doc->dct = (el_date){y, m, d};
    doc->title = title ? el_strdup(title) : NULL;
    el_corpus_add(c, doc);
}

static void add_entity(el_corpus *c, const char *name, el_ent_type type, const char *alias)
{
    el_entity *e = &EL_PUSH(c->entities, c->nentities, c->cap_entities);
    memset(e, 0, sizeof *e);
    snprintf(e->id, sizeof e->id, "E%zu", c->nentities);
    e->name = el_strdup(name);
    e->key = el_strdup(name);
    e->type = type;
    if (alias)
        EL_PUSH(e->aliases, e->naliases, e->cap_aliases) = el_strdup(alias);
}

/* value "" = undated; otherwise a day or minute value. */
static el_event *add_event(el_corpus *c, const char *type, const char *label, const char *value)
{
    el_event *v = &EL_PUSH(c->events, c->nevents, c->cap_events);
    memset(v, 0, sizeof *v);
    snprintf(v->id, sizeof v->id, "V%zu", c->nevents);
    v->type = el_strdup(type);
    v->label = el_strdup(label);
    v->location = -1;
    v->factual = true;
    v->confidence = 0.8f;
    snprintf(v->value, sizeof v->value, "%s", value);
    if (*value)
        assert_true(el_value_interval(value, &v->iv));
    return v;
}

static void add_participant(el_event *v, size_t entity)
{
    EL_PUSH(v->participants, v->nparticipants, v->cap_participants) = entity;
}

static void add_mention(el_event *v, uint32_t doc, uint32_t ev)
{
    EL_PUSH(v->mentions, v->nmentions, v->cap_mentions) = (el_mref){doc, ev};
}

static void add_relation(el_corpus *c, size_t from, size_t to, const char *type, bool inferred,
                         const char *evidence)
{
    el_relation *r = &EL_PUSH(c->relations, c->nrelations, c->cap_relations);
    r->from = from;
    r->to = to;
    assert_true(el_reltype_parse(type, &r->type));
    r->inferred = inferred;
    r->evidence = evidence ? el_strdup(evidence) : NULL;
}

static void set_timeline(el_corpus *c, const size_t *order, size_t n)
{
    c->timeline = el_calloc(n + 1, sizeof *c->timeline);
    memcpy(c->timeline, order, n * sizeof *order);
    c->ntimeline = n;
}

/* A generic news corpus: 5 dated events (one left out of the timeline),
 * 2 undated, relations, and a label that tries to end the script. */
static el_corpus *many_corpus(void)
{
    el_corpus *c = el_corpus_new();
    add_doc(c, "a", 2021, 3, 1, "Council approves the harbour plan");
    add_doc(c, "b", 2021, 3, 4, "Ministers meet in the capital");
    add_doc(c, "c", 2021, 3, 9, NULL);
    add_entity(c, "Jane Doe", EL_ENT_PERSON, "Doe");
    add_entity(c, "Acme Shipping", EL_ENT_ORGANIZATION, "Acme");
    add_entity(c, "Springfield", EL_ENT_LOCATION, NULL);
    add_entity(c, "Richard Roe", EL_ENT_PERSON, "Roe");
    el_event *v = add_event(c, "vote", "Council approves harbour plan", "2021-03-01");
    add_participant(v, 1); v->location = 2; add_mention(v, 0, 0); add_mention(v, 1, 2);
    v = add_event(c, "meeting", "Jane Doe meets Richard Roe", "2021-03-03T10:30");
    add_participant(v, 0); add_participant(v, 3); add_mention(v, 1, 0); add_mention(v, 1, 1);
    add_mention(v, 2, 0);
    v = add_event(c, "statement", "Roe says talks were </script><!--<script> useful", "2021-03-03");
    add_participant(v, 3); add_mention(v, 1, 3);
    v = add_event(c, "protest", "Dock workers protest in Springfield", "2021-03");
    v->location = 2; add_mention(v, 2, 1);
    v = add_event(c, "visit", "Doe to visit Springfield port", "");
    add_participant(v, 0); v->factual = false; add_mention(v, 2, 2);
    v = add_event(c, "contract", "Acme signs dredging contract", "2021-03-08");
    add_participant(v, 1); add_mention(v, 2, 3);
    v = add_event(c, "strike", "Strike threatened", "");
    add_mention(v, 0, 1);
    size_t order[] = {3, 0, 1, 2};   /* the month, then the days; V6 left out */
    set_timeline(c, order, 4);
    add_relation(c, 0, 1, "BEFORE", false, "interval");
    add_relation(c, 1, 2, "BEFORE", false, "signal 'after' in b");
    add_relation(c, 0, 2, "BEFORE", true, NULL);
    add_relation(c, 3, 0, "INCLUDES", false, "interval");
    return c;
}

/* The page for corpus c, and the JSON cut out of it. */
static char *render(const el_corpus *c, json_t **data)
{
    char *page = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&page, &len);
    assert_non_null(f);
    assert_int_equal(el_export_html(c, f), 0);
    fclose(f);
    const char *start = strstr(page, OPEN);
    assert_non_null(start);
    start += strlen(OPEN);
    const char *end = strstr(start, "</script>");
    assert_non_null(end);
    json_error_t err;
    *data = json_loadb(start, (size_t)(end - start), 0, &err);
    if (!*data)
        fail_msg("embedded JSON: %s (line %d)", err.text, err.line);
    return page;
}

static size_t array_size(json_t *data, const char *key)
{
    json_t *a = json_object_get(data, key);
    assert_true(json_is_array(a));
    return json_array_size(a);
}

static const char *item(json_t *data, const char *key, size_t i)
{
    return json_string_value(json_array_get(json_object_get(data, key), i));
}

static void page_is_offline(const char *page)
{
    assert_null(strstr(page, "http://"));
    assert_null(strstr(page, "https://"));
    assert_null(strstr(page, "src="));
    assert_null(strstr(page, "<link"));
    assert_non_null(strstr(page, "<!DOCTYPE html>"));
    assert_non_null(strstr(page, "</html>"));
}

/* TIMEX3 values as the drawings write them for people (render core). */
static void test_value_words(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"2023-02", "February 2023"},
        {"2023-06-19", "19 June 2023"},
        {"2023-06-19T16:34", "19 June 2023, 16:34"},
        {"2022-W49", "week 49 of 2022 (5-11 Dec)"},
        {"2022", "2022"},
        {"2025-FA", "autumn 2025"},
        {"2024-WI", "winter 2024"},
        {"2022-Q4", "Q4 2022"},
        {"2024-H1", "first half of 2024"},
        {"2024-Q9", "2024-Q9"},
        {"PRESENT_REF", "PRESENT_REF"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[96];
        el_value_words(cases[i][0], out, sizeof out);
        assert_string_equal(out, cases[i][1]);
    }
}

static void test_empty(void **state)
{
    (void)state;
    el_corpus *c = el_corpus_new();
    json_t *data;
    char *page = render(c, &data);
    page_is_offline(page);
    assert_string_equal(json_string_value(json_object_get(data, "schema")), "eventline-viewer/1");
    assert_int_equal(array_size(data, "events"), 0);
    assert_int_equal(array_size(data, "dated"), 0);
    assert_int_equal(array_size(data, "undated"), 0);
    assert_int_equal(array_size(data, "relations"), 0);
    assert_int_equal(json_object_size(json_object_get(data, "entities")), 0);
    json_decref(data);
    free(page);
    el_corpus_free(c);
}

static void test_one(void **state)
{
    (void)state;
    el_corpus *c = el_corpus_new();
    add_doc(c, "only", 2020, 1, 2, NULL);
    add_entity(c, "Jane Doe", EL_ENT_PERSON, NULL);
    el_event *v = add_event(c, "meeting", "Doe meets", "2020-01-02");
    add_participant(v, 0);
    add_mention(v, 0, 0);
    size_t order[] = {0};
    set_timeline(c, order, 1);
    json_t *data;
    char *page = render(c, &data);
    assert_int_equal(array_size(data, "dated"), 1);
    assert_int_equal(array_size(data, "undated"), 0);
    json_t *e = json_array_get(json_object_get(data, "events"), 0);
    assert_string_equal(json_string_value(json_object_get(e, "begin")), "2020-01-02T00:00");
    assert_string_equal(json_string_value(json_object_get(e, "granularity")), "day");
    assert_int_equal(json_integer_value(json_object_get(e, "documents")), 1);
    assert_string_equal(item(e, "participants", 0), "E1");
    json_t *ent = json_object_get(json_object_get(data, "entities"), "E1");
    assert_string_equal(json_string_value(json_object_get(ent, "name")), "Jane Doe");
    json_decref(data);
    free(page);
    el_corpus_free(c);
}

static void test_many(void **state)
{
    (void)state;
    el_corpus *c = many_corpus();
    json_t *data;
    char *page = render(c, &data);
    page_is_offline(page);
    /* one chronological order (start, the wider first), whether the
     * timeline orders the event (V6 not) or not */
    assert_int_equal(array_size(data, "dated"), 5);
    const char *want[] = {"V4", "V1", "V3", "V2", "V6"};
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(item(data, "dated", i), want[i]);
    assert_int_equal(array_size(data, "undated"), 2);
    assert_string_equal(item(data, "undated", 0), "V5");
    assert_string_equal(item(data, "undated", 1), "V7");
    assert_int_equal(array_size(data, "relations"), 4);
    json_t *e = json_array_get(json_object_get(data, "events"), 1);
    assert_int_equal(json_integer_value(json_object_get(e, "mentions")), 3);
    assert_int_equal(json_integer_value(json_object_get(e, "documents")), 2);
    /* the hostile label survives, and cannot end the script element early */
    e = json_array_get(json_object_get(data, "events"), 2);
    assert_string_equal(json_string_value(json_object_get(e, "label")),
                        "Roe says talks were </script><!--<script> useful");
    assert_null(strstr(page, "<!--<script>"));
    /* only entities the events use; undated events have no interval */
    assert_int_equal(json_object_size(json_object_get(data, "entities")), 4);
    /* cards read for people: the date in words, ordered or only dated */
    e = json_array_get(json_object_get(data, "events"), 3);
    assert_string_equal(json_string_value(json_object_get(e, "when")), "March 2021");
    assert_true(json_is_true(json_object_get(e, "ordered")));
    e = json_array_get(json_object_get(data, "events"), 5);
    assert_true(json_is_false(json_object_get(e, "ordered")));
    e = json_array_get(json_object_get(data, "events"), 4);
    assert_null(json_object_get(e, "begin"));
    assert_true(json_is_null(json_object_get(e, "value")));
    json_decref(data);
    free(page);
    el_corpus_free(c);
}

/* Same corpus, same page. */
static void test_deterministic(void **state)
{
    (void)state;
    el_corpus *c = many_corpus();
    json_t *d1, *d2;
    char *p1 = render(c, &d1), *p2 = render(c, &d2);
    assert_string_equal(p1, p2);
    json_decref(d1);
    json_decref(d2);
    free(p1);
    free(p2);
    el_corpus_free(c);
}

static int write_sample(const char *path)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        return 1;
    }
    el_corpus *c = many_corpus();
    int rc = el_export_html(c, f);
    el_corpus_free(c);
    return fclose(f) != 0 || rc != 0;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return write_sample(argv[1]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_value_words),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_one),
        cmocka_unit_test(test_many),
        cmocka_unit_test(test_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_timeline.c - the event normalizer and the timeline graph: merging
 * mentions across sentences and documents, time values (finest, clock
 * begin/end from aspectual verbs), labels, relations from intervals and
 * signals, closure (inferred), contradictions, topological order, ids. */
#include "event_fixture.h"
#include "model/corpus.h"
#include "timeline/timeline.h"
#include "timeline/timeline_internal.h"
#include "export/export.h"

#include <stdio.h>

static int setup(void **state)
{
    *state = fixture_lexicon();
    return 0;
}

static int teardown(void **state)
{
    el_trigger_lexicon_free(*state);
    return 0;
}

static el_doc *doc_with(const char *id, const char *text, el_date dct)
{
    el_doc *d = test_doc(text);
    free(d->id);
    d->id = el_strdup(id);
    d->dct = dct;
    return d;
}

/* Entity mention over the first occurrence of `word` (one token). */
static void ent(el_doc *d, const char *word, el_ent_type type, const char *key, const char *name)
{
    add_ent_at(d, word, 1, type, key, name);
}

/* The two people most tests talk about, at their first mentions. */
static void smith_and_jones(el_doc *d)
{
    ent(d, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent(d, "Jones", EL_ENT_PERSON, "P:jones", "Bob Jones");
}

static void date_at(el_doc *d, const char *first, size_t ntok, const char *value)
{
    size_t t = find_tok(d, first, 0);
    add_date(d, t, t + ntok, value);
}

static el_corpus *build(el_doc **docs, size_t n, const el_trigger_lexicon *lx)
{
    el_corpus *c = el_corpus_new();
    for (size_t i = 0; i < n; i++) {
        el_doc_sort_mentions(docs[i]);
        el_doc_sort_timexes(docs[i]);
        el_event_tag(docs[i], lx);
        el_corpus_add(c, docs[i]);
    }
    el_corpus_link_entities(c);
    el_timeline_build_ex(c, lx);
    return c;
}

static const el_event *event_of_type(const el_corpus *c, const char *type)
{
    for (size_t i = 0; i < c->nevents; i++)
        if (c->events[i].type && strcmp(c->events[i].type, type) == 0)
            return &c->events[i];
    return NULL;
}

static size_t timeline_pos(const el_corpus *c, const el_event *v)
{
    for (size_t i = 0; i < c->ntimeline; i++)
        if (&c->events[c->timeline[i]] == v)
            return i;
    return SIZE_MAX;
}

static void test_merge_across_documents(void **state)
{
    el_date dct = {2023, 6, 20};
    el_doc *a = doc_with("a", "Smith met Jones on Monday.", dct);
    ent(a, "Smith", EL_ENT_PERSON, "PERSON:ann smith", "Ann Smith");
    ent(a, "Jones", EL_ENT_PERSON, "PERSON:bob jones", "Bob Jones");
    date_at(a, "Monday", 1, "2023-06-19");
    el_doc *b = doc_with("b", "Jones and Smith held a meeting on June 19 in Paris.", dct);
    ent(b, "Jones", EL_ENT_PERSON, "PERSON:bob jones", "Bob Jones");
    ent(b, "Smith", EL_ENT_PERSON, "PERSON:ann smith", "Ann Smith");
    ent(b, "Paris", EL_ENT_LOCATION, "LOC:paris", "Paris");
    date_at(b, "June", 2, "2023-06-19");
    el_doc *docs[] = {a, b};
    el_corpus *c = build(docs, 2, *state);
    size_t meetings = 0;
    for (size_t i = 0; i < c->nevents; i++)
        meetings += c->events[i].type && strcmp(c->events[i].type, "meeting") == 0;
    assert_int_equal(meetings, 1);
    const el_event *v = event_of_type(c, "meeting");
    assert_int_equal(v->nmentions, 2);
    assert_int_equal(v->nparticipants, 2);
    assert_string_equal(v->value, "2023-06-19");
    assert_true(v->factual);
    assert_string_equal(v->label, "Smith meets Bob Jones");
    assert_true(timeline_pos(c, v) != SIZE_MAX);
    el_corpus_free(c);
}

/* Reprints count once: three copies of one story (same text, same DCT)
 * give the events of one copy, each listing the mentions of all three. */
static el_doc *reprint(const char *id, el_date dct)
{
    return doc_with(id, "A storm made landfall near the coast. Crews visited the town.", dct);
}

static void test_reprints_count_once(void **state)
{
    el_date dct = {2023, 8, 30};
    el_doc *one[] = {reprint("a", dct)};
    el_corpus *c1 = build(one, 1, *state);
    el_doc *three[] = {reprint("a", dct), reprint("b", dct), reprint("c", dct)};
    el_corpus *c3 = build(three, 3, *state);
    assert_int_equal(c3->nevents, c1->nevents);
    const el_event *v = event_of_type(c3, "landfall");
    assert_non_null(v);
    assert_int_equal(v->nmentions, 3);
    for (uint32_t d = 0; d < 3; d++)
        assert_int_equal(v->mentions[d].doc, d);
    el_corpus_free(c1);
    el_corpus_free(c3);
}

/* Near duplicates count once: the same wire story lightly edited (a word
 * changed, a sentence added) gives the events of the first copy, each
 * listing both documents; the added sentence's event is kept.  A different
 * story on the same subject is no duplicate. */
#define WIRE_STORY "A powerful storm made landfall near the coast early on Wednesday, " \
    "forcing thousands of residents to leave their homes. Officials said crews " \
    "visited the town after the winds eased and began clearing fallen trees from " \
    "the main roads. Power companies reported that more than two hundred thousand " \
    "customers were without electricity across the region by the afternoon."

static void test_near_duplicates_count_once(void **state)
{
    el_date dct = {2023, 8, 30};
    el_doc *one[] = {doc_with("a", WIRE_STORY, dct)};
    el_corpus *c1 = build(one, 1, *state);
    el_doc *two[] = {
        doc_with("a", WIRE_STORY, dct),
        doc_with("b", WIRE_STORY " The governor declared a state of emergency.", dct),
    };
    el_corpus *c2 = build(two, 2, *state);
    const el_event *v = event_of_type(c2, "landfall");
    assert_non_null(v);
    assert_int_equal(v->nmentions, 2);
    assert_int_equal(v->mentions[0].doc, 0);
    assert_int_equal(v->mentions[1].doc, 1);
    assert_non_null(event_of_type(c2, "emergency"));
    assert_int_equal(c2->nevents, c1->nevents + 1);
    el_doc *other[] = {
        doc_with("a", WIRE_STORY, dct),
        doc_with("c", "The storm made landfall near the coast on Wednesday. Crews visited "
                      "the town and residents returned to their homes on Thursday to "
                      "inspect the damage left by the winds and the rising water.", dct),
    };
    el_corpus *c3 = build(other, 2, *state);
    v = event_of_type(c3, "landfall");
    assert_non_null(v);
    for (size_t i = 0; i < v->nmentions; i++)
        assert_int_equal(v->mentions[i].doc, 0);   /* "the storm" is not "a powerful storm" */
    el_corpus_free(c1);
    el_corpus_free(c2);
    el_corpus_free(c3);
}

/* Unrelated stories never merge on one shared word: a bare "the appeal"
 * in two articles that name no common participant or place is two
 * events; an article naming the first story's participant joins it. */
static size_t events_of_type(const el_corpus *c, const char *type)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nevents; i++)
        n += c->events[i].type && strcmp(c->events[i].type, type) == 0;
    return n;
}

static void test_stories_stay_apart(void **state)
{
    el_date dct = {2023, 8, 30};
    el_doc *a = doc_with("a", "Acme sued Zeta. The appeal was filed.", dct);
    ent(a, "Acme", EL_ENT_ORGANIZATION, "ORG:acme", "Acme");
    ent(a, "Zeta", EL_ENT_ORGANIZATION, "ORG:zeta", "Zeta");
    el_doc *b = doc_with("b", "Smith was convicted. The appeal was filed.", dct);
    ent(b, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    el_doc *two[] = {a, b};
    el_corpus *c = build(two, 2, *state);
    assert_int_equal(events_of_type(c, "appeal"), 2);
    el_corpus_free(c);
}

/* Two articles of one story (two names in common) tell of one appeal:
 * one event, with a note saying why; one shared name is no story. */
static el_corpus *appeal_story(const el_trigger_lexicon *lx, const char *second, bool zeta)
{
    el_doc *a = doc_with("a", "Acme sued Zeta. The appeal was filed.", (el_date){2023, 8, 30});
    ent(a, "Acme", EL_ENT_ORGANIZATION, "ORG:acme", "Acme");
    ent(a, "Zeta", EL_ENT_ORGANIZATION, "ORG:zeta", "Zeta");
    el_doc *b = doc_with("b", second, (el_date){2023, 9, 1});
    ent(b, "Acme", EL_ENT_ORGANIZATION, "ORG:acme", "Acme");
    if (zeta)
        ent(b, "Zeta", EL_ENT_ORGANIZATION, "ORG:zeta", "Zeta");
    else
        ent(b, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    el_doc *two[] = {a, b};
    return build(two, 2, lx);
}

static void test_one_story_merges_with_evidence(void **state)
{
    el_corpus *c = appeal_story(*state, "Zeta lost to Acme. The appeal was filed.", true);
    assert_int_equal(events_of_type(c, "appeal"), 1);
    const el_event *v = event_of_type(c, "appeal");
    assert_int_equal(v->nmentions, 2);
    assert_int_equal(v->nmerges, 1);
    assert_non_null(strstr(v->merges[0].why, "same type 'appeal'"));
    assert_int_equal(v->merges[0].nshared, 2);
    assert_int_not_equal(v->merges[0].a.doc, v->merges[0].b.doc);
    el_corpus_free(c);
    c = appeal_story(*state, "Smith joined Acme. The appeal was filed.", false);
    assert_int_equal(events_of_type(c, "appeal"), 2);
    el_corpus_free(c);
}

static el_corpus *two_doc_meeting(const el_trigger_lexicon *lx)
{
    el_date dct = {2023, 6, 20};
    el_doc *a = doc_with("a", "Smith met Jones on Monday.", dct);
    ent(a, "Smith", EL_ENT_PERSON, "PERSON:ann smith", "Ann Smith");
    ent(a, "Jones", EL_ENT_PERSON, "PERSON:bob jones", "Bob Jones");
    date_at(a, "Monday", 1, "2023-06-19");
    el_doc *b = doc_with("b", "Jones and Smith held a meeting in Paris, \"Ltd\".", dct);
    ent(b, "Jones", EL_ENT_PERSON, "PERSON:bob jones", "Bob Jones");
    ent(b, "Smith", EL_ENT_PERSON, "PERSON:ann smith", "Ann Smith");
    ent(b, "Paris", EL_ENT_LOCATION, "LOC:paris", "Paris, \"Ltd\"");
    el_doc *docs[] = {a, b};
    return build(docs, 2, lx);
}

static char *export_to_string(const el_corpus *c, int (*fn)(const el_corpus *, char, FILE *),
                              char sep)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(fn(c, sep, fp), 0);
    fclose(fp);
    return buf;
}

static int timelinejs_adapter(const el_corpus *c, char sep, FILE *out)
{
    (void)sep;
    return el_export_timelinejs(c, NULL, out);
}

static void test_table_exports(void **state)
{
    el_corpus *c = two_doc_meeting(*state);
    char *tsv = export_to_string(c, el_export_table, '\t');
    assert_non_null(strstr(tsv, "id\tdate\tend\ttype\tlabel\tparticipants\tlocation\tdocuments\tconfidence\tfactual\tanchor\tprecision\n"));
    assert_non_null(strstr(tsv, "V1\t2023-06-19\t\tmeeting\tSmith meets Bob Jones\tAnn Smith; Bob Jones\t"));
    assert_non_null(strstr(tsv, "\ta; b\t"));
    free(tsv);
    char *csv = export_to_string(c, el_export_table, ',');
    assert_non_null(strstr(csv, ",\"Paris, \"\"Ltd\"\"\",a; b,"));
    free(csv);
    char *js = export_to_string(c, timelinejs_adapter, 0);
    json_error_t err;
    json_t *root = json_loads(js, 0, &err);
    assert_non_null(root);
    json_t *ev = json_array_get(json_object_get(root, "events"), 0);
    assert_non_null(ev);
    json_t *sd = json_object_get(ev, "start_date");
    assert_int_equal(json_integer_value(json_object_get(sd, "year")), 2023);
    assert_int_equal(json_integer_value(json_object_get(sd, "month")), 6);
    assert_int_equal(json_integer_value(json_object_get(sd, "day")), 19);
    assert_null(json_object_get(sd, "hour"));
    assert_string_equal(json_string_value(json_object_get(json_object_get(ev, "text"), "headline")),
                        "Smith meets Bob Jones");
    assert_null(json_object_get(ev, "group"));   /* no groups unless asked */
    assert_non_null(json_object_get(json_object_get(root, "title"), "text"));
    json_decref(root);
    free(js);
    el_corpus_free(c);
}

static int entity_text_adapter(const el_corpus *c, char sep, FILE *out)
{
    (void)sep;
    return el_export_entity_timeline(c, "the  bob JONES", "text", out);
}

static int entity_json_adapter(const el_corpus *c, char sep, FILE *out)
{
    (void)sep;
    return el_export_entity_timeline(c, "Nobody", "json", out);
}

static int entity_semeval_adapter(const el_corpus *c, char sep, FILE *out)
{
    (void)sep;
    return el_export_entity_timeline(c, "Bob Jones", "semeval2015", out);
}

static void test_entity_timeline(void **state)
{
    el_corpus *c = two_doc_meeting(*state);
    char *text = export_to_string(c, entity_text_adapter, 0);
    if (!strstr(text, "Smith meets Bob Jones"))
        fail_msg("%s", text);
    assert_non_null(strstr(text, "Smith meets Bob Jones"));
    free(text);
    char *sem = export_to_string(c, entity_semeval_adapter, 0);
    assert_non_null(strstr(sem, "Bob Jones\n1\t2023-06-19\ta-0-met\tb-0-meeting"));
    free(sem);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(entity_json_adapter(c, 0, fp), 1);   /* no such entity */
    fclose(fp);
    assert_non_null(strstr(buf, "\"found\": false"));
    free(buf);
    el_corpus_free(c);
}

static void test_different_partners_stay_apart(void **state)
{
    el_doc *a = doc_with("a", "Smith met Jones. Later Smith met Brown.", (el_date){2023, 6, 20});
    size_t s2 = find_tok(a, "Smith", 1);
    add_ent(a, 0, 1, EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent(a, "Jones", EL_ENT_PERSON, "P:jones", "Bob Jones");
    add_ent(a, s2, s2 + 1, EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent(a, "Brown", EL_ENT_PERSON, "P:brown", "Cy Brown");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    assert_int_equal(c->nevents, 2);
    el_corpus_free(c);
}

static void test_order_relations_and_closure(void **state)
{
    el_doc *a = doc_with("a", "Rebels attacked the base on March 1. Carol resigned after the "
                              "attack. Carol visited Rome on February 2.", (el_date){2023, 3, 5});
    ent(a, "Rebels", EL_ENT_ORGANIZATION, "ORG:rebels", "Rebels");
    size_t c1 = find_tok(a, "Carol", 0), c2 = find_tok(a, "Carol", c1 + 1);
    add_ent(a, c1, c1 + 1, EL_ENT_PERSON, "P:carol", "Carol");
    add_ent(a, c2, c2 + 1, EL_ENT_PERSON, "P:carol", "Carol");
    ent(a, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    date_at(a, "March", 2, "2023-03-01");
    date_at(a, "February", 2, "2023-02-02");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    const el_event *visit = event_of_type(c, "visit");
    const el_event *attack = event_of_type(c, "attack");
    const el_event *resign = event_of_type(c, "resignation");
    assert_non_null(visit);
    assert_non_null(attack);
    assert_non_null(resign);
    assert_int_equal(attack->nmentions, 2);   /* "the attack" refers back */
    assert_true(timeline_pos(c, visit) < timeline_pos(c, attack));
    assert_true(timeline_pos(c, attack) < timeline_pos(c, resign));
    assert_string_equal(c->events[c->timeline[0]].id, "V1");
    bool signal = false, inferred = false;
    for (size_t i = 0; i < c->nrelations; i++) {
        const el_relation *r = &c->relations[i];
        signal |= &c->events[r->from] == resign && &c->events[r->to] == attack &&
                  r->type == EL_REL_AFTER && !r->inferred && r->evidence;
        inferred |= r->inferred && &c->events[r->from] == visit && &c->events[r->to] == resign;
    }
    assert_true(signal);
    assert_true(inferred);
    assert_int_equal(c->nconflicts, 0);
    el_corpus_free(c);
}

static void test_contradiction_reported(void **state)
{
    el_doc *a = doc_with("a", "Dan left Paris on June 1 after the summit with Eve on June 10.",
                         (el_date){2023, 6, 12});
    ent(a, "Dan", EL_ENT_PERSON, "P:dan", "Dan");
    ent(a, "Eve", EL_ENT_PERSON, "P:eve", "Eve");
    ent(a, "Paris", EL_ENT_LOCATION, "LOC:paris", "Paris");
    size_t j1 = find_tok(a, "June", 0), j2 = find_tok(a, "June", j1 + 1);
    add_date(a, j1, j1 + 2, "2023-06-01");
    add_date(a, j2, j2 + 2, "2023-06-10");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    assert_int_equal(c->nconflicts, 1);
    const el_event *left = event_of_type(c, "departure");
    const el_event *summit = event_of_type(c, "meeting");
    assert_true(timeline_pos(c, left) < timeline_pos(c, summit));
    el_corpus_free(c);
}

static void test_clock_times_from_aspectuals(void **state)
{
    el_doc *a = doc_with("a", "Smith met Jones on June 19. The meeting began at 4:34 p.m. "
                              "and ended at 5:09 p.m.", (el_date){2023, 6, 19});
    smith_and_jones(a);
    date_at(a, "June", 2, "2023-06-19");
    size_t t1 = find_tok(a, "4:34", 0), t2 = find_tok(a, "5:09", 0);
    add_date(a, t1, t1 + 2, "2023-06-19T16:34");
    add_date(a, t2, t2 + 2, "2023-06-19T17:09");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    const el_event *v = event_of_type(c, "meeting");
    assert_non_null(v);
    assert_string_equal(v->value, "2023-06-19T16:34");
    assert_string_equal(v->end_value, "2023-06-19T17:09");
    el_corpus_free(c);
}

static void test_nonfactual_and_reporting_kept_off(void **state)
{
    el_doc *a = doc_with("a", "Smith said Jones will visit Rome on Friday.", (el_date){2023, 6, 20});
    smith_and_jones(a);
    ent(a, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    date_at(a, "Friday", 1, "2023-06-23");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    assert_null(event_of_type(c, "statement"));
    const el_event *v = event_of_type(c, "visit");
    assert_non_null(v);
    assert_false(v->factual);
    /* what is on the timeline is Smith's statement, untyped, on the article's day */
    assert_int_equal(c->ntimeline, 1);
    const el_event *said = &c->events[c->timeline[0]];
    assert_null(said->type);
    assert_string_equal(said->value, "2023-06-20");
    assert_string_equal(said->label, "Smith says");   /* who said it, not who it was about */
    el_corpus_free(c);
}

static void test_lasting_visit_spans_days(void **state)
{
    el_doc *a = doc_with("a", "Smith visited Rome on June 18.", (el_date){2023, 6, 18});
    ent(a, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent(a, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    date_at(a, "June", 2, "2023-06-18");
    el_doc *b = doc_with("b", "Smith visited Rome on June 19.", (el_date){2023, 6, 19});
    ent(b, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent(b, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    date_at(b, "June", 2, "2023-06-19");
    el_doc *docs[] = {a, b};
    el_corpus *c = build(docs, 2, *state);
    assert_int_equal(c->nevents, 1);
    assert_string_equal(c->events[0].value, "2023-06-18");
    assert_string_equal(c->events[0].end_value, "2023-06-19");
    assert_string_equal(c->events[0].label, "Smith visits Rome");
    el_corpus_free(c);
}

static void test_duration_gives_lasting_span(void **state)
{
    el_doc *a = doc_with("a", "Smith is on a two-day visit to Rome.", (el_date){2023, 6, 19});
    ent(a, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent(a, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    size_t two = find_tok(a, "two", 0);
    el_timex *t = el_doc_add_timex(a, (uint32_t)two, (uint32_t)two + 3);
    t->type = EL_TIMEX_DURATION;
    snprintf(t->value, sizeof t->value, "P2D");
    t->anchor = -1;
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    const el_event *v = event_of_type(c, "visit");
    assert_non_null(v);
    assert_string_equal(v->value, "2023-06-18");
    assert_string_equal(v->end_value, "2023-06-19");
    el_corpus_free(c);
}

static void test_untyped_events_ordered_not_drawn(void **state)
{
    el_doc *a = doc_with("a", "Acme unveiled the Widget on March 6 and shipped the Widget.",
                         (el_date){2008, 3, 6});
    ent(a, "Acme", EL_ENT_ORGANIZATION, "ORG:acme", "Acme");
    size_t w1 = find_tok(a, "Widget", 0), w2 = find_tok(a, "Widget", w1 + 1);
    add_ent(a, w1, w1 + 1, EL_ENT_PRODUCT, "PRODUCT:widget", "Widget");
    add_ent(a, w2, w2 + 1, EL_ENT_PRODUCT, "PRODUCT:widget", "Widget");
    date_at(a, "March", 2, "2008-03-06");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    const el_event *launch = event_of_type(c, "launch");
    assert_non_null(launch);
    assert_string_equal(launch->label, "Acme launches Widget");
    assert_int_equal(c->ntimeline, 2);   /* both ordered in the JSON ... */
    bool untyped = false;
    for (size_t i = 0; i < c->nevents; i++)
        if (!c->events[i].type) {
            untyped = true;
            assert_true(timeline_pos(c, &c->events[i]) != SIZE_MAX);
            assert_non_null(strstr(c->events[i].label, "Widget"));
        }
    assert_true(untyped);
    char *buf = NULL;   /* ... but a newsroom timeline shows the typed one */
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(el_export_timelinejs(c, NULL, out), 0);
    fclose(out);
    assert_non_null(strstr(buf, "launches"));
    assert_null(strstr(buf, "Acme ships"));
    free(buf);
    el_corpus_free(c);
}

/* Every occurrence of `word` as a mention of one entity. */
static void ent_all(el_doc *d, const char *word, el_ent_type type, const char *key, const char *name)
{
    for (size_t t = 0; t < d->ntokens; t++)
        if (el_tok_is(d, t, word))
            add_ent(d, t, t + 1, type, key, name);
}

/* An untyped participle is no event of its own on the timeline ("...,
 * hyping Zeta"); the finite verb is. */
static void test_untyped_participle_not_canonical(void **state)
{
    el_doc *a = doc_with("a", "Acme praised Zeta in March, criticising Zeta for the deal and hyping Zeta.", (el_date){2023, 6, 19});
    ent_all(a, "Acme", EL_ENT_ORGANIZATION, "ORG:acme", "Acme");
    ent_all(a, "Zeta", EL_ENT_ORGANIZATION, "ORG:zeta", "Zeta");
    date_at(a, "March", 1, "2023-03");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    bool praised = false;
    for (size_t i = 0; i < c->nevents; i++) {
        const char *l = c->events[i].label ? c->events[i].label : "";
        praised |= strcmp(l, "Acme praises Zeta") == 0;
        assert_null(strstr(l, "hyping"));
    }
    assert_true(praised);
    el_corpus_free(c);
}

/* A support verb with an event noun as its object ("gave a speech",
 * "held talks") or "took place" makes no canonical event of its own: the
 * noun is the happening.  A support verb with a plain object stays one. */
static void test_support_verb_not_its_own_event(void **state)
{
    el_doc *a = doc_with("a", "Smith gave a speech in March. Jones held talks with Smith. "
                              "The ceremony took place in Rome. Smith gave Jones the keys.",
                         (el_date){2023, 6, 19});
    ent_all(a, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent_all(a, "Jones", EL_ENT_PERSON, "P:jones", "Bob Jones");
    date_at(a, "March", 1, "2023-03");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    size_t untyped = 0;
    for (size_t i = 0; i < c->nevents; i++) {
        if (c->events[i].type)
            continue;   /* "Jones holds talks with Ann Smith" is the talks' label */
        const char *l = c->events[i].label ? c->events[i].label : "";
        assert_null(strstr(l, "holds"));
        assert_null(strstr(l, "takes"));
        assert_non_null(strstr(l, "gives Bob Jones"));   /* "gave Jones the keys" only */
        untyped++;
    }
    assert_int_equal(untyped, 1);
    assert_non_null(event_of_type(c, "talks"));
    el_corpus_free(c);
}

/* A statement is its speaker's: "Jones told Smith" and "Smith told
 * reporters" share Smith but are two statements. */
static void test_statements_of_two_speakers_stay_apart(void **state)
{
    el_doc *a = doc_with("a", "Jones told Smith that ties matter.", (el_date){2023, 6, 19});
    smith_and_jones(a);
    el_doc *b = doc_with("b", "Smith told reporters that progress is hard.", (el_date){2023, 6, 19});
    ent(b, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    el_doc *docs[] = {a, b};
    el_corpus *c = build(docs, 2, *state);
    size_t statements = 0;
    for (size_t i = 0; i < c->nevents; i++)
        if (!c->events[i].type && c->events[i].label && strstr(c->events[i].label, " tells"))
            statements++;
    assert_int_equal(statements, 2);
    el_corpus_free(c);
}


/* A bare mention placed by a guess with a plan ("were able to discuss")
 * is no antecedent of a bare report of what happened ("agreed to continue
 * talks, officials said Sunday"): the report joins the talks that took
 * place. */
static void test_bare_plan_is_no_antecedent_of_fact(void **state)
{
    el_doc *a = doc_with("a", "The two sides were able to discuss trade and have agreed to "
                              "continue talks, officials said Sunday. Brown met Green for six hours "
                              "on Sunday. Smith rebuffed a request from Jones for a meeting in Rome. "
                              "Jones said he would meet Smith.", (el_date){2023, 6, 18});
    ent_all(a, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent_all(a, "Jones", EL_ENT_PERSON, "P:jones", "Bob Jones");
    ent_all(a, "Brown", EL_ENT_PERSON, "P:brown", "Cy Brown");
    ent_all(a, "Green", EL_ENT_PERSON, "P:green", "Di Green");
    ent(a, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    for (size_t t = 0; t < a->ntokens; t++)
        if (el_tok_is(a, t, "Sunday"))
            add_date(a, t, t + 1, "2023-06-18");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    const el_event *met = event_of_type(c, "meeting"), *talks = event_of_type(c, "talks");
    assert_non_null(met);
    assert_string_equal(met->label, "Brown meets Di Green");
    assert_int_equal(met->nmentions, 3);   /* met, and the talks that continued */
    assert_true(!talks || !talks->factual);   /* "able to discuss" stays a plan of its own */
    el_corpus_free(c);
}

/* An untyped event is labelled by its verb as a headline says it; a
 * statement by who made it. */
static void test_untyped_labels_use_headline_verbs(void **state)
{
    (void)state;
    el_entity ents[2] = {{.name = "Acme", .type = EL_ENT_ORGANIZATION},
                         {.name = "Widget", .type = EL_ENT_PRODUCT}};
    el_corpus c = {.entities = ents, .nentities = 2};
    size_t parts[] = {0, 1};
    el_event v = {.participants = parts, .nparticipants = 2, .location = -1};
    static const struct { const char *lemma; el_event_class cls; const char *want; el_tense tense; } T[] = {
        {"ship", EL_EV_OCCURRENCE, "Acme ships Widget", EL_TENSE_PAST},
        {"guaranteed", EL_EV_OCCURRENCE, "Acme guaranteed Widget", EL_TENSE_PAST},   /* not reduced */
        {"need", EL_EV_OCCURRENCE, "Acme needs Widget", EL_TENSE_PRESENT},
        {"press", EL_EV_OCCURRENCE, "Acme presses Widget", EL_TENSE_PAST},
        {"deny", EL_EV_OCCURRENCE, "Acme denies Widget", EL_TENSE_PAST},
        {"delay", EL_EV_OCCURRENCE, "Acme delays Widget", EL_TENSE_PAST},
        {"fix", EL_EV_OCCURRENCE, "Acme fixes Widget", EL_TENSE_PAST},
        {"go", EL_EV_OCCURRENCE, "Acme goes Widget", EL_TENSE_PAST},
        {"have", EL_EV_OCCURRENCE, "Acme has Widget", EL_TENSE_PAST},
        {"call off", EL_EV_OCCURRENCE, "Acme calls off Widget", EL_TENSE_PAST},
        {"downplayed", EL_EV_OCCURRENCE, "Acme downplayed Widget", EL_TENSE_PAST},   /* no lemma: kept */
        {"say", EL_EV_REPORTING, "Acme says", EL_TENSE_PAST},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        el_event_mention m = {.lemma = (char *)T[i].lemma, .cls = T[i].cls, .tense = T[i].tense};
        char *label = el_event_label(&c, &v, NULL, &m);
        assert_string_equal(label, T[i].want);
        free(label);
    }
}

static void test_empty_corpus(void **state)
{
    el_corpus *c = el_corpus_new();
    el_corpus_link_entities(c);
    el_timeline_build_ex(c, *state);
    el_timeline_build(c);
    assert_int_equal(c->nevents, 0);
    assert_int_equal(c->ntimeline, 0);
    char *tsv = export_to_string(c, el_export_table, ',');
    assert_string_equal(tsv, "id,date,end,type,label,participants,location,documents,confidence,factual,anchor,precision\n");
    free(tsv);
    char *buf = NULL;   /* TimelineJS refuses a timeline without events: say so */
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(el_export_timelinejs(c, NULL, fp), 1);
    fclose(fp);
    free(buf);
    el_corpus_free(c);
}

/* A meeting planned "in the coming months" is not the one that took place
 * last November, even with the same participants. */
/* "Smith did not meet Jones" is never the meeting that took place. */
static void test_negated_and_positive_stay_apart(void **state)
{
    el_date dct = {2023, 6, 20};
    el_doc *a = doc_with("a", "Smith met Jones on Monday.", dct);
    smith_and_jones(a);
    date_at(a, "Monday", 1, "2023-06-19");
    el_doc *b = doc_with("b", "Smith did not meet Jones.", dct);
    smith_and_jones(b);
    el_doc *docs[] = {a, b};
    el_corpus *c = build(docs, 2, *state);
    assert_int_equal(c->nevents, 2);
    el_corpus_free(c);
}

/* The untyped statements of one speaker: in one article the undated ones
 * join the dated one ("said Friday ... also said"); in articles more than
 * a day apart they are different statements. */
static size_t statements_of_smith(const el_corpus *c, const char **value)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nevents; i++)
        if (!c->events[i].type && c->events[i].label && strstr(c->events[i].label, "Smith says")) {
            n++;
            *value = c->events[i].value;
        }
    return n;
}

static void test_statements_by_article_day(void **state)
{
    el_doc *a = doc_with("a", "Smith said Friday that ties matter. Smith also said that talks went well.",
                         (el_date){2023, 6, 17});
    ent(a, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    add_ent(a, find_tok(a, "Smith", 1), find_tok(a, "Smith", 1) + 1, EL_ENT_PERSON, "P:smith",
            "Ann Smith");
    date_at(a, "Friday", 1, "2023-06-16");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    const char *value = NULL;
    assert_int_equal(statements_of_smith(c, &value), 1);
    assert_non_null(value);
    assert_string_equal(value, "2023-06-16");
    el_corpus_free(c);

    a = doc_with("a", "Smith said that ties matter.", (el_date){2022, 6, 17});
    ent(a, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    el_doc *b = doc_with("b", "Smith said that ties matter.", (el_date){2023, 6, 17});
    ent(b, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    el_doc *two[] = {a, b};
    c = build(two, 2, *state);
    assert_int_equal(statements_of_smith(c, &value), 2);
    el_corpus_free(c);
}

static void test_future_and_past_stay_apart(void **state)
{
    el_date dct = {2023, 6, 20};
    el_doc *a = doc_with("a", "Smith met Jones in November.", dct);
    smith_and_jones(a);
    date_at(a, "November", 1, "2022-11");
    el_doc *b = doc_with("b", "Smith may meet Jones in the coming months.", dct);
    smith_and_jones(b);
    date_at(b, "the", 3, "FUTURE_REF");
    el_doc *docs[] = {a, b};
    el_corpus *c = build(docs, 2, *state);
    assert_int_equal(c->nevents, 2);
    el_corpus_free(c);
}

/* An article reports as past only what began by its own day: "Smith met
 * Jones" in a 2005 article is not the meeting a 2011 article dates to 2011. */
static void test_report_bounds_the_event(void **state)
{
    el_doc *a = doc_with("a", "Smith met Jones.", (el_date){2005, 6, 6});
    smith_and_jones(a);
    el_doc *b = doc_with("b", "Smith met Jones in March.", (el_date){2011, 6, 6});
    smith_and_jones(b);
    date_at(b, "March", 1, "2011-03");
    el_doc *docs[] = {a, b};
    el_corpus *c = build(docs, 2, *state);
    assert_int_equal(c->nevents, 2);
    el_corpus_free(c);
    /* the same two mentions with the later report first in time still merge */
    a = doc_with("a", "Smith met Jones.", (el_date){2011, 6, 6});
    smith_and_jones(a);
    b = doc_with("b", "Smith met Jones in March.", (el_date){2011, 6, 6});
    smith_and_jones(b);
    date_at(b, "March", 1, "2011-03");
    el_doc *same[] = {a, b};
    c = build(same, 2, *state);
    assert_int_equal(c->nevents, 1);
    el_corpus_free(c);
}

/* "their summit in Rome", without participants or time, is the one
 * meeting known to have taken place in Rome. */
static void test_place_identifies_event(void **state)
{
    el_date dct = {2023, 6, 20};
    el_doc *a = doc_with("a", "Smith met Jones in Rome in November. Smith met Brown in Oslo.", dct);
    smith_and_jones(a);
    ent(a, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    ent(a, "Oslo", EL_ENT_LOCATION, "LOC:oslo", "Oslo");
    ent(a, "Brown", EL_ENT_PERSON, "P:brown", "Cy Brown");
    size_t s2 = find_tok(a, "Smith", 1);
    add_ent(a, s2, s2 + 1, EL_ENT_PERSON, "P:smith", "Ann Smith");
    date_at(a, "November", 1, "2022-11");
    el_doc *b = doc_with("b", "They recalled the summit in Rome.", dct);
    ent(b, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    el_doc *docs[] = {a, b};
    el_corpus *c = build(docs, 2, *state);
    assert_int_equal(c->nevents, 2);
    el_corpus_free(c);
}

/* A trip only mentioned as cancelled is not asserted: it stays off the
 * timeline, while the cancellation is on it. */
static void test_cancelled_trip_not_factual(void **state)
{
    el_doc *a = doc_with("a", "Smith cancelled the trip to Rome in February.", (el_date){2023, 6, 20});
    ent(a, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent(a, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    date_at(a, "February", 1, "2023-02");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    const el_event *trip = event_of_type(c, "trip");
    assert_non_null(trip);
    assert_false(trip->factual);
    const el_event *cancel = event_of_type(c, "cancellation");
    assert_non_null(cancel);
    assert_true(cancel->factual);
    el_corpus_free(c);
}

/* A bare "this trip" does not make a planned, dated trip a thing that
 * happened (it is kept apart from the plan). */
static void test_bare_reference_does_not_assert_plan(void **state)
{
    el_doc *a = doc_with("a", "Smith cancelled the trip to Rome in February. "
                              "They set goals for this trip.", (el_date){2023, 6, 20});
    ent(a, "Smith", EL_ENT_PERSON, "P:smith", "Ann Smith");
    ent(a, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    date_at(a, "February", 1, "2023-02");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    size_t dated = 0;
    for (size_t i = 0; i < c->nevents; i++)
        if (c->events[i].type && strcmp(c->events[i].type, "trip") == 0 &&
            strcmp(c->events[i].value, "2023-02") == 0) {
            assert_false(c->events[i].factual);
            dated++;
        }
    assert_int_equal(dated, 1);
    el_corpus_free(c);
}

/* An event no article dates, reported in the simple past, is placed on
 * the day of the first article that reports it, and marked so; a plan or
 * a dated event is not. */
static void test_undated_past_event_on_report_day(void **state)
{
    el_doc *a = doc_with("a", "Smith met Jones.", (el_date){2023, 6, 20});
    smith_and_jones(a);
    el_doc *b = doc_with("b", "Smith met Jones, officials said.", (el_date){2023, 6, 19});
    smith_and_jones(b);
    el_doc *docs[] = {a, b};
    el_corpus *c = build(docs, 2, *state);
    const el_event *v = event_of_type(c, "meeting");
    assert_non_null(v);
    assert_string_equal(v->value, "2023-06-19");
    assert_true(v->time_from_report);
    el_corpus_free(c);

    el_doc *p = doc_with("p", "Smith will meet Jones.", (el_date){2023, 6, 20});
    smith_and_jones(p);
    el_doc *pd[] = {p};
    c = build(pd, 1, *state);
    v = event_of_type(c, "meeting");
    assert_non_null(v);
    assert_string_equal(v->value, "");
    el_corpus_free(c);
}

/* An event noun takes the time of the verb it is the subject of ("his
 * visit comes ...": the article's day), and a bare "the two-day visit"
 * joins the visit its article names most, not a planned one. */
static void test_noun_subject_and_salient_visit(void **state)
{
    el_doc *a = doc_with("a", "Smith's visit comes at a critical time. Smith's visit was long. "
                              "Smith had planned to visit Rome in February. "
                              "Much hinged on the two-day visit.", (el_date){2023, 6, 20});
    size_t k = 0;
    for (int i = 0; i < 3; i++) {
        k = find_tok(a, "Smith", i ? k + 1 : 0);
        add_ent(a, k, k + 1, EL_ENT_PERSON, "P:smith", "Ann Smith");
    }
    ent(a, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    date_at(a, "February", 1, "2023-02");
    size_t two = find_tok(a, "two", 0);
    el_timex *t = el_doc_add_timex(a, (uint32_t)two, (uint32_t)two + 3);
    t->type = EL_TIMEX_DURATION;
    snprintf(t->value, sizeof t->value, "P2D");
    t->anchor = -1;
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    const el_event *now = NULL;
    for (size_t i = 0; i < c->nevents; i++)
        if (c->events[i].type && strcmp(c->events[i].type, "visit") == 0 && c->events[i].factual)
            now = &c->events[i];
    assert_non_null(now);
    assert_int_equal(now->nmentions, 3);
    assert_string_equal(now->value, "2023-06-19");   /* two days ending on the article's */
    assert_string_equal(now->end_value, "2023-06-20");
    el_corpus_free(c);
}

/* A typed event with neither participant nor place stays off the timeline
 * even when mentioned twice; with a place it goes on. */
static void test_bare_typed_event_needs_a_place(void **state)
{
    el_date dct = {2023, 6, 20};
    el_doc *a = doc_with("a", "The summit ended on Monday. The summit was long.", dct);
    date_at(a, "Monday", 1, "2023-06-19");
    el_doc *docs[] = {a};
    el_corpus *c = build(docs, 1, *state);
    const el_event *v = event_of_type(c, "meeting");
    assert_non_null(v);
    assert_int_equal(v->nmentions, 2);
    assert_true(timeline_pos(c, v) == SIZE_MAX);
    el_corpus_free(c);

    el_doc *b = doc_with("b", "The summit in Rome ended on Monday. The summit was long.", dct);
    ent(b, "Rome", EL_ENT_LOCATION, "LOC:rome", "Rome");
    date_at(b, "Monday", 1, "2023-06-19");
    el_doc *bd[] = {b};
    c = build(bd, 1, *state);
    v = event_of_type(c, "meeting");
    assert_non_null(v);
    assert_int_equal(v->nmentions, 2);
    assert_true(timeline_pos(c, v) != SIZE_MAX);
    el_corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_merge_across_documents),
        cmocka_unit_test(test_reprints_count_once),
        cmocka_unit_test(test_near_duplicates_count_once),
        cmocka_unit_test(test_stories_stay_apart),
        cmocka_unit_test(test_one_story_merges_with_evidence),
        cmocka_unit_test(test_different_partners_stay_apart),
        cmocka_unit_test(test_order_relations_and_closure),
        cmocka_unit_test(test_contradiction_reported),
        cmocka_unit_test(test_clock_times_from_aspectuals),
        cmocka_unit_test(test_nonfactual_and_reporting_kept_off),
        cmocka_unit_test(test_table_exports),
        cmocka_unit_test(test_entity_timeline),
        cmocka_unit_test(test_lasting_visit_spans_days),
        cmocka_unit_test(test_untyped_events_ordered_not_drawn),
        cmocka_unit_test(test_duration_gives_lasting_span),
        cmocka_unit_test(test_negated_and_positive_stay_apart),
        cmocka_unit_test(test_statements_by_article_day),
        cmocka_unit_test(test_future_and_past_stay_apart),
        cmocka_unit_test(test_place_identifies_event),
        cmocka_unit_test(test_report_bounds_the_event),
        cmocka_unit_test(test_cancelled_trip_not_factual),
        cmocka_unit_test(test_bare_reference_does_not_assert_plan),
        cmocka_unit_test(test_undated_past_event_on_report_day),
        cmocka_unit_test(test_noun_subject_and_salient_visit),
        cmocka_unit_test(test_bare_typed_event_needs_a_place),
        cmocka_unit_test(test_untyped_labels_use_headline_verbs),
        cmocka_unit_test(test_bare_plan_is_no_antecedent_of_fact),
        cmocka_unit_test(test_statements_of_two_speakers_stay_apart),
        cmocka_unit_test(test_untyped_participle_not_canonical),
        cmocka_unit_test(test_support_verb_not_its_own_event),
        cmocka_unit_test(test_empty_corpus),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

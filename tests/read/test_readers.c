/* test_readers.c - the HTML, TimeML and JSON Lines readers and the TimeML
 * writer (fixtures in tests/data/, hand-written). */
#include "test_util.h"
#include "read/reader.h"
#include "export/export.h"

#include <stdio.h>
#include <stdlib.h>

#ifndef TEST_DATA_DIR
#define TEST_DATA_DIR "tests/data"
#endif

static char *fixture(const char *name, size_t *len)
{
    char path[1024];
    const char *why = NULL;
    snprintf(path, sizeof path, "%s/%s", TEST_DATA_DIR, name);
    char *data = el_read_file(path, len, &why);
    if (!data)
        fail_msg("%s: %s", path, why);
    return data;
}

static el_doc *read_fixture(const char *name,
                            el_doc *(*reader)(const char *, const char *, const char *, size_t,
                                              char **))
{
    size_t len;
    char *data = fixture(name, &len);
    char *err = NULL;
    el_doc *d = reader("fallback", name, data, len, &err);
    free(data);
    if (!d)
        fail_msg("%s: %s", name, err);
    return d;
}

static el_doc *read_string(const char *s,
                           el_doc *(*reader)(const char *, const char *, const char *, size_t,
                                             char **),
                           char **err)
{
    *err = NULL;
    return reader("fallback", "mem", s, strlen(s), err);
}

/* ---- HTML ------------------------------------------------------------------ */

static void test_html_article_body(void **state)
{
    (void)state;
    el_doc *d = read_fixture("article.html", el_read_html);
    const char *want =
        "Harbor bridge reopens\n\n"
        "The harbor bridge reopened on Thursday after three months of repairs, city officials "
        "said.\n\n"
        "Traffic & ferries: the caf\xc3\xa9 owners said business would recover\xe2\x80\xa6 "
        "\xe2\x80\x9cWe waited,\xe2\x80\x9d one said.\nA second line.\n\n"
        "First item\nSecond item\n\n"
        "January 1, 2019 is not the DCT here.";
    assert_string_equal(d->text, want);
    assert_int_equal(d->len, strlen(want));
    assert_null(strstr(d->text, "script"));
    assert_null(strstr(d->text, "teaser"));
    assert_null(strstr(d->text, "Home"));
    assert_null(strstr(d->text, "footer"));
    assert_null(strstr(d->text, "Related"));
    assert_string_equal(d->title, "Harbor bridge reopens after repairs");
    assert_int_equal(d->dct_source, EL_DCT_METADATA);
    assert_int_equal(d->dct.year, 2021);
    assert_int_equal(d->dct.month, 3);
    assert_int_equal(d->dct.day, 4);   /* article:published_time beats sailthru.date */
    assert_string_equal(d->id, "fallback");
    el_doc_free(d);
}

static void test_html_main_title_and_time(void **state)
{
    (void)state;
    el_doc *d = read_fixture("no-meta.html", el_read_html);
    assert_string_equal(d->text, "Officials met on Wednesday.");
    assert_string_equal(d->title, "A page title");
    assert_int_equal(d->dct_source, EL_DCT_METADATA);
    assert_int_equal(d->dct.year, 2020);
    assert_int_equal(d->dct.month, 5);
    assert_int_equal(d->dct.day, 6);
    el_doc_free(d);
}

static void test_html_broken_and_bad(void **state)
{
    (void)state;
    char *err;
    el_doc *d = read_string("<html><body><p>unclosed <div>Officials <b>met</i> Monday.", el_read_html,
                            &err);
    assert_non_null(d);
    assert_string_equal(d->text, "unclosed\n\nOfficials met Monday.");
    assert_int_equal(d->dct.year, 0);
    assert_null(d->title);
    el_doc_free(d);
    assert_null(read_string("<html><body><script>x()</script></body></html>", el_read_html, &err));
    assert_non_null(strstr(err, "no article text"));
    free(err);
    assert_null(read_string("<p>caf\xe9</p>", el_read_html, &err));
    assert_non_null(strstr(err, "invalid UTF-8 at byte 6"));
    free(err);
    assert_null(el_read_html("x", "x", "", 0, &err));
    assert_non_null(strstr(err, "empty"));
    free(err);
    assert_null(el_read_html("x", "x", "<p>a\0b</p>", 10, &err));
    assert_non_null(strstr(err, "NUL byte at offset 4"));
    free(err);
}

static void test_html_jsonld_date_and_pre(void **state)
{
    (void)state;
    char *err;
    el_doc *d = read_string(
        "<html><head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\","
        " \"@graph\": [{\"@type\": \"WebPage\"}, {\"@type\": \"NewsArticle\","
        " \"datePublished\": \"2022-11-30T05:00:00Z\"}]}</script></head>"
        "<body><p>Body <time datetime=\"2001-01-01\">then</time>.</p>"
        "<pre>a  b\n  c</pre><table><tr><td>x</td><td>y</td></tr></table></body></html>",
        el_read_html, &err);
    assert_non_null(d);
    assert_int_equal(d->dct.year, 2022);
    assert_int_equal(d->dct.month, 11);
    assert_int_equal(d->dct.day, 30);
    assert_string_equal(d->text, "Body then.\n\na  b\n  c\n\nx y");
    el_doc_free(d);
    d = read_string("<html><head><script type=\"application/ld+json\">{broken</script></head>"
                    "<body><p>Text.</p></body></html>", el_read_html, &err);
    assert_non_null(d);
    assert_int_equal(d->dct.year, 0);
    el_doc_free(d);
}

static void test_html_declared_charset(void **state)
{
    (void)state;
    char *err;
    el_doc *d = read_string("<html><head><meta charset=\"iso-8859-1\"></head>"
                            "<body><p>caf\xe9 au lait</p></body></html>",
                            el_read_html, &err);
    assert_non_null(d);
    assert_string_equal(d->text, "caf\xc3\xa9 au lait");
    el_doc_free(d);
}

/* ---- TimeML ---------------------------------------------------------------- */

static const char tiny1_text[] =
    "\nThe committee met yesterday after the \"R&D\" review <draft>.\n\n"
    "It will vote on Friday, the chair said \xe2\x80\x94 caf\xc3\xa9 owners hope so.\n";

static void test_timeml_gold_file(void **state)
{
    (void)state;
    el_doc *d = read_fixture("te3/gold/tiny1.tml", el_read_timeml);
    assert_string_equal(d->id, "tiny1");
    assert_string_equal(d->text, tiny1_text);
    assert_int_equal(d->len, strlen(tiny1_text));
    assert_int_equal(d->dct_source, EL_DCT_METADATA);
    assert_int_equal(d->dct.year, 2010);
    assert_int_equal(d->dct.month, 4);
    assert_int_equal(d->dct.day, 7);
    el_doc_free(d);
}

static void test_timeml_input_file_matches_gold(void **state)
{
    (void)state;
    el_doc *d = read_fixture("te3/input/tiny1.tml.TE3input", el_read_timeml);
    assert_string_equal(d->text, tiny1_text);
    el_doc_free(d);
    d = read_fixture("te3/gold/tiny2.tml", el_read_timeml);
    assert_string_equal(d->id, "tiny2");
    assert_string_equal(d->text, "Shares fell Thursday.\nPrices rose for three months & "
                                 "analysts expect more.");
    assert_int_equal(d->dct.year, 1998);
    el_doc_free(d);
}

static void test_timeml_fallbacks(void **state)
{
    (void)state;
    char *err;
    el_doc *d = read_string("<TimeML><TEXT><![CDATA[a < b]]> &#233;t&#xE9;</TEXT></TimeML>",
                            el_read_timeml, &err);
    assert_non_null(d);
    assert_string_equal(d->id, "fallback");
    assert_string_equal(d->text, "a < b \xc3\xa9t\xc3\xa9");
    assert_int_equal(d->dct.year, 0);
    el_doc_free(d);
    d = read_string("<!DOCTYPE TimeML [<!ENTITY co \"Acme Corp.\">]>"
                    "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"bogus\">19990304</TIMEX3></DCT>"
                    "<TEXT>&co; grew</TEXT></TimeML>",
                    el_read_timeml, &err);
    assert_non_null(d);
    assert_string_equal(d->text, "Acme Corp. grew");
    assert_int_equal(d->dct.year, 1999);
    assert_int_equal(d->dct.day, 4);
    el_doc_free(d);
}

static void test_timeml_errors(void **state)
{
    (void)state;
    char *err;
    assert_null(read_string("<?xml version=\"1.0\"?>\n<TimeML><DOCID>x</DOCID>\n"
                            "<TEXT>broken <b></TEXT>\n",
                            el_read_timeml, &err));
    assert_non_null(strstr(err, "not well-formed XML at line 3: "));
    assert_null(strchr(err, '\n'));
    free(err);
    assert_null(read_string("<TimeML><DOCID>x</DOCID></TimeML>", el_read_timeml, &err));
    assert_non_null(strstr(err, "no <TEXT>"));
    free(err);
    assert_null(read_string("<TimeML><TEXT>\n  \n</TEXT></TimeML>", el_read_timeml, &err));
    assert_non_null(strstr(err, "empty"));
    free(err);
    assert_null(read_string("<!DOCTYPE x [<!ENTITY ext SYSTEM \"/etc/passwd\">]>"
                            "<TimeML><TEXT>&ext;</TEXT></TimeML>",
                            el_read_timeml, &err));
    assert_non_null(strstr(err, "ext"));
    free(err);
    assert_null(read_string("<TimeML><TEXT>caf\xe9</TEXT></TimeML>", el_read_timeml, &err));
    assert_non_null(strstr(err, "not well-formed XML at line 1"));
    free(err);
}

/* ---- JSON Lines ------------------------------------------------------------- */

typedef struct jsonl_result {
    int rc;
    size_t line;
    char *id;
    char *text;
    char *err;
    el_date dct;
} jsonl_result;

static jsonl_result next_record(el_jsonl_reader *r)
{
    jsonl_result res = {0, 0, NULL, NULL, NULL, {0, 0, 0}};
    el_doc *d = NULL;
    res.rc = el_jsonl_next(r, &d, &res.err, &res.line);
    if (d) {
        res.id = el_strdup(d->id);
        res.text = el_strdup(d->text);
        res.dct = d->dct;
        el_doc_free(d);
    }
    return res;
}

static void result_free(jsonl_result *res)
{
    free(res->id);
    free(res->text);
    free(res->err);
}

static void expect_error(el_jsonl_reader *r, size_t line, const char *msg)
{
    jsonl_result res = next_record(r);
    assert_int_equal(res.rc, -1);
    assert_int_equal(res.line, line);
    if (!strstr(res.err, msg))
        fail_msg("line %zu: '%s' does not contain '%s'", line, res.err, msg);
    result_free(&res);
}

static void test_jsonl_records(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/records.jsonl", TEST_DATA_DIR);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    el_jsonl_reader *r = el_jsonl_open(fp, path);
    jsonl_result res = next_record(r);
    assert_int_equal(res.rc, 1);
    assert_string_equal(res.id, "good");
    assert_string_equal(res.text, "Officials met on Monday.");
    assert_int_equal(res.dct.day, 19);
    result_free(&res);
    res = next_record(r);
    assert_int_equal(res.rc, 1);
    assert_string_equal(res.id, "records-2");
    assert_int_equal(res.dct.month, 1);
    result_free(&res);
    expect_error(r, 4, "dct 'June 5' is not a date (YYYY-MM-DD)");
    expect_error(r, 5, "not valid JSON");
    expect_error(r, 6, "not a JSON object");
    expect_error(r, 7, "no \"text\"");
    expect_error(r, 8, "empty text");
    res = next_record(r);
    assert_int_equal(res.rc, 1);
    assert_string_equal(res.text, "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d");
    result_free(&res);
    res = next_record(r);
    assert_int_equal(res.rc, 0);
    result_free(&res);
    el_jsonl_close(r);
    fclose(fp);
}

static void test_jsonl_long_line(void **state)
{
    (void)state;
    FILE *fp = tmpfile();
    assert_non_null(fp);
    size_t words = 300000;   /* about 2 MB on one line */
    fputs("{\"id\":\"long\",\"text\":\"", fp);
    for (size_t i = 0; i < words; i++)
        fputs("ab cdef ", fp);
    fputs("end\"}\n{\"id\":\"after\",\"text\":\"short\"}", fp);   /* no final newline */
    rewind(fp);
    el_jsonl_reader *r = el_jsonl_open(fp, "-");
    jsonl_result res = next_record(r);
    assert_int_equal(res.rc, 1);
    assert_int_equal(strlen(res.text), words * 8 + 3);
    result_free(&res);
    res = next_record(r);
    assert_int_equal(res.rc, 1);
    assert_string_equal(res.id, "after");
    result_free(&res);
    res = next_record(r);
    assert_int_equal(res.rc, 0);
    el_jsonl_close(r);
    fclose(fp);
}

/* ---- TimeML writer ------------------------------------------------------------ */

static char *write_timeml(const el_doc *d)
{
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    assert_non_null(fp);
    assert_int_equal(el_export_timeml(d, fp), 0);
    fclose(fp);
    return out;
}

static el_timex *add_timex(el_doc *d, const char *word, const char *value)
{
    const char *p = strstr(d->text, word);
    assert_non_null(p);
    el_timex *t = el_doc_add_timex(d, 0, 0);
    t->start = (uint32_t)(p - d->text);
    t->end = t->start + (uint32_t)strlen(word);
    t->type = EL_TIMEX_DATE;
    snprintf(t->value, sizeof t->value, "%s", value);
    t->anchor = -1;
    t->temporal_function = true;
    return t;
}

static void add_event(el_doc *d, const char *word)
{
    const char *p = strstr(d->text, word);
    assert_non_null(p);
    el_event_mention *e = el_doc_add_event(d, 0, 0, EL_EV_OCCURRENCE, "test", word);
    e->start = (uint32_t)(p - d->text);
    e->end = e->start + (uint32_t)strlen(word);
    e->tense = EL_TENSE_PAST;
}

static void test_writer_round_trip(void **state)
{
    (void)state;
    el_doc *d = read_fixture("te3/input/tiny1.tml.TE3input", el_read_timeml);
    add_timex(d, "yesterday", "2010-04-06");
    add_timex(d, "Friday", "2010-04-09");
    add_event(d, "met");
    add_event(d, "review");
    add_event(d, "ay, the");          /* crosses the "Friday" timex: skipped */
    add_event(d, "Fri");              /* nested in it: skipped */
    el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, 0, EL_NODE_TIMEX, 0, EL_REL_IS_INCLUDED, NULL);
    el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, 2, EL_NODE_DCT, -1, EL_REL_BEFORE, NULL);
    el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, 1, EL_NODE_DCT, -1, EL_REL_BEFORE, NULL);
    char *xml = write_timeml(d);
    /* a TimeML input keeps its bytes outside TEXT (title, DCT with its attributes) */
    assert_non_null(strstr(xml, "<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi="));
    assert_non_null(strstr(xml, "<TITLE>Test document one</TITLE>"));
    assert_non_null(strstr(xml, ">20100407</TIMEX3></DCT>"));
    assert_non_null(strstr(xml, "<DOCID>tiny1</DOCID>"));
    assert_non_null(strstr(xml, "value=\"2010-04-07\""));
    assert_non_null(strstr(xml, "functionInDocument=\"CREATION_TIME\""));
    assert_non_null(strstr(xml, "<EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> "
                                "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2010-04-06\" "
                                "anchorTimeID=\"t0\" temporalFunction=\"true\" "
                                "functionInDocument=\"NONE\">yesterday</TIMEX3>"));
    assert_non_null(strstr(xml, "\"R&amp;D\" <EVENT eid=\"e2\""));   /* raw quotes */
    assert_non_null(strstr(xml, "&lt;draft&gt;"));
    assert_null(strstr(xml, "eid=\"e3\""));
    assert_null(strstr(xml, "eid=\"e4\""));
    assert_non_null(strstr(xml, "<MAKEINSTANCE eiid=\"ei1\" eventID=\"e1\" tense=\"PAST\" "
                                "aspect=\"NONE\" polarity=\"POS\" pos=\"UNKNOWN\"/>"));
    assert_non_null(strstr(xml, "<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" "
                                "eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>"));
    assert_non_null(strstr(xml, "<TLINK lid=\"l2\" relType=\"BEFORE\" "
                                "eventInstanceID=\"ei2\" relatedToTime=\"t0\"/>"));
    /* then the links against the DCT: the timexes' values, the events' tenses */
    assert_non_null(strstr(xml, "<TLINK lid=\"l3\" relType=\"BEFORE\" timeID=\"t1\" "
                                "relatedToTime=\"t0\"/>"));
    char *err = NULL;
    el_doc *again = el_read_timeml("other", "mem", xml, strlen(xml), &err);
    assert_non_null(again);
    assert_string_equal(again->text, d->text);
    assert_string_equal(again->id, "tiny1");
    assert_int_equal(again->dct.day, 7);
    el_doc_free(again);
    free(xml);
    el_doc_free(d);
}

static void test_writer_plain_text_round_trip(void **state)
{
    (void)state;
    const char *text = "Line one\r\nTabs\there & <there>\x0c]]> \"q\" 'a'\n";
    el_doc *d = el_doc_new("plain", NULL, el_strdup(text), strlen(text));
    char *xml = write_timeml(d);
    assert_non_null(strstr(xml, "value=\"XXXX-XX-XX\""));   /* a DCT element, date unknown */
    char *err = NULL;
    el_doc *again = el_read_timeml("x", "mem", xml, strlen(xml), &err);
    assert_non_null(again);
    assert_string_equal(again->text, "Line one\r\nTabs\there & <there> ]]> \"q\" 'a'\n");
    el_doc_free(again);
    free(xml);
    el_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_article_body),
        cmocka_unit_test(test_html_main_title_and_time),
        cmocka_unit_test(test_html_broken_and_bad),
        cmocka_unit_test(test_html_jsonld_date_and_pre),
        cmocka_unit_test(test_html_declared_charset),
        cmocka_unit_test(test_timeml_gold_file),
        cmocka_unit_test(test_timeml_input_file_matches_gold),
        cmocka_unit_test(test_timeml_fallbacks),
        cmocka_unit_test(test_timeml_errors),
        cmocka_unit_test(test_jsonl_records),
        cmocka_unit_test(test_jsonl_long_line),
        cmocka_unit_test(test_writer_round_trip),
        cmocka_unit_test(test_writer_plain_text_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_entity.c - the entity stage: gazetteer loading and matching (case
 * policy, longest match, priorities), rules for unknown names (titles,
 * honorifics, given names, suffixes, "X said"), guards against sentence
 * starts and headlines, roles, short-name resolution, capitals standing for
 * their governments, thread-safety of a read-only gazetteer.  Gazetteers
 * are built from strings, not the shipped data, so the tests state the
 * rules, not the lists. */
#include "test_util.h"
#include "stages/entity/entity.h"
#include "stages/entity/gazetteer.h"

#include <stdio.h>
#include <stdlib.h>

static el_gazetteer *gz_from(const char *entities, const char *cues)
{
    char path[] = "/tmp/el_test_gzXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs(entities, fp);
    fclose(fp);
    char *err = NULL;
    char *extra[] = {path};
    el_gazetteer *gz = el_gazetteer_load(NULL, extra, 1, &err);
    remove(path);
    assert_non_null(gz);
    char *copy = el_strdup(cues), *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        assert_true(el_gz_add_cue_line(gz, line, &err));
    free(copy);
    return gz;
}

static const char *ENTS =
    "# test gazetteer\n"
    "United States\tLOCATION\tcountry\tUS|U.S.|America\tiso:US\t\n"
    "Ruritania\tLOCATION\tcountry\tRuritanian Republic\tiso:RR\t\n"
    "Ruritanian\tNORP\tnationality\t\tnat:RR\t\n"
    "Georgetown\tLOCATION\tregion\t\tiso:XX-G\tlow\n"
    "Georgetown\tLOCATION\tcity\t\tcity:1\t\n"
    "Lakeview\tLOCATION\tcity\t\tcity:2\t\n"
    "Acme Corp.\tORGANIZATION\tcompany\tAcme\t\t\n"
    "State Department\tORGANIZATION\tgovernment\t\t\t\n"
    "Jane Roe\tPERSON\tpolitician\tRoe\t\t\n"
    "Secretary of State\tTITLE\tgovernment\tsecretary of state\trole:fm\t\n"
    "Foreign Minister\tTITLE\tgovernment\tforeign minister\trole:fm\t\n"
    "Top Diplomat\tTITLE\tdiplomacy\ttop diplomat|diplomat\trole:fm\t\n"
    "President\tTITLE\tgovernment\tpresident\t\t\n"
    "Mr.\tHONORIFIC\thonorific\tMr|Mrs.\t\t\n";

/* The function-word classes the rules test (cues/function-words.tsv). */
#define FUNCTION_WORDS \
    "and\tcoord\nthe\tdefinite\na\tindefinite\nan\tindefinite\nof\tgenitive\n" \
    "for\tpurpose\nwho\trelative\n"

static const char *CUES =
    "the\tstop\nThe\tstop\nbut\tstop\nit\tstop\nboth\tstop\nto\tstop\nthen\tstop\nthey\tstop\n"
    "Monday\tnot-name\n"
    "Anna\tgiven-female\nBoris\tgiven-male\nWang\tgiven\n"
    "he\tpronoun-male\nhis\tpronoun-male\nshe\tpronoun-female\n"
    "Corp.\torg-suffix\nUniversity\torg-suffix\nMinistry\torg-head\nMinistry\torg-suffix\n"
    "River\tloc-suffix\nAirport\tfac-suffix\nof\tconnector\nsaid\tsay\ntold\tsay\n"
    FUNCTION_WORDS;

typedef struct found { const char *text, *type, *key, *role; } found;

static char *mention_text(const el_doc *d, const el_mention *m)
{
    return el_strndup(d->text + m->start, m->end - m->start);
}

/* Tag `text` and compare every mention with `want` (NULL-terminated by text). */
static void check(const el_gazetteer *gz, const char *text, const found *want)
{
    el_doc *d = test_doc(text);
    el_entity_tag(d, gz);
    size_t n = 0;
    while (want[n].text)
        n++;
    for (size_t i = 0; i < d->nmentions; i++) {
        char *t = mention_text(d, &d->mentions[i]);
        print_message("  %s %s %s role=%s\n", t, el_ent_type_name(d->mentions[i].type),
                      d->mentions[i].key, d->mentions[i].role ? d->mentions[i].role : "-");
        free(t);
    }
    assert_int_equal(d->nmentions, n);
    for (size_t i = 0; i < n; i++) {
        const el_mention *m = &d->mentions[i];
        char *t = mention_text(d, m);
        assert_string_equal(t, want[i].text);
        free(t);
        assert_string_equal(el_ent_type_name(m->type), want[i].type);
        if (want[i].key)
            assert_string_equal(m->key, want[i].key);
        if (want[i].role)
            assert_string_equal(m->role ? m->role : "-", want[i].role);
    }
    el_doc_free(d);
}

static void test_load_and_case_policy(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    assert_int_equal(el_gazetteer_size(gz), 14);
    check(gz, "Let us go to the US and America.", (found[]){
        {"US", "LOCATION", "iso:US", NULL}, {"America", "LOCATION", "iso:US", NULL}, {0}});
    /* lower-case words never match capitalized-only names */
    check(gz, "the acme of ruritania", (found[]){{0}});
    el_gazetteer_free(gz);
}

static void test_longest_match_and_priority(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    check(gz, "Officials in the Ruritanian Republic met in Georgetown.", (found[]){
        {"Ruritanian Republic", "LOCATION", "iso:RR", NULL},
        {"Georgetown", "LOCATION", "city:1", NULL}, {0}});
    el_gazetteer_free(gz);
}

static void test_title_makes_person_with_role(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    check(gz, "It was Ruritanian Foreign Minister Boris Kolar who came.", (found[]){
        {"Ruritanian", "NORP", "nat:RR", NULL},
        {"Boris Kolar", "PERSON", "PERSON:boris kolar", "Foreign Minister"}, {0}});
    check(gz, "We met US Secretary of State Jane Roe today.", (found[]){
        {"US", "LOCATION", NULL, NULL}, {"Jane Roe", "PERSON", "PERSON:jane roe", "Secretary of State"}, {0}});
    el_gazetteer_free(gz);
}

static void test_rules_for_unknown_names(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    check(gz, "A report by Anna Smith reached Globex Corp. and the Ministry of Truth.", (found[]){
        {"Anna Smith", "PERSON", NULL, NULL}, {"Globex Corp.", "ORGANIZATION", NULL, NULL},
        {"the Ministry of Truth", "ORGANIZATION", "ORGANIZATION:ministry of truth", NULL}, {0}});
    check(gz, "Water from the Zorba River reached Ozville Airport, Pat Quill said.", (found[]){
        {"Zorba River", "LOCATION", NULL, NULL}, {"Ozville Airport", "LOCATION", NULL, NULL},
        {"Pat Quill", "PERSON", NULL, NULL}, {0}});
    check(gz, "Then Mr. Quill left.", (found[]){{"Quill", "PERSON", NULL, NULL}, {0}});
    /* a given name before a city is a person whose surname is the city's name */
    check(gz, "A report by Anna Lakeview came out.", (found[]){
        {"Anna Lakeview", "PERSON", NULL, NULL}, {0}});
    check(gz, "A report came out in Lakeview.", (found[]){{"Lakeview", "LOCATION", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

static void test_sentence_starts_and_headlines(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    /* a capitalized word at a sentence start is no name by itself */
    check(gz, "Yesterday the talks ended. Overall it went well.", (found[]){{0}});
    /* headline case: capitalized stop words inside the line */
    check(gz, "Both Sides Agree To Advance Dialogue\nThey talked.", (found[]){{0}});
    /* a title in a headline-case line does not make the next words a name */
    check(gz, "Top Diplomat Discusses Trade Issues\nThey talked.", (found[]){{0}});
    /* ... unless the document confirms the name elsewhere */
    check(gz, "Kolar arrived. Then they met Kolar.", (found[]){
        {"Kolar", "OTHER", NULL, NULL}, {"Kolar", "OTHER", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

/* Words inside a time expression do not count toward headline case: a
 * capitalized "May" that is a month is no capitalized stop word. */
static void test_months_do_not_make_headlines(void **state)
{
    (void)state;
    char cues[2048];
    snprintf(cues, sizeof cues, "%sAnd\tstop\nmay\tstop\nin\tstop\n", CUES);
    el_gazetteer *gz = gz_from(ENTS, cues);
    el_doc *d = test_doc("Then And Jane Roe met Kolar in May.");
    el_doc_add_timex(d, 7, 8);   /* "May" */
    el_entity_tag(d, gz);
    assert_int_equal(d->nmentions, 2);
    assert_string_equal(d->mentions[1].key, "OTHER:kolar");
    el_doc_free(d);
    el_gazetteer_free(gz);
}

/* Between two people in a list, a name of no telling shape is a person. */
static void test_names_in_a_list_of_people(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    check(gz, "Jane Roe, Quorra Vell and Boris Kolar wrote it.", (found[]){
        {"Jane Roe", "PERSON", NULL, NULL}, {"Quorra Vell", "PERSON", "PERSON:quorra vell", NULL},
        {"Boris Kolar", "PERSON", NULL, NULL}, {0}});
    check(gz, "Jane Roe visited Quorra Vell and Zorba City.", (found[]){
        {"Jane Roe", "PERSON", NULL, NULL}, {"Quorra Vell", "OTHER", NULL, NULL},
        {"Zorba City", "OTHER", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

static void test_short_names_resolve_to_nearest_full(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    check(gz, "President Wang Tao met Anna Wang. Wang said no. Roe agreed.", (found[]){
        {"Wang Tao", "PERSON", "PERSON:wang tao", "President"},
        {"Anna Wang", "PERSON", "PERSON:anna wang", NULL},
        {"Wang", "PERSON", "PERSON:anna wang", NULL},
        {"Roe", "PERSON", "PERSON:jane roe", NULL}, {0}});
    el_gazetteer_free(gz);
}

static void test_apposition_role(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    check(gz, "He met Boris Kolar, the Ruritanian foreign minister, on Monday.", (found[]){
        {"Boris Kolar", "PERSON", NULL, "Foreign Minister"},
        {"the Ruritanian foreign minister", "PERSON", "PERSON:boris kolar", "Foreign Minister"},
        {"Ruritanian", "NORP", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

static void test_extent_takes_the(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    check(gz, "Troops left the Ruritanian Republic. Then the US market fell.", (found[]){
        {"the Ruritanian Republic", "LOCATION", "iso:RR", NULL}, {"US", "LOCATION", "iso:US", NULL}, {0}});
    el_gazetteer_free(gz);
}

/* The rules read a word's function-word class from the cue data, in any
 * case, not from the word: without the `definite` row "the" is no article
 * of a name; another word given that class is one. */
static void test_function_word_class_from_data(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    el_doc *d = test_doc("And THE an who Of for or");
    el_entity_tag(d, gz);
    static const unsigned want[] = {EL_WC_AND, EL_WC_THE, EL_WC_INDEF, EL_WC_WHO, EL_WC_OF,
                                    EL_WC_FOR, EL_WC_NONE};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        assert_int_equal(el_gz_class(gz, d, i), want[i]);
    el_doc_free(d);
    el_gazetteer_free(gz);

    gz = gz_from(ENTS, "the\tstop\nThe\tstop\nthen\tstop\n");   /* no classes */
    check(gz, "Troops left the Ruritanian Republic. Then the US market fell.", (found[]){
        {"Ruritanian Republic", "LOCATION", "iso:RR", NULL}, {"US", "LOCATION", "iso:US", NULL}, {0}});
    el_gazetteer_free(gz);
    gz = gz_from(ENTS, "the\tstop\nThe\tstop\nthen\tstop\nles\tdefinite\n");
    check(gz, "Troops left les Ruritanian Republic.", (found[]){
        {"les Ruritanian Republic", "LOCATION", "iso:RR", NULL}, {0}});
    el_gazetteer_free(gz);

    gz = gz_from("", "");
    char *err = NULL;
    char first[] = "of\tgenitive", second[] = "of\tcoord", again[] = "of\tgenitive";
    assert_true(el_gz_add_cue_line(gz, first, &err));
    assert_true(el_gz_add_cue_line(gz, again, &err));
    assert_false(el_gz_add_cue_line(gz, second, &err));   /* one class per word */
    assert_non_null(err);
    free(err);
    char only[] = "und\tcoord";   /* a class-only row: a word with no cue bit */
    assert_true(el_gz_add_cue_line(gz, only, &err));
    d = test_doc("Und");
    assert_int_equal(el_gz_class(gz, d, 0), EL_WC_AND);
    assert_int_equal(el_gz_cues(gz, d, 0), 0);
    el_doc_free(d);
    el_gazetteer_free(gz);
}

static void test_nominals_resolve_by_role_and_country(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    check(gz, "Ruritanian Foreign Minister Boris Kolar met US Secretary of State Jane Roe. "
              "The top US diplomat spoke first. The Ruritanian foreign minister agreed. "
              "A top diplomat from elsewhere left.", (found[]){
        {"Ruritanian", "NORP", NULL, NULL},
        {"Boris Kolar", "PERSON", "PERSON:boris kolar", "Foreign Minister"},
        {"US", "LOCATION", NULL, NULL},
        {"Jane Roe", "PERSON", "PERSON:jane roe", "Secretary of State"},
        {"The top US diplomat", "PERSON", "PERSON:jane roe", "Top Diplomat"},
        {"US", "LOCATION", NULL, NULL},
        {"The Ruritanian foreign minister", "PERSON", "PERSON:boris kolar", "Foreign Minister"},
        {"Ruritanian", "NORP", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

static void test_pronouns_take_subject_of_same_gender(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(ENTS, CUES);
    check(gz, "Anna Smith met Boris Kolar in Georgetown, and he said she had left. "
              "Nobody knew why.", (found[]){
        {"Anna Smith", "PERSON", "PERSON:anna smith", NULL},
        {"Boris Kolar", "PERSON", "PERSON:boris kolar", NULL},
        {"Georgetown", "LOCATION", NULL, NULL},
        {"he", "PERSON", "PERSON:boris kolar", NULL},
        {"she", "PERSON", "PERSON:anna smith", NULL}, {0}});
    /* one sentence, one gender: a later pronoun keeps the first one's antecedent */
    check(gz, "Boris Kolar described his talks with Anna Smith and Mr. Tom Quill and said his "
              "visit went well.", (found[]){
        {"Boris Kolar", "PERSON", "PERSON:boris kolar", NULL},
        {"his", "PERSON", "PERSON:boris kolar", NULL},
        {"Anna Smith", "PERSON", "PERSON:anna smith", NULL},
        {"Tom Quill", "PERSON", "PERSON:tom quill", NULL},
        {"his", "PERSON", "PERSON:boris kolar", NULL}, {0}});
    /* no person named before: no mention */
    check(gz, "He left Georgetown.", (found[]){{"Georgetown", "LOCATION", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

/* Products no list holds: a camel-case word and what completes it (model
 * tokens, product words, capitalized words), or an organization's name
 * before a model designation; quantities and time expressions are no models. */
static void test_product_names(void **state)
{
    (void)state;
    char cues[2048];
    snprintf(cues, sizeof cues, "%sin\tstop\nno\tstop\nnano\tproduct\nstore\tproduct\npercent\tmeasure\n", CUES);
    el_gazetteer *gz = gz_from(ENTS, cues);
    check(gz, "Acme Corp. sold the zPad 3GS in the zTune store; no mRNA kit.", (found[]){
        {"Acme Corp.", "ORGANIZATION", NULL, NULL}, {"the zPad 3GS", "PRODUCT", "PRODUCT:zpad 3gs", NULL},
        {"the zTune store", "PRODUCT", NULL, NULL}, {0}});
    check(gz, "Buyers of zPod nano units like the Acme X200 Music Player.", (found[]){
        {"zPod nano", "PRODUCT", NULL, NULL}, {"the Acme X200 Music Player", "PRODUCT", NULL, NULL}, {0}});
    check(gz, "Anna Pad Store opened.", (found[]){{"Anna Pad Store", "PRODUCT", NULL, NULL}, {0}});
    check(gz, "Acme X200 sales grew; 200 people bought the X200.", (found[]){
        {"Acme X200", "PRODUCT", "PRODUCT:acme x200", NULL}, {"the X200", "PRODUCT", "PRODUCT:acme x200", NULL}, {0}});
    check(gz, "Acme 12 percent higher; Acme 7 more.", (found[]){
        {"Acme", "ORGANIZATION", NULL, NULL}, {"Acme", "ORGANIZATION", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

static void test_bad_lines(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from("", "");
    char *err = NULL;
    char bad_type[] = "Foo\tPLANET\t\t\t\t";
    assert_false(el_gz_add_line(gz, bad_type, &err));
    assert_non_null(err);
    free(err);
    err = NULL;
    char no_type[] = "Foo";
    assert_false(el_gz_add_line(gz, no_type, &err));
    free(err);
    err = NULL;
    char bad_cue[] = "Foo\tweird";
    assert_false(el_gz_add_cue_line(gz, bad_cue, &err));
    free(err);
    char *extra[] = {"/nonexistent/gazetteer.tsv"};
    err = NULL;
    assert_null(el_gazetteer_load(NULL, extra, 1, &err));
    assert_non_null(err);
    free(err);
    el_gazetteer_free(gz);
}

static void test_many_entries(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from("", CUES);
    char line[128];
    for (int i = 0; i < 20000; i++) {
        snprintf(line, sizeof line, "Place%05d City\tLOCATION\tcity\tP%05d\t\t", i, i);
        char *err = NULL;
        assert_true(el_gz_add_line(gz, line, &err));
    }
    check(gz, "They flew from Place01234 City to P19999.", (found[]){
        {"Place01234 City", "LOCATION", "LOCATION:place01234 city", NULL},
        {"P19999", "LOCATION", "LOCATION:place19999 city", NULL}, {0}});
    el_gazetteer_free(gz);
}

/* A capital with FLAGS capital-of=XX that is the subject of a statement
 * verb stands for country XX's government; anywhere else it is the city. */
static const char *CAP_ENTS =
    "Ruritania\tLOCATION\tcountry\t\tiso:RR\t\n"
    "Freedonia\tLOCATION\tcountry\t\tiso:FD\t\n"
    "Strelsau\tLOCATION\tcapital\t\tcity:10\tcapital-of=RR\n"
    "Fredville\tLOCATION\tcapital\t\tcity:11\tcapital-of=FD\n"
    "Oldtown\tLOCATION\tcapital\t\tcity:12\t\n"
    "Lostburg\tLOCATION\tcapital\t\tcity:13\tcapital-of=ZZ\n";

static const char *CAP_CUES =
    "said\tsay\naccused\tstatement\nagreed\tstatement\nhas\tauxiliary\nalso\tauxiliary\n"
    "but\tclause\nthe\tstop\nto\tstop\nin\tstop\nit\tstop\nof\tpreposition\n" FUNCTION_WORDS;

static void test_capital_as_government(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(CAP_ENTS, CAP_CUES);
    check(gz, "Strelsau said it would respond.", (found[]){
        {"Strelsau", "LOCATION", "iso:RR", NULL}, {0}});
    check(gz, "Fredville and Strelsau agreed to talks.", (found[]){
        {"Fredville", "LOCATION", "iso:FD", NULL}, {"Strelsau", "LOCATION", "iso:RR", NULL}, {0}});
    check(gz, "Ruritania, Fredville and Strelsau agreed.", (found[]){
        {"Ruritania", "LOCATION", "iso:RR", NULL}, {"Fredville", "LOCATION", "iso:FD", NULL},
        {"Strelsau", "LOCATION", "iso:RR", NULL}, {0}});
    /* auxiliaries between subject and verb; the object stays the city */
    check(gz, "Strelsau has also accused Fredville of spying.", (found[]){
        {"Strelsau", "LOCATION", "iso:RR", NULL}, {"Fredville", "LOCATION", "city:11", NULL}, {0}});
    /* a clause word or a say verb before the subject */
    check(gz, "It rained, but Strelsau agreed.", (found[]){
        {"Strelsau", "LOCATION", "iso:RR", NULL}, {0}});
    check(gz, "Fredville said Strelsau agreed.", (found[]){
        {"Fredville", "LOCATION", "iso:FD", NULL}, {"Strelsau", "LOCATION", "iso:RR", NULL}, {0}});
    el_doc *d = test_doc("Strelsau said it would respond.");
    el_entity_tag(d, gz);
    assert_int_equal(d->nmentions, 1);
    assert_string_equal(d->mentions[0].name, "Ruritania");
    assert_string_equal(d->mentions[0].subtype, "government");
    el_doc_free(d);
    el_gazetteer_free(gz);
}

static void test_capital_stays_city(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from(CAP_ENTS, CAP_CUES);
    /* not a subject: after a preposition or a stop word, possessive, object */
    check(gz, "The envoy in Strelsau said nothing.", (found[]){
        {"Strelsau", "LOCATION", "city:10", NULL}, {0}});
    check(gz, "Strelsau's mayor said nothing.", (found[]){
        {"Strelsau", "LOCATION", "city:10", NULL}, {0}});
    check(gz, "He flew to Strelsau and Fredville said nothing.", (found[]){
        {"Strelsau", "LOCATION", "city:10", NULL}, {"Fredville", "LOCATION", "city:11", NULL}, {0}});
    /* no statement verb right after ("was" is no auxiliary here) */
    check(gz, "Strelsau was accused of spying.", (found[]){
        {"Strelsau", "LOCATION", "city:10", NULL}, {0}});
    check(gz, "Strelsau is large.", (found[]){{"Strelsau", "LOCATION", "city:10", NULL}, {0}});
    /* no capital-of, or a capital-of without that country in the lists */
    check(gz, "Oldtown said it would respond.", (found[]){
        {"Oldtown", "LOCATION", "city:12", NULL}, {0}});
    check(gz, "Lostburg said it would respond.", (found[]){
        {"Lostburg", "LOCATION", "city:13", NULL}, {0}});
    el_gazetteer_free(gz);
}

/* The rules added for unseen news: airlines "X Air", teams, events kept
 * whole, model numbers, particles inside names, bylines. */
static void test_news_name_shapes(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from("Lakeview\tLOCATION\tcity\t\tcity:2\t\nVanburg\tLOCATION\tcity\t\tcity:3\t\n"
                               "Dusk\tLOCATION\tcity\t\tcity:4\t\nRuritanian\tNORP\tnationality\t\tnat:RR\t\n",
                               "the\tstop\nThe\tstop\nAir\torg-start\nair\tproduct\nUnion\torg-suffix\n"
                               "Prix\tevent-suffix\nrocket\tproduct-after\nvanburg\tparticle\n"
                               "by\tstop\nBy\tbyline\nand\tconnector\nof\tconnector\nsaid\tsay\n");
    check(gz, "Flights of Zentra Air resumed.", (found[]){{"Zentra Air", "ORGANIZATION", NULL, NULL}, {0}});
    check(gz, "Fans of the Lakeview Otters cheered.", (found[]){
        {"Lakeview Otters", "ORGANIZATION", NULL, NULL}, {0}});
    check(gz, "He won the Ruritanian Grand Prix today.", (found[]){
        {"Ruritanian Grand Prix", "OTHER", NULL, NULL}, {0}});
    check(gz, "It flew on a Zorbex 9 rocket and the Quarn X7 too.", (found[]){
        {"Zorbex 9", "PRODUCT", NULL, NULL}, {"Quarn X7", "PRODUCT", NULL, NULL}, {0}});
    check(gz, "Their leader Pieter Vanburg Dusk said no.", (found[]){
        {"Pieter Vanburg Dusk", "PERSON", NULL, NULL}, {0}});
    check(gz, "It joined the General Porters' Union last year.", (found[]){
        {"General Porters' Union", "ORGANIZATION", NULL, NULL}, {0}});
    check(gz, "By Tess Marlow and Oren Kade\n\nThe vote was close.", (found[]){
        {"Tess Marlow", "PERSON", NULL, NULL}, {"Oren Kade", "PERSON", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

/* Context classes of cues/function-words.tsv and the employer, score,
 * ordinal, apposition and byline rules (issue 16). */
static void test_context_rules(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from("Lakeview\tLOCATION\tcity\t\tcity:2\tlow\n"
                               "U.S.\tLOCATION\tcountry\t\tiso:US\t\n"
                               "Chief Executive\tTITLE\tbusiness\tchief executive\t\t\n"
                               "Volcanologist\tTITLE\tscience\tvolcanologist|spokeswoman\t\t\n",
                               "the\tstop\nThe\tstop\nLater\tstop\nRovers\tstop\nCourt\torg-suffix\nCity\tloc-suffix\n"
                               "of\tconnector\nsaid\tsay\nby\tstop\nBy\tbyline\nformer\tmodifier\n"
                               "Games\torg-suffix\n" FUNCTION_WORDS
                               "th\tordinal-suffix\nparty\torg-after\ntown\tplace-noun\n"
                               "peninsula\tplace-noun\nindex\tfinancial-after\n");
    check(gz, "The Zorvan party won in the town of Quillby near the Maros peninsula.", (found[]){
        {"Zorvan", "ORGANIZATION", NULL, NULL}, {"Quillby", "LOCATION", NULL, NULL},
        {"Maros", "LOCATION", NULL, NULL}, {0}});
    check(gz, "Later the benchmark QRX index rose.", (found[]){{"QRX", "FINANCIAL", NULL, NULL}, {0}});
    check(gz, "Later Brannoc Chief Executive Ola Tandy spoke.", (found[]){
        {"Brannoc", "ORGANIZATION", NULL, NULL}, {"Ola Tandy", "PERSON", NULL, NULL}, {0}});
    check(gz, "Rovers beat Norwick City 2-1 at home.", (found[]){
        {"Norwick City", "ORGANIZATION", NULL, NULL}, {0}});
    check(gz, "Later the 4th U.S. Appeals Court ruled.", (found[]){
        {"4th U.S. Appeals Court", "ORGANIZATION", NULL, NULL}, {0}});
    check(gz, "Later Ilsa Varga, a former volcanologist, said so.", (found[]){
        {"Ilsa Varga", "PERSON", NULL, NULL}, {0}});
    check(gz, "Later a spokeswoman, Ilsa Varga, said so.", (found[]){
        {"Ilsa Varga", "PERSON", NULL, NULL}, {0}});
    check(gz, "By Tess Lakeview\n\nThe vote was close.", (found[]){
        {"Tess Lakeview", "PERSON", NULL, NULL}, {0}});
    check(gz, "Later Lakeview Games said Lakeview's unit grew in Lakeview.", (found[]){
        {"Lakeview Games", "ORGANIZATION", NULL, NULL}, {"Lakeview", "ORGANIZATION", NULL, NULL},
        {"Lakeview", "LOCATION", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

/* Descriptor words before a given name, a place-like surname before "of",
 * and a company named by a common plural noun (issue 16). */
static void test_descriptors_surnames_and_plurals(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from("Tarrow\tLOCATION\tcity\t\tcity:5\tlow\n"
                               "Analyst\tTITLE\tbusiness\tanalyst\t\t\n"
                               "Premier\tTITLE\tgovernment\tpremier\t\t\n",
                               "the\tstop\nThe\tstop\nLater\tstop\nof\tconnector\nsaid\tsay\n"
                               "Partners\torg-suffix\nMira\tgiven\nOlek\tgiven\nBanks\tsurname\n"
                               "fire\tcommon\nchief\tcommon\nmarkets\tcommon\nbanks\tcommon-name\n"
                               "bus\tcommon\nstops\tcommon\ndivision\tcommon\nCity\tloc-suffix\n"
                               "Park\tloc-suffix\ncity\tplace-noun\n" FUNCTION_WORDS);
    check(gz, "Later Fire Chief Mira Vantol spoke.", (found[]){{"Mira Vantol", "PERSON", NULL, NULL}, {0}});
    check(gz, "Hydrologist Olek Brasso said so.", (found[]){{"Olek Brasso", "PERSON", NULL, NULL}, {0}});
    check(gz, "Later Analyst Mira Tarrow of Quell Partners said so.", (found[]){
        {"Mira Tarrow", "PERSON", NULL, NULL}, {"Quell Partners", "ORGANIZATION", NULL, NULL}, {0}});
    check(gz, "Later the chain Olek Markets grew.", (found[]){
        {"Olek Markets", "ORGANIZATION", NULL, NULL}, {0}});
    check(gz, "Later Olek Banks spoke.", (found[]){{"Olek Banks", "PERSON", NULL, NULL}, {0}});
    check(gz, "Later the Premier Division resumed.", (found[]){{0}});
    check(gz, "Later Norwick City lost, and Brannoc beat Arlow 2-1 at Kelso Park.", (found[]){
        {"Norwick City", "ORGANIZATION", NULL, NULL}, {"Brannoc", "OTHER", NULL, NULL},
        {"Arlow", "ORGANIZATION", NULL, NULL}, {"Kelso Park", "LOCATION", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

/* A maker noun right before a name says what the name is ("drug maker X" is
 * the company); only "the maker of X" and "the game X" make X a product. */
static void test_maker_before_name_is_the_company(void **state)
{
    (void)state;
    el_gazetteer *gz = gz_from("", "the\tstop\nThe\tstop\nLater\tstop\nof\tconnector\n"
                               "maker\torg-noun\nmaker\tproduct-noun\ngame\tproduct-noun\n" FUNCTION_WORDS);
    check(gz, "Later drug maker Halvo Biologics recalled it.", (found[]){
        {"Halvo Biologics", "ORGANIZATION", NULL, NULL}, {0}});
    check(gz, "Later the maker of Zentra Blaster recalled it.", (found[]){
        {"Zentra Blaster", "PRODUCT", NULL, NULL}, {0}});
    check(gz, "Later the game Zentra Blaster sold well.", (found[]){
        {"Zentra Blaster", "PRODUCT", NULL, NULL}, {0}});
    el_gazetteer_free(gz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_and_case_policy),
        cmocka_unit_test(test_maker_before_name_is_the_company),
        cmocka_unit_test(test_longest_match_and_priority),
        cmocka_unit_test(test_title_makes_person_with_role),
        cmocka_unit_test(test_rules_for_unknown_names),
        cmocka_unit_test(test_sentence_starts_and_headlines),
        cmocka_unit_test(test_months_do_not_make_headlines),
        cmocka_unit_test(test_names_in_a_list_of_people),
        cmocka_unit_test(test_short_names_resolve_to_nearest_full),
        cmocka_unit_test(test_apposition_role),
        cmocka_unit_test(test_extent_takes_the),
        cmocka_unit_test(test_function_word_class_from_data),
        cmocka_unit_test(test_nominals_resolve_by_role_and_country),
        cmocka_unit_test(test_pronouns_take_subject_of_same_gender),
        cmocka_unit_test(test_product_names),
        cmocka_unit_test(test_bad_lines),
        cmocka_unit_test(test_many_entries),
        cmocka_unit_test(test_capital_as_government),
        cmocka_unit_test(test_capital_stays_city),
        cmocka_unit_test(test_news_name_shapes),
        cmocka_unit_test(test_context_rules),
        cmocka_unit_test(test_descriptors_surnames_and_plurals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

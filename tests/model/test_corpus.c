/* test_corpus.c - the cross-document entity index: one entity per key,
 * ids in key order, aliases, and short names that an article leaves unresolved
 * taking the person the other articles agree on (corpus_names.c). */
#include "test_util.h"
#include "model/corpus.h"

#include <stdio.h>
#include <stdlib.h>

/* A document over `text` with one mention per {token begin, end, type, key,
 * name} row (keys NULL-terminated). */
typedef struct row { uint32_t b, e; el_ent_type type; const char *key, *name; } row;

static el_doc *doc_with(const char *id, const char *text, const row *rows)
{
    el_doc *d = test_doc(text);
    free(d->id);
    d->id = el_strdup(id);
    for (; rows->key; rows++)
        el_doc_add_mention(d, rows->b, rows->e, rows->type, rows->key, rows->name);
    return d;
}

static const el_entity *entity_named(const el_corpus *c, const char *name)
{
    for (size_t i = 0; i < c->nentities; i++)
        if (strcmp(c->entities[i].name, name) == 0)
            return &c->entities[i];
    return NULL;
}

static void test_one_entity_per_key_across_documents(void **state)
{
    (void)state;
    el_corpus *c = el_corpus_new();
    el_corpus_add(c, doc_with("a", "Jane Roe spoke.", (row[]){
        {0, 2, EL_ENT_PERSON, "PERSON:jane roe", "Jane Roe"}, {0}}));
    el_corpus_add(c, doc_with("b", "Then Jane Roe left.", (row[]){
        {1, 3, EL_ENT_PERSON, "PERSON:jane roe", "Jane Roe"}, {0}}));
    el_corpus_link_entities(c);
    assert_int_equal(c->nentities, 1);
    assert_string_equal(c->entities[0].id, "E1");
    assert_int_equal(c->entities[0].nmentions, 2);
    assert_int_equal(c->entities[0].ndocs, 2);
    el_corpus_free(c);
}

/* "Roe" alone in article c is Jane Roe, as articles a and b resolved it. */
static void test_lone_short_name_takes_agreed_person(void **state)
{
    (void)state;
    el_corpus *c = el_corpus_new();
    el_corpus_add(c, doc_with("a", "Jane Roe spoke. Roe left.", (row[]){
        {0, 2, EL_ENT_PERSON, "PERSON:jane roe", "Jane Roe"},
        {4, 5, EL_ENT_PERSON, "PERSON:jane roe", "Jane Roe"}, {0}}));
    el_corpus_add(c, doc_with("c", "They met Roe today.", (row[]){
        {2, 3, EL_ENT_OTHER, "OTHER:roe", "Roe"}, {0}}));
    el_corpus_link_entities(c);
    assert_int_equal(c->nentities, 1);
    const el_entity *e = entity_named(c, "Jane Roe");
    assert_non_null(e);
    assert_int_equal(e->type, EL_ENT_PERSON);
    assert_int_equal(e->nmentions, 3);
    assert_int_equal(e->ndocs, 2);
    el_corpus_free(c);
}

/* Two articles resolve "Roe" to different people: a lone "Roe" stays. */
static void test_disputed_short_name_stays(void **state)
{
    (void)state;
    el_corpus *c = el_corpus_new();
    el_corpus_add(c, doc_with("a", "Jane Roe spoke. Roe left.", (row[]){
        {0, 2, EL_ENT_PERSON, "PERSON:jane roe", "Jane Roe"},
        {4, 5, EL_ENT_PERSON, "PERSON:jane roe", "Jane Roe"}, {0}}));
    el_corpus_add(c, doc_with("b", "Max Roe spoke. Roe left.", (row[]){
        {0, 2, EL_ENT_PERSON, "PERSON:max roe", "Max Roe"},
        {4, 5, EL_ENT_PERSON, "PERSON:max roe", "Max Roe"}, {0}}));
    el_corpus_add(c, doc_with("c", "They met Roe today.", (row[]){
        {2, 3, EL_ENT_OTHER, "OTHER:roe", "Roe"}, {0}}));
    el_corpus_link_entities(c);
    assert_int_equal(c->nentities, 3);
    assert_non_null(entity_named(c, "Roe"));
    el_corpus_free(c);
}

/* "Safety Board" in article b is the "Safety Board of Ruritania" of article a
 * (Ruritania a place of the corpus); "Bank" is no two-word head and stays. */
static void test_organization_without_of_place(void **state)
{
    (void)state;
    el_corpus *c = el_corpus_new();
    el_corpus_add(c, doc_with("a", "The Safety Board of Ruritania said so. Bank of Ruritania rose.", (row[]){
        {1, 5, EL_ENT_ORGANIZATION, "ORGANIZATION:safety board of ruritania", "Safety Board of Ruritania"},
        {4, 5, EL_ENT_LOCATION, "iso:RU", "Ruritania"},
        {8, 11, EL_ENT_ORGANIZATION, "ORGANIZATION:bank of ruritania", "Bank of Ruritania"}, {0}}));
    el_corpus_add(c, doc_with("b", "The Safety Board said the Bank was shut.", (row[]){
        {1, 3, EL_ENT_ORGANIZATION, "ORGANIZATION:safety board", "Safety Board"},
        {5, 6, EL_ENT_ORGANIZATION, "ORGANIZATION:bank", "Bank"}, {0}}));
    el_corpus_link_entities(c);
    const el_entity *e = entity_named(c, "Safety Board of Ruritania");
    assert_non_null(e);
    assert_int_equal(e->nmentions, 2);
    assert_int_equal(e->ndocs, 2);
    assert_non_null(entity_named(c, "Bank"));
    el_corpus_free(c);
}

/* "the Beatles' Acme Records" names Acme Records with its owner: an alias;
 * a place as owner ("Freedonia's Jane Roe") makes none. */
static void test_possessor_qualified_alias(void **state)
{
    (void)state;
    el_corpus *c = el_corpus_new();
    el_corpus_add(c, doc_with("a", "The Beatles' Acme Records sued. Freedonia's Jane Roe spoke.",
                              (row[]){
        {1, 2, EL_ENT_OTHER, "OTHER:beatles", "Beatles"},
        {3, 5, EL_ENT_ORGANIZATION, "ORGANIZATION:acme records", "Acme Records"},
        {7, 8, EL_ENT_LOCATION, "LOCATION:freedonia", "Freedonia"},
        {9, 11, EL_ENT_PERSON, "PERSON:jane roe", "Jane Roe"}, {0}}));
    el_corpus_link_entities(c);
    const el_entity *acme = entity_named(c, "Acme Records");
    assert_non_null(acme);
    assert_int_equal(acme->naliases, 1);
    assert_string_equal(acme->aliases[0], "Beatles' Acme Records");
    const el_entity *roe = entity_named(c, "Jane Roe");
    assert_non_null(roe);
    assert_int_equal(roe->naliases, 0);
    el_corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_entity_per_key_across_documents),
        cmocka_unit_test(test_lone_short_name_takes_agreed_person),
        cmocka_unit_test(test_disputed_short_name_stays),
        cmocka_unit_test(test_organization_without_of_place),
        cmocka_unit_test(test_possessor_qualified_alias),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_doc.c - the document model: layers, ownership, sorting, names. */
#include "test_util.h"

#include <stdio.h>

static void test_layers(void **state)
{
    (void)state;
    el_doc *d = test_doc("Blinken met Xi on Monday.");
    el_timex *t = el_doc_add_timex(d, 4, 5);
    assert_int_equal(t->start, 18);
    assert_int_equal(t->end, 24);
    assert_int_equal(t->anchor, -1);
    el_mention *m = el_doc_add_mention(d, 2, 3, EL_ENT_PERSON, "PERSON:xi", "Xi Jinping");
    el_doc_add_mention(d, 0, 1, EL_ENT_PERSON, "PERSON:blinken", "Antony Blinken");
    assert_string_equal(m->name, "Xi Jinping");
    el_doc_sort_mentions(d);
    assert_string_equal(d->mentions[0].key, "PERSON:blinken");
    el_event_mention *e = el_doc_add_event(d, 1, 2, EL_EV_OCCURRENCE, "meeting", "meet");
    el_event_add_participant(d, e, 0);
    el_event_add_participant(d, e, 1);
    el_event_add_participant(d, e, 0);
    assert_int_equal(e->nparticipants, 2);
    el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, 0, EL_NODE_TIMEX, 0, EL_REL_IS_INCLUDED, "on");
    assert_int_equal(d->nlinks, 1);
    el_doc_free(d);   /* everything above is owned by the document */
}

static void test_names(void **state)
{
    (void)state;
    el_ent_type t;
    assert_true(el_ent_type_parse("GPE", &t));
    assert_int_equal(t, EL_ENT_LOCATION);
    assert_string_equal(el_ent_type_name(EL_ENT_ORGANIZATION), "ORGANIZATION");
    el_event_class c;
    assert_true(el_event_class_parse("I_ACTION", &c));
    assert_string_equal(el_event_class_name(c), "I_ACTION");
    assert_false(el_event_class_parse("MEETING", &c));
    assert_string_equal(el_timex_type_name(EL_TIMEX_SET), "SET");
}

/* Document strings: copies equal to their source wherever they land (the
 * current block or a new one), and the string helpers of util.h agree with
 * snprintf and el_hash. */
static void test_strings(void **state)
{
    (void)state;
    el_doc *d = test_doc("A short text.");
    char big[5000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *srcs[] = {"meeting", "", "PERSON:xi jinping", big, "meet", big, "after"};
    char *copies[sizeof srcs / sizeof *srcs];
    for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++)
        copies[i] = el_doc_str(d, srcs[i]);
    for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
        assert_string_equal(copies[i], srcs[i]);
        assert_ptr_not_equal(copies[i], srcs[i]);
    }
    assert_null(el_doc_str(d, NULL));
    el_doc_free(d);
    char out[8], want[8];
    const char *words[] = {"", "abc", "1234567", "12345678", "a much longer string"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        for (size_t cap = 1; cap <= sizeof out; cap++) {
            memset(out, '#', sizeof out);
            memset(want, '#', sizeof want);
            el_copy_str(out, cap, words[i]);
            snprintf(want, cap, "%s", words[i]);
            assert_memory_equal(out, want, sizeof out);
        }
        assert_int_equal(el_hash_str(words[i]), el_hash(words[i], strlen(words[i])));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layers),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_doc.c - the document model: layers, ownership, sorting, names. */
#include "test_util.h"

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
    el_doc_add_link(d, EL_LINK_TLINK, EL_NODE_EVENT, 0, EL_NODE_TIMEX, 0, "IS_INCLUDED", "on");
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layers),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

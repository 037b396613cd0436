/* test_event_syntax.c - participants of verbal event mentions from a
 * dependency tree (event_syntax.c): hand-written parses of small
 * sentences (one word per token), so the choice is tested apart from the
 * model's guesses.  Covered: a subject that is no name stays unknown, the
 * owner of an unnamed object, the passive "by" agent, a dateline city the
 * parser made a subject, a place in an oblique, a subject shared by a
 * coordinated verb, an attributive participle without subject, two
 * subjects (the named one), and no tree (the word-window rules stay). */
#include "test_util.h"
#include "stages/event/event_internal.h"
#include "stages/syntax/syntax.h"

#include <stdlib.h>
#include <string.h>

/* One token's analysis: UPOS, 1-based head (0 = root), relation. */
typedef struct arc { el_upos upos; uint32_t head; el_deprel rel; } arc;

/* A one-sentence document with the given analysis (n arcs = its tokens). */
static el_doc *parsed(const char *text, const arc *a, size_t n)
{
    el_doc *d = test_doc(text);
    assert_int_equal(d->ntokens, n);
    d->words = calloc(n + 1, sizeof *d->words);
    d->tok_word = calloc(n + 1, sizeof *d->tok_word);
    assert_non_null(d->words);
    assert_non_null(d->tok_word);
    for (size_t i = 0; i < n; i++) {
        el_word *w = &d->words[i];
        w->tok = (uint32_t)i;
        w->start = d->tokens[i].start;
        w->end = d->tokens[i].end;
        w->head = a[i].head ? a[i].head - 1 : UINT32_MAX;
        w->upos = (uint8_t)a[i].upos;
        w->deprel = (uint8_t)a[i].rel;
        w->lemma = "";
        d->tok_word[i] = (uint32_t)i;
    }
    d->tok_word[n] = (uint32_t)n;
    d->nwords = n;
    return d;
}

static int mention(el_doc *d, uint32_t b, uint32_t e, el_ent_type type, const char *name)
{
    el_doc_add_mention(d, b, e, type, name, name);
    return (int)d->nmentions - 1;
}

/* Run the tree rules on a past-tense verb event at token tok. */
static el_event_mention *args_of(el_doc *d, uint32_t tok, el_tense tense, bool *handled)
{
    el_event_mention *ev = el_doc_add_event(d, tok, tok + 1, EL_EV_OCCURRENCE, NULL, "x");
    ev->tense = tense;
    int *cover = el_event_mention_cover(d);
    uint32_t *roles = calloc(d->ntokens + 1, sizeof *roles);
    *handled = el_event_syntax_args(d, ev, cover, roles);
    free(roles);
    free(cover);
    return ev;
}

/* "A federal judge rejected the Agency's bid.": the judge is no name,
 * so there is no subject; the object's owner is the participant. */
static void test_unnamed_subject_stays_unknown(void **state)
{
    (void)state;
    static const arc a[] = {
        {EL_UPOS_DET, 3, EL_DEP_DET},     {EL_UPOS_ADJ, 3, EL_DEP_AMOD},
        {EL_UPOS_NOUN, 4, EL_DEP_NSUBJ},  {EL_UPOS_VERB, 0, EL_DEP_ROOT},
        {EL_UPOS_DET, 6, EL_DEP_DET},     {EL_UPOS_PROPN, 8, EL_DEP_NMOD_POSS},
        {EL_UPOS_PART, 6, EL_DEP_CASE},   {EL_UPOS_NOUN, 4, EL_DEP_OBJ},
        {EL_UPOS_PUNCT, 4, EL_DEP_PUNCT}};
    el_doc *d = parsed("A federal judge rejected the Agency's bid.", a, 9);
    int agency = mention(d, 5, 6, EL_ENT_ORGANIZATION, "Agency");
    bool handled;
    el_event_mention *ev = args_of(d, 3, EL_TENSE_PAST, &handled);
    assert_true(handled);
    assert_true(ev->syn_args);
    assert_int_equal(ev->subject, -1);
    assert_int_equal(ev->nparticipants, 1);
    assert_int_equal(ev->participants[0], agency);
    el_doc_free(d);
}

/* "Acme was acquired by Globex .": the agent is the subject, the passive
 * subject the object. */
static void test_passive_agent(void **state)
{
    (void)state;
    static const arc a[] = {
        {EL_UPOS_PROPN, 3, EL_DEP_NSUBJ_PASS}, {EL_UPOS_AUX, 3, EL_DEP_AUX_PASS},
        {EL_UPOS_VERB, 0, EL_DEP_ROOT},        {EL_UPOS_ADP, 5, EL_DEP_CASE},
        {EL_UPOS_PROPN, 3, EL_DEP_OBL_AGENT},  {EL_UPOS_PUNCT, 3, EL_DEP_PUNCT}};
    el_doc *d = parsed("Acme was acquired by Globex .", a, 6);
    int acme = mention(d, 0, 1, EL_ENT_ORGANIZATION, "Acme");
    int globex = mention(d, 4, 5, EL_ENT_ORGANIZATION, "Globex");
    bool handled;
    el_event_mention *ev = args_of(d, 2, EL_TENSE_PASTPART, &handled);
    assert_true(handled);
    assert_int_equal(ev->subject, globex);
    assert_int_equal(ev->nparticipants, 2);
    assert_int_equal(ev->participants[0], globex);
    assert_int_equal(ev->participants[1], acme);
    el_doc_free(d);
}

/* "PARIS ( Agency ) - Globex sued Acme .", parsed with the city as a
 * second subject: the dateline's city is never the subject. */
static void test_dateline_city_is_no_subject(void **state)
{
    (void)state;
    static const arc a[] = {
        {EL_UPOS_PROPN, 7, EL_DEP_NSUBJ}, {EL_UPOS_PUNCT, 3, EL_DEP_PUNCT},
        {EL_UPOS_PROPN, 1, EL_DEP_APPOS}, {EL_UPOS_PUNCT, 3, EL_DEP_PUNCT},
        {EL_UPOS_PUNCT, 7, EL_DEP_PUNCT}, {EL_UPOS_NOUN, 7, EL_DEP_NSUBJ},
        {EL_UPOS_VERB, 0, EL_DEP_ROOT},   {EL_UPOS_PROPN, 7, EL_DEP_OBJ},
        {EL_UPOS_PUNCT, 7, EL_DEP_PUNCT}};
    el_doc *d = parsed("PARIS ( Agency ) - regulators sued Acme .", a, 9);
    mention(d, 0, 1, EL_ENT_LOCATION, "Paris");
    int acme = mention(d, 7, 8, EL_ENT_ORGANIZATION, "Acme");
    bool handled;
    el_event_mention *ev = args_of(d, 6, EL_TENSE_PAST, &handled);
    assert_true(handled);
    assert_int_equal(ev->subject, -1);   /* "regulators": no name */
    assert_int_equal(ev->nparticipants, 1);
    assert_int_equal(ev->participants[0], acme);
    el_doc_free(d);
}

/* "The storm moved across Florida .": the place is neither subject nor
 * object. */
static void test_place_in_oblique(void **state)
{
    (void)state;
    static const arc a[] = {
        {EL_UPOS_DET, 2, EL_DEP_DET},  {EL_UPOS_NOUN, 3, EL_DEP_NSUBJ},
        {EL_UPOS_VERB, 0, EL_DEP_ROOT}, {EL_UPOS_ADP, 5, EL_DEP_CASE},
        {EL_UPOS_PROPN, 3, EL_DEP_OBL}, {EL_UPOS_PUNCT, 3, EL_DEP_PUNCT}};
    el_doc *d = parsed("The storm moved across Florida .", a, 6);
    mention(d, 4, 5, EL_ENT_LOCATION, "Florida");
    bool handled;
    el_event_mention *ev = args_of(d, 2, EL_TENSE_PAST, &handled);
    assert_true(handled);
    assert_int_equal(ev->subject, -1);
    assert_int_equal(ev->nparticipants, 0);
    el_doc_free(d);
}

/* "Globex bought Acme and closed plants .": the second verb shares the
 * first's subject. */
static void test_coordinated_verb_shares_subject(void **state)
{
    (void)state;
    static const arc a[] = {
        {EL_UPOS_PROPN, 2, EL_DEP_NSUBJ}, {EL_UPOS_VERB, 0, EL_DEP_ROOT},
        {EL_UPOS_PROPN, 2, EL_DEP_OBJ},   {EL_UPOS_CCONJ, 5, EL_DEP_CC},
        {EL_UPOS_VERB, 2, EL_DEP_CONJ},   {EL_UPOS_NOUN, 5, EL_DEP_OBJ},
        {EL_UPOS_PUNCT, 2, EL_DEP_PUNCT}};
    el_doc *d = parsed("Globex bought Acme and closed plants .", a, 7);
    int globex = mention(d, 0, 1, EL_ENT_ORGANIZATION, "Globex");
    mention(d, 2, 3, EL_ENT_ORGANIZATION, "Acme");
    bool handled;
    el_event_mention *ev = args_of(d, 4, EL_TENSE_PAST, &handled);
    assert_true(handled);
    assert_int_equal(ev->subject, globex);
    assert_int_equal(ev->nparticipants, 1);
    el_doc_free(d);
}

/* "Sparsely populated Bend voted .": an attributive participle has no
 * subject ("Bend populated" must not come out). */
static void test_attributive_participle(void **state)
{
    (void)state;
    static const arc a[] = {
        {EL_UPOS_ADV, 2, EL_DEP_ADVMOD}, {EL_UPOS_VERB, 3, EL_DEP_AMOD},
        {EL_UPOS_PROPN, 4, EL_DEP_NSUBJ}, {EL_UPOS_VERB, 0, EL_DEP_ROOT},
        {EL_UPOS_PUNCT, 4, EL_DEP_PUNCT}};
    el_doc *d = parsed("Sparsely populated Bend voted .", a, 5);
    int bend = mention(d, 2, 3, EL_ENT_LOCATION, "Bend");
    bool handled;
    el_event_mention *ev = args_of(d, 1, EL_TENSE_PASTPART, &handled);
    assert_true(handled);
    assert_int_equal(ev->subject, -1);
    assert_int_equal(ev->nparticipants, 0);
    el_event_mention *voted = args_of(d, 3, EL_TENSE_PAST, &handled);
    assert_int_equal(voted->subject, bend);   /* the place acts as a community */
    el_doc_free(d);
}

/* "Italian lender Acme agreed .", parsed with two subjects: the named one. */
static void test_two_subjects_prefers_the_name(void **state)
{
    (void)state;
    static const arc a[] = {
        {EL_UPOS_ADJ, 2, EL_DEP_AMOD},   {EL_UPOS_NOUN, 4, EL_DEP_NSUBJ},
        {EL_UPOS_PROPN, 4, EL_DEP_NSUBJ}, {EL_UPOS_VERB, 0, EL_DEP_ROOT},
        {EL_UPOS_PUNCT, 4, EL_DEP_PUNCT}};
    el_doc *d = parsed("Italian lender Acme agreed .", a, 5);
    int acme = mention(d, 2, 3, EL_ENT_ORGANIZATION, "Acme");
    bool handled;
    el_event_mention *ev = args_of(d, 3, EL_TENSE_PAST, &handled);
    assert_true(handled);
    assert_int_equal(ev->subject, acme);
    el_doc_free(d);
}

/* Without the tree nothing is done: the word-window rules stay. */
static void test_no_tree(void **state)
{
    (void)state;
    el_doc *d = test_doc("Globex sued Acme .");
    mention(d, 0, 1, EL_ENT_ORGANIZATION, "Globex");
    el_event_mention *ev = el_doc_add_event(d, 1, 2, EL_EV_OCCURRENCE, NULL, "sue");
    int *cover = el_event_mention_cover(d);
    assert_false(el_event_syntax_args(d, ev, cover, NULL));
    assert_false(el_event_syntax_args(d, ev, NULL, NULL));
    assert_false(ev->syn_args);
    free(cover);
    el_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unnamed_subject_stays_unknown),
        cmocka_unit_test(test_passive_agent),
        cmocka_unit_test(test_dateline_city_is_no_subject),
        cmocka_unit_test(test_place_in_oblique),
        cmocka_unit_test(test_coordinated_verb_shares_subject),
        cmocka_unit_test(test_attributive_participle),
        cmocka_unit_test(test_two_subjects_prefers_the_name),
        cmocka_unit_test(test_no_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

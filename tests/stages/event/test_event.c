/* test_event.c - the event stage: trigger matching (inflections, nouns,
 * particles), tense/aspect from auxiliaries, polarity, modality,
 * participants, location, time attachment and TLINKs from signals, and
 * the class and eventness learned per form and context, and the learned
 * event model (loader, scores, how the stage uses them). */
#include "event_fixture.h"
#include "stages/event/event_internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>

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

static el_doc *tagged(void **state, const char *text)
{
    el_doc *d = test_doc(text);
    el_event_tag(d, *state);
    return d;
}

static void test_inflections_and_type(void **state)
{
    el_doc *d = tagged(state, "The ministers met twice and the meetings were long.");
    const el_event_mention *met = event_at(d, "met");
    assert_non_null(met);
    assert_string_equal(met->lemma, "meet");
    assert_string_equal(met->type, "meeting");
    assert_int_equal(met->cls, EL_EV_OCCURRENCE);
    assert_int_equal(met->tense, EL_TENSE_PAST);
    const el_event_mention *mt = event_at(d, "meetings");
    assert_non_null(mt);
    assert_int_equal(mt->tense, EL_TENSE_NONE);
    el_doc_free(d);
}

static void test_particle_verbs(void **state)
{
    el_doc *d = tagged(state, "The navy shot down a drone and the team called off the trip.");
    const el_event_mention *shot = event_at(d, "shot");
    assert_non_null(shot);
    assert_int_equal(shot->tok_end - shot->tok_begin, 2);
    assert_string_equal(shot->type, "shootdown");
    const el_event_mention *called = event_at(d, "called");
    assert_non_null(called);
    assert_string_equal(called->type, "cancellation");
    assert_string_equal(called->lemma, "call off");
    el_doc_free(d);
}

/* News domains beyond diplomacy: one trigger per family, with its type
 * (gazetteers/events/triggers.tsv; ACE mapping in its README). */
static void test_domain_types(void **state)
{
    static const struct { const char *text, *trigger, *type; } cases[] = {
        {"The storm made landfall near the coast.", "made", "landfall"},
        {"A strong earthquake struck the region.", "earthquake", "earthquake"},
        {"Officials ordered an evacuation of the island.", "evacuation", "evacuation"},
        {"The governor declared a state of emergency.", "state", "emergency"},
        {"The company filed for bankruptcy in May.", "filed", "bankruptcy"},
        {"The firm laid off 300 workers.", "laid", "layoff"},
        {"A jury acquitted the driver.", "acquitted", "acquittal"},
        {"The regulator blocked the merger.", "blocked", "blocking"},
        {"Prosecutors will appeal the ruling.", "appeal", "appeal"},
        {"The couple married in June.", "married", "marriage"},
        {"The chief executive stepped down on Friday.", "stepped", "resignation"},
        {"Researchers discovered a new species.", "discovered", "discovery"},
        {"The police launched an investigation.", "investigation", "investigation"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = tagged(state, cases[i].text);
        const el_event_mention *ev = event_at(d, cases[i].trigger);
        if (!ev || !ev->type || strcmp(ev->type, cases[i].type) != 0)
            fail_msg("'%s': want type %s at '%s', got %s", cases[i].text, cases[i].type,
                     cases[i].trigger, ev ? (ev->type ? ev->type : "untyped") : "no event");
        el_doc_free(d);
    }
}

/* The sense rules (gazetteers/events/senses.tsv): the context of an
 * ambiguous trigger selects its type, an untyped reading (type "-") or no
 * event (type NULL); the plain reading of each word still holds. */
static void test_sense_rules(void **state)
{
    static const struct { const char *text, *trigger, *type; } cases[] = {
        {"Rebels attacked the town on Monday.", "attacked", "attack"},
        {"The pill cut the risk of heart attack.", "attack", "-"},
        {"One of its engines caught fire after takeoff.", "fire", "fire"},
        {"A fire destroyed the warehouse.", "fire", "fire"},
        {"Troops opened fire on the crowd.", "fire", "attack"},
        {"Workers went on strike on Monday.", "strike", "strike"},
        {"A three-day dockworkers' strike ended overnight.", "strike", "strike"},
        {"Nurses will strike over pay next week.", "strike", "strike"},
        {"Air strikes hit the city.", "strikes", "attack"},
        {"Investigators found signs of metal fatigue.", "signs", NULL},
        {"The two leaders signed the treaty.", "signed", "signing"},
        {"The probe, named Harper, was launched in May.", "named", NULL},
        {"The man, who has not been named, was detained.", "named", NULL},
        {"The board named her chief executive.", "named", "appointment"},
        {"The clinical trial followed 14,000 patients.", "trial", "clinical-trial"},
        {"The trial, run by researchers, enrolled 300 patients.", "trial", "clinical-trial"},
        {"The court trial began on Monday.", "trial", "trial"},
        {"The jury heard the first day of the trial.", "trial", "trial"},
        {"The airline already flies 25 jets.", "flies", NULL},
        {"The minister flew to the capital.", "flew", "trip"},
        {"The team reached the conference finals.", "conference", "-"},
        {"The league leaders host the champions on Sunday.", "host", "match"},
        {"The rovers beat the rangers 3-1 on Sunday.", "beat", "victory"},
        {"Sales beat expectations in the quarter.", "beat", "-"},
        {"Police beat the protesters with batons.", "beat", "attack"},
        {"The automaker is recalling 400,000 trucks.", "recalling", "recall"},
        {"She recalled that the talks were tense.", "recalled", "-"},
        {"The company will cut about 1,200 jobs.", "cut", "layoff"},
        {"Born in a small village, she became a singer.", "Born", "birth"},
        {"A state funeral will be held on Friday.", "funeral", "funeral"},
        {"Her farewell concert was in 1991.", "concert", "concert"},
        {"She made her debut in 1956.", "debut", "debut"},
        {"Police arrested a man over the theft of a painting.", "theft", "theft"},
        {"More storms are forecast for the weekend.", "storms", "storm"},
        {"The plan drew a storm of criticism.", "storm", NULL},
        {"The country declared a national drought emergency.", "emergency", "emergency"},
        {"The jet made an emergency landing.", "emergency", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = tagged(state, cases[i].text);
        const el_event_mention *ev = event_at(d, cases[i].trigger);
        const char *got = !ev ? NULL : ev->type ? ev->type : "-";
        const char *want = cases[i].type;
        if (want ? !got || strcmp(got, want) != 0 : got != NULL)
            fail_msg("'%s': want %s at '%s', got %s", cases[i].text, want ? want : "no event",
                     cases[i].trigger, got ? got : "no event");
        el_doc_free(d);
    }
}

/* "the winds died down" is no death: the phrasal verb wins the longest match. */
static void test_phrasal_not_death(void **state)
{
    el_doc *d = tagged(state, "Once the winds died down, crews cleared the roads.");
    const el_event_mention *ev = event_at(d, "died");
    if (ev && ev->type)
        fail_msg("'died down' typed %s", ev->type);
    el_doc_free(d);
}

/* Credit lines give no events: bylines, "contributed to this report",
 * "(Reporting by ...; Editing by ...)"; the next line is news again. */
static void test_credit_lines(void **state)
{
    el_doc *d = tagged(state, "Jane Doe contributed to this report\n"
                              "The council approved the budget on Monday.\n"
                              "(Reporting by John Roe; Editing by Ann Poe)");
    assert_null(event_at(d, "contributed"));
    assert_null(event_at(d, "Reporting"));
    assert_null(event_at(d, "Editing"));
    assert_non_null(event_at(d, "approved"));
    el_doc_free(d);
}

static void test_tense_aspect(void **state)
{
    static const struct { const char *text, *trigger; el_tense tense; el_aspect aspect; } cases[] = {
        {"She has visited the city.", "visited", EL_TENSE_PRESENT, EL_ASPECT_PERFECTIVE},
        {"The trip had been postponed.", "postponed", EL_TENSE_PAST, EL_ASPECT_PERFECTIVE},
        {"They were talking for hours.", "talking", EL_TENSE_PAST, EL_ASPECT_PROGRESSIVE},
        {"They will meet again.", "meet", EL_TENSE_FUTURE, EL_ASPECT_NONE},
        {"He wants to travel abroad.", "travel", EL_TENSE_INFINITIVE, EL_ASPECT_NONE},
        {"The envoy visits the region.", "visits", EL_TENSE_PRESENT, EL_ASPECT_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = tagged(state, cases[i].text);
        const el_event_mention *ev = event_at(d, cases[i].trigger);
        if (!ev)
            fail_msg("no event at '%s' in '%s'", cases[i].trigger, cases[i].text);
        if (ev->tense != cases[i].tense || ev->aspect != cases[i].aspect)
            fail_msg("'%s': tense %s aspect %s", cases[i].text, el_tense_name(ev->tense),
                     el_aspect_name(ev->aspect));
        el_doc_free(d);
    }
}

static void test_polarity_modality(void **state)
{
    el_doc *d = tagged(state, "He did not cancel the visit, but the talks could resume.");
    const el_event_mention *cancel = event_at(d, "cancel");
    assert_non_null(cancel);
    assert_true(cancel->negated);
    assert_int_equal(cancel->tense, EL_TENSE_PAST);
    const el_event_mention *resume = event_at(d, "resume");
    assert_non_null(resume);
    assert_false(resume->negated);
    assert_string_equal(resume->modality, "could");
    el_doc_free(d);

    /* "not ... until" says when it happened */
    d = tagged(state, "The visit was not announced until Friday.");
    const el_event_mention *ann = event_at(d, "announced");
    assert_non_null(ann);
    assert_false(ann->negated);
    el_doc_free(d);
}

static void test_names_are_not_triggers(void **state)
{
    el_doc *d = tagged(state, "He spoke at the Summit Hotel about a bomb.");
    assert_null(event_at(d, "Summit"));
    assert_null(event_at(d, "bomb"));
    el_doc_free(d);
}

static void test_arguments(void **state)
{
    el_doc *d = test_doc("Alice Smith met Bob Jones in Paris on Monday.");
    add_ent(d, 0, 2, EL_ENT_PERSON, "PERSON:alice smith", "Alice Smith");
    add_ent(d, 3, 5, EL_ENT_PERSON, "PERSON:bob jones", "Bob Jones");
    add_ent_at(d, "Paris", 1, EL_ENT_LOCATION, "LOC:paris", "Paris");
    size_t mon = find_tok(d, "Monday", 0);
    add_date(d, mon, mon + 1, "2023-06-19");
    el_event_tag(d, *state);
    const el_event_mention *met = event_at(d, "met");
    assert_non_null(met);
    assert_int_equal(met->nparticipants, 2);
    assert_int_equal(met->participants[0], 0);
    assert_int_equal(met->participants[1], 1);
    assert_int_equal(met->location, 2);
    assert_int_equal(met->timex, 0);
    bool linked = false;
    for (size_t i = 0; i < d->nlinks; i++)
        linked |= d->links[i].to_kind == EL_NODE_TIMEX && d->links[i].to == 0 &&
                  d->links[i].reltype == EL_REL_IS_INCLUDED && d->links[i].evidence;
    assert_true(linked);
    el_doc_free(d);
}

/* A subject list "A, B and the C" (or "A, B, and C") gives every member,
 * in text order; a fronted phrase before a comma is no list member. */
/* "the Freedonian visit to Sylvania": the destination is the location,
 * the place before the noun is the visitor. */
static void test_destination_beats_modifier_place(void **state)
{
    el_doc *d = test_doc("It praised the Freedonia visit to Sylvania.");
    size_t f = find_tok(d, "Freedonia", 0), s = find_tok(d, "Sylvania", 0);
    add_ent(d, f, f + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    add_ent(d, s, s + 1, EL_ENT_LOCATION, "LOC:sylvania", "Sylvania");
    el_event_tag(d, *state);
    const el_event_mention *visit = event_at(d, "visit");
    assert_non_null(visit);
    assert_int_equal(visit->tense, EL_TENSE_NONE);
    assert_int_equal(visit->location, 1);
    assert_int_equal(visit->nparticipants, 1);
    assert_int_equal(visit->participants[0], 0);
    el_doc_free(d);

    /* a place modifying a noun in a prepositional phrase is what the
     * thing is about, not where the event is */
    d = test_doc("Smith left for a Freedonia reconstruction conference.");
    f = find_tok(d, "Freedonia", 0);
    add_ent(d, f, f + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    el_event_tag(d, *state);
    assert_non_null(event_at(d, "left"));
    assert_int_equal(event_at(d, "left")->location, -1);
    el_doc_free(d);
    d = test_doc("Smith left for Freedonia.");
    f = find_tok(d, "Freedonia", 0);
    add_ent(d, f, f + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    el_event_tag(d, *state);
    assert_int_equal(event_at(d, "left")->location, 0);
    el_doc_free(d);
}

/* A place in the "of" phrase of an event noun is where it happened, and
 * a name after "of" is no subject of the verb after it. */
static void test_place_after_of(void **state)
{
    el_doc *d = test_doc("The invasion of Freedonia began.");
    add_ent_at(d, "Freedonia", 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    el_event_tag(d, *state);
    const el_event_mention *inv = event_at(d, "invasion");
    assert_non_null(inv);
    assert_int_equal(inv->location, 0);
    assert_int_equal(inv->nparticipants, 0);
    const el_event_mention *began = event_at(d, "began");
    assert_non_null(began);
    assert_int_equal(began->nparticipants, 0);
    el_doc_free(d);
}

/* The subject of a verb that takes a stance on an event is not its
 * participant ("Freedonia condemned the bombing"); a light verb's is
 * ("Freedonia held talks"). */
static void test_stance_verb_subject(void **state)
{
    static const struct { const char *text, *trigger; size_t parts; } cases[] = {
        {"Freedonia condemned the bombing.", "bombing", 0},
        {"Freedonia held talks.", "talks", 1},
    };
    for (size_t i = 0; i < 2; i++) {
        el_doc *d = test_doc(cases[i].text);
        add_ent(d, 0, 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
        el_event_tag(d, *state);
        const el_event_mention *ev = event_at(d, cases[i].trigger);
        assert_non_null(ev);
        assert_int_equal(ev->nparticipants, cases[i].parts);
        el_doc_free(d);
    }
}

static void test_subject_list(void **state)
{
    static const char *const texts[] = {
        "Freedonia, Sylvania and the Klopstokia held talks.",
        "Freedonia, Sylvania, and Klopstokia held talks.",
    };
    static const char *const names[] = {"Freedonia", "Sylvania", "Klopstokia"};
    for (size_t i = 0; i < 2; i++) {
        el_doc *d = test_doc(texts[i]);
        for (size_t k = 0; k < 3; k++) {
            size_t t = find_tok(d, names[k], 0);
            add_ent(d, t, t + 1, EL_ENT_LOCATION, names[k], names[k]);
        }
        el_event_tag(d, *state);
        const el_event_mention *held = event_at(d, "held");
        assert_non_null(held);
        assert_int_equal(held->nparticipants, 3);
        for (size_t k = 0; k < 3; k++)
            assert_int_equal(held->participants[k], (int)k);
        el_doc_free(d);
    }
    el_doc *d = test_doc("In Rome, Alice Smith met Bob Jones.");
    add_ent(d, 1, 2, EL_ENT_LOCATION, "LOC:rome", "Rome");
    add_ent(d, 3, 5, EL_ENT_PERSON, "PERSON:alice smith", "Alice Smith");
    add_ent(d, 6, 8, EL_ENT_PERSON, "PERSON:bob jones", "Bob Jones");
    el_event_tag(d, *state);
    const el_event_mention *met = event_at(d, "met");
    assert_non_null(met);
    assert_int_equal(met->nparticipants, 2);
    assert_int_equal(met->participants[0], 1);
    el_doc_free(d);
}

/* ", saying in a meeting with Y": the participle has the subject of the
 * verb before it, and the meeting has that subject first, then Y. */
/* "for" and "by" also say purpose and agent: a noun after them keeps the
 * clause's names ("invited Smith for a meeting"); a noun after a preposition
 * of time only does not ("diverted to Sylvania during the strike"). */
static void test_noun_after_time_preposition(void **state)
{
    el_doc *d = test_doc("Officials invited Anna Smith for a meeting.");
    add_ent_at(d, "Anna", 2, EL_ENT_PERSON, "PERSON:anna smith", "Anna Smith");
    el_event_tag(d, *state);
    const el_event_mention *meeting = event_at(d, "meeting");
    assert_non_null(meeting);
    assert_int_equal(meeting->nparticipants, 1);
    el_doc_free(d);

    d = test_doc("Ships were diverted to Sylvania during the strike.");
    size_t s = find_tok(d, "Sylvania", 0);
    add_ent(d, s, s + 1, EL_ENT_LOCATION, "LOC:sylvania", "Sylvania");
    el_event_tag(d, *state);
    const el_event_mention *strike = event_at(d, "strike");
    assert_non_null(strike);
    assert_int_equal(strike->nparticipants, 0);
    assert_int_equal(strike->location, -1);
    el_doc_free(d);
}

static void test_subject_shared_by_participle_clause(void **state)
{
    el_doc *d = test_doc("Alice Smith made an offer, saying in a meeting with Bob Jones that it stood.");
    add_ent(d, 0, 2, EL_ENT_PERSON, "PERSON:alice smith", "Alice Smith");
    add_ent_at(d, "Bob", 2, EL_ENT_PERSON, "PERSON:bob jones", "Bob Jones");
    el_event_tag(d, *state);
    const el_event_mention *saying = event_at(d, "saying");
    assert_non_null(saying);
    assert_int_equal(saying->nparticipants, 1);
    assert_int_equal(saying->participants[0], 0);
    const el_event_mention *meeting = event_at(d, "meeting");
    assert_non_null(meeting);
    assert_int_equal(meeting->nparticipants, 2);
    assert_int_equal(meeting->participants[0], 0);
    assert_int_equal(meeting->participants[1], 1);
    el_doc_free(d);
}

static void test_nearest_timex_in_clause(void **state)
{
    el_doc *d = test_doc("On Friday the delegates arrived, and they left on Sunday.");
    add_date(d, 1, 2, "2023-06-16");
    size_t sun = find_tok(d, "Sunday", 0);
    add_date(d, sun, sun + 1, "2023-06-18");
    el_event_tag(d, *state);
    assert_int_equal(event_at(d, "arrived")->timex, 0);
    assert_int_equal(event_at(d, "left")->timex, 1);
    el_doc_free(d);
}

static void test_signal_links(void **state)
{
    el_doc *d = tagged(state, "The minister resigned after the attack. Ahead of the vote, "
                              "the leaders met.");
    int resigned = -1, attack = -1, vote = -1, met = -1;
    for (size_t e = 0; e < d->nevents; e++) {
        size_t t = d->events[e].tok_begin;
        if (el_tok_is(d, t, "resigned")) resigned = (int)e;
        if (el_tok_is(d, t, "attack")) attack = (int)e;
        if (el_tok_is(d, t, "vote")) vote = (int)e;
        if (el_tok_is(d, t, "met")) met = (int)e;
    }
    assert_true(resigned >= 0 && attack >= 0 && vote >= 0 && met >= 0);
    bool after = false, before = false;
    for (size_t i = 0; i < d->nlinks; i++) {
        const el_link *l = &d->links[i];
        if (l->from_kind != EL_NODE_EVENT || l->to_kind != EL_NODE_EVENT)
            continue;
        after |= l->from == resigned && l->to == attack && l->reltype == EL_REL_AFTER;
        before |= l->from == met && l->to == vote && l->reltype == EL_REL_BEFORE;
        assert_non_null(l->evidence);
    }
    assert_true(after);
    assert_true(before);
    el_doc_free(d);
}

/* A signal word inside a time expression ("the following day") dates an
 * event; it does not order two events. */
static void test_signal_inside_timex(void **state)
{
    el_doc *d = test_doc("The committee met the following day to choose a successor.");
    size_t the = find_tok(d, "following", 0) - 1;
    add_date(d, the, the + 3, "2023-06-17");
    el_event_tag(d, *state);
    for (size_t i = 0; i < d->nlinks; i++) {
        const el_link *l = &d->links[i];
        assert_false(l->from_kind == EL_NODE_EVENT && l->to_kind == EL_NODE_EVENT);
    }
    el_doc_free(d);
}

static void test_reporting_dct(void **state)
{
    el_doc *d = test_doc("Officials said the talks ended.");
    d->dct = (el_date){2023, 6, 20};
    el_event_tag(d, *state);
    const el_event_mention *said = event_at(d, "said");
    assert_non_null(said);
    assert_int_equal(said->cls, EL_EV_REPORTING);
    bool dct = false;
    for (size_t i = 0; i < d->nlinks; i++)
        dct |= d->links[i].to_kind == EL_NODE_DCT;
    assert_true(dct);
    el_doc_free(d);
}

static void test_empty_and_missing(void **state)
{
    el_doc *d = test_doc("   ");
    el_event_tag(d, *state);
    assert_int_equal(d->nevents, 0);
    el_event_tag(d, NULL);
    el_doc_free(d);
    char *err = NULL;
    assert_null(el_trigger_lexicon_load("/nonexistent", &err));
    assert_non_null(err);
    free(err);
}

/* The class follows the complement: an intensional verb without an event
 * complement (a place, a plain object) is an OCCURRENCE. */
static void test_class_from_complement(void **state)
{
    static const struct { const char *text, *trigger; el_event_class cls; } cases[] = {
        {"The suspect appeared in court on Monday.", "appeared", EL_EV_OCCURRENCE},
        {"The plan appeared to fail.", "appeared", EL_EV_I_STATE},
        {"The company offered a reward for the information.", "offered", EL_EV_OCCURRENCE},
        {"The company offered to resign.", "offered", EL_EV_I_ACTION},
        {"The minister asked them to resign.", "asked", EL_EV_I_ACTION},
        {"The relatives kept the boy.", "kept", EL_EV_OCCURRENCE},
        {"The relatives kept him.", "kept", EL_EV_OCCURRENCE},
        {"The ministers kept meeting.", "kept", EL_EV_ASPECTUAL},
        {"She decided to resign.", "decided", EL_EV_I_ACTION},
        {"The court will hold a hearing.", "hearing", EL_EV_OCCURRENCE},
        {"They asked for an asylum hearing.", "hearing", EL_EV_OCCURRENCE},
        {"The council condemned the attack.", "condemned", EL_EV_OCCURRENCE},
        {"The minister said the talks were useful.", "said", EL_EV_REPORTING},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = tagged(state, cases[i].text);
        const el_event_mention *ev = event_at(d, cases[i].trigger);
        if (!ev)
            fail_msg("no event '%s' in '%s'", cases[i].trigger, cases[i].text);
        if (ev->cls != cases[i].cls)
            fail_msg("'%s' in '%s': class %d, want %d", cases[i].trigger, cases[i].text,
                     (int)ev->cls, (int)cases[i].cls);
        el_doc_free(d);
    }
}

/* A purpose infinitive after a passive is no complement ("was used to"). */
static void test_passive_purpose_not_intensional(void **state)
{
    el_doc *d = tagged(state, "The money was used to reduce debt.");
    const el_event_mention *used = event_at(d, "used");
    if (used)
        assert_int_equal(used->cls, EL_EV_OCCURRENCE);
    el_doc_free(d);
}

/* A learned noun reading of a form the hand lexicon lists only as a verb
 * is read after a determiner ("the offer"), without tense. */
static void test_learned_noun_reading(void **state)
{
    el_doc *d = tagged(state, "The offer expired.");
    const el_event_mention *offer = event_at(d, "offer");
    assert_non_null(offer);
    assert_int_equal(offer->tense, EL_TENSE_NONE);
    assert_int_equal(offer->cls, EL_EV_OCCURRENCE);
    el_doc_free(d);
}

/* A participle used as an adjective has no subject: the sentence's
 * subject is not its agent, and the clause's time is not its time. */
static void test_attributive_participle(void **state)
{
    el_doc *d = test_doc("On Sunday Smith urged them to release detained Freedonian citizens.");
    add_date(d, 1, 2, "2023-06-18");
    size_t sm = find_tok(d, "Smith", 0), fr = find_tok(d, "Freedonian", 0);
    add_ent(d, sm, sm + 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    add_ent(d, fr, fr + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    el_event_tag(d, *state);
    const el_event_mention *det = event_at(d, "detained");
    assert_non_null(det);
    for (size_t p = 0; p < det->nparticipants; p++)
        assert_int_not_equal(det->participants[p], 0);
    assert_int_equal(det->timex, -1);
    el_doc_free(d);

    d = test_doc("He raised Freedonian citizens wrongfully detained and others.");
    fr = find_tok(d, "Freedonian", 0);
    add_ent(d, fr, fr + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    el_event_tag(d, *state);
    det = event_at(d, "detained");
    assert_non_null(det);
    assert_int_equal(det->nparticipants, 0);
    el_doc_free(d);

    /* an ordinary clause keeps its subject */
    d = test_doc("Later Freedonia detained him.");
    fr = find_tok(d, "Freedonia", 0);
    add_ent(d, fr, fr + 1, EL_ENT_ORGANIZATION, "ORG:freedonia", "Freedonia");
    el_event_tag(d, *state);
    det = event_at(d, "detained");
    assert_non_null(det);
    assert_true(det->nparticipants >= 1);
    assert_int_equal(det->participants[0], 0);
    el_doc_free(d);
}

/* A byline in parentheses, or a name before a dash, is not the subject of
 * the verb after it. */
static void test_no_subject_across_parenthesis(void **state)
{
    el_doc *d = test_doc("Beijing (Acme News) - Both sides agreed on a plan.");
    add_ent_at(d, "Acme", 2, EL_ENT_ORGANIZATION, "ORG:acme news", "Acme News");
    el_event_tag(d, *state);
    const el_event_mention *ag = event_at(d, "agreed");
    assert_non_null(ag);
    assert_int_equal(ag->nparticipants, 0);
    el_doc_free(d);
}

/* The names before a finite verb that takes a clause are its subject, not
 * the subject of the verb in the clause; a possessor is no subject. */
static void test_subject_stops_at_reporting_verb(void **state)
{
    el_doc *d = test_doc("Smith said both sides agreed on a plan.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    el_event_tag(d, *state);
    const el_event_mention *ag = event_at(d, "agreed");
    assert_non_null(ag);
    assert_int_equal(ag->nparticipants, 0);
    el_doc_free(d);

    d = test_doc("Smith wanted to visit Rome.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    el_event_tag(d, *state);
    const el_event_mention *visit = event_at(d, "visit");
    assert_non_null(visit);
    assert_true(visit->nparticipants >= 1);
    assert_int_equal(visit->participants[0], 0);
    el_doc_free(d);

    d = test_doc("Smith's first visit had been agreed on.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    el_event_tag(d, *state);
    ag = event_at(d, "agreed");
    assert_non_null(ag);
    assert_int_equal(ag->nparticipants, 0);
    el_doc_free(d);
}

/* A pronoun the entity stage left unresolved is the subject of the verb
 * after it (and of a participle sharing that verb's subject): no name
 * further back stands in for it; "X and I" keeps X. */
static void test_unresolved_pronoun_subject(void **state)
{
    el_doc *d = test_doc("According to a Smith aide, they agreed on a plan, meeting in Rome.");
    add_ent_at(d, "Smith", 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    el_event_tag(d, *state);
    const el_event_mention *ag = event_at(d, "agreed");
    assert_non_null(ag);
    assert_int_equal(ag->nparticipants, 0);
    const el_event_mention *meeting = event_at(d, "meeting");
    assert_non_null(meeting);
    assert_int_equal(meeting->nparticipants, 0);
    el_doc_free(d);

    d = test_doc("Smith and I agreed on a plan.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    el_event_tag(d, *state);
    ag = event_at(d, "agreed");
    assert_non_null(ag);
    assert_int_equal(ag->nparticipants, 1);
    assert_int_equal(ag->participants[0], 0);
    el_doc_free(d);
}

/* A verb right after "and" shares the subject of the sentence's first
 * finite verb, every name of it ("A, B and C held talks and agreed"),
 * not the object or the clause between ("said the plan failed and met
 * Jones"). */
static void test_coordinated_verb_shares_subject(void **state)
{
    el_doc *d = test_doc("Smith said the Paris plan failed and met Jones.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    add_ent_at(d, "Paris", 1, EL_ENT_LOCATION, "LOCATION:paris", "Paris");
    add_ent_at(d, "Jones", 1, EL_ENT_PERSON, "PERSON:jones", "Bo Jones");
    el_event_tag(d, *state);
    const el_event_mention *met = event_at(d, "met");
    assert_non_null(met);
    assert_int_equal(met->nparticipants, 2);
    assert_int_equal(met->participants[0], 0);
    assert_int_equal(met->participants[1], 2);
    el_doc_free(d);

    d = test_doc("Smith, Jones and Brown held talks and agreed on a plan.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    add_ent(d, 2, 3, EL_ENT_PERSON, "PERSON:jones", "Bo Jones");
    add_ent(d, 4, 5, EL_ENT_PERSON, "PERSON:brown", "Cy Brown");
    el_event_tag(d, *state);
    const el_event_mention *ag = event_at(d, "agreed");
    assert_non_null(ag);
    assert_int_equal(ag->nparticipants, 3);
    el_doc_free(d);
}

/* A place after an article before a plain noun says what the noun is
 * about ("the Paris agenda"): no participant; before an `actor` noun it
 * acts ("the Freedonia side"). */
static void test_place_modifying_a_noun(void **state)
{
    el_doc *d = test_doc("Smith discussed the Paris agenda.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    add_ent_at(d, "Paris", 1, EL_ENT_LOCATION, "LOCATION:paris", "Paris");
    el_event_tag(d, *state);
    const el_event_mention *ev = event_at(d, "discussed");
    assert_non_null(ev);
    assert_int_equal(ev->nparticipants, 1);
    assert_int_equal(ev->location, -1);
    el_doc_free(d);

    d = test_doc("Smith urged the Freedonia side to act.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    add_ent_at(d, "Freedonia", 1, EL_ENT_LOCATION, "LOCATION:freedonia", "Freedonia");
    el_event_tag(d, *state);
    ev = event_at(d, "urged");
    assert_non_null(ev);
    assert_int_equal(ev->nparticipants, 2);
    assert_int_equal(ev->participants[1], 1);
    el_doc_free(d);
}

/* "in Rome's old Forum": the place the possessive place owns is the
 * location, and no participant. */
static void test_place_owned_by_place(void **state)
{
    el_doc *d = test_doc("Smith met Jones in Rome's old Forum.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    add_ent(d, 2, 3, EL_ENT_PERSON, "PERSON:jones", "Bo Jones");
    add_ent_at(d, "Rome", 1, EL_ENT_LOCATION, "LOCATION:rome", "Rome");
    add_ent_at(d, "Forum", 1, EL_ENT_LOCATION, "LOCATION:forum", "Forum");
    el_event_tag(d, *state);
    const el_event_mention *met = event_at(d, "met");
    assert_non_null(met);
    assert_int_equal(met->location, 3);
    assert_int_equal(met->nparticipants, 2);
    el_doc_free(d);
}

/* "X and Z's Y": the possessor does not break the coordination. */
static void test_object_coordinated_past_possessor(void **state)
{
    el_doc *d = test_doc("It followed a meeting between Smith and Freedonia's Jones.");
    size_t sm = find_tok(d, "Smith", 0), fr = find_tok(d, "Freedonia", 0);
    size_t jo = find_tok(d, "Jones", 0);
    add_ent(d, sm, sm + 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    add_ent(d, fr, fr + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    add_ent(d, jo, jo + 1, EL_ENT_PERSON, "PERSON:jones", "Bob Jones");
    el_event_tag(d, *state);
    const el_event_mention *m = event_at(d, "meeting");
    assert_non_null(m);
    assert_int_equal(m->nparticipants, 2);
    assert_int_equal(m->participants[0], 0);
    assert_int_equal(m->participants[1], 2);
    el_doc_free(d);
}

/* Objects: a name that only qualifies the person after it through a role
 * is no participant; a later name joins only when coordinated with the last
 * object; "to" + place beats a bare place as the destination, and whole
 * names count as one word of the object window. */
static void test_objects_qualifiers_and_destination(void **state)
{
    el_doc *d = test_doc("They held a meeting with Acme Corp. co-founder Ann Smith that Freedonia "
                         "and Sylvania can talk.");
    size_t ac = find_tok(d, "Acme", 0), sm = find_tok(d, "Ann", 0);
    size_t fr = find_tok(d, "Freedonia", 0), sy = find_tok(d, "Sylvania", 0);
    add_ent(d, ac, ac + 2, EL_ENT_ORGANIZATION, "ORG:acme", "Acme Corp.");
    add_ent(d, sm, sm + 2, EL_ENT_PERSON, "PERSON:ann smith", "Ann Smith");
    add_ent(d, fr, fr + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    add_ent(d, sy, sy + 1, EL_ENT_LOCATION, "LOC:sylvania", "Sylvania");
    el_event_tag(d, *state);
    const el_event_mention *m = event_at(d, "meeting");
    assert_non_null(m);
    assert_int_equal(m->nparticipants, 1);
    assert_int_equal(m->participants[0], 1);
    el_doc_free(d);

    d = test_doc("It followed a visit from then-Freedonia House Speaker Ann Smith to Sylvania.");
    fr = find_tok(d, "Freedonia", 0), sm = find_tok(d, "Ann", 0), sy = find_tok(d, "Sylvania", 0);
    add_ent(d, fr, fr + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    add_ent(d, sm, sm + 2, EL_ENT_PERSON, "PERSON:ann smith", "Ann Smith");
    add_ent(d, sy, sy + 1, EL_ENT_LOCATION, "LOC:sylvania", "Sylvania");
    el_event_tag(d, *state);
    m = event_at(d, "visit");
    assert_non_null(m);
    assert_int_equal(m->location, 2);
    el_doc_free(d);
}

/* "in X and Y": both places are in the prepositional phrase, neither is
 * the subject of the verb after it. */
static void test_coordinated_places_stay_in_phrase(void **state)
{
    el_doc *d = test_doc("Bombs in Freedonia and Sylvania killed Ann Smith.");
    size_t fr = find_tok(d, "Freedonia", 0), sy = find_tok(d, "Sylvania", 0);
    size_t an = find_tok(d, "Ann", 0);
    add_ent(d, fr, fr + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    add_ent(d, sy, sy + 1, EL_ENT_LOCATION, "LOC:sylvania", "Sylvania");
    add_ent(d, an, an + 2, EL_ENT_PERSON, "PERSON:ann smith", "Ann Smith");
    el_event_tag(d, *state);
    const el_event_mention *k = event_at(d, "killed");
    assert_non_null(k);
    for (size_t p = 0; p < k->nparticipants; p++)
        assert_int_not_equal(k->participants[p], 1);
    el_doc_free(d);
}

/* "X, then the mayor of Y, visited Z": X is the subject, not Y. */
static void test_subject_before_apposition(void **state)
{
    el_doc *d = test_doc("Ann Smith, then the speaker of the Freedonia House, visited Sylvania.");
    size_t fr = find_tok(d, "Freedonia", 0), sy = find_tok(d, "Sylvania", 0);
    add_ent(d, 0, 2, EL_ENT_PERSON, "PERSON:ann smith", "Ann Smith");
    add_ent(d, fr, fr + 1, EL_ENT_LOCATION, "LOC:freedonia", "Freedonia");
    add_ent(d, sy, sy + 1, EL_ENT_LOCATION, "LOC:sylvania", "Sylvania");
    el_event_tag(d, *state);
    const el_event_mention *v = event_at(d, "visited");
    assert_non_null(v);
    assert_true(v->nparticipants >= 1);
    assert_int_equal(v->participants[0], 0);
    assert_int_equal(v->location, 2);
    el_doc_free(d);
}

/* A time before the trigger with a finite verb in between belongs to that
 * verb's clause; a noun trigger reaches the time at the end of its own
 * chain of prepositional phrases. */
static void test_time_of_noun_trigger(void **state)
{
    el_doc *d = test_doc("The visit in February had been agreed as a follow-up to a meeting "
                         "between Smith and Jones on the sidelines of the summit in Rome in "
                         "November.");
    size_t feb = find_tok(d, "February", 0), nov = find_tok(d, "November", 0);
    add_date(d, feb, feb + 1, "2023-02");
    add_date(d, nov, nov + 1, "2022-11");
    el_event_tag(d, *state);
    const el_event_mention *m = event_at(d, "meeting");
    assert_non_null(m);
    assert_int_equal(m->timex, 1);
    const el_event_mention *v = event_at(d, "visit");
    assert_non_null(v);
    assert_int_equal(v->timex, 0);
    el_doc_free(d);

    /* a verb between a noun trigger and a later time takes that time */
    d = test_doc("The trip follows his plans to visit Rome in February.");
    feb = find_tok(d, "February", 0);
    add_date(d, feb, feb + 1, "2023-02");
    el_event_tag(d, *state);
    const el_event_mention *trip = event_at(d, "trip");
    assert_non_null(trip);
    assert_int_equal(trip->timex, -1);
    v = event_at(d, "visit");
    assert_non_null(v);
    assert_int_equal(v->timex, 0);
    el_doc_free(d);
}

/* Objects stop at a time preposition that opens a clause ("visit Rome
 * since Jones took office"), not at one that opens a phrase, and at
 * "and that" opening a new clause. */
static void test_objects_stop_at_subordinate_clause(void **state)
{
    el_doc *d = test_doc("Smith is the first minister to visit Rome since Jones took office.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    size_t r = find_tok(d, "Rome", 0), j = find_tok(d, "Jones", 0);
    add_ent(d, r, r + 1, EL_ENT_LOCATION, "LOC:rome", "Rome");
    add_ent(d, j, j + 1, EL_ENT_PERSON, "PERSON:jones", "Bob Jones");
    el_event_tag(d, *state);
    const el_event_mention *v = event_at(d, "visit");
    assert_non_null(v);
    for (size_t p = 0; p < v->nparticipants; p++)
        assert_int_not_equal(v->participants[p], 2);
    el_doc_free(d);

    d = test_doc("Smith praised the visit and that the Freedonian president agreed.");
    size_t fr = find_tok(d, "Freedonian", 0);
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    add_ent(d, fr, fr + 2, EL_ENT_PERSON, "PERSON:jones", "Bob Jones");
    el_event_tag(d, *state);
    v = event_at(d, "visit");
    assert_non_null(v);
    for (size_t p = 0; p < v->nparticipants; p++)
        assert_int_not_equal(v->participants[p], 1);
    el_doc_free(d);

    d = test_doc("Smith met for six hours with Jones.");
    add_ent(d, 0, 1, EL_ENT_PERSON, "PERSON:smith", "Ann Smith");
    j = find_tok(d, "Jones", 0);
    add_ent(d, j, j + 1, EL_ENT_PERSON, "PERSON:jones", "Bob Jones");
    el_event_tag(d, *state);
    v = event_at(d, "met");
    assert_non_null(v);
    assert_int_equal(v->nparticipants, 2);
    el_doc_free(d);
}

/* "that" opens a relative clause as well as a noun phrase: a verb after
 * it keeps its verb reading ("the bombing that killed ten people"). */
static void test_verb_after_relative_that(void **state)
{
    el_doc *d = tagged(state, "It was the blast that killed ten people at that meeting.");
    const el_event_mention *killed = event_at(d, "killed");
    assert_non_null(killed);
    assert_int_equal(killed->tense, EL_TENSE_PAST);
    assert_non_null(event_at(d, "blast"));
    const el_event_mention *meeting = event_at(d, "meeting");
    assert_non_null(meeting);
    assert_int_equal(meeting->tense, EL_TENSE_NONE);
    el_doc_free(d);
}

/* The reading of a form from the word before it: a possessive "'s", a
 * determiner and an -ed modifier, or a preposition make it a noun; "'s"
 * after a pronoun is "is". */
static void test_reading_after_possessive_and_preposition(void **state)
{
    static const struct { const char *text, *trigger; el_tense tense; } cases[] = {
        {"Smith's visit comes after the talks.", "visit", EL_TENSE_NONE},
        {"Smith\u2019s visit comes after the talks.", "visit", EL_TENSE_NONE},
        {"His original scheduled visit was called off.", "visit", EL_TENSE_NONE},
        {"It heralds a new round of visits by officials.", "visits", EL_TENSE_NONE},
        {"It's expected to rise.", "expected", EL_TENSE_PRESENT},
        {"It was the first high-level Freedonian visit in years.", "visit", EL_TENSE_NONE},
        {"The peace talks resumed.", "talks", EL_TENSE_NONE},
        {"They met in a five-hour visit.", "visit", EL_TENSE_NONE},
        {"He is charged in 3 Atlanta attacks.", "attacks", EL_TENSE_NONE},
        {"He is charged in three Atlanta attacks.", "attacks", EL_TENSE_NONE},
        {"Freedonia talks to Sylvania.", "talks", EL_TENSE_PRESENT},
        {"They visit Rome.", "visit", EL_TENSE_PRESENT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = tagged(state, cases[i].text);
        const el_event_mention *ev = event_at(d, cases[i].trigger);
        if (!ev)
            fail_msg("no event '%s' in '%s'", cases[i].trigger, cases[i].text);
        if (ev->tense != cases[i].tense)
            fail_msg("'%s' in '%s': tense %d", cases[i].trigger, cases[i].text, (int)ev->tense);
        el_doc_free(d);
    }
    /* a participle between a possessive and a title is attributive: no subject */
    el_doc *a = test_doc("Alice Smith met the country's sanctioned Defense Minister Bob Jones.");
    add_ent(a, 0, 2, EL_ENT_PERSON, "PERSON:alice smith", "Alice Smith");
    add_ent_at(a, "Bob", 2, EL_ENT_PERSON, "PERSON:bob jones", "Bob Jones");
    el_event_tag(a, *state);
    const el_event_mention *sanctioned = event_at(a, "sanctioned");
    assert_non_null(sanctioned);
    for (size_t p = 0; p < sanctioned->nparticipants; p++)
        assert_int_not_equal(sanctioned->participants[p], 0);
    el_doc_free(a);
}

/* The possessor of an event noun is its participant, also inside a
 * prepositional phrase ("during Smith's visit"), and a place there is the
 * agent, not the location. */
static void test_possessor_of_event_noun(void **state)
{
    static const char *const texts[] = {
        "Talks stalled during Smith's visit.",
        "Freedonia's invasion began in May.",
    };
    for (size_t i = 0; i < 2; i++) {
        el_doc *d = test_doc(texts[i]);
        size_t b = i == 0 ? find_tok(d, "Smith", 0) : find_tok(d, "Freedonia", 0);
        add_ent(d, b, b + 1, i == 0 ? EL_ENT_PERSON : EL_ENT_LOCATION,
                i == 0 ? "PERSON:smith" : "LOC:freedonia", i == 0 ? "Ann Smith" : "Freedonia");
        el_event_tag(d, *state);
        const el_event_mention *ev = event_at(d, i == 0 ? "visit" : "invasion");
        assert_non_null(ev);
        assert_int_equal(ev->nparticipants, 1);
        assert_int_equal(ev->participants[0], 0);
        assert_int_equal(ev->location, -1);
        el_doc_free(d);
    }
}

static const char *const EVENT_FILES[] = {
    "triggers.tsv", "timeml-forms.tsv", "grammar.tsv", "signals.tsv", "credits.tsv", "types.tsv",
    "normalizer.tsv", "senses.tsv",
};

/* A gazetteer directory under /tmp holding the source tree's event files
 * (symbolic links), `rows` as timeml-classes.tsv (NULL: the source
 * tree's) and, if `model` is not
 * NULL, that file (linked) as event-model.tsv; the lexicon loaded from it.
 * remove_gazetteers() deletes the directory. */
static el_trigger_lexicon *lexicon_with(const char *rows, const char *model, char dir[64])
{
    const char *src = getenv("EVENTLINE_GAZETTEERS");
    char real[PATH_MAX], path[PATH_MAX + 128];
    assert_non_null(realpath(src && *src ? src : "gazetteers", real));
    snprintf(dir, 64, "/tmp/el-classes-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/events", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    for (size_t i = 0; i < sizeof EVENT_FILES / sizeof *EVENT_FILES; i++) {
        char from[PATH_MAX + 64];
        snprintf(from, sizeof from, "%s/events/%s", real, EVENT_FILES[i]);
        snprintf(path, sizeof path, "%s/events/%s", dir, EVENT_FILES[i]);
        assert_int_equal(symlink(from, path), 0);
    }
    if (model) {
        char from[PATH_MAX];
        assert_non_null(realpath(model, from));
        snprintf(path, sizeof path, "%s/events/event-model.tsv", dir);
        assert_int_equal(symlink(from, path), 0);
    }
    snprintf(path, sizeof path, "%s/events/timeml-classes.tsv", dir);
    if (rows) {
        FILE *fp = fopen(path, "w");
        assert_non_null(fp);
        fputs("# FORM\tCTX\tOCC\tEVENTS\tCLASS\tSHARE\tDIST\n", fp);
        fputs(rows, fp);
        fclose(fp);
    } else {
        char from[PATH_MAX + 64];
        snprintf(from, sizeof from, "%s/events/timeml-classes.tsv", real);
        assert_int_equal(symlink(from, path), 0);
    }
    char *err = NULL;
    el_trigger_lexicon *lx = el_trigger_lexicon_load(dir, &err);
    if (!lx)
        fail_msg("%s", err);
    return lx;
}

static el_trigger_lexicon *lexicon_with_classes(const char *rows, char dir[64])
{
    return lexicon_with(rows, NULL, dir);
}

static void remove_gazetteers(const char *dir)
{
    char path[128];
    static const char *const extra[] = {"timeml-classes.tsv", "event-model.tsv"};
    size_t nf = sizeof EVENT_FILES / sizeof *EVENT_FILES;
    for (size_t i = 0; i < nf + 2; i++) {
        const char *f = i < nf ? EVENT_FILES[i] : extra[i - nf];
        snprintf(path, sizeof path, "%s/events/%s", dir, f);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/events", dir);
    rmdir(path);
    rmdir(dir);
}

/* An event in the scope of an intensional predicate is not asserted: the
 * participle before it, the verb whose object it is, or the noun before
 * "of"/"for" (past an agent phrase).  The classes are the rules' (no
 * learned model: it may read "request" as an OCCURRENCE, as TimeBank
 * sometimes does). */
static void test_intensional_scope(void **state)
{
    (void)state;
    char dir[64];
    el_trigger_lexicon *lx = lexicon_with(NULL, NULL, dir);
    static const struct { const char *text, *trigger; bool intensional; } cases[] = {
        {"His original scheduled visit was called off.", "visit", true},
        {"Since the cancellation of the trip, nothing moved.", "trip", true},
        {"China rebuffed a request from Defense Secretary Smith for a meeting.", "meeting", true},
        {"The ministers postponed the summit.", "summit", true},
        {"The summit took place in Rome.", "summit", false},
        {"After the meeting, they left.", "meeting", false},
        /* a "that"-clause the writer does not assert; a reported one is asserted */
        {"The minister denied that he met the lobbyist.", "met", true},
        {"China rejected accusations that Washington carries out attacks.", "attacks", true},
        {"China rejected accusations that Smith attacks and complained about it.", "complained", false},
        {"Officials said that the leaders met in Rome.", "met", false},
        {"The minister denied the report, and he met the lobbyist.", "met", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = test_doc(cases[i].text);
        el_event_tag(d, lx);
        const el_event_mention *ev = event_at(d, cases[i].trigger);
        if (!ev)
            fail_msg("no event '%s' in '%s'", cases[i].trigger, cases[i].text);
        if (ev->intensional != cases[i].intensional)
            fail_msg("'%s' in '%s': intensional %d", cases[i].trigger, cases[i].text,
                     (int)ev->intensional);
        el_doc_free(d);
    }
    el_trigger_lexicon_free(lx);
    remove_gazetteers(dir);
}

/* A noun event takes the factuality of the support verb that governs it
 * and of a modal "take place" it is the subject of; an event in a
 * conditional clause is not asserted (event_factuality.c).  A past or
 * plain support verb leaves its noun asserted. */
static void test_support_verb_factuality(void **state)
{
    (void)state;
    char dir[64];
    el_trigger_lexicon *lx = lexicon_with(NULL, NULL, dir);
    static const struct { const char *text, *trigger; bool intensional, negated; } cases[] = {
        {"The company will hold talks with unions next week.", "talks", true, false},
        {"The company held talks with unions last week.", "talks", false, false},
        {"The minister could make a new offer on Monday.", "offer", true, false},
        {"The minister made a new offer on Monday.", "offer", false, false},
        {"The union did not hold a vote on Monday.", "vote", false, true},
        {"The vote of the members would take place on Friday.", "vote", true, false},
        {"The vote of the members took place on Friday.", "vote", false, false},
        /* a conditional clause runs from "if"/"unless" to a comma or clause word */
        {"Workers will walk out if the talks collapse.", "collapse", true, false},
        {"If the talks collapse, the workers will walk out.", "collapse", true, false},
        {"The talks collapsed on Monday.", "collapsed", false, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = test_doc(cases[i].text);
        el_event_tag(d, lx);
        const el_event_mention *ev = event_at(d, cases[i].trigger);
        if (!ev)
            fail_msg("no event '%s' in '%s'", cases[i].trigger, cases[i].text);
        if (ev->intensional != cases[i].intensional || ev->negated != cases[i].negated)
            fail_msg("'%s' in '%s': intensional %d negated %d", cases[i].trigger, cases[i].text,
                     (int)ev->intensional, (int)ev->negated);
        el_doc_free(d);
    }
    el_trigger_lexicon_free(lx);
    remove_gazetteers(dir);
}

/* An adjectival participle after a possessive is still an event: the
 * rules' reading (the learned model may drop it in some contexts). */
static void test_participle_after_possessive(void **state)
{
    (void)state;
    char dir[64];
    el_trigger_lexicon *lx = lexicon_with(NULL, NULL, dir);
    el_doc *d = test_doc("The firm's estimated value fell.");
    el_event_tag(d, lx);
    assert_non_null(event_at(d, "estimated"));
    el_doc_free(d);
    el_trigger_lexicon_free(lx);
    remove_gazetteers(dir);
}

/* ---- learned class and eventness (timeml-classes.tsv) ------------------- */

/* Class of the event at `word` in `text` with lexicon lx (-1 if none). */
static int class_at(el_trigger_lexicon *lx, const char *text, const char *word)
{
    el_doc *d = test_doc(text);
    el_event_tag(d, lx);
    const el_event_mention *ev = event_at(d, word);
    int cls = ev ? (int)ev->cls : -1;
    el_doc_free(d);
    return cls;
}

/* The most specific row with enough events decides: the word after, then
 * the word before, then any context; a row whose class is mixed ("-")
 * leaves the rule's class. */
static void test_learned_class_by_context(void **state)
{
    char dir[64];
    el_trigger_lexicon *lx = lexicon_with_classes(
        "resumed\t*\t20\t20\tASPECTUAL\t1.00\tASPECTUAL:20\n"
        "resumed\tn:obj\t10\t10\tSTATE\t0.90\tSTATE:9,I_ACTION:1\n"
        "resumed\tp:be\t6\t6\t-\t0.50\tSTATE:3,ASPECTUAL:3\n"
        "resumed\tn:prep\t2\t2\tREPORTING\t1.00\tREPORTING:2\n", dir);
    /* no row for the word after (n:-) nor before (p:-): any context */
    assert_int_equal(class_at(lx, "Talks resumed.", "resumed"), EL_EV_ASPECTUAL);
    /* the word after: a determiner (the rule's class is not seen there) */
    assert_int_equal(class_at(lx, "They resumed the talks.", "resumed"), EL_EV_STATE);
    /* too few events after "in" (2 < 3): the word before decides, mixed
     * (the rules' class: a lexicon without learned rows nor model) */
    char plain_dir[64];
    el_trigger_lexicon *plain = lexicon_with_classes("", plain_dir);
    int rule = class_at(plain, "Talks were resumed in Rome.", "resumed");
    assert_int_equal(class_at(lx, "Talks were resumed in Rome.", "resumed"), rule);
    el_trigger_lexicon_free(lx);
    remove_gazetteers(dir);

    /* a rule's class seen in 10% of the row's events stays */
    lx = lexicon_with_classes(
        "resumed\t*\t20\t20\tSTATE\t0.80\tSTATE:16,ASPECTUAL:2,I_ACTION:2\n", dir);
    int rule_cls = class_at(plain, "Talks resumed.", "resumed");
    int got = class_at(lx, "Talks resumed.", "resumed");
    if (rule_cls == EL_EV_ASPECTUAL || rule_cls == EL_EV_I_ACTION)
        assert_int_equal(got, rule_cls);
    else
        assert_int_equal(got, EL_EV_STATE);
    el_trigger_lexicon_free(lx);
    remove_gazetteers(dir);
    el_trigger_lexicon_free(plain);
    remove_gazetteers(plain_dir);
}

/* A mention is dropped when a row with 8+ occurrences shows the form an
 * event less than 30% of the time there; typed triggers are kept. */
static void test_learned_eventness(void **state)
{
    (void)state;
    char dir[64];
    el_trigger_lexicon *lx = lexicon_with_classes(
        "flumped\t*\t20\t12\tOCCURRENCE\t1.00\tOCCURRENCE:12\n"
        "flumped\tn:obj\t10\t2\t-\t1.00\tOCCURRENCE:2\n"
        "flumped\tn:prep\t5\t0\t-\t0.00\t-\n"
        "visit\t*\t100\t1\t-\t1.00\tOCCURRENCE:1\n"
        "visits\t*\t100\t1\t-\t1.00\tOCCURRENCE:1\n", dir);
    /* generic -ed verb: kept in general, dropped before an object */
    assert_int_equal(class_at(lx, "He flumped.", "flumped"), EL_EV_OCCURRENCE);
    assert_int_equal(class_at(lx, "He flumped the ball.", "flumped"), -1);
    /* 5 occurrences are too few to call it rare */
    assert_int_equal(class_at(lx, "He flumped in Rome.", "flumped"), EL_EV_OCCURRENCE);
    /* a typed verb stays whatever the data say (it feeds the timeline); a
     * typed noun the data call seldom an event goes */
    assert_true(class_at(lx, "He visits Rome.", "visits") >= 0);
    assert_int_equal(class_at(lx, "The visit was long.", "visit"), -1);
    el_trigger_lexicon_free(lx);
    remove_gazetteers(dir);
}

/* What is said is no participant of saying: "he said the United States
 * must ..." names no addressee; "told Jones" does. */
static void test_reported_clause_subject_not_object(void **state)
{
    el_doc *d = test_doc("Smith said Jones must respect the deal.");
    add_ent_at(d, "Smith", 1, EL_ENT_PERSON, "P:smith", "Ann Smith");
    add_ent_at(d, "Jones", 1, EL_ENT_PERSON, "P:jones", "Bob Jones");
    el_event_tag(d, *state);
    const el_event_mention *said = event_at(d, "said");
    assert_non_null(said);
    assert_int_equal(said->nparticipants, 1);
    assert_int_equal(said->participants[0], 0);   /* Smith */
    el_doc_free(d);
    d = test_doc("Smith told Jones the deal would hold.");
    add_ent_at(d, "Smith", 1, EL_ENT_PERSON, "P:smith", "Ann Smith");
    add_ent_at(d, "Jones", 1, EL_ENT_PERSON, "P:jones", "Bob Jones");
    el_event_tag(d, *state);
    assert_int_equal(event_at(d, "told")->nparticipants, 2);
    el_doc_free(d);
}

/* A tensed reporting verb between a trigger and a later time takes that
 * time: "X's trip, an aide told reporters Monday". */
static void test_reporting_verb_takes_later_time(void **state)
{
    el_doc *d = test_doc("He praised the trip, an aide told reporters Monday.");
    size_t mon = find_tok(d, "Monday", 0);
    add_date(d, mon, mon + 1, "2023-06-19");
    el_event_tag(d, *state);
    const el_event_mention *trip = event_at(d, "trip"), *told = event_at(d, "told");
    assert_non_null(trip);
    assert_non_null(told);
    assert_int_equal(told->cls, EL_EV_REPORTING);
    assert_int_equal(told->timex, 0);
    assert_int_equal(trip->timex, -1);
    el_doc_free(d);

    /* a time inside the reported clause is its verb's, not the report's */
    d = test_doc("Smith said Jones will visit Rome on Friday.");
    size_t fri = find_tok(d, "Friday", 0);
    add_date(d, fri, fri + 1, "2023-06-23");
    el_event_tag(d, *state);
    const el_event_mention *said = event_at(d, "said"), *visit = event_at(d, "visit");
    assert_non_null(said);
    assert_non_null(visit);
    assert_int_equal(said->timex, -1);
    assert_int_equal(visit->timex, 0);
    el_doc_free(d);

    /* the time right after a reporting verb is the report's, not the
     * reported clause's; "said Friday's meeting" is the meeting's */
    d = test_doc("Smith said Friday he was confident they would meet soon.");
    fri = find_tok(d, "Friday", 0);
    add_date(d, fri, fri + 1, "2023-06-16");
    el_event_tag(d, *state);
    const el_event_mention *meet = event_at(d, "meet");
    assert_non_null(meet);
    assert_int_equal(event_at(d, "said")->timex, 0);
    assert_int_equal(meet->timex, -1);
    el_doc_free(d);
    d = test_doc("Smith told reporters on Friday that talks would resume.");
    fri = find_tok(d, "Friday", 0);
    add_date(d, fri, fri + 1, "2023-06-16");
    el_event_tag(d, *state);
    assert_int_equal(event_at(d, "told")->timex, 0);
    assert_non_null(event_at(d, "talks"));
    assert_int_equal(event_at(d, "talks")->timex, -1);
    el_doc_free(d);
    /* nor is a time inside the reported clause the report's */
    d = test_doc("Smith has said that, since 2021, Jones has declined talks.");
    size_t y = find_tok(d, "2021", 0);
    add_date(d, y, y + 1, "2021");
    el_event_tag(d, *state);
    assert_int_equal(event_at(d, "said")->timex, -1);
    el_doc_free(d);
    d = test_doc("Smith said Friday's meeting went well.");
    fri = find_tok(d, "Friday", 0);
    add_date(d, fri, fri + 1, "2023-06-16");
    el_event_tag(d, *state);
    assert_non_null(event_at(d, "meeting"));
    assert_int_equal(event_at(d, "meeting")->timex, 0);
    el_doc_free(d);
}

/* ---- the learned event model ------------------------------------------ */

/* tests/data/event-model-tiny.tsv, or the named file of tests/data. */
static void data_path(const char *name, char *out, size_t cap)
{
    const char *dir = getenv("TEST_DATA");
    snprintf(out, cap, "%s/%s", dir && *dir ? dir : "tests/data", name);
}

static el_event_model *tiny_model(void)
{
    char path[PATH_MAX], *err = NULL;
    data_path("event-model-tiny.tsv", path, sizeof path);
    el_event_model *m = el_event_model_load(path, &err);
    if (!m)
        fail_msg("%s", err ? err : "no model");
    return m;
}

/* Scores of `word` in `text`: roles from the fixture lexicon's grammar. */
static void scores_at(void **state, const el_event_model *m, const char *text, const char *word,
                      float sc[EL_MODEL_LABELS])
{
    el_doc *d = test_doc(text);
    uint32_t *roles = el_event_token_roles(d, *state);
    el_event_model_score(m, d, roles, find_tok(d, word, 0), sc);
    free(roles);
    el_doc_free(d);
}

/* Function words carry one class from grammar.tsv (bits 28-31), beside
 * their roles; a word with only a class has no grammatical role. */
static void test_function_word_classes(void **state)
{
    el_doc *d = test_doc("The talks and a visit of Smith, or the trip since May, but in June.");
    uint32_t *roles = el_event_token_roles(d, *state);
    size_t the = find_tok(d, "The", 0), and = find_tok(d, "and", 0), or = find_tok(d, "or", 0);
    assert_true(el_word_in(roles[the], EL_W(EL_W_DEF)));
    assert_true(roles[the] & EL_R_DET);
    assert_false(el_word_in(roles[the], EL_W(EL_W_INDEF) | EL_W(EL_W_AND)));
    assert_true(el_word_in(roles[and], EL_W(EL_W_AND) | EL_W(EL_W_OR)));
    assert_int_equal(el_grammar_roles(roles[and]), 0);
    assert_true(el_word_in(roles[or], EL_W(EL_W_OR)));
    assert_true(el_word_in(roles[find_tok(d, "a", 0)], EL_W(EL_W_INDEF)));
    assert_true(el_word_in(roles[find_tok(d, "of", 0)], EL_W(EL_W_OF)));
    assert_true(el_word_in(roles[find_tok(d, "since", 0)], EL_W(EL_W_SINCE)));
    assert_true(roles[find_tok(d, "since", 0)] & EL_R_TIME_PREP);
    assert_true(el_word_in(roles[find_tok(d, "but", 0)], EL_W(EL_W_BUT)));
    assert_true(el_word_in(roles[find_tok(d, "in", 0)], EL_W(EL_W_IN)));
    assert_false(el_word_in(roles[find_tok(d, "talks", 0)], 0xFFFFu));   /* no class */
    free(roles);
    el_doc_free(d);
    /* the clitic 's after a pronoun: "has" before "been", else "is" */
    const char *texts[] = {"Who's been told?", "It's planned.", "The minister's visit."};
    const uint32_t want[] = {EL_R_HAVE_PRES, EL_R_BE_PRES, EL_R_DET};
    for (size_t k = 0; k < 3; k++) {
        d = test_doc(texts[k]);
        roles = el_event_token_roles(d, *state);
        size_t s = 0;
        while (s < d->ntokens && !el_tok_is_possessive(d, s))
            s++;
        assert_true(s < d->ntokens);
        assert_int_equal(el_grammar_roles(roles[s]), want[k]);
        free(roles);
        el_doc_free(d);
    }
}

/* A model is the sum of the rows of the token's features: bias, form,
 * word before, form and context after. */
static void test_model_scores(void **state)
{
    el_event_model *m = tiny_model();
    assert_int_equal(el_event_model_features(m), 8);
    float sc[EL_MODEL_LABELS];
    scores_at(state, m, "They glorp daily.", "glorp", sc);
    assert_float_equal(sc[0], 1.5, 1e-6);                        /* b=1, pw=they */
    assert_float_equal(sc[1 + EL_EV_OCCURRENCE], 3.0, 1e-6);     /* w=glorp */
    assert_float_equal(sc[1 + EL_EV_I_STATE], 0.25, 1e-6);       /* pw=they */
    assert_float_equal(sc[1 + EL_EV_REPORTING], 0.0, 1e-6);
    assert_int_equal(el_event_model_best_class(sc), EL_EV_OCCURRENCE);
    /* before "to" (adverbs skipped): the row for the form and that context */
    scores_at(state, m, "We glorp also to win.", "glorp", sc);
    assert_float_equal(sc[1 + EL_EV_OCCURRENCE], 1.0, 1e-6);
    assert_float_equal(sc[1 + EL_EV_I_ACTION], 4.0, 1e-6);
    assert_int_equal(el_event_model_best_class(sc), EL_EV_I_ACTION);
    /* features are case-folded; an unknown word scores the bias only */
    scores_at(state, m, "GLORP now.", "GLORP", sc);
    assert_float_equal(sc[1 + EL_EV_OCCURRENCE], 3.0, 1e-6);
    scores_at(state, m, "We snarfle.", "snarfle", sc);
    assert_float_equal(sc[0], 1.0, 1e-6);
    assert_float_equal(sc[1 + EL_EV_OCCURRENCE], 0.0, 1e-6);
    /* a form without rows still has its suffixes' */
    scores_at(state, m, "They fizz daily.", "fizz", sc);
    assert_float_equal(sc[1 + EL_EV_OCCURRENCE], 5.0, 1e-6);
    el_event_model_free(m);
}

/* Write `text` to a temporary file; its path in path[64]. */
static void temp_file(const char *text, char path[64])
{
    snprintf(path, 64, "/tmp/el-model-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* No file is no model (no error); a malformed row is an error naming the
 * file and line. */
static void test_model_load_errors(void **state)
{
    (void)state;
    char *err = NULL;
    assert_null(el_event_model_load("/nonexistent/event-model.tsv", &err));
    assert_null(err);
    static const char *const bad[] = {
        "# c\nb=1\t1\t0\t0\t0\t0\t0\t0\n",               /* 7 weights */
        "# c\nq=1\t1\t0\t0\t0\t0\t0\t0\t0\n",           /* unknown template */
        "# c\nw1\t1\t0\t0\t0\t0\t0\t0\t0\n",            /* no "=" */
        "# c\nw=a\t1\tx\t0\t0\t0\t0\t0\t0\n",           /* not a number */
        "# c\nw=a\t99\t0\t0\t0\t0\t0\t0\t0\n",          /* out of range */
        "# c\nw=a\t1\t0\t0\t0\t0\t0\t0\t0\nw=a\t1\t0\t0\t0\t0\t0\t0\t0\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char path[64];
        temp_file(bad[i], path);
        err = NULL;
        assert_null(el_event_model_load(path, &err));
        assert_non_null(err);
        assert_non_null(strstr(err, path));
        assert_non_null(strstr(err, i == 5 ? ":3:" : ":2:"));
        free(err);
        unlink(path);
    }
    char path[64];
    temp_file("# only comments\n\n", path);
    el_event_model *m = el_event_model_load(path, &err);
    assert_non_null(m);
    assert_int_equal(el_event_model_features(m), 0);
    el_event_model_free(m);
    unlink(path);
}

/* In the stage: a word no rule takes that the model calls an event is an
 * untyped event of the model's class (if the model has rows for its
 * form); an untyped mention the model firmly rejects is dropped; a clear
 * model class replaces the class of an untyped mention; a typed trigger
 * keeps its type and class. */
static void test_model_in_stage(void **state)
{
    (void)state;
    char dir[64], path[PATH_MAX];
    data_path("event-model-tiny.tsv", path, sizeof path);
    el_trigger_lexicon *lx = lexicon_with("", path, dir);
    assert_int_equal(class_at(lx, "They glorp daily.", "glorp"), EL_EV_OCCURRENCE);
    assert_int_equal(class_at(lx, "We glorp to win.", "glorp"), EL_EV_I_ACTION);
    assert_int_equal(class_at(lx, "He flumped.", "flumped"), -1);
    /* a new event is a form the model has rows for ("fizz" wins by its
     * suffix only) */
    assert_int_equal(class_at(lx, "They fizz daily.", "fizz"), -1);
    assert_int_equal(class_at(lx, "He zorped.", "zorped"), EL_EV_ASPECTUAL);
    assert_int_equal(class_at(lx, "They postponed the talks.", "postponed"), EL_EV_I_ACTION);
    el_doc *d = test_doc("They postponed the talks.");
    el_event_tag(d, lx);
    assert_string_equal(event_at(d, "postponed")->type, "postponement");
    el_doc_free(d);
    el_trigger_lexicon_free(lx);
    remove_gazetteers(dir);
    /* without the model: the rules' readings */
    lx = lexicon_with_classes("", dir);
    assert_int_equal(class_at(lx, "They glorp daily.", "glorp"), -1);
    assert_int_equal(class_at(lx, "He flumped.", "flumped"), EL_EV_OCCURRENCE);
    assert_int_equal(class_at(lx, "He zorped.", "zorped"), EL_EV_OCCURRENCE);
    el_trigger_lexicon_free(lx);
    remove_gazetteers(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inflections_and_type),
        cmocka_unit_test(test_particle_verbs),
        cmocka_unit_test(test_domain_types),
        cmocka_unit_test(test_sense_rules),
        cmocka_unit_test(test_phrasal_not_death),
        cmocka_unit_test(test_credit_lines),
        cmocka_unit_test(test_tense_aspect),
        cmocka_unit_test(test_polarity_modality),
        cmocka_unit_test(test_names_are_not_triggers),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_subject_list),
        cmocka_unit_test(test_stance_verb_subject),
        cmocka_unit_test(test_place_after_of),
        cmocka_unit_test(test_destination_beats_modifier_place),
        cmocka_unit_test(test_noun_after_time_preposition),
        cmocka_unit_test(test_subject_shared_by_participle_clause),
        cmocka_unit_test(test_nearest_timex_in_clause),
        cmocka_unit_test(test_reported_clause_subject_not_object),
        cmocka_unit_test(test_signal_links),
        cmocka_unit_test(test_signal_inside_timex),
        cmocka_unit_test(test_reporting_dct),
        cmocka_unit_test(test_empty_and_missing),
        cmocka_unit_test(test_class_from_complement),
        cmocka_unit_test(test_passive_purpose_not_intensional),
        cmocka_unit_test(test_learned_noun_reading),
        cmocka_unit_test(test_attributive_participle),
        cmocka_unit_test(test_no_subject_across_parenthesis),
        cmocka_unit_test(test_subject_stops_at_reporting_verb),
        cmocka_unit_test(test_unresolved_pronoun_subject),
        cmocka_unit_test(test_place_owned_by_place),
        cmocka_unit_test(test_coordinated_verb_shares_subject),
        cmocka_unit_test(test_place_modifying_a_noun),
        cmocka_unit_test(test_object_coordinated_past_possessor),
        cmocka_unit_test(test_objects_qualifiers_and_destination),
        cmocka_unit_test(test_subject_before_apposition),
        cmocka_unit_test(test_coordinated_places_stay_in_phrase),
        cmocka_unit_test(test_time_of_noun_trigger),
        cmocka_unit_test(test_objects_stop_at_subordinate_clause),
        cmocka_unit_test(test_verb_after_relative_that),
        cmocka_unit_test(test_intensional_scope),
        cmocka_unit_test(test_support_verb_factuality),
        cmocka_unit_test(test_reading_after_possessive_and_preposition),
        cmocka_unit_test(test_possessor_of_event_noun),
        cmocka_unit_test(test_participle_after_possessive),
        cmocka_unit_test(test_learned_class_by_context),
        cmocka_unit_test(test_learned_eventness),
        cmocka_unit_test(test_reporting_verb_takes_later_time),
        cmocka_unit_test(test_function_word_classes),
        cmocka_unit_test(test_model_scores),
        cmocka_unit_test(test_model_load_errors),
        cmocka_unit_test(test_model_in_stage),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

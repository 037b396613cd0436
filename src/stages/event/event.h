/* event.h - the event stage: trigger lexicon matching, TimeML class, tense,
 * aspect, polarity and modality, arguments (participants, location, time),
 * and in-document temporal links from signals. */
#ifndef EL_EVENT_H
#define EL_EVENT_H

#include "model/doc.h"

typedef struct el_trigger_lexicon el_trigger_lexicon;

/* What the normalizer needs to know about an event type (types.tsv). */
typedef struct el_event_type_info {
    char *name;        /* "meeting" */
    char *group;       /* compatibility group ("meeting" for talks too) */
    bool timeline;     /* canonical events of this type go on the timeline */
    char **labels;     /* label templates with {S} {O} {L} slots */
    size_t nlabels;
    int span_days;     /* how many days one event of this type may last (0 = instant) */
} el_event_type_info;

/* Load gazetteers/events/ (triggers.tsv, timeml-forms.tsv,
 * timeml-classes.tsv, grammar.tsv, signals.tsv, credits.tsv,
 * normalizer.tsv, types.tsv and, when there
 * is one, event-model.tsv).  Returns NULL and sets *err on failure. */
el_trigger_lexicon *el_trigger_lexicon_load(const char *dir, char **err);
/* The same with the event model already loaded (taken over: the compiled
 * resource cache); a NULL model is read from DIR as above. */
struct el_event_model;
el_trigger_lexicon *el_trigger_lexicon_load_with(const char *dir, struct el_event_model *model,
                                                 char **err);
/* The same without the event model (the corpus steps read only the types,
 * words and tables: merge). */
el_trigger_lexicon *el_trigger_lexicon_load_words(const char *dir, char **err);
void el_trigger_lexicon_free(el_trigger_lexicon *lx);

/* Type information, or NULL for an unknown type / NULL lexicon. */
const el_event_type_info *el_trigger_type(const el_trigger_lexicon *lx, const char *type);

/* Kinds of the words the event normalizer reads (normalizer.tsv). */
enum {
    EL_NW_INDEFINITE = 1u << 0,   /* "a", "an" */
    EL_NW_SUPPORT    = 1u << 1,   /* a support verb form: "held" (talks), "gave" (a speech) */
    EL_NW_HAPPEN     = 1u << 2,   /* its object that says the subject happened: "place" */
    EL_NW_CONDITION  = 1u << 3,   /* opens a clause that is not asserted: "if", "unless" */
};

/* Is token tok of doc a word of one of the kinds (EL_NW_* bits)?  False
 * without a lexicon. */
bool el_trigger_word_is(const el_trigger_lexicon *lx, const el_doc *doc, size_t tok,
                        unsigned kinds);

/* Add doc->events and doc->links.  Needs tokens, timexes and mentions.
 * Thread-safe: the lexicon is only read. */
void el_event_tag(el_doc *doc, const el_trigger_lexicon *lx);

#endif

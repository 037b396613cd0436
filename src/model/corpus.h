/* corpus.h - the cross-document layer: the documents of one run, the
 * entity index (one entity per canonical key, across documents), the
 * canonical events (the event normalizer's output), the temporal relations
 * between them and the timeline order.  Exporters read a corpus. */
#ifndef EL_CORPUS_H
#define EL_CORPUS_H

#include "model/doc.h"
#include "base/hashmap.h"

typedef struct el_entity {
    char id[16];          /* "E1", ... assigned in sorted key order */
    char *key;            /* canonical key shared by its mentions */
    char *name;           /* canonical name */
    el_ent_type type;
    char **aliases; size_t naliases, cap_aliases;   /* distinct mention texts */
    char **roles;   size_t nroles,   cap_roles;     /* titles seen with it */
    size_t nmentions;
    size_t *docs;   size_t ndocs,    cap_docs;      /* document indices */
} el_entity;

/* A reference to one event mention: document index and mention index. */
typedef struct el_mref { uint32_t doc, ev; } el_mref;

/* Where a canonical event's time comes from (its provenance): a timex
 * linked to the event inside its own clause, the timex of its sentence, the
 * report date (a present-tense report on the article's days, or an event an
 * article reports in the simple past with no time: from_report), or a
 * length ("a two-day visit") counted back from the report date. */
typedef enum el_anchor {
    EL_ANCHOR_NONE, EL_ANCHOR_TIMEX, EL_ANCHOR_SENTENCE, EL_ANCHOR_REPORT, EL_ANCHOR_DURATION
} el_anchor;

/* "timex", "sentence", "report", "duration" ("none" when undated). */
const char *el_anchor_name(el_anchor a);


/* Why two mentions of different articles became one event (the
 * normalizer's cross-article merge): the two clusters' first mentions,
 * a one-line reason and the entities both sides' articles name. */
typedef struct el_merge_note {
    el_mref a, b;
    char *why;
    size_t shared[4]; size_t nshared;   /* entity indices */
} el_merge_note;

typedef struct el_event {
    char id[16];          /* "V1", ... in timeline order */
    char *type;           /* "meeting", "visit", ... */
    char *label;          /* short human label ("Smith meets Jones") */
    size_t *participants; size_t nparticipants, cap_participants; /* entity indices */
    int location;         /* entity index or -1 */
    char value[EL_VALUE_SIZE];       /* TIMEX3-style anchor value, "" if undated */
    char end_value[EL_VALUE_SIZE];   /* end instant value or "" */
    el_interval iv;       /* anchored interval (iv.end == 0 if undated) */
    el_mref time_source;  /* mention whose timex gave the time */
    bool has_time_source;
    bool time_from_report; /* no time said: the day of the first article reporting
                              it in the past tense */
    el_anchor anchor;     /* where the time comes from (EL_ANCHOR_NONE: undated) */
    el_mref *mentions; size_t nmentions, cap_mentions;
    float confidence;
    bool factual;         /* false for negated / hypothetical / future */
    el_merge_note *merges; size_t nmerges, cap_merges;   /* cross-article merges */
} el_event;

/* How precise an event's time is: the granularity of its interval
 * ("minute", "day", "week", "month", "year", ...), "none" when undated. */
const char *el_event_precision(const el_event *v);

typedef struct el_relation {
    size_t from, to;      /* event indices */
    el_reltype type;      /* BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, ... */
    bool inferred;        /* added by closure */
    char *evidence;       /* why: "interval", "signal 'after' in DOC", ... */
} el_relation;

typedef struct el_corpus {
    el_doc **docs; size_t ndocs, cap_docs;
    el_entity *entities; size_t nentities, cap_entities;
    el_event *events; size_t nevents, cap_events;
    el_relation *relations; size_t nrelations, cap_relations;
    size_t *timeline; size_t ntimeline;    /* event indices, earliest first */
    char **conflicts; size_t nconflicts, cap_conflicts; /* contradictions found */
    el_hashmap entity_map;   /* key hash -> entity index (el_corpus_entity_of) */
} el_corpus;

el_corpus *el_corpus_new(void);

/* Keep only the events the text itself dates (anchor timex or sentence),
 * the relations between them and their places in the timeline; event ids
 * stay as they were (--own-dates-only). */
void el_corpus_keep_own_dates(el_corpus *c);
/* Takes ownership of doc. */
void el_corpus_add(el_corpus *c, el_doc *doc);
void el_corpus_free(el_corpus *c);

/* Put documents in id order (so the result does not depend on the order
 * the inputs were given in) and make duplicate ids unique ("id~2"). */
void el_corpus_sort_docs(el_corpus *c);

/* Build the entity index from the documents' mentions (ids by sorted key),
 * after el_corpus_adopt_short_names. */
void el_corpus_link_entities(el_corpus *c);
/* corpus_names.c: an untyped name that other articles write the same way
 * and type (all with one key) takes that entity; then a one-word name that
 * an article leaves unresolved ("Weber") takes the person it names in the
 * other articles, when they all agree on one ("Anna Weber"); rewrites those
 * mentions' key, name and type. */
void el_corpus_adopt_short_names(el_corpus *c);
/* Entity index of a mention, or -1.  Valid after el_corpus_link_entities. */
int el_corpus_entity_of(const el_corpus *c, const char *key);

#endif

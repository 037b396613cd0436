/* timeline_internal.h - shared between the timeline modules: normalize.c
 * (mentions -> canonical events), relations.c (relations, closure,
 * conflicts, order) and timeline.c (the driver).  Not a public API. */
#ifndef EL_TIMELINE_INTERNAL_H
#define EL_TIMELINE_INTERNAL_H

#include "timeline/timeline.h"
#include "stages/event/event.h"

/* Group typed event mentions of all documents into c->events (unordered,
 * ids not yet assigned). `types` gives type groups, timeline flags and
 * label templates; NULL = every typed non-REPORTING event, generic labels.
 * `words` gives the words the normalizer reads (normalizer.tsv); NULL =
 * none. */
void el_normalize_events(el_corpus *c, const el_trigger_lexicon *types,
                         const el_trigger_lexicon *words);

/* A short human label from the type's templates (label.c), or for an
 * untyped event "{S} verb {O}" from the lemma of `head`, its first mention
 * ("Smith says" for a statement); caller frees. */
char *el_event_label(const el_corpus *c, const el_event *v, const el_event_type_info *ti,
                     const el_event_mention *head);

/* Relations (intervals, signals, closure), conflicts and the timeline
 * order; then ids V1.. in timeline order (events re-sorted to match). */
void el_relate_and_order(el_corpus *c);

/* Exact reprints (reprints.c): first[d] is the first document with d's
 * text and DCT (d itself if none before it); next[d] chains a first
 * document to its later copies in document order (SIZE_MAX ends it). */
typedef struct el_reprints {
    size_t *first, *next;
    size_t ncopies;   /* documents that are a copy of an earlier one */
} el_reprints;
void el_reprints_find(const el_corpus *c, el_reprints *r);
void el_reprints_free(el_reprints *r);

/* Minimum confidence of a canonical event on the timeline. */
#define EL_TIMELINE_MIN_CONFIDENCE 0.5f

#endif

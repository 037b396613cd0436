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

/* Reprints (reprints.c).  Exact: first[d] is the first document with d's
 * text and DCT (d itself if none before it); next[d] chains a first
 * document to its later copies in document order (SIZE_MAX ends it).
 * Near duplicates (the same story lightly edited, by a MinHash fingerprint
 * of the text): near[d] is the earlier document d repeats (SIZE_MAX: none),
 * near_next[f] chains f to its near duplicates; fwd[d][e] is the mention
 * of near[d] that d's mention e repeats, back[d][g] the reverse (-1: none). */
typedef struct el_reprints {
    size_t *first, *next;
    size_t *near, *near_next;
    int32_t **fwd, **back;
    size_t ndocs;
    size_t ncopies;   /* documents that are a copy or near duplicate of an earlier one */
} el_reprints;
void el_reprints_find(const el_corpus *c, el_reprints *r);
/* Is mention ev of doc one its near original already has (so it is not
 * clustered again)? */
bool el_reprints_covered(const el_reprints *r, size_t doc, size_t ev);
/* Add to v the same mentions in the exact copies and near duplicates of
 * the documents of its mentions. */
void el_reprints_add_mentions(const el_reprints *r, el_event *v);
void el_reprints_free(el_reprints *r);

/* Minimum confidence of a canonical event on the timeline. */
#define EL_TIMELINE_MIN_CONFIDENCE 0.5f

#endif

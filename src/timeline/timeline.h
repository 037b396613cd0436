/* timeline.h - the event normalizer and the timeline graph.
 *
 * Groups event mentions of all documents into canonical events (same or
 * compatible type, overlapping participants, compatible time and place),
 * anchors each on the time axis, derives temporal relations from intervals
 * and signals, closes them (point algebra over interval endpoints), reports
 * contradictions, and orders the events topologically. */
#ifndef EL_TIMELINE_H
#define EL_TIMELINE_H

#include "model/corpus.h"

typedef struct el_trigger_lexicon el_trigger_lexicon;   /* event.h */

/* Needs el_corpus_link_entities() first.  Fills events, relations, timeline.
 * Uses built-in defaults for event types (every typed, non-reporting event;
 * generic labels). */
void el_timeline_build(el_corpus *c);

/* The same with the trigger lexicon's types.tsv: type groups (talks ~
 * meeting), which types go on the timeline, and label templates. */
void el_timeline_build_ex(el_corpus *c, const el_trigger_lexicon *lx);

#endif

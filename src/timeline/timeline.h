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
 * generic labels) and knows none of the normalizer's words
 * (gazetteers/events/normalizer.tsv: no indefinite articles). */
void el_timeline_build(el_corpus *c);

/* Built-in defaults for event types as el_timeline_build, with the
 * normalizer's words from `words`' normalizer.tsv (what a one-document
 * result of annotate shows). */
void el_timeline_build_untyped(el_corpus *c, const el_trigger_lexicon *words);

/* The same with the trigger lexicon's types.tsv: type groups (talks ~
 * meeting), which types go on the timeline, and label templates. */
void el_timeline_build_ex(el_corpus *c, const el_trigger_lexicon *lx);

#endif

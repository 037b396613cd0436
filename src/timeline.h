/* timeline.h - the event normalizer and the timeline graph.
 *
 * Groups event mentions of all documents into canonical events (same or
 * compatible type, overlapping participants, compatible time and place),
 * anchors each on the time axis, derives temporal relations from intervals
 * and signals, closes them (point algebra over interval endpoints), reports
 * contradictions, and orders the events topologically. */
#ifndef EL_TIMELINE_H
#define EL_TIMELINE_H

#include "corpus.h"

/* Needs el_corpus_link_entities() first.  Fills events, relations, timeline. */
void el_timeline_build(el_corpus *c);

#endif

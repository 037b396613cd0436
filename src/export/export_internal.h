/* export_internal.h - what the drawings (DOT/SVG, TimelineJS, vis-timeline)
 * share: which events they show (the user's filters), how a TIMEX3 value
 * reads for people, and an event's actor, reporting sentence and source. */
#ifndef EL_EXPORT_INTERNAL_H
#define EL_EXPORT_INTERNAL_H

#include "export/export.h"

/* Narrow `keep` (one flag per event, the exporter's candidates) by the
 * filter: the entity (a participant or the location), the date range (the
 * event's interval overlaps it; undated events leave), then the N events
 * with most mentions.  Returns the number kept, or -1 when the entity names
 * nothing in the corpus (keep is then all false). */
long el_view_select(const el_corpus *c, const el_export_filter *f, bool *keep);

/* Candidates every drawing starts from: typed events that are dated
 * (or, with `undated`, all typed ones).  Caller frees. */
bool *el_view_typed(const el_corpus *c, bool undated);

/* A TIMEX3 value as people write it: "2022-W49" -> "week 49 of 2022
 * (5-11 Dec)", "2023-02" -> "February 2023", "2023-06-19" -> "19 June 2023",
 * "2023-06-19T16:34" -> "19 June 2023, 16:34"; other values unchanged. */
void el_value_words(const char *value, char *out, size_t cap);

/* Where the event's date comes from, for people (its provenance):
 * "its own time expression", "the time of its sentence", "the report
 * date (no date of its own)", "a length counted back from the report date",
 * or NULL when undated. */
const char *el_view_provenance(const el_event *v);
/* The date is only the report's (anchor report or duration): drawn grey
 * and dashed, badged in the viewer. */
bool el_view_report_dated(const el_event *v);

/* The event's first participant (its actor), or NULL. */
const char *el_view_actor(const el_corpus *c, const el_event *v);
/* "label" when the label names the actor, else "Actor: label". */
void el_view_headline(const el_corpus *c, const el_event *v, char *out, size_t cap);
/* The sentence of a mention, whitespace collapsed, cut at a character
 * boundary to fit cap (an ellipsis marks a cut). */
void el_view_sentence(const el_corpus *c, el_mref r, char *out, size_t cap);
/* A document's headline: its title, else its first line when it reads as
 * one (short, no final period), else "article of DATE", else its id. */
void el_view_doc_headline(const el_doc *d, char *out, size_t cap);
/* The document's source URL (http or https only; none with spaces,
 * quotes, angle brackets or backslashes), or NULL. */
const char *el_view_doc_url(const el_doc *d);

#endif

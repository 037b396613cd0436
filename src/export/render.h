/* render.h - the render core the exporters of this folder share (render.c):
 * which events a drawing shows (the user's filters) and in what order,
 * references and names (mention references, the entity a name means, an
 * event's lane), escaping (HTML), and what an event says to people: a
 * TIMEX3 value in words, its actor, reporting sentence, source and where its
 * date comes from.  Not a public header. */
#ifndef EL_EXPORT_RENDER_H
#define EL_EXPORT_RENDER_H

#include "export/export.h"
#include "base/buf.h"

/* Narrow `keep` (one flag per event, the exporter's candidates) by the
 * filter: the entity (a participant or the location), the date range (the
 * event's interval overlaps it; undated events leave), then the N events
 * with most mentions.  Returns the number kept, or -1 when the entity names
 * nothing in the corpus (keep is then all false). */
long el_view_select(const el_corpus *c, const el_export_filter *f, bool *keep);

/* Candidates every drawing starts from: typed events that are dated
 * (or, with `undated`, all typed ones).  Caller frees. */
bool *el_view_typed(const el_corpus *c, bool undated);

/* The kept events (keep[i]) into order[] (room for c->nevents): timeline
 * order first, then the rest in id order.  Returns how many. */
size_t el_view_order(const el_corpus *c, const bool *keep, size_t *order);

/* ---- references and names ---- */

/* True when the entity's name or an alias folds (el_fold_name) to `folded`. */
bool el_view_entity_named(const el_entity *e, const char *folded);
/* "DOCID#emN": the reference of an event mention (as in the JSON). */
void el_view_mention_ref(const el_corpus *c, el_mref r, char *out, size_t cap);
/* True when mention i is the first of its document among v's mentions. */
bool el_view_first_of_doc(const el_event *v, size_t i);
/* How many documents report the event. */
size_t el_view_doc_count(const el_event *v);
/* The lane (row, group) an event is drawn in: its actor, else
 * "(no participant)"; el_view_lane_index finds it in names[0..*n) or adds
 * it (names has room for one per event). */
const char *el_view_lane(const el_corpus *c, const el_event *v);
size_t el_view_lane_index(const char **names, size_t *n, const char *lane);

/* ---- escaping ---- */

/* s with & < > " ' as HTML entities: appended to b, or malloc'ed. */
void el_view_html(el_buf *b, const char *s);
char *el_view_html_dup(const char *s);

/* ---- what people read ---- */

/* A TIMEX3 value as people write it: "2022-W49" -> "week 49 of 2022
 * (5-11 Dec)", "2023-02" -> "February 2023", "2023-06-19" -> "19 June 2023",
 * "2023-06-19T16:34" -> "19 June 2023, 16:34", "2025-FA" -> "autumn 2025",
 * "2022-Q4" -> "Q4 2022", "2024-H1" -> "first half of 2024"; other values
 * unchanged. */
void el_value_words(const char *value, char *out, size_t cap);

/* Where the event's date comes from, for people (its provenance):
 * "its own time expression", "the time of its sentence", "the report
 * date (no date of its own)", "a length counted back from the report date",
 * or NULL when undated. */
const char *el_view_provenance(const el_event *v);
/* The date is only the report's (anchor report or duration): drawn grey
 * and dashed, badged in the viewer. */
bool el_view_report_dated(const el_event *v);

/* The calendar parts an instant shows at granularity `gran` (what the
 * web timelines' date fields take): the year; the month for a week (its
 * Monday's) and finer; the day for a week and finer; hour and minute for an
 * hour and finer; -1 for a part the value does not name. */
typedef struct el_view_date { int year, month, day, hour, minute; } el_view_date;
el_view_date el_view_date_parts(int64_t minutes, el_gran gran);

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

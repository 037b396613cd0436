/* export.h - one exporter per output format, all reading the same corpus. */
#ifndef EL_EXPORT_H
#define EL_EXPORT_H

#include <stdio.h>
#include <jansson.h>
#include "model/corpus.h"

/* JSON per ../shared/eval/CONTRACT.md (schema "eventline/1"), streamed
 * through one writer (jsonw.h): compact, one line ending in a newline,
 * unless EL_JSON_PRETTY. */
enum {
    EL_JSON_TEXT   = 1u << 0,  /* include each document's text (merge input) */
    EL_JSON_PRETTY = 1u << 1,  /* indented, for people */
    EL_JSON_TLINKS = 1u << 2,  /* each document's "tlinks" (annotate's per-document results) */
};
/* Dump flag for real numbers the Jansson writers print (confidences):
 * three significant digits (0.7, 0.963), not the 17 of a float's binary
 * value. */
#define EL_JSON_REALS JSON_REAL_PRECISION(3)
int el_export_json_file(const el_corpus *c, FILE *out);
int el_export_json_file_ex(const el_corpus *c, unsigned flags, FILE *out);
/* With syn (the model the syntax stage ran with; NULL = none), each
 * document also gets "tokens": its syntactic words (--tokens). */
struct el_syntax;
int el_export_json_file_syn(const el_corpus *c, unsigned flags, const struct el_syntax *syn,
                            FILE *out);
/* The entity list alone (the "entities" array), for `eventline entities`. */
int el_export_json_entities(const el_corpus *c, unsigned flags, FILE *out);

/* What the drawings (DOT/SVG, TimelineJS, vis-timeline) show: zero/NULL
 * fields filter nothing. */
typedef struct el_export_filter {
    size_t max_events;          /* the N events with most mentions */
    const char *since, *until;  /* YYYY-MM-DD: events overlapping the range */
    const char *entity;         /* events this entity takes part in */
} el_export_filter;

typedef struct el_drawing_context el_drawing_context;   /* holds Graphviz's GVC_t */

typedef struct el_dot_options {
    bool entities;   /* one lane (row) per participant instead of period boxes */
    bool undated;    /* keep undated events that no relation ties to the graph */
    el_export_filter filter;
    el_drawing_context *gvc;   /* the caller's, for every render of a run; NULL: one of its own */
} el_dot_options;

/* One Graphviz context for all the drawings of a run: Graphviz's text
 * layout plugin keeps state across contexts, so a second context in one
 * process reads memory the first one freed.  The context itself is made at
 * the first render (export_dot.c says why); free with
 * el_drawing_context_free.  NULL is valid: each render then has its own. */
el_drawing_context *el_drawing_context_new(void);
void el_drawing_context_free(el_drawing_context *g);

/* DOT built with cgraph, laid on a time axis (export_dot.c); render =
 * "svg", "png", "pdf" via gvc, or NULL for DOT text.  Returns 0 on success,
 * 1 when there is no event to draw or opt->filter.entity names no entity
 * (a warning on stderr, nothing written), -1 + message on stderr on
 * failure. */
int el_export_dot(const el_corpus *c, const el_dot_options *opt, const char *render,
                  FILE *out);

/* TimeML (inline TIMEX3/EVENT/TLINK) for one document, via libxml2's
 * xmlTextWriter.  The TEXT content equals doc->text byte for byte. */
int el_export_timeml(const el_doc *doc, FILE *out);

/* The same with the link tables (model/tlink_rules.h, from the resources;
 * NULL: the tense rules alone, no SLINK or ALINK). */
typedef struct el_tlink_rules el_tlink_rules;
int el_export_timeml_rules(const el_doc *doc, const el_tlink_rules *rules, FILE *out);

/* The links the TimeML writer adds to doc->links (timeml_links.c): each
 * dated timex and each event against the DCT, event pairs, SLINKs and
 * ALINKs, with evidence (static strings).  *out is malloc'ed (free it);
 * returns the count. */
size_t el_timeml_task_links(const el_doc *doc, const el_tlink_rules *rules, el_link **out);

/* All the links the TimeML writer writes (timeml_closure.c): doc->links and
 * the task links without those the events' dates contradict, then, with
 * `closure`, the event pairs those dates order.  *out is malloc'ed (free it;
 * the evidence strings are borrowed); returns the count. */
size_t el_timeml_links(const el_doc *doc, const el_tlink_rules *rules, bool closure, el_link **out);

/* One row per event (tab- or comma-separated). */
int el_export_table(const el_corpus *c, char sep, FILE *out);

/* TimelineJS3 (export_web.c): JSON, or the newsroom spreadsheet layout as
 * CSV.  Returns 0, 1 when there is no dated event to show (a warning on
 * stderr, nothing useful written), -1 on error. */
typedef struct el_timelinejs_options {
    const char *title;          /* title slide headline, NULL: the main entities */
    bool group_by_entity;       /* group = the event's actor (default: none) */
    el_export_filter filter;
} el_timelinejs_options;
int el_export_timelinejs(const el_corpus *c, const el_timelinejs_options *opt, FILE *out);
int el_export_timelinejs_csv(const el_corpus *c, const el_timelinejs_options *opt, FILE *out);

/* vis-timeline {items, groups} (export_web.c): new vis.Timeline(el, items,
 * groups) takes it as is.  Returns 0, 1 when there is no dated event to
 * show (a warning on stderr, nothing useful written), -1 on error. */
int el_export_vis(const el_corpus *c, const el_export_filter *filter, FILE *out);

/* The timeline of one entity (name or alias, case and punctuation
 * ignored): format "text", "json" or "semeval2015".  Returns 0, 1 when no
 * entity matched (an empty timeline is written), -1 on error. */
int el_export_entity_timeline(const el_corpus *c, const char *name, const char *format,
                              FILE *out);

/* One self-contained, offline index.html: the timeline viewer page with
 * the corpus data embedded as JSON (no network fetches). */
int el_export_html(const el_corpus *c, FILE *out);

/* The registry of corpus output formats (formats.c): the name given to
 * -f, the file it is written to in the output folder, and its writer.
 * Adding a format: its exporter in this folder and one row there. */
typedef struct el_export_options {
    bool dot_entities;   /* DOT/SVG: one lane per participant */
    bool dot_undated;    /* DOT/SVG: every typed event, dated or not */
    el_export_filter filter;   /* what the drawings show */
    const char *title;         /* TimelineJS title slide, NULL: the main entities */
    bool group_by_entity;      /* TimelineJS: group = the event's actor */
    bool json_pretty;    /* JSON: indented (default compact) */
    const struct el_syntax *json_tokens;  /* JSON: per-word analysis (--tokens), or NULL */
    el_drawing_context *gvc;   /* drawings: the run's Graphviz context, or NULL */
} el_export_options;

typedef struct el_export_format {
    const char *name;
    const char *file;
    int (*write)(const el_corpus *c, const el_export_options *o, const char *fmt, FILE *out);
} el_export_format;

/* NULL when no format has that name. */
const el_export_format *el_export_format_find(const char *name);

#endif

/* export_web.c - the timeline for web timeline libraries.
 *
 * TimelineJS3 (timelinejs.json): a title slide (the --title text, else the
 * most-involved entities, the date range and the counts) and one slide per
 * event: start_date {year, month, day, hour, minute} down to the event's
 * granularity with a display_date written for people ("week 49 of 2022
 * (5-11 Dec)", not the Monday), headline = the event label with its actor,
 * text = the reporting sentences with their sources' headlines (linked
 * when the reader kept a URL) and where the date comes from (its own time
 * expression, its sentence's, or only the report date), group none unless
 * asked (then the actor).
 * TimelineJS renders headline and text as HTML, so everything that comes
 * from a document or a gazetteer is HTML-escaped.  The same slides as the
 * TimelineJS spreadsheet layout (CSV).  vis-timeline (vis.json): {items,
 * groups}, one group per actor, items with ISO start/end, escaped content,
 * the date's provenance in the title and the class (own-date/report-date).
 *
 * Slides are the typed, dated, factual events; when there is none
 * (one short article), every dated event; with none at all, a warning and
 * failure instead of a timeline TimelineJS would refuse.  Size bounds: three
 * sources per slide, sentences cut at 300 bytes, at most MAX_SLIDES slides
 * (the most-mentioned, with a note on stderr). */
#include "export/export.h"
#include "export/render.h"
#include "base/buf.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_SLIDES = 2000, MAX_SOURCES = 3 };

/* ---- which events ------------------------------------------------------------ */

/* The slides, in timeline order: typed, dated, factual events (what
 * happened), else all dated ones;
 * filtered; bounded.  Returns the count (0: nothing to show, -1: the
 * entity named nothing); *order is owned by the caller. */
static long slide_events(const el_corpus *c, const el_export_filter *f, size_t **order)
{
    bool *keep = el_view_typed(c, false);
    size_t ntyped = 0;
    for (size_t i = 0; i < c->nevents; i++) {
        keep[i] = keep[i] && c->events[i].factual;
        ntyped += keep[i];
    }
    if (!ntyped)
        for (size_t i = 0; i < c->nevents; i++)
            keep[i] = c->events[i].iv.end > c->events[i].iv.begin;
    el_export_filter bounded = f ? *f : (el_export_filter){0, NULL, NULL, NULL};
    if (!bounded.max_events || bounded.max_events > MAX_SLIDES)
        bounded.max_events = MAX_SLIDES;
    long n = el_view_select(c, &bounded, keep);
    *order = el_calloc(c->nevents + 1, sizeof **order);
    size_t k = el_view_order(c, keep, *order);
    free(keep);
    return n < 0 ? -1 : (long)k;
}

/* ---- HTML text ---------------------------------------------------------------- */

/* Up to MAX_SOURCES reporting sentences, one per article, each with its
 * source's headline (a link when the document has a URL). */
static char *slide_text(const el_corpus *c, const el_event *v)
{
    el_buf b = EL_BUF_INIT;
    size_t shown = 0, docs = 0;
    for (size_t i = 0; i < v->nmentions; i++) {
        if (!el_view_first_of_doc(v, i))
            continue;
        docs++;
        if (shown == MAX_SOURCES)
            continue;
        char sentence[300], source[200];
        const el_doc *d = c->docs[v->mentions[i].doc];
        el_view_sentence(c, v->mentions[i], sentence, sizeof sentence);
        el_view_doc_headline(d, source, sizeof source);
        el_buf_puts(&b, "<p>&ldquo;");
        el_view_html(&b, sentence);
        el_buf_puts(&b, "&rdquo; &mdash; <i>");
        const char *url = el_view_doc_url(d);
        if (url) {
            el_buf_puts(&b, "<a href=\"");
            el_view_html(&b, url);
            el_buf_puts(&b, "\" target=\"_blank\" rel=\"noopener\">");
        }
        el_view_html(&b, source);
        el_buf_puts(&b, url ? "</a></i></p>" : "</i></p>");
        shown++;
    }
    if (docs > shown)
        el_buf_printf(&b, "<p>Also reported in %zu more article%s.</p>", docs - shown,
                      docs - shown == 1 ? "" : "s");
    if (v->location >= 0) {
        el_buf_puts(&b, "<p>Where: ");
        el_view_html(&b, c->entities[v->location].name);
        el_buf_puts(&b, "</p>");
    }
    const char *from = el_view_provenance(v);
    if (from)
        el_buf_printf(&b, "<p><small>Date from %s.</small></p>", from);
    el_buf_putc(&b, '\0');
    return el_buf_detach(&b, NULL);
}

/* ---- title ---------------------------------------------------------------------- */

typedef struct title_info {
    char headline[400];    /* plain text */
    char range[200];       /* "November 2022 to 20 June 2023" */
    size_t nevents, ndocs;
} title_info;

/* The three entities taking part in most slides, and the date range. */
static void title_of(const el_corpus *c, const size_t *order, size_t n, const char *title,
                     title_info *t)
{
    size_t *count = el_calloc(c->nentities + 1, sizeof *count);
    bool *doc = el_calloc(c->ndocs + 1, sizeof *doc);
    size_t first = 0, last = 0;
    for (size_t k = 0; k < n; k++) {
        const el_event *v = &c->events[order[k]];
        for (size_t p = 0; p < v->nparticipants; p++)
            count[v->participants[p]]++;
        for (size_t m = 0; m < v->nmentions; m++)
            doc[v->mentions[m].doc] = true;
        if (v->iv.begin < c->events[order[first]].iv.begin)
            first = k;
        if (v->iv.end > c->events[order[last]].iv.end)
            last = k;
    }
    t->nevents = n;
    t->ndocs = 0;
    for (size_t d = 0; d < c->ndocs; d++)
        t->ndocs += doc[d];
    el_buf b = EL_BUF_INIT;
    for (int round = 0; round < 3 && !title; round++) {
        size_t best = SIZE_MAX;
        for (size_t e = 0; e < c->nentities; e++)
            if (count[e] && (best == SIZE_MAX || count[e] > count[best]))
                best = e;
        if (best == SIZE_MAX)
            break;
        el_buf_puts(&b, round ? (round == 2 ? " and " : ", ") : "");
        el_buf_puts(&b, c->entities[best].name);
        count[best] = 0;
    }
    el_buf_putc(&b, '\0');
    char *names = el_buf_detach(&b, NULL);
    el_copy_str(t->headline, sizeof t->headline, title ? title : names[0] ? names : "Timeline");
    free(names);
    char from[96], to[96];
    el_value_words(c->events[order[first]].value, from, sizeof from);
    el_value_words(c->events[order[last]].value, to, sizeof to);
    if (strcmp(from, to) == 0)
        el_copy_str(t->range, sizeof t->range, from);
    else
        snprintf(t->range, sizeof t->range, "%s to %s", from, to);
    free(count);
    free(doc);
}

static char *title_text(const title_info *t)
{
    char *range = el_view_html_dup(t->range);
    char *s = el_strdupf("<p>%s</p><p>%zu event%s from %zu article%s.</p>", range, t->nevents,
                         t->nevents == 1 ? "" : "s", t->ndocs, t->ndocs == 1 ? "" : "s");
    free(range);
    return s;
}

/* ---- TimelineJS JSON ------------------------------------------------------------ */

/* {year, month, day, hour, minute} of an instant, down to `gran`. */
static json_t *tjs_date(int64_t minutes, el_gran gran, const char *display)
{
    el_view_date d = el_view_date_parts(minutes, gran);
    json_t *o = json_object();
    const char *const keys[] = {"year", "month", "day", "hour", "minute"};
    const int parts[] = {d.year, d.month, d.day, d.hour, d.minute};
    for (size_t i = 0; i < 5; i++)
        if (parts[i] >= 0)
            json_object_set_new(o, keys[i], json_integer(parts[i]));
    if (display)
        json_object_set_new(o, "display_date", json_string(display));
    return o;
}

static json_t *tjs_text(const char *headline_plain, const char *text_html)
{
    char *h = el_view_html_dup(headline_plain);
    json_t *o = json_pack("{s:s, s:s}", "headline", h, "text", text_html);
    free(h);
    return o;
}

/* A slide's group with --group entity: its actor, escaped, or "other". */
static char *group_of(const el_corpus *c, const el_event *v)
{
    const char *actor = el_view_actor(c, v);
    return el_view_html_dup(actor ? actor : "other");
}

static json_t *tjs_event(const el_corpus *c, const el_event *v, const el_timelinejs_options *opt)
{
    json_t *o = json_object();
    char words[96], headline[300];
    el_value_words(v->value, words, sizeof words);
    json_object_set_new(o, "unique_id", json_string(v->id));
    json_object_set_new(o, "start_date", tjs_date(v->iv.begin, v->iv.gran, words));
    if (v->end_value[0])
        json_object_set_new(o, "end_date", tjs_date(v->iv.end, v->iv.gran, NULL));
    json_object_set_new(o, "display_date", json_string(words));
    el_view_headline(c, v, headline, sizeof headline);
    char *text = slide_text(c, v);
    json_object_set_new(o, "text", tjs_text(headline, text));
    free(text);
    if (opt && opt->group_by_entity) {
        char *g = group_of(c, v);
        json_object_set_new(o, "group", json_string(g));
        free(g);
    }
    return o;
}

/* The slides (slide_events), with a warning on stderr when there is
 * nothing to show. */
static long prepare(const el_corpus *c, const el_export_filter *f, size_t **order,
                    const char *what)
{
    long n = slide_events(c, f, order);
    if (n < 0)
        fprintf(stderr, "eventline: %s: no entity named '%s' in these documents\n", what,
                f->entity);
    else if (n == 0)
        fprintf(stderr, "eventline: %s: no dated event in these documents, nothing to put on a "
                        "timeline\n", what);
    return n;
}

/* The slides and the title slide of a TimelineJS export: the slide count
 * (*order and *ttext then owned by the caller), or 0 after a warning. */
static long slides(const el_corpus *c, const el_timelinejs_options *opt, const char *what,
                   size_t **order, title_info *t, char **ttext)
{
    long n = prepare(c, opt ? &opt->filter : NULL, order, what);
    if (n <= 0) {
        free(*order);
        return 0;
    }
    title_of(c, *order, (size_t)n, opt ? opt->title : NULL, t);
    *ttext = title_text(t);
    return n;
}

int el_export_timelinejs(const el_corpus *c, const el_timelinejs_options *opt, FILE *out)
{
    size_t *order;
    title_info t;
    char *ttext;
    long n = slides(c, opt, "timelinejs", &order, &t, &ttext);
    if (!n)
        return 1;
    json_t *events = json_array();
    for (long k = 0; k < n; k++)
        json_array_append_new(events, tjs_event(c, &c->events[order[k]], opt));
    json_t *root = json_pack("{s:{s:o}, s:o}", "title", "text", tjs_text(t.headline, ttext),
                             "events", events);
    int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(root);
    free(ttext);
    free(order);
    return rc == 0 && !ferror(out) ? 0 : -1;
}

/* ---- TimelineJS spreadsheet (CSV) ------------------------------------------------- */

/* A CSV cell: quoted when needed; a cell a spreadsheet would read as a
 * formula (=, +, -, @ first) gets a leading apostrophe. */
static void put_cell(FILE *out, const char *s, bool last)
{
    el_csv_field(out, s);
    fputc(last ? '\n' : ',', out);
}

enum { CSV_COLS = 18 };

static void put_row(FILE *out, const char *const *cells)
{
    for (size_t i = 0; i < CSV_COLS; i++)
        put_cell(out, cells[i] ? cells[i] : "", i + 1 == CSV_COLS);
}

/* Year, Month, Day, Time of an instant down to `gran` into four buffers. */
static void csv_date(int64_t minutes, el_gran gran, char parts[4][24])
{
    el_view_date d = el_view_date_parts(minutes, gran);
    snprintf(parts[0], sizeof parts[0], "%d", d.year);
    parts[1][0] = parts[2][0] = parts[3][0] = '\0';
    if (d.month >= 0)
        snprintf(parts[1], sizeof parts[1], "%d", d.month);
    if (d.day >= 0)
        snprintf(parts[2], sizeof parts[2], "%d", d.day);
    if (d.hour >= 0)
        snprintf(parts[3], sizeof parts[3], "%02d:%02d", d.hour, d.minute);
}

static void csv_event(const el_corpus *c, const el_event *v, const el_timelinejs_options *opt,
                      FILE *out)
{
    char start[4][24], end[4][24] = {"", "", "", ""}, words[96], headline[300];
    csv_date(v->iv.begin, v->iv.gran, start);
    if (v->end_value[0])
        csv_date(v->iv.end, v->iv.gran, end);
    el_value_words(v->value, words, sizeof words);
    el_view_headline(c, v, headline, sizeof headline);
    char *h = el_view_html_dup(headline), *text = slide_text(c, v);
    char *group = opt && opt->group_by_entity ? group_of(c, v) : el_strdup("");
    const char *cells[CSV_COLS] = {start[0], start[1], start[2], start[3], end[0], end[1],
                                   end[2], end[3], words, h, text, "", "", "", "", "", group, ""};
    put_row(out, cells);
    free(h);
    free(text);
    free(group);
}

int el_export_timelinejs_csv(const el_corpus *c, const el_timelinejs_options *opt, FILE *out)
{
    static const char *const head[CSV_COLS] = {
        "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
        "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
        "Media Thumbnail", "Type", "Group", "Background"};
    size_t *order;
    title_info t;
    char *ttext;
    long n = slides(c, opt, "timelinejs-csv", &order, &t, &ttext);
    if (!n)
        return 1;
    char *h = el_view_html_dup(t.headline);
    const char *title_row[CSV_COLS] = {"", "", "", "", "", "", "", "", "", h, ttext, "", "", "",
                                       "", "title", "", ""};
    put_row(out, head);
    put_row(out, title_row);
    for (long k = 0; k < n; k++)
        csv_event(c, &c->events[order[k]], opt, out);
    free(h);
    free(ttext);
    free(order);
    return ferror(out) ? -1 : 0;
}

/* ---- vis-timeline ------------------------------------------------------------------ */

/* ISO start of an instant: a date, or date and time for hour granularity. */
static json_t *iso(int64_t minutes, el_gran gran)
{
    char buf[20];
    el_instant_format(minutes, buf);
    if (gran < EL_GRAN_HOUR)
        buf[10] = '\0';
    return json_string(buf);
}

static json_t *vis_item(const el_corpus *c, const el_event *v, size_t group)
{
    char headline[300], words[96], sentence[300], source[200];
    el_view_headline(c, v, headline, sizeof headline);
    el_value_words(v->value, words, sizeof words);
    json_t *o = json_object();
    char *content = el_view_html_dup(headline);
    json_object_set_new(o, "id", json_string(v->id));
    json_object_set_new(o, "content", json_string(content));
    json_object_set_new(o, "start", iso(v->iv.begin, v->iv.gran));
    bool range = v->iv.gran < EL_GRAN_DAY;   /* a year, month or week spans its length */
    if (range)
        json_object_set_new(o, "end", iso(v->iv.end, v->iv.gran));
    json_object_set_new(o, "type", json_string(range ? "range" : "box"));
    json_object_set_new(o, "group", json_integer((json_int_t)group));
    el_buf b = EL_BUF_INIT;
    el_view_html(&b, words);
    const char *from = el_view_provenance(v);
    if (from)
        el_buf_printf(&b, " (date from %s)", from);
    if (v->nmentions) {
        el_view_sentence(c, v->mentions[0], sentence, sizeof sentence);
        el_view_doc_headline(c->docs[v->mentions[0].doc], source, sizeof source);
        el_buf_puts(&b, "<br>");
        el_view_html(&b, sentence);
        el_buf_puts(&b, "<br><i>");
        el_view_html(&b, source);
        el_buf_puts(&b, "</i>");
    }
    el_buf_putc(&b, '\0');
    char *title = el_buf_detach(&b, NULL);
    json_object_set_new(o, "title", json_string(title));
    json_object_set_new(o, "className", json_string(v->factual ? el_view_report_dated(v)
                        ? "factual report-date" : "factual own-date"
                        : el_view_report_dated(v) ? "not-factual report-date"
                        : "not-factual own-date"));
    free(title);
    free(content);
    return o;
}

int el_export_vis(const el_corpus *c, const el_export_filter *filter, FILE *out)
{
    size_t *order;
    long n = prepare(c, filter, &order, "vis");
    if (n <= 0) {
        free(order);
        return 1;
    }
    json_t *items = json_array(), *groups = json_array();
    const char **names = el_calloc((size_t)n + 1, sizeof *names);
    size_t ngroups = 0;
    for (long k = 0; k < n; k++) {
        const el_event *v = &c->events[order[k]];
        const char *lane = el_view_lane(c, v);
        size_t before = ngroups, g = el_view_lane_index(names, &ngroups, lane);
        if (g == before) {
            char *content = el_view_html_dup(lane);
            json_array_append_new(groups, json_pack("{s:I, s:s}", "id", (json_int_t)g,
                                                    "content", content));
            free(content);
        }
        json_array_append_new(items, vis_item(c, v, g));
    }
    json_t *root = json_pack("{s:o, s:o}", "items", items, "groups", groups);
    int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(root);
    free(names);
    free(order);
    return rc == 0 && !ferror(out) ? 0 : -1;
}

/* export_table.c - spreadsheet and newsroom exports of the timeline:
 * TSV/CSV with one row per canonical event (id, date, end, type, label,
 * participants, location, documents, confidence, factual: "no" for a
 * negated, planned or unasserted event), and TimelineJS3 JSON
 * (events[] with start_date/end_date {year, month, day, hour, minute} down
 * to the event's granularity, text.headline/text.text, group = type).
 * Rows follow the event ids (timeline order first). */
#include "export/export.h"
#include "base/buf.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* ---- TSV / CSV ------------------------------------------------------------ */

static void put_field(FILE *out, char sep, const char *s)
{
    if (sep == '\t') {
        for (const char *p = s; *p; p++)
            fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, out);
        return;
    }
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

static char *participant_names(const el_corpus *c, const el_event *v)
{
    el_buf b = EL_BUF_INIT;
    for (size_t i = 0; i < v->nparticipants; i++) {
        if (i)
            el_buf_puts(&b, "; ");
        el_buf_puts(&b, c->entities[v->participants[i]].name);
    }
    return el_buf_detach(&b, NULL);
}

/* Distinct document ids of the event's mentions, in mention order. */
static char *document_ids(const el_corpus *c, const el_event *v)
{
    el_buf b = EL_BUF_INIT;
    for (size_t i = 0; i < v->nmentions; i++) {
        bool seen = false;
        for (size_t k = 0; k < i; k++)
            seen |= v->mentions[k].doc == v->mentions[i].doc;
        if (seen)
            continue;
        if (b.len)
            el_buf_puts(&b, "; ");
        el_buf_puts(&b, c->docs[v->mentions[i].doc]->id);
    }
    return el_buf_detach(&b, NULL);
}

static void table_row(const el_corpus *c, const el_event *v, char sep, FILE *out)
{
    char conf[16];
    char *parts = participant_names(c, v), *docs = document_ids(c, v);
    snprintf(conf, sizeof conf, "%.2f", v->confidence);
    const char *fields[] = {v->id, v->value, v->end_value, v->type ? v->type : "",
                            v->label ? v->label : "", parts,
                            v->location >= 0 ? c->entities[v->location].name : "", docs, conf,
                            v->factual ? "yes" : "no"};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        if (i)
            fputc(sep, out);
        put_field(out, sep, fields[i]);
    }
    fputc('\n', out);
    free(parts);
    free(docs);
}

int el_export_table(const el_corpus *c, char sep, FILE *out)
{
    static const char *const head[] = {"id", "date", "end", "type", "label", "participants",
                                       "location", "documents", "confidence", "factual"};
    for (size_t i = 0; i < sizeof head / sizeof *head; i++) {
        if (i)
            fputc(sep, out);
        fputs(head[i], out);
    }
    fputc('\n', out);
    for (size_t i = 0; i < c->nevents; i++)
        table_row(c, &c->events[i], sep, out);
    return ferror(out) ? -1 : 0;
}

/* ---- TimelineJS3 ------------------------------------------------------------ */

/* {year, month, day, hour, minute} of an instant, down to `gran`. */
static json_t *tjs_date(int64_t minutes, el_gran gran)
{
    el_date d = el_days_to_date(minutes / 1440);
    json_t *o = json_object();
    json_object_set_new(o, "year", json_integer(d.year));
    if (gran >= EL_GRAN_MONTH || gran == EL_GRAN_WEEK)
        json_object_set_new(o, "month", json_integer(d.month));
    if (gran >= EL_GRAN_WEEK)
        json_object_set_new(o, "day", json_integer(d.day));
    if (gran >= EL_GRAN_HOUR) {
        json_object_set_new(o, "hour", json_integer((minutes % 1440) / 60));
        json_object_set_new(o, "minute", json_integer(minutes % 60));
    }
    return o;
}

static json_t *tjs_event(const el_corpus *c, const el_event *v)
{
    json_t *o = json_object();
    json_object_set_new(o, "unique_id", json_string(v->id));
    json_object_set_new(o, "start_date", tjs_date(v->iv.begin, v->iv.gran));
    if (v->end_value[0])
        json_object_set_new(o, "end_date", tjs_date(v->iv.end, v->iv.gran));
    char *parts = participant_names(c, v), *docs = document_ids(c, v);
    el_buf b = EL_BUF_INIT;
    if (*parts)
        el_buf_printf(&b, "Participants: %s. ", parts);
    if (v->location >= 0)
        el_buf_printf(&b, "Location: %s. ", c->entities[v->location].name);
    el_buf_printf(&b, "Sources: %s.", docs);
    char *text = el_buf_detach(&b, NULL);
    json_object_set_new(o, "text", json_pack("{s:s, s:s}", "headline",
                                             v->label ? v->label : v->id, "text", text));
    json_object_set_new(o, "group", json_string(v->type ? v->type : "event"));
    free(text);
    free(parts);
    free(docs);
    return o;
}

int el_export_timelinejs(const el_corpus *c, FILE *out)
{
    json_t *events = json_array();
    for (size_t i = 0; i < c->ntimeline; i++) {
        const el_event *v = &c->events[c->timeline[i]];
        if (v->type && v->iv.end > v->iv.begin)   /* typed events, as in the drawing */
            json_array_append_new(events, tjs_event(c, v));
    }
    json_t *root = json_pack("{s:o}", "events", events);
    int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(root);
    return rc;
}

/* export_table.c - spreadsheet and newsroom exports of the timeline:
 * TSV/CSV with one row per canonical event (id, date, end, type, label,
 * participants, location, documents, confidence, factual: "no" for a
 * negated, planned or unasserted event, anchor: where the date comes from
 * (timex, sentence, report, duration, none), precision: its granularity).
 * A cell that starts with = + - @ (a spreadsheet formula) is written with
 * a leading apostrophe.  Rows follow the event ids (timeline order first).
 * TimelineJS and
 * vis-timeline: export_web.c. */
#include "export/export.h"
#include "export/render.h"
#include "base/buf.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* ---- TSV / CSV ------------------------------------------------------------ */

static void put_field(FILE *out, char sep, const char *s)
{
    if (sep == '\t') {
        if (el_cell_is_formula(s))   /* "=HYPERLINK(...)": text, not a formula */
            fputc('\'', out);
        for (const char *p = s; *p; p++)
            fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, out);
        return;
    }
    el_csv_field(out, s);
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
        if (!el_view_first_of_doc(v, i))
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
                            v->factual ? "yes" : "no", el_anchor_name(v->anchor),
                            el_event_precision(v)};
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
                                       "location", "documents", "confidence", "factual",
                                       "anchor", "precision"};
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

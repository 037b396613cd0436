/* formats.c - the registry of corpus output formats: each format's name
 * (as given to -f), the file it is written to, and its exporter.  Adding an
 * output format is one exporter file in this folder plus one row here. */
#include "export/export.h"

#include <string.h>

static int write_json(const el_corpus *c, const el_export_options *o, const char *fmt, FILE *out)
{
    (void)fmt;
    return el_export_json_file_syn(c, o->json_pretty ? EL_JSON_PRETTY : 0, o->json_tokens, out);
}

static int write_tsv(const el_corpus *c, const el_export_options *o, const char *fmt, FILE *out)
{
    (void)o, (void)fmt;
    return el_export_table(c, '\t', out);
}

static int write_csv(const el_corpus *c, const el_export_options *o, const char *fmt, FILE *out)
{
    (void)o, (void)fmt;
    return el_export_table(c, ',', out);
}

/* TimelineJS JSON or spreadsheet CSV, and vis-timeline JSON. */
static int write_web(const el_corpus *c, const el_export_options *o, const char *fmt, FILE *out)
{
    el_timelinejs_options topt = {o->title, o->group_by_entity, o->filter};
    int rc;
    if (strcmp(fmt, "vis") == 0)
        rc = el_export_vis(c, &o->filter, out);
    else if (strcmp(fmt, "timelinejs-csv") == 0)
        rc = el_export_timelinejs_csv(c, &topt, out);
    else
        rc = el_export_timelinejs(c, &topt, out);
    return rc == 0 || rc == 1 ? rc : -1;   /* 1: nothing to show, said on stderr */
}

static int write_html(const el_corpus *c, const el_export_options *o, const char *fmt, FILE *out)
{
    (void)o, (void)fmt;
    return el_export_html(c, out);
}

/* DOT text, or a drawing rendered by gvc in the format of the same name. */
static int write_graph(const el_corpus *c, const el_export_options *o, const char *fmt, FILE *out)
{
    el_dot_options dopt = {o->dot_entities, o->dot_undated, o->filter, o->gvc};
    int rc = el_export_dot(c, &dopt, fmt, out);
    return rc == 0 || rc == 1 ? rc : -1;   /* 1: nothing to draw, said on stderr */
}

static const el_export_format formats[] = {
    {"json", "timeline.json", write_json},
    {"dot", "timeline.dot", write_graph},
    {"svg", "timeline.svg", write_graph},
    {"png", "timeline.png", write_graph},
    {"pdf", "timeline.pdf", write_graph},
    {"tsv", "events.tsv", write_tsv},
    {"csv", "events.csv", write_csv},
    {"timelinejs", "timelinejs.json", write_web},
    {"timelinejs-csv", "timelinejs.csv", write_web},
    {"vis", "vis.json", write_web},
    {"html", "index.html", write_html},
};

const el_export_format *el_export_format_find(const char *name)
{
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcmp(name, formats[i].name) == 0)
            return &formats[i];
    return NULL;
}

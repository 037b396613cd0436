/* cmd_extract.c - `eventline extract` (the corpus timeline into -o DIR) and
 * `eventline entities` (the entity index), which share the corpus run:
 * read everything, run the stages (on -j threads), sort documents by id,
 * link entities, build the timeline, export. */
#include "cli/cli.h"
#include "model/corpus.h"
#include "export/export.h"
#include "timeline/timeline.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH_PER_THREAD 64

typedef struct collect {
    el_doc **docs; size_t n, cap;
    size_t done;                 /* docs[0..done) went through the stages */
    const el_cli *o;
    const el_resources *res;
} collect;

/* The stages run per document, so they run on each batch as it is read
 * (the progress line then tells the real pace); the output is the same. */
static void run_pending(collect *cx)
{
    el_cli_run_batch(cx->o, cx->docs + cx->done, cx->n - cx->done, cx->res);
    cx->done = cx->n;
}

static void collect_doc(el_doc *doc, void *ctx)
{
    collect *cx = ctx;
    EL_PUSH(cx->docs, cx->n, cx->cap) = doc;
    if (cx->n - cx->done >= el_cli_batch_size(cx->o, BATCH_PER_THREAD))
        run_pending(cx);
    el_cli_progress(cx->o, cx->n);
}

/* Run the stages over the rest of the documents and build the corpus. */
static el_corpus *build_corpus(collect *cx)
{
    run_pending(cx);
    el_corpus *c = el_corpus_new();
    for (size_t i = 0; i < cx->n; i++)
        el_corpus_add(c, cx->docs[i]);
    free(cx->docs);
    el_corpus_sort_docs(c);
    el_corpus_link_entities(c);
    el_timeline_build_ex(c, cx->res->triggers);
    if (cx->o->own_dates_only)
        el_corpus_keep_own_dates(c);
    return c;
}

static bool known_corpus_format(const char *f)
{
    return el_export_format_find(f) != NULL;
}

/* What the drawings show: --max-events, --since/--until, --entity. */
static el_export_filter drawing_filter(const el_cli *o)
{
    return (el_export_filter){o->max_events, o->since, o->until, o->q_entity};
}

/* A corpus to write and the run's one Graphviz context for its drawings. */
typedef struct corpus_job { const el_corpus *c; el_drawing_context *gvc; } corpus_job;

static int write_corpus_format(const void *obj, const el_cli *o, const char *fmt, FILE *out)
{
    const corpus_job *j = obj;
    el_export_options eo = {o->dot_entities, o->dot_undated, drawing_filter(o), o->title,
                            o->group_by_entity, o->pretty,
                            o->tokens ? o->syntax_model : NULL, j->gvc};
    return el_export_format_find(fmt)->write(j->c, &eo, fmt, out);
}

/* The worst EL_WRITE_* of two: failed, then empty, then ok. */
static int worse(int a, int b)
{
    return a == EL_WRITE_FAILED || b == EL_WRITE_FAILED ? EL_WRITE_FAILED
         : a == EL_WRITE_EMPTY || b == EL_WRITE_EMPTY   ? EL_WRITE_EMPTY : EL_WRITE_OK;
}

int el_write_corpus(const el_cli *o, const el_corpus *c)
{
    int w = EL_WRITE_OK;
    corpus_job job = {c, el_drawing_context_new()};   /* Graphviz only if a format renders */
    for (size_t f = 0; f < o->nfmts; f++)
        w = worse(w, el_cli_write_file(o, el_export_format_find(o->fmts[f])->file,
                                       write_corpus_format, &job, o->fmts[f]));
    el_drawing_context_free(job.gvc);
    return w;
}

void el_check_corpus_formats(el_cli *o)
{
    el_cli_formats(o, "json,dot,svg", known_corpus_format);
}

void el_print_summary(const el_cli *o, const el_run_stats *st, const el_corpus *c)
{
    if (o->quiet)
        return;
    fprintf(stderr,
            "eventline: %zu document%s processed, %zu skipped; %zu entities, %zu events -> %s\n",
            st->ok, st->ok == 1 ? "" : "s", st->failed, c->nentities, c->nevents,
            strcmp(o->outdir, "-") == 0 ? "stdout" : o->outdir);
}

static bool known_entities_format(const char *f)
{
    return strcmp(f, "table") == 0 || strcmp(f, "json") == 0;
}

/* Width of a UTF-8 string in code points (what a terminal shows for the
 * names of news text, which are not double-width). */
static size_t display_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void put_padded(FILE *out, const char *s, size_t width)
{
    fputs(s, out);
    for (size_t w = display_width(s); w < width; w++)
        fputc(' ', out);
}

/* The table's columns are as wide as their longest entry, so long and
 * non-ASCII names stay aligned. */
static void print_entities_table(const el_corpus *c, FILE *out)
{
    size_t wid = 2, wtype = 4, wname = 4;
    for (size_t i = 0; i < c->nentities; i++) {
        const el_entity *e = &c->entities[i];
        size_t a = display_width(e->id), b = display_width(el_ent_type_name(e->type)),
               n = display_width(e->name);
        wid = a > wid ? a : wid;
        wtype = b > wtype ? b : wtype;
        wname = n > wname ? n : wname;
    }
    put_padded(out, "ID", wid + 1);
    put_padded(out, "TYPE", wtype + 1);
    put_padded(out, "NAME", wname + 1);
    fprintf(out, "%8s %5s  %s\n", "MENTIONS", "DOCS", "ALIASES / ROLES");
    for (size_t i = 0; i < c->nentities; i++) {
        const el_entity *e = &c->entities[i];
        put_padded(out, e->id, wid + 1);
        put_padded(out, el_ent_type_name(e->type), wtype + 1);
        put_padded(out, e->name, wname + 1);
        fprintf(out, "%8zu %5zu  ", e->nmentions, e->ndocs);
        for (size_t k = 0; k < e->naliases; k++)
            fprintf(out, "%s%s", k ? "; " : "", e->aliases[k]);
        for (size_t k = 0; k < e->nroles; k++)
            fprintf(out, "%s%s", k || e->naliases ? "; " : "", e->roles[k]);
        fputc('\n', out);
    }
}

static int write_entities(const void *obj, const el_cli *o, const char *fmt, FILE *out)
{
    const el_corpus *c = obj;
    if (strcmp(fmt, "table") == 0) {
        print_entities_table(c, out);
        return 0;
    }
    return el_export_json_entities(c, o->pretty ? EL_JSON_PRETTY : 0, out);
}

static bool known_timeline_format(const char *f)
{
    return strcmp(f, "text") == 0 || strcmp(f, "json") == 0 || strcmp(f, "semeval2015") == 0 ||
           strcmp(f, "dot") == 0 || strcmp(f, "svg") == 0 || strcmp(f, "png") == 0;
}

/* eventline timeline --entity NAME: one entity's events in order. */
static int write_entity_timeline(const void *obj, const el_cli *o, const char *fmt, FILE *out)
{
    bool drawing = strcmp(fmt, "dot") == 0 || strcmp(fmt, "svg") == 0 || strcmp(fmt, "png") == 0;
    el_dot_options dopt = {o->dot_entities, o->dot_undated, drawing_filter(o), NULL};
    int rc = drawing ? el_export_dot(obj, &dopt, fmt, out)
                     : el_export_entity_timeline(obj, o->q_entity, fmt, out);
    if (rc == 1 && drawing)
        return 1;   /* nothing to draw: el_export_dot said why */
    if (rc == 1)
        fprintf(stderr, "eventline: no entity named '%s' in these documents\n", o->q_entity);
    return rc < 0 ? -1 : 0;
}

static const char *timeline_file_name(const el_cli *o, const char *fmt)
{
    static char name[300];
    snprintf(name, sizeof name, "timeline-entity.%s",
             strcmp(fmt, "semeval2015") == 0 ? "txt" : fmt);
    (void)o;
    return name;
}

int el_cmd_extract(el_cli *o)
{
    bool entities = o->cmd == EL_CMD_ENTITIES, timeline = o->cmd == EL_CMD_TIMELINE;
    if (timeline && !o->q_entity)
        el_cli_usage_error("timeline needs --entity NAME%s", "");
    if (entities)
        el_cli_formats(o, "table", known_entities_format);
    else if (timeline)
        el_cli_formats(o, "text", known_timeline_format);
    else
        el_check_corpus_formats(o);
    el_resources *res = NULL;
    if (!el_cli_load(o, &res) || !el_cli_ensure_outdir(o)) {
        el_resources_free(res);
        return EL_EXIT_USAGE;
    }
    collect cx = {NULL, 0, 0, 0, o, res};
    el_run_stats st = {0, 0};
    el_cli_read_inputs(o, &st, collect_doc, &cx);
    el_corpus *c = build_corpus(&cx);
    int w = EL_WRITE_OK;
    if (st.ok > 0 || st.failed == 0) {
        if (entities)
            for (size_t f = 0; f < o->nfmts; f++)
                w = worse(w, el_cli_write_file(o, "entities", write_entities, c, o->fmts[f]));
        else if (timeline)
            for (size_t f = 0; f < o->nfmts; f++)
                w = worse(w, el_cli_write_file(o, timeline_file_name(o, o->fmts[f]),
                                               write_entity_timeline, c, o->fmts[f]));
        else
            w = el_write_corpus(o, c);
    }
    if (!entities && !timeline)
        el_print_summary(o, &st, c);
    el_corpus_free(c);
    el_resources_free(res);
    return el_cli_status(&st, w);
}

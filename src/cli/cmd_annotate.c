/* cmd_annotate.c - `eventline annotate`: the per-document map step.
 * Documents are read in batches, annotated on -j threads, written in input
 * order and freed, so memory stays bounded however large the input is.
 *   -f timeml  DIR/ID.tml         (TimeML with TIMEX3/EVENT/TLINK)
 *   -f json    DIR/ID.json        (contract JSON for one document, with text)
 *   -f conllu  DIR/ID.conllu       (the syntax stage's words, CoNLL-U; turns
 *                                  the stage on)
 *   -f jsonl   DIR/annotations.jsonl or stdout with -o -: one line per
 *              document, the input of `eventline merge` (without the
 *              document's own canonical events: merge builds them) */
#include "cli/cli.h"
#include "codec/codec.h"
#include "export/export.h"
#include "stages/syntax/syntax.h"
#include "base/hashmap.h"
#include "base/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BATCH_PER_THREAD 32

typedef struct annotator {
    el_cli *o;
    const el_resources *res;
    el_doc **batch; size_t n, cap, max;
    FILE *jsonl;             /* open stream for -f jsonl */
    size_t written, failed, seen;
    char **names; size_t nnames, cap_names;   /* output file names of this run (never
                                                 two documents written to one file) */
    el_hashmap name_map;                       /* el_hash_str of a name -> index in names */
} annotator;

/* Add `name` to the set of names used; false if it was there already. */
static bool claim_name(annotator *an, const char *name)
{
    uint32_t h = el_hash_str(name);
    el_hashmap_probe p = el_hashmap_find(&an->name_map, h);
    for (uint32_t v; el_hashmap_next(&an->name_map, &p, &v);)
        if (strcmp(an->names[v], name) == 0)
            return false;
    el_hashmap_put(&an->name_map, h, (uint32_t)an->nnames);
    EL_PUSH(an->names, an->nnames, an->cap_names) = el_strdup(name);
    return true;
}

static void free_names(annotator *an)
{
    for (size_t i = 0; i < an->nnames; i++)
        free(an->names[i]);
    free(an->names);
    el_hashmap_free(&an->name_map);
}

/* What a writer needs: the document and the resources (the syntax
 * model's names, the TimeML link tables, the normalizer's words). */
typedef struct doc_job { const el_doc *doc; const el_resources *res; } doc_job;

static int write_doc(const void *obj, const el_cli *o, const char *fmt, FILE *out)
{
    const doc_job *j = obj;
    if (strcmp(fmt, "conllu") == 0)
        return el_syntax_write_conllu(j->doc, j->res->syntax, out);
    if (strcmp(fmt, "timeml") == 0)
        return el_export_timeml_rules(j->doc, j->res->tlinks, out);
    return el_write_result(j->doc, j->res->triggers, o->pretty ? EL_JSON_PRETTY : 0,
                           o->tokens ? j->res->syntax : NULL, out);
}

/* Document ids come from the input (DOCID, JSON "id"): keep the output file
 * inside the output directory (no '/', no leading '.', no control bytes). */
static void safe_file_name(char *name)
{
    if (name[0] == '.')
        name[0] = '_';
    for (char *p = name; *p; p++)
        if (*p == '/' || *p == '\\' || (unsigned char)*p < 0x20 || *p == 0x7F)
            *p = '_';
}

/* The output file of a document: its id made safe, cut to 200 bytes at a
 * character boundary, plus "-2", "-3", ... when an earlier document of the
 * run took that name (ids that repeat or clean to the same name: reported,
 * never overwritten). */
static void output_name(annotator *an, const el_doc *doc, const char *ext, char *file, size_t n)
{
    char base[256];
    size_t len = strlen(doc->id);
    if (len > 200)
        for (len = 200; len > 0 && ((unsigned char)doc->id[len] & 0xC0) == 0x80; len--)
            ;
    snprintf(base, sizeof base, "%.*s", (int)len, doc->id);
    safe_file_name(base);
    snprintf(file, n, "%s.%s", base, ext);
    unsigned k = 1;
    while (!claim_name(an, file))
        snprintf(file, n, "%s-%u.%s", base, ++k, ext);
    if (k > 1)
        fprintf(stderr, "eventline: %s: document '%.80s' has the file name of an earlier "
                "document: written as %s\n", doc->path ? doc->path : doc->id, base, file);
}

static void write_one(annotator *an, el_doc *doc)
{
    const char *fmt = an->o->fmts[0];
    bool ok;
    if (an->jsonl) {
        ok = el_write_result(doc, NULL, 0, an->o->tokens ? an->res->syntax : NULL,
                             an->jsonl) == 0;
    } else {
        char file[1024];
        output_name(an, doc, strcmp(fmt, "timeml") == 0 ? "tml"
                             : strcmp(fmt, "conllu") == 0 ? "conllu" : "json", file, sizeof file);
        doc_job job = { doc, an->res };
        ok = el_cli_write(an->o, file, write_doc, &job, fmt);
    }
    if (ok)
        an->written++;
    else
        an->failed++;
}

static void flush_batch(annotator *an)
{
    el_cli_run_batch(an->o, an->batch, an->n, an->res);
    for (size_t i = 0; i < an->n; i++) {
        write_one(an, an->batch[i]);
        el_doc_free(an->batch[i]);
    }
    an->n = 0;
    if (an->jsonl)
        fflush(an->jsonl);
}

static void annotate_doc(el_doc *doc, void *ctx)
{
    annotator *an = ctx;
    EL_PUSH(an->batch, an->n, an->cap) = doc;
    el_cli_progress(an->o, ++an->seen);
    if (an->n >= an->max)
        flush_batch(an);
}

static bool known_annotate_format(const char *f)
{
    return strcmp(f, "timeml") == 0 || strcmp(f, "json") == 0 || strcmp(f, "jsonl") == 0 ||
           strcmp(f, "conllu") == 0;
}

static FILE *open_jsonl(const el_cli *o, char *tmp, size_t n)
{
    if (strcmp(o->outdir, "-") == 0)
        return stdout;
    snprintf(tmp, n, "%s/annotations.jsonl.tmp%ld", o->outdir, (long)getpid());
    FILE *fp = fopen(tmp, "wb");
    if (!fp)
        fprintf(stderr, "eventline: %s: cannot write: %s\n", tmp, strerror(errno));
    return fp;
}

/* Close the JSONL stream; a file is renamed into place only if complete. */
static bool close_jsonl(const el_cli *o, FILE *fp, const char *tmp, bool ok)
{
    if (fp == stdout)
        return fflush(stdout) == 0 && ok;
    ok = fclose(fp) == 0 && ok;
    char path[4096];
    snprintf(path, sizeof path, "%s/annotations.jsonl", o->outdir);
    if (!ok || rename(tmp, path) != 0) {
        el_cli_report(path, "could not be written");
        remove(tmp);
        return false;
    }
    return true;
}

int el_cmd_annotate(el_cli *o)
{
    el_cli_formats(o, "timeml", known_annotate_format);
    if (o->nfmts > 1)
        el_cli_usage_error("annotate writes one format at a time%s", "");
    if (strcmp(o->fmts[0], "conllu") == 0)
        o->syntax = true;
    el_resources *res = NULL;
    if (!el_cli_load(o, &res) || !el_cli_ensure_outdir(o)) {
        el_resources_free(res);
        return EL_EXIT_USAGE;
    }
    annotator an = {0};
    an.o = o;
    an.res = res;
    an.max = el_cli_batch_size(o, BATCH_PER_THREAD);
    char tmp[4200] = "";
    if (strcmp(o->fmts[0], "jsonl") == 0 && !(an.jsonl = open_jsonl(o, tmp, sizeof tmp))) {
        el_resources_free(res);
        return EL_EXIT_NOTHING;
    }
    el_run_stats st = {0, 0};
    el_cli_read_inputs(o, &st, annotate_doc, &an);
    flush_batch(&an);
    bool ok = an.failed == 0;
    if (an.jsonl)
        ok = close_jsonl(o, an.jsonl, tmp, ok);
    free(an.batch);
    free_names(&an);
    el_resources_free(res);
    if (!o->quiet)
        fprintf(stderr, "eventline: %zu document%s annotated, %zu skipped\n", an.written,
                an.written == 1 ? "" : "s", st.failed);
    return el_cli_status(&st, !ok);
}

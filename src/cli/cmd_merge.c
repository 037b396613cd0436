/* cmd_merge.c - `eventline merge`: the corpus reduce step.  Reads any
 * number of per-document results (JSON files or JSON Lines streams written
 * by `annotate -f json|jsonl`, in any order and any partition), rebuilds
 * the annotated documents, and writes the corpus timeline exactly as
 * `extract` would have on the original inputs. */
#include "cli/cli.h"
#include "codec/codec.h"
#include "model/corpus.h"
#include "stages/event/event.h"
#include "export/export.h"
#include "timeline/timeline.h"
#include "base/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Largest .json result read whole (a JSON Lines stream has no limit). */
#define EL_MAX_RESULT_FILE ((size_t)4 << 30)

typedef struct merger {
    el_corpus *corpus;
    el_abbrevs *abbrevs;
    el_result_reader *reader;
    el_run_stats st;
    const char *where;   /* the result being read, for errors */
} merger;

static void add_doc(void *ctx, el_doc *d)
{
    merger *mg = ctx;
    el_corpus_add(mg->corpus, d);
    mg->st.ok++;
}

static void bad_doc(void *ctx, const char *problem)
{
    merger *mg = ctx;
    el_cli_report(mg->where, problem);
    mg->st.failed++;
}

/* Add every document of one result, buf[0..n) (changed in place); `where`
 * names it in errors. */
static void add_result(merger *mg, char *buf, size_t n, const char *where)
{
    el_result_sink sink = {add_doc, bad_doc};
    const char *err;
    mg->where = where;
    if (!el_read_result(mg->reader, buf, n, &sink, mg, &err)) {
        el_cli_report(where, err);
        mg->st.failed++;
    }
}

static void merge_stream(merger *mg, FILE *fp, const char *name)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    errno = 0;
    while ((n = getline(&line, &cap, fp)) > 0) {
        lineno++;
        if (strspn(line, " \t\r\n") == (size_t)n)
            continue;
        char where[4200];
        snprintf(where, sizeof where, "%s:%zu", name, lineno);
        add_result(mg, line, (size_t)n, where);
    }
    if (!feof(fp) || ferror(fp)) {   /* not the end: out of memory or a read error */
        char where[4200];
        snprintf(where, sizeof where, "%s:%zu", name, lineno + 1);
        el_cli_report(where, errno == ENOMEM ? "read error (out of memory), the rest is not read"
                                             : "read error, the rest is not read");
        mg->st.failed++;
    }
    free(line);
}

/* A .json file holds one (possibly multi-document) result; anything else
 * is read as JSON Lines. */
static void merge_file(merger *mg, const char *path)
{
    bool is_stdin = strcmp(path, "-") == 0;
    size_t n = strlen(path);
    if (!is_stdin && n > 5 && strcmp(path + n - 5, ".json") == 0) {
        size_t len;
        const char *why = NULL;
        char *buf = el_read_file_max(path, EL_MAX_RESULT_FILE, &len, &why);
        if (!buf) {
            el_cli_report(path, why);
            mg->st.failed++;
            return;
        }
        add_result(mg, buf, len, path);
        free(buf);
        return;
    }
    const char *why = NULL;
    FILE *fp = is_stdin ? stdin : el_fopen_read(path, &why);
    if (!fp) {
        el_cli_report(path, why);
        mg->st.failed++;
        return;
    }
    merge_stream(mg, fp, is_stdin ? "<stdin>" : path);
    if (!is_stdin)
        fclose(fp);
}

int el_cmd_merge(el_cli *o)
{
    el_check_corpus_formats(o);
    char path[4096], *err = NULL;
    char *gdir = el_resources_find_dir(o->gazetteer_dir);
    snprintf(path, sizeof path, "%s/abbreviations.tsv", gdir);
    merger mg = {el_corpus_new(), el_abbrevs_load(path, &err), NULL, {0, 0}, NULL};
    mg.reader = el_result_reader_new(mg.abbrevs);
    if (!mg.abbrevs || !el_cli_ensure_outdir(o)) {
        if (err)
            fprintf(stderr, "eventline: %s\n", err);
        free(err);
        el_corpus_free(mg.corpus);
        el_result_reader_free(mg.reader);
        free(gdir);
        return EL_EXIT_USAGE;
    }
    for (int i = 0; i < o->nfiles; i++)
        merge_file(&mg, o->files[i]);
    el_corpus_sort_docs(mg.corpus);
    el_corpus_link_entities(mg.corpus);
    el_trigger_lexicon *types = el_trigger_lexicon_load_words(gdir, &err);
    free(gdir);
    free(err);   /* without the event types: built-in defaults */
    err = NULL;
    el_timeline_build_ex(mg.corpus, types);
    el_trigger_lexicon_free(types);
    if (o->own_dates_only)
        el_corpus_keep_own_dates(mg.corpus);
    int w = mg.st.ok == 0 && mg.st.failed > 0 ? EL_WRITE_OK : el_write_corpus(o, mg.corpus);
    el_print_summary(o, &mg.st, mg.corpus);
    el_corpus_free(mg.corpus);
    el_result_reader_free(mg.reader);
    el_abbrevs_free(mg.abbrevs);
    return el_cli_status(&mg.st, w);
}

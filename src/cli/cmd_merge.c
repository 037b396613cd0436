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

typedef struct merger {
    el_corpus *corpus;
    el_abbrevs *abbrevs;
    el_run_stats st;
} merger;

/* Add every document of one result object; `where` names it in errors. */
static void add_result(merger *mg, json_t *root, const char *where)
{
    json_t *docs = json_object_get(root, "documents");
    if (!json_is_array(docs) || !json_is_string(json_object_get(root, "schema"))) {
        el_cli_report(where, "not an eventline result (no schema/documents)");
        mg->st.failed++;
        return;
    }
    size_t i;
    json_t *jd;
    json_array_foreach(docs, i, jd) {
        char *err = NULL;
        el_doc *d = el_read_result_doc(jd, json_object_get(root, "entities"), mg->abbrevs, &err);
        if (!d) {
            el_cli_report(where, err);
            free(err);
            mg->st.failed++;
            continue;
        }
        el_corpus_add(mg->corpus, d);
        mg->st.ok++;
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
        json_error_t jerr;
        json_t *root = json_loadb(line, (size_t)n, 0, &jerr);
        char where[4200];
        snprintf(where, sizeof where, "%s:%zu", name, lineno);
        if (!root) {
            el_cli_report(where, jerr.text);
            mg->st.failed++;
            continue;
        }
        add_result(mg, root, where);
        json_decref(root);
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
        json_error_t jerr;
        json_t *root = json_load_file(path, 0, &jerr);
        if (!root) {
            char msg[300];
            snprintf(msg, sizeof msg, "%s (line %d)", jerr.text, jerr.line);
            el_cli_report(path, msg);
            mg->st.failed++;
            return;
        }
        add_result(mg, root, path);
        json_decref(root);
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
    merger mg = {el_corpus_new(), el_abbrevs_load(path, &err), {0, 0}};
    if (!mg.abbrevs || !el_cli_ensure_outdir(o)) {
        if (err)
            fprintf(stderr, "eventline: %s\n", err);
        free(err);
        el_corpus_free(mg.corpus);
        free(gdir);
        return EL_EXIT_USAGE;
    }
    for (int i = 0; i < o->nfiles; i++)
        merge_file(&mg, o->files[i]);
    el_corpus_sort_docs(mg.corpus);
    el_corpus_link_entities(mg.corpus);
    el_trigger_lexicon *types = el_trigger_lexicon_load(gdir, &err);
    free(gdir);
    free(err);   /* without the event types: built-in defaults */
    err = NULL;
    el_timeline_build_ex(mg.corpus, types);
    el_trigger_lexicon_free(types);
    if (o->own_dates_only)
        el_corpus_keep_own_dates(mg.corpus);
    bool ok = mg.st.ok == 0 && mg.st.failed > 0 ? true : el_write_corpus(o, mg.corpus);
    el_print_summary(o, &mg.st, mg.corpus);
    el_corpus_free(mg.corpus);
    el_abbrevs_free(mg.abbrevs);
    return el_cli_status(&mg.st, !ok);
}

/* cmd_index.c - `eventline index` (annotate documents into an SQLite
 * store, one transaction per document) and `eventline query` (ask it). */
#include "cli/cli.h"
#include "stages/parallel.h"
#include "store/store.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

#define BATCH_PER_THREAD 32

typedef struct indexer {
    el_cli *o;
    el_store *store;
    const el_resources *res;
    el_doc **batch; size_t n, cap, max;
    size_t stored, failed, seen;
} indexer;

static void flush_batch(indexer *ix)
{
    el_pipeline_run_all(ix->batch, ix->n, ix->res, ix->o->threads);
    for (size_t i = 0; i < ix->n; i++) {
        char *err = NULL;
        if (el_store_put_doc(ix->store, ix->batch[i], &err)) {
            ix->stored++;
        } else {
            el_cli_report(ix->batch[i]->path ? ix->batch[i]->path : ix->batch[i]->id, err);
            free(err);
            ix->failed++;
        }
        el_doc_free(ix->batch[i]);
    }
    ix->n = 0;
}

static void index_doc(el_doc *doc, void *ctx)
{
    indexer *ix = ctx;
    EL_PUSH(ix->batch, ix->n, ix->cap) = doc;
    el_cli_progress(ix->o, ++ix->seen);
    if (ix->n >= ix->max)
        flush_batch(ix);
}

static bool need_db(const el_cli *o)
{
    if (o->db)
        return true;
    el_cli_usage_error("this command needs --db FILE%s", "");
}

int el_cmd_index(el_cli *o)
{
    need_db(o);
    el_resources *res = NULL;
    if (!el_cli_load(o, &res))
        return EL_EXIT_USAGE;
    char *err = NULL;
    el_store *store = el_store_open(o->db, false, &err);
    if (!store) {
        el_cli_report(o->db, err);
        free(err);
        el_resources_free(res);
        return EL_EXIT_USAGE;
    }
    indexer ix = {0};
    ix.o = o;
    ix.store = store;
    ix.res = res;
    ix.max = (size_t)(o->threads > 1 ? o->threads : 1) * BATCH_PER_THREAD;
    el_run_stats st = {0, 0};
    el_cli_read_inputs(o, &st, index_doc, &ix);
    flush_batch(&ix);
    free(ix.batch);
    el_store_close(store);
    el_resources_free(res);
    if (!o->quiet)
        fprintf(stderr, "eventline: %zu document%s indexed into %s, %zu skipped\n", ix.stored,
                ix.stored == 1 ? "" : "s", o->db, st.failed + ix.failed);
    st.failed += ix.failed;
    st.ok = ix.stored;
    return el_cli_status(&st, false);
}

int el_cmd_query(el_cli *o)
{
    need_db(o);
    if (o->nfiles > 0)
        el_cli_usage_error("query takes no input files (got '%s')", o->files[0]);
    if (!o->q_entity && !o->q_type && !o->q_cooccur && !o->q_from)
        el_cli_usage_error("query needs --entity, --between, --type or --cooccur%s", "");
    const char *f = o->formats ? o->formats : "table";
    el_query_format fmt = strcmp(f, "json") == 0 ? EL_Q_JSON
                          : strcmp(f, "csv") == 0 ? EL_Q_CSV : EL_Q_TABLE;
    if (fmt == EL_Q_TABLE && strcmp(f, "table") != 0)
        el_cli_usage_error("unknown --format '%s' for query (table, json, csv)", f);
    char *err = NULL;
    el_store *store = el_store_open(o->db, true, &err);
    if (!store) {
        el_cli_report(o->db, err);
        free(err);
        return EL_EXIT_USAGE;
    }
    el_query q = {o->q_entity, o->q_type, o->q_cooccur, o->q_from, o->q_to};
    bool ok = el_store_query(store, &q, fmt, stdout, &err);
    el_store_close(store);
    if (!ok) {
        el_cli_report(o->db, err);
        free(err);
        return EL_EXIT_NOTHING;
    }
    return EL_EXIT_OK;
}

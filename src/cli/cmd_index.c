/* cmd_index.c - `eventline index` (annotate documents into an SQLite
 * store, one transaction per batch of documents, a savepoint per document;
 * then rebuild the corpus tables) and `eventline query` (ask it). */
#include "cli/cli.h"
#include "model/corpus.h"
#include "store/store.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

#define BATCH_PER_THREAD 64

typedef struct indexer {
    el_cli *o;
    el_store *store;
    const el_resources *res;
    el_doc **batch; size_t n, cap, max;
    size_t stored, failed, seen;
    el_corpus *corpus;     /* the documents stored, when the store was empty (else NULL) */
    bool *ok;              /* per batch document: stored */
    size_t cap_ok;
} indexer;

static void report_doc(const el_doc *doc, const char *err, void *ctx)
{
    (void)ctx;
    el_cli_report(doc->path ? doc->path : doc->id, err);
}

static void flush_batch(indexer *ix)
{
    if (ix->n == 0)
        return;
    el_cli_run_batch(ix->o, ix->batch, ix->n, ix->res);
    if (ix->cap_ok < ix->n) {
        ix->cap_ok = ix->n;
        ix->ok = el_realloc(ix->ok, ix->cap_ok * sizeof *ix->ok);
    }
    size_t stored = el_store_put_docs(ix->store, ix->batch, ix->n, ix->ok, report_doc, NULL);
    ix->stored += stored;
    ix->failed += ix->n - stored;
    for (size_t i = 0; i < ix->n; i++) {
        if (ix->corpus && ix->ok[i])
            el_corpus_add(ix->corpus, ix->batch[i]);   /* for the corpus tables */
        else
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
    ix.max = el_cli_batch_size(o, BATCH_PER_THREAD);
    el_run_stats st = {0, 0};
    if (el_store_document_count(store) == 0)
        ix.corpus = el_corpus_new();
    if (!o->rebuild_timeline || o->nfiles > 0) {
        el_cli_read_inputs(o, &st, index_doc, &ix);
        flush_batch(&ix);
    }
    free(ix.batch);
    free(ix.ok);
    bool rebuilt = el_store_rebuild(store, ix.corpus, res->abbrevs, res->triggers, &err);
    el_corpus_free(ix.corpus);
    if (!rebuilt) {
        el_cli_report(o->db, err);
        free(err);
    }
    el_store_close(store);
    el_resources_free(res);
    if (!o->quiet)
        fprintf(stderr, "eventline: %zu document%s indexed into %s, %zu skipped\n", ix.stored,
                ix.stored == 1 ? "" : "s", o->db, st.failed + ix.failed);
    st.failed += ix.failed;
    st.ok = ix.stored;
    if (o->rebuild_timeline && o->nfiles == 0)
        return rebuilt ? EL_EXIT_OK : EL_EXIT_NOTHING;
    return el_cli_status(&st, !rebuilt);
}

/* The question's checks that need more than one option. */
static void check_query(const el_cli *o)
{
    if (o->nfiles > 0)
        el_cli_usage_error("query takes no input files (got '%s')", o->files[0]);
    if (!o->q_entity && !o->q_type && !o->q_cooccur && !o->q_from && !o->q_events)
        el_cli_usage_error("query needs --entity, --events, --between, --type or --cooccur%s", "");
    if (o->q_table && !el_store_table_known(o->q_table))
        el_cli_usage_error("unknown --table '%s' (entities, mentions, documents, events, "
                           "event_mentions, cooccurring)", o->q_table);
    bool needs_name = o->q_table && (strcmp(o->q_table, "entities") == 0
                                     || strcmp(o->q_table, "mentions") == 0
                                     || strcmp(o->q_table, "documents") == 0);
    if (needs_name && !o->q_entity)
        el_cli_usage_error("--table %s needs --entity NAME", o->q_table);
    if (o->q_table && strcmp(o->q_table, "cooccurring") == 0 && !o->q_entity && !o->q_cooccur)
        el_cli_usage_error("--table cooccurring needs --cooccur NAME or --entity NAME%s", "");
    int64_t a, b;
    if (o->q_from && el_store_parse_bound(o->q_from, false, &a)
        && el_store_parse_bound(o->q_to, true, &b) && b <= a)
        el_cli_usage_error("--between: '%s' ends before the first date begins", o->q_to);
}

int el_cmd_query(el_cli *o)
{
    need_db(o);
    check_query(o);
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
    el_query q = {o->q_entity, o->q_type, o->q_cooccur, o->q_from, o->q_to, o->q_events,
                  o->q_table, o->q_limit < 0 ? 50 : o->q_limit, o->q_offset};
    el_query_status qs = el_store_query(store, &q, fmt, stdout, &err);
    el_store_close(store);
    if (qs != EL_QS_OK) {
        el_cli_report(o->db, err);
        free(err);
        return qs == EL_QS_UNKNOWN_ENTITY ? EL_EXIT_PARTIAL : EL_EXIT_NOTHING;
    }
    return EL_EXIT_OK;
}

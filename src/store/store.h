/* store.h - the SQLite index of annotated documents (schema in
 * docs/schema.md).  Documents are written in batches, one transaction per
 * batch and a savepoint per document: re-indexing a document replaces its
 * rows, and an interrupted run leaves every document either fully old or
 * fully new.  WAL mode lets readers query while an index runs.  After a
 * run, el_store_rebuild recomputes the corpus tables (canonical events,
 * their relations, the timeline order, alias and entity counts). */
#ifndef EL_STORE_H
#define EL_STORE_H

#include <stdio.h>
#include "model/corpus.h"
#include "model/doc.h"
#include "text/tokenize.h"

typedef struct el_store el_store;
typedef struct el_trigger_lexicon el_trigger_lexicon;   /* event.h */

/* Open (and create or migrate) the database.  NULL + *err on failure. */
el_store *el_store_open(const char *path, bool readonly, char **err);
void el_store_close(el_store *s);

/* Replace everything stored for doc->id by the document's annotations
 * (one transaction). */
bool el_store_put_doc(el_store *s, const el_doc *doc, char **err);
/* The same for n documents in one transaction; a document that cannot be
 * stored is given to `report` and left out, the others are stored.  ok[i]
 * says which were; returns how many. */
typedef void (*el_store_report)(const el_doc *doc, const char *err, void *ctx);
size_t el_store_put_docs(el_store *s, el_doc *const *docs, size_t n, bool *ok,
                         el_store_report report, void *ctx);

/* Rebuild the corpus tables from every stored document (one transaction):
 * the entity index and the event normalizer run over them as in `merge`,
 * and events, event_members, event_entities, relations, aliases,
 * entity_roles and the entity counts are replaced.  `run` (may be NULL)
 * holds the documents this run stored; when they are all the store holds,
 * they are used as they are (and left unlinked to the caller, who still
 * owns `run`), else every document is read back from the database.
 * `types` may be NULL (built-in event types). */
bool el_store_rebuild(el_store *s, el_corpus *run, const el_abbrevs *ab,
                      const el_trigger_lexicon *types, char **err);
/* Number of stored documents, -1 on error. */
int64_t el_store_document_count(el_store *s);

/* Queries write one or more tables to `out` as table, json or csv.  `name`
 * matches entity names and aliases, ignoring case.  Lists are paged
 * (limit, offset) and each says its total. */
typedef enum el_query_format { EL_Q_TABLE, EL_Q_JSON, EL_Q_CSV } el_query_format;
typedef struct el_query {
    const char *entity, *type, *cooccur, *from, *to;
    bool events;           /* the canonical events (timeline order) */
    const char *table;     /* only this table (entities, mentions, documents,
                              events, event_mentions, cooccurring); CSV: one */
    long limit, offset;    /* limit < 0: every row */
} el_query;
typedef enum el_query_status { EL_QS_OK, EL_QS_UNKNOWN_ENTITY, EL_QS_ERROR } el_query_status;
el_query_status el_store_query(el_store *s, const el_query *q, el_query_format fmt, FILE *out,
                               char **err);
/* Is `name` one of the tables el_query.table accepts? */
bool el_store_table_known(const char *name);

/* A --between bound: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, the
 * whole string, every field in range.  The instant (minutes, date.h) where
 * it begins, or with `end` where it ends (exclusive). */
bool el_store_parse_bound(const char *s, bool end, int64_t *minutes);

int el_store_schema_version(void);

#endif

/* store.h - the SQLite index of annotated documents (schema in
 * docs/schema.md).  One transaction per document: re-indexing a document
 * replaces its rows, an interrupted run leaves every document either fully
 * old or fully new.  WAL mode lets readers query while an index runs. */
#ifndef EL_STORE_H
#define EL_STORE_H

#include <stdio.h>
#include "model/doc.h"

typedef struct el_store el_store;

/* Open (and create or migrate) the database.  NULL + *err on failure. */
el_store *el_store_open(const char *path, bool readonly, char **err);
void el_store_close(el_store *s);

/* Replace everything stored for doc->id by the document's annotations. */
bool el_store_put_doc(el_store *s, const el_doc *doc, char **err);

/* Queries write rows to `out` as table, json or csv; false + *err on a
 * database error.  `name` matches entity names and aliases, ignoring case. */
typedef enum el_query_format { EL_Q_TABLE, EL_Q_JSON, EL_Q_CSV } el_query_format;
typedef struct el_query {
    const char *entity, *type, *cooccur, *from, *to;
} el_query;
bool el_store_query(el_store *s, const el_query *q, el_query_format fmt, FILE *out, char **err);

int el_store_schema_version(void);

#endif

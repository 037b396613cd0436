/* store_internal.h - the store's handle, shared by store.c (schema,
 * writes), store_timeline.c (the canonical tables) and store_query.c
 * (reads).  Not part of the public API. */
#ifndef EL_STORE_INTERNAL_H
#define EL_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

/* String -> row id, for the terms and entities an index run writes again
 * and again (cleared when a transaction rolls back). */
typedef struct el_idmap {
    char **keys;
    uint32_t *hashes;
    int64_t *ids;
    size_t n, mask;
} el_idmap;

/* Statements of the write path, prepared once per handle. */
enum {
    ST_DOC_FIND, ST_DOC_INSERT, ST_TERM_FIND, ST_TERM_INSERT, ST_ENT_FIND,
    ST_ENT_INSERT, ST_MENTION, ST_TIMEX, ST_EVENT, ST_PART, ST_LINK, ST_COUNT
};

struct el_store {
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    el_idmap terms, entities;
    bool in_batch;
};

/* Packed attributes of an event mention (event_rows.attrs). */
#define EL_ATTR_CLASS(a)  ((a) & 7)
#define EL_ATTR_TENSE(a)  (((a) >> 3) & 7)
#define EL_ATTR_ASPECT(a) (((a) >> 6) & 3)
#define EL_ATTR_NEG       (1 << 8)
#define EL_ATTR_INTENS    (1 << 9)

/* Row id of a term (inserted when new); 0 on a database error. */
int64_t el_store_term(struct el_store *s, const char *text);
/* Row id of an entity by key (inserted with name and type when new). */
int64_t el_store_entity(struct el_store *s, const char *key, const char *name, const char *type);
/* A write transaction (BEGIN IMMEDIATE) and its end. */
bool el_store_begin(struct el_store *s, char **err);
bool el_store_commit(struct el_store *s, char **err);
/* Undo the current transaction (and forget the ids it handed out). */
void el_store_rollback(struct el_store *s);
/* "what: sqlite message" into *err; returns false. */
bool el_store_fail(sqlite3 *db, const char *what, char **err);
/* Run a statement list; false + *err on failure. */
bool el_store_exec(struct el_store *s, const char *sql, char **err);

#endif

/* store_internal.h - the store's handle, shared by store.c (schema, writes)
 * and store_query.c (reads).  Not part of the public API. */
#ifndef EL_STORE_INTERNAL_H
#define EL_STORE_INTERNAL_H

#include <sqlite3.h>

struct el_store {
    sqlite3 *db;
};

#endif

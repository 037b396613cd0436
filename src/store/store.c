/* store.c - SQLite index of annotated documents (see store.h and
 * docs/schema.md).  Every statement is parameterized: no SQL is ever built
 * from user text. */
#include "store/store.h"
#include "base/util.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Migrations: migrations[i] takes the schema from version i to i + 1. */
static const char *const migrations[] = {
    "CREATE TABLE documents ("
    "  id TEXT PRIMARY KEY, dct TEXT, title TEXT, length INTEGER NOT NULL, text TEXT NOT NULL);"
    "CREATE TABLE entities ("
    "  key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL);"
    "CREATE INDEX entities_name ON entities(name COLLATE NOCASE);"
    "CREATE TABLE mentions ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, mid TEXT NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,"
    "  entity_key TEXT NOT NULL, role TEXT, subtype TEXT, PRIMARY KEY (doc_id, mid));"
    "CREATE INDEX mentions_entity ON mentions(entity_key);"
    "CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);"
    "CREATE TABLE timexes ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, tid TEXT NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,"
    "  value TEXT NOT NULL, mod TEXT, begin TEXT, end_instant TEXT, PRIMARY KEY (doc_id, tid));"
    "CREATE TABLE event_mentions ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, emid TEXT NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, class TEXT NOT NULL,"
    "  type TEXT, lemma TEXT, tense TEXT, aspect TEXT, polarity TEXT, modality TEXT,"
    "  tid TEXT, value TEXT, begin TEXT, end_instant TEXT, PRIMARY KEY (doc_id, emid));"
    "CREATE INDEX event_mentions_type ON event_mentions(type);"
    "CREATE INDEX event_mentions_begin ON event_mentions(begin);"
    "CREATE TABLE event_participants ("
    "  doc_id TEXT NOT NULL, emid TEXT NOT NULL, entity_key TEXT NOT NULL,"
    "  PRIMARY KEY (doc_id, emid, entity_key),"
    "  FOREIGN KEY (doc_id, emid) REFERENCES event_mentions(doc_id, emid) ON DELETE CASCADE);"
    "CREATE INDEX event_participants_entity ON event_participants(entity_key);"
    "CREATE TABLE links ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, kind TEXT NOT NULL,"
    "  from_id TEXT NOT NULL, to_id TEXT NOT NULL, type TEXT NOT NULL, evidence TEXT);"
    "CREATE INDEX links_doc ON links(doc_id);",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof *migrations))

int el_store_schema_version(void)
{
    return SCHEMA_VERSION;
}

static bool fail(sqlite3 *db, const char *what, char **err)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    *err = el_strdup(msg);
    return false;
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static bool migrate(sqlite3 *db, char **err)
{
    int v = user_version(db);
    if (v < 0)
        return fail(db, "cannot read the database (corrupt or not SQLite?)", err);
    if (v > SCHEMA_VERSION) {
        char msg[160];
        snprintf(msg, sizeof msg, "database schema version %d is newer than this eventline (%d)",
                 v, SCHEMA_VERSION);
        *err = el_strdup(msg);
        return false;
    }
    for (; v < SCHEMA_VERSION; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", v + 1);
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK
            || sqlite3_exec(db, migrations[v], NULL, NULL, NULL) != SQLITE_OK
            || sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            fail(db, "schema migration failed", err);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return false;
        }
        if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            return fail(db, "schema migration failed", err);
    }
    return true;
}

el_store *el_store_open(const char *path, bool readonly, char **err)
{
    sqlite3 *db = NULL;
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        fail(db, "cannot open database", err);
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    if (!readonly && sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK) {
        fail(db, "cannot use the database (corrupt, locked or not SQLite?)", err);
        sqlite3_close(db);
        return NULL;
    }
    if (readonly ? user_version(db) < 1 : !migrate(db, err)) {
        if (readonly)
            fail(db, user_version(db) == 0 ? "not an eventline index (run eventline index first)"
                                           : "cannot read the database (corrupt or not SQLite?)",
                 err);
        sqlite3_close(db);
        return NULL;
    }
    el_store *s = el_calloc(1, sizeof *s);
    s->db = db;
    return s;
}

void el_store_close(el_store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s);
}

/* ---- writing ------------------------------------------------------------ */

typedef struct binder {
    sqlite3_stmt *st;
    int i;
} binder;

static void bind_text(binder *b, const char *s, size_t n)
{
    if (s)
        sqlite3_bind_text(b->st, ++b->i, s, (int)n, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(b->st, ++b->i);
}

static void bind_str(binder *b, const char *s)
{
    bind_text(b, s && *s ? s : NULL, s ? strlen(s) : 0);
}

static void bind_int(binder *b, int64_t v)
{
    sqlite3_bind_int64(b->st, ++b->i, v);
}

static void bind_instant(binder *b, int64_t v, bool valid)
{
    char buf[17];
    if (!valid) {
        bind_str(b, NULL);
        return;
    }
    el_instant_format(v, buf);
    bind_str(b, buf);
}

static bool run(sqlite3 *db, binder *b)
{
    int rc = sqlite3_step(b->st);
    sqlite3_reset(b->st);
    sqlite3_clear_bindings(b->st);
    b->i = 0;
    (void)db;
    return rc == SQLITE_DONE;
}

static bool prepare(sqlite3 *db, const char *sql, binder *b, char **err)
{
    b->i = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &b->st, NULL) != SQLITE_OK)
        return fail(db, "cannot prepare statement", err);
    return true;
}

static bool put_document(sqlite3 *db, const el_doc *d, char **err)
{
    binder b;
    char dct[11];
    if (!prepare(db, "DELETE FROM documents WHERE id = ?1", &b, err))
        return false;
    bind_str(&b, d->id);
    bool ok = run(db, &b);
    sqlite3_finalize(b.st);
    if (!ok || !prepare(db, "INSERT INTO documents VALUES (?1, ?2, ?3, ?4, ?5)", &b, err))
        return ok ? false : fail(db, "cannot replace document", err);
    if (d->dct.year)
        el_date_format(d->dct, dct);
    bind_str(&b, d->id);
    bind_str(&b, d->dct.year ? dct : NULL);
    bind_str(&b, d->title);
    bind_int(&b, (int64_t)d->ncp);
    bind_text(&b, d->text, d->len);
    ok = run(db, &b);
    sqlite3_finalize(b.st);
    return ok ? true : fail(db, "cannot insert document", err);
}

static bool put_mentions(sqlite3 *db, const el_doc *d, char **err)
{
    binder m, e;
    if (!prepare(db, "INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &m, err))
        return false;
    if (!prepare(db, "INSERT INTO entities VALUES (?1, ?2, ?3) ON CONFLICT(key) DO NOTHING",
                 &e, err)) {
        sqlite3_finalize(m.st);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < d->nmentions && ok; i++) {
        const el_mention *mm = &d->mentions[i];
        char id[24];
        snprintf(id, sizeof id, "m%zu", i + 1);
        bind_str(&m, d->id);
        bind_str(&m, id);
        bind_int(&m, (int64_t)el_doc_cp_offset(d, mm->start));
        bind_int(&m, (int64_t)el_doc_cp_offset(d, mm->end));
        bind_text(&m, d->text + mm->start, mm->end - mm->start);
        bind_str(&m, el_ent_type_name(mm->type));
        bind_str(&m, mm->key);
        bind_str(&m, mm->role);
        bind_str(&m, mm->subtype);
        bind_str(&e, mm->key);
        bind_str(&e, mm->name);
        bind_str(&e, el_ent_type_name(mm->type));
        ok = run(db, &m) && run(db, &e);
    }
    sqlite3_finalize(m.st);
    sqlite3_finalize(e.st);
    return ok ? true : fail(db, "cannot insert mentions", err);
}

static bool put_timexes(sqlite3 *db, const el_doc *d, char **err)
{
    binder b;
    if (!prepare(db, "INSERT INTO timexes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &b,
                 err))
        return false;
    bool ok = true;
    for (size_t i = 0; i < d->ntimexes && ok; i++) {
        const el_timex *t = &d->timexes[i];
        char id[24];
        bool anchored = t->iv.end > t->iv.begin;
        snprintf(id, sizeof id, "t%zu", i + 1);
        bind_str(&b, d->id);
        bind_str(&b, id);
        bind_int(&b, (int64_t)el_doc_cp_offset(d, t->start));
        bind_int(&b, (int64_t)el_doc_cp_offset(d, t->end));
        bind_text(&b, d->text + t->start, t->end - t->start);
        bind_str(&b, el_timex_type_name(t->type));
        bind_str(&b, t->value);
        bind_str(&b, t->mod);
        bind_instant(&b, t->iv.begin, anchored);
        bind_instant(&b, t->iv.end, anchored);
        ok = run(db, &b);
    }
    sqlite3_finalize(b.st);
    return ok ? true : fail(db, "cannot insert timexes", err);
}

/* Time of an event mention: its timex's interval, else the DCT's day for a
 * factual past or present event. */
static bool event_interval(const el_doc *d, const el_event_mention *ev, el_interval *iv,
                           const char **value, char *dct)
{
    if (ev->timex >= 0 && d->timexes[ev->timex].iv.end > d->timexes[ev->timex].iv.begin) {
        *iv = d->timexes[ev->timex].iv;
        *value = d->timexes[ev->timex].value;
        return true;
    }
    bool factual = !ev->negated && !ev->modality
                   && (ev->tense == EL_TENSE_PAST || ev->tense == EL_TENSE_PRESENT);
    if (!factual || !d->dct.year)
        return false;
    el_date_format(d->dct, dct);
    *value = dct;
    return el_value_interval(dct, iv);
}

static bool put_events(sqlite3 *db, const el_doc *d, char **err)
{
    binder b, p;
    if (!prepare(db, "INSERT INTO event_mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                     " ?10, ?11, ?12, ?13, ?14, ?15, ?16)", &b, err))
        return false;
    if (!prepare(db, "INSERT OR IGNORE INTO event_participants VALUES (?1, ?2, ?3)", &p, err)) {
        sqlite3_finalize(b.st);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < d->nevents && ok; i++) {
        const el_event_mention *ev = &d->events[i];
        char id[24], tid[24], dct[11];
        el_interval iv = {0, 0, EL_GRAN_NONE};
        const char *value = NULL;
        bool timed = event_interval(d, ev, &iv, &value, dct);
        snprintf(id, sizeof id, "em%zu", i + 1);
        snprintf(tid, sizeof tid, "t%d", ev->timex + 1);
        bind_str(&b, d->id);
        bind_str(&b, id);
        bind_int(&b, (int64_t)el_doc_cp_offset(d, ev->start));
        bind_int(&b, (int64_t)el_doc_cp_offset(d, ev->end));
        bind_text(&b, d->text + ev->start, ev->end - ev->start);
        bind_str(&b, el_event_class_name(ev->cls));
        bind_str(&b, ev->type);
        bind_str(&b, ev->lemma);
        bind_str(&b, el_tense_name(ev->tense));
        bind_str(&b, el_aspect_name(ev->aspect));
        bind_str(&b, ev->negated ? "NEG" : "POS");
        bind_str(&b, ev->modality);
        bind_str(&b, ev->timex >= 0 ? tid : NULL);
        bind_str(&b, timed ? value : NULL);
        bind_instant(&b, iv.begin, timed);
        bind_instant(&b, iv.end, timed);
        ok = run(db, &b);
        for (size_t k = 0; k < ev->nparticipants && ok; k++) {
            bind_str(&p, d->id);
            bind_str(&p, id);
            bind_str(&p, d->mentions[ev->participants[k]].key);
            ok = run(db, &p);
        }
    }
    sqlite3_finalize(b.st);
    sqlite3_finalize(p.st);
    return ok ? true : fail(db, "cannot insert events", err);
}

static void node_name(el_node_kind k, int i, char *buf, size_t n)
{
    if (k == EL_NODE_DCT)
        snprintf(buf, n, "t0");
    else
        snprintf(buf, n, k == EL_NODE_EVENT ? "em%d" : "t%d", i + 1);
}

static bool put_links(sqlite3 *db, const el_doc *d, char **err)
{
    static const char *const kinds[] = {"TLINK", "SLINK", "ALINK"};
    binder b;
    if (!prepare(db, "INSERT INTO links VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &b, err))
        return false;
    bool ok = true;
    for (size_t i = 0; i < d->nlinks && ok; i++) {
        const el_link *l = &d->links[i];
        char from[24], to[24];
        node_name(l->from_kind, l->from, from, sizeof from);
        node_name(l->to_kind, l->to, to, sizeof to);
        bind_str(&b, d->id);
        bind_str(&b, kinds[l->kind]);
        bind_str(&b, from);
        bind_str(&b, to);
        bind_str(&b, l->reltype);
        bind_str(&b, l->evidence);
        ok = run(db, &b);
    }
    sqlite3_finalize(b.st);
    return ok ? true : fail(db, "cannot insert links", err);
}

bool el_store_put_doc(el_store *s, const el_doc *doc, char **err)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail(s->db, "cannot start a transaction", err);
    bool ok = put_document(s->db, doc, err) && put_mentions(s->db, doc, err)
              && put_timexes(s->db, doc, err) && put_events(s->db, doc, err)
              && put_links(s->db, doc, err);
    if (ok && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
        return true;
    if (ok)
        fail(s->db, "cannot commit", err);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return false;
}

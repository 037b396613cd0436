/* store.c - SQLite index of annotated documents (see store.h and
 * docs/schema.md): opening and migrating the database, and the write path.
 * Storage is compact (integer keys, repeated strings once in `terms`,
 * WITHOUT ROWID tables, no copies of text the document already holds);
 * views give the readable form.  Every statement is parameterized: no SQL
 * is ever built from user text. */
#include "store/store.h"
#include "base/buf.h"
#include "base/util.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

#define SCHEMA_VERSION 2

/* The whole schema of version 2 (version 1 kept one row of text per
 * mention; it is not converted, see el_store_open). */
static const char schema_sql[] =
    "CREATE TABLE documents ("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, dct TEXT, dct_source INTEGER NOT NULL,"
    "  title TEXT, length INTEGER NOT NULL, text TEXT NOT NULL);"
    "CREATE TABLE terms (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
    "CREATE INDEX terms_nocase ON terms(text COLLATE NOCASE);"
    "CREATE TABLE codes (kind TEXT NOT NULL, code INTEGER NOT NULL, name TEXT NOT NULL,"
    "  PRIMARY KEY (kind, code)) WITHOUT ROWID;"
    "CREATE TABLE entities ("
    "  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, type TEXT NOT NULL,"
    "  mentions INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0,"
    "  events INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX entities_name ON entities(name COLLATE NOCASE);"
    "CREATE TABLE mention_rows ("
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, len INTEGER NOT NULL, surface INTEGER NOT NULL,"
    "  type INTEGER NOT NULL, entity INTEGER NOT NULL, role INTEGER, subtype INTEGER,"
    "  PRIMARY KEY (doc, n)) WITHOUT ROWID;"
    "CREATE INDEX mention_rows_entity ON mention_rows(entity, doc);"
    "CREATE TABLE timex_rows ("
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, len INTEGER NOT NULL, surface INTEGER NOT NULL,"
    "  type INTEGER NOT NULL, value INTEGER NOT NULL, mod INTEGER, quant INTEGER, freq INTEGER,"
    "  zone INTEGER, anchor INTEGER, temporal_function INTEGER NOT NULL,"
    "  begin INTEGER, end INTEGER, granularity INTEGER,"
    "  PRIMARY KEY (doc, n)) WITHOUT ROWID;"
    "CREATE TABLE event_rows ("
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, len INTEGER NOT NULL, attrs INTEGER NOT NULL,"
    "  type INTEGER, lemma INTEGER, modality INTEGER, timex INTEGER, location INTEGER,"
    "  confidence INTEGER NOT NULL, PRIMARY KEY (doc, n)) WITHOUT ROWID;"
    "CREATE TABLE participant_rows ("
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, event INTEGER NOT NULL,"
    "  mention INTEGER NOT NULL, PRIMARY KEY (doc, event, mention)) WITHOUT ROWID;"
    "CREATE TABLE link_rows ("
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
    "  kinds INTEGER NOT NULL, from_n INTEGER NOT NULL, to_n INTEGER NOT NULL,"
    "  type INTEGER NOT NULL, evidence INTEGER, PRIMARY KEY (doc, n)) WITHOUT ROWID;"
    /* derived: rebuilt after every index run (store_timeline.c) */
    "CREATE TABLE aliases (surface INTEGER NOT NULL, entity INTEGER NOT NULL,"
    "  mentions INTEGER NOT NULL, PRIMARY KEY (surface, entity)) WITHOUT ROWID;"
    "CREATE INDEX aliases_entity ON aliases(entity);"
    "CREATE TABLE entity_roles (entity INTEGER NOT NULL, role INTEGER NOT NULL,"
    "  mentions INTEGER NOT NULL, PRIMARY KEY (entity, role)) WITHOUT ROWID;"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY, vid TEXT NOT NULL, position INTEGER, type TEXT, label TEXT,"
    "  value TEXT, end_value TEXT, begin TEXT, end TEXT, granularity TEXT,"
    "  location INTEGER REFERENCES entities(id), confidence REAL NOT NULL,"
    "  factual INTEGER NOT NULL, mentions INTEGER NOT NULL,"
    "  time_doc INTEGER, time_mention INTEGER, time_from_report INTEGER NOT NULL);"
    "CREATE INDEX events_begin ON events(begin);"
    "CREATE TABLE event_members (doc INTEGER NOT NULL, mention INTEGER NOT NULL,"
    "  event INTEGER NOT NULL REFERENCES events(id),"
    "  PRIMARY KEY (doc, mention)) WITHOUT ROWID;"
    "CREATE TABLE event_entities (entity INTEGER NOT NULL REFERENCES entities(id),"
    "  event INTEGER NOT NULL REFERENCES events(id), PRIMARY KEY (entity, event)) WITHOUT ROWID;"
    "CREATE INDEX event_entities_event ON event_entities(event);"
    "CREATE TABLE relations (from_event INTEGER NOT NULL REFERENCES events(id),"
    "  to_event INTEGER NOT NULL REFERENCES events(id), type TEXT NOT NULL,"
    "  inferred INTEGER NOT NULL, evidence TEXT);"
    "CREATE INDEX relations_from ON relations(from_event);"
    "CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    /* readable views */
    "CREATE VIEW mentions AS SELECT d.name AS document, m.n AS mention, m.start,"
    "  m.start + m.len AS end, s.text AS text, ty.name AS type, e.key AS entity_key,"
    "  e.name AS entity, r.text AS role, st.text AS subtype"
    "  FROM mention_rows m JOIN documents d ON d.id = m.doc JOIN terms s ON s.id = m.surface"
    "  JOIN entities e ON e.id = m.entity"
    "  LEFT JOIN codes ty ON ty.kind = 'entity_type' AND ty.code = m.type"
    "  LEFT JOIN terms r ON r.id = m.role LEFT JOIN terms st ON st.id = m.subtype;"
    "CREATE VIEW timexes AS SELECT d.name AS document, t.n AS timex, t.start,"
    "  t.start + t.len AS end, s.text AS text, ty.name AS type, v.text AS value,"
    "  md.text AS mod, el_instant(t.begin) AS begin, el_instant(t.end) AS end_instant"
    "  FROM timex_rows t JOIN documents d ON d.id = t.doc JOIN terms s ON s.id = t.surface"
    "  JOIN terms v ON v.id = t.value LEFT JOIN terms md ON md.id = t.mod"
    "  LEFT JOIN codes ty ON ty.kind = 'timex_type' AND ty.code = t.type;"
    "CREATE VIEW event_mentions AS SELECT d.name AS document, ev.n AS mention, ev.start,"
    "  ev.start + ev.len AS end, substr(d.text, ev.start + 1, ev.len) AS text,"
    "  cl.name AS class, ty.text AS type, le.text AS lemma, te.name AS tense, asp.name AS aspect,"
    "  CASE WHEN ev.attrs & 256 THEN 'NEG' ELSE 'POS' END AS polarity, mo.text AS modality,"
    "  ev.timex, tv.text AS timex_value, ev.confidence / 10000.0 AS confidence,"
    "  (SELECT group_concat(e.name, '; ') FROM participant_rows p JOIN mention_rows m"
    "    ON m.doc = p.doc AND m.n = p.mention JOIN entities e ON e.id = m.entity"
    "    WHERE p.doc = ev.doc AND p.event = ev.n) AS participants,"
    "  (SELECT em.event FROM event_members em WHERE em.doc = ev.doc AND em.mention = ev.n)"
    "    AS event"
    "  FROM event_rows ev JOIN documents d ON d.id = ev.doc"
    "  LEFT JOIN codes cl ON cl.kind = 'event_class' AND cl.code = ev.attrs & 7"
    "  LEFT JOIN codes te ON te.kind = 'tense' AND te.code = (ev.attrs >> 3) & 7"
    "  LEFT JOIN codes asp ON asp.kind = 'aspect' AND asp.code = (ev.attrs >> 6) & 3"
    "  LEFT JOIN terms ty ON ty.id = ev.type LEFT JOIN terms le ON le.id = ev.lemma"
    "  LEFT JOIN terms mo ON mo.id = ev.modality"
    "  LEFT JOIN timex_rows t ON t.doc = ev.doc AND t.n = ev.timex"
    "  LEFT JOIN terms tv ON tv.id = t.value;"
    "CREATE VIEW links AS SELECT d.name AS document, l.n AS link, k.name AS kind,"
    "  CASE (l.kinds >> 2) & 3 WHEN 0 THEN 'em' || l.from_n WHEN 1 THEN 't' || l.from_n"
    "    ELSE 't0' END AS from_id,"
    "  CASE (l.kinds >> 4) & 3 WHEN 0 THEN 'em' || l.to_n WHEN 1 THEN 't' || l.to_n"
    "    ELSE 't0' END AS to_id,"
    "  ty.text AS type, ev.text AS evidence"
    "  FROM link_rows l JOIN documents d ON d.id = l.doc JOIN terms ty ON ty.id = l.type"
    "  LEFT JOIN terms ev ON ev.id = l.evidence"
    "  LEFT JOIN codes k ON k.kind = 'link_kind' AND k.code = l.kinds & 3;"
    "CREATE VIEW timeline AS SELECT v.position, v.vid, v.value, v.begin, v.end, v.type,"
    "  v.label, (SELECT group_concat(e.name, '; ') FROM event_entities x"
    "    JOIN entities e ON e.id = x.entity WHERE x.event = v.id) AS participants,"
    "  v.mentions, round(v.confidence, 3) AS confidence, v.id AS event"
    "  FROM events v WHERE v.position IS NOT NULL;";

/* el_instant(minutes) in the views: instants are stored as minutes since
 * 0001-01-01T00:00 (date.h); a view written for any SQLite client turns
 * them into text with the same arithmetic through julianday. */
static const char instant_expr[] =
    "strftime('%Y-%m-%dT%H:%M', 1721425.5 + (X) / 1440.0)";

/* The schema with every el_instant(X) replaced by instant_expr. */
static char *schema_text(void)
{
    el_buf b = {0};
    const char *p = schema_sql, *q;
    while ((q = strstr(p, "el_instant(")) != NULL) {
        el_buf_put(&b, p, (size_t)(q - p));
        q += strlen("el_instant(");
        const char *close = strchr(q, ')');
        const char *x = strstr(instant_expr, "(X)");
        el_buf_put(&b, instant_expr, (size_t)(x - instant_expr));
        el_buf_putc(&b, '(');
        el_buf_put(&b, q, (size_t)(close - q));
        el_buf_puts(&b, x + 2);
        p = close + 1;
    }
    el_buf_puts(&b, p);
    return el_buf_detach(&b, NULL);
}

bool el_store_fail(sqlite3 *db, const char *what, char **err)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    *err = el_strdup(msg);
    return false;
}

bool el_store_exec(el_store *s, const char *sql, char **err)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK)
        return true;
    return el_store_fail(s->db, "database error", err);
}

int el_store_schema_version(void)
{
    return SCHEMA_VERSION;
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

/* The names behind the integer codes of the storage tables. */
static bool fill_codes(sqlite3 *db)
{
    static const char *const link_kinds[] = {"TLINK", "SLINK", "ALINK"};
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT INTO codes VALUES (?1, ?2, ?3)", -1, &st, NULL) != SQLITE_OK)
        return false;
    bool ok = true;
    for (int kind = 0; kind < 6 && ok; kind++) {
        static const char *const kinds[] = {"entity_type", "timex_type", "event_class",
                                            "tense", "aspect", "link_kind"};
        static const int counts[] = {EL_ENT_OTHER + 1, EL_TIMEX_SET + 1, EL_EV_PERCEPTION + 1,
                                     EL_TENSE_PASTPART + 1, EL_ASPECT_PERFECTIVE_PROGRESSIVE + 1, 3};
        for (int c = 0; c < counts[kind] && ok; c++) {
            const char *name = kind == 0 ? el_ent_type_name((el_ent_type)c)
                               : kind == 1 ? el_timex_type_name((el_timex_type)c)
                               : kind == 2 ? el_event_class_name((el_event_class)c)
                               : kind == 3 ? el_tense_name((el_tense)c)
                               : kind == 4 ? el_aspect_name((el_aspect)c) : link_kinds[c];
            sqlite3_bind_text(st, 1, kinds[kind], -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 2, c);
            sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
            ok = sqlite3_step(st) == SQLITE_DONE;
            sqlite3_reset(st);
        }
    }
    for (int g = 0; g <= EL_GRAN_SECOND && ok; g++) {
        sqlite3_bind_text(st, 1, "granularity", -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, g);
        sqlite3_bind_text(st, 3, el_gran_name((el_gran)g), -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return ok;
}

/* Create or check the schema.  The version is read inside the write
 * transaction (BEGIN IMMEDIATE), so two first-time runs on one new file
 * cannot both see version 0: the second waits, then finds the schema. */
static bool migrate(sqlite3 *db, char **err)
{
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return el_store_fail(db, "cannot use the database (corrupt, locked or not SQLite?)", err);
    int v = user_version(db);
    bool ok = true;
    char msg[200] = "";
    if (v < 0) {
        snprintf(msg, sizeof msg, "cannot read the database (corrupt or not SQLite?)");
    } else if (v > SCHEMA_VERSION) {
        snprintf(msg, sizeof msg, "database schema version %d is newer than this eventline (%d)",
                 v, SCHEMA_VERSION);
    } else if (v > 0 && v < SCHEMA_VERSION) {
        snprintf(msg, sizeof msg, "database schema version %d is from an older eventline: "
                 "index the documents into a new database", v);
    } else if (v == 0) {
        char *sql = schema_text(), pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", SCHEMA_VERSION);
        ok = sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK && fill_codes(db)
             && sqlite3_exec(db, pragma, NULL, NULL, NULL) == SQLITE_OK;
        free(sql);
        if (!ok)
            el_store_fail(db, "schema migration failed", err);
    }
    if (msg[0]) {
        *err = el_strdup(msg);
        ok = false;
    }
    if (ok && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
        return true;
    if (ok)
        el_store_fail(db, "schema migration failed", err);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return false;
}

/* WAL journal (readers go on while an index runs).  Switching a new file
 * to WAL needs a moment alone with it: a second process starting at the
 * same time gets SQLITE_BUSY without the busy handler, so retry. */
static bool use_wal(sqlite3 *db)
{
    for (int tries = 0; tries < 200; tries++) {
        int rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return true;
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            return false;
        sqlite3_sleep(50);
    }
    return false;
}

/* A document's rows, children first (run with ?1 = its id). */
static const char *const doc_delete_sql[] = {
    "DELETE FROM mention_rows WHERE doc = ?1", "DELETE FROM timex_rows WHERE doc = ?1",
    "DELETE FROM event_rows WHERE doc = ?1", "DELETE FROM participant_rows WHERE doc = ?1",
    "DELETE FROM link_rows WHERE doc = ?1", "DELETE FROM documents WHERE id = ?1",
};

static const char *const write_sql[ST_COUNT] = {
    [ST_DOC_FIND] = "SELECT id FROM documents WHERE name = ?1",
    [ST_DOC_INSERT] = "INSERT INTO documents (name, dct, dct_source, title, length, text)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_TERM_FIND] = "SELECT id FROM terms WHERE text = ?1",
    [ST_TERM_INSERT] = "INSERT INTO terms (text) VALUES (?1)",
    [ST_ENT_FIND] = "SELECT id FROM entities WHERE key = ?1",
    [ST_ENT_INSERT] = "INSERT INTO entities (key, name, type) VALUES (?1, ?2, ?3)",
    [ST_MENTION] = "INSERT INTO mention_rows VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [ST_TIMEX] = "INSERT INTO timex_rows VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                 " ?12, ?13, ?14, ?15, ?16)",
    [ST_EVENT] = "INSERT INTO event_rows VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [ST_PART] = "INSERT OR IGNORE INTO participant_rows VALUES (?1, ?2, ?3)",
    [ST_LINK] = "INSERT INTO link_rows VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
};

el_store *el_store_open(const char *path, bool readonly, char **err)
{
    sqlite3 *db = NULL;
    /* one connection per thread: no mutexes, no memory statistics */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    int flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        el_store_fail(db, "cannot open database", err);
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 30000);
    /* The write path deletes a document's rows itself (doc_delete_sql): no
     * foreign-key lookup for each of the many rows it inserts. */
    sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
    /* Large pages: a document's text is kilobytes, and small pages leave
     * a part of every page empty (no effect on an existing file). */
    if (!readonly)
        sqlite3_exec(db, "PRAGMA page_size = 16384", NULL, NULL, NULL);
    if (!readonly && !use_wal(db)) {
        el_store_fail(db, "cannot use the database (corrupt, locked or not SQLite?)", err);
        sqlite3_close(db);
        return NULL;
    }
    int v = readonly ? user_version(db) : 0;
    if (readonly ? v != SCHEMA_VERSION : !migrate(db, err)) {
        if (readonly) {
            char msg[200];
            snprintf(msg, sizeof msg, v < 0 ? "cannot read the database (corrupt or not SQLite?)"
                     : v == 0 ? "not an eventline index (run eventline index first)"
                     : "database schema version %d is not this eventline's (%d): re-index it",
                     v, SCHEMA_VERSION);
            *err = el_strdup(msg);
        }
        sqlite3_close(db);
        return NULL;
    }
    /* WAL with synchronous NORMAL: a crash or power loss may lose the last
     * batches, never corrupt the file nor split a document. */
    /* queries read pages through a memory map: no read call per page */
    sqlite3_exec(db, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);
    sqlite3_exec(db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
                     " PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 4096",
                 NULL, NULL, NULL);
    el_store *s = el_calloc(1, sizeof *s);
    s->db = db;
    for (int i = 0; i < ST_COUNT && !readonly; i++)
        if (sqlite3_prepare_v3(db, write_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL)
            != SQLITE_OK) {
            el_store_fail(db, "cannot prepare statement", err);
            el_store_close(s);
            return NULL;
        }
    return s;
}

/* ---- the string -> id caches --------------------------------------- */

static void idmap_clear(el_idmap *m)
{
    for (size_t i = 0; m->keys && i <= m->mask; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->hashes);
    free(m->ids);
    memset(m, 0, sizeof *m);
}

static void idmap_grow(el_idmap *m)
{
    el_idmap old = *m;
    m->mask = old.keys ? old.mask * 2 + 1 : 1023;
    m->keys = el_calloc(m->mask + 1, sizeof *m->keys);
    m->hashes = el_calloc(m->mask + 1, sizeof *m->hashes);
    m->ids = el_calloc(m->mask + 1, sizeof *m->ids);
    for (size_t i = 0; old.keys && i <= old.mask; i++)
        if (old.keys[i]) {
            size_t h = old.hashes[i] & m->mask;
            while (m->keys[h])
                h = (h + 1) & m->mask;
            m->keys[h] = old.keys[i];
            m->hashes[h] = old.hashes[i];
            m->ids[h] = old.ids[i];
        }
    free(old.keys);
    free(old.hashes);
    free(old.ids);
}

/* The id slot of key (a new one, zero, when *found is false). */
static int64_t *idmap_slot(el_idmap *m, const char *key, bool *found)
{
    if (!m->keys || (m->n + 1) * 2 > m->mask + 1)
        idmap_grow(m);
    uint32_t hash = el_hash_str(key);
    size_t h = hash & m->mask;
    while (m->keys[h] && (m->hashes[h] != hash || strcmp(m->keys[h], key) != 0))
        h = (h + 1) & m->mask;
    *found = m->keys[h] != NULL;
    if (!*found) {
        m->keys[h] = el_strdup(key);
        m->hashes[h] = hash;
        m->n++;
    }
    return &m->ids[h];
}

static int64_t find_or_insert(el_store *s, int find, int insert, const char *key,
                              const char *name, const char *type)
{
    sqlite3_stmt *f = s->st[find], *in = s->st[insert];
    int64_t id = 0;
    sqlite3_bind_text(f, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(f) == SQLITE_ROW)
        id = sqlite3_column_int64(f, 0);
    sqlite3_reset(f);
    if (id)
        return id;
    sqlite3_bind_text(in, 1, key, -1, SQLITE_STATIC);
    if (name) {
        sqlite3_bind_text(in, 2, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(in, 3, type, -1, SQLITE_STATIC);
    }
    if (sqlite3_step(in) == SQLITE_DONE)
        id = sqlite3_last_insert_rowid(s->db);
    sqlite3_reset(in);
    return id;
}

int64_t el_store_term(el_store *s, const char *text)
{
    bool found;
    int64_t *slot = idmap_slot(&s->terms, text, &found);
    if (!found || !*slot)
        *slot = find_or_insert(s, ST_TERM_FIND, ST_TERM_INSERT, text, NULL, NULL);
    return *slot;
}

int64_t el_store_entity(el_store *s, const char *key, const char *name, const char *type)
{
    bool found;
    int64_t *slot = idmap_slot(&s->entities, key, &found);
    if (!found || !*slot)
        *slot = find_or_insert(s, ST_ENT_FIND, ST_ENT_INSERT, key, name ? name : key, type);
    return *slot;
}

void el_store_close(el_store *s)
{
    if (!s)
        return;
    if (s->in_batch)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    idmap_clear(&s->terms);
    idmap_clear(&s->entities);
    sqlite3_close(s->db);
    free(s);
}

/* ---- batches --------------------------------------------------------- */

bool el_store_begin(el_store *s, char **err)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return el_store_fail(s->db, "cannot start a transaction", err);
    s->in_batch = true;
    return true;
}

void el_store_rollback(el_store *s)
{
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_batch = false;
    idmap_clear(&s->terms);      /* ids handed out in the transaction are gone */
    idmap_clear(&s->entities);
}

bool el_store_commit(el_store *s, char **err)
{
    s->in_batch = false;
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
        return true;
    el_store_fail(s->db, "cannot commit", err);
    el_store_rollback(s);
    return false;
}

/* ---- writing one document ---------------------------------------------- */

/* The term id of text[0..n) (a span of the document). */
static int64_t span_term(el_store *s, const char *text, size_t n)
{
    char small[256];
    char *t = n < sizeof small ? small : el_malloc(n + 1);
    memcpy(t, text, n);
    t[n] = '\0';
    int64_t id = el_store_term(s, t);
    if (t != small)
        free(t);
    return id;
}

static void bind_term(el_store *s, sqlite3_stmt *st, int i, const char *text)
{
    if (text && *text)
        sqlite3_bind_int64(st, i, el_store_term(s, text));
    else
        sqlite3_bind_null(st, i);
}

static void bind_opt_int(sqlite3_stmt *st, int i, int64_t v, bool present)
{
    if (present)
        sqlite3_bind_int64(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

static bool step(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

/* Replace the document row: the old one's rows go with it (ON DELETE
 * CASCADE).  Returns the new row id, 0 on error. */
static int64_t put_document(el_store *s, const el_doc *d)
{
    sqlite3_stmt *f = s->st[ST_DOC_FIND], *in = s->st[ST_DOC_INSERT];
    int64_t old = 0;
    sqlite3_bind_text(f, 1, d->id, -1, SQLITE_STATIC);
    if (sqlite3_step(f) == SQLITE_ROW)
        old = sqlite3_column_int64(f, 0);
    sqlite3_reset(f);
    for (size_t i = 0; old && i < sizeof doc_delete_sql / sizeof *doc_delete_sql; i++) {
        sqlite3_stmt *del;
        if (sqlite3_prepare_v2(s->db, doc_delete_sql[i], -1, &del, NULL) != SQLITE_OK)
            return 0;
        sqlite3_bind_int64(del, 1, old);
        bool ok = step(del);
        sqlite3_finalize(del);
        if (!ok)
            return 0;
    }
    char dct[11];
    if (d->dct.year)
        el_date_format(d->dct, dct);
    sqlite3_bind_text(in, 1, d->id, -1, SQLITE_STATIC);
    if (d->dct.year)
        sqlite3_bind_text(in, 2, dct, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(in, 2);
    sqlite3_bind_int(in, 3, (int)d->dct_source);
    if (d->title)
        sqlite3_bind_text(in, 4, d->title, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(in, 4);
    sqlite3_bind_int64(in, 5, (int64_t)d->ncp);
    sqlite3_bind_text(in, 6, d->text, (int)d->len, SQLITE_STATIC);
    bool ok = step(in);
    sqlite3_clear_bindings(in);
    return ok ? sqlite3_last_insert_rowid(s->db) : 0;
}

static void bind_span(const el_doc *d, sqlite3_stmt *st, int64_t doc, size_t n, uint32_t start,
                      uint32_t end)
{
    size_t cs = el_doc_cp_offset(d, start), ce = el_doc_cp_offset(d, end);
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int64(st, 2, (int64_t)n);
    sqlite3_bind_int64(st, 3, (int64_t)cs);
    sqlite3_bind_int64(st, 4, (int64_t)(ce - cs));
}

static bool put_mentions(el_store *s, const el_doc *d, int64_t doc)
{
    sqlite3_stmt *st = s->st[ST_MENTION];
    for (size_t i = 0; i < d->nmentions; i++) {
        const el_mention *m = &d->mentions[i];
        int64_t surface = span_term(s, d->text + m->start, m->end - m->start);
        char *own = m->key && *m->key ? NULL : el_strndup(d->text + m->start, m->end - m->start);
        int64_t ent = el_store_entity(s, own ? own : m->key, m->name, el_ent_type_name(m->type));
        free(own);
        bind_span(d, st, doc, i + 1, m->start, m->end);
        sqlite3_bind_int64(st, 5, surface);
        sqlite3_bind_int(st, 6, (int)m->type);
        sqlite3_bind_int64(st, 7, ent);
        bind_term(s, st, 8, m->role);
        bind_term(s, st, 9, m->subtype);
        if (!ent || !step(st))
            return false;
    }
    return true;
}

static bool put_timexes(el_store *s, const el_doc *d, int64_t doc)
{
    sqlite3_stmt *st = s->st[ST_TIMEX];
    for (size_t i = 0; i < d->ntimexes; i++) {
        const el_timex *t = &d->timexes[i];
        bool anchored = t->iv.end > t->iv.begin;
        bind_span(d, st, doc, i + 1, t->start, t->end);
        sqlite3_bind_int64(st, 5, span_term(s, d->text + t->start, t->end - t->start));
        sqlite3_bind_int(st, 6, (int)t->type);
        sqlite3_bind_int64(st, 7, el_store_term(s, t->value));
        bind_term(s, st, 8, t->mod);
        bind_term(s, st, 9, t->quant);
        bind_term(s, st, 10, t->freq);
        bind_term(s, st, 11, t->zone);
        bind_opt_int(st, 12, t->anchor + 1, t->anchor >= 0);
        sqlite3_bind_int(st, 13, t->temporal_function);
        bind_opt_int(st, 14, t->iv.begin, anchored);
        bind_opt_int(st, 15, t->iv.end, anchored);
        bind_opt_int(st, 16, t->iv.gran, anchored);
        if (!step(st))
            return false;
    }
    return true;
}

static bool put_events(el_store *s, const el_doc *d, int64_t doc)
{
    sqlite3_stmt *st = s->st[ST_EVENT], *p = s->st[ST_PART];
    for (size_t i = 0; i < d->nevents; i++) {
        const el_event_mention *ev = &d->events[i];
        int attrs = (int)ev->cls | (int)ev->tense << 3 | (int)ev->aspect << 6
                    | (ev->negated ? EL_ATTR_NEG : 0) | (ev->intensional ? EL_ATTR_INTENS : 0);
        float conf = ev->confidence < 0 ? 0 : ev->confidence > 1 ? 1 : ev->confidence;
        bind_span(d, st, doc, i + 1, ev->start, ev->end);
        sqlite3_bind_int(st, 5, attrs);
        bind_term(s, st, 6, ev->type);
        bind_term(s, st, 7, ev->lemma);
        bind_term(s, st, 8, ev->modality);
        bind_opt_int(st, 9, ev->timex + 1, ev->timex >= 0);
        bind_opt_int(st, 10, ev->location + 1, ev->location >= 0);
        sqlite3_bind_int(st, 11, (int)(conf * 10000.0f + 0.5f));
        if (!step(st))
            return false;
        for (size_t k = 0; k < ev->nparticipants; k++) {
            sqlite3_bind_int64(p, 1, doc);
            sqlite3_bind_int64(p, 2, (int64_t)i + 1);
            sqlite3_bind_int64(p, 3, (int64_t)ev->participants[k] + 1);
            if (!step(p))
                return false;
        }
    }
    return true;
}

static bool put_links(el_store *s, const el_doc *d, int64_t doc)
{
    sqlite3_stmt *st = s->st[ST_LINK];
    for (size_t i = 0; i < d->nlinks; i++) {
        const el_link *l = &d->links[i];
        sqlite3_bind_int64(st, 1, doc);
        sqlite3_bind_int64(st, 2, (int64_t)i + 1);
        sqlite3_bind_int(st, 3, (int)l->kind | (int)l->from_kind << 2 | (int)l->to_kind << 4);
        sqlite3_bind_int(st, 4, l->from_kind == EL_NODE_DCT ? 0 : l->from + 1);
        sqlite3_bind_int(st, 5, l->to_kind == EL_NODE_DCT ? 0 : l->to + 1);
        sqlite3_bind_int64(st, 6, el_store_term(s, el_reltype_name(l->reltype)));
        bind_term(s, st, 7, l->evidence);
        if (!step(st))
            return false;
    }
    return true;
}

static bool put_rows(el_store *s, const el_doc *doc)
{
    int64_t id = put_document(s, doc);
    return id && put_mentions(s, doc, id) && put_timexes(s, doc, id) && put_events(s, doc, id)
           && put_links(s, doc, id);
}

/* One document, one transaction. */
bool el_store_put_doc(el_store *s, const el_doc *doc, char **err)
{
    if (!el_store_begin(s, err))
        return false;
    if (put_rows(s, doc))
        return el_store_commit(s, err);
    el_store_fail(s->db, "cannot store the document", err);
    el_store_rollback(s);
    return false;
}

/* The batch in one transaction; if anything fails, it is undone and every
 * document is stored again on its own, so that one failure costs one
 * document (no savepoints: their page copies would cost more than the
 * rows). */
size_t el_store_put_docs(el_store *s, el_doc *const *docs, size_t n, bool *ok,
                         el_store_report report, void *ctx)
{
    char *err = NULL;
    bool batch = el_store_begin(s, &err);
    for (size_t i = 0; batch && i < n; i++)
        batch = put_rows(s, docs[i]);
    if (batch && el_store_commit(s, &err)) {
        for (size_t i = 0; i < n; i++)
            ok[i] = true;
        return n;
    }
    free(err);
    if (s->in_batch)
        el_store_rollback(s);
    size_t stored = 0;
    for (size_t i = 0; i < n; i++) {
        err = NULL;
        ok[i] = el_store_put_doc(s, docs[i], &err);
        stored += ok[i];
        if (!ok[i])
            report(docs[i], err, ctx);
        free(err);
    }
    return stored;
}

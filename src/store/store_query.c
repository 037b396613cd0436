/* store_query.c - the researcher's questions to an index (see store.h):
 * an entity's record and timeline, events by date range and type, and
 * co-occurring entities.  Each section is one parameterized statement; one
 * printer renders any result set as a table, JSON or CSV. */
#include "store/store.h"
#include "store/store_internal.h"
#include "base/util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Entity keys matching a name: the canonical name or any mention text. */
#define TARGET_CTE \
    "target(key) AS (SELECT key FROM entities WHERE name = ?1 COLLATE NOCASE " \
    "UNION SELECT entity_key FROM mentions WHERE text = ?1 COLLATE NOCASE" \
    " AND coalesce(subtype, '') NOT IN ('pronoun', 'nominal'))"

static const char entity_sql[] =
    "WITH " TARGET_CTE " "
    "SELECT e.key, e.name, e.type,"
    " (SELECT COUNT(*) FROM mentions m WHERE m.entity_key = e.key) AS mentions,"
    " (SELECT COUNT(DISTINCT doc_id) FROM mentions m WHERE m.entity_key = e.key) AS documents,"
    " (SELECT group_concat(t, '; ') FROM (SELECT DISTINCT text AS t FROM mentions m"
    "   WHERE m.entity_key = e.key AND coalesce(m.subtype, '') NOT IN ('pronoun', 'nominal')"
    "   ORDER BY t)) AS aliases,"
    " (SELECT group_concat(r, '; ') FROM (SELECT DISTINCT role AS r FROM mentions m"
    "   WHERE m.entity_key = e.key AND role IS NOT NULL ORDER BY r)) AS roles,"
    " (SELECT group_concat(d, '; ') FROM (SELECT DISTINCT doc_id AS d FROM mentions m"
    "   WHERE m.entity_key = e.key ORDER BY d)) AS document_ids "
    "FROM entities e WHERE e.key IN target ORDER BY e.name, e.key";

/* Events: ?1 entity name (ignored by events_sql), ?2 type or NULL, ?3/?4
 * begin bounds or NULL.  With an entity the query starts from the
 * participants index instead of scanning every event mention. */
#define EVENT_COLUMNS \
    "SELECT em.value AS time, em.begin, em.end_instant AS end, em.type, em.class, em.text," \
    " (SELECT group_concat(n, '; ') FROM (SELECT e.name AS n FROM event_participants p" \
    "   JOIN entities e ON e.key = p.entity_key" \
    "   WHERE p.doc_id = em.doc_id AND p.emid = em.emid ORDER BY e.name)) AS participants," \
    " em.doc_id AS document, em.emid AS mention "
#define EVENT_FILTERS \
    " (?2 IS NULL OR em.type = ?2 COLLATE NOCASE)" \
    " AND (?3 IS NULL OR (em.begin >= ?3 AND em.end_instant <= ?4)) " \
    "ORDER BY em.begin IS NULL, em.begin, em.end_instant, em.doc_id, em.start"

static const char events_sql[] =
    "WITH " TARGET_CTE " " EVENT_COLUMNS "FROM event_mentions em WHERE ?1 IS NULL AND"
    EVENT_FILTERS;

static const char events_of_entity_sql[] =
    "WITH " TARGET_CTE ","
    " evs AS (SELECT DISTINCT doc_id, emid FROM event_participants WHERE entity_key IN target) "
    EVENT_COLUMNS "FROM evs JOIN event_mentions em USING (doc_id, emid) WHERE" EVENT_FILTERS;

static const char cooccur_sql[] =
    "WITH " TARGET_CTE ","
    " evs AS (SELECT DISTINCT doc_id, emid FROM event_participants WHERE entity_key IN target) "
    "SELECT e.name, e.type, COUNT(*) AS events, e.key "
    "FROM event_participants p JOIN evs USING (doc_id, emid)"
    " JOIN entities e ON e.key = p.entity_key "
    "WHERE p.entity_key NOT IN target GROUP BY e.key ORDER BY events DESC, e.name";

typedef struct section {
    const char *name;
    const char *sql;
} section;

static void print_csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void print_row(sqlite3_stmt *st, el_query_format fmt, FILE *out, json_t *rows)
{
    int n = sqlite3_column_count(st);
    json_t *obj = fmt == EL_Q_JSON ? json_object() : NULL;
    for (int c = 0; c < n; c++) {
        const char *v = (const char *)sqlite3_column_text(st, c);
        if (obj) {
            json_t *jv = sqlite3_column_type(st, c) == SQLITE_INTEGER
                             ? json_integer(sqlite3_column_int64(st, c))
                             : v ? json_string(v) : json_null();
            json_object_set_new(obj, sqlite3_column_name(st, c), jv);
        } else if (fmt == EL_Q_CSV) {
            if (c)
                fputc(',', out);
            print_csv_field(out, v ? v : "");
        } else {
            fprintf(out, "%s%s", c ? "\t" : "", v ? v : "-");
        }
    }
    if (obj)
        json_array_append_new(rows, obj);
    else
        fputc('\n', out);
}

static void print_header(sqlite3_stmt *st, const char *name, el_query_format fmt, FILE *out,
                         bool first)
{
    int n = sqlite3_column_count(st);
    if (fmt == EL_Q_JSON)
        return;
    if (!first)
        fputc('\n', out);
    if (fmt == EL_Q_TABLE)
        fprintf(out, "== %s ==\n", name);
    for (int c = 0; c < n; c++)
        fprintf(out, "%s%s", c ? (fmt == EL_Q_CSV ? "," : "\t") : "", sqlite3_column_name(st, c));
    fputc('\n', out);
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static bool run_section(el_store *s, const section *sec, const el_query *q, const char *lo,
                        const char *hi, el_query_format fmt, FILE *out, json_t *root,
                        bool first, char **err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sec->sql, -1, &st, NULL) != SQLITE_OK) {
        char msg[512];
        snprintf(msg, sizeof msg, "query failed: %s", sqlite3_errmsg(s->db));
        *err = el_strdup(msg);
        return false;
    }
    bind_opt(st, 1, sec->sql == cooccur_sql ? q->cooccur : q->entity);
    if (sqlite3_bind_parameter_count(st) >= 4) {
        bind_opt(st, 2, q->type);
        bind_opt(st, 3, lo);
        bind_opt(st, 4, hi);
    }
    json_t *rows = json_array();
    print_header(st, sec->name, fmt, out, first);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        print_row(st, fmt, out, rows);
    bool ok = rc == SQLITE_DONE;
    if (!ok) {
        char msg[512];
        snprintf(msg, sizeof msg, "query failed: %s", sqlite3_errmsg(s->db));
        *err = el_strdup(msg);
    }
    sqlite3_finalize(st);
    json_object_set_new(root, sec->name, rows);
    return ok;
}

/* [from, to] as instants: from at 00:00, to at the end of its day. */
static void bounds(const el_query *q, char *lo, char *hi)
{
    el_date a, b;
    if (!q->from || !el_date_parse(q->from, &a) || !el_date_parse(q->to, &b))
        return;
    el_instant_format(el_instant_from_date(a, 0, 0), lo);
    el_instant_format(el_instant_from_date(el_date_add_days(b, 1), 0, 0), hi);
}

bool el_store_query(el_store *s, const el_query *q, el_query_format fmt, FILE *out, char **err)
{
    section secs[3];
    size_t n = 0;
    if (q->cooccur && !q->entity) {
        secs[n++] = (section){"cooccurring", cooccur_sql};
    } else {
        if (q->entity)
            secs[n++] = (section){"entities", entity_sql};
        secs[n++] = (section){"events", q->entity ? events_of_entity_sql : events_sql};
        if (q->entity && q->cooccur)
            secs[n++] = (section){"cooccurring", cooccur_sql};
    }
    char lo[17] = "", hi[17] = "";
    bounds(q, lo, hi);
    json_t *root = json_object();
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++)
        ok = run_section(s, &secs[i], q, lo[0] ? lo : NULL, hi[0] ? hi : NULL, fmt, out, root,
                         i == 0, err);
    if (ok && fmt == EL_Q_JSON) {
        json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        fputc('\n', out);
    }
    json_decref(root);
    return ok;
}

/* store_query.c - the researcher's questions to an index (see store.h):
 * an entity's record, mentions and documents; the canonical events (by
 * entity, type and date range, in timeline order) and their mentions;
 * co-occurring entities.  Every table is one parameterized statement,
 * paged (LIMIT/OFFSET) with its total counted by the same statement; one
 * printer renders any of them as a table, JSON or CSV. */
#include "store/store.h"
#include "store/store_internal.h"
#include "base/buf.h"
#include "base/util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ?1 entity (or co-occurrence) name, ?2 type, ?3/?4 range as text
 * instants, ?5/?6 the same as minutes, ?7 limit, ?8 offset. */
#define TARGET \
    "WITH target(id) AS (SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE" \
    " UNION SELECT a.entity FROM terms t JOIN aliases a ON a.surface = t.id" \
    " WHERE t.text = ?1 COLLATE NOCASE) "

typedef struct table {
    const char *name;
    const char *base;    /* SELECT ... FROM ... WHERE ..., without ORDER BY */
    const char *order;
    const char *count;   /* the rows base selects, counted without its joins
                            (NULL: count base itself) */
} table;

/* The event mentions of a question, in document order: with a name, from
 * its mentions, not from every event mention; they drive the join, so a
 * page reads only its own rows' documents. */
#define EVENT_MENTION_SEL \
    "(SELECT DISTINCT p.doc, p.event FROM mention_rows m JOIN participant_rows p" \
    "   ON p.doc = m.doc AND p.mention = m.n WHERE m.entity IN target" \
    " UNION ALL SELECT doc, n FROM event_rows WHERE ?1 IS NULL ORDER BY 1, 2) sel"
#define EVENT_MENTION_FILTER \
    "(?2 IS NULL OR ty.text = ?2 COLLATE NOCASE) AND (?5 IS NULL OR (t.begin >= ?5 AND t.end <= ?6))"

static const table tables[] = {
    {"entities",
     "SELECT e.key, e.name, e.type, e.mentions, e.documents, e.events,"
     " (SELECT group_concat(t, '; ') FROM (SELECT s.text AS t FROM aliases a"
     "   JOIN terms s ON s.id = a.surface WHERE a.entity = e.id"
     "   ORDER BY a.mentions DESC, s.text)) AS aliases,"
     " (SELECT group_concat(t, '; ') FROM (SELECT r.text AS t FROM entity_roles x"
     "   JOIN terms r ON r.id = x.role WHERE x.entity = e.id"
     "   ORDER BY x.mentions DESC, r.text)) AS roles"
     " FROM entities e WHERE e.id IN target",
     " ORDER BY e.mentions DESC, e.name, e.key", NULL},
    {"mentions",
     "SELECT d.name AS document, m.n AS mention, m.start, m.start + m.len AS end,"
     " s.text AS text, e.name AS entity, r.text AS role"
     " FROM mention_rows m JOIN documents d ON d.id = m.doc JOIN terms s ON s.id = m.surface"
     " JOIN entities e ON e.id = m.entity LEFT JOIN terms r ON r.id = m.role"
     " WHERE m.entity IN target",
     " ORDER BY m.entity, m.doc, m.n",
     "SELECT count(*) FROM mention_rows m WHERE m.entity IN target"},
    {"documents",
     /* documents are read for the page only: x comes in document order
      * (grouped, then ordered, by doc) and drives the join */
     "SELECT d.name AS document, d.dct, d.title, x.mentions"
     " FROM (SELECT m.doc, count(*) AS mentions FROM mention_rows m"
     "   WHERE m.entity IN target GROUP BY m.doc ORDER BY m.doc) x"
     " CROSS JOIN documents d ON d.id = x.doc",
     "",
     "SELECT count(DISTINCT m.doc) FROM mention_rows m WHERE m.entity IN target"},
    {"events",
     "SELECT v.position, v.value AS time, v.begin, v.end, v.type, v.label,"
     " (SELECT group_concat(e.name, '; ') FROM event_entities x"
     "   JOIN entities e ON e.id = x.entity WHERE x.event = v.id) AS participants,"
     " v.mentions, round(v.confidence, 3) AS confidence, v.vid AS event"
     " FROM events v WHERE (?1 IS NULL OR v.id IN"
     "  (SELECT event FROM event_entities WHERE entity IN target))"
     " AND (?2 IS NULL OR v.type = ?2 COLLATE NOCASE)"
     " AND (?3 IS NULL OR (v.begin >= ?3 AND v.end <= ?4))",
     " ORDER BY v.position IS NULL, v.position, v.begin, v.id",
     "SELECT count(*) FROM events v WHERE (?1 IS NULL OR v.id IN"
     "  (SELECT event FROM event_entities WHERE entity IN target))"
     " AND (?2 IS NULL OR v.type = ?2 COLLATE NOCASE)"
     " AND (?3 IS NULL OR (v.begin >= ?3 AND v.end <= ?4))"},
    {"event_mentions",
     "SELECT d.name AS document, ev.n AS mention, ev.start, ev.start + ev.len AS end,"
     " substr(d.text, ev.start + 1, ev.len) AS text, ty.text AS type, tv.text AS time,"
     " (SELECT group_concat(e.name, '; ') FROM participant_rows p JOIN mention_rows m"
     "   ON m.doc = p.doc AND m.n = p.mention JOIN entities e ON e.id = m.entity"
     "   WHERE p.doc = ev.doc AND p.event = ev.n) AS participants,"
     " (SELECT v.vid FROM event_members em JOIN events v ON v.id = em.event"
     "   WHERE em.doc = ev.doc AND em.mention = ev.n) AS event"
     " FROM " EVENT_MENTION_SEL " CROSS JOIN event_rows ev ON ev.doc = sel.doc AND ev.n = sel.event"
     " JOIN documents d ON d.id = ev.doc"
     " LEFT JOIN terms ty ON ty.id = ev.type"
     " LEFT JOIN timex_rows t ON t.doc = ev.doc AND t.n = ev.timex"
     " LEFT JOIN terms tv ON tv.id = t.value"
     " WHERE " EVENT_MENTION_FILTER,
     "",
     "SELECT count(*) FROM " EVENT_MENTION_SEL
     " CROSS JOIN event_rows ev ON ev.doc = sel.doc AND ev.n = sel.event"
     " LEFT JOIN terms ty ON ty.id = ev.type"
     " LEFT JOIN timex_rows t ON t.doc = ev.doc AND t.n = ev.timex"
     " WHERE " EVENT_MENTION_FILTER},
    {"cooccurring",
     "SELECT e.name, e.type, count(*) AS events, e.key FROM event_entities x"
     " JOIN entities e ON e.id = x.entity"
     " WHERE x.event IN (SELECT event FROM event_entities WHERE entity IN target)"
     " AND x.entity NOT IN target GROUP BY x.entity",
     " ORDER BY events DESC, e.name", NULL},
};
#define NTABLES (sizeof tables / sizeof *tables)

bool el_store_table_known(const char *name)
{
    for (size_t i = 0; i < NTABLES; i++)
        if (strcmp(tables[i].name, name) == 0)
            return true;
    return false;
}

static const table *table_named(const char *name)
{
    for (size_t i = 0; i < NTABLES; i++)
        if (strcmp(tables[i].name, name) == 0)
            return &tables[i];
    return NULL;
}

/* ---- dates ----------------------------------------------------------------- */

static bool digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

bool el_store_parse_bound(const char *s, bool end, int64_t *minutes)
{
    size_t n = strlen(s);
    el_date d = {0, 1, 1};
    int h = 0, mi = 0;
    if ((n != 4 && n != 7 && n != 10 && n != 16) || !digits(s, 4, &d.year) || d.year < 1)
        return false;
    if (n >= 7 && (s[4] != '-' || !digits(s + 5, 2, &d.month) || d.month < 1 || d.month > 12))
        return false;
    if (n >= 10 && (s[7] != '-' || !digits(s + 8, 2, &d.day) || d.day < 1
                    || d.day > el_days_in_month(d.year, d.month)))
        return false;
    if (n == 16 && (s[10] != 'T' || !digits(s + 11, 2, &h) || h > 23 || s[13] != ':'
                    || !digits(s + 14, 2, &mi) || mi > 59))
        return false;
    if (end) {
        if (n == 4)
            d.year++;
        else if (n == 7)
            d = el_date_add_months(d, 1);
        else if (n == 10)
            d = el_date_add_days(d, 1);
    }
    *minutes = el_instant_from_date(d, h, mi) + (end && n == 16);
    return true;
}

/* ---- printing ---------------------------------------------------------------- */

static void print_row(sqlite3_stmt *st, el_query_format fmt, FILE *out, json_t *rows)
{
    int n = sqlite3_column_count(st);
    json_t *obj = fmt == EL_Q_JSON ? json_object() : NULL;
    for (int c = 0; c < n; c++) {
        const char *v = (const char *)sqlite3_column_text(st, c);
        int type = sqlite3_column_type(st, c);
        if (obj) {
            json_t *jv = type == SQLITE_INTEGER ? json_integer(sqlite3_column_int64(st, c))
                         : type == SQLITE_FLOAT ? json_real(sqlite3_column_double(st, c))
                         : v ? json_string(v) : json_null();
            json_object_set_new(obj, sqlite3_column_name(st, c), jv);
        } else if (fmt == EL_Q_CSV) {
            if (c)
                fputc(',', out);
            el_csv_field(out, v ? v : "");
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
                         bool first, long offset, long shown, long total)
{
    int n = sqlite3_column_count(st);
    if (fmt == EL_Q_JSON)
        return;
    if (fmt == EL_Q_TABLE) {
        if (!first)
            fputc('\n', out);
        if (shown < total)
            fprintf(out, "== %s: %ld-%ld of %ld (--limit, --offset for more) ==\n", name,
                    shown ? offset + 1 : offset, offset + shown, total);
        else
            fprintf(out, "== %s: %ld ==\n", name, total);
    }
    for (int c = 0; c < n; c++)
        fprintf(out, "%s%s", c ? (fmt == EL_Q_CSV ? "," : "\t") : "", sqlite3_column_name(st, c));
    fputc('\n', out);
}

/* ---- running a table ------------------------------------------------------------ */

typedef struct params {
    const char *name, *type;
    char lo[17], hi[17];
    int64_t lo_min, hi_min;
    bool range;
    long limit, offset;
} params;

static bool prep(el_store *s, const char *a, const char *b, const char *c, sqlite3_stmt **st,
                 char **err)
{
    el_buf sql = EL_BUF_INIT;
    el_buf_puts(&sql, TARGET);
    el_buf_puts(&sql, a);
    el_buf_puts(&sql, b);
    el_buf_puts(&sql, c);
    int rc = sqlite3_prepare_v2(s->db, sql.data, -1, st, NULL);
    el_buf_free(&sql);
    if (rc == SQLITE_OK)
        return true;
    return el_store_fail(s->db, "query failed", err);
}

static void bind(sqlite3_stmt *st, const params *p)
{
    int n = sqlite3_bind_parameter_count(st);
    for (int i = 1; i <= n; i++) {
        const char *pn = sqlite3_bind_parameter_name(st, i);
        int k = pn ? atoi(pn + 1) : i;
        if (k == 1 && p->name)
            sqlite3_bind_text(st, i, p->name, -1, SQLITE_STATIC);
        else if (k == 2 && p->type)
            sqlite3_bind_text(st, i, p->type, -1, SQLITE_STATIC);
        else if ((k == 3 || k == 4) && p->range)
            sqlite3_bind_text(st, i, k == 3 ? p->lo : p->hi, -1, SQLITE_STATIC);
        else if ((k == 5 || k == 6) && p->range)
            sqlite3_bind_int64(st, i, k == 5 ? p->lo_min : p->hi_min);
        else if (k == 7)
            sqlite3_bind_int64(st, i, p->limit > 0 ? p->limit : -1);
        else if (k == 8)
            sqlite3_bind_int64(st, i, p->offset);
        else
            sqlite3_bind_null(st, i);
    }
}

static bool count_rows(el_store *s, const table *t, const params *p, long *total, char **err)
{
    sqlite3_stmt *st;
    if (t->count ? !prep(s, t->count, "", "", &st, err)
                 : !prep(s, "SELECT count(*) FROM (", t->base, ")", &st, err))
        return false;
    bind(st, p);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    *total = ok ? (long)sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return ok ? true : el_store_fail(s->db, "query failed", err);
}

static bool run_table(el_store *s, const table *t, const params *p, el_query_format fmt,
                      FILE *out, json_t *root, bool first, char **err)
{
    long total;
    sqlite3_stmt *st;
    if (!count_rows(s, t, p, &total, err)
        || !prep(s, t->base, t->order, " LIMIT ?7 OFFSET ?8", &st, err))
        return false;
    bind(st, p);
    long left = total > p->offset ? total - p->offset : 0;
    long shown = p->limit > 0 && p->limit < left ? p->limit : left;
    json_t *rows = json_array();
    print_header(st, t->name, fmt, out, first, p->offset, shown, total);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        print_row(st, fmt, out, rows);
    sqlite3_finalize(st);
    if (fmt == EL_Q_JSON) {
        json_t *o = json_pack("{s:I, s:I, s:I, s:o}", "total", (json_int_t)total, "offset",
                              (json_int_t)p->offset, "limit", (json_int_t)p->limit, "rows", rows);
        json_object_set_new(root, t->name, o);
    } else {
        json_decref(rows);
    }
    if (fmt == EL_Q_CSV && shown < total)
        fprintf(stderr, "eventline: %s: rows %ld-%ld of %ld (--limit 0 for all, --offset)\n",
                t->name, shown ? p->offset + 1 : p->offset, p->offset + shown, total);
    return rc == SQLITE_DONE ? true : el_store_fail(s->db, "query failed", err);
}

/* Does the name match an entity? */
static bool known_entity(el_store *s, const params *p, char **err, bool *known)
{
    sqlite3_stmt *st;
    if (!prep(s, "SELECT 1 FROM target", "", " LIMIT 1", &st, err))
        return false;
    bind(st, p);
    int rc = sqlite3_step(st);
    *known = rc == SQLITE_ROW;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : el_store_fail(s->db, "query failed", err);
}

/* The tables a question prints by default. */
static size_t pick_tables(const el_query *q, const table **out)
{
    size_t n = 0;
    if (q->table) {
        out[n++] = table_named(q->table);
    } else if (q->events || q->type || q->from) {
        out[n++] = table_named("events");
    } else if (q->entity) {
        out[n++] = table_named("entities");
        out[n++] = table_named("mentions");
        if (q->cooccur)
            out[n++] = table_named("cooccurring");
    } else {
        out[n++] = table_named("cooccurring");
    }
    return n;
}

el_query_status el_store_query(el_store *s, const el_query *q, el_query_format fmt, FILE *out,
                               char **err)
{
    const table *chosen[4];
    size_t n = pick_tables(q, chosen);
    if (fmt == EL_Q_CSV)
        n = 1;   /* one table per invocation: a file pandas or csv can load */
    for (size_t i = 0; i < n; i++)
        if (!chosen[i]) {
            *err = el_strdup("unknown table");
            return EL_QS_ERROR;
        }
    params p = {0};
    p.type = q->type;
    p.limit = q->limit;
    p.offset = q->offset > 0 ? q->offset : 0;
    if (q->from && el_store_parse_bound(q->from, false, &p.lo_min)
        && el_store_parse_bound(q->to, true, &p.hi_min)) {
        p.range = true;
        el_instant_format(p.lo_min, p.lo);
        el_instant_format(p.hi_min, p.hi);
    }
    const char *who[2] = {q->entity, q->cooccur};
    for (int k = 0; k < 2; k++) {
        bool known;
        p.name = who[k];
        if (!who[k])
            continue;
        if (!known_entity(s, &p, err, &known))
            return EL_QS_ERROR;
        if (!known) {
            char msg[300];
            snprintf(msg, sizeof msg, "no entity named '%.200s' in the index", who[k]);
            *err = el_strdup(msg);
            return EL_QS_UNKNOWN_ENTITY;
        }
    }
    json_t *root = json_object();
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        bool co = strcmp(chosen[i]->name, "cooccurring") == 0;
        p.name = co && q->cooccur ? q->cooccur : q->entity;
        ok = run_table(s, chosen[i], &p, fmt, out, root, i == 0, err);
    }
    if (ok && fmt == EL_Q_JSON) {
        json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
        fputc('\n', out);
    }
    json_decref(root);
    return ok ? EL_QS_OK : EL_QS_ERROR;
}

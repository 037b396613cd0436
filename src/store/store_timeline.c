/* store_timeline.c - the corpus tables of the index: every stored document
 * is read back into the document model (text, tokens, and the annotation
 * layers as stored), the entity index and the event normalizer run over
 * them exactly as in `merge`, and the canonical events, their mentions,
 * participants, relations and timeline order replace the previous ones,
 * with the alias and count tables, in one transaction. */
#include "store/store.h"
#include "store/store_internal.h"
#include "model/corpus.h"
#include "timeline/timeline.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

enum { LD_DOCS, LD_TIMEX, LD_MENTION, LD_EVENT, LD_PART, LD_LINK, LD_COUNT };

static const char *const load_sql[LD_COUNT] = {
    [LD_DOCS] = "SELECT name, dct, dct_source, title, text FROM documents ORDER BY name",
    [LD_TIMEX] = "SELECT t.start, t.len, t.type, v.text, md.text, qu.text, fr.text, zo.text,"
                 " t.anchor, t.temporal_function, t.begin, t.end, t.granularity"
                 " FROM timex_rows t JOIN terms v ON v.id = t.value"
                 " LEFT JOIN terms md ON md.id = t.mod LEFT JOIN terms qu ON qu.id = t.quant"
                 " LEFT JOIN terms fr ON fr.id = t.freq LEFT JOIN terms zo ON zo.id = t.zone"
                 " WHERE t.doc = (SELECT id FROM documents WHERE name = ?1) ORDER BY t.n",
    [LD_MENTION] = "SELECT m.start, m.len, m.type, e.key, e.name, r.text, st.text"
                   " FROM mention_rows m JOIN entities e ON e.id = m.entity"
                   " LEFT JOIN terms r ON r.id = m.role LEFT JOIN terms st ON st.id = m.subtype"
                   " WHERE m.doc = (SELECT id FROM documents WHERE name = ?1) ORDER BY m.n",
    [LD_EVENT] = "SELECT ev.start, ev.len, ev.attrs, ty.text, le.text, mo.text, ev.timex,"
                 " ev.location, ev.confidence FROM event_rows ev"
                 " LEFT JOIN terms ty ON ty.id = ev.type LEFT JOIN terms le ON le.id = ev.lemma"
                 " LEFT JOIN terms mo ON mo.id = ev.modality"
                 " WHERE ev.doc = (SELECT id FROM documents WHERE name = ?1) ORDER BY ev.n",
    [LD_PART] = "SELECT event, mention FROM participant_rows"
                " WHERE doc = (SELECT id FROM documents WHERE name = ?1) ORDER BY event, mention",
    [LD_LINK] = "SELECT l.kinds, l.from_n, l.to_n, ty.text, ev.text FROM link_rows l"
                " JOIN terms ty ON ty.id = l.type LEFT JOIN terms ev ON ev.id = l.evidence"
                " WHERE l.doc = (SELECT id FROM documents WHERE name = ?1) ORDER BY l.n",
};

typedef struct loader {
    sqlite3_stmt *st[LD_COUNT];
    const el_abbrevs *ab;
    uint32_t *cp2b;   /* code point -> byte offset of the current document (NULL: ASCII) */
} loader;

static const char *col_text(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

/* Byte span and token range of the stored code-point span; false if it
 * does not fit the text. */
static bool span(const el_doc *d, const loader *ld, sqlite3_stmt *st, uint32_t *b, uint32_t *e,
                 uint32_t *tb, uint32_t *te)
{
    int64_t cs = sqlite3_column_int64(st, 0), cl = sqlite3_column_int64(st, 1);
    if (cs < 0 || cl < 0 || (uint64_t)(cs + cl) > d->ncp)
        return false;
    *b = ld->cp2b ? ld->cp2b[cs] : (uint32_t)cs;
    *e = ld->cp2b ? ld->cp2b[cs + cl] : (uint32_t)(cs + cl);
    size_t lo = 0, hi = d->ntokens;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tokens[mid].end <= *b)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t t = lo;
    while (t < d->ntokens && d->tokens[t].start < *e)
        t++;
    *tb = (uint32_t)lo;
    *te = (uint32_t)(t > lo ? t : lo + (lo < d->ntokens));
    return true;
}

static bool load_timexes(el_doc *d, loader *ld)
{
    sqlite3_stmt *st = ld->st[LD_TIMEX];
    bool ok = true;
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        uint32_t b, e, tb, te;
        if (!(ok = span(d, ld, st, &b, &e, &tb, &te)))
            break;
        el_timex *t = el_doc_add_timex(d, tb, te);
        t->start = b;
        t->end = e;
        t->type = (el_timex_type)(sqlite3_column_int(st, 2) & 3);
        snprintf(t->value, sizeof t->value, "%s", col_text(st, 3));
        snprintf(t->mod, sizeof t->mod, "%s", col_text(st, 4));
        snprintf(t->quant, sizeof t->quant, "%s", col_text(st, 5));
        snprintf(t->freq, sizeof t->freq, "%s", col_text(st, 6));
        snprintf(t->zone, sizeof t->zone, "%s", col_text(st, 7));
        t->anchor = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 8) - 1;
        t->temporal_function = sqlite3_column_int(st, 9) != 0;
        if (sqlite3_column_type(st, 10) != SQLITE_NULL) {
            t->iv.begin = sqlite3_column_int64(st, 10);
            t->iv.end = sqlite3_column_int64(st, 11);
            t->iv.gran = (el_gran)sqlite3_column_int(st, 12);
        }
    }
    sqlite3_reset(st);
    return ok;
}

static bool load_mentions(el_doc *d, loader *ld)
{
    sqlite3_stmt *st = ld->st[LD_MENTION];
    bool ok = true;
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        uint32_t b, e, tb, te;
        if (!(ok = span(d, ld, st, &b, &e, &tb, &te)))
            break;
        int type = sqlite3_column_int(st, 2);
        el_mention *m = el_doc_add_mention(d, tb, te,
                                           type >= 0 && type <= EL_ENT_OTHER ? (el_ent_type)type
                                                                            : EL_ENT_OTHER,
                                           col_text(st, 3), col_text(st, 4));
        m->start = b;
        m->end = e;
        if (sqlite3_column_type(st, 5) != SQLITE_NULL)
            m->role = el_doc_str(d, col_text(st, 5));
        if (sqlite3_column_type(st, 6) != SQLITE_NULL)
            m->subtype = el_doc_str(d, col_text(st, 6));
    }
    sqlite3_reset(st);
    return ok;
}

static const char *opt_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static bool load_events(el_doc *d, loader *ld)
{
    sqlite3_stmt *st = ld->st[LD_EVENT];
    bool ok = true;
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        uint32_t b, e, tb, te;
        if (!(ok = span(d, ld, st, &b, &e, &tb, &te)))
            break;
        int a = sqlite3_column_int(st, 2);
        int cls = EL_ATTR_CLASS(a), tense = EL_ATTR_TENSE(a);
        el_event_mention *ev = el_doc_add_event(
            d, tb, te, cls <= EL_EV_PERCEPTION ? (el_event_class)cls : EL_EV_OCCURRENCE,
            opt_text(st, 3), opt_text(st, 4));
        ev->start = b;
        ev->end = e;
        ev->tense = tense <= EL_TENSE_PASTPART ? (el_tense)tense : EL_TENSE_NONE;
        ev->aspect = (el_aspect)EL_ATTR_ASPECT(a);
        ev->negated = (a & EL_ATTR_NEG) != 0;
        ev->intensional = (a & EL_ATTR_INTENS) != 0;
        if (sqlite3_column_type(st, 5) != SQLITE_NULL)
            ev->modality = el_doc_str(d, col_text(st, 5));
        int tx = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 6) - 1;
        int loc = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 7) - 1;
        ev->timex = tx < (int)d->ntimexes ? tx : -1;
        ev->location = loc < (int)d->nmentions ? loc : -1;
        ev->confidence = (float)sqlite3_column_int(st, 8) / 10000.0f;
    }
    sqlite3_reset(st);
    sqlite3_stmt *p = ld->st[LD_PART];
    while (ok && sqlite3_step(p) == SQLITE_ROW) {
        int64_t ev = sqlite3_column_int64(p, 0) - 1, m = sqlite3_column_int64(p, 1) - 1;
        if (ev >= 0 && (size_t)ev < d->nevents && m >= 0 && (size_t)m < d->nmentions)
            el_event_add_participant(d, &d->events[ev], (int)m);
    }
    sqlite3_reset(p);
    return ok;
}

static void load_links(el_doc *d, loader *ld)
{
    sqlite3_stmt *st = ld->st[LD_LINK];
    while (sqlite3_step(st) == SQLITE_ROW) {
        int k = sqlite3_column_int(st, 0);
        el_node_kind fk = (el_node_kind)((k >> 2) & 3), tk = (el_node_kind)((k >> 4) & 3);
        int from = sqlite3_column_int(st, 1) - 1, to = sqlite3_column_int(st, 2) - 1;
        size_t nf = fk == EL_NODE_EVENT ? d->nevents : d->ntimexes;
        size_t nt = tk == EL_NODE_EVENT ? d->nevents : d->ntimexes;
        el_reltype type;
        if ((k & 3) > EL_LINK_ALINK || fk > EL_NODE_DCT || tk > EL_NODE_DCT
            || (fk != EL_NODE_DCT && (from < 0 || (size_t)from >= nf))
            || (tk != EL_NODE_DCT && (to < 0 || (size_t)to >= nt))
            || !el_reltype_parse(col_text(st, 3), &type))
            continue;
        el_doc_add_link(d, (el_link_kind)(k & 3), fk, fk == EL_NODE_DCT ? -1 : from, tk,
                        tk == EL_NODE_DCT ? -1 : to, type, opt_text(st, 4));
    }
    sqlite3_reset(st);
}

/* The code point -> byte table of a non-ASCII text. */
static uint32_t *cp_table(const el_doc *d)
{
    if (d->ncp == d->len)
        return NULL;
    uint32_t *t = el_malloc((d->ncp + 1) * sizeof *t);
    size_t c = 0;
    for (size_t b = 0; b < d->len; b++)
        if (((unsigned char)d->text[b] & 0xC0) != 0x80)
            t[c++] = (uint32_t)b;
    t[c] = (uint32_t)d->len;
    return t;
}

/* One stored document (the current row of LD_DOCS), NULL if its rows do
 * not fit its text. */
static el_doc *load_doc(loader *ld)
{
    sqlite3_stmt *st = ld->st[LD_DOCS];
    const char *name = col_text(st, 0);
    size_t len = (size_t)sqlite3_column_bytes(st, 4);
    el_doc *d = el_doc_new(name, NULL, el_strndup(col_text(st, 4), len), len);
    el_date dct;
    if (el_date_parse(col_text(st, 1), &dct)) {
        d->dct = dct;
        d->dct_source = (el_dct_source)(sqlite3_column_int(st, 2) & 7);
    }
    if (sqlite3_column_type(st, 3) != SQLITE_NULL)
        d->title = el_strdup(col_text(st, 3));
    el_tokenize(d, ld->ab);
    ld->cp2b = cp_table(d);
    for (int i = LD_TIMEX; i < LD_COUNT; i++)
        sqlite3_bind_text(ld->st[i], 1, d->id, -1, SQLITE_STATIC);
    bool ok = load_timexes(d, ld) && load_mentions(d, ld) && load_events(d, ld);
    if (ok)
        load_links(d, ld);
    free(ld->cp2b);
    ld->cp2b = NULL;
    if (!ok) {
        el_doc_free(d);
        return NULL;
    }
    el_doc_fit(d);
    return d;
}

static bool load_corpus(el_store *s, el_corpus *c, const el_abbrevs *ab, char **err)
{
    loader ld = {.ab = ab};
    bool ok = true;
    for (int i = 0; i < LD_COUNT && ok; i++)
        ok = sqlite3_prepare_v2(s->db, load_sql[i], -1, &ld.st[i], NULL) == SQLITE_OK;
    int rc = SQLITE_DONE;
    while (ok && (rc = sqlite3_step(ld.st[LD_DOCS])) == SQLITE_ROW) {
        el_doc *d = load_doc(&ld);
        if (d)   /* a document whose rows do not fit its text stays out */
            el_corpus_add(c, d);
    }
    if (!ok || rc != SQLITE_DONE)
        el_store_fail(s->db, "cannot read the stored documents", err);
    for (int i = 0; i < LD_COUNT; i++)
        sqlite3_finalize(ld.st[i]);
    return ok && rc == SQLITE_DONE;
}

/* ---- writing the corpus tables ------------------------------------------ */

static bool exec_all(el_store *s, const char *sql, char **err)
{
    return el_store_exec(s, sql, err);
}

static bool prepare(el_store *s, const char *sql, sqlite3_stmt **st, char **err)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) == SQLITE_OK)
        return true;
    return el_store_fail(s->db, "cannot prepare statement", err);
}

static bool done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE;
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Row ids of the corpus's documents and entities. */
static bool map_ids(el_store *s, const el_corpus *c, int64_t *docs, int64_t *ents, char **err)
{
    sqlite3_stmt *f;
    if (!prepare(s, "SELECT id FROM documents WHERE name = ?1", &f, err))
        return false;
    for (size_t i = 0; i < c->ndocs; i++) {
        sqlite3_bind_text(f, 1, c->docs[i]->id, -1, SQLITE_STATIC);
        docs[i] = sqlite3_step(f) == SQLITE_ROW ? sqlite3_column_int64(f, 0) : 0;
        sqlite3_reset(f);
    }
    sqlite3_finalize(f);
    for (size_t i = 0; i < c->nentities; i++) {
        const el_entity *e = &c->entities[i];
        if (!(ents[i] = el_store_entity(s, e->key, e->name, el_ent_type_name(e->type))))
            return el_store_fail(s->db, "cannot store an entity", err);
    }
    return true;
}

static bool put_event(el_store *s, sqlite3_stmt *st, const el_corpus *c, size_t i, long pos,
                      const int64_t *docs, const int64_t *ents)
{
    const el_event *v = &c->events[i];
    char b[17], e[17];
    bool timed = v->iv.end > v->iv.begin;
    sqlite3_bind_int64(st, 1, (int64_t)i + 1);
    sqlite3_bind_text(st, 2, v->id, -1, SQLITE_TRANSIENT);
    if (pos >= 0)
        sqlite3_bind_int64(st, 3, pos + 1);
    else
        sqlite3_bind_null(st, 3);
    bind_str(st, 4, v->type);
    bind_str(st, 5, v->label);
    bind_str(st, 6, v->value);
    bind_str(st, 7, v->end_value);
    if (timed) {
        el_instant_format(v->iv.begin, b);
        el_instant_format(v->iv.end, e);
    }
    bind_str(st, 8, timed ? b : NULL);
    bind_str(st, 9, timed ? e : NULL);
    bind_str(st, 10, timed ? el_gran_name(v->iv.gran) : NULL);
    if (v->location >= 0)
        sqlite3_bind_int64(st, 11, ents[v->location]);
    else
        sqlite3_bind_null(st, 11);
    sqlite3_bind_double(st, 12, (double)v->confidence);
    sqlite3_bind_int(st, 13, v->factual);
    sqlite3_bind_int64(st, 14, (int64_t)v->nmentions);
    if (v->has_time_source) {
        sqlite3_bind_int64(st, 15, docs[v->time_source.doc]);
        sqlite3_bind_int64(st, 16, (int64_t)v->time_source.ev + 1);
    } else {
        sqlite3_bind_null(st, 15);
        sqlite3_bind_null(st, 16);
    }
    sqlite3_bind_int(st, 17, v->time_from_report);
    return done(st);
}

static bool put_events(el_store *s, const el_corpus *c, const int64_t *docs, const int64_t *ents,
                       char **err)
{
    sqlite3_stmt *ev = NULL, *mem = NULL, *par = NULL, *rel = NULL;
    long *pos = el_malloc((c->nevents + 1) * sizeof *pos);
    for (size_t i = 0; i < c->nevents; i++)
        pos[i] = -1;
    for (size_t k = 0; k < c->ntimeline; k++)
        pos[c->timeline[k]] = (long)k;
    bool ok = prepare(s, "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                         " ?11, ?12, ?13, ?14, ?15, ?16, ?17)", &ev, err)
              && prepare(s, "INSERT OR IGNORE INTO event_members VALUES (?2, ?3, ?1)", &mem, err)
              && prepare(s, "INSERT OR IGNORE INTO event_entities VALUES (?1, ?2)", &par, err)
              && prepare(s, "INSERT INTO relations VALUES (?1, ?2, ?3, ?4, ?5)", &rel, err);
    for (size_t i = 0; ok && i < c->nevents; i++) {
        const el_event *v = &c->events[i];
        ok = put_event(s, ev, c, i, pos[i], docs, ents);
        for (size_t k = 0; ok && k < v->nmentions; k++) {
            sqlite3_bind_int64(mem, 1, (int64_t)i + 1);
            sqlite3_bind_int64(mem, 2, docs[v->mentions[k].doc]);
            sqlite3_bind_int64(mem, 3, (int64_t)v->mentions[k].ev + 1);
            ok = done(mem);
        }
        for (size_t k = 0; ok && k < v->nparticipants; k++) {
            sqlite3_bind_int64(par, 1, ents[v->participants[k]]);
            sqlite3_bind_int64(par, 2, (int64_t)i + 1);
            ok = done(par);
        }
    }
    for (size_t i = 0; ok && i < c->nrelations; i++) {
        const el_relation *r = &c->relations[i];
        sqlite3_bind_int64(rel, 1, (int64_t)r->from + 1);
        sqlite3_bind_int64(rel, 2, (int64_t)r->to + 1);
        sqlite3_bind_text(rel, 3, el_reltype_name(r->type), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(rel, 4, r->inferred);
        bind_str(rel, 5, r->evidence);
        ok = done(rel);
    }
    if (!ok && !*err)
        el_store_fail(s->db, "cannot store the canonical events", err);
    sqlite3_finalize(ev);
    sqlite3_finalize(mem);
    sqlite3_finalize(par);
    sqlite3_finalize(rel);
    free(pos);
    return ok;
}

static const char clear_sql[] =
    "DELETE FROM relations; DELETE FROM event_entities; DELETE FROM event_members;"
    " DELETE FROM events; DELETE FROM aliases; DELETE FROM entity_roles;";

static const char counts_sql[] =
    "INSERT INTO aliases SELECT surface, entity, count(*) FROM mention_rows"
    " WHERE subtype IS NULL OR subtype NOT IN"
    "  (SELECT id FROM terms WHERE text IN ('pronoun', 'nominal'))"
    " GROUP BY surface, entity;"
    "INSERT INTO entity_roles SELECT entity, role, count(*) FROM mention_rows"
    " WHERE role IS NOT NULL GROUP BY entity, role;"
    "UPDATE entities SET"
    " mentions = (SELECT count(*) FROM mention_rows m WHERE m.entity = entities.id),"
    " documents = (SELECT count(DISTINCT doc) FROM mention_rows m WHERE m.entity = entities.id),"
    " events = (SELECT count(*) FROM event_entities x WHERE x.entity = entities.id);";

static int64_t document_count(el_store *s)
{
    sqlite3_stmt *st;
    int64_t n = -1;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM documents", -1, &st, NULL) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

int64_t el_store_document_count(el_store *s)
{
    return document_count(s);
}

bool el_store_rebuild(el_store *s, el_corpus *run, const el_abbrevs *ab,
                      const el_trigger_lexicon *types, char **err)
{
    *err = NULL;
    if (!el_store_begin(s, err))
        return false;
    /* The run's own documents are the whole store only when the count says
     * so (a fresh database, no id given twice, no other writer). */
    el_corpus *c = run && document_count(s) == (int64_t)run->ndocs ? run : el_corpus_new();
    bool ok = c == run || load_corpus(s, c, ab, err);
    int64_t *docs = NULL, *ents = NULL;
    if (ok) {
        el_corpus_sort_docs(c);
        el_corpus_link_entities(c);
        el_timeline_build_ex(c, types);
        docs = el_calloc(c->ndocs + 1, sizeof *docs);
        ents = el_calloc(c->nentities + 1, sizeof *ents);
        ok = exec_all(s, clear_sql, err) && map_ids(s, c, docs, ents, err)
             && put_events(s, c, docs, ents, err) && exec_all(s, counts_sql, err);
    }
    free(docs);
    free(ents);
    if (c != run)
        el_corpus_free(c);
    if (ok)
        return el_store_commit(s, err);
    el_store_rollback(s);
    return false;
}

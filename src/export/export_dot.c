/* export_dot.c - the timeline graph as DOT, built with cgraph, laid on a
 * time axis, and rendered to SVG/PNG/PDF through gvc.
 *
 * Dated events sit in period boxes (year, month, ISO week or day, as their
 * values say; days become months when there are many) ordered left to
 * right; inside a period, events with the same time share a column, columns
 * in time order.  An invisible chain of edges between the columns' first
 * nodes is the only thing that sets the ranks: relation edges are drawn
 * with constraint=false, so nothing can pull a node off the axis.  Undated
 * events (those a relation ties to a dated one, or all with
 * el_dot_options.undated) get their own box after the last period.
 * Relation edges are the asserted ones, AFTER/IS_INCLUDED turned round into
 * BEFORE/INCLUDES, the transitive reduction of the BEFORE edges; a pair with
 * contradictory relations, a BEFORE against the dates, or one from an
 * undated event (drawn last) to a dated one, is not drawn but listed in a
 * note.  With el_dot_options.entities each participant gets a
 * lane (a row) instead, and an axis row of period ticks sets the columns;
 * a long axis wraps into rows of about a dozen columns, each row with its
 * own ticks and repeating the lanes that have events in it.
 * Labels are escaped for Graphviz (a backslash is "\\"), so every label
 * parses back to the text it shows.  Object ids are given in creation
 * order, so the DOT text is the same on every run. */
#include "export/export.h"
#include "export/render.h"
#include "base/buf.h"
#include "base/hashmap.h"
#include "base/util.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

/* ---- deterministic object ids -------------------------------------------
 * cgraph keeps nodes and subgraphs ordered by id, and its default ids are
 * string addresses, which vary from run to run.  This discipline numbers
 * names in creation order instead, so the DOT text is the same every run. */
typedef struct name_ids {
    Agraph_t *g;
    char **names; size_t n, cap;   /* id 2k+2 <-> names[k] (cgraph refstrs, freed with g) */
    el_hashmap map;                /* name hash -> name index */
    IDTYPE anon;
} name_ids;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    name_ids *t = el_calloc(1, sizeof *t);
    t->g = g;
    t->anon = 1;
    return t;
}

/* The index of name s + 1, 0 if it has none. */
static size_t ids_find(const name_ids *t, const char *s, uint32_t h)
{
    el_hashmap_probe p = el_hashmap_find(&t->map, h);
    for (uint32_t k; el_hashmap_next(&t->map, &p, &k);)
        if (strcmp(t->names[k], s) == 0)
            return (size_t)k + 1;
    return 0;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    name_ids *t = state;
    (void)objtype;
    if (!str) {
        *id = t->anon;
        t->anon += 2;
        return 1;
    }
    uint32_t h = el_hash(str, strlen(str));
    size_t k = ids_find(t, str, h);
    if (!k) {
        if (!createflag)
            return 0;
        EL_PUSH(t->names, t->n, t->cap) = agstrdup(t->g, str);
        el_hashmap_put(&t->map, h, (uint32_t)(t->n - 1));
        k = t->n;
    }
    *id = (IDTYPE)(2 * k);
    return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state; (void)objtype; (void)id;
    return 0;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state; (void)objtype; (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    name_ids *t = state;
    (void)objtype;
    return id % 2 == 0 && id >= 2 && (size_t)(id / 2) <= t->n ? t->names[id / 2 - 1] : NULL;
}

static void ids_close(void *state)
{
    name_ids *t = state;
    free(t->names);
    el_hashmap_free(&t->map);
    free(t);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state; (void)objtype; (void)obj;
}

static Agiddisc_t creation_order_ids = {ids_open, ids_map, ids_alloc, ids_free, ids_print,
                                        ids_close, ids_register};

static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* ---- labels: Graphviz escString text ----------------------------------- */

/* Append s as escString text: a backslash doubled (so "\\N", "\\n", "\\"
 * never act), control characters as spaces; words wrapped at `width`
 * columns with "\\n" (0: no wrapping). */
static void put_esc(el_buf *b, const char *s, size_t width)
{
    size_t col = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' && width && col >= width) {
            el_buf_puts(b, "\\n");
            col = 0;
            continue;
        }
        if (*p == '\\')
            el_buf_puts(b, "\\\\");
        else
            el_buf_putc(b, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
        col += (*p & 0xC0) != 0x80;
    }
}

static void set_esc(void *obj, const char *name, const char *text, size_t width)
{
    el_buf b = EL_BUF_INIT;
    put_esc(&b, text, width);
    char *s = el_buf_detach(&b, NULL);
    set(obj, name, s ? s : "");
    free(s);
}

/* ---- periods ------------------------------------------------------------ */

typedef struct period {
    char key[24];          /* "2022", "2023-02", "2022-W49", "2023-06-19" */
    int64_t begin, end;
} period;

typedef struct dnode {
    size_t ev;             /* event index */
    int period;            /* index into the sorted periods, -1 undated */
    int col;               /* column on the axis (dated), -1 undated */
    Agnode_t *n;
} dnode;

/* The period an event's value falls in: its year, month or ISO week, or its
 * day for finer values (the month when `months`).  A value inside a year
 * that does not start with it (a season, a quarter, a half, or the rest of
 * a year after the report: "2025-FA", "2022-Q4") goes to the month it
 * starts in, so that its box is not drawn before months it comes after;
 * so does an ISO week when days are drawn as months. */
static void period_key(const el_event *v, bool months, char *key, size_t cap)
{
    el_gran g = v->iv.gran;
    size_t n = strlen(v->value);
    if (g == EL_GRAN_WEEK && n >= 8)
        n = 8;
    else if (g >= EL_GRAN_DAY && n >= 10)
        n = months ? 7 : 10;
    else if (g == EL_GRAN_MONTH && n >= 7)
        n = 7;
    else if (g >= EL_GRAN_YEAR && n >= 4)
        n = 4;
    snprintf(key, cap, "%.*s", (int)n, v->value);
    el_interval year;
    bool part_of_year = n == 4 && g >= EL_GRAN_YEAR && g < EL_GRAN_MONTH &&
                        el_value_interval(key, &year) && v->iv.begin > year.begin;
    if (part_of_year || (months && g == EL_GRAN_WEEK)) {   /* weeks among months too */
        el_date d = el_days_to_date(v->iv.begin / 1440);
        snprintf(key, cap, "%04d-%02d", d.year, d.month);
    }
}

static int cmp_period(const void *a, const void *b)
{
    const period *x = a, *y = b;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;   /* the wider period first */
    return strcmp(x->key, y->key);
}

static bool is_dated(const el_event *v)
{
    return v->value[0] && v->iv.end > v->iv.begin;
}

/* Distinct periods of the drawn dated events, sorted. */
static period *collect_periods(const el_corpus *c, const bool *drawn, bool months, size_t *np)
{
    period *p = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < c->nevents; i++) {
        if (!drawn[i] || !is_dated(&c->events[i]))
            continue;
        char key[24];
        period_key(&c->events[i], months, key, sizeof key);
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strcmp(p[k].key, key) == 0;
        el_interval iv;
        if (seen)
            continue;
        if (!el_value_interval(key, &iv))
            iv = c->events[i].iv;
        period *q = &EL_PUSH(p, n, cap);
        el_copy_str(q->key, sizeof q->key, key);
        q->begin = iv.begin;
        q->end = iv.end;
    }
    if (n)
        qsort(p, n, sizeof *p, cmp_period);
    *np = n;
    return p;
}

static int period_index(const period *p, size_t np, const char *key)
{
    for (size_t k = 0; k < np; k++)
        if (strcmp(p[k].key, key) == 0)
            return (int)k;
    return -1;
}

/* More than this many day periods: draw months instead. */
enum { MAX_DAY_PERIODS = 30 };

static size_t count_day_periods(const period *p, size_t np)
{
    size_t n = 0;
    for (size_t k = 0; k < np; k++)
        n += strlen(p[k].key) == 10;
    return n;
}

/* ---- which events ---------------------------------------------------------- */

/* Typed events: dated ones, and undated ones that an asserted relation ties
 * to a dated one (directly), or every one when `all`; then the filters. */
static bool *drawn_events(const el_corpus *c, const el_dot_options *opt, long *nkept)
{
    bool all = opt && opt->undated;
    bool *drawn = el_view_typed(c, all);
    for (size_t i = 0; i < c->nrelations; i++) {
        const el_relation *r = &c->relations[i];
        if (r->inferred)
            continue;
        if (is_dated(&c->events[r->from]) && c->events[r->to].type)
            drawn[r->to] = true;
        if (is_dated(&c->events[r->to]) && c->events[r->from].type)
            drawn[r->from] = true;
    }
    *nkept = el_view_select(c, opt ? &opt->filter : NULL, drawn);
    return drawn;
}

static int cmp_dnode_ctx(const dnode *x, const dnode *y, const el_corpus *c)
{
    if (x->period != y->period)
        return x->period < y->period ? -1 : 1;
    const el_interval *a = &c->events[x->ev].iv, *b = &c->events[y->ev].iv;
    if (a->begin != b->begin)
        return a->begin < b->begin ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return x->ev < y->ev ? -1 : x->ev > y->ev;
}

/* Insertion sort keeps it simple and stable; drawings hold few nodes. */
static void sort_dnodes(dnode *d, size_t n, const el_corpus *c)
{
    for (size_t i = 1; i < n; i++) {
        dnode t = d[i];
        size_t k = i;
        while (k > 0 && cmp_dnode_ctx(&t, &d[k - 1], c) < 0) {
            d[k] = d[k - 1];
            k--;
        }
        d[k] = t;
    }
}

/* The drawn events, dated first (period, then time order: columns), then
 * the undated ones in event order. */
static dnode *layout_nodes(const el_corpus *c, const bool *drawn, const period *p, size_t np,
                           bool months, size_t *nd)
{
    dnode *d = el_calloc(c->nevents + 1, sizeof *d);
    size_t n = 0;
    for (size_t i = 0; i < c->nevents; i++) {
        if (!drawn[i])
            continue;
        char key[24];
        period_key(&c->events[i], months, key, sizeof key);
        d[n++] = (dnode){i, is_dated(&c->events[i]) ? period_index(p, np, key) : INT32_MAX, -1,
                         NULL};
    }
    sort_dnodes(d, n, c);
    int col = -1;
    for (size_t k = 0; k < n && d[k].period != INT32_MAX; k++) {
        const el_interval *a = &c->events[d[k].ev].iv;
        const el_interval *b = k ? &c->events[d[k - 1].ev].iv : NULL;
        if (!b || d[k].period != d[k - 1].period || a->begin != b->begin || a->end != b->end)
            col++;
        d[k].col = col;
    }
    for (size_t k = 0; k < n; k++)
        if (d[k].period == INT32_MAX)
            d[k].period = -1;
    *nd = n;
    return d;
}

/* ---- the graph ------------------------------------------------------------ */

typedef struct dot_build {
    const el_corpus *c;
    Agraph_t *g;
    period *p; size_t np;
    dnode *d; size_t nd;
    int ncols;
    Agnode_t **node_of;    /* per event, NULL when not drawn */
    int *col_of;           /* per event: column, -1 undated or not drawn */
    int row;               /* the row being drawn (a long axis wraps into rows) */
    int *row_of;           /* per event: its row */
    size_t cross_rows;     /* relations between rows, not drawn */
    el_buf notes;          /* conflicts, for the note box */
    size_t nnotes;
    size_t report_dated;   /* nodes dated only by the report date (drawn grey) */
    size_t label_width;    /* a node label wraps after this many characters */
} dot_build;

static void period_label(const period *p, char *out, size_t cap)
{
    el_value_words(p->key, out, cap);   /* "week 49 of 2022 (5-11 Dec)", "June 2023" */
}

static Agraph_t *sub(Agraph_t *parent, const char *fmt, long k)
{
    char name[64];
    snprintf(name, sizeof name, fmt, k);
    return agsubg(parent, name, 1);
}

static void cluster_style(Agraph_t *sg, const char *label)
{
    set_esc(sg, "label", label, 0);
    set(sg, "style", "rounded");
    set(sg, "color", "gray60");
    set(sg, "labeljust", "l");
}

/* Tooltip: the reporting sentence and its source; link: the source URL. */
static void describe(const dot_build *b, Agnode_t *n, const el_event *v)
{
    if (!v->nmentions)
        return;
    char sentence[400], source[200];
    el_view_sentence(b->c, v->mentions[0], sentence, sizeof sentence);
    const el_doc *doc = b->c->docs[v->mentions[0].doc];
    el_view_doc_headline(doc, source, sizeof source);
    const char *from = el_view_provenance(v);
    char *tip = el_strdupf("%s\n(%s%s)%s%s", sentence, source,
                           v->nmentions > 1 ? ", and more" : "", from ? "\nDate from " : "",
                           from ? from : "");
    set_esc(n, "tooltip", tip, 0);
    free(tip);
    const char *url = el_view_doc_url(doc);
    if (url) {
        set_esc(n, "URL", url, 0);
        set(n, "target", "_blank");
    }
}

static Agnode_t *event_node(dot_build *b, Agraph_t *sg, const dnode *dn)
{
    const el_event *v = &b->c->events[dn->ev];
    Agnode_t *n = agnode(sg, (char *)v->id, 1);
    char words[96], headline[256];
    el_view_headline(b->c, v, headline, sizeof headline);
    el_value_words(v->value, words, sizeof words);
    el_buf lb = EL_BUF_INIT;
    if (v->value[0] && dn->period >= 0 && strcmp(b->p[dn->period].key, v->value) != 0) {
        put_esc(&lb, words, 0);   /* finer than its period box says */
        el_buf_puts(&lb, "\\n");
    }
    put_esc(&lb, headline, b->label_width);
    char *esc = el_buf_detach(&lb, NULL);
    set(n, "label", esc);
    free(esc);
    describe(b, n, v);
    if (!v->factual)
        set(n, "style", "rounded,dashed");
    if (el_view_report_dated(v)) {   /* on the report's day, no date of its own */
        set(n, "style", "rounded,dashed");
        set(n, "color", "gray50");
        set(n, "fontcolor", "gray30");
        b->report_dated++;
    }
    char num[24];
    snprintf(num, sizeof num, "%d", dn->period);
    set(n, "el_period", num);
    snprintf(num, sizeof num, "%d", b->row);
    set(n, "el_row", num);
    b->row_of[dn->ev] = b->row;
    b->node_of[dn->ev] = n;
    b->col_of[dn->ev] = dn->col;
    return n;
}

static Agedge_t *invisible_edge(Agraph_t *g, Agnode_t *a, Agnode_t *z, const char *weight)
{
    Agedge_t *e = agedge(g, a, z, NULL, 1);
    set(e, "style", "invis");
    set(e, "weight", weight);
    return e;
}

/* A row of the drawing holds at least this many columns; the next period
 * box after them starts a new row below (a long axis wraps like text). */
enum { ROW_COLUMNS = 8 };

/* Rows: an invisible head node per row, the heads in one rank (so each
 * row's chain starts at the left edge) and chained top to bottom (a flat
 * edge in a left-to-right drawing orders its rank downwards). */
static void draw_row_heads(dot_build *b, Agnode_t **row_first)
{
    Agraph_t *heads = sub(b->g, "row_heads%ld", 0);
    set(heads, "rank", "same");
    Agnode_t *prev = NULL;
    for (int r = 0; r <= b->row; r++) {
        char name[32];
        snprintf(name, sizeof name, "row_h%d", r);
        Agnode_t *h = agnode(heads, name, 1);
        set(h, "shape", "plaintext");
        set(h, "style", "invis");
        set(h, "width", "0.1");
        invisible_edge(b->g, h, row_first[r], "10");
        if (prev)
            invisible_edge(b->g, prev, h, "10");
        prev = h;
    }
}

/* Period boxes, one rank=same column per time inside, chained left to
 * right; a long axis wraps into rows, each chain starting at its row's
 * head. */
static Agnode_t *draw_periods(dot_build *b)
{
    Agraph_t *box = NULL, *column = NULL;
    Agnode_t *first = NULL, *prev = NULL;
    int row_start = 0;   /* the row's first column */
    Agnode_t **row_first = el_calloc((size_t)b->ncols + 1, sizeof *row_first);
    for (size_t k = 0; k < b->nd && b->d[k].period >= 0; k++) {
        const dnode *dn = &b->d[k];
        if (!k || dn->period != b->d[k - 1].period) {
            char label[160];
            if (dn->col - row_start >= ROW_COLUMNS) {
                b->row++;
                row_start = dn->col;
                first = NULL;   /* the new row hangs from its head */
            }
            box = sub(b->g, "cluster_p%ld", dn->period);
            period_label(&b->p[dn->period], label, sizeof label);
            cluster_style(box, label);
        }
        bool new_col = !k || dn->col != b->d[k - 1].col;
        if (new_col) {
            column = sub(box, "col%ld", dn->col);
            set(column, "rank", "same");
        }
        Agnode_t *n = event_node(b, column, dn);
        if (new_col) {
            if (first)
                invisible_edge(b->g, first, n, "10");
            else
                row_first[b->row] = n;
            first = n;
        }
        prev = first;
    }
    if (b->row)
        draw_row_heads(b, row_first);
    free(row_first);
    return prev;
}

/* A lanes drawing's row holds at least LANE_ROW_COLUMNS columns (ticks
 * are narrower than period boxes, so more fit a row) and breaks at the
 * next period; a long period breaks after LANE_ROW_MAX columns. */
enum { LANE_ROW_COLUMNS = 12, LANE_ROW_MAX = 14 };

/* Per column, its row.  Returns the number of rows. */
static int lane_rows(const dot_build *b, int *row_of_col)
{
    int row = 0, row_start = 0;
    for (size_t k = 0; k < b->nd && b->d[k].period >= 0; k++) {
        const dnode *dn = &b->d[k];
        bool new_period = k && dn->period != b->d[k - 1].period;
        bool new_col = k && dn->col != b->d[k - 1].col;
        if ((new_period && dn->col - row_start >= LANE_ROW_COLUMNS) ||
            (new_col && dn->col - row_start >= LANE_ROW_MAX)) {
            row++;
            row_start = dn->col;
        }
        row_of_col[dn->col] = row;
    }
    return row + 1;
}

static Agnode_t *axis_tick(Agraph_t *axis, const char *fmt, long k)
{
    char name[32];
    snprintf(name, sizeof name, fmt, k);
    Agnode_t *t = agnode(axis, name, 1);
    set(t, "shape", "plaintext");
    set(t, "label", " ");   /* "" is the default: the name would show */
    set(t, "width", "0.1");
    return t;
}

/* One row of a lanes drawing: the row's axis of period ticks (one per
 * column, then an end tick, chained) and its lanes (each lane repeated in
 * every row where it has events).  ticks[col + 1] is the tick after column
 * col (the end tick for the row's last column).  The lanes sit at the top
 * level: nesting a row in an invisible box makes Graphviz 2.42 fail
 * ("trouble in init_rank"). */
typedef struct lane_row {
    Agraph_t *box;         /* where the row's boxes go (the graph) */
    const char **names;    /* the row's lanes, in order of first event */
    Agraph_t **lanes;
    size_t nlanes;
} lane_row;

static void lane_row_open(dot_build *b, lane_row *r, const int *row_of_col, int first,
                          Agnode_t **ticks)
{
    r->box = b->g;
    Agraph_t *axis = sub(r->box, "cluster_axis%ld", b->row);
    set(axis, "label", "");
    set(axis, "style", "invis");
    r->nlanes = 0;
    int col = first;
    for (; col < b->ncols && row_of_col[col] == b->row; col++) {
        ticks[col] = axis_tick(axis, "axis_t%ld", col);
        if (col > first)
            invisible_edge(b->g, ticks[col - 1], ticks[col], "10");
    }
    ticks[col] = axis_tick(axis, "axis_end%ld", b->row);   /* the next row makes its own */
    invisible_edge(b->g, ticks[col - 1], ticks[col], "10");
}

static Agraph_t *row_lane(dot_build *b, lane_row *r, const char *lane)
{
    size_t before = r->nlanes, l = el_view_lane_index(r->names, &r->nlanes, lane);
    if (l == before) {
        char name[64];
        snprintf(name, sizeof name, "cluster_lane%d_%zu", b->row, l);
        r->lanes[l] = agsubg(r->box, name, 1);
        cluster_style(r->lanes[l], lane);
        set(r->lanes[l], "fontsize", "10");   /* many lanes: a small label, */
        set(r->lanes[l], "margin", "4");      /* close round the nodes */
    }
    return r->lanes[l];
}

/* Lanes: one box per actor, an axis of period ticks, one tick per column;
 * tick -> column nodes -> next tick pins every column.  A long axis wraps
 * into rows like the period drawing's, each row with its own ticks and
 * lanes, the rows' first ticks hanging from the row heads. */
static Agnode_t *draw_lanes(dot_build *b)
{
    Agnode_t **ticks = el_calloc((size_t)b->ncols + 2, sizeof *ticks);
    int *row_of_col = el_calloc((size_t)b->ncols + 1, sizeof *row_of_col);
    int nrows = lane_rows(b, row_of_col);
    Agnode_t **row_first = el_calloc((size_t)nrows + 1, sizeof *row_first);
    lane_row r = {0};
    r.names = el_calloc(b->nd + 1, sizeof *r.names);
    r.lanes = el_calloc(b->nd + 1, sizeof *r.lanes);
    Agnode_t *end = NULL;
    for (size_t k = 0; k < b->nd && b->d[k].period >= 0; k++) {
        const dnode *dn = &b->d[k];
        bool new_period = !k || dn->period != b->d[k - 1].period;
        if (!k || row_of_col[dn->col] != b->row) {
            b->row = row_of_col[dn->col];
            lane_row_open(b, &r, row_of_col, dn->col, ticks);
            row_first[b->row] = ticks[dn->col];
        }
        if (new_period || ticks[dn->col] == row_first[b->row]) {   /* a period goes on */
            char label[160];
            period_label(&b->p[dn->period], label, sizeof label);
            set_esc(ticks[dn->col], "label", label, 12);   /* narrow: a tick has its own rank */
        }
        const char *lane = el_view_lane(b->c, &b->c->events[dn->ev]);
        Agnode_t *n = event_node(b, row_lane(b, &r, lane), dn);
        invisible_edge(b->g, ticks[dn->col], n, "1");
        invisible_edge(b->g, n, ticks[dn->col + 1], "1");
        end = ticks[dn->col + 1];
    }
    if (b->row)
        draw_row_heads(b, row_first);
    free(ticks);
    free(row_of_col);
    free(row_first);
    free(r.names);
    free(r.lanes);
    return end;
}

/* Undated events: their own box after the axis, columns of six. */
static Agnode_t *draw_undated(dot_build *b, Agnode_t *prev)
{
    Agraph_t *box = NULL, *column = NULL;
    size_t in_col = 0;
    long ncol = 0;
    for (size_t k = 0; k < b->nd; k++) {
        if (b->d[k].period >= 0)
            continue;
        if (!box) {
            box = agsubg(b->g, (char *)"cluster_undated", 1);
            cluster_style(box, "undated");
        }
        bool new_col = !column || in_col == 6;
        if (new_col) {
            column = sub(box, "undated_col%ld", ncol++);
            set(column, "rank", "same");
            in_col = 0;
        }
        Agnode_t *n = event_node(b, column, &b->d[k]);
        in_col++;
        if (new_col) {
            if (prev)
                invisible_edge(b->g, prev, n, "10");
            prev = n;
        }
    }
    return prev;
}

/* ---- relation edges ------------------------------------------------------------ */

/* One asserted relation between drawn events, turned round so that it
 * reads earlier -> later (BEFORE) or wider -> narrower (INCLUDES). */
typedef struct rel {
    size_t a, b;           /* event indices, from -> to as drawn */
    size_t lo, hi;         /* the pair, unordered */
    char kind;             /* 'B' before, 'I' includes, 'S' simultaneous */
    bool drop;
} rel;

static int cmp_rel(const void *x, const void *y)
{
    const rel *r = x, *s = y;
    if (r->lo != s->lo)
        return r->lo < s->lo ? -1 : 1;
    if (r->hi != s->hi)
        return r->hi < s->hi ? -1 : 1;
    if (r->kind != s->kind)
        return r->kind < s->kind ? -1 : 1;
    return r->a < s->a ? -1 : r->a > s->a;
}

static bool to_rel(const el_relation *r, rel *out)
{
    size_t a = r->from, b = r->to;
    char kind;
    if (r->type == EL_REL_BEFORE || r->type == EL_REL_IBEFORE)
        kind = 'B';
    else if (r->type == EL_REL_AFTER || r->type == EL_REL_IAFTER)
        kind = 'B', a = r->to, b = r->from;
    else if (r->type == EL_REL_INCLUDES)
        kind = 'I';
    else if (r->type == EL_REL_IS_INCLUDED || r->type == EL_REL_DURING)
        kind = 'I', a = r->to, b = r->from;
    else if (r->type == EL_REL_SIMULTANEOUS || r->type == EL_REL_IDENTITY)
        kind = 'S', a = r->from < r->to ? r->from : r->to, b = r->from < r->to ? r->to : r->from;
    else
        return false;
    *out = (rel){a, b, a < b ? a : b, a < b ? b : a, kind, false};
    return true;
}

static const char *kind_name(char kind)
{
    return kind == 'B' ? "before" : kind == 'I' ? "includes" : "same time as";
}

static void note(dot_build *b, const char *what, const rel *r)
{
    if (b->nnotes++ < 12)
        el_buf_printf(&b->notes, "%s %s %s: %s\n", b->c->events[r->a].id, kind_name(r->kind),
                      b->c->events[r->b].id, what);
}

/* Drop duplicates; a pair with two different relations is a conflict
 * (none drawn); a BEFORE or INCLUDES from a later column to an earlier one
 * contradicts the dates. */
static void check_relations(dot_build *b, rel *r, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        bool conflict = false;
        for (; j < n && r[j].lo == r[i].lo && r[j].hi == r[i].hi; j++) {
            if (r[j].kind == r[j - 1].kind && r[j].a == r[j - 1].a)
                r[j].drop = true;
            else
                conflict = true;
        }
        for (size_t k = i; k < j; k++) {
            int ca = b->col_of[r[k].a], cb = b->col_of[r[k].b];
            if (conflict && !r[k].drop)
                note(b, "conflicts with another relation", &r[k]);
            else if (!r[k].drop && r[k].kind != 'S' && ca >= 0 && cb >= 0 && ca > cb)
                note(b, "against their dates", &r[k]), conflict = true;
            else if (!r[k].drop && r[k].kind != 'S' && ca < 0 && cb >= 0)
                note(b, "the first is undated, drawn last", &r[k]), r[k].drop = true;
            r[k].drop |= conflict;
        }
        i = j;
    }
}

/* Is `to` reachable from `from` over the kept BEFORE edges other than
 * `skip`?  Iterative DFS over the edges sorted by source. */
static bool reachable(const rel *r, size_t n, const size_t *first, size_t from, size_t to,
                      size_t skip, unsigned *seen, unsigned stamp, size_t *stack)
{
    size_t top = 0;
    stack[top++] = from;
    while (top) {
        size_t u = stack[--top];
        for (size_t e = first[u]; e < n && r[e].a == u; e++) {
            if (e == skip || r[e].drop || r[e].kind != 'B' || seen[r[e].b] == stamp)
                continue;
            if (r[e].b == to)
                return true;
            seen[r[e].b] = stamp;
            stack[top++] = r[e].b;
        }
    }
    return false;
}

static int cmp_rel_source(const void *x, const void *y)
{
    const rel *r = x, *s = y;
    if (r->a != s->a)
        return r->a < s->a ? -1 : 1;
    return r->b < s->b ? -1 : r->b > s->b;
}

/* The transitive reduction of the BEFORE edges: an edge implied by a
 * longer path is not drawn. */
static void reduce(const el_corpus *c, rel *r, size_t n)
{
    qsort(r, n, sizeof *r, cmp_rel_source);
    size_t *first = el_calloc(c->nevents + 1, sizeof *first);
    for (size_t u = 0; u <= c->nevents; u++)
        first[u] = n;
    for (size_t e = n; e-- > 0;)
        first[r[e].a] = e;
    unsigned *seen = el_calloc(c->nevents + 1, sizeof *seen);
    size_t *stack = el_calloc(c->nevents + n + 1, sizeof *stack);
    for (size_t e = 0; e < n; e++)
        if (!r[e].drop && r[e].kind == 'B' &&
            reachable(r, n, first, r[e].a, r[e].b, e, seen, (unsigned)e + 1, stack))
            r[e].drop = true;
    free(first);
    free(seen);
    free(stack);
}

static void draw_relations(dot_build *b)
{
    const el_corpus *c = b->c;
    rel *r = el_calloc(c->nrelations + 1, sizeof *r);
    size_t n = 0;
    for (size_t i = 0; i < c->nrelations; i++) {
        const el_relation *x = &c->relations[i];
        if (x->inferred || !b->node_of[x->from] || !b->node_of[x->to] || x->from == x->to)
            continue;
        if (b->row_of[x->from] != b->row_of[x->to])
            b->cross_rows++;   /* an edge would join the rows into one component */
        else if (to_rel(x, &r[n]))
            n++;
    }
    if (n) {
        qsort(r, n, sizeof *r, cmp_rel);
        check_relations(b, r, n);
        reduce(c, r, n);
    }
    for (size_t i = 0; i < n; i++) {
        if (r[i].drop)
            continue;
        Agedge_t *e = agedge(b->g, b->node_of[r[i].a], b->node_of[r[i].b], NULL, 1);
        set(e, "constraint", "false");
        if (r[i].kind != 'B')
            set(e, "label", r[i].kind == 'I' ? "includes" : "same time");
        if (r[i].kind == 'S')
            set(e, "dir", "none");
        if (r[i].kind != 'B')
            set(e, "style", "dashed");
    }
    free(r);
}

static Agnode_t *draw_notes(dot_build *b, Agnode_t *prev)
{
    if (!b->nnotes && !b->cross_rows)
        return prev;
    if (b->nnotes > 12)
        el_buf_printf(&b->notes, "and %zu more\n", b->nnotes - 12);
    if (b->cross_rows)
        el_buf_printf(&b->notes, "%zu between events in different rows\n", b->cross_rows);
    char *text = el_strdupf("Relations not drawn (%zu):\n%s", b->nnotes + b->cross_rows,
                            b->notes.data ? b->notes.data : "");
    Agnode_t *n = agnode(b->g, (char *)"notes", 1);
    el_buf lb = EL_BUF_INIT;
    for (char *line = text, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
        *nl = '\0';
        put_esc(&lb, line, 0);
        el_buf_puts(&lb, "\\l");   /* one left-justified line */
    }
    char *esc = el_buf_detach(&lb, NULL);
    set(n, "label", esc);
    set(n, "shape", "note");
    set(n, "style", "");
    set(n, "fontsize", "10");
    free(esc);
    free(text);
    if (prev)
        invisible_edge(b->g, prev, n, "10");
    return n;
}

/* The key to the grey nodes, drawn as one of them, last on the axis. */
static void draw_key(dot_build *b, Agnode_t *prev)
{
    Agnode_t *n = agnode(b->g, (char *)"key", 1);
    set(n, "label", "Grey, dashed: no date of its own,\\nplaced on the report date");
    set(n, "style", "rounded,dashed");
    set(n, "color", "gray50");
    set(n, "fontcolor", "gray30");
    set(n, "fontsize", "10");
    if (prev)
        invisible_edge(b->g, prev, n, "10");
}

static Agraph_t *open_graph(bool lanes)
{
    Agdisc_t disc = {&AgMemDisc, &creation_order_ids, &AgIoDisc};
    Agraph_t *g = agopen((char *)"timeline", Agdirected, &disc);
    set(g, "rankdir", "LR");
    set(g, "newrank", "true");
    set(g, "fontname", "Helvetica");
    set(g, "nodesep", lanes ? "0.08" : "0.15");
    set(g, "ranksep", lanes ? "0.2" : "0.3");
    if (lanes)   /* Graphviz's spline router fails on many lanes ("triangulation failed") */
        set(g, "splines", "line");
    agattr(g, AGNODE, (char *)"shape", (char *)"box");
    agattr(g, AGNODE, (char *)"style", (char *)"rounded");
    agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica");
    agattr(g, AGNODE, (char *)"fontsize", (char *)(lanes ? "10" : "11"));
    agattr(g, AGEDGE, (char *)"fontname", (char *)"Helvetica");
    agattr(g, AGEDGE, (char *)"fontsize", (char *)"9");
    agattr(g, AGEDGE, (char *)"color", (char *)"gray40");
    return g;
}

static Agraph_t *build_graph(const el_corpus *c, const el_dot_options *opt, long *nkept)
{
    bool lanes = opt && opt->entities;
    bool *drawn = drawn_events(c, opt, nkept);
    size_t np = 0;
    period *p = collect_periods(c, drawn, false, &np);
    bool months = count_day_periods(p, np) > MAX_DAY_PERIODS;
    if (months) {
        free(p);
        p = collect_periods(c, drawn, true, &np);
    }
    dot_build b = {c, open_graph(lanes), p, np, NULL, 0, 0, NULL, NULL,
                   0, NULL, 0, EL_BUF_INIT, 0, 0, lanes ? 14 : 24};   /* lanes: narrow columns */
    b.d = layout_nodes(c, drawn, p, np, months, &b.nd);
    for (size_t k = 0; k < b.nd; k++)
        if (b.d[k].col + 1 > b.ncols)
            b.ncols = b.d[k].col + 1;
    b.node_of = el_calloc(c->nevents + 1, sizeof *b.node_of);
    b.col_of = el_calloc(c->nevents + 1, sizeof *b.col_of);
    b.row_of = el_calloc(c->nevents + 1, sizeof *b.row_of);
    for (size_t i = 0; i < c->nevents; i++)
        b.col_of[i] = -1;
    Agnode_t *last = lanes ? draw_lanes(&b) : draw_periods(&b);
    last = draw_undated(&b, last);
    draw_relations(&b);
    last = draw_notes(&b, last);
    if (b.report_dated)
        draw_key(&b, last);
    el_buf_free(&b.notes);
    free(b.node_of);
    free(b.col_of);
    free(b.row_of);
    free(b.d);
    free(p);
    free(drawn);
    return b.g;
}

/* The Graphviz context is made at the first render, not before: making
 * one declares a default node label that agwrite would then print in DOT
 * text written earlier in the same run. */
struct el_drawing_context {
    GVC_t *gvc;   /* NULL until the first render */
};

el_drawing_context *el_drawing_context_new(void)
{
    return el_calloc(1, sizeof(el_drawing_context));
}

void el_drawing_context_free(el_drawing_context *g)
{
    if (g && g->gvc)
        gvFreeContext(g->gvc);
    free(g);
}

static GVC_t *render_context(el_drawing_context *g)
{
    if (!g)
        return gvContext();
    if (!g->gvc)
        g->gvc = gvContext();
    return g->gvc;
}

int el_export_dot(const el_corpus *c, const el_dot_options *opt, const char *render, FILE *out)
{
    long nkept = 0;
    Agraph_t *g = build_graph(c, opt, &nkept);
    if (nkept < 0) {
        agclose(g);
        fprintf(stderr, "eventline: no entity named '%s' in these documents\n",
                opt->filter.entity);
        return 1;
    }
    if (nkept == 0) {
        agclose(g);
        fprintf(stderr, "eventline: %s: no dated event of a known type in these documents, "
                        "nothing to draw\n", render ? render : "dot");
        return 1;
    }
    int rc = 0;
    if (!render || strcmp(render, "dot") == 0) {
        rc = agwrite(g, out) == 0 ? 0 : -1;
    } else {
        /* rendered into memory and written here: a failed write (disk full)
         * is ours to report, where gvRender's own writer exits the process */
        GVC_t *gvc = render_context(opt->gvc);
        char *data = NULL;
        unsigned int n = 0;
        if (gvLayout(gvc, g, "dot") != 0 || gvRenderData(gvc, g, render, &data, &n) != 0) {
            fprintf(stderr, "eventline: graphviz could not render %s\n", render);
            rc = -1;
        } else if (fwrite(data, 1, n, out) != n) {
            rc = -1;
        }
        if (data)
            gvFreeRenderData(data);
        /* Graphviz 2.42's dot layout frees one block of a lanes drawing twice
         * in its cleanup (a pointer kept across its own realloc; found by
         * AddressSanitizer): that layout is left to the process's end. */
        if (!opt->entities)
            gvFreeLayout(gvc, g);
        if (!opt->gvc)
            gvFreeContext(gvc);
    }
    agclose(g);
    return rc;
}

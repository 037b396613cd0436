/* event_model.c - the learned event model (gazetteers/events/event-model.tsv,
 * written by tools/data/build_event_model.py): a linear model that scores a
 * token as no event or an event of one TimeML class.  Each row of the file
 * is a feature string "TEMPLATE=VALUE" and one weight per label; a token's
 * scores are the sums of the rows of its features.
 *
 * The loader compiles the rows for speed, keeping the sums exact:
 *  - the features of the form alone (bias, form, last 3 and 2 letters,
 *    stem) are added up once per form the model has rows for, with
 *    whether that form can ever win as a new event (a bit filter of
 *    those forms keeps the scan of every word no rule takes cheap);
 *  - the rows of a form or suffix in a context ("wpc=said|p:to",
 *    "s3pc=aid|p:to") become per-context rows on the form (its suffix's
 *    merged in) or on the suffix, found by a context bit mask;
 *  - context, shape and bias rows are small arrays.
 * So scoring a form the model has rows for costs three table probes (the
 * form, the words before and after it), keyed by the hashes the tokenizer
 * already stored; another form adds three (suffixes, stem).
 * Only forms the model has rows for are taken as new events: a form no
 * training error ever touched is not one the model knows to be an event. */
#include "stages/event/event_internal.h"
#include "base/hashmap.h"
#include "base/util.h"
#include "base/blob.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define L EL_MODEL_LABELS

/* Feature templates (the script's names). */
enum {
    T_BIAS, T_W, T_S3, T_S2, T_PC, T_NC, T_WPC, T_WNC, T_S3PC, T_S3NC, T_PW, T_NW, T_SH,
    T_ST, T_COUNT
};
static const char *const template_names[T_COUNT] = {
    "b", "w", "s3", "s2", "pc", "nc", "wpc", "wnc", "s3pc", "s3nc", "pw", "nw", "sh", "st",
};

/* The filter of forms that can win as new events: a bit per hash, small
 * enough to stay in the first-level cache (every word no rule takes probes
 * it); a form sharing a bit with one that can win is looked up in full. */
#define WIN_LOG2 16
#define WIN_BITS (1u << WIN_LOG2)

/* The tables of string-valued features, keyed by the value's hash. */
enum { TAB_FORM, TAB_S3, TAB_S2, TAB_ST, TAB_PW, TAB_NW, TAB_COUNT };

/* Weights are read with three decimals and kept in thousandths. */
#define WEIGHT_SCALE 1000.0f
#define WEIGHT_MAX 32.767f

/* A form leans away from an event when, scored without context (bias,
 * form, suffixes, stem), "no event" beats its best class by more than
 * this (in thousandths): el_event_model_score_new never takes it. */
#define FORM_GATE 0

/* A value's weights (and, for forms and suffixes, context rows). */
typedef struct vec_entry {
    int16_t w[L];              /* thousandths; forms: the sum of the form-alone features */
    uint32_t ctx_first;        /* its context rows in m->ctx, one per bit of ctx_mask */
    uint16_t ctx_mask;         /* bit c: a row for context c (EL_CTX_*) */
    bool refuse;               /* forms: never a new event, whatever the context (FORM_GATE) */
    bool has_row;              /* its own row was read (a repeat is an error) */
} vec_entry;

/* A value's hash (its key: values are told apart by hash alone) to its
 * entry; the entries are dense. */
typedef struct vec_table {
    el_hashmap map;            /* value hash -> index in e */
    vec_entry *e;
    size_t n, cap;
} vec_table;

typedef struct ctx_row {
    int16_t w[L];              /* thousandths: a form's row plus its suffix's (each <= 16.383) */
} ctx_row;

struct el_event_model {
    vec_table tab[TAB_COUNT];
    ctx_row *ctx;              /* context rows of forms and suffixes */
    size_t nctx, cap_ctx;
    int32_t bias[L];
    int32_t ctxw[EL_CTX_COUNT][L];   /* pc=, nc= */
    int32_t shape[4][L];             /* sh= */
    size_t n;                        /* rows read */
    uint32_t h_start, h_end;         /* "<s>", "</s>" */
    uint64_t may_win[WIN_BITS / 64]; /* bit per hash of a form that can win as a new event */
};

#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

/* Continue an FNV-1a hash (as el_hash_lower) over s[0..n). */
static uint32_t fnv_more(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h = (h ^ c) * FNV_PRIME;
    }
    return h;
}

static uint32_t hash_n(const char *s, size_t n)
{
    return fnv_more(FNV_BASIS, s, n);
}

static void add_vec(int32_t *acc, const int32_t *w)
{
    for (size_t k = 0; k < L; k++)
        acc[k] += w[k];
}

static void add_vec16(int32_t *acc, const int16_t *w)
{
    for (size_t k = 0; k < L; k++)
        acc[k] += w[k];
}

static void set_vec16(int16_t *to, const int32_t *w)
{
    for (size_t k = 0; k < L; k++)
        to[k] = (int16_t)w[k];
}

/* ---- tables --------------------------------------------------------------- */

/* The entry of h, or NULL. */
static inline const vec_entry *table_find(const vec_table *t, uint32_t h)
{
    el_hashmap_probe p = el_hashmap_find(&t->map, h);
    uint32_t v;
    return el_hashmap_next(&t->map, &p, &v) ? &t->e[v] : NULL;
}

static vec_entry *table_entry(vec_table *t, uint32_t h)
{
    return (vec_entry *)table_find(t, h);
}

/* The entry of h, added (zero weights) if new. */
static vec_entry *table_add(vec_table *t, uint32_t h)
{
    vec_entry *found = table_entry(t, h);
    if (found)
        return found;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->e = el_realloc(t->e, t->cap * sizeof *t->e);
    }
    memset(&t->e[t->n], 0, sizeof *t->e);
    el_hashmap_put(&t->map, h, (uint32_t)t->n);
    return &t->e[t->n++];
}

static size_t win_bit(uint32_t h)
{
    return (size_t)(h * 0x9E3779B1u) >> (32 - WIN_LOG2);
}

/* ---- features of a token ------------------------------------------------ */

static const char *const shape_names[4] = {"ss", "up", "cap", "lo"};

static size_t shape(const el_doc *doc, size_t tok)
{
    uint16_t f = doc->tokens[tok].flags;
    if (f & EL_TOK_SENT_START)
        return 0;
    if (f & EL_TOK_ALLCAPS)
        return 1;
    return f & EL_TOK_CAP ? 2 : 3;
}

/* Length of the stem of s[0..n): without its first matching ending
 * (-ing, -ed, -es, -s, -e) when 3+ letters stay (as the script's stem()). */
static size_t stem_len(const char *s, size_t n)
{
    static const char *const endings[] = {"ing", "ed", "es", "s", "e"};
    static const size_t lens[] = {3, 2, 2, 1, 1};
    for (size_t k = 0; k < sizeof endings / sizeof *endings; k++)
        if (n > lens[k] + 2 && el_eq_lower(endings[k], s + n - lens[k], lens[k]))
            return n - lens[k];
    return n;
}

static void add_found(const vec_table *t, uint32_t h, int32_t *acc)
{
    const vec_entry *sl = table_find(t, h);
    if (sl)
        add_vec16(acc, sl->w);
}

/* The form-alone score of s[0..n) (bias, suffixes, stem; the form's own
 * row is added by the caller), and its suffix's slot (its context rows). */
static const vec_entry *form_score(const el_event_model *m, const char *s, size_t n, int32_t *acc)
{
    size_t k3 = n < 3 ? n : 3, k2 = n < 2 ? n : 2;
    memcpy(acc, m->bias, sizeof m->bias);
    const vec_entry *s3 = table_find(&m->tab[TAB_S3], hash_n(s + n - k3, k3));
    if (s3)
        add_vec16(acc, s3->w);
    add_found(&m->tab[TAB_S2], hash_n(s + n - k2, k2), acc);
    add_found(&m->tab[TAB_ST], hash_n(s, stem_len(s, n)), acc);
    return s3;
}

/* Do the sums acc fit the 16-bit weights of an entry? */
static bool fits16(const int32_t *acc)
{
    for (size_t k = 0; k < L; k++)
        if (acc[k] > INT16_MAX || acc[k] < -INT16_MAX)
            return false;
    return true;
}

/* Is "no event" more than FORM_GATE above the best class? */
static bool leans_away(const int32_t *acc)
{
    int32_t best = acc[1];
    for (size_t k = 2; k < L; k++)
        if (acc[k] > best)
            best = acc[k];
    return acc[0] - best > FORM_GATE;
}

/* Add e's row for context c, if it has one (rows are in context order). */
static void add_ctx_row(const el_event_model *m, const vec_entry *e, uint32_t c, int32_t *acc)
{
    if (!(e->ctx_mask >> c & 1u))
        return;
    uint32_t before = (uint32_t)__builtin_popcount(e->ctx_mask & ((1u << c) - 1));
    const ctx_row *r = &m->ctx[e->ctx_first + before];
    for (size_t k = 0; k < L; k++)
        acc[k] += r->w[k];
}

/* What the context adds to token tok's scores: the context rows of its
 * form or suffix, the contexts, the words before and after, the shape. */
static void add_context(const el_event_model *m, const el_doc *doc, const uint32_t *roles,
                        size_t tok, const vec_entry *rows_of, int32_t *acc)
{
    uint32_t pc = (uint32_t)el_event_prev_context(roles, tok);
    uint32_t nc = (uint32_t)el_event_next_context(doc, roles, tok + 1);
    add_vec(acc, m->ctxw[pc]);
    add_vec(acc, m->ctxw[nc]);
    if (rows_of) {
        add_ctx_row(m, rows_of, pc, acc);
        add_ctx_row(m, rows_of, nc, acc);
    }
    add_found(&m->tab[TAB_PW], tok > 0 ? doc->tokens[tok - 1].lhash : m->h_start, acc);
    add_found(&m->tab[TAB_NW], tok + 1 < doc->ntokens ? doc->tokens[tok + 1].lhash : m->h_end,
              acc);
    add_vec(acc, m->shape[shape(doc, tok)]);
}

/* Token tok's form-alone score into acc; the entry with its context rows
 * (its form's, else its suffix's, or NULL). */
static const vec_entry *token_local(const el_event_model *m, const el_doc *doc, size_t tok,
                                    int32_t *acc)
{
    const vec_entry *f = table_find(&m->tab[TAB_FORM], doc->tokens[tok].lhash);
    if (f) {
        memset(acc, 0, L * sizeof *acc);
        add_vec16(acc, f->w);
        return f;
    }
    size_t n;
    const char *s = el_tok_text(doc, tok, &n);
    return form_score(m, s, n, acc);
}

static void to_float(const int32_t *acc, float out[L])
{
    for (size_t k = 0; k < L; k++)
        out[k] = (float)acc[k] / WEIGHT_SCALE;
}

/* ---- loading -------------------------------------------------------------- */

/* A row of a form or suffix in a context, kept until the tables are built. */
typedef struct pair_row {
    uint32_t h, ctx;
    int tab;                   /* TAB_FORM or TAB_S3 */
    size_t lineno;
    int32_t w[L];
} pair_row;

typedef struct loader {
    el_event_model *m;
    pair_row *pairs;
    size_t npairs, cap_pairs;
    const char **forms;        /* form strings (in the file text) of TAB_FORM slots, by hash */
    uint32_t *form_h;
    size_t *form_line;         /* the line that named the form first */
    size_t nforms, cap_forms;
    size_t bad_line;           /* first malformed line (0: none) */
} loader;

static int template_id(const char *name, size_t n)
{
    for (int t = 0; t < T_COUNT; t++)
        if (strlen(template_names[t]) == n && memcmp(template_names[t], name, n) == 0)
            return t;
    return -1;
}

static int name_id(const char *const *names, size_t count, const char *s)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(names[i], s) == 0)
            return (int)i;
    return -1;
}

static bool parse_weights(char **f, int32_t *w)
{
    for (size_t k = 0; k < L; k++) {
        char *end;
        float v = el_strtof(f[k], &end);
        if (end == f[k] || *end || v > WEIGHT_MAX || v < -WEIGHT_MAX)
            return false;
        w[k] = (int32_t)(v * WEIGHT_SCALE + (v < 0 ? -0.5f : 0.5f));
    }
    return true;
}

/* Remember that the form `s` has a TAB_FORM slot (its string is needed to
 * add up its form-alone features). */
static void note_form(loader *ld, const char *s, uint32_t h, size_t lineno)
{
    if (table_find(&ld->m->tab[TAB_FORM], h))
        return;
    table_add(&ld->m->tab[TAB_FORM], h);
    if (ld->nforms == ld->cap_forms) {
        ld->cap_forms = ld->cap_forms ? 2 * ld->cap_forms : 256;
        ld->forms = el_realloc(ld->forms, ld->cap_forms * sizeof *ld->forms);
        ld->form_h = el_realloc(ld->form_h, ld->cap_forms * sizeof *ld->form_h);
        ld->form_line = el_realloc(ld->form_line, ld->cap_forms * sizeof *ld->form_line);
    }
    ld->form_line[ld->nforms] = lineno;
    ld->forms[ld->nforms] = s;
    ld->form_h[ld->nforms++] = h;
}

/* "FORM|CTX" or "SUFFIX|CTX": kept as a pair row (weights at most half
 * the range of other rows: a form's row and its suffix's are summed in
 * 16 bits). */
static bool add_pair(loader *ld, int t, char *value, const int32_t *w, size_t lineno)
{
    char *bar = strrchr(value, '|');
    if (!bar)
        return false;
    for (size_t k = 0; k < L; k++)
        if (w[k] > INT16_MAX / 2 || w[k] < -(INT16_MAX / 2))
            return false;
    *bar = '\0';
    int ctx = name_id(el_event_ctx_names, EL_CTX_COUNT, bar + 1);
    if (ctx < 0)
        return false;
    int tab = t == T_WPC || t == T_WNC ? TAB_FORM : TAB_S3;
    uint32_t h = hash_n(value, strlen(value));
    if (tab == TAB_FORM)
        note_form(ld, value, h, lineno);
    else
        table_add(&ld->m->tab[TAB_S3], h);
    if (ld->npairs == ld->cap_pairs) {
        ld->cap_pairs = ld->cap_pairs ? 2 * ld->cap_pairs : 1024;
        ld->pairs = el_realloc(ld->pairs, ld->cap_pairs * sizeof *ld->pairs);
    }
    pair_row *p = &ld->pairs[ld->npairs++];
    p->h = h;
    p->ctx = (uint32_t)ctx;
    p->tab = tab;
    p->lineno = lineno;
    memcpy(p->w, w, sizeof p->w);
    return true;
}

/* A row of a string-valued template other than a pair: its table slot. */
static bool add_vec_row(loader *ld, int t, const char *value, const int32_t *w, size_t lineno)
{
    static const int tab_of[T_COUNT] = {
        [T_W] = TAB_FORM, [T_S3] = TAB_S3, [T_S2] = TAB_S2, [T_ST] = TAB_ST,
        [T_PW] = TAB_PW, [T_NW] = TAB_NW,
    };
    uint32_t h = hash_n(value, strlen(value));
    if (t == T_W)
        note_form(ld, value, h, lineno);
    vec_entry *sl = table_add(&ld->m->tab[tab_of[t]], h);
    if (sl->has_row)
        return false;   /* repeated */
    sl->has_row = true;
    set_vec16(sl->w, w);
    return true;
}

/* FEATURE<TAB>w0...<TAB>w7: store the row; false if malformed or repeated. */
static bool add_row(loader *ld, char *line, size_t lineno)
{
    el_event_model *m = ld->m;
    char *f[L + 2];
    size_t nf = el_split_tabs(line, f, L + 2);
    char *eq = strchr(f[0], '=');
    int32_t w[L];
    if (nf != L + 1 || !eq || !parse_weights(f + 1, w))
        return false;
    int t = template_id(f[0], (size_t)(eq - f[0]));
    char *value = eq + 1;
    int id;
    m->n++;
    switch (t) {
    case T_BIAS:
        memcpy(m->bias, w, sizeof w);
        return strcmp(value, "1") == 0;
    case T_PC: case T_NC:
        if ((id = name_id(el_event_ctx_names, EL_CTX_COUNT, value)) < 0)
            return false;
        memcpy(m->ctxw[id], w, sizeof w);
        return true;
    case T_SH:
        if ((id = name_id(shape_names, 4, value)) < 0)
            return false;
        memcpy(m->shape[id], w, sizeof w);
        return true;
    case T_WPC: case T_WNC: case T_S3PC: case T_S3NC:
        return add_pair(ld, t, value, w, lineno);
    case -1:
        return false;
    default:
        return add_vec_row(ld, t, value, w, lineno);
    }
}

static int pair_cmp(const void *a, const void *b)
{
    const pair_row *x = a, *y = b;
    if (x->tab != y->tab)   /* suffixes first: forms merge their rows */
        return x->tab == TAB_S3 ? -1 : 1;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    if (x->ctx != y->ctx)
        return x->ctx < y->ctx ? -1 : 1;
    return x->lineno < y->lineno ? -1 : x->lineno > y->lineno;
}

static ctx_row *new_ctx_row(el_event_model *m)
{
    if (m->nctx == m->cap_ctx) {
        m->cap_ctx = m->cap_ctx ? 2 * m->cap_ctx : 1024;
        m->ctx = el_realloc(m->ctx, m->cap_ctx * sizeof *m->ctx);
    }
    ctx_row *r = &m->ctx[m->nctx++];
    memset(r, 0, sizeof *r);
    return r;
}

/* The context rows of slot sl from its pairs p[0..np) (sorted by
 * context): merged with `extra` (the form's suffix's rows), summed per
 * context. */
static void attach_rows(el_event_model *m, vec_entry *sl, const pair_row *p, size_t np,
                        const vec_entry *extra)
{
    int32_t acc[EL_CTX_COUNT][L];
    bool set[EL_CTX_COUNT] = {false};
    memset(acc, 0, sizeof acc);
    for (size_t i = 0; i < np; i++) {
        add_vec(acc[p[i].ctx], p[i].w);
        set[p[i].ctx] = true;
    }
    for (uint32_t c = 0; extra && c < EL_CTX_COUNT; c++)
        if (extra->ctx_mask >> c & 1u) {
            add_ctx_row(m, extra, c, acc[c]);
            set[c] = true;
        }
    sl->ctx_first = (uint32_t)m->nctx;
    sl->ctx_mask = 0;
    for (size_t c = 0; c < EL_CTX_COUNT; c++)
        if (set[c]) {
            ctx_row *r = new_ctx_row(m);
            set_vec16(r->w, acc[c]);
            sl->ctx_mask |= (uint16_t)(1u << c);
        }
}

/* The first pair of pairs[from..n) for another (table, value) than
 * pairs[from]; 0 if a (value, context) repeats (its line in *bad). */
static size_t group_end(const pair_row *p, size_t from, size_t n, size_t *bad)
{
    size_t j = from + 1;
    for (; j < n && p[j].tab == p[from].tab && p[j].h == p[from].h; j++)
        if (p[j].ctx == p[j - 1].ctx && !*bad)
            *bad = p[j].lineno;
    return j;
}

/* Context rows of suffixes, then of forms (their suffix's merged in),
 * then each form's form-alone score and gate. */
static bool build_tables(loader *ld)
{
    el_event_model *m = ld->m;
    if (ld->npairs)
        qsort(ld->pairs, ld->npairs, sizeof *ld->pairs, pair_cmp);
    size_t bad = 0, i = 0;
    for (size_t j; i < ld->npairs && ld->pairs[i].tab == TAB_S3; i = j) {
        j = group_end(ld->pairs, i, ld->npairs, &bad);
        vec_entry *sl = table_entry(&m->tab[TAB_S3], ld->pairs[i].h);
        attach_rows(m, sl, ld->pairs + i, j - i, NULL);
    }
    size_t form_pairs = i;
    for (size_t k = 0; k < ld->nforms; k++) {
        const char *s = ld->forms[k];
        size_t n = strlen(s);
        vec_entry *sl = table_entry(&m->tab[TAB_FORM], ld->form_h[k]);
        int32_t acc[L];
        const vec_entry *s3 = form_score(m, s, n, acc);
        add_vec16(acc, sl->w);   /* the form's own row (zero if none) */
        if (!fits16(acc)) {
            ld->bad_line = ld->form_line[k];   /* too large a sum for 16 bits */
            return false;
        }
        set_vec16(sl->w, acc);
        sl->refuse = leans_away(acc);
        if (!sl->refuse)
            m->may_win[win_bit(ld->form_h[k]) / 64] |= 1ull << (win_bit(ld->form_h[k]) % 64);
        /* its pairs: binary search in the sorted form pairs */
        size_t lo = form_pairs, hi = ld->npairs;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (ld->pairs[mid].h < ld->form_h[k])
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo < ld->npairs && ld->pairs[lo].h == ld->form_h[k]
                         ? group_end(ld->pairs, lo, ld->npairs, &bad) : lo;
        attach_rows(m, sl, end > lo ? ld->pairs + lo : NULL, end - lo, s3);
    }
    ld->bad_line = bad;
    return !bad;
}

static char *row_error(const char *path, size_t lineno)
{
    char msg[4200];
    snprintf(msg, sizeof msg, "%s:%zu: malformed event model row", path, lineno);
    return el_strdup(msg);
}

static el_event_model *model_new(void)
{
    el_event_model *m = el_calloc(1, sizeof *m);
    for (size_t t = 0; t < TAB_COUNT; t++)
        el_hashmap_reserve(&m->tab[t].map, 32);
    m->h_start = hash_n("<s>", 3);
    m->h_end = hash_n("</s>", 4);
    return m;
}

/* Read the rows of text (modified in place); false at the first bad line. */
static bool read_rows(loader *ld, char *text)
{
    size_t lineno = 0;
    for (char *p = text, *nl; *p; p = nl ? nl + 1 : p + strlen(p)) {
        nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        p[strcspn(p, "\r")] = '\0';
        if (*p && *p != '#' && !add_row(ld, p, lineno)) {
            ld->bad_line = lineno;
            return false;
        }
    }
    return build_tables(ld);
}

el_event_model *el_event_model_load(const char *path, char **err)
{
    *err = NULL;
    size_t len;
    const char *why;
    char *text = el_read_file(path, &len, &why);
    if (!text) {   /* no file: the stage runs without a model */
        if (strcmp(why, "no such file") != 0) {
            char msg[4200];
            snprintf(msg, sizeof msg, "%s: %s", path, why);
            *err = el_strdup(msg);
        }
        return NULL;
    }
    loader ld = {.m = model_new()};
    if (!read_rows(&ld, text)) {
        *err = row_error(path, ld.bad_line);
        el_event_model_free(ld.m);
        ld.m = NULL;
    }
    free(ld.pairs);
    free(ld.forms);
    free(ld.form_h);
    free(ld.form_line);
    free(text);
    return ld.m;
}

void el_event_model_free(el_event_model *m)
{
    if (!m)
        return;
    for (size_t t = 0; t < TAB_COUNT; t++) {
        el_hashmap_free(&m->tab[t].map);
        free(m->tab[t].e);
    }
    free(m->ctx);
    free(m);
}

size_t el_event_model_features(const el_event_model *m)
{
    return m ? m->n : 0;
}

/* ---- scoring -------------------------------------------------------------- */

void el_event_model_score(const el_event_model *m, const el_doc *doc, const uint32_t *roles,
                          size_t tok, float out[EL_MODEL_LABELS])
{
    int32_t acc[L];
    const vec_entry *rows = token_local(m, doc, tok, acc);
    add_context(m, doc, roles, tok, rows, acc);
    to_float(acc, out);
}

bool el_event_model_score_new(const el_event_model *m, const el_doc *doc, const uint32_t *roles,
                              size_t tok, float out[EL_MODEL_LABELS])
{
    uint32_t h = doc->tokens[tok].lhash;
    size_t bit = win_bit(h);
    if (!(m->may_win[bit / 64] >> (bit % 64) & 1u))
        return false;   /* no form that can win shares its bit: most words */
    const vec_entry *f = table_find(&m->tab[TAB_FORM], h);
    if (!f || f->refuse)
        return false;
    int32_t acc[L] = {0};
    add_vec16(acc, f->w);
    add_context(m, doc, roles, tok, f, acc);
    to_float(acc, out);
    return true;
}

el_event_class el_event_model_best_class(const float sc[EL_MODEL_LABELS])
{
    size_t best = 1;
    for (size_t k = 2; k < EL_MODEL_LABELS; k++)
        if (sc[k] > sc[best])
            best = k;
    return (el_event_class)(best - 1);
}

/* ---- the compiled cache ----------------------------------------------- */

/* A table's entries without their padding bytes (the same file for the
 * same model). */
static void save_table(const vec_table *t, el_buf *w)
{
    el_hashmap_save(&t->map, w);
    vec_entry *e = el_calloc(t->n ? t->n : 1, sizeof *e);
    for (size_t i = 0; i < t->n; i++) {
        memcpy(e[i].w, t->e[i].w, sizeof e[i].w);
        e[i].ctx_first = t->e[i].ctx_first;
        e[i].ctx_mask = t->e[i].ctx_mask;
        e[i].refuse = t->e[i].refuse;
        e[i].has_row = t->e[i].has_row;
    }
    el_blob_put(w, e, t->n * sizeof *e);
    free(e);
}

void el_event_model_save(const el_event_model *m, el_buf *w)
{
    for (size_t t = 0; t < TAB_COUNT; t++)
        save_table(&m->tab[t], w);
    el_blob_put(w, m->ctx, m->nctx * sizeof *m->ctx);
    el_blob_put(w, m->bias, sizeof m->bias);
    el_blob_put(w, m->ctxw, sizeof m->ctxw);
    el_blob_put(w, m->shape, sizeof m->shape);
    el_blob_put_u64(w, m->n);
    el_blob_put_u64(w, (uint64_t)m->h_start << 32 | m->h_end);
    el_blob_put(w, m->may_win, sizeof m->may_win);
}

el_event_model *el_event_model_restore(el_blob_r *r)
{
    el_event_model *m = model_new();
    for (size_t t = 0; t < TAB_COUNT; t++) {
        el_hashmap_restore(&m->tab[t].map, r);
        m->tab[t].e = el_blob_copy(r, sizeof *m->tab[t].e, 0, &m->tab[t].n);
        m->tab[t].cap = m->tab[t].n;
    }
    m->ctx = el_blob_copy(r, sizeof *m->ctx, 0, &m->nctx);
    m->cap_ctx = m->nctx;
    el_blob_get_fixed(r, m->bias, sizeof m->bias);
    el_blob_get_fixed(r, m->ctxw, sizeof m->ctxw);
    el_blob_get_fixed(r, m->shape, sizeof m->shape);
    m->n = (size_t)el_blob_get_u64(r);
    uint64_t h = el_blob_get_u64(r);
    m->h_start = (uint32_t)(h >> 32);
    m->h_end = (uint32_t)h;
    el_blob_get_fixed(r, m->may_win, sizeof m->may_win);
    if (r->bad) {
        el_event_model_free(m);
        return NULL;
    }
    return m;
}

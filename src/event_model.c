/* event_model.c - the learned event model (gazetteers/events/event-model.tsv,
 * written by scripts/build_event_model.py): a linear model that scores a
 * token as no event or an event of one TimeML class.  Each row is a feature
 * string "TEMPLATE=VALUE" and one weight per label; the loader keys a row by
 * its template and the FNV-1a hash of VALUE, so scoring a token computes the
 * same hashes from its tokens and context (mostly the token hashes the
 * tokenizer already stored) and costs one table probe per feature. */
#include "event_internal.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Feature templates, in the order their ids are formed (see the script). */
enum {
    T_BIAS, T_W, T_S3, T_S2, T_PC, T_NC, T_WPC, T_WNC, T_S3PC, T_S3NC, T_PW, T_NW, T_SH,
    T_ST, T_COUNT
};
static const char *const template_names[T_COUNT] = {
    "b", "w", "s3", "s2", "pc", "nc", "wpc", "wnc", "s3pc", "s3nc", "pw", "nw", "sh", "st",
};

/* Weights are stored in thousandths (the file has three decimals), so a
 * feature's key and weights share one small slot: one cache line a probe. */
#define WEIGHT_SCALE 1000.0f
#define WEIGHT_MAX 32.767f

/* The filter of forms not scored as new events: a bit per hash, small
 * enough to stay in the first-level cache (every word probes it); an unseen
 * form sharing a bit with a refused one is refused too. */
#define REFUSE_LOG2 18
#define REFUSE_BITS (1u << REFUSE_LOG2)

typedef struct model_slot {
    uint32_t h;                    /* FNV-1a hash of the feature's value */
    uint16_t tmpl;                 /* template id + 1; 0 = empty slot */
    int16_t w[EL_MODEL_LABELS];    /* weights in thousandths */
} model_slot;

struct el_event_model {
    model_slot *slots; /* open addressing */
    size_t mask;       /* slots - 1 (a power of two) */
    size_t n;          /* features */
    uint64_t refuse[REFUSE_BITS / 64];   /* bit per hash of a form whose own row
                                            leans away from an event */
    uint32_t h_bias, h_start, h_end;      /* "1", "<s>", "</s>" */
    uint32_t h_ctx[EL_CTX_COUNT];         /* context names */
    uint32_t h_shape[4];                  /* shape names */
};

/* A form leans away from an event when, scored without context (bias,
 * form, suffixes, stem), "no event" beats its best class by more than
 * this: el_event_model_score_new scores such a word no further, which
 * keeps the scan of every word cheap (most words are such forms).  Chosen
 * with scripts/cv-events and the bench (a higher gate adds a few more
 * events and costs speed). */
#define FORM_GATE 0.0f

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

/* Where feature (tmpl, h) is looked for first. */
static size_t slot_home(const el_event_model *m, int tmpl, uint32_t h)
{
    return (size_t)((h ^ (uint32_t)(tmpl + 1) * 0x9E3779B1u) * 0x85EBCA6Bu) & m->mask;
}

/* The slot of feature (tmpl, h) from slot s on, or the empty slot where it
 * would go. */
static size_t slot_probe(const el_event_model *m, size_t s, int tmpl, uint32_t h)
{
    uint16_t t = (uint16_t)(tmpl + 1);
    while (m->slots[s].tmpl && (m->slots[s].tmpl != t || m->slots[s].h != h))
        s = (s + 1) & m->mask;
    return s;
}

static size_t slot_of(const el_event_model *m, int tmpl, uint32_t h)
{
    return slot_probe(m, slot_home(m, tmpl, h), tmpl, h);
}

/* ---- features ----------------------------------------------------------- */

static uint32_t hash_str(const char *s)
{
    return fnv_more(FNV_BASIS, s, strlen(s));
}

/* "FIRST|SECOND" continued from FIRST's hash. */
static uint32_t hash_pair(uint32_t first, const char *second)
{
    return fnv_more(fnv_more(first, "|", 1), second, strlen(second));
}

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
    for (size_t k = 0; k < sizeof endings / sizeof *endings; k++) {
        size_t e = strlen(endings[k]);
        if (n > e + 2 && el_eq_lower(endings[k], s + n - e, e))
            return n - e;
    }
    return n;
}

/* One token's features: template ids and value hashes, the features of
 * the form alone (bias, form, suffixes, stem) first. */
#define LOCAL_FEATURES 5
typedef struct feature_list {
    int tmpl[T_COUNT];
    uint32_t h[T_COUNT];
    size_t n;
} feature_list;

static void push(feature_list *fl, int tmpl, uint32_t h)
{
    fl->tmpl[fl->n] = tmpl;
    fl->h[fl->n++] = h;
}

static void local_features(const el_event_model *m, const char *s, size_t n, uint32_t w,
                           feature_list *fl)
{
    size_t k3 = n < 3 ? n : 3, k2 = n < 2 ? n : 2;
    fl->n = 0;
    push(fl, T_BIAS, m->h_bias);
    push(fl, T_W, w);
    push(fl, T_S3, fnv_more(FNV_BASIS, s + n - k3, k3));
    push(fl, T_S2, fnv_more(FNV_BASIS, s + n - k2, k2));
    push(fl, T_ST, fnv_more(FNV_BASIS, s, stem_len(s, n)));
}

/* Sum the weights of features [from, fl->n) into out (probes first
 * prefetched, so their cache misses overlap). */
static void add_features(const el_event_model *m, const feature_list *fl, size_t from, float *out)
{
    size_t slot[T_COUNT];
    for (size_t i = from; i < fl->n; i++) {
        slot[i] = slot_home(m, fl->tmpl[i], fl->h[i]);
        __builtin_prefetch(&m->slots[slot[i]]);
    }
    int32_t acc[EL_MODEL_LABELS] = {0};
    for (size_t i = from; i < fl->n; i++) {
        const model_slot *sl = &m->slots[slot_probe(m, slot[i], fl->tmpl[i], fl->h[i])];
        if (sl->tmpl)
            for (size_t k = 0; k < EL_MODEL_LABELS; k++)
                acc[k] += sl->w[k];
    }
    for (size_t k = 0; k < EL_MODEL_LABELS; k++)
        out[k] += (float)acc[k] / WEIGHT_SCALE;
}

/* ---- loading ------------------------------------------------------------ */

static int template_id(const char *name, size_t n)
{
    for (int t = 0; t < T_COUNT; t++)
        if (strlen(template_names[t]) == n && memcmp(template_names[t], name, n) == 0)
            return t;
    return -1;
}

static size_t count_rows(const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p;) {
        if (*p != '#' && *p != '\n')
            n++;
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    return n;
}

/* FEATURE<TAB>w0...<TAB>w7: store the row; false if malformed or repeated. */
static bool add_row(el_event_model *m, char *line)
{
    char *f[EL_MODEL_LABELS + 2];
    size_t nf = el_split_tabs(line, f, EL_MODEL_LABELS + 2);
    char *eq = strchr(f[0], '=');
    if (nf != EL_MODEL_LABELS + 1 || !eq)
        return false;
    int t = template_id(f[0], (size_t)(eq - f[0]));
    if (t < 0)
        return false;
    uint32_t h = fnv_more(FNV_BASIS, eq + 1, strlen(eq + 1));
    model_slot *s = &m->slots[slot_of(m, t, h)];
    if (s->tmpl)
        return false;
    s->tmpl = (uint16_t)(t + 1);
    s->h = h;
    for (size_t k = 0; k < EL_MODEL_LABELS; k++) {
        char *end;
        float v = strtof(f[k + 1], &end);
        if (end == f[k + 1] || *end || v > WEIGHT_MAX || v < -WEIGHT_MAX)
            return false;
        s->w[k] = (int16_t)(v * WEIGHT_SCALE + (v < 0 ? -0.5f : 0.5f));
    }
    m->n++;
    return true;
}

static char *row_error(const char *path, size_t lineno)
{
    char msg[4200];
    snprintf(msg, sizeof msg, "%s:%zu: malformed event model row", path, lineno);
    return el_strdup(msg);
}

static size_t refuse_bit(uint32_t h)
{
    return (size_t)(h * 0x9E3779B1u) >> (32 - REFUSE_LOG2);
}

/* Put the form of row `line` ("w=FORM", already split at its tab) in the
 * filter of forms el_event_model_score_new refuses when, without context, it
 * scores "no event" more than FORM_GATE above its best class (hash 0 is
 * stored as 1). */
static void gate_form(el_event_model *m, const char *line)
{
    if (strncmp(line, "w=", 2) != 0)
        return;
    const char *form = line + 2;
    size_t n = strlen(form);
    float sc[EL_MODEL_LABELS] = {0};
    uint32_t h = fnv_more(FNV_BASIS, form, n);
    feature_list fl;
    local_features(m, form, n, h, &fl);
    add_features(m, &fl, 0, sc);
    if (sc[0] - sc[1 + el_event_model_best_class(sc)] <= FORM_GATE)
        return;
    m->refuse[refuse_bit(h) / 64] |= 1ull << (refuse_bit(h) % 64);
}

/* Every "w=" row of the loaded text (NUL-separated rows after the split). */
static void build_form_set(el_event_model *m, const char *text, size_t len)
{
    m->h_bias = hash_str("1");
    m->h_start = hash_str("<s>");
    m->h_end = hash_str("</s>");
    for (size_t c = 0; c < EL_CTX_COUNT; c++)
        m->h_ctx[c] = hash_str(el_event_ctx_names[c]);
    for (size_t k = 0; k < 4; k++)
        m->h_shape[k] = hash_str(shape_names[k]);
    for (size_t i = 0; i < len; i += strlen(text + i) + 1)
        gate_form(m, text + i);
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
    el_event_model *m = el_calloc(1, sizeof *m);
    size_t cap = 16, rows = count_rows(text);
    while (cap < rows + rows / 4 + 2)
        cap *= 2;
    m->mask = cap - 1;
    m->slots = el_calloc(cap, sizeof *m->slots);
    size_t lineno = 0;
    for (char *p = text, *nl; *p; p = nl ? nl + 1 : p + strlen(p)) {
        nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        p[strcspn(p, "\r")] = '\0';
        if (*p && *p != '#' && !add_row(m, p)) {
            *err = row_error(path, lineno);
            el_event_model_free(m);
            m = NULL;
            break;
        }
    }
    if (m)
        build_form_set(m, text, len);
    free(text);
    return m;
}

void el_event_model_free(el_event_model *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m);
}

size_t el_event_model_features(const el_event_model *m)
{
    return m ? m->n : 0;
}

/* ---- scoring ------------------------------------------------------------ */

/* The features of token tok in its context (after local_score). */
/* The features of token tok in its context (after local_features). */
static void context_features(const el_event_model *m, const el_doc *doc, const uint32_t *roles,
                             size_t tok, feature_list *fl)
{
    uint32_t w = doc->tokens[tok].lhash, s3 = fl->h[2];
    int pc = el_event_prev_context(roles, tok), nc = el_event_next_context(doc, roles, tok + 1);
    const char *pcs = el_event_ctx_names[pc], *ncs = el_event_ctx_names[nc];
    push(fl, T_PC, m->h_ctx[pc]);
    push(fl, T_NC, m->h_ctx[nc]);
    push(fl, T_WPC, hash_pair(w, pcs));
    push(fl, T_WNC, hash_pair(w, ncs));
    push(fl, T_S3PC, hash_pair(s3, pcs));
    push(fl, T_S3NC, hash_pair(s3, ncs));
    push(fl, T_PW, tok > 0 ? doc->tokens[tok - 1].lhash : m->h_start);
    push(fl, T_NW, tok + 1 < doc->ntokens ? doc->tokens[tok + 1].lhash : m->h_end);
    push(fl, T_SH, m->h_shape[shape(doc, tok)]);
}

void el_event_model_score(const el_event_model *m, const el_doc *doc, const uint32_t *roles,
                          size_t tok, float out[EL_MODEL_LABELS])
{
    memset(out, 0, EL_MODEL_LABELS * sizeof *out);
    size_t n;
    const char *s = el_tok_text(doc, tok, &n);
    feature_list fl;
    local_features(m, s, n, doc->tokens[tok].lhash, &fl);
    context_features(m, doc, roles, tok, &fl);
    add_features(m, &fl, 0, out);
}

bool el_event_model_score_new(const el_event_model *m, const el_doc *doc, const uint32_t *roles,
                              size_t tok, float out[EL_MODEL_LABELS])
{
    size_t bit = refuse_bit(doc->tokens[tok].lhash);
    if (m->refuse[bit / 64] >> (bit % 64) & 1u)
        return false;   /* a known form that leans away from an event */
    memset(out, 0, EL_MODEL_LABELS * sizeof *out);
    size_t n;
    const char *s = el_tok_text(doc, tok, &n);
    feature_list fl;
    local_features(m, s, n, doc->tokens[tok].lhash, &fl);
    add_features(m, &fl, 0, out);
    if (out[0] - out[1 + el_event_model_best_class(out)] > FORM_GATE)
        return false;
    context_features(m, doc, roles, tok, &fl);
    add_features(m, &fl, LOCAL_FEATURES, out);
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

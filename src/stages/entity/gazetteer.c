/* gazetteer.c - load entity gazetteers and rule cue lists into token tries
 * (see gazetteer.h and gazetteers/entities/README.md for the file formats).
 *
 * Entity files: NAME<TAB>TYPE<TAB>SUBTYPE<TAB>ALIASES<TAB>ID<TAB>FLAGS, aliases
 * separated by '|'.  Names match capitalized text only (EL_LEX_CAP_ONLY);
 * all-capital names and aliases written "=Alias" match their exact case;
 * titles match in any case.  Cue files: WORD<TAB>KIND (a cue kind, or a
 * function-word class: `coord`, `definite`, ...). */
#include "stages/entity/gazetteer.h"
#include "base/util.h"
#include "base/blob.h"

#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; unsigned bit; } cue_kinds[] = {
    {"stop", CUE_STOP}, {"given", CUE_GIVEN}, {"org-suffix", CUE_ORG_SUFFIX},
    {"org-head", CUE_ORG_HEAD}, {"loc-suffix", CUE_LOC_SUFFIX}, {"loc-head", CUE_LOC_HEAD},
    {"fac-suffix", CUE_FAC_SUFFIX}, {"say", CUE_SAY}, {"connector", CUE_CONNECTOR},
    {"particle", CUE_PARTICLE}, {"not-name", CUE_NOT_NAME}, {"surname", CUE_SURNAME},
    {"org-noun", CUE_ORG_NOUN}, {"modifier", CUE_MODIFIER},
    {"pronoun", CUE_PRONOUN}, {"given-male", CUE_GIVEN | CUE_MALE},
    {"given-female", CUE_GIVEN | CUE_FEMALE}, {"pronoun-male", CUE_PRONOUN | CUE_MALE},
    {"pronoun-female", CUE_PRONOUN | CUE_FEMALE}, {"preposition", CUE_PREP},
    {"statement", CUE_STATEMENT}, {"auxiliary", CUE_AUX}, {"clause", CUE_CLAUSE},
    {"product", CUE_PRODUCT}, {"measure", CUE_MEASURE},
    {"corp-suffix", CUE_CORP | CUE_ORG_SUFFIX}, {"org-start", CUE_ORG_START},
    {"descriptor", CUE_DESCRIPTOR}, {"product-noun", CUE_PRODUCT_NOUN},
    {"org-of", CUE_ORG_OF}, {"loc-hyphen", CUE_LOC_HYPHEN},
    {"event-suffix", CUE_EVENT_SUFFIX}, {"product-after", CUE_PRODUCT_AFTER}, {"byline", CUE_BYLINE},
};

/* Function-word classes (a number per word beside its cue bits). */
static const struct { const char *name; unsigned cls; } class_kinds[] = {
    {"coord", EL_WC_AND}, {"definite", EL_WC_THE}, {"indefinite", EL_WC_INDEF},
    {"genitive", EL_WC_OF}, {"purpose", EL_WC_FOR}, {"relative", EL_WC_WHO},
    {"ordinal-suffix", EL_WC_ORDINAL}, {"org-after", EL_WC_ORG_AFTER}, {"place-noun", EL_WC_PLACE_NOUN},
    {"financial-after", EL_WC_FIN_AFTER},
};

/* Kinds of the common-word list (a lexicon of their own, not cue bits). */
static const struct { const char *name; unsigned what; } common_kinds[] = {
    {"common", GZ_COMMON_WORD}, {"common-name", GZ_COMMON_NAME},
};

typedef struct el_cue_word {
    uint32_t off;       /* the word in the pool */
    uint16_t len;
    uint8_t cls;        /* EL_WC_* (in what was padding) */
    uint32_t bits;      /* CUE_* */
} el_cue_word;

static uint32_t pool_add(el_gazetteer *gz, const char *s, size_t n)
{
    gz->pool = el_grow(gz->pool, &gz->pool_cap, gz->pool_len + n + 1, 1);
    uint32_t off = (uint32_t)gz->pool_len;
    memcpy(gz->pool + off, s, n);
    gz->pool[off + n] = '\0';
    gz->pool_len += n + 1;
    return off;
}

static el_gazetteer *gazetteer_new(void)
{
    el_gazetteer *gz = el_calloc(1, sizeof *gz);
    gz->names = el_lexicon_new();
    gz->lower = el_lexicon_new();
    gz->common = el_lexicon_new();
    el_hashmap_reserve(&gz->cue_map, 512);
    pool_add(gz, "", 0);   /* offset 0 = empty string = "none" */
    for (size_t i = 0; i < sizeof gz->countries / sizeof *gz->countries; i++)
        gz->countries[i] = -1;
    return gz;
}

void el_gazetteer_free(el_gazetteer *gz)
{
    if (!gz)
        return;
    el_lexicon_free(gz->names);
    el_lexicon_free(gz->lower);
    el_lexicon_free(gz->common);
    el_abbrevs_free(gz->abbrevs);
    el_hashmap_free(&gz->cue_map);
    free(gz->cues);
    free(gz->cue_pool);
    free(gz->entries);
    free(gz->pool);
    free(gz);
}

size_t el_gazetteer_size(const el_gazetteer *gz)
{
    return gz->nentries;
}

static char *errf(const char *what, const char *detail)
{
    size_t n = strlen(what) + strlen(detail) + 3;
    char *s = el_malloc(n);
    snprintf(s, n, "%s: %s", what, detail);
    return s;
}

/* True if every letter is upper case and there are at least two ("US", "U.S."). */
static bool all_caps(const char *s)
{
    size_t letters = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            return false;
        if (*s >= 'A' && *s <= 'Z')
            letters++;
    }
    return letters >= 2;
}

static void add_phrase(el_gazetteer *gz, const char *phrase, uint32_t entry, unsigned base)
{
    unsigned flags = base;
    if (*phrase == '=') {
        phrase++;
        flags = EL_LEX_CASE_EXACT;
    } else if (all_caps(phrase)) {
        flags = EL_LEX_CASE_EXACT;
    }
    if (!*phrase || !el_lexicon_add(gz->names, phrase, entry, flags))
        return;
    gz->nnames++;
    bool lower_start = *phrase >= 'a' && *phrase <= 'z';
    if (!(flags & (EL_LEX_CAP_ONLY | EL_LEX_CASE_EXACT)) || ((flags & EL_LEX_CASE_EXACT) && lower_start))
        el_lexicon_add(gz->lower, phrase, entry, flags);
}

/* The entry's key in the pool: its ID, else TYPE:<lower-case name>. */
static uint32_t pool_key(el_gazetteer *gz, const char *id, const char *type, const char *name)
{
    if (id && *id)
        return pool_add(gz, id, strlen(id));
    size_t tl = strlen(type), nl = strlen(name);
    gz->pool = el_grow(gz->pool, &gz->pool_cap, gz->pool_len + tl + nl + 2, 1);
    uint32_t off = (uint32_t)gz->pool_len;
    char *k = gz->pool + off;
    memcpy(k, type, tl);
    k[tl] = ':';
    for (size_t i = 0; i < nl; i++)
        k[tl + 1 + i] = name[i] >= 'A' && name[i] <= 'Z' ? (char)(name[i] + 32) : name[i];
    k[tl + 1 + nl] = '\0';
    gz->pool_len += tl + nl + 2;
    return off;
}

static bool parse_kind(const char *type, el_ent_type *t, uint8_t *kind)
{
    *kind = GZ_KIND_ENTITY;
    *t = EL_ENT_OTHER;
    if (strcmp(type, "TITLE") == 0) {
        *kind = GZ_KIND_TITLE;
        return true;
    }
    if (strcmp(type, "HONORIFIC") == 0) {
        *kind = GZ_KIND_HONORIFIC;
        return true;
    }
    if (strcmp(type, "EXCLUDE") == 0) {
        *kind = GZ_KIND_EXCLUDE;
        return true;
    }
    return el_ent_type_parse(type, t);
}

static unsigned line_flags(const char *flags, uint8_t kind)
{
    unsigned f = kind == GZ_KIND_ENTITY || kind == GZ_KIND_EXCLUDE ? EL_LEX_CAP_ONLY : 0;
    if (flags && strstr(flags, "nocase"))
        f = 0;
    if (flags && strstr(flags, "exact"))
        f = EL_LEX_CASE_EXACT;
    return f;
}

/* The subtype in the pool (0 = none); a run of lines with the same subtype
 * shares one copy. */
static uint32_t pool_subtype(el_gazetteer *gz, const char *sub)
{
    if (!*sub)
        return 0;
    if (gz->last_subtype && strcmp(gz->pool + gz->last_subtype, sub) == 0)
        return gz->last_subtype;
    return gz->last_subtype = pool_add(gz, sub, strlen(sub));
}

/* Index of a two-letter upper-case code in gz->countries, or -1. */
static int code_index(const char *cc)
{
    if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' || cc[2])
        return -1;
    return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

/* FLAGS "NAME=XX" into out (two letters), if present. */
static void flag_code(const char *flags, const char *name, char out[4])
{
    const char *v = flags ? strstr(flags, name) : NULL;
    if (v)
        snprintf(out, 4, "%.2s", v + strlen(name));
}

/* Remember entry idx as the country of its ISO code (ID iso:XX). */
static void note_country(el_gazetteer *gz, const el_gz_entry *e, uint32_t idx)
{
    const char *key = gz->pool + e->key;
    int ci = e->kind == GZ_KIND_ENTITY && e->type == EL_ENT_LOCATION
             && strncmp(key, "iso:", 4) == 0 ? code_index(key + 4) : -1;
    if (ci >= 0)
        gz->countries[ci] = (int32_t)idx;
}

int el_gz_capital_country(const el_gazetteer *gz, int entry)
{
    if (entry < 0 || !gz->entries[entry].capital_of[0])
        return -1;
    int ci = code_index(gz->entries[entry].capital_of);
    return ci < 0 ? -1 : gz->countries[ci];
}

bool el_gz_add_line(el_gazetteer *gz, char *line, char **err)
{
    line[strcspn(line, "\r\n")] = '\0';
    if (*line == '#' || *line == '\0')
        return true;
    char *f[6] = {0};
    size_t nf = el_split_tabs(line, f, 6);
    el_ent_type t;
    uint8_t kind;
    if (nf < 2 || !*f[0])
        return *err = errf(line, "expected NAME<TAB>TYPE[<TAB>SUBTYPE<TAB>ALIASES<TAB>ID<TAB>FLAGS]"), false;
    if (!parse_kind(f[1], &t, &kind))
        return *err = errf(f[1], "unknown entity type"), false;
    uint32_t name = pool_add(gz, f[0], strlen(f[0]));
    uint32_t key = pool_key(gz, nf > 4 ? f[4] : NULL,
                            kind == GZ_KIND_ENTITY ? el_ent_type_name(t) : "TITLE", f[0]);
    if (nf > 5 && !*f[5])
        nf = 5;   /* (an empty FLAGS field: no flag to look for) */
    el_gz_entry e = {name, key, nf > 2 ? pool_subtype(gz, f[2]) : 0, (uint8_t)t, kind,
                     nf > 5 && strstr(f[5], "low") != NULL, "", ""};
    flag_code(nf > 5 ? f[5] : NULL, "country=", e.country);
    flag_code(nf > 5 ? f[5] : NULL, "capital-of=", e.capital_of);
    uint32_t idx = (uint32_t)gz->nentries;
    note_country(gz, &e, idx);
    EL_PUSH(gz->entries, gz->nentries, gz->cap_entries) = e;
    unsigned flags = line_flags(nf > 5 ? f[5] : NULL, kind);
    add_phrase(gz, f[0], idx, flags);
    for (char *a = nf > 3 ? f[3] : NULL, *next; a && *a; a = next) {
        next = strchr(a, '|');
        if (next)
            *next++ = '\0';
        add_phrase(gz, a, idx, flags);
    }
    return true;
}

/* The cue word w[0..n) (hash h), or NULL; cue words are stored lower-case. */
static el_cue_word *cue_find(const el_gazetteer *gz, uint32_t h, const char *w, size_t n)
{
    el_hashmap_probe p = el_hashmap_find(&gz->cue_map, h);
    for (uint32_t v; el_hashmap_next(&gz->cue_map, &p, &v);)
        if (gz->cues[v].len == n && el_eq_lower(gz->cue_pool + gz->cues[v].off, w, n))
            return &gz->cues[v];
    return NULL;
}

static el_cue_word *cue_add(el_gazetteer *gz, const char *w, unsigned bit)
{
    size_t n = strlen(w);
    if (n == 0 || n > UINT16_MAX)
        return NULL;
    uint32_t h = el_hash_lower(w, n);
    el_cue_word *c = cue_find(gz, h, w, n);
    if (!c) {
        gz->cues = el_grow(gz->cues, &gz->cap_cues, gz->ncues + 1, sizeof *gz->cues);
        c = &gz->cues[gz->ncues];
        *c = (el_cue_word){(uint32_t)gz->cue_pool_len, (uint16_t)n, EL_WC_NONE, 0};
        el_hashmap_put(&gz->cue_map, h, (uint32_t)gz->ncues++);
        gz->cue_pool = el_grow(gz->cue_pool, &gz->cue_pool_cap, gz->cue_pool_len + n, 1);
        for (size_t i = 0; i < n; i++)
            gz->cue_pool[gz->cue_pool_len++] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
        gz->cue_filter[el_gz_cue_bit(h) / 64] |= 1ull << (el_gz_cue_bit(h) % 64);
    }
    c->bits |= bit;
    return c;
}

/* Give word w the function-word class cls; a word has one class. */
static bool class_add(el_gazetteer *gz, const char *w, unsigned cls, char **err)
{
    el_cue_word *c = cue_add(gz, w, 0);
    if (c && c->cls != EL_WC_NONE && c->cls != cls)
        return *err = errf(w, "word has two function-word classes"), false;
    if (c)
        c->cls = (uint8_t)cls;
    return true;
}

bool el_gz_add_cue_line(el_gazetteer *gz, char *line, char **err)
{
    line[strcspn(line, "\r\n")] = '\0';
    if (*line == '#' || *line == '\0')
        return true;
    char *f[2] = {0};
    if (el_split_tabs(line, f, 2) < 2)
        return *err = errf(line, "expected WORD<TAB>KIND"), false;
    /* (the common-word kinds first: most lines are theirs; no name is in
     * both tables) */
    for (size_t i = 0; i < sizeof common_kinds / sizeof *common_kinds; i++)
        if (strcmp(f[1], common_kinds[i].name) == 0) {
            el_lexicon_add(gz->common, f[0], common_kinds[i].what, 0);
            return true;
        }
    for (size_t i = 0; i < sizeof cue_kinds / sizeof *cue_kinds; i++)
        if (strcmp(f[1], cue_kinds[i].name) == 0) {
            cue_add(gz, f[0], cue_kinds[i].bit);
            return true;
        }
    for (size_t i = 0; i < sizeof class_kinds / sizeof *class_kinds; i++)
        if (strcmp(f[1], class_kinds[i].name) == 0)
            return class_add(gz, f[0], class_kinds[i].cls, err);
    return *err = errf(f[1], "unknown cue kind"), false;
}

unsigned el_gz_cues_lookup(const el_gazetteer *gz, const el_doc *doc, size_t tok)
{
    uint32_t h = doc->tokens[tok].lhash;
    size_t n;
    const char *w = el_tok_text(doc, tok, &n);
    const el_cue_word *c = cue_find(gz, h, w, n);
    return c ? c->bits : 0;
}

unsigned el_gz_class_lookup(const el_gazetteer *gz, const el_doc *doc, size_t tok)
{
    size_t n;
    const char *w = el_tok_text(doc, tok, &n);
    const el_cue_word *c = cue_find(gz, doc->tokens[tok].lhash, w, n);
    return c ? c->cls : EL_WC_NONE;
}

unsigned el_gz_word_class(const el_gazetteer *gz, const char *w, size_t n)
{
    const el_cue_word *c = cue_find(gz, el_hash_lower(w, n), w, n);
    return c ? c->cls : EL_WC_NONE;
}

unsigned el_gz_common(const el_gazetteer *gz, const el_doc *doc, size_t tok)
{
    uint32_t what;
    return el_lexicon_match(gz->common, doc, tok, &what) == 1 ? what : 0;
}

typedef bool (*line_fn)(el_gazetteer *, char *, char **);

static bool load_lines(el_gazetteer *gz, const char *path, line_fn fn, char **err)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return *err = errf(path, "cannot open gazetteer file"), false;
    char *line = NULL, *e = NULL;
    size_t cap = 0, lineno = 0;
    bool ok = true;
    errno = 0;
    while (ok && getline(&line, &cap, fp) >= 0) {
        lineno++;
        if (!(ok = fn(gz, line, &e))) {
            size_t n = strlen(path) + strlen(e) + 32;
            *err = el_malloc(n);
            snprintf(*err, n, "%s:%zu: %s", path, lineno, e);
            free(e);
        }
    }
    if (ok && (!feof(fp) || ferror(fp))) {   /* getline fails without EOF when out of memory */
        *err = el_strdupf("%s:%zu: read error: %s", path, lineno + 1, strerror(errno ? errno : EIO));
        ok = false;
    }
    free(line);
    fclose(fp);
    return ok;
}

bool el_gazetteer_add_file(el_gazetteer *gz, const char *path, char **err)
{
    return load_lines(gz, path, el_gz_add_line, err);
}

/* Load every *.tsv of `dir` (sorted by name) with `fn`; a missing dir is empty. */
static bool load_dir(el_gazetteer *gz, const char *dir, line_fn fn, char **err)
{
    size_t n;
    char **names = el_list_tsv_sorted(dir, &n);
    if (!names)
        return true;
    bool ok = true;
    char path[4096];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        ok = ok && load_lines(gz, path, fn, err);
        free(names[i]);
    }
    free(names);
    return ok;
}

/* Phrases must be tokenized like the documents ("Calif." is one token):
 * the lexicons use DIR/abbreviations.tsv when it loads. */
static void set_abbrevs(el_gazetteer *gz, const char *dir)
{
    char path[4096], *aerr = NULL;
    snprintf(path, sizeof path, "%s/abbreviations.tsv", dir);
    if ((gz->abbrevs = el_abbrevs_load(path, &aerr))) {
        el_lexicon_set_abbrevs(gz->names, gz->abbrevs);
        el_lexicon_set_abbrevs(gz->lower, gz->abbrevs);
        el_lexicon_set_abbrevs(gz->common, gz->abbrevs);
    }
    free(aerr);
}

el_gazetteer *el_gazetteer_load(const char *dir, char **extra, size_t nextra, char **err)
{
    el_gazetteer *gz = gazetteer_new();
    char path[4096];
    bool ok = true;
    if (dir) {
        set_abbrevs(gz, dir);
        snprintf(path, sizeof path, "%s/entities", dir);
        ok = load_dir(gz, path, el_gz_add_line, err);
        snprintf(path, sizeof path, "%s/entities/cues", dir);
        ok = ok && load_dir(gz, path, el_gz_add_cue_line, err);
    }
    for (size_t i = 0; ok && i < nextra; i++)
        ok = el_gazetteer_add_file(gz, extra[i], err);
    if (!ok) {
        el_gazetteer_free(gz);
        return NULL;
    }
    return gz;
}

/* ---- the compiled cache ----------------------------------------------- */

/* The cue words and entries without their padding bytes (the file is the
 * same for the same tables). */
static void save_cues(const el_gazetteer *gz, el_buf *w)
{
    el_cue_word *c = el_calloc(gz->ncues ? gz->ncues : 1, sizeof *c);
    for (size_t i = 0; i < gz->ncues; i++) {
        c[i].off = gz->cues[i].off;
        c[i].len = gz->cues[i].len;
        c[i].cls = gz->cues[i].cls;
        c[i].bits = gz->cues[i].bits;
    }
    el_blob_put(w, c, gz->ncues * sizeof *c);
    free(c);
}

static void save_entries(const el_gazetteer *gz, el_buf *w)
{
    el_gz_entry *e = el_calloc(gz->nentries ? gz->nentries : 1, sizeof *e);
    for (size_t i = 0; i < gz->nentries; i++) {
        const el_gz_entry *g = &gz->entries[i];
        e[i].name = g->name;
        e[i].key = g->key;
        e[i].subtype = g->subtype;
        e[i].type = g->type;
        e[i].kind = g->kind;
        e[i].low = g->low;
        memcpy(e[i].country, g->country, sizeof e[i].country);
        memcpy(e[i].capital_of, g->capital_of, sizeof e[i].capital_of);
    }
    el_blob_put(w, e, gz->nentries * sizeof *e);
    free(e);
}

void el_gazetteer_save(const el_gazetteer *gz, el_buf *w)
{
    el_lexicon_save(gz->names, w);
    el_lexicon_save(gz->common, w);
    el_lexicon_save(gz->lower, w);
    el_hashmap_save(&gz->cue_map, w);
    save_cues(gz, w);
    el_blob_put(w, gz->cue_filter, sizeof gz->cue_filter);
    el_blob_put(w, gz->cue_pool, gz->cue_pool_len);
    save_entries(gz, w);
    el_blob_put(w, gz->pool, gz->pool_len);
    el_blob_put_u64(w, gz->nnames);
    el_blob_put(w, gz->countries, sizeof gz->countries);
    el_blob_put_u64(w, gz->last_subtype);
}

el_gazetteer *el_gazetteer_restore(const char *dir, el_blob_r *r)
{
    el_gazetteer *gz = gazetteer_new();
    set_abbrevs(gz, dir);
    (void)(el_lexicon_restore(gz->names, r) && el_lexicon_restore(gz->common, r)
           && el_lexicon_restore(gz->lower, r) && el_hashmap_restore(&gz->cue_map, r));
    free(gz->cues);
    gz->cues = el_blob_copy(r, sizeof *gz->cues, 0, &gz->ncues);
    gz->cap_cues = gz->ncues;
    el_blob_get_fixed(r, gz->cue_filter, sizeof gz->cue_filter);
    gz->cue_pool = el_blob_copy(r, 1, 0, &gz->cue_pool_len);
    gz->cue_pool_cap = gz->cue_pool_len;
    gz->entries = el_blob_copy(r, sizeof *gz->entries, 0, &gz->nentries);
    gz->cap_entries = gz->nentries;
    free(gz->pool);
    gz->pool = el_blob_copy(r, 1, 0, &gz->pool_len);
    gz->pool_cap = gz->pool_len;
    gz->nnames = (size_t)el_blob_get_u64(r);
    el_blob_get_fixed(r, gz->countries, sizeof gz->countries);
    gz->last_subtype = (uint32_t)el_blob_get_u64(r);
    if (r->bad || gz->pool_len == 0 || gz->last_subtype >= gz->pool_len) {
        r->bad = true;
        el_gazetteer_free(gz);
        return NULL;
    }
    return gz;
}

/* event_lexicon.c - load the event trigger lexicon (gazetteers/events/):
 * hand-written triggers with generated English inflections, forms learned
 * from TimeML training data, closed-class grammar words, signals and the
 * event types' label templates.  Formats: gazetteers/events/README.md. */
#include "stages/event/event_internal.h"
#include "text/tokenize.h"
#include "base/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- English inflection ------------------------------------------------- */

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* One-syllable consonant-vowel-consonant words double their last letter
 * (stop -> stopped); longer words are listed with irregular forms. */
static bool doubles_final(const char *w, size_t n)
{
    if (n < 3 || strchr("wxy", w[n - 1]) || is_vowel(w[n - 1]) || !is_vowel(w[n - 2]) ||
        is_vowel(w[n - 3]))
        return false;
    size_t groups = 0;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])))
            groups++;
    return groups == 1;
}

static void suffix_s(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n && (w[n - 1] == 's' || w[n - 1] == 'x' || w[n - 1] == 'z' ||
              (n > 1 && (w[n - 1] == 'h') && (w[n - 2] == 'c' || w[n - 2] == 's'))))
        snprintf(out, cap, "%ses", w);
    else if (n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        snprintf(out, cap, "%.*sies", (int)(n - 1), w);
    else
        snprintf(out, cap, "%ss", w);
}

static void suffix_ed(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n && w[n - 1] == 'e')
        snprintf(out, cap, "%sd", w);
    else if (n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        snprintf(out, cap, "%.*sied", (int)(n - 1), w);
    else if (doubles_final(w, n))
        snprintf(out, cap, "%s%ced", w, w[n - 1]);
    else
        snprintf(out, cap, "%sed", w);
}

static void suffix_ing(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n > 2 && w[n - 1] == 'e' && w[n - 2] == 'i')
        snprintf(out, cap, "%.*sying", (int)(n - 2), w);
    else if (n > 2 && w[n - 1] == 'e' && !strchr("eyo", w[n - 2]))
        snprintf(out, cap, "%.*sing", (int)(n - 1), w);
    else if (doubles_final(w, n))
        snprintf(out, cap, "%s%cing", w, w[n - 1]);
    else
        snprintf(out, cap, "%sing", w);
}

/* ---- adding forms ------------------------------------------------------- */

typedef struct form_set {
    char form[5][96];
    unsigned morph[5];
    size_t n;
} form_set;

static void form_add(form_set *fs, const char *form, const char *rest, unsigned morph)
{
    char full[96];
    snprintf(full, sizeof full, "%s%s", form, rest);
    for (size_t i = 0; i < fs->n; i++)
        if (strcmp(fs->form[i], full) == 0) {
            fs->morph[i] |= morph;
            return;
        }
    if (fs->n < 5) {
        snprintf(fs->form[fs->n], sizeof fs->form[0], "%s", full);
        fs->morph[fs->n++] = morph;
    }
}

/* Irregular forms field, split at commas into at most 4 parts. */
static size_t split_commas(char *s, char **parts, size_t max)
{
    size_t n = 0;
    while (s && *s && n < max) {
        parts[n++] = s;
        char *c = strchr(s, ',');
        if (!c)
            break;
        *c = '\0';
        s = c + 1;
    }
    return n;
}

static void verb_forms(form_set *fs, const char *lemma, char *irregular)
{
    char head[64], tmp[96];
    const char *sp = strchr(lemma, ' ');
    size_t hn = sp ? (size_t)(sp - lemma) : strlen(lemma);
    snprintf(head, sizeof head, "%.*s", (int)hn, lemma);
    const char *rest = sp ? sp : "";
    char *irr[4] = {NULL, NULL, NULL, NULL};
    split_commas(irregular, irr, 4);
    form_add(fs, head, rest, EL_M_VB);
    if (irr[3]) form_add(fs, irr[3], rest, EL_M_VBZ);
    else { suffix_s(head, tmp, sizeof tmp); form_add(fs, tmp, rest, EL_M_VBZ); }
    if (irr[0]) form_add(fs, irr[0], rest, EL_M_VBD);
    else { suffix_ed(head, tmp, sizeof tmp); form_add(fs, tmp, rest, EL_M_VBD); }
    if (irr[1]) form_add(fs, irr[1], rest, EL_M_VBN);
    else { suffix_ed(head, tmp, sizeof tmp); form_add(fs, tmp, rest, EL_M_VBN); }
    if (irr[2]) form_add(fs, irr[2], rest, EL_M_VBG);
    else { suffix_ing(head, tmp, sizeof tmp); form_add(fs, tmp, rest, EL_M_VBG); }
}

static void noun_forms(form_set *fs, const char *lemma, const char *plural)
{
    char tmp[96];
    form_add(fs, lemma, "", EL_M_NN);
    if (plural && strcmp(plural, "-") == 0)
        return;
    if (plural && *plural) {
        form_add(fs, plural, "", EL_M_NN);
        return;
    }
    /* pluralize the last word of a compound noun */
    suffix_s(lemma, tmp, sizeof tmp);
    form_add(fs, tmp, "", EL_M_NN);
}

static uint32_t push_trigger(el_trigger_lexicon *lx, const char *lemma, const char *type,
                             el_event_class cls, char pos, unsigned morph, float weight)
{
    el_trigger *t = &EL_PUSH(lx->trig, lx->ntrig, lx->cap_trig);
    t->lemma = el_strdup(lemma);
    t->type = type && strcmp(type, "-") != 0 ? el_strdup(type) : NULL;
    t->cls = cls;
    t->pos = pos;
    t->morph = morph;
    t->weight = weight;
    t->stats = -1;
    return (uint32_t)(lx->ntrig - 1);
}

/* ---- file readers ------------------------------------------------------- */

typedef bool (*line_fn)(el_trigger_lexicon *lx, char **f, size_t nf);

static char *load_err(const char *path, size_t lineno, const char *what)
{
    char msg[4200];
    snprintf(msg, sizeof msg, "%s:%zu: %s", path, lineno, what);
    return el_strdup(msg);
}

/* Read a TSV file line by line; comment and blank lines are skipped. */
static bool read_tsv(el_trigger_lexicon *lx, const char *dir, const char *name, size_t minf,
                     line_fn fn, char **err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/events/%s", dir, name);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        *err = load_err(path, 0, "cannot open the event lexicon file");
        return false;
    }
    char line[1024];
    size_t lineno = 0;
    bool ok = true;
    while (ok && fgets(line, sizeof line, fp)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *f[8];
        size_t nf = el_split_tabs(line, f, 8);
        if (nf < minf || !fn(lx, f, nf)) {
            *err = load_err(path, lineno, "malformed line");
            ok = false;
        }
    }
    fclose(fp);
    return ok;
}

static bool trigger_line(el_trigger_lexicon *lx, char **f, size_t nf)
{
    el_event_class cls;
    if (!el_event_class_parse(f[3], &cls) || !f[1][0] || f[1][1])
        return false;
    form_set fs = {.n = 0};
    char *irr = nf > 4 ? f[4] : NULL;
    if (f[1][0] == 'V')
        verb_forms(&fs, f[0], irr);
    else if (f[1][0] == 'N')
        noun_forms(&fs, f[0], irr);
    else
        form_add(&fs, f[0], "", EL_M_NN);
    for (size_t i = 0; i < fs.n; i++) {
        uint32_t id = push_trigger(lx, f[0], f[2], cls, f[1][0], fs.morph[i], 1.0f);
        if (!el_lexicon_add(lx->forms, fs.form[i], id, 0))
            return false;
    }
    return true;
}

/* Give every hand reading of the single-word `form` with part of speech
 * `pos` the TimeML class observed for it; returns the first hand reading
 * (or -1 if none) and sets *found when one has that part of speech. */
static long set_class_of_form(el_trigger_lexicon *lx, const char *form, char pos,
                              el_event_class cls, bool *found)
{
    uint32_t pl[8];
    size_t np = 0;
    long first = -1;
    *found = false;
    el_doc *d = el_doc_new("form", NULL, el_strdup(form), strlen(form));
    el_tokenize(d, NULL);
    if (d->ntokens == 1 && el_lexicon_match_all(lx->forms, d, 0, pl, 8, &np) == 1)
        for (size_t k = 0; k < np; k++) {
            if (first < 0)
                first = (long)pl[k];
            if (lx->trig[pl[k]].pos == pos) {
                lx->trig[pl[k]].cls = cls;
                *found = true;
            }
        }
    el_doc_free(d);
    return first;
}

/* Morphology of a learned form: from its suffix, else the MORPH column. */
static unsigned learned_morph(const char *form, char pos, const char *col)
{
    size_t n = strlen(form);
    if (pos != 'V')
        return EL_M_NN;
    if (n > 4 && strcmp(form + n - 3, "ing") == 0)
        return EL_M_VBG;
    if (n > 3 && strcmp(form + n - 2, "ed") == 0)
        return EL_M_VBD | EL_M_VBN;
    if (strcmp(col, "VBD") == 0) return EL_M_VBD | EL_M_VBN;
    if (strcmp(col, "VBN") == 0) return EL_M_VBN | EL_M_VBD;
    if (strcmp(col, "VBG") == 0) return EL_M_VBG;
    if (strcmp(col, "VBZ") == 0 && n > 2 && form[n - 1] == 's') return EL_M_VBZ;
    return EL_M_VB;
}

static bool learned_line(el_trigger_lexicon *lx, char **f, size_t nf)
{
    el_event_class cls;
    uint32_t dummy;
    (void)nf;
    if (strcmp(f[2], "NONE") == 0)   /* frequent, rarely an event */
        return el_lexicon_add(lx->weak, f[0], 0, 0);
    if (!el_event_class_parse(f[2], &cls))
        return false;
    char pos = f[1][0] == 'V' || f[1][0] == 'N' || f[1][0] == 'A' ? f[1][0] : 'N';
    float w = (float)atof(f[4]);
    if (el_lexicon_lookup(lx->forms, f[0], &dummy)) {
        /* known form: the hand lexicon keeps its type, TimeML usage gives the
         * class; a part of speech the hand lexicon lacks ("an offer" next to
         * the verb "offer") becomes one more reading of the same lemma */
        bool found;
        long first = set_class_of_form(lx, f[0], pos, cls, &found);
        if (found || first < 0 || pos == 'A')
            return true;
        char *lemma = el_strdup(lx->trig[first].lemma), *type = lx->trig[first].type;
        char *ty = type ? el_strdup(type) : NULL;
        uint32_t id = push_trigger(lx, lemma, ty, cls, pos, learned_morph(f[0], pos, f[3]), 1.0f);
        free(lemma);
        free(ty);
        return el_lexicon_add(lx->forms, f[0], id, 0);
    }
    uint32_t id = push_trigger(lx, f[0], NULL, cls, pos, learned_morph(f[0], pos, f[3]), w);
    return el_lexicon_add(lx->forms, f[0], id, 0);
}

const char *const el_event_ctx_names[EL_CTX_COUNT] = {
    "*", "p:to", "p:mod", "p:have", "p:be", "p:det", "p:-",
    "n:to", "n:comp", "n:obj", "n:prep", "n:-",
};

static int context_id(const char *name)
{
    for (int i = 0; i < EL_CTX_COUNT; i++)
        if (strcmp(name, el_event_ctx_names[i]) == 0)
            return i;
    return -1;
}

/* Point every trigger reading of the single-word `form` at its learned
 * rows, so the event stage finds them without a second lookup. */
static void link_readings(el_trigger_lexicon *lx, const char *form, int32_t id)
{
    uint32_t pl[8];
    size_t np = 0;
    el_doc *d = el_doc_new("form", NULL, el_strdup(form), strlen(form));
    el_tokenize(d, NULL);
    if (d->ntokens == 1 && el_lexicon_match_all(lx->forms, d, 0, pl, 8, &np) == 1)
        for (size_t k = 0; k < np; k++)
            lx->trig[pl[k]].stats = id;
    el_doc_free(d);
}

/* DIST "CLASS:N,CLASS:N" (or "-"): the classes seen in c->seen. */
static bool class_counts(el_form_ctx *c, char *dist, unsigned long events)
{
    if (strcmp(dist, "-") == 0)
        return true;
    char *parts[8];
    size_t n = split_commas(dist, parts, 8);
    for (size_t i = 0; i < n; i++) {
        char *colon = strchr(parts[i], ':');
        el_event_class k;
        if (!colon)
            return false;
        *colon = '\0';
        if (!el_event_class_parse(parts[i], &k))
            return false;
        if (strtoul(colon + 1, NULL, 10) * 100u >= events * EL_CLASS_SEEN_PCT)
            c->seen |= (uint8_t)(1u << k);
    }
    return true;
}

/* FORM CTX OCC EVENTS CLASS SHARE DIST: one context of a form; the rows of
 * one form share a record.  SHARE is informative (the file only marks a class
 * when it is clear). */
static bool class_line(el_trigger_lexicon *lx, char **f, size_t nf)
{
    (void)nf;
    el_event_class cls = EL_EV_OCCURRENCE;
    int ctx = context_id(f[1]);
    bool has_cls = strcmp(f[4], "-") != 0;
    if (ctx < 0 || (has_cls && !el_event_class_parse(f[4], &cls)))
        return false;
    uint32_t id;
    if (!el_lexicon_lookup(lx->classes, f[0], &id)) {
        el_form_stats *st = &EL_PUSH(lx->stats, lx->nstats, lx->cap_stats);
        memset(st, 0, sizeof *st);
        id = (uint32_t)(lx->nstats - 1);
        if (!el_lexicon_add(lx->classes, f[0], id, 0))
            return false;
        link_readings(lx, f[0], (int32_t)id);
    }
    unsigned long occ = strtoul(f[2], NULL, 10), events = strtoul(f[3], NULL, 10);
    if (occ == 0 || events > occ)
        return false;
    el_form_ctx *c = &lx->stats[id].ctx[ctx];
    c->occ = (uint16_t)(occ < UINT16_MAX ? occ : UINT16_MAX);   /* keeps the ratio */
    c->events = (uint16_t)(occ < UINT16_MAX ? events : events * UINT16_MAX / occ);
    c->cls = (int8_t)(has_cls ? (int)cls : -1);
    return class_counts(c, f[6], events);
}

static unsigned role_bit(const char *name)
{
    static const char *const names[] = {
        "be_pres", "be_past", "be_part", "be_base", "be_ing", "have_pres", "have_past",
        "have_base", "do_pres", "do_past", "will", "modal", "neg", "to", "det", "adv",
        "time_prep", "loc_prep", "with", "clause", "pron", "noevent", "comp", "prep", "quant",
        "unassert", "actor", "negsubj",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0)
            return 1u << i;
    return 0;
}

/* The function-word class named `name` (EL_W_*), or EL_W_NONE. */
static uint32_t word_class(const char *name)
{
    static const char *const names[] = {
        "-", "coord", "alt", "contrast", "definite", "indefinite", "genitive", "purpose",
        "agent", "source", "start", "end", "before", "after", "within", "that_comp",
    };
    for (uint32_t i = 1; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return EL_W_NONE;
}

static bool grammar_line(el_trigger_lexicon *lx, char **f, size_t nf)
{
    (void)nf;
    char *parts[8];
    size_t n = split_commas(f[1], parts, 8);
    uint32_t bits = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t w = word_class(parts[i]);
        if (w && (bits & EL_R_WORD_MASK))
            return false;   /* one word class per word */
        unsigned b = w ? 0 : role_bit(parts[i]);
        if (!w && !b)
            return false;
        bits |= b | w << EL_R_WORD_SHIFT;
    }
    return el_lexicon_add(lx->grammar, f[0], bits, 0);
}

static bool signal_line(el_trigger_lexicon *lx, char **f, size_t nf)
{
    (void)nf;
    el_reltype rel;
    if (!el_reltype_parse(f[1], &rel))
        return false;   /* not a TimeML relType */
    el_signal *s = &EL_PUSH(lx->sig, lx->nsig, lx->cap_sig);
    s->reltype = rel;
    s->causal = strcmp(f[2], "causal") == 0;
    return el_lexicon_add(lx->signals, f[0], (uint32_t)(lx->nsig - 1), 0);
}

static bool credit_line(el_trigger_lexicon *lx, char **f, size_t nf)
{
    (void)nf;
    return el_lexicon_add(lx->credits, f[0], 0, 0);
}

static bool normalizer_line(el_trigger_lexicon *lx, char **f, size_t nf)
{
    (void)nf;
    static const char *const kinds[] = {"indefinite", "support", "happen", "condition"};   /* EL_NW_* order */
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(f[1], kinds[i]) == 0)
            return el_lexicon_add(lx->normalizer, f[0], 1u << i, 0);
    return false;
}

static bool type_line(el_trigger_lexicon *lx, char **f, size_t nf)
{
    el_event_type_info *t = &EL_PUSH(lx->types, lx->ntypes, lx->cap_types);
    memset(t, 0, sizeof *t);
    t->name = el_strdup(f[0]);
    t->group = el_strdup(f[1]);
    t->timeline = strcmp(f[2], "yes") == 0;
    t->span_days = nf > 4 ? atoi(f[4]) : 0;
    for (char *p = f[3]; p && *p;) {
        char *bar = strstr(p, " | ");
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        t->labels = el_realloc(t->labels, (t->nlabels + 1) * sizeof *t->labels);
        t->labels[t->nlabels++] = el_strndup(p, len);
        p = bar ? bar + 3 : NULL;
    }
    return true;
}

/* events/event-model.tsv, if there is one. */
static bool load_model(el_trigger_lexicon *lx, const char *dir, bool want, char **err)
{
    if (lx->model || !want)
        return true;   /* given by the caller, or not wanted */
    char path[4096];
    snprintf(path, sizeof path, "%s/events/event-model.tsv", dir);
    lx->model = el_event_model_load(path, err);
    return lx->model || !*err;
}


/* The lexicon from DIR, with `model` (NULL: read it from DIR if `want`). */
static el_trigger_lexicon *load_lexicon(const char *dir, el_event_model *model, bool want,
                                        char **err)
{
    el_trigger_lexicon *lx = el_calloc(1, sizeof *lx);
    lx->model = model;
    lx->forms = el_lexicon_new();
    lx->grammar = el_lexicon_new();
    lx->signals = el_lexicon_new();
    lx->weak = el_lexicon_new();
    lx->classes = el_lexicon_new();
    lx->credits = el_lexicon_new();
    lx->normalizer = el_lexicon_new();
    if (!read_tsv(lx, dir, "triggers.tsv", 4, trigger_line, err) ||
        !read_tsv(lx, dir, "timeml-forms.tsv", 5, learned_line, err) ||
        !read_tsv(lx, dir, "timeml-classes.tsv", 7, class_line, err) ||
        !read_tsv(lx, dir, "grammar.tsv", 2, grammar_line, err) ||
        !read_tsv(lx, dir, "signals.tsv", 3, signal_line, err) ||
        !read_tsv(lx, dir, "credits.tsv", 1, credit_line, err) ||
        !read_tsv(lx, dir, "normalizer.tsv", 2, normalizer_line, err) ||
        !read_tsv(lx, dir, "types.tsv", 4, type_line, err) ||
        !el_event_senses_load(lx, dir, err) || !load_model(lx, dir, want, err)) {
        el_trigger_lexicon_free(lx);
        return NULL;
    }
    return lx;
}

el_trigger_lexicon *el_trigger_lexicon_load(const char *dir, char **err)
{
    return load_lexicon(dir, NULL, true, err);
}

el_trigger_lexicon *el_trigger_lexicon_load_with(const char *dir, el_event_model *model,
                                                 char **err)
{
    return load_lexicon(dir, model, true, err);
}

el_trigger_lexicon *el_trigger_lexicon_load_words(const char *dir, char **err)
{
    return load_lexicon(dir, NULL, false, err);
}

void el_trigger_lexicon_free(el_trigger_lexicon *lx)
{
    if (!lx)
        return;
    el_lexicon_free(lx->forms);
    el_lexicon_free(lx->grammar);
    el_lexicon_free(lx->signals);
    el_lexicon_free(lx->weak);
    el_lexicon_free(lx->classes);
    el_lexicon_free(lx->credits);
    el_lexicon_free(lx->normalizer);
    el_event_model_free(lx->model);
    el_event_senses_free(lx->senses);
    free(lx->stats);
    for (size_t i = 0; i < lx->ntrig; i++) {
        free(lx->trig[i].lemma);
        free(lx->trig[i].type);
    }
    free(lx->trig);
    free(lx->sig);
    for (size_t i = 0; i < lx->ntypes; i++) {
        free(lx->types[i].name);
        free(lx->types[i].group);
        for (size_t k = 0; k < lx->types[i].nlabels; k++)
            free(lx->types[i].labels[k]);
        free(lx->types[i].labels);
    }
    free(lx->types);
    free(lx);
}

const el_event_type_info *el_trigger_type(const el_trigger_lexicon *lx, const char *type)
{
    if (!lx || !type)
        return NULL;
    for (size_t i = 0; i < lx->ntypes; i++)
        if (strcmp(lx->types[i].name, type) == 0)
            return &lx->types[i];
    return NULL;
}

bool el_trigger_word_is(const el_trigger_lexicon *lx, const el_doc *doc, size_t tok,
                        unsigned kinds)
{
    uint32_t bits = 0;
    return lx && el_lexicon_match(lx->normalizer, doc, tok, &bits) == 1 && (bits & kinds);
}

/* "'s" is a possessive (a determiner) after a noun, but "is" or "has"
 * after a pronoun or relative word ("it's expected", "who's been"). */
static uint32_t clitic_s_role(const el_doc *doc, const uint32_t *roles, size_t i)
{
    if (i == 0 || !(roles[i - 1] & (EL_R_PRON | EL_R_CLAUSE)) ||
        !el_tok_is_possessive(doc, i))
        return roles[i];
    return roles[i + 1] & EL_R_BE_PART ? EL_R_HAVE_PRES : EL_R_BE_PRES;   /* "who's been" */
}

uint32_t *el_event_token_roles(const el_doc *doc, const el_trigger_lexicon *lx)
{
    uint32_t *roles = el_calloc(doc->ntokens + 1, sizeof *roles);
    for (size_t i = 0; i < doc->ntokens; i++) {
        uint32_t bits;
        if (el_lexicon_match(lx->grammar, doc, i, &bits) == 1)
            roles[i] = bits;
    }
    for (size_t i = 0; i < doc->ntokens; i++)   /* the clitic looks at the word after it */
        if (roles[i] & EL_R_DET)
            roles[i] = clitic_s_role(doc, roles, i);
    return roles;
}

/* event_sense.c - the sense layer of the trigger lexicon: triggers.tsv
 * gives one type per lemma and part of speech; gazetteers/events/senses.tsv
 * lists, for ambiguous triggers, context cues (a word just before or after,
 * in the clause after, or in the sentence) that select another type, an
 * untyped reading or no event ("heart attack", "caught fire", "signs of").
 * Loaded once into a read-only table sorted by lemma; applied to the
 * mentions the trigger pass found, before their class, arguments and links.
 * A typed reading a rule selects or keeps is not dropped later for its
 * form's low event share in the TimeML tables (those count all senses). */
#include "stages/event/event_internal.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How far the "after" cue looks (tokens, inside the sentence). */
#define SENSE_AFTER_WINDOW 8

typedef enum sense_cue {
    CUE_PREV,     /* one of the words among the `window` tokens before */
    CUE_NEXT,     /* ... among the `window` tokens after */
    CUE_AFTER,    /* ... in the clause after (up to a comma, clause word or window) */
    CUE_SENT,     /* ... anywhere in the sentence */
    CUE_DOC,      /* ... anywhere in the document (the story's topic) */
    CUE_END,      /* no word follows the trigger in its sentence (punctuation) */
    CUE_ALWAYS,
} sense_cue;

typedef enum sense_action { ACT_TYPE, ACT_UNTYPED, ACT_DROP, ACT_KEEP } sense_action;

typedef struct el_sense_rule {
    char *lemma;           /* lemma or lower-case form of the trigger */
    char *type_in;         /* the trigger's type now; NULL any, "" untyped */
    sense_cue cue;
    size_t window;         /* tokens for CUE_PREV and CUE_NEXT: 1 or 3 */
    char **words;          /* lower-case words; "#num" a number, "#name" a name */
    size_t nwords;
    sense_action act;
    char *type_out;        /* for ACT_TYPE */
    size_t order;          /* line order: the first matching rule wins */
} el_sense_rule;

struct el_event_senses {
    el_sense_rule *rule;
    size_t n, cap;
};

static void rule_free(el_sense_rule *r)
{
    free(r->lemma);
    free(r->type_in);
    for (size_t k = 0; k < r->nwords; k++)
        free(r->words[k]);
    free(r->words);
    free(r->type_out);
}

void el_event_senses_free(el_event_senses *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        rule_free(&s->rule[i]);
    free(s->rule);
    free(s);
}

static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s + 32);
}

/* "prev:heart|panic" -> cue and words; false when malformed. */
static bool parse_cue(el_sense_rule *r, const char *spec)
{
    static const struct { const char *name; sense_cue cue; size_t window; } names[] = {
        {"prev", CUE_PREV, 1}, {"next", CUE_NEXT, 1}, {"prev3", CUE_PREV, 3},
        {"next3", CUE_NEXT, 3}, {"after", CUE_AFTER, 0}, {"sent", CUE_SENT, 0},
        {"doc", CUE_DOC, 0},
    };
    if (strcmp(spec, "end") == 0 || strcmp(spec, "always") == 0) {
        r->cue = spec[0] == 'e' ? CUE_END : CUE_ALWAYS;
        return true;
    }
    const char *colon = strchr(spec, ':');
    if (!colon || !colon[1])
        return false;
    size_t i = 0, nn = sizeof names / sizeof names[0];
    while (i < nn && !(strlen(names[i].name) == (size_t)(colon - spec) &&
                       memcmp(names[i].name, spec, (size_t)(colon - spec)) == 0))
        i++;
    if (i == nn)
        return false;
    r->cue = names[i].cue;
    r->window = names[i].window;
    for (const char *p = colon + 1; *p;) {
        size_t len = strcspn(p, "|");
        if (len == 0)
            return false;
        r->words = el_realloc(r->words, (r->nwords + 1) * sizeof *r->words);
        r->words[r->nwords] = el_strndup(p, len);
        lower(r->words[r->nwords++]);
        p += len + (p[len] == '|');
    }
    return true;
}

static bool known_type(const el_trigger_lexicon *lx, const char *t)
{
    return el_trigger_type(lx, t) != NULL;
}

/* LEMMA TYPE CUE SENSE; false when malformed or naming an unknown type. */
static bool parse_rule(const el_trigger_lexicon *lx, el_sense_rule *r, char **f)
{
    r->lemma = el_strdup(f[0]);
    lower(r->lemma);
    if (strcmp(f[1], "*") != 0) {
        r->type_in = el_strdup(strcmp(f[1], "-") == 0 ? "" : f[1]);
        if (r->type_in[0] && !known_type(lx, r->type_in))
            return false;
    }
    if (!parse_cue(r, f[2]))
        return false;
    if (strcmp(f[3], "-") == 0)
        r->act = ACT_UNTYPED;
    else if (strcmp(f[3], "none") == 0)
        r->act = ACT_DROP;
    else if (strcmp(f[3], "=") == 0)
        r->act = ACT_KEEP;
    else {
        r->act = ACT_TYPE;
        r->type_out = el_strdup(f[3]);
        return known_type(lx, f[3]);
    }
    return true;
}

static int rule_cmp(const void *a, const void *b)
{
    const el_sense_rule *x = a, *y = b;
    int c = strcmp(x->lemma, y->lemma);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

static char *sense_err(const char *path, size_t lineno, const char *what)
{
    char msg[4200];
    snprintf(msg, sizeof msg, "%s:%zu: %s", path, lineno, what);
    return el_strdup(msg);
}

static bool read_rules(el_event_senses *s, const el_trigger_lexicon *lx, FILE *fp,
                       const char *path, char **err)
{
    char line[2048];
    size_t lineno = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *f[6] = {0};
        size_t nf = el_split_tabs(line, f, 6);
        el_sense_rule *r = &EL_PUSH(s->rule, s->n, s->cap);
        memset(r, 0, sizeof *r);
        r->order = s->n;
        if (nf < 4 || !parse_rule(lx, r, f)) {
            *err = sense_err(path, lineno, "malformed sense rule (or unknown type)");
            return false;
        }
    }
    return true;
}

bool el_event_senses_load(el_trigger_lexicon *lx, const char *dir, char **err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/events/senses.tsv", dir);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        *err = sense_err(path, 0, "cannot open the event lexicon file");
        return false;
    }
    el_event_senses *s = el_calloc(1, sizeof *s);
    bool ok = read_rules(s, lx, fp, path, err);
    fclose(fp);
    if (!ok) {
        el_event_senses_free(s);
        return false;
    }
    if (s->n)
        qsort(s->rule, s->n, sizeof *s->rule, rule_cmp);
    lx->senses = s;
    return true;
}

/* ---- matching ------------------------------------------------------------ */

static bool word_is(const el_doc *doc, size_t k, const char *w)
{
    uint16_t f = doc->tokens[k].flags;
    if (w[0] == '#' && w[1]) {
        /* (strcmp's answers, compared in place: this runs per token) */
        if (w[1] == 'n' && w[2] == 'u' && w[3] == 'm' && !w[4])
            return (f & EL_TOK_NUMBER) != 0;
        if (w[1] == 'n' && w[2] == 'a' && w[3] == 'm' && w[4] == 'e' && !w[5])
            return (f & EL_TOK_CAP) && (f & EL_TOK_WORD) && !(f & EL_TOK_SENT_START);
    }
    return el_tok_is(doc, k, w);
}

static bool any_word(const el_sense_rule *r, const el_doc *doc, size_t k)
{
    for (size_t i = 0; i < r->nwords; i++)
        if (word_is(doc, k, r->words[i]))
            return true;
    return false;
}

static bool any_in(const el_sense_rule *r, const el_doc *doc, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++)
        if (any_word(r, doc, k))
            return true;
    return false;
}

/* The clause after the trigger: up to a comma, semicolon or clause word. */
static bool in_clause_after(const el_sense_rule *r, const el_doc *doc, const uint32_t *roles,
                            size_t te, size_t se)
{
    for (size_t k = te; k < se && k < te + SENSE_AFTER_WINDOW; k++) {
        if (any_word(r, doc, k))
            return true;
        if ((roles[k] & EL_R_CLAUSE) || el_tok_is(doc, k, ",") || el_tok_is(doc, k, ";"))
            return false;
    }
    return false;
}

/* `memo`: this rule's document-cue verdict for this document (0 not yet
 * known, 1 holds, 2 does not), so a document cue scans the document once per
 * rule, not once per mention: linear in document length. */
static bool cue_holds(const el_sense_rule *r, const el_doc *doc, const uint32_t *roles,
                      const el_event_mention *ev, uint8_t *memo)
{
    const el_sentence *s = &doc->sentences[doc->tokens[ev->tok_begin].sentence];
    size_t tb = ev->tok_begin, te = ev->tok_end, sb = s->tok_begin, se = s->tok_end;
    switch (r->cue) {
    case CUE_PREV:
        return any_in(r, doc, tb > sb + r->window ? tb - r->window : sb, tb);
    case CUE_NEXT:
        return any_in(r, doc, te, te + r->window < se ? te + r->window : se);
    case CUE_AFTER:
        return in_clause_after(r, doc, roles, te, se);
    case CUE_SENT:
        return any_in(r, doc, sb, se);
    case CUE_DOC:
        if (!*memo)
            *memo = any_in(r, doc, 0, doc->ntokens) ? 1 : 2;
        return *memo == 1;
    case CUE_END:
        return te >= se || !(doc->tokens[te].flags & (EL_TOK_WORD | EL_TOK_NUMBER));
    case CUE_ALWAYS:
        return true;
    }
    return false;
}

static bool type_fits(const el_sense_rule *r, const el_event_mention *ev)
{
    if (!r->type_in)
        return true;
    return r->type_in[0] ? ev->type && strcmp(ev->type, r->type_in) == 0 : !ev->type;
}

/* The first rule for `key` whose type and cue hold, or NULL. */
static const el_sense_rule *first_rule(const el_event_senses *s, const char *key,
                                       const el_doc *doc, const uint32_t *roles,
                                       const el_event_mention *ev, uint8_t *memo)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {   /* the first rule whose lemma is >= key */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(s->rule[mid].lemma, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < s->n && strcmp(s->rule[i].lemma, key) == 0; i++)
        if (type_fits(&s->rule[i], ev) && cue_holds(&s->rule[i], doc, roles, ev, &memo[i]))
            return &s->rule[i];
    return NULL;
}

/* The rule for a mention: by its lemma, else by its first token's form. */
static const el_sense_rule *rule_for(const el_event_senses *s, const el_doc *doc,
                                     const uint32_t *roles, const el_event_mention *ev,
                                     uint8_t *memo)
{
    const el_sense_rule *r = ev->lemma ? first_rule(s, ev->lemma, doc, roles, ev, memo) : NULL;
    if (r)
        return r;
    size_t n;
    const char *t = el_tok_text(doc, ev->tok_begin, &n);
    char form[64];
    if (n == 0 || n >= sizeof form)
        return NULL;
    memcpy(form, t, n);
    form[n] = '\0';
    lower(form);
    return ev->lemma && strcmp(form, ev->lemma) == 0 ? NULL : first_rule(s, form, doc, roles, ev, memo);
}

void el_event_apply_senses(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles,
                           int32_t *learned_at)
{
    if (!lx->senses || !lx->senses->n)
        return;
    size_t kept = 0;
    uint8_t *memo = el_calloc(lx->senses->n, 1);
    for (size_t i = 0; i < doc->nevents; i++) {
        el_event_mention *ev = &doc->events[i];
        const el_sense_rule *r = rule_for(lx->senses, doc, roles, ev, memo);
        if (r && r->act == ACT_DROP)
            continue;
        /* a reading chosen from its context is not vetoed by the form's
         * context-free event share ("a national drought emergency") */
        if (r && (r->act == ACT_TYPE || r->act == ACT_KEEP))
            learned_at[ev->tok_begin] = -1;
        if (r && r->act == ACT_UNTYPED && ev->type) {
            ev->type = NULL;
            ev->confidence = 0.8f;
        } else if (r && r->act == ACT_TYPE && (!ev->type || strcmp(ev->type, r->type_out))) {
            ev->type = el_doc_str(doc, r->type_out);
            ev->confidence = 0.9f;
        }
        if (kept != i)
            doc->events[kept] = *ev;
        kept++;
    }
    free(memo);
    doc->nevents = kept;
}

/* timex_lexicon.c - load the gazetteers/time/ TSV files into the time lexicon (see
 * timex_lexicon.h and gazetteers/time/README.md for the file formats). */
#include "stages/timex/timex.h"
#include "stages/timex/timex_lexicon.h"
#include "text/tokenize.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tw_file {
    const char *name;
    tw_class cls;
    bool numeric;       /* second field is a number */
    unsigned lexflags;  /* EL_LEX_* for every phrase of the file */
} tw_file;

static const tw_file TW_FILES[] = {
    {"months.tsv", TW_MONTH, true, EL_LEX_CAP_ONLY},
    {"weekdays.tsv", TW_WEEKDAY, true, EL_LEX_CAP_ONLY},
    {"seasons.tsv", TW_SEASON, false, 0},
    {"units.tsv", TW_UNIT, false, 0},
    {"numbers.tsv", TW_NUMBER, true, 0},
    {"ordinals.tsv", TW_ORDINAL, true, 0},
    {"parts_of_day.tsv", TW_PART_OF_DAY, false, 0},
    {"clock.tsv", TW_CLOCK, false, 0},
    {"zones.tsv", TW_ZONE, false, EL_LEX_CASE_EXACT},
    {"deictic.tsv", TW_DEICTIC, false, 0},
    {"shifters.tsv", TW_SHIFTER, true, 0},
    {"relations.tsv", TW_RELATION, true, 0},
    {"modifiers.tsv", TW_MODIFIER, false, 0},
    {"sets.tsv", TW_SET, false, 0},
    {"holidays.tsv", TW_HOLIDAY, false, EL_LEX_CAP_ONLY},
    {"tense.tsv", TW_TENSE, false, 0},
    {"prepositions.tsv", TW_PREP, false, 0},
    {"fillers.tsv", TW_FILLER, false, 0},
    {"person_nouns.tsv", TW_PERSON, false, 0},
    {"grammar.tsv", TW_GRAMMAR, false, 0},
};

static void copy_field(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

/* The kinds a row's aux field may name, and the flags each gives. */
static const struct { const char *kind; unsigned flags; } word_kinds[] = {
    {"ambiguous", TW_AMBIGUOUS},
    {"plural", TW_PLURAL},
    {"range", TW_RANGE},
    {"amount", TW_AMOUNT},
    {"unit", TW_NEEDS_UNIT},
    {"aux", TW_AUX},
    {"anaphoric", TW_ANAPHORIC},
    {"midclause", TW_MIDCLAUSE},
    {"story", TW_STORY},
    {"beforedate", TW_BEFORE_DATE},
    {"surname", TW_SURNAME},
    {"startdate", TW_BEFORE_DATE | TW_FORWARD},
    {"forward", TW_FORWARD},
    {"deadline", TW_DEADLINE},
    {"modal", TW_MODAL | TW_AUX},
    {"verb", TW_VERB_ONLY},
    {"perfect", TW_PERFECT},
    {"perfect_base", TW_PERFECT | TW_PERFECT_BASE},
    {"past_perfect", TW_PAST_PERFECT},
    {"past_be", TW_PAST_BE},
    {"be_part", TW_BE_PART},
    {"infinitive", TW_INFINITIVE},
    {"indefinite", TW_INDEFINITE},
    {"partitive", TW_PARTITIVE},
    {"one", TW_ONE},
};

/* The kinds of grammar.tsv (see timex_lexicon.h and the README). */
static const struct { const char *kind; uint64_t bit; } gram_kinds[] = {
    {"the", TG_THE}, {"fiscal", TG_FISCAL}, {"decade_mark", TG_DECADE_MARK},
    {"number_and", TG_NUMBER_AND}, {"clause_conj", TG_CLAUSE_CONJ},
    {"complementizer", TG_COMPLEMENTIZER}, {"definite", TG_DEFINITE}, {"record", TG_RECORD},
    {"since", TG_SINCE}, {"when", TG_WHEN}, {"of", TG_OF}, {"relative", TG_RELATIVE},
    {"number_sign", TG_NUMBER_SIGN}, {"percent", TG_PERCENT}, {"prefix", TG_PREFIX},
    {"coord", TG_COORD}, {"clitic_s", TG_CLITIC_S}, {"period_end", TG_PERIOD_END},
    {"before", TG_BEFORE}, {"after", TG_AFTER}, {"period", TG_PERIOD}, {"whole", TG_WHOLE}, {"or", TG_OR},
    {"so", TG_SO}, {"in", TG_IN}, {"describer", TG_DESCRIBER}, {"half", TG_HALF},
    {"age", TG_AGE}, {"long", TG_LONG}, {"between", TG_BETWEEN},
    {"amount_range", TG_AMOUNT_RANGE}, {"ahead", TG_AHEAD}, {"on", TG_ON}, {"time", TG_TIME},
    {"at", TG_AT}, {"night", TG_NIGHT}, {"times", TG_TIMES}, {"owner", TG_OWNER},
    {"other", TG_OTHER}, {"day_joint", TG_DAY_JOINT}, {"determiner", TG_DETERMINER},
};

static uint64_t gram_kind(const char *kind)
{
    for (size_t k = 0; k < sizeof gram_kinds / sizeof gram_kinds[0]; k++)
        if (!strcmp(kind, gram_kinds[k].kind))
            return gram_kinds[k].bit;
    return 0;
}

static unsigned word_flags(const char *aux)
{
    for (size_t k = 0; k < sizeof word_kinds / sizeof word_kinds[0]; k++)
        if (!strcmp(aux, word_kinds[k].kind))
            return word_kinds[k].flags;
    return 0;
}

/* Add word (entry idx) to set; false when it is too long to hold. */
static bool set_add(tw_word_set *set, const char *word, uint32_t idx)
{
    size_t n = strlen(word);
    if (n >= sizeof ((tw_abbr *)0)->text)
        return false;
    tw_abbr a = {idx, ""};
    for (size_t i = 0; i < n; i++)
        a.text[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] + 32 : word[i]);
    el_hashmap_put(&set->map, el_hash_lower(word, n), (uint32_t)set->n);
    EL_PUSH(set->items, set->n, set->cap) = a;
    return true;
}

/* The next entry of set spelt s[0..n) in any case, after the probe p. */
static const tw_abbr *set_next(const tw_word_set *set, el_hashmap_probe *p, const char *s,
                               size_t n)
{
    for (uint32_t v; el_hashmap_next(&set->map, p, &v);)
        if (el_eq_nocase(set->items[v].text, strlen(set->items[v].text), s, n))
            return &set->items[v];
    return NULL;
}

static void set_free(tw_word_set *set)
{
    el_hashmap_free(&set->map);
    free(set->items);
}

static const tw_word *abbr_find(const el_time_lexicon *lx, const char *s, size_t n)
{
    if (n >= sizeof ((tw_abbr *)0)->text)
        return NULL;
    const tw_abbr *first = NULL;   /* a word listed twice: its first entry */
    el_hashmap_probe p = el_hashmap_find(&lx->abbr.map, el_hash_lower(s, n));
    for (const tw_abbr *a; (a = set_next(&lx->abbr, &p, s, n));)
        if (!first || a < first)
            first = a;
    return first ? &lx->words[first->word] : NULL;
}

unsigned tw_token_forms(const el_time_lexicon *lx, const el_doc *doc, size_t i)
{
    if (!lx->forms.n)
        return 0;
    size_t n;
    const char *s = el_tok_text(doc, i, &n);
    unsigned f = 0;
    el_hashmap_probe p = el_hashmap_find(&lx->forms.map, el_hash_lower(s, n));
    for (const tw_abbr *a; (a = set_next(&lx->forms, &p, s, n));)
        f |= lx->words[a->word].flags & TW_FORMS;
    return f;
}

uint64_t tw_token_gram(const el_time_lexicon *lx, const el_doc *doc, size_t i)
{
    size_t n;
    const char *s = el_tok_text(doc, i, &n);
    uint64_t g = 0;
    el_hashmap_probe p = el_hashmap_find(&lx->forms.map, doc->tokens[i].lhash);
    for (const tw_abbr *a; (a = set_next(&lx->forms, &p, s, n));)
        g |= lx->words[a->word].gram;
    return g;
}

/* Set the filter bit of the phrase's first token (tokenized the way the
 * trie tokenizes it). */
static void mark_first_token(el_time_lexicon *lx, const el_abbrevs *ab, const char *phrase)
{
    el_doc *d = el_doc_new("phrase", NULL, el_strdup(phrase), strlen(phrase));
    el_tokenize(d, ab);
    if (d->ntokens) {
        uint32_t bit = d->tokens[0].lhash & (TW_FIRST_BITS - 1);
        lx->first[bit / 64] |= 1ull << (bit % 64);
    }
    el_doc_free(d);
}

static bool all_caps(const char *s)
{
    for (; *s; s++)
        if (*s < 'A' || *s > 'Z')
            return false;
    return true;
}

/* A grammar.tsv row WORD<TAB>KIND: a single word with a TG_* kind, kept
 * in the word-kind set only (the trie never matches it). */
static bool add_grammar_line(el_time_lexicon *lx, char *line)
{
    char *fields[2] = {0};
    if (el_split_tabs(line, fields, 2) < 2 || strchr(fields[0], ' ') || lx->nwords >= UINT16_MAX)
        return false;
    tw_word w = {.cls = TW_GRAMMAR, .gram = gram_kind(fields[1])};
    if (!w.gram)
        return false;
    EL_PUSH(lx->words, lx->nwords, lx->cap_words) = w;
    return set_add(&lx->forms, fields[0], (uint32_t)(lx->nwords - 1));
}

static bool add_line(el_time_lexicon *lx, const el_abbrevs *ab, const tw_file *f, char *line)
{
    if (f->cls == TW_GRAMMAR)
        return add_grammar_line(lx, line);
    char *fields[4] = {0};
    size_t n = el_split_tabs(line, fields, 4);
    if (n < 2 || !fields[0][0] || lx->nwords >= UINT16_MAX)
        return false;   /* (word indices are kept in 16 bits per token) */
    tw_word w = {0};
    w.cls = (uint8_t)f->cls;
    if (f->numeric)
        w.num = (int16_t)atoi(fields[1]);
    copy_field(w.val, sizeof w.val, fields[1]);
    copy_field(w.aux, sizeof w.aux, n > 2 ? fields[2] : "");
    w.flags = (uint32_t)(word_flags(w.aux) | (n > 3 ? word_flags(fields[3]) : 0));
    if (w.cls == TW_UNIT && !strcmp(w.val, "HALF"))
        w.cls = TW_HALF;   /* never an amount of its own ("a half") */
    if (n > 3 && fields[3][0] >= 'A' && fields[3][0] <= 'Z')
        copy_field(w.mod, sizeof w.mod, fields[3]);   /* e.g. "year-end": END */
    uint32_t idx = (uint32_t)lx->nwords;
    EL_PUSH(lx->words, lx->nwords, lx->cap_words) = w;
    if ((f->cls == TW_MONTH || f->cls == TW_WEEKDAY || (f->cls == TW_ZONE && all_caps(fields[0])))
        && !strchr(fields[0], ' '))
        set_add(&lx->abbr, fields[0], idx);   /* "Sept.", and "EST." ending a sentence */
    if ((w.flags & TW_FORMS) && (strchr(fields[0], ' ') || !set_add(&lx->forms, fields[0], idx)))
        return false;   /* a verb-form kind belongs to one short word */
    mark_first_token(lx, ab, fields[0]);
    unsigned lf = f->lexflags;
    if (f->cls == TW_ZONE && strchr(fields[0], ' '))
        lf = 0;
    return el_lexicon_add(lx->trie, fields[0], idx, lf);
}

static bool load_file(el_time_lexicon *lx, const el_abbrevs *ab, const char *dir,
                      const tw_file *f, char **err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/time/%s", dir, f->name);
    size_t len;
    char *text = el_read_data_file(path, &len, err);
    if (!text)
        return false;
    size_t lineno = 0;
    bool ok = true;
    size_t l;
    for (char *line, *cur = text; (line = el_next_line(&cur, &l));) {
        lineno++;
        if (!l || line[0] == '#')
            continue;
        if (!add_line(lx, ab, f, line)) {
            char msg[4200];
            snprintf(msg, sizeof msg, "%s:%zu: expected PHRASE<TAB>VALUE", path, lineno);
            *err = el_strdup(msg);
            ok = false;
            break;
        }
    }
    free(text);
    return ok;
}

/* Collect the start words (tw_start) from the word-kind set. */
static void find_starts(el_time_lexicon *lx)
{
    for (size_t k = 0; k < lx->forms.n && lx->nstarts < TW_MAX_STARTS; k++) {
        const tw_abbr *a = &lx->forms.items[k];
        const tw_word *w = &lx->words[a->word];
        if (!(w->gram & (TG_THE | TG_FISCAL | TG_DECADE_MARK)) && !(w->flags & TW_INDEFINITE))
            continue;
        tw_start *s = &lx->starts[lx->nstarts++];
        s->hash = el_hash_lower(a->text, strlen(a->text));
        s->word = a->word;
        memcpy(s->text, a->text, sizeof s->text);
    }
}

el_time_lexicon *el_time_lexicon_load(const char *dir, char **err)
{
    el_time_lexicon *lx = el_calloc(1, sizeof *lx);
    lx->trie = el_lexicon_new();
    el_abbrevs *ab = el_abbrevs_default();   /* the trie's tokenizer list */
    for (size_t i = 0; i < sizeof TW_FILES / sizeof TW_FILES[0]; i++)
        if (!load_file(lx, ab, dir, &TW_FILES[i], err)) {
            el_abbrevs_free(ab);
            el_time_lexicon_free(lx);
            return NULL;
        }
    el_abbrevs_free(ab);
    find_starts(lx);
    return lx;
}

void el_time_lexicon_free(el_time_lexicon *lx)
{
    if (!lx)
        return;
    el_lexicon_free(lx->trie);
    free(lx->words);
    set_free(&lx->abbr);
    set_free(&lx->forms);
    free(lx);
}

/* An abbreviation token such as "Sept." looked up without its period. */
static size_t match_abbrev(const el_time_lexicon *lx, const el_doc *doc, size_t i,
                           const tw_word **out, size_t *nout)
{
    size_t n;
    const char *s = el_tok_text(doc, i, &n);
    if (!(doc->tokens[i].flags & EL_TOK_ABBREV) || !(doc->tokens[i].flags & EL_TOK_CAP)
        || n < 2 || s[n - 1] != '.')
        return 0;
    const tw_word *w = abbr_find(lx, s, n - 1);
    if (!w)
        return 0;
    out[0] = w;
    *nout = 1;
    return 1;
}

size_t tw_match(const el_time_lexicon *lx, const el_doc *doc, size_t i,
                const tw_word **out, size_t max, size_t *nout)
{
    uint32_t p[8];
    size_t np = 0;
    *nout = 0;
    uint32_t bit = doc->tokens[i].lhash & (TW_FIRST_BITS - 1);
    if (!(lx->first[bit / 64] & (1ull << (bit % 64))))
        return max ? match_abbrev(lx, doc, i, out, nout) : 0;
    size_t len = el_lexicon_match_all(lx->trie, doc, i, p, 8, &np);
    if (!len)
        return max ? match_abbrev(lx, doc, i, out, nout) : 0;
    for (size_t k = 0; k < np && *nout < max; k++)
        out[(*nout)++] = &lx->words[p[k]];
    return len;
}

/* timex_lexicon.c - load the gazetteers/time/ TSV files into the time lexicon (see
 * timex_lexicon.h and gazetteers/time/README.md for the file formats). */
#include "timex.h"
#include "timex_lexicon.h"
#include "util.h"

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
};

static void copy_field(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

static unsigned word_flags(const char *aux)
{
    unsigned f = 0;
    if (!strcmp(aux, "ambiguous"))
        f |= TW_AMBIGUOUS;
    if (!strcmp(aux, "plural"))
        f |= TW_PLURAL;
    if (!strcmp(aux, "range"))
        f |= TW_RANGE;
    if (!strcmp(aux, "amount"))
        f |= TW_AMOUNT;
    return f;
}

static bool add_line(el_time_lexicon *lx, const tw_file *f, char *line)
{
    char *fields[4] = {0};
    size_t n = el_split_tabs(line, fields, 4);
    if (n < 2 || !fields[0][0])
        return false;
    tw_word w = {0};
    w.cls = (uint8_t)f->cls;
    if (f->numeric)
        w.num = (int16_t)atoi(fields[1]);
    copy_field(w.val, sizeof w.val, fields[1]);
    copy_field(w.aux, sizeof w.aux, n > 2 ? fields[2] : "");
    w.flags = (uint8_t)word_flags(w.aux);
    uint32_t idx = (uint32_t)lx->nwords;
    EL_PUSH(lx->words, lx->nwords, lx->cap_words) = w;
    unsigned lf = f->lexflags;
    if (f->cls == TW_ZONE && strchr(fields[0], ' '))
        lf = 0;
    return el_lexicon_add(lx->trie, fields[0], idx, lf);
}

static bool load_file(el_time_lexicon *lx, const char *dir, const tw_file *f, char **err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/time/%s", dir, f->name);
    size_t len;
    const char *why;
    char *text = el_read_file(path, &len, &why);
    if (!text) {
        char msg[4200];
        snprintf(msg, sizeof msg, "%s: %s", path, why);
        *err = el_strdup(msg);
        return false;
    }
    size_t lineno = 0;
    bool ok = true;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        if (!l || line[0] == '#')
            continue;
        if (!add_line(lx, f, line)) {
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

el_time_lexicon *el_time_lexicon_load(const char *dir, char **err)
{
    el_time_lexicon *lx = el_calloc(1, sizeof *lx);
    lx->trie = el_lexicon_new();
    for (size_t i = 0; i < sizeof TW_FILES / sizeof TW_FILES[0]; i++)
        if (!load_file(lx, dir, &TW_FILES[i], err)) {
            el_time_lexicon_free(lx);
            return NULL;
        }
    return lx;
}

void el_time_lexicon_free(el_time_lexicon *lx)
{
    if (!lx)
        return;
    el_lexicon_free(lx->trie);
    free(lx->words);
    free(lx);
}

/* An abbreviation token such as "Sept." looked up without its period. */
static size_t match_abbrev(const el_time_lexicon *lx, const el_doc *doc, size_t i,
                           const tw_word **out, size_t *nout)
{
    size_t n;
    const char *s = el_tok_text(doc, i, &n);
    char buf[32];
    if (!(doc->tokens[i].flags & EL_TOK_ABBREV) || n < 2 || n > sizeof buf || s[n - 1] != '.')
        return 0;
    memcpy(buf, s, n - 1);
    buf[n - 1] = '\0';
    uint32_t p;
    if (!el_lexicon_lookup(lx->trie, buf, &p))
        return 0;
    const tw_word *w = &lx->words[p];
    if ((w->cls == TW_MONTH || w->cls == TW_WEEKDAY) && !(doc->tokens[i].flags & EL_TOK_CAP))
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
    size_t len = el_lexicon_match_all(lx->trie, doc, i, p, 8, &np);
    if (!len)
        return max ? match_abbrev(lx, doc, i, out, nout) : 0;
    for (size_t k = 0; k < np && *nout < max; k++)
        out[(*nout)++] = &lx->words[p[k]];
    return len;
}

/* tokenize.c - tokenizer and sentence splitter (see tokenize.h).
 *
 * One pass over the text.  The scanner works on code points; each token
 * records byte and code-point offsets.  Abbreviations come from a data file
 * (gazetteers/abbreviations.tsv) with a kind per entry:
 *   title  - never ends a sentence ("Mr.", "Gen.")
 *   number - an abbreviation only before a number ("No. 2", "Nos. 3")
 *   other  - keeps its period; ends a sentence only before a line break */
#include "text/tokenize.h"
#include "base/util.h"
#include "base/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Kinds of entries; a STARTER is no abbreviation but a word that, written
 * with a capital right after an abbreviation, begins a new sentence
 * ("... to the U.S. The talks ..."). */
enum { AB_OTHER = 1, AB_TITLE = 2, AB_NUMBER = 3, AB_STARTER = 4 };

struct el_abbrevs {
    char **keys;          /* lower-case, without the final period */
    unsigned char *kinds;
    size_t cap;           /* power of two */
    size_t n;
};

static el_abbrevs *abbrevs_new(void)
{
    el_abbrevs *a = el_calloc(1, sizeof *a);
    a->cap = 256;
    a->keys = el_calloc(a->cap, sizeof *a->keys);
    a->kinds = el_calloc(a->cap, 1);
    return a;
}

static void abbrevs_put(el_abbrevs *a, const char *word, size_t n, int kind);

static void abbrevs_rehash(el_abbrevs *a)
{
    el_abbrevs old = *a;
    a->cap *= 2;
    a->n = 0;
    a->keys = el_calloc(a->cap, sizeof *a->keys);
    a->kinds = el_calloc(a->cap, 1);
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i]) {
            abbrevs_put(a, old.keys[i], strlen(old.keys[i]), old.kinds[i]);
            free(old.keys[i]);
        }
    free(old.keys);
    free(old.kinds);
}

static void abbrevs_put(el_abbrevs *a, const char *word, size_t n, int kind)
{
    if (n && word[n - 1] == '.')
        n--;
    if (n == 0)
        return;
    if ((a->n + 1) * 2 > a->cap)
        abbrevs_rehash(a);
    size_t i = el_hash_lower(word, n) & (a->cap - 1);
    while (a->keys[i]) {
        if (el_eq_nocase(a->keys[i], strlen(a->keys[i]), word, n)) {
            a->kinds[i] = (unsigned char)kind;
            return;
        }
        i = (i + 1) & (a->cap - 1);
    }
    a->keys[i] = el_strndup(word, n);
    for (char *p = a->keys[i]; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    a->kinds[i] = (unsigned char)kind;
    a->n++;
}

static int abbrevs_get(const el_abbrevs *a, const char *word, size_t n)
{
    if (!a || n == 0)
        return 0;
    size_t i = el_hash_lower(word, n) & (a->cap - 1);
    while (a->keys[i]) {
        if (el_eq_nocase(a->keys[i], strlen(a->keys[i]), word, n))
            return a->kinds[i];
        i = (i + 1) & (a->cap - 1);
    }
    return 0;
}

el_abbrevs *el_abbrevs_load(const char *path, char **err)
{
    size_t len;
    char *data = el_read_data_file(path, &len, err);
    if (!data)
        return NULL;
    el_abbrevs *a = abbrevs_new();
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[2];
        if (line[0] == '#' || line[0] == '\0')
            continue;
        size_t nf = el_split_tabs(line, f, 2);
        int kind = AB_OTHER;
        if (nf > 1 && strncmp(f[1], "title", 5) == 0)
            kind = AB_TITLE;
        else if (nf > 1 && strncmp(f[1], "number", 6) == 0)
            kind = AB_NUMBER;
        else if (nf > 1 && strncmp(f[1], "starter", 7) == 0)
            kind = AB_STARTER;
        size_t n = strlen(f[0]);
        while (n && (f[0][n - 1] == '\r' || f[0][n - 1] == ' '))
            n--;
        abbrevs_put(a, f[0], n, kind);
    }
    free(data);
    return a;
}

el_abbrevs *el_abbrevs_default(void)
{
    static const char *const titles[] = {"mr", "mrs", "ms", "dr", "prof", "gen", "sen",
                                         "rep", "gov", "lt", "col", "sgt", "capt", "st",
                                         "rev", "jr", "sr"};
    static const char *const others[] = {"corp", "inc", "co", "ltd", "jan", "feb", "aug",
                                         "sept", "sep", "oct", "nov", "dec", "vs", "etc",
                                         "approx", "dept", "est", "u.s", "u.k", "a.m", "p.m"};
    el_abbrevs *a = abbrevs_new();
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
        abbrevs_put(a, titles[i], strlen(titles[i]), AB_TITLE);
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        abbrevs_put(a, others[i], strlen(others[i]), AB_OTHER);
    abbrevs_put(a, "no", 2, AB_NUMBER);
    static const char *const starters[] = {"the", "and", "but", "he", "she", "it", "they", "we",
                                           "in", "this", "there", "a", "an"};
    for (size_t i = 0; i < sizeof starters / sizeof *starters; i++)
        abbrevs_put(a, starters[i], strlen(starters[i]), AB_STARTER);
    return a;
}

void el_abbrevs_free(el_abbrevs *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->cap; i++)
        free(a->keys[i]);
    free(a->keys);
    free(a->kinds);
    free(a);
}

/* ---- scanner -------------------------------------------------------- */

typedef struct scanner {
    const char *s;
    size_t n;
    size_t i;      /* byte position */
    size_t cp;     /* code-point position */
} scanner;

static inline uint32_t peek(const scanner *sc, size_t at)
{
    if (at >= sc->n)
        return 0;
    if ((unsigned char)sc->s[at] < 0x80)
        return (unsigned char)sc->s[at];
    size_t j = at;
    return el_utf8_next(sc->s, sc->n, &j);
}

static inline size_t next_pos(const scanner *sc, size_t at)
{
    if (at < sc->n && (unsigned char)sc->s[at] < 0x80)
        return at + 1;
    size_t j = at;
    el_utf8_next(sc->s, sc->n, &j);
    return j;
}

static inline void advance(scanner *sc)
{
    if ((unsigned char)sc->s[sc->i] < 0x80)
        sc->i++;
    else
        el_utf8_next(sc->s, sc->n, &sc->i);
    sc->cp++;
}

static inline bool is_alnum_cp(uint32_t c)
{
    if (c < 0x80)
        return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
    return el_cp_is_letter(c);
}

static bool is_digit_cp(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019;
}

/* The plain ASCII prefix of a word: where it ends, its el_hash_lower and
 * its case flags (as hash_and_flags gives them). */
typedef struct word_prefix {
    size_t end;
    uint32_t hash;
    uint16_t flags;
} word_prefix;

/* Scan ASCII letters and digits from sc->i (a letter or digit), hashing
 * them on the way; returns whether they were all digits. */
static bool scan_prefix(scanner *sc, word_prefix *wp)
{
    uint32_t h = 2166136261u;
    size_t letters = 0, upper = 0, i = sc->i;
    for (unsigned char b; i < sc->n && (b = (unsigned char)sc->s[i]) < 0x80; i++) {
        if ((unsigned)(b - 'A') < 26u) {
            upper++;
            letters++;
            b = (unsigned char)(b + 32);
        } else if ((unsigned)(b - 'a') < 26u) {
            letters++;
        } else if ((unsigned)(b - '0') >= 10u) {
            break;
        }
        h = (h ^ b) * 16777619u;
    }
    uint16_t f = letters ? EL_TOK_WORD : 0;
    if (i - sc->i > letters)   /* (the rest of the prefix: digits) */
        f |= EL_TOK_DIGIT;
    if ((unsigned)((unsigned char)sc->s[sc->i] - 'A') < 26u)
        f |= EL_TOK_CAP;
    if (letters >= 2 && upper == letters)
        f |= EL_TOK_ALLCAPS;
    *wp = (word_prefix){i, h, f};
    sc->cp += i - sc->i;
    sc->i = i;
    return letters == 0;
}

/* Scan a run of letters/digits (with inner apostrophes, digit separators
 * and abbreviation periods).  Returns the token's abbreviation kind; *wp
 * describes the token if it ends at wp->end. */
static int scan_word(scanner *sc, const el_abbrevs *ab, word_prefix *wp)
{
    size_t start = sc->i;
    bool all_digits = scan_prefix(sc, wp);
    if (sc->i >= sc->n)
        return 0;
    unsigned char nb = (unsigned char)sc->s[sc->i];
    if (nb < 0x80 && nb != ':' && nb != ',' && nb != '.' && nb != '/' && nb != '-' && nb != '\'')
        return 0;   /* most words: an ASCII blank or mark that neither continues
                       the word nor makes it an abbreviation (the loop below
                       would stop at once) */
    for (;;) {
        size_t i = sc->i;   /* ASCII fast path of the loop below, in registers */
        for (unsigned char b; i < sc->n && (b = (unsigned char)sc->s[i]) < 0x80; i++) {
            if ((unsigned)(b | 32) - 'a' < 26u)
                all_digits = false;
            else if ((unsigned)(b - '0') >= 10u)
                break;
        }
        sc->cp += i - sc->i;
        sc->i = i;
        while (sc->i < sc->n && is_alnum_cp(peek(sc, sc->i))) {
            if (!is_digit_cp(peek(sc, sc->i)))
                all_digits = false;
            advance(sc);
        }
        uint32_t c = peek(sc, sc->i);
        size_t after = sc->i < sc->n ? next_pos(sc, sc->i) : sc->n;
        uint32_t c2 = peek(sc, after);
        /* 4:34, 2023-06-20, 1,000, 3.5, 6/19/2023 */
        if (all_digits && (c == ':' || c == ',' || c == '.' || c == '/' || c == '-')
            && is_digit_cp(c2)) {
            advance(sc);
            continue;
        }
        /* inner apostrophe: O'Brien, don't; but split the possessive 's */
        if (is_apostrophe(c) && el_cp_is_letter(c2)) {
            size_t after2 = next_pos(sc, after);
            bool possessive = (c2 == 's' || c2 == 'S') && !is_alnum_cp(peek(sc, after2));
            if (possessive)
                break;
            advance(sc);
            continue;
        }
        break;
    }
    size_t wlen = sc->i - start;
    if (peek(sc, sc->i) != '.')
        return 0;
    /* initials and dotted abbreviations: U.S., p.m., J. */
    const char *w = sc->s + start;
    if (wlen == 1 && el_cp_is_letter((unsigned char)w[0])) {
        scanner save = *sc;
        advance(sc);  /* the period */
        int pairs = 1;
        while (sc->i + 1 < sc->n && el_cp_is_letter(peek(sc, sc->i)) && sc->s[sc->i] > 0
               && peek(sc, sc->i + 1) == '.') {
            advance(sc);
            advance(sc);
            pairs++;
        }
        if (pairs >= 2 || isupper((unsigned char)w[0]))
            return pairs >= 2 ? AB_OTHER : AB_TITLE;
        *sc = save;
    }
    int kind = abbrevs_get(ab, w, wlen);
    if (kind == AB_STARTER)
        return 0;
    if (kind == AB_NUMBER) {
        /* "No. 2": only before a number */
        size_t j = next_pos(sc, sc->i);
        while (j < sc->n && sc->s[j] == ' ')
            j++;
        if (!(j < sc->n && isdigit((unsigned char)sc->s[j])))
            return 0;
    }
    if (kind) {
        advance(sc);
        return kind;
    }
    return 0;
}

/* Close the sentence ending before token tok_end; *cstart is the
 * code-point offset of its first token (taken, and reset for the next). */
static void finish_sentence(el_doc *d, size_t tok_end, size_t *cstart)
{
    size_t begin = d->nsentences ? d->sentences[d->nsentences - 1].tok_end : 0;
    if (tok_end <= begin)
        return;
    el_sentence *s = &EL_PUSH(d->sentences, d->nsentences, d->cap_sentences);
    s->tok_begin = (uint32_t)begin;
    s->tok_end = (uint32_t)tok_end;
    s->start = d->tokens[begin].start;
    s->end = d->tokens[tok_end - 1].end;
    s->cstart = (uint32_t)*cstart;
    *cstart = SIZE_MAX;
    d->tokens[begin].flags |= EL_TOK_SENT_START;   /* (tokens got their sentence index
                                                      when made: no second pass) */
}

static uint16_t case_flags(const char *s, size_t n)
{
    size_t i = 0, letters = 0, upper = 0;
    bool first = true, first_upper = false, digit = false;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        uint32_t c = b < 0x80 ? (i++, b) : el_utf8_next(s, n, &i);
        bool letter = c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : el_cp_is_letter(c);
        if (letter) {
            bool up = c < 0x80 ? (c >= 'A' && c <= 'Z') : el_cp_is_upper(c);
            letters++;
            if (up)
                upper++;
            if (first)
                first_upper = up;
            first = false;
        } else if (is_digit_cp(c)) {
            first = false;
            digit = true;
        }
    }
    uint16_t f = digit ? EL_TOK_DIGIT : 0;
    if (letters)
        f |= EL_TOK_WORD;
    if (first_upper)
        f |= EL_TOK_CAP;
    if (letters >= 2 && upper == letters)
        f |= EL_TOK_ALLCAPS;
    return f;
}

/* el_hash_lower and case_flags of s[0..n) in one pass (ASCII; other
 * text takes the two general functions). */
static uint16_t hash_and_flags(const char *s, size_t n, uint32_t *hash)
{
    uint32_t h = 2166136261u;
    size_t letters = 0, upper = 0, digits = 0;
    int first = 0;   /* 1 = the first letter or digit is an upper-case letter, 2 = not */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            *hash = el_hash_lower(s, n);
            return case_flags(s, n);
        }
        if ((unsigned)(c - 'A') < 26u) {
            upper++;
            letters++;
            first = first ? first : 1;
            c = (unsigned char)(c + 32);
        } else if ((unsigned)(c - 'a') < 26u) {
            letters++;
            first = first ? first : 2;
        } else if ((unsigned)(c - '0') < 10u) {
            first = first ? first : 2;
            digits++;
        }
        h = (h ^ c) * 16777619u;
    }
    *hash = h;
    uint16_t f = digits ? EL_TOK_DIGIT : 0;
    if (letters)
        f |= EL_TOK_WORD;
    if (first == 1)
        f |= EL_TOK_CAP;
    if (letters >= 2 && upper == letters)
        f |= EL_TOK_ALLCAPS;
    return f;
}

/* Does the token at index t end its sentence, looking at what follows? */
static bool ends_sentence(const el_doc *d, size_t t, int abbrev_kind)
{
    const el_token *tok = &d->tokens[t];
    size_t n = tok->end - tok->start;
    const char *s = d->text + tok->start;
    if (abbrev_kind)
        return false;
    return n == 1 && (s[0] == '.' || s[0] == '!' || s[0] == '?');
}

/* Guard against run-on "sentences" (lists, tables, text without
 * punctuation): past EL_SENTENCE_SOFT_MAX tokens a sentence ends after the
 * next , ; : and at EL_SENTENCE_HARD_MAX it ends anyway.  This keeps every
 * per-sentence stage linear on any input. */
static bool run_on(const el_doc *d, size_t begin)
{
    size_t len = d->ntokens - begin;   /* (begin: the sentence's first token) */
    if (len >= EL_SENTENCE_HARD_MAX)
        return true;
    if (len < EL_SENTENCE_SOFT_MAX)
        return false;
    const el_token *prev = &d->tokens[d->ntokens - 1];
    char c = d->text[prev->start];
    return prev->end - prev->start == 1 && (c == ',' || c == ';' || c == ':');
}

/* The end marks after the last token and sentence (doc.h): an empty token
 * at the end of the text in an empty sentence of its own, so a stage that
 * looks one token ahead reads no text, no word, and a sentence that holds
 * nothing, instead of memory past the layers. */
static void add_sentinels(el_doc *d)
{
    d->tokens = el_grow(d->tokens, &d->cap_tokens, d->ntokens + 1, sizeof *d->tokens);
    d->sentences = el_grow(d->sentences, &d->cap_sentences, d->nsentences + 1,
                           sizeof *d->sentences);
    d->tokens[d->ntokens] = (el_token){
        .start = (uint32_t)d->len, .end = (uint32_t)d->len,
        .sentence = (uint32_t)d->nsentences, .lhash = el_hash_lower("", 0),
        .flags = EL_TOK_SENT_START,
    };
    d->sentences[d->nsentences] = (el_sentence){
        .tok_begin = (uint32_t)d->ntokens, .tok_end = (uint32_t)d->ntokens,
        .start = (uint32_t)d->len, .end = (uint32_t)d->len, .cstart = (uint32_t)d->ncp,
    };
}

void el_tokenize(el_doc *d, const el_abbrevs *ab)
{
    scanner sc = {d->text, d->len, 0, 0};
    bool pending_end = false;      /* a sentence-final mark was seen */
    bool after_abbrev = false;     /* the last token is an abbreviation that may end one */
    int newlines = 0;
    bool space_before = true;
    size_t sent_cstart = SIZE_MAX;   /* code-point offset of the sentence's first token */
    size_t sent_begin = 0;           /* its index (kept here: reading it back from the
                                        sentence layer cost a chain of loads per token) */
    d->ntokens = 0;
    d->nsentences = 0;
    /* news text averages over 5 bytes a token: one allocation for most
     * documents, trimmed to size at the end */
    d->tokens = el_grow(d->tokens, &d->cap_tokens, d->len / 4 + 16, sizeof *d->tokens);
    while (sc.i < sc.n) {
        size_t i = sc.i;   /* ASCII blanks in registers */
        for (unsigned char b; i < sc.n && ((b = (unsigned char)sc.s[i]) <= 0x20 || b == 0x7F); i++) {
            newlines += b == '\n';
            space_before = true;
        }
        sc.cp += i - sc.i;
        sc.i = i;
        if (i >= sc.n)
            break;
        uint32_t c = peek(&sc, sc.i);
        bool space = c < 0x80 ? (c <= 0x20 || c == 0x7F) : el_cp_is_space(c);
        if (space) {
            if (c == '\n')
                newlines++;
            advance(&sc);
            space_before = true;
            continue;
        }
        size_t start = sc.i, cstart = sc.cp;
        int abbrev_kind = 0;
        uint16_t extra = 0;
        word_prefix wp = {0, 0, 0};
        if (is_alnum_cp(c)) {
            abbrev_kind = scan_word(&sc, ab, &wp);
            if (abbrev_kind)
                extra |= EL_TOK_ABBREV;
            if (is_digit_cp(c))
                extra |= EL_TOK_NUMBER;
        } else if (is_apostrophe(c) && (peek(&sc, next_pos(&sc, sc.i)) | 32) == 's'
                   && !is_alnum_cp(peek(&sc, next_pos(&sc, next_pos(&sc, sc.i))))
                   && (!space_before || d->ntokens == 0)) {
            advance(&sc);  /* possessive 's (alone in a lexicon phrase too) */
            advance(&sc);
        } else {
            advance(&sc);
            extra |= EL_TOK_PUNCT;
            if (el_cp_is_quote(c))
                extra |= EL_TOK_QUOTE;
        }
        /* Sentence boundary before this token? */
        if (d->ntokens > 0) {
            bool lower_start = c < 0x80 ? c - 'a' < 26u : el_cp_is_letter(c) && !el_cp_is_upper(c);
            bool closer = (extra & EL_TOK_QUOTE) || c == ')' || c == ']';
            bool end = false;
            if (newlines >= 2 || (newlines == 1 && !lower_start))
                end = true;
            else if (pending_end && !(closer && !space_before) && !lower_start)
                end = true;
            else if (after_abbrev && space_before && el_cp_is_upper(c) &&
                     abbrevs_get(ab, d->text + start, sc.i - start) == AB_STARTER)
                end = true;   /* "the U.S. The ..." */
            else if (run_on(d, sent_begin))
                end = true;
            if (end) {
                finish_sentence(d, d->ntokens, &sent_cstart);
                sent_begin = d->ntokens;   /* (finish_sentence ends one there if any
                                              token is left since the last) */
            }
        }
        el_token *t = &EL_PUSH(d->tokens, d->ntokens, d->cap_tokens);
        t->start = (uint32_t)start;
        t->end = (uint32_t)sc.i;
        if (sent_cstart == SIZE_MAX)
            sent_cstart = cstart;
        t->sentence = (uint32_t)d->nsentences;   /* the sentence being built */
        if (wp.end == sc.i) {   /* a plain ASCII word: scanned and hashed at once */
            t->lhash = wp.hash;
            t->flags = (uint16_t)(wp.flags | extra);
        } else {
            t->flags = (uint16_t)(hash_and_flags(d->text + start, sc.i - start, &t->lhash) | extra);
        }
        if (!space_before && d->ntokens > 1)
            t->flags |= EL_TOK_GLUED;
        if (newlines)
            t->flags |= EL_TOK_NEWLINE;
        if (ends_sentence(d, d->ntokens - 1, abbrev_kind))
            pending_end = true;
        else if (!(pending_end && !space_before
                   && (c == ')' || c == ']' || (t->flags & EL_TOK_QUOTE))))
            pending_end = false;  /* only a glued closer keeps the sentence open */
        after_abbrev = abbrev_kind == AB_OTHER;
        newlines = 0;
        space_before = false;
    }
    finish_sentence(d, d->ntokens, &sent_cstart);
    /* (trim a document's array; a short text, such as a lexicon phrase
     * tokenized into a reused scratch document, keeps its few spare slots
     * instead of a realloc per call) */
    if (d->cap_tokens > d->ntokens + d->ntokens / 8 + 64) {
        d->cap_tokens = d->ntokens + 1;
        d->tokens = el_realloc(d->tokens, d->cap_tokens * sizeof *d->tokens);
    }
    add_sentinels(d);
}

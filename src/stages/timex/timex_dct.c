/* timex_dct.c - the document creation time from the text itself, when no
 * option, manifest or metadata gave one: a written date line ("Monday, June
 * 19, 2023", "19 June 2023", "Published: Nov. 14, 2023") before a wire
 * dateline ("REDMOND, Wash., Jan. 18, 2022 -", "CITY, Mon. D, YYYY (Agency)
 * -"), both among the first lines.  The candidates are the time expressions
 * the timex stage found there without a DCT: only those that write their
 * year give a full date.  When one is taken, the timex stage runs again
 * with it, so every relative date is resolved against the document's day. */
#include "stages/timex/timex.h"
#include "base/util.h"

#include <ctype.h>
#include <string.h>

enum { DCT_LINES = 3, DCT_BYTES = 600, LINE_RESIDUE_WORDS = 2, PLACE_BYTES = 64 };

/* Byte offset where the first DCT_LINES non-empty lines end. */
static size_t head_end(const el_doc *d)
{
    size_t i = 0;
    for (int line = 0; line < DCT_LINES && i < d->len; line++) {
        while (i < d->len && isspace((unsigned char)d->text[i]))
            i++;
        while (i < d->len && d->text[i] != '\n')
            i++;
    }
    return i < DCT_BYTES ? i : DCT_BYTES;
}

static size_t line_start(const el_doc *d, size_t at)
{
    while (at > 0 && d->text[at - 1] != '\n')
        at--;
    return at;
}

static size_t line_end(const el_doc *d, size_t at)
{
    while (at < d->len && d->text[at] != '\n')
        at++;
    return at;
}

/* A header line may hold several fields split by a bar ("By NAME | April
 * 17, 2025 | 3 min read"): the date's own field is what counts. */
static size_t field_start(const el_doc *d, size_t at)
{
    size_t a = line_start(d, at);
    for (size_t i = at; i > a; i--)
        if (d->text[i - 1] == '|')
            return i;
    return a;
}

static size_t field_end(const el_doc *d, size_t at)
{
    size_t b = line_end(d, at);
    for (size_t i = at; i < b; i++)
        if (d->text[i] == '|')
            return i;
    return b;
}

/* A full calendar date value "YYYY-MM-DD..." (the year written). */
static bool full_date(const el_timex *t, el_date *out)
{
    char buf[11];
    if (t->type != EL_TIMEX_DATE || strlen(t->value) < 10 || !isdigit((unsigned char)t->value[0]))
        return false;
    memcpy(buf, t->value, 10);
    buf[10] = '\0';
    return el_date_parse(buf, out);
}

/* Words (runs of letters) in text[a, b). */
static int count_words(const char *s, size_t a, size_t b)
{
    int n = 0;
    for (size_t i = a; i < b; i++)
        if (isalpha((unsigned char)s[i]) && (i == a || !isalpha((unsigned char)s[i - 1])))
            n++;
    return n;
}

/* The line (or its bar-separated field) holds the date and little else: a
 * label ("Published:", "Updated") or a time of day, never a sentence. */
static bool date_line(const el_doc *d, const el_timex *t)
{
    size_t a = field_start(d, t->start), b = field_end(d, t->end);
    int words = count_words(d->text, a, t->start) + count_words(d->text, t->end, b);
    for (size_t k = 0; k < d->ntimexes; k++) {
        const el_timex *o = &d->timexes[k];
        if (o != t && o->start >= a && o->end <= b)
            words -= count_words(d->text, o->start, o->end);
    }
    return words <= LINE_RESIDUE_WORDS;
}

/* What may follow a dateline's date: an agency in parentheses or slashes
 * ("(Reuters)", "/PRNewswire/"), then a dash ("-", "--", an en or em dash). */
static bool dateline_tail(const el_doc *d, size_t i)
{
    const char *s = d->text;
    while (i < d->len && s[i] == ' ')
        i++;
    if (i < d->len && (s[i] == '(' || s[i] == '/')) {
        char close = s[i] == '(' ? ')' : '/';
        size_t j = i + 1;
        while (j < d->len && j - i < 40 && s[j] != close && s[j] != '\n')
            j++;
        if (j >= d->len || s[j] != close)
            return false;
        i = j + 1;
        while (i < d->len && s[i] == ' ')
            i++;
    }
    if (i < d->len && s[i] == '-')
        return true;
    return i + 2 < d->len && (strncmp(s + i, "\xe2\x80\x94", 3) == 0      /* em dash */
                              || strncmp(s + i, "\xe2\x80\x93", 3) == 0); /* en dash */
}

/* "CITY[, ST.], " before the date: short, starts the line with a capital,
 * ends with a comma, no sentence end inside. */
static bool dateline_head(const el_doc *d, const el_timex *t)
{
    size_t a = line_start(d, t->start);
    if (t->start <= a + 2 || t->start - a > PLACE_BYTES || !isupper((unsigned char)d->text[a]))
        return false;
    size_t e = t->start;
    while (e > a && d->text[e - 1] == ' ')
        e--;
    if (d->text[e - 1] != ',')
        return false;
    for (size_t i = a; i + 1 < e; i++)
        if ((d->text[i] == '.' || d->text[i] == '!' || d->text[i] == '?') && d->text[i + 1] == ' '
            && i > a && islower((unsigned char)d->text[i - 1]) && !isupper((unsigned char)d->text[i + 2]))
            return false;
    return true;
}

static bool dateline(const el_doc *d, const el_timex *t)
{
    return dateline_head(d, t) && dateline_tail(d, t->end);
}

bool el_timex_find_dct(const el_doc *d, el_date *out, el_dct_source *source)
{
    size_t lim = head_end(d);
    int best = 0;   /* 2: a date line, 1: a dateline */
    for (size_t k = 0; k < d->ntimexes && d->timexes[k].start < lim; k++) {
        const el_timex *t = &d->timexes[k];
        el_date day;
        if (!full_date(t, &day))
            continue;
        int kind = date_line(d, t) ? 2 : dateline(d, t) ? 1 : 0;
        if (kind > best) {
            best = kind;
            *out = day;
        }
    }
    if (best)
        *source = best == 2 ? EL_DCT_TEXT : EL_DCT_DATELINE;
    return best != 0;
}

/* Flag the written dates of the first lines that date the document (a date
 * line or a dateline, with or without a year): no event takes them. */
static void mark_datelines(el_doc *d)
{
    size_t lim = head_end(d);
    for (size_t k = 0; k < d->ntimexes && d->timexes[k].start < lim; k++) {
        el_timex *t = &d->timexes[k];
        bool digit = false;
        for (size_t i = t->start; i < t->end; i++)
            digit |= isdigit((unsigned char)d->text[i]) != 0;
        if (digit && t->type == EL_TIMEX_DATE && (date_line(d, t) || dateline(d, t)))
            t->dateline = true;
    }
}

void el_timex_tag_with_text_dct(el_doc *doc, const el_time_lexicon *lx)
{
    el_timex_tag(doc, lx);
    el_date day;
    el_dct_source source;
    if (doc->dct_source == EL_DCT_NONE && el_timex_find_dct(doc, &day, &source)) {
        doc->dct = day;
        doc->dct_source = source;
        doc->ntimexes = 0;
        el_timex_tag(doc, lx);
    }
    mark_datelines(doc);
}

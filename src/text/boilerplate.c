/* boilerplate.c - publisher boilerplate phrases (see boilerplate.h).  The
 * list is short and only headlines are tested against it, so it is a plain
 * array of normalized phrases scanned in order.  A row is
 * `PHRASE<TAB>line` (the whole line, bar trailing punctuation) or
 * `PHRASE<TAB>prefix` (the line starts with it). */
#include "text/boilerplate.h"
#include "base/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct phrase {
    char *text;         /* lower case, single spaces, no trailing space */
    bool prefix;        /* matches the start of a line, else a whole line */
} phrase;

struct el_boilerplate {
    phrase *phrases;
    size_t n, cap;
};

/* Lower-case `s` in place and squeeze runs of spaces and tabs into one
 * space, dropping leading and trailing ones; returns the new length. */
static size_t normalize(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            if (o && s[o - 1] != ' ')
                s[o++] = ' ';
            continue;
        }
        s[o++] = (char)tolower(c);
    }
    while (o && s[o - 1] == ' ')
        o--;
    s[o] = '\0';
    return o;
}

el_boilerplate *el_boilerplate_load(const char *path, char **err)
{
    size_t len;
    char *data = el_read_data_file(path, &len, err);
    if (!data)
        return NULL;
    el_boilerplate *b = el_calloc(1, sizeof *b);
    for (char *line, *cur = data; (line = el_next_line(&cur, &len));) {
        char *f[2];
        if (line[0] == '#' || line[0] == '\0')
            continue;
        size_t nf = el_split_tabs(line, f, 2);
        if (normalize(f[0], strlen(f[0])) == 0)
            continue;
        phrase p = {el_strdup(f[0]), nf > 1 && strncmp(f[1], "prefix", 6) == 0};
        EL_PUSH(b->phrases, b->n, b->cap) = p;
    }
    free(data);
    return b;
}

void el_boilerplate_free(el_boilerplate *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        free(b->phrases[i].text);
    free(b->phrases);
    free(b);
}

/* Whether `line` (n bytes) starts with phrase p, folding ASCII case and
 * reading a run of spaces in the line as the phrase's one space; *used
 * gets the bytes the phrase covered. */
static bool starts_with(const char *line, size_t n, const char *p, size_t *used)
{
    size_t i = 0;
    for (; *p; p++) {
        if (*p == ' ') {
            if (i >= n || (line[i] != ' ' && line[i] != '\t'))
                return false;
            while (i < n && (line[i] == ' ' || line[i] == '\t'))
                i++;
            continue;
        }
        if (i >= n || tolower((unsigned char)line[i]) != (unsigned char)*p)
            return false;
        i++;
    }
    *used = i;
    return true;
}

/* Whether only spaces and punctuation follow byte `i` of the line. */
static bool only_punct_after(const char *line, size_t n, size_t i)
{
    for (; i < n; i++)
        if (isalnum((unsigned char)line[i]) || (unsigned char)line[i] >= 0x80)
            return false;
    return true;
}

bool el_boilerplate_line(const el_boilerplate *b, const char *line, size_t n)
{
    while (n && (*line == ' ' || *line == '\t')) {
        line++;
        n--;
    }
    for (size_t i = 0; b && i < b->n; i++) {
        size_t used;
        if (starts_with(line, n, b->phrases[i].text, &used) &&
            (b->phrases[i].prefix || only_punct_after(line, n, used)))
            return true;
    }
    return false;
}

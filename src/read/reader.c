/* reader.c - plain-text reader, input format detection, document ids,
 * DCT from the text itself, and the DCT manifest (see reader.h). */
#include "read/reader.h"
#include "base/util.h"
#include "base/buf.h"
#include "base/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Common checks for textual input: not empty, no NUL bytes, valid UTF-8. */
static bool check_text(const char *data, size_t len, char **err)
{
    size_t bad;
    if (len == 0) {
        *err = el_strdup("empty document");
        return false;
    }
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        *err = el_strdupf("binary data (NUL byte at offset %zu)", (size_t)(nul - data));
        return false;
    }
    if (!el_utf8_validate(data, len, &bad)) {
        *err = el_strdupf("invalid UTF-8 at byte %zu", bad);
        return false;
    }
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)data[i]))
            return true;
    *err = el_strdup("empty document (only whitespace)");
    return false;
}

bool el_check_text(const char *data, size_t len, char **err)
{
    return check_text(data, len, err);
}

/* The first line as the title when it looks like a headline: more text
 * follows, it is short (3-200 bytes, at most 25 words), starts with a
 * capital letter, a digit or a quote, and does not end like a sentence
 * or a clause (. , ; :).  NULL otherwise. */
char *el_text_headline(const char *text, size_t len)
{
    const char *nl = memchr(text, '\n', len);
    if (!nl)
        return NULL;
    size_t n = (size_t)(nl - text);
    while (n && isspace((unsigned char)text[n - 1]))
        n--;
    const char *rest = nl + 1, *end = text + len;
    while (rest < end && isspace((unsigned char)*rest))
        rest++;
    if (n < 3 || n > 200 || rest == end || strchr(".,;:", text[n - 1]))
        return NULL;
    unsigned char c0 = (unsigned char)text[0];
    if (!(isupper(c0) || isdigit(c0) || c0 == '"' || c0 == '\'' || c0 >= 0x80))
        return NULL;
    int words = 1;
    for (size_t i = 0; i < n; i++)
        if (text[i] == ' ' && text[i + 1] != ' ' && ++words > 25)
            return NULL;
    return el_strndup(text, n);
}

el_doc *el_read_text(const char *id, const char *path, const char *data, size_t len, char **err)
{
    if (!check_text(data, len, err))
        return NULL;
    el_doc *d = el_doc_new(id, path, el_strndup(data, len), len);
    d->title = el_text_headline(d->text, d->len);
    el_date dct;
    if (el_find_text_dct(d->text, d->len, &dct)) {
        d->dct = dct;
        d->dct_source = EL_DCT_TEXT;
    }
    return d;
}

bool el_input_format_parse(const char *s, el_input_format *out)
{
    static const struct { const char *name; el_input_format f; } names[] = {
        {"auto", EL_IN_AUTO}, {"text", EL_IN_TEXT}, {"txt", EL_IN_TEXT},
        {"html", EL_IN_HTML}, {"timeml", EL_IN_TIMEML}, {"tml", EL_IN_TIMEML},
        {"jsonl", EL_IN_JSONL},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].f;
            return true;
        }
    return false;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

el_input_format el_input_format_guess(const char *path, const char *data, size_t len)
{
    if (path) {
        if (ends_with(path, ".tml") || ends_with(path, ".TE3input") || ends_with(path, ".timeml"))
            return EL_IN_TIMEML;
        if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".xhtml"))
            return EL_IN_HTML;
        if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson"))
            return EL_IN_JSONL;
        if (ends_with(path, ".txt"))
            return EL_IN_TEXT;
    }
    size_t i = 0;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    const char *p = data + i;
    size_t rest = len - i;
    if (rest >= 5 && (strncasecmp(p, "<html", 5) == 0 || strncasecmp(p, "<!doc", 5) == 0))
        return EL_IN_HTML;
    if (rest >= 5 && strncmp(p, "<?xml", 5) == 0) {
        size_t look = rest < 2048 ? rest : 2048;
        for (size_t k = 0; k + 6 <= look; k++)
            if (strncmp(p + k, "TimeML", 6) == 0)
                return EL_IN_TIMEML;
        return EL_IN_HTML;
    }
    if (rest >= 1 && p[0] == '{')
        return EL_IN_JSONL;
    return EL_IN_TEXT;
}

/* s[0..n) with every byte that is not part of valid UTF-8 replaced by
 * U+FFFD (a file name need not be UTF-8; an id must be). */
static char *utf8_or_replaced(const char *s, size_t n)
{
    el_buf b = EL_BUF_INIT;
    size_t bad;
    while (!el_utf8_validate(s, n, &bad)) {
        el_buf_put(&b, s, bad);
        el_buf_puts(&b, "\xEF\xBF\xBD");
        s += bad + 1;
        n -= bad + 1;
    }
    el_buf_put(&b, s, n);
    size_t len;
    return el_buf_detach(&b, &len);
}

char *el_doc_id_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    static const char *const exts[] = {".tml.TE3input", ".TE3input", ".tml", ".timeml",
                                       ".txt", ".html", ".htm", ".xhtml", ".jsonl", ".xml"};
    size_t n = strlen(base);
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (ends_with(base, exts[i]) && n > strlen(exts[i])) {
            n -= strlen(exts[i]);
            break;
        }
    if (n == 0)
        return el_strdup("doc");
    return utf8_or_replaced(base, n);
}

/* "date 2023-06-20", "Date: 2023-06-20", or a line holding only a date,
 * within the first three non-empty lines. */
bool el_find_text_dct(const char *text, size_t len, el_date *out)
{
    size_t i = 0;
    for (int line = 0; line < 3 && i < len; line++) {
        while (i < len && isspace((unsigned char)text[i]))
            i++;
        size_t eol = i;
        while (eol < len && text[eol] != '\n')
            eol++;
        const char *p = text + i;
        size_t n = eol - i;
        if (n >= 4 && strncasecmp(p, "date", 4) == 0) {
            p += 4;
            n -= 4;
            while (n && (*p == ':' || *p == ' ' || *p == '\t')) {
                p++;
                n--;
            }
        }
        if (n >= 10) {
            char buf[11];
            memcpy(buf, p, 10);
            buf[10] = '\0';
            bool ends = n == 10 || !isalnum((unsigned char)p[10]);
            if (ends && el_date_parse(buf, out))
                return true;
        }
        i = eol;
    }
    return false;
}

/* ---- manifest -------------------------------------------------------- */

typedef struct manifest_row {
    char *name;   /* file name as written */
    char *stem;   /* document id form */
    el_date dct;
} manifest_row;

struct el_manifest {
    manifest_row *rows;
    size_t n, cap;
    size_t *by_name, *by_stem;   /* row indices sorted by name / stem, then row:
                                    a lookup is two binary searches, not a scan */
};

/* Sorting the row indices (qsort has no context argument: the rows travel
 * with the index in a pair). */
typedef struct row_key { const char *s; size_t row; } row_key;

static int cmp_row_key(const void *a, const void *b)
{
    const row_key *x = a, *y = b;
    int c = strcmp(x->s, y->s);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

static size_t *sorted_rows(const el_manifest *m, bool stem)
{
    row_key *k = el_malloc((m->n ? m->n : 1) * sizeof *k);
    for (size_t i = 0; i < m->n; i++)
        k[i] = (row_key){stem ? m->rows[i].stem : m->rows[i].name, i};
    if (m->n > 1)
        qsort(k, m->n, sizeof *k, cmp_row_key);
    size_t *out = el_malloc((m->n ? m->n : 1) * sizeof *out);
    for (size_t i = 0; i < m->n; i++)
        out[i] = k[i].row;
    free(k);
    return out;
}

/* The first row (in file order) whose name (or stem) is s; m->n if none. */
static size_t first_row(const el_manifest *m, const size_t *idx, bool stem, const char *s)
{
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const manifest_row *r = &m->rows[idx[mid]];
        if (strcmp(stem ? r->stem : r->name, s) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < m->n && strcmp(stem ? m->rows[idx[lo]].stem : m->rows[idx[lo]].name, s) == 0)
        return idx[lo];
    return m->n;
}

el_manifest *el_manifest_load(const char *path, char **err)
{
    size_t len;
    char *data = el_read_data_file(path, &len, err);
    if (!data)
        return NULL;
    el_manifest *m = el_manifest_parse(path, data, len, err);
    free(data);
    return m;
}

el_manifest *el_manifest_parse(const char *path, const char *text, size_t len, char **err)
{
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        *err = el_strdupf("%s: NUL byte at offset %zu: not a manifest (text lines "
                          "FILE<TAB>YYYY-MM-DD)", path, (size_t)(nul - text));
        return NULL;
    }
    char *data = el_strndup(text, len);   /* (split in place; a NUL ends it) */
    char msg[1024];
    el_manifest *m = el_calloc(1, sizeof *m);
    size_t lineno = 0;
    size_t l;
    for (char *line, *cur = data; (line = el_next_line(&cur, &l));) {
        lineno++;
        if (line[0] == '#' || l == 0)
            continue;
        char *f[3];
        size_t nf = el_split_tabs(line, f, 3);
        el_date d;
        if (nf < 2 || !el_date_parse(f[1], &d)) {
            snprintf(msg, sizeof msg, "%s: line %zu: expected FILE<TAB>YYYY-MM-DD", path, lineno);
            *err = el_strdup(msg);
            free(data);
            el_manifest_free(m);
            return NULL;
        }
        manifest_row *r = &EL_PUSH(m->rows, m->n, m->cap);
        r->name = el_strdup(f[0]);
        r->stem = el_doc_id_from_path(f[0]);
        r->dct = d;
    }
    free(data);
    m->by_name = sorted_rows(m, false);
    m->by_stem = sorted_rows(m, true);
    return m;
}

bool el_manifest_dct(const el_manifest *m, const char *path, el_date *out)
{
    if (!m || !path)
        return false;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *stem = el_doc_id_from_path(path);
    size_t a = first_row(m, m->by_name, false, base), b = first_row(m, m->by_stem, true, stem);
    free(stem);
    if (b < a)
        a = b;
    if (a >= m->n)
        return false;
    *out = m->rows[a].dct;
    return true;
}

void el_manifest_free(el_manifest *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++) {
        free(m->rows[i].name);
        free(m->rows[i].stem);
    }
    free(m->rows);
    free(m->by_name);
    free(m->by_stem);
    free(m);
}

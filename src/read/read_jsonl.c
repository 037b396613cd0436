/* read_jsonl.c - JSON Lines reader: one {"id","text","dct"} object per line
 * ("date" is accepted for "dct", "title" and "url" are optional).  The input is read
 * one line at a time (getline), so a stream of any size is processed in
 * constant memory per record and lines may be of any length.  A bad record
 * is reported with its line number and reading goes on with the next one.
 * Blank lines are skipped. */
#include "read/reader.h"
#include "base/util.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct el_jsonl_reader {
    FILE *fp;
    char *path;      /* for documents' path field */
    char *stem;      /* default id prefix: "<stem>-<line>" */
    char *line;      /* getline buffer */
    size_t cap;
    size_t lineno;
    size_t max;      /* longest line kept (the document size limit) */
    bool failed;     /* a read error ended the stream */
};


el_jsonl_reader *el_jsonl_open(FILE *fp, const char *path)
{
    el_jsonl_reader *r = el_calloc(1, sizeof *r);
    r->fp = fp;
    r->max = EL_MAX_DOC_BYTES - 1;
    r->path = path ? el_strdup(path) : NULL;
    r->stem = path && path[0] != '<' ? el_doc_id_from_path(path) : el_strdup("stdin");
    return r;
}

void el_jsonl_close(el_jsonl_reader *r)
{
    if (!r)
        return;
    free(r->path);
    free(r->stem);
    free(r->line);
    free(r);
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* A string field, NULL when absent or null; *bad when of another type. */
static const char *string_field(json_t *obj, const char *key, bool *bad)
{
    json_t *v = json_object_get(obj, key);
    *bad = v && !json_is_null(v) && !json_is_string(v);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The record's DCT ("dct", else "date"); false + *err when not a date. */
static bool record_dct(json_t *obj, el_doc *d, char **err)
{
    bool bad;
    const char *key = json_object_get(obj, "dct") ? "dct" : "date";
    const char *s = string_field(obj, key, &bad);
    if (bad) {
        *err = el_strdupf("\"%s\" is not a string", key);
        return false;
    }
    if (!s)
        return true;
    if (!el_date_parse(s, &d->dct)) {
        *err = el_strdupf("dct '%.60s' is not a date (YYYY-MM-DD)", s);
        return false;
    }
    d->dct_source = EL_DCT_METADATA;
    return true;
}

/* The record's text, copied; NULL + *err when missing or empty. */
static char *record_text(json_t *obj, size_t *len, char **err)
{
    bool bad;
    json_t *v = json_object_get(obj, "text");
    const char *s = string_field(obj, "text", &bad);
    if (!s) {
        *err = el_strdup(bad ? "\"text\" is not a string" : "record has no \"text\"");
        return NULL;
    }
    *len = json_string_length(v);
    if (blank(s, *len)) {
        *err = el_strdup("empty text");
        return NULL;
    }
    return el_strndup(s, *len);
}

static el_doc *record_doc(const el_jsonl_reader *r, json_t *obj, char **err)
{
    bool bad_id, bad_title;
    const char *id = string_field(obj, "id", &bad_id);
    const char *title = string_field(obj, "title", &bad_title);
    if (bad_id || bad_title) {
        *err = el_strdup(bad_id ? "\"id\" is not a string" : "\"title\" is not a string");
        return NULL;
    }
    size_t len;
    char *text = record_text(obj, &len, err);
    if (!text)
        return NULL;
    char fallback[64];
    if (!id || !*id) {
        snprintf(fallback, sizeof fallback, "%.40s-%zu", r->stem, r->lineno);
        id = fallback;
    }
    el_doc *d = el_doc_new(id, r->path, text, len);
    if (title && *title)
        d->title = el_strdup(title);
    json_t *url = json_object_get(obj, "url");   /* optional; the exporters check it */
    if (json_is_string(url) && json_string_length(url) > 0)
        d->url = el_strndup(json_string_value(url), json_string_length(url));
    if (!record_dct(obj, d, err)) {
        el_doc_free(d);
        return NULL;
    }
    return d;
}

/* Parse one non-blank line into a document. */
static el_doc *parse_line(const el_jsonl_reader *r, size_t n, char **err)
{
    json_error_t jerr;
    json_t *obj = json_loadb(r->line, n, 0, &jerr);
    if (!obj) {
        *err = el_strdupf("not valid JSON: %s (column %d)", jerr.text, jerr.column);
        return NULL;
    }
    el_doc *d = NULL;
    if (!json_is_object(obj))
        *err = el_strdup("record is not a JSON object");
    else
        d = record_doc(r, obj, err);
    json_decref(obj);
    return d;
}

enum { LINE_OK, LINE_EOF, LINE_LONG, LINE_NUL, LINE_NOMEM, LINE_ERROR };

/* Read one line into r->line (NUL-terminated, *n bytes with its newline).
 * A line over r->max bytes, or one memory cannot hold, is read to its
 * newline without being kept; a NUL byte ends the input (no JSON text has
 * one: binary data, /dev/zero).  Byte by byte (getc_unlocked): the stages
 * after are a hundred times slower. */
static int read_line(el_jsonl_reader *r, size_t *n)
{
    size_t len = 0;
    int c, st = LINE_OK;
    bool any = false;
    while ((c = getc_unlocked(r->fp)) != EOF) {
        any = true;
        if (c == '\0')
            return LINE_NUL;
        if (st == LINE_OK && len + 2 > r->cap) {
            size_t cap = r->cap ? 2 * r->cap : 4096;
            char *p = realloc(r->line, cap);
            if (p) {
                r->line = p;
                r->cap = cap;
            } else {
                st = LINE_NOMEM;
            }
        }
        if (st == LINE_OK) {
            r->line[len++] = (char)c;
            if (len > r->max + 1)
                st = LINE_LONG;
        }
        if (c == '\n')
            break;
    }
    if (ferror(r->fp))
        return LINE_ERROR;
    if (!any)
        return LINE_EOF;
    if (st == LINE_OK) {
        r->line[len] = '\0';
        *n = len;
    }
    return st;
}

void el_jsonl_set_max(el_jsonl_reader *r, size_t max)
{
    r->max = max;
}

int el_jsonl_next(el_jsonl_reader *r, el_doc **doc, char **err, size_t *lineno)
{
    *doc = NULL;
    if (r->failed)
        return 0;
    for (;;) {
        size_t n = 0;
        errno = 0;
        int st = read_line(r, &n);
        if (st == LINE_EOF)
            return 0;
        *lineno = ++r->lineno;
        switch (st) {
        case LINE_OK:
            if (blank(r->line, n))
                continue;
            *doc = parse_line(r, n, err);
            return *doc ? 1 : -1;
        case LINE_LONG:
            *err = el_strdupf("record larger than the document size limit (--max-doc-size, "
                              "%zu bytes), skipped", r->max);
            return -1;
        case LINE_NOMEM:
            *err = el_strdup("record too large to read (out of memory), skipped");
            return -1;
        case LINE_NUL:
            *err = el_strdup("NUL byte: not JSON Lines text; the rest of the input is not read");
            break;
        default:
            *err = el_strdupf("read error, the rest of the input is not read: %s",
                              strerror(errno ? errno : EIO));
        }
        r->failed = true;
        return -1;
    }
}

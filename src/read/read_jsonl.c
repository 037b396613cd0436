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
    bool failed;     /* a read error ended the stream */
};


el_jsonl_reader *el_jsonl_open(FILE *fp, const char *path)
{
    el_jsonl_reader *r = el_calloc(1, sizeof *r);
    r->fp = fp;
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

/* Discard the rest of a line that could not be read; false at EOF or on
 * a read error. */
static bool skip_line(FILE *fp)
{
    int c;
    while ((c = getc(fp)) != EOF)
        if (c == '\n')
            return true;
    return false;
}

int el_jsonl_next(el_jsonl_reader *r, el_doc **doc, char **err, size_t *lineno)
{
    ssize_t got;
    *doc = NULL;
    if (r->failed)
        return 0;
    errno = 0;
    while ((got = getline(&r->line, &r->cap, r->fp)) >= 0) {
        r->lineno++;
        *lineno = r->lineno;
        size_t n = (size_t)got;
        if (blank(r->line, n))
            continue;
        *doc = parse_line(r, n, err);
        return *doc ? 1 : -1;
    }
    if (!feof(r->fp) || ferror(r->fp)) {   /* getline fails without EOF when out of
                                              memory: not the end of the input */
        *lineno = ++r->lineno;
        if (errno == ENOMEM && !ferror(r->fp) && skip_line(r->fp)) {
            *err = el_strdup("record too large to read (out of memory), skipped");
            return -1;
        }
        *err = el_strdupf("read error, the rest of the input is not read: %s",
                          strerror(errno ? errno : EIO));
        r->failed = true;
        return -1;
    }
    return 0;
}

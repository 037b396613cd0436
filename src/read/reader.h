/* reader.h - document readers.  Each turns bytes into an el_doc (text plus
 * whatever metadata the format carries: id, title, DCT).  Format is chosen
 * from the file extension, or by sniffing the content when it is unknown. */
#ifndef EL_READER_H
#define EL_READER_H

#include <stdio.h>
#include "model/doc.h"
#include "text/tokenize.h"


typedef enum el_input_format {
    EL_IN_AUTO, EL_IN_TEXT, EL_IN_HTML, EL_IN_TIMEML, EL_IN_JSONL
} el_input_format;

bool el_input_format_parse(const char *s, el_input_format *out);
el_input_format el_input_format_guess(const char *path, const char *data, size_t len);

/* Read one document from memory (text, HTML or TimeML).  `id` is the
 * document id to use when the format carries none (usually the file stem).
 * Takes no ownership of data.  NULL + *err (caller frees) on failure. */
el_doc *el_read_text(const char *id, const char *path, const char *data, size_t len, char **err);
/* The first line of a text as its title when it looks like a headline
 * (caller frees), else NULL; el_read_text sets the document's title so. */
char *el_text_headline(const char *text, size_t len);
el_doc *el_read_html(const char *id, const char *path, const char *data, size_t len, char **err);
el_doc *el_read_timeml(const char *id, const char *path, const char *data, size_t len, char **err);

/* Checks shared by the readers: not empty, no NUL byte, valid UTF-8, not
 * only whitespace.  False + *err (caller frees) otherwise. */
bool el_check_text(const char *data, size_t len, char **err);

/* JSON Lines: one {"id","text","dct"} object per line.  Call repeatedly;
 * returns 1 and sets *doc for a document, 0 at end of input, -1 for a bad
 * record (*err set, *lineno the line; reading may continue). */
typedef struct el_jsonl_reader el_jsonl_reader;
el_jsonl_reader *el_jsonl_open(FILE *fp, const char *path);
int el_jsonl_next(el_jsonl_reader *r, el_doc **doc, char **err, size_t *lineno);
void el_jsonl_close(el_jsonl_reader *r);
/* Longest record line read (default: 4 GB - 1, the most a document can
 * hold); a longer one is reported and skipped. */
void el_jsonl_set_max(el_jsonl_reader *r, size_t max);

/* Default document id from a path: base name without extension(s)
 * ("a/b/AP_1.tml" -> "AP_1", "x.tml.TE3input" -> "x"). */
char *el_doc_id_from_path(const char *path);

/* Look for a date line in the first lines of text ("date 2023-06-20",
 * "Date: June 20, 2023", "2023-06-20"); true and *out on success. */
bool el_find_text_dct(const char *text, size_t len, el_date *out);

/* Manifest: TSV "file<TAB>dct[<TAB>...]" ('#' comments). */
typedef struct el_manifest el_manifest;
el_manifest *el_manifest_load(const char *path, char **err);
/* The same from `len` bytes of text; `path` names it in errors. */
el_manifest *el_manifest_parse(const char *path, const char *text, size_t len, char **err);
/* DCT for a document path or id (matched by base name or stem). */
bool el_manifest_dct(const el_manifest *m, const char *path, el_date *out);
void el_manifest_free(el_manifest *m);

#endif

/* eventline.h - the public C API of libeventline.
 *
 * Load the resources once, add documents to a corpus (each runs through the
 * per-document stages as it is added), build the corpus timeline, export
 * it in any of the program's formats.  Every object is opaque; strings are
 * UTF-8; every function that can fail returns NULL or -1 and, when `err` is
 * not NULL, a message the caller frees with eventline_free.
 *
 * Versioning: EVENTLINE_API_VERSION changes, and the library's libtool
 * version (-version-info) bumps its current number, whenever a function
 * here is removed or changes meaning.  Build with
 *     cc prog.c $(pkg-config --cflags --libs eventline)
 */
#ifndef EVENTLINE_H
#define EVENTLINE_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EVENTLINE_API_VERSION 1

typedef struct eventline_resources eventline_resources;
typedef struct eventline_corpus eventline_corpus;

/* The library's version ("0.1.0") and API version. */
const char *eventline_version(void);
int eventline_api_version(void);

/* The gazetteer directory: `dir` if not NULL, else $EVENTLINE_GAZETTEERS,
 * else the installed one.  Read-only afterwards, shareable between threads. */
eventline_resources *eventline_resources_load(const char *dir, char **err);
void eventline_resources_free(eventline_resources *res);

/* A corpus over loaded resources (which must outlive it). */
eventline_corpus *eventline_corpus_new(const eventline_resources *res);
void eventline_corpus_free(eventline_corpus *c);

/* Add one document: plain text `text` of `len` bytes (or a file, its format
 * guessed from name and content: text, HTML, TimeML).  `dct` (YYYY-MM-DD)
 * is its creation date, or NULL to take it from the document itself.
 * Returns 0, or -1 (bad UTF-8, empty, unreadable file, bad date, or the
 * corpus was already built). */
int eventline_corpus_add_text(eventline_corpus *c, const char *id, const char *text,
                              size_t len, const char *dct, char **err);
int eventline_corpus_add_file(eventline_corpus *c, const char *path, const char *dct,
                              char **err);

/* Link entities across documents and build the timeline; once, after the
 * last document.  Returns the number of events. */
size_t eventline_corpus_build(eventline_corpus *c);

/* Write the built corpus in `format`: json (timeline.json), dot, svg, png,
 * pdf, tsv, csv, timelinejs or html.  Returns 0 or -1. */
int eventline_corpus_export(const eventline_corpus *c, const char *format, FILE *out,
                            char **err);

/* timeline.json as a string (caller frees with eventline_free), or NULL. */
char *eventline_corpus_json(const eventline_corpus *c);

void eventline_free(void *p);

#ifdef __cplusplus
}
#endif

#endif

/* boilerplate.h - publisher boilerplate lines ("This post was originally
 * published on this site", "Skip to content"): text a site or a feed puts
 * above an article that is neither its headline nor its news.  The phrases
 * live in gazetteers/boilerplate.tsv; a line is boilerplate when it is one
 * of them, or starts with one marked `prefix` (ASCII case, runs of spaces
 * and trailing punctuation ignored). */
#ifndef EL_BOILERPLATE_H
#define EL_BOILERPLATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct el_boilerplate el_boilerplate;

/* Load one phrase per line (# comments).  NULL and *err (caller frees),
 * naming the file and the problem, on failure. */
el_boilerplate *el_boilerplate_load(const char *path, char **err);
void el_boilerplate_free(el_boilerplate *b);

/* Whether the n bytes at `line` start with a boilerplate phrase. */
bool el_boilerplate_line(const el_boilerplate *b, const char *line, size_t n);

#endif

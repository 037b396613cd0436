/* resources.h - every read-only table the pipeline needs, loaded once from
 * the gazetteer directory and shared (read-only) by all documents and
 * threads: abbreviations, the time lexicon, entity gazetteers, the event
 * trigger lexicon. */
#ifndef EL_RESOURCES_H
#define EL_RESOURCES_H

#include "text/tokenize.h"

typedef struct el_time_lexicon el_time_lexicon;   /* timex.h */
typedef struct el_gazetteer el_gazetteer;         /* entity.h */
typedef struct el_trigger_lexicon el_trigger_lexicon; /* event.h */
typedef struct el_syntax el_syntax;               /* stages/syntax/syntax.h */
typedef struct el_tlink_rules el_tlink_rules;     /* model/tlink_rules.h */
typedef struct el_boilerplate el_boilerplate;     /* text/boilerplate.h */

typedef struct el_resources {
    char *dir;                    /* gazetteer directory */
    el_abbrevs *abbrevs;
    el_boilerplate *boilerplate;  /* publisher lines that are no headline */
    el_time_lexicon *time;
    el_gazetteer *gazetteer;
    el_trigger_lexicon *triggers;
    el_tlink_rules *tlinks;       /* the TimeML writer's link tables */
    el_syntax *syntax;            /* NULL unless el_resources_load_syntax: the
                                     pipeline runs the syntax stage when set */
} el_resources;

/* Directory to use (caller frees): `dir` if given, else
 * $EVENTLINE_GAZETTEERS, else found from the program's own location
 * (/proc/self/exe): the build tree's gazetteers/, then
 * BINDIR/../share/eventline/gazetteers (an install moved by prefix= or
 * DESTDIR), else the configured $(pkgdatadir)/gazetteers. */
char *el_resources_find_dir(const char *dir);

/* Load everything under `dir` plus the user's extra gazetteer files.
 * Returns NULL and sets *err (caller frees) naming the file and problem. */
el_resources *el_resources_load(const char *dir, char **extra_gazetteers,
                                size_t nextra, char **err);
void el_resources_free(el_resources *r);

/* Load the syntax model (DIR/syntax/en_ewt.model) into r; false and *err
 * on failure. */
bool el_resources_load_syntax(el_resources *r, char **err);

#endif

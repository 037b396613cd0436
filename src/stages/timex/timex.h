/* timex.h - the time-expression stage: recognizes temporal expressions in
 * a tokenized document and normalizes them to TIMEX3 type/value/mod relative
 * to the document creation time and the narrative. */
#ifndef EL_TIMEX_H
#define EL_TIMEX_H

#include "model/doc.h"

typedef struct el_time_lexicon el_time_lexicon;

/* Load gazetteers/time/ (month, weekday, unit, number, holiday, modifier
 * words; see gazetteers/README.md).  NULL + *err on failure. */
el_time_lexicon *el_time_lexicon_load(const char *dir, char **err);
void el_time_lexicon_free(el_time_lexicon *lx);

/* Add doc->timexes (sorted by position).  Needs doc tokens. */
void el_timex_tag(el_doc *doc, const el_time_lexicon *lx);

#endif

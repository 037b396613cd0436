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

/* The document's date from its first lines (timex_dct.c), among the time
 * expressions tagged without a DCT: a line holding only a date (source
 * EL_DCT_TEXT) is trusted before a wire dateline (EL_DCT_DATELINE); only a
 * date that writes its year counts.  False when there is none. */
bool el_timex_find_dct(const el_doc *doc, el_date *out, el_dct_source *source);

/* el_timex_tag, then, for a document no option, manifest or metadata dated,
 * the DCT from its text (el_timex_find_dct) and the tagging again with it;
 * the date lines and datelines of the first lines are flagged (dateline). */
void el_timex_tag_with_text_dct(el_doc *doc, const el_time_lexicon *lx);

#endif

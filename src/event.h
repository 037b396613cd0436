/* event.h - the event stage: trigger lexicon matching, TimeML class, tense,
 * aspect, polarity and modality, arguments (participants, location, time),
 * and in-document temporal links from signals. */
#ifndef EL_EVENT_H
#define EL_EVENT_H

#include "doc.h"

typedef struct el_trigger_lexicon el_trigger_lexicon;

el_trigger_lexicon *el_trigger_lexicon_load(const char *dir, char **err);
void el_trigger_lexicon_free(el_trigger_lexicon *lx);

/* Add doc->events and doc->links.  Needs tokens, timexes and mentions. */
void el_event_tag(el_doc *doc, const el_trigger_lexicon *lx);

#endif

/* entity.h - the entity stage: gazetteer matching plus contextual rules for
 * unknown names, and in-document coreference of short names to full ones. */
#ifndef EL_ENTITY_H
#define EL_ENTITY_H

#include "model/doc.h"

typedef struct el_gazetteer el_gazetteer;

/* Load every *.tsv under gazetteers/entities/ and the extra files. */
el_gazetteer *el_gazetteer_load(const char *dir, char **extra, size_t nextra, char **err);
/* Add one file (user gazetteers); false + *err on failure. */
bool el_gazetteer_add_file(el_gazetteer *gz, const char *path, char **err);
void el_gazetteer_free(el_gazetteer *gz);
size_t el_gazetteer_size(const el_gazetteer *gz);

/* Add doc->mentions (sorted by position).  Needs tokens (and timexes, so
 * that "May" the month is not taken for a name). */
void el_entity_tag(el_doc *doc, const el_gazetteer *gz);

#endif

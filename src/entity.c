/* entity.c - gazetteer-based entity recognition (see entity.h).
 * Placeholder: the real stage lands with the entities issue. */
#include "entity.h"
#include "util.h"

#include <stdlib.h>

struct el_gazetteer {
    size_t n;
};

el_gazetteer *el_gazetteer_load(const char *dir, char **extra, size_t nextra, char **err)
{
    (void)dir;
    el_gazetteer *gz = el_calloc(1, sizeof *gz);
    for (size_t i = 0; i < nextra; i++)
        if (!el_gazetteer_add_file(gz, extra[i], err)) {
            el_gazetteer_free(gz);
            return NULL;
        }
    return gz;
}

bool el_gazetteer_add_file(el_gazetteer *gz, const char *path, char **err)
{
    (void)gz;
    (void)path;
    (void)err;
    return true;
}

void el_gazetteer_free(el_gazetteer *gz)
{
    free(gz);
}

size_t el_gazetteer_size(const el_gazetteer *gz)
{
    return gz->n;
}

void el_entity_tag(el_doc *doc, const el_gazetteer *gz)
{
    (void)doc;
    (void)gz;
}

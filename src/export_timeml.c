/* export_timeml.c - TimeML writer (libxml2 xmlTextWriter).
 * Placeholder: lands with the readers work of the foundation issue. */
#include "export.h"

int el_export_timeml(const el_doc *doc, FILE *out)
{
    (void)doc; (void)out;
    return -1;
}

/* export_table.c - CSV/TSV and TimelineJS3 exports.
 * Placeholder: lands with the events issue. */
#include "export.h"

int el_export_table(const el_corpus *c, char sep, FILE *out)
{
    (void)c; (void)sep; (void)out;
    return -1;
}

int el_export_timelinejs(const el_corpus *c, FILE *out)
{
    (void)c; (void)out;
    return -1;
}

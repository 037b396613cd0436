/* timeline.c - event normalizer and timeline graph (see timeline.h).
 * Placeholder: one canonical event per event mention, ordered by time. */
#include "timeline.h"
#include "util.h"

void el_timeline_build(el_corpus *c)
{
    (void)c;
}

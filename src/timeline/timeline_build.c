/* timeline_build.c - the event normalizer and timeline graph driver (see
 * timeline.h): normalize.c groups mentions into canonical events and
 * relations.c relates, closes and orders them. */
#include "timeline/timeline_internal.h"
#include "base/util.h"

#include <stdlib.h>

static void reset(el_corpus *c)
{
    for (size_t i = 0; i < c->nevents; i++) {
        free(c->events[i].type);
        free(c->events[i].label);
        free(c->events[i].participants);
        free(c->events[i].mentions);
    }
    c->nevents = 0;
    for (size_t i = 0; i < c->nrelations; i++)
        free(c->relations[i].evidence);
    c->nrelations = 0;
    for (size_t i = 0; i < c->nconflicts; i++)
        free(c->conflicts[i]);
    c->nconflicts = 0;
    free(c->timeline);
    c->timeline = NULL;
    c->ntimeline = 0;
}

static void build(el_corpus *c, const el_trigger_lexicon *types, const el_trigger_lexicon *words)
{
    reset(c);
    el_normalize_events(c, types, words);
    el_relate_and_order(c);
}

void el_timeline_build_ex(el_corpus *c, const el_trigger_lexicon *lx)
{
    build(c, lx, lx);
}

void el_timeline_build_untyped(el_corpus *c, const el_trigger_lexicon *words)
{
    build(c, NULL, words);
}

void el_timeline_build(el_corpus *c)
{
    build(c, NULL, NULL);
}

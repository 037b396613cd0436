/* event_fixture.h - helpers shared by test_event.c and test_timeline.c:
 * the trigger lexicon from the source tree and hand-made annotations. */
#ifndef EL_EVENT_FIXTURE_H
#define EL_EVENT_FIXTURE_H

#include "test_util.h"
#include "stages/event/event.h"

#include <stdio.h>
#include <stdlib.h>

static inline el_trigger_lexicon *fixture_lexicon(void)
{
    const char *dir = getenv("EVENTLINE_GAZETTEERS");
    char *err = NULL;
    el_trigger_lexicon *lx = el_trigger_lexicon_load(dir && *dir ? dir : "gazetteers", &err);
    if (!lx)
        fail_msg("%s", err);
    return lx;
}

/* Token index of the first token equal to `word` at or after `from`. */
static inline size_t find_tok(const el_doc *d, const char *word, size_t from)
{
    for (size_t i = from; i < d->ntokens; i++)
        if (el_tok_is(d, i, word))
            return i;
    fail_msg("token '%s' not found", word);
    return 0;
}

/* A DATE timex over tokens [tb, te) with `value`, anchored. */
static inline void add_date(el_doc *d, size_t tb, size_t te, const char *value)
{
    el_timex *t = el_doc_add_timex(d, (uint32_t)tb, (uint32_t)te);
    t->type = strchr(value, 'T') ? EL_TIMEX_TIME : EL_TIMEX_DATE;
    snprintf(t->value, sizeof t->value, "%s", value);
    t->anchor = -1;
    el_value_interval(value, &t->iv);
}

static inline void add_ent(el_doc *d, size_t tb, size_t te, el_ent_type type, const char *key,
                           const char *name)
{
    el_doc_add_mention(d, (uint32_t)tb, (uint32_t)te, type, key, name);
}

/* An entity mention over `ntok` tokens from the first `word`. */
static inline void add_ent_at(el_doc *d, const char *word, size_t ntok, el_ent_type type,
                              const char *key, const char *name)
{
    size_t t = find_tok(d, word, 0);
    add_ent(d, t, t + ntok, type, key, name);
}

/* The event mention whose first token is `word`, or NULL. */
static inline const el_event_mention *event_at(const el_doc *d, const char *word)
{
    for (size_t e = 0; e < d->nevents; e++)
        if (el_tok_is(d, d->events[e].tok_begin, word))
            return &d->events[e];
    return NULL;
}

#endif

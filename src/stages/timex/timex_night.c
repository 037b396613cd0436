/* timex_night.c - the previous night in a morning story.  A bare clock
 * time ("at 10 p.m.") takes the document's day; but when the text dates
 * something to the morning of that day ("this morning", "at 6 a.m.") the
 * story is told in the morning, and an evening time in a past clause
 * cannot lie later the same day: it is the evening before.  No words
 * here: the morning is read from the values, the clock time from the
 * lexicon's classes, the clause's tense from the tense cues. */
#include "stages/timex/timex_internal.h"

#include <stdio.h>
#include <string.h>

/* Does the value date the morning of `day` (YYYY-MM-DD)? */
static bool morning_of(const char *v, const char *day)
{
    if (strncmp(v, day, 10) != 0 || v[10] != 'T')
        return false;
    if (!strcmp(v + 11, "MO"))
        return true;
    return v[11] >= '0' && v[11] <= '1' && v[12] >= '0' && v[12] <= '9' && v[13] == ':'
           && (v[11] - '0') * 10 + (v[12] - '0') < 12;
}

/* The evening hour (18-23) of a value on `day`, -1 otherwise. */
static int evening_hour(const char *v, const char *day)
{
    if (strncmp(v, day, 10) != 0 || v[10] != 'T' || v[11] < '0' || v[11] > '2' || v[12] < '0'
        || v[12] > '9' || v[13] != ':')
        return -1;
    int h = (v[11] - '0') * 10 + (v[12] - '0');
    return h >= 18 && h <= 23 ? h : -1;
}

/* Only digits and clock words ("10 p.m.", "10:30 pm"): no day of its own. */
static bool bare_clock(const tx_ctx *c, const el_timex *t)
{
    for (uint32_t k = t->tok_begin; k < t->tok_end; k++)
        if (!c->info[k].ndig && !(c->info[k].cls & K(TW_CLOCK)))
            return false;
    return t->tok_end > t->tok_begin;
}

/* The tense of the clause before token i: the nearest cue of its sentence. */
static tx_tense tense_before(const tx_ctx *c, size_t i)
{
    const el_doc *d = c->doc;
    for (size_t k = i; k > 0 && d->tokens[k - 1].sentence == d->tokens[i].sentence; k--)
        if (c->info[k - 1].tense != TX_NO_TENSE)
            return (tx_tense)c->info[k - 1].tense;
    return TX_NO_TENSE;
}

void tx_previous_night(tx_ctx *c)
{
    el_doc *d = c->doc;
    char day[EL_DATE_SIZE], prev[EL_DATE_SIZE];
    if (!c->have_dct)
        return;
    el_date_format(c->dct, day);
    el_date_format(el_date_add_days(c->dct, -1), prev);
    bool morning = false;
    for (size_t t = 0; t < d->ntimexes && !morning; t++)
        morning = morning_of(d->timexes[t].value, day);
    for (size_t t = 0; morning && t < d->ntimexes; t++) {
        el_timex *x = &d->timexes[t];
        if (x->type != EL_TIMEX_TIME || evening_hour(x->value, day) < 0 || !bare_clock(c, x)
            || tense_before(c, x->tok_begin) != TX_PAST)
            continue;
        memcpy(x->value, prev, 10);
        el_interval iv;
        if (el_value_interval(x->value, &iv))
            x->iv = el_interval_apply_mod(iv, x->mod);
    }
}

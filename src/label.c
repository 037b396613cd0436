/* label.c - short human labels for canonical events ("Merkel meets Emmanuel
 * Macron") from the label templates of gazetteers/events/types.tsv:
 * {S} the first participant (a person by the short name the articles use),
 * {O} the others (full
 * names joined by "and"), {L} the location.  The first template whose
 * slots are all known wins. */
#include "timeline_internal.h"
#include "buf.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A person's short name: a one-word alias that is part of the full name
 * (the form the articles use: "Merkel", "Macron", "Xi"), else the full
 * name. */
static const char *short_name(const el_entity *e)
{
    if (e->type != EL_ENT_PERSON)
        return e->name;
    const char *best = NULL;
    for (size_t i = 0; i < e->naliases; i++) {
        const char *a = e->aliases[i];
        size_t n = strlen(a);
        const char *at = strstr(e->name, a);
        if (n < 2 || strchr(a, ' ') || !at || (at > e->name && at[-1] != ' ') ||
            (at[n] && at[n] != ' '))
            continue;
        if (!best || strcmp(a, best) < 0)
            best = a;
    }
    return best ? best : e->name;   /* never shortened: which word is the surname is a guess */
}

static void append_others(const el_corpus *c, const el_event *v, el_buf *b)
{
    for (size_t i = 1; i < v->nparticipants; i++) {
        if (i > 1)
            el_buf_puts(b, i + 1 == v->nparticipants ? " and " : ", ");
        el_buf_puts(b, c->entities[v->participants[i]].name);
    }
}

/* Fill one template; false if a slot it needs is unknown. */
static bool fill(const el_corpus *c, const el_event *v, const char *tpl, el_buf *b)
{
    for (const char *p = tpl; *p;) {
        if (strncmp(p, "{S}", 3) == 0) {
            if (v->nparticipants < 1)
                return false;
            el_buf_puts(b, short_name(&c->entities[v->participants[0]]));
            p += 3;
        } else if (strncmp(p, "{O}", 3) == 0) {
            if (v->nparticipants < 2)
                return false;
            append_others(c, v, b);
            p += 3;
        } else if (strncmp(p, "{L}", 3) == 0) {
            if (v->location < 0)
                return false;
            el_buf_puts(b, c->entities[v->location].name);
            p += 3;
        } else {
            el_buf_put(b, p, 1);
            p++;
        }
    }
    return true;
}

char *el_event_label(const el_corpus *c, const el_event *v, const el_event_type_info *ti,
                     const char *word)
{
    const char *what = v->type ? v->type : word ? word : "event";
    static const char *const generic[] = {"{S} {T} {O}", "{S} {T}", "{T} in {L}", "{T}"};
    for (size_t i = 0; ti && i < ti->nlabels; i++) {
        el_buf b = EL_BUF_INIT;
        if (fill(c, v, ti->labels[i], &b))
            return el_buf_detach(&b, NULL);
        el_buf_free(&b);
    }
    for (size_t i = 0; i < sizeof generic / sizeof *generic; i++) {
        char tpl[128];
        const char *t = strstr(generic[i], "{T}");
        size_t at = (size_t)(t - generic[i]);   /* "%.*s%s%s", without printf */
        memcpy(tpl, generic[i], at);
        el_copy_str(tpl + at, sizeof tpl - at, what);
        at += strlen(tpl + at);
        el_copy_str(tpl + at, sizeof tpl - at, t + 3);
        el_buf b = EL_BUF_INIT;
        if (fill(c, v, tpl, &b))
            return el_buf_detach(&b, NULL);
        el_buf_free(&b);
    }
    return el_strdup(what);
}

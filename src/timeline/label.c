/* label.c - short human labels for canonical events ("Merkel meets Emmanuel
 * Macron") from the label templates of gazetteers/events/types.tsv, or for
 * an untyped event from its verb ("Smith says", "Acme ships Widget"):
 * {S} the first participant (a person by the short name the articles use),
 * {O} the others (full
 * names joined by "and"), {L} the location.  The first template whose
 * slots are all known wins.  When every mention's participants come from
 * the syntax stage's tree, {S} is known only if the first participant is
 * the subject or passive agent of one of them: an object is never written
 * as the subject ("X rejects" when X was rejected). */
#include "timeline/timeline_internal.h"
#include "base/buf.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A person's short name: a one-word alias that is part of the full name
 * (the form the articles use: "Merkel", "Macron", "Scholz"), else the full
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

/* Is v's first participant its subject?  Yes unless it has mentions, all
 * read from the tree, and none has that entity as its subject. */
static bool subject_known(const el_corpus *c, const el_event *v)
{
    if (v->nparticipants < 1)
        return false;
    if (v->nmentions == 0)
        return true;   /* nothing says otherwise */
    for (size_t i = 0; i < v->nmentions; i++) {
        const el_doc *d = c->docs[v->mentions[i].doc];
        const el_event_mention *ev = &d->events[v->mentions[i].ev];
        if (!ev->syn_args)
            return true;   /* word-window participants: the first is taken as subject */
        if (ev->subject >= 0 &&
            el_corpus_entity_of(c, d->mentions[ev->subject].key) == (int)v->participants[0])
            return true;
    }
    return false;
}

/* Fill one template; false if a slot it needs is unknown. */
static bool fill(const el_corpus *c, const el_event *v, const char *tpl, el_buf *b)
{
    for (const char *p = tpl; *p;) {
        if (strncmp(p, "{S}", 3) == 0) {
            if (!subject_known(c, v))
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

/* The third person singular of verb lemma `lemma`, as a headline says it
 * ("say" -> "says", "press" -> "presses", "deny" -> "denies", "call off"
 * -> "calls off"); a word that is no lemma (an inflected form the lexicon
 * did not reduce: "downplayed", "repackaging", a past "guaranteed") is kept
 * as it is. */
static void third_person(const char *lemma, bool past, char *out, size_t cap)
{
    size_t n = strcspn(lemma, " ");   /* the verb of a phrasal verb */
    const char *rest = lemma + n;
    static const char *const irregular[][2] = {{"be", "is"}, {"have", "has"}, {"do", "does"},
                                               {"go", "goes"}};
    for (size_t i = 0; i < sizeof irregular / sizeof *irregular; i++)
        if (strlen(irregular[i][0]) == n && !strncmp(lemma, irregular[i][0], n)) {
            snprintf(out, cap, "%s%s", irregular[i][1], rest);
            return;
        }
    bool inflected = (n > 4 && !strncmp(lemma + n - 2, "ed", 2) && (past || lemma[n - 3] != 'e'))
                     || (n > 5 && !strncmp(lemma + n - 3, "ing", 3));   /* "guaranteed", not "need" */
    const char *suffix = "s";
    char last = n ? lemma[n - 1] : 0, before = n > 1 ? lemma[n - 2] : 0;
    if (inflected || !n)
        suffix = "";
    else if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
             (last == 'h' && (before == 'c' || before == 's')))
        suffix = "es";
    else if (last == 'y' && !strchr("aeiou", before))
        suffix = "ies", n--;
    snprintf(out, cap, "%.*s%s%s", (int)n, lemma, suffix, rest);
}

char *el_event_label(const el_corpus *c, const el_event *v, const el_event_type_info *ti,
                     const el_event_mention *head)
{
    char verb[64];
    const char *what = v->type ? v->type : "event";
    if (!v->type && head && head->lemma) {   /* untyped: its verb, as a headline says it */
        third_person(head->lemma, head->tense == EL_TENSE_PAST || head->tense == EL_TENSE_PASTPART,
                     verb, sizeof verb);
        what = verb;
    }
    /* a statement names who made it, not who it was about ("Smith says") */
    bool statement = !v->type && head && head->cls == EL_EV_REPORTING;
    static const char *const generic[] = {"{S} {T} {O}", "{S} {T}", "{T} in {L}", "{T}"};
    for (size_t i = 0; ti && i < ti->nlabels; i++) {
        el_buf b = EL_BUF_INIT;
        if (fill(c, v, ti->labels[i], &b))
            return el_buf_detach(&b, NULL);
        el_buf_free(&b);
    }
    for (size_t i = statement ? 1 : 0; i < sizeof generic / sizeof *generic; i++) {
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

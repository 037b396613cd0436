/* export_entity.c - per-entity timelines: the canonical events one entity
 * takes part in, in timeline order, as text, JSON or the SemEval-2015
 * Task 4 timeline format (first line the target; then ORDINAL<TAB>DATE<TAB>
 * DOCID-SENTENCE-WORD ids, sentence = 0-based line of the mention, word =
 * its tokens joined by '_'; events off the ordered timeline get ordinal 0,
 * dates reduced to YYYY-MM-DD with X for unknown parts).
 * An entity matches NAME when its name or an alias does, ignoring case,
 * punctuation and a leading "the". */
#include "export/export.h"
#include "export/render.h"
#include "base/buf.h"
#include "base/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool takes_part(const el_event *v, const bool *match)
{
    for (size_t p = 0; p < v->nparticipants; p++)
        if (match[v->participants[p]])
            return true;
    return false;
}

/* Position on the timeline + 1 (the ordinal), 0 if not on it. */
static size_t ordinal_of(const el_corpus *c, size_t v)
{
    for (size_t i = 0; i < c->ntimeline; i++)
        if (c->timeline[i] == v)
            return i + 1;
    return 0;
}

/* YYYY-MM-DD with X for unknown parts. */
static void semeval_date(const char *value, char *out)
{
    strcpy(out, "XXXX-XX-XX");
    size_t n = strlen(value);
    for (size_t i = 0; i < 10 && i < n; i++) {
        if (i == 4 || i == 7) {
            if (value[i] != '-')
                break;
            continue;
        }
        if (!isdigit((unsigned char)value[i]))
            break;
        out[i] = value[i];
    }
    if (out[4] != '-' || strncmp(out, "XXXX", 4) == 0)
        strcpy(out, "XXXX-XX-XX");
}

static void semeval_mention(const el_corpus *c, el_mref r, el_buf *b)
{
    const el_doc *d = c->docs[r.doc];
    const el_event_mention *m = &d->events[r.ev];
    size_t line = 0;
    for (size_t i = 0; i < m->start; i++)
        line += d->text[i] == '\n';
    for (const char *p = d->id; *p; p++)   /* an id's tab or line break would */
        el_buf_putc(b, *p == '\t' || *p == '\n' || *p == '\r' ? '_' : *p);   /* break the line */
    el_buf_printf(b, "-%zu-", line);
    for (size_t i = m->start; i < m->end; i++)
        el_buf_putc(b, d->text[i] == ' ' ? '_' : d->text[i]);
}

static void line_semeval(const el_corpus *c, size_t v, FILE *out)
{
    const el_event *e = &c->events[v];
    char date[11];
    semeval_date(e->value, date);
    el_buf b = EL_BUF_INIT;
    for (size_t k = 0; k < e->nmentions; k++) {
        el_buf_putc(&b, '\t');
        semeval_mention(c, e->mentions[k], &b);
    }
    fprintf(out, "%zu\t%s%s\n", ordinal_of(c, v), date, b.data ? b.data : "");
    el_buf_free(&b);
}

static void line_text(const el_corpus *c, size_t v, FILE *out)
{
    const el_event *e = &c->events[v];
    size_t ord = ordinal_of(c, v);
    char pos[24];
    snprintf(pos, sizeof pos, ord ? "%zu." : "-", ord);
    fprintf(out, "%-5s %-17s %-17s %s\n", pos, e->value[0] ? e->value : "undated",
            e->end_value, e->label ? e->label : e->id);
}

static json_t *event_entry(const el_corpus *c, size_t v)
{
    const el_event *e = &c->events[v];
    json_t *ms = json_array();
    for (size_t k = 0; k < e->nmentions; k++) {
        char ref[256];
        el_view_mention_ref(c, e->mentions[k], ref, sizeof ref);
        json_array_append_new(ms, json_string(ref));
    }
    json_t *o = json_pack("{s:s, s:I, s:o, s:o}", "id", e->id, "ordinal",
                          (json_int_t)ordinal_of(c, v), "type",
                          e->type ? json_string(e->type) : json_null(), "label",
                          json_string(e->label ? e->label : e->id));
    if (e->value[0])
        json_object_set_new(o, "date", json_string(e->value));
    if (e->end_value[0])
        json_object_set_new(o, "end", json_string(e->end_value));
    json_object_set_new(o, "mentions", ms);
    return o;
}

/* Events of the matched entities: timeline order first, then the rest in
 * id order.  Returns how many; *order (caller frees) lists them. */
static size_t entity_events(const el_corpus *c, const bool *match, size_t **order)
{
    *order = el_malloc((c->nevents + 1) * sizeof **order);
    bool *keep = el_calloc(c->nevents + 1, sizeof *keep);
    for (size_t v = 0; v < c->nevents; v++)
        keep[v] = takes_part(&c->events[v], match);
    size_t n = el_view_order(c, keep, *order);
    free(keep);
    return n;
}

int el_export_entity_timeline(const el_corpus *c, const char *name, const char *format,
                              FILE *out)
{
    char want[256];
    el_fold_name(name, want, sizeof want);
    bool *match = el_calloc(c->nentities + 1, sizeof *match);
    size_t nmatch = 0;
    for (size_t i = 0; i < c->nentities; i++)
        nmatch += match[i] = want[0] && el_view_entity_named(&c->entities[i], want);
    size_t *order, n = entity_events(c, match, &order);
    int rc = 0;
    if (strcmp(format, "json") == 0) {
        json_t *evs = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(evs, event_entry(c, order[i]));
        json_t *root = json_pack("{s:s, s:b, s:o}", "entity", name, "found", nmatch > 0,
                                 "events", evs);
        rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER | EL_JSON_REALS);
        fputc('\n', out);
        json_decref(root);
    } else if (strcmp(format, "semeval2015") == 0) {
        fprintf(out, "%s\n", name);
        for (size_t i = 0; i < n; i++)
            line_semeval(c, order[i], out);
    } else if (strcmp(format, "text") == 0) {
        fprintf(out, "%s: %zu event%s\n", name, n, n == 1 ? "" : "s");
        for (size_t i = 0; i < n; i++)
            line_text(c, order[i], out);
    } else {
        rc = -1;
    }
    free(order);
    free(match);
    return rc != 0 || ferror(out) ? -1 : (nmatch ? 0 : 1);
}

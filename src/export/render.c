/* render.c - the render core of the exporters (see render.h): the user's
 * filters (entity, date range, the N most-mentioned events) and the order
 * of what is shown, references and names, HTML escaping, TIMEX3 values
 * written for people, an event's actor, reporting sentence, source headline
 * and the provenance of its date. */
#include "export/render.h"
#include "base/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

bool *el_view_typed(const el_corpus *c, bool undated)
{
    bool *keep = el_calloc(c->nevents + 1, sizeof *keep);
    for (size_t i = 0; i < c->nevents; i++)
        keep[i] = c->events[i].type && (undated || c->events[i].iv.end > c->events[i].iv.begin);
    return keep;
}

size_t el_view_order(const el_corpus *c, const bool *keep, size_t *order)
{
    bool *placed = el_calloc(c->nevents + 1, sizeof *placed);
    size_t k = 0;
    for (size_t t = 0; t < c->ntimeline; t++) {
        size_t v = c->timeline[t];
        if (v < c->nevents && keep[v] && !placed[v]) {
            order[k++] = v;
            placed[v] = true;
        }
    }
    for (size_t v = 0; v < c->nevents; v++)
        if (keep[v] && !placed[v])
            order[k++] = v;
    free(placed);
    return k;
}

/* ---- references and names ------------------------------------------------ */

bool el_view_entity_named(const el_entity *e, const char *folded)
{
    char buf[256];
    el_fold_name(e->name, buf, sizeof buf);
    if (strcmp(buf, folded) == 0)
        return true;
    for (size_t k = 0; k < e->naliases; k++) {
        el_fold_name(e->aliases[k], buf, sizeof buf);
        if (strcmp(buf, folded) == 0)
            return true;
    }
    return false;
}

void el_view_mention_ref(const el_corpus *c, el_mref r, char *out, size_t cap)
{
    snprintf(out, cap, "%s#em%u", c->docs[r.doc]->id, r.ev + 1);
}

bool el_view_first_of_doc(const el_event *v, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (v->mentions[k].doc == v->mentions[i].doc)
            return false;
    return true;
}

size_t el_view_doc_count(const el_event *v)
{
    size_t n = 0;
    for (size_t i = 0; i < v->nmentions; i++)
        n += el_view_first_of_doc(v, i);
    return n;
}

const char *el_view_lane(const el_corpus *c, const el_event *v)
{
    const char *actor = el_view_actor(c, v);
    return actor ? actor : "(no participant)";
}

size_t el_view_lane_index(const char **names, size_t *n, const char *lane)
{
    size_t l = 0;
    while (l < *n && strcmp(names[l], lane) != 0)
        l++;
    if (l == *n)
        names[(*n)++] = lane;
    return l;
}

/* ---- escaping -------------------------------------------------------------- */

void el_view_html(el_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': el_buf_puts(b, "&amp;"); break;
        case '<': el_buf_puts(b, "&lt;"); break;
        case '>': el_buf_puts(b, "&gt;"); break;
        case '"': el_buf_puts(b, "&quot;"); break;
        case '\'': el_buf_puts(b, "&#39;"); break;
        default: el_buf_putc(b, *s);
        }
    }
}

char *el_view_html_dup(const char *s)
{
    el_buf b = EL_BUF_INIT;
    el_view_html(&b, s);
    el_buf_putc(&b, '\0');
    return el_buf_detach(&b, NULL);
}

/* ---- filters ---------------------------------------------------------------- */

static bool *matching_entities(const el_corpus *c, const char *name, bool *any)
{
    char want[256];
    el_fold_name(name, want, sizeof want);
    bool *match = el_calloc(c->nentities + 1, sizeof *match);
    *any = false;
    for (size_t i = 0; i < c->nentities; i++) {
        match[i] = el_view_entity_named(&c->entities[i], want);
        *any |= match[i];
    }
    return match;
}

static bool involves(const el_event *v, const bool *match)
{
    if (v->location >= 0 && match[v->location])
        return true;
    for (size_t p = 0; p < v->nparticipants; p++)
        if (match[v->participants[p]])
            return true;
    return false;
}

static bool filter_entity(const el_corpus *c, const char *name, bool *keep)
{
    bool any;
    bool *match = matching_entities(c, name, &any);
    for (size_t i = 0; i < c->nevents; i++)
        keep[i] = keep[i] && any && involves(&c->events[i], match);
    free(match);
    return any;
}

static void filter_dates(const el_corpus *c, const el_export_filter *f, bool *keep)
{
    el_date d;
    int64_t lo = INT64_MIN, hi = INT64_MAX;
    if (f->since && el_date_parse(f->since, &d))
        lo = el_instant_from_date(d, 0, 0);
    if (f->until && el_date_parse(f->until, &d))
        hi = el_instant_from_date(el_date_add_days(d, 1), 0, 0);
    for (size_t i = 0; i < c->nevents; i++) {
        const el_interval *iv = &c->events[i].iv;
        keep[i] = keep[i] && iv->end > iv->begin && iv->end > lo && iv->begin < hi;
    }
}

typedef struct ranked { size_t ev, mentions; } ranked;

static int by_mentions(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->mentions != y->mentions)
        return x->mentions > y->mentions ? -1 : 1;
    return x->ev < y->ev ? -1 : x->ev > y->ev;
}

static void filter_top(const el_corpus *c, size_t max, bool *keep)
{
    ranked *r = el_calloc(c->nevents + 1, sizeof *r);
    size_t n = 0;
    for (size_t i = 0; i < c->nevents; i++)
        if (keep[i])
            r[n++] = (ranked){i, c->events[i].nmentions};
    if (n > max) {
        qsort(r, n, sizeof *r, by_mentions);   /* event ids follow the timeline */
        for (size_t k = max; k < n; k++)
            keep[r[k].ev] = false;
    }
    free(r);
}

long el_view_select(const el_corpus *c, const el_export_filter *f, bool *keep)
{
    bool found = true;
    if (f && f->entity)
        found = filter_entity(c, f->entity, keep);
    if (f && (f->since || f->until))
        filter_dates(c, f, keep);
    if (f && f->max_events)
        filter_top(c, f->max_events, keep);
    long n = 0;
    for (size_t i = 0; i < c->nevents; i++)
        n += keep[i];
    return found ? n : -1;
}

/* ---- values for people ------------------------------------------------- */

static const char *const month_names[] = {"January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December"};

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static void week_words(const char *value, char *out, size_t cap)
{
    el_interval iv;
    if (!el_value_interval(value, &iv)) {
        el_copy_str(out, cap, value);
        return;
    }
    el_date a = el_days_to_date(iv.begin / 1440), b = el_days_to_date(iv.end / 1440 - 1);
    if (a.month == b.month)
        snprintf(out, cap, "week %d of %.4s (%d-%d %.3s)", atoi(value + 6), value, a.day, b.day,
                 month_names[a.month - 1]);
    else
        snprintf(out, cap, "week %d of %.4s (%d %.3s - %d %.3s)", atoi(value + 6), value, a.day,
                 month_names[a.month - 1], b.day, month_names[b.month - 1]);
}

/* "2025-FA" -> "autumn 2025", "2022-Q4" -> "Q4 2022", "2024-H1" -> "first
 * half of 2024"; false when the value is none of these. */
static bool part_of_year_words(const char *value, char *out, size_t cap)
{
    static const char *const seasons[][2] = {{"SP", "spring"}, {"SU", "summer"},
                                             {"FA", "autumn"}, {"WI", "winter"}};
    if (strlen(value) != 7 || !digits(value, 4) || value[4] != '-')
        return false;
    for (size_t i = 0; i < 4; i++)
        if (strcmp(value + 5, seasons[i][0]) == 0) {
            snprintf(out, cap, "%s %.4s", seasons[i][1], value);
            return true;
        }
    if (value[5] == 'Q' && value[6] >= '1' && value[6] <= '4') {
        snprintf(out, cap, "Q%c %.4s", value[6], value);
        return true;
    }
    if (value[5] == 'H' && (value[6] == '1' || value[6] == '2')) {
        snprintf(out, cap, "%s half of %.4s", value[6] == '1' ? "first" : "second", value);
        return true;
    }
    return false;
}

void el_value_words(const char *value, char *out, size_t cap)
{
    size_t n = strlen(value);
    if (part_of_year_words(value, out, cap))
        return;
    int month = n >= 7 && digits(value, 4) && value[4] == '-' && digits(value + 5, 2)
                    ? atoi(value + 5) : 0;
    if (n == 8 && digits(value, 4) && value[5] == 'W' && digits(value + 6, 2))
        week_words(value, out, cap);
    else if (n == 4 && digits(value, 4))
        el_copy_str(out, cap, value);
    else if (n == 7 && month >= 1 && month <= 12)
        snprintf(out, cap, "%s %.4s", month_names[month - 1], value);
    else if (n >= 10 && month >= 1 && month <= 12 && value[7] == '-' && digits(value + 8, 2)) {
        int day = atoi(value + 8);
        if (n >= 16 && value[10] == 'T' && digits(value + 11, 2) && value[13] == ':')
            snprintf(out, cap, "%d %s %.4s, %.5s", day, month_names[month - 1], value,
                     value + 11);
        else
            snprintf(out, cap, "%d %s %.4s", day, month_names[month - 1], value);
    } else
        el_copy_str(out, cap, value);
}

el_view_date el_view_date_parts(int64_t minutes, el_gran gran)
{
    el_date d = el_days_to_date(minutes / 1440);
    el_view_date p = {d.year, -1, -1, -1, -1};
    if (gran >= EL_GRAN_MONTH || gran == EL_GRAN_WEEK)
        p.month = d.month;
    if (gran >= EL_GRAN_WEEK)
        p.day = d.day;
    if (gran >= EL_GRAN_HOUR) {
        p.hour = (int)((minutes % 1440) / 60);
        p.minute = (int)(minutes % 60);
    }
    return p;
}

/* ---- provenance ---------------------------------------------------------- */

const char *el_view_provenance(const el_event *v)
{
    if (!v->value[0])
        return NULL;
    if (v->time_from_report)
        return "the report date (no date of its own)";
    switch (v->anchor) {
    case EL_ANCHOR_TIMEX: return "its own time expression";
    case EL_ANCHOR_SENTENCE: return "the time of its sentence";
    case EL_ANCHOR_REPORT: return "the report date (no date of its own)";
    case EL_ANCHOR_DURATION: return "a length counted back from the report date";
    default: return NULL;
    }
}

bool el_view_report_dated(const el_event *v)
{
    return v->value[0] && (v->time_from_report || v->anchor == EL_ANCHOR_REPORT ||
                           v->anchor == EL_ANCHOR_DURATION);
}

/* ---- actor, sentence, source --------------------------------------------- */

const char *el_view_actor(const el_corpus *c, const el_event *v)
{
    return v->nparticipants ? c->entities[v->participants[0]].name : NULL;
}

void el_view_headline(const el_corpus *c, const el_event *v, char *out, size_t cap)
{
    const char *label = v->label ? v->label : v->type ? v->type : v->id;
    const char *actor = el_view_actor(c, v);
    bool named = false;
    for (size_t p = 0; p < v->nparticipants && !named; p++) {
        const char *name = c->entities[v->participants[p]].name;
        const char *last = strrchr(name, ' ');
        named = strstr(label, name) || (last && strstr(label, last + 1));
    }
    if (actor && !named)
        snprintf(out, cap, "%s: %s", actor, label);
    else
        el_copy_str(out, cap, label);
}

/* Copy s[0..n) into out with whitespace runs collapsed to one space, cut at
 * a character boundary (with "...") when it does not fit. */
static void put_collapsed(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n && cap > 4; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = k > 0;
            continue;
        }
        if (k + (space ? 1 : 0) + 1 + 3 >= cap) {   /* room for "..." and NUL */
            if ((ch & 0xC0) == 0x80) {   /* inside a character: drop its first bytes */
                while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0x80)
                    k--;
                if (k > 0)
                    k--;
            }
            memcpy(out + k, "...", 3);
            k += 3;
            break;
        }
        if (space)
            out[k++] = ' ';
        space = false;
        out[k++] = (char)ch;
    }
    if (cap)
        out[k < cap ? k : cap - 1] = '\0';
}

void el_view_sentence(const el_corpus *c, el_mref r, char *out, size_t cap)
{
    out[0] = '\0';
    if (r.doc >= c->ndocs || r.ev >= c->docs[r.doc]->nevents)
        return;
    const el_doc *d = c->docs[r.doc];
    const el_event_mention *m = &d->events[r.ev];
    if (m->tok_begin >= d->ntokens || d->tokens[m->tok_begin].sentence >= d->nsentences)
        return;
    const el_sentence *s = &d->sentences[d->tokens[m->tok_begin].sentence];
    put_collapsed(d->text + s->start, s->end - s->start, out, cap);
}

void el_view_doc_headline(const el_doc *d, char *out, size_t cap)
{
    if (d->title && d->title[0]) {
        put_collapsed(d->title, strlen(d->title), out, cap);
        return;
    }
    const char *nl = d->text ? strchr(d->text, '\n') : NULL;
    size_t n = nl ? (size_t)(nl - d->text) : 0;
    while (n > 0 && (d->text[n - 1] == ' ' || d->text[n - 1] == '\r'))
        n--;
    if (n > 0 && n <= 120 && d->text[n - 1] != '.') {   /* a headline line */
        put_collapsed(d->text, n, out, cap);
        if (out[0])
            return;
    }
    if (d->dct.year && d->dct.month && d->dct.day) {
        char iso[16], words[64];
        el_date_format(d->dct, iso);
        el_value_words(iso, words, sizeof words);
        snprintf(out, cap, "article of %s", words);
    } else
        el_copy_str(out, cap, d->id);
}

const char *el_view_doc_url(const el_doc *d)
{
    const char *u = d->url;
    if (!u || (strncmp(u, "http://", 7) != 0 && strncmp(u, "https://", 8) != 0) ||
        strlen(u) > 2000)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)u; *p; p++)
        if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return NULL;
    return u;
}

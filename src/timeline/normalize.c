/* normalize.c - the event normalizer: typed event mentions of all the
 * documents become canonical events (see timeline_internal.h).
 *
 * Every mention is described by its type group, participants (entity
 * indices; the subject is the one before the trigger), location, time
 * (interval of its governing time expression, mod applied; for a present-
 * tense mention without one, the article's day, used only when no mention
 * of the event has an explicit time) and whether it
 * is factual, and whether it lies before or after the article's day (a
 * planned meeting "in the coming months" never joins a past one).
 * Mentions with participants are clustered first, most
 * specific first (more participants, finer time): a mention joins the best
 * compatible cluster (same group, time intervals overlapping or one
 * unknown, participant sets that intersect without each naming someone the
 * other lacks) or starts a new one.  Mentions without participants ("the
 * meeting") then join the cluster of the nearest earlier mention of the
 * same group in their document, or the narrowest time-compatible cluster
 * of the group (a year-level time only if one cluster fits), or (time
 * unknown) the only cluster of the group, or start
 * their own.  Aspectual verbs with a clock time ("beginning at 4:34 p.m.",
 * "ended at 5:09 p.m.") give begin and end of the nearest preceding event
 * of their document. */
#include "timeline/timeline_internal.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARTS 8
#define ANAPHORA_SENTENCES 6
#define ASPECTUAL_SENTENCES 2
#define SALIENT_MAX 32            /* clusters of one group compared for salience */
#define DCT_REPORT_DAYS 3        /* a present-tense report covers the last days */
#define ANAPHORA_MENTIONS 50     /* earlier mentions looked at for an antecedent */

typedef struct mfeat {   /* (fields ordered to pack: one per mention of the corpus) */
    uint32_t doc, ev;
    uint32_t sentence;                     /* of the trigger's first token */
    int cluster;
    const char *type, *group;
    int parts[MAX_PARTS];                  /* entity indices */
    int subject;                           /* entity index or -1 */
    int location;                          /* entity index or -1 */
    el_interval iv;                        /* iv.end == 0: unknown */
    const char *value;                     /* timex value or NULL */
    int64_t clock_begin, clock_end;        /* from aspectual verbs, 0 = none */
    int64_t latest;                        /* a reported past event began before this
                                              instant (the end of the article's day) */
    int64_t dct;                           /* the document's day (minutes), INT64_MIN if none */
    float confidence;
    int span_days;                         /* how long one event of the type may last */
    int duration_days;                     /* "a two-day visit": 2, else 0 */
    uint8_t nparts;
    int8_t when;                           /* -1 before the article's day, +1 after, 0 unknown */
    bool factual;
    bool negated;                          /* "has not agreed": never the one that happened */
    bool indefinite;                       /* "a meeting": introduces, never refers back */
    bool dct_time;                         /* time taken from the DCT (present tense;
                                              the value is the document's DCT) */
    bool generic;                          /* untyped: grouped by lemma */
    bool past_report;                      /* factual simple past without a time: it
                                              happened by the article's day */
} mfeat;

typedef struct cluster {
    size_t *m; size_t n, cap;   /* indices into the mfeat array */
    el_interval iv;             /* intersection of known mention times, or
                                   their hull for lasting types (visits) */
    int span_days;              /* the seed's */
    int64_t latest;             /* the earliest of its mentions' latest */
    int locs[4];                /* distinct locations of its mentions ... */
    uint8_t nlocs;              /* ... how many (5 = more than fit: scan m) */
    bool dated;                 /* listed among its group's dated clusters */
    uint32_t *docs; size_t ndocs, cap_docs;   /* the articles of its mentions, sorted */
} cluster;

/* ---- mention features --------------------------------------------------- */

/* Is the mention's type on the timeline?  ti: its lexicon entry. */
static bool type_on_timeline(const el_trigger_lexicon *lx, const el_event_mention *ev,
                             const el_event_type_info *ti)
{
    if (!ev->type)
        return false;
    if (ti)
        return ti->timeline;
    return !lx && ev->cls != EL_EV_REPORTING && ev->cls != EL_EV_ASPECTUAL &&
           ev->cls != EL_EV_I_STATE;
}

static bool is_factual(const el_event_mention *ev);

/* An untyped finite verb with participants ("Apple released the iPhone"):
 * a canonical event of its own lemma, kept off the typed timeline but
 * available to per-entity timelines.  Participles and gerunds ("following
 * a visit", "slamming the decision") tell how, not what happened. */
static bool generic_candidate(const el_event_mention *ev)
{
    return !ev->type && ev->lemma && ev->nparticipants > 0 &&
           (ev->tense == EL_TENSE_PAST || ev->tense == EL_TENSE_PRESENT) &&
           (ev->cls == EL_EV_OCCURRENCE || ev->cls == EL_EV_I_ACTION) && is_factual(ev);
}

/* "X said", "X told reporters": a statement someone made, a canonical
 * event of its own lemma for per-entity timelines (statements stay off
 * the typed timeline). */
static bool reported_statement(const el_event_mention *ev)
{
    return ev->cls == EL_EV_REPORTING && ev->lemma && ev->nparticipants > 0 &&
           ev->tense != EL_TENSE_NONE && is_factual(ev);
}

/* A plural event noun ("meetings", "visits") sums up several events; it
 * is kept as a mention but does not make or join a canonical event. */
static bool collective(const el_doc *d, const el_event_mention *ev)
{
    size_t n = ev->end - ev->start, ln = ev->lemma ? strlen(ev->lemma) : 0;
    return ev->tense == EL_TENSE_NONE && n > ln && ln > 0 &&
           (d->text[ev->end - 1] == 's' || d->text[ev->end - 1] == 'S') &&
           ev->lemma[ln - 1] != 's';
}

static bool is_factual(const el_event_mention *ev)
{
    return !ev->negated && !ev->modality && !ev->intensional && ev->tense != EL_TENSE_FUTURE &&
           ev->tense != EL_TENSE_INFINITIVE;
}

/* Past or future relative to the article's day: a future tense or a time
 * such as "in the coming months" is +1, a time that ended before the
 * article's day -1.  A planned meeting is never the one that took place. */
static int mention_when(const el_doc *d, const el_event_mention *ev, const mfeat *f)
{
    if (ev->tense == EL_TENSE_FUTURE || (f->value && strcmp(f->value, "FUTURE_REF") == 0))
        return 1;
    if (f->value && strcmp(f->value, "PAST_REF") == 0)
        return -1;
    if (!f->value || f->iv.end <= f->iv.begin || !d->dct.year || !d->dct.month || !d->dct.day)
        return 0;
    int64_t day = el_instant_from_date(d->dct, 0, 0);
    return f->iv.end <= day ? -1 : f->iv.begin >= day + 1440 ? 1 : 0;
}

/* An article reports as past only what began by the end of its day: the
 * bound for a factual past-tense mention, INT64_MAX when there is none. */
static int64_t latest_start(const el_doc *d, const el_event_mention *ev)
{
    if (!is_factual(ev) || ev->tense != EL_TENSE_PAST || !d->dct.year || !d->dct.month ||
        !d->dct.day)
        return INT64_MAX;
    return el_instant_from_date(d->dct, 0, 0) + 1440;
}

/* The mention whose tense dates event mention e: itself, or for an event
 * noun right before a finite verb, that verb ("his visit comes at a
 * critical time", "the meeting lasted two hours"). */
static const el_event_mention *tense_bearer(const el_doc *d, size_t e)
{
    const el_event_mention *ev = &d->events[e];
    if (ev->tense != EL_TENSE_NONE || ev->modality || e + 1 >= d->nevents)
        return ev;
    const el_event_mention *next = &d->events[e + 1];
    bool finite = next->tense == EL_TENSE_PRESENT || next->tense == EL_TENSE_PAST;
    return next->tok_begin == ev->tok_end && finite && !next->modality ? next : ev;
}

/* f's time: its own timex, else the article's days for a present-tense
 * report (tv: the mention whose tense dates it, tense_bearer). */
static void mention_time(const el_doc *d, const el_event_mention *ev,
                         const el_event_mention *tv, mfeat *f)
{
    f->iv.begin = f->iv.end = 0;
    f->iv.gran = EL_GRAN_NONE;
    if ((ev->timex < 0 || (size_t)ev->timex >= d->ntimexes) && d->dct.year && d->dct.month &&
        d->dct.day && tv->tense == EL_TENSE_PRESENT &&
        (tv->aspect == EL_ASPECT_NONE || tv->aspect == EL_ASPECT_PROGRESSIVE)) {
        /* "the visit comes...": news of the last days up to the article's day */
        f->iv.end = el_instant_from_date(d->dct, 0, 0) + 1440;
        f->iv.begin = f->iv.end - DCT_REPORT_DAYS * 1440;
        f->iv.gran = EL_GRAN_DAY;
        f->dct_time = true;
        return;
    }
    if (ev->timex < 0 || (size_t)ev->timex >= d->ntimexes)
        return;
    const el_timex *t = &d->timexes[ev->timex];
    f->value = t->value;   /* FUTURE_REF has no interval but a direction */
    el_interval iv = t->iv;
    if (iv.end <= iv.begin && !el_value_interval(t->value, &iv))
        return;
    f->iv = el_interval_apply_mod(iv, t->mod);
    f->value = t->value;
}

/* An indefinite article shortly before the trigger ("a face-to-face
 * meeting", "an earlier visit"). */
static bool indefinite(const el_doc *d, const el_event_mention *ev)
{
    size_t sb = d->sentences[d->tokens[ev->tok_begin].sentence].tok_begin;
    for (size_t j = ev->tok_begin, steps = 0; j > sb && steps < 3; steps++) {
        j--;
        if (el_tok_is(d, j, "a") || el_tok_is(d, j, "an"))
            return true;
        if (!(d->tokens[j].flags & EL_TOK_WORD))
            return false;
    }
    return false;
}

/* Days of a DURATION expression right before the trigger ("a two-day
 * visit", "the three-day official trip"), else 0. */
static int duration_before(const el_doc *d, const el_event_mention *ev)
{
    /* timexes are sorted and do not overlap: only the last few that start
     * before the trigger can end right before it */
    size_t lo = 0, hi = d->ntimexes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->timexes[mid].tok_begin < ev->tok_begin)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t t = lo >= 3 ? lo - 3 : 0; t < lo; t++) {
        const el_timex *tx = &d->timexes[t];
        if (tx->type != EL_TIMEX_DURATION || tx->tok_end > ev->tok_begin ||
            tx->tok_end + 2 < ev->tok_begin || tx->value[0] != 'P')
            continue;
        char *end;
        long n = strtol(tx->value + 1, &end, 10);
        if (n > 0 && n < 60 && end[0] == 'D' && end[1] == '\0')
            return (int)n;
    }
    return 0;
}

/* The entity of mention m of d, looked up once per mention: ents holds
 * the document's answers so far (ENT_UNKNOWN = not yet asked). */
enum { ENT_UNKNOWN = -2 };

/* The last answers by key string: the mentions of one name in a document
 * share their key (coref.c copies it once), so most are answered without
 * hashing and comparing the key again.  Same pointer, same string. */
typedef struct key_memo {
    const char *key[64];
    int ent[64];
} key_memo;

static int entity_of(const el_corpus *c, const el_doc *d, int *ents, size_t m, key_memo *km)
{
    if (ents[m] == ENT_UNKNOWN) {
        const char *key = d->mentions[m].key;
        size_t h = ((uintptr_t)key >> 3) & 63;
        if (!key || km->key[h] != key) {
            km->key[h] = key;
            km->ent[h] = el_corpus_entity_of(c, key);
        }
        ents[m] = km->ent[h];
    }
    return ents[m];
}

static void mention_parts(const el_corpus *c, const el_doc *d, const el_event_mention *ev,
                          int *ents, key_memo *km, mfeat *f)
{
    f->subject = f->location = -1;
    if (ev->location >= 0 && (size_t)ev->location < d->nmentions)
        f->location = entity_of(c, d, ents, (size_t)ev->location, km);
    for (size_t p = 0; p < ev->nparticipants && f->nparts < MAX_PARTS; p++) {
        const el_mention *m = &d->mentions[ev->participants[p]];
        int e = entity_of(c, d, ents, (size_t)ev->participants[p], km);
        if (e < 0)
            continue;
        bool dup = false;
        for (size_t k = 0; k < f->nparts; k++)
            dup |= f->parts[k] == e;
        if (dup)
            continue;
        f->parts[f->nparts++] = e;
        if (m->start < ev->start && f->subject < 0)
            f->subject = e;
    }
}

/* Distinct strings (not owned): the mentions' types and groups point to
 * one copy of each, so that clustering compares pointers instead of
 * strings.  A type's lexicon entry is looked up once per distinct type
 * (ti, valid where has_ti is set) instead of once per mention. */
typedef struct str_set {
    const char **s; uint32_t *h; const el_event_type_info **ti; uint8_t *has_ti;
    size_t n, cap;
} str_set;

static size_t str_put(str_set *set, const char *s, uint32_t h)
{
    size_t i = h & (set->cap - 1);
    while (set->s[i])
        i = (i + 1) & (set->cap - 1);
    set->s[i] = s;
    set->h[i] = h;
    set->n++;
    return i;
}

static void str_grow(str_set *set)
{
    str_set old = *set;
    set->cap = old.cap ? 2 * old.cap : 64;
    set->s = el_calloc(set->cap, sizeof *set->s);
    set->h = el_malloc(set->cap * sizeof *set->h);
    set->ti = el_calloc(set->cap, sizeof *set->ti);
    set->has_ti = el_calloc(set->cap, 1);
    set->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.s[i]) {
            size_t j = str_put(set, old.s[i], old.h[i]);
            set->ti[j] = old.ti[i];
            set->has_ti[j] = old.has_ti[i];
        }
    free(old.s);
    free(old.h);
    free(old.ti);
    free(old.has_ti);
}

/* The slot of s (added if new). */
static size_t str_slot(str_set *set, const char *s)
{
    if (2 * (set->n + 1) > set->cap)
        str_grow(set);
    uint32_t h = el_hash_str(s);
    for (size_t i = h & (set->cap - 1); set->s[i]; i = (i + 1) & (set->cap - 1))
        if (set->h[i] == h && (set->s[i] == s || strcmp(set->s[i], s) == 0))
            return i;
    return str_put(set, s, h);
}

static const char *str_intern(str_set *set, const char *s)
{
    if (!s)
        return NULL;
    size_t i = str_slot(set, s);   /* (may grow set->s) */
    return set->s[i];
}

/* The interned copy of type (non-NULL) and its lexicon entry in *ti. */
static const char *type_intern(str_set *set, const el_trigger_lexicon *lx, const char *type,
                               const el_event_type_info **ti)
{
    size_t i = str_slot(set, type);
    if (!set->has_ti[i]) {
        set->ti[i] = el_trigger_type(lx, type);
        set->has_ti[i] = 1;
    }
    *ti = set->ti[i];
    return set->s[i];
}

static void str_set_free(str_set *set)
{
    free(set->s);
    free(set->h);
    free(set->ti);
    free(set->has_ti);
}

/* Each mention's strings and token sit apart in memory: they are asked
 * for a few mentions ahead so that the loads overlap. */
enum { PREFETCH_AHEAD = 4 };

/* Which event mentions a signal ties to another event ("resigned after
 * the attack"): the relation places them, not the article's day. */
static void mark_event_links(const el_doc *d, bool *linked)
{
    memset(linked, 0, (d->nevents + 1) * sizeof *linked);
    for (size_t i = 0; i < d->nlinks; i++) {
        const el_link *l = &d->links[i];
        if (l->from_kind != EL_NODE_EVENT || l->to_kind != EL_NODE_EVENT)
            continue;
        if (l->from >= 0 && (size_t)l->from < d->nevents)
            linked[l->from] = true;
        if (l->to >= 0 && (size_t)l->to < d->nevents)
            linked[l->to] = true;
    }
}

static void prefetch_event(const el_doc *d, const el_event_mention *ev)
{
    if (ev->type)
        el_prefetch(ev->type);
    if (ev->lemma)
        el_prefetch(ev->lemma);
    el_prefetch(&d->tokens[ev->tok_begin]);
    el_prefetch(d->text + ev->end - 1);
}

static bool aspect_kind(const el_event_mention *ev, bool *is_begin)
{
    if (!ev->type)
        return false;
    if (strcmp(ev->type, "begin") == 0) *is_begin = true;
    else if (strcmp(ev->type, "end") == 0) *is_begin = false;
    else return false;
    return true;
}

/* An aspectual mention with a time ("beginning at 4:34 p.m."), noted
 * while its type is at hand: apply_aspectuals needs only these. */
typedef struct aspref { uint32_t doc, ev; } aspref;
typedef struct asp_list { aspref *v; size_t n, cap; } asp_list;

static mfeat *collect_mentions(const el_corpus *c, const el_trigger_lexicon *lx, asp_list *asp,
                               const el_reprints *rp, size_t *n)
{
    size_t nf = 0, cap = 0;
    for (size_t di = 0; di < c->ndocs; di++)
        cap += c->docs[di]->nevents;   /* at most one each: no reallocs */
    mfeat *fs = el_malloc((cap ? cap : 1) * sizeof *fs);
    str_set names = {NULL, NULL, NULL, NULL, 0, 0};
    int *ents = NULL;   /* entity_of's answers for the document */
    key_memo km;
    memset(&km, 0, sizeof km);
    size_t cap_ents = 0, cap_linked = 0;
    bool *linked = NULL;   /* event mentions a signal relates to another */
    for (size_t di = 0; di < c->ndocs; di++) {
        if (rp->first[di] != di)
            continue;   /* a reprint: its first copy speaks for it */
        const el_doc *d = c->docs[di];
        ents = el_grow(ents, &cap_ents, d->nmentions + 1, sizeof *ents);
        for (size_t m = 0; m < d->nmentions; m++)
            ents[m] = ENT_UNKNOWN;
        linked = el_grow(linked, &cap_linked, d->nevents + 1, sizeof *linked);
        mark_event_links(d, linked);
        for (size_t e = 0; e < d->nevents; e++) {
            const el_event_mention *ev = &d->events[e];
            if (el_reprints_covered(rp, di, e)) continue;   /* its near original has it */
            if (e + PREFETCH_AHEAD < d->nevents)
                prefetch_event(d, &d->events[e + PREFETCH_AHEAD]);
            bool generic = generic_candidate(ev), is_begin = false;
            if (ev->timex >= 0 && aspect_kind(ev, &is_begin))
                EL_PUSH(asp->v, asp->n, asp->cap) = (aspref){(uint32_t)di, (uint32_t)e};
            const el_event_type_info *ti = NULL;
            const char *type = ev->type ? type_intern(&names, lx, ev->type, &ti) : NULL;
            if (!generic && reported_statement(ev) && !type_on_timeline(lx, ev, ti)) {
                generic = true;   /* "Jobs said": kept by lemma, untyped, like a generic verb */
                type = NULL;
                ti = NULL;
            }
            if ((!generic && !type_on_timeline(lx, ev, ti)) || collective(d, ev))
                continue;
            mfeat *f = &EL_PUSH(fs, nf, cap);
            memset(f, 0, sizeof *f);
            f->doc = (uint32_t)di;
            f->ev = (uint32_t)e;
            f->sentence = d->tokens[ev->tok_begin].sentence;
            f->type = type;
            f->group = str_intern(&names, generic ? ev->lemma : ti ? ti->group : type);
            f->generic = generic;
            f->span_days = ti ? ti->span_days : 0;
            f->factual = is_factual(ev);
            f->negated = ev->negated;
            f->dct = d->dct.year && d->dct.month && d->dct.day ? el_instant_from_date(d->dct, 0, 0)
                                                               : INT64_MIN;
            f->confidence = ev->confidence;
            f->cluster = -1;
            const el_event_mention *tv = tense_bearer(d, e);
            mention_time(d, ev, tv, f);
            f->when = mention_when(d, ev, f);
            f->latest = is_factual(ev) ? latest_start(d, tv) : INT64_MAX;
            f->past_report = f->latest != INT64_MAX && ev->aspect == EL_ASPECT_NONE &&
                             f->iv.end <= f->iv.begin && !f->value && !linked[e];
            mention_parts(c, d, ev, ents, &km, f);
            f->indefinite = indefinite(d, ev);
            f->duration_days = duration_before(d, ev);
            if (generic && f->nparts == 0)
                nf--;   /* an untyped event is only worth keeping with its participants */
        }
    }
    str_set_free(&names);
    free(ents);
    free(linked);
    *n = nf;
    return fs;
}

/* ---- aspectual begin/end ---------------------------------------------------- */

/* The last mention of document `doc` before event mention `ev` (fs is in
 * document and mention order), or NULL. */
static mfeat *last_before(mfeat *fs, size_t nf, uint32_t doc, uint32_t ev)
{
    size_t lo = 0, hi = nf;
    while (lo < hi) {   /* first index not before (doc, ev) */
        size_t mid = (lo + hi) / 2;
        if (fs[mid].doc < doc || (fs[mid].doc == doc && fs[mid].ev < ev))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && fs[lo - 1].doc == doc ? &fs[lo - 1] : NULL;
}

/* The groups of one document's mentions, sorted by address (interned), so
 * that counting the mentions of a group costs two binary searches instead
 * of a scan of the document per aspectual verb. */
typedef struct group_counts {
    const char **g; size_t n, cap;
    uint32_t doc;
    bool built;
} group_counts;

static int cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(const char *const *)a, y = (uintptr_t)*(const char *const *)b;
    return x < y ? -1 : x > y;
}

/* First of the n sorted groups not below `group` (by address) or, with
 * `after`, above it. */
static size_t group_bound(const char **g, size_t n, const char *group, bool after)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)g[mid] < (uintptr_t)group ||
            (after && g[mid] == group))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Mentions of `group` in document `doc` (its salience). */
static size_t group_count(group_counts *gc, const mfeat *fs, size_t nf, uint32_t doc,
                          const char *group)
{
    if (!gc->built || gc->doc != doc) {
        size_t lo = 0, hi = nf;
        while (lo < hi) {   /* first mention of the document (fs is in document order) */
            size_t mid = (lo + hi) / 2;
            if (fs[mid].doc < doc)
                lo = mid + 1;
            else
                hi = mid;
        }
        gc->n = 0;
        for (size_t i = lo; i < nf && fs[i].doc == doc; i++)
            EL_PUSH(gc->g, gc->n, gc->cap) = fs[i].group;
        if (gc->n > 1)
            qsort(gc->g, gc->n, sizeof *gc->g, cmp_ptr);
        gc->doc = doc;
        gc->built = true;
    }
    return group_bound(gc->g, gc->n, group, true) - group_bound(gc->g, gc->n, group, false);
}

/* The event an aspectual verb is about ("it lasted..., beginning at"): in
 * the nearest sentence (its own or up to ASPECTUAL_SENTENCES back) with a
 * candidate mention before it, the mention of the document's most salient
 * group (most mentions), the first one on ties. */
static mfeat *aspect_host(const el_doc *d, mfeat *fs, size_t nf, uint32_t doc, uint32_t ev,
                          group_counts *gc)
{
    mfeat *last = last_before(fs, nf, doc, ev);
    if (!last)
        return NULL;
    uint32_t s = d->tokens[d->events[last->ev].tok_begin].sentence;
    if (s + ASPECTUAL_SENTENCES < d->tokens[d->events[ev].tok_begin].sentence)
        return NULL;
    mfeat *first = last;
    while (first > fs && first[-1].doc == doc &&
           d->tokens[d->events[first[-1].ev].tok_begin].sentence == s)
        first--;
    mfeat *best = first;
    size_t best_n = group_count(gc, fs, nf, doc, first->group);
    for (mfeat *m = first + 1; m <= last; m++) {
        size_t n = group_count(gc, fs, nf, doc, m->group);
        if (n > best_n) {
            best = m;
            best_n = n;
        }
    }
    return best;
}

/* A clock time ("4:34 p.m.") on an aspectual verb sets the begin or end of
 * the nearest event mention before it in the same document. */
static void apply_aspectuals(const el_corpus *c, mfeat *fs, size_t nf, const asp_list *asp)
{
    group_counts gc = {NULL, 0, 0, 0, false};
    for (size_t a = 0; a < asp->n; a++) {   /* in document and mention order */
        const el_doc *d = c->docs[asp->v[a].doc];
        const el_event_mention *ev = &d->events[asp->v[a].ev];
        bool is_begin = false;
        aspect_kind(ev, &is_begin);
        const el_timex *t = &d->timexes[ev->timex];
        el_interval iv = t->iv;
        if ((iv.end <= iv.begin && !el_value_interval(t->value, &iv)) ||
            iv.gran < EL_GRAN_HOUR)
            continue;
        mfeat *best = aspect_host(d, fs, nf, asp->v[a].doc, asp->v[a].ev, &gc);
        if (!best)
            continue;
        if (is_begin)
            best->clock_begin = iv.begin;
        else
            best->clock_end = iv.begin;
    }
    free(gc.g);
}

/* ---- compatibility and clustering ------------------------------------------ */

static bool iv_known(el_interval iv)
{
    return iv.end > iv.begin;
}

static bool iv_overlap(el_interval a, el_interval b)
{
    return !iv_known(a) || !iv_known(b) || (a.begin < b.end && b.begin < a.end);
}

/* Compatible times: overlapping, or for a lasting type both within a
 * window of span_days days. */
static bool iv_compatible(el_interval a, el_interval b, int span_days)
{
    if (span_days <= 0)
        return iv_overlap(a, b);
    if (!iv_known(a) || !iv_known(b))
        return true;
    if (a.gran < EL_GRAN_DAY || b.gran < EL_GRAN_DAY)
        return iv_overlap(a, b);
    int64_t lo = a.begin < b.begin ? a.begin : b.begin, hi = a.end > b.end ? a.end : b.end;
    return hi - lo <= (int64_t)span_days * 1440;
}

/* Could mention f and cluster k be one event as far as the articles' days
 * tell?  "X announced" in a 2005 article is not the announcement a 2011
 * article dates to 2011; a lasting event (a visit) may go on for its span
 * after the report. */
static bool before_reports(const cluster *k, const mfeat *f)
{
    int64_t slack = (int64_t)k->span_days * 1440;   /* a visit goes on after the report */
    return !(iv_known(k->iv) && f->latest != INT64_MAX && k->iv.begin >= f->latest + slack) &&
           !(iv_known(f->iv) && k->latest != INT64_MAX && f->iv.begin >= k->latest + slack);
}

static bool has_part(const mfeat *f, int e)
{
    for (size_t k = 0; k < f->nparts; k++)
        if (f->parts[k] == e)
            return true;
    return false;
}

/* Participants: -1 incompatible, else the number shared. */
static int parts_score(const mfeat *a, const mfeat *b)
{
    size_t shared = 0;
    for (size_t k = 0; k < a->nparts; k++)
        shared += has_part(b, a->parts[k]);
    if (shared == 0)
        return -1;
    bool a_extra = shared < a->nparts, b_extra = shared < b->nparts;
    if (a_extra && b_extra)
        return -1;   /* "X meets Y" vs "X meets Z" */
    return (int)shared;
}

/* Score of mention f joining cluster k; -1 = incompatible.  The cluster
 * is represented by its seed, its most specific mention (clusters are
 * seeded in order of specificity), which keeps the cost constant. */
static bool when_compatible(const mfeat *a, const mfeat *b)
{
    return !a->when || !b->when || a->when == b->when;
}

/* A dated plan (or cancelled event) and an undated report of something
 * that happened are two events: "his visit comes at a critical time" is
 * not the visit planned for February.  g is the cluster's seed. */
static bool plan_and_fact(const cluster *k, const mfeat *g, const mfeat *f)
{
    return (!g->factual && f->factual && iv_known(k->iv) && !iv_known(f->iv)) ||
           (g->factual && !f->factual && !iv_known(k->iv) && iv_known(f->iv));
}

/* Does cluster k hold a mention of article `doc`?  (k->docs is sorted.) */
static bool cluster_has_doc(const cluster *k, uint32_t doc)
{
    size_t lo = 0, hi = k->ndocs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (k->docs[mid] < doc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < k->ndocs && k->docs[lo] == doc;
}

/* Two mentions of an untyped event (a statement, a generic verb) from
 * different articles are one happening only when both are dated, or when
 * the articles are of the same or the next day (the same news). */
static bool same_news_day(const mfeat *a, const mfeat *b)
{
    if (iv_known(a->iv) && iv_known(b->iv))
        return true;
    if (a->dct == INT64_MIN || b->dct == INT64_MIN)
        return false;
    int64_t gap = a->dct > b->dct ? a->dct - b->dct : b->dct - a->dct;
    return gap <= 1440;
}

static int join_score(const mfeat *fs, const cluster *k, const mfeat *f)
{
    if (!k->n || !before_reports(k, f))
        return -1;
    const mfeat *g = &fs[k->m[0]];
    /* "Smith said Friday ... Smith also said": in one article, an undated
     * mention of an untyped event joins the dated one */
    bool in_article = g->generic && cluster_has_doc(k, f->doc);
    if (!iv_compatible(k->iv, f->iv, k->span_days) &&
        !(in_article && (!iv_known(f->iv) || !iv_known(k->iv))))
        return -1;
    if (g->group != f->group || !when_compatible(g, f) || g->negated != f->negated)   /* interned */
        return -1;
    if (plan_and_fact(k, g, f))
        return -1;
    if (g->location >= 0 && f->location >= 0 && g->location != f->location && g->doc == f->doc)
        return -1;
    if (g->generic && g->subject >= 0 && f->subject >= 0 && g->subject != f->subject)
        return -1;   /* "Smith told Jones" and "Jones told reporters": two speakers */
    if (g->generic && !in_article && !same_news_day(g, f))
        return -1;   /* "Smith said" in articles a year apart: two statements */
    int s = parts_score(g, f);
    if (s < 0)
        return -1;
    /* between equals, a report of what happened joins what happened, not
     * a plan ("during X's visit": the visit that took place) */
    return s * 4 + (iv_known(f->iv) && iv_known(g->iv) ? 2 : 0) +
           (g->location >= 0 && g->location == f->location) + (g->factual == f->factual);
}

static void add_doc(cluster *k, uint32_t doc)
{
    if (k->ndocs && k->docs[k->ndocs - 1] == doc)
        return;   /* (mentions mostly come article by article) */
    if (cluster_has_doc(k, doc))
        return;
    EL_PUSH(k->docs, k->ndocs, k->cap_docs) = doc;
    for (size_t i = k->ndocs - 1; i > 0 && k->docs[i - 1] > doc; i--) {
        k->docs[i] = k->docs[i - 1];
        k->docs[i - 1] = doc;
    }
}

static void cluster_add(cluster *k, const mfeat *fs, size_t m)
{
    if (k->n == 0) {
        k->span_days = fs[m].span_days;
        k->latest = INT64_MAX;
    }
    if (fs[m].latest < k->latest)
        k->latest = fs[m].latest;
    EL_PUSH(k->m, k->n, k->cap) = m;
    add_doc(k, fs[m].doc);
    int loc = fs[m].location;
    bool seen = false;
    for (size_t i = 0; i < k->nlocs && i < 4; i++)
        seen |= k->locs[i] == loc;
    if (loc >= 0 && !seen && k->nlocs <= 4) {
        if (k->nlocs < 4)
            k->locs[k->nlocs] = loc;
        k->nlocs++;
    }
    el_interval iv = fs[m].iv;
    if (!iv_known(iv))
        return;
    if (!iv_known(k->iv)) {
        k->iv = iv;
        return;
    }
    bool hull = k->span_days > 0;
    if (hull && fs[m].dct_time)
        return;   /* the article's day does not stretch a visit */
    if (hull != (iv.begin > k->iv.begin)) k->iv.begin = iv.begin;
    if (hull != (iv.end < k->iv.end)) k->iv.end = iv.end;
}

static size_t new_cluster(cluster **ks, size_t *nk, size_t *cap)
{
    cluster *k = &EL_PUSH(*ks, *nk, *cap);
    memset(k, 0, sizeof *k);
    return *nk - 1;
}

/* More participants first, then finer time, then document order. */
typedef struct spec_key { size_t nparts; int gran; uint32_t doc, ev; size_t idx; } spec_key;

static int cmp_specific(const void *a, const void *b)
{
    const spec_key *x = a, *y = b;
    if (x->nparts != y->nparts) return x->nparts > y->nparts ? -1 : 1;
    if (x->gran != y->gran) return x->gran > y->gran ? -1 : 1;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return x->ev < y->ev ? -1 : x->ev > y->ev;
}

/* Stable counting sort of order[] by key(order[i]) in 0..range. */
static void counting_pass(size_t *order, size_t *tmp, size_t n, const mfeat *fs,
                          size_t range, size_t (*key)(const mfeat *, size_t))
{
    size_t *count = el_calloc(range + 2, sizeof *count);
    for (size_t i = 0; i < n; i++)
        count[key(&fs[order[i]], range) + 1]++;
    for (size_t k = 1; k <= range + 1; k++)
        count[k] += count[k - 1];
    for (size_t i = 0; i < n; i++)
        tmp[count[key(&fs[order[i]], range)]++] = order[i];
    memcpy(order, tmp, n * sizeof *order);
    free(count);
}

static size_t fewer_parts(const mfeat *f, size_t max) { return max - f->nparts; }
static size_t coarser(const mfeat *f, size_t max) { return max - (size_t)f->iv.gran; }

/* cmp_specific's order without comparisons when order[] is in document
 * order already (as collect_mentions makes it): two stable counting passes,
 * by granularity, then by participants.  False if it does not apply. */
static bool sort_specific_counting(size_t *order, size_t n, const mfeat *fs)
{
    size_t maxp = 0, maxg = 0;
    for (size_t i = 0; i < n; i++) {
        const mfeat *f = &fs[order[i]];
        if (i && (fs[order[i - 1]].doc > f->doc ||
                  (fs[order[i - 1]].doc == f->doc && fs[order[i - 1]].ev >= f->ev)))
            return false;
        if ((int)f->iv.gran < 0)
            return false;
        maxp = f->nparts > maxp ? f->nparts : maxp;
        maxg = (size_t)f->iv.gran > maxg ? (size_t)f->iv.gran : maxg;
    }
    if (maxp > 4096 || maxg > 4096)
        return false;
    size_t *tmp = el_malloc((n + 1) * sizeof *tmp);
    counting_pass(order, tmp, n, fs, maxg, coarser);
    counting_pass(order, tmp, n, fs, maxp, fewer_parts);
    free(tmp);
    return true;
}

static void sort_specific(size_t *order, size_t n, const mfeat *fs)
{
    if (sort_specific_counting(order, n, fs))
        return;
    spec_key *keys = el_malloc((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        const mfeat *f = &fs[order[i]];
        keys[i] = (spec_key){f->nparts, (int)f->iv.gran, f->doc, f->ev, order[i]};
    }
    qsort(keys, n, sizeof *keys, cmp_specific);
    for (size_t i = 0; i < n; i++)
        order[i] = keys[i].idx;
    free(keys);
}

/* Clusters by key: "group" (every cluster of a group) and "group|entity"
 * (clusters whose seed names the entity), so a mention only looks at its
 * candidates.  Open addressing over owned key strings. */
typedef struct kbucket { char *key; size_t *ids; size_t n, cap; } kbucket;
typedef struct key_index { kbucket *b; size_t nb, used; } key_index;

static kbucket *ki_find(kbucket *b, size_t nb, const char *key)
{
    size_t i = el_hash_str(key) & (nb - 1);
    while (b[i].key && strcmp(b[i].key, key) != 0)
        i = (i + 1) & (nb - 1);
    return &b[i];
}

static void ki_grow(key_index *ix)
{
    size_t nb = ix->nb ? ix->nb * 2 : 256;
    kbucket *b = el_calloc(nb, sizeof *b);
    for (size_t i = 0; i < ix->nb; i++)
        if (ix->b[i].key)
            *ki_find(b, nb, ix->b[i].key) = ix->b[i];
    free(ix->b);
    ix->b = b;
    ix->nb = nb;
}

static const kbucket *ki_get(const key_index *ix, const char *key)
{
    if (!ix->nb)
        return NULL;
    kbucket *k = ki_find(ix->b, ix->nb, key);
    return k->key ? k : NULL;
}

static void ki_add(key_index *ix, const char *key, size_t id)
{
    if (2 * (ix->used + 1) > ix->nb)
        ki_grow(ix);
    kbucket *k = ki_find(ix->b, ix->nb, key);
    if (!k->key) {
        k->key = el_strdup(key);
        ix->used++;
    }
    EL_PUSH(k->ids, k->n, k->cap) = id;
}

static void ki_free(key_index *ix)
{
    for (size_t i = 0; i < ix->nb; i++) {
        free(ix->b[i].key);
        free(ix->b[i].ids);
    }
    free(ix->b);
}

/* snprintf(buf, cap, "%s\x1f%d", group, entity), without the format
 * parser: it runs for every participant of every mention. */
/* The decimal digits of v into num, last digit first; returns how many. */
static size_t digits_reversed(char *num, uint64_t v)
{
    size_t nn = 0;
    do
        num[nn++] = (char)('0' + v % 10);
    while (v /= 10);
    return nn;
}

static void entity_key(char *buf, size_t cap, const char *group, int entity)
{
    char num[16];
    size_t glen = strlen(group);
    size_t nn = digits_reversed(num, entity < 0 ? 0u - (unsigned)entity : (unsigned)entity);
    if (entity < 0)
        num[nn++] = '-';
    if (glen + 1 + nn >= cap) {
        snprintf(buf, cap, "%s\x1f%d", group, entity);
        return;
    }
    memcpy(buf, group, glen);
    buf[glen] = '\x1f';
    for (size_t i = 0; i < nn; i++)
        buf[glen + 1 + i] = num[nn - 1 - i];
    buf[glen + 1 + nn] = '\0';
}

/* The key a cluster is found by for mention f and one of its entities:
 * group and entity, and for an untyped event also the news day
 * (`day_offset` days from f's article's day; the article itself when it
 * has no date), as statements join only within a day (same_news_day): a
 * speaker quoted in a thousand articles is not a thousand candidates. */
static void cluster_key(char *buf, size_t cap, const mfeat *f, int entity, int day_offset)
{
    entity_key(buf, cap, f->group, entity);
    if (!f->generic)
        return;
    size_t n = strlen(buf);
    char num[24];
    size_t nn = digits_reversed(num, f->dct != INT64_MIN ? (uint64_t)(f->dct / 1440 + day_offset)
                                                         : f->doc);
    if (n + 2 + nn >= cap)
        return;   /* (cannot happen: a group is a lemma) */
    buf[n++] = '\x1e';
    buf[n++] = f->dct != INT64_MIN ? 'D' : 'd';   /* a day, or the article */
    while (nn)
        buf[n++] = num[--nn];
    buf[n] = '\0';
}

/* A new cluster seeded by f: indexed under its group and its entities. */
static size_t seed_cluster(cluster **ks, size_t *nk, size_t *cap, key_index *groups,
                           key_index *ents, const mfeat *f)
{
    size_t k = new_cluster(ks, nk, cap);
    char key[160];
    ki_add(groups, f->group, k);
    for (size_t p = 0; p < f->nparts; p++) {
        cluster_key(key, sizeof key, f, f->parts[p], 0);
        ki_add(ents, key, k);
    }
    return k;
}

static int best_cluster(const mfeat *fs, const cluster *ks, const key_index *ents,
                        const mfeat *f)
{
    int best = -1, best_score = -1;
    char key[160];
    int days = f->generic && f->dct != INT64_MIN ? 1 : 0;   /* the day before and after */
    for (size_t p = 0; p < f->nparts; p++)
        for (int off = -days; off <= days; off++) {
            cluster_key(key, sizeof key, f, f->parts[p], off);
            const kbucket *b = ki_get(ents, key);
            for (size_t i = 0; b && i < b->n; i++) {
                size_t k = b->ids[i];
                int s = join_score(fs, &ks[k], f);
                if (s > best_score || (s == best_score && s >= 0 && (int)k < best)) {
                    best_score = s;
                    best = (int)k;
                }
            }
        }
    return best;
}

static void cluster_with_participants(mfeat *fs, size_t nf, cluster **ks, size_t *nk,
                                      size_t *cap, key_index *groups, key_index *ents)
{
    size_t *order = el_malloc((nf + 1) * sizeof *order), n = 0;
    for (size_t i = 0; i < nf; i++)
        if (fs[i].nparts > 0)
            order[n++] = i;
    sort_specific(order, n, fs);
    for (size_t i = 0; i < n; i++) {
        mfeat *f = &fs[order[i]];
        int best = best_cluster(fs, *ks, ents, f);
        if (best < 0)
            best = (int)seed_cluster(ks, nk, cap, groups, ents, f);
        f->cluster = best;
        cluster_add(&(*ks)[best], fs, order[i]);
    }
    free(order);
}

/* Nearest earlier clustered mention of the same group in the document
 * (one that says who or where, or is as factual as the mention: a bare
 * mention was itself placed by a guess). */
static int antecedent(const el_corpus *c, const mfeat *fs, size_t i)
{
    const mfeat *f = &fs[i];
    uint32_t s = f->sentence;
    for (size_t k = i, steps = 0; k > 0 && steps < ANAPHORA_MENTIONS; steps++) {
        k--;
        const mfeat *g = &fs[k];
        if (g->doc != f->doc)
            break;
        if (g->cluster < 0 || g->group != f->group || g->indefinite)   /* interned */
            continue;
        if (g->nparts == 0 && g->location < 0 && g->factual != f->factual)
            continue;   /* a bare plan ("able to discuss") is no antecedent of a fact */
        if (g->sentence + ANAPHORA_SENTENCES < s)
            break;
        return g->cluster;
    }
    return -1;
}

static bool cluster_at(const cluster *k, const mfeat *fs, int location)
{
    for (size_t i = 0; i < k->nlocs && i < 4; i++)
        if (k->locs[i] == location)
            return true;
    if (k->nlocs <= 4)
        return false;   /* every location is in locs */
    for (size_t i = 0; i < k->n; i++)
        if (fs[k->m[i]].location == location)
            return true;
    return false;
}

/* The one cluster of bucket b with a mention at `location` ("their summit
 * in Geneva"), -1 if none or several. */
static int only_cluster_at(const cluster *ks, const kbucket *b, const mfeat *fs, int location)
{
    int found = -1;
    for (size_t i = 0; i < b->n; i++) {
        const cluster *k = &ks[b->ids[i]];
        if (!cluster_at(k, fs, location))
            continue;
        if (found >= 0)
            return -1;
        found = (int)b->ids[i];
    }
    return found;
}

/* The clusters a document's mentions with participants are in, per group,
 * counted, so that salient_cluster costs a few steps per mention instead
 * of a scan of the document (quadratic in a long one).  Built once per
 * document on first use; the counts cannot change during
 * cluster_without_participants, which only places mentions without
 * participants.  Entries are sorted by group, then by the seed's
 * factuality and position (`cls`), then by first mention, so the clusters
 * a mention may compare with are at most three runs merged by position. */
typedef struct sal_entry {
    const char *group;   /* interned */
    int k;               /* cluster */
    uint32_t n;          /* mentions of the document in it (with participants) */
    uint32_t first;      /* index of the first of them */
    uint8_t cls;         /* seed factual * 3 + when + 1 */
    int next;            /* the entry of the same cluster under another group, -1 */
} sal_entry;

typedef struct salience {
    sal_entry *e; size_t n, cap;
    size_t lo;           /* the document's first mention; SIZE_MAX: not built */
    int *of_cluster;     /* cluster -> first entry, -1 (sized nk) */
    size_t nk;
} salience;

static int cmp_sal(const void *a, const void *b)
{
    const sal_entry *x = a, *y = b;
    if (x->group != y->group)
        return (uintptr_t)x->group < (uintptr_t)y->group ? -1 : 1;
    if (x->cls != y->cls)
        return x->cls < y->cls ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

static void salience_count(salience *sa, const cluster *ks, const mfeat *fs, size_t i)
{
    const mfeat *h = &fs[i];
    int j = sa->of_cluster[h->cluster];
    while (j >= 0 && sa->e[j].group != h->group)
        j = sa->e[j].next;
    if (j >= 0) {
        sa->e[j].n++;
        return;
    }
    const mfeat *g = &fs[ks[h->cluster].m[0]];
    sal_entry *e = &EL_PUSH(sa->e, sa->n, sa->cap);
    *e = (sal_entry){h->group, h->cluster, 1, (uint32_t)i,
                     (uint8_t)((g->factual ? 3 : 0) + g->when + 1), sa->of_cluster[h->cluster]};
    sa->of_cluster[h->cluster] = (int)(sa->n - 1);
}

static void salience_build(salience *sa, const cluster *ks, size_t nk, const mfeat *fs,
                           size_t lo, size_t hi)
{
    if (sa->nk < nk) {
        sa->of_cluster = el_realloc(sa->of_cluster, nk * sizeof *sa->of_cluster);
        for (size_t k = sa->nk; k < nk; k++)
            sa->of_cluster[k] = -1;
        sa->nk = nk;
    }
    sa->n = 0;
    for (size_t i = lo; i < hi; i++)
        if (fs[i].nparts > 0 && fs[i].cluster >= 0)
            salience_count(sa, ks, fs, i);
    for (size_t i = 0; i < sa->n; i++)
        sa->of_cluster[sa->e[i].k] = -1;   /* (the links are not needed past here) */
    if (sa->n > 1)
        qsort(sa->e, sa->n, sizeof *sa->e, cmp_sal);
    sa->lo = lo;
}

/* The entries [*from, *to) of class cls under group g. */
static void salience_run(const salience *sa, const char *g, uint8_t cls, size_t *from,
                         size_t *to)
{
    size_t a = 0, b = sa->n;
    while (a < b) {   /* first entry not below (g, cls) */
        size_t mid = (a + b) / 2;
        const sal_entry *e = &sa->e[mid];
        if ((uintptr_t)e->group < (uintptr_t)g || (e->group == g && e->cls < cls))
            a = mid + 1;
        else
            b = mid;
    }
    *from = a;
    while (a < sa->n && sa->e[a].group == g && sa->e[a].cls == cls)
        a++;
    *to = a;
}

/* The cluster the mention's document names most often (its mentions
 * with participants: two at least, more than any other of the first
 * SALIENT_MAX clusters of the group as factual as the mention, in order
 * of first mention): "the two-day visit" in an article about one visit.
 * -1 if none stands out.  (sa: the document's salience table.) */
static int salient_cluster(const salience *sa, const mfeat *f)
{
    size_t from[3], to[3], nruns = 0;
    for (int when = -1; when <= 1; when++)
        if (!f->when || !when || when == f->when) {
            salience_run(sa, f->group, (uint8_t)((f->factual ? 3 : 0) + when + 1),
                         &from[nruns], &to[nruns]);
            nruns++;
        }
    int best = -1;
    size_t best_n = 1, second = 0;
    for (size_t taken = 0; taken < SALIENT_MAX; taken++) {
        size_t r = nruns;   /* the run whose next entry comes first */
        for (size_t i = 0; i < nruns; i++)
            if (from[i] < to[i] && (r == nruns || sa->e[from[i]].first < sa->e[from[r]].first))
                r = i;
        if (r == nruns)
            break;
        const sal_entry *e = &sa->e[from[r]++];
        if (e->n > best_n) {
            second = best_n;
            best_n = e->n;
            best = e->k;
        } else if (e->n > second) {
            second = e->n;
        }
    }
    return best >= 0 && best_n > second ? best : -1;
}

/* List cluster k under its group in `dated` once it has a known time: a
 * dated mention only looks at those (most clusters have no time).  A
 * listed cluster stays listed: its time is tested when looked at. */
static void list_dated(key_index *dated, cluster *ks, size_t k, const mfeat *fs)
{
    if (!ks[k].dated && iv_known(ks[k].iv)) {
        ks[k].dated = true;
        ki_add(dated, fs[ks[k].m[0]].group, k);   /* (the seed's group) */
    }
}

/* For a mention without participants and antecedent: the cluster of its
 * group whose known time overlaps its own (the narrowest, then the first
 * made), or, when its time is unknown, the only cluster of its group, or
 * the only one at its place, or the one its document names most.  -1 if
 * none fits.  (`dated`: list_dated; lo, hi: the mentions of f's document;
 * sa: their salience table, rebuilt when lo changes.) */
static int same_group_cluster(const cluster *ks, size_t nk, const key_index *groups,
                              const key_index *dated, salience *sa, const mfeat *fs,
                              size_t lo, size_t hi, const mfeat *f)
{
    const kbucket *b = ki_get(groups, f->group);
    const kbucket *dt = iv_known(f->iv) ? ki_get(dated, f->group) : NULL;
    int best = -1, compatible = 0;
    for (size_t i = 0; dt && i < dt->n; i++) {   /* (in the order they got a time) */
        size_t k = dt->ids[i];
        if (!iv_known(ks[k].iv) || !iv_compatible(ks[k].iv, f->iv, ks[k].span_days))
            continue;
        compatible++;
        int64_t w = ks[k].iv.end - ks[k].iv.begin;
        if (best < 0 || w < ks[best].iv.end - ks[best].iv.begin ||
            (w == ks[best].iv.end - ks[best].iv.begin && (int)k < best))
            best = (int)k;
    }
    if (best >= 0 && f->iv.gran < EL_GRAN_MONTH && compatible > 1)
        best = -1;   /* "earlier this year": only when it can mean one event */
    if (best < 0 && b && b->n == 1 && !iv_known(f->iv))
        return (int)b->ids[0];
    if (best < 0 && b && !iv_known(f->iv) && f->location >= 0)
        best = only_cluster_at(ks, b, fs, f->location);
    if (best < 0 && b && !iv_known(f->iv)) {
        if (sa->lo != lo)
            salience_build(sa, ks, nk, fs, lo, hi);
        best = salient_cluster(sa, f);
    }
    return best;
}

/* Tense, report day and factuality let mention f join cluster k. */
static bool may_join(const cluster *ks, int k, const mfeat *fs, const mfeat *f)
{
    const mfeat *g = &fs[ks[k].m[0]];
    return when_compatible(g, f) && g->negated == f->negated && before_reports(&ks[k], f) &&
           !plan_and_fact(&ks[k], g, f);
}

/* The entities a document's event mentions name (participants and
 * places), sorted, for story_shared. */
typedef struct ent_set { int *v; size_t n, cap; } ent_set;

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static void doc_entities(ent_set *es, const mfeat *fs, size_t lo, size_t hi)
{
    es->n = 0;
    for (size_t i = lo; i < hi; i++) {
        for (size_t p = 0; p < fs[i].nparts; p++)
            EL_PUSH(es->v, es->n, es->cap) = fs[i].parts[p];
        if (fs[i].location >= 0)
            EL_PUSH(es->v, es->n, es->cap) = fs[i].location;
    }
    if (es->n)
        qsort(es->v, es->n, sizeof *es->v, cmp_int);
}

static bool ent_set_has(const ent_set *es, int e)
{
    return es->n && bsearch(&e, es->v, es->n, sizeof *es->v, cmp_int) != NULL;
}

/* How many of a cluster's mentions story_shared looks at (a bound, so a
 * cluster of thousands of mentions costs no more than this). */
#define STORY_PROBE 64

/* May a mention of document `doc` without participants join cluster k
 * from another article?  Only when the cluster is of the same story: it
 * already has a mention of `doc`, or its mentions name a participant or
 * place that `doc`'s events name too.  Two articles' bare "the appeal"
 * or "the election" of different stories stay apart. */
static bool story_shared(const cluster *k, const mfeat *fs, uint32_t doc, const ent_set *es)
{
    if (cluster_has_doc(k, doc))
        return true;
    for (size_t i = 0; i < k->n && i < STORY_PROBE; i++) {
        const mfeat *g = &fs[k->m[i]];
        for (size_t p = 0; p < g->nparts; p++)
            if (ent_set_has(es, g->parts[p]))
                return true;
        if (g->location >= 0 && ent_set_has(es, g->location))
            return true;
    }
    return false;
}

static void cluster_without_participants(const el_corpus *c, mfeat *fs, size_t nf,
                                         cluster **ks, size_t *nk, size_t *cap,
                                         key_index *groups, key_index *ents)
{
    size_t lo = 0, hi = 0;   /* the mentions of f's document */
    ent_set es = {NULL, 0, 0};
    key_index dated = {NULL, 0, 0};
    salience sa = {NULL, 0, 0, SIZE_MAX, NULL, 0};
    for (size_t k = 0; k < *nk; k++)
        list_dated(&dated, *ks, k, fs);
    for (size_t i = 0; i < nf; i++) {
        mfeat *f = &fs[i];
        if (i >= hi) {
            lo = i;
            for (hi = i; hi < nf && fs[hi].doc == f->doc; hi++)
                ;
            doc_entities(&es, fs, lo, hi);
        }
        if (f->nparts > 0)
            continue;
        int k = antecedent(c, fs, i);
        if (k >= 0 && (!iv_compatible((*ks)[k].iv, f->iv, (*ks)[k].span_days) ||
                       !may_join(*ks, k, fs, f)))
            k = -1;
        if (k < 0)
            k = same_group_cluster(*ks, *nk, groups, &dated, &sa, fs, lo, hi, f);
        if (k >= 0 && (!may_join(*ks, k, fs, f) || !story_shared(&(*ks)[k], fs, f->doc, &es)))
            k = -1;
        if (k < 0)
            k = (int)seed_cluster(ks, nk, cap, groups, ents, f);
        f->cluster = k;
        cluster_add(&(*ks)[k], fs, i);
        list_dated(&dated, *ks, (size_t)k, fs);
    }
    free(sa.e);
    free(sa.of_cluster);
    ki_free(&dated);
    free(es.v);
}

/* ---- canonical events ------------------------------------------------------- */

/* The mention whose time is the most precise: finest granularity, then
 * narrowest interval, then document order. */
static const mfeat *best_time(const mfeat *fs, const cluster *k)
{
    const mfeat *best = NULL;
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        if (!iv_known(f->iv))
            continue;
        if (best && best->dct_time != f->dct_time) {   /* explicit times first */
            if (!f->dct_time)
                best = f;
            continue;
        }
        if (!best || f->iv.gran > best->iv.gran ||
            (f->iv.gran == best->iv.gran && f->iv.end - f->iv.begin < best->iv.end - best->iv.begin))
            best = f;
    }
    return best;
}

/* The interval of the article's day of mention f (as its formatted date
 * reads: only mentions chosen for a canonical event need it). */
static void dct_interval(const el_corpus *c, const mfeat *f, el_interval *iv)
{
    char day[11];
    el_date_format(c->docs[f->doc]->dct, day);
    el_value_interval(day, iv);
}

/* A lasting event seen on several days: first day as value, last as end. */
static void set_day_span(el_event *v, el_interval hull)
{
    el_date first = el_days_to_date(hull.begin / 1440);
    el_date last = el_days_to_date((hull.end - 1) / 1440);
    el_date_format(first, v->value);
    el_date_format(last, v->end_value);
    v->iv.begin = hull.begin;
    v->iv.end = hull.end;
    v->iv.gran = EL_GRAN_DAY;
}

/* A lasting event without explicit dates but with a length ("a two-day
 * visit" in an article of its last day): the days ending on that day. */
static void apply_duration(const el_corpus *c, el_event *v, const mfeat *fs, const cluster *k)
{
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        const el_date dct = c->docs[f->doc]->dct;
        bool on_dct = f->dct_time || (!iv_known(f->iv) && dct.year && dct.month && dct.day);
        if (f->duration_days < 2 || (!on_dct && (!iv_known(f->iv) || f->iv.gran < EL_GRAN_DAY)))
            continue;
        el_interval last = f->iv;
        if (on_dct)
            dct_interval(c, f, &last);   /* "a two-day visit" said on its last day */
        el_interval span = {last.end - (int64_t)f->duration_days * 1440, last.end, EL_GRAN_DAY};
        set_day_span(v, span);
        v->time_source.doc = f->doc;
        v->time_source.ev = f->ev;
        v->has_time_source = true;
        v->anchor = EL_ANCHOR_DURATION;
        return;
    }
}

/* No mention of the event has a time, but an article reports it in the
 * simple past: it happened by that article's day (the earliest such day),
 * which is the day news text leaves it on.  Marked as inferred. */
static void set_report_day(const el_corpus *c, el_event *v, const mfeat *fs, const cluster *k)
{
    const mfeat *first = NULL;
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        if (f->past_report && (!first || f->latest < first->latest))
            first = f;
    }
    if (!first)
        return;
    el_date_format(c->docs[first->doc]->dct, v->value);
    dct_interval(c, first, &v->iv);
    v->time_source.doc = first->doc;
    v->time_source.ev = first->ev;
    v->has_time_source = true;
    v->time_from_report = true;
    v->anchor = EL_ANCHOR_REPORT;
}

static void set_time(const el_corpus *c, el_event *v, const mfeat *fs, const cluster *k)
{
    const mfeat *b = best_time(fs, k);
    int64_t cb = 0, ce = 0;
    for (size_t i = 0; i < k->n; i++) {
        if (fs[k->m[i]].clock_begin && !cb) cb = fs[k->m[i]].clock_begin;
        if (fs[k->m[i]].clock_end && !ce) ce = fs[k->m[i]].clock_end;
    }
    if (b) {
        v->iv = b->iv;
        if (b->dct_time) {
            el_date_format(c->docs[b->doc]->dct, v->value);
            dct_interval(c, b, &v->iv);   /* the article's day itself */
        } else {
            el_copy_str(v->value, sizeof v->value, b->value ? b->value : "");
        }
        v->time_source.doc = b->doc;
        v->time_source.ev = b->ev;
        v->has_time_source = true;
        v->anchor = b->dct_time ? EL_ANCHOR_REPORT
                    : c->docs[b->doc]->events[b->ev].timex_link == EL_TL_SENTENCE ? EL_ANCHOR_SENTENCE
                    : EL_ANCHOR_TIMEX;
        if (k->span_days > 0 && !b->dct_time && b->iv.gran == EL_GRAN_DAY &&
            k->iv.end - k->iv.begin > 1440)
            set_day_span(v, k->iv);
    }
    if (k->span_days > 0 && (!b || b->dct_time))
        apply_duration(c, v, fs, k);
    if (!v->value[0])
        set_report_day(c, v, fs, k);
    if (cb && (!b || (cb >= b->iv.begin && cb < b->iv.end))) {
        el_instant_format(cb, v->value);
        v->iv.begin = cb;
        v->iv.end = ce > cb ? ce : cb + 1;
        v->iv.gran = EL_GRAN_MINUTE;
        if (ce > cb)
            el_instant_format(ce, v->end_value);
    }
}

/* Entity indices by frequency in the cluster, the most frequent subject
 * first; the most frequent location. */
typedef struct ecount { int e; size_t n, subj, loc; } ecount;

static ecount *ecount_of(ecount **arr, size_t *n, size_t *cap, int e)
{
    for (size_t i = 0; i < *n; i++)
        if ((*arr)[i].e == e)
            return &(*arr)[i];
    ecount *x = &EL_PUSH(*arr, *n, *cap);
    *x = (ecount){e, 0, 0, 0};
    return x;
}

static void set_participants(el_event *v, const mfeat *fs, const cluster *k)
{
    ecount *ec = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        for (size_t p = 0; p < f->nparts; p++)
            ecount_of(&ec, &n, &cap, f->parts[p])->n++;
        if (f->subject >= 0) ecount_of(&ec, &n, &cap, f->subject)->subj++;
        if (f->location >= 0) ecount_of(&ec, &n, &cap, f->location)->loc++;
    }
    v->location = -1;
    size_t best_loc = 0;
    for (size_t i = 0; i < n; i++)
        if (ec[i].loc > best_loc || (ec[i].loc == best_loc && best_loc && ec[i].e < v->location)) {
            best_loc = ec[i].loc;
            v->location = ec[i].e;
        }
    for (;;) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < n; i++)
            if (ec[i].n && (best == SIZE_MAX || ec[i].subj > ec[best].subj ||
                            (ec[i].subj == ec[best].subj && ec[i].n > ec[best].n) ||
                            (ec[i].subj == ec[best].subj && ec[i].n == ec[best].n &&
                             ec[i].e < ec[best].e)))
                best = i;
        if (best == SIZE_MAX)
            break;
        EL_PUSH(v->participants, v->nparticipants, v->cap_participants) = (size_t)ec[best].e;
        ec[best].n = 0;
    }
    free(ec);
}

/* Most frequent type among the cluster's mentions (first seen on ties). */
static const char *cluster_type(const mfeat *fs, const cluster *k)
{
    const char *types[16];
    size_t counts[16], nt = 0, best = 0;
    for (size_t i = 0; i < k->n; i++) {
        const char *t = fs[k->m[i]].type;
        if (!t)
            continue;
        size_t j = 0;
        while (j < nt && types[j] != t)   /* interned */
            j++;
        if (j == nt && nt < 16) {
            types[nt] = t;
            counts[nt++] = 0;
        }
        if (j < nt)
            counts[j]++;
    }
    for (size_t j = 1; j < nt; j++)
        if (counts[j] > counts[best])
            best = j;
    return nt ? types[best] : fs[k->m[0]].type;
}

static int cmp_mref(const void *a, const void *b)
{
    const el_mref *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->ev < y->ev ? -1 : x->ev > y->ev;
}

/* The same mention in every later copy and near duplicate of its document. */
static void add_reprint_mentions(el_event *v, const el_reprints *rp)
{
    el_reprints_add_mentions(rp, v);
}

static void build_event(el_corpus *c, const el_trigger_lexicon *lx, const mfeat *fs,
                        const cluster *k, const el_reprints *rp)
{
    el_event *v = &EL_PUSH(c->events, c->nevents, c->cap_events);
    memset(v, 0, sizeof *v);
    v->type = el_strdup(cluster_type(fs, k));
    float miss = 1.0f;
    bool any_factual = false, any_informative = false;
    for (size_t i = 0; i < k->n; i++) {
        const mfeat *f = &fs[k->m[i]];
        el_mref r = {f->doc, f->ev};
        EL_PUSH(v->mentions, v->nmentions, v->cap_mentions) = r;
        miss *= 1.0f - f->confidence * (f->factual ? 1.0f : 0.5f);
        bool informative = f->nparts > 0 || iv_known(f->iv) || f->location >= 0;
        any_factual |= f->factual;
        any_informative |= informative;
        v->factual |= f->factual && informative;
    }
    /* a bare "this trip" asserts what it refers to, not a planned trip
     * it was clustered with; it counts only when nothing says more */
    v->factual |= any_factual && !any_informative;
    if (rp->ncopies)
        add_reprint_mentions(v, rp);
    qsort(v->mentions, v->nmentions, sizeof *v->mentions, cmp_mref);
    set_participants(v, fs, k);
    set_time(c, v, fs, k);
    v->confidence = (1.0f - miss) * (iv_known(v->iv) ? 1.0f : 0.7f);
    const mfeat *head = &fs[k->m[0]];
    v->label = el_event_label(c, v, el_trigger_type(lx, v->type), &c->docs[head->doc]->events[head->ev]);
}

void el_normalize_events(el_corpus *c, const el_trigger_lexicon *lx)
{
    size_t nf = 0, nk = 0, cap = 0;
    asp_list asp = {NULL, 0, 0};
    el_reprints rp;
    el_reprints_find(c, &rp);
    mfeat *fs = collect_mentions(c, lx, &asp, &rp, &nf);
    cluster *ks = NULL;
    apply_aspectuals(c, fs, nf, &asp);
    free(asp.v);
    key_index groups = {NULL, 0, 0}, ents = {NULL, 0, 0};
    cluster_with_participants(fs, nf, &ks, &nk, &cap, &groups, &ents);
    cluster_without_participants(c, fs, nf, &ks, &nk, &cap, &groups, &ents);
    ki_free(&groups);
    ki_free(&ents);
    for (size_t k = 0; k < nk; k++) {
        if (ks[k].n)
            build_event(c, lx, fs, &ks[k], &rp);
        free(ks[k].m);
        free(ks[k].docs);
    }
    free(ks);
    free(fs);
    el_reprints_free(&rp);
}

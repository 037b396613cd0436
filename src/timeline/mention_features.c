/* mention_features.c - what the event normalizer knows of each event
 * mention (see normalize_internal.h): type group, participants (entity
 * indices; the subject is the one before the trigger), place, time (the
 * governing time expression's interval, mod applied, or for a present-
 * tense report the article's last days), factuality, and whether it lies
 * before or after the article's day. */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DCT_REPORT_DAYS 3        /* a present-tense report covers the last days */
#define INDEFINITE_WORDS 3       /* words looked back for an indefinite article */
#define DURATION_TIMEXES 3       /* timexes looked back for "a two-day visit" */
#define DURATION_MAX_DAYS 60     /* longer durations do not size one event */
#define KEY_MEMO_SLOTS 64        /* entity_of's memo (a power of two) */
#define NAMES_MIN_CAP 64         /* first size of the interned-name table */
#define SUPPORT_GAP 3            /* words between a support verb and its event noun */

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
    return f->iv.end <= day ? -1 : f->iv.begin >= day + DAY ? 1 : 0;
}

/* An article reports as past only what began by the end of its day: the
 * bound for a factual past-tense mention, INT64_MAX when there is none. */
static int64_t latest_start(const el_doc *d, const el_event_mention *ev)
{
    if (!is_factual(ev) || ev->tense != EL_TENSE_PAST || !d->dct.year || !d->dct.month ||
        !d->dct.day)
        return INT64_MAX;
    return el_instant_from_date(d->dct, 0, 0) + DAY;
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
        f->iv.end = el_instant_from_date(d->dct, 0, 0) + DAY;
        f->iv.begin = f->iv.end - DCT_REPORT_DAYS * DAY;
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

/* An indefinite article (normalizer.tsv) shortly before the trigger ("a
 * face-to-face meeting", "an earlier visit"). */
static bool indefinite(const el_trigger_lexicon *words, const el_doc *d,
                       const el_event_mention *ev)
{
    size_t sb = d->sentences[d->tokens[ev->tok_begin].sentence].tok_begin;
    for (size_t j = ev->tok_begin, steps = 0; j > sb && steps < INDEFINITE_WORDS; steps++) {
        j--;
        if (el_trigger_word_is(words, d, j, EL_NW_INDEFINITE))
            return true;
        if (!(d->tokens[j].flags & EL_TOK_WORD))
            return false;
    }
    return false;
}

/* A support (light) verb whose object is the happening (normalizer.tsv):
 * a verb form of kind `support` followed, past at most SUPPORT_GAP plain
 * words of its sentence ("a", "the", "formal", "out"), by an event noun
 * ("held talks", "gave a speech", "carried out an attack") or by a word
 * of kind `happen` ("took place": its subject is the happening).  The
 * noun (or subject) is the event; the verb makes none of its own. */
static bool support_verb(const el_trigger_lexicon *words, const el_doc *d, size_t e)
{
    const el_event_mention *ev = &d->events[e];
    if (ev->tense == EL_TENSE_NONE || !el_trigger_word_is(words, d, ev->tok_begin, EL_NW_SUPPORT))
        return false;
    uint32_t sent = d->tokens[ev->tok_begin].sentence;
    size_t next_ev = e + 1 < d->nevents ? d->events[e + 1].tok_begin : d->ntokens;
    for (size_t j = ev->tok_end; j < d->ntokens && j <= ev->tok_end + SUPPORT_GAP; j++) {
        if (d->tokens[j].sentence != sent || !(d->tokens[j].flags & EL_TOK_WORD))
            return false;
        if (j == next_ev)   /* a noun; "talks" after "held" may be read as a verb */
            return d->events[e + 1].tense == EL_TENSE_NONE ||
                   d->events[e + 1].tense == EL_TENSE_PRESENT;
        if (el_trigger_word_is(words, d, j, EL_NW_HAPPEN))
            return j == ev->tok_end;
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
    for (size_t t = lo >= DURATION_TIMEXES ? lo - DURATION_TIMEXES : 0; t < lo; t++) {
        const el_timex *tx = &d->timexes[t];
        if (tx->type != EL_TIMEX_DURATION || tx->tok_end > ev->tok_begin ||
            tx->tok_end + 2 < ev->tok_begin || tx->value[0] != 'P')
            continue;
        char *end;
        long n = strtol(tx->value + 1, &end, 10);
        if (n > 0 && n < DURATION_MAX_DAYS && end[0] == 'D' && end[1] == '\0')
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
    const char *key[KEY_MEMO_SLOTS];
    int ent[KEY_MEMO_SLOTS];
} key_memo;

static int entity_of(const el_corpus *c, const el_doc *d, int *ents, size_t m, key_memo *km)
{
    if (ents[m] == ENT_UNKNOWN) {
        const char *key = d->mentions[m].key;
        size_t h = ((uintptr_t)key >> 3) & (KEY_MEMO_SLOTS - 1);
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
        if (ev->syn_args ? ev->participants[p] == ev->subject   /* the tree's subject */
                         : m->start < ev->start && f->subject < 0)
            f->subject = e;
    }
}

/* Distinct strings (not owned): the mentions' types and groups point to
 * one copy of each, so that clustering compares pointers instead of
 * strings.  A type's lexicon entry is looked up once per distinct type
 * (ti, valid where has_ti is set) instead of once per mention. */
typedef struct str_set {
    el_hashmap map;          /* hash -> index into the arrays below */
    const char **s; const el_event_type_info **ti; uint8_t *has_ti;
    size_t n, cap;
} str_set;

/* The index of s (added if new). */
static size_t str_slot(str_set *set, const char *s)
{
    uint32_t h = el_hash_str(s);
    el_hashmap_probe p = el_hashmap_find(&set->map, h);
    for (uint32_t v; el_hashmap_next(&set->map, &p, &v);)
        if (set->s[v] == s || strcmp(set->s[v], s) == 0)
            return v;
    if (set->n == set->cap) {
        set->cap = set->cap ? 2 * set->cap : NAMES_MIN_CAP;
        set->s = el_realloc(set->s, set->cap * sizeof *set->s);
        set->ti = el_realloc(set->ti, set->cap * sizeof *set->ti);
        set->has_ti = el_realloc(set->has_ti, set->cap);
    }
    set->s[set->n] = s;
    set->ti[set->n] = NULL;
    set->has_ti[set->n] = 0;
    el_hashmap_put(&set->map, h, (uint32_t)set->n);
    return set->n++;
}

static const char *str_intern(str_set *set, const char *s)
{
    if (!s)
        return NULL;
    size_t i = str_slot(set, s);   /* (may move set->s) */
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
    el_hashmap_free(&set->map);
    free(set->s);
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

bool el_aspect_kind(const el_event_mention *ev, bool *is_begin)
{
    if (!ev->type)
        return false;
    if (strcmp(ev->type, "begin") == 0) *is_begin = true;
    else if (strcmp(ev->type, "end") == 0) *is_begin = false;
    else return false;
    return true;
}


mfeat *el_collect_mentions(const el_corpus *c, const el_norm_lexicons *lex,
                           const el_reprints *rp, asp_list *asp, size_t *n)
{
    const el_trigger_lexicon *lx = lex->types;
    size_t nf = 0, cap = 0;
    for (size_t di = 0; di < c->ndocs; di++)
        cap += c->docs[di]->nevents;   /* at most one each: no reallocs */
    mfeat *fs = el_malloc((cap ? cap : 1) * sizeof *fs);
    str_set names = {EL_HASHMAP_INIT, NULL, NULL, NULL, 0, 0};
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
            bool generic = generic_candidate(ev) && !support_verb(lex->words, d, e);
            bool is_begin = false;
            if (ev->timex >= 0 && el_aspect_kind(ev, &is_begin))
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
            f->indefinite = indefinite(lex->words, d, ev);
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

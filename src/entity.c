/* entity.c - the entity stage: one pass over the tokens with the gazetteer
 * trie (longest match) plus general rules for names in no list, then
 * in-document resolution of short names (see entity.h, gazetteer.h).
 *
 * Pass 1 proposes candidates left to right: gazetteer entities, titles
 * (remembered as the role of a following person), and runs of capitalized
 * words typed by their cues (organization/location suffixes and heads,
 * titles, honorifics, given names, "X said").  Guesses at sentence starts
 * and in headline-case lines are "weak": they survive only when the same
 * name is confirmed elsewhere in the document.  Pass 2 (coref.c) links short
 * names to full ones; pass 3 writes doc->mentions. */
#include "entity.h"
#include "entity_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static bool is_word(const tagger *t, size_t i)
{
    return (t->doc->tokens[i].flags & EL_TOK_WORD) && !t->blocked[i];
}

/* A capitalized word that may be part of a name. */
static bool is_cap(const tagger *t, size_t i)
{
    const el_token *k = &t->doc->tokens[i];
    return is_word(t, i) && (k->flags & EL_TOK_CAP) && !(t->cue[i] & (CUE_STOP | CUE_NOT_NAME));
}

static bool same_sentence(const tagger *t, size_t a, size_t b)
{
    return b < t->doc->ntokens && t->doc->tokens[a].sentence == t->doc->tokens[b].sentence;
}

/* First word of its sentence, or right after an opening quote or colon. */
bool el_ent_initial(const tagger *t, size_t i)
{
    const el_doc *d = t->doc;
    size_t s = d->tokens[i].sentence;
    for (size_t j = i; j-- > d->sentences[s].tok_begin;) {
        if (d->tokens[j].flags & EL_TOK_WORD)
            return false;
        if ((d->tokens[j].flags & EL_TOK_QUOTE) || el_tok_is(d, j, ":") || el_tok_is(d, j, "("))
            return true;
    }
    return true;
}

/* Headline case: most content words of the sentence are capitalized. */
static bool headline_case(const tagger *t, const el_sentence *s)
{
    size_t content = 0, cap = 0;
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        if (!(t->doc->tokens[i].flags & EL_TOK_WORD) || (t->cue[i] & CUE_STOP))
            continue;
        content++;
        cap += (t->doc->tokens[i].flags & EL_TOK_CAP) != 0;
    }
    return content >= 3 && cap * 5 >= content * 4;
}

static void tagger_init(tagger *t, el_doc *doc, const el_gazetteer *gz)
{
    memset(t, 0, sizeof *t);
    t->doc = doc;
    t->gz = gz;
    size_t n = doc->ntokens ? doc->ntokens : 1;
    t->cue = el_calloc(n, sizeof *t->cue);
    t->blocked = el_calloc(n, sizeof *t->blocked);
    t->headline = el_calloc(doc->nsentences ? doc->nsentences : 1, sizeof *t->headline);
    for (size_t i = 0; i < doc->ntokens; i++)
        if (doc->tokens[i].flags & EL_TOK_WORD)
            t->cue[i] = el_gz_cues(gz, doc, i);
    for (size_t x = 0; x < doc->ntimexes; x++)
        for (size_t i = doc->timexes[x].tok_begin; i < doc->timexes[x].tok_end && i < doc->ntokens; i++)
            t->blocked[i] = true;
    for (size_t s = 0; s < doc->nsentences; s++)
        t->headline[s] = headline_case(t, &doc->sentences[s]);
    t->title_end = SIZE_MAX;
}

static void tagger_free(tagger *t)
{
    free(t->cue);
    free(t->blocked);
    free(t->headline);
    free(t->c);
}

/* True if `j` may continue a capitalized run whose first token is `b`. */
static bool run_glue(const tagger *t, size_t b, size_t j, bool org_head)
{
    if (!same_sentence(t, b, j + 1) || !is_cap(t, j + 1))
        return false;
    if (t->cue[j] & CUE_PARTICLE)
        return true;
    if (el_tok_is(t->doc, j, "&"))
        return true;
    if (el_tok_is(t->doc, j, "-") && (t->doc->tokens[j].flags & EL_TOK_GLUED))
        return true;
    return org_head && (t->cue[j] & CUE_CONNECTOR);
}

/* Length of the run of capitalized words starting at `b`. */
static size_t cap_run(const tagger *t, size_t b)
{
    size_t j = b, end = b;
    bool org_head = false;
    while (same_sentence(t, b, j) && !t->blocked[j]) {
        if (is_cap(t, j)) {
            org_head |= (t->cue[j] & (CUE_ORG_HEAD | CUE_ORG_SUFFIX | CUE_LOC_HEAD)) != 0;
            end = ++j;
        } else if (j > b && run_glue(t, b, j, org_head)) {
            j++;
        } else {
            break;
        }
    }
    return end - b;
}

static bool has_connector(const tagger *t, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++)
        if (t->cue[i] & CUE_CONNECTOR)
            return true;
    return false;
}

/* Type given by the shape of a run alone (suffix/head cues), or -1. */
static int shape_type(const tagger *t, size_t b, size_t e, const char **subtype)
{
    unsigned first = t->cue[b], last = t->cue[e - 1];
    *subtype = NULL;
    if (e - b < 2)
        return -1;
    if ((last & CUE_ORG_SUFFIX) || ((first & CUE_ORG_HEAD) && has_connector(t, b, e)))
        return EL_ENT_ORGANIZATION;
    if ((last & CUE_LOC_SUFFIX) || (first & CUE_LOC_HEAD))
        return EL_ENT_LOCATION;
    if (last & CUE_FAC_SUFFIX) {
        *subtype = "facility";
        return EL_ENT_LOCATION;
    }
    return -1;
}

size_t el_ent_gz_match(const tagger *t, size_t i, int *entry)
{
    uint32_t p[8];
    size_t np = 0, n = el_lexicon_match_all(t->gz->names, t->doc, i, p, 8, &np);
    *entry = -1;
    for (size_t k = 0; k < np && *entry < 0; k++)
        if (t->gz->entries[p[k]].kind == GZ_KIND_ENTITY)
            *entry = (int)p[k];
    if (*entry < 0 && np)
        *entry = (int)p[0];
    return n;
}

static bool say_follows(const tagger *t, size_t e)
{
    if (!same_sentence(t, e - 1, e))
        return false;
    if (t->cue[e] & CUE_SAY)
        return true;
    return el_tok_is(t->doc, e, ",") && same_sentence(t, e, e + 1) && el_tok_is(t->doc, e + 1, "who");
}

cand *el_ent_push(tagger *t, size_t b, size_t e, int type, int entry)
{
    cand *c = &EL_PUSH(t->c, t->nc, t->cap);
    memset(c, 0, sizeof *c);
    c->b = (uint32_t)b;
    c->e = (uint32_t)e;
    c->type = (el_ent_type)type;
    c->entry = entry;
    c->role = -1;
    c->target = -1;
    return c;
}

/* The title (not honorific) right before b becomes the role of a person. */
static void take_role(tagger *t, cand *c)
{
    if (t->title_end == c->b && c->type == EL_ENT_PERSON &&
        t->gz->entries[t->title].kind == GZ_KIND_TITLE)
        c->role = t->title;
}

/* Truncate a run at the first token (after b) where a list entry starts. */
static size_t cut_at_known(const tagger *t, size_t b, size_t e)
{
    int entry;
    for (size_t j = b + 1; j < e; j++)
        if (el_ent_gz_match(t, j, &entry))
            return j;
    return e;
}

static void rule_cand(tagger *t, size_t b, size_t e)
{
    const char *subtype;
    int type = shape_type(t, b, e, &subtype);
    bool strong = type >= 0, after_title = t->title_end == b;
    if (type < 0) {
        e = cut_at_known(t, b, e);
        if (after_title)
            type = EL_ENT_PERSON;
        else if ((t->cue[b] & CUE_GIVEN) && e - b >= 2)
            type = EL_ENT_PERSON;
        else if (e - b >= 2 && e - b <= 4 && say_follows(t, e))
            type = EL_ENT_PERSON;
        else
            type = EL_ENT_OTHER;
        strong = after_title;
    }
    cand *c = el_ent_push(t, b, e, type, -1);
    c->subtype = subtype;
    size_t s = t->doc->tokens[b].sentence;
    c->weak = !strong && (t->headline[s] || (el_ent_initial(t, b) && (type == EL_ENT_OTHER || e - b < 2)));
    take_role(t, c);
}

/* Handle position i; returns the next position. */
static size_t step(tagger *t, size_t i)
{
    int entry;
    size_t n = el_ent_gz_match(t, i, &entry);
    if (n && t->gz->entries[entry].kind != GZ_KIND_ENTITY) {
        t->title = entry;
        t->title_end = i + n;
        return i + n;
    }
    size_t run = is_cap(t, i) ? cap_run(t, i) : 0;
    const char *subtype;
    if (n && !(run > n && shape_type(t, i, i + run, &subtype) >= 0)) {
        cand *c = el_ent_push(t, i, i + n, t->gz->entries[entry].type, entry);
        take_role(t, c);
        return i + n;
    }
    if (run) {
        rule_cand(t, i, i + run);
        return t->c[t->nc - 1].e;
    }
    return i + 1;
}

void el_entity_tag(el_doc *doc, const el_gazetteer *gz)
{
    if (!doc->ntokens)
        return;
    tagger t;
    tagger_init(&t, doc, gz);
    for (size_t i = 0; i < doc->ntokens;)
        i = t.blocked[i] ? i + 1 : step(&t, i);
    el_ent_add_appositive_roles(&t);
    el_ent_resolve(&t);
    el_ent_emit(&t);
    tagger_free(&t);
    el_doc_sort_mentions(doc);
}

/* nominal.c - nominal descriptions and pronouns of people for the entity
 * stage: "the top French diplomat", "France's top diplomat", "the French
 * president" become PERSON mentions of the person they describe: the name in
 * an apposition right before them, else the nearest earlier person who holds
 * the same role (title ids in titles.tsv) and, when known, the same country
 * (from the modifier before the person's title or the people list).  "he",
 * "her" (cue kind pronoun) refer to the nearest person named before them in
 * the last few sentences.  What resolves to no one is not output (see
 * entity_internal.h). */
#include "stages/entity/entity_internal.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* How many earlier candidates a nominal or pronoun looks at (keeps huge
 * one-sentence inputs linear). */
enum { MAX_LOOKBACK = 400 };

/* Candidate ending at token e (candidates are in token order), or -1. */
static int cand_ending_at(const tagger *t, size_t e)
{
    size_t lo = 0, hi = t->nc;
    while (lo < hi) {   /* first candidate starting at or after e */
        size_t mid = (lo + hi) / 2;
        if (t->c[mid].b < e)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k-- > 0 && t->c[k].e + 8 > e;)
        if (t->c[k].e == e)
            return (int)k;
    return -1;
}

/* Start of "the [French|X's] TITLE" ending at the title start tb, or
 * SIZE_MAX when the title is not a definite description. */
static size_t nominal_start(const tagger *t, size_t tb, char nat[4])
{
    const el_doc *d = t->doc;
    size_t j = tb, s = d->tokens[tb].sentence, adjectives = 0;
    while (j > 0 && d->tokens[j - 1].sentence == s) {
        int k = cand_ending_at(t, j);
        unsigned f = d->tokens[j - 1].flags;
        if (el_ent_wc(t, j - 1) == EL_WC_THE)
            return j - 1;
        if (el_tok_is_possessive(d, j - 1)) {
            /* "France's top diplomat"; not "Lopes's secretary", "the firm's CEO" */
            int o = cand_ending_at(t, j - 1);
            if (o < 0 || t->c[o].type == EL_ENT_PERSON || t->c[o].type == EL_ENT_OTHER)
                return SIZE_MAX;
            el_ent_country_of(t, &t->c[o], nat);
            return t->c[o].b;
        } else if (k < 0 && (f & EL_TOK_WORD) && !(f & EL_TOK_CAP) &&
                   (!(t->cue[j - 1] & CUE_STOP) || (t->cue[j - 1] & CUE_MODIFIER)) && adjectives++ < 2) {
            j--;   /* "the top French diplomat", "the first US secretary of state" */
        } else if (k >= 0 && t->c[k].type != EL_ENT_PERSON) {
            char n[4];
            el_ent_country_of(t, &t->c[k], n);
            if (*n && !*nat)
                memcpy(nat, n, 4);
            j = t->c[k].b;
        } else {
            break;
        }
    }
    return SIZE_MAX;
}

/* Is title `nominal` the role `held`: the same role id, or a word of its
 * name ("the secretary" for a Secretary of State)? */
static bool same_role(const tagger *t, int held, int nominal)
{
    const el_gazetteer *gz = t->gz;
    if (held < 0 || nominal < 0)
        return false;
    if (strcmp(el_gz_str(gz, gz->entries[held].key), el_gz_str(gz, gz->entries[nominal].key)) == 0)
        return true;
    const char *h = el_gz_str(gz, gz->entries[held].name), *n = el_gz_str(gz, gz->entries[nominal].name);
    size_t hl = strlen(h), nl = strlen(n);
    for (size_t i = 0; nl && i + nl <= hl; i++)
        if (el_eq_nocase(h + i, nl, n, nl) && (i == 0 || h[i - 1] == ' ') &&
            (i + nl == hl || h[i + nl] == ' '))
            return true;
    return false;
}

/* Country of each candidate's entity: any of its mentions' role modifier
 * ("French President Ana Lopes" once makes every "Lopes" US). */
static char (*entity_countries(const tagger *t))[4]
{
    char (*nat)[4] = el_calloc(t->nc ? t->nc : 1, sizeof *nat);
    for (size_t k = 0; k < t->nc; k++) {
        size_t root = (size_t)(el_ent_identity(t, &t->c[k]) - t->c);
        if (*t->c[k].nat && !*nat[root])
            memcpy(nat[root], t->c[k].nat, 4);
    }
    for (size_t k = 0; k < t->nc; k++)
        memcpy(nat[k], nat[el_ent_identity(t, &t->c[k]) - t->c], 4);
    return nat;
}

/* Nearest person before token b who holds role `title`, of country nat
 * when the description names one ("the French president"). */
static int role_holder(const tagger *t, char (*cnat)[4], size_t n, size_t b, int title,
                       const char *nat)
{
    size_t lo = 0, hi = n;   /* the first n candidates (names, in order) before b */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->c[mid].b < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k-- > 0 && lo - k <= MAX_LOOKBACK;) {
        const cand *c = &t->c[k];
        if (c->b >= b || c->drop || c->type != EL_ENT_PERSON || !same_role(t, c->role, title))
            continue;
        if (!*nat || strcmp(nat, cnat[k]) == 0)
            return (int)k;
    }
    return -1;
}

/* "NAME, the ..." : the name right before the comma at b-1, or -1. */
static int appositive_holder(const tagger *t, size_t b)
{
    if (b < 2 || !el_tok_is(t->doc, b - 1, ","))
        return -1;
    int k = cand_ending_at(t, b - 1);
    if (k < 0 || t->c[k].type != EL_ENT_PERSON)
        return -1;
    return k;
}

void el_ent_add_nominals(tagger *t)
{
    size_t n = t->nnamed = t->nc;   /* nominals are appended; the names stay in order */
    char (*cnat)[4] = entity_countries(t);
    for (size_t i = 0; i < t->ntitles; i++) {
        const title_span *ts = &t->titles[i];
        int next = el_ent_cand_at(t, ts->e);
        if (t->gz->entries[ts->entry].kind != GZ_KIND_TITLE ||
            (next >= 0 && (size_t)next < n && t->c[next].type == EL_ENT_PERSON))
            continue;   /* "the secretary Jane Roe": the name is the mention */
        char nat[4] = "";
        size_t b = nominal_start(t, ts->b, nat);
        int holder = b == SIZE_MAX ? -1 : appositive_holder(t, b);
        if (holder < 0 && b != SIZE_MAX)
            holder = role_holder(t, cnat, n, ts->b, ts->entry, nat);
        if (holder < 0)
            continue;
        cand *c = el_ent_push(t, b, ts->e, EL_ENT_PERSON, -1);
        c->subtype = "nominal";
        c->src = EL_TSRC_COREFERENCE;
        c->target = holder;
        c->role = ts->entry;
        memcpy(c->nat, nat, 4);
    }
    free(cnat);
}

/* Gender cue (CUE_MALE/CUE_FEMALE) of a person candidate: that of the first
 * given name of the mention it refers to, else that of the pronouns already
 * resolved to it (learned[] by identity), 0 when unknown. */
static unsigned person_gender(const tagger *t, const cand *c, const unsigned *learned)
{
    const cand *id = el_ent_identity(t, c);
    unsigned g = t->cue[id->b] & (CUE_MALE | CUE_FEMALE);
    if (!g)
        g = t->cue[c->b] & (CUE_MALE | CUE_FEMALE);
    if (!g)
        g = learned[id - t->c];
    return g == (CUE_MALE | CUE_FEMALE) ? 0 : g;
}

static int cmp_by_start(const void *a, const void *b, void *ctx)
{
    const tagger *t = ctx;
    uint32_t x = t->c[*(const uint32_t *)a].b, y = t->c[*(const uint32_t *)b].b;
    return x < y ? -1 : x > y;
}

/* Person candidates (names and nominals), by start token. */
static uint32_t *people_in_order(const tagger *t, size_t *n)
{
    uint32_t *p = el_malloc((t->nc + 1) * sizeof *p);
    *n = 0;
    for (size_t k = 0; k < t->nc; k++)
        if (!t->c[k].drop && t->c[k].type == EL_ENT_PERSON)
            p[(*n)++] = (uint32_t)k;
    qsort_r(p, *n, sizeof *p, cmp_by_start, (void *)t);
    return p;
}

/* A person mention in object position: after a preposition, possibly with
 * a title between ("with President X", "including Foreign Minister Y"). */
static bool object_position(const tagger *t, const cand *c)
{
    size_t b = c->b, lo = 0, hi = t->ntitles;
    while (lo < hi) {   /* the last title ending at b (titles are in token order) */
        size_t mid = (lo + hi) / 2;
        if (t->titles[mid].e <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && t->titles[lo - 1].e == b)   /* a title right before the name */
        b = t->titles[lo - 1].b;
    return b > 0 && (t->cue[b - 1] & CUE_PREP) && t->doc->tokens[b - 1].sentence == t->doc->tokens[c->b].sentence;
}

/* Antecedent of the pronoun at token i: in its own sentence the nearest
 * person named before it that is not in object position ("Lopes said he",
 * "as Kolar started his"), else the nearest one; in the one or two
 * sentences before, the first person named (the subject, as a rule).
 * People of the other gender are skipped. */
static int antecedent(const tagger *t, const uint32_t *p, size_t np, size_t i,
                      const unsigned *learned)
{
    const el_doc *d = t->doc;
    size_t lo = 0, hi = np, s = d->tokens[i].sentence;
    unsigned g = t->cue[i] & (CUE_MALE | CUE_FEMALE);
    while (lo < hi) {   /* people starting before i: p[0..lo) */
        size_t mid = (lo + hi) / 2;
        if (t->c[p[mid]].b < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t back = 0; back <= 2 && back <= s; back++) {
        int first = -1, nearest = -1, subject = -1;
        for (size_t k = lo; k-- > 0 && lo - k <= MAX_LOOKBACK;) {
            const cand *c = &t->c[p[k]];
            size_t cs = d->tokens[c->b].sentence;
            if (cs < s - back)
                break;
            unsigned cg = person_gender(t, c, learned);
            if (cs != s - back || c->e > i || (cg && g && cg != g))
                continue;
            first = (int)p[k];   /* keep going left: the first one wins */
            if (nearest < 0)
                nearest = (int)p[k];
            if (subject < 0 && !object_position(t, c))
                subject = (int)p[k];
        }
        if (back == 0 && (subject >= 0 || nearest >= 0))
            return subject >= 0 ? subject : nearest;
        if (first >= 0)
            return first;
    }
    return -1;
}

void el_ent_add_pronouns(tagger *t)
{
    size_t np;
    uint32_t *p = people_in_order(t, &np);
    unsigned *learned = el_calloc(t->nc ? t->nc : 1, sizeof *learned);
    int last = -1;               /* antecedent of the previous pronoun ... */
    size_t last_s = SIZE_MAX;    /* ... its sentence ... */
    unsigned last_g = 0;         /* ... and gender */
    for (size_t i = 0; i < t->doc->ntokens && np; i++) {
        if (!(t->cue[i] & CUE_PRONOUN) || t->blocked[i])
            continue;
        /* "X described his talks with Y and said his meeting ...": pronouns of
         * one gender in one sentence keep the antecedent the first one found */
        size_t s = t->doc->tokens[i].sentence;
        unsigned g = t->cue[i] & (CUE_MALE | CUE_FEMALE);
        int a = last >= 0 && s == last_s && g == last_g ? last : antecedent(t, p, np, i, learned);
        if (a < 0)
            continue;
        last = a;
        last_s = s;
        last_g = g;
        learned[el_ent_identity(t, &t->c[a]) - t->c] |= t->cue[i] & (CUE_MALE | CUE_FEMALE);
        cand *c = el_ent_push(t, i, i + 1, EL_ENT_PERSON, -1);
        c->subtype = "pronoun";
        c->src = EL_TSRC_COREFERENCE;
        c->target = a;
    }
    free(learned);
    free(p);
}

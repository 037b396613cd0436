/* entity_stage.c - the entity stage: one pass over the tokens with the gazetteer
 * trie (longest match) plus general rules for names in no list (see
 * entity.h, gazetteer.h, gazetteers/entities/README.md).
 *
 * Pass 1 (here) proposes candidates left to right: gazetteer entities,
 * titles (remembered as the role of a following person), and runs of
 * capitalized words typed by their cues (organization/location suffixes and
 * heads, titles, honorifics, given and family names, "X said", "retailer
 * X").  Guesses at sentence starts and in headline-case lines are "weak":
 * they survive only when the same name is confirmed elsewhere in the
 * document.  Then coref.c adds roles from appositions, links short names to
 * full ones and confirms or drops guesses, nominal.c resolves "the top US
 * diplomat", and coref.c writes doc->mentions. */
#include "stages/entity/entity.h"
#include "stages/entity/entity_internal.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

static bool is_word(const tagger *t, size_t i)
{
    return (t->doc->tokens[i].flags & EL_TOK_WORD) && !t->blocked[i];
}

/* A capitalized word that may continue a name ("West" in "Harbor West Center"). */
static bool is_cap_inner(const tagger *t, size_t i)
{
    const el_token *k = &t->doc->tokens[i];
    return is_word(t, i) && (k->flags & EL_TOK_CAP) && !(t->cue[i] & CUE_STOP);
}

/* A capitalized word that may start a name. */
static bool is_cap(const tagger *t, size_t i)
{
    return is_cap_inner(t, i) && !(t->cue[i] & CUE_NOT_NAME);
}

/* A dash standing between spaces ("(Reuters) - Shares ...", "ANTWERP — X"):
 * what follows starts a clause, like after a colon. */
static bool spaced_dash(const el_doc *d, size_t j)
{
    if (j + 1 >= d->ntokens || (d->tokens[j].flags & EL_TOK_GLUED) || (d->tokens[j + 1].flags & EL_TOK_GLUED))
        return false;
    return el_tok_is(d, j, "-") || el_tok_is(d, j, "--") || el_tok_is(d, j, "\xe2\x80\x94") ||
           el_tok_is(d, j, "\xe2\x80\x93");
}

/* First word of its sentence, or right after an opening quote, a colon or
 * a spaced dash (a dateline's end). */
bool el_ent_initial(const tagger *t, size_t i)
{
    const el_doc *d = t->doc;
    size_t s = d->tokens[i].sentence;
    for (size_t j = i; j-- > d->sentences[s].tok_begin;) {
        if (d->tokens[j].flags & EL_TOK_WORD)
            return false;
        if ((d->tokens[j].flags & EL_TOK_QUOTE) || el_tok_is(d, j, ":") || el_tok_is(d, j, "(") ||
            spaced_dash(d, j))
            return true;
    }
    return true;
}

/* Headline case: stop words capitalized inside the sentence ("Both Sides
 * Agree To ..."), or every content word capitalized in a line without a
 * final period.  With set_cues, the words' cue bits are looked up on the
 * way (one pass over the sentence). */
static bool headline_case(tagger *t, const el_sentence *s, bool set_cues)
{
    size_t content = 0, cap = 0, cap_stop = 0;
    bool first = true;
    for (size_t i = s->tok_begin; i < s->tok_end; i++) {
        unsigned f = t->doc->tokens[i].flags;
        if (!(f & EL_TOK_WORD))
            continue;
        if (set_cues)
            t->cue[i] = el_gz_cues(t->gz, t->doc, i);
        if (t->blocked[i])
            continue;   /* "in May": a month is no capitalized stop word */
        if (t->cue[i] & CUE_STOP) {
            cap_stop += !first && (f & EL_TOK_CAP) && !(f & EL_TOK_ALLCAPS);
        } else {
            content++;
            cap += (f & EL_TOK_CAP) != 0;
        }
        first = false;
    }
    bool period = s->tok_end > s->tok_begin && el_tok_is(t->doc, s->tok_end - 1, ".");
    return cap_stop >= 2 || (!period && content >= 3 && cap == content);
}

static size_t word_bit(const el_doc *d, size_t i)
{
    return (size_t)(((uint64_t)d->tokens[i].lhash * 0x9E3779B97F4A7C15ull) >> (64 - TAGGER_HASH_BITS));
}

static bool word_noted(const uint64_t *set, const el_doc *d, size_t i)
{
    size_t b = word_bit(d, i);
    return set[b / 64] >> (b % 64) & 1;
}

/* One pass: which words the document writes capitalized inside a sentence,
 * and which right before a capitalized word (hash bits: a collision only
 * makes the rules that ask more careful). */
static void note_capitals(tagger *t)
{
    const el_doc *d = t->doc;
    t->inner_cap = el_calloc((1u << TAGGER_HASH_BITS) / 64, sizeof *t->inner_cap);
    t->before_cap = el_calloc((1u << TAGGER_HASH_BITS) / 64, sizeof *t->before_cap);
    for (size_t i = 0; i < d->ntokens; i++) {
        if (!(d->tokens[i].flags & EL_TOK_WORD))
            continue;
        size_t b = word_bit(d, i);
        if ((d->tokens[i].flags & EL_TOK_CAP) && !el_ent_initial(t, i))
            t->inner_cap[b / 64] |= 1ull << (b % 64);
        if (el_ent_same_sentence(t, i, i + 1) && (d->tokens[i + 1].flags & EL_TOK_CAP))
            t->before_cap[b / 64] |= 1ull << (b % 64);
    }
}

/* Do the sentences cover the tokens one after the other (as the tokenizer
 * makes them)?  Then cues can be looked up sentence by sentence. */
static bool sentences_partition(const el_doc *d)
{
    size_t next = 0;
    for (size_t s = 0; s < d->nsentences; s++) {
        if (d->sentences[s].tok_begin != next || d->sentences[s].tok_end < next)
            return false;
        next = d->sentences[s].tok_end;
    }
    return next == d->ntokens;
}

static void tagger_init(tagger *t, el_doc *doc, const el_gazetteer *gz)
{
    memset(t, 0, sizeof *t);
    t->doc = doc;
    t->gz = gz;
    size_t n = doc->ntokens ? doc->ntokens : 1;
    t->cue = el_calloc(n, sizeof *t->cue);
    t->blocked = el_calloc(n, sizeof *t->blocked);
    t->memo = el_malloc(n * sizeof *t->memo);
    for (size_t i = 0; i < n; i++)
        t->memo[i].len = GZ_MEMO_UNKNOWN;
    t->headline = el_calloc(doc->nsentences ? doc->nsentences : 1, sizeof *t->headline);
    bool one_pass = sentences_partition(doc);
    for (size_t i = 0; i < doc->ntokens && !one_pass; i++)
        if (doc->tokens[i].flags & EL_TOK_WORD)
            t->cue[i] = el_gz_cues(gz, doc, i);
    for (size_t x = 0; x < doc->ntimexes; x++)
        for (size_t i = doc->timexes[x].tok_begin; i < doc->timexes[x].tok_end && i < doc->ntokens; i++)
            t->blocked[i] = true;
    for (size_t s = 0; s < doc->nsentences; s++)
        t->headline[s] = headline_case(t, &doc->sentences[s], one_pass);
    t->title_end = SIZE_MAX;
    note_capitals(t);
}

static void tagger_free(tagger *t)
{
    free(t->inner_cap);
    free(t->before_cap);
    free(t->cue);
    free(t->blocked);
    free(t->memo);
    free(t->headline);
    free(t->c);
    free(t->titles);
}

/* A possessive at j ("'s", or "'" glued after a plural) inside a run that
 * is not a listed name ("Canada's X" is two names). */
static bool possessive_glue(const tagger *t, size_t b, size_t j)
{
    const el_doc *d = t->doc;
    int entry;
    if (!(d->tokens[j].flags & EL_TOK_GLUED) ||
        !(el_tok_is_possessive(d, j) || el_tok_is(d, j, "'") || el_tok_is(d, j, "\xe2\x80\x99")))
        return false;
    return !(el_ent_gz_match(t, b, &entry) == j - b && t->gz->entries[entry].kind == GZ_KIND_ENTITY);
}

/* Number of tokens from j that join a capitalized run whose first token is
 * b to a following capitalized word (0 = the run ends before j).  "of the"
 * join after any head ("Gulf of", "Hall of the"); "and", "for" after an
 * organization head ("Ministry of Commerce and Industry"), or else only if
 * the run ends in an organization suffix (*tentative: "Immigration and
 * Naturalization Service"); never before a listed name ("X and France"). */
static size_t run_glue(const tagger *t, size_t b, size_t j, unsigned heads, bool *tentative)
{
    const el_doc *d = t->doc;
    size_t k = j;
    *tentative = false;
    if (t->cue[j - 1] & CUE_ORG_SUFFIX && el_ent_wc(t, j) != EL_WC_OF)
        return 0;   /* a complete name: "X Group and Y Ltd." are two */
    int listed;   /* "France and Y Corp.": a listed name before "and" is complete */
    if (el_ent_wc(t, j) == EL_WC_AND && el_ent_gz_match(t, b, &listed) == j - b &&
        t->gz->entries[listed].kind == GZ_KIND_ENTITY)
        return 0;
    if (possessive_glue(t, b, j)) {   /* "General Dockers' Union": kept if a suffix ends it */
        *tentative = true;
        k = j + 1;
    }
    while (k < j + 2 && el_ent_same_sentence(t, b, k) && (t->cue[k] & CUE_CONNECTOR)) {
        bool of_the = el_ent_wc(t, k) == EL_WC_OF || el_ent_wc(t, k) == EL_WC_THE;
        if (!(of_the && heads) && !(heads & (CUE_ORG_HEAD | CUE_ORG_SUFFIX | CUE_EVENT_SUFFIX)))
            *tentative = true;
        k++;
    }
    if (k == j) {
        bool glue = (t->cue[j] & CUE_PARTICLE) || el_tok_is(d, j, "&") ||
                    (el_tok_is(d, j, "-") && (d->tokens[j].flags & EL_TOK_GLUED));
        k = glue ? j + 1 : j;
    }
    if (k == j || !el_ent_same_sentence(t, b, k) || !is_cap_inner(t, k))
        return 0;
    int entry;   /* "X and France": coordination of a listed name, not one name */
    if (el_ent_wc(t, j) == EL_WC_AND && el_ent_gz_match(t, k, &entry) &&
        t->gz->entries[entry].kind == GZ_KIND_ENTITY)
        return 0;
    return k - j;
}

/* "-won" glued after a short capitalized word inside a run ("Park Ji-won"):
 * a hyphenated given name whose second part is written in lower case
 * (two or three letters); its length in tokens (2), or 0. */
static size_t hyphen_given(const tagger *t, size_t j)
{
    const el_doc *d = t->doc;
    size_t n, m;
    if (j + 1 >= d->ntokens || !el_ent_same_sentence(t, j, j + 1) || !el_tok_is(d, j, "-") ||
        !(d->tokens[j].flags & EL_TOK_GLUED) || !(d->tokens[j + 1].flags & EL_TOK_GLUED) ||
        !(d->tokens[j - 1].flags & EL_TOK_CAP) || (d->tokens[j + 1].flags & EL_TOK_CAP) ||
        !(d->tokens[j + 1].flags & EL_TOK_WORD) || t->cue[j + 1])
        return 0;
    el_tok_text(d, j - 1, &n);
    el_tok_text(d, j + 1, &m);
    return n >= 2 && n <= 3 && m >= 2 && m <= 3 && !(d->tokens[j - 1].flags & EL_TOK_ALLCAPS) ? 2 : 0;
}

/* Length of the run of capitalized words starting at `b`; `listed`: its
 * first word may be one that starts no name of its own (checked by the
 * caller: "New England Journal of Medicine", "West Yorkshire Police"). */
static size_t cap_run(const tagger *t, size_t b, bool listed)
{
    size_t j = b, end = b, g, cut = 0;
    unsigned seen = 0;
    bool tentative;
    const unsigned heads = CUE_ORG_HEAD | CUE_ORG_SUFFIX | CUE_LOC_HEAD | CUE_LOC_SUFFIX | CUE_FAC_SUFFIX |
                           CUE_EVENT_SUFFIX;
    while (el_ent_same_sentence(t, b, j) && !t->blocked[j]) {
        if (j == b ? (listed ? is_word(t, j) && (t->doc->tokens[j].flags & EL_TOK_CAP) : is_cap(t, j))
                   : is_cap_inner(t, j)) {
            seen |= t->cue[j] & heads;
            end = ++j;
        } else if (j > b && (g = hyphen_given(t, j)) > 0) {
            end = j += g;   /* "Park Ji-won" */
        } else if (j > b && (g = run_glue(t, b, j, seen, &tentative)) > 0) {
            if (tentative && !cut)
                cut = end;
            j += g;
        } else {
            break;
        }
    }
    if (cut && !(t->cue[end - 1] & (CUE_ORG_SUFFIX | CUE_EVENT_SUFFIX)))
        end = cut;
    return end - b;
}

/* The word before the first connector ("Ministry" in "Ministry of X"), or e-1. */
static size_t head_word(const tagger *t, size_t b, size_t e)
{
    for (size_t i = b + 1; i < e; i++)
        if (t->cue[i] & CUE_CONNECTOR)
            return i - 1;
    return e - 1;
}

/* Type given by the shape of a run alone (suffix/head cues), or -1. */
static int shape_type(const tagger *t, size_t b, size_t e, const char **subtype)
{
    unsigned first = t->cue[b], last = t->cue[head_word(t, b, e)];
    *subtype = NULL;
    if (e - b < 2)
        return -1;
    size_t h = head_word(t, b, e);
    bool coordinated = h + 1 < e && (el_ent_wc(t, h + 1) == EL_WC_AND || el_tok_is(t->doc, h + 1, "&"));
    if ((last & CUE_ORG_SUFFIX) || ((first & CUE_ORG_HEAD) && h == b) ||
        (coordinated && (t->cue[e - 1] & CUE_ORG_SUFFIX)))   /* "Competition and Markets Authority" */
        return EL_ENT_ORGANIZATION;
    if ((last & CUE_LOC_SUFFIX) || (first & CUE_LOC_HEAD))
        return EL_ENT_LOCATION;
    if (first & CUE_ORG_START)   /* "National Hurricane Center", "Air Astana" */
        return EL_ENT_ORGANIZATION;
    if (last & CUE_FAC_SUFFIX) {
        *subtype = "facility";
        return EL_ENT_LOCATION;
    }
    if ((last & CUE_EVENT_SUFFIX) && (t->doc->tokens[h].flags & EL_TOK_CAP)) {
        *subtype = "event";   /* "Monaco Grand Prix", "X Prize for Fiction" */
        return EL_ENT_OTHER;
    }
    return -1;
}

/* Is entry a better reading of a phrase than entry b (-1 = none)?  Entities
 * beat titles, normal entries beat "low" ones, later files beat earlier ones. */
static bool better_entry(const el_gazetteer *gz, uint32_t a, int b)
{
    if (b < 0)
        return true;
    const el_gz_entry *x = &gz->entries[a], *y = &gz->entries[b];
    if ((x->kind == GZ_KIND_EXCLUDE) != (y->kind == GZ_KIND_EXCLUDE))
        return x->kind == GZ_KIND_EXCLUDE;   /* a user's exclusion wins */
    if ((x->kind == GZ_KIND_ENTITY) != (y->kind == GZ_KIND_ENTITY))
        return x->kind == GZ_KIND_ENTITY;
    if (x->low != y->low)
        return !x->low;
    return a > (uint32_t)b;
}

static size_t gz_match(const tagger *t, size_t i, int *entry);

/* Longest gazetteer match at i, remembered per token. */
size_t el_ent_gz_match(const tagger *t, size_t i, int *entry)
{
    if (i >= t->doc->ntokens) {
        *entry = -1;
        return 0;
    }
    gz_memo *memo = &t->memo[i];   /* asked several times per token: once is enough */
    if (memo->len != GZ_MEMO_UNKNOWN) {
        *entry = memo->entry;
        return memo->len;
    }
    size_t n = gz_match(t, i, entry);
    memo->entry = *entry;
    memo->len = n < GZ_MEMO_UNKNOWN ? (uint16_t)n : GZ_MEMO_UNKNOWN - 1;
    return memo->len;
}

static size_t gz_match(const tagger *t, size_t i, int *entry)
{
    uint32_t p[16];
    const el_lexicon *lx = t->doc->tokens[i].flags & EL_TOK_CAP ? t->gz->names : t->gz->lower;
    size_t np = 0, n = el_lexicon_match_all(lx, t->doc, i, p, 16, &np);
    *entry = -1;
    for (size_t k = 0; k < np; k++)
        if (better_entry(t->gz, p[k], *entry))
            *entry = (int)p[k];
    return n;
}

static bool say_follows(const tagger *t, size_t e)
{
    if (!el_ent_same_sentence(t, e - 1, e))
        return false;
    if (t->cue[e] & CUE_SAY)
        return true;
    return el_tok_is(t->doc, e, ",") && el_ent_same_sentence(t, e, e + 1) && el_ent_wc(t, e + 1) == EL_WC_WHO;
}

cand *el_ent_push(tagger *t, size_t b, size_t e, int type, int entry)
{
    cand *c = &EL_PUSH(t->c, t->nc, t->cap);
    memset(c, 0, sizeof *c);
    c->b = (uint32_t)b;
    c->e = (uint32_t)e;
    c->type = (el_ent_type)type;
    c->entry = entry;
    c->src = entry >= 0 ? EL_TSRC_GAZETTEER : EL_TSRC_RULE;
    c->role = -1;
    c->target = -1;
    return c;
}

/* The title (not honorific) right before b becomes the role of a person. */
void el_ent_country_of(const tagger *t, const cand *c, char out[4])
{
    out[0] = '\0';
    if (c->entry < 0 || (c->type != EL_ENT_LOCATION && c->type != EL_ENT_NORP))
        return;
    const char *key = el_gz_str(t->gz, t->gz->entries[c->entry].key);
    if ((strncmp(key, "iso:", 4) == 0 || strncmp(key, "nat:", 4) == 0) && strlen(key) == 6)
        memcpy(out, key + 4, 3);
}

/* The title (not honorific) right before c becomes the role of a person,
 * and the country before the title its nationality ("US Secretary ..."). */
static void take_role(tagger *t, cand *c)
{
    if (t->title_end != c->b || c->type != EL_ENT_PERSON ||
        t->gz->entries[t->title].kind != GZ_KIND_TITLE)
        return;
    c->role = t->title;
    if (*c->nat)
        return;   /* nationality from the list */
    uint32_t tb = t->titles[t->ntitles - 1].b;
    for (size_t k = t->nc - 1; k-- > 0 && t->c[k].e + 2 >= tb;)
        if (t->c[k].e == tb || (t->c[k].e + 1 == tb && el_tok_is_possessive(t->doc, tb - 1))) {
            el_ent_country_of(t, &t->c[k], c->nat);
            break;
        }
}

/* "Janet Reno", "Jack London": a given name and a city ending the run is
 * a person's name; so is a place ending a run that a title introduces
 * ("Prime Minister Rui X"), that has a particle before it ("Pieter Van X")
 * or that is a two-word name of a byline's writer, and a particle itself ("Van") is no place inside a person's name. */
static bool in_byline(const tagger *t, size_t b);

static bool surname_like_city(const tagger *t, size_t b, size_t j, size_t n, size_t e, int entry)
{
    bool person = t->title_end == b || (j > b + 1 && (t->cue[j - 1] & CUE_PARTICLE)) ||
                  (j == b + 1 && e - b == 2 && in_byline(t, b));   /* "By Ann X and Jo Y" */
    if (t->gz->entries[entry].type != EL_ENT_LOCATION)
        return false;
    if ((t->cue[j] & CUE_PARTICLE) && n == 1 && j + 1 < e)
        return true;   /* "Pieter Van Damme" */
    if ((j != b + 1 && !person) || j + n != e || (!(t->cue[b] & CUE_GIVEN) && !person))
        return false;
    const char *sub = el_gz_str(t->gz, t->gz->entries[entry].subtype);
    return strcmp(sub, "city") == 0;
}

/* A cut end backed off over the glue before it ("Ray Holt of the | X"). */
static size_t unglue(const tagger *t, size_t b, size_t j)
{
    while (j > b + 1 && (t->cue[j - 1] & CUE_CONNECTOR) && !(t->doc->tokens[j - 1].flags & EL_TOK_CAP))
        j--;
    return j;
}

static bool lower_cue(const tagger *t, size_t i, unsigned bit);

/* Truncate a run at the first token (after b) where a list entry starts. */
static size_t cut_at_known(const tagger *t, size_t b, size_t e)
{
    int entry;
    for (size_t j = b + 1; j < e; j++) {
        size_t n = el_ent_gz_match(t, j, &entry);
        if (!n || (t->gz->entries[entry].kind == GZ_KIND_ENTITY &&
                   surname_like_city(t, b, j, n, e, entry)))
            continue;
        /* "Analyst Ruth X of Y Partners": the person's name ends with the
         * place-like surname, before the lower-case connector */
        if (t->gz->entries[entry].kind == GZ_KIND_ENTITY && j + n < e && lower_cue(t, j + n, CUE_CONNECTOR) &&
            surname_like_city(t, b, j, n, j + n, entry))
            return j + n;
        /* a title cuts only where it introduces a name ("X CEO Jane Roe", not "Anna King") */
        if (t->gz->entries[entry].kind == GZ_KIND_ENTITY || (j + n < e && is_cap(t, j + n)))
            return unglue(t, b, j);
    }
    return e;
}

/* A glued hyphen inside the run ("Smith-Jones said": rather a company). */
static bool has_hyphen(const tagger *t, size_t b, size_t e)
{
    for (size_t i = b + 1; i < e; i++)
        if (el_tok_is(t->doc, i, "-"))
            return true;
    return false;
}

/* Truncate a run before an inner title that introduces a name ("U.S. Trade
 * Representative Anna Hills" is no place named "... Hills"). */
static size_t cut_at_title(const tagger *t, size_t b, size_t e)
{
    int entry;
    for (size_t j = b + 1; j < e; j++) {
        size_t n = el_ent_gz_match(t, j, &entry);
        if (n && t->gz->entries[entry].kind == GZ_KIND_TITLE && j + n < e && is_cap(t, j + n))
            return j;
    }
    return e;
}

/* Person names hold no all-capital words beyond initials ("Gene ABC" is none). */
static bool name_shaped(const tagger *t, size_t b, size_t e)
{
    for (size_t i = b + 1; i < e; i++) {
        size_t n;
        const char *s = el_tok_text(t->doc, i, &n);
        if ((t->doc->tokens[i].flags & EL_TOK_ALLCAPS) && !(n == 2 && s[1] == '.') &&
            !(t->cue[i] & CUE_PARTICLE))
            return false;
    }
    return true;
}

/* A lower-case word of cue `bit` at token i. */
static bool lower_cue(const tagger *t, size_t i, unsigned bit)
{
    return i < t->doc->ntokens && (t->cue[i] & bit) && !(t->doc->tokens[i].flags & EL_TOK_CAP);
}

/* A lower-case word of function-word class cls at token i, in the sentence
 * of token i - 1. */
static bool lower_class(const tagger *t, size_t i, unsigned cls)
{
    return i > 0 && el_ent_same_sentence(t, i - 1, i) && !(t->doc->tokens[i].flags & EL_TOK_CAP) &&
           el_ent_wc(t, i) == cls;
}

/* "the town of X": a lower-case `place-noun` and "of" right before b. */
static bool place_noun_of(const tagger *t, size_t b)
{
    return b > 1 && el_ent_wc(t, b - 1) == EL_WC_OF && lower_class(t, b - 2, EL_WC_PLACE_NOUN);
}

/* A number of at most three digits at token i. */
static bool small_number(const el_doc *d, size_t i, size_t from, size_t *end)
{
    size_t n, k = from;
    const char *s = el_tok_text(d, i, &n);
    while (k < n && k - from < 4 && s[k] >= '0' && s[k] <= '9')
        k++;
    *end = k;
    return k > from && k - from <= 3;
}

/* "beat X 2-1": a score right after the name (one token "2-1", or "2", a
 * glued hyphen or dash, "1"), so X is a team. */
static bool score_follows(const tagger *t, size_t e)
{
    const el_doc *d = t->doc;
    size_t n, k;
    if (!el_ent_same_sentence(t, e - 1, e) || !(d->tokens[e].flags & EL_TOK_NUMBER) || !small_number(d, e, 0, &k))
        return false;
    const char *s = el_tok_text(d, e, &n);
    if (k < n)   /* "2-1" as one token */
        return s[k] == '-' && small_number(d, e, k + 1, &k) && k == n;
    if (!el_ent_same_sentence(t, e, e + 2) || !(el_tok_is(d, e + 1, "-") || el_tok_is(d, e + 1, "\xe2\x80\x93")) ||
        !(d->tokens[e + 1].flags & EL_TOK_GLUED) || !(d->tokens[e + 2].flags & EL_TOK_GLUED) ||
        !(d->tokens[e + 2].flags & EL_TOK_NUMBER))
        return false;
    el_tok_text(d, e + 2, &n);
    return small_number(d, e + 2, 0, &k) && k == n;
}

/* Product context: "the maker of X", "the game X" (a lower-case product noun
 * right before, or before "of").  A noun that is also an organization noun
 * names X itself when right before it ("drug maker X", "publisher X"): only
 * its "of" form makes a product. */
static bool product_context(const tagger *t, size_t b)
{
    if (b > 0 && el_ent_same_sentence(t, b - 1, b) && lower_cue(t, b - 1, CUE_PRODUCT_NOUN) &&
        !lower_cue(t, b - 1, CUE_ORG_NOUN))
        return true;
    return b > 1 && el_ent_same_sentence(t, b - 2, b) && el_ent_wc(t, b - 1) == EL_WC_OF &&
           lower_cue(t, b - 2, CUE_PRODUCT_NOUN);
}

/* A business title right before "of" at b - 1 ("the chief executive of X"). */
static bool business_title_of(const tagger *t, size_t b)
{
    if (t->ntitles == 0 || t->title_end + 1 != b)
        return false;
    const char *sub = el_gz_str(t->gz, t->gz->entries[t->title].subtype);
    return strcmp(sub, "business") == 0;
}

/* "Acme Chief Executive Jane Roe", "Ferro driver Ana Lima": an unknown
 * name right before a business, sport or media title that introduces a
 * person is that person's employer. */
static bool employer_before_title(const tagger *t, size_t e)
{
    static const char *const employers[] = {"business", "sport", "media"};
    int entry;
    size_t n = el_ent_same_sentence(t, e - 1, e) ? el_ent_gz_match(t, e, &entry) : 0;
    if (!n || t->gz->entries[entry].kind != GZ_KIND_TITLE || !el_ent_same_sentence(t, e, e + n) ||
        !is_cap(t, e + n))
        return false;
    const char *sub = el_gz_str(t->gz, t->gz->entries[entry].subtype);
    for (size_t k = 0; k < sizeof employers / sizeof *employers; k++)
        if (strcmp(sub, employers[k]) == 0)
            return true;
    return false;
}

/* Organization context: "retailer X", "shares of X" (`org-of`, also at a
 * sentence start), "the chief executive of X", "X, a ... company". */
static bool org_context(const tagger *t, size_t b, size_t e)
{
    const el_doc *d = t->doc;
    if (b > 0 && el_ent_same_sentence(t, b - 1, b) && lower_cue(t, b - 1, CUE_ORG_NOUN))
        return true;
    if (b > 1 && el_ent_same_sentence(t, b - 2, b) && el_ent_wc(t, b - 1) == EL_WC_OF &&
        ((t->cue[b - 2] & CUE_ORG_OF) || business_title_of(t, b)))
        return true;
    if (!el_ent_same_sentence(t, b, e + 1) || (e - b == 1 && el_ent_initial(t, b)))
        return false;   /* "Moreover, the company ..." */
    if (!el_tok_is(d, e, ",") ||
        !(el_ent_wc(t, e + 1) == EL_WC_INDEF || el_ent_wc(t, e + 1) == EL_WC_THE))
        return false;
    for (size_t i = e + 2; i < e + 8 && el_ent_same_sentence(t, b, i); i++) {
        if (lower_cue(t, i, CUE_ORG_NOUN))
            return true;
        if (!(d->tokens[i].flags & (EL_TOK_WORD | EL_TOK_NUMBER)) && !el_tok_is(d, i, "-"))
            break;
    }
    return false;
}

/* Place context: "X-based" (a `loc-hyphen` word glued after a hyphen), or
 * "X, <state or country>" ("Corvalis, Oregon"). */
static bool place_context(const tagger *t, size_t b, size_t e)
{
    const el_doc *d = t->doc;
    if (el_ent_same_sentence(t, b, e + 1) && el_tok_is(d, e, "-") && (d->tokens[e].flags & EL_TOK_GLUED) &&
        (t->cue[e + 1] & CUE_LOC_HYPHEN))
        return true;
    int entry;
    if (!el_ent_same_sentence(t, b, e + 1) || !el_tok_is(d, e, ",") || !el_ent_gz_match(t, e + 1, &entry) ||
        t->gz->entries[entry].kind != GZ_KIND_ENTITY || t->gz->entries[entry].type != EL_ENT_LOCATION)
        return false;
    const char *sub = el_gz_str(t->gz, t->gz->entries[entry].subtype);
    return strcmp(sub, "state") == 0 || strcmp(sub, "country") == 0;
}

/* Does the word of token b start a longer capitalized name anywhere in the
 * document ("Mac OS X", "Kathleen Smith")? */
static bool starts_longer_name(const tagger *t, size_t b)
{
    return word_noted(t->before_cap, t->doc, b);
}

/* Token k ends its sentence, or only punctuation follows it there. */
static bool sentence_end(const tagger *t, size_t k)
{
    for (size_t i = k + 1; el_ent_same_sentence(t, k, i); i++)
        if (t->doc->tokens[i].flags & (EL_TOK_WORD | EL_TOK_NUMBER))
            return false;
    return true;
}

/* Where a lone given name is a person: before a `say` verb ("Kathleen
 * said"), alone in its sentence (a signature), or addressed at the end of
 * one ("Thanks, Kathleen."). */
static bool person_slot(const tagger *t, size_t b)
{
    if (say_follows(t, b + 1) || !sentence_end(t, b))
        return say_follows(t, b + 1);
    return el_ent_initial(t, b) || (b > 0 && el_tok_is(t->doc, b - 1, ","));
}

/* A given name alone in a person's slot (person_slot), not an English word
 * ("Will"), outside headline-case lines, and never the start of a longer name in the
 * document (that one decides: "Mac OS X"; a person's full name takes the
 * short one by coreference). */
static bool lone_given_name(const tagger *t, size_t b, size_t e)
{
    return e - b == 1 && (t->cue[b] & CUE_GIVEN) && !(t->cue[b] & CUE_SURNAME) &&
           !t->headline[t->doc->tokens[b].sentence] && !(t->doc->tokens[b].flags & EL_TOK_ALLCAPS) &&
           !el_gz_common(t->gz, t->doc, b) && person_slot(t, b) && !starts_longer_name(t, b);
}

/* A word with a capital after a lower-case letter ("MacBook"). */
static bool inner_capital(const el_doc *d, size_t i)
{
    size_t n;
    const char *s = el_tok_text(d, i, &n);
    for (size_t k = 1; k < n; k++)
        if (s[k] >= 'A' && s[k] <= 'Z' && s[k - 1] >= 'a' && s[k - 1] <= 'z')
            return true;
    return false;
}

/* "Northwind Air": a word that both starts organizations and continues
 * products (`org-start` and `product`: "Air") ending a run names an airline,
 * unless the run starts with a product-like word ("MacBook Air"). */
static bool airline_end(const tagger *t, size_t b, size_t e)
{
    const unsigned both = CUE_ORG_START | CUE_PRODUCT;
    return e - b >= 2 && (t->cue[e - 1] & both) == both && (t->doc->tokens[e - 1].flags & EL_TOK_CAP) &&
           !inner_capital(t->doc, b) && !el_ent_camel_word(t->doc, b);
}

/* "Denver Peaks", "Oslo Widgets": a listed city followed by one capitalized
 * plural word is a team or a company. */
static bool city_plural(const tagger *t, size_t b, size_t e)
{
    int entry;
    size_t n;
    const char *s = el_tok_text(t->doc, e - 1, &n);
    if (e - b != 2 || n < 4 || s[n - 1] != 's' || s[n - 2] == 's' || (t->cue[e - 1] & CUE_SURNAME) ||
        el_ent_gz_match(t, b, &entry) != 1 || t->gz->entries[entry].kind != GZ_KIND_ENTITY ||
        t->gz->entries[entry].type != EL_ENT_LOCATION)
        return false;
    const char *sub = el_gz_str(t->gz, t->gz->entries[entry].subtype);
    return strcmp(sub, "city") == 0 || strcmp(sub, "capital") == 0;
}

/* "Harlan Markets", "Orrin Home Goods": a name of two or three words outside
 * headline-case lines and not after "and" (the second half of a coordinated
 * name), the first no English word (not "Bus Stops") nor a nationality, whose last word is the plural of an English noun written only in lower case
 * (kind `common`, not `common-name`: "Banks", "Woods" and "Jobs" are
 * surnames too) names a company or a team, not a person. */
static bool common_plural_end(const tagger *t, size_t b, size_t e)
{
    size_t n;
    int entry;
    const char *s = el_tok_text(t->doc, e - 1, &n);
    if (t->headline[t->doc->tokens[b].sentence] ||
        (b > 0 && el_ent_wc(t, b - 1) == EL_WC_AND) ||
        (el_ent_gz_match(t, b, &entry) && t->gz->entries[entry].type == EL_ENT_NORP))
        return false;   /* "X Ends Days Of ...", "North X and Y Affairs department" */
    return e - b >= 2 && e - b <= 3 && !el_gz_common(t->gz, t->doc, b) && n >= 4 && s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != '\'' &&
           (t->doc->tokens[e - 1].flags & EL_TOK_CAP) && !(t->doc->tokens[e - 1].flags & EL_TOK_ALLCAPS) &&
           !(t->cue[e - 1] & (CUE_SURNAME | CUE_GIVEN | CUE_LOC_SUFFIX)) &&
           el_gz_common(t->gz, t->doc, e - 1) == GZ_COMMON_WORD;
}

/* A byline's name: after a capitalized `byline` word ("By") that starts
 * its line, over names, "and" and commas ("By Ann Lee and Bo Park"). */
static bool in_byline(const tagger *t, size_t b)
{
    const el_doc *d = t->doc;
    for (size_t j = b; j-- > 0 && el_ent_same_sentence(t, j, b);) {
        unsigned f = d->tokens[j].flags;
        if ((t->cue[j] & CUE_BYLINE) && (f & EL_TOK_CAP))
            return (f & EL_TOK_NEWLINE) || j == 0 || (f & EL_TOK_SENT_START);
        if (!(f & EL_TOK_CAP) && !el_tok_is(d, j, ",") && !(t->cue[j] & CUE_CONNECTOR))
            return false;
    }
    return false;
}

/* An agent noun's shape ("Glaciologist", "Historian", "Designer"). */
static bool agent_noun(const tagger *t, size_t i)
{
    static const char *const ends[] = {"ist", "er", "or", "ian", "ant", "ent"};
    size_t n;
    const char *s = el_tok_text(t->doc, i, &n);
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t m = strlen(ends[k]);
        if (n > m + 3 && memcmp(s + n - m, ends[k], m) == 0)
            return true;
    }
    return false;
}

/* "Fire Chief Marta X", "Glaciologist Matthias X": capitalized words
 * describing a person before a given name (English words written only in
 * lower case, or one unlisted agent noun starting the sentence) are no part
 * of the name.  Returns the number of descriptor words of the run [b, b +
 * run), or 0.  The whole run has no organization or place shape, and the name
 * after the descriptor is one to three name-shaped words. */
static size_t descriptor_words(const tagger *t, size_t b, size_t run)
{
    const char *sub;
    size_t e = b + run;
    if (run < 3 || shape_type(t, b, e, &sub) >= 0)
        return 0;
    for (size_t j = b + 1; j + 1 < e && j + 4 >= e; j++) {
        if (!(t->cue[j] & CUE_GIVEN) || el_gz_common(t->gz, t->doc, j) || !is_word(t, j + 1) ||
            !name_shaped(t, j, e) || shape_type(t, j, e, &sub) >= 0)
            continue;
        bool lower_words = true;
        for (size_t k = b; k < j && lower_words; k++)
            lower_words = is_word(t, k) && !(t->cue[k] & (CUE_GIVEN | CUE_SURNAME)) &&
                          el_gz_common(t->gz, t->doc, k) == GZ_COMMON_WORD;
        if (lower_words || (j == b + 1 && el_ent_initial(t, b) && agent_noun(t, b) &&
                            !(t->cue[b] & (CUE_GIVEN | CUE_SURNAME)) && !el_gz_common(t->gz, t->doc, b)))
            return j - b;
    }
    return 0;
}

/* Adds the candidate for the run [b, e); returns the position after it. */
static size_t rule_cand(tagger *t, size_t b, size_t e)
{
    const char *subtype;
    int type = shape_type(t, b, e, &subtype);
    bool strong = type >= 0, after_title = t->title_end == b;
    if (after_title && type < 0 && e - b == 1 && el_gz_common(t->gz, t->doc, b) == GZ_COMMON_WORD)
        return e;   /* "Premier Division": a title before one English word names no person */
    if (after_title && type == EL_ENT_LOCATION) {   /* "Trade Representative Anna Hills" */
        type = -1;
        subtype = NULL;
    }
    if (type == EL_ENT_LOCATION && !subtype && score_follows(t, e))
        type = EL_ENT_ORGANIZATION;   /* "beat Northvale City 2-1": a team */
    bool context = false;
    if (type < 0) {
        if (!product_context(t, b))   /* "the game Candy Crush Saga" stays one name */
            e = cut_at_known(t, b, e);
        if (after_title || (e - b >= 2 && e - b <= 4 && name_shaped(t, b, e) && in_byline(t, b)))
            type = EL_ENT_PERSON;
        else if (airline_end(t, b, e) || city_plural(t, b, e) || common_plural_end(t, b, e))
            type = EL_ENT_ORGANIZATION;
        else if (((t->cue[e - 1] & CUE_PRODUCT) && e - b >= 2) || product_context(t, b))
            type = EL_ENT_PRODUCT;   /* "Mac App Store", "Galaxy Pro", "the maker of X" */
        else if ((t->cue[b] & (CUE_GIVEN | CUE_SURNAME)) && e - b >= 2 && name_shaped(t, b, e))
            type = EL_ENT_PERSON;
        else if (org_context(t, b, e) || (e - b <= 2 && employer_before_title(t, e)) ||
                 lower_class(t, e, EL_WC_ORG_AFTER) || score_follows(t, e))
            type = EL_ENT_ORGANIZATION;   /* "the X party", "beat X 2-1" */
        else if (lower_class(t, e, EL_WC_FIN_AFTER))
            type = EL_ENT_FINANCIAL;   /* "the X index" */
        else if (place_noun_of(t, b) || lower_class(t, e, EL_WC_PLACE_NOUN))
            type = EL_ENT_LOCATION;   /* "the town of X", "the X peninsula" */
        else if ((t->cue[e - 1] & CUE_SURNAME) && e - b >= 2 && e - b <= 3 && name_shaped(t, b, e))
            type = EL_ENT_PERSON;
        else if (e - b >= 2 && e - b <= 3 && say_follows(t, e) && name_shaped(t, b, e) &&
                 !has_hyphen(t, b, e))
            type = EL_ENT_PERSON;
        else if (place_context(t, b, e))
            type = EL_ENT_LOCATION;
        else if (lone_given_name(t, b, e))
            type = EL_ENT_PERSON;
        else if (e - b >= 2 && el_ent_same_sentence(t, b, e) && lower_cue(t, e, CUE_PRODUCT_AFTER))
            type = EL_ENT_PRODUCT;   /* "the Carrow Tern pickup" */
        else
            type = EL_ENT_OTHER;
        context = after_title || (type == EL_ENT_PRODUCT && !(t->cue[e - 1] & CUE_PRODUCT)) ||
                  type == EL_ENT_ORGANIZATION || type == EL_ENT_LOCATION ||
                  (type == EL_ENT_PERSON && !(t->cue[b] & CUE_GIVEN) && !(t->cue[e - 1] & CUE_SURNAME));
        /* in a headline-case line every word is capitalized, so a title
         * proves nothing ("Officials Discuss Trade Issues") */
        strong = (after_title && !t->headline[t->doc->tokens[b].sentence]) ||
                 type == EL_ENT_ORGANIZATION || type == EL_ENT_PRODUCT ||
                 ((t->cue[b] & CUE_DESCRIPTOR) && e - b >= 2) ||   /* "Hurricane X" */
                 (type == EL_ENT_PERSON && in_byline(t, b));
    }
    cand *c = el_ent_push(t, b, e, type, -1);
    c->subtype = subtype;
    if (context)
        c->src = EL_TSRC_CONTEXT;
    size_t s = t->doc->tokens[b].sentence;
    c->weak = !strong && (t->headline[s] || (el_ent_initial(t, b) && (type == EL_ENT_OTHER || e - b < 2)));
    take_role(t, c);
    return e;
}

/* The title entry whose plural the word is ("Presidents"), or -1. */
static int plural_title(const tagger *t, const char *s, size_t len)
{
    if (len < 4 || len > 63 || s[len - 1] != 's')
        return -1;
    char one[64];
    memcpy(one, s, len - 1);
    one[len - 1] = '\0';
    uint32_t entry;
    if (el_lexicon_lookup(t->gz->names, one, &entry) && t->gz->entries[entry].kind == GZ_KIND_TITLE)
        return (int)entry;
    return -1;
}

/* Runs that are no name: a lone initial, a lone suffix word ("Seas"), a
 * plural title, shouting in capitals ("AGENCIES"), pieces of URLs. */
static bool implausible_run(const tagger *t, size_t b, size_t n)
{
    const el_doc *d = t->doc;
    size_t len;
    const char *s = el_tok_text(d, b, &len);
    const unsigned lone = CUE_ORG_SUFFIX | CUE_ORG_HEAD | CUE_LOC_SUFFIX | CUE_LOC_HEAD | CUE_FAC_SUFFIX;
    if (n == 1 && (len == 1 || (len == 2 && s[1] == '.') || (t->cue[b] & lone)))
        return true;
    if (n == 1 && plural_title(t, s, len) >= 0)
        return true;
    if ((d->tokens[b].flags & EL_TOK_ALLCAPS) && len > 5)
        return true;
    return b > 0 && (d->tokens[b].flags & EL_TOK_GLUED) &&
           (el_tok_is(d, b - 1, "/") || el_tok_is(d, b - 1, ".") || el_tok_is(d, b - 1, "@"));
}

/* A city name followed by unknown capitalized words in one run. */
static bool city_with_name(const tagger *t, size_t i, size_t n, size_t run, int entry)
{
    int next;
    if (run <= n)
        return false;
    const char *sub = el_gz_str(t->gz, t->gz->entries[entry].subtype);
    if (strcmp(sub, "city") != 0 && strcmp(sub, "capital") != 0)
        return false;
    return !el_ent_gz_match(t, i + n, &next) && !(t->doc->tokens[i].flags & EL_TOK_ALLCAPS);
}

/* "Presidents Ana Lopes and Boris Kolar": a plural title before a name
 * is a title. */
static bool plural_title_before_name(tagger *t, size_t i)
{
    size_t len;
    const char *s = el_tok_text(t->doc, i, &len);
    int entry = (t->doc->tokens[i].flags & EL_TOK_CAP) ? plural_title(t, s, len) : -1;
    if (entry < 0 || !el_ent_same_sentence(t, i, i + 1) || !is_cap(t, i + 1))
        return false;
    t->title = entry;
    t->title_end = i + 1;
    EL_PUSH(t->titles, t->ntitles, t->cap_titles) = (title_span){(uint32_t)i, (uint32_t)(i + 1), entry};
    return true;
}

/* "Automaker X Motors said": an `org-noun` word starting a sentence before
 * a capitalized word describes the name after it and is no part of it. */
static bool initial_org_noun(const tagger *t, size_t i)
{
    return (t->cue[i] & CUE_ORG_NOUN) && (t->doc->tokens[i].flags & EL_TOK_CAP) &&
           !(t->doc->tokens[i].flags & EL_TOK_ALLCAPS) && el_ent_initial(t, i) &&
           el_ent_same_sentence(t, i, i + 1) && is_cap(t, i + 1);
}

/* An English word starting a sentence ("Shares", "Voters", "Rescue"),
 * alone or before a connector ("Shares of X"): no name starts there. */
static bool initial_common_word(const tagger *t, size_t i)
{
    const unsigned name_word = CUE_ORG_HEAD | CUE_ORG_SUFFIX | CUE_ORG_START | CUE_LOC_HEAD |
                               CUE_LOC_SUFFIX | CUE_FAC_SUFFIX | CUE_DESCRIPTOR;   /* "Bank of X" */
    if (!is_cap(t, i) || (t->doc->tokens[i].flags & EL_TOK_ALLCAPS) || !el_ent_initial(t, i) ||
        (t->cue[i] & name_word) || el_gz_common(t->gz, t->doc, i) != GZ_COMMON_WORD)
        return false;
    if (el_ent_same_sentence(t, i, i + 1) && is_cap_inner(t, i + 1))
        return false;
    /* written capitalized inside a sentence elsewhere: a name ("Lion") */
    return !word_noted(t->inner_cap, t->doc, i);
}

/* "Valdosta, Georgia": a country's name right after "<place>," is rather a
 * state of the same name when the lists have one (entries with subtype
 * "state"); else `entry`. */
static int state_after_place(const tagger *t, size_t i, size_t n, int entry)
{
    const el_gz_entry *e = &t->gz->entries[entry];
    if (e->type != EL_ENT_LOCATION || strcmp(el_gz_str(t->gz, e->subtype), "country") != 0 || t->nc == 0 ||
        i < 2 || !el_tok_is(t->doc, i - 1, ",") || t->c[t->nc - 1].e != i - 1 ||
        t->c[t->nc - 1].type != EL_ENT_LOCATION || !el_ent_same_sentence(t, i - 2, i))
        return entry;
    const cand *before = &t->c[t->nc - 1];
    if (before->entry >= 0 && (t->gz->entries[before->entry].capital_of[0] ||
                               strcmp(el_gz_str(t->gz, t->gz->entries[before->entry].subtype), "country") == 0))
        return entry;   /* "Tbilisi, Georgia"; "France, Georgia" is a list */
    uint32_t p[16];
    size_t np;
    if (el_lexicon_match_all(t->gz->names, t->doc, i, p, 16, &np) != n)
        return entry;
    for (size_t k = 0; k < np; k++)
        if (t->gz->entries[p[k]].kind == GZ_KIND_ENTITY &&
            strcmp(el_gz_str(t->gz, t->gz->entries[p[k]].subtype), "state") == 0)
            return (int)p[k];
    return entry;
}

/* "4th U.S. Circuit Court of Appeals", "82nd Airborne Division": a digit
 * ordinal (letters of class `ordinal-suffix`) right before a name that its
 * suffix shapes as an organization belongs to the name; the end of the name
 * (exclusive), or 0. */
static size_t ordinal_org_end(const tagger *t, size_t i)
{
    const el_doc *d = t->doc;
    size_t len, k = 0, r;
    const char *s = el_tok_text(d, i, &len);
    while (k < len && s[k] >= '0' && s[k] <= '9')
        k++;
    if (k == 0 || k == len || el_gz_word_class(t->gz, s + k, len - k) != EL_WC_ORDINAL ||
        !el_ent_same_sentence(t, i, i + 1) || t->blocked[i + 1] || !(d->tokens[i + 1].flags & EL_TOK_CAP) ||
        !is_word(t, i + 1))
        return 0;
    r = cut_at_title(t, i + 1, i + 1 + cap_run(t, i + 1, true)) - i - 1;
    const char *subtype;
    return r >= 2 && shape_type(t, i + 1, i + 1 + r, &subtype) == EL_ENT_ORGANIZATION ? i + 1 + r : 0;
}

/* Handle position i; returns the next position. */
static size_t step(tagger *t, size_t i)
{
    int entry, next;
    size_t oe = (t->doc->tokens[i].flags & EL_TOK_NUMBER) ? ordinal_org_end(t, i) : 0;
    if (oe)
        return rule_cand(t, i, oe);
    size_t n = el_ent_gz_match(t, i, &entry);
    if (n > 1 && el_ent_wc(t, i) == EL_WC_THE && el_ent_gz_match(t, i + 1, &next) >= n)
        return i + 1;   /* "the Dow" must not hide "Dow Jones Industrial Average" */
    if (!n && plural_title_before_name(t, i))
        return i + 1;
    if (n && t->gz->entries[entry].kind == GZ_KIND_EXCLUDE)
        return i + n;   /* excluded by a user file: no name */
    if (!n && (initial_common_word(t, i) || initial_org_noun(t, i)))
        return i + 1;   /* "Shares of X fell", "Automaker X said": the name is X */
    size_t run = is_cap(t, i) ? cut_at_title(t, i, i + cap_run(t, i, false)) - i : 0;
    const char *subtype;
    bool shaped = run > n && shape_type(t, i, i + run, &subtype) >= 0;
    if (!run && is_word(t, i) && (t->doc->tokens[i].flags & EL_TOK_CAP) &&
        (!(t->cue[i] & CUE_STOP) || (n && t->gz->entries[entry].kind == GZ_KIND_ENTITY))) {
        /* a listed name or a compass word starting a shaped name ("New
         * England Journal of Medicine", "West Midlands Police") */
        size_t r = cut_at_title(t, i, i + cap_run(t, i, true)) - i;
        if (r > n && r > 1 && shape_type(t, i, i + r, &subtype) >= 0) {
            run = r;
            shaped = true;
        }
    }
    if (n && t->gz->entries[entry].kind != GZ_KIND_ENTITY && !shaped) {   /* not "General Widgets Inc." */
        t->title = entry;
        t->title_end = i + n;
        EL_PUSH(t->titles, t->ntitles, t->cap_titles) = (title_span){(uint32_t)i, (uint32_t)(i + n), entry};
        return i + n;
    }
    if (n && t->gz->entries[entry].kind == GZ_KIND_ENTITY && !shaped && city_with_name(t, i, n, run, entry))
        n = 0;   /* "Oslo Widgets", "Paris Smith": the run is the name, not the city */
    size_t pe = !n || t->gz->entries[entry].kind != GZ_KIND_ENTITY ? el_ent_product_end(t, i, 0)
              : t->gz->entries[entry].type == EL_ENT_ORGANIZATION ? el_ent_product_end(t, i, n) : 0;
    if (pe) {   /* "iPod nano", "Nokia N95" */
        el_ent_push(t, i, pe, EL_ENT_PRODUCT, -1);
        t->nproducts++;
        return pe;
    }
    int model = n ? -1 : el_ent_product_model_of(t, i);
    if (model >= 0) {   /* "the N95" after "Nokia N95" */
        el_ent_push(t, i, i + 1, EL_ENT_PRODUCT, -1)->target = model;
        return i + 1;
    }
    if (n && t->gz->entries[entry].kind == GZ_KIND_ENTITY && !shaped) {
        entry = state_after_place(t, i, n, entry);
        cand *c = el_ent_push(t, i, i + n, t->gz->entries[entry].type, entry);
        memcpy(c->nat, t->gz->entries[entry].country, 4);
        take_role(t, c);
        return i + n;
    }
    size_t me = n ? 0 : el_ent_model_product_end(t, i, run);
    if (me) {   /* "Nova X7", "Aerion A-220", "a Falcon 9 rocket" */
        el_ent_push(t, i, me, EL_ENT_PRODUCT, -1)->src = EL_TSRC_RULE;
        t->nproducts++;
        return me;
    }
    if (run && implausible_run(t, i, run))
        return i + run;
    size_t dw = run && !n ? descriptor_words(t, i, run) : 0;
    if (dw)
        return i + dw;   /* the name starts at the given name */
    if (run)
        return rule_cand(t, i, i + run);
    return i + 1;
}

/* A document that gives a score right after a name ("beat X 2-1") is about
 * a sport: there an unlisted name that only its place suffix made a place,
 * a settlement word (`place-noun`: "X City", "X Town"; not "X Park"), is a
 * team, as the score rule makes it where the score follows the name. */
static void teams_in_sports_documents(tagger *t)
{
    bool sports = false;
    for (size_t k = 0; k < t->nc && !sports; k++)
        sports = t->c[k].e < t->doc->ntokens && score_follows(t, t->c[k].e);
    for (size_t k = 0; sports && k < t->nc; k++) {
        cand *c = &t->c[k];
        if (c->entry < 0 && c->type == EL_ENT_LOCATION && !c->subtype && c->e - c->b >= 2 &&
            (t->cue[c->e - 1] & CUE_LOC_SUFFIX) && el_ent_wc(t, c->e - 1) == EL_WC_PLACE_NOUN) {
            c->type = EL_ENT_ORGANIZATION;
            c->src = EL_TSRC_CONTEXT;
        }
    }
}

void el_entity_tag(el_doc *doc, const el_gazetteer *gz)
{
    if (!doc->ntokens)
        return;
    tagger t;
    tagger_init(&t, doc, gz);
    const unsigned starts = EL_TOK_WORD | EL_TOK_NUMBER;   /* no entry starts with punctuation */
    for (size_t i = 0; i < doc->ntokens;)
        i = t.blocked[i] || !(doc->tokens[i].flags & starts) ? i + 1 : step(&t, i);
    teams_in_sports_documents(&t);
    el_ent_syntax_review(&t);
    el_ent_add_appositive_roles(&t);
    el_ent_resolve(&t);
    el_ent_capital_governments(&t);
    el_ent_add_nominals(&t);
    el_ent_add_pronouns(&t);
    el_ent_emit(&t);
    tagger_free(&t);
    el_doc_sort_mentions(doc);
    el_doc_fit(doc);
}

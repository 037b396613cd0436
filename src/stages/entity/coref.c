/* coref.c - in-document resolution for the entity stage: roles from
 * appositions ("X, the foreign minister"), short names to the nearest full
 * name that contains them ("Kolar" -> "Boris Kolar"), confirmation of weak
 * guesses by other mentions of the same name, and writing doc->mentions
 * with canonical keys and extents (see entity_internal.h).  Nominal
 * descriptions ("the top French diplomat") are in nominal.c. */
#include "stages/entity/entity_internal.h"
#include "base/hashmap.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- surfaces ---------------------------------------------------------- */

static const char *span_text(const tagger *t, size_t b, size_t e, size_t *n)
{
    const el_token *k = t->doc->tokens;
    *n = k[e - 1].end - k[b].start;
    return t->doc->text + k[b].start;
}

static uint32_t span_hash(const tagger *t, size_t b, size_t e)
{
    size_t n;
    const char *s = span_text(t, b, e, &n);
    return el_hash(s, n);
}

static bool same_span_text(const tagger *t, size_t b1, size_t e1, size_t b2, size_t e2)
{
    size_t n1, n2;
    const char *s1 = span_text(t, b1, e1, &n1), *s2 = span_text(t, b2, e2, &n2);
    return n1 == n2 && memcmp(s1, s2, n1) == 0;
}

/* Surface of tokens b..e with runs of white space folded to one space,
 * written at out (room for the span's bytes + 1); returns its NUL. */
static char *surface_into(const tagger *t, size_t b, size_t e, bool lower, char *out)
{
    size_t n;
    const char *s = span_text(t, b, e, &n);
    char *o = out;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            if (o > out && o[-1] != ' ')
                *o++ = ' ';
            continue;
        }
        *o++ = lower && ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
    }
    *o = '\0';
    return o;
}

/* ---- a (hash, candidate) index ------------------------------------------ */

typedef struct hpair { uint32_t h; uint32_t c; } hpair;

/* Sort pairs by (hash, candidate).  They are made in candidate order, so a
 * stable sort by hash is enough: four byte-wise counting passes. */
static void hp_sort(hpair *p, size_t n)
{
    if (n < 2)
        return;
    hpair *tmp = el_malloc(n * sizeof *tmp), *from = p, *to = tmp;
    for (unsigned shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[(from[i].h >> shift & 0xFF) + 1]++;
        for (size_t b = 1; b < 257; b++)
            count[b] += count[b - 1];
        for (size_t i = 0; i < n; i++)
            to[count[from[i].h >> shift & 0xFF]++] = from[i];
        hpair *x = from;
        from = to;
        to = x;
    }
    free(tmp);   /* after an even number of passes the result is back in p */
}

/* How far a short name or an unconfirmed name looks for its match among
 * the mentions with the same text hash, on each side (keeps documents that
 * repeat one name very often linear). */
enum { BUCKET_WINDOW = 64 };

/* First pair with hash h (or n). */
static size_t hp_find(const hpair *p, size_t n, uint32_t h)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p[mid].h < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The pairs with hash h around candidate ci: [*lo, *hi), at most
 * BUCKET_WINDOW on each side of ci's place (pairs are by hash, then index). */
static void hp_window(const hpair *p, size_t n, uint32_t h, size_t ci, size_t *lo, size_t *hi)
{
    size_t b = hp_find(p, n, h), e = b, at;
    for (size_t hi_ = n; e < hi_;) {   /* end of the bucket: a binary search, so a
                                          name repeated very often stays cheap */
        size_t mid = (e + hi_) / 2;
        if (p[mid].h == h)
            e = mid + 1;
        else
            hi_ = mid;
    }
    size_t l = b, r = e;
    while (l < r) {
        size_t mid = (l + r) / 2;
        if (p[mid].c < ci)
            l = mid + 1;
        else
            r = mid;
    }
    at = l;
    *lo = at - b > BUCKET_WINDOW ? at - BUCKET_WINDOW : b;
    *hi = e - at > BUCKET_WINDOW ? at + BUCKET_WINDOW : e;
}

/* ---- roles from appositions -------------------------------------------- */

int el_ent_cand_at(const tagger *t, size_t j)
{
    size_t lo = 0, hi = t->nc;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->c[mid].b < j)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->nc && t->c[lo].b == j ? (int)lo : -1;
}

/* Skip "the", "'s" and non-person candidates from token j on; the country
 * among them goes to nat ("the US secretary of state"). */
static size_t skip_modifiers(const tagger *t, size_t j, size_t s, char nat[4])
{
    const el_doc *d = t->doc;
    while (j < d->ntokens && d->tokens[j].sentence == s) {
        int k = el_ent_cand_at(t, j);
        if (el_ent_wc(t, j) == EL_WC_THE || el_tok_is_possessive(d, j)) {
            j++;
        } else if (k >= 0 && t->c[k].type != EL_ENT_PERSON) {
            char n[4];
            el_ent_country_of(t, &t->c[k], n);
            if (*n)
                memcpy(nat, n, 4);
            j = t->c[k].e;
        } else {
            break;
        }
    }
    return j;
}

/* "NAME, the [NORP|LOC|ORG ['s]] TITLE" -> role (and PERSON for a bare name). */
static void apposition_role(tagger *t, cand *c)
{
    const el_doc *d = t->doc;
    size_t j = c->e, s = d->tokens[c->b].sentence;
    if (j >= d->ntokens || !el_tok_is(d, j, ","))
        return;
    char nat[4] = "";
    j++;   /* "NAME, a (former) TITLE": an indefinite article and modifiers before it */
    if (j < d->ntokens && el_ent_wc(t, j) == EL_WC_INDEF)
        for (j++; j < d->ntokens && (el_gz_cues(t->gz, d, j) & CUE_MODIFIER) &&
                  !(d->tokens[j].flags & EL_TOK_CAP);)
            j++;
    j = skip_modifiers(t, j, s, nat);
    int entry;
    if (j < d->ntokens && d->tokens[j].sentence == s && el_ent_gz_match(t, j, &entry) &&
        t->gz->entries[entry].kind == GZ_KIND_TITLE) {
        c->role = entry;
        if (*nat)
            memcpy(c->nat, nat, 4);
        c->type = EL_ENT_PERSON;
        c->src = EL_TSRC_CONTEXT;
        c->weak = false;
    }
}

/* Title ending at token e, or -1. */
static int title_ending_at(const tagger *t, size_t e)
{
    size_t lo = 0, hi = t->ntitles;   /* titles are in token order */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->titles[mid].e < e)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->ntitles && t->titles[lo].e == e ? t->titles[lo].entry : -1;
}

/* "a TITLE, NAME," (the title j tokens long ends at j): an indefinite title
 * before a name set off by commas on both sides. */
static bool closed_apposition(const tagger *t, const cand *c, size_t j)
{
    const el_doc *d = t->doc;
    size_t k = j;
    while (k > 0 && el_ent_same_sentence(t, k - 1, j) && !(d->tokens[k - 1].flags & EL_TOK_CAP) &&
           el_ent_wc(t, k - 1) != EL_WC_INDEF && (d->tokens[k - 1].flags & EL_TOK_WORD) && j - k < 3)
        k--;   /* back over the title's words */
    return k > 0 && el_ent_wc(t, k - 1) == EL_WC_INDEF && el_ent_same_sentence(t, c->b, c->e) &&
           el_tok_is(d, c->e, ",");
}

/* "TITLE (of|for) [the] ORG, NAME" -> role (and PERSON for a bare name). */
static void preceding_title_role(tagger *t, size_t ci)
{
    cand *c = &t->c[ci];
    const el_doc *d = t->doc;
    if (c->b < 2 || !el_tok_is(d, c->b - 1, ","))
        return;
    size_t j = c->b - 1;   /* walk back over "of the Foreign Ministry" */
    for (size_t k = ci; j > 0;) {
        if (k > 0 && t->c[k - 1].e == j && t->c[k - 1].type != EL_ENT_PERSON)
            j = t->c[--k].b;
        else if (el_ent_wc(t, j - 1) == EL_WC_OF || el_ent_wc(t, j - 1) == EL_WC_FOR || el_ent_wc(t, j - 1) == EL_WC_THE)
            j--;
        else
            break;
    }
    int entry = title_ending_at(t, j);
    if (entry >= 0 && t->gz->entries[entry].kind == GZ_KIND_TITLE && (j < c->b - 1 || closed_apposition(t, c, j))) {
        c->role = entry;
        c->type = EL_ENT_PERSON;
        c->src = EL_TSRC_CONTEXT;
        c->weak = false;
    }
}

void el_ent_add_appositive_roles(tagger *t)
{
    for (size_t i = 0; i < t->nc; i++) {
        cand *c = &t->c[i];
        bool bare = c->type == EL_ENT_OTHER && c->e - c->b >= 2;
        if ((c->type != EL_ENT_PERSON && !bare) || c->role >= 0)
            continue;
        apposition_role(t, c);
        if (c->role < 0)
            preceding_title_role(t, i);
    }
}

/* ---- short names -------------------------------------------------------- */

static bool is_full_person(const cand *c)
{
    return c->type == EL_ENT_PERSON && c->e - c->b >= 2 && c->target < 0;
}

/* 0 = no, 1 = a short name (first or last word of a full one), 2 = only as
 * the last word (a list entry that is also a surname: "Jordan"). */
static int may_be_short_name(const tagger *t, const cand *c)
{
    if (c->e - c->b != 1)
        return 0;
    if (c->entry >= 0)
        return t->gz->entries[c->entry].type == EL_ENT_PERSON ? 0 : 2;
    return c->type == EL_ENT_PERSON || c->type == EL_ENT_OTHER;
}

static hpair *index_full_names(const tagger *t, size_t *np)
{
    hpair *p = el_malloc((2 * t->nc + 1) * sizeof *p);
    size_t n = 0;
    for (size_t i = 0; i < t->nc; i++) {
        const cand *c = &t->c[i];
        if (!is_full_person(c))
            continue;
        p[n++] = (hpair){span_hash(t, c->b, c->b + 1), (uint32_t)i};
        p[n++] = (hpair){span_hash(t, c->e - 1, c->e), (uint32_t)i};
    }
    hp_sort(p, n);
    *np = n;
    return p;
}

/* Nearest full person containing the single word of s: names from the
 * lists first, then the nearest, preceding ones winning ties. */
static int nearest_full(const tagger *t, const hpair *p, size_t np, size_t s, bool last_only)
{
    const cand *c = &t->c[s];
    uint32_t h = span_hash(t, c->b, c->e);
    int best = -1;
    size_t best_d = SIZE_MAX, lo, hi;
    hp_window(p, np, h, s, &lo, &hi);
    for (size_t k = lo; k < hi; k++) {
        const cand *f = &t->c[p[k].c];
        bool last = same_span_text(t, c->b, c->e, f->e - 1, f->e);
        if (!last && (last_only || !same_span_text(t, c->b, c->e, f->b, f->b + 1)))
            continue;
        size_t d = f->b < c->b ? 2 * (c->b - f->b) : 2 * (f->b - c->b) + 1;
        if (f->entry < 0)
            d += SIZE_MAX / 2;
        if (d < best_d) {
            best_d = d;
            best = (int)p[k].c;
        }
    }
    return best;
}

static void resolve_short_names(tagger *t)
{
    size_t np;
    hpair *p = index_full_names(t, &np);
    for (size_t i = 0; i < t->nc; i++) {
        cand *c = &t->c[i];
        int kind = may_be_short_name(t, c);
        if (!kind)
            continue;
        int f = nearest_full(t, p, np, i, kind == 2);
        if (f >= 0) {
            c->target = f;
            c->type = EL_ENT_PERSON;
            c->src = c->target >= 0 ? EL_TSRC_COREFERENCE : EL_TSRC_CONTEXT;
            c->weak = false;
        }
    }
    free(p);
}

/* ---- confirmation of weak and untyped candidates ------------------------- */

static hpair *index_confirmed(const tagger *t, size_t *np)
{
    hpair *p = el_malloc((t->nc + 1) * sizeof *p);
    size_t n = 0;
    for (size_t i = 0; i < t->nc; i++)
        if (!t->c[i].weak)
            p[n++] = (hpair){span_hash(t, t->c[i].b, t->c[i].e), (uint32_t)i};
    hp_sort(p, n);
    *np = n;
    return p;
}

/* Another confirmed candidate with the same text, typed if `typed`. */
static int same_name(const tagger *t, const hpair *p, size_t np, size_t i, bool typed)
{
    const cand *c = &t->c[i];
    uint32_t h = span_hash(t, c->b, c->e);
    size_t lo, hi;
    hp_window(p, np, h, i, &lo, &hi);
    for (size_t k = lo; k < hi; k++) {
        const cand *o = &t->c[p[k].c];
        if (p[k].c == i || !same_span_text(t, c->b, c->e, o->b, o->e))
            continue;
        if (!typed || (o->type != EL_ENT_OTHER))
            return (int)p[k].c;
    }
    return -1;
}

static void confirm(tagger *t)
{
    size_t np;
    hpair *p = index_confirmed(t, &np);
    for (size_t i = 0; i < t->nc; i++) {
        cand *c = &t->c[i];
        if (c->target >= 0 || (!c->weak && c->type != EL_ENT_OTHER))
            continue;
        int o = same_name(t, p, np, i, true);
        if (o < 0 && c->weak)
            o = same_name(t, p, np, i, false);
        if (o >= 0) {
            c->target = o;
            c->src = c->type == t->c[o].type ? c->src : EL_TSRC_COREFERENCE;
            c->type = t->c[o].type;
            c->weak = false;
        } else if (c->weak) {
            c->drop = true;
        }
    }
    free(p);
}

/* The candidate of list item k's neighbour in direction dir (-1, +1) when a
 * comma or "and" separates them ("A, B and C"), or NULL. */
static const cand *list_neighbour(const tagger *t, size_t k, int dir)
{
    const el_doc *d = t->doc;
    const cand *c = &t->c[k];
    if (dir < 0 ? (k == 0 || c->b < 2) : (k + 1 >= t->nc || c->e + 1 >= d->ntokens))
        return NULL;
    const cand *o = &t->c[dir < 0 ? k - 1 : k + 1];
    size_t sep = dir < 0 ? c->b - 1 : c->e;
    bool adjacent = dir < 0 ? o->e == sep : o->b == sep + 1;
    if (!adjacent || o->drop || d->tokens[o->b].sentence != d->tokens[c->b].sentence ||
        !(el_tok_is(d, sep, ",") || el_ent_wc(t, sep) == EL_WC_AND))
        return NULL;
    return o;
}

/* Names in a list of people are people: "A Smith, B Jones and C Doe" with
 * C Doe in no list and of no telling shape still is a person when the
 * items on both sides of it are (two-to-three-word names only). */
static void list_members(tagger *t)
{
    for (size_t k = 0; k < t->nc; k++) {   /* names only: nominals come later */
        cand *c = &t->c[k];
        if (c->type != EL_ENT_OTHER || c->target >= 0 || c->e - c->b < 2 || c->e - c->b > 3)
            continue;
        const cand *l = list_neighbour(t, k, -1), *r = list_neighbour(t, k, +1);
        if (l && r && l->type == EL_ENT_PERSON && r->type == EL_ENT_PERSON) {
            c->type = EL_ENT_PERSON;
            c->src = c->target >= 0 ? EL_TSRC_COREFERENCE : EL_TSRC_CONTEXT;
            c->weak = false;
        }
    }
}

/* ---- identity of names that are variants of another ------------------- */

/* Make c a mention of candidate f's entity (and of its type). */
static void bind_to(tagger *t, cand *c, size_t f)
{
    const cand *root = el_ent_identity(t, &t->c[f]);
    c->target = (int)(root - t->c);
    c->src = c->type == root->type ? c->src : EL_TSRC_COREFERENCE;
    c->type = root->type;
    c->weak = false;
}

/* Is the capitalized token i a word of a name's initials (not "of", "and", "&", "-")? */
static bool initial_word(const tagger *t, size_t i)
{
    const el_token *k = &t->doc->tokens[i];
    return (k->flags & EL_TOK_WORD) && (k->flags & EL_TOK_CAP);
}

/* Do the initials of f's capitalized words spell the all-capital word at a
 * ("Competition and Markets Authority" -> "CMA"; connectors are skipped)? */
static bool spells(const tagger *t, const cand *f, size_t a)
{
    size_t n, k = 0;
    const char *s = el_tok_text(t->doc, a, &n);
    for (size_t i = f->b; i < f->e; i++) {
        if (!initial_word(t, i)) {
            if ((t->doc->tokens[i].flags & EL_TOK_WORD) && !(t->cue[i] & (CUE_CONNECTOR | CUE_STOP)))
                return false;
            continue;
        }
        while (k < n && s[k] == '.')
            k++;
        if (k >= n || s[k] != t->doc->text[t->doc->tokens[i].start])
            return false;
        k++;
    }
    while (k < n && s[k] == '.')
        k++;
    return k == n;
}

/* A single all-capital word of two to eight letters ("CMA", "U.N."). */
static bool acronym_cand(const tagger *t, const cand *c)
{
    size_t n;
    el_tok_text(t->doc, c->b, &n);
    return c->e - c->b == 1 && (t->doc->tokens[c->b].flags & EL_TOK_ALLCAPS) && n >= 2 && n <= 12 &&
           c->target < 0 && c->type != EL_ENT_PERSON;
}

/* How many candidates back an acronym looks for its expansion or its
 * definition (keeps long documents linear). */
enum { IDENTITY_WINDOW = 200 };

/* The candidate of two or more words before acronym candidate i whose
 * initials it spells, nearest first, or -1; with `paren` only the one right
 * before "(" ACRONYM ("Competition and Markets Authority (CMA)"). */
static int expansion_of(const tagger *t, size_t i, bool paren)
{
    const cand *c = &t->c[i];
    for (size_t j = i; j-- > 0 && i - j <= IDENTITY_WINDOW;) {
        const cand *f = &t->c[j];
        if (paren && (f->e + 1 != c->b || !el_tok_is(t->doc, f->e, "(")))
            return -1;
        if (f->e - f->b >= 2 && f->type != EL_ENT_PERSON && f->subtype == NULL && spells(t, f, c->b))
            return (int)j;
    }
    return -1;
}

/* An acronym takes the identity of its expansion in the text: defined in
 * parentheses ("... Authority (CMA)"), then every mention of it, even one a
 * list reads otherwise; an unlisted acronym also takes an earlier name whose
 * initials it spells. */
static void resolve_acronyms(tagger *t)
{
    for (size_t i = 0; i < t->nc; i++) {
        cand *c = &t->c[i];
        if (!acronym_cand(t, c))
            continue;
        int f = expansion_of(t, i, true);
        for (size_t k = i > IDENTITY_WINDOW ? i - IDENTITY_WINDOW : 0; f < 0 && k < i; k++)   /* defined before */
            if (t->c[k].target >= 0 && same_span_text(t, c->b, c->e, t->c[k].b, t->c[k].e) &&
                t->c[k].b > 0 && el_tok_is(t->doc, t->c[k].b - 1, "("))
                f = t->c[k].target;
        if (f < 0 && c->entry < 0)
            f = expansion_of(t, i, false);
        if (f >= 0)
            bind_to(t, c, (size_t)f);
    }
}

/* Do the tokens of c begin the name f, word for word? */
static bool begins(const tagger *t, const cand *c, const cand *f)
{
    if (f->e - f->b <= c->e - c->b)
        return false;
    for (size_t k = 0; k < c->e - c->b; k++)
        if (!same_span_text(t, c->b + k, c->b + k + 1, f->b + k, f->b + k + 1))
            return false;
    return true;
}

/* Is the word of f after c's words a name word or a legal form ("Acme
 * Widgets", "Acme Inc."), not a generic head ("State Department"), and c no
 * given name ("Anna" of "Anna Lee Holdings")? */
static bool variant_word(const tagger *t, const cand *c, const cand *f)
{
    unsigned next = t->cue[f->b + (c->e - c->b)];
    const unsigned generic = CUE_ORG_SUFFIX | CUE_ORG_HEAD | CUE_LOC_SUFFIX | CUE_FAC_SUFFIX | CUE_CONNECTOR;
    if (t->cue[c->b] & CUE_GIVEN)
        return false;
    return (next & CUE_CORP) || !(next & generic);
}

/* A small listed place c ("X") that begins the organization f ("X Games")
 * is f where it owns something or speaks ("X's parent company", "X said"),
 * and f's next word is no place word ("X Police" ... "in X" stays the place). */
static bool place_variant(const tagger *t, const cand *c, const cand *f)
{
    unsigned next = t->cue[f->b + (c->e - c->b)];
    if (next & (CUE_LOC_SUFFIX | CUE_FAC_SUFFIX | CUE_CONNECTOR) || !el_ent_same_sentence(t, c->b, c->e))
        return false;
    return el_tok_is_possessive(t->doc, c->e) || (t->cue[c->e] & CUE_SAY);
}

/* An unlisted organization or untyped name that begins a longer organization
 * of the document is that organization: "Acme Widgets Inc." = "Acme Widgets"
 * = "Acme" (legal forms and parent names).  The longest such name wins.  So
 * is a small place of the generated lists (a `low` entry: "Stonegate" after
 * "Stonegate Games"), which any other reading beats. */
static void resolve_org_variants(tagger *t)
{
    hpair *p = el_malloc((t->nc + 1) * sizeof *p);
    size_t np = 0, lo, hi;
    for (size_t j = 0; j < t->nc; j++) {   /* organizations of two or more words, by first word */
        const cand *f = &t->c[j];
        if (f->type == EL_ENT_ORGANIZATION && !f->weak && !f->subtype && f->e - f->b >= 2)
            p[np++] = (hpair){span_hash(t, f->b, f->b + 1), (uint32_t)j};
    }
    hp_sort(p, np);
    for (size_t i = 0; i < t->nc && np; i++) {
        cand *c = &t->c[i];
        bool low_place = c->entry >= 0 && t->gz->entries[c->entry].low && c->type == EL_ENT_LOCATION;
        if (c->target >= 0 || (c->entry >= 0 && !low_place) || (c->subtype && !low_place) ||
            (c->type != EL_ENT_ORGANIZATION && c->type != EL_ENT_OTHER && !low_place))
            continue;
        int best = -1;
        hp_window(p, np, span_hash(t, c->b, c->b + 1), i, &lo, &hi);
        for (size_t k = lo; k < hi; k++) {
            const cand *f = &t->c[p[k].c];
            if (p[k].c != i && begins(t, c, f) &&
                (best < 0 || f->e - f->b > t->c[best].e - t->c[best].b))
                best = (int)p[k].c;
        }
        if (best >= 0 && (low_place ? place_variant(t, c, &t->c[best]) : variant_word(t, c, &t->c[best])))
            bind_to(t, c, (size_t)best);
    }
    free(p);
}

/* A one-word name that ends a "descriptor + name" of the document is that
 * entity: "Hurricane Ana" = "Ana". */
static void resolve_descriptors(tagger *t)
{
    hpair *p = el_malloc((t->nc + 1) * sizeof *p);
    size_t np = 0, lo, hi;
    for (size_t j = 0; j < t->nc; j++)   /* "Hurricane X", by X */
        if (t->c[j].e - t->c[j].b == 2 && (t->cue[t->c[j].b] & CUE_DESCRIPTOR))
            p[np++] = (hpair){span_hash(t, t->c[j].e - 1, t->c[j].e), (uint32_t)j};
    hp_sort(p, np);
    for (size_t i = 0; i < t->nc && np; i++) {
        cand *c = &t->c[i];
        if (c->target >= 0 || c->e - c->b != 1 || c->subtype ||
            (c->entry >= 0 && t->gz->entries[c->entry].type != EL_ENT_PERSON))
            continue;
        hp_window(p, np, span_hash(t, c->b, c->e), i, &lo, &hi);
        for (size_t k = lo; k < hi; k++)
            if (same_span_text(t, c->b, c->e, t->c[p[k].c].e - 1, t->c[p[k].c].e)) {
                bind_to(t, c, p[k].c);
                break;
            }
    }
    free(p);
}

void el_ent_resolve(tagger *t)
{
    resolve_acronyms(t);
    resolve_org_variants(t);
    resolve_descriptors(t);
    resolve_short_names(t);
    confirm(t);
    list_members(t);
}

/* ---- output ---------------------------------------------------------------- */

const cand *el_ent_identity(const tagger *t, const cand *c)
{
    for (int depth = 0; c->target >= 0 && depth < 8; depth++)
        c = &t->c[c->target];
    return c;
}

/* MEANTIME/ACE extent: a place or organization named with "the" takes it
 * ("the United States", "the European Union"), unless "the" belongs to a noun
 * after the name ("the US market"). */
static size_t extent_begin(const tagger *t, const cand *c, uint32_t prev_end)
{
    const el_doc *d = t->doc;
    size_t b = c->b, e = c->e;
    if (c->type != EL_ENT_LOCATION && c->type != EL_ENT_ORGANIZATION && c->type != EL_ENT_PRODUCT &&
        c->type != EL_ENT_FINANCIAL)
        return b;
    if (b == 0 || b - 1 < prev_end || el_ent_wc(t, b - 1) != EL_WC_THE ||
        d->tokens[b - 1].sentence != d->tokens[b].sentence)
        return b;   /* (tested first: the cheapest, and most names have no "the") */
    if (c->entry >= 0) {   /* cities take no article: "the Springfield, Illinois-based firm" */
        const char *sub = el_gz_str(t->gz, t->gz->entries[c->entry].subtype);
        if (strcmp(sub, "city") == 0 || strcmp(sub, "capital") == 0)
            return b;
    }
    bool end = e >= d->ntokens || d->tokens[e].sentence != d->tokens[b].sentence;
    if (!end && (d->tokens[e].flags & EL_TOK_GLUED) && el_tok_is(d, e, "-"))
        return b;   /* "the France-Spain relationship" */
    if (!end && el_tok_is(d, e, ",")) {   /* "the Springfield, Ill., area" */
        int k = el_ent_cand_at(t, e + 1);
        if (k >= 0 && t->c[k].type == EL_ENT_LOCATION)
            return b;
    }
    if (end || !(d->tokens[e].flags & EL_TOK_WORD) || (t->cue[e] & (CUE_STOP | CUE_SAY)))
        return b - 1;
    return b;
}

/* The copies among the document's strings already made while writing its
 * mentions: a name mentioned again, and the pronouns and short names that
 * take its identity, share them instead of copying the same key and name
 * once per mention (mention strings are never changed in place). */
typedef struct gz_copy {
    char *key, *name, *subtype;   /* NULL = not copied yet */
} gz_copy;

typedef struct emit_copies {
    el_hashmap map;               /* gazetteer entry (its own hash) -> its index in gz */
    gz_copy *gz; size_t ngz;      /* by gazetteer entry (entities, roles), as first met */
    char **rule_key, **rule_name; /* by identity candidate (names no list holds) ... */
    el_ent_type *rule_type;       /* ... and the type rule_key was made with */
    const char *sub_from[8]; char *sub_copy[8]; size_t nsub;   /* rule subtypes
                                     (a handful of literals) */
} emit_copies;

static void copies_init(emit_copies *cp, const tagger *t)
{
    size_t n = 0;   /* gazetteer entries the mentions can ask for, at most */
    for (size_t i = 0; i < t->nc; i++)
        n += (t->c[i].entry >= 0) + (t->c[i].role >= 0);
    cp->map = (el_hashmap)EL_HASHMAP_INIT;
    el_hashmap_reserve(&cp->map, n);
    cp->gz = el_malloc((n + 1) * sizeof *cp->gz);
    cp->ngz = 0;
    size_t nc = t->nc ? t->nc : 1;
    cp->rule_key = el_calloc(nc, sizeof *cp->rule_key);
    cp->rule_name = el_calloc(nc, sizeof *cp->rule_name);
    cp->rule_type = el_calloc(nc, sizeof *cp->rule_type);
    cp->nsub = 0;
}

static void copies_free(emit_copies *cp)
{
    el_hashmap_free(&cp->map);
    free(cp->gz);
    free(cp->rule_key);
    free(cp->rule_name);
    free(cp->rule_type);
}

/* The copies of entry's strings (an entry some candidate has: identities
 * are candidates, so the count in copies_init covers them). */
static gz_copy *gz_copy_of(emit_copies *cp, int entry)
{
    el_hashmap_probe p = el_hashmap_find(&cp->map, (uint32_t)entry);
    uint32_t v;
    if (!el_hashmap_next(&cp->map, &p, &v)) {   /* the hash is the entry: no two share it */
        v = (uint32_t)cp->ngz++;
        cp->gz[v] = (gz_copy){NULL, NULL, NULL};
        el_hashmap_put(&cp->map, (uint32_t)entry, v);
    }
    return &cp->gz[v];
}

static char *gz_name_copy(tagger *t, emit_copies *cp, int entry)
{
    gz_copy *g = gz_copy_of(cp, entry);
    if (!g->name)
        g->name = el_doc_str(t->doc, el_gz_str(t->gz, t->gz->entries[entry].name));
    return g->name;
}

static char *sub_copy(tagger *t, emit_copies *cp, const char *sub)
{
    for (size_t i = 0; i < cp->nsub; i++)
        if (cp->sub_from[i] == sub)
            return cp->sub_copy[i];
    char *copy = el_doc_str(t->doc, sub);
    if (cp->nsub < sizeof cp->sub_from / sizeof *cp->sub_from) {
        cp->sub_from[cp->nsub] = sub;
        cp->sub_copy[cp->nsub++] = copy;
    }
    return copy;
}

static void emit_one(tagger *t, emit_copies *cp, const cand *c, uint32_t prev_end)
{
    const cand *id = el_ent_identity(t, c);
    const el_gazetteer *gz = t->gz;
    size_t b = extent_begin(t, c, prev_end);
    el_mention *m;
    if (id->entry >= 0) {   /* gazetteer strings, copied once per document */
        gz_copy *g = gz_copy_of(cp, id->entry);
        if (!g->key)
            g->key = el_doc_str(t->doc, el_gz_str(gz, gz->entries[id->entry].key));
        if (!g->name)
            g->name = el_doc_str(t->doc, el_gz_str(gz, gz->entries[id->entry].name));
        m = el_doc_add_mention_own(t->doc, (uint32_t)b, c->e, c->type, g->key, g->name);
    } else {   /* "TYPE:lower-case surface" (the mention's type, the identity's
                  surface) and the surface, made once per identity and type */
        size_t ix = (size_t)(id - t->c), n, ke = id->e;
        while (ke - 1 > id->b && ((t->cue[ke - 1] & CUE_CORP) || el_tok_is(t->doc, ke - 1, ",")))
            ke--;   /* "Acme Inc." and "Acme" are one key */
        span_text(t, id->b, id->e, &n);
        if (!cp->rule_key[ix] || cp->rule_type[ix] != c->type) {
            const char *tn = el_ent_type_name(c->type);
            size_t tl = strlen(tn);
            char *key = el_doc_stralloc(t->doc, tl + n + 2);
            memcpy(key, tn, tl);
            key[tl] = ':';
            surface_into(t, id->b, ke, true, key + tl + 1);
            cp->rule_key[ix] = key;
            cp->rule_type[ix] = c->type;
        }
        if (!cp->rule_name[ix]) {
            cp->rule_name[ix] = el_doc_stralloc(t->doc, n + 1);
            surface_into(t, id->b, id->e, false, cp->rule_name[ix]);
        }
        m = el_doc_add_mention_own(t->doc, (uint32_t)b, c->e, c->type, cp->rule_key[ix],
                                   cp->rule_name[ix]);
    }
    if (c->subtype) {   /* "pronoun", "nominal", "facility" */
        m->subtype = sub_copy(t, cp, c->subtype);
    } else if (id->entry >= 0 && gz->entries[id->entry].subtype) {
        gz_copy *g = gz_copy_of(cp, id->entry);
        if (!g->subtype)
            g->subtype = el_doc_str(t->doc, el_gz_str(gz, gz->entries[id->entry].subtype));
        m->subtype = g->subtype;
    }
    if (c->role >= 0)
        m->role = gz_name_copy(t, cp, c->role);
    m->confidence = c->entry >= 0 ? 0.9f : c->type == EL_ENT_OTHER ? 0.4f : 0.7f;
    m->type_source = c->type == EL_ENT_OTHER && c->src != EL_TSRC_GAZETTEER ? EL_TSRC_NONE
                                                                      : (el_type_source)c->src;
}

void el_ent_emit(tagger *t)
{
    uint32_t prev_end = 0;
    size_t n = t->doc->nmentions;
    for (size_t i = 0; i < t->nc; i++)
        n += !t->c[i].drop;
    t->doc->mentions = el_grow(t->doc->mentions, &t->doc->cap_mentions, n,
                               sizeof *t->doc->mentions);   /* one allocation */
    emit_copies cp;
    copies_init(&cp, t);
    for (size_t i = 0; i < t->nc; i++)
        if (!t->c[i].drop) {
            emit_one(t, &cp, &t->c[i], prev_end);
            prev_end = t->c[i].e;
        }
    copies_free(&cp);
}

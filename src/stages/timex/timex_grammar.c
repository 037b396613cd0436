/* timex_grammar.c - the grammar of the time stage: helpers shared by the
 * rules (numbers, amounts, tense, results) and the dispatch that runs the
 * rules (timex_rules_calendar.c, timex_rules_relative.c) at a token, after
 * an optional modifier, keeping the longest match.  The rules are small
 * hand-written grammars over token classes (from the time lexicon) and
 * digit shapes; timex.c drives them in one pass over the tokens. */
#include "stages/timex/timex_internal.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- more token helpers ------------------------------------------------ */

int tx_number_tok(const tx_ctx *c, size_t i)
{
    return digits_with(c, i, 9, NULL, NULL);
}

bool tx_ordinal_suffix_ok(const tx_ctx *c, size_t i, int *v)
{
    static const char *const sfx[] = {"st", "nd", "rd", "th"};
    for (size_t k = 0; k < 4; k++)
        if ((*v = digits_with(c, i, 3, sfx[k], NULL)) >= 0)
            return true;
    return false;
}

/* Ordinal at i ("third", "3rd"); returns tokens used (0 = none). */
size_t tx_ordinal_at(const tx_ctx *c, size_t i, int *v)
{
    size_t len;
    const tw_word *w = word(c, i, TW_ORDINAL, &len);
    if (w) {
        *v = w->num;
        return len;
    }
    return tx_ordinal_suffix_ok(c, i, v) ? 1 : 0;
}

int tx_year_tok(const tx_ctx *c, size_t i)
{
    size_t nd = 0;
    int y = digits_with(c, i, 4, NULL, &nd);
    return nd == 4 && y >= 1000 && y <= 2999 ? y : -1;
}

bool tx_prev_is_class(const tx_ctx *c, size_t i, int cls)
{
    if (i == 0 || i <= c->sbeg)
        return false;
    return (c->info[i - 1].cls & K(cls)) != 0;   /* (the mask of its words' classes) */
}

bool tx_temporal_context_before(const tx_ctx *c, size_t i)
{
    return tx_prev_is_class(c, i, TW_PREP) || tx_prev_is_class(c, i, TW_MODIFIER)
        || tx_prev_is_class(c, i, TW_SHIFTER);
}

/* ---- amounts ----------------------------------------------------------- */


size_t tx_number_words(const tx_ctx *c, size_t i, amount *a)
{
    size_t j = i, len;
    int total = 0, cur = 0;
    const tw_word *w;
    while ((w = word(c, j, TW_NUMBER, &len))) {
        if (w->num < 0) {
            if (j != i)
                break;
            a->n = -1;
            tx_copy_str(a->mod, sizeof a->mod, w->aux);
            return len;
        }
        if (w->num == 100)
            cur = (cur ? cur : 1) * 100;
        else if (w->num == 1000) {
            total += (cur ? cur : 1) * 1000;
            cur = 0;
        } else
            cur += w->num;
        tx_copy_str(a->mod, sizeof a->mod, w->aux);
        j += len;
        if (is(c, j, "-") && word(c, j + 1, TW_NUMBER, NULL))
            j++;
        else if (is_a(c, j, TG_NUMBER_AND) && word(c, j + 1, TW_NUMBER, NULL) && cur >= 100)
            j++;
    }
    a->n = total + cur;
    return j - i;
}

/* An amount at i: digits, number words, "a"/"an" (1). */
bool tx_amount_at(const tx_ctx *c, size_t i, amount *a)
{
    memset(a, 0, sizeof *a);
    if ((a->len = tx_number_words(c, i, a)))
        return true;   /* "two", "a couple of", "a few" */
    int v = tx_number_tok(c, i);
    if (v >= 0) {
        a->n = v;
        a->len = 1;
        return true;
    }
    if (is_kind(c, i, TW_INDEFINITE)) {
        size_t n = tx_number_words(c, i + 1, a);  /* "a hundred", "a few" */
        if (n && (a->n < 0 || a->n >= 100)) {
            a->len = n + 1;
            return true;
        }
        memset(a, 0, sizeof *a);
        a->n = 1;
        a->len = 1;
        return true;
    }
    return false;
}

/* ---- tense ------------------------------------------------------------- */

static tx_tense token_tense(const tx_ctx *c, size_t k)
{
    return (tx_tense)c->info[k].tense;
}

static bool quote_at(const tx_ctx *c, size_t k)
{
    return c->doc->tokens[k].flags & EL_TOK_QUOTE;
}

/* "and"/"but" right before a tense cue opens a clause with its own verb
 * ("a rally on Saturday and were planning to ..."). */
static bool clause_and(const tx_ctx *c, size_t k)
{
    return is_a(c, k, TG_CLAUSE_CONJ) && k + 1 < c->lim && token_tense(c, k + 1) != TX_NO_TENSE;
}

/* Nearest cue around [b, e): left up to the sentence start, right up to
 * rlim, alternating by distance; *outside gets the first cue beyond a
 * quote. */
static tx_tense nearest_cue(const tx_ctx *c, size_t b, size_t e, size_t rlim, tx_tense *outside)
{
    bool left = true, right = true;   /* still searching that way */
    for (size_t d = 1; b >= c->sbeg + d || e + d - 1 < rlim; d++) {
        if (b >= c->sbeg + d) {
            tx_tense t = token_tense(c, b - d);
            if (t != TX_NO_TENSE && left)
                return t;
            if (t != TX_NO_TENSE && *outside == TX_NO_TENSE)
                *outside = t;
            left &= !quote_at(c, b - d);
        }
        if (e + d - 1 < rlim) {
            tx_tense t = token_tense(c, e + d - 1);
            if (t != TX_NO_TENSE && right)
                return t;
            if (t != TX_NO_TENSE && *outside == TX_NO_TENSE)
                *outside = t;
            right &= !quote_at(c, e + d - 1);
        }
    }
    return TX_NO_TENSE;
}

/* Tense of the verb that governs tokens [b, e): the nearest tense cue in
 * its clause.  To the right, a comma ends the clause while a cue is left to
 * find before the expression ("will rise to third on Monday, the agency
 * said" looks ahead); only when none is there does the search go on past it
 * ("On Monday, the company said").  Inside a quotation the cues outside it
 * do not count once one is found inside: "``He will leave Thursday,''
 * Castro said" looks ahead.  A clause that opens after the expression ("...
 * on Friday that they can ...") has its own tense: the search to the right
 * stops at "that", and at "and" or "but" right before a verb. */
tx_tense tx_tense_near(const tx_ctx *c, size_t b, size_t e)
{
    tx_tense outside = TX_NO_TENSE;   /* first cue found beyond a quote */
    size_t lim = c->lim, comma = SIZE_MAX;
    for (size_t k = e; k < lim; k++) {
        if (is_a(c, k, TG_COMPLEMENTIZER) || clause_and(c, k)) {
            lim = k;
            break;
        }
        if (comma == SIZE_MAX && is(c, k, ","))
            comma = k;
    }
    tx_tense t = nearest_cue(c, b, e, comma < lim ? comma : lim, &outside);
    if (t != TX_NO_TENSE || comma >= lim)
        return t != TX_NO_TENSE ? t : outside;
    bool inside = true;
    for (size_t k = comma; k < lim; k++) {
        t = token_tense(c, k);
        if (t != TX_NO_TENSE && inside && outside == TX_NO_TENSE)
            return t;
        if (t != TX_NO_TENSE && outside == TX_NO_TENSE)
            outside = t;
        inside &= !quote_at(c, k);
    }
    return outside;
}

/* "the biggest", "its highest": a superlative after a determiner. */
static bool superlative_at(const tx_ctx *c, size_t k)
{
    size_t n;
    const char *s = text(c, k, &n);
    if (n < 6 || memcmp(s + n - 3, "est", 3) || (c->doc->tokens[k].flags & EL_TOK_CAP) || k <= c->sbeg)
        return false;
    return is_a(c, k - 1, TG_DEFINITE);
}

/* The clause before token i looks ahead: the nearest tense cue before it
 * is a future ("will", "is expected to") or a modal ("could"), and no
 * ordinal, "only", "ever" or superlative in between makes what follows a
 * stretch of time ("will be the first visit in five years"), nor a
 * quantity a stretch to reach it in ("will cut 10,000 jobs in three
 * years"). */
bool tx_future_before(const tx_ctx *c, size_t i)
{
    for (size_t k = i; k > c->sbeg; k--) {
        const tw_word *t = word(c, k - 1, TW_TENSE, NULL);
        if (t && (t->flags & TW_MODAL))
            return true;
        if (c->info[k - 1].tense != TX_NO_TENSE)
            return c->info[k - 1].tense == TX_FUTURE;
        if (word(c, k - 1, TW_ORDINAL, NULL) || is_a(c, k - 1, TG_RECORD)
            || superlative_at(c, k - 1) || c->info[k - 1].lead >= 0 || word(c, k - 1, TW_NUMBER, NULL)
            || is(c, k - 1, "$"))
            return false;
    }
    return false;
}

/* The expression [b, e) closes a record's span: "since" before it, and
 * before that, in the same phrase (no comma, no verb), a superlative or an
 * ordinal ("their lowest since 2017", "its biggest one-day fall since April
 * 2022", "its first cut since 2020"); unless a "when" clause after it
 * tells what happened then ("since 2014, when 16 people died"). */
#define RECORD_WINDOW 5
bool tx_record_since(const tx_ctx *c, size_t b, size_t e)
{
    if (b <= c->sbeg + 1 || !is_a(c, b - 1, TG_SINCE))
        return false;
    if (e < c->lim && (is_a(c, e, TG_WHEN) || (is(c, e, ",") && e + 1 < c->lim && is_a(c, e + 1, TG_WHEN))))
        return false;
    for (size_t k = b - 1, steps = 0; k > c->sbeg && steps < RECORD_WINDOW; k--, steps++) {
        if (is(c, k - 1, ",") || c->info[k - 1].tense != TX_NO_TENSE)
            return false;
        if (superlative_at(c, k - 1) || word(c, k - 1, TW_ORDINAL, NULL))
            return true;
    }
    return false;
}

/* ---- results ----------------------------------------------------------- */

/* Copy a NUL-terminated string, truncating to the destination's capacity. */
bool tx_in_title(const tx_ctx *c, size_t i)
{
    const el_token *t = &c->doc->tokens[i];
    return i < c->lim && (t->flags & EL_TOK_CAP) && !(t->flags & (EL_TOK_ALLCAPS | EL_TOK_SENT_START))
        && i > c->sbeg && (c->doc->tokens[i - 1].flags & (EL_TOK_CAP | EL_TOK_NUMBER | EL_TOK_QUOTE));
}

void tx_copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

bool tx_set_res(tx_res *r, size_t end, el_timex_type type, const char *value, bool tf)
{
    memset(r, 0, sizeof *r);
    r->end = end;
    r->type = type;
    r->tf = tf;
    tx_copy_str(r->value, sizeof r->value, value);
    return true;
}

void tx_set_mod(tx_res *r, const char *mod)
{
    if (mod && *mod && !r->mod[0])
        tx_copy_str(r->mod, sizeof r->mod, mod);
}

/* Reference year for a month (or month/day) without a year: for a bare
 * month a year named earlier in the same sentence ("last year ... in
 * November"), after "since" the last one before the DCT, else resolved from
 * the DCT by tense; 0 = unknown. */
int tx_month_year(const tx_ctx *c, size_t b, size_t e, int m, int d, tx_dir dir)
{
    if (dir == TX_BY_TENSE && !d && c->year && c->year_sent == c->doc->tokens[b].sentence)
        return c->year;
    if (dir == TX_BY_TENSE && b > c->sbeg && is_a(c, b - 1, TG_SINCE))
        dir = TX_BEFORE;   /* "since March": the last March before the story */
    if (!c->have_dct)
        return 0;
    return tx_resolve_month_year(c->dct, m, d, dir, tx_tense_near(c, b, e));
}

void tx_format_month(int y, int m, char *out, size_t cap)
{
    if (y > 0)
        snprintf(out, cap, "%04d-%02d", y, m);
    else
        snprintf(out, cap, "XXXX-%02d", m);
}

/* ---- the driver -------------------------------------------------------------- */

/* Each rule with the kinds of token it can start at (a quick dispatch). */
typedef struct tx_rule_entry {
    tx_rule fn;
    uint32_t starts;
} tx_rule_entry;

static const tx_rule_entry RULES[] = {
    {tx_r_numeric_date, K_DIGIT},
    {tx_r_month, K(TW_MONTH)},
    {tx_r_day_month, K_THE | K_DIGIT},
    {tx_r_holiday, K(TW_HOLIDAY) | K(TW_SHIFTER)},
    {tx_r_year, K_DIGIT | K_THE | K_FISCAL | K(TW_NUMBER)},
    {tx_r_decade_century, K_THE | K_DIGIT | K_APOS | K(TW_ORDINAL)},
    {tx_r_quarter, K_THE | K_FISCAL | K_DIGIT | K_QTOKEN | K(TW_ORDINAL) | K(TW_SHIFTER)},
    {tx_r_season, K_THE | K(TW_SEASON)},
    {tx_r_weekday, K_THE | K(TW_SHIFTER) | K(TW_WEEKDAY)},
    {tx_r_deictic, K(TW_DEICTIC)},
    {tx_r_shifter, K_THE | K(TW_SHIFTER)},
    {tx_r_the_unit, K_THE},
    {tx_r_year_ago, K_THE | K(TW_UNIT)},
    {tx_r_amount_unit, K_THE | K_A | K_DIGIT | K(TW_NUMBER) | K(TW_HALF)},
    {tx_r_bare_plural, K_THE | K(TW_UNIT)},
    {tx_r_clock, K_DIGIT | K(TW_CLOCK)},
    {tx_r_set, K(TW_SET) | K_DIGIT | K(TW_NUMBER)},
};

/* Longest rule match at i (after an optional modifier); false if none. */
static bool parse_core(tx_ctx *c, size_t i, tx_res *best)
{
    bool found = false;
    tx_res r;
    uint32_t kinds = i < c->lim ? c->info[i].kinds : 0;
    for (size_t k = 0; k < sizeof RULES / sizeof RULES[0]; k++)
        if ((RULES[k].starts & kinds) && RULES[k].fn(c, i, &r) && r.end > i
            && (!found || r.end > best->end)) {
            *best = r;
            found = true;
        }
    return found;
}

/* An amount modifier ("about") needs an amount or a clock time after it;
 * a point modifier ("early", "the end of") a date or time that is not an
 * amount. */
static bool modifier_fits(const tx_ctx *c, const tw_word *m, size_t j, const tx_res *r)
{
    amount a;
    int h, mi, ap;
    if (m->flags & TW_AMOUNT)
        return tx_amount_at(c, j, &a) || tx_clock_digits(c, j, &h, &mi, &ap);
    return r->type == EL_TIMEX_DATE || r->type == EL_TIMEX_TIME;
}

static bool parse_modified(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len, j = i;
    if (is_the(c, j) && !(c->info[j].n && c->info[j].len > 1))
        j++;   /* "the late 1970s" (but "the end of" is one modifier) */
    const tw_word *m = word(c, j, TW_MODIFIER, &len);
    if (!m || (j > i && (m->flags & TW_AMOUNT)))
        return false;
    j += len;
    if (is(c, j, "-") && !(m->flags & TW_AMOUNT))
        j++;
    c->in_point_mod = !(m->flags & TW_AMOUNT);
    bool ok = parse_core(c, j, r);
    c->in_point_mod = false;
    if (!ok || !modifier_fits(c, m, j, r))
        return false;
    if (!r->mod[0] || strcmp(m->val, "APPROX"))
        tx_copy_str(r->mod, sizeof r->mod, m->val);
    return true;
}

bool tx_parse_at(tx_ctx *c, size_t i, tx_res *r)
{
    tx_res m;
    bool modified = (c->info[i].kinds & (K(TW_MODIFIER) | K_THE)) && parse_modified(c, i, &m);
    bool core = parse_core(c, i, r);
    if (modified && (!core || m.end > r->end))
        *r = m;   /* "early February"; on a tie the plain rule wins ("the first half of 2023") */
    return modified || core;
}

/* timex_stage.c - the time-expression stage (see timex.h): one left-to-right pass
 * over each sentence's tokens.  Every token is first classified through the
 * time lexicon trie (gazetteers/time/); at each position a small grammar of
 * rules over those word classes and digit shapes proposes candidates, the
 * longest wins, and the winner is normalized against the document creation
 * time (DCT), the sentence's tense and the dates mentioned before it. */
#include "stages/timex/timex.h"
#include "stages/timex/timex_internal.h"
#include "base/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tense ------------------------------------------------------------- */

/* Token k is a verb form of tense.tsv's fourth field or third field
 * (TW_PERFECT "has"/"have", TW_PAST_BE "was"/"were", ...): read by its
 * spelling, whatever longer cue starts there. */
static bool form(const tx_ctx *c, size_t k, unsigned f)
{
    return (tw_token_forms(c->lx, c->doc, k) & f) != 0;
}

/* A participle after an auxiliary or article ("to be completed", "has
 * reported", "the expected rise") says nothing about the clause's tense. */
static bool after_auxiliary(const tx_ctx *c, size_t k)
{
    if (k == 0 || c->doc->tokens[k].sentence != c->doc->tokens[k - 1].sentence)
        return false;
    const tok_info *t = &c->info[k - 1];
    if (!(t->cls & K(TW_TENSE)))
        return false;
    for (size_t a = 0; a < t->n; a++)
        if (c->lx->words[t->w[a]].cls == TW_TENSE && (c->lx->words[t->w[a]].flags & TW_AUX))
            return true;
    return false;
}

static tx_tense word_tense(const tw_word *w)
{
    /* w->val is a char[14]: comparing the literal with its NUL is exact
     * and inline (no call per cue) */
    if (!memcmp(w->val, "PRESENT", 8))
        return TX_PRESENT;
    return !memcmp(w->val, "FUTURE", 7) ? TX_FUTURE : !memcmp(w->val, "PAST", 5) ? TX_PAST : TX_NO_TENSE;
}

/* Tense cue of a token no cue phrase covers: "'ll" futures, -ed pasts. */
static tx_tense suffix_tense(const tx_ctx *c, size_t k)
{
    size_t n;
    const char *s = text(c, k, &n);
    if (n < 3 || (s[n - 1] != 'l' && s[n - 1] != 'd'))
        return TX_NO_TENSE;   /* neither "'ll" nor "-ed" */
    if (!strncmp(s + n - 3, "'ll", 3))
        return TX_FUTURE;
    if (n >= 5 && !strncmp(s + n - 5, "\xe2\x80\x99ll", 5))
        return TX_FUTURE;
    if (n < 5 || strncmp(s + n - 2, "ed", 2) || s[n - 3] == 'e' || (c->doc->tokens[k].flags & EL_TOK_CAP))
        return TX_NO_TENSE;
    if (k >= 2 && !(c->doc->tokens[k - 1].flags & EL_TOK_CAP) && after_auxiliary(c, k - 1)
        && c->info[k - 2].tense != TX_NO_TENSE)
        return TX_NO_TENSE;   /* "would remain closed", "will stay shut": the chain's head tells */
    if (!after_auxiliary(c, k))
        return TX_PAST;
    /* a present perfect ("have gathered") tells of something done */
    return form(c, k - 1, TW_PERFECT) ? TX_PAST : TX_NO_TENSE;
}

/* A future cue after a past auxiliary ("was expected to", "had been
 * scheduled to") tells of a plan made before: in news, mostly a past day;
 * a progressive ("were planning to") tells of a plan still on. */
static bool future_in_past(const tx_ctx *c, size_t i)
{
    const el_doc *d = c->doc;
    size_t n;
    const char *s = text(c, i, &n);
    if (n > 4 && !memcmp(s + n - 3, "ing", 3))
        return false;   /* "were planning to": a plan still on */
    size_t k = i;
    if (k > 0 && d->tokens[k - 1].sentence == d->tokens[i].sentence && form(c, k - 1, TW_BE_PART))
        k--;
    if (k == 0 || d->tokens[k - 1].sentence != d->tokens[i].sentence)
        return false;
    return form(c, k - 1, TW_PAST_BE | TW_PAST_PERFECT);
}

/* Token i opens a sentence or follows a comma. */
static bool clause_start(const tx_ctx *c, size_t i)
{
    const el_doc *d = c->doc;
    return i == 0 || (d->tokens[i].flags & EL_TOK_SENT_START)
        || d->tokens[i - 1].sentence != d->tokens[i].sentence || el_tok_is(d, i - 1, ",");
}

/* Token k names a month, weekday or holiday, and no past perfect came
 * before in the sentence ("had filed reports by Wednesday": done by then). */
static bool before_date(const tx_ctx *c, size_t k)
{
    const el_doc *d = c->doc;
    if (k >= d->ntokens || d->tokens[k].sentence != d->tokens[k - 1].sentence
        || !(c->info[k].kinds & (K(TW_MONTH) | K(TW_WEEKDAY) | K(TW_HOLIDAY))))
        return false;
    for (size_t j = k - 1; j > 0 && d->tokens[j - 1].sentence == d->tokens[k].sentence; j--)
        if (form(c, j - 1, TW_PAST_PERFECT))
            return false;
    return true;
}

/* Tense of the clause around a deadline cue at i ("until", "by"), read
 * from the nearest verb before it: a simple past ("stayed until Friday",
 * "were arrested by Tuesday") tells of the story's past, unless it is a
 * verb that sets a time ahead ("postponed", "gave them until Friday";
 * tense.tsv "deadline"), or a future, modal or infinitive comes first.
 * With no verb before ("But by Monday, officials hardened"), the first cue
 * after it decides. */
static bool past_deadline(const tx_ctx *c, size_t i, size_t len)
{
    const el_doc *d = c->doc;
    uint32_t sent = d->tokens[i].sentence;
    for (size_t k = i; k > 0 && d->tokens[k - 1].sentence == sent; k--) {
        const tw_word *w = word(c, k - 1, TW_TENSE, NULL);
        if (w && (w->flags & (TW_DEADLINE | TW_MODAL)))
            return false;
        if (form(c, k - 1, TW_INFINITIVE))
            return false;
        if (c->info[k - 1].tense != TX_NO_TENSE)
            return c->info[k - 1].tense == TX_PAST;
    }
    for (size_t k = i + len; k < d->ntokens && d->tokens[k].sentence == sent; k++)
        if (c->info[k].tense != TX_NO_TENSE)
            return c->info[k].tense == TX_PAST;
    return false;
}

/* A deadline cue left FUTURE by mark_tense_cues becomes PAST after a past
 * verb (a second pass: it reads the cues on both sides). */
static void mark_past_deadlines(tx_ctx *c)
{
    for (size_t i = 0; i < c->doc->ntokens; i++) {
        if (c->info[i].tense != TX_FUTURE)
            continue;   /* (the cheap test first: few tokens are future cues) */
        size_t len;
        const tw_word *w = word(c, i, TW_TENSE, &len);
        if (!w || !(w->flags & (TW_MIDCLAUSE | TW_BEFORE_DATE)) || (w->flags & TW_FORWARD))
            continue;
        if (past_deadline(c, i, len))
            for (size_t k = i; k < i + len; k++)
                c->info[k].tense = (int8_t)TX_PAST;
    }
}

/* Is the word at i used as a noun: right after a determiner, a possessive
 * or "of" ("his plans to", "the plan to", "of plans to")? */
static bool after_determiner(const tx_ctx *c, size_t i)
{
    const el_doc *d = c->doc;
    if (i == 0 || d->tokens[i - 1].sentence != d->tokens[i].sentence)
        return false;
    if (el_tok_is_possessive(d, i - 1))
        return true;
    return (tw_token_gram(c->lx, d, i - 1) & TG_DETERMINER) != 0;
}

/* A capitalized "May" inside a sentence, or before a number, is the
 * month, not the modal. */
static bool month_not_modal(const el_doc *d, size_t i)
{
    uint16_t f = d->tokens[i].flags;
    if (!(f & EL_TOK_CAP))
        return false;
    return !(f & EL_TOK_SENT_START) || (i + 1 < d->ntokens && (d->tokens[i + 1].flags & EL_TOK_NUMBER));
}

/* Fill info[].tense for the whole document (sentence limits do not matter:
 * cue phrases never cross them). */
static void mark_tense_cues(tx_ctx *c)
{
    size_t covered_to = 0;
    c->sbeg = 0;
    c->lim = c->doc->ntokens;
    for (size_t i = 0; i < c->doc->ntokens; i++) {
        size_t len;
        const tw_word *w = word(c, i, TW_TENSE, &len);
        if (w && i >= covered_to) {   /* not inside a longer cue ("is expected to") */
            tx_tense t = word_tense(w);
            if (t == TX_PAST && len == 1 && after_auxiliary(c, i))
                t = TX_NO_TENSE;   /* "to be paid", "has sold": participles */
            if (t == TX_FUTURE && !(w->flags & TW_FORWARD) && future_in_past(c, i))
                t = TX_PAST;       /* "was due to", "had been scheduled to"; a plan
                                      "for" a time still names it ahead */
            if ((w->flags & TW_MODAL) && i + 1 < c->doc->ntokens && form(c, i + 1, TW_PERFECT_BASE))
                t = TX_PAST;       /* "may have been": a guess about the past */
            if ((w->flags & TW_MODAL) && month_not_modal(c->doc, i))
                t = TX_NO_TENSE;   /* "between March and May prices rose" */
            if ((w->flags & TW_MIDCLAUSE) && clause_start(c, i))
                t = TX_NO_TENSE;   /* "Until Friday, they had not ...": a story's past */
            if ((w->flags & TW_BEFORE_DATE) && !before_date(c, i + len))
                t = TX_NO_TENSE;   /* "by August" is a deadline, "by police" no cue */
            if ((w->flags & TW_VERB_ONLY) && after_determiner(c, i))
                t = TX_NO_TENSE;   /* "the postponement of his plans to visit": a noun */
            for (size_t k = i; k < i + len; k++)
                c->info[k].tense = (int8_t)t;
            covered_to = i + len;
        } else if (i >= covered_to) {
            c->info[i].tense = (int8_t)suffix_tense(c, i);
        }
    }
    mark_past_deadlines(c);
}

/* ---- the pass ------------------------------------------------------------ */

/* Two-digit field of sscanf's "%2d" at *p, for scan_ymd: 1 and the value
 * (p moved past it) if a digit starts it, 0 if no number can start there,
 * -1 where sscanf would read more than digits (white space, a sign). */
static int scan_2d(const char **p, int *out)
{
    const char *s = *p;
    if ((unsigned)(s[0] - '0') < 10u) {
        int v = s[0] - '0', k = 1;
        if ((unsigned)(s[1] - '0') < 10u)
            v = v * 10 + (s[k++] - '0');
        *out = v;
        *p = s + k;
        return 1;
    }
    return s[0] == '+' || s[0] == '-' || isspace((unsigned char)s[0]) ? -1 : 0;
}

/* sscanf(v, "%4d-%2d-%2d", y, m, d), read directly when v starts with
 * four digits or a letter (every value the stage makes): a call to the
 * scanf machinery per expression cost more than the rest of emit. */
static int scan_ymd(const char *v, int *y, int *m, int *d)
{
    if (isalpha((unsigned char)v[0]))
        return 0;   /* "PRESENT_REF", "P3D", "XXXX-06-19" */
    for (int k = 0; k < 4; k++)
        if ((unsigned)(v[k] - '0') >= 10u)
            return sscanf(v, "%4d-%2d-%2d", y, m, d);
    *y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    const char *p = v + 4;
    if (*p++ != '-')
        return 1;
    int r = scan_2d(&p, m);
    if (r <= 0)
        return r < 0 ? sscanf(v, "%4d-%2d-%2d", y, m, d) : 1;
    if (*p++ != '-')
        return 2;
    r = scan_2d(&p, d);
    if (r <= 0)
        return r < 0 ? sscanf(v, "%4d-%2d-%2d", y, m, d) : 2;
    return 3;
}

/* Keep what later expressions may refer to: the story's day (clock times),
 * the last date of any granularity ("the following year"), the quarter a
 * report is about ("a year earlier"), and a year computed in this sentence
 * ("last year ... in November"). */
static void remember(tx_ctx *c, const el_timex *t, const tx_res *r, uint32_t sent)
{
    const char *v = t->value;
    int tx = (int)(c->doc->ntimexes - 1), y, m, d, q;
    char tail;
    int n = isdigit((unsigned char)v[0]) && isdigit((unsigned char)v[3]) ? scan_ymd(v, &y, &m, &d) : 0;
    if (n == 3 && el_date_valid((el_date){y, m, d})) {
        c->day = (el_date){y, m, d};
        c->day_sent = sent;
        c->day_tx = tx;
    }
    if (n >= 1 && y > 0 && (n < 2 || (m >= 1 && m <= 12))) {
        c->ref = (el_date){y, n >= 2 ? m : 0, n >= 3 ? d : 0};
        c->ref_tx = tx;
    }
    if (r->topic && sscanf(v, "%4d-Q%1d%c", &y, &q, &tail) == 2) {
        c->qyear = y;
        c->quarter = q;
        c->quarter_tx = tx;
    }
    if (strlen(v) == 4 && n == 1 && t->type == EL_TIMEX_DATE && t->temporal_function) {
        c->year = y;
        c->year_sent = sent;
    }
}

/* Append the timex of result r starting at token b (byte span start..end
 * when it cuts inside a token, else start == end == 0). */
static void emit(tx_ctx *c, size_t b, const tx_res *r, uint32_t start, uint32_t end)
{
    el_timex *t = el_doc_add_timex(c->doc, (uint32_t)b, (uint32_t)r->end);
    if (start != end) {
        t->start = start;
        t->end = end;
    }
    t->type = r->type;
    tx_copy_str(t->value, sizeof t->value, r->value);   /* (as snprintf "%s", without */
    tx_copy_str(t->mod, sizeof t->mod, r->mod);         /* the formatting machinery) */
    tx_copy_str(t->quant, sizeof t->quant, r->quant);
    tx_copy_str(t->freq, sizeof t->freq, r->freq);
    tx_copy_str(t->zone, sizeof t->zone, r->zone);
    t->temporal_function = r->tf;
    t->record_since = tx_record_since(c, b, r->end);
    int anchors[] = {-1, c->day_tx, c->ref_tx, c->quarter_tx};
    t->anchor = r->tf ? anchors[r->anchor] : -1;   /* -1 = the DCT */
    if ((t->type == EL_TIMEX_DATE || t->type == EL_TIMEX_TIME) && el_value_interval(t->value, &t->iv))
        t->iv = el_interval_apply_mod(t->iv, t->mod);
    remember(c, t, r, c->doc->tokens[b].sentence);
}

/* "2009-2010" (one token): two years, each with its own byte span. */
static bool emit_year_range(tx_ctx *c, size_t i)
{
    size_t n;
    const char *s = text(c, i, &n);
    if (n != 9 || s[4] != '-')
        return false;
    for (size_t k = 0; k < 9; k++)
        if (k != 4 && !isdigit((unsigned char)s[k]))
            return false;
    int a = atoi(s), b = atoi(s + 5);
    if (a < 1000 || b <= a || b > 2999)
        return false;
    tx_res r;
    char v[40];
    uint32_t st = c->doc->tokens[i].start;
    snprintf(v, sizeof v, "%04d", a);
    tx_set_res(&r, i + 1, EL_TIMEX_DATE, v, false);
    emit(c, i, &r, st, st + 4);
    snprintf(v, sizeof v, "%04d", b);
    tx_set_res(&r, i + 1, EL_TIMEX_DATE, v, false);
    emit(c, i, &r, st + 5, st + 9);
    return true;
}

/* Leading digits of token i (at most 9 counted). */
static void digit_shape(const el_doc *d, size_t i, tok_info *t)
{
    size_t n, k = 0;
    const char *s = el_tok_text(d, i, &n);
    int32_t v = 0;
    while (k < n && k < 9 && (unsigned)(s[k] - '0') < 10u)   /* (isdigit, without a call) */
        v = v * 10 + (s[k++] - '0');
    if (k < n && (unsigned)(s[k] - '0') < 10u)
        k = 0;   /* too long to be a time */
    t->ndig = (uint8_t)k;
    t->lead = k ? v : -1;
}

/* Start kind of a token the grammar itself starts with besides lexicon
 * words and digits: the start words of the lexicon (articles, "fiscal",
 * the apostrophe of "'90s"; tw_start), quarter and fiscal-year tokens. */
static uint32_t start_word_kind(const tw_word *w)
{
    if (w->gram & TG_THE)
        return K_THE;
    if (w->gram & TG_FISCAL)
        return K_FISCAL;
    return (w->gram & TG_DECADE_MARK) ? K_APOS : K_A;   /* (else TW_INDEFINITE) */
}

/* `start_bits`: bit (hash & 63) set for each start word's hash, so most
 * tokens skip the scan of the start words (start_hash_bits). */
static uint32_t grammar_start_kind(const el_doc *d, size_t i, const el_time_lexicon *lx,
                                   uint64_t start_bits)
{
    size_t n;
    const char *s = el_tok_text(d, i, &n);
    if (n == 2 && (s[0] == 'Q' || s[0] == 'H') && s[1] >= '1' && s[1] <= '4')
        return K_QTOKEN;   /* "Q3", "H1" */
    if (n >= 2 && s[0] == 'F' && s[1] == 'Y' && (n == 2 || isdigit((unsigned char)s[2])))
        return K_FISCAL;   /* "FY2023", "FY 2023" */
    if (!(start_bits >> (d->tokens[i].lhash & 63) & 1))
        return 0;
    for (size_t k = 0; k < lx->nstarts; k++)
        if (d->tokens[i].lhash == lx->starts[k].hash
            && el_eq_nocase(s, n, lx->starts[k].text, strlen(lx->starts[k].text)))
            return start_word_kind(&lx->words[lx->starts[k].word]);
    return 0;
}

/* Lexicon classes a timex can start with (not tense cues, prepositions,
 * zones or "ago"-words, which only matter around one). */
static uint32_t lexicon_start_kinds(const tok_info *t)
{
    return t->cls & ~(K(TW_TENSE) | K(TW_PREP) | K(TW_ZONE) | K(TW_RELATION) | K(TW_FILLER)
                      | K(TW_PERSON));
}

static uint64_t start_hash_bits(const el_time_lexicon *lx)
{
    uint64_t bits = 0;
    for (size_t k = 0; k < lx->nstarts; k++)
        bits |= 1ull << (lx->starts[k].hash & 63);
    return bits;
}

static void classify_tokens(tx_ctx *c)
{
    const el_doc *d = c->doc;
    uint64_t start_bits = start_hash_bits(c->lx);
    for (size_t i = 0; i < d->ntokens; i++) {
        size_t n = 0;
        tok_info *t = &c->info[i];
        *t = (tok_info){0};   /* (info is not zeroed beforehand: one pass, not two) */
        const tw_word *w[TX_MAXW];
        t->len = (uint8_t)tw_match(c->lx, d, i, w, TX_MAXW, &n);
        t->n = (uint8_t)n;
        for (size_t k = 0; k < n; k++) {
            t->w[k] = (uint16_t)(w[k] - c->lx->words);
            t->cls |= K(w[k]->cls);
        }
        digit_shape(d, i, t);
        t->kinds = lexicon_start_kinds(t) | (t->lead >= 0 ? K_DIGIT : 0)
                   | grammar_start_kind(d, i, c->lx, start_bits);
    }
    mark_tense_cues(c);
}

/* "May 1 and 3", "June 19-20": a bare day number after a full date is
 * another day of the same month.  Returns the token after it (or j). */
static size_t continued_day(tx_ctx *c, size_t j, const tx_res *prev)
{
    int y, m, d;
    const char *v = prev->value;
    bool known = scan_ymd(v, &y, &m, &d) == 3;
    if (!known && !(strlen(v) == 10 && !strncmp(v, "XXXX-", 5) && sscanf(v + 5, "%2d-%2d", &m, &d) == 2))
        return j;
    if (!(is_a(c, j, TG_DAY_JOINT) || is(c, j, "-")))
        return j;
    int day = digits_with(c, j + 1, 2, NULL, NULL);
    if (day <= d || day > 31 || tx_before_counted_noun(c, j + 2) || word(c, j + 2, TW_UNIT, NULL)
        || word(c, j + 2, TW_MONTH, NULL) || is(c, j + 2, "%") || is_a(c, j + 2, TG_PERCENT)
        || (j + 2 < c->lim && c->info[j + 2].lead >= 0))
        return j;
    tx_res r = *prev;
    r.end = j + 2;
    r.start = 0;
    if (known)
        tx_day_format(y, m, day, r.value, sizeof r.value);
    else
        snprintf(r.value, sizeof r.value, "XXXX-%02d-%02d", m, day);
    if (known && !el_date_valid((el_date){y, m, day}))
        return j;
    emit(c, j + 1, &r, 0, 0);
    return j + 2;
}

/* "June 19-20" (the days in one token): "June 19" and "20", each with its
 * own byte span. */
static void emit_day_range(tx_ctx *c, size_t i, const tx_res *r)
{
    const el_token *t = &c->doc->tokens[r->range_tok];
    uint32_t cut = t->start + c->info[r->range_tok].ndig;
    tx_res first = *r, second = *r;
    first.end = second.end = r->range_tok + 1;
    emit(c, i, &first, c->doc->tokens[i].start, cut);
    size_t n = strlen(second.value);
    if (n >= 2)
        snprintf(second.value + n - 2, sizeof second.value - (n - 2), "%02d", r->range_day);
    emit(c, r->range_tok, &second, cut + 1, t->end);
}

/* Emit the match r found at token i; returns the token to go on from. */
static size_t emit_match(tx_ctx *c, size_t i, tx_res *r)
{
    if (r->range_day) {
        emit_day_range(c, i, r);
        return r->end;
    }
    emit(c, r->start > i ? r->start : i, r, 0, 0);
    return continued_day(c, r->end, r);
}

/* A "the" that no rule can take further.  Every rule a "the" starts at
 * (timex_grammar.c RULES; parse_modified) first needs the next token to be
 * a time word, digits, "a"/"an", "fiscal", an apostrophe or a quarter
 * token ("Q3") -- each gives the token lexicon words or start kinds -- or
 * "full" ("the full year"); the time words and "the" itself are enough when
 * "the" has start kinds of its own.  "the" is the commonest word and most
 * are no timex: eleven rules are spared the look. */
static bool the_alone(const tx_ctx *c, size_t i)
{
    size_t k = i + 1;
    return c->info[i].kinds == K_THE
        && (k >= c->lim || (!c->info[k].kinds && !c->info[k].n && !is_a(c, k, TG_WHOLE)));
}

static void tag_sentence(tx_ctx *c, const el_sentence *s)
{
    c->sbeg = s->tok_begin;
    c->lim = s->tok_end;
    for (size_t i = s->tok_begin; i < s->tok_end;) {
        tx_res r;
        if (!c->info[i].kinds || the_alone(c, i))
            i++;
        else if (emit_year_range(c, i))
            i++;
        else if (tx_parse_at(c, i, &r))
            i = emit_match(c, i, &r);
        else
            i++;
    }
}

void el_timex_tag(el_doc *doc, const el_time_lexicon *lx)
{
    if (!doc->ntokens || !lx)
        return;
    tx_ctx c = {0};
    c.doc = doc;
    c.lx = lx;
    c.info = el_malloc(doc->ntokens * sizeof *c.info);   /* (classify_tokens fills it) */
    c.dct = doc->dct;
    c.have_dct = doc->dct.year >= 100 && doc->dct.year <= 9000 && el_date_valid(doc->dct);   /* else: underspecified values */
    c.day_sent = SIZE_MAX;
    c.day_tx = c.ref_tx = c.quarter_tx = -1;
    classify_tokens(&c);
    for (size_t s = 0; s < doc->nsentences; s++)
        tag_sentence(&c, &doc->sentences[s]);
    tx_previous_night(&c);
    free(c.info);
    el_doc_sort_timexes(doc);
    el_doc_fit(doc);
}

/* timex_rules_relative.c - time-stage rules for expressions relative to
 * the document date or the narrative: weekdays, deictic words (today,
 * recently), shifted units (last year), amounts of time (five years, two
 * days ago, 2 1/2 years), clock times and recurring times (every year,
 * twice a week) (see timex_grammar.c). */
#include "stages/timex/timex_internal.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- rules: weekdays and words relative to the DCT ----------------------- */

static void pod_suffix(const tx_ctx *c, size_t *j, tx_res *r)
{
    size_t len;
    const tw_word *p = word(c, *j, TW_PART_OF_DAY, &len);
    if (!p || strlen(r->value) != 10)
        return;
    *j += len;
    r->end = *j;
    strcat(r->value, "T");
    strcat(r->value, p->val);
}

/* Without a DCT, a weekday right after a full date ("On March 3, 1998
 * ... On Thursday") is a day of the days that follow it.  (With a DCT,
 * news weekdays stay near the DCT even after a background date.) */
static bool weekday_after_story_day(tx_ctx *c, size_t i, size_t end, int wd, tx_dir dir, tx_res *r)
{
    if (c->have_dct || dir == TX_BEFORE || c->day_sent == SIZE_MAX
        || c->doc->tokens[i].sentence > c->day_sent + 1)
        return false;
    el_date d = el_date_add_days(c->day, (wd - el_weekday(c->day) + 7) % 7);
    if (dir == TX_AFTER && d.year == c->day.year && d.month == c->day.month && d.day == c->day.day)
        d = el_date_add_days(d, 7);
    char v[40];
    tx_day_format(d.year, d.month, d.day, v, sizeof v);
    tx_set_res(r, end, EL_TIMEX_DATE, v, true);
    r->anchor = TX_ANCHOR_DAY;
    return true;
}

static bool weekday_value(tx_ctx *c, size_t i, size_t end, int wd, tx_dir dir, bool this_week, tx_res *r)
{
    char v[40];
    if (weekday_after_story_day(c, i, end, wd, dir, r))
        return true;
    if (!c->have_dct) {
        snprintf(v, sizeof v, "XXXX-WXX-%d", wd);
        return tx_set_res(r, end, EL_TIMEX_DATE, v, true);
    }
    tx_tense t = tx_tense_near(c, i, end);
    bool ahead = i > c->sbeg && c->info[i - 1].tense == TX_FUTURE;   /* "ahead of Sunday's vote" */
    if (el_tok_is_possessive(c->doc, end) && !ahead)
        t = TX_PAST;   /* "Friday's meeting": an event already reported */
    el_date d = tx_resolve_weekday(c->dct, wd, dir, t);
    if (this_week && t == TX_NO_TENSE)   /* "this Friday" with no tense: this week's */
        d = el_date_add_days(c->dct, wd - el_weekday(c->dct));
    tx_day_format(d.year, d.month, d.day, v, sizeof v);
    return tx_set_res(r, end, EL_TIMEX_DATE, v, true);
}

/* (last|next|this) Monday (morning) / Monday, June 19 */
bool tx_r_weekday(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    if (is_the(c, j) && word(c, j + 1, TW_SHIFTER, NULL))
        j++;
    const tw_word *s = word(c, j, TW_SHIFTER, &len);
    tx_dir dir = TX_BY_TENSE;
    if (s) {
        j += len;
        const tw_word *s2 = s->num == 0 ? word(c, j, TW_SHIFTER, &len) : NULL;
        if (s2 && s2->num != 0) {
            s = s2;   /* "this coming Sunday", "this past Monday" */
            j += len;
        }
        dir = s->num < 0 ? TX_BEFORE : s->num > 0 ? TX_AFTER : TX_BY_TENSE;
    }
    const tw_word *w = word(c, j, TW_WEEKDAY, &len);
    if (!w || ((w->flags & TW_AMBIGUOUS) && !(c->doc->tokens[j].flags & EL_TOK_ABBREV)))
        return false;   /* "Sun" the company, "Sat" the verb */
    j += len;
    tx_res dated;
    size_t k = is(c, j, ",") ? j + 1 : j;
    if (!s && (tx_r_month(c, k, &dated) || tx_r_day_month(c, k, &dated)) && strlen(dated.value) == 10) {
        *r = dated;
        return true;
    }
    el_date saved = c->dct;
    bool anaphoric = s && (s->flags & TW_ANAPHORIC) && c->ref.day;
    if (anaphoric)
        c->dct = c->ref;   /* "the previous Friday": before the day last mentioned */
    bool ok = weekday_value(c, i, j, w->num, dir, s && s->num == 0 && !anaphoric, r);
    if (ok && anaphoric)
        r->anchor = TX_ANCHOR_REF;
    c->dct = saved;
    if (!ok)
        return false;
    pod_suffix(c, &j, r);
    return true;
}

/* today / yesterday (morning) / now / recently / recent years */
bool tx_r_deictic(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    const tw_word *w = word(c, i, TW_DEICTIC, &len);
    if (!w)
        return false;
    size_t j = i + len;
    if (el_tok_is_possessive(c->doc, j) && !strcmp(w->val, "D0"))
        return false;   /* "today's world": generic, not the day */
    el_timex_type type = !strcmp(w->aux, "TIME") ? EL_TIMEX_TIME : EL_TIMEX_DATE;
    if (!strcmp(w->val, "Y0")) {   /* "year-end" */
        char v[40] = "XXXX";
        if (c->have_dct)
            snprintf(v, sizeof v, "%04d", c->dct.year - (tx_tense_near(c, i, j) == TX_PAST));
        tx_set_res(r, j, type, v, true);
        tx_set_mod(r, w->mod);
        return true;
    }
    if (w->val[0] != 'D') {
        const tw_word *u = word(c, j, TW_UNIT, NULL);
        if (u && (u->flags & TW_PLURAL) && (w->flags & TW_NEEDS_UNIT)) {
            char v[40];   /* "recent years": an unspecified stretch up to now */
            tx_duration_format(u->val, -1, v, sizeof v);
            return tx_set_res(r, j + 1, EL_TIMEX_DURATION, v, false);
        }
        if (u && (u->flags & TW_PLURAL))
            j++;
        else if (w->flags & TW_NEEDS_UNIT)
            return false;
        return tx_set_res(r, j, type, w->val, true);
    }
    if (!c->have_dct)
        return tx_set_res(r, j, type, w->val[1] == '0' && w->val[2] == 'T' ? "XXXX-XX-XXTNI" : "XXXX-XX-XX", true);
    char v[40];
    const char *t = strchr(w->val, 'T');
    el_date d = el_date_add_days(c->dct, atoi(w->val + 1));
    tx_day_format(d.year, d.month, d.day, v, sizeof v);
    if (t)
        strcat(v, t);
    tx_set_res(r, j, type, v, true);
    if (!t)
        pod_suffix(c, &j, r);
    return true;
}

/* What a shifter counts from: the DCT, or for "the following year", "the
 * previous day" the last time mentioned, if it is precise enough. */
/* Sets *found to false when an anaphoric shifter has nothing to refer to. */
static el_date shift_base(const tx_ctx *c, const tw_word *s, const char *unit, bool *found)
{
    *found = true;
    if (!(s->flags & TW_ANAPHORIC))
        return c->dct;
    bool need_day = !strcmp(unit, "D") || !strcmp(unit, "W") || !strcmp(unit, "WE");
    bool need_month = !strcmp(unit, "M") || !strcmp(unit, "Q");
    if (!c->ref.year || (need_day && !c->ref.day) || (need_month && !c->ref.month)) {
        *found = false;
        return c->dct;
    }
    el_date b = c->ref;
    if (!b.month)
        b.month = 7;   /* only the year counts */
    if (!b.day)
        b.day = 1;
    return b;
}

/* A shifted calendar unit: "last year", "this week", "next quarter". */
static bool shifted_unit(tx_ctx *c, size_t i, size_t j, const tw_word *s, const tw_word *u, tx_res *r)
{
    if (!strcmp(u->val, "H") || !strcmp(u->val, "MIN") || !strcmp(u->val, "S")) {
        char v[40];
        tx_duration_format(u->val, 1, v, sizeof v);
        return tx_set_res(r, j, EL_TIMEX_DURATION, v, false);
    }
    if (!strcmp(u->val, "WE") && !c->have_dct)
        return tx_set_res(r, j, EL_TIMEX_DATE, "XXXX-WXX-WE", true);
    if (!c->have_dct)
        return tx_set_res(r, j, EL_TIMEX_DATE, s->num < 0 ? "PAST_REF" : s->num > 0 ? "FUTURE_REF" : "PRESENT_REF", true);
    char v[40];
    bool found;
    el_date base = shift_base(c, s, u->val, &found);
    if (!found && s->num == 0)
        return false;   /* "that year" with no year before it */
    tx_shift_format(base, u->val, s->num, v, sizeof v);
    tx_set_res(r, j, EL_TIMEX_DATE, v, true);
    if (found && (s->flags & TW_ANAPHORIC))
        r->anchor = TX_ANCHOR_REF;
    if (!strcmp(u->val, "D"))
        pod_suffix(c, &j, r);
    return true;
}

/* "the past two years", "the next few days": a duration next to the reference. */
static bool shifted_range(tx_ctx *c, size_t j, const tw_word *s, tx_res *r)
{
    amount a;
    size_t len;
    if (!(s->flags & TW_RANGE) || !tx_amount_at(c, j, &a))
        return false;
    const tw_word *u = word(c, j + a.len, TW_UNIT, &len);
    if (!u || (a.n == 1 && (u->flags & TW_PLURAL)) || (a.n != 1 && !(u->flags & TW_PLURAL)))
        return false;
    char v[40];
    tx_duration_format(u->val, a.n, v, sizeof v);
    tx_set_res(r, j + a.len + len, EL_TIMEX_DURATION, v, false);
    tx_set_mod(r, a.mod);
    return true;
}

static tx_dir shifter_dir(const tw_word *s)
{
    return s->num < 0 ? TX_BEFORE : s->num > 0 ? TX_AFTER : TX_BY_TENSE;
}

/* "last November", "this May", "last Oct. 23" (month w at j). */
static bool shifted_month(tx_ctx *c, size_t i, size_t j, size_t len, const tw_word *s,
                          const tw_word *w, tx_res *r)
{
    char v[40];
    int d = digits_with(c, j + len, 2, NULL, NULL);
    if (d < 1 || d > 31)
        d = 0;
    int y = s->num == 0 ? (c->have_dct ? c->dct.year : 0)   /* "this May" */
                        : tx_month_year(c, i, j + len, w->num, d, shifter_dir(s));
    if (d && !el_date_valid((el_date){y ? y : 2000, w->num, d}))
        return false;
    if (d)
        tx_day_format(y, w->num, d, v, sizeof v);
    else
        tx_format_month(y, w->num, v, sizeof v);
    return tx_set_res(r, j + len + (d > 0), EL_TIMEX_DATE, v, true);
}

/* "last summer", "this fall" (season w at j). */
static bool shifted_season(tx_ctx *c, size_t i, size_t j, size_t len, const tw_word *s,
                           const tw_word *w, tx_res *r)
{
    char v[40];
    tx_tense t = s->num == 0 ? TX_NO_TENSE : tx_tense_near(c, i, j + len);
    int y = c->have_dct ? tx_resolve_season_year(c->dct, w->val, shifter_dir(s), t) : 0;
    if (y)
        snprintf(v, sizeof v, "%04d-%s", y, w->val);
    else
        snprintf(v, sizeof v, "XXXX-%s", w->val);
    return tx_set_res(r, j + len, EL_TIMEX_DATE, v, true);
}

/* "this morning", "last night", "that evening" (part of day w at j). */
static bool shifted_part_of_day(tx_ctx *c, size_t j, size_t len, const tw_word *s,
                                const tw_word *w, tx_res *r)
{
    bool anaphoric = s->flags & TW_ANAPHORIC;
    if ((s->num > 0 && !anaphoric) || (s->num < 0 && !anaphoric && strcmp(w->val, "NI")))
        return false;   /* only "last night" looks back; "the next morning" counts from the story */
    bool found;
    el_date base = shift_base(c, s, "D", &found);
    if (!found && anaphoric)
        return false;   /* "that morning" with no day before it */
    char v[40];
    if (anaphoric ? found : c->have_dct) {
        el_date d = el_date_add_days(base, s->num < 0 ? -1 : s->num > 0 ? 1 : 0);
        snprintf(v, sizeof v, "%04d-%02d-%02dT%s", d.year, d.month, d.day, w->val);
    } else {
        snprintf(v, sizeof v, "XXXX-XX-XXT%s", w->val);
    }
    tx_set_res(r, j + len, EL_TIMEX_TIME, v, true);
    if (found && (s->flags & TW_ANAPHORIC))
        r->anchor = TX_ANCHOR_REF;
    return true;
}

/* (the) last/next/this/coming/past + unit, month, season or part of day */
bool tx_r_shifter(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    if (is_the(c, j))
        j++;
    const tw_word *s = word(c, j, TW_SHIFTER, &len), *w;
    if (!s)
        return false;
    tw_word story = *s;
    if (j > i && s->num > 0) {
        story.flags |= TW_ANAPHORIC;   /* "the next day": after the day last told */
        s = &story;
    }
    j += len;
    if (shifted_range(c, j, s, r))
        return true;
    if ((w = word(c, j, TW_UNIT, &len))) {
        if ((c->doc->tokens[j].flags & EL_TOK_CAP) && !(c->doc->tokens[i].flags & EL_TOK_SENT_START)
            && (c->doc->tokens[i].flags & EL_TOK_CAP))
            return false;   /* "This Week", a title */
        if ((w->flags & TW_PLURAL) && s->num > 0) {
            char v[40];   /* "the coming weeks": an unspecified stretch ahead, like "the next few weeks" */
            tx_duration_format(w->val, -1, v, sizeof v);
            return tx_set_res(r, j + len, EL_TIMEX_DURATION, v, false);
        }
        if (w->flags & TW_PLURAL)
            return tx_set_res(r, j + len, EL_TIMEX_DATE, "PAST_REF", true);
        return shifted_unit(c, i, j + len, s, w, r);
    }
    if ((w = word(c, j, TW_MONTH, &len)))
        return shifted_month(c, i, j, len, s, w, r);
    if ((w = word(c, j, TW_SEASON, &len)))
        return shifted_season(c, i, j, len, s, w, r);
    if ((w = word(c, j, TW_PART_OF_DAY, &len)) && (j == i + 1 || (s->flags & TW_ANAPHORIC)))
        return shifted_part_of_day(c, j, len, s, w, r);
    return false;
}

/* the weekend / the quarter (the one the narrative is about) */
/* A word after "the year"/"the week" that makes it relative to another
 * time or a description ("the year before", "the week that ..."). */
static bool unit_complement(const tx_ctx *c, size_t j)
{
    static const char *const W[] = {"before", "after", "earlier", "later", "ago", "following",
                                     "that", "when", "-", "'s", "in", "since", "to", "through", "ahead"};
    for (size_t k = 0; k < sizeof W / sizeof W[0]; k++)
        if (is(c, j, W[k]))
            return true;
    return j < c->lim && (c->info[j].lead >= 0 || word(c, j, TW_RELATION, NULL) != NULL);
}

/* "the week of March 6": the ISO week of a day. */
static bool week_of_day(tx_ctx *c, size_t j, tx_res *r)
{
    tx_res d;
    int y, m, dd;
    if (!is_a(c, j, TG_OF) || !(tx_r_month(c, j + 1, &d) || tx_r_day_month(c, j + 1, &d))
        || sscanf(d.value, "%4d-%2d-%2d", &y, &m, &dd) != 3)
        return false;
    char v[40];
    tx_shift_format((el_date){y, m, dd}, "W", 0, v, sizeof v);
    return tx_set_res(r, d.end, EL_TIMEX_DATE, v, d.tf);
}

/* "the year" / "the full year" / "the week" alone: the document's year or
 * week; "the (fiscal) year ended June 30" is a year-long period. */
static bool the_year_or_week(tx_ctx *c, size_t j, const tw_word *u, tx_res *r)
{
    char v[40];
    bool week = !strcmp(u->val, "W");
    if (week && week_of_day(c, j, r))
        return true;
    if (is_a(c, j, TG_PERIOD_END))
        return !week && tx_set_res(r, j, EL_TIMEX_DURATION, "P1Y", false);
    if (!c->have_dct || (!c->in_point_mod && unit_complement(c, j)))
        return false;
    tx_shift_format(c->dct, u->val, 0, v, sizeof v);
    return tx_set_res(r, j, EL_TIMEX_DATE, v, true);
}

/* The quarter a report is about ("the quarter"), else the last one
 * before the DCT. */
static bool topic_quarter(tx_ctx *c, size_t end, tx_res *r)
{
    char v[40];
    if (c->quarter)
        snprintf(v, sizeof v, "%04d-Q%d", c->qyear, c->quarter);
    else if (c->have_dct)
        tx_shift_format(c->dct, "Q", -1, v, sizeof v);
    else
        snprintf(v, sizeof v, "XXXX-QX");
    tx_set_res(r, end, EL_TIMEX_DATE, v, true);
    r->anchor = c->quarter ? TX_ANCHOR_QUARTER : TX_ANCHOR_DCT;
    return true;
}

/* "in the morning", "by the afternoon": that part of the story's day
 * (the day last told, else the DCT); not "the night", mostly generic. */
static bool the_part_of_day(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    const tw_word *p = word(c, i + 1, TW_PART_OF_DAY, &len);
    if (!p || !strcmp(p->val, "NI") || !tx_prev_is_class(c, i, TW_PREP) || !c->have_dct
        || is_a(c, i + 1 + len, TG_OF | TG_CLITIC_S))
        return false;
    bool story = c->day_sent != SIZE_MAX;
    el_date d = story ? c->day : c->dct;
    char v[40];
    tx_day_format(d.year, d.month, d.day, v, sizeof v);
    strcat(v, "T");
    strcat(v, p->val);
    tx_set_res(r, i + 1 + len, EL_TIMEX_TIME, v, true);
    r->anchor = story ? TX_ANCHOR_DAY : TX_ANCHOR_DCT;
    return true;
}

/* Token j ends a phrase: the sentence's end, punctuation or a conjunction
 * ("the day before, ..."), not an object ("the day before the vote"). */
static bool no_object(const tx_ctx *c, size_t j)
{
    if (j >= c->lim || is_a(c, j, TG_COORD | TG_CLAUSE_CONJ))
        return true;
    return !(c->doc->tokens[j].flags & (EL_TOK_WORD | EL_TOK_NUMBER));
}

/* "the day before last Tuesday", "the day after Christmas": one day off
 * a named day at k (one timex). */
static bool day_next_to_date(tx_ctx *c, size_t k, int dir, tx_res *r)
{
    tx_res d;
    int y, m, dd;
    if (!(tx_r_weekday(c, k, &d) || tx_r_month(c, k, &d) || tx_r_day_month(c, k, &d) || tx_r_holiday(c, k, &d))
        || strlen(d.value) != 10 || sscanf(d.value, "%4d-%2d-%2d", &y, &m, &dd) != 3
        || !el_date_valid((el_date){y, m, dd}))
        return false;
    el_date x = el_date_add_days((el_date){y, m, dd}, dir);
    char v[40];
    tx_day_format(x.year, x.month, x.day, v, sizeof v);
    return tx_set_res(r, d.end, EL_TIMEX_DATE, v, true);
}

/* "the day before" / "the day after" with no object: the day before or
 * after the day last told (like "the previous day"), else the DCT's. */
static bool the_day_around(tx_ctx *c, size_t i, const tw_word *u, size_t len, tx_res *r)
{
    size_t j = i + 1 + len;
    int dir = is_a(c, j, TG_BEFORE) ? -1 : is_a(c, j, TG_AFTER) ? 1 : 0;
    if (strcmp(u->val, "D") || !dir)
        return false;
    if (!no_object(c, j + 1))
        return day_next_to_date(c, j + 1, dir, r);
    bool story = c->ref.year && c->ref.day;
    if (!story && !c->have_dct)
        return tx_set_res(r, j + 1, EL_TIMEX_DATE, "XXXX-XX-XX", true);
    el_date d = el_date_add_days(story ? c->ref : c->dct, dir);
    char v[40];
    tx_day_format(d.year, d.month, d.day, v, sizeof v);
    tx_set_res(r, j + 1, EL_TIMEX_DATE, v, true);
    r->anchor = story ? TX_ANCHOR_REF : TX_ANCHOR_DCT;
    return true;
}

bool tx_r_the_unit(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    if (!is_the(c, i))
        return false;
    if (the_part_of_day(c, i, r))
        return true;
    const tw_word *s = word(c, i + 1, TW_SHIFTER, &len);
    if (s && s->num < 0 && !(s->flags & (TW_RANGE | TW_ANAPHORIC)) && is_a(c, i + 1 + len, TG_PERIOD))
        return topic_quarter(c, i + 2 + len, r);   /* "the latest period" of a quarterly report */
    size_t full = is_a(c, i + 1, TG_WHOLE) ? 1 : 0;   /* "the full year" */
    const tw_word *u = word(c, i + 1 + full, TW_UNIT, &len);
    if (!u || (u->flags & TW_PLURAL))
        return false;
    if (!full && the_day_around(c, i, u, len, r))
        return true;
    if (full || ((!strcmp(u->val, "Y") || !strcmp(u->val, "W")) && !tx_in_title(c, i + 1)))
        return (!strcmp(u->val, "Y") || (!full && !strcmp(u->val, "W")))
            && the_year_or_week(c, i + 1 + full + len, u, r);
    char v[40];
    if (!strcmp(u->val, "WE")) {
        if (!c->have_dct)
            return tx_set_res(r, i + 1 + len, EL_TIMEX_DATE, "XXXX-WXX-WE", true);
        int dir = tx_tense_near(c, i, i + 2) == TX_FUTURE ? 0 : -1;
        if (el_weekday(c->dct) >= 6)
            dir = 0;
        tx_shift_format(c->dct, "WE", dir, v, sizeof v);
        return tx_set_res(r, i + 1 + len, EL_TIMEX_DATE, v, true);
    }
    if (c->in_point_mod && c->have_dct
        && (!strcmp(u->val, "Y") || !strcmp(u->val, "M") || !strcmp(u->val, "W")
            || !strcmp(u->val, "DE") || !strcmp(u->val, "CE"))) {
        tx_shift_format(c->dct, u->val, 0, v, sizeof v);   /* "the end of the year", "... of the decade" */
        return tx_set_res(r, i + 1 + len, EL_TIMEX_DATE, v, true);
    }
    if (!strcmp(u->val, "Q") && !is_kind(c, i + 2, TW_PARTITIVE))
        return topic_quarter(c, i + 1 + len, r);
    return false;
}

/* "year-ago"/"year-earlier" (+ quarter/period): the same period a year before. */
bool tx_r_year_ago(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i;
    if (is_the(c, j))
        j++;
    const tw_word *u = word(c, j, TW_UNIT, NULL);
    const tw_word *rel = word(c, j + 2, TW_RELATION, NULL);
    if (!u || strcmp(u->val, "Y") || !is(c, j + 1, "-") || !rel || rel->num >= 0)
        return false;   /* "year-ago", "year-earlier" */
    j += 3;
    bool quarter = false;
    int q;
    size_t len = tx_ordinal_at(c, j, &q);
    const tw_word *v = word(c, j + len, TW_UNIT, NULL);
    if (v && !strcmp(v->val, "Q")) {
        quarter = true;
        j += len + 1;
    } else if (is_a(c, j, TG_PERIOD)) {
        quarter = true;
        j++;
    }
    char val[40];
    if (!c->have_dct)
        return tx_set_res(r, j, EL_TIMEX_DATE, "PAST_REF", true);
    if (quarter && len && q >= 1 && q <= 4)
        snprintf(val, sizeof val, "%04d-Q%d", c->dct.year - 1, q);
    else if (c->quarter)   /* "the year-ago quarter", "year-earlier profit" in a quarterly report */
        snprintf(val, sizeof val, "%04d-Q%d", c->qyear - 1, c->quarter);
    else if (quarter)
        tx_shift_format(c->dct, "Q", -5, val, sizeof val);
    else
        snprintf(val, sizeof val, "%04d", c->dct.year - 1);
    tx_set_res(r, j, EL_TIMEX_DATE, val, true);
    if (c->quarter && !(quarter && len))
        r->anchor = TX_ANCHOR_QUARTER;
    return true;
}

/* ---- rules: amounts of time --------------------------------------------- */

/* After "N units": ago/earlier/later makes a point in time. */
static bool relative_point(tx_ctx *c, size_t j, const amount *a, const tw_word *u, tx_res *r)
{
    size_t len;
    bool or_so = is_a(c, j, TG_OR) && is_a(c, j + 1, TG_SO) && word(c, j + 2, TW_RELATION, NULL);
    if (or_so)
        j += 2;   /* "a week or so ago" */
    const tw_word *rel = word(c, j, TW_RELATION, &len);
    if (!rel || (rel->flags & TW_ANAPHORIC))
        return false;   /* "three days later": a length from a story event */
    j += len;
    if (a->n < 0 || !c->have_dct)
        return tx_set_res(r, j, EL_TIMEX_DATE, rel->num < 0 ? "PAST_REF" : "FUTURE_REF", true);
    char v[40];
    const char *unit = u->val;
    if (!strcmp(unit, "H") || !strcmp(unit, "MIN") || !strcmp(unit, "S"))
        unit = "D";
    int n = a->n * rel->num;
    if (!strcmp(unit, "Y") && c->quarter) {   /* "a year earlier": the topic quarter, shifted */
        snprintf(v, sizeof v, "%04d-Q%d", c->qyear + n, c->quarter);
        tx_set_res(r, j, EL_TIMEX_DATE, v, true);
        r->anchor = TX_ANCHOR_QUARTER;
        tx_set_mod(r, or_so ? "APPROX" : a->mod);
        return true;
    }
    if (!strcmp(unit, "FN"))
        n *= 2;
    if (!strcmp(unit, "WE"))
        unit = "W";
    if (!strcmp(unit, "DE") || !strcmp(unit, "CE")) {   /* "a decade ago": a year */
        n *= !strcmp(unit, "DE") ? 10 : 100;
        unit = "Y";
    }
    bool story = (rel->flags & TW_STORY) && (!strcmp(unit, "D") || !strcmp(unit, "W"))
        && c->day_sent != SIZE_MAX && c->doc->tokens[j - 1].sentence <= c->day_sent + 2;
    tx_shift_format(story ? c->day : c->dct, unit, n, v, sizeof v);   /* "two days earlier": than the day told */
    tx_set_res(r, j, EL_TIMEX_DATE, v, true);
    if (story)
        r->anchor = TX_ANCHOR_DAY;
    tx_set_mod(r, or_so ? "APPROX" : a->mod);
    return true;
}

/* "will one day be", "may one day return": an indefinite future. */
static bool one_day_ahead(tx_ctx *c, size_t amount_start, size_t j, const tw_word *u, tx_res *r)
{
    if (strcmp(u->val, "D") || !is_kind(c, amount_start, TW_ONE) || amount_start <= c->sbeg)
        return false;
    const tw_word *t = word(c, amount_start - 1, TW_TENSE, NULL);
    if (!t || !((t->flags & TW_MODAL) || c->info[amount_start - 1].tense == TX_FUTURE))
        return false;
    return tx_set_res(r, j, EL_TIMEX_DATE, "FUTURE_REF", true);
}

/* A unit a date can be shifted by (not hours: the DCT has no clock time). */
static bool calendar_unit(const tw_word *u)
{
    static const char *const UNITS[] = {"Y", "M", "W", "D", "DE", "Q", "FN"};
    for (size_t k = 0; k < sizeof UNITS / sizeof UNITS[0]; k++)
        if (!strcmp(u->val, UNITS[k]))
            return true;
    return false;
}

/* The DCT shifted n units u ahead, at the unit's granularity. */
static void dct_ahead(const tx_ctx *c, int n, const char *unit, char *v, size_t cap)
{
    if (!strcmp(unit, "DE")) {
        n *= 10;
        unit = "Y";
    } else if (!strcmp(unit, "FN")) {
        n *= 2;
        unit = "W";
    }
    tx_shift_format(c->dct, unit, n, v, cap);
}

/* "will leave in two weeks", "could double in five years": after "in", in
 * a clause that looks ahead, an amount of calendar units is the point that
 * far after the document date, at the unit's granularity (TimeML: "will be
 * redeemed in five years" is the year five years on); an unspecified amount
 * ("in a few days") is FUTURE_REF.  Not "in five years of work", nor "the
 * first visit in five years" (tx_future_before).  Also "will one day". */
static bool future_in(tx_ctx *c, size_t amount_start, size_t j, const amount *a, const tw_word *u, tx_res *r)
{
    if (one_day_ahead(c, amount_start, j, u, r))
        return true;
    if (!calendar_unit(u) || amount_start <= c->sbeg || !is_a(c, amount_start - 1, TG_IN) || is_a(c, j, TG_OF)
        || is(c, j, "-") || is_a(c, j, TG_DESCRIBER)
        || !tx_future_before(c, amount_start - 1))
        return false;   /* "in a quarter that produced a loss": a period described */
    amount b;
    if (is_a(c, j, TG_OR) && tx_amount_at(c, j + 1, &b) && b.n > a->n && !is_kind(c, j + 1, TW_INDEFINITE))
        return tx_set_res(r, j + 1 + b.len, EL_TIMEX_DATE, "FUTURE_REF", true);   /* "in a year or two" */
    if (a->n < 0 || !c->have_dct)
        return tx_set_res(r, j, EL_TIMEX_DATE, "FUTURE_REF", true);
    char v[40];
    dct_ahead(c, a->n, u->val, v, sizeof v);
    tx_set_res(r, j, EL_TIMEX_DATE, v, true);
    tx_set_mod(r, a->mod);
    return true;
}

/* True after a number or a counted plural noun ("million", "flights"). */
static bool after_quantity(const tx_ctx *c, size_t i)
{
    if (i <= c->sbeg || !is_kind(c, i, TW_INDEFINITE))
        return false;
    size_t n;
    const char *s = text(c, i - 1, &n);
    if (isdigit((unsigned char)s[0]) || word(c, i - 1, TW_NUMBER, NULL))
        return true;
    const el_token *t = &c->doc->tokens[i - 1];
    return n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && !(t->flags & EL_TOK_CAP)
        && (t->flags & EL_TOK_WORD) && !word(c, i - 1, TW_PREP, NULL)
        && !word(c, i - 1, TW_TENSE, NULL) && !word(c, i - 1, TW_UNIT, NULL);
}

static bool lower_word(const tx_ctx *c, size_t i)
{
    return i < c->lim && (c->doc->tokens[i].flags & EL_TOK_WORD) && !(c->doc->tokens[i].flags & EL_TOK_CAP);
}

/* "Kopp, a 44-year-old ...": an age in apposition to a name. */
static bool appositive_age(const tx_ctx *c, size_t amount_start)
{
    size_t k = amount_start;
    if (k < c->sbeg + 3 || !is_kind(c, k - 1, TW_INDEFINITE) || !is(c, k - 2, ","))
        return false;
    return (c->doc->tokens[k - 3].flags & EL_TOK_CAP) && !c->info[k - 3].n;
}

/* "an 18-month-old truce": the noun after an age adjective is a thing (a
 * lower-case word that is no person noun, preposition or verb cue); a
 * person noun may come after one or two more adjectives ("a 44-year-old
 * anti-abortion protester"). */
static bool age_of_a_thing(const tx_ctx *c, size_t i)
{
    if (!lower_word(c, i))
        return false;
    for (size_t k = i; k < i + 5 && k < c->lim; k++) {
        if (word(c, k, TW_PERSON, NULL))
            return false;
        if (is(c, k, "-") && (c->doc->tokens[k].flags & EL_TOK_GLUED))
            continue;   /* "anti-abortion", "obstetrician-gynecologist" */
        if (!lower_word(c, k) || word(c, k, TW_PREP, NULL) || word(c, k, TW_TENSE, NULL)
            || is_a(c, k, TG_COORD | TG_RELATIVE))
            break;
    }
    return !word(c, i, TW_PREP, NULL) && !word(c, i, TW_TENSE, NULL);
}

/* "and a half" at j: tokens used (0 = none). */
static size_t and_a_half(const tx_ctx *c, size_t j)
{
    return is_a(c, j, TG_NUMBER_AND) && is_kind(c, j + 1, TW_INDEFINITE) && is_a(c, j + 2, TG_HALF) ? 3 : 0;
}

/* A half after an amount ("2 1/2", "two and a half"), or "half a(n)" in
 * place of one ("half an hour": n = 0); tokens used by the half. */
static size_t amount_half(const tx_ctx *c, size_t i, size_t j, amount *a, bool *half)
{
    size_t n;
    const char *s = text(c, j, &n);
    *half = false;
    if (j < c->lim && ((n == 3 && !memcmp(s, "1/2", 3)) || (n == 2 && !memcmp(s, "\xc2\xbd", 2)))
        && c->info[i].lead >= 0)
        return *half = true, 1;
    if ((n = and_a_half(c, j)) && a->n >= 1 && !is_kind(c, i, TW_INDEFINITE))
        return *half = true, n;
    return 0;
}

/* After "N unit" at *j: false if the amount is a rate, an age or part of
 * a longer adjective; else moves *j over "-old" (a thing's age), "-long"
 * and "and a half". */
static bool duration_after_unit(const tx_ctx *c, size_t *j, size_t amount_start, bool hyphen,
                                const amount *a, bool *half)
{
    size_t len;
    if (a->n == 1 && a->len == 1 && after_quantity(c, amount_start))
        return false;  /* "$2 a year", "four flights a week": a rate */
    if (!hyphen && is(c, *j, "-") && (c->doc->tokens[*j].flags & EL_TOK_GLUED))
        return false;  /* "a year-earlier loss": part of a longer adjective */
    if (is_a(c, *j, TG_AGE))
        return false;   /* "five years old": a person's age */
    if (hyphen && is(c, *j, "-") && is_a(c, *j + 1, TG_AGE)) {
        if (!age_of_a_thing(c, *j + 2) || appositive_age(c, amount_start))
            return false;   /* "a 6-year-old boy", "the 6-year-old": a person's age */
        *j += 2;            /* "an 18-month-old truce": how long it has lasted */
    }
    if (hyphen && is(c, *j, "-") && is_a(c, *j + 1, TG_LONG))
        *j += 2;
    if (!*half && !hyphen && a->n == 1 && (len = and_a_half(c, *j))) {
        *half = true;   /* "a minute and a half" */
        *j += len;
    }
    return true;
}

/* "two to three weeks", "three or four years", "between two and six
 * days": the first number of a range is a length of its own, in the unit
 * after the second (TimeML tags both ends); j is just after the first. */
static bool range_start(tx_ctx *c, size_t amount_start, size_t j, const amount *a, tx_res *r)
{
    amount b;
    size_t len;
    bool between = amount_start > c->sbeg && is_a(c, amount_start - 1, TG_BETWEEN);
    if (a->n < 0 || is_kind(c, amount_start, TW_INDEFINITE))
        return false;
    if (!(is_a(c, j, TG_AMOUNT_RANGE) || (between && is_a(c, j, TG_NUMBER_AND))))
        return false;
    if (!tx_amount_at(c, j + 1, &b) || b.n < 0 || b.n < a->n || is_kind(c, j + 1, TW_INDEFINITE))
        return false;
    const tw_word *u = word(c, j + 1 + b.len, TW_UNIT, &len);
    if (!u || tx_in_title(c, j + 1 + b.len) || word(c, j + 1 + b.len + len, TW_RELATION, NULL))
        return false;   /* "two or three years ago": one point, not two lengths */
    char v[40];
    tx_duration_format(u->val, a->n, v, sizeof v);
    return tx_set_res(r, j, EL_TIMEX_DURATION, v, false);
}

/* (the) (first) five years / 35-minute / 18-month-old / a decade ago /
 * 2 1/2 years / half an hour / a minute and a half */
bool tx_r_amount_unit(tx_ctx *c, size_t i, tx_res *r)
{
    size_t j = i, len;
    bool the = is_the(c, j), half = false;
    if (the)
        j++;
    int o;
    if (the && (len = tx_ordinal_at(c, j, &o)) && o == 1)
        j += len;   /* "the first nine months" */
    amount a;
    if (!the && is_a(c, j, TG_HALF) && is_kind(c, j + 1, TW_INDEFINITE)) {
        a = (amount){0, 2, ""};
        half = true;
    } else if (!tx_amount_at(c, j, &a) || (the && a.n == 1 && is_kind(c, j, TW_INDEFINITE))) {
        return false;
    }
    size_t amount_start = j;
    j += a.len;
    if (!half)
        j += amount_half(c, amount_start, j, &a, &half);
    if (!the && !half && range_start(c, amount_start, j, &a, r))
        return true;
    size_t flen;
    if (!is(c, j, "-") && word(c, j, TW_FILLER, &flen) && word(c, j + flen, TW_UNIT, NULL))
        j += flen;   /* "two more weeks", "an additional year" */
    bool hyphen = is(c, j, "-");
    size_t skip_to = 0;
    if (hyphen) {
        j++;
        if (the)
            skip_to = amount_start;   /* "the two-year plan": the adjective alone */
        the = false;
    }
    const tw_word *u = word(c, j, TW_UNIT, &len);
    if (u && tx_in_title(c, j))
        return false;   /* "60 Minutes", a show */
    if (!u || (!hyphen && a.n == 1 && (u->flags & TW_PLURAL))
        || (!hyphen && a.n >= 100 && !(u->flags & TW_PLURAL)))
        return false;   /* "the 1988 quarter" is no amount */
    if (a.n == 1 && !strcmp(u->val, "S") && tx_number_tok(c, j - 1) < 0)
        return false;  /* "a second", "one second" are rarely durations */
    if (!strcmp(u->val, "Q") && is_kind(c, j + len, TW_PARTITIVE) && a.n >= 1 && a.n <= 3)
        return false;  /* "three quarters of": a fraction */
    j += len;
    if (!the && relative_point(c, j, &a, u, r))
        return true;
    if (!the && !hyphen && !half && future_in(c, amount_start, j, &a, u, r))
        return true;
    if (!duration_after_unit(c, &j, amount_start, hyphen, &a, &half))
        return false;
    bool or_so = is_a(c, j, TG_OR) && is_a(c, j + 1, TG_SO);
    if (or_so)
        j += 2;
    char v[40];
    if (half && a.n >= 0)
        tx_half_duration_format(u->val, a.n, v, sizeof v);
    else
        tx_duration_format(u->val, a.n, v, sizeof v);
    tx_set_res(r, j, EL_TIMEX_DURATION, v, false);
    tx_set_mod(r, or_so ? "APPROX" : a.mod);
    r->start = skip_to;
    return true;
}

/* for years / in decades / over the years / in the weeks ahead: an
 * unspecified amount after a preposition; decades-long / a day-long
 * meeting */
bool tx_r_bare_plural(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len, b = i;
    bool the = is_the(c, i);
    if (the)
        i++;
    const tw_word *u = word(c, i, TW_UNIT, &len);
    if (!u || !strcmp(u->val, "Q") || !strcmp(u->val, "S") || (the && !(u->flags & TW_PLURAL)))
        return false;
    bool plural = u->flags & TW_PLURAL;
    char v[40];
    tx_duration_format(u->val, plural ? -1 : 1, v, sizeof v);
    if (is(c, i + len, "-") && (c->doc->tokens[i + len].flags & EL_TOK_GLUED) && is_a(c, i + len + 1, TG_LONG))
        return !the && tx_set_res(r, i + len + 2, EL_TIMEX_DURATION, v, false);   /* "decades-long", "day-long" */
    if (!plural)
        return false;
    const tw_word *p = b > c->sbeg ? word(c, b - 1, TW_PREP, NULL) : NULL;
    if (!p || !strstr(p->val, "span") || is_a(c, i + len, TG_OF))
        return false;   /* "for years", not "years of war" */
    if (the && is_a(c, i + len, TG_BEFORE | TG_AFTER))
        return false;   /* "in the weeks before the vote": a time told by an event */
    if (the && is_a(c, i + len, TG_AHEAD))
        len++;          /* "in the weeks ahead" */
    size_t len2;
    const tw_word *u2 = is_a(c, i + len, TG_OR) ? word(c, i + len + 1, TW_UNIT, &len2) : NULL;
    if (u2 && (u2->flags & TW_PLURAL) && !is_a(c, i + len + 1 + len2, TG_OF)) {
        tx_set_res(r, i + len + 1 + len2, EL_TIMEX_DURATION, v, false);
        tx_set_mod(r, "APPROX");   /* "weeks or months": an uncertain length */
        return true;
    }
    return tx_set_res(r, i + len, EL_TIMEX_DURATION, v, false);
}

/* ---- rules: clock times --------------------------------------------------- */

/* Hour and minute at i: "4:34", "4", "5pm"; returns tokens used. */
size_t tx_clock_digits(const tx_ctx *c, size_t i, int *h, int *m, int *ampm)
{
    if (i >= c->lim || c->info[i].lead < 0 || c->info[i].ndig > 2)
        return 0;
    size_t n, k = c->info[i].ndig;
    const char *s = text(c, i, &n);
    *h = c->info[i].lead;
    *m = 0;
    *ampm = 0;
    if (k < n && s[k] == ':') {
        if (n < k + 3 || !isdigit((unsigned char)s[k + 1]) || !isdigit((unsigned char)s[k + 2]))
            return 0;
        *m = (s[k + 1] - '0') * 10 + (s[k + 2] - '0');
        k += 3;
    }
    if (n - k == 2 && (s[k] == 'a' || s[k] == 'A' || s[k] == 'p' || s[k] == 'P')
        && (s[k + 1] == 'm' || s[k + 1] == 'M'))
        *ampm = s[k] == 'a' || s[k] == 'A' ? 1 : 2;
    else if (k != n)
        return 0;
    return *h <= 24 && *m <= 59 ? 1 : 0;
}

/* Day a clock time belongs to: a date right after it, else the last day
 * mentioned before it, else the DCT. */
static bool clock_day(tx_ctx *c, size_t *j, char *day, size_t cap, tx_anchor *anchor)
{
    *anchor = TX_ANCHOR_DCT;
    tx_res d;
    size_t k = *j;
    bool on = is_a(c, k, TG_ON);   /* "at 4 p.m. on Monday": two timexes, one day */
    if (on || is(c, k, ","))
        k++;
    if ((tx_r_weekday(c, k, &d) || tx_r_deictic(c, k, &d) || tx_r_month(c, k, &d) || tx_r_day_month(c, k, &d))
        && strlen(d.value) == 10) {
        if (!on)
            *j = d.end;
        snprintf(day, cap, "%s", d.value);
        return true;
    }
    if (c->day_sent != SIZE_MAX) {   /* the story's current day */
        tx_day_format(c->day.year, c->day.month, c->day.day, day, cap);
        *anchor = TX_ANCHOR_DAY;
    }
    else if (c->have_dct)
        tx_day_format(c->dct.year, c->dct.month, c->dct.day, day, cap);
    else
        snprintf(day, cap, "XXXX-XX-XX");
    return false;
}

/* A zone named after a place: "Moscow time" (a capitalized word no time
 * word, then "time"). */
static bool place_time(const tx_ctx *c, size_t j)
{
    return j + 1 < c->lim && (c->doc->tokens[j].flags & EL_TOK_CAP) && (c->doc->tokens[j].flags & EL_TOK_WORD)
        && !c->info[j].n && is_a(c, j + 1, TG_TIME);
}

static void clock_zone(const tx_ctx *c, size_t *j, char *zone, size_t cap)
{
    size_t len;
    const tw_word *z = word(c, *j, TW_ZONE, &len);
    zone[0] = '\0';
    if (!z && place_time(c, *j))
        *j += 2;   /* the offset depends on the place and date: none */
    if (!z)
        return;
    *j += len;
    if (strcmp(z->val, "-"))
        snprintf(zone, cap, "%s", z->val);
}

/* Is YYYY-MM-DD (day) in US daylight saving time?  Since 2007 from the
 * second Sunday of March to the first Sunday of November, before from the
 * first Sunday of April to the last Sunday of October (at day precision). */
static bool us_dst(int y, int mo, int d)
{
    el_date first = {y, mo, 1};
    int wd = el_weekday(first);   /* 1 = Monday ... 7 = Sunday */
    int first_sunday = 1 + (7 - wd) % 7;
    if (y >= 2007) {
        if (mo > 3 && mo < 11) return true;
        if (mo == 3) return d >= first_sunday + 7;
        if (mo == 11) return d < first_sunday;
        return false;
    }
    if (mo > 4 && mo < 10) return true;
    if (mo == 4) return d >= first_sunday;
    if (mo == 10) {
        int last_sunday = first_sunday + 28 <= 31 ? first_sunday + 28 : first_sunday + 21;
        return d < last_sunday;
    }
    return false;
}

/* The UTC offset of zone code z (zones.tsv: "Z", "-05", "US-05" = a US zone
 * whose offset follows daylight saving time) on day (YYYY-MM-DD), as
 * "-04:00" / "Z" in out; "" when the day or the offset is unknown. */
static void utc_offset(const char *z, const char *day, char *out, size_t cap)
{
    int y, mo, d, h;
    out[0] = '\0';
    if (!strcmp(z, "Z")) {
        snprintf(out, cap, "Z");
        return;
    }
    bool us = !strncmp(z, "US", 2);
    if (sscanf(us ? z + 2 : z, "%d", &h) != 1 || (z[us ? 2 : 0] != '-' && z[us ? 2 : 0] != '+'))
        return;
    if (us) {
        if (sscanf(day, "%4d-%2d-%2d", &y, &mo, &d) != 3 || strlen(day) != 10)
            return;
        h += us_dst(y, mo, d);
    }
    if (h < -12 || h > 14)
        return;
    snprintf(out, cap, "%c%02d:00", h < 0 ? '-' : '+', h < 0 ? -h : h);
}

/* "at 0400 GMT": four digits HHMM after a preposition, before a zone with
 * a fixed offset; 5 (a 24-hour clock) or 0. */
static int military_time(const tx_ctx *c, size_t j, int *h, int *m)
{
    size_t n;
    const tw_word *z = word(c, j + 1, TW_ZONE, NULL);
    if (j >= c->lim || !tx_prev_is_class(c, j, TW_PREP) || c->info[j].ndig != 4 || (text(c, j, &n), n != 4) || !z || !strcmp(z->val, "-"))
        return 0;
    *h = c->info[j].lead / 100;
    *m = c->info[j].lead % 100;
    return *h <= 23 && *m <= 59 ? 5 : 0;
}

/* "in the morning" / "in the evening" / "at night" after an hour: tokens
 * used (0 = none); *h becomes a 24-hour hour. */
static size_t clock_part_of_day(const tx_ctx *c, size_t j, int *h)
{
    size_t len, used = 0;
    const tw_word *p = NULL;
    if (is_a(c, j, TG_IN) && is_the(c, j + 1) && (p = word(c, j + 2, TW_PART_OF_DAY, &len)))
        used = 2 + len;
    else if (is_a(c, j, TG_AT) && is_a(c, j + 1, TG_NIGHT) && (p = word(c, j + 1, TW_PART_OF_DAY, &len)))
        used = 1 + len;
    if (!used || *h < 1 || *h > 12)
        return 0;
    bool pm = strcmp(p->val, "MO") && !(!strcmp(p->val, "NI") && *h < 5);   /* "2 at night" is early */
    if (pm && *h < 12)
        *h += 12;
    if (!pm && *h == 12)
        *h = 0;
    return used;
}

/* 4:34 p.m. (ET) / 10 a.m. Wednesday / noon / midnight / 5 o'clock /
 * at 4 in the morning */
bool tx_r_clock(tx_ctx *c, size_t i, tx_res *r)
{
    int h = 0, m = 0, ampm = 0;
    size_t j = i, len;
    const tw_word *k = word(c, j, TW_CLOCK, &len);
    bool has_colon = false;
    bool midnight = false;
    if (k && (!strcmp(k->val, "NOON") || !strcmp(k->val, "MIDNIGHT")) && !tx_in_title(c, j)) {
        midnight = !strcmp(k->val, "MIDNIGHT");
        h = midnight ? 0 : 12;
        j += len;
    } else {
        if (!(len = tx_clock_digits(c, j, &h, &m, &ampm)) && !(ampm = military_time(c, j, &h, &m)))
            return false;
        size_t tlen;
        const char *tt = text(c, j, &tlen);   /* (not in one call: len must be read after text() sets it) */
        has_colon = memchr(tt, ':', tlen) != NULL;
        j++;
        if (!ampm && (k = word(c, j, TW_CLOCK, &len))) {
            ampm = !strcmp(k->val, "AM") ? 1 : !strcmp(k->val, "PM") ? 2 : !strcmp(k->val, "OCLOCK") ? 3 : 0;
            if (ampm)
                j += len;
        }
        size_t pod = !ampm && tx_prev_is_class(c, i, TW_PREP) ? clock_part_of_day(c, j, &h) : 0;
        if (pod) {
            j += pod;
            ampm = 4;   /* the part of the day said which half */
        }
        if (!ampm && !(has_colon && tx_prev_is_class(c, i, TW_PREP) && h <= 23))
            return false;
        if (ampm && ampm < 3 && (h > 12 || h == 0))
            return false;
        if (ampm == 2 && h < 12)
            h += 12;
        if (ampm == 1 && h == 12)
            h = 0;
    }
    char zone[16], day[40], v[80];
    clock_zone(c, &j, zone, sizeof zone);
    tx_anchor anchor;
    bool own_day = clock_day(c, &j, day, sizeof day, &anchor);
    if (midnight && (own_day || anchor == TX_ANCHOR_DAY))
        h = 24;   /* "midnight Friday", or "by midnight" in a story of Friday: the end of Friday */
    snprintf(v, sizeof v, "%sT%02d:%02d", day, h, m);
    tx_set_res(r, j, EL_TIMEX_TIME, v, true);
    utc_offset(zone, day, r->zone, sizeof r->zone);   /* the value stays local (TimeBank) */
    r->anchor = anchor;
    return true;
}

/* ---- rules: sets ---------------------------------------------------------- */

/* The period after a frequency at j: "a week", "per month", "every
 * year" (P1W ...) or a set word ("weekly"); tokens used, 0 = none. */
static size_t freq_period(const tx_ctx *c, size_t j, char *v, size_t cap)
{
    size_t len;
    const tw_word *s = word(c, j, TW_SET, &len), *u;
    if (s && s->val[0] == 'P') {
        tx_copy_str(v, cap, s->val);
        return len;
    }
    if (!(is_kind(c, j, TW_INDEFINITE) || (s && !strcmp(s->val, "QUANT"))))
        return 0;
    size_t q = s ? len : 1;
    if (!(u = word(c, j + q, TW_UNIT, &len)) || (u->flags & TW_PLURAL))
        return 0;
    tx_duration_format(u->val, 1, v, cap);
    return q + len;
}

/* twice a week / three times a year / once daily: a SET with a freq */
static bool freq_set(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len, j = i;
    const tw_word *f = word(c, i, TW_SET, &len);
    char freq[12], v[40];
    amount a;
    if (!f && !is_a(c, i + 1, TG_TIMES) && !is_a(c, i + 2, TG_TIMES) && !is_a(c, i + 3, TG_TIMES))
        return false;   /* quick reject: most numbers count no times */
    if (f && !strcmp(f->aux, "FREQ")) {
        tx_copy_str(freq, sizeof freq, f->val);
        j += len;
    } else if (!f && tx_amount_at(c, i, &a) && a.n >= 1 && a.n < 1000 && is_a(c, i + a.len, TG_TIMES)
               && !is_kind(c, i, TW_INDEFINITE)) {
        snprintf(freq, sizeof freq, "%dX", a.n);
        j += a.len + 1;
    } else {
        return false;
    }
    if (!(len = freq_period(c, j, v, sizeof v)))
        return false;
    tx_set_res(r, j + len, EL_TIMEX_SET, v, false);
    tx_copy_str(r->freq, sizeof r->freq, freq);
    return true;
}

/* daily / every year / each Monday / every two weeks / per hour / twice a
 * week */
static bool quantity_at(const tx_ctx *c, size_t k)
{
    return c->info[k].lead >= 0 || word(c, k, TW_NUMBER, NULL) || is(c, k, "%") || is_a(c, k, TG_PERCENT);
}

/* A set word after a quantity is a rate ("grow 8% annually", "10,000
 * units annually", "doubling its profits annually"): no recurring time.
 * A plural counts only after a number or possessive ("the paper appears
 * daily" is a set). */
static bool rate_before(const tx_ctx *c, size_t i)
{
    if (i <= c->sbeg)
        return false;
    size_t k = i - 1, n;
    const char *s = text(c, k, &n);
    if (quantity_at(c, k))
        return true;
    bool plural = n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && lower_word(c, k) && !c->info[k].n;
    return plural && k > c->sbeg
        && (quantity_at(c, k - 1) || is_a(c, k - 1, TG_OWNER));
}

bool tx_r_set(tx_ctx *c, size_t i, tx_res *r)
{
    size_t len;
    if (freq_set(c, i, r))
        return true;
    const tw_word *s = word(c, i, TW_SET, &len);
    if (!s || !strcmp(s->aux, "FREQ"))
        return false;
    if (strcmp(s->val, "QUANT")) {
        if (rate_before(c, i))
            return false;
        tx_set_res(r, i + len, EL_TIMEX_SET, s->val, false);
        tx_copy_str(r->quant, sizeof r->quant, s->aux);   /* "each season": EACH */
        return true;
    }
    size_t j = i + len;
    amount a = {1, 0, ""};
    if (is_a(c, j, TG_OTHER))
        a.n = 2, a.len = 1;
    else if (!tx_amount_at(c, j, &a) || a.n < 1 || is_kind(c, j, TW_INDEFINITE))
        a = (amount){1, 0, ""};
    j += a.len;
    const tw_word *u = word(c, j, TW_UNIT, &len), *w = NULL;
    char v[40];
    if (u && (a.n == 1) == !(u->flags & TW_PLURAL))
        tx_duration_format(u->val, a.n, v, sizeof v);
    else if (a.n == 1 && (w = word(c, j, TW_WEEKDAY, &len)))
        snprintf(v, sizeof v, "XXXX-WXX-%d", w->num);
    else if (a.n == 1 && (w = word(c, j, TW_MONTH, &len)))
        snprintf(v, sizeof v, "XXXX-%02d", w->num);   /* each July */
    else if (a.n == 1 && (w = word(c, j, TW_SEASON, &len)))
        snprintf(v, sizeof v, "XXXX-%s", w->val);   /* every summer */
    else if (a.n == 1 && (w = word(c, j, TW_PART_OF_DAY, &len)))
        snprintf(v, sizeof v, "TXX%s", w->val);   /* placeholder, fixed below */
    else
        return false;
    if (v[0] == 'T')
        snprintf(v, sizeof v, "XXXX-XX-XXT%s", w->val);
    tx_set_res(r, j + len, EL_TIMEX_SET, v, false);
    tx_copy_str(r->quant, sizeof r->quant, s->aux);
    return true;
}

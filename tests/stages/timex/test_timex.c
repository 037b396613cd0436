/* test_timex.c - the time-expression stage, rule by rule: each table row is
 * a sentence written for one rule, the document creation time (DCT, "" =
 * unknown), and the timex expected in it (its text, type, value, mod; a
 * NULL type means the text must NOT be tagged).  Also: non-overlap and
 * ordering of the output, intervals, spans inside a token, no DCT. */
#include "test_util.h"
#include "stages/timex/timex.h"
#include "stages/timex/timex_norm.h"
#include "stages/timex/timex_lexicon.h"
#include "text/tokenize.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct tx_case {
    const char *text;
    const char *dct;     /* YYYY-MM-DD or "" */
    const char *span;    /* expected timex text */
    const char *type;    /* DATE/TIME/DURATION/SET, NULL = must not be a timex */
    const char *value;
    const char *mod;     /* "" = none */
} tx_case;

typedef struct fixture {
    el_time_lexicon *lx;
    el_abbrevs *ab;
} fixture;

static const char *gazetteer_dir(void)
{
    const char *d = getenv("EVENTLINE_GAZETTEERS");
    return d && *d ? d : "gazetteers";
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    char *err = NULL, path[4096];
    f->lx = el_time_lexicon_load(gazetteer_dir(), &err);
    if (!f->lx) {
        fprintf(stderr, "time lexicon: %s\n", err ? err : "?");
        free(err);
        free(f);
        return -1;
    }
    snprintf(path, sizeof path, "%s/abbreviations.tsv", gazetteer_dir());
    f->ab = el_abbrevs_load(path, &err);
    if (!f->ab) {
        free(err);
        f->ab = el_abbrevs_default();
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    el_time_lexicon_free(f->lx);
    el_abbrevs_free(f->ab);
    free(f);
    return 0;
}

static el_doc *tag(const fixture *f, const char *text, const char *dct)
{
    el_doc *d = el_doc_new("t", NULL, el_strdup(text), strlen(text));
    if (dct && *dct)
        assert_true(el_date_parse(dct, &d->dct));
    el_tokenize(d, f->ab);
    el_timex_tag(d, f->lx);
    return d;
}

static const el_timex *find_span(const el_doc *d, const char *span)
{
    size_t n = strlen(span);
    for (size_t i = 0; i < d->ntimexes; i++) {
        const el_timex *t = &d->timexes[i];
        if (t->end - t->start == n && !memcmp(d->text + t->start, span, n))
            return t;
    }
    return NULL;
}

static void dump(const el_doc *d)
{
    for (size_t i = 0; i < d->ntimexes; i++) {
        const el_timex *t = &d->timexes[i];
        fprintf(stderr, "    got [%.*s] %s %s %s\n", (int)(t->end - t->start), d->text + t->start,
                el_timex_type_name(t->type), t->value, t->mod);
    }
}

/* Text overlapping `span` in the document, for negative cases. */
static bool any_overlap(const el_doc *d, const char *span)
{
    const char *p = strstr(d->text, span);
    assert_non_null(p);
    size_t b = (size_t)(p - d->text), e = b + strlen(span);
    for (size_t i = 0; i < d->ntimexes; i++)
        if (d->timexes[i].start < e && b < d->timexes[i].end)
            return true;
    return false;
}

static void check_case(const fixture *f, const tx_case *c)
{
    el_doc *d = tag(f, c->text, c->dct);
    if (!c->type) {
        if (any_overlap(d, c->span)) {
            fprintf(stderr, "  \"%s\": [%s] must not be a timex\n", c->text, c->span);
            dump(d);
            fail();
        }
        el_doc_free(d);
        return;
    }
    const el_timex *t = find_span(d, c->span);
    bool ok = t && !strcmp(el_timex_type_name(t->type), c->type) && !strcmp(t->value, c->value)
        && !strcmp(t->mod, c->mod);
    if (!ok) {
        fprintf(stderr, "  \"%s\" (DCT %s): want [%s] %s %s %s\n", c->text, c->dct, c->span,
                c->type, c->value, c->mod);
        dump(d);
    }
    el_doc_free(d);
    assert_true(ok);
}

static void run_table(void **state, const tx_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++)
        check_case(*state, &cases[i]);
}

#define RUN(tbl) run_table(state, tbl, sizeof tbl / sizeof tbl[0])

/* ---- clock times -------------------------------------------------------- */

static const tx_case CLOCK[] = {
    {"The vote closed at 4:34 p.m. yesterday.", "2023-06-20", "4:34 p.m. yesterday", "TIME", "2023-06-19T16:34", ""},
    {"On June 19 the talks began at 4:34 p.m. and ended at 5:09 p.m.", "2023-06-25", "4:34 p.m.", "TIME", "2023-06-19T16:34", ""},
    {"On June 19 the talks began at 4:34 p.m. and ended at 5:09 p.m.", "2023-06-25", "5:09 p.m.", "TIME", "2023-06-19T17:09", ""},
    {"The plane landed at 5:09 p.m. local time.", "2023-06-19", "5:09 p.m. local time", "TIME", "2023-06-19T17:09", ""},
    {"The market opens at 10 a.m. ET.", "2023-06-19", "10 a.m. ET", "TIME", "2023-06-19T10:00", ""},
    {"They met at noon.", "2023-06-19", "noon", "TIME", "2023-06-19T12:00", ""},
    {"The curfew starts at midnight.", "2023-06-19", "midnight", "TIME", "2023-06-19T00:00", ""},
    {"The offer was due to expire at midnight Friday.", "2023-06-19", "midnight Friday", "TIME", "2023-06-16T24:00", ""},
    /* in a story of another day, bare "midnight" ends that day (after its 10 p.m.) */
    {"The fire started at 10 p.m. Monday and was contained by midnight.", "2026-06-03", "midnight", "TIME", "2026-06-01T24:00", ""},
    {"The ceremony is at 9 a.m. on Monday.", "2023-06-16", "9 a.m.", "TIME", "2023-06-19T09:00", ""},
    {"Trading halted around 7:15 p.m.", "2023-06-19", "around 7:15 p.m.", "TIME", "2023-06-19T19:15", "APPROX"},
    {"The score was 4:34 at half time.", "2023-06-19", "4:34", NULL, NULL, NULL},
    /* an hour with its part of the day */
    {"The convoy leaves at 4 in the morning.", "2023-06-19", "4 in the morning", "TIME", "2023-06-19T04:00", ""},
    {"The shelling began at 10 at night.", "2023-06-19", "10 at night", "TIME", "2023-06-19T22:00", ""},
    {"Polls close at 8 in the evening.", "2023-06-19", "8 in the evening", "TIME", "2023-06-19T20:00", ""},
    {"Gunmen killed 4 in the morning raid.", "2023-06-19", "4", NULL, NULL, NULL},
    /* a 24-hour time after a preposition; zones named in words or by a place */
    {"The strike began at 14:00 on Tuesday.", "2023-06-21", "14:00", "TIME", "2023-06-20T14:00", ""},
    {"Polls will close at 5 p.m. Eastern time Friday.", "2023-06-21", "5 p.m. Eastern time Friday", "TIME", "2023-06-23T17:00", ""},
    {"The jet landed at 3 p.m. Moscow time.", "2023-06-21", "3 p.m. Moscow time", "TIME", "2023-06-21T15:00", ""},
    {"The polls closed at 8 p.m. EST.", "2023-06-21", "8 p.m. EST.", "TIME", "2023-06-21T20:00", ""},
    {"The quake struck at 0400 GMT.", "2023-06-21", "0400 GMT", "TIME", "2023-06-21T04:00", ""},
    {"He scored 2000 points.", "2023-06-21", "2000", NULL, NULL, NULL},
};

static void test_clock_times(void **state) { RUN(CLOCK); }

/* ---- calendar dates ---------------------------------------------------- */

static const tx_case DATES[] = {
    {"The treaty was signed June 19, 2023 in Rome.", "2023-07-01", "June 19, 2023", "DATE", "2023-06-19", ""},
    {"The treaty was signed 19 June 2023 in Rome.", "2023-07-01", "19 June 2023", "DATE", "2023-06-19", ""},
    {"The treaty was signed on June 19.", "2023-06-20", "June 19", "DATE", "2023-06-19", ""},
    {"Filed 2023-06-20 by the clerk.", "2023-07-01", "2023-06-20", "DATE", "2023-06-20", ""},
    {"Released March 01 , 2008 worldwide.", "2008-03-05", "March 01 , 2008", "DATE", "2008-03-01", ""},
    {"Dated 6/19/2023 at the top.", "2023-07-01", "6/19/2023", "DATE", "2023-06-19", ""},
    {"The law passed in 2021.", "2023-07-01", "2021", "DATE", "2021", ""},
    {"Prices soared in the 1990s.", "2023-07-01", "the 1990s", "DATE", "199", ""},
    {"It was built in the 20th century.", "2023-07-01", "the 20th century", "DATE", "19", ""},
    {"Profit rose in the third quarter.", "2023-11-02", "the third quarter", "DATE", "2023-Q3", ""},
    {"Sales in Q3 2023 were flat.", "2023-11-02", "Q3 2023", "DATE", "2023-Q3", ""},
    {"Profit rose in the first half of 2023.", "2023-11-02", "the first half of 2023", "DATE", "2023-H1", ""},
    {"He ate a half of the pie.", "2023-11-02", "half", NULL, NULL, NULL},
    {"Earnings fall in the last half of 2023.", "2023-11-02", "the last half of 2023", "DATE", "2023-H2", ""},
    {"Earnings fell in the last quarter.", "2023-11-02", "the last quarter", "DATE", "2023-Q3", ""},
    {"The fourth-quarter results disappointed.", "2023-11-02", "fourth-quarter", "DATE", "2023-Q4", ""},
    {"The bridge opened in summer 2022.", "2023-07-01", "summer 2022", "DATE", "2022-SU", ""},
    {"Demand stayed high well into the summer.", "2023-10-01", "the summer", "DATE", "2023-SU", ""},
    {"Leaves fall early.", "2023-10-01", "fall", NULL, NULL, NULL},
    {"The budget for fiscal 2021 was cut.", "2023-07-01", "fiscal 2021", "DATE", "2021", ""},
    {"The budget for fiscal year 2021 was cut.", "2023-07-01", "fiscal year 2021", "DATE", "2021", ""},
    {"Sales beat the year-ago quarter.", "2023-11-02", "the year-ago quarter", "DATE", "2022-Q3", ""},
    {"Third-quarter profit rose, from a year-earlier loss.", "2023-11-02", "year-earlier", "DATE", "2022-Q3", ""},
    {"Shops close on Christmas Day.", "2023-12-01", "Christmas Day", "DATE", "2023-12-25", ""},
    {"Visitors came on Thanksgiving.", "2023-12-01", "Thanksgiving", "DATE", "2023-11-23", ""},
    {"It ended in January nineteen ninety-seven.", "1998-03-01", "January nineteen ninety-seven", "DATE", "1997-01", ""},
    {"He was there in the year two thousand.", "2003-03-01", "the year two thousand", "DATE", "2000", ""},
    {"The war lasted from 2007 to 2012.", "2023-07-01", "2007", "DATE", "2007", ""},
    {"The war lasted from 2007 to 2012.", "2023-07-01", "2012", "DATE", "2012", ""},
    {"In this year's third quarter sales fell.", "2023-11-02", "this year's third quarter", "DATE", "2023-Q3", ""},
    {"They paid $2,000 for 1500 shares.", "2023-07-01", "1500", NULL, NULL, NULL},
    {"Leaders of the 1992 protests left.", "2023-07-01", "1992", "DATE", "1992", ""},
    {"In 1998 and 1999 sales fell.", "2023-07-01", "1999", "DATE", "1999", ""},
    {"He paid 1990 dollars in May and 2000 dollars then.", "2023-07-01", "2000 dollars then", NULL, NULL, NULL},
    {"Between March and May prices rose.", "2023-06-21", "March", "DATE", "2023-03", ""},
};

static void test_calendar_dates(void **state) { RUN(DATES); }

/* ---- weekdays and words relative to the DCT ------------------------------ */

static const tx_case RELATIVE[] = {
    {"The minister arrived on Monday.", "2023-06-21", "Monday", "DATE", "2023-06-19", ""},
    {"The envoy will have more senior level contacts on Monday.", "2023-06-16", "Monday", "DATE", "2023-06-19", ""},
    {"The envoy is expected to travel on Monday.", "2023-06-16", "Monday", "DATE", "2023-06-19", ""},
    {"Officials said Friday that talks failed.", "2023-06-21", "Friday", "DATE", "2023-06-16", ""},
    {"Prices are above Friday's close.", "2023-06-21", "Friday", "DATE", "2023-06-16", ""},
    {"He left last Friday.", "2023-06-23", "last Friday", "DATE", "2023-06-16", ""},
    {"He leaves next Friday.", "2023-06-21", "next Friday", "DATE", "2023-06-23", ""},
    {"The ministers met yesterday.", "2023-06-20", "yesterday", "DATE", "2023-06-19", ""},
    {"The ministers meet today.", "2023-06-20", "today", "DATE", "2023-06-20", ""},
    {"The ministers meet tonight.", "2023-06-20", "tonight", "TIME", "2023-06-20TNI", ""},
    {"The ministers met yesterday morning.", "2023-06-20", "yesterday morning", "DATE", "2023-06-19TMO", ""},
    {"Rain fell this morning.", "2023-06-20", "this morning", "TIME", "2023-06-20TMO", ""},
    {"The team met last week.", "2023-06-20", "last week", "DATE", "2023-W24", ""},
    {"The report is due this month.", "2023-06-20", "this month", "DATE", "2023-06", ""},
    {"The report came out earlier this month.", "2023-06-20", "earlier this month", "DATE", "2023-06", "START"},
    {"Sales dipped earlier this year.", "2023-06-20", "earlier this year", "DATE", "2023", "START"},
    {"Sales dipped last year.", "2023-06-20", "last year", "DATE", "2022", ""},
    {"Sales will grow next year.", "2023-06-20", "next year", "DATE", "2024", ""},
    {"On June 10 the plan was approved; the previous day it was leaked.", "2023-06-20", "the previous day", "DATE", "2023-06-09", ""},
    {"In 1996 he moved; the following year he married.", "2023-06-20", "the following year", "DATE", "1997", ""},
    {"The ship sank two days ago.", "2023-06-20", "two days ago", "DATE", "2023-06-18", ""},
    {"A decade ago it was a village.", "2023-06-20", "A decade ago", "DATE", "2013", ""},
    {"Prices will rise in the coming months.", "2023-06-20", "the coming months", "DURATION", "PXM", ""},
    {"Sales fell in past years.", "2023-06-20", "past years", "DATE", "PAST_REF", ""},
    {"He recently resigned.", "2023-06-20", "recently", "DATE", "PAST_REF", ""},
    {"Rates are high now.", "2023-06-20", "now", "DATE", "PRESENT_REF", ""},
    {"Under current rules the bid fails.", "2023-06-20", "current", "DATE", "PRESENT_REF", ""},
    {"Sales fell in the current quarter.", "2023-11-02", "the current quarter", "DATE", "2023-Q4", ""},
    {"Costs rose in recent months.", "2023-06-20", "recent months", "DURATION", "PXM", ""},
    {"The recent talks failed.", "2023-06-20", "recent", NULL, NULL, NULL},
    {"The storm hit over the weekend.", "2023-06-20", "the weekend", "DATE", "2023-W24-WE", ""},
    {"Yesterday's storm flooded roads.", "2023-06-20", "Yesterday", "DATE", "2023-06-19", ""},
    {"The plan will pay off in the near future.", "2023-06-20", "the near future", "DATE", "FUTURE_REF", ""},
    {"The merger should close by year-end.", "2023-06-20", "year-end", "DATE", "2023", "END"},
    {"Debt will fall by the end of the year.", "2023-06-20", "the end of the year", "DATE", "2023", "END"},
    {"Debt will halve by the end of the decade.", "2023-06-20", "the end of the decade", "DATE", "202", "END"},
    {"Steam power spread at the start of the century.", "1905-06-20", "the start of the century", "DATE", "19", "START"},
    {"He moved in 1996 and married later that year.", "2023-06-20", "later that year", "DATE", "1996", "END"},
    {"They met that day.", "2023-06-20", "that day", NULL, NULL, NULL},
    {"Talks are set for May 1 and 3.", "2023-04-20", "3", "DATE", "2023-05-03", ""},
};

static void test_relative_words(void **state) { RUN(RELATIVE); }

/* ---- months resolved to a year ------------------------------------------- */

static const tx_case MONTHS[] = {
    {"The comet was spotted in February.", "2023-06-20", "February", "DATE", "2023-02", ""},
    {"The comet was spotted early February.", "2023-06-20", "early February", "DATE", "2023-02", "START"},
    {"The deal collapsed in late November.", "2023-06-20", "late November", "DATE", "2022-11", "END"},
    {"The deal will close in late November.", "2023-06-20", "late November", "DATE", "2023-11", "END"},
    {"Growth slowed in mid-2022.", "2023-06-20", "mid-2022", "DATE", "2022", "MID"},
    {"Talks began last year and stalled in November.", "2023-06-20", "November", "DATE", "2022-11", ""},
    {"Elections were held in May.", "2023-06-20", "May", "DATE", "2023-05", ""},
    {"The vote is set for January.", "2023-11-20", "January", "DATE", "2024-01", ""},
    {"The dividend would be paid in January.", "2023-11-20", "January", "DATE", "2024-01", ""},
    {"The summit was held last April.", "2023-06-20", "last April", "DATE", "2023-04", ""},
    {"The summit is this September.", "2023-06-20", "this September", "DATE", "2023-09", ""},
    {"Prices may rise again.", "2023-06-20", "may", NULL, NULL, NULL},
    {"May the best team win.", "2023-06-20", "May", NULL, NULL, NULL},
    {"Workers will march to the capital.", "2023-06-20", "march", NULL, NULL, NULL},
    {"Li said the talks were useful.", "2023-06-20", "said", NULL, NULL, NULL},
    {"The vote was held in June last year.", "2023-06-20", "June last year", "DATE", "2022-06", ""},
};

static void test_months(void **state) { RUN(MONTHS); }

/* ---- durations ---------------------------------------------------------- */

static const tx_case DURATIONS[] = {
    {"He served five years in prison.", "2023-06-20", "five years", "DURATION", "P5Y", ""},
    {"After a 35-minute meeting they left.", "2023-06-20", "35-minute", "DURATION", "PT35M", ""},
    {"It was a nearly 6-hour flight.", "2023-06-20", "nearly 6-hour", "DURATION", "PT6H", "APPROX"},
    {"The talks lasted about three hours.", "2023-06-20", "about three hours", "DURATION", "PT3H", "APPROX"},
    {"The talks lasted more than five hours.", "2023-06-20", "more than five hours", "DURATION", "PT5H", "MORE_THAN"},
    {"The talks lasted less than an hour.", "2023-06-20", "less than an hour", "DURATION", "PT1H", "LESS_THAN"},
    {"The visit lasted two days.", "2023-06-20", "two days", "DURATION", "P2D", ""},
    {"It took a decade to build.", "2023-06-20", "a decade", "DURATION", "P10Y", ""},
    {"It took twenty-four hours.", "2023-06-20", "twenty-four hours", "DURATION", "PT24H", ""},
    {"It took a couple of years.", "2023-06-20", "a couple of years", "DURATION", "P2Y", "APPROX"},
    {"Growth slowed over the past two years.", "2023-06-20", "the past two years", "DURATION", "P2Y", ""},
    {"It will be finished in five years.", "2023-06-20", "five years", "DATE", "2028", ""},
    {"It is the first visit in five years.", "2023-06-20", "five years", "DURATION", "P5Y", ""},
    {"Floods have hit the region for years.", "2023-06-20", "years", "DURATION", "PXY", ""},
    {"The decades-long dispute ended.", "2023-06-20", "decades-long", "DURATION", "PXY", ""},
    {"Years of war ruined it.", "2023-06-20", "Years", NULL, NULL, NULL},
    {"It was the first rise in more than a week.", "2023-06-20", "more than a week", "DURATION", "P1W", "MORE_THAN"},
    {"More recently, prices fell.", "2023-06-20", "More recently", "DATE", "PAST_REF", ""},
    {"The war dragged on for several months.", "2023-06-20", "several months", "DURATION", "PXM", ""},
    {"A 6-year-old girl was rescued.", "2023-06-20", "6-year-old", NULL, NULL, NULL},
    {"Rescuers found the 6-year-old in a shed.", "2023-06-20", "6-year-old", NULL, NULL, NULL},
    {"The 18-month-old truce collapsed.", "2023-06-20", "18-month-old", "DURATION", "P18M", ""},
    {"The firm pays $2 a year per share.", "2023-06-20", "a year", NULL, NULL, NULL},
    {"Three quarters of voters agreed.", "2023-06-20", "Three quarters", NULL, NULL, NULL},
    {"It posted a profit after several quarters of losses.", "2023-06-20", "several quarters", "DURATION", "PXQ", ""},
    {"The troops will stay two more weeks.", "2023-06-20", "two more weeks", "DURATION", "P2W", ""},
    {"He spoke on the show This Week with a host.", "2023-06-20", "This Week", NULL, NULL, NULL},
    {"He said on CBS's 60 Minutes that he would run.", "2023-06-20", "60 Minutes", NULL, NULL, NULL},
    {"They watched the film High Noon again.", "2023-06-20", "Noon", NULL, NULL, NULL},
    {"Shares of Sun rose.", "2023-06-20", "Sun", NULL, NULL, NULL},
};

static void test_durations(void **state) { RUN(DURATIONS); }

/* ---- sets and anchored phrases ----------------------------------------- */

static const tx_case SETS[] = {
    {"The council meets every year.", "2023-06-20", "every year", "SET", "P1Y", ""},
    {"The paper appears daily.", "2023-06-20", "daily", "SET", "P1D", ""},
    {"Sales are reported weekly.", "2023-06-20", "weekly", "SET", "P1W", ""},
    {"The market opens each Monday.", "2023-06-20", "each Monday", "SET", "XXXX-WXX-1", ""},
    {"Prices have risen since 2021.", "2023-06-20", "2021", "DATE", "2021", ""},
};

static void test_sets_and_anchors(void **state) { RUN(SETS); }

/* ---- halves, frequencies, holidays, fiscal years, ranges ----------------- */

static const tx_case MORE[] = {
    /* an amount and a half is written in the next smaller unit */
    {"The bridge took 2 1/2 years to build.", "2023-06-20", "2 1/2 years", "DURATION", "P2Y6M", ""},
    {"The meeting ran a minute and a half over.", "2023-06-20", "a minute and a half", "DURATION", "PT1M30S", ""},
    {"The flight lasted half an hour.", "2023-06-20", "half an hour", "DURATION", "PT30M", ""},
    {"The siege lasted two and a half weeks.", "2023-06-20", "two and a half weeks", "DURATION", "P2W3D", ""},
    {"The drought lasted a decade and a half.", "2023-06-20", "a decade and a half", "DURATION", "P15Y", ""},
    {"He ate half a pie.", "2023-06-20", "half a pie", NULL, NULL, NULL},
    /* frequencies and quantified seasons are SETs */
    {"The board meets twice a week.", "2023-06-20", "twice a week", "SET", "P1W", ""},
    {"Inspectors visit three times a year.", "2023-06-20", "three times a year", "SET", "P1Y", ""},
    {"The pills are taken once daily.", "2023-06-20", "once daily", "SET", "P1D", ""},
    {"He tried twice and failed.", "2023-06-20", "twice", NULL, NULL, NULL},
    {"Prices are reviewed each season.", "2023-06-20", "each season", "SET", "P3M", ""},
    {"Readers vote every winter.", "2023-06-20", "every winter", "SET", "XXXX-WI", ""},
    /* a plan told in the past tense is about a past day */
    {"The plant had been scheduled to reopen on Friday.", "2023-06-21", "Friday", "DATE", "2023-06-16", ""},
    {"The plant was due to reopen on Friday.", "2023-06-21", "Friday", "DATE", "2023-06-16", ""},
    {"A bomb exploded next to the embassy in the capital Friday.", "2023-06-21", "Friday", "DATE", "2023-06-16", ""},
    {"Voters prepared ahead of Sunday's vote.", "2023-06-21", "Sunday", "DATE", "2023-06-25", ""},
    {"Lawyers would try to get around Monday's ruling.", "2023-06-21", "Monday", "DATE", "2023-06-19", ""},
    /* this coming / this past / this + weekday */
    {"The fair opens this coming Sunday.", "2023-06-21", "this coming Sunday", "DATE", "2023-06-25", ""},
    {"The fair closed this past Sunday.", "2023-06-21", "this past Sunday", "DATE", "2023-06-18", ""},
    {"Plans for this Friday: a parade.", "2023-06-21", "this Friday", "DATE", "2023-06-23", ""},
    /* movable holidays from holidays.tsv rules */
    {"Church bells rang on Easter.", "2024-04-10", "Easter", "DATE", "2024-03-31", ""},
    {"Stores close on Good Friday.", "2025-03-01", "Good Friday", "DATE", "2025-04-18", ""},
    {"The parade is on Memorial Day.", "2024-05-01", "Memorial Day", "DATE", "2024-05-27", ""},
    {"Voters go to the polls on Election Day.", "2024-10-01", "Election Day", "DATE", "2024-11-05", ""},
    {"Markets shut on Easter Monday 2019.", "2024-10-01", "Easter Monday 2019", "DATE", "2019-04-22", ""},
    /* fiscal years */
    {"Budget cuts hit in FY2024.", "2023-06-20", "FY2024", "DATE", "2024", ""},
    {"The FY 2022 budget was cut.", "2023-06-20", "FY 2022", "DATE", "2022", ""},
    {"Sales for FY23 rose.", "2023-06-20", "FY23", "DATE", "2023", ""},
    {"FYI, the office is closed.", "2023-06-20", "FYI", NULL, NULL, NULL},
    /* the year / the week alone */
    {"Profit for the year rose 5%.", "2023-11-02", "the year", "DATE", "2023", ""},
    {"Sales for the full year rose.", "2023-11-02", "the full year", "DATE", "2023", ""},
    {"Net income for the year ended June 30 rose.", "2023-11-02", "the year", "DURATION", "P1Y", ""},
    {"For the week, the index fell 2%.", "2023-06-21", "the week", "DATE", "2023-W25", ""},
    {"The hearing is set for the week of March 6.", "2023-02-20", "the week of March 6", "DATE", "2023-W10", ""},
    {"The year before, prices fell.", "2023-06-21", "The year", NULL, NULL, NULL},
    {"The week ahead looks busy.", "2023-06-21", "The week", NULL, NULL, NULL},
    /* uncertain lengths, day ranges, ages */
    {"A verdict could come within weeks or months.", "2023-06-20", "weeks or months", "DURATION", "PXW", "APPROX"},
    {"The summit is set for June 19-20.", "2023-06-01", "June 19", "DATE", "2023-06-19", ""},
    {"The summit is set for June 19-20.", "2023-06-01", "20", "DATE", "2023-06-20", ""},
    {"The score was 19-20.", "2023-06-01", "19-20", NULL, NULL, NULL},
    {"Lee, a 44-year-old teacher, spoke.", "2023-06-01", "44-year-old", NULL, NULL, NULL},
    {"A 52-year-old anti-war activist spoke.", "2023-06-01", "52-year-old", NULL, NULL, NULL},
    {"Ruiz, a 36-year-old, spoke.", "2023-06-01", "36-year-old", NULL, NULL, NULL},
    /* "later" counts from a story event: the amount is a DURATION */
    {"The rebels struck; three days later the army replied.", "2023-06-01", "three days", "DURATION", "P3D", ""},
    {"Three days later, the army replied.", "2023-06-01", "later", NULL, NULL, NULL},
    {"The army replied two days ago.", "2023-06-01", "two days ago", "DATE", "2023-05-30", ""},
    {"Then, a week or so ago, the general moved.", "2023-06-21", "a week or so ago", "DATE", "2023-W24", "APPROX"},
    {"Islam will one day be the largest faith there.", "2023-06-21", "one day", "DATE", "FUTURE_REF", ""},
    {"He had been in the job one day.", "2023-06-21", "one day", "DURATION", "P1D", ""},
    /* "the next" counts from the day last told; "next" alone from the DCT */
    {"The trial opened on May 3 and he testified the next day.", "2023-06-01", "the next day", "DATE", "2023-05-04", ""},
    {"The trial opened on May 3; the next morning he testified.", "2023-06-01", "the next morning", "TIME", "2023-05-04TMO", ""},
    {"The trial opened on May 3 and resumes next week.", "2023-06-01", "next week", "DATE", "2023-W23", ""},
    {"He testified the next day.", "2023-06-01", "the next day", "DATE", "2023-06-02", ""},
    /* a quantified month is a SET; a holiday's week is a week */
    {"Pilgrims come each July.", "2023-06-01", "each July", "SET", "XXXX-07", ""},
    {"Crowds gathered during Easter week.", "2024-04-10", "Easter week", "DATE", "2024-W13", ""},
    /* a shifter before a holiday picks the one before or after the DCT */
    {"He arrived last Thanksgiving.", "2024-04-10", "last Thanksgiving", "DATE", "2023-11-23", ""},
    {"He will visit next Christmas.", "2024-04-10", "next Christmas", "DATE", "2024-12-25", ""},
    {"He left last Christmas.", "2024-12-28", "last Christmas", "DATE", "2024-12-25", ""},
    /* a month up to four months ahead across the new year is the coming one */
    {"The plan: new talks in January.", "2023-11-02", "January", "DATE", "2024-01", ""},
    {"Sales rose in January.", "2023-11-02", "January", "DATE", "2023-01", ""},
};

static void test_more_rules(void **state) { RUN(MORE); }

/* ---- deadlines, ranges, narrative anchors ------------------------------ */

static const tx_case NARRATIVE[] = {
    /* "until" + a day inside a clause is a deadline ahead; at a clause's
     * start it tells of the story's past */
    {"The court gave the tenants until Friday to leave.", "2023-06-21", "Friday", "DATE", "2023-06-23", ""},
    {"Officials postponed the vote until Monday.", "2023-06-21", "Monday", "DATE", "2023-06-26", ""},
    {"Until Friday, the police had named no suspect.", "2023-06-21", "Friday", "DATE", "2023-06-16", ""},
    /* "by" right before a month or weekday is a deadline, unless a past
     * perfect tells what was done by then */
    {"Qantas will almost double its flights to India by August in a search for markets.", "2023-02-13", "August", "DATE", "2023-08", ""},
    {"The board named a new chairman, effective Feb. 1.", "2023-10-26", "Feb. 1", "DATE", "2024-02-01", ""},
    {"Members had filed their reports by Wednesday.", "2023-06-21", "Wednesday", "DATE", "2023-06-21", ""},
    {"Members had filed their reports by Tuesday.", "2023-06-21", "Tuesday", "DATE", "2023-06-20", ""},
    /* having scheduled or planned something points ahead */
    {"The mayor has scheduled a hearing Thursday.", "2023-06-21", "Thursday", "DATE", "2023-06-22", ""},
    {"The unions have planned a march on Saturday.", "2023-06-21", "Saturday", "DATE", "2023-06-24", ""},
    /* a year after pre-/post- modifies the noun after it */
    {"The post-1959 politics split families.", "2023-06-21", "1959", "DATE", "1959", ""},
    {"Pre-1990 models were recalled.", "2023-06-21", "1990", "DATE", "1990", ""},
    /* annually is a yearly SET, but not after a quantity (a rate) */
    {"The festival is held here annually.", "2023-06-21", "annually", "SET", "P1Y", ""},
    {"Profits should rise 8% annually.", "2023-06-21", "annually", NULL, NULL, NULL},
    {"The plant makes 10,000 units annually.", "2023-06-21", "annually", NULL, NULL, NULL},
    {"The firm has doubled its profits annually.", "2023-06-21", "annually", NULL, NULL, NULL},
    /* "in the morning": that part of the day last told */
    {"Stocks fell on Friday. Dealers bought in the morning.", "2023-06-21", "the morning", "TIME", "2023-06-16TMO", ""},
    {"Crowds left in the afternoon.", "2023-06-21", "the afternoon", "TIME", "2023-06-21TAF", ""},
    {"Owls hunt in the night.", "2023-06-21", "the night", NULL, NULL, NULL},
    /* "earlier" days count from the day just told, else from the DCT */
    {"Rebels attacked on May 3. Two days earlier, troops had left.", "2023-06-21", "Two days earlier", "DATE", "2023-05-01", ""},
    {"Troops left two days earlier.", "2023-06-21", "two days earlier", "DATE", "2023-06-19", ""},
    /* the same day as the one last told */
    {"Rebels attacked on May 3. That same day, aid arrived.", "2023-06-21", "That same day", "DATE", "2023-05-03", ""},
    {"Rebels attacked on May 3 and troops left the same day.", "2023-06-21", "the same day", "DATE", "2023-05-03", ""},
    {"They were the same age.", "2023-06-21", "same age", NULL, NULL, NULL},
    /* a present tense makes no month more than four months ahead a plan */
    {"Shares worth $130 million in October are worth only half that now.", "2023-01-08", "October", "DATE", "2022-10", ""},
    {"The new line will open in October.", "2023-01-08", "October", "DATE", "2023-10", ""},
    /* a future clause does not pick a month more than a month gone; a
     * deadline just past stays in this year */
    {"The law will take effect Jan. 1.", "2023-06-21", "Jan. 1", "DATE", "2024-01-01", ""},
    {"The plant will open in May.", "2023-06-21", "May", "DATE", "2024-05", ""},
    {"The plant opened in May.", "2023-06-21", "May", "DATE", "2023-05", ""},
    {"They ordered the INS to return the boy by Jan. 14.", "2023-01-15", "Jan. 14", "DATE", "2023-01-14", ""},
    /* a present perfect tells of something done: the month before */
    {"Police have gathered evidence in the October killing of a doctor to show a jury as early as next week.", "2023-04-19", "October", "DATE", "2022-10", ""},
    /* a range of lengths: each end is a duration in the unit given last */
    {"Repairs will take two to three weeks.", "2023-06-21", "two", "DURATION", "P2W", ""},
    {"Repairs will take two to three weeks.", "2023-06-21", "three weeks", "DURATION", "P3W", ""},
    {"He served three or four years in prison.", "2023-06-21", "three", "DURATION", "P3Y", ""},
    {"Patients wait between five and eight days.", "2023-06-21", "five", "DURATION", "P5D", ""},
    {"Prices rose 5 to 10 percent.", "2023-06-21", "5", NULL, NULL, NULL},
    {"It closed two or three years ago.", "2023-06-21", "two", NULL, NULL, NULL},
    /* "the" + a plural unit after a preposition is an unspecified length,
     * unless an event tells when ("the weeks before the vote") */
    {"Prices have risen over the years.", "2023-06-21", "the years", "DURATION", "PXY", ""},
    {"Banks may sell bonds in the weeks ahead.", "2023-06-21", "the weeks ahead", "DURATION", "PXW", ""},
    {"He was seen there in the weeks before the vote.", "2023-06-21", "weeks", NULL, NULL, NULL},
    {"He lived through the years of war.", "2023-06-21", "years", NULL, NULL, NULL},
    /* unit-long adjectives are lengths */
    {"They left a day-long meeting.", "2023-06-21", "day-long", "DURATION", "P1D", ""},
    {"A year-long inquiry ended.", "2023-06-21", "year-long", "DURATION", "P1Y", ""},
    /* after "the", an ambiguous month name before a noun modifies it */
    {"The March accession lets them vote.", "2023-02-10", "March", "DATE", "2023-03", ""},
    {"Crowds joined the March on the capital.", "2023-02-10", "March", NULL, NULL, NULL},
    {"The May government fell.", "2023-02-10", "May", NULL, NULL, NULL},
    {"Officials may march on Monday.", "2023-02-10", "may", NULL, NULL, NULL},
    /* "the latest period" of a quarterly report is the quarter it is about */
    {"Profit in the third quarter rose; sales in the latest period fell.", "2023-11-02", "the latest period", "DATE", "2023-Q3", ""},
    {"The latest period had no one-time gains.", "2023-11-02", "The latest period", "DATE", "2023-Q3", ""},
    /* "in" + an amount after a future or modal verb is the point that far
     * after the DCT, at the unit's granularity; a stretch up to now after
     * "the first", "the biggest" or before "of"/"that" */
    {"The bridge will reopen in two weeks.", "2023-06-20", "two weeks", "DATE", "2023-W27", ""},
    {"Prices could double in five years.", "2023-06-20", "five years", "DATE", "2028", ""},
    {"The ministers are expected to meet again in three months.", "2023-06-20", "three months", "DATE", "2023-09", ""},
    {"The verdict may come in ten days.", "2023-06-20", "ten days", "DATE", "2023-06-30", ""},
    {"The party will be back in power in a decade.", "2023-06-20", "a decade", "DATE", "2033", ""},
    {"A deal will follow in a few weeks.", "2023-06-20", "a few weeks", "DATE", "FUTURE_REF", ""},
    {"You may, in a year or two, save more.", "2023-06-20", "a year or two", "DATE", "FUTURE_REF", ""},
    {"It will be the first visit in five years.", "2023-06-20", "five years", "DURATION", "P5Y", ""},
    {"It will be the biggest rally in two decades.", "2023-06-20", "two decades", "DURATION", "P20Y", ""},
    {"They will publish it in five years of work.", "2023-06-20", "five years", "DURATION", "P5Y", ""},
    {"Taxes would be low in a quarter that lost money.", "2023-06-20", "a quarter", "DURATION", "P1Q", ""},
    {"He finished the job in two weeks.", "2023-06-20", "two weeks", "DURATION", "P2W", ""},
    {"The company will cut 10,000 jobs in three years.", "2023-06-20", "three years", "DURATION", "P3Y", ""},
    {"He will be eligible for parole in 15 years.", "2023-06-20", "15 years", "DATE", "2038", ""},
    {"The talks will end within two weeks.", "2023-06-20", "two weeks", "DURATION", "P2W", ""},
    {"The talks will last two hours, and end in two hours.", "2023-06-20", "two hours", "DURATION", "PT2H", ""},
    /* "the day before" / "the day after" with no object: next to the day last told */
    {"Rebels attacked on May 3. The day before, aid had arrived.", "2023-06-21", "The day before", "DATE", "2023-05-02", ""},
    {"Rebels attacked on May 3 and troops left the day after.", "2023-06-21", "the day after", "DATE", "2023-05-04", ""},
    {"Stocks rose; they had fallen the day before.", "2023-06-21", "the day before", "DATE", "2023-06-20", ""},
    {"He left the day before the vote.", "2023-06-21", "the day before", NULL, NULL, NULL},
    {"The day before last Tuesday's hearing, he fled.", "2023-06-23", "The day before last Tuesday", "DATE", "2023-06-19", ""},
    {"Stores reopen the day after Christmas.", "2023-12-01", "the day after Christmas", "DATE", "2023-12-26", ""},
    {"The day before yesterday it rained.", "2023-06-21", "The day before yesterday", "DATE", "2023-06-19", ""},
    /* "until"/"by" after a simple past verb tell of the story's past;
     * after a verb that sets a time ahead, a future or an infinitive, of a
     * coming day; "effective" always looks ahead */
    {"The rally lasted until Friday.", "2023-06-21", "Friday", "DATE", "2023-06-16", ""},
    {"He remained in custody until Monday.", "2023-06-21", "Monday", "DATE", "2023-06-19", ""},
    {"Police arrested 20 people by Tuesday.", "2023-06-21", "Tuesday", "DATE", "2023-06-20", ""},
    {"But by Monday, officials hardened their stance.", "2023-06-21", "Monday", "DATE", "2023-06-19", ""},
    {"The deadline was extended until Friday.", "2023-06-21", "Friday", "DATE", "2023-06-23", ""},
    {"The tenants were given until Friday to leave.", "2023-06-21", "Friday", "DATE", "2023-06-23", ""},
    {"He will stay until Friday.", "2023-06-21", "Friday", "DATE", "2023-06-23", ""},
    {"They asked the firm to respond by Friday.", "2023-06-21", "Friday", "DATE", "2023-06-23", ""},
    {"The bank created a new office, effective Monday.", "2023-06-21", "Monday", "DATE", "2023-06-26", ""},
    {"Officials expected the report by Friday.", "2023-06-21", "Friday", "DATE", "2023-06-23", ""},
    {"The UN said the troops withdrew by Friday.", "2023-06-21", "Friday", "DATE", "2023-06-16", ""},
    {"The deal is expected to close around year end.", "2023-06-21", "year end", "DATE", "2023", "END"},
    /* "may", "can", "should" look ahead; a modal before "have" looks back */
    {"Poland can join planning for the summit in April.", "2023-12-05", "April", "DATE", "2024-04", ""},
    {"Talks may resume on Monday.", "2023-06-21", "Monday", "DATE", "2023-06-26", ""},
    {"The chip may have caused a drop on Wednesday.", "2023-06-23", "Wednesday", "DATE", "2023-06-21", ""},
    /* a scheduled event in the simple present is ahead */
    {"The trial begins Tuesday.", "2023-06-21", "Tuesday", "DATE", "2023-06-27", ""},
    {"The offer expires Friday.", "2023-06-21", "Friday", "DATE", "2023-06-23", ""},
    {"Blinken arrives in Beijing on Sunday.", "2023-06-21", "Sunday", "DATE", "2023-06-25", ""},
    {"Heads of state met Friday.", "2023-06-21", "Friday", "DATE", "2023-06-16", ""},
    {"Voting ends at 8 p.m. on Nov. 7.", "2023-06-21", "Nov. 7", "DATE", "2023-11-07", ""},
    {"The plant reopens in two weeks.", "2023-06-21", "two weeks", "DATE", "2023-W27", ""},
    /* inside a quotation, the verb of the quote decides, not "said" */
    {"``He will leave at 4 a.m. Thursday,'' Castro said.", "2023-06-21", "4 a.m. Thursday", "TIME", "2023-06-22T04:00", ""},
    {"``The talks failed on Monday,'' he will say.", "2023-06-21", "Monday", "DATE", "2023-06-19", ""},
    /* "plan to" looks ahead as a verb, not as a noun after a determiner */
    {"They plan to visit Rome in February.", "2023-06-21", "February", "DATE", "2024-02", ""},
    {"The trip follows the postponement of his plans to visit Rome in February.", "2023-06-21",
     "February", "DATE", "2023-02", ""},
    /* a clause opened by "that" after the expression has its own tense */
    {"He offered hope, saying in a meeting on Friday that both can cooperate.", "2023-06-21",
     "Friday", "DATE", "2023-06-16", ""},
    /* a plan with its object tells of the plan's day; a past plan stays past */
    {"Exiles planned a large rally on Saturday.", "2023-06-21", "Saturday", "DATE", "2023-06-24", ""},
    {"The mayor scheduled a news conference Thursday.", "2023-06-20", "Thursday", "DATE", "2023-06-22", ""},
    {"The offensive began as planned Saturday night.", "2023-06-21", "Saturday night", "DATE",
     "2023-06-17TNI", ""},
    /* a progressive plan is still on; "was expected to" is a plan made before */
    {"They were planning to drive to the airport on Monday.", "2023-06-21", "Monday", "DATE", "2023-06-26", ""},
    {"The vote was expected to take place on Monday.", "2023-06-21", "Monday", "DATE", "2023-06-19", ""},
    /* "and" or "but" before a verb opens another clause with its own tense */
    {"Exiles held a rally on Saturday and will march again.", "2023-06-21", "Saturday", "DATE",
     "2023-06-17", ""},
    {"Crowds are expected on Saturday and were gathering already.", "2023-06-21", "Saturday", "DATE",
     "2023-06-24", ""},
    {"On Tuesday, the Abortion and Reproductive Rights League plans to hold a rally.", "2023-06-21",
     "Tuesday", "DATE", "2023-06-27", ""},
    /* "since" looks back */
    {"The carrier has been on patrol since March and will return soon.", "2023-02-21", "March", "DATE",
     "2022-03", ""},
};

static void test_narrative_rules(void **state) { RUN(NARRATIVE); }

/* The freq of a frequency SET, and the holiday rules for several years. */
static void test_frequency_and_holiday_rules(void **state)
{
    fixture *f = *state;
    el_doc *d = tag(f, "The board meets twice a week and reports four times a year.", "2023-06-20");
    const el_timex *t = find_span(d, "twice a week");
    assert_non_null(t);
    assert_string_equal(t->freq, "2X");
    assert_non_null(t = find_span(d, "four times a year"));
    assert_string_equal(t->freq, "4X");
    el_doc_free(d);
    static const struct { const char *rule; int y; el_date want; } H[] = {
        {"E+0", 2000, {2000, 4, 23}}, {"E+0", 2019, {2019, 4, 21}}, {"E+0", 2024, {2024, 3, 31}},
        {"E-2", 2025, {2025, 4, 18}}, {"E-46", 2024, {2024, 2, 14}}, {"11-W4-4", 2023, {2023, 11, 23}},
        {"05-WL-1", 2021, {2021, 5, 31}}, {"11-W1-1+1", 2020, {2020, 11, 3}}, {"12-25", 1999, {1999, 12, 25}},
    };
    for (size_t i = 0; i < sizeof H / sizeof H[0]; i++) {
        el_date got;
        assert_true(tx_holiday_date(H[i].rule, H[i].y, &got));
        assert_int_equal(got.year, H[i].want.year);
        assert_int_equal(got.month, H[i].want.month);
        assert_int_equal(got.day, H[i].want.day);
    }
    el_date bad;
    assert_false(tx_holiday_date("13-W1-1", 2020, &bad));
    assert_false(tx_holiday_date("Ex", 2020, &bad));
}

/* A named zone keeps its UTC offset beside the (local) value; a US zone
 * follows daylight saving time by the date; "local time" has none. */
static void test_zone_offsets(void **state)
{
    fixture *f = *state;
    static const struct { const char *text, *dct, *span, *zone; } Z[] = {
        {"The market opens at 10 a.m. ET.", "2023-06-19", "10 a.m. ET", "-04:00"},
        {"The market opens at 10 a.m. ET.", "2023-01-09", "10 a.m. ET", "-05:00"},
        {"The market opened at 10 a.m. ET.", "2006-04-03", "10 a.m. ET", "-04:00"},
        {"The market opened at 10 a.m. ET.", "2006-03-13", "10 a.m. ET", "-05:00"},
        {"It began at 9 a.m. EST Tuesday.", "2023-06-19", "9 a.m. EST Tuesday", "-05:00"},
        {"The rocket lifted off at 0400 GMT.", "2023-06-19", "0400 GMT", "Z"},
        {"The plane landed at 5:09 p.m. local time.", "2023-06-19", "5:09 p.m. local time", ""},
    };
    for (size_t i = 0; i < sizeof Z / sizeof Z[0]; i++) {
        el_doc *d = tag(f, Z[i].text, Z[i].dct);
        const el_timex *t = find_span(d, Z[i].span);
        assert_non_null(t);
        if (strcmp(t->zone, Z[i].zone) != 0)
            fprintf(stderr, "  \"%s\" (DCT %s): zone %s, want %s\n", Z[i].text, Z[i].dct, t->zone,
                    Z[i].zone);
        assert_string_equal(t->zone, Z[i].zone);
        el_doc_free(d);
    }
}

/* ---- without a DCT values stay underspecified --------------------------- */

static const tx_case NO_DCT[] = {
    {"The comet was spotted in February.", "", "February", "DATE", "XXXX-02", ""},
    {"The minister arrived on Monday.", "", "Monday", "DATE", "XXXX-WXX-1", ""},
    {"The ministers met yesterday.", "", "yesterday", "DATE", "XXXX-XX-XX", ""},
    {"The treaty was signed on June 19.", "", "June 19", "DATE", "XXXX-06-19", ""},
    {"The treaty was signed June 19, 2023.", "", "June 19, 2023", "DATE", "2023-06-19", ""},
    /* with no DCT, a weekday just after a full date follows it */
    {"On March 3, 1998, rebels attacked. On Thursday, troops arrived.", "", "Thursday", "DATE", "1998-03-05", ""},
    {"On March 3, 1998, rebels attacked. Next Tuesday, troops arrived.", "", "Next Tuesday", "DATE", "1998-03-10", ""},
};

static void test_no_dct(void **state) { RUN(NO_DCT); }

/* ---- layer invariants ---------------------------------------------------- */

static void test_sorted_disjoint_with_intervals(void **state)
{
    fixture *f = *state;
    el_doc *d = tag(f, "On Monday, June 19, 2023, at 4:34 p.m. the talks that began in early "
                       "February ended; they lasted about three hours. Each year since 2009-2010 "
                       "the summit has met in May.", "2023-06-20");
    assert_true(d->ntimexes >= 6);
    for (size_t i = 1; i < d->ntimexes; i++)
        assert_true(d->timexes[i - 1].end <= d->timexes[i].start);
    const el_timex *feb = find_span(d, "early February");
    assert_non_null(feb);
    char b[20], e[20];
    el_instant_format(feb->iv.begin, b);
    el_instant_format(feb->iv.end, e);
    assert_string_equal(b, "2023-02-01T00:00");
    assert_true(feb->iv.end < el_instant_from_date((el_date){2023, 2, 12}, 0, 0));
    assert_non_null(find_span(d, "2009"));
    assert_non_null(find_span(d, "2010"));
    el_doc_free(d);
}

static void test_anchors(void **state)
{
    fixture *f = *state;
    el_doc *d = tag(f, "On June 10 the plan was approved; the previous day it leaked.", "2023-06-20");
    const el_timex *june = find_span(d, "June 10");
    const el_timex *prev = find_span(d, "the previous day");
    assert_non_null(june);
    assert_non_null(prev);
    assert_int_equal(june->anchor, -1);     /* resolved from the DCT */
    assert_true(june->temporal_function);   /* (no year in the text) */
    assert_int_equal(prev->anchor, (int)(june - d->timexes));
    assert_true(prev->temporal_function);
    el_doc_free(d);

    d = tag(f, "The vote was on June 10. Polls closed at 4 p.m. and results came yesterday.", "2023-06-20");
    june = find_span(d, "June 10");
    const el_timex *four = find_span(d, "4 p.m.");
    const el_timex *yest = find_span(d, "yesterday");
    assert_non_null(june);
    assert_non_null(four);
    assert_non_null(yest);
    assert_int_equal(four->anchor, (int)(june - d->timexes));
    assert_string_equal(four->value, "2023-06-10T16:00");
    assert_int_equal(yest->anchor, -1);     /* the DCT */
    el_doc_free(d);
}

/* ---- direction of relative dates by the governing verb ----------------- */

static const tx_case DIRECTIONS[] = {
    /* a modal before a verb looks ahead; "could not", "could be" say nothing */
    {"Hurricane Merla could reach the coast early Wednesday, forecasters said.", "2023-08-29",
     "early Wednesday", "DATE", "2023-08-30", "START"},
    {"Heavy rain could flood parts of the city over the weekend, the service warned.", "2024-09-13",
     "the weekend", "DATE", "2024-W37-WE", ""},
    {"The mayor could not be reached on Monday.", "2023-08-29", "Monday", "DATE", "2023-08-28", ""},
    /* the clause's own verb before the expression, not the reporting verb after a comma */
    {"She will rise to third in the rankings on Monday, the association said.", "2024-01-27",
     "Monday", "DATE", "2024-01-29", ""},
    {"The city will close several roads on Saturday, officials said.", "2024-09-13", "Saturday",
     "DATE", "2024-09-14", ""},
    /* a fronted expression takes the verb after the comma */
    {"On Monday, the company said it had cut jobs.", "2023-08-29", "Monday", "DATE", "2023-08-28", ""},
    /* "expect to" looks ahead */
    {"Officials expect to lift some evacuation orders on Wednesday.", "2023-07-24", "Wednesday",
     "DATE", "2023-07-26", ""},
    /* in a verb chain the head tells: "would remain closed" */
    {"The institute said schools would remain closed on Tuesday.", "2023-06-19", "Tuesday", "DATE",
     "2023-06-20", ""},
    /* irregular pasts look back */
    {"Nurses will strike next week after talks broke down on Monday, the union said.", "2023-11-14",
     "Monday", "DATE", "2023-11-13", ""},
    {"The storm killed two people in the west on Monday, officials said.", "2023-08-29", "Monday",
     "DATE", "2023-08-28", ""},
    /* a future month in a December article is next year's */
    {"An appeal will be heard by the court in August, his attorney said.", "2023-12-05", "August",
     "DATE", "2024-08", ""},
    /* under a Tuesday dateline, a price "on Friday" that "did not" reflect is the Friday before */
    {"She said the closing price on Friday did not reflect the weak season.", "2023-02-07", "Friday",
     "DATE", "2023-02-03", ""},
    /* a past in -eed is a past: "agreed on Saturday" looks back past a "next" before it */
    {"The union called off action planned for next week after the government agreed on Saturday to talk.",
     "2025-02-16", "Saturday", "DATE", "2025-02-15", ""},
    /* a forecast in the present passive looks ahead */
    {"More storms are forecast for the region over the weekend.", "2025-05-07", "the weekend", "DATE",
     "2025-W19-WE", ""},
    /* a plan made before ("was due out") is, in news, mostly for a past day */
    {"The game was due out in October.", "2025-02-06", "October", "DATE", "2024-10", ""},
    /* reported speech: the quote's own tense */
    {"\"We will reopen on Thursday,\" the manager said.", "2023-05-22", "Thursday", "DATE",
     "2023-05-25", ""},
};

static void test_directions(void **state) { RUN(DIRECTIONS); }

/* ---- the DCT from the text (timex_dct.c) ------------------------------ */

typedef struct dct_case {
    const char *text;
    const char *dct;       /* expected, "" = none */
    el_dct_source source;
    const char *span;      /* a relative expression resolved against it, or NULL */
    const char *value;
} dct_case;

static const dct_case DATELINES[] = {
    {"June 19, 2023\n\nOfficials met on Monday.", "2023-06-19", EL_DCT_TEXT, "Monday", "2023-06-19"},
    {"Monday, June 19, 2023\n\nThe talks ended on Sunday.", "2023-06-19", EL_DCT_TEXT, "Sunday", "2023-06-18"},
    {"19 June 2023\n\nShares fell on Friday.", "2023-06-19", EL_DCT_TEXT, "Friday", "2023-06-16"},
    {"Published: Nov. 14, 2023\n\nTalks broke down on Monday.", "2023-11-14", EL_DCT_TEXT, "Monday", "2023-11-13"},
    /* a byline whose fields are split by bars: the date's field is a date line */
    {"By Jane Roe | April 17, 2025\n\nRates fell on Monday.", "2025-04-17", EL_DCT_TEXT, "Monday", "2025-04-14"},
    {"By Jane Roe and John Doe | Nov. 14, 2023 | 4 min read\n\nTalks broke down on Monday.", "2023-11-14",
     EL_DCT_TEXT, "Monday", "2023-11-13"},
    {"REDMOND, Wash., Jan. 18, 2022 - The company said on Tuesday it would buy a rival.",
     "2022-01-18", EL_DCT_DATELINE, "Tuesday", "2022-01-18"},
    {"TAMPA, Fla., Aug. 29, 2023 (AP) - The storm hit Cuba on Monday.", "2023-08-29",
     EL_DCT_DATELINE, "Monday", "2023-08-28"},
    {"LONDON, May 22 2023 - The club won the cup on Sunday.", "2023-05-22", EL_DCT_DATELINE,
     "Sunday", "2023-05-21"},
    {"BRUSSELS, March 6, 2024 /PRNewswire/ -- The regulator fined the firm on Monday.",
     "2024-03-06", EL_DCT_DATELINE, "Monday", "2024-03-04"},
    {"OSLO, Sept. 27, 2024 \xe2\x80\x94 Scientists said on Friday the ice shrank.", "2024-09-27",
     EL_DCT_DATELINE, "Friday", "2024-09-27"},
    /* a date line is trusted before a dateline */
    {"June 20, 2023\nWASHINGTON, June 19, 2023 (Reuters) - Officials met on Monday.", "2023-06-20",
     EL_DCT_TEXT, NULL, NULL},
    /* no year: no DCT; the date stays underspecified */
    {"WASHINGTON, June 19 (Reuters) - The court agreed on Monday to hear the case.", "",
     EL_DCT_NONE, "June 19", "XXXX-06-19"},
    /* a date inside a sentence is no DCT */
    {"The company was founded on June 19, 2001 in a garage.\nIt grew on Monday.", "",
     EL_DCT_NONE, NULL, NULL},
    {"Officials said the plant will open on March 3, 2025, and hire 200 people.", "",
     EL_DCT_NONE, NULL, NULL},
};

/* A date closing a record's span ("its lowest since 2017") is flagged: no
 * event happened in it; a plain "since" or a "when" clause keeps it. */
static void test_record_since(void **state)
{
    const fixture *f = *state;
    static const struct { const char *text, *span; bool flag; } cases[] = {
        {"Water levels fell to their lowest since 2017 last month.", "2017", true},
        {"Shares slid 7%, their biggest one-day fall since April 2022.", "April 2022", true},
        {"The bank made its first cut since 2020 on Thursday.", "2020", true},
        {"It was the deadliest storm since 2014, when 16 people died.", "2014", false},
        {"Prices have risen since 2017.", "2017", false},
        {"Since 2019, the lowest bids won.", "2019", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        el_doc *d = tag(f, cases[i].text, "2025-03-04");
        const el_timex *t = find_span(d, cases[i].span);
        if (!t || t->record_since != cases[i].flag)
            fail_msg("\"%s\": [%s] want record_since=%d, got %s", cases[i].text, cases[i].span,
                     cases[i].flag, t ? (t->record_since ? "1" : "0") : "(no timex)");
        el_doc_free(d);
    }
}

static void test_dct_from_text(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < sizeof DATELINES / sizeof *DATELINES; i++) {
        const dct_case *c = &DATELINES[i];
        el_doc *d = el_doc_new("t", NULL, el_strdup(c->text), strlen(c->text));
        el_tokenize(d, f->ab);
        el_timex_tag_with_text_dct(d, f->lx);
        char got[16] = "";
        if (d->dct.year)
            el_date_format(d->dct, got);
        const el_timex *t = c->span ? find_span(d, c->span) : NULL;
        bool ok = !strcmp(got, c->dct) && d->dct_source == c->source
            && (!c->span || (t && !strcmp(t->value, c->value)));
        if (!ok) {
            fprintf(stderr, "  \"%s\": want DCT '%s' (source %d), got '%s' (%d)\n", c->text, c->dct,
                    (int)c->source, got, (int)d->dct_source);
            dump(d);
        }
        el_doc_free(d);
        assert_true(ok);
    }
    /* a DCT from metadata is kept whatever the text says */
    el_doc *d = el_doc_new("t", NULL, el_strdup("June 20, 2023\nText."), 19);
    assert_true(el_date_parse("2023-06-01", &d->dct));
    d->dct_source = EL_DCT_METADATA;
    el_tokenize(d, f->ab);
    el_timex_tag_with_text_dct(d, f->lx);
    assert_int_equal(d->dct.day, 1);
    assert_int_equal(d->dct_source, EL_DCT_METADATA);
    el_doc_free(d);
}

/* tense.tsv's verb-form kinds, per token by spelling (any case), also where
 * a longer cue starts at the word ("has scheduled"); other words have none. */
static void test_verb_forms(void **state)
{
    fixture *f = *state;
    static const char text[] = "Has scheduled , HAD been told to go ; were was may have hasten "
                               "A An of One ones";
    static const unsigned want[] = {
        TW_PERFECT, 0, 0, TW_PAST_PERFECT, TW_BE_PART, 0, TW_INFINITIVE, 0, 0, TW_PAST_BE,
        TW_PAST_BE, 0, TW_PERFECT | TW_PERFECT_BASE, 0, TW_INDEFINITE, TW_INDEFINITE,
        TW_PARTITIVE, TW_ONE, 0};
    el_doc *d = el_doc_new("t", NULL, el_strdup(text), strlen(text));
    el_tokenize(d, f->ab);
    assert_int_equal(d->ntokens, sizeof want / sizeof *want);
    for (size_t i = 0; i < d->ntokens; i++)
        if (tw_token_forms(f->lx, d, i) != want[i])
            fail_msg("token %zu: want forms %#x, got %#x", i, want[i], tw_token_forms(f->lx, d, i));
    el_doc_free(d);
}

static void test_empty_and_missing_lexicon(void **state)
{
    fixture *f = *state;
    el_doc *d = tag(f, "", "2023-06-20");
    assert_int_equal(d->ntimexes, 0);
    el_doc_free(d);
    char *err = NULL;
    assert_null(el_time_lexicon_load("/nonexistent/dir", &err));
    assert_non_null(err);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clock_times),
        cmocka_unit_test(test_verb_forms),
        cmocka_unit_test(test_calendar_dates),
        cmocka_unit_test(test_relative_words),
        cmocka_unit_test(test_months),
        cmocka_unit_test(test_durations),
        cmocka_unit_test(test_sets_and_anchors),
        cmocka_unit_test(test_no_dct),
        cmocka_unit_test(test_more_rules),
        cmocka_unit_test(test_narrative_rules),
        cmocka_unit_test(test_frequency_and_holiday_rules),
        cmocka_unit_test(test_zone_offsets),
        cmocka_unit_test(test_sorted_disjoint_with_intervals),
        cmocka_unit_test(test_anchors),
        cmocka_unit_test(test_empty_and_missing_lexicon),
        cmocka_unit_test(test_dct_from_text),
        cmocka_unit_test(test_directions),
        cmocka_unit_test(test_record_since),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

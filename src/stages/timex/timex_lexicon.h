/* timex_lexicon.h - the time stage's word knowledge: every file under
 * gazetteers/time/ compiled into one token trie whose payloads index a
 * table of classified words (month, weekday, unit, number, modifier ...).
 * Internal to the time stage (timex.c); read-only once loaded. */
#ifndef EL_TIMEX_LEXICON_H
#define EL_TIMEX_LEXICON_H

#include <stdint.h>
#include "base/hashmap.h"
#include "model/doc.h"
#include "text/lexicon.h"
#include "stages/timex/timex.h"

typedef enum tw_class {
    TW_MONTH, TW_WEEKDAY, TW_SEASON, TW_UNIT, TW_NUMBER, TW_ORDINAL,
    TW_PART_OF_DAY, TW_CLOCK, TW_ZONE, TW_DEICTIC, TW_SHIFTER, TW_RELATION,
    TW_MODIFIER, TW_SET, TW_HOLIDAY, TW_TENSE, TW_PREP, TW_FILLER,
    TW_HALF,   /* "half": a unit only in "the first half (of 2023)" */
    TW_PERSON, /* nouns for people: "a 6-year-old boy" is an age, not a period */
    TW_GRAMMAR, /* grammar.tsv: words the rules test by kind (TG_*); never in the trie */
    TW_NCLASSES
} tw_class;

enum {
    TW_AMBIGUOUS = 1u << 0,   /* also an ordinary word (May, March) */
    TW_PLURAL    = 1u << 1,   /* plural unit ("years") */
    TW_RANGE     = 1u << 2,   /* shifter that can open a duration ("the past two years") */
    TW_AMOUNT    = 1u << 3,   /* modifier of an amount ("about") vs. a point ("early") */
    TW_NEEDS_UNIT= 1u << 4,   /* only before a plural unit ("recent years") */
    TW_AUX       = 1u << 5,   /* makes a following -ed word a participle */
    TW_ANAPHORIC = 1u << 6,   /* counts from the last time mentioned ("the following day") */
    TW_MIDCLAUSE = 1u << 7,   /* tense cue only inside a clause ("given until Friday", not "Until Friday, ...") */
    TW_STORY     = 1u << 8,   /* counts from the day just told, if any ("two days earlier") */
    TW_BEFORE_DATE = 1u << 9, /* tense cue only right before a month, weekday or holiday ("by August") */
    TW_SURNAME   = 1u << 10,  /* a month name that is also a family name ("the May government") */
    TW_MODAL     = 1u << 11,  /* a modal verb ("could", "may"): an auxiliary that looks ahead */
    TW_DEADLINE  = 1u << 12,  /* a past verb that sets a time ahead ("postponed until Monday") */
    TW_FORWARD   = 1u << 13,  /* a cue that looks ahead even after a past verb ("effective Feb. 1") */
    TW_VERB_ONLY = 1u << 14,  /* a cue only as a verb: not after a determiner ("his plans to") */
    /* word kinds of single words (verb forms in tense.tsv, ...), read per
 * token by tw_token_forms() */
    TW_PERFECT   = 1u << 15,  /* present perfect auxiliary ("has", "have") */
    TW_PERFECT_BASE = 1u << 16, /* its base form, after a modal ("may have been") */
    TW_PAST_PERFECT = 1u << 17, /* past perfect auxiliary ("had") */
    TW_PAST_BE   = 1u << 18,  /* past of "be" ("was", "were") */
    TW_BE_PART   = 1u << 19,  /* participle of "be" ("been") */
    TW_INFINITIVE = 1u << 20, /* infinitive marker ("to") */
    TW_INDEFINITE = 1u << 21, /* indefinite article ("a", "an") */
    TW_PARTITIVE = 1u << 22,  /* "of" after an amount ("three quarters of": a fraction) */
    TW_ONE       = 1u << 23,  /* the number one as a word ("may one day return") */
};
#define TW_FORMS (TW_PERFECT | TW_PERFECT_BASE | TW_PAST_PERFECT | TW_PAST_BE | TW_BE_PART \
                  | TW_INFINITIVE | TW_INDEFINITE | TW_PARTITIVE | TW_ONE)

/* Kinds of the grammar words of gazetteers/time/grammar.tsv (a word may
 * have several): the rules test a token's kinds, never its spelling. */
#define TG_THE            (UINT64_C(1) << 0)   /* "the": the definite article */
#define TG_FISCAL         (UINT64_C(1) << 1)   /* "fiscal 2023", "fiscal year" */
#define TG_DECADE_MARK    (UINT64_C(1) << 2)   /* the apostrophe of "'90s" */
#define TG_NUMBER_AND     (UINT64_C(1) << 3)   /* joins numbers: "two hundred and five", "two and a half" */
#define TG_CLAUSE_CONJ    (UINT64_C(1) << 4)   /* opens a clause with its own verb ("and", "but") */
#define TG_COMPLEMENTIZER (UINT64_C(1) << 5)   /* opens a subordinate clause ("that") */
#define TG_DEFINITE       (UINT64_C(1) << 6)   /* definite determiner before a superlative ("its highest") */
#define TG_RECORD         (UINT64_C(1) << 7)   /* makes a span a record's ("the only", "ever") */
#define TG_SINCE          (UINT64_C(1) << 8)   /* "since": a span up to now */
#define TG_WHEN           (UINT64_C(1) << 9)   /* "when": a clause telling the time of an event */
#define TG_OF             (UINT64_C(1) << 10)  /* "of": "June of 2023", "years of war" */
#define TG_RELATIVE       (UINT64_C(1) << 11)  /* relative pronoun after a noun ("that", "who") */
#define TG_NUMBER_SIGN    (UINT64_C(1) << 12)  /* a word before a number that is no year ("No.") */
#define TG_PERCENT        (UINT64_C(1) << 13)  /* "percent" after a number */
#define TG_PREFIX         (UINT64_C(1) << 14)  /* a prefix glued to a year ("post-1959") */
#define TG_COORD          (UINT64_C(1) << 15)  /* coordinating conjunction of a list ("and", "or") */
#define TG_CLITIC_S       (UINT64_C(1) << 16)  /* the possessive clitic "'s" */
#define TG_PERIOD_END     (UINT64_C(1) << 17)  /* "the year ended/ending ...": a reporting period */
#define TG_BEFORE         (UINT64_C(1) << 18)  /* "before" a day: a time told by an event ("the day before the vote") */
#define TG_PERIOD         (UINT64_C(1) << 19)  /* "period": a reporting period */
#define TG_WHOLE          (UINT64_C(1) << 20)  /* "the full year" */
#define TG_OR             (UINT64_C(1) << 21)  /* an alternative ("a year or two", "or so") */
#define TG_SO             (UINT64_C(1) << 22)  /* "so" of "or so": an approximation */
#define TG_IN             (UINT64_C(1) << 23)  /* "in": "in a year", "in the morning" */
#define TG_DESCRIBER      (UINT64_C(1) << 24)  /* opens a clause describing a period ("that", "which", "when") */
#define TG_HALF           (UINT64_C(1) << 25)  /* "half": "two and a half", "half an hour" */
#define TG_AGE            (UINT64_C(1) << 26)  /* "old": "five years old" is an age */
#define TG_LONG           (UINT64_C(1) << 27)  /* "long": "decades-long" */
#define TG_BETWEEN        (UINT64_C(1) << 28)  /* "between two and six weeks" */
#define TG_AMOUNT_RANGE   (UINT64_C(1) << 29)  /* joins two amounts ("two to three", "three or four") */
#define TG_AHEAD          (UINT64_C(1) << 30)  /* "ahead": "the weeks ahead" */
#define TG_ON             (UINT64_C(1) << 31)  /* "on": "at 4 p.m. on Monday" */
#define TG_TIME           (UINT64_C(1) << 32)  /* "time" after a place: "Moscow time" */
#define TG_AT             (UINT64_C(1) << 33)  /* "at": "at night" */
#define TG_NIGHT          (UINT64_C(1) << 34)  /* "night": "2 at night" */
#define TG_TIMES          (UINT64_C(1) << 35)  /* "times": "three times a year" */
#define TG_OWNER          (UINT64_C(1) << 36)  /* possessive of a firm or group ("its profits") */
#define TG_OTHER          (UINT64_C(1) << 37)  /* "other": "every other year" */
#define TG_DAY_JOINT      (UINT64_C(1) << 38)  /* joins a second day ("May 1 and 3", "19 to 22") */
#define TG_DETERMINER     (UINT64_C(1) << 39)  /* determiner, possessive or "of": a noun follows */
#define TG_AFTER          (UINT64_C(1) << 40)  /* "after" a day ("the day after the vote") */
#define TG_NKINDS 41

typedef struct tw_word {
    uint8_t cls;        /* tw_class */
    uint32_t flags;     /* TW_* */
    uint64_t gram;      /* TG_* (grammar.tsv words) */
    int16_t num;        /* month, weekday, number, direction */
    char val[14];       /* unit code, season, TIMEX3 value template, mod, ... */
    char aux[14];       /* second field: type, mod, quant, offset */
    char mod[14];       /* TIMEX3 mod given in a fourth field, or "" */
} tw_word;

/* Bits of a filter on first tokens: a token whose hash bit is clear starts
 * no phrase, so the trie is not consulted. */
#define TW_FIRST_BITS 8192

/* A single-word entry by lower-case text: month/weekday abbreviations, so
 * that a token with its period ("Sept.") finds "Sept" without touching the
 * trie's scratch state (lookups must stay read-only), and word kinds. */
typedef struct tw_abbr {
    uint32_t word;      /* index into words */
    char text[12];      /* lower case */
} tw_abbr;

/* Single words by lower-case text: entries and the map from their
 * el_hash_lower to their index. */
typedef struct tw_word_set {
    el_hashmap map;
    tw_abbr *items;
    size_t n, cap;
} tw_word_set;

/* The words a timex may start with besides lexicon words and digits ("the",
 * "a", "fiscal", ...): TG_THE, TG_FISCAL, TG_DECADE_MARK words and the
 * TW_INDEFINITE forms, found at load time. */
#define TW_MAX_STARTS 8
typedef struct tw_start {
    uint32_t hash;      /* el_hash_lower of the word */
    uint32_t word;      /* index into words */
    char text[12];      /* lower case */
} tw_start;

struct el_time_lexicon {
    el_lexicon *trie;   /* phrase -> index into words */
    tw_word *words;
    size_t nwords, cap_words;
    tw_word_set abbr;      /* month, weekday and zone abbreviations */
    tw_word_set forms;     /* single words with a word kind (TW_FORMS) */
    uint64_t first[TW_FIRST_BITS / 64];  /* lower-case hashes of phrases' first tokens */
    tw_start starts[TW_MAX_STARTS];       /* start words (see tw_start) */
    size_t nstarts;
};

/* Words of class `cls` matched at token i: the longest trie match (or the
 * token without its abbreviation period).  Writes up to `max` word pointers
 * of any class into out; returns the match length in tokens (0 = none). */
/* TW_FORMS flags of the one-word entries spelled like token i
 * (any case), 0 if none: unlike tw_match, a longer phrase starting at i
 * ("has scheduled") does not hide it. */
unsigned tw_token_forms(const el_time_lexicon *lx, const el_doc *doc, size_t i);

/* TG_* kinds of the grammar.tsv words spelled like token i (any case),
 * 0 if none. */
uint64_t tw_token_gram(const el_time_lexicon *lx, const el_doc *doc, size_t i);

size_t tw_match(const el_time_lexicon *lx, const el_doc *doc, size_t i,
                const tw_word **out, size_t max, size_t *nout);

#endif

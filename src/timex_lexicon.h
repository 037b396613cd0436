/* timex_lexicon.h - the time stage's word knowledge: every file under
 * gazetteers/time/ compiled into one token trie whose payloads index a
 * table of classified words (month, weekday, unit, number, modifier ...).
 * Internal to the time stage (timex.c); read-only once loaded. */
#ifndef EL_TIMEX_LEXICON_H
#define EL_TIMEX_LEXICON_H

#include <stdint.h>
#include "doc.h"
#include "lexicon.h"

typedef enum tw_class {
    TW_MONTH, TW_WEEKDAY, TW_SEASON, TW_UNIT, TW_NUMBER, TW_ORDINAL,
    TW_PART_OF_DAY, TW_CLOCK, TW_ZONE, TW_DEICTIC, TW_SHIFTER, TW_RELATION,
    TW_MODIFIER, TW_SET, TW_HOLIDAY, TW_TENSE, TW_PREP, TW_NCLASSES
} tw_class;

enum {
    TW_AMBIGUOUS = 1u << 0,   /* also an ordinary word (May, March) */
    TW_PLURAL    = 1u << 1,   /* plural unit ("years") */
    TW_RANGE     = 1u << 2,   /* shifter that can open a duration ("the past two years") */
    TW_AMOUNT    = 1u << 3,   /* modifier of an amount ("about") vs. a point ("early") */
};

typedef struct tw_word {
    uint8_t cls;        /* tw_class */
    uint8_t flags;      /* TW_* */
    int16_t num;        /* month, weekday, number, direction */
    char val[14];       /* unit code, season, TIMEX3 value template, mod, ... */
    char aux[14];       /* second field: type, mod, quant, offset */
} tw_word;

struct el_time_lexicon {
    el_lexicon *trie;   /* phrase -> index into words */
    tw_word *words;
    size_t nwords, cap_words;
};

/* Words of class `cls` matched at token i: the longest trie match (or the
 * token without its abbreviation period).  Writes up to `max` word pointers
 * of any class into out; returns the match length in tokens (0 = none). */
size_t tw_match(const el_time_lexicon *lx, const el_doc *doc, size_t i,
                const tw_word **out, size_t max, size_t *nout);

#endif

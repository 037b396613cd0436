/* gazetteer.h - the entity gazetteer as the entity stage sees it (internal).
 *
 * A trie over the document tokenizer: `names` maps entity names, aliases and
 * titles/roles to entries (canonical name, type, subtype, key); a hash table
 * `cues` maps single words (any case) to rule cues (stop word, given name, organization suffix,
 * ...) used by the rules for names that are in no list.  Everything here is
 * read-only once loaded, so any number of threads may tag with it. */
#ifndef EL_GAZETTEER_H
#define EL_GAZETTEER_H

#include "stages/entity/entity.h"
#include "base/hashmap.h"
#include "text/lexicon.h"

/* What an entry stands for: an entity of a type, a title/role, or a phrase a
 * user file excludes (type EXCLUDE: never a name). */
enum { GZ_KIND_ENTITY = 0, GZ_KIND_TITLE = 1, GZ_KIND_HONORIFIC = 2, GZ_KIND_EXCLUDE = 3 };

/* Cue kinds (bits), from the cue files (PHRASE<TAB>KIND). */
enum {
    CUE_STOP       = 1u << 0,   /* stop word: never starts a name */
    CUE_GIVEN      = 1u << 1,   /* given name: "Anna Smith" is a person */
    CUE_ORG_SUFFIX = 1u << 2,   /* "Corp.", "University", "Ministry" ends an organization */
    CUE_ORG_HEAD   = 1u << 3,   /* "Ministry" (of X), "University" (of X) */
    CUE_LOC_SUFFIX = 1u << 4,   /* "River", "Province" */
    CUE_LOC_HEAD   = 1u << 5,   /* "Mount", "Lake" */
    CUE_FAC_SUFFIX = 1u << 6,   /* "Airport", "Center" (facility, typed LOCATION) */
    CUE_SAY        = 1u << 7,   /* "said", "told": person-like context */
    CUE_CONNECTOR  = 1u << 8,   /* "of", "for", "and", "&" inside organization names */
    CUE_PARTICLE   = 1u << 9,   /* "de", "van", "bin" inside person names */
    CUE_NOT_NAME   = 1u << 10,  /* capitalized word that is no name on its own ("Monday") */
    CUE_SURNAME    = 1u << 11,  /* family name: first or last word of a person's name */
    CUE_ORG_NOUN   = 1u << 12,  /* "company", "retailer": "retailer X", "X, a company" */
    CUE_MODIFIER   = 1u << 13,  /* "first", "former": may stand in "the first US secretary" */
    CUE_PRONOUN    = 1u << 14,  /* "he", "her": a personal pronoun (third person singular) */
    CUE_MALE       = 1u << 15,  /* with CUE_GIVEN or CUE_PRONOUN: masculine */
    CUE_FEMALE     = 1u << 16,  /* with CUE_GIVEN or CUE_PRONOUN: feminine */
    CUE_PREP       = 1u << 17,  /* "with", "by": a name after it is no subject */
    CUE_STATEMENT  = 1u << 18,  /* "accused", "agreed": with CUE_SAY, verbs whose subject
                                   capital stands for its government */
    CUE_AUX        = 1u << 19,  /* "has", "also": may stand between subject and verb */
    CUE_CLAUSE     = 1u << 20,  /* "that", "but": a subject may start after it */
    CUE_PRODUCT    = 1u << 21,  /* "nano", "store", "Pro": continues a product name */
    CUE_MEASURE    = 1u << 22,  /* "percent", "million": a number before it is no model */
    CUE_CORP       = 1u << 23,  /* "Inc.", "Corp.", "plc": a legal form, not part of the identity */
    CUE_ORG_START  = 1u << 24,  /* "National", "Federal", "Air": a name it starts is an organization
                                   unless a place suffix ends it ("National Park") */
    CUE_DESCRIPTOR = 1u << 25,  /* "Hurricane", "Typhoon": "Hurricane X" = "X" */
    CUE_PRODUCT_NOUN = 1u << 26,/* "maker", "game": "the maker of X", "the game X" is a product */
    CUE_ORG_OF     = 1u << 27,  /* "shares", "stake": "shares of X" makes X an organization */
    CUE_LOC_HYPHEN = 1u << 28,  /* "based": "X-based" makes X a place */
    CUE_EVENT_SUFFIX = 1u << 29,/* "Prix", "Cup", "Prize": ends the name of an event or award (OTHER) */
    CUE_PRODUCT_AFTER = 1u << 30,/* "rocket", "jets", "pickup": "a Falcon 9 rocket" makes the name a product */
    CUE_BYLINE     = 1u << 31,  /* "By": at a line's start, the names after it are the writers (PERSON) */
};

/* Function-word classes (cues/function-words.tsv, WORD<TAB>CLASS): one small
 * number per cue word, kept beside its cue bits (all 32 bits are used), so
 * that the rules test a class, not an English word written in C. */
enum {
    EL_WC_NONE = 0,
    EL_WC_AND,     /* class `coord`: "and" */
    EL_WC_THE,     /* class `definite`: "the" */
    EL_WC_INDEF,   /* class `indefinite`: "a", "an" */
    EL_WC_OF,      /* class `genitive`: "of" */
    EL_WC_FOR,     /* class `purpose`: "for" */
    EL_WC_WHO,     /* class `relative`: "who" */
    EL_WC_ORDINAL, /* class `ordinal-suffix`: the letters of "4th", "21st" */
    EL_WC_ORG_AFTER,  /* class `org-after`: "party", "studio": "the X party" is an organization */
    EL_WC_PLACE_NOUN, /* class `place-noun`: "town", "peninsula": "the town of X", "the X peninsula" */
    EL_WC_FIN_AFTER,  /* class `financial-after`: "index": "the X index" is a financial name */
};

/* English words (cues/common-words.tsv), kept apart from the cue table (tens of
 * thousands of words, asked only at a candidate name's first word). */
enum {
    GZ_COMMON_WORD = 1,   /* kind `common`: written only in lower case ("staff", "shares") */
    GZ_COMMON_NAME = 2,   /* kind `common-name`: also a proper name ("bill", "grant") */
};

typedef struct el_gz_entry {
    uint32_t name, key, subtype;   /* offsets into the string pool (subtype: 0 = none) */
    uint8_t type;                  /* el_ent_type */
    uint8_t kind;                  /* GZ_KIND_* */
    uint8_t low;                   /* FLAGS "low": loses to any other entry of the phrase */
    char country[4];               /* FLAGS "country=XX" (people: nationality) or "" */
    char capital_of[4];            /* FLAGS "capital-of=XX" (a capital city) or "" */
} el_gz_entry;

struct el_gazetteer {
    el_lexicon *names;             /* payload: index into entries */
    el_lexicon *common;            /* one-word GZ_COMMON_* payloads, any case */
    el_lexicon *lower;             /* the entries of `names` that can match a word
                                      without a capital (titles, "eBay"): the only
                                      ones looked up at such words */
    el_hashmap cue_map;            /* lower-case word hash -> index in cues */
    struct el_cue_word *cues; size_t ncues, cap_cues;
    uint64_t cue_filter[1u << 11]; /* bit per hash of a cue word: most words of a
                                      text are none, answered without the table */
    char *cue_pool; size_t cue_pool_len, cue_pool_cap;   /* the cue words, lower-case,
                                      apart from `pool` so that they stay in cache */
    el_gz_entry *entries; size_t nentries, cap_entries;
    char *pool; size_t pool_len, pool_cap;
    el_abbrevs *abbrevs;           /* the document tokenizer's list, or NULL */
    size_t nnames;                 /* phrases added to `names` */
    int32_t countries[26 * 26];    /* the (last) country entry with ID iso:XX, -1 = none */
    uint32_t last_subtype;         /* pool offset of the last subtype added, 0 = none */
};

static inline const char *el_gz_str(const el_gazetteer *gz, uint32_t off)
{
    return gz->pool + off;
}

/* The country entry (ID iso:XX) whose capital entry `entry` is (its FLAGS
 * capital-of=XX), or -1. */
int el_gz_capital_country(const el_gazetteer *gz, int entry);

/* GZ_COMMON_WORD or GZ_COMMON_NAME when token `tok` is an English word of
 * the common-word list, else 0. */
unsigned el_gz_common(const el_gazetteer *gz, const el_doc *doc, size_t tok);

/* el_gz_cues past the filter. */
unsigned el_gz_cues_lookup(const el_gazetteer *gz, const el_doc *doc, size_t tok);

/* The bit of cue_filter for a word of hash h. */
static inline size_t el_gz_cue_bit(uint32_t h)
{
    return (size_t)(((uint64_t)h * 0x9E3779B97F4A7C15ull) >> (64 - 17));
}

/* OR of the cue bits of token `tok` (a single-word lookup).  The filter
 * test is inline: most words of a text are no cue. */
static inline unsigned el_gz_cues(const el_gazetteer *gz, const el_doc *doc, size_t tok)
{
    size_t b = el_gz_cue_bit(doc->tokens[tok].lhash);
    if (!(gz->cue_filter[b / 64] >> (b % 64) & 1))
        return 0;
    return el_gz_cues_lookup(gz, doc, tok);
}

/* The function-word class (EL_WC_*) of token `tok`, EL_WC_NONE if none. */
unsigned el_gz_class_lookup(const el_gazetteer *gz, const el_doc *doc, size_t tok);
static inline unsigned el_gz_class(const el_gazetteer *gz, const el_doc *doc, size_t tok)
{
    size_t b = el_gz_cue_bit(doc->tokens[tok].lhash);
    if (!(gz->cue_filter[b / 64] >> (b % 64) & 1))
        return EL_WC_NONE;
    return el_gz_class_lookup(gz, doc, tok);
}

/* The function-word class of the word w[0..n) (any case), EL_WC_NONE if none. */
unsigned el_gz_word_class(const el_gazetteer *gz, const char *w, size_t n);

/* Parse one line of an entity file (fields split in place); false + *err
 * (caller frees) when malformed.  Comment and blank lines are accepted. */
bool el_gz_add_line(el_gazetteer *gz, char *line, char **err);
/* Parse one line of a cue file. */
bool el_gz_add_cue_line(el_gazetteer *gz, char *line, char **err);

/* The gazetteer loaded from DIR (no extra files) as blob sections (the
 * compiled resource cache, stages/rescache.c), and back: the gazetteer
 * el_gazetteer_load(dir, NULL, 0) gives, extra files still to add with
 * el_gazetteer_add_file; NULL if the sections are no gazetteer. */
struct el_buf;
struct el_blob_r;
void el_gazetteer_save(const el_gazetteer *gz, struct el_buf *w);
el_gazetteer *el_gazetteer_restore(const char *dir, struct el_blob_r *r);

#endif

/* doc.h - the document model shared by every stage.
 *
 * A document owns its UTF-8 text and a set of annotation layers over it:
 * sentences, tokens, time expressions (timexes), entity mentions, event
 * mentions and temporal links.  Every span is kept both in byte offsets
 * (for the C code) and in Unicode code-point offsets (for the JSON contract,
 * which counts code points).  Layers refer to each other by index.
 *
 * Readers build a document (el_doc_new + text), the tokenizer fills the
 * sentence/token layers, the stages add annotations, the corpus links
 * documents together, exporters only read. */
#ifndef EL_DOC_H
#define EL_DOC_H

#include "model/relation.h"
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include "base/date.h"
#include "base/util.h"

/* Offsets are 32-bit: no document text reaches this many bytes. */
#define EL_MAX_DOC_BYTES ((size_t)UINT32_MAX)

/* ---- tokens and sentences ------------------------------------------ */

enum {
    EL_TOK_WORD      = 1u << 0,  /* contains a letter */
    EL_TOK_NUMBER    = 1u << 1,  /* starts with a digit */
    EL_TOK_PUNCT     = 1u << 2,  /* punctuation / symbol */
    EL_TOK_CAP       = 1u << 3,  /* first letter upper case */
    EL_TOK_ALLCAPS   = 1u << 4,  /* every letter upper case (and >= 2 letters) */
    EL_TOK_SENT_START= 1u << 5,  /* first token of its sentence */
    EL_TOK_GLUED     = 1u << 6,  /* no whitespace before this token */
    EL_TOK_ABBREV    = 1u << 7,  /* ends in a period that is part of it */
    EL_TOK_QUOTE     = 1u << 8,  /* a quotation mark */
    EL_TOK_NEWLINE   = 1u << 9,  /* a line break precedes this token */
    EL_TOK_DIGIT     = 1u << 10, /* contains an ASCII digit (a stage that looks for
                                    one skips the other tokens without reading them) */
};

typedef struct el_token {
    uint32_t start, end;    /* byte offsets, end exclusive (code-point offsets:
                               el_doc_cp_offset, counted from the sentence's:
                               kept out of the token, which every stage
                               streams through and every document keeps) */
    uint32_t sentence;      /* index into doc->sentences */
    uint32_t lhash;         /* el_hash_lower of the token text */
    uint16_t flags;         /* EL_TOK_* */
} el_token;

typedef struct el_sentence {
    uint32_t tok_begin, tok_end;  /* token range, end exclusive */
    uint32_t start, end;          /* byte offsets */
    uint32_t cstart;              /* code-point offset of start */
} el_sentence;

/* ---- annotation layers ---------------------------------------------- */

typedef enum el_timex_type {
    EL_TIMEX_DATE, EL_TIMEX_TIME, EL_TIMEX_DURATION, EL_TIMEX_SET
} el_timex_type;

typedef struct el_timex {
    uint32_t tok_begin, tok_end;  /* token range, end exclusive */
    uint32_t start, end;          /* byte offsets (may cut inside a token) */
    el_timex_type type;
    char value[EL_VALUE_SIZE];               /* TIMEX3 value, e.g. 2023-06-19T16:34 */
    char mod[16];                 /* TIMEX3 mod or "" */
    char quant[12];               /* SET quant ("EACH", "EVERY") or "" */
    char freq[12];                /* SET freq or "" */
    char zone[8];                 /* UTC offset of a named zone ("-04:00", "Z") or "";
                                     the value itself stays local, as in TimeBank */
    int anchor;                   /* index of anchoring timex, -1 = DCT/none */
    bool dateline;                /* the document's date line or wire dateline: it
                                     dates the document, not an event */
    bool record_since;            /* the far end of a record's span ("its lowest
                                     since 2017"): no event's own time */
    bool temporal_function;       /* value computed relative to an anchor */
    el_interval iv;               /* begin/end instants when anchored */
} el_timex;

typedef enum el_ent_type {
    EL_ENT_PERSON, EL_ENT_ORGANIZATION, EL_ENT_LOCATION, EL_ENT_NORP,
    EL_ENT_FACILITY, EL_ENT_PRODUCT, EL_ENT_FINANCIAL, EL_ENT_OTHER
} el_ent_type;

/* Where a mention's type comes from (JSON "type_source"). */
typedef enum el_type_source {
    EL_TSRC_NONE,         /* not recorded (results read from elsewhere) */
    EL_TSRC_GAZETTEER,    /* a list entry */
    EL_TSRC_RULE,         /* the name's own words: suffixes, heads, given names, camel case */
    EL_TSRC_CONTEXT,      /* the words around it: a title, "X said", "shares of X", "the maker of X" */
    EL_TSRC_COREFERENCE   /* another mention of the same entity (acronym, short name, pronoun) */
} el_type_source;

typedef struct el_mention {
    uint32_t tok_begin, tok_end;
    uint32_t start, end;
    el_ent_type type;
    char *key;        /* canonical entity key, e.g. "Q7747" or "PERSON:anna weber";
                         identical across documents for the same entity */
    char *name;       /* canonical name ("Maria Lopez") */
    char *subtype;    /* gazetteer subtype ("country", "city", ...) or NULL */
    char *role;       /* role/title attached to this mention or NULL */
    float confidence;
    el_type_source type_source;
} el_mention;

typedef enum el_event_class {
    EL_EV_OCCURRENCE, EL_EV_REPORTING, EL_EV_STATE, EL_EV_I_ACTION,
    EL_EV_I_STATE, EL_EV_ASPECTUAL, EL_EV_PERCEPTION
} el_event_class;

typedef enum el_tense {
    EL_TENSE_NONE, EL_TENSE_PAST, EL_TENSE_PRESENT, EL_TENSE_FUTURE,
    EL_TENSE_INFINITIVE, EL_TENSE_PRESPART, EL_TENSE_PASTPART
} el_tense;

typedef enum el_aspect {
    EL_ASPECT_NONE, EL_ASPECT_PROGRESSIVE, EL_ASPECT_PERFECTIVE,
    EL_ASPECT_PERFECTIVE_PROGRESSIVE
} el_aspect;

/* How an event mention's timex was found: through a short link inside its
 * own clause ("met ... on Monday"), or as the time of its sentence, across a
 * clause boundary or another verb ("Earlier this year, ... said ..."). */
typedef enum el_time_link { EL_TL_NONE, EL_TL_OWN, EL_TL_SENTENCE } el_time_link;

typedef struct el_event_mention {
    uint32_t tok_begin, tok_end;
    uint32_t start, end;
    el_event_class cls;
    char *type;         /* event type from the trigger lexicon ("meeting") */
    char *lemma;        /* trigger lemma ("meet") */
    el_tense tense;
    el_aspect aspect;
    bool negated;       /* polarity NEG */
    bool intensional;   /* argument of an intensional predicate ("asked for a
                           meeting", "cancellation of the trip"): not asserted */
    char *modality;     /* "could", "will", ... or NULL */
    int timex;          /* governing timex index, -1 = none */
    el_time_link timex_link; /* how that timex was found (EL_TL_NONE without one) */
    int location;       /* mention index of the location, -1 = none */
    int *participants;  /* mention indices */
    size_t nparticipants;
    bool syn_args;      /* participants from the syntax stage's tree: the subject is */
    int subject;        /* this one (a participant; -1 none known); without syn_args a
                           participant before the trigger is its subject */
    float confidence;
} el_event_mention;

typedef enum el_link_kind { EL_LINK_TLINK, EL_LINK_SLINK, EL_LINK_ALINK } el_link_kind;

/* Endpoints: an event mention, a timex, or the document creation time. */
typedef enum el_node_kind { EL_NODE_EVENT, EL_NODE_TIMEX, EL_NODE_DCT } el_node_kind;

typedef struct el_link {
    el_link_kind kind;
    el_node_kind from_kind, to_kind;
    int from, to;           /* indices into event_mentions / timexes */
    el_reltype reltype;     /* BEFORE, AFTER, INCLUDES, IS_INCLUDED, ... (model/relation.h) */
    char *evidence;         /* short human-readable reason, or NULL */
} el_link;

/* A UD syntactic word (the syntax stage, stages/syntax/syntax.h): a token,
 * a part of a contraction ("do" and "n't" of "don't"), or a run of glued
 * punctuation tokens ("..."). */
typedef struct el_word {
    uint32_t tok;           /* the token it is (a part of) */
    uint32_t start, end;    /* byte offsets (inside the token for a part) */
    uint32_t head;          /* index in doc->words of its head, UINT32_MAX = sentence root */
    uint8_t upos, xpos, deprel;  /* el_upos, model XPOS id, el_deprel (stages/syntax/syntax.h) */
    const char *lemma;      /* the document's string */
} el_word;

/* ---- the document ----------------------------------------------------- */

typedef enum el_dct_source {
    EL_DCT_NONE, EL_DCT_OPTION, EL_DCT_MANIFEST, EL_DCT_METADATA, EL_DCT_TEXT,
    EL_DCT_DATELINE   /* a wire dateline ("CITY, Mon. D, YYYY (Agency) -"); TEXT: a date line */
} el_dct_source;

/* The blocks that hold a document's annotation strings (doc.c). */
typedef struct el_strblock el_strblock;

typedef struct el_doc {
    char *id;              /* document id (file stem, TimeML DOCID, JSONL id) */
    char *path;            /* where it came from, for messages (may be NULL) */
    char *title;           /* HTML title or NULL */
    char *url;             /* source URL (HTML canonical/og:url, JSONL "url") or NULL */
    char *raw_head;        /* TimeML input: its bytes up to and with <TEXT ...>, */
    char *raw_tail;        /* and from </TEXT> on: the TimeML writer keeps them (or NULL) */
    char *text;            /* UTF-8, NUL-terminated */
    size_t len;            /* bytes */
    size_t ncp;            /* code points */
    el_date dct;           /* year == 0 when unknown */
    el_dct_source dct_source;
    const struct el_tlink_rules *tlink_rules;  /* the TimeML writer's link tables the pipeline
                                                  ran with (not owned; NULL for a document read
                                                  back from a result): JSON "tlinks" */

    /* After el_tokenize, tokens[ntokens] and sentences[nsentences] exist:
       end marks (an empty token at byte len, flags EL_TOK_SENT_START, in
       the empty sentence nsentences = [ntokens, ntokens)), so a stage that
       looks one token past a span or past the last token reads an empty
       token, never memory past the layer. */
    el_sentence *sentences; size_t nsentences, cap_sentences;
    el_token *tokens;       size_t ntokens,    cap_tokens;
    el_timex *timexes;      size_t ntimexes,   cap_timexes;
    el_mention *mentions;   size_t nmentions,  cap_mentions;
    el_event_mention *events; size_t nevents,  cap_events;
    el_link *links;         size_t nlinks,     cap_links;
    el_word *words;         size_t nwords;   /* syntax stage only, else none */
    uint32_t *tok_word;     /* first word starting in each token, and a sentinel
                               (ntokens + 1; syntax stage only): token t has words
                               [tok_word[t], tok_word[t+1]), none when it continues
                               the word before it ("." "." "." -> one "...") */
    el_strblock *strings;   /* every annotation string (mention key, name,
                               subtype, role; event type, lemma, modality; link
                               evidence) and participant list: carved from
                               blocks freed with the document, never one by one
                               (el_doc_str) */
} el_doc;

/* Create a document taking ownership of `text` (must be valid UTF-8,
 * NUL-terminated, `len` bytes).  `id` and `path` are copied. */
el_doc *el_doc_new(const char *id, const char *path, char *text, size_t len);
void el_doc_free(el_doc *doc);

/* The number of tokens starting at or before byte b (binary search). */
size_t el_doc_tokens_upto(const el_doc *doc, size_t b);

/* Code-point offset of byte offset `b` (b must be a character boundary or
 * len).  O(1) for ASCII text; else O(log n + sentence length) after
 * tokenization, O(n) before. */
size_t el_doc_cp_offset(const el_doc *doc, size_t b);

/* Pointer and byte length of token i's text. */
static inline const char *el_tok_text(const el_doc *d, size_t i, size_t *n)
{
    *n = d->tokens[i].end - d->tokens[i].start;
    return d->text + d->tokens[i].start;
}
/* True if token i equals `s` ignoring ASCII case.  Inline: callers pass
 * literals, whose length the compiler knows, so most tokens are rejected
 * by one comparison of lengths. */
static inline bool el_tok_is(const el_doc *d, size_t i, const char *s)
{
    size_t n;
    const char *t = el_tok_text(d, i, &n);
    return el_eq_nocase(t, n, s, strlen(s));
}

/* Is token i the possessive clitic ("'s" or "\u2019s")? */
static inline bool el_tok_is_possessive(const el_doc *d, size_t i)
{
    return el_tok_is(d, i, "'s") || el_tok_is(d, i, "\u2019s");
}

/* A copy of s (NULL for NULL) or of s[0..n), owned by the document d: the
 * strings of the annotation layers are made only with these, and freed with
 * the document (replacing one leaves the old copy in place until then). */
char *el_doc_str(el_doc *d, const char *s);
char *el_doc_strn(el_doc *d, const char *s, size_t n);
/* Room for n bytes among d's strings (the caller writes them, NUL included). */
char *el_doc_stralloc(el_doc *d, size_t n);

/* Append annotations; the returned pointer is valid until the next append
 * to the same layer.  Strings passed in are copied (el_doc_str). */
el_timex *el_doc_add_timex(el_doc *d, uint32_t tok_begin, uint32_t tok_end);
el_mention *el_doc_add_mention(el_doc *d, uint32_t tok_begin, uint32_t tok_end,
                               el_ent_type type, const char *key, const char *name);
/* Like el_doc_add_mention, but key and name are d's own strings already
 * (el_doc_stralloc, el_doc_str): they are not copied again. */
el_mention *el_doc_add_mention_own(el_doc *d, uint32_t tb, uint32_t te, el_ent_type type,
                                   char *key, char *name);
el_event_mention *el_doc_add_event(el_doc *d, uint32_t tok_begin, uint32_t tok_end,
                                   el_event_class cls, const char *type, const char *lemma);
el_link *el_doc_add_link(el_doc *d, el_link_kind kind, el_node_kind fk, int from,
                         el_node_kind tk, int to, el_reltype reltype, const char *evidence);
/* Add a participant (a mention index) to ev, an event of d, unless it is
 * one already; the list lives among d's strings (el_doc_str). */
void el_event_add_participant(el_doc *d, el_event_mention *ev, int mention);

/* Give back the unused room of the annotation layers (a stage calls it when
 * it is done: documents stay in memory for the corpus step, and capacity
 * left over by doubling would be a quarter or more of their memory). */
void el_doc_fit(el_doc *d);

/* Sort a layer by start offset (stages call this once they are done). */
void el_doc_sort_timexes(el_doc *d);
void el_doc_sort_mentions(el_doc *d);

/* Names of enum values as they appear in TimeML / the JSON contract. */
const char *el_timex_type_name(el_timex_type t);
const char *el_ent_type_name(el_ent_type t);
/* "gazetteer", "rule", "context", "coreference" (NULL for EL_TSRC_NONE), and back. */
const char *el_type_source_name(el_type_source s);
bool el_type_source_parse(const char *s, el_type_source *out);
const char *el_event_class_name(el_event_class c);
const char *el_tense_name(el_tense t);
const char *el_aspect_name(el_aspect a);
bool el_ent_type_parse(const char *s, el_ent_type *out);
bool el_event_class_parse(const char *s, el_event_class *out);

#endif

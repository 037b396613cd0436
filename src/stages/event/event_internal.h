/* event_internal.h - the trigger lexicon's tables, shared by the event
 * stage's modules (event_lexicon.c loads them, event.c and event_args.c
 * read them).  Not part of the public API. */
#ifndef EL_EVENT_INTERNAL_H
#define EL_EVENT_INTERNAL_H

#include "stages/event/event.h"
#include "text/lexicon.h"

/* Morphological readings of a trigger form (bit set). */
enum {
    EL_M_VB = 1u << 0,   /* base form */
    EL_M_VBZ = 1u << 1,  /* third person singular present */
    EL_M_VBD = 1u << 2,  /* simple past */
    EL_M_VBN = 1u << 3,  /* past participle */
    EL_M_VBG = 1u << 4,  /* gerund / present participle */
    EL_M_NN = 1u << 5,   /* noun */
};

/* Roles of closed-class words (grammar.tsv). */
enum {
    EL_R_BE_PRES = 1u << 0, EL_R_BE_PAST = 1u << 1, EL_R_BE_PART = 1u << 2,
    EL_R_BE_BASE = 1u << 3, EL_R_BE_ING = 1u << 4, EL_R_HAVE_PRES = 1u << 5,
    EL_R_HAVE_PAST = 1u << 6, EL_R_HAVE_BASE = 1u << 7, EL_R_DO_PRES = 1u << 8,
    EL_R_DO_PAST = 1u << 9, EL_R_WILL = 1u << 10, EL_R_MODAL = 1u << 11,
    EL_R_NEG = 1u << 12, EL_R_TO = 1u << 13, EL_R_DET = 1u << 14, EL_R_ADV = 1u << 15,
    EL_R_TIME_PREP = 1u << 16, EL_R_LOC_PREP = 1u << 17, EL_R_WITH = 1u << 18,
    EL_R_CLAUSE = 1u << 19, EL_R_PRON = 1u << 20,
    EL_R_NOEVENT = 1u << 21, EL_R_COMP = 1u << 22, EL_R_PREP = 1u << 23,
    EL_R_QUANT = 1u << 24,
    EL_R_UNASSERT = 1u << 25,   /* its "that"-clause is not asserted ("denied that") */
    EL_R_ACTOR = 1u << 26,      /* a noun for who acts for a place ("the U.S. side") */
    EL_R_NEGSUBJ = 1u << 27,    /* a subject that negates its verb ("none of", "no") */
};
/* any preposition: a verb form right after one is read as a noun */
#define EL_R_ANY_PREP (EL_R_PREP | EL_R_TIME_PREP | EL_R_LOC_PREP | EL_R_WITH)
#define EL_R_AUX (EL_R_BE_PRES | EL_R_BE_PAST | EL_R_BE_PART | EL_R_BE_BASE | EL_R_BE_ING | \
                  EL_R_HAVE_PRES | EL_R_HAVE_PAST | EL_R_HAVE_BASE | EL_R_DO_PRES |      \
                  EL_R_DO_PAST | EL_R_WILL | EL_R_MODAL)

/* Bits 28-31 of a role word hold the token's function-word class
 * (grammar.tsv roles coord ... that_comp): a value, one per word, for the
 * rules that need one exact function word ("and", "the", "since").  Test
 * with el_word_in(roles[i], EL_W(EL_W_AND) | EL_W(EL_W_OR)). */
enum {
    EL_W_NONE, EL_W_AND, EL_W_OR, EL_W_BUT, EL_W_DEF, EL_W_INDEF, EL_W_OF, EL_W_FOR,
    EL_W_BY, EL_W_FROM, EL_W_SINCE, EL_W_UNTIL, EL_W_BEFORE, EL_W_AFTER, EL_W_IN, EL_W_THAT,
};
#define EL_R_WORD_SHIFT 28
#define EL_R_WORD_MASK (0xFu << EL_R_WORD_SHIFT)
#define EL_W(c) (1u << (c))
/* Is the word class of role word r in the set `classes` (EL_W bits)? */
static inline bool el_word_in(uint32_t r, unsigned classes)
{
    return (EL_W(r >> EL_R_WORD_SHIFT) & classes & ~EL_W(EL_W_NONE)) != 0;
}
/* The grammatical roles of r without its word class. */
static inline uint32_t el_grammar_roles(uint32_t r)
{
    return r & ~EL_R_WORD_MASK;
}

/* One trigger form's reading. */
typedef struct el_trigger {
    char *lemma;
    char *type;          /* NULL = untyped */
    el_event_class cls;
    char pos;            /* 'V', 'N', 'A' */
    unsigned morph;      /* EL_M_* */
    float weight;        /* 1 for the hand lexicon, the event ratio for learned forms */
    int32_t stats;       /* index into el_trigger_lexicon.stats for the form, -1 none */
} el_trigger;

/* Contexts of a learned form (timeml-classes.tsv): any, the word before
 * (adverbs skipped), the word after. */
enum {
    EL_CTX_ALL, EL_CTX_P_TO, EL_CTX_P_MOD, EL_CTX_P_HAVE, EL_CTX_P_BE, EL_CTX_P_DET,
    EL_CTX_P_NONE, EL_CTX_N_TO, EL_CTX_N_COMP, EL_CTX_N_OBJ, EL_CTX_N_PREP, EL_CTX_N_NONE,
    EL_CTX_COUNT
};

/* What TimeML data says about one form in one context; occ 0 = no row. */
/* A class seen for this share (percent) of a row's events is "seen" there:
 * a rule giving it is not contradicted by the data. */
#define EL_CLASS_SEEN_PCT 10u

typedef struct el_form_ctx {
    uint16_t occ, events;   /* occurrences, of which annotated as events */
    int8_t cls;             /* clear majority el_event_class, -1 if mixed */
    uint8_t seen;           /* bit c: class c has EL_CLASS_SEEN_PCT of the events */
} el_form_ctx;

typedef struct el_form_stats {
    el_form_ctx ctx[EL_CTX_COUNT];
} el_form_stats;

typedef struct el_signal {
    el_reltype reltype;
    bool causal;
} el_signal;

/* The learned event model (event_model.c, gazetteers/events/event-model.tsv):
 * per token one score per label, label 0 no event, label 1 + c the event
 * class c (el_event_class order). */
#define EL_MODEL_LABELS 8
typedef struct el_event_model el_event_model;

/* Load a model file.  A missing file is no model: NULL with *err NULL;
 * an unreadable or malformed one: NULL and *err (caller frees). */
el_event_model *el_event_model_load(const char *path, char **err);
void el_event_model_free(el_event_model *m);
size_t el_event_model_features(const el_event_model *m);
/* The model as blob sections (the compiled resource cache,
 * stages/rescache.c), and back (NULL if the sections are no model). */
struct el_buf;
struct el_blob_r;
void el_event_model_save(const el_event_model *m, struct el_buf *w);
el_event_model *el_event_model_restore(struct el_blob_r *r);

/* Scores of token tok of doc (roles: el_event_token_roles). */
void el_event_model_score(const el_event_model *m, const el_doc *doc, const uint32_t *roles,
                          size_t tok, float out[EL_MODEL_LABELS]);
/* Scores of token tok as a candidate new event, as el_event_model_score,
 * or false without scoring it when the model has no rows for its form or
 * its form alone leans away from an event (a cheap bit test first: most
 * words are such forms). */
bool el_event_model_score_new(const el_event_model *m, const el_doc *doc, const uint32_t *roles,
                              size_t tok, float out[EL_MODEL_LABELS]);
/* The class with the highest score (labels 1..). */
el_event_class el_event_model_best_class(const float sc[EL_MODEL_LABELS]);

/* Names of the EL_CTX_* contexts ("*", "p:to", ... as in timeml-classes.tsv)
 * and the contexts of the word before token tb and after token te - 1
 * (adverbs and negation skipped; event_class.c). */
extern const char *const el_event_ctx_names[EL_CTX_COUNT];
int el_event_prev_context(const uint32_t *roles, size_t tb);
int el_event_next_context(const el_doc *doc, const uint32_t *roles, size_t te);

/* The sense rules of senses.tsv (event_sense.c). */
typedef struct el_event_senses el_event_senses;

struct el_trigger_lexicon {
    el_lexicon *forms;       /* form -> index into trig */
    el_trigger *trig; size_t ntrig, cap_trig;
    el_lexicon *grammar;     /* word -> role bits */
    el_lexicon *weak;        /* forms rarely annotated as events (untyped ones skipped) */
    el_lexicon *classes;     /* form -> index into stats (timeml-classes.tsv) */
    el_form_stats *stats; size_t nstats, cap_stats;
    el_lexicon *signals;     /* phrase -> index into sig */
    el_lexicon *credits;     /* byline and credit phrases (credits.tsv): no events there */
    el_lexicon *normalizer;  /* word -> EL_NW_* kinds (normalizer.tsv) */
    el_signal *sig; size_t nsig, cap_sig;
    el_event_type_info *types; size_t ntypes, cap_types;
    el_event_model *model;   /* NULL: no event-model.tsv */
    el_event_senses *senses; /* senses.tsv: context rules of ambiguous triggers */
};

/* Role bits of every token of doc (caller frees). */
uint32_t *el_event_token_roles(const el_doc *doc, const el_trigger_lexicon *lx);

/* Arguments and links (event_args.c): participants, location, time of
 * every event mention, then event-timex, event-DCT and event-event TLINKs. */
void el_event_arguments(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles);
void el_event_links(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles);
/* event_factuality.c: a noun event takes the modality, future and negation
 * of the support verb that governs it ("will hold talks") and of a modal
 * "take place" it is the subject of.  After el_event_arguments. */
void el_event_factuality(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles);

/* event_syntax.c: with the syntax stage's analysis, the participants of a
 * verbal mention from the tree (subject or passive agent first, then
 * objects); sets ev->syn_args and ev->subject and returns true, or returns
 * false (no analysis, or no verbal predicate: the word-window rules stay).
 * cover: el_event_mention_cover (NULL: false). */
int *el_event_mention_cover(const el_doc *doc);   /* mention covering each token, -1; caller frees */
bool el_event_syntax_args(el_doc *doc, el_event_mention *ev, const int *cover,
                          const uint32_t *roles);

/* Learned rows of the trigger found at a token: EL_LEARNED_UNKNOWN until
 * the trigger pass stores its reading's el_trigger.stats there. */
#define EL_LEARNED_UNKNOWN (-2)

/* Revise the class of every event mention of doc from its complement and
 * the learned rows of its form (learned_at: per token, see above); drop
 * mentions of forms seldom events in their context (event_class.c). */
void el_event_context_classes(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles,
                              const int32_t *learned_at);

/* Load events/senses.tsv under dir into lx->senses (after types.tsv:
 * the rules' types must be known); false and *err (caller frees) when the
 * file is missing or malformed. */
bool el_event_senses_load(el_trigger_lexicon *lx, const char *dir, char **err);
void el_event_senses_free(el_event_senses *s);
/* Retype, untype or drop the event mentions of doc whose trigger's
 * context matches a sense rule; a reading a rule types or keeps gets no
 * learned rows (learned_at -1, see below) (event_sense.c). */
void el_event_apply_senses(el_doc *doc, const el_trigger_lexicon *lx, const uint32_t *roles,
                           int32_t *learned_at);

#endif

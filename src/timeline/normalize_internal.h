/* normalize_internal.h - shared by the event normalizer's files (not a
 * public API): the per-mention features (mention_features.c,
 * mention_aspect.c), the clusters and how a mention matches one
 * (cluster_match.c), the cluster index (cluster_index.c), a document's
 * salience table (cluster_salience.c), the two clustering passes
 * (clustering.c) and the canonical events made from clusters
 * (canonical_events.c); normalize.c drives them. */
#ifndef EL_NORMALIZE_INTERNAL_H
#define EL_NORMALIZE_INTERNAL_H

#include "timeline/timeline_internal.h"
#include "base/hashmap.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DAY EL_MINUTES_PER_DAY
#define MAX_PARTS 8              /* participants kept per mention */
#define CLUSTER_LOCS 4           /* locations a cluster lists (more: scan its mentions) */
#define KEY_SIZE 160             /* a cluster key: group, entity, news day */

/* ---- mentions ----------------------------------------------------------- */

typedef struct mfeat {   /* (fields ordered to pack: one per mention of the corpus) */
    uint32_t doc, ev;
    uint32_t sentence;                     /* of the trigger's first token */
    int cluster;
    const char *type, *group;
    int parts[MAX_PARTS];                  /* entity indices */
    int subject;                           /* entity index or -1 */
    int location;                          /* entity index or -1 */
    el_interval iv;                        /* iv.end == 0: unknown */
    const char *value;                     /* timex value or NULL */
    int64_t clock_begin, clock_end;        /* from aspectual verbs, 0 = none */
    int64_t latest;                        /* a reported past event began before this
                                              instant (the end of the article's day) */
    int64_t dct;                           /* the document's day (minutes), INT64_MIN if none */
    float confidence;
    int span_days;                         /* how long one event of the type may last */
    int duration_days;                     /* "a two-day visit": 2, else 0 */
    uint8_t nparts;
    int8_t when;                           /* -1 before the article's day, +1 after, 0 unknown */
    bool factual;
    bool negated;                          /* "has not agreed": never the one that happened */
    bool indefinite;                       /* "a meeting": introduces, never refers back */
    bool dct_time;                         /* time taken from the DCT (present tense;
                                              the value is the document's DCT) */
    bool generic;                          /* untyped: grouped by lemma */
    bool past_report;                      /* factual simple past without a time: it
                                              happened by the article's day */
} mfeat;

/* An aspectual mention with a time ("beginning at 4:34 p.m."), noted
 * while its type is at hand: el_apply_aspectuals needs only these. */
typedef struct aspref { uint32_t doc, ev; } aspref;
typedef struct asp_list { aspref *v; size_t n, cap; } asp_list;

/* What the normalizer reads: event types (NULL: built-in defaults) and
 * its words (normalizer.tsv; NULL: none). */
typedef struct el_norm_lexicons {
    const el_trigger_lexicon *types, *words;
} el_norm_lexicons;

/* The features of every typed (or untyped but kept) event mention of c,
 * in document and mention order, reprints skipped (rp); the aspectual
 * mentions with a time go to asp.  *n: how many. */
mfeat *el_collect_mentions(const el_corpus *c, const el_norm_lexicons *lex,
                           const el_reprints *rp, asp_list *asp, size_t *n);

/* Is ev an aspectual "begin" or "end" (type), and which (*is_begin)? */
bool el_aspect_kind(const el_event_mention *ev, bool *is_begin);

/* A clock time on an aspectual verb sets the begin or end of the event it
 * is about (mention_aspect.c). */
void el_apply_aspectuals(const el_corpus *c, mfeat *fs, size_t nf, const asp_list *asp);

/* ---- clusters ----------------------------------------------------------- */

typedef struct cluster {
    size_t *m; size_t n, cap;   /* indices into the mfeat array */
    el_interval iv;             /* intersection of known mention times, or
                                   their hull for lasting types (visits) */
    int span_days;              /* the seed's */
    int64_t latest;             /* the earliest of its mentions' latest */
    int locs[CLUSTER_LOCS];     /* distinct locations of its mentions ... */
    uint8_t nlocs;              /* ... how many (CLUSTER_LOCS + 1 = more than fit: scan m) */
    bool dated;                 /* listed among its group's dated clusters */
    uint32_t *docs; size_t ndocs, cap_docs;   /* the articles of its mentions, sorted */
    el_merge_note *notes; size_t nnotes, cap_notes;   /* cross-article merges (owned) */
} cluster;

static inline bool iv_known(el_interval iv)
{
    return iv.end > iv.begin;
}

/* Compatible times: overlapping, or for a lasting type both within a
 * window of span_days days. */
bool el_iv_compatible(el_interval a, el_interval b, int span_days);
/* Does cluster k hold a mention of article `doc`? */
bool el_cluster_has_doc(const cluster *k, uint32_t doc);
/* Score of mention f joining cluster k; -1 = incompatible. */
int el_join_score(const mfeat *fs, const cluster *k, const mfeat *f);
/* Tense, report day and factuality let mention f join cluster ks[k]. */
bool el_may_join(const cluster *ks, int k, const mfeat *fs, const mfeat *f);
/* Add mention fs[m] to k (its time, articles and places). */
void el_cluster_add(cluster *k, const mfeat *fs, size_t m);

/* Clusters by key: "group" (every cluster of a group) and "group|entity"
 * (clusters whose seed names the entity), so a mention only looks at its
 * candidates (cluster_index.c). */
typedef struct kbucket { char *key; size_t *ids; size_t n, cap; } kbucket;
typedef struct key_index {
    el_hashmap map;          /* key hash -> index into b */
    kbucket *b; size_t nb, cap;
} key_index;

const kbucket *el_ki_get(const key_index *ix, const char *key);
void el_ki_add(key_index *ix, const char *key, size_t id);
void el_ki_free(key_index *ix);
/* The key a cluster is found by for mention f and one of its entities
 * (`day_offset` days from f's article's day for an untyped event). */
void el_cluster_key(char *buf, size_t cap, const mfeat *f, int entity, int day_offset);

/* The clusterer's state: the mentions (owned), the clusters made so far
 * and their indexes (by group; by group and entity). */
typedef struct clusterer {
    mfeat *fs; size_t nf;
    cluster *ks; size_t nk, cap;
    key_index groups, ents;
} clusterer;

/* Cluster every mention: those with participants first, most specific
 * first, then those without (clustering.c).  Sets each fs[i].cluster. */
void el_cluster_mentions(clusterer *cl);
/* The third pass: a cluster joins an earlier one of other articles that
 * is the same happening (type, time, participants, place, a shared story),
 * leaving a note why (cluster_merge.c). */
void el_merge_across_articles(const el_corpus *c, clusterer *cl);
/* Free the clusters, their indexes and the mentions (cl owns fs). */
void el_clusterer_free(clusterer *cl);

/* The clusters a document's mentions with participants are in, per group,
 * counted (cluster_salience.c); lo == SIZE_MAX: not built. */
typedef struct sal_entry sal_entry;
typedef struct salience {
    sal_entry *e; size_t n, cap;
    size_t lo;           /* the document's first mention; SIZE_MAX: not built */
    int *of_cluster;     /* cluster -> first entry, -1 (sized nk) */
    size_t nk;
} salience;

/* Build sa for the mentions [lo, hi) of one document. */
void el_salience_build(salience *sa, const clusterer *cl, size_t lo, size_t hi);
/* The cluster f's document names most often, -1 if none stands out. */
int el_salient_cluster(const salience *sa, const mfeat *f);
void el_salience_free(salience *sa);

/* ---- canonical events --------------------------------------------------- */

/* Append the canonical event of cluster k to c->events. */
void el_build_event(el_corpus *c, const el_trigger_lexicon *lx, const mfeat *fs,
                    const cluster *k, const el_reprints *rp);

#endif

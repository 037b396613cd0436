/* normalize.c - the event normalizer: typed event mentions of all the
 * documents become canonical events (see timeline_internal.h).
 *
 * Every mention is described by its type group, participants (entity
 * indices; the subject is the one before the trigger), location, time
 * (interval of its governing time expression, mod applied; for a present-
 * tense mention without one, the article's day, used only when no mention
 * of the event has an explicit time) and whether it
 * is factual, and whether it lies before or after the article's day (a
 * planned meeting "in the coming months" never joins a past one).
 * Mentions with participants are clustered first, most
 * specific first (more participants, finer time): a mention joins the best
 * compatible cluster (same group, time intervals overlapping or one
 * unknown, participant sets that intersect without each naming someone the
 * other lacks) or starts a new one.  Mentions without participants ("the
 * meeting") then join the cluster of the nearest earlier mention of the
 * same group in their document, or the narrowest time-compatible cluster
 * of the group (a year-level time only if one cluster fits), or (time
 * unknown) the only cluster of the group, or start
 * their own.  Aspectual verbs with a clock time ("beginning at 4:34 p.m.",
 * "ended at 5:09 p.m.") give begin and end of the nearest preceding event
 * of their document.  A third pass (cluster_merge.c) joins clusters of
 * different articles that tell one happening, noting why.
 *
 * The concerns live in their own files (normalize_internal.h): features
 * per mention, aspectual verbs, matching a mention to a cluster, the
 * cluster index, salience, the clustering passes and canonical events. */
#include "timeline/normalize_internal.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

void el_normalize_events(el_corpus *c, const el_trigger_lexicon *lx,
                         const el_trigger_lexicon *words)
{
    const el_norm_lexicons lex = {lx, words};
    asp_list asp = {NULL, 0, 0};
    el_reprints rp;
    el_reprints_find(c, &rp);
    clusterer cl;
    memset(&cl, 0, sizeof cl);
    cl.fs = el_collect_mentions(c, &lex, &rp, &asp, &cl.nf);
    el_apply_aspectuals(c, cl.fs, cl.nf, &asp);
    free(asp.v);
    el_cluster_mentions(&cl);
    el_merge_across_articles(c, &cl);
    for (size_t k = 0; k < cl.nk; k++) {
        cluster *ck = &cl.ks[k];
        if (!ck->n)
            continue;
        el_build_event(c, lx, cl.fs, ck, &rp);
        el_event *v = &c->events[c->nevents - 1];   /* it owns the merge notes now */
        v->merges = ck->notes;
        v->nmerges = ck->nnotes;
        v->cap_merges = ck->cap_notes;
        ck->notes = NULL;
        ck->nnotes = ck->cap_notes = 0;
    }
    el_clusterer_free(&cl);
    el_reprints_free(&rp);
}

/* metonymy.c - a capital city standing for its country's government.
 *
 * A capital (gazetteer FLAGS capital-of=XX) that is the subject of a verb of
 * statement or agreement (cue kinds say and statement, optionally after
 * auxiliaries: cue kind auxiliary) stands for the government of country XX:
 * its mention takes the country's key and name, subtype "government".  The
 * subject is one name or a coordination of place/organization names joined
 * by "and" or commas, and it starts a clause: at the sentence start, after
 * punctuation, after a clause word (cue kind clause: "that", "but") or a
 * say verb ("said X would respond").
 * Anywhere else ("officials in X said", "X's mayor said", "flew to X") the
 * capital stays the city.  Which capitals do this is data: a capital
 * without capital-of is never changed.  See gazetteers/entities/README.md. */
#include "stages/entity/entity_internal.h"

enum { MAX_AUX = 3 };   /* "has also not", "would then" */

static bool same_sentence(const el_doc *d, size_t a, size_t b)
{
    return b < d->ntokens && d->tokens[a].sentence == d->tokens[b].sentence;
}

static bool joinable(const cand *c)
{
    return !c->drop && (c->type == EL_ENT_LOCATION || c->type == EL_ENT_ORGANIZATION);
}

/* The candidate joined to candidate k by "and", "," or ", and", or -1. */
static int next_conjunct(const tagger *t, size_t k)
{
    const el_doc *d = t->doc;
    size_t j = t->c[k].e;
    if (!same_sentence(d, t->c[k].b, j) || !(el_tok_is(d, j, ",") || el_ent_wc(t, j) == EL_WC_AND))
        return -1;
    if (el_tok_is(d, j, ",") && same_sentence(d, j, j + 1) && el_ent_wc(t, j + 1) == EL_WC_AND)
        j++;
    if (!same_sentence(d, j, j + 1))
        return -1;
    int n = el_ent_cand_at(t, j + 1);
    return n >= 0 && joinable(&t->c[n]) ? n : -1;
}

/* Can a subject start at token b? */
static bool clause_start(const tagger *t, size_t b)
{
    const el_doc *d = t->doc;
    if (b == 0 || !same_sentence(d, b - 1, b))
        return true;
    return (d->tokens[b - 1].flags & EL_TOK_PUNCT) || (t->cue[b - 1] & (CUE_CLAUSE | CUE_SAY));
}

/* Is the subject ending before token subject_end followed by a statement
 * verb, past at most MAX_AUX auxiliaries? */
static bool statement_follows(const tagger *t, size_t subject_end)
{
    const el_doc *d = t->doc;
    for (size_t j = subject_end; j <= subject_end + MAX_AUX; j++) {
        if (!same_sentence(d, subject_end - 1, j))
            return false;
        if (t->cue[j] & (CUE_SAY | CUE_STATEMENT))
            return true;
        if (!(t->cue[j] & CUE_AUX))
            return false;
    }
    return false;
}

/* Capitals among candidates first..last (a subject) become their governments. */
static void to_governments(tagger *t, size_t first, int last)
{
    for (int k = (int)first; k >= 0; k = k == last ? -1 : next_conjunct(t, (size_t)k)) {
        cand *c = &t->c[k];
        int country = el_gz_capital_country(t->gz, c->entry);
        if (country >= 0 && c->target < 0) {
            c->entry = country;
            c->subtype = "government";
        }
    }
}

void el_ent_capital_governments(tagger *t)
{
    for (size_t k = 0; k < t->nc;) {
        if (!joinable(&t->c[k])) {
            k++;
            continue;
        }
        int last = (int)k;
        for (int n; (n = next_conjunct(t, (size_t)last)) >= 0;)
            last = n;
        if (clause_start(t, t->c[k].b) && statement_follows(t, t->c[last].e))
            to_governments(t, k, last);
        k = (size_t)last + 1;
    }
}

/* syntax_eval.c - accuracy of the syntax model against a CoNLL-U file,
 * on the gold tokenization and from raw text (eventline's tokenizer and
 * sentence splitter, words aligned to the gold words by their character
 * spans as in the CoNLL 2018 scorer), and its speed.  LAS and the
 * per-relation F1 compare universal relations (the part before ':'). */
#include "syntax_train.h"
#include "text/tokenize.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const REPORTED[] = { "nsubj", "obj", "obl", "nmod", "compound", "flat",
                                        "conj", "ccomp", "xcomp", "amod", "advmod", NULL };

static bool same_rel(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && memcmp(a, b, la) == 0;
}

static int reported(const char *rel)
{
    for (int i = 0; REPORTED[i]; i++)
        if (same_rel(rel, REPORTED[i]))
            return i;
    return -1;
}

/* Score one aligned word pair; sys_head_gold: the gold index the system's
 * head aligns to (0 root, -1 none). */
static void score_word(const el_syntax *m, const cu_word *g, const el_syn_word *s,
                       long sys_head_gold, syn_scores *sc)
{
    sc->aligned++;
    sc->upos += strcmp(el_syntax_upos_name(m, s->upos), g->upos) == 0;
    sc->xpos += strcmp(el_syntax_xpos_name(m, s->xpos), g->xpos) == 0;
    sc->lemma += strcmp(s->lemma, g->lemma) == 0;
    bool head_ok = sys_head_gold == (long)g->head;
    const char *rel = el_syntax_deprel_name(m, s->deprel);
    bool rel_ok = same_rel(rel, g->deprel);
    sc->uas += head_ok;
    sc->las += head_ok && rel_ok;
    int gi = reported(g->deprel);
    if (gi >= 0 && head_ok && rel_ok)
        sc->lab_ok[gi]++;
}

static void count_rels(const el_syntax *m, const cu_sent *gs, const el_syn_word *sw, size_t ns,
                       syn_scores *sc)
{
    for (size_t i = 0; i < gs->n; i++) {
        int k = reported(gs->w[i].deprel);
        if (k >= 0)
            sc->lab_gold[k]++;
    }
    for (size_t i = 0; i < ns; i++) {
        int k = reported(el_syntax_deprel_name(m, sw[i].deprel));
        if (k >= 0)
            sc->lab_sys[k]++;
    }
}

void syn_eval_gold(const el_syntax *m, const cu_bank *tb, syn_scores *sc)
{
    memset(sc, 0, sizeof *sc);
    el_syn_work *w = el_syn_work_new();
    size_t cap = 0;
    el_syn_word *sw = NULL;
    for (size_t i = 0; i < tb->n; i++) {
        const cu_sent *gs = &tb->s[i];
        if (gs->n > cap) {
            cap = gs->n * 2;
            sw = realloc(sw, cap * sizeof *sw);
            if (!sw)
                abort();
        }
        for (size_t j = 0; j < gs->n; j++) {
            sw[j].form = gs->w[j].form;
            sw[j].len = (uint32_t)strlen(gs->w[j].form);
        }
        el_syntax_sentence(m, w, sw, gs->n, EL_SYN_PARSE);
        sc->gold_words += gs->n;
        sc->sys_words += gs->n;
        for (size_t j = 0; j < gs->n; j++)
            score_word(m, &gs->w[j], &sw[j], (long)sw[j].head, sc);
        count_rels(m, gs, sw, gs->n, sc);
    }
    free(sw);
    el_syn_work_free(w);
}

/* ---- raw text ----------------------------------------------------------------------- */

/* A gold word's place in the document text: span of its token + part. */
typedef struct gref { uint32_t s, e; uint8_t part; size_t sent, word; } gref;

static int gref_cmp(const void *a, const void *b)
{
    const gref *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->e != y->e) return x->e < y->e ? -1 : 1;
    return (int)x->part - (int)y->part;
}

static const gref *gref_find(const gref *g, size_t n, uint32_t s, uint32_t e, uint8_t part)
{
    gref key = { s, e, part, 0, 0 };
    return bsearch(&key, g, n, sizeof *g, gref_cmp);
}

/* Evaluate the documents tb->s[from..to) as one raw text. */
static void eval_doc(const el_syntax *m, const el_abbrevs *ab, const cu_bank *tb, size_t from,
                     size_t to, syn_scores *sc)
{
    el_buf text = EL_BUF_INIT;
    size_t ng = 0;
    for (size_t i = from; i < to; i++)
        ng += tb->s[i].n;
    gref *g = el_malloc((ng + 1) * sizeof *g);
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        const cu_sent *s = &tb->s[i];
        if (i > from)
            el_buf_puts(&text, s->newpar ? "\n\n" : " ");
        uint32_t base = (uint32_t)text.len;
        el_buf_puts(&text, s->text ? s->text : "");
        for (size_t j = 0; j < s->n; j++, k++)
            g[k] = (gref){ base + s->w[j].tstart, base + s->w[j].tend, s->w[j].part, i, j };
        sc->gold_words += s->n;
        count_rels(m, s, NULL, 0, sc);
    }
    qsort(g, ng, sizeof *g, gref_cmp);
    size_t len = 0;
    char *t = el_buf_detach(&text, &len);
    el_doc *doc = el_doc_new("raw", NULL, t, len);
    el_tokenize(doc, ab);
    el_syntax_tag(doc, m);
    sc->sys_words += doc->nwords;
    for (size_t si = 0; si < doc->nsentences; si++) {
        const el_sentence *sen = &doc->sentences[si];
        uint32_t wb = doc->tok_word[sen->tok_begin];
        uint32_t we = doc->tok_word[sen->tok_end];
        for (uint32_t wi = wb; wi < we; wi++) {
            const el_word *x = &doc->words[wi];
            const el_token *tk = &doc->tokens[x->tok];
            uint8_t part = (uint8_t)(wi - doc->tok_word[x->tok]);
            bool split = doc->tok_word[x->tok + 1] - doc->tok_word[x->tok] > 1;
            const gref *gr = split ? gref_find(g, ng, tk->start, tk->end, part)
                                   : gref_find(g, ng, x->start, x->end, 0);
            if (!gr)
                continue;
            const cu_word *gw = &tb->s[gr->sent].w[gr->word];
            el_syn_word sw;
            memset(&sw, 0, sizeof sw);
            sw.upos = x->upos; sw.xpos = x->xpos; sw.deprel = x->deprel;
            el_copy_str(sw.lemma, sizeof sw.lemma, x->lemma);
            long hg = -1;
            if (x->head == UINT32_MAX) {
                hg = 0;
            } else {
                const el_word *h = &doc->words[x->head];
                const el_token *ht = &doc->tokens[h->tok];
                uint8_t hp = (uint8_t)(x->head - doc->tok_word[h->tok]);
                bool hsplit = doc->tok_word[h->tok + 1] - doc->tok_word[h->tok] > 1;
                const gref *hr = hsplit ? gref_find(g, ng, ht->start, ht->end, hp)
                                        : gref_find(g, ng, h->start, h->end, 0);
                if (hr && hr->sent == gr->sent)
                    hg = (long)hr->word + 1;
            }
            int rk = reported(el_syntax_deprel_name(m, x->deprel));
            if (rk >= 0)
                sc->lab_sys[rk]++;
            score_word(m, gw, &sw, hg, sc);
        }
    }
    el_doc_free(doc);
    free(g);
}

bool syn_eval_raw(const el_syntax *m, const cu_bank *tb, const char *gazdir, syn_scores *sc)
{
    memset(sc, 0, sizeof *sc);
    char path[4096], *err = NULL;
    snprintf(path, sizeof path, "%s/abbreviations.tsv", gazdir);
    el_abbrevs *ab = el_abbrevs_load(path, &err);
    if (!ab) {
        fprintf(stderr, "syntax-tool: %s\n", err);
        free(err);
        return false;
    }
    for (size_t i = 0; i < tb->n;) {
        size_t j = i + 1;
        while (j < tb->n && !tb->s[j].newdoc)
            j++;
        eval_doc(m, ab, tb, i, j, sc);
        i = j;
    }
    el_abbrevs_free(ab);
    return true;
}

static double f1(double ok, double gold, double sys)
{
    return gold + sys > 0 ? 200.0 * ok / (gold + sys) : 0;
}

void syn_print_scores(const char *title, const syn_scores *sc)
{
    double g = sc->gold_words, s = sc->sys_words;
    printf("\n%s: %.0f gold words, %.0f system words, %.0f aligned (F1 %.2f)\n", title, g, s,
           sc->aligned, f1(sc->aligned, g, s));
    printf("  %-10s %6.2f\n  %-10s %6.2f\n  %-10s %6.2f\n  %-10s %6.2f\n  %-10s %6.2f\n",
           "UPOS", f1(sc->upos, g, s), "XPOS", f1(sc->xpos, g, s), "lemma", f1(sc->lemma, g, s),
           "UAS", f1(sc->uas, g, s), "LAS", f1(sc->las, g, s));
    printf("  labeled F1 by relation (universal part):\n");
    for (int i = 0; REPORTED[i]; i++)
        printf("    %-9s %6.2f  (gold %.0f)\n", REPORTED[i],
               f1(sc->lab_ok[i], sc->lab_gold[i], sc->lab_sys[i]), sc->lab_gold[i]);
}

/* ---- speed ------------------------------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double run(const el_syntax *m, const cu_bank *tb, el_syn_level level, int reps,
                  size_t *words)
{
    el_syn_work *w = el_syn_work_new();
    el_syn_word *sw = el_calloc(EL_SYN_MAX_WORDS * 4, sizeof *sw);
    double t0 = now_s();
    *words = 0;
    for (int r = 0; r < reps; r++)
        for (size_t i = 0; i < tb->n; i++) {
            const cu_sent *gs = &tb->s[i];
            size_t n = gs->n < EL_SYN_MAX_WORDS * 4 ? gs->n : EL_SYN_MAX_WORDS * 4;
            for (size_t j = 0; j < n; j++) {
                sw[j].form = gs->w[j].form;
                sw[j].len = (uint32_t)strlen(gs->w[j].form);
            }
            el_syntax_sentence(m, w, sw, n, level);
            *words += n;
        }
    double t = now_s() - t0;
    free(sw);
    el_syn_work_free(w);
    return t;
}

void syn_bench(const el_syntax *m, const cu_bank *tb)
{
    static const char *const names[] = { "", "tagger", "tagger+lemmatizer",
                                          "tagger+lemmatizer+parser+labeller" };
    size_t words;
    run(m, tb, EL_SYN_PARSE, 1, &words);   /* warm-up */
    double base = 0;
    for (int lv = EL_SYN_TAG; lv <= EL_SYN_PARSE; lv++) {
        double t = run(m, tb, (el_syn_level)lv, 5, &words);
        printf("  %-36s %6.2f M words/s\n", names[lv], words / t / 1e6);
        if (lv == EL_SYN_LEMMA)
            base = t;
        if (lv == EL_SYN_PARSE)
            printf("  %-36s %6.2f M words/s\n", "parser+labeller alone", words / (t - base) / 1e6);
    }
}

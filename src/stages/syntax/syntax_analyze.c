/* syntax_analyze.c - analysis of a sentence with a loaded model (tags, lemmas,
 * tree, labels), the UD contraction split, and the pipeline stage that
 * fills doc->words (see syntax.h). */
#include "stages/syntax/syntax_internal.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

struct el_syn_work {
    syn_wfeat wf[EL_SYN_MAX_WORDS + 6];
    uint8_t tag[EL_SYN_MAX_WORDS + 6];
    uint32_t stack[EL_SYN_MAX_WORDS + 2];
    uint32_t head[EL_SYN_MAX_WORDS + 3], lc[EL_SYN_MAX_WORDS + 3], rc[EL_SYN_MAX_WORDS + 3];
    uint32_t lc2[EL_SYN_MAX_WORDS + 3], rc2[EL_SYN_MAX_WORDS + 3];
    uint8_t nl[EL_SYN_MAX_WORDS + 3], nr[EL_SYN_MAX_WORDS + 3];
    uint32_t f[64];
    int32_t score[SYN_MAX_TAGS];
};

el_syn_work *el_syn_work_new(void)
{
    return el_calloc(1, sizeof(el_syn_work));
}

void el_syn_work_free(el_syn_work *w)
{
    free(w);
}

const char *el_syntax_upos_name(const el_syntax *m, unsigned id)
{
    (void)m;
    return el_upos_name((el_upos)id);
}
const char *el_syntax_xpos_name(const el_syntax *m, unsigned id)
{
    return id < m->nxpos ? m->xpos[id] : "_";
}
const char *el_syntax_deprel_name(const el_syntax *m, unsigned id)
{
    (void)m;
    return el_deprel_name((el_deprel)id);
}
unsigned el_syntax_nupos(const el_syntax *m) { (void)m; return EL_UPOS_COUNT; }
unsigned el_syntax_nxpos(const el_syntax *m) { return m->nxpos; }
unsigned el_syntax_ndeprel(const el_syntax *m) { (void)m; return EL_DEP_COUNT; }

/* ---- the pieces ---------------------------------------------------------- */

static int dict_lookup(const el_syntax *m, uint64_t h)
{
    if (!m->dict)
        return -1;
    for (uint32_t s = (uint32_t)(h ^ (h >> 32)) & m->dict_mask; m->dict[s].h;
         s = (s + 1) & m->dict_mask)
        if (m->dict[s].h == h)
            return m->dict[s].tag;
    return -1;
}

static int argmax(const int32_t *score, unsigned n)
{
    int best = 0;
    for (unsigned c = 1; c < n; c++)
        if (score[c] > score[best])
            best = (int)c;
    return best;
}

/* Fill w->wf and w->tag's padding for words[0..n); returns the sentence view. */
static syn_sent prepare(const el_syntax *m, el_syn_work *w, const el_syn_word *words, size_t n)
{
    syn_sent s = { n, w->wf + 2, w->tag + 2 };
    syn_wfeat *wf = w->wf + 2;
    for (size_t i = 0; i < n; i++)
        syn_word_features(words[i].form, words[i].len, &wf[i + 1]);
    syn_pad(w->wf + 2, w->tag + 2, n, m->ntag);
    return s;
}

static void tag_sentence(const el_syntax *m, el_syn_work *w, syn_sent *s)
{
    for (size_t i = 1; i <= s->n; i++) {
        int t = dict_lookup(m, s->wf[i].form);
        if (t < 0) {
            size_t nf = syn_tag_feats(s, i, m->tagger.tmpl, w->f);
            memset(w->score, 0, m->ntag * sizeof *w->score);
            syn_score(&m->tagger, w->f, nf, w->score);
            t = argmax(w->score, m->ntag);
        }
        s->tag[i] = (uint8_t)t;
    }
}

static void state_bind(el_syn_work *w, syn_state *st)
{
    st->stack = w->stack; st->head = w->head;
    st->lc = w->lc; st->rc = w->rc; st->lc2 = w->lc2; st->rc2 = w->rc2;
    st->nl = w->nl; st->nr = w->nr;
}

static void parse_sentence(const el_syntax *m, el_syn_work *w, syn_sent *s, syn_state *st)
{
    state_bind(w, st);
    syn_state_init(st, s->n);
    while (st->b <= s->n || st->sp > 1) {
        size_t nf = syn_parse_feats(s, st, m->parser.tmpl, w->f);
        int32_t sc[SYN_NTRANS] = {0, 0, 0};
        syn_score(&m->parser, w->f, nf, sc);
        int best = -1;
        for (int t = 0; t < SYN_NTRANS; t++)
            if (syn_valid(st, s->n, t) && (best < 0 || sc[t] > sc[best]))
                best = t;
        syn_apply(st, best);
    }
}

static int label_word(const el_syntax *m, el_syn_work *w, const syn_sent *s,
                      const syn_state *st, size_t d)
{
    if (st->head[d] == 0)
        return EL_DEP_ROOT;
    size_t nf = syn_label_feats(s, st, d, m->labeller.tmpl, w->f);
    memset(w->score, 0, m->nlabel * sizeof *w->score);
    syn_score(&m->labeller, w->f, nf, w->score);
    w->score[m->root_label] = INT32_MIN;
    return m->label_rel[argmax(w->score, m->nlabel)];
}

static void analyse(const el_syntax *m, el_syn_work *w, el_syn_word *words, size_t n,
                    el_syn_level level)
{
    syn_sent s = prepare(m, w, words, n);
    tag_sentence(m, w, &s);
    for (size_t i = 0; i < n; i++) {
        words[i].upos = m->tag_upos[s.tag[i + 1]];
        words[i].xpos = m->tag_xpos[s.tag[i + 1]];
        words[i].head = 0;
        words[i].deprel = EL_DEP_ROOT;
        if (level >= EL_SYN_LEMMA)
            syn_lemmatize(m, words[i].form, words[i].len, s.tag[i + 1], words[i].lemma,
                          sizeof words[i].lemma);
        else
            words[i].lemma[0] = 0;
    }
    if (level < EL_SYN_PARSE)
        return;
    syn_state st;
    parse_sentence(m, w, &s, &st);
    for (size_t d = 1; d <= n; d++) {
        words[d - 1].head = st.head[d];
        words[d - 1].deprel = (uint8_t)label_word(m, w, &s, &st, d);
    }
}

void el_syntax_sentence(const el_syntax *m, el_syn_work *w, el_syn_word *words, size_t n,
                        el_syn_level level)
{
    uint32_t root = 0;   /* 1-based: the first piece's root */
    for (size_t off = 0; off < n; off += EL_SYN_MAX_WORDS) {
        size_t k = n - off < EL_SYN_MAX_WORDS ? n - off : EL_SYN_MAX_WORDS;
        analyse(m, w, words + off, k, level);
        if (level < EL_SYN_PARSE)
            continue;
        for (size_t i = 0; i < k; i++) {
            el_syn_word *x = &words[off + i];
            if (x->head)   /* a later piece: heads past the offset */
                x->head += (uint32_t)off;
            else if (!root)
                root = (uint32_t)(off + i + 1);
            else {   /* a later piece's root hangs from the first: one root */
                x->head = root;
                x->deprel = EL_DEP_PARATAXIS;
            }
        }
    }
}

/* ---- lemmas ------------------------------------------------------------------ */

uint64_t syn_lemma_key(uint64_t lower, unsigned xpos)
{
    uint64_t h = (lower ^ (xpos + 1) * 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
    return h ? h : 1;
}

uint64_t syn_rule_key(unsigned xpos, const char *suf, size_t n)
{
    uint64_t h = (el_hash64_lower(suf, n) + n * 0x51ED27ull) ^ ((xpos + 7) * 0x94D049BB133111EBull);
    return h ? h : 1;
}

static const char *lemma_find(const syn_lemma_entry *tab, uint32_t mask, const char *str,
                              uint64_t h)
{
    if (!tab)
        return NULL;
    for (uint32_t s = (uint32_t)(h ^ (h >> 32)) & mask; tab[s].h; s = (s + 1) & mask)
        if (tab[s].h == h)
            return str + tab[s].off;
    return NULL;
}

static void copy_lower(const char *s, size_t n, char *out, size_t cap, bool lower)
{
    size_t k = n < cap - 1 ? n : cap - 1;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        out[i] = lower && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    out[k] = 0;
}

void syn_lemmatize(const el_syntax *m, const char *form, size_t len, unsigned tag,
                   char *out, size_t cap)
{
    char norm[64];
    size_t nn = syn_ascii_quotes(form, len, norm, sizeof norm);
    if (nn) {
        form = norm;
        len = nn;
    }
    unsigned xpos = m->tag_xpos[tag];
    const char *ex = lemma_find(m->lex, m->lex_mask, m->lstr,
                                syn_lemma_key(el_hash64_lower(form, len), xpos));
    if (ex) {
        el_copy_str(out, cap, ex);
        return;
    }
    bool propn = m->tag_upos[tag] == EL_UPOS_PROPN;
    copy_lower(form, len, out, cap, !propn);
    if (propn)
        return;
    for (size_t k = len > SYN_MAX_SUFFIX ? SYN_MAX_SUFFIX : len; ; k--) {
        const char *r = lemma_find(m->lrule, m->lrule_mask, m->lstr,
                                   syn_rule_key(xpos, form + len - k, k));
        if (r) {   /* "STRIP ADD" */
            size_t strip = (size_t)(r[0] - '0'), l = strlen(out);
            /* never cut inside a UTF-8 character */
            if (strip <= l && ((unsigned char)out[l - strip] & 0xc0) != 0x80) {
                l -= strip;
                out[l] = 0;
                el_copy_str(out + l, cap - l, r + 2);
            }
            return;
        }
        if (k == 0)
            return;
    }
}

/* ---- contractions -------------------------------------------------------------- */

static bool ends_with_ci(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && el_eq_nocase(s + n - k, k, suf, k);
}

size_t el_syntax_split(const char *s, size_t n, uint32_t lens[3])
{
    static const char *const clitics[] = {
        "n't", "n\xe2\x80\x99" "t", "'s", "\xe2\x80\x99" "s", "'m", "\xe2\x80\x99" "m", "'re",
        "\xe2\x80\x99" "re", "'ve", "\xe2\x80\x99" "ve", "'ll", "\xe2\x80\x99" "ll", "'d",
        "\xe2\x80\x99" "d", NULL };
    static const char *const whole[][2] = {   /* word, length of its first part */
        {"cannot", "3"}, {"gonna", "3"}, {"wanna", "3"}, {"gotta", "3"}, {NULL, NULL} };
    lens[0] = (uint32_t)n;
    lens[1] = lens[2] = 0;
    for (size_t i = 0; whole[i][0]; i++)
        if (el_eq_nocase(s, n, whole[i][0], strlen(whole[i][0]))) {
            lens[0] = (uint32_t)(whole[i][1][0] - '0');
            lens[1] = (uint32_t)n - lens[0];
            return 2;
        }
    for (size_t i = 0; clitics[i]; i++) {
        size_t k = strlen(clitics[i]);
        if (n > k && ends_with_ci(s, n, clitics[i])) {
            unsigned char c = (unsigned char)s[n - k - 1];
            if (!((c | 32) >= 'a' && (c | 32) <= 'z'))   /* a letter before the clitic */
                return 1;
            lens[0] = (uint32_t)(n - k);
            lens[1] = (uint32_t)k;
            return 2;
        }
    }
    return 1;
}

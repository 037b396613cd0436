/* syntax_feat.c - word hashes, the feature templates of the tagger, the
 * parser and the labeller, and the arc-hybrid transition system.  Shared
 * by analysis (syntax_analyze.c) and training (tools/syntax-tool.c). */
#include "stages/syntax/syntax_internal.h"
#include "base/util.h"

#include <string.h>

/* Template ID of a classifier whose first template is BASE: its key goes
 * to f[] only when the model's template mask has bit ID - BASE (see
 * syn_linear.tmpl), so one extractor serves every point of the
 * templates/speed/accuracy curve. */
#define F(id, a, b) do { if (mask >> ((id) - BASE) & 1) f[k++] = syn_key(id, a, b); } while (0)

/* Character class for the word shape: X x d or the byte itself. */
static unsigned char shape_class(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    if (c >= 0x80) return 'u';
    return c;
}

/* Curly single quotes (U+2018, U+2019) as the ASCII apostrophe the
 * treebank mostly has: "don’t" looks like "don't".  Returns the new length
 * (0: nothing to change). */
size_t syn_ascii_quotes(const char *s, size_t n, char *out, size_t cap)
{
    if (n >= cap || !memchr(s, 0xe2, n))
        return 0;
    size_t k = 0;
    bool changed = false;
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n && (unsigned char)s[i] == 0xe2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
            out[k++] = '\'';
            i += 2;
            changed = true;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = 0;
    return changed ? k : 0;
}

void syn_word_features(const char *s, size_t n, syn_wfeat *f)
{
    char norm[64];
    size_t nn = syn_ascii_quotes(s, n, norm, sizeof norm);
    if (nn) {
        s = norm;
        n = nn;
    }
    f->form = el_hash64(s, n);
    f->lower = el_hash64_lower(s, n);
    for (size_t k = 0; k < 4; k++) {
        size_t m = k + 1 < n ? k + 1 : n;
        f->suf[k] = el_hash64_lower(s + n - m, m) + k;
    }
    f->pre1 = n ? (unsigned char)s[0] : 0;
    f->pre[0] = el_hash64_lower(s, n < 2 ? n : 2) + 11;
    f->pre[1] = el_hash64_lower(s, n < 3 ? n : 3) + 13;
    /* shape: classes with runs cut at 2, plus the length bucket */
    uint64_t h = 0xcbf29ce484222325ull;
    unsigned char last = 0; int run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = shape_class((unsigned char)s[i]);
        run = c == last ? run + 1 : 0;
        last = c;
        if (run < 2)
            h = (h ^ c) * 0x100000001b3ull;
    }
    f->shape = h + (n > 4 ? 4 : n);
}

void syn_pad(syn_wfeat *wf, uint8_t *tag, size_t n, unsigned ntag)
{
    static const char pad_start[] = "<S>", pad_end[] = "</S>";
    syn_word_features(pad_start, 3, &wf[0]);
    wf[-1] = wf[-2] = wf[0];
    syn_word_features(pad_end, 4, &wf[n + 1]);
    wf[n + 2] = wf[n + 1];
    tag[-2] = tag[-1] = tag[0] = (uint8_t)ntag;
    tag[n + 1] = tag[n + 2] = (uint8_t)(ntag + 1);
}

#define BASE SYN_TMPL_TAG

/* ---- tagger ---------------------------------------------------------------- */

size_t syn_tag_feats(const syn_sent *s, size_t i, uint64_t mask, uint32_t *f)
{
    const syn_wfeat *w = s->wf + i, *p = w - 1, *p2 = w - 2, *nx = w + 1, *n2 = w + 2;
    uint64_t t1 = s->tag[i - 1], t2 = s->tag[i - 2];
    size_t k = 0;
    F(1, 0, 0);
    F(2, w->form, 0);
    F(3, w->lower, 0);
    F(4, w->suf[0], 0);
    F(5, w->suf[1], 0);
    F(6, w->suf[2], 0);
    F(7, w->suf[3], 0);
    F(8, w->pre1, w->shape);
    F(9, w->shape, i == 1);
    F(10, t1, 0);
    F(11, t1, t2);
    F(12, t1, w->lower);
    F(13, p->lower, 0);
    F(14, p->suf[2], 0);
    F(15, p2->lower, 0);
    F(16, nx->lower, 0);
    F(17, nx->suf[2], 0);
    F(18, n2->lower, 0);
    F(19, w->lower, nx->lower);
    F(20, p->lower, w->lower);
    F(21, t1, nx->lower);
    F(22, nx->shape, w->suf[1]);
    F(23, w->pre[0], 0);
    F(24, w->pre[1], 0);
    F(25, t1, w->suf[2]);
    F(26, p->lower, nx->lower);
    F(27, w->shape, nx->shape * 31 + p->shape);
    F(28, t1, w->shape);
    F(29, t2, w->lower);
    F(30, nx->suf[0], w->suf[2]);
    F(31, n2->suf[2], 0);
    F(32, p->form, w->form);
    return k;
}

/* ---- the arc-hybrid system ------------------------------------------------ */

void syn_state_init(syn_state *st, size_t n)
{
    st->sp = 1;
    st->stack[0] = 0;
    st->b = 1;
    for (size_t i = 0; i <= n + 1; i++) {
        st->head[i] = UINT32_MAX;
        st->lc[i] = st->rc[i] = st->lc2[i] = st->rc2[i] = 0;
        st->nl[i] = st->nr[i] = 0;
    }
}

bool syn_valid(const syn_state *st, size_t n, int t)
{
    bool buf = st->b <= n;
    switch (t) {
    case SYN_SHIFT: return buf;
    case SYN_LEFT:  return buf && st->sp >= 2;          /* s0 is a word */
    default:        return st->sp >= 2 && (st->sp > 2 || !buf);  /* root takes one child, last */
    }
}

void syn_add_arc(syn_state *st, uint32_t h, uint32_t d)
{
    st->head[d] = h;
    if (d < h) {
        if (!st->lc[h] || d < st->lc[h]) { st->lc2[h] = st->lc[h]; st->lc[h] = d; }
        if (st->nl[h] < 255) st->nl[h]++;
    } else {
        if (!st->rc[h] || d > st->rc[h]) { st->rc2[h] = st->rc[h]; st->rc[h] = d; }
        if (st->nr[h] < 255) st->nr[h]++;
    }
}

void syn_apply(syn_state *st, int t)
{
    switch (t) {
    case SYN_SHIFT:
        st->stack[st->sp++] = st->b++;
        break;
    case SYN_LEFT:
        syn_add_arc(st, st->b, st->stack[--st->sp]);
        break;
    default: {
        uint32_t d = st->stack[--st->sp];
        syn_add_arc(st, st->stack[st->sp - 1], d);
    }
    }
}

#undef BASE
#define BASE SYN_TMPL_PARSE

/* ---- parser features -------------------------------------------------------- */

static inline unsigned dist_bucket(uint32_t a, uint32_t b)
{
    uint32_t d = a > b ? a - b : b - a;
    return d < 5 ? d : d < 8 ? 5 : d < 12 ? 6 : 7;
}

size_t syn_parse_feats(const syn_sent *s, const syn_state *st, uint64_t mask, uint32_t *f)
{
    size_t n = s->n;
    uint32_t none = (uint32_t)n + 2;  /* padding word: wf[n+2] */
    uint32_t s0 = st->sp >= 2 ? st->stack[st->sp - 1] : none;
    uint32_t s1 = st->sp >= 3 ? st->stack[st->sp - 2] : st->sp == 2 ? 0 : none;
    uint32_t s2 = st->sp >= 4 ? st->stack[st->sp - 3] : st->sp == 3 ? 0 : none;
    uint32_t b0 = st->b <= n ? st->b : none;
    uint32_t b1 = st->b + 1 <= n ? st->b + 1 : none;
    uint32_t b2 = st->b + 2 <= n ? st->b + 2 : none;
#define CH(a, arr) ((a) != none && st->arr[a] ? st->arr[a] : none)
    uint32_t s0l = CH(s0, lc), s0r = CH(s0, rc), s1r = CH(s1, rc), b0l = CH(b0, lc);
    uint32_t s0l2 = CH(s0, lc2), b0l2 = CH(b0, lc2), s1l = CH(s1, lc), s0r2 = CH(s0, rc2);
#undef CH
    const syn_wfeat *w = s->wf;
    const uint8_t *t = s->tag;
    uint64_t s0w = w[s0].lower, s1w = w[s1].lower, b0w = w[b0].lower, b1w = w[b1].lower;
    uint64_t s0t = t[s0], s1t = t[s1], s2t = t[s2], b0t = t[b0], b1t = t[b1], b2t = t[b2];
    uint64_t d01 = s0 != none && b0 != none ? dist_bucket(s0, b0) : 9;
    uint64_t v0 = s0 != none ? (uint64_t)(st->nl[s0] < 3 ? st->nl[s0] : 3) * 4 +
                                   (st->nr[s0] < 3 ? st->nr[s0] : 3) : 99;
    size_t k = 0;
    F(101, 0, 0);
    F(102, s0w, 0);
    F(103, s0t, 0);
    F(104, s0w, s0t);
    F(105, s1w, 0);
    F(106, s1t, 0);
    F(107, s1w, s1t);
    F(108, b0w, 0);
    F(109, b0t, 0);
    F(110, b0w, b0t);
    F(111, b1w, 0);
    F(112, b1t, 0);
    F(113, b2t, 0);
    F(114, s0w, b0w);
    F(115, s0t, b0t);
    F(116, s0w * 31 + s0t, b0t);
    F(117, s0t, b0w * 31 + b0t);
    F(118, s1t, s0t);
    F(119, s1t * 256 + s0t, b0t);
    F(120, s0t * 256 + b0t, b1t);
    F(121, b0t * 256 + b1t, b2t);
    F(122, s2t * 256 + s1t, s0t);
    F(123, s0t * 256 + t[s0l], b0t);
    F(124, s0t * 256 + t[s0r], b0t);
    F(125, s0t * 256 + b0t, t[b0l]);
    F(126, s1t * 256 + t[s1r], s0t);
    F(127, s0t * 256 + b0t, d01);
    F(128, s0w, d01);
    F(129, b0w, d01);
    F(130, s0t * 256 + v0, b0t);
    F(131, s1w, s0w);
    F(132, s1t, s0w);
    F(133, s1w, s0t);
    F(134, s0t * 256 + t[s0l] * 16 + t[s0l2], b0t);
    F(135, b0t * 256 + t[b0l], t[b0l2]);
    F(136, s1t * 256 + t[s1l], s0t);
    F(137, s0w, b1t * 256 + b0t);
    F(138, s0w * 31 + s0t, b0w * 31 + b0t);
    F(139, s0w * 31 + s0t, b0w);
    F(140, b0t, b1t);
    F(141, b0w, b1w);
    F(142, s1w * 31 + s1t, s0w * 31 + s0t);
    /* Zhang & Nivre (2011) style: child words, valency, word+distance,
     * third-order right children, the s1-s0 distance (arc-hybrid's RIGHT) */
    uint64_t b2w = w[b2].lower, d10 = s1 != none && s0 != none ? dist_bucket(s1, s0) : 9;
    uint64_t s0vl = s0 != none ? (st->nl[s0] < 4 ? st->nl[s0] : 4) : 9;
    uint64_t s0vr = s0 != none ? (st->nr[s0] < 4 ? st->nr[s0] : 4) : 9;
    uint64_t b0vl = b0 != none ? (st->nl[b0] < 4 ? st->nl[b0] : 4) : 9;
    F(143, s0w, b0w * 31 + b0t);
    F(144, b1w * 31 + b1t, 0);
    F(145, b2w, 0);
    F(146, s0w * 31 + d01, b0w);
    F(147, s0w, s0vl * 16 + s0vr);
    F(148, b0w, b0vl);
    F(149, b0t, b0vl);
    F(150, w[s0l].lower, 0);
    F(151, w[s0r].lower, 0);
    F(152, w[b0l].lower, 0);
    F(153, s0t * 256 + t[s0r] * 16 + t[s0r2], b0t);
    F(154, s1t * 256 + s0t, d10);
    F(155, s1w, d10 * 256 + s0t);
    F(156, s1t * 256 + b0t, s0t * 16 + d10);
    F(157, w[s1r].lower, s0t);
    return k;
}

#undef BASE
#define BASE SYN_TMPL_LABEL

/* ---- labeller features ------------------------------------------------------- */

size_t syn_label_feats(const syn_sent *s, const syn_state *st, size_t d, uint64_t mask,
                       uint32_t *f)
{
    size_t n = s->n;
    uint32_t none = (uint32_t)n + 2;
    uint32_t h = st->head[d] == UINT32_MAX ? 0 : st->head[d];
    uint32_t hh = h ? (st->head[h] == UINT32_MAX ? 0 : st->head[h]) : none;
    uint32_t dl = st->lc[d] ? st->lc[d] : none, dr = st->rc[d] ? st->rc[d] : none;
    uint32_t hl = st->lc[h] ? st->lc[h] : none;
    const syn_wfeat *w = s->wf;
    const uint8_t *t = s->tag;
    uint64_t dw = w[d].lower, hw = w[h].lower, dt = t[d], ht = t[h];
    uint64_t dir = d < h ? 1 : 2;
    uint64_t db = dist_bucket(d, h) * 4 + dir;
    uint64_t pair = dt * 256 + ht;
    size_t k = 0;
    F(201, 0, 0);
    F(202, dw, 0);
    F(203, dt, 0);
    F(204, hw, 0);
    F(205, ht, 0);
    F(206, pair, dir);
    F(207, dw, ht * 4 + dir);
    F(208, hw, dt * 4 + dir);
    F(209, pair, db);
    F(210, pair * 4 + dir, t[dl]);
    F(211, pair * 4 + dir, t[dr]);
    F(212, pair * 4 + dir, t[hh]);
    F(213, pair * 4 + dir, w[dl].lower);
    F(214, dw, hw);
    F(215, pair * 4 + dir, t[d - 1] * 256 + t[d + 1]);
    F(216, pair * 4 + dir, w[hl].lower);
    F(217, dt * 4 + dir, w[d].suf[2]);
    F(218, pair * 4 + dir, (uint64_t)(st->nl[d] < 3 ? st->nl[d] : 3) * 4 +
                               (st->nr[d] < 3 ? st->nr[d] : 3));
    F(219, pair * 4 + dir, w[d - 1].lower);
    F(220, dw * 4 + dir, w[dl].lower);
    F(221, pair * 4 + dir, h == 0);
    uint32_t dl2 = st->lc2[d] ? st->lc2[d] : none;
    F(222, pair * 4 + dir, w[dr].lower);
    F(223, pair * 4 + dir, t[h - 1] * 256 + t[h + 1]);
    F(224, pair * 4 + dir, t[dl] * 256 + t[dl2]);
    F(225, dw * 4 + dir, ht * 256 + t[hh]);
    return k;
}
#undef BASE
#undef F

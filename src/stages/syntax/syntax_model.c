/* syntax_model.c - read a model file written by tools/syntax-tool
 * (format: gazetteers/syntax/README.md) into the hash tables analysis
 * uses.  Every count is checked against the bytes left, so a truncated
 * or foreign file is an error, never a crash. */
#include "stages/syntax/syntax_internal.h"
#include "base/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

typedef struct rd { const unsigned char *p, *end; bool bad; } rd;

static uint64_t rd_uint(rd *r, size_t bytes)
{
    if ((size_t)(r->end - r->p) < bytes) {
        r->bad = true;
        return 0;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < bytes; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += bytes;
    return v;
}

static bool rd_room(rd *r, uint64_t n, size_t each)
{
    if (r->bad || n > (uint64_t)(r->end - r->p) / each) {
        r->bad = true;
        return false;
    }
    return true;
}

static uint32_t table_size(uint64_t n)
{
    uint32_t s = 16;
    while (s < n + n / 2)   /* load <= 2/3 */
        s <<= 1;
    return s;
}

/* Names: count names, NUL-terminated, from m->names at *pos. */
static bool read_names(el_syntax *m, size_t *pos, size_t total, const char **out, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (*pos >= total)
            return false;
        out[i] = m->names + *pos;
        size_t l = strnlen(out[i], total - *pos);
        if (l == total - *pos)
            return false;
        *pos += l + 1;
    }
    return true;
}

/* The fixed el_deprel id of a relation name: itself, else its universal
 * part ("nmod:new" -> nmod), else dep. */
static el_deprel fixed_relation(const char *name)
{
    int r = el_deprel_from_name(name);
    if (r >= 0)
        return (el_deprel)r;
    char base[32];
    size_t n = strcspn(name, ":");
    if (n < sizeof base) {
        memcpy(base, name, n);
        base[n] = 0;
        r = el_deprel_from_name(base);
    }
    return r >= 0 ? (el_deprel)r : EL_DEP_DEP;
}

static bool read_header(el_syntax *m, rd *r)
{
    if (!rd_room(r, 8, 1) || memcmp(r->p, SYN_MAGIC, 8) != 0)
        return false;
    r->p += 8;
    m->nupos = (unsigned)rd_uint(r, 4);
    m->nxpos = (unsigned)rd_uint(r, 4);
    m->ntag = (unsigned)rd_uint(r, 4);
    m->nlabel = (unsigned)rd_uint(r, 4);
    if (r->bad || !m->nupos || !m->nxpos || !m->ntag || !m->nlabel || m->nupos > SYN_MAX_TAGS ||
        m->nxpos > SYN_MAX_TAGS || m->ntag > SYN_MAX_TAGS - 2 || m->nlabel > SYN_MAX_LABELS)
        return false;
    uint64_t nb = rd_uint(r, 4);
    if (!rd_room(r, nb, 1) || nb == 0)
        return false;
    m->names = el_malloc(nb + 1);
    memcpy(m->names, r->p, nb);
    m->names[nb] = 0;
    r->p += nb;
    size_t pos = 0;
    if (!read_names(m, &pos, nb, m->upos, m->nupos) || !read_names(m, &pos, nb, m->xpos, m->nxpos) ||
        !read_names(m, &pos, nb, m->label, m->nlabel))
        return false;
    if (!rd_room(r, m->ntag, 2))
        return false;
    for (unsigned t = 0; t < m->ntag; t++) {
        unsigned u = r->p[t];
        m->tag_xpos[t] = r->p[m->ntag + t];
        if (u >= m->nupos || m->tag_xpos[t] >= m->nxpos)
            return false;
        int fixed = el_upos_from_name(m->upos[u]);   /* to the fixed ids of syntax.h */
        m->tag_upos[t] = (uint8_t)(fixed < 0 ? EL_UPOS_X : fixed);
    }
    r->p += 2 * m->ntag;
    m->root_label = m->punct_label = -1;
    for (unsigned l = 0; l < m->nlabel; l++) {
        if (strcmp(m->label[l], "root") == 0) m->root_label = (int)l;
        if (strcmp(m->label[l], "punct") == 0) m->punct_label = (int)l;
        m->label_rel[l] = (uint8_t)fixed_relation(m->label[l]);
    }
    return m->root_label >= 0;
}

static bool read_dict(el_syntax *m, rd *r)
{
    uint64_t n = rd_uint(r, 4);
    if (!rd_room(r, n, 9))
        return false;
    uint32_t size = table_size(n);
    m->dict_mask = size - 1;
    m->dict = el_calloc(size, sizeof *m->dict);
    for (uint64_t i = 0; i < n; i++) {
        uint64_t h = rd_uint(r, 8);
        unsigned tag = (unsigned)rd_uint(r, 1);
        if (!h || tag >= m->ntag)
            return false;
        uint32_t s = (uint32_t)(h ^ (h >> 32)) & m->dict_mask;
        while (m->dict[s].h)
            s = (s + 1) & m->dict_mask;
        m->dict[s].h = h;
        m->dict[s].tag = (uint8_t)tag;
    }
    return true;
}

static bool read_lemma_table(syn_lemma_entry **tab, uint32_t *mask, rd *r, uint64_t *maxoff)
{
    uint64_t n = rd_uint(r, 4);
    if (!rd_room(r, n, 12))
        return false;
    uint32_t size = table_size(n);
    *mask = size - 1;
    *tab = el_calloc(size, sizeof **tab);
    for (uint64_t i = 0; i < n; i++) {
        uint64_t h = rd_uint(r, 8);
        uint32_t off = (uint32_t)rd_uint(r, 4);
        if (!h)
            return false;
        uint32_t s = (uint32_t)(h ^ (h >> 32)) & *mask;
        while ((*tab)[s].h)
            s = (s + 1) & *mask;
        (*tab)[s].h = h;
        (*tab)[s].off = off;
        if (off > *maxoff)
            *maxoff = off;
    }
    return true;
}

static bool read_lemmas(el_syntax *m, rd *r)
{
    uint64_t maxoff = 0;
    if (!read_lemma_table(&m->lex, &m->lex_mask, r, &maxoff) ||
        !read_lemma_table(&m->lrule, &m->lrule_mask, r, &maxoff))
        return false;
    uint64_t nb = rd_uint(r, 4);
    if (!rd_room(r, nb, 1) || nb == 0 || r->p[nb - 1] != 0 || maxoff >= nb)
        return false;
    m->lstr = el_malloc(nb);
    memcpy(m->lstr, r->p, nb);
    m->nlstr = nb;
    r->p += nb;
    return true;
}

/* A zeroed weight table.  Lookups hit it at random, so with 4 KiB pages
 * nearly every feature also misses the TLB: a table of 2 MiB or more is
 * aligned to 2 MiB and asked for transparent huge pages (a hint; where
 * the kernel declines, it is an ordinary table).  Freed with free(). */
static void *table_alloc(size_t count, size_t size)
{
    size_t bytes = count * size, huge = (size_t)2 << 20;
    if (bytes < huge)
        return el_calloc(count, size);
    void *p = NULL;
    bytes = (bytes + huge - 1) & ~(huge - 1);
    if (posix_memalign(&p, huge, bytes) != 0)
        return el_calloc(count, size);
#ifdef MADV_HUGEPAGE
    madvise(p, bytes, MADV_HUGEPAGE);
#endif
    memset(p, 0, bytes);
    return p;
}

static bool dense_slot(syn_linear *L, uint32_t k, const unsigned char *e, unsigned cnt,
                       unsigned nclass)
{
    if (L->fslot) {   /* folded: the key is the bucket */
        if (k > L->mask)
            return false;
        for (unsigned j = 0; j < cnt; j++, e += 3) {
            if (e[2] >= nclass)
                return false;
            L->fslot[k].w[e[2]] = (int16_t)(uint16_t)(e[0] | e[1] << 8);
        }
        return true;
    }
    uint32_t s = syn_slot_of(L, k);
    while (L->dslot[s].key)
        s = (s + 1) & L->mask;
    L->dslot[s].key = k;
    for (unsigned j = 0; j < cnt; j++, e += 3) {
        if (e[2] >= nclass)
            return false;
        L->dslot[s].w[e[2]] = (int16_t)(uint16_t)(e[0] | e[1] << 8);
    }
    return true;
}

/* Features with weights for at least half the classes are stored as rows
 * (make bench-syntax: a quarter or an eighth was slower for the labeller,
 * no rows 10-15% slower for the tagger). */
static unsigned row_min(unsigned nclass)
{
    unsigned m = nclass / 2;
    return m > SYN_INLINE ? m : SYN_INLINE + 1;
}

/* The classifier's two packed arrays, nf features of 5 bytes (key, count)
 * and ne entries of 3 (weight, class), located and skipped; false if the
 * entries overrun the file (the features were checked by the caller). */
static bool take_arrays(rd *r, uint64_t nf, uint64_t ne, const unsigned char **fp,
                        const unsigned char **ep)
{
    *fp = r->p;
    r->p += nf * 5;
    if (!rd_room(r, ne, 3))
        return false;
    *ep = r->p;
    r->p += ne * 3;
    return true;
}

/* A folded classifier of many classes as one row of weights per bucket. */
static bool read_rows(syn_linear *L, rd *r, uint64_t nf, uint64_t ne)
{
    L->stride = (L->nclass + 31) & ~31u;
    L->frow = table_alloc((size_t)(L->mask + 1) * L->stride, sizeof *L->frow);
    L->nfeat = nf;
    const unsigned char *fp, *ep;
    if (!take_arrays(r, nf, ne, &fp, &ep))
        return false;
    uint64_t first = 0;
    for (uint64_t i = 0; i < nf; i++, fp += 5) {
        uint32_t k = (uint32_t)fp[0] | (uint32_t)fp[1] << 8 | (uint32_t)fp[2] << 16 |
                     (uint32_t)fp[3] << 24;
        unsigned cnt = fp[4];
        if (!k || !cnt || k > L->mask || first + cnt > ne)
            return false;
        int16_t *row = L->frow + (size_t)k * L->stride;
        for (unsigned j = 0; j < cnt; j++, first++) {
            const unsigned char *e = ep + first * 3;
            if (e[2] >= L->nclass)
                return false;
            row[e[2]] = (int16_t)(uint16_t)(e[0] | e[1] << 8);
        }
    }
    return first == ne;
}

static bool read_linear(syn_linear *L, rd *r, unsigned nclass, unsigned ntmpl)
{
    L->tmpl = rd_uint(r, 8);
    if (L->tmpl & ~SYN_TMPL_ALL(ntmpl))   /* a template this code does not have */
        return false;
    L->nclass = (uint32_t)rd_uint(r, 4);
    L->bits = (uint32_t)rd_uint(r, 4);
    uint64_t nf = rd_uint(r, 4), ne = rd_uint(r, 4);
    if (L->nclass != nclass || !rd_room(r, nf, 5) || ne >= (1u << 30) || L->bits > 24 ||
        (L->bits && nclass <= SYN_DENSE && nclass != SYN_NTRANS_MAX))
        return false;
    uint32_t size = table_size(nf);
    if (L->bits)   /* folded: one slot per bucket, no probing */
        size = (1u << L->bits) + 1;
    L->mask = size - 1;
    bool dense = nclass <= SYN_DENSE;
    if (!dense && L->bits)
        return read_rows(L, r, nf, ne);
    if (dense && L->bits)
        L->fslot = table_alloc(size, sizeof *L->fslot);
    else if (dense)
        L->dslot = table_alloc(size, sizeof *L->dslot);
    else
        L->slot = table_alloc(size, sizeof *L->slot);
    L->nfeat = nf;
    const unsigned char *fp, *ep;
    if (!take_arrays(r, nf, ne, &fp, &ep))
        return false;
    unsigned many = row_min(nclass);
    uint64_t nrow = 0;   /* features stored as rows */
    for (uint64_t i = 0; i < nf && !dense; i++)
        nrow += fp[i * 5 + 4] >= many;
    if (nrow > ((uint64_t)1 << 31) / nclass)
        return false;
    L->row = table_alloc((size_t)(nrow ? nrow : 1) * nclass, sizeof *L->row);
    L->ent = el_malloc((ne ? ne : 1) * sizeof *L->ent);
    uint64_t first = 0, rows = 0, over = 0;
    for (uint64_t i = 0; i < nf; i++, fp += 5) {
        uint32_t k = (uint32_t)fp[0] | (uint32_t)fp[1] << 8 | (uint32_t)fp[2] << 16 |
                     (uint32_t)fp[3] << 24;
        unsigned cnt = fp[4];
        if (!k || !cnt || first + cnt > ne)
            return false;
        if (dense) {
            if (!dense_slot(L, k, ep + first * 3, cnt, nclass))
                return false;
            first += cnt;
            continue;
        }
        uint32_t s = L->bits ? k : syn_slot_of(L, k);
        if (L->bits && (k > L->mask || L->slot[s].key))
            return false;
        while (L->slot[s].key)
            s = (s + 1) & L->mask;
        syn_slot *sl = &L->slot[s];
        sl->key = k;
        bool row = cnt >= many;
        sl->n = row ? SYN_ROW : (uint8_t)cnt;
        sl->off = row ? (uint32_t)(rows++ * nclass) : (uint32_t)over;
        for (unsigned j = 0; j < cnt; j++, first++) {
            const unsigned char *e = ep + first * 3;
            int16_t w = (int16_t)(uint16_t)(e[0] | e[1] << 8);
            if (e[2] >= nclass)
                return false;
            if (row) {
                L->row[sl->off + e[2]] = w;
            } else if (j < SYN_INLINE) {
                sl->w[j] = w;
                sl->c[j] = e[2];
            } else {
                L->ent[over].w = w;
                L->ent[over].c = e[2];
                L->ent[over++].pad = 0;
            }
        }
    }
    L->nrow = rows;
    L->nent = over;
    return first == ne;
}

static char *read_file(const char *path, size_t *len, char **err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        *err = el_strdupf("%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    char *data = NULL;
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
        data = el_malloc((size_t)st.st_size + 1);
        *len = fread(data, 1, (size_t)st.st_size, fp);
        if (*len != (size_t)st.st_size || ferror(fp)) {
            free(data);
            data = NULL;
        }
    }
    fclose(fp);
    if (!data)
        *err = el_strdupf("%s: read error", path);
    return data;
}

el_syntax *el_syntax_load(const char *path, char **err)
{
    size_t len = 0;
    char *data = read_file(path, &len, err);
    if (!data)
        return NULL;
    el_syntax *m = syn_model_parse(data, len, path, err);
    free(data);
    return m;
}

el_syntax *syn_model_parse(const void *data, size_t len, const char *path, char **err)
{
    el_syntax *m = el_calloc(1, sizeof *m);
    rd r = { (const unsigned char *)data, (const unsigned char *)data + len, false };
    bool ok = read_header(m, &r) && read_dict(m, &r) && read_lemmas(m, &r) &&
              read_linear(&m->tagger, &r, m->ntag, SYN_NTMPL_TAG) &&
              read_linear(&m->parser, &r, SYN_NTRANS, SYN_NTMPL_PARSE) &&
              read_linear(&m->labeller, &r, m->nlabel, SYN_NTMPL_LABEL) && !r.bad && r.p == r.end;
    if (!ok) {
        *err = el_strdupf("%s: not a syntax model of this version (bad or truncated)", path);
        el_syntax_free(m);
        return NULL;
    }
    return m;
}

static void linear_free(syn_linear *L)
{
    free(L->slot);
    free(L->dslot);
    free(L->fslot);
    free(L->row);
    free(L->frow);
    free(L->ent);
}

void el_syntax_free(el_syntax *m)
{
    if (!m)
        return;
    free(m->names);
    free(m->dict);
    free(m->lex);
    free(m->lrule);
    free(m->lstr);
    linear_free(&m->tagger);
    linear_free(&m->parser);
    linear_free(&m->labeller);
    free(m);
}

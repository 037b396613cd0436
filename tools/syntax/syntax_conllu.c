/* syntax_conllu.c - CoNLL-U reader (see syntax_conllu.h).  Empty nodes
 * (ids with a dot) are skipped; multi-word token lines give the span of
 * their words. */
#include "syntax_conllu.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void sent_push(cu_bank *b, cu_sent *cur, size_t *cap)
{
    if (!cur->n) {
        free(cur->w);
        free(cur->text);
        memset(cur, 0, sizeof *cur);
        return;
    }
    if (b->n == *cap) {
        *cap = *cap ? *cap * 2 : 1024;
        b->s = realloc(b->s, *cap * sizeof *b->s);
        if (!b->s)
            abort();
    }
    b->nwords += cur->n;
    b->s[b->n++] = *cur;
    memset(cur, 0, sizeof *cur);
}

/* Split line into 10 tab-separated fields in place. */
static int fields(char *line, char **f)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < 10; p++)
        if (*p == '\t') {
            *p = 0;
            f[n++] = p + 1;
        }
    return n;
}

/* Where the token `form` starts in text at or after *pos (skipping spaces). */
static void token_span(const char *text, size_t *pos, const char *form, uint32_t *s, uint32_t *e)
{
    size_t n = strlen(form), tl = text ? strlen(text) : 0;
    size_t p = *pos;
    while (p < tl && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n'))
        p++;
    if (p + n <= tl && memcmp(text + p, form, n) == 0) {
        *s = (uint32_t)p;
        *e = (uint32_t)(p + n);
        *pos = p + n;
    } else {
        *s = *e = (uint32_t)p;   /* text and forms disagree: no span */
    }
}

bool cu_read(const char *path, cu_bank *b)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        fprintf(stderr, "syntax-tool: %s: cannot open\n", path);
        return false;
    }
    memset(b, 0, sizeof *b);
    cu_sent cur = {0};
    size_t cap = 0, wcap = 0, tpos = 0;
    uint32_t mwt_end = 0, mwt_s = 0, mwt_e = 0;
    uint8_t part = 0;
    bool pend_doc = false, pend_par = false;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, fp)) >= 0) {
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (!len) {
            sent_push(b, &cur, &cap);
            wcap = tpos = 0;
            mwt_end = 0;
            continue;
        }
        if (line[0] == '#') {
            if (strncmp(line, "# text = ", 9) == 0)
                cur.text = el_strdup(line + 9);
            else if (strncmp(line, "# newdoc", 8) == 0)
                pend_doc = true;
            else if (strncmp(line, "# newpar", 8) == 0)
                pend_par = true;
            continue;
        }
        char *f[10];
        if (fields(line, f) < 10)
            continue;
        if (strchr(f[0], '.'))
            continue;
        char *dash = strchr(f[0], '-');
        if (dash) {
            mwt_end = (uint32_t)atoi(dash + 1);
            token_span(cur.text, &tpos, f[1], &mwt_s, &mwt_e);
            part = 0;
            continue;
        }
        uint32_t id = (uint32_t)atoi(f[0]);
        if (cur.n == wcap) {
            wcap = wcap ? wcap * 2 : 32;
            cur.w = realloc(cur.w, wcap * sizeof *cur.w);
            if (!cur.w)
                abort();
        }
        if (!cur.n) {
            cur.newdoc = pend_doc;
            cur.newpar = pend_par || pend_doc;
            pend_doc = pend_par = false;
        }
        cu_word *w = &cur.w[cur.n++];
        w->form = el_strdup(f[1]);
        w->lemma = el_strdup(f[2]);
        w->upos = el_strdup(f[3]);
        w->xpos = el_strdup(f[4]);
        w->head = (uint32_t)atoi(f[6]);
        w->deprel = el_strdup(f[7]);
        if (id <= mwt_end) {
            w->tstart = mwt_s;
            w->tend = mwt_e;
            w->part = part++;
        } else {
            token_span(cur.text, &tpos, f[1], &w->tstart, &w->tend);
            w->part = 0;
        }
    }
    sent_push(b, &cur, &cap);
    free(line);
    fclose(fp);
    return true;
}

void cu_free(cu_bank *b)
{
    for (size_t i = 0; i < b->n; i++) {
        for (size_t j = 0; j < b->s[i].n; j++) {
            cu_word *w = &b->s[i].w[j];
            free(w->form); free(w->lemma); free(w->upos); free(w->xpos); free(w->deprel);
        }
        free(b->s[i].w);
        free(b->s[i].text);
    }
    free(b->s);
    memset(b, 0, sizeof *b);
}

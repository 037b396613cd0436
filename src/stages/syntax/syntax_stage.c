/* syntax_stage.c - the pipeline stage: split each sentence's tokens into
 * UD syntactic words (contractions split, runs of one punctuation
 * character such as "..." joined), analyse them and store the result
 * as doc->words plus doc->tok_word (see syntax.h and doc.h). */
#include "stages/syntax/syntax_internal.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* Does token t continue a run of one repeated punctuation character glued
 * to the word before it ("..." "--" "!!" are one UD word, three tokens)? */
static bool continues_run(const el_doc *doc, uint32_t t, const el_syn_word *prev)
{
    const el_token *tk = &doc->tokens[t];
    if (!prev || !(tk->flags & EL_TOK_GLUED) || !(tk->flags & EL_TOK_PUNCT) ||
        tk->end - tk->start != 1)
        return false;
    char c = doc->text[tk->start];
    if (c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',')
        return false;
    return prev->form + prev->len == doc->text + tk->start && prev->form[0] == c &&
           prev->form[prev->len - 1] == c;
}

/* A wire dateline opening one of the first sentences ("CITY, Mon. D,
 * YYYY (Agency) -", "CITY -"): capitalised words, numbers and
 * punctuation up to the first dash, with a closing parenthesis, a number
 * or an all-capitals word among them.  Parsed as a piece of its own, so
 * the city is not read as the subject of the first verb.  Returns the
 * number of tokens through the dash, 0 if none. */
#define DATELINE_SENTENCES 3
#define DATELINE_TOKENS 16
static size_t dateline_tokens(const el_doc *doc, size_t s)
{
    const el_sentence *se = &doc->sentences[s];
    bool cue = false;
    if (s >= DATELINE_SENTENCES)
        return 0;
    for (uint32_t t = se->tok_begin; t < se->tok_end && t < se->tok_begin + DATELINE_TOKENS; t++) {
        uint16_t f = doc->tokens[t].flags;
        if (el_tok_is(doc, t, "-") || el_tok_is(doc, t, "--") || el_tok_is(doc, t, "\u2013") ||
            el_tok_is(doc, t, "\u2014"))
            return cue && t > se->tok_begin && t + 1 < se->tok_end ? t + 1 - se->tok_begin : 0;
        if ((f & EL_TOK_WORD) && !(f & (EL_TOK_CAP | EL_TOK_NUMBER)))
            return 0;   /* a lower-case word: running text */
        cue |= (f & (EL_TOK_NUMBER | EL_TOK_ALLCAPS)) || el_tok_is(doc, t, ")");
    }
    return 0;
}

/* Analyse a sentence whose first `head` words are a dateline as two
 * pieces, the dateline's root hanging from the rest's (parataxis). */
static void analyse_split(const el_syntax *m, el_syn_work *w, el_syn_word *sw, size_t n,
                          size_t head)
{
    el_syntax_sentence(m, w, sw, head, EL_SYN_PARSE);
    el_syntax_sentence(m, w, sw + head, n - head, EL_SYN_PARSE);
    uint32_t root = 0;
    for (size_t i = head; i < n; i++) {
        sw[i].head = sw[i].head ? sw[i].head + (uint32_t)head : 0;
        if (!sw[i].head && !root)
            root = (uint32_t)i + 1;
    }
    for (size_t i = 0; i < head; i++)
        if (!sw[i].head) {
            sw[i].head = root;
            sw[i].deprel = EL_DEP_PARATAXIS;
        }
}

/* Words of one sentence into sw (room for 3 per token); returns the count. */
static size_t sentence_words(const el_doc *doc, const el_sentence *s, el_syn_word *sw,
                             uint32_t *tok_of, uint32_t *tok_word, uint32_t base)
{
    size_t n = 0;
    for (uint32_t t = s->tok_begin; t < s->tok_end; t++) {
        size_t len;
        const char *txt = el_tok_text(doc, t, &len);
        uint32_t lens[3];
        tok_word[t] = base + (uint32_t)n;
        if (continues_run(doc, t, n ? &sw[n - 1] : NULL)) {
            sw[n - 1].len += (uint32_t)len;
            continue;
        }
        size_t parts = el_syntax_split(txt, len, lens);
        for (size_t p = 0, off = 0; p < parts; off += lens[p], p++, n++) {
            sw[n].form = txt + off;
            sw[n].len = lens[p];
            tok_of[n] = t;
        }
    }
    return n;
}

void el_syntax_tag(el_doc *doc, const el_syntax *m)
{
    free(doc->words);
    free(doc->tok_word);
    doc->nwords = 0;
    doc->words = el_malloc((doc->ntokens * 3 + 1) * sizeof *doc->words);
    doc->tok_word = el_malloc((doc->ntokens + 1) * sizeof *doc->tok_word);
    size_t maxs = 1;
    for (size_t s = 0; s < doc->nsentences; s++) {
        size_t k = doc->sentences[s].tok_end - doc->sentences[s].tok_begin;
        if (k > maxs)
            maxs = k;
    }
    el_syn_word *sw = el_malloc(maxs * 3 * sizeof *sw);
    uint32_t *tok_of = el_malloc(maxs * 3 * sizeof *tok_of);
    el_syn_work *w = el_syn_work_new();
    for (size_t s = 0; s < doc->nsentences; s++) {
        uint32_t base = (uint32_t)doc->nwords;
        size_t n = sentence_words(doc, &doc->sentences[s], sw, tok_of, doc->tok_word, base);
        size_t dl = dateline_tokens(doc, s), head = 0;
        while (dl && head < n && tok_of[head] < doc->sentences[s].tok_begin + dl)
            head++;
        if (dl && head < n)
            analyse_split(m, w, sw, n, head);
        else
            el_syntax_sentence(m, w, sw, n, EL_SYN_PARSE);
        for (size_t i = 0; i < n; i++) {
            el_word *x = &doc->words[base + i];
            x->tok = tok_of[i];
            x->start = (uint32_t)(sw[i].form - doc->text);
            x->end = x->start + sw[i].len;
            x->head = sw[i].head ? base + sw[i].head - 1 : UINT32_MAX;
            x->upos = sw[i].upos;
            x->xpos = sw[i].xpos;
            x->deprel = sw[i].deprel;
            x->lemma = el_doc_str(doc, sw[i].lemma);
        }
        doc->nwords += n;
    }
    for (size_t t = 0; t < doc->ntokens; t++)   /* tokens outside every sentence */
        if (t >= (doc->nsentences ? doc->sentences[doc->nsentences - 1].tok_end : 0))
            doc->tok_word[t] = (uint32_t)doc->nwords;
    doc->tok_word[doc->ntokens] = (uint32_t)doc->nwords;
    el_syn_work_free(w);
    free(tok_of);
    free(sw);
}

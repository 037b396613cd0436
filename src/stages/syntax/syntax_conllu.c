/* syntax_conllu.c - a document's syntax layer as CoNLL-U (see syntax.h):
 * one block per sentence with "# sent_id" and "# text", a range line for
 * each token split into several words, and per word ID FORM LEMMA UPOS
 * XPOS _ HEAD DEPREL _ MISC (SpaceAfter=No where the next token is glued). */
#include "stages/syntax/syntax_internal.h"

#include <stdio.h>
#include <string.h>

/* The sentence text on one line (line breaks and tabs as spaces). */
static void put_text(const el_doc *doc, const el_sentence *s, FILE *out)
{
    for (uint32_t i = s->start; i < s->end; i++) {
        char c = doc->text[i];
        fputc(c == '\n' || c == '\r' || c == '\t' ? ' ' : c, out);
    }
}

static uint32_t words_of(const el_doc *doc, uint32_t t)
{
    return doc->tok_word[t + 1] - doc->tok_word[t];
}

/* No space after byte offset end inside the sentence s? */
static bool glued_after(const el_doc *doc, const el_sentence *s, uint32_t end)
{
    if (end >= s->end)
        return false;
    char c = doc->text[end];
    return c != ' ' && c != '\t' && c != '\n' && c != '\r';
}

static void put_word(const el_doc *doc, const el_syntax *m, uint32_t wi, uint32_t first,
                     bool space_no, FILE *out)
{
    const el_word *w = &doc->words[wi];
    fprintf(out, "%u\t%.*s\t%s\t%s\t%s\t_\t%u\t%s\t_\t%s\n", wi - first + 1,
            (int)(w->end - w->start), doc->text + w->start, w->lemma[0] ? w->lemma : "_",
            el_syntax_upos_name(m, w->upos), el_syntax_xpos_name(m, w->xpos),
            w->head == UINT32_MAX ? 0 : w->head - first + 1, el_syntax_deprel_name(m, w->deprel),
            space_no ? "SpaceAfter=No" : "_");
}

int el_syntax_write_conllu(const el_doc *doc, const el_syntax *m, FILE *out)
{
    if (!doc->tok_word)
        return -1;
    for (size_t si = 0; si < doc->nsentences; si++) {
        const el_sentence *s = &doc->sentences[si];
        if (s->tok_end <= s->tok_begin)
            continue;
        uint32_t first = doc->tok_word[s->tok_begin];
        fprintf(out, "# sent_id = %s-%zu\n# text = ", doc->id ? doc->id : "doc", si + 1);
        put_text(doc, s, out);
        fputc('\n', out);
        for (uint32_t t = s->tok_begin; t < s->tok_end; t++) {
            uint32_t a = doc->tok_word[t], n = words_of(doc, t);
            if (!n)
                continue;
            bool glued_next = glued_after(doc, s, doc->words[a + n - 1].end);
            if (n > 1)
                fprintf(out, "%u-%u\t%.*s\t_\t_\t_\t_\t_\t_\t_\t%s\n", a - first + 1,
                        a - first + n, (int)(doc->tokens[t].end - doc->tokens[t].start),
                        doc->text + doc->tokens[t].start, glued_next ? "SpaceAfter=No" : "_");
            for (uint32_t k = 0; k < n; k++)
                put_word(doc, m, a + k, first, n == 1 && glued_next, out);
        }
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

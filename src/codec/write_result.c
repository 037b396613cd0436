/* write_result.c - one document's result (annotate -f json|jsonl), the
 * writing half of the result format that read_result.c reads back: the
 * contract JSON of a one-document corpus, written by the same document
 * writer as timeline.json's documents (export_json.c), so that the two
 * cannot drift apart. */
#include "codec/codec.h"
#include "export/export.h"
#include "model/corpus.h"
#include "timeline/timeline.h"

int el_write_result(const el_doc *doc, const el_trigger_lexicon *triggers, unsigned flags,
                    const el_syntax *syn, FILE *out)
{
    el_corpus *one = el_corpus_new();
    el_corpus_add(one, (el_doc *)doc);
    el_corpus_link_entities(one);
    if (triggers)
        el_timeline_build_untyped(one, triggers);
    int rc = el_export_json_file_syn(one, flags | EL_JSON_TEXT | EL_JSON_TLINKS, syn, out);
    one->ndocs = 0;   /* the document stays the caller's */
    el_corpus_free(one);
    return rc;
}

/* fuzz_jsonl.c - libFuzzer target: the JSON Lines reader (every record,
 * bad ones skipped as in a batch), then the stages, the corpus run and
 * the exporters over the documents read. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    if (size == 0)
        return 0;
    FILE *fp = fmemopen((void *)data, size, "rb");
    if (!fp)
        return 0;
    el_jsonl_reader *r = el_jsonl_open(fp, "fuzz.jsonl");
    el_doc *docs[16];
    size_t n = 0, lineno;
    int rc;
    el_doc *d;
    char *err = NULL;
    while ((rc = el_jsonl_next(r, &d, &err, &lineno)) != 0) {
        free(err);
        err = NULL;
        if (rc == 1 && n < 16) {
            el_pipeline_run(d, fuzz_res);
            docs[n++] = d;
        } else if (rc == 1) {
            el_doc_free(d);
        } else if (rc < -1) {
            break;   /* a read error ends the input */
        }
    }
    el_jsonl_close(r);
    fclose(fp);
    fuzz_corpus(docs, n);
    return 0;
}

/* fuzz_gazetteer.c - libFuzzer target: a user gazetteer file (--gazetteer:
 * entity lines), loaded on top of an empty gazetteer, then the stages over
 * the same bytes as text (so its names occur in the document) with that
 * gazetteer in place of the shipped one. */
#include "fuzz_common.h"
#include "stages/entity/entity.h"

#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    char path[64];
    snprintf(path, sizeof path, "/tmp/fuzz-gazetteer-%ld.tsv", (long)getpid());
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return 0;
    fwrite(data, 1, size, fp);
    fclose(fp);
    char *err = NULL, *files[1] = {path};
    el_gazetteer *gz = el_gazetteer_load(NULL, files, 1, &err);
    free(err);
    err = NULL;
    if (gz) {
        el_doc *d = el_read_text("fuzz", "fuzz.txt", (const char *)data, size, &err);
        free(err);
        if (d) {
            el_resources res = *fuzz_res;
            res.gazetteer = gz;
            el_pipeline_run(d, &res);
            el_doc_free(d);
        }
        el_gazetteer_free(gz);
    }
    unlink(path);
    return 0;
}

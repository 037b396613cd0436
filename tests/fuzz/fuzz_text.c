/* fuzz_text.c - libFuzzer target: the text reader, then the stages, the
 * corpus run and the exporters (fuzz_common.h). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    char *err = NULL;
    el_doc *d = el_read_text("fuzz", "fuzz.text", (const char *)data, size, &err);
    free(err);
    fuzz_one(d);
    return 0;
}

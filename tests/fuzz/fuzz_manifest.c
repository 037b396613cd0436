/* fuzz_manifest.c - libFuzzer target: a manifest (FILE<TAB>DATE lines),
 * parsed from memory, then looked up by path and by id as the readers do. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *err = NULL;
    el_manifest *m = el_manifest_parse("fuzz.tsv", (const char *)data, size, &err);
    free(err);
    if (!m)
        return 0;
    static const char *const paths[] = {"a.txt", "dir/a.txt", "a", "", "/", "x.tml.TE3input",
                                        "doc.html", "a/b/c.json"};
    el_date dct;
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
        (void)el_manifest_dct(m, paths[i], &dct);
    /* and every row's own name, the common case */
    const char *s = (const char *)data, *end = s + size;
    while (s < end) {
        const char *tab = memchr(s, '\t', (size_t)(end - s));
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            nl = end;
        if (tab && tab < nl) {
            char name[256];
            size_t n = (size_t)(tab - s) < sizeof name - 1 ? (size_t)(tab - s) : sizeof name - 1;
            memcpy(name, s, n);
            name[n] = '\0';
            (void)el_manifest_dct(m, name, &dct);
        }
        s = nl + 1;
    }
    el_manifest_free(m);
    return 0;
}

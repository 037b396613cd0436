/* timeline.c - libeventline in thirty lines: the corpus timeline of the
 * files given, as timeline.json on standard output.
 *   cc timeline.c $(pkg-config --cflags --libs eventline) -o timeline
 *   ./timeline [-d YYYY-MM-DD] FILE...          */
#include <eventline.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *dct = NULL;  /* creation date of every file, else their own */
    int first = 1, rc = 0;
    if (argc > 2 && strcmp(argv[1], "-d") == 0)
        dct = argv[2], first = 3;
    char *err = NULL;
    eventline_resources *res = eventline_resources_load(NULL, &err);
    if (!res) {
        fprintf(stderr, "timeline: %s\n", err);
        eventline_free(err);
        return 2;
    }
    eventline_corpus *c = eventline_corpus_new(res);
    for (int i = first; i < argc; i++)
        if (eventline_corpus_add_file(c, argv[i], dct, &err) != 0) {
            fprintf(stderr, "timeline: %s: %s\n", argv[i], err);
            eventline_free(err), rc = 1;
        }
    size_t n = eventline_corpus_build(c);
    fprintf(stderr, "timeline: %zu events (libeventline %s)\n", n, eventline_version());
    if (eventline_corpus_export(c, "json", stdout, &err) != 0)
        fprintf(stderr, "timeline: %s\n", err), eventline_free(err), rc = 3;
    eventline_corpus_free(c);
    eventline_resources_free(res);
    return rc;
}

/* bench_entity.c - speed of the entity stage.
 *
 * Usage: bench_entity GAZETTEER_DIR NENTRIES MEGABYTES TEXT_FILE...
 * 1. writes a synthetic gazetteer of NENTRIES entries (three-word names, one
 *    alias each unless $BENCH_NO_ALIAS is set; with $BENCH_PEOPLE person
 *    names sharing given and family names, some with punctuation or accents,
 *    every second one with an alias) and times loading it together with
 *    GAZETTEER_DIR;
 * 2. tokenizes the TEXT_FILEs repeated to MEGABYTES of text, one document
 *    per file copy, and times el_entity_tag alone over all of them;
 * 3. prints entries, load seconds, MB, tagging seconds, MB/s and peak RSS. */
#include "stages/entity/entity.h"
#include "text/tokenize.h"
#include "base/util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);   /* CPU time: the machine may be shared */
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A person-like line: one of 3,000 given names, one of 400,000 family
 * names (a quarter with an apostrophe, hyphen or accent: the tokenizer's
 * slow path), the family name as alias on every second line. */
static void write_person(FILE *fp, long i)
{
    static const char *const shape[] = {"%s", "O'%s", "%s-Ruiz", "Jos\xc3\xa9 %s"};
    char fam[32], full[48];
    snprintf(fam, sizeof fam, "Fam%lx", (i * 7919) % 400000);
    snprintf(full, sizeof full, shape[i % 20 < 15 ? 0 : 1 + i % 3], fam);
    fprintf(fp, "Given%ld %s\tPERSON\tperson\t%s\t\t\n", i % 3000, full, i % 2 ? fam : "");
}

static void write_gazetteer(const char *path, long n, bool alias, bool people)
{
    FILE *fp = fopen(path, "w");
    if (!fp) {
        perror(path);
        exit(1);
    }
    for (long i = 0; i < n; i++) {
        if (people)
            write_person(fp, i);
        else
            fprintf(fp, alias ? "Synth%ld Alpha%ld Beta\tORGANIZATION\tcompany\tSynco%ld\t\t\n"
                            : "Synth%ld Alpha%ld Beta\tORGANIZATION\tcompany\t\t\t\n", i, i % 977, i);
    }
    fclose(fp);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: %s GAZETTEER_DIR NENTRIES MEGABYTES TEXT_FILE...\n", argv[0]);
        return 2;
    }
    long n = atol(argv[2]);
    double want = atof(argv[3]) * 1e6;
    char path[] = "/tmp/el_bench_gzXXXXXX";
    int fd = mkstemp(path);
    close(fd);
    write_gazetteer(path, n, getenv("BENCH_NO_ALIAS") == NULL, getenv("BENCH_PEOPLE") != NULL);
    char *err = NULL, *extra[] = {path};
    double t0 = now();
    el_gazetteer *gz = el_gazetteer_load(argv[1], extra, 1, &err);
    double load = now() - t0;
    remove(path);
    if (!gz) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    char abpath[4096];
    snprintf(abpath, sizeof abpath, "%s/abbreviations.tsv", argv[1]);
    el_abbrevs *ab = el_abbrevs_load(abpath, &err);
    double bytes = 0, tag = 0;
    size_t mentions = 0;
    for (int k = 0; bytes < want; k++) {
        const char *file = argv[4 + k % (argc - 4)], *e;
        size_t len;
        char *text = el_read_file(file, &len, &e);
        if (!text) {
            fprintf(stderr, "%s: %s\n", file, e);
            return 1;
        }
        el_doc *d = el_doc_new("bench", file, text, len);
        el_tokenize(d, ab);
        t0 = now();
        el_entity_tag(d, gz);
        tag += now() - t0;
        bytes += (double)len;
        mentions += d->nmentions;
        el_doc_free(d);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("gazetteer entries: %zu (synthetic %ld), load %.3f s\n", el_gazetteer_size(gz), n, load);
    printf("entity stage: %.1f MB in %.3f s = %.1f MB/s, %zu mentions\n", bytes / 1e6, tag,
           bytes / 1e6 / tag, mentions);
    printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
    el_abbrevs_free(ab);
    el_gazetteer_free(gz);
    return 0;
}

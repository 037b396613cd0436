/* bench_pipeline.c - throughput of each pipeline stage and of the whole run.
 *
 *   bench_pipeline [-m MB] [-g GAZETTEER_DIR] FILE...
 *
 * Builds a corpus of at least MB megabytes (default 10) by cycling through
 * the given text files, one document per file copy, then times tokenizing,
 * the time stage, the entity stage, the event stage and the corpus step
 * (entity linking + timeline) separately; then the syntax stage (off in
 * the default pipeline: its model is loaded here on its own) in MB/s and
 * words/s, and the whole pipeline with it.  Prints MB/s per stage and the
 * peak resident memory.  Times are CPU time of this (single-threaded)
 * process, so a busy machine skews them less.  A benchmark, not a test. */
#include "model/corpus.h"
#include "stages/entity/entity.h"
#include "stages/event/event.h"
#include "stages/resources.h"
#include "read/reader.h"
#include "timeline/timeline.h"
#include "stages/timex/timex.h"
#include "stages/syntax/syntax.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);  /* CPU time: fair on a busy machine */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report(const char *stage, double secs, double mb)
{
    printf("%-22s %8.3f s %10.1f MB/s\n", stage, secs, secs > 0 ? mb / secs : 0.0);
}

int main(int argc, char **argv)
{
    double want_mb = 10;
    const char *gdir = NULL;
    int c;
    while ((c = getopt(argc, argv, "m:g:")) != -1) {
        if (c == 'm')
            want_mb = atof(optarg);
        else if (c == 'g')
            gdir = optarg;
        else {
            fprintf(stderr, "usage: bench_pipeline [-m MB] [-g DIR] FILE...\n");
            return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "bench_pipeline: no input files\n");
        return 2;
    }
    char *err = NULL;
    double t0 = now();
    char *dir = el_resources_find_dir(gdir);
    el_resources *res = el_resources_load(dir, NULL, 0, &err);
    free(dir);
    if (!res) {
        fprintf(stderr, "bench_pipeline: %s\n", err);
        return 2;
    }
    double load = now() - t0;
    el_corpus *corpus = el_corpus_new();
    size_t bytes = 0, ndocs = 0;
    while ((double)bytes < want_mb * 1e6) {
        for (int i = optind; i < argc && (double)bytes < want_mb * 1e6; i++) {
            size_t len;
            const char *why;
            char *data = el_read_file(argv[i], &len, &why);
            if (!data) {
                fprintf(stderr, "bench_pipeline: %s: %s\n", argv[i], why);
                return 2;
            }
            char id[64];
            snprintf(id, sizeof id, "doc%zu", ndocs++);
            el_doc *d = el_read_text(id, argv[i], data, len, &err);
            free(data);
            if (!d) {
                fprintf(stderr, "bench_pipeline: %s: %s\n", argv[i], err);
                return 2;
            }
            if (!d->dct.year) {
                el_date dct = {2023, 6, 19};
                d->dct = dct;
            }
            bytes += len;
            el_corpus_add(corpus, d);
        }
    }
    double mb = (double)bytes / 1e6, t[6];
    t0 = now();
    for (size_t i = 0; i < corpus->ndocs; i++)
        el_tokenize(corpus->docs[i], res->abbrevs);
    t[0] = now() - t0;
    t0 = now();
    for (size_t i = 0; i < corpus->ndocs; i++)
        el_timex_tag(corpus->docs[i], res->time);
    t[1] = now() - t0;
    t0 = now();
    for (size_t i = 0; i < corpus->ndocs; i++)
        el_entity_tag(corpus->docs[i], res->gazetteer);
    t[2] = now() - t0;
    t0 = now();
    for (size_t i = 0; i < corpus->ndocs; i++)
        el_event_tag(corpus->docs[i], res->triggers);
    t[3] = now() - t0;
    t0 = now();
    el_corpus_link_entities(corpus);
    el_timeline_build(corpus);
    t[4] = now() - t0;
    t[5] = t[0] + t[1] + t[2] + t[3] + t[4];
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("corpus: %.1f MB in %zu documents; resources loaded in %.3f s\n", mb, ndocs, load);
    report("tokenize", t[0], mb);
    report("time expressions", t[1], mb);
    report("entities", t[2], mb);
    report("events", t[3], mb);
    report("corpus link+timeline", t[4], mb);
    report("whole pipeline", t[5], mb);
    printf("peak RSS: %.1f MB; %zu entities, %zu events\n", (double)ru.ru_maxrss / 1024.0,
           corpus->nentities, corpus->nevents);
    t0 = now();
    bool syn = el_resources_load_syntax(res, &err);
    double sload = now() - t0;
    if (!syn) {
        printf("syntax stage: not measured (%s)\n", err);
        free(err);
    } else {
        size_t words = 0;
        t0 = now();
        for (size_t i = 0; i < corpus->ndocs; i++) {
            el_syntax_tag(corpus->docs[i], res->syntax);
            words += corpus->docs[i]->nwords;
        }
        double ts = now() - t0;
        getrusage(RUSAGE_SELF, &ru);
        printf("syntax model loaded in %.3f s\n", sload);
        printf("%-22s %8.3f s %10.1f MB/s %6.2f M words/s\n", "syntax (opt-in)", ts,
               ts > 0 ? mb / ts : 0.0, ts > 0 ? words / ts / 1e6 : 0.0);
        report("whole with syntax", t[5] + ts, mb);
        printf("peak RSS with syntax: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    }
    el_corpus_free(corpus);
    el_resources_free(res);
    return 0;
}

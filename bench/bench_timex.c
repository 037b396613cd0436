/* bench_timex.c - throughput of the time stage alone (a benchmark, not a
 * test): reads a large UTF-8 text, cuts it into documents of about 32 KB at
 * line breaks, tokenizes each (not timed), runs el_timex_tag (timed) and
 * reports MB/s of text through the time stage and the peak RSS.
 *
 * Usage: bench_timex GAZETTEER_DIR TEXT_FILE [DCT] */
#include "model/doc.h"
#include "stages/timex/timex.h"
#include "text/tokenize.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define DOC_BYTES (32 * 1024)

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);   /* CPU time: one core, robust to load */
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Length of the next document: up to DOC_BYTES, ending after a newline. */
static size_t next_doc_len(const char *p, size_t left)
{
    if (left <= DOC_BYTES)
        return left;
    const char *nl = memchr(p + DOC_BYTES, '\n', left - DOC_BYTES);
    return nl ? (size_t)(nl - p) + 1 : left;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_timex GAZETTEER_DIR TEXT_FILE [DCT]\n");
        return 2;
    }
    char *err = NULL, path[4096];
    el_time_lexicon *lx = el_time_lexicon_load(argv[1], &err);
    snprintf(path, sizeof path, "%s/abbreviations.tsv", argv[1]);
    el_abbrevs *ab = lx ? el_abbrevs_load(path, &err) : NULL;
    const char *why = NULL;
    size_t len = 0;
    char *text = ab ? el_read_file(argv[2], &len, &why) : NULL;
    if (!text) {
        fprintf(stderr, "bench_timex: %s\n", err ? err : why ? why : "?");
        free(err);
        el_time_lexicon_free(lx);
        el_abbrevs_free(ab);
        return 2;
    }
    el_date dct = {2023, 6, 20};
    if (argc > 3)
        el_date_parse(argv[3], &dct);
    double timex_s = 0, tok_s = 0;
    size_t ndocs = 0, ntimexes = 0, ntokens = 0;
    for (size_t off = 0; off < len; ndocs++) {
        size_t n = next_doc_len(text + off, len - off);
        el_doc *d = el_doc_new("bench", NULL, el_strndup(text + off, n), n);
        d->dct = dct;
        double t0 = now_seconds();
        el_tokenize(d, ab);
        double t1 = now_seconds();
        el_timex_tag(d, lx);
        double t2 = now_seconds();
        tok_s += t1 - t0;
        timex_s += t2 - t1;
        ntimexes += d->ntimexes;
        ntokens += d->ntokens;
        el_doc_free(d);
        off += n;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double mb = (double)len / 1e6;
    printf("text          %.1f MB, %zu documents, %zu tokens, %zu timexes\n", mb, ndocs, ntokens, ntimexes);
    printf("tokenizer     %.3f s  %.1f MB/s\n", tok_s, mb / tok_s);
    printf("time stage    %.3f s  %.1f MB/s\n", timex_s, mb / timex_s);
    printf("peak RSS      %.1f MB (whole process, text included)\n", ru.ru_maxrss / 1024.0);
    free(text);
    el_abbrevs_free(ab);
    el_time_lexicon_free(lx);
    return 0;
}

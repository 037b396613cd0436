/* parallel.c - a tiny work-sharing loop over documents with pthreads:
 * workers take the next document index from an atomic counter. */
#include "stages/parallel.h"
#include "stages/pipeline.h"
#include "base/util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct work {
    el_doc **docs;
    size_t n;
    const el_resources *res;
    atomic_size_t next;
} work;

static void *worker(void *arg)
{
    work *w = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&w->next, 1);
        if (i >= w->n)
            break;
        el_pipeline_run(w->docs[i], w->res);
    }
    return NULL;
}

void el_pipeline_run_all(el_doc **docs, size_t n, const el_resources *res, int threads)
{
    if (threads <= 1 || n <= 1) {
        for (size_t i = 0; i < n; i++)
            el_pipeline_run(docs[i], res);
        return;
    }
    if ((size_t)threads > n)
        threads = (int)n;
    work w = {docs, n, res, 0};
    pthread_t *tids = el_calloc((size_t)threads, sizeof *tids);
    int started = 0;
    for (int t = 0; t < threads; t++)
        if (pthread_create(&tids[t], NULL, worker, &w) == 0)
            started++;
        else
            break;
    if (started == 0)
        worker(&w);  /* could not start threads: do it here */
    for (int t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    free(tids);
}

int el_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

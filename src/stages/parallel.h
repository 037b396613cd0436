/* parallel.h - run the per-document pipeline over many documents on N
 * threads.  Documents are independent and the resources are read-only, so
 * the result is identical to a sequential run. */
#ifndef EL_PARALLEL_H
#define EL_PARALLEL_H

#include "model/doc.h"
#include "stages/resources.h"

/* Run el_pipeline_run on docs[0..n) using `threads` threads (<= 1: inline). */
void el_pipeline_run_all(el_doc **docs, size_t n, const el_resources *res, int threads);

/* Number of online CPUs (>= 1). */
int el_cpu_count(void);

#endif

/* fuzz_common.h - shared pieces of the libFuzzer targets (tests/fuzz/):
 * the read-only resources loaded once, and the corpus run a document goes
 * through after its reader (stages, corpus, timeline, exporters into
 * /dev/null), so every target exercises everything behind its reader. */
#ifndef EL_FUZZ_COMMON_H
#define EL_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "model/corpus.h"
#include "model/doc.h"
#include "export/export.h"
#include "stages/pipeline.h"
#include "read/reader.h"
#include "codec/codec.h"
#include "stages/resources.h"
#include "timeline/timeline.h"

/* Loaded once per process ($EVENTLINE_GAZETTEERS or the source tree's
 * gazetteers/, which the build passes as FUZZ_GAZETTEERS). */
static el_resources *fuzz_res;
static FILE *fuzz_null;

static inline void fuzz_init(void)
{
    if (fuzz_res)
        return;
    char *err = NULL;
    const char *dir = getenv("EVENTLINE_GAZETTEERS");
    fuzz_res = el_resources_load(dir ? dir : FUZZ_GAZETTEERS, NULL, 0, &err);
    if (!fuzz_res) {
        fprintf(stderr, "fuzz: %s\n", err ? err : "cannot load the gazetteers");
        abort();
    }
    fuzz_null = fopen("/dev/null", "w");
}

/* The corpus run over documents that went through the stages (or were
 * rebuilt by the result reader): corpus, timeline and every exporter that
 * needs no Graphviz renderer. */
static inline void fuzz_corpus(el_doc **docs, size_t n)
{
    el_corpus *c = el_corpus_new();
    for (size_t i = 0; i < n; i++)
        el_corpus_add(c, docs[i]);
    el_corpus_sort_docs(c);
    el_corpus_link_entities(c);
    el_timeline_build_ex(c, fuzz_res->triggers);
    el_export_json_file(c, fuzz_null);
    el_export_table(c, ',', fuzz_null);
    el_timelinejs_options topt = {0};
    el_export_timelinejs(c, &topt, fuzz_null);
    el_export_timelinejs_csv(c, &topt, fuzz_null);
    el_export_vis(c, &topt.filter, fuzz_null);
    el_export_html(c, fuzz_null);
    el_dot_options dopt = {0};
    dopt.entities = dopt.undated = true;
    el_export_dot(c, &dopt, NULL, fuzz_null);
    for (size_t i = 0; i < c->ndocs; i++)
        el_export_timeml(c->docs[i], fuzz_null);
    el_corpus_free(c);
}

/* One document from a reader: stages, then the corpus run. */
static inline void fuzz_one(el_doc *d)
{
    if (!d)
        return;
    el_pipeline_run(d, fuzz_res);
    fuzz_corpus(&d, 1);
}

#endif

/* pipeline.h - the per-document stages in order:
 * tokenize -> [syntax, when its model is loaded] -> timexes -> entities -> events (with their in-document links). */
#ifndef EL_PIPELINE_H
#define EL_PIPELINE_H

#include "model/doc.h"
#include "stages/resources.h"

void el_pipeline_run(el_doc *doc, const el_resources *res);

#endif

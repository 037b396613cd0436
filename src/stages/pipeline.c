/* pipeline.c - run the per-document stages in order (see pipeline.h). */
#include "stages/pipeline.h"
#include "stages/timex/timex.h"
#include "stages/entity/entity.h"
#include "stages/event/event.h"
#include "stages/syntax/syntax.h"

void el_pipeline_run(el_doc *doc, const el_resources *res)
{
    el_tokenize(doc, res->abbrevs);
    if (res->syntax)
        el_syntax_tag(doc, res->syntax);
    el_timex_tag_with_text_dct(doc, res->time);
    el_entity_tag(doc, res->gazetteer);
    el_event_tag(doc, res->triggers);
}

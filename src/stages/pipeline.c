/* pipeline.c - run the per-document stages in order (see pipeline.h). */
#include "stages/pipeline.h"
#include "stages/timex/timex.h"
#include "stages/entity/entity.h"
#include "stages/event/event.h"
#include "stages/syntax/syntax.h"
#include "text/boilerplate.h"

#include <stdlib.h>
#include <string.h>

/* A title that is publisher boilerplate ("This post was originally
 * published on this site") is no headline: drop it. */
static void drop_boilerplate_title(el_doc *doc, const el_boilerplate *b)
{
    if (doc->title && el_boilerplate_line(b, doc->title, strlen(doc->title))) {
        free(doc->title);
        doc->title = NULL;
    }
}

void el_pipeline_run(el_doc *doc, const el_resources *res)
{
    drop_boilerplate_title(doc, res->boilerplate);
    el_tokenize(doc, res->abbrevs);
    if (res->syntax)
        el_syntax_tag(doc, res->syntax);
    el_timex_tag_with_text_dct(doc, res->time);
    el_entity_tag(doc, res->gazetteer);
    el_event_tag(doc, res->triggers);
    doc->tlink_rules = res->tlinks;
}

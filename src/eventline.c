/* eventline.c - the public API (eventline.h) over the library's layers;
 * exports go through the format registry (export/formats.c) that the
 * command line uses too. */
#include "config.h"
#include "eventline.h"
#include "export/export.h"
#include "read/reader.h"
#include "stages/pipeline.h"
#include "stages/resources.h"
#include "timeline/timeline.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

struct eventline_resources {
    el_resources *res;
};

struct eventline_corpus {
    const el_resources *res;
    el_corpus *corpus;
    bool built;
};

static void set_err(char **err, const char *msg)
{
    if (err)
        *err = el_strdup(msg);
}

const char *eventline_version(void)
{
    return PACKAGE_VERSION;
}

int eventline_api_version(void)
{
    return EVENTLINE_API_VERSION;
}

eventline_resources *eventline_resources_load(const char *dir, char **err)
{
    char *where = el_resources_find_dir(dir), *msg = NULL;
    el_resources *r = el_resources_load(where, NULL, 0, &msg);
    free(where);
    if (!r) {
        if (err)
            *err = msg;
        else
            free(msg);
        return NULL;
    }
    eventline_resources *h = el_calloc(1, sizeof *h);
    h->res = r;
    return h;
}

void eventline_resources_free(eventline_resources *res)
{
    if (res)
        el_resources_free(res->res);
    free(res);
}

eventline_corpus *eventline_corpus_new(const eventline_resources *res)
{
    eventline_corpus *c = el_calloc(1, sizeof *c);
    c->res = res->res;
    c->corpus = el_corpus_new();
    return c;
}

void eventline_corpus_free(eventline_corpus *c)
{
    if (c)
        el_corpus_free(c->corpus);
    free(c);
}

/* Run the stages over a document read and add it. */
static int add_doc(eventline_corpus *c, el_doc *doc, const char *dct, char **err)
{
    if (dct) {
        el_date d;
        if (!el_date_parse(dct, &d)) {
            el_doc_free(doc);
            set_err(err, "bad creation date: expected YYYY-MM-DD");
            return -1;
        }
        doc->dct = d;
        doc->dct_source = EL_DCT_OPTION;
    }
    el_pipeline_run(doc, c->res);
    el_corpus_add(c->corpus, doc);
    return 0;
}

/* A corpus takes documents until it is built: false, or true and *err set. */
static bool refuse_built(const eventline_corpus *c, char **err)
{
    if (c->built)
        set_err(err, "the corpus is already built");
    return c->built;
}

/* A reader's document into the corpus, or its message (msg) into *err. */
static int add_read(eventline_corpus *c, el_doc *doc, char *msg, const char *dct, char **err)
{
    if (!doc) {
        if (err)
            *err = msg;
        else
            free(msg);
        return -1;
    }
    return add_doc(c, doc, dct, err);
}

int eventline_corpus_add_text(eventline_corpus *c, const char *id, const char *text,
                              size_t len, const char *dct, char **err)
{
    char *msg = NULL;
    if (refuse_built(c, err))
        return -1;
    el_doc *doc = el_read_text(id, id, text, len, &msg);
    return add_read(c, doc, msg, dct, err);
}

int eventline_corpus_add_file(eventline_corpus *c, const char *path, const char *dct,
                              char **err)
{
    const char *why = NULL;
    char *msg = NULL;
    size_t len = 0;
    if (refuse_built(c, err))
        return -1;
    char *data = el_read_file(path, &len, &why);
    if (!data) {
        set_err(err, why ? why : "cannot read the file");
        return -1;
    }
    char *id = el_doc_id_from_path(path);
    el_input_format fmt = el_input_format_guess(path, data, len);
    el_doc *doc = fmt == EL_IN_HTML     ? el_read_html(id, path, data, len, &msg)
                  : fmt == EL_IN_TIMEML ? el_read_timeml(id, path, data, len, &msg)
                                        : el_read_text(id, path, data, len, &msg);
    free(id);
    free(data);
    return add_read(c, doc, msg, dct, err);
}

size_t eventline_corpus_build(eventline_corpus *c)
{
    if (!c->built) {
        el_corpus_sort_docs(c->corpus);
        el_corpus_link_entities(c->corpus);
        el_timeline_build_ex(c->corpus, c->res->triggers);
        c->built = true;
    }
    return c->corpus->nevents;
}

int eventline_corpus_export(const eventline_corpus *c, const char *format, FILE *out,
                            char **err)
{
    if (!c->built) {
        set_err(err, "build the corpus first (eventline_corpus_build)");
        return -1;
    }
    const el_export_format *f = el_export_format_find(format);
    if (!f) {
        set_err(err, "unknown format");
        return -1;
    }
    static const el_export_options plain = {.dot_entities = false};  /* every default */
    if (f->write(c->corpus, &plain, format, out) != 0) {
        set_err(err, "could not write the output");
        return -1;
    }
    return 0;
}

char *eventline_corpus_json(const eventline_corpus *c)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&buf, &size);
    if (!fp)
        return NULL;
    int rc = eventline_corpus_export(c, "json", fp, NULL);
    if (fclose(fp) != 0 || rc != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

void eventline_free(void *p)
{
    free(p);
}

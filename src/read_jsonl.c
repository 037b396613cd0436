/* read_jsonl.c - JSON Lines reader: one {"id","text","dct"} per line.
 * Placeholder: lands with the readers work of the foundation issue. */
#include "reader.h"
#include "util.h"

#include <stdlib.h>

struct el_jsonl_reader {
    FILE *fp;
};

el_jsonl_reader *el_jsonl_open(FILE *fp, const char *path)
{
    (void)path;
    el_jsonl_reader *r = el_calloc(1, sizeof *r);
    r->fp = fp;
    return r;
}

int el_jsonl_next(el_jsonl_reader *r, el_doc **doc, char **err, size_t *lineno)
{
    (void)r; (void)doc; (void)err; (void)lineno;
    return 0;
}

void el_jsonl_close(el_jsonl_reader *r)
{
    free(r);
}

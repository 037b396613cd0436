/* tlink_rules.c - loading and looking up the Task C link tables
 * (tlink_rules.h).  A handful of rows: a linear search is enough. */
#include "model/tlink_rules.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool copy_field(char *dst, size_t n, const char *src)
{
    if (strlen(src) >= n)
        return false;
    el_copy_str(dst, n, src);
    return true;
}

/* Rows of one file: RULE FROM TO RELATION [COUNT PRECISION]. */
static bool load_file(el_tlink_rules *r, const char *path, char **err)
{
    size_t len, cap = r->n;
    char *data = el_read_data_file(path, &len, err);
    if (!data)
        return false;
    size_t lineno = 0;
    char *save = NULL, *p = data;
    for (char *line = strtok_r(p, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        char *f[6];
        if (line[0] == '#' || line[0] == '\0')
            continue;
        size_t nf = el_split_tabs(line, f, 6);
        el_tlink_rule row = {.precision = 1.0f};
        if (nf < 4 || !copy_field(row.rule, sizeof row.rule, f[0])
            || !copy_field(row.from, sizeof row.from, f[1]) || !copy_field(row.to, sizeof row.to, f[2])
            || !el_reltype_parse(f[3], &row.rel)) {
            char msg[4200];
            snprintf(msg, sizeof msg, "%s: row %zu: want RULE<TAB>FROM<TAB>TO<TAB>RELATION (a TimeML relType)", path,
                     lineno);
            *err = el_strdup(msg);
            free(data);
            return false;
        }
        if (nf >= 6)
            row.precision = el_strtof(f[5], NULL);
        EL_PUSH(r->rows, r->n, cap) = row;
    }
    free(data);
    return true;
}

el_tlink_rules *el_tlink_rules_load(const char *dir, char **err)
{
    static const char *const files[] = {"time/tlinks.tsv", "time/subordination.tsv"};
    el_tlink_rules *r = el_calloc(1, sizeof *r);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        if (access(path, F_OK) != 0)
            continue;   /* without the tables the writer keeps to its tense rules */
        if (!load_file(r, path, err)) {
            el_tlink_rules_free(r);
            return NULL;
        }
    }
    return r;
}

void el_tlink_rules_free(el_tlink_rules *r)
{
    if (!r)
        return;
    free(r->rows);
    free(r);
}

el_reltype el_tlink_rules_find(const el_tlink_rules *r, const char *rule, const char *from,
                                const char *to)
{
    if (!r)
        return EL_REL_NONE;
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->rows[i].rule, rule) == 0 && strcmp(r->rows[i].from, from) == 0
            && strcmp(r->rows[i].to, to) == 0)
            return r->rows[i].rel;
    return EL_REL_NONE;
}

char *el_tlink_feature(const el_event_mention *e, char *buf, size_t n)
{
    const char *pre = e->cls == EL_EV_REPORTING ? "REPORTING:" : "";
    if (e->modality && e->tense != EL_TENSE_FUTURE)   /* TBAQ: "will" is a tense, not a modal */
        snprintf(buf, n, "%sMODAL", pre);
    else if (e->tense == EL_TENSE_PAST || e->tense == EL_TENSE_PRESENT || e->tense == EL_TENSE_FUTURE)
        snprintf(buf, n, "%s%s/%s", pre, el_tense_name(e->tense), el_aspect_name(e->aspect));
    else
        snprintf(buf, n, "%s%s", pre, el_tense_name(e->tense));
    return buf;
}

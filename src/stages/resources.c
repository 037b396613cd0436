/* resources.c - load the read-only tables of the pipeline (see resources.h). */
#include "stages/resources.h"
#include "stages/timex/timex.h"
#include "stages/entity/entity.h"
#include "stages/event/event.h"
#include "stages/syntax/syntax.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef EL_GAZETTEER_DIR
#define EL_GAZETTEER_DIR "/usr/local/share/eventline/gazetteers"
#endif

const char *el_resources_default_dir(const char *dir)
{
    if (dir && *dir)
        return dir;
    const char *env = getenv("EVENTLINE_GAZETTEERS");
    if (env && *env)
        return env;
    return EL_GAZETTEER_DIR;
}

el_resources *el_resources_load(const char *dir, char **extra, size_t nextra, char **err)
{
    struct stat st;
    char path[4096];
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(path, sizeof path,
                 "%s: gazetteer directory not found (use --gazetteers DIR or set EVENTLINE_GAZETTEERS)",
                 dir);
        *err = el_strdup(path);
        return NULL;
    }
    el_resources *r = el_calloc(1, sizeof *r);
    r->dir = el_strdup(dir);
    snprintf(path, sizeof path, "%s/abbreviations.tsv", dir);
    if (!(r->abbrevs = el_abbrevs_load(path, err)))
        goto fail;
    if (!(r->time = el_time_lexicon_load(dir, err)))
        goto fail;
    if (!(r->gazetteer = el_gazetteer_load(dir, extra, nextra, err)))
        goto fail;
    if (!(r->triggers = el_trigger_lexicon_load(dir, err)))
        goto fail;
    return r;
fail:
    el_resources_free(r);
    return NULL;
}

void el_resources_free(el_resources *r)
{
    if (!r)
        return;
    el_abbrevs_free(r->abbrevs);
    el_time_lexicon_free(r->time);
    el_gazetteer_free(r->gazetteer);
    el_trigger_lexicon_free(r->triggers);
    el_syntax_free(r->syntax);
    free(r->dir);
    free(r);
}

bool el_resources_load_syntax(el_resources *r, char **err)
{
    if (r->syntax)
        return true;
    char path[4096];
    snprintf(path, sizeof path, "%s/syntax/en_ewt.model", r->dir);
    r->syntax = el_syntax_load(path, err);
    return r->syntax != NULL;
}

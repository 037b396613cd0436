/* resources.c - load the read-only tables of the pipeline (see resources.h). */
#include "config.h"
#include "stages/resources.h"
#include "stages/rescache.h"
#include "stages/timex/timex.h"
#include "stages/entity/entity.h"
#include "stages/event/event.h"
#include "stages/syntax/syntax.h"
#include "model/tlink_rules.h"
#include "text/boilerplate.h"
#include "base/util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef EL_GAZETTEER_DIR
#define EL_GAZETTEER_DIR "/usr/local/share/eventline/gazetteers"
#endif

static bool is_gazetteer_dir(const char *dir)
{
    char path[4096];
    struct stat st;
    if (snprintf(path, sizeof path, "%s/abbreviations.tsv", dir) >= (int)sizeof path)
        return false;   /* no such path */
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The directory holding the running program, or false (not Linux, or
 * /proc not mounted). */
static bool exe_dir(char *out, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", out, size - 1);
    if (n <= 0 || (size_t)n >= size - 1)
        return false;
    out[n] = '\0';
    char *slash = strrchr(out, '/');
    if (!slash)
        return false;
    *slash = '\0';
    /* libtool's uninstalled program runs from src/.libs */
    size_t len = strlen(out);
    if (len > 6 && strcmp(out + len - 6, "/.libs") == 0)
        out[len - 6] = '\0';
    return true;
}

/* Whether the program runs from the directory it was built in (a VPATH
 * build keeps its data in the source tree). */
static bool in_build_dir(const char *exe)
{
#ifdef EL_BUILD_SRC_DIR
    char real[PATH_MAX];
    return realpath(EL_BUILD_SRC_DIR, real) && strcmp(real, exe) == 0;
#else
    (void)exe;
    return false;
#endif
}

/* Try DIR/REL; on success its canonical path goes to out (PATH_MAX). */
static bool try_dir(char *out, const char *dir, const char *rel)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir, rel);
    return n > 0 && (size_t)n < sizeof path && is_gazetteer_dir(path) && realpath(path, out);
}

char *el_resources_find_dir(const char *dir)
{
    if (dir && *dir)
        return el_strdup(dir);
    const char *env = getenv("EVENTLINE_GAZETTEERS");
    if (env && *env)
        return el_strdup(env);
    char exe[4096], found[PATH_MAX];
    if (exe_dir(exe, sizeof exe)) {
        /* the build tree (src/eventline), a VPATH
         * build's source tree, then the installed layout however it was
         * moved (prefix=, DESTDIR): BINDIR/../share/eventline/gazetteers */
        if (try_dir(found, exe, "../gazetteers")
            || (in_build_dir(exe) && try_dir(found, EL_SOURCE_DIR, "gazetteers"))
            || try_dir(found, exe, "../share/" PACKAGE "/gazetteers"))
            return el_strdup(found);
    }
    return el_strdup(EL_GAZETTEER_DIR);
}

/* The entity gazetteer (without the user's extra files) and the event
 * trigger lexicon: the gazetteer and the event model from the compiled
 * cache when it has them (stages/rescache.h), else from text, then
 * written to the cache. */
static bool load_tables(el_resources *r, const char *dir, char **err)
{
    el_rescache *c = el_rescache_open(dir);
    struct el_event_model *model = NULL;
    bool hit = c && el_rescache_take(c, &r->gazetteer, &model);
    if (!hit && !(r->gazetteer = el_gazetteer_load(dir, NULL, 0, err))) {
        el_rescache_close(c);
        return false;
    }
    r->triggers = el_trigger_lexicon_load_with(dir, model, err);
    if (c && !hit && r->triggers)
        el_rescache_store(c, r->gazetteer, r->triggers);
    el_rescache_close(c);
    return r->triggers != NULL;
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
    snprintf(path, sizeof path, "%s/boilerplate.tsv", dir);
    if (!(r->boilerplate = el_boilerplate_load(path, err)))
        goto fail;
    if (!(r->time = el_time_lexicon_load(dir, err)))
        goto fail;
    if (!load_tables(r, dir, err))
        goto fail;
    for (size_t i = 0; i < nextra; i++)
        if (!el_gazetteer_add_file(r->gazetteer, extra[i], err))
            goto fail;
    if (!(r->tlinks = el_tlink_rules_load(dir, err)))
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
    el_boilerplate_free(r->boilerplate);
    el_time_lexicon_free(r->time);
    el_gazetteer_free(r->gazetteer);
    el_trigger_lexicon_free(r->triggers);
    el_tlink_rules_free(r->tlinks);
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

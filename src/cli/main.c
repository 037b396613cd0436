/* main.c - the eventline command line: pick the command, parse options,
 * run it.  Each command lives in its own cmd_*.c; shared option handling,
 * input reading and output writing are in cli.c. */
#include "cli/cli.h"

#include <libxml/parser.h>
#include <string.h>

static el_command command_of(const char *word, bool *consumed)
{
    static const struct { const char *name; el_command cmd; } cmds[] = {
        {"extract", EL_CMD_EXTRACT}, {"annotate", EL_CMD_ANNOTATE},
        {"entities", EL_CMD_ENTITIES}, {"merge", EL_CMD_MERGE},
        {"index", EL_CMD_INDEX}, {"query", EL_CMD_QUERY}, {"timeline", EL_CMD_TIMELINE},
    };
    for (size_t i = 0; word && i < sizeof cmds / sizeof *cmds; i++)
        if (strcmp(word, cmds[i].name) == 0) {
            *consumed = true;
            return cmds[i].cmd;
        }
    *consumed = false;
    return EL_CMD_EXTRACT;
}

int main(int argc, char **argv)
{
    el_cli o;
    memset(&o, 0, sizeof o);
    bool consumed;
    o.cmd = command_of(argc > 1 ? argv[1] : NULL, &consumed);
    o.cmd_given = consumed;
    o.outdir = o.cmd == EL_CMD_ENTITIES || o.cmd == EL_CMD_QUERY || o.cmd == EL_CMD_TIMELINE
                   ? "-" : "output";
    o.threads = 1;
    if (consumed) {
        argv[1] = argv[0];
        argc--;
        argv++;
    }
    el_cli_parse(argc, argv, &o);
    xmlInitParser();  /* once, before any reader thread */
    if (o.nfiles <= 0 && o.cmd != EL_CMD_QUERY && !(o.cmd == EL_CMD_INDEX && o.rebuild_timeline))
        el_cli_usage_error("no input files%s", "");
    int rc;
    switch (o.cmd) {
    case EL_CMD_ANNOTATE: rc = el_cmd_annotate(&o); break;
    case EL_CMD_MERGE: rc = el_cmd_merge(&o); break;
    case EL_CMD_INDEX: rc = el_cmd_index(&o); break;
    case EL_CMD_QUERY: rc = el_cmd_query(&o); break;
    default: rc = el_cmd_extract(&o); break;
    }
    el_cli_free(&o);
    xmlCleanupParser();
    return rc;
}

/* cmd_index.c - `eventline index` and `eventline query` (SQLite store).
 * Placeholder until the store lands. */
#include "cli.h"

int el_cmd_index(el_cli *o)
{
    (void)o;
    el_cli_report("index", "not available yet");
    return EL_EXIT_USAGE;
}

int el_cmd_query(el_cli *o)
{
    (void)o;
    el_cli_report("query", "not available yet");
    return EL_EXIT_USAGE;
}

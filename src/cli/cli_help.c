/* cli_help.c - each command's --help text and the options each command
 * accepts (see cli.h).  The scope table is what the parser checks, so an
 * option a command's help does not list is refused for that command
 * (tests/help.sh checks both directions against the real parser). */
#include "cli/cli.h"

#include <string.h>

#define C(x) (1u << (x))
#define INPUT_CMDS (C(EL_CMD_EXTRACT) | C(EL_CMD_ANNOTATE) | C(EL_CMD_ENTITIES) \
                    | C(EL_CMD_TIMELINE) | C(EL_CMD_INDEX))
#define ALL_CMDS (INPUT_CMDS | C(EL_CMD_MERGE) | C(EL_CMD_QUERY))

/* Which commands take each long option.  An option missing here (added
 * later without a row) is accepted everywhere. */
static const struct { const char *name; unsigned cmds; } scopes[] = {
    {"output", ALL_CMDS & ~C(EL_CMD_INDEX) & ~C(EL_CMD_QUERY)},
    {"format", ALL_CMDS & ~C(EL_CMD_INDEX)},
    {"dct", INPUT_CMDS},
    {"manifest", INPUT_CMDS},
    {"input-format", INPUT_CMDS},
    {"gazetteers", INPUT_CMDS | C(EL_CMD_MERGE)},
    {"gazetteer", INPUT_CMDS},
    {"jobs", INPUT_CMDS},
    {"syntax", INPUT_CMDS},
    {"tokens", C(EL_CMD_EXTRACT) | C(EL_CMD_ANNOTATE)},
    {"dot-entities", C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)},
    {"dot-undated", C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)},
    {"max-events", C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)},
    {"since", C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)},
    {"until", C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)},
    {"title", C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)},
    {"group", C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)},
    {"db", C(EL_CMD_INDEX) | C(EL_CMD_QUERY)},
    {"entity", C(EL_CMD_TIMELINE) | C(EL_CMD_QUERY) | C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)},
    {"between", C(EL_CMD_QUERY)},
    {"type", C(EL_CMD_QUERY)},
    {"cooccur", C(EL_CMD_QUERY)},
    {"events", C(EL_CMD_QUERY)},
    {"table", C(EL_CMD_QUERY)},
    {"limit", C(EL_CMD_QUERY)},
    {"offset", C(EL_CMD_QUERY)},
    {"rebuild-timeline", C(EL_CMD_INDEX)},
    {"own-dates-only", C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)},
    {"pretty", C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE) | C(EL_CMD_ANNOTATE) | C(EL_CMD_ENTITIES)},
    {"max-doc-size", INPUT_CMDS},
    {"quiet", ALL_CMDS},
    {"help", ALL_CMDS},
    {"version", ALL_CMDS},
};

bool el_cli_option_applies(el_command cmd, const char *name)
{
    for (size_t i = 0; i < sizeof scopes / sizeof *scopes; i++)
        if (strcmp(scopes[i].name, name) == 0)
            return (scopes[i].cmds & C(cmd)) != 0;
    return true;
}

const char *el_command_name(el_command cmd)
{
    static const char *const names[] = {
        [EL_CMD_EXTRACT] = "extract", [EL_CMD_ANNOTATE] = "annotate",
        [EL_CMD_ENTITIES] = "entities", [EL_CMD_MERGE] = "merge", [EL_CMD_INDEX] = "index",
        [EL_CMD_QUERY] = "query", [EL_CMD_TIMELINE] = "timeline",
    };
    return (size_t)cmd < sizeof names / sizeof *names && names[cmd] ? names[cmd] : "extract";
}

static const char input_opts[] =
    "      --dct DATE           document creation time (YYYY-MM-DD) for every input\n"
    "  -m, --manifest FILE      TSV lines FILE<TAB>YYYY-MM-DD giving each document's DCT\n"
    "      --input-format F     auto (default), text, html, timeml, jsonl\n"
    "  -g, --gazetteers DIR     gazetteer directory (default: $EVENTLINE_GAZETTEERS,\n"
    "                           else found from the program's location; see\n"
    "                           eventline --version)\n"
    "      --gazetteer FILE     an extra entity gazetteer file (repeatable)\n"
    "  -j, --jobs N             process documents on N threads (default 1; 0 = one\n"
    "                           per CPU); output is identical for every N\n"
    "      --syntax             run the syntax stage (tagger, lemmatizer, parser; off\n"
    "                           by default: it costs speed; annotate -f conllu turns\n"
    "                           it on)\n"
    "      --max-doc-size N     largest document in bytes, suffix K, M or G (default\n"
    "                           128M); a larger one is reported and skipped\n";

/* The options of the corpus outputs, shared by extract and merge. */
static const char corpus_opts[] =
    "      --dot-entities       DOT/SVG: one lane (row) per participant\n"
    "      --dot-undated        keep undated events that no relation places in\n"
    "                           the DOT/SVG graph\n"
    "      --max-events N       drawings (dot/svg/png, timelinejs, vis): the N\n"
    "                           events with most mentions\n"
    "      --since DATE         drawings: only events overlapping [DATE, ...\n"
    "      --until DATE         ... DATE] (YYYY-MM-DD)\n"
    "      --title TEXT         TimelineJS: the title slide's headline (default:\n"
    "                           the main entities)\n"
    "      --group entity|none  TimelineJS: one group per actor (default: none)\n"
    "      --entity NAME        drawings: only the events this entity takes part in\n"
    "      --own-dates-only     keep only events the text itself dates (a time\n"
    "                           expression of their clause or sentence; not the\n"
    "                           report date): see each event's time.anchor\n"
    "      --pretty             indented JSON, for people (default: compact)\n";

static const char common_opts[] =
    "  -q, --quiet              no progress or summary on standard error\n"
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show the version and the gazetteer directory in use\n";

static const char inputs_note[] =
    "FILE: plain UTF-8 text, HTML, TimeML or JSON Lines ({\"id\",\"text\",\"dct\"} per\n"
    "line); '-' reads standard input.\n";

static const char *command_text(el_command cmd)
{
    switch (cmd) {
    case EL_CMD_ANNOTATE:
        return "Usage: eventline annotate [OPTIONS] FILE...\n"
               "One result per document: TimeML or JSON files in -o DIR, or with\n"
               "-f jsonl -o - one JSON line per document on standard output (a\n"
               "streaming mapper; its output is the input of eventline merge).\n\n"
               "  -o, --output DIR         output directory (default: output); '-' =\n"
               "                           standard output\n"
               "  -f, --format F           timeml (default), json, jsonl or conllu (CoNLL-U:\n"
               "                           tags, lemmas, dependencies)\n"
               "      --tokens             JSON: each document's words with lemma, UPOS,\n"
               "                           XPOS, head and relation (turns --syntax on)\n"
               "      --pretty             indented JSON, for people (default: compact)\n";
    case EL_CMD_MERGE:
        return "Usage: eventline merge [OPTIONS] RESULT.json[l]...\n"
               "Combine per-document results of eventline annotate (-f json or jsonl; any\n"
               "order, any partition) into the corpus timeline, as extract would.\n\n"
               "  -o, --output DIR         output directory (default: output); '-' =\n"
               "                           standard output (one format only)\n"
               "  -f, --format LIST        as for extract (default: json,dot,svg)\n"
               "  -g, --gazetteers DIR     gazetteer directory (abbreviations, event types)\n"
;
    case EL_CMD_ENTITIES:
        return "Usage: eventline entities [OPTIONS] FILE...\n"
               "Print the corpus's entity index: id, type, name, mentions, documents,\n"
               "aliases and roles.\n\n"
               "  -o, --output DIR         write DIR/entities instead (default: '-', standard\n"
               "                           output)\n"
               "  -f, --format F           table (default) or json\n"
               "      --pretty             indented JSON, for people (default: compact)\n";
    case EL_CMD_TIMELINE:
        return "Usage: eventline timeline --entity NAME [OPTIONS] FILE...\n"
               "Print one entity's events in timeline order.\n\n"
               "      --entity NAME        the entity (its name or an alias); required\n"
               "  -o, --output DIR         write DIR/timeline-entity.EXT instead (default:\n"
               "                           '-', standard output)\n"
               "  -f, --format F           text (default), json, or semeval2015 (the\n"
               "                           SemEval-2015 Task 4 timeline format)\n";
    case EL_CMD_INDEX:
        return "Usage: eventline index --db DB [OPTIONS] FILE...\n"
               "Annotate documents and store documents, entities, mentions, timexes, event\n"
               "mentions, participants and links in an SQLite database (created if\n"
               "missing; re-indexing a document replaces it; docs/schema.md).\n\n"
               "      --db FILE            the SQLite database (required)\n"
               "      --rebuild-timeline   only rebuild the canonical events and timeline\n"
               "                           from the stored documents\n";
    case EL_CMD_QUERY:
        return "Usage: eventline query --db DB [--entity NAME] [--events] [--between FROM TO]\n"
               "                       [--type TYPE] [--cooccur NAME] [-f table|json|csv]\n"
               "Ask an index made by eventline index (an unknown name exits 1).\n\n"
               "      --db FILE            the SQLite database (required)\n"
               "      --entity NAME        the entity's record and mentions (with --events:\n"
               "                           its events in time order)\n"
               "      --events             canonical events in timeline order\n"
               "      --between FROM TO    events whose time lies in [FROM, TO]; YYYY,\n"
               "                           YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM\n"
               "      --type TYPE          events of this type (meeting, visit, ...)\n"
               "      --cooccur NAME       entities taking part in events with NAME\n"
               "      --table NAME         only this table (entities, mentions, documents,\n"
               "                           events, event_mentions, cooccurring)\n"
               "      --limit N            at most N rows per table (default 50; 0 = all)\n"
               "      --offset N           skip the first N rows\n"
               "  -f, --format F           table (default), json or csv (one table)\n";
    default:
        return "Usage: eventline [extract] [OPTIONS] FILE...\n"
               "Write the corpus timeline of all the documents into the output directory.\n\n"
               "  -o, --output DIR         output directory (default: output); '-' = standard\n"
               "                           output (one format only)\n"
               "  -f, --format LIST        comma-separated: json, dot, svg, png, pdf, tsv, csv,\n"
               "                           timelinejs, timelinejs-csv (TimelineJS\n"
               "                           spreadsheet), vis (vis-timeline), html (an offline\n"
               "                           viewer, index.html) (default: json,dot,svg)\n"

               "      --tokens             JSON: each document's words with lemma, UPOS,\n"
               "                           XPOS, head and relation (turns --syntax on)\n";
    }
}

void el_cli_command_help(el_command cmd, FILE *out)
{
    fputs(command_text(cmd), out);
    unsigned bit = C(cmd);
    if (bit & (C(EL_CMD_EXTRACT) | C(EL_CMD_MERGE)))
        fputs(corpus_opts, out);
    if (bit & INPUT_CMDS)
        fputs(input_opts, out);
    fputs(common_opts, out);
    if (bit & INPUT_CMDS)
        fprintf(out, "\n%s", inputs_note);
    fputs("\nExit status: 0 success; 1 some documents were skipped; 2 usage or setup\n"
          "error; 3 nothing could be processed.  See also: man eventline.\n", out);
}

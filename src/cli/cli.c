/* cli.c - option parsing, input reading and safe output writing shared by
 * all eventline commands (see cli.h). */
#include "config.h"
#include "eventline.h"
#include "cli/cli.h"
#include "base/buf.h"
#include "stages/parallel.h"
#include "store/store.h"
#include "base/util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage_text[] =
    "Usage: eventline [extract] [OPTIONS] FILE...\n"
    "       eventline annotate [OPTIONS] FILE...\n"
    "       eventline merge [OPTIONS] RESULT.json[l]...\n"
    "       eventline entities [OPTIONS] FILE...\n"
    "       eventline timeline --entity NAME [OPTIONS] FILE...\n"
    "       eventline index --db DB [OPTIONS] FILE...\n"
    "       eventline query --db DB [--entity NAME] [--between DATE DATE] [--type TYPE]\n"
    "                       [--cooccur NAME] [--format table|json|csv]\n"
    "\n"
    "Reads English news articles and writes who, what and when: named entities,\n"
    "normalized time expressions (TIMEX3), events, and one timeline across all\n"
    "the documents given.  FILE may be plain UTF-8 text, HTML, TimeML or JSON Lines\n"
    "({\"id\",\"text\",\"dct\"} per line); '-' reads standard input.\n"
    "\n"
    "Commands:\n"
    "  extract     (default) write the corpus timeline into the output directory\n"
    "  annotate    one result per document: TimeML or JSON files in -o DIR, or\n"
    "              with -f jsonl one JSON line per document (a streaming mapper)\n"
    "  merge       combine per-document results of annotate (JSON/JSONL, any order,\n"
    "              any partition) into the corpus timeline, as extract would\n"
    "  entities    print the entity index (table, or JSON with --format json)\n"
    "  timeline    print one entity's events in timeline order (--format text,\n"
    "              json or semeval2015: the SemEval-2015 Task 4 timeline format)\n"
    "  index       store documents, entities, timexes, events and relations in an\n"
    "              SQLite database (re-indexing a document replaces it)\n"
    "  query       ask an index: an entity's mentions, aliases, documents and\n"
    "              timeline; events between two dates or of a type; co-occurrence\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR         output directory (default: output); '-' = standard\n"
    "                           output (one format only)\n"
    "  -f, --format LIST        comma-separated outputs.  extract/merge: json, dot,\n"
    "                           svg, png, pdf, tsv, csv, timelinejs, timelinejs-csv\n"
    "                           (TimelineJS spreadsheet), vis (vis-timeline), html (an\n"
    "                           offline timeline viewer, index.html) (default:\n"
    "                           json,dot,svg); annotate: timeml, json, jsonl\n"
    "                           or conllu (default: timeml); entities: table or json;\n"
    "                           query: table, json or csv (default: table)\n"
    "      --dct DATE           document creation time (YYYY-MM-DD) for every input\n"
    "  -m, --manifest FILE      TSV lines FILE<TAB>YYYY-MM-DD giving each document's DCT\n"
    "      --input-format F     auto (default), text, html, timeml, jsonl\n"
    "  -g, --gazetteers DIR     gazetteer directory (default: $EVENTLINE_GAZETTEERS,\n"
    "                           else the build tree's or the installation's,\n"
    "                           found from the program's location, else\n"
    "                           " EL_GAZETTEER_DIR ")\n"
    "      --gazetteer FILE     an extra entity gazetteer file (repeatable); lines\n"
    "                           NAME<TAB>TYPE<TAB>SUBTYPE<TAB>ALIAS|ALIAS<TAB>ID<TAB>FLAGS\n"
    "                           (TYPE PERSON, ORGANIZATION, LOCATION, PRODUCT, FINANCIAL,\n"
    "                           ...; EXCLUDE: never a name); see gazetteers/entities/README.md\n"
    "      --dot-entities       DOT/SVG: one lane (row) per participant\n"
    "      --max-events N       drawings (dot/svg/png, timelinejs, vis): the N\n"
    "                           events with most mentions\n"
    "      --since DATE, --until DATE\n"
    "                           drawings: only events overlapping the range\n"
    "      --title TEXT         TimelineJS: the title slide's headline (default: the\n"
    "                           main entities)\n"
    "      --group entity|none  TimelineJS: one group per actor (default: none)\n"
    "      --dot-undated        keep undated events that no relation places in the\n"
    "                           DOT/SVG graph (default: only dated events and the\n"
    "                           undated ones ordered against them)\n"
    "      --own-dates-only     keep only events the text itself dates (a time\n"
    "                           expression of their clause or sentence; not the\n"
    "                           report date): see each event's time.anchor\n"
    "      --pretty             indented JSON, for people (default: compact, one line)\n"
    "  -j, --jobs N             process documents on N threads (default 1; 0 = one\n"
    "                           per CPU); output is identical for every N\n"
    "      --max-doc-size N     largest document (file, JSONL record or extracted\n"
    "                           text) in bytes, suffix K, M or G (default 128M, at\n"
    "                           most 4G - 1); a larger one is reported and skipped\n"
    "      --db FILE            SQLite database for index and query\n"
    "      --entity NAME        query: the entity's record and mentions (with --events:\n"
    "                           its events in time order); extract: the drawings show\n"
    "                           only its events\n"
    "      --events             query: canonical events in timeline order\n"
    "      --between FROM TO    query: events whose time lies in [FROM, TO]; YYYY,\n"
    "                           YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM\n"
    "      --type TYPE          query: events of this type (meeting, visit, ...)\n"
    "      --cooccur NAME       query: entities taking part in events with NAME\n"
    "      --table NAME         query: only this table (entities, mentions, documents,\n"
    "                           events, event_mentions, cooccurring); CSV is always\n"
    "                           one table\n"
    "      --limit N            query: at most N rows per table (default 50; 0 = all)\n"
    "      --offset N           query: skip the first N rows\n"
    "      --rebuild-timeline   index: only rebuild the canonical events and timeline\n"
    "      --syntax             run the syntax stage (tagger, lemmatizer, parser;\n"
    "                           off by default: it costs speed); annotate -f conllu\n"
    "                           turns it on\n"
    "      --tokens             JSON: each document's words with lemma, UPOS, XPOS,\n"
    "                           head and relation (turns --syntax on)\n"
    "  -q, --quiet              no progress or summary on standard error\n"
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show the version and the gazetteer directory in use\n"
    "\n"
    "DCT precedence: --dct, then the manifest, then document metadata (HTML meta,\n"
    "TimeML DCT, JSONL \"dct\"), then a date line in the first lines (\"June 19,\n"
    "2023\"), then a wire dateline (\"CITY, Jan. 18, 2022 (AP) -\"); without one, a\n"
    "warning, and dates are left underspecified (e.g. XXXX-02) rather than guessed.\n"
    "\n"
    "'eventline COMMAND --help' lists the options of one command; man eventline\n"
    "documents them all.\n"
    "\n"
    "Exit status: 0 success; 1 some documents were skipped (each reported on\n"
    "standard error, the rest written); 2 usage or setup error; 3 nothing could\n"
    "be processed or written; 70 out of memory (the run stops).\n";

void el_cli_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "eventline: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'eventline --help'.\n");
    exit(EL_EXIT_USAGE);
}

static int parse_jobs(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || n < 0 || n > 1024)
        el_cli_usage_error("invalid --jobs '%s': expected a number 0..1024", s);
    return n == 0 ? el_cpu_count() : (int)n;
}

/* "--max-doc-size 64M": bytes, suffix K/M/G, 1 .. 4 GB - 1. */
static size_t parse_size(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    unsigned shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20
                     : *end == 'G' || *end == 'g' ? 30 : 0;
    if (shift)
        end++;
    if (*s < '0' || *s > '9' || *end != '\0' || errno || n == 0 || n > (EL_MAX_DOC_BYTES >> shift)
        || (n << shift) >= EL_MAX_DOC_BYTES)
        el_cli_usage_error("invalid --max-doc-size '%s': expected bytes (suffix K, M or G), "
                           "at most 4G - 1", s);
    return (size_t)(n << shift);
}

/* A date given on the command line: exactly YYYY-MM-DD (or YYYYMMDD), a
 * real day; nothing before or after it ("2023-06-19 junk",
 * "2023-06-19T99:99" are refused, where document metadata may carry a
 * time after the date). */
static bool strict_date(const char *s, el_date *d)
{
    size_t n = strlen(s);
    return (n == 10 || (n == 8 && strspn(s, "0123456789") == 8)) && !isspace((unsigned char)*s)
           && el_date_parse(s, d);
}

static void check_date_arg(const char *s, const char *what)
{
    el_date d;
    if (!strict_date(s, &d)) {
        char fmt[128];
        snprintf(fmt, sizeof fmt, "invalid %s '%%s': expected a date YYYY-MM-DD", what);
        el_cli_usage_error(fmt, s);
    }
}

/* A --between date: strictly YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
static void check_bound_arg(const char *s)
{
    int64_t m;
    if (!el_store_parse_bound(s, false, &m))
        el_cli_usage_error("invalid --between date '%s': expected YYYY, YYYY-MM, YYYY-MM-DD "
                           "or YYYY-MM-DDTHH:MM", s);
}

/* A non-negative row count (--limit, --offset). */
static long count_arg(const char *s, const char *what)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0 || v > 1000000000L) {
        char fmt[128];
        snprintf(fmt, sizeof fmt, "invalid %s '%%s': expected a number >= 0", what);
        el_cli_usage_error(fmt, s);
    }
    return v;
}

static size_t parse_count(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (errno || end == s || *end || *s == '-' || n == 0 || n > 1000000)
        el_cli_usage_error("invalid --max-events '%s': expected 1 to 1000000", s);
    return (size_t)n;
}

static el_progress *progress_new(const el_cli *o);

/* Refuse an option the command does not take (cli_help.c's table). */
static void check_scope(const el_cli *o, int c, const char *longname)
{
    static const struct { char c; const char *name; } shorts[] = {
        {'o', "output"}, {'f', "format"}, {'m', "manifest"}, {'g', "gazetteers"}, {'j', "jobs"},
    };
    const char *name = longname;
    for (size_t i = 0; !name && i < sizeof shorts / sizeof *shorts; i++)
        if (shorts[i].c == c)
            name = shorts[i].name;
    if (name && !el_cli_option_applies(o->cmd, name)) {
        fprintf(stderr, "eventline: option --%s does not apply to '%s'\n"
                "Try 'eventline %s --help'.\n", name, el_command_name(o->cmd),
                el_command_name(o->cmd));
        exit(EL_EXIT_USAGE);
    }
}

/* The version and the data directory the program would use. */
static void print_version(const el_cli *o)
{
    char *dir = el_resources_find_dir(o->gazetteer_dir);
    printf("eventline %s (library %s, API %d)\ngazetteers: %s\n", PACKAGE_VERSION,
           eventline_version(), eventline_api_version(), dir);
    free(dir);
}

void el_cli_parse(int argc, char **argv, el_cli *o)
{
    enum { OPT_DCT = 256, OPT_INPUT_FORMAT, OPT_GAZETTEER, OPT_DOT_ENTITIES, OPT_DOT_UNDATED, OPT_OWN_DATES, OPT_DB,
           OPT_ENTITY, OPT_BETWEEN, OPT_TYPE, OPT_COOCCUR, OPT_MAX_EVENTS, OPT_SINCE, OPT_UNTIL, OPT_TITLE, OPT_GROUP,
           OPT_EVENTS, OPT_TABLE, OPT_LIMIT, OPT_OFFSET, OPT_REBUILD,
           OPT_SYNTAX, OPT_MAX_DOC_SIZE, OPT_PRETTY, OPT_TOKENS };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"dct", required_argument, NULL, OPT_DCT},
        {"manifest", required_argument, NULL, 'm'},
        {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
        {"gazetteers", required_argument, NULL, 'g'},
        {"gazetteer", required_argument, NULL, OPT_GAZETTEER},
        {"dot-entities", no_argument, NULL, OPT_DOT_ENTITIES},
        {"dot-undated", no_argument, NULL, OPT_DOT_UNDATED},
        {"max-events", required_argument, NULL, OPT_MAX_EVENTS},
        {"since", required_argument, NULL, OPT_SINCE},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"title", required_argument, NULL, OPT_TITLE},
        {"group", required_argument, NULL, OPT_GROUP},
        {"own-dates-only", no_argument, NULL, OPT_OWN_DATES},
        {"pretty", no_argument, NULL, OPT_PRETTY},
        {"jobs", required_argument, NULL, 'j'},
        {"db", required_argument, NULL, OPT_DB},
        {"entity", required_argument, NULL, OPT_ENTITY},
        {"between", required_argument, NULL, OPT_BETWEEN},
        {"type", required_argument, NULL, OPT_TYPE},
        {"cooccur", required_argument, NULL, OPT_COOCCUR},
        {"events", no_argument, NULL, OPT_EVENTS},
        {"table", required_argument, NULL, OPT_TABLE},
        {"limit", required_argument, NULL, OPT_LIMIT},
        {"offset", required_argument, NULL, OPT_OFFSET},
        {"rebuild-timeline", no_argument, NULL, OPT_REBUILD},
        {"syntax", no_argument, NULL, OPT_SYNTAX},
        {"tokens", no_argument, NULL, OPT_TOKENS},
        {"max-doc-size", required_argument, NULL, OPT_MAX_DOC_SIZE},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c, idx = -1;
    optind = 1;
    o->q_limit = -1;
    if (!o->max_doc_size)
        o->max_doc_size = EL_DEFAULT_MAX_DOC_SIZE;
    while ((c = getopt_long(argc, argv, "o:f:m:g:j:qhV", longopts, &idx)) != -1) {
        check_scope(o, c, idx >= 0 ? longopts[idx].name : NULL);
        idx = -1;
        switch (c) {
        case 'o': o->outdir = optarg; break;
        case 'f': free(o->formats); o->formats = el_strdup(optarg); break;
        case 'm': o->manifest_path = optarg; break;
        case 'g': o->gazetteer_dir = optarg; break;
        case 'j': o->threads = parse_jobs(optarg); break;
        case 'q': o->quiet = true; break;
        case OPT_DCT:
            if (!strict_date(optarg, &o->dct))
                el_cli_usage_error("invalid --dct '%s': expected a date YYYY-MM-DD", optarg);
            o->have_dct = true;
            break;
        case OPT_INPUT_FORMAT:
            if (!el_input_format_parse(optarg, &o->input_format))
                el_cli_usage_error("unknown --input-format '%s'", optarg);
            break;
        case OPT_GAZETTEER:
            o->extra_gazetteers = el_realloc(o->extra_gazetteers,
                                             (o->nextra + 1) * sizeof(char *));
            o->extra_gazetteers[o->nextra++] = optarg;
            break;
        case OPT_DOT_ENTITIES: o->dot_entities = true; break;
        case OPT_DOT_UNDATED: o->dot_undated = true; break;
        case OPT_MAX_EVENTS: o->max_events = parse_count(optarg); break;
        case OPT_SINCE: check_date_arg(optarg, "--since date"); o->since = optarg; break;
        case OPT_UNTIL: check_date_arg(optarg, "--until date"); o->until = optarg; break;
        case OPT_TITLE: o->title = optarg; break;
        case OPT_GROUP:
            if (strcmp(optarg, "entity") != 0 && strcmp(optarg, "none") != 0)
                el_cli_usage_error("invalid --group '%s': expected entity or none", optarg);
            o->group_by_entity = strcmp(optarg, "entity") == 0;
            break;
        case OPT_SYNTAX: o->syntax = true; break;
        case OPT_TOKENS: o->tokens = o->syntax = true; break;
        case OPT_OWN_DATES: o->own_dates_only = true; break;
        case OPT_PRETTY: o->pretty = true; break;
        case OPT_DB: o->db = optarg; break;
        case OPT_MAX_DOC_SIZE: o->max_doc_size = parse_size(optarg); break;
        case OPT_ENTITY: o->q_entity = optarg; break;
        case OPT_TYPE: o->q_type = optarg; break;
        case OPT_COOCCUR: o->q_cooccur = optarg; break;
        case OPT_EVENTS: o->q_events = true; break;
        case OPT_TABLE: o->q_table = optarg; break;
        case OPT_LIMIT: o->q_limit = count_arg(optarg, "--limit"); break;
        case OPT_OFFSET: o->q_offset = count_arg(optarg, "--offset"); break;
        case OPT_REBUILD: o->rebuild_timeline = true; break;
        case OPT_BETWEEN:
            if (optind >= argc)
                el_cli_usage_error("--between needs two dates%s", "");
            o->q_from = optarg;
            o->q_to = argv[optind++];
            check_bound_arg(o->q_from);
            check_bound_arg(o->q_to);
            break;
        case 'h':
            if (o->cmd_given)
                el_cli_command_help(o->cmd, stdout);
            else
                fputs(usage_text, stdout);
            exit(0);
        case 'V': print_version(o); exit(0);
        default: fputs("Try 'eventline --help'.\n", stderr); exit(EL_EXIT_USAGE);
        }
    }
    o->files = argv + optind;
    o->nfiles = argc - optind;
    o->started = (long)time(NULL);
    o->progress = progress_new(o);
}

void el_cli_free(el_cli *o)
{
    el_manifest_free(o->manifest);
    free(o->formats);
    free(o->extra_gazetteers);
    free(o->progress);
}

bool el_cli_load(el_cli *o, el_resources **res)
{
    char *err = NULL;
    if (o->manifest_path && !(o->manifest = el_manifest_load(o->manifest_path, &err))) {
        fprintf(stderr, "eventline: %s\n", err);
        free(err);
        return false;
    }
    if (!res)
        return true;
    char *dir = el_resources_find_dir(o->gazetteer_dir);
    *res = el_resources_load(dir, o->extra_gazetteers, o->nextra, &err);
    free(dir);
    if (*res && o->syntax && !el_resources_load_syntax(*res, &err)) {
        el_resources_free(*res);
        *res = NULL;
    }
    o->syntax_model = *res ? (*res)->syntax : NULL;
    if (!*res) {
        fprintf(stderr, "eventline: %s\n", err);
        free(err);
        return false;
    }
    return true;
}

void el_cli_formats(el_cli *o, const char *dflt, bool (*known)(const char *))
{
    if (!o->formats)
        o->formats = el_strdup(dflt);
    char *save = NULL;
    o->nfmts = 0;
    for (char *f = strtok_r(o->formats, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        if (!known(f))
            el_cli_usage_error("unknown --format '%s' for this command", f);
        if (o->nfmts == sizeof o->fmts / sizeof *o->fmts)
            el_cli_usage_error("too many formats in --format%s", "");
        o->fmts[o->nfmts++] = f;
    }
    if (o->nfmts == 0)
        el_cli_usage_error("--format needs at least one format%s", "");
    if (o->nfmts > 1 && strcmp(o->outdir, "-") == 0)
        el_cli_usage_error("-o - writes one format to standard output; got several%s", "");
}

/* ---- progress ----------------------------------------------------------- */

struct el_progress {
    double t0, last;             /* monotonic seconds: start, last drawn */
    size_t total, bytes;         /* input bytes: all (0 = unknown), read */
    bool drawn;
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* On a terminal only, and not with -q. */
static el_progress *progress_new(const el_cli *o)
{
    if (o->quiet || !isatty(STDERR_FILENO))
        return NULL;
    el_progress *p = el_calloc(1, sizeof *p);
    p->t0 = p->last = now_seconds();
    for (int i = 0; i < o->nfiles; i++) {
        struct stat sb;
        if (strcmp(o->files[i], "-") == 0 || stat(o->files[i], &sb) != 0) {
            p->total = 0;  /* standard input: no end known, no ETA */
            break;
        }
        p->total += (size_t)sb.st_size;
    }
    return p;
}

/* "1,234 documents, 12.3 of 45.6 MB, 20.1 MB/s, 0:02 left", in place. */
void el_cli_progress(const el_cli *o, size_t ndocs)
{
    el_progress *p = o->progress;
    if (!p)
        return;
    double t = now_seconds();
    if (t - p->last < 0.2)
        return;
    p->last = t;
    p->drawn = true;
    double mb = (double)p->bytes / 1e6, rate = mb / (t - p->t0 > 1e-6 ? t - p->t0 : 1e-6);
    fprintf(stderr, "\reventline: %zu document%s, %.1f", ndocs, ndocs == 1 ? "" : "s", mb);
    if (p->total)
        fprintf(stderr, " of %.1f", (double)p->total / 1e6);
    fprintf(stderr, " MB, %.1f MB/s", rate);
    if (p->total && rate > 0 && p->total > p->bytes) {
        long left = (long)(((double)(p->total - p->bytes) / 1e6) / rate + 0.5);
        fprintf(stderr, ", %ld:%02ld left", left / 60, left % 60);
    }
    fputs("\033[K", stderr);
    fflush(stderr);
}

void el_cli_progress_end(const el_cli *o)
{
    if (o->progress && o->progress->drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        o->progress->drawn = false;
    }
}

/* s on stderr with control characters (terminal escape sequences in a
 * file name or id) shown as '?'. */
static void put_printable(const char *s)
{
    for (; *s; s++)
        fputc((unsigned char)*s < 0x20 || *s == 0x7F ? '?' : *s, stderr);
}

void el_cli_warn_undated(const el_cli *o, el_doc *const *docs, size_t n)
{
    for (size_t i = 0; i < n && !o->quiet; i++)
        if (docs[i]->dct_source == EL_DCT_NONE) {
            fputs("eventline: ", stderr);
            put_printable(docs[i]->path ? docs[i]->path : docs[i]->id);
            fputs(": warning: no document date (no --dct, manifest row, metadata, date line "
                  "or dateline with a year); relative dates stay underspecified\n", stderr);
        }
}

void el_cli_run_batch(const el_cli *o, el_doc **docs, size_t n, const el_resources *res)
{
    el_pipeline_run_all(docs, n, res, o->threads);
    el_cli_warn_undated(o, docs, n);
}

size_t el_cli_batch_size(const el_cli *o, size_t per_thread)
{
    return (size_t)(o->threads > 1 ? o->threads : 1) * per_thread;
}

void el_cli_report(const char *where, const char *what)
{
    fputs("eventline: ", stderr);
    put_printable(where);
    fputs(": ", stderr);
    put_printable(what);
    fputc('\n', stderr);
}

/* ---- reading ------------------------------------------------------------ */

static void apply_dct(el_doc *d, const el_cli *o)
{
    el_date dct;
    if (o->have_dct) {
        d->dct = o->dct;
        d->dct_source = EL_DCT_OPTION;
    } else if (o->manifest && (el_manifest_dct(o->manifest, d->path, &dct)
                               || el_manifest_dct(o->manifest, d->id, &dct))) {
        d->dct = dct;
        d->dct_source = EL_DCT_MANIFEST;
    }
}

static void read_jsonl_stream(FILE *fp, const char *name, const el_cli *o, el_run_stats *st,
                              el_doc_sink sink, void *ctx)
{
    el_jsonl_reader *r = el_jsonl_open(fp, name);
    el_jsonl_set_max(r, o->max_doc_size);
    el_doc *doc;
    char *err = NULL;
    size_t lineno = 0;
    int rc;
    while ((rc = el_jsonl_next(r, &doc, &err, &lineno)) != 0) {
        if (rc < 0) {
            char where[4200];
            snprintf(where, sizeof where, "%s:%zu", name, lineno);
            el_cli_report(where, err ? err : "bad record");
            free(err);
            err = NULL;
            st->failed++;
            continue;
        }
        apply_dct(doc, o);
        if (o->progress)
            o->progress->bytes += doc->len;
        sink(doc, ctx);
        st->ok++;
    }
    el_jsonl_close(r);
}

static el_doc *read_one(const char *path, const char *name, const char *data, size_t len,
                        el_input_format fmt, char **err)
{
    char *id = el_doc_id_from_path(path);
    el_doc *doc = fmt == EL_IN_HTML     ? el_read_html(id, name, data, len, err)
                  : fmt == EL_IN_TIMEML ? el_read_timeml(id, name, data, len, err)
                                        : el_read_text(id, name, data, len, err);
    free(id);
    return doc;
}

/* Standard input starting with '{' is JSON Lines, read as a stream rather
 * than slurped (one character of look-ahead, pushed back). */
static bool stdin_looks_like_jsonl(void)
{
    int c = getc(stdin);
    if (c == EOF)
        return false;
    ungetc(c, stdin);
    return c == '{';
}

static void read_input(const char *path, const el_cli *o, el_run_stats *st, el_doc_sink sink,
                       void *ctx)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    el_input_format fmt = o->input_format;
    if (fmt == EL_IN_AUTO && is_stdin && stdin_looks_like_jsonl())
        fmt = EL_IN_JSONL;
    if (fmt == EL_IN_JSONL || (fmt == EL_IN_AUTO && !is_stdin
                               && el_input_format_guess(path, "", 0) == EL_IN_JSONL)) {
        const char *why = NULL;
        FILE *fp = is_stdin ? stdin : el_fopen_read(path, &why);
        struct stat sb;
        if (!fp || (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode))) {
            el_cli_report(name, !fp ? why : "is a directory");
            if (fp && !is_stdin)
                fclose(fp);
            st->failed++;
            return;
        }
        read_jsonl_stream(fp, name, o, st, sink, ctx);
        if (!is_stdin)
            fclose(fp);
        return;
    }
    size_t len = 0;
    const char *why = NULL;
    char *data = is_stdin ? el_read_stream_max(stdin, o->max_doc_size, 0, &len, &why)
                          : el_read_file_max(path, o->max_doc_size, &len, &why);
    if (!data) {
        char msg[160];
        if (why == el_err_too_large)
            snprintf(msg, sizeof msg, "larger than the document size limit (--max-doc-size, "
                     "%zu bytes)", o->max_doc_size);
        el_cli_report(name, why == el_err_too_large ? msg : why);
        st->failed++;
        return;
    }
    if (fmt == EL_IN_AUTO)
        fmt = el_input_format_guess(is_stdin ? NULL : path, data, len);
    if (fmt == EL_IN_JSONL) {
        FILE *fp = fmemopen(data, len ? len : 1, "rb");
        if (fp) {
            read_jsonl_stream(fp, name, o, st, sink, ctx);
            fclose(fp);
        }
        free(data);
        return;
    }
    char *err = NULL;
    el_doc *doc = read_one(is_stdin ? "stdin" : path, name, data, len, fmt, &err);
    free(data);
    if (doc && doc->len > o->max_doc_size) {
        err = el_strdupf("text larger than the document size limit (--max-doc-size, %zu bytes)",
                         o->max_doc_size);
        el_doc_free(doc);
        doc = NULL;
    }
    if (!doc) {
        el_cli_report(name, err ? err : "could not be read");
        free(err);
        st->failed++;
        return;
    }
    apply_dct(doc, o);
    if (o->progress)
        o->progress->bytes += len;
    sink(doc, ctx);
    st->ok++;
}

void el_cli_read_inputs(const el_cli *o, el_run_stats *st, el_doc_sink sink, void *ctx)
{
    for (int i = 0; i < o->nfiles; i++)
        read_input(o->files[i], o, st, sink, ctx);
    el_cli_progress_end(o);
}

/* ---- writing ------------------------------------------------------------ */

/* Remove the NAME.tmpPID files that runs which were killed left in dir
 * (el_cli_write writes there, then renames): those whose process is gone. */
static void remove_stale_tmp(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *de; (de = readdir(d));) {
        const char *t = strstr(de->d_name, ".tmp");
        for (const char *n; t; t = strstr(t + 1, ".tmp")) {
            for (n = t + 4; *n >= '0' && *n <= '9'; n++)
                ;
            if (*n || n == t + 4)
                continue;
            long pid = strtol(t + 4, NULL, 10);
            if (pid > 0 && pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH) {
                char path[4200];
                snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
                remove(path);
            }
            break;
        }
    }
    closedir(d);
}

bool el_cli_ensure_outdir(const el_cli *o)
{
    struct stat st;
    if (strcmp(o->outdir, "-") == 0)
        return true;
    if (stat(o->outdir, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            remove_stale_tmp(o->outdir);
            return true;
        }
        el_cli_report(o->outdir, "output path exists and is not a directory");
        return false;
    }
    if (mkdir(o->outdir, 0777) != 0) {
        fprintf(stderr, "eventline: %s: cannot create output directory: %s\n", o->outdir,
                strerror(errno));
        return false;
    }
    return true;
}

int el_cli_write_file(const el_cli *o, const char *file, el_writer fn, const void *obj,
                      const char *fmt)
{
    if (strcmp(o->outdir, "-") == 0) {
        int rc = fn(obj, o, fmt, stdout);
        if (fflush(stdout) != 0)
            rc = -1;
        return rc == 0 ? EL_WRITE_OK : rc == 1 ? EL_WRITE_EMPTY : EL_WRITE_FAILED;
    }
    char path[4096], tmp[4200];
    snprintf(path, sizeof path, "%s/%s", o->outdir, file);
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        fprintf(stderr, "eventline: %s: cannot write: %s\n", tmp, strerror(errno));
        return EL_WRITE_FAILED;
    }
    int rc = fn(obj, o, fmt, fp);
    if (fclose(fp) != 0)
        rc = -1;
    if (rc == 1) {   /* nothing to show, said by the writer: no file, not even an old one */
        remove(tmp);
        remove(path);
        return EL_WRITE_EMPTY;
    }
    if (rc != 0 || rename(tmp, path) != 0) {
        el_cli_report(path, "could not be written");
        remove(tmp);
        return EL_WRITE_FAILED;
    }
    return EL_WRITE_OK;
}

bool el_cli_write(const el_cli *o, const char *file, el_writer fn, const void *obj,
                  const char *fmt)
{
    return el_cli_write_file(o, file, fn, obj, fmt) == EL_WRITE_OK;
}

int el_cli_status(const el_run_stats *st, int write)
{
    if (write == EL_WRITE_FAILED || st->ok == 0)
        return EL_EXIT_NOTHING;
    return st->failed || write == EL_WRITE_EMPTY ? EL_EXIT_PARTIAL : EL_EXIT_OK;
}

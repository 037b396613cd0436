/* main.c - the eventline command line: read documents, run the pipeline,
 * link the corpus, and write the requested exports.
 *
 *   eventline [extract] [OPTIONS] FILE...     corpus timeline (JSON, DOT, SVG, ...)
 *   eventline annotate [OPTIONS] FILE...      per-document TimeML or JSON
 *   eventline entities [OPTIONS] FILE...      the entity index as a table or JSON */
#include "config.h"
#include "corpus.h"
#include "export.h"
#include "pipeline.h"
#include "reader.h"
#include "resources.h"
#include "timeline.h"
#include "util.h"
#include "buf.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_NOTHING = 3 };

typedef enum command { CMD_EXTRACT, CMD_ANNOTATE, CMD_ENTITIES } command;

typedef struct options {
    command cmd;
    const char *outdir;
    char *formats;              /* comma-separated */
    el_date dct;
    bool have_dct;
    const char *manifest;
    el_input_format input_format;
    const char *gazetteer_dir;
    char **extra_gazetteers;
    size_t nextra;
    bool dot_entities;
    bool quiet;
} options;

typedef struct run_stats {
    size_t ok, failed;
} run_stats;

static const char usage_text[] =
    "Usage: eventline [extract] [OPTIONS] FILE...\n"
    "       eventline annotate [OPTIONS] FILE...\n"
    "       eventline entities [OPTIONS] FILE...\n"
    "\n"
    "Reads English news articles and writes who, what and when: named entities,\n"
    "normalized time expressions (TIMEX3), events, and one timeline across all\n"
    "the documents given.  FILE may be plain UTF-8 text, HTML, TimeML or JSON Lines\n"
    "({\"id\",\"text\",\"dct\"} per line); '-' reads standard input.\n"
    "\n"
    "Commands:\n"
    "  extract     (default) write the corpus timeline into the output directory\n"
    "  annotate    write one annotated file per document (TimeML or JSON)\n"
    "  entities    print the entity index (table, or JSON with --format json)\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR         output directory (default: output); '-' = standard\n"
    "                           output (one format only)\n"
    "  -f, --format LIST        comma-separated outputs.  extract: json, dot, svg, png,\n"
    "                           pdf, tsv, csv, timelinejs (default: json,dot,svg);\n"
    "                           annotate: timeml or json (default: timeml);\n"
    "                           entities: table or json (default: table)\n"
    "      --dct DATE           document creation time (YYYY-MM-DD) for every input\n"
    "  -m, --manifest FILE      TSV lines FILE<TAB>YYYY-MM-DD giving each document's DCT\n"
    "      --input-format F     auto (default), text, html, timeml, jsonl\n"
    "  -g, --gazetteers DIR     gazetteer directory (default: $EVENTLINE_GAZETTEERS,\n"
    "                           else " EL_GAZETTEER_DIR ")\n"
    "      --gazetteer FILE     an extra entity gazetteer file (repeatable)\n"
    "      --dot-entities       add entity nodes to the DOT/SVG graph\n"
    "  -q, --quiet              no progress or summary on standard error\n"
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show the version and exit\n"
    "\n"
    "DCT precedence: --dct, then the manifest, then document metadata (HTML meta,\n"
    "TimeML DCT), then a date line in the text; without one, dates are left\n"
    "underspecified (e.g. XXXX-02) rather than guessed.\n"
    "\n"
    "Exit status: 0 success; 1 some documents were skipped (each reported on\n"
    "standard error, the rest written); 2 usage or setup error; 3 no document could\n"
    "be processed.\n";

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "eventline: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'eventline --help'.\n");
    exit(EXIT_USAGE);
}

static void parse_options(int argc, char **argv, options *o)
{
    enum { OPT_DCT = 256, OPT_INPUT_FORMAT, OPT_GAZETTEER, OPT_DOT_ENTITIES };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"dct", required_argument, NULL, OPT_DCT},
        {"manifest", required_argument, NULL, 'm'},
        {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
        {"gazetteers", required_argument, NULL, 'g'},
        {"gazetteer", required_argument, NULL, OPT_GAZETTEER},
        {"dot-entities", no_argument, NULL, OPT_DOT_ENTITIES},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "o:f:m:g:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->outdir = optarg; break;
        case 'f': free(o->formats); o->formats = el_strdup(optarg); break;
        case 'm': o->manifest = optarg; break;
        case 'g': o->gazetteer_dir = optarg; break;
        case 'q': o->quiet = true; break;
        case OPT_DCT:
            if (!el_date_parse(optarg, &o->dct))
                usage_error("invalid --dct '%s': expected a date YYYY-MM-DD", optarg);
            o->have_dct = true;
            break;
        case OPT_INPUT_FORMAT:
            if (!el_input_format_parse(optarg, &o->input_format))
                usage_error("unknown --input-format '%s'", optarg);
            break;
        case OPT_GAZETTEER:
            o->extra_gazetteers = el_realloc(o->extra_gazetteers,
                                             (o->nextra + 1) * sizeof(char *));
            o->extra_gazetteers[o->nextra++] = optarg;
            break;
        case OPT_DOT_ENTITIES: o->dot_entities = true; break;
        case 'h': fputs(usage_text, stdout); exit(0);
        case 'V': printf("eventline %s\n", PACKAGE_VERSION); exit(0);
        default: fputs("Try 'eventline --help'.\n", stderr); exit(EXIT_USAGE);
        }
    }
}

/* ---- reading ---------------------------------------------------------- */

static char *read_stream(FILE *fp, size_t *len)
{
    el_buf b = EL_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        el_buf_put(&b, chunk, n);
    return el_buf_detach(&b, len);
}

static void apply_dct(el_doc *d, const options *o, const el_manifest *m)
{
    el_date dct;
    if (o->have_dct) {
        d->dct = o->dct;
        d->dct_source = EL_DCT_OPTION;
    } else if (m && (el_manifest_dct(m, d->path, &dct) || el_manifest_dct(m, d->id, &dct))) {
        d->dct = dct;
        d->dct_source = EL_DCT_MANIFEST;
    }
}

static void report(const char *path, const char *msg)
{
    fprintf(stderr, "eventline: %s: %s\n", path, msg);
}

typedef void (*doc_sink)(el_doc *doc, void *ctx);

static void read_jsonl_stream(FILE *fp, const char *path, const options *o,
                              const el_manifest *m, run_stats *st, doc_sink sink, void *ctx)
{
    el_jsonl_reader *r = el_jsonl_open(fp, path);
    el_doc *doc;
    char *err = NULL;
    size_t lineno = 0;
    int rc;
    while ((rc = el_jsonl_next(r, &doc, &err, &lineno)) != 0) {
        if (rc < 0) {
            fprintf(stderr, "eventline: %s:%zu: %s\n", path, lineno, err);
            free(err);
            err = NULL;
            st->failed++;
            continue;
        }
        apply_dct(doc, o, m);
        sink(doc, ctx);
        st->ok++;
    }
    el_jsonl_close(r);
}

static void read_input(const char *path, const options *o, const el_manifest *m,
                       run_stats *st, doc_sink sink, void *ctx)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    el_input_format fmt = o->input_format;
    if (fmt == EL_IN_JSONL || (fmt == EL_IN_AUTO && el_input_format_guess(path, "", 0) == EL_IN_JSONL)) {
        FILE *fp = is_stdin ? stdin : fopen(path, "rb");
        if (!fp) {
            report(name, errno == ENOENT ? "no such file" : strerror(errno));
            st->failed++;
            return;
        }
        read_jsonl_stream(fp, name, o, m, st, sink, ctx);
        if (!is_stdin)
            fclose(fp);
        return;
    }
    size_t len = 0;
    const char *why = NULL;
    char *data = is_stdin ? read_stream(stdin, &len) : el_read_file(path, &len, &why);
    if (!data) {
        report(name, why);
        st->failed++;
        return;
    }
    if (fmt == EL_IN_AUTO)
        fmt = el_input_format_guess(is_stdin ? NULL : path, data, len);
    if (fmt == EL_IN_JSONL) {
        FILE *fp = fmemopen(data, len ? len : 1, "rb");
        if (fp) {
            read_jsonl_stream(fp, name, o, m, st, sink, ctx);
            fclose(fp);
        }
        free(data);
        return;
    }
    char *id = el_doc_id_from_path(is_stdin ? "stdin" : path);
    char *err = NULL;
    el_doc *doc = fmt == EL_IN_HTML     ? el_read_html(id, name, data, len, &err)
                  : fmt == EL_IN_TIMEML ? el_read_timeml(id, name, data, len, &err)
                                        : el_read_text(id, name, data, len, &err);
    free(id);
    free(data);
    if (!doc) {
        report(name, err ? err : "could not be read");
        free(err);
        st->failed++;
        return;
    }
    apply_dct(doc, o, m);
    sink(doc, ctx);
    st->ok++;
}

/* ---- writing ---------------------------------------------------------- */

static bool ensure_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return true;
        fprintf(stderr, "eventline: %s: output path exists and is not a directory\n", dir);
        return false;
    }
    if (mkdir(dir, 0777) != 0) {
        fprintf(stderr, "eventline: %s: cannot create output directory: %s\n", dir,
                strerror(errno));
        return false;
    }
    return true;
}

typedef int (*writer_fn)(const void *obj, const options *o, const char *fmt, FILE *out);

/* Write via a temporary file and rename, so a failed run never leaves a
 * truncated output behind. */
static bool write_output(const options *o, const char *file, writer_fn fn, const void *obj,
                         const char *fmt)
{
    if (strcmp(o->outdir, "-") == 0) {
        int rc = fn(obj, o, fmt, stdout);
        fflush(stdout);
        return rc == 0;
    }
    char path[4096], tmp[4200];
    snprintf(path, sizeof path, "%s/%s", o->outdir, file);
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        fprintf(stderr, "eventline: %s: cannot write: %s\n", tmp, strerror(errno));
        return false;
    }
    int rc = fn(obj, o, fmt, fp);
    if (fclose(fp) != 0)
        rc = -1;
    if (rc != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "eventline: %s: could not be written\n", path);
        remove(tmp);
        return false;
    }
    return true;
}

static int write_corpus_format(const void *obj, const options *o, const char *fmt, FILE *out)
{
    const el_corpus *c = obj;
    if (strcmp(fmt, "json") == 0)
        return el_export_json_file(c, out);
    if (strcmp(fmt, "tsv") == 0)
        return el_export_table(c, '\t', out);
    if (strcmp(fmt, "csv") == 0)
        return el_export_table(c, ',', out);
    if (strcmp(fmt, "timelinejs") == 0)
        return el_export_timelinejs(c, out);
    el_dot_options dopt = {o->dot_entities};
    return el_export_dot(c, &dopt, fmt, out);
}

static const char *corpus_file_name(const char *fmt)
{
    static const struct { const char *fmt, *file; } names[] = {
        {"json", "timeline.json"}, {"dot", "timeline.dot"}, {"svg", "timeline.svg"},
        {"png", "timeline.png"}, {"pdf", "timeline.pdf"}, {"tsv", "events.tsv"},
        {"csv", "events.csv"}, {"timelinejs", "timelinejs.json"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(fmt, names[i].fmt) == 0)
            return names[i].file;
    return NULL;
}

/* Split o->formats and check each name with `known`; exits on error. */
static size_t split_formats(const options *o, char **list, size_t max,
                            bool (*known)(const char *))
{
    size_t n = 0;
    char *save = NULL;
    for (char *f = strtok_r(o->formats, ",", &save); f && n < max; f = strtok_r(NULL, ",", &save)) {
        if (!known(f))
            usage_error("unknown --format '%s' for this command", f);
        list[n++] = f;
    }
    if (n == 0)
        usage_error("--format needs at least one format%s", "");
    if (n > 1 && strcmp(o->outdir, "-") == 0)
        usage_error("-o - writes one format to standard output; got '%s'", o->formats);
    return n;
}

static bool known_corpus_format(const char *f)
{
    return corpus_file_name(f) != NULL;
}

static bool known_annotate_format(const char *f)
{
    return strcmp(f, "timeml") == 0 || strcmp(f, "json") == 0;
}

static bool known_entities_format(const char *f)
{
    return strcmp(f, "table") == 0 || strcmp(f, "json") == 0;
}

/* ---- commands --------------------------------------------------------- */

typedef struct collect_ctx {
    el_corpus *corpus;
    const el_resources *res;
    const options *o;
    size_t seen;
    time_t started;
} collect_ctx;

static void progress(collect_ctx *cx)
{
    cx->seen++;
    if (!cx->o->quiet && cx->seen % 1000 == 0)
        fprintf(stderr, "eventline: %zu documents read (%lds)\n", cx->seen,
                (long)(time(NULL) - cx->started));
}

static void collect_doc(el_doc *doc, void *ctx)
{
    collect_ctx *cx = ctx;
    el_pipeline_run(doc, cx->res);
    el_corpus_add(cx->corpus, doc);
    progress(cx);
}

static int write_annotated(const void *obj, const options *o, const char *fmt, FILE *out)
{
    const el_doc *doc = obj;
    if (strcmp(fmt, "timeml") == 0)
        return el_export_timeml(doc, out);
    el_corpus *one = el_corpus_new();
    el_corpus_add(one, (el_doc *)doc);
    el_corpus_link_entities(one);
    int rc = el_export_json_file(one, out);
    one->ndocs = 0;  /* the document stays with the caller */
    el_corpus_free(one);
    return rc;
}

typedef struct annotate_ctx {
    collect_ctx base;
    char *fmt;
    size_t written, failed;
} annotate_ctx;

static void annotate_doc(el_doc *doc, void *ctx)
{
    annotate_ctx *ax = ctx;
    el_pipeline_run(doc, ax->base.res);
    char file[1024];
    snprintf(file, sizeof file, "%s.%s", doc->id, strcmp(ax->fmt, "timeml") == 0 ? "tml" : "json");
    if (write_output(ax->base.o, file, write_annotated, doc, ax->fmt))
        ax->written++;
    else
        ax->failed++;
    el_doc_free(doc);
    progress(&ax->base);
}

static void print_entities_table(const el_corpus *c, FILE *out)
{
    fprintf(out, "%-6s %-13s %-32s %8s %5s  %s\n", "ID", "TYPE", "NAME", "MENTIONS", "DOCS",
            "ALIASES / ROLES");
    for (size_t i = 0; i < c->nentities; i++) {
        const el_entity *e = &c->entities[i];
        fprintf(out, "%-6s %-13s %-32s %8zu %5zu  ", e->id, el_ent_type_name(e->type), e->name,
                e->nmentions, e->ndocs);
        for (size_t k = 0; k < e->naliases; k++)
            fprintf(out, "%s%s", k ? "; " : "", e->aliases[k]);
        for (size_t k = 0; k < e->nroles; k++)
            fprintf(out, "%s%s", k || e->naliases ? "; " : "", e->roles[k]);
        fputc('\n', out);
    }
}

static int write_entities(const void *obj, const options *o, const char *fmt, FILE *out)
{
    const el_corpus *c = obj;
    if (strcmp(fmt, "table") == 0) {
        print_entities_table(c, out);
        return 0;
    }
    json_t *root = el_export_json(c);
    int rc = json_dumpf(json_object_get(root, "entities"), out, JSON_INDENT(1));
    fputc('\n', out);
    json_decref(root);
    return rc;
}

int main(int argc, char **argv)
{
    options o = {0};
    o.outdir = "output";
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "extract") == 0)
        first = 2;
    else if (argc > 1 && strcmp(argv[1], "annotate") == 0) {
        o.cmd = CMD_ANNOTATE;
        first = 2;
    } else if (argc > 1 && strcmp(argv[1], "entities") == 0) {
        o.cmd = CMD_ENTITIES;
        o.outdir = "-";
        first = 2;
    }
    argv[first - 1] = argv[0];
    parse_options(argc - first + 1, argv + first - 1, &o);
    int nfiles = argc - first + 1 - optind;
    char **files = argv + first - 1 + optind;
    if (nfiles <= 0)
        usage_error("no input files%s", "");
    if (!o.formats)
        o.formats = el_strdup(o.cmd == CMD_ANNOTATE ? "timeml"
                              : o.cmd == CMD_ENTITIES ? "table" : "json,dot,svg");
    char *fmts[16];
    size_t nfmts = split_formats(&o, fmts, 16,
                                 o.cmd == CMD_ANNOTATE ? known_annotate_format
                                 : o.cmd == CMD_ENTITIES ? known_entities_format
                                                         : known_corpus_format);
    el_manifest *manifest = NULL;
    char *err = NULL;
    if (o.manifest && !(manifest = el_manifest_load(o.manifest, &err))) {
        fprintf(stderr, "eventline: %s\n", err);
        return EXIT_USAGE;
    }
    el_resources *res = el_resources_load(el_resources_default_dir(o.gazetteer_dir),
                                          o.extra_gazetteers, o.nextra, &err);
    if (!res) {
        fprintf(stderr, "eventline: %s\n", err);
        free(err);
        el_manifest_free(manifest);
        free(o.formats);
        free(o.extra_gazetteers);
        return EXIT_USAGE;
    }
    if (strcmp(o.outdir, "-") != 0 && !ensure_dir(o.outdir))
        return EXIT_USAGE;

    run_stats st = {0, 0};
    bool write_failed = false;
    el_corpus *corpus = el_corpus_new();
    time_t started = time(NULL);
    if (o.cmd == CMD_ANNOTATE) {
        annotate_ctx ax = {{corpus, res, &o, 0, started}, fmts[0], 0, 0};
        for (int i = 0; i < nfiles; i++)
            read_input(files[i], &o, manifest, &st, annotate_doc, &ax);
        write_failed = ax.failed > 0;
    } else {
        collect_ctx cx = {corpus, res, &o, 0, started};
        for (int i = 0; i < nfiles; i++)
            read_input(files[i], &o, manifest, &st, collect_doc, &cx);
        if (st.ok > 0 || st.failed == 0) {
            el_corpus_link_entities(corpus);
            el_timeline_build(corpus);
            for (size_t f = 0; f < nfmts; f++) {
                bool ok = o.cmd == CMD_ENTITIES
                              ? write_output(&o, "entities", write_entities, corpus, fmts[f])
                              : write_output(&o, corpus_file_name(fmts[f]), write_corpus_format,
                                             corpus, fmts[f]);
                write_failed |= !ok;
            }
        }
    }
    if (!o.quiet && o.cmd == CMD_EXTRACT)
        fprintf(stderr,
                "eventline: %zu document%s processed, %zu skipped; %zu entities, %zu events -> %s\n",
                st.ok, st.ok == 1 ? "" : "s", st.failed, corpus->nentities, corpus->nevents,
                o.outdir);
    el_corpus_free(corpus);
    el_resources_free(res);
    el_manifest_free(manifest);
    free(o.formats);
    free(o.extra_gazetteers);
    if (write_failed)
        return EXIT_NOTHING;
    if (st.ok == 0)
        return EXIT_NOTHING;
    return st.failed ? EXIT_PARTIAL : 0;
}

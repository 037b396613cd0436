/* cli.h - what every eventline command shares: options, reading inputs
 * (files, stdin, JSON Lines) with the DCT rules, writing outputs safely,
 * and the exit codes. */
#ifndef EL_CLI_H
#define EL_CLI_H

#include <stdio.h>
#include "model/doc.h"
#include "read/reader.h"
#include "stages/resources.h"

enum { EL_EXIT_OK = 0, EL_EXIT_PARTIAL = 1, EL_EXIT_USAGE = 2, EL_EXIT_NOTHING = 3 };
/* (out of memory ends the run with 70, util.c) */

/* Default --max-doc-size: the largest input document (file, record, or the
 * text a reader extracts) in bytes.  Offsets are 32-bit: at most 4 GB - 1. */
#define EL_DEFAULT_MAX_DOC_SIZE ((size_t)128 << 20)

typedef enum el_command {
    EL_CMD_EXTRACT, EL_CMD_ANNOTATE, EL_CMD_ENTITIES, EL_CMD_MERGE, EL_CMD_INDEX, EL_CMD_QUERY,
    EL_CMD_TIMELINE
} el_command;

typedef struct el_cli {
    el_command cmd;
    bool cmd_given;              /* the command word was on the command line */
    const char *outdir;          /* "-" = standard output */
    char *formats;               /* comma-separated, owned */
    el_date dct;
    bool have_dct;
    const char *manifest_path;
    el_manifest *manifest;
    el_input_format input_format;
    const char *gazetteer_dir;
    char **extra_gazetteers; size_t nextra;
    bool dot_entities;
    bool dot_undated;
    size_t max_events;           /* drawings: the N most-mentioned events */
    const char *since, *until;   /* drawings: a date range */
    const char *title;           /* TimelineJS title slide */
    bool group_by_entity;        /* TimelineJS group = the event's actor */
    bool own_dates_only;   /* only events with a date of their own (anchor timex/sentence) */
    bool pretty;                 /* --pretty: indented JSON */
    bool quiet;
    bool syntax;                 /* --syntax (or -f conllu): run the syntax stage */
    bool tokens;                 /* --tokens: per-word analysis in the JSON (implies syntax) */
    const struct el_syntax *syntax_model;  /* the loaded model (el_cli_load), or NULL */
    int threads;
    size_t max_doc_size;         /* --max-doc-size, bytes */
    const char *db;              /* index / query */
    const char *q_entity, *q_type, *q_cooccur, *q_from, *q_to;
    bool q_events, rebuild_timeline;   /* query --events, index --rebuild-timeline */
    const char *q_table;
    long q_limit, q_offset;            /* q_limit -1 = default */
    char **files; int nfiles;
    char *fmts[16]; size_t nfmts;  /* after el_cli_formats: pointers into formats */
    long started;                  /* time(NULL) at start */
    struct el_progress *progress;  /* the progress line's state; NULL = off */
} el_cli;

typedef struct el_run_stats {
    size_t ok, failed;
} el_run_stats;

/* Parse argv (after the command word) into o; exits on --help, --version
 * and usage errors. */
void el_cli_parse(int argc, char **argv, el_cli *o);
void el_cli_free(el_cli *o);
/* cli_help.c: whether a command takes the long option `name`, the
 * command's name, and its --help text. */
bool el_cli_option_applies(el_command cmd, const char *name);
const char *el_command_name(el_command cmd);
void el_cli_command_help(el_command cmd, FILE *out);

/* Print "eventline: MSG ARG" and the --help hint, exit 2. */
void el_cli_usage_error(const char *fmt, const char *arg) __attribute__((noreturn));

/* Load the manifest and the resources named by the options; on failure
 * print the error and return false. */
bool el_cli_load(el_cli *o, el_resources **res);

/* Split o->formats (default `dflt` when not given) into o->fmts, checking
 * each with `known`; exits on a bad name or several formats with -o -. */
void el_cli_formats(el_cli *o, const char *dflt, bool (*known)(const char *));

/* Read every input file, calling sink(doc) for each document read (the
 * sink owns it).  Errors are reported (one line each) and counted. */
typedef void (*el_doc_sink)(el_doc *doc, void *ctx);
void el_cli_read_inputs(const el_cli *o, el_run_stats *st, el_doc_sink sink, void *ctx);

/* The progress line: documents done, MB read, MB/s and the time left,
 * redrawn in place at most five times a second, only when standard error
 * is a terminal and not with -q (cli.c); _end clears it. */
typedef struct el_progress el_progress;
void el_cli_progress(const el_cli *o, size_t ndocs);
/* One warning line per document the stages left without a DCT (not with -q). */
void el_cli_warn_undated(const el_cli *o, el_doc *const *docs, size_t n);
/* What each command does with a batch of documents it has read: run the
 * per-document stages over docs[0..n) on o->threads threads, then warn
 * about the undated ones.  Batches hold el_cli_batch_size documents:
 * per_thread for each thread. */
void el_cli_run_batch(const el_cli *o, el_doc **docs, size_t n, const el_resources *res);
size_t el_cli_batch_size(const el_cli *o, size_t per_thread);
void el_cli_progress_end(const el_cli *o);

/* One line "eventline: WHERE: WHAT" on stderr. */
void el_cli_report(const char *where, const char *what);

/* Write one output file o->outdir/file (via a temporary file renamed into
 * place) or standard output when o->outdir is "-".  The writer returns 0,
 * 1 when there is nothing to show (it has said so on stderr; no file is
 * left behind: EL_WRITE_EMPTY), or -1 on failure (EL_WRITE_FAILED, reported
 * here).  el_cli_write is true for EL_WRITE_OK only. */
typedef int (*el_writer)(const void *obj, const el_cli *o, const char *fmt, FILE *out);
enum { EL_WRITE_OK = 0, EL_WRITE_FAILED = 1, EL_WRITE_EMPTY = 2 };
int el_cli_write_file(const el_cli *o, const char *file, el_writer fn, const void *obj,
                      const char *fmt);
bool el_cli_write(const el_cli *o, const char *file, el_writer fn, const void *obj,
                  const char *fmt);
bool el_cli_ensure_outdir(const el_cli *o);

/* Exit status for a run: 0 all fine, 1 some skipped or an output with
 * nothing to show, 3 nothing processed or an output failed.  `write` is an
 * EL_WRITE_* value (a bool "failed" reads as EL_WRITE_OK/EL_WRITE_FAILED). */
int el_cli_status(const el_run_stats *st, int write);

/* Corpus exports shared by extract and merge (cmd_extract.c);
 * el_write_corpus returns the worst EL_WRITE_* of the formats. */
typedef struct el_corpus el_corpus;
void el_check_corpus_formats(el_cli *o);
int el_write_corpus(const el_cli *o, const el_corpus *c);
void el_print_summary(const el_cli *o, const el_run_stats *st, const el_corpus *c);

/* The commands (cmd_*.c). */
int el_cmd_extract(el_cli *o);
int el_cmd_annotate(el_cli *o);
int el_cmd_merge(el_cli *o);
int el_cmd_index(el_cli *o);
int el_cmd_query(el_cli *o);

#endif

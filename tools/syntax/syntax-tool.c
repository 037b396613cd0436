/* syntax-tool.c - train, evaluate and time the syntax stage's model.
 *
 *   syntax-tool train TRAIN.conllu OUT.model      deterministic training
 *   syntax-tool eval MODEL FILE.conllu [GAZDIR]   accuracy table (gold tokens;
 *                                                 with GAZDIR also raw text)
 *   syntax-tool bench MODEL FILE.conllu           tokens/s of tagger and parser
 *
 * Training: averaged perceptrons (syntax_train.c); one fixed seed, so the
 * same treebank gives a byte-identical model file. */
#include "syntax_train.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmd_train(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: syntax-tool train TRAIN.conllu OUT.model\n");
        return 2;
    }
    cu_bank tb;
    if (!cu_read(argv[2], &tb))
        return 1;
    double t0 = now_s();
    el_buf out = EL_BUF_INIT;
    syn_train(&tb, &out, argv[3]);
    FILE *fp = fopen(argv[3], "wb");
    bool ok = fp && fwrite(out.data, 1, out.len, fp) == out.len;
    if (fp)
        ok = fclose(fp) == 0 && ok;
    if (!ok)
        fprintf(stderr, "syntax-tool: %s: cannot write\n", argv[3]);
    else
        fprintf(stderr, "syntax-tool: %s: %zu bytes, trained in %.1f s\n", argv[3], out.len,
                now_s() - t0);
    el_buf_free(&out);
    cu_free(&tb);
    return ok ? 0 : 1;
}

/* The model and the treebank that eval and bench read; false (after one
 * line on stderr) if either cannot be read.  *load_s, *load_cpu_s: the
 * model's load time, wall and CPU. */
static bool load_both(const char *model, const char *bank, el_syntax **m, cu_bank *tb,
                      double *load_s, double *load_cpu_s)
{
    char *err = NULL;
    double t0 = now_s(), c0 = cpu_s();
    *m = el_syntax_load(model, &err);
    *load_s = now_s() - t0;
    *load_cpu_s = cpu_s() - c0;
    if (!*m) {
        fprintf(stderr, "syntax-tool: %s\n", err);
        free(err);
        return false;
    }
    if (!cu_read(bank, tb)) {
        el_syntax_free(*m);
        return false;
    }
    return true;
}

static int cmd_eval(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: syntax-tool eval MODEL FILE.conllu [GAZDIR]\n");
        return 2;
    }
    el_syntax *m;
    cu_bank tb;
    double tl, cl;
    if (!load_both(argv[2], argv[3], &m, &tb, &tl, &cl))
        return 1;
    printf("model %s loaded in %.1f ms (%.1f ms CPU); %s: %zu sentences, %zu words\n", argv[2],
           tl * 1e3, cl * 1e3, argv[3], tb.n, tb.nwords);
    syn_scores sc;
    syn_eval_gold(m, &tb, &sc);
    syn_print_scores("gold tokenization", &sc);
    if (argc == 5) {
        if (!syn_eval_raw(m, &tb, argv[4], &sc))
            fprintf(stderr, "syntax-tool: raw-text evaluation failed\n");
        else
            syn_print_scores("raw text (eventline tokenizer and sentence splitter)", &sc);
    }
    cu_free(&tb);
    el_syntax_free(m);
    return 0;
}

static int cmd_bench(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: syntax-tool bench MODEL FILE.conllu\n");
        return 2;
    }
    el_syntax *m;
    cu_bank tb;
    double tl, cl;
    if (!load_both(argv[2], argv[3], &m, &tb, &tl, &cl))
        return 1;
    syn_bench(m, &tb);
    cu_free(&tb);
    el_syntax_free(m);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "train") == 0)
        return cmd_train(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "eval") == 0)
        return cmd_eval(argc, argv);
    if (argc >= 2 && strcmp(argv[1], "bench") == 0)
        return cmd_bench(argc, argv);
    fprintf(stderr, "usage: syntax-tool train|eval|bench ...\n");
    return 2;
}

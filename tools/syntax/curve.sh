#!/bin/sh
# curve.sh - the syntax model's templates / speed / accuracy curve on EWT
# dev, and what each point buys downstream (the team's news set).
#
#   tools/syntax/curve.sh [-t] [-n] [POINT...]      (from the build tree)
#
# Each POINT (default: all, in the order below) is a named set of feature
# templates, table sizes and epochs, given to `syntax-tool train` through
# its development knobs (SYN_TMPL_*, SYN_BITS_*, SYN_EPOCHS_*, SYN_DICT_*;
# see tools/syntax/syntax_train.c).  For each: train on EWT train into
# $CURVE_DIR/POINT.model (deterministic: one fixed seed), score EWT *dev*
# (gold tokens), time it with `syntax-tool bench` (best of 3 runs, CPU
# time; run nothing else meanwhile; the load time: best of 3, CPU) and
# print one Markdown row.
#   -t  reuse the models already in $CURVE_DIR
#   -n  also run the news set with --syntax and this model (tests/news/run.py
#       on a copy of gazetteers/ whose syntax model is the point's): passing
#       rows of 1,351
# Never scores test: the point is chosen on dev and downstream.
#
# Environment: EWT (treebank folder), CURVE_DIR (default ./syntax-curve),
# TOOL (default ./tools/syntax/syntax-tool), CURVE_ENV (the knobs of a
# point of another name, e.g. CURVE_ENV="SYN_TMPL_TAG=1-20" curve.sh t20).
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
EWT=${EWT:-$top/../shared/data/ud-english-ewt}
CURVE_DIR=${CURVE_DIR:-./syntax-curve}
TOOL=${TOOL:-./tools/syntax/syntax-tool}
reuse=no news=no
while [ $# -gt 0 ]; do
    case $1 in -t) reuse=yes ;; -n) news=yes ;; *) break ;; esac
    shift
done
[ $# -gt 0 ] || set -- shipped lean reduced minimal rich
mkdir -p "$CURVE_DIR"

# The points.  Template ids: tagger 1-32, parser 101-157, labeller 201-225
# (src/stages/syntax/syntax_feat.c).  Bits: features folded into 2^bits
# buckets (0: one slot per feature).
point_env() {
    case $1 in
    shipped)    # syntax_train.c's defaults (make train-syntax)
        echo "SYN_TMPL_TAG=all SYN_TMPL_PARSE=all SYN_TMPL_LABEL=all SYN_BITS_PARSE=20 SYN_BITS_LABEL=17 SYN_EPOCHS_PARSE=12" ;;
    lean)       # the tagger without its word pairs 26-32, 9 parser epochs
        echo "SYN_TMPL_TAG=1-25 SYN_TMPL_PARSE=all SYN_TMPL_LABEL=all SYN_BITS_PARSE=20 SYN_BITS_LABEL=17 SYN_EPOCHS_PARSE=9" ;;
    reduced)    # no Zhang-Nivre parser templates, no tagger word pairs
        echo "SYN_TMPL_TAG=1-25 SYN_TMPL_PARSE=101-142 SYN_TMPL_LABEL=201-221 SYN_BITS_PARSE=18 SYN_BITS_LABEL=16 SYN_EPOCHS_PARSE=12" ;;
    minimal)    # a cache-resident set: word, affixes, shape, tag history;
                # the parser's tags and words at s0 s1 b0 b1, no word pairs
        echo "SYN_TMPL_TAG=1,3-11,13,16,17 SYN_TMPL_PARSE=101-113,115,118-121,123-125,127,130 SYN_TMPL_LABEL=201-212 SYN_BITS_PARSE=16 SYN_BITS_LABEL=14 SYN_EPOCHS_PARSE=12" ;;
    rich)       # the shipped templates, parser not folded (no collisions)
        echo "SYN_TMPL_TAG=all SYN_TMPL_PARSE=all SYN_TMPL_LABEL=all SYN_BITS_PARSE=0 SYN_BITS_LABEL=17 SYN_EPOCHS_PARSE=12" ;;
    *)          # any other name: the settings in $CURVE_ENV (exploring)
        [ -n "${CURVE_ENV:-}" ] || { echo "curve.sh: unknown point '$1' (shipped lean reduced minimal rich; other names need CURVE_ENV)" >&2; exit 2; }
        echo "$CURVE_ENV" ;;
    esac
}

ntmpl() {   # number of templates in a list like 1,3-11 (all or unset: $2)
    case $1 in all|"") echo "$2"; return ;; esac
    echo "$1" | tr ',' '\n' | awk -F- '{ n += (NF == 2 ? $2 - $1 + 1 : 1) } END { print n }'
}

knob() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

news_rows() {   # passing rows of the news set with --syntax and model $1
    g=$CURVE_DIR/gaz.$$
    rm -rf "$g"
    cp -rs "$top/gazetteers" "$g"
    rm -f "$g/syntax/en_ewt.model"
    cp "$1" "$g/syntax/en_ewt.model"
    EVENTLINE_GAZETTEERS=$g EVENTLINE_NEWS_ARGS=--syntax \
        python3 "$top/tests/news/run.py" ./src/eventline 2>&1 | tail -1 |
        sed -n 's/.*: \([0-9]*\) pass.*/\1/p'
    rm -rf "$g"
}

echo "| point | templates tag/parse/label | UPOS | XPOS | UAS | LAS | tagger M words/s | parser+labeller M words/s | all M words/s | model MB | load ms | train s | news rows |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for p in "$@"; do
    envs=$(point_env "$p")
    model=$CURVE_DIR/$p.model
    if [ $reuse = no ] || [ ! -s "$model" ]; then
        # shellcheck disable=SC2086
        env $envs "$TOOL" train "$EWT/en_ewt-ud-train.conllu" "$model" 2>"$CURVE_DIR/$p.train.log"
    fi
    train=$(sed -n 's/.*trained in \([0-9.]*\) s.*/\1/p' "$CURVE_DIR/$p.train.log" 2>/dev/null || true)
    "$TOOL" eval "$model" "$EWT/en_ewt-ud-dev.conllu" >"$CURVE_DIR/$p.dev.txt"
    sc() { awk -v k="$1" '$1 == k { print $2; exit }' "$CURVE_DIR/$p.dev.txt"; }
    load=$(for _ in 1 2 3; do "$TOOL" eval "$model" "$EWT/en_ewt-ud-dev.conllu" | head -1 |
           sed -n 's/.*(\([0-9.]*\) ms CPU).*/\1/p'; done | sort -g | head -1)
    : >"$CURVE_DIR/$p.bench.txt"
    for _ in 1 2 3; do "$TOOL" bench "$model" "$EWT/en_ewt-ud-dev.conllu" >>"$CURVE_DIR/$p.bench.txt"; done
    bn() { awk -v k="$1" 'index($0, k) { print $(NF - 2) }' "$CURVE_DIR/$p.bench.txt" | sort -g | tail -1; }
    mb=$(awk -v b="$(wc -c <"$model")" 'BEGIN { printf "%.1f", b / 1e6 }')
    nr=-
    [ $news = no ] || nr=$(news_rows "$model")
    echo "| $p | $(ntmpl "$(knob "$envs" SYN_TMPL_TAG)" 32)/$(ntmpl "$(knob "$envs" SYN_TMPL_PARSE)" 57)/$(ntmpl "$(knob "$envs" SYN_TMPL_LABEL)" 25) | $(sc UPOS) | $(sc XPOS) | $(sc UAS) | $(sc LAS) | $(bn "  tagger  ") | $(bn "parser+labeller alone") | $(bn "tagger+lemmatizer+parser+labeller") | $mb | $load | $train | $nr |"
done

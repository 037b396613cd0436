#!/bin/sh
# timex-bench.sh - build a >= 10 MB news text by repeating the TempEval-3
# development texts and run bench_timex on it (make bench-timex).
# Usage: bench/timex-bench.sh BENCH_PROGRAM  (env: DATA, MB)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
prog=${1:-$top/bench/bench_timex}
DATA=${DATA:-$top/../shared/data/tempeval3-tbaq}
MB=${MB:-12}
work=$(mktemp -d "${TMPDIR:-/tmp}/timex-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 "$top/scripts/te3-extract.py" "$work/txt" "$DATA"/input/*/*.TE3input
cat "$work"/txt/*.txt > "$work/one.txt"
: > "$work/news.txt"
while [ "$(wc -c < "$work/news.txt")" -lt $((MB * 1000000)) ]; do
  cat "$work/one.txt" >> "$work/news.txt"
done
"$prog" "$top/gazetteers" "$work/news.txt"

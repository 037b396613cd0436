#!/bin/sh
# dask.sh - the Dask driver (tools/scale/eventline_dask.py) on a LocalCluster
# of two worker processes writes what one eventline run writes: the example
# corpus with its manifest as files in several partitions (JSON and TSV),
# and the team's news articles as JSON Lines cut into byte ranges.  Skipped when no Python here has Dask (python3-distributed).
. "${TOP_SRCDIR:-.}/tests/lib.sh"

PY=""
for p in "${PYTHON3:-}" /usr/bin/python3; do
    if [ -n "$p" ] && "$p" -c "import dask.distributed" 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
    echo "SKIP: Dask (Debian python3-distributed) is not installed"
    exit 77
fi
DRIVER="$TOP_SRCDIR/tools/scale/eventline_dask.py"
export DASK_DISTRIBUTED__WORKER__DAEMON=False

same() {   # same WHAT FILE_A FILE_B
    if cmp -s "$2" "$3"; then ok "$1"; else fail "$1"; cmp "$2" "$3" | head -3; fi
}

M="$EXAMPLE/manifest.tsv"
"$EVENTLINE" -q -m "$M" -f json,tsv -o "$TMP/ex1" "$EXAMPLE"/*.txt
"$PY" "$DRIVER" --eventline "$EVENTLINE" --workers 2 --partition-mb 0.02 -f json,tsv \
    -o "$TMP/exd" "$EXAMPLE"/*.txt -- -m "$M" 2>"$TMP/err" \
    || { fail "driver on the example corpus"; head -5 "$TMP/err"; }
same "example corpus in partitions: timeline.json equals one run" "$TMP/ex1/timeline.json" "$TMP/exd/timeline.json"
same "example corpus in partitions: events.tsv equals one run" "$TMP/ex1/events.tsv" "$TMP/exd/events.tsv"

NEWS="$TOP_SRCDIR/tests/news"
"$PY" - "$NEWS" "$TMP/news.jsonl" <<'PYEOF'
import glob, json, os, sys
with open(sys.argv[2], 'w') as out:
    for p in sorted(glob.glob(os.path.join(sys.argv[1], '*.txt'))):
        out.write(json.dumps({'id': os.path.basename(p)[:-4], 'dct': '2024-05-01',
                              'text': open(p, encoding='utf-8').read()}) + '\n')
PYEOF
"$EVENTLINE" -q -f json -o "$TMP/j1" "$TMP/news.jsonl"
"$PY" "$DRIVER" --eventline "$EVENTLINE" --workers 2 --partition-mb 0.01 -o "$TMP/jd" \
    "$TMP/news.jsonl" 2>"$TMP/err" || { fail "driver on JSON Lines"; head -5 "$TMP/err"; }
same "news JSON Lines in byte ranges: timeline.json equals one run" "$TMP/j1/timeline.json" "$TMP/jd/timeline.json"
finish

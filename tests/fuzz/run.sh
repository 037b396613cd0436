#!/bin/sh
# run.sh OUT SECONDS [TARGET...] - run the fuzz targets built in OUT (by
# build.sh) for SECONDS each, one after the other, on a working corpus
# OUT/corpus/TARGET seeded from the example corpus, the test fixtures, the
# issue-13 reproducers and tests/fuzz/seeds/TARGET, with the format's
# dictionary.  Crashes go to OUT/crashes/TARGET/; the log of each run to
# OUT/TARGET.log.  Exit 1 if any target found a crash, leak or timeout.
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:?usage: run.sh OUT SECONDS [TARGET...]}
SECS=${2:?usage: run.sh OUT SECONDS [TARGET...]}
shift 2
TARGETS=${*:-text html timeml jsonl result gazetteer manifest}
D="$SRC/tests/data"
R="$D/repro"
E="$SRC/examples/blinken-beijing-2023"

# seeds TARGET DIR: copy the target's seed files into DIR.
seeds() {
    case $1 in
    text)      cp "$E"/*.txt "$R"/*.txt "$SRC/tests/fuzz/seeds/gazetteer"/* "$2" ;;
    html)      cp "$D"/*.html "$R"/*.html "$R"/no-crash/*.html "$2" ;;
    timeml)    cp "$D"/te3/input/* "$R"/*.tml "$R"/no-crash/*.tml "$2" ;;
    jsonl)     cp "$D"/records.jsonl "$R"/jsonl-*.jsonl "$R"/dataloss-*.jsonl \
                  "$R"/timeml-*.jsonl "$R"/xss-*.jsonl "$2" ;;
    result)    cp "$R"/merge-*.jsonl "$R"/no-crash/merge-*.jsonl "$2" ;;
    gazetteer) cp "$R"/*.tsv "$2" ;;
    manifest)  cp "$E"/manifest.tsv "$2" ;;
    esac
    [ -d "$SRC/tests/fuzz/seeds/$1" ] && cp "$SRC/tests/fuzz/seeds/$1"/* "$2"
    return 0
}

dict_of() {
    case $1 in
    text) echo text ;; html) echo html ;; timeml) echo timeml ;;
    jsonl|result) echo json ;; gazetteer|manifest) echo tsv ;;
    esac
}

status=0
for t in $TARGETS; do
    bin="$OUT/fuzz_$t"
    [ -x "$bin" ] || { echo "fuzz: $bin not built" >&2; status=1; continue; }
    mkdir -p "$OUT/corpus/$t" "$OUT/seeds/$t" "$OUT/crashes/$t"
    seeds "$t" "$OUT/seeds/$t"
    EVENTLINE_GAZETTEERS="$SRC/gazetteers" \
    ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    LSAN_OPTIONS="suppressions=$SRC/tests/lsan.supp:print_suppressions=0" \
        "$bin" -max_total_time="$SECS" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -dict="$SRC/tests/fuzz/dict/$(dict_of "$t").dict" \
        -artifact_prefix="$OUT/crashes/$t/" "$OUT/corpus/$t" "$OUT/seeds/$t" \
        > "$OUT/$t.log" 2>&1
    rc=$?
    execs=$(grep -m1 'stat::number_of_executed_units' "$OUT/$t.log" | awk '{print $2}')
    cov=$(grep -E '#[0-9]+.*cov: ' "$OUT/$t.log" | tail -1 | sed 's/.*cov: \([0-9]*\).*ft: \([0-9]*\).*/cov \1 ft \2/')
    if [ $rc -ne 0 ]; then
        echo "fuzz_$t: FAILED (exit $rc), see $OUT/$t.log and $OUT/crashes/$t/"
        status=1
    else
        echo "fuzz_$t: ok, ${SECS}s, ${execs:-?} execs, ${cov:-?}"
    fi
done
exit $status

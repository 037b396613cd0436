#!/bin/sh
# scale.sh - map/reduce and threads: merge(annotate(A) + annotate(B)) equals
# the single run whatever the order and partition, and -j N equals -j 1.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

M="$EXAMPLE/manifest.tsv"
set -- "$EXAMPLE"/*.txt
"$EVENTLINE" -q -m "$M" -f json -o "$TMP/single" "$@" || fail "single run"

# -j: identical output
"$EVENTLINE" -q -j 2 -m "$M" -f json -o "$TMP/j2" "$@"
cmp -s "$TMP/single/timeline.json" "$TMP/j2/timeline.json" && ok "-j 2 equals -j 1" || fail "-j 2 equals -j 1"
"$EVENTLINE" -q -j 0 -m "$M" -f json -o "$TMP/j0" "$@"
cmp -s "$TMP/single/timeline.json" "$TMP/j0/timeline.json" && ok "-j 0 equals -j 1" || fail "-j 0 equals -j 1"

# input order does not matter
"$EVENTLINE" -q -m "$M" -f json -o "$TMP/rev" "$5" "$4" "$3" "$2" "$1"
cmp -s "$TMP/single/timeline.json" "$TMP/rev/timeline.json" && ok "input order does not matter" || fail "input order"

# map: two partitions as JSON Lines, in a different order; reduce: merge
"$EVENTLINE" annotate -q -m "$M" -f jsonl -o - "$4" "$1" "$3" > "$TMP/part1.jsonl"
"$EVENTLINE" annotate -q -j 2 -m "$M" -f jsonl -o - "$5" "$2" > "$TMP/part2.jsonl"
[ "$(wc -l < "$TMP/part1.jsonl")" -eq 3 ] && ok "annotate -f jsonl: one line per document" || fail "one line per document"
"$EVENTLINE" merge -q -f json -o "$TMP/merged" "$TMP/part2.jsonl" "$TMP/part1.jsonl"
cmp -s "$TMP/single/timeline.json" "$TMP/merged/timeline.json" && ok "merge(annotate(A)+annotate(B)) equals the single run" \
    || { fail "merge equals single run"; diff "$TMP/single/timeline.json" "$TMP/merged/timeline.json" | head -20; }

# the same through per-document JSON files and stdin
"$EVENTLINE" annotate -q -m "$M" -f json -o "$TMP/perdoc" "$@"
"$EVENTLINE" merge -q -f json -o "$TMP/merged2" "$TMP/perdoc"/*.json
cmp -s "$TMP/single/timeline.json" "$TMP/merged2/timeline.json" && ok "merge of per-document JSON files" || fail "merge of JSON files"
cat "$TMP/part1.jsonl" "$TMP/part2.jsonl" | "$EVENTLINE" merge -q -f json -o "$TMP/merged3" -
cmp -s "$TMP/single/timeline.json" "$TMP/merged3/timeline.json" && ok "merge from stdin" || fail "merge from stdin"

# a streaming mapper: stdin JSONL -> stdout JSONL; a bad record is skipped and counted
printf '{"id":"a","text":"Officials met on Monday.","dct":"2023-06-19"}\nnot json\n{"id":"b","text":"They talked.","dct":"2023-06-20"}\n' \
    | "$EVENTLINE" annotate -q --input-format jsonl -f jsonl -o - - > "$TMP/mapped.jsonl" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && ok "bad record: exit 1" || fail "bad record: exit $rc"
[ "$(wc -l < "$TMP/mapped.jsonl")" -eq 2 ] && ok "good records mapped" || fail "good records mapped"
expect_stderr "<stdin>:2" "bad record reported with its line"

# GNU parallel over split JSON Lines input, as a Hadoop/Spark mapper would run
if command -v parallel >/dev/null 2>&1 && [ -n "${PYTHON3:-}" ]; then
    "$PYTHON3" - "$M" "$TMP/corpus.jsonl" "$@" <<'PY'
import json, os, sys
dct = dict(l.rstrip("\n").split("\t")[:2] for l in open(sys.argv[1]) if not l.startswith("#"))
with open(sys.argv[2], "w") as out:
    for p in sys.argv[3:]:
        name = os.path.basename(p)
        out.write(json.dumps({"id": name[:-4], "text": open(p, encoding="utf-8").read(),
                              "dct": dct[name]}) + "\n")
PY
    (cd "$TMP" && split -n l/3 corpus.jsonl part.)
    parallel -j 2 "'$EVENTLINE' annotate -q -f jsonl -o - {} > {}.out" ::: "$TMP"/part.a?
    "$EVENTLINE" merge -q -f json -o "$TMP/par" "$TMP"/part.a?.out
    "$EVENTLINE" -q -f json -o "$TMP/fromjsonl" "$TMP/corpus.jsonl"
    cmp -s "$TMP/fromjsonl/timeline.json" "$TMP/par/timeline.json" \
        && ok "GNU parallel over split input, then merge, equals one run" \
        || fail "GNU parallel map + merge"
else
    echo "# GNU parallel not installed: parallel map test skipped"
fi

# merge rejects what is not a result
echo '{"hello": 1}' > "$TMP/notresult.json"
expect_status 3 "merge of a non-result" "$EVENTLINE" merge -q -f json -o "$TMP/x" "$TMP/notresult.json"
expect_stderr "not an eventline result" "non-result explained"

finish

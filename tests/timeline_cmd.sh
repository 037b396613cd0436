#!/bin/sh
# timeline_cmd.sh - eventline timeline --entity NAME: per-entity timelines as
# text, JSON and the SemEval-2015 format; usage errors; TSV/TimelineJS exports.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

expect_status 2 "timeline without --entity is a usage error" "$EVENTLINE" timeline -q "$EXAMPLE"/*.txt
expect_stderr "needs --entity" "the missing option is named"
expect_status 0 "timeline of an unknown entity" "$EVENTLINE" timeline -q --entity "Nobody Here" \
    -m "$EXAMPLE/manifest.tsv" "$EXAMPLE"/*.txt
grep -q "^Nobody Here: 0 events" "$TMP/stdout.txt" && ok "empty text timeline" || fail "empty text timeline"
expect_status 0 "semeval2015 format" "$EVENTLINE" timeline -q --entity "Nobody Here" -f semeval2015 \
    -m "$EXAMPLE/manifest.tsv" "$EXAMPLE"/*.txt
[ "$(head -1 "$TMP/stdout.txt")" = "Nobody Here" ] && ok "semeval2015 first line is the target" \
    || fail "semeval2015 first line"
expect_status 0 "json format" "$EVENTLINE" timeline -q --entity "Nobody Here" -f json \
    -m "$EXAMPLE/manifest.tsv" "$EXAMPLE"/*.txt
grep -q '"found": false' "$TMP/stdout.txt" && ok "json says not found" || fail "json says not found"
expect_status 2 "unknown timeline format" "$EVENTLINE" timeline -q --entity X -f nope "$EXAMPLE"/*.txt

expect_status 0 "tsv, csv and timelinejs exports" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" \
    -o "$TMP/out" -f tsv,csv,timelinejs "$EXAMPLE"/*.txt
head -1 "$TMP/out/events.tsv" | grep -q "^id	date	end	type	label	participants	location	documents	confidence	factual	anchor	precision$" \
    && ok "TSV header" || fail "TSV header"
if [ -n "${PYTHON3:-}" ]; then
    "$PYTHON3" -c "import json,sys; j=json.load(open(sys.argv[1])); assert isinstance(j['events'], list); \
[e['start_date']['year'] for e in j['events']]" "$TMP/out/timelinejs.json" \
        && ok "TimelineJS3 JSON has events with start dates" || fail "TimelineJS3 JSON"
fi
finish

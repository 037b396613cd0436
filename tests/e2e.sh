#!/bin/sh
# e2e.sh - the main job on the example corpus: JSON follows the contract,
# DOT parses back with cgraph, SVG is rendered.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

expect_status 0 "main job on the example corpus" "$EVENTLINE" -q \
    -m "$EXAMPLE/manifest.tsv" -o "$TMP/out" -f json,dot,svg "$EXAMPLE"/*.txt
for f in timeline.json timeline.dot timeline.svg; do
    [ -s "$TMP/out/$f" ] && ok "$f written" || fail "$f written"
done
if [ -n "${PYTHON3:-}" ]; then
    expect_status 0 "timeline.json follows the contract" \
        "$PYTHON3" "$TOP_SRCDIR/tests/check_contract.py" "$TMP/out/timeline.json" "$EXAMPLE"
fi
expect_status 0 "timeline.dot parses with cgraph" "$(dirname "$EVENTLINE")/../tests/dot_check" "$TMP/out/timeline.dot"
grep -q "<svg" "$TMP/out/timeline.svg" && ok "timeline.svg is SVG" || fail "timeline.svg is SVG"

# Same input, same output: runs diff cleanly.
"$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/again" -f json,dot "$EXAMPLE"/*.txt
cmp -s "$TMP/out/timeline.json" "$TMP/again/timeline.json" && ok "JSON is deterministic" || fail "JSON is deterministic"
cmp -s "$TMP/out/timeline.dot" "$TMP/again/timeline.dot" && ok "DOT is deterministic" || fail "DOT is deterministic"

# The DOT graph draws dated events and the undated ones ordered against
# them; --dot-undated draws every typed event.
"$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/all" -f dot --dot-undated "$EXAMPLE"/*.txt
nodes() { grep -c '^[[:space:]]*V[0-9]*[[:space:]]*\[' "$1"; }
[ "$(nodes "$TMP/out/timeline.dot")" -lt "$(nodes "$TMP/all/timeline.dot")" ] &&
    ok "DOT leaves out unplaced undated events" || fail "DOT leaves out unplaced undated events"

finish

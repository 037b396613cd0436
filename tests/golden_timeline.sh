#!/bin/sh
# golden_timeline.sh - GOLDEN END-TO-END TEST of the example corpus's event
# chain (see tests/golden/blinken-chain.py): shootdown -> postponed trip ->
# Beijing talks -> Xi meeting, with their dates, in timeline order; and the
# whole event list pinned in tests/golden/example-events.tsv.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

if [ -z "${PYTHON3:-}" ]; then
    echo "SKIP: python3 not found"
    exit 77
fi
expect_status 0 "example corpus" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/out" \
    -f json "$EXAMPLE"/*.txt
if "$PYTHON3" "$TOP_SRCDIR/tests/golden/blinken-chain.py" "$TMP/out/timeline.json"; then
    ok "shootdown -> postponed trip -> Beijing talks -> Xi meeting, with their dates"
else
    fail "golden event chain"
fi

# The whole event list in timeline order (every column of events.tsv but
# the confidence): a change to any event, date, label or order shows here.
# After a change you meant, review the diff and run `make update-golden`.
expect_status 0 "example corpus as TSV" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" \
    -o "$TMP/tsv" -f tsv "$EXAMPLE"/*.txt
cut -f 1-8,10 "$TMP/tsv/events.tsv" > "$TMP/events.tsv"
if [ -n "${UPDATE_GOLDEN:-}" ]; then   # `make update-golden`
    cp "$TMP/events.tsv" "$TOP_SRCDIR/tests/golden/example-events.tsv"
    ok "tests/golden/example-events.tsv rewritten"
elif diff -u "$TOP_SRCDIR/tests/golden/example-events.tsv" "$TMP/events.tsv" > "$TMP/events.diff"; then
    ok "example event list and order match tests/golden/example-events.tsv"
else
    fail "example event list differs from tests/golden/example-events.tsv (make update-golden after review):"
    head -40 "$TMP/events.diff" | sed 's/^/    /'
fi
finish

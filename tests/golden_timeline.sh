#!/bin/sh
# golden_timeline.sh - GOLDEN END-TO-END TEST of the example corpus's event
# chain (see tests/golden/blinken-chain.py): shootdown -> postponed trip ->
# Beijing talks -> Xi meeting, with their dates, in timeline order.
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
finish

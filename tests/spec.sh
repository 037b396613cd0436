#!/bin/sh
# spec.sh - the spec files (tests/spec/*.spec: sentence, DCT, expected
# annotation) through tests/spec/run.py.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

out=$("${PYTHON3:-python3}" "$TOP_SRCDIR/tests/spec/run.py" "$EVENTLINE" "$TOP_SRCDIR"/tests/spec/*.spec 2>&1) \
    && ok "$(echo "$out" | tail -1)" || { echo "$out"; fail "spec files"; }
finish

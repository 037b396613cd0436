#!/bin/sh
# include_graph.sh - the include graph of src/ keeps the layer order of
# docs/architecture.md: no cycle between modules, no include of a higher
# or side-by-side folder but the ones listed there (tools/dev/include-graph.py).
. "${TOP_SRCDIR:-.}/tests/lib.sh"

out=$("${PYTHON3:-python3}" "$TOP_SRCDIR/tools/dev/include-graph.py" "$TOP_SRCDIR/src" \
    "$TOP_SRCDIR/docs/architecture.md" 2>&1) \
    && ok "include graph: layers kept, no cycles ($(echo "$out" | tail -1 | sed 's/^include-graph: //'))" \
    || { echo "$out"; fail "include graph"; }
finish

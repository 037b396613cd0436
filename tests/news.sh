#!/bin/sh
# news.sh - the team's own unseen-news set (tests/news/): every golden
# expectation of every article, one verdict each (PASS, FAIL, XFAIL for a
# known failure, XPASS for a known failure that now holds: remove its mark).
# Fails on any FAIL (and on an XPASS with NEWS_STRICT=1).  Skipped (77)
# without python3.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
"$PY" "$TOP_SRCDIR/tests/news/run.py" -v "$EVENTLINE" > "$TMP/news.log" 2>&1
rc=$?
grep -v '^PASS' "$TMP/news.log"
if [ "$rc" -eq 0 ]; then ok "news set: $(tail -1 "$TMP/news.log")"; else
    fail "news set (run.py exit $rc)"; fi
finish

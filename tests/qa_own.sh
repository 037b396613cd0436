#!/bin/sh
# qa_own.sh - a QA-TempEval-style test on the project's own short articles
# (tests/qa/: reference TimeML with the question events in
# eval-questions/question-events, the stripped inputs in input/, yes/no
# questions in eval-questions/question-set.txt): eventline annotates the
# inputs as TimeML and the QA scorer (../shared/eval/qascore.py, with the
# official tokenizer) answers the questions from its TLINK graph.  No
# question may be answered wrong, and at least QA_MIN_CORRECT of the 13
# must be answered right (11 when written: "began ... last year" is not
# linked to its year yet).  Skipped (77) without python3 or the scorer.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
SHARED=${EVENTLINE_SHARED:-$TOP_SRCDIR/../shared}
[ -f "$SHARED/eval/qascore.py" ] || SHARED=/work/shared
[ -f "$SHARED/eval/qascore.py" ] || { echo "qascore.py not there: skipped"; exit 77; }
KIT="$TOP_SRCDIR/tests/qa"
MIN=${QA_MIN_CORRECT:-11}

expect_status 0 "annotate the own QA articles" "$EVENTLINE" annotate -q -f timeml -o "$TMP/sys" \
    "$KIT"/input/*.TE3input
"$PY" "$SHARED/eval/qascore.py" "$KIT/eval-questions" "$TMP/sys" --official-tokens --per-question \
    > "$TMP/qa.txt" 2>&1 || fail "qascore: $(tail -3 "$TMP/qa.txt")"
line=$(grep '^questions=' "$TMP/qa.txt")
correct=$(echo "$line" | sed -n 's/.* correct=\([0-9]*\) .*/\1/p')
wrong=$(echo "$line" | sed -n 's/.*incorrect=\([0-9]*\) .*/\1/p')
[ "$wrong" = 0 ] && ok "no question answered wrong" \
    || fail "answered wrong: $(awk -F'|' '$6 != "" && $6 != "predicted=" $5 && $6 != "predicted=unknown"' "$TMP/qa.txt")"
[ "${correct:-0}" -ge "$MIN" ] && ok "own QA: $line" || fail "own QA: $line (want >= $MIN correct)"
grep -q "^warning" "$TMP/qa.txt" && fail "qascore warnings: $(grep '^warning' "$TMP/qa.txt" | head -2)"
finish

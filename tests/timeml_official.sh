#!/bin/sh
# timeml_official.sh - TimeML the official TempEval / QA-TempEval tools
# accept: every byte outside TEXT's content of a TimeML input kept, tags on
# whole hyphenated words, raw quote characters, a DCT element always, the
# TimeML 1.2.1 schema (xmllint, when the schema and xmllint are there), and
# the QA-TempEval scorer with the official tokenizer (qascore.py
# --official-tokens) on the training kit, when the shared folder is there.
# Skipped (77) without python3.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
SHARED=${EVENTLINE_SHARED:-$TOP_SRCDIR/../shared}
[ -d "$SHARED/eval" ] || SHARED=/work/shared
TE3="$TEST_DATA/te3"

expect_status 0 "annotate the TE3 fixtures" "$EVENTLINE" annotate -q -f timeml -o "$TMP/sys" \
    "$TE3"/input/*.TE3input
"$PY" - "$TE3/input" "$TMP/sys" > "$TMP/cmp" 2>&1 <<'PYEOF'
import os, re, sys
bad = 0
for f in sorted(os.listdir(sys.argv[1])):
    src = open(os.path.join(sys.argv[1], f), "rb").read()
    out = open(os.path.join(sys.argv[2], f.replace(".TE3input", "")), "rb").read()
    head = src[: src.index(b">", src.index(b"<TEXT")) + 1]
    tail = src[src.rindex(b"</TEXT>"):]
    close = tail.rindex(b"</TimeML")
    if not out.startswith(head):
        print("%s: the bytes before TEXT changed" % f); bad += 1
    if tail[:close] not in out or not out.endswith(tail[close:]):
        print("%s: the bytes after TEXT changed" % f); bad += 1
sys.exit(1 if bad else 0)
PYEOF
if [ $? -eq 0 ]; then ok "outside TEXT kept byte for byte"; else fail "outside TEXT: $(cat "$TMP/cmp")"; fi

printf 'DENVER - Gun-violence rose in 2008-2009, he said "we will act" on Monday.\n' > "$TMP/plain.txt"
expect_status 0 "annotate plain text without a DCT" "$EVENTLINE" annotate -q -f timeml -o "$TMP/plain" \
    "$TMP/plain.txt"
f="$TMP/plain/plain.tml"
grep -q '<DCT><TIMEX3 tid="t0"' "$f" && ok "a DCT element without a known date" || fail "no DCT element"
grep -q '"we will' "$f" && ! grep -q '&quot;' "$f" && ok "raw quotes in TEXT" || fail "quotes escaped"
if grep -Eq '[[:alnum:]]-<(EVENT|TIMEX3)|</(EVENT|TIMEX3)>-[[:alnum:]]' "$TMP/sys"/*.tml "$f"; then
    fail "a tag inside a hyphenated word"; else ok "tags on whole hyphenated words"; fi

XSD="$SHARED/eval/timeml-xsd/tml-min-consistency.xsd"
if command -v xmllint >/dev/null 2>&1 && [ -f "$XSD" ]; then
    if xmllint --noout --schema "$XSD" "$TMP/sys"/*.tml "$f" > "$TMP/xsd" 2>&1; then
        ok "TimeML schema"; else fail "TimeML schema: $(grep -v validates "$TMP/xsd" | head -3)"; fi
else
    echo "xmllint or the TimeML schema not there: schema check skipped"
fi

KIT="$SHARED/data/qa-tempeval-train"
if [ -f "$SHARED/eval/qascore.py" ] && [ -d "$KIT/input" ]; then
    expect_status 0 "annotate the QA-TempEval kit" "$EVENTLINE" annotate -q -f timeml -o "$TMP/qa" \
        "$KIT"/input/*.TE3input
    if "$PY" "$SHARED/eval/qascore.py" "$KIT/eval-questions" "$TMP/qa" --official-tokens \
        > "$TMP/qa.txt" 2>&1; then
        ok "qascore --official-tokens: $(grep '^questions' "$TMP/qa.txt")"
    else fail "qascore --official-tokens: $(tail -3 "$TMP/qa.txt")"; fi
    grep -q "^warning" "$TMP/qa.txt" && fail "qascore warnings: $(grep '^warning' "$TMP/qa.txt" | head -2)" \
        || ok "no qascore alignment warnings"
else
    echo "QA-TempEval kit not there: qascore check skipped"
fi
finish

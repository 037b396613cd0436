#!/bin/sh
# timeml.sh - `eventline annotate -f timeml` keeps the TEXT content of
# TempEval-3 input byte for byte: checked with Python's XML parser on the
# hand-written fixtures in tests/data/te3, then with the TempEval-3 scorer
# (../shared/eval/te3score.py) on the fixtures and on ten TBAQ documents
# when the shared folder is there.  Skipped (77) without python3.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }
SHARED=${EVENTLINE_SHARED:-$TOP_SRCDIR/../shared}
TE3="$TEST_DATA/te3"

expect_status 0 "annotate the TE3 fixtures" "$EVENTLINE" annotate -q -f timeml -o "$TMP/sys" \
    "$TE3"/input/*.TE3input
for g in "$TE3"/gold/*.tml; do
    name=$(basename "$g")
    [ -f "$TMP/sys/$name" ] && ok "$name written" || fail "$name written"
done

# TEXT content (tags removed, entities decoded) of input and output agree.
"$PY" - "$TE3/input" "$TMP/sys" > "$TMP/cmp" 2>&1 <<'PYEOF'
import os, sys
import xml.etree.ElementTree as ET
def text(path):
    el = next(e for e in ET.parse(path).getroot().iter() if e.tag == "TEXT")
    return "".join(el.itertext())
bad = 0
for f in sorted(os.listdir(sys.argv[1])):
    out = os.path.join(sys.argv[2], f.replace(".TE3input", ""))
    if text(os.path.join(sys.argv[1], f)) != text(out):
        print("TEXT differs:", f)
        bad += 1
sys.exit(1 if bad else 0)
PYEOF
[ $? -eq 0 ] && ok "TEXT content identical (ElementTree)" || { fail "TEXT content"; cat "$TMP/cmp"; }

if [ -f "$SHARED/eval/te3score.py" ]; then
    "$PY" "$SHARED/eval/te3score.py" "$TE3/gold" "$TMP/sys" > "$TMP/score" 2>&1 \
        && ok "te3score aligns the fixtures" || { fail "te3score on fixtures"; head -5 "$TMP/score"; }
    TBAQ="$SHARED/data/tempeval3-tbaq"
    if [ -d "$TBAQ/input/TimeBank" ]; then
        mkdir -p "$TMP/gold" "$TMP/in"
        for f in $(ls "$TBAQ/input/TimeBank" | head -10); do
            cp "$TBAQ/input/TimeBank/$f" "$TMP/in/"
            cp "$TBAQ/TimeBank/${f%.TE3input}" "$TMP/gold/"
        done
        expect_status 0 "annotate ten TBAQ documents" "$EVENTLINE" annotate -q -f timeml \
            -o "$TMP/tbaq" "$TMP/in"/*
        "$PY" "$SHARED/eval/te3score.py" "$TMP/gold" "$TMP/tbaq" > "$TMP/score" 2>&1 \
            && ok "te3score aligns ten TBAQ documents" || { fail "te3score on TBAQ"; head -5 "$TMP/score"; }
    fi
else
    echo "# $SHARED/eval/te3score.py not found: scorer checks skipped"
fi
finish

#!/bin/sh
# cosmetics.sh - what a reader of the outputs sees: confidences rounded to
# three significant digits, no empty time object on undated events, the
# entities table aligned however long or non-ASCII the names, and a .txt
# file's headline-like first line as the document title.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

"$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -f json -o "$TMP/x" "$EXAMPLE"/*.txt
if grep -Eq '"confidence": ?[0-9]\.[0-9]{5,}' "$TMP/x/timeline.json"; then
    fail "confidences are rounded"; grep -Em2 '"confidence": ?[0-9]\.[0-9]{5,}' "$TMP/x/timeline.json"
else ok "confidences are rounded"; fi
grep -Eq '"confidence": ?0\.[0-9]' "$TMP/x/timeline.json" && ok "confidences are still written" \
    || fail "confidences are still written"
grep -q '"time": {}' "$TMP/x/timeline.json" && fail "no empty time object" || ok "no empty time object"
if [ -n "${PYTHON3:-}" ]; then
    "$PYTHON3" -c 'import json,sys; d=json.load(open(sys.argv[1])); u=[e for e in d["events"] if "time" not in e]; sys.exit(0 if u else 1)' \
        "$TMP/x/timeline.json" && ok "undated events are there, without a time" \
        || fail "undated events are there, without a time"
fi

# a long non-ASCII name from a user gazetteer: the table stays aligned
printf 'Organización Internacional de Cooperación Económica Regional\tORGANIZATION\t\tOICER\t\t\n' \
    > "$TMP/g.tsv"
printf 'Talks resume\n\nThe Organización Internacional de Cooperación Económica Regional met on Monday with Acme officials in Paris.\n' \
    > "$TMP/long.txt"
"$EVENTLINE" entities --gazetteer "$TMP/g.tsv" --dct 2023-06-19 "$TMP/long.txt" "$EXAMPLE"/*.txt \
    > "$TMP/table.txt" 2>"$TMP/err"
grep -q "Organización Internacional" "$TMP/table.txt" && ok "the long name is in the table" \
    || fail "the long name is in the table"
# the column where MENTIONS ends, in characters, is the same on every line
"${PYTHON3:-python3}" - "$TMP/table.txt" <<'PYEOF' && ok "entities table columns align" || fail "entities table columns align"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head = lines[0].index("MENTIONS") + len("MENTIONS")
ends = {m.end() for m in (re.search(r"\s+\d+(?=\s+\d+\s\s)", l) for l in lines[1:]) if m}
sys.exit(0 if ends == {head} else 1)
PYEOF

# the headline of a .txt file is its title
"$EVENTLINE" -q -f json -o - --dct 2023-06-19 "$TMP/long.txt" > "$TMP/t.json"
grep -qE '"title": ?"Talks resume"' "$TMP/t.json" && ok ".txt headline is the title" \
    || fail ".txt headline is the title"
printf 'Officials met on Monday.\nThey talked.\n' > "$TMP/plain.txt"
"$EVENTLINE" -q -f json -o - --dct 2023-06-19 "$TMP/plain.txt" > "$TMP/p.json"
grep -q '"title"' "$TMP/p.json" && fail "a sentence is no title" || ok "a sentence is no title"
finish

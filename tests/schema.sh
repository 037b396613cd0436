#!/bin/sh
# schema.sh - every timeline JSON the program writes validates against
# docs/timeline.schema.json: extract (files and stdout), annotate -f json
# and -f jsonl, merge, and TimeML/HTML/JSONL inputs.  (entities -f json and
# timeline -f json are other shapes, not timeline.json.)
. "${TOP_SRCDIR:-.}/tests/lib.sh"

PY=""
for p in "${PYTHON3:-}" /usr/bin/python3; do
    [ -n "$p" ] && "$p" -c 'import jsonschema' 2>/dev/null && { PY=$p; break; }
done
if [ -z "$PY" ]; then
    echo "skip - no python3 with jsonschema (Debian: python3-jsonschema)"; exit 77
fi
SCHEMA="$TOP_SRCDIR/docs/timeline.schema.json"
check() {  # DESCRIPTION FILE...
    what=$1; shift
    if "$PY" "$TOP_SRCDIR/tests/check_schema.py" "$SCHEMA" "$@" >"$TMP/schema.log" 2>&1; then
        ok "$what validates ($(tail -1 "$TMP/schema.log"))"
    else
        fail "$what validates"; head -5 "$TMP/schema.log" | sed 's/^/    /'
    fi
}

"$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/x" -f json "$EXAMPLE"/*.txt
check "extract timeline.json (example corpus)" "$TMP/x/timeline.json"
"$EVENTLINE" -q --dct 2023-06-19 -f json -o - - < "$EXAMPLE/000_8e976ec7213731ee.txt" > "$TMP/one.json"
check "extract -o - from stdin" "$TMP/one.json"
"$EVENTLINE" annotate -q -f json -o "$TMP/a" -m "$EXAMPLE/manifest.tsv" "$EXAMPLE"/*.txt
check "annotate -f json (one file per document)" "$TMP"/a/*.json
# the tlinks addition: present, and every end names a timex, an event mention or t0
"$PY" - "$TMP"/a/*.json > "$TMP/tl.log" 2>&1 <<'PYEOF' && ok "annotate -f json: tlinks (event-DCT for events, ends that exist)" || { fail "annotate -f json: tlinks"; head -3 "$TMP/tl.log"; }
import json, sys
seen = dct = 0
for f in sys.argv[1:]:
    for d in json.load(open(f))["documents"]:
        ids = {x["id"] for x in d["timexes"] + d["event_mentions"]} | {"t0"}
        for l in d["tlinks"]:
            assert l["from"] in ids and l["to"] in ids and l["evidence"], l
            seen += 1
            dct += l["to"] == "t0" and l["from"].startswith("em")
assert seen and dct, (seen, dct)
PYEOF
"$EVENTLINE" -q --tokens --dct 2023-06-19 -f json -o - - < "$EXAMPLE/000_8e976ec7213731ee.txt" > "$TMP/tok.json"
check "extract --tokens (per-word analysis)" "$TMP/tok.json"
"$EVENTLINE" annotate -q -f jsonl -o - -m "$EXAMPLE/manifest.tsv" "$EXAMPLE"/*.txt > "$TMP/a.jsonl"
check "annotate -f jsonl (every line)" "$TMP/a.jsonl"
"$EVENTLINE" merge -q -f json -o "$TMP/m" "$TMP/a.jsonl"
check "merge timeline.json" "$TMP/m/timeline.json"
for f in $(find "$TEST_DATA/te3/input" -type f | head -3) "$TEST_DATA"/*.html "$TEST_DATA"/*.jsonl; do
    [ -f "$f" ] || continue
    "$EVENTLINE" -q -f json -o - "$f" > "$TMP/in.json" 2>/dev/null || continue
    check "input $(basename "$f")" "$TMP/in.json"
done
# the schema rejects what the contract forbids
printf '{"schema": "eventline/2", "documents": [], "entities": [], "events": [], "relations": [], "timeline": []}\n' > "$TMP/bad.json"
"$PY" "$TOP_SRCDIR/tests/check_schema.py" "$SCHEMA" "$TMP/bad.json" >/dev/null 2>&1 \
    && fail "a wrong schema name is refused" || ok "a wrong schema name is refused"
"$PY" - "$TMP/x/timeline.json" "$TMP/bad2.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["events"][0]["time"] = {}          # an empty time object
d["documents"][0]["timexes"][0]["start"] = -1
json.dump(d, open(sys.argv[2], "w"))
PYEOF
"$PY" "$TOP_SRCDIR/tests/check_schema.py" "$SCHEMA" "$TMP/bad2.json" > "$TMP/bad2.log" 2>&1
grep -q "time" "$TMP/bad2.log" && grep -q "start" "$TMP/bad2.log" \
    && ok "an empty time object and a negative offset are refused" \
    || fail "an empty time object and a negative offset are refused"
finish

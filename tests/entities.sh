#!/bin/sh
# entities.sh - the entity stage on the example corpus, read as a person
# would: the people (with their titles), places and organizations a reader
# names are found and reconciled across articles, descriptions like "the top
# US diplomat" resolve, no common word is tagged; user gazetteers extend and
# bad ones are reported.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

expect_status 0 "entity index of the example corpus" "$EVENTLINE" entities \
    -m "$EXAMPLE/manifest.tsv" "$EXAMPLE"/*.txt
cp "$TMP/stdout.txt" "$TMP/table.txt"

has() {   # has TYPE NAME [PATTERN]: a row of that type and name (and pattern)
    if grep -E "^E[0-9]+ +$1 +$2 +[0-9]+ +[0-9]+ ?.*${3:-}" "$TMP/table.txt" >/dev/null; then
        ok "$1 $2 ${3:-}"; else fail "$1 $2 ${3:-}"; fi
}
has PERSON "Antony Blinken" "Secretary of State"
has PERSON "Xi Jinping" "President"
has PERSON "Wang Yi"
has PERSON "Qin Gang" "Foreign Minister"
has PERSON "Joe Biden" "President"
has PERSON "Li Shangfu" "Defense Minister"
has PERSON "Lloyd Austin"
has PERSON "Yang Tao" "Director-General"
has PERSON "Karine Jean-Pierre"
has PERSON "Jake Sullivan"
has PERSON "Hua Chunying"
has PERSON "Daniel Kritenbrink"
has LOCATION "United States" "America; .*U\.S\.; US"
has LOCATION "China"
has LOCATION "Beijing"
has LOCATION "Taiwan"
has LOCATION "Bali"
has ORGANIZATION "State Department"
has ORGANIZATION "Central Intelligence Agency" "CIA"
has ORGANIZATION "Chinese Foreign Ministry"
# the same person is one entity in every article
grep -E "^E[0-9]+ +PERSON +Antony Blinken +[0-9]+ +5 " "$TMP/table.txt" >/dev/null \
    && ok "one Blinken in all five articles" || fail "one Blinken in all five articles"
[ "$(grep -c -E ' PERSON +(Wang|Xi|Blinken|Qin) +[0-9]' "$TMP/table.txt")" = 0 ] \
    && ok "short names resolve to full ones" || fail "short names resolve to full ones"
# no common word, weekday or headline word is an entity
if grep -E "^E[0-9]+ +[A-Z]+ +(The|Both|Sides|Monday|Sunday|However|But|Presidents|Agree|Overall) " \
    "$TMP/table.txt"; then fail "no common word tagged"; else ok "no common word tagged"; fi

# "the top US diplomat" is Blinken, "the Chinese president" Xi
"$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/out" -f json "$EXAMPLE"/*.txt
if [ -n "${PYTHON3:-}" ]; then
    "$PYTHON3" - "$TMP/out/timeline.json" > "$TMP/nominals.txt" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
name = {e["id"]: e["name"] for e in j["entities"]}
for d in j["documents"]:
    for m in d["mentions"]:
        print("%s\t%s" % (m["text"], name.get(m.get("entity"), "")))
PY
    grep -q "^the top US diplomat	Antony Blinken$" "$TMP/nominals.txt" \
        && ok "the top US diplomat = Blinken" || fail "the top US diplomat = Blinken"
    grep -q "^the Chinese president	Xi Jinping$" "$TMP/nominals.txt" \
        && ok "the Chinese president = Xi" || fail "the Chinese president = Xi"
fi

# a user gazetteer adds names without rebuilding; a bad one is reported
printf 'Zorblax Industries\tORGANIZATION\tcompany\tZorblax\t\t\n' > "$TMP/mine.tsv"
printf 'Zorblax said on Monday that Zorblax Industries will grow.\n' > "$TMP/z.txt"
expect_status 0 "user gazetteer" "$EVENTLINE" entities --gazetteer "$TMP/mine.tsv" --dct 2023-06-19 "$TMP/z.txt"
grep -E "ORGANIZATION +Zorblax Industries +2 " "$TMP/stdout.txt" >/dev/null \
    && ok "user entries found" || fail "user entries found"
printf 'Zorblax\tPLANET\n' > "$TMP/bad.tsv"
expect_status 2 "bad user gazetteer" "$EVENTLINE" entities --gazetteer "$TMP/bad.tsv" "$TMP/z.txt"
expect_stderr "bad.tsv:1: PLANET: unknown entity type" "bad gazetteer line named"

finish

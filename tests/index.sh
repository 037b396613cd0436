#!/bin/sh
# index.sh - the SQLite index, checked with the real sqlite3 client and
# Python's sqlite3/csv/json: re-indexing replaces, the views read back the
# text, the corpus tables equal extract's timeline, every query option
# (counts, paging, --table, CSV as one table, --events, partial dates),
# unknown entities, bad databases, two first-time runs at once, readers
# while an index runs.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

DB="$TMP/corpus.db"
M="$EXAMPLE/manifest.tsv"
SQL() { sqlite3 -batch -noheader "$DB" "$@"; }
Q() { "$EVENTLINE" query --db "$DB" "$@"; }
# same DESCRIPTION A B: two strings are equal
same() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 ('$2' vs '$3')"; fi; }

if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "sqlite3 client not installed (Debian package sqlite3; scripts/bootstrap)"
    exit 77
fi

expect_status 0 "index the example corpus" "$EVENTLINE" index -q --db "$DB" -m "$M" "$EXAMPLE"/*.txt
expect_status 0 "index it again" "$EVENTLINE" index -q -j 2 --db "$DB" -m "$M" "$EXAMPLE"/*.txt

# ---- the database as any SQLite client sees it
same "schema version 2" "$(SQL 'PRAGMA user_version')" 2
same "integrity check" "$(SQL 'PRAGMA integrity_check')" ok
same "foreign keys hold" "$(SQL 'PRAGMA foreign_key_check' | wc -l)" 0
same "five documents, once each" "$(SQL 'SELECT count(*) FROM documents')" 5
same "re-indexing replaces (no duplicate mentions)" \
    "$(SQL 'SELECT count(*) FROM mention_rows')" \
    "$(SQL 'SELECT count(*) FROM (SELECT DISTINCT doc, n FROM mention_rows)')"
same "the mentions view has every mention" "$(SQL 'SELECT count(*) FROM mentions')" \
    "$(SQL 'SELECT count(*) FROM mention_rows')"
same "a mention's text is the document's text at its offsets" "$(SQL "SELECT count(*) FROM mentions m
    JOIN documents d ON d.name = m.document WHERE substr(d.text, m.start + 1, m.end - m.start) <> m.text")" 0
same "timex text too" "$(SQL "SELECT count(*) FROM timexes t JOIN documents d ON d.name = t.document
    WHERE substr(d.text, t.start + 1, t.end - t.start) <> t.text")" 0
same "timex instants read as text" "$(SQL "SELECT count(*) FROM timexes WHERE begin IS NOT NULL
    AND begin NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'")" 0
same "event mention codes decode" "$(SQL "SELECT count(*) FROM event_mentions
    WHERE class IS NULL OR tense IS NULL OR aspect IS NULL")" 0
same "links view" "$(SQL "SELECT count(*) FROM links WHERE kind IS NULL OR from_id IS NULL")" 0
same "entity counts" "$(SQL "SELECT sum(mentions) FROM entities")" "$(SQL 'SELECT count(*) FROM mention_rows')"

# ---- the corpus tables equal extract's timeline.json
"$EVENTLINE" extract -q -o "$TMP/out" -f json -m "$M" "$EXAMPLE"/*.txt
if [ -n "${PYTHON3:-}" ]; then
    "$PYTHON3" - "$DB" "$TMP/out/timeline.json" <<'PY' && ok "events, labels, timeline order and relations equal extract's" || fail "corpus tables vs extract"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
t = json.load(open(sys.argv[2]))
assert [r[0] for r in db.execute("SELECT vid FROM events WHERE position IS NOT NULL ORDER BY position")] == t["timeline"]
assert {r[0]: r[1] for r in db.execute("SELECT vid, label FROM events")} == {e["id"]: e["label"] for e in t["events"]}
assert db.execute("SELECT count(*) FROM relations").fetchone()[0] == len(t["relations"])
n = sum(len(e.get("mentions", [])) for e in t["events"])
assert db.execute("SELECT count(*) FROM event_members").fetchone()[0] == n, n
PY
fi
SQL "SELECT * FROM timeline" > "$TMP/t1"
expect_status 0 "index --rebuild-timeline" "$EVENTLINE" index -q --db "$DB" --rebuild-timeline
SQL "SELECT * FROM timeline" > "$TMP/t2"
cmp -s "$TMP/t1" "$TMP/t2" && ok "rebuilt from the stored rows: same timeline" || fail "rebuild differs"
[ -s "$TMP/t1" ] && ok "timeline view has rows" || fail "timeline view empty"

# ---- query --entity: record, counts, paging
NAME=$(SQL "SELECT name FROM entities ORDER BY mentions DESC, name LIMIT 1")
TOTAL=$(SQL "SELECT mentions FROM entities WHERE name = '$NAME'")
expect_status 0 "query --entity" Q --entity "$NAME"
grep -q "^== entities: 1 ==" "$TMP/stdout.txt" && grep -q "^== mentions: 1-50 of $TOTAL " "$TMP/stdout.txt" \
    && ok "table: the record, then 50 of the $TOTAL mentions" || fail "query --entity table"
[ "$(grep -c '' "$TMP/stdout.txt")" -le 56 ] && ok "not every mention by default" || fail "paging by default"
Q --entity "$NAME" --table mentions -f csv --limit 0 > "$TMP/all.csv" 2>/dev/null
same "--limit 0: every mention" "$(($(wc -l < "$TMP/all.csv") - 1))" "$TOTAL"
Q --entity "$NAME" --table mentions -f csv --limit 3 --offset 4 > "$TMP/page.csv" 2>"$TMP/err"
same "--limit 3 --offset 4 = rows 5-7" "$(tail -n +2 "$TMP/page.csv")" "$(sed -n 6,8p "$TMP/all.csv")"
expect_stderr "rows 5-7 of $TOTAL" "CSV says on stderr there is more"
Q --entity "$(echo "$NAME" | tr '[:lower:]' '[:upper:]')" -f json > "$TMP/q.json"
if [ -n "${PYTHON3:-}" ]; then
    "$PYTHON3" - "$TMP/q.json" "$TOTAL" <<'PY' && ok "JSON: total, offset, limit, rows; name ignores case" || fail "query JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["mentions"]["total"] == int(sys.argv[2]) and d["mentions"]["limit"] == 50
assert len(d["mentions"]["rows"]) == min(50, int(sys.argv[2])) and d["mentions"]["offset"] == 0
assert d["entities"]["rows"][0]["mentions"] == int(sys.argv[2])
PY
    # CSV: one table per invocation, loadable by csv
    for t in entities mentions documents events event_mentions cooccurring; do
        Q --entity "$NAME" --table $t -f csv > "$TMP/$t.csv" 2>/dev/null
        "$PYTHON3" - "$TMP/$t.csv" <<'PY' || fail "--table $t: not one CSV table"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows and all(len(r) == len(rows[0]) for r in rows), "ragged"
assert not any(r[0].startswith("==") for r in rows)
PY
    done
    ok "--table entities|mentions|documents|events|event_mentions|cooccurring: one CSV table each"
fi
Q --entity "$NAME" -f csv > "$TMP/d.csv"
same "CSV without --table: one table (the first)" "$(grep -c '^key,name,type' "$TMP/d.csv")" 1
same "... and nothing else" "$(grep -c '^document,' "$TMP/d.csv")" 0
ALIAS=$(SQL "SELECT t.text FROM aliases a JOIN terms t ON t.id = a.surface JOIN entities e ON e.id = a.entity
    WHERE e.name = '$NAME' AND t.text <> e.name LIMIT 1")
if [ -n "$ALIAS" ]; then
    Q --entity "$ALIAS" --table entities -f csv > "$TMP/alias.csv"
    grep -q "$NAME" "$TMP/alias.csv" && ok "an alias finds the entity" || fail "alias lookup"
fi
expect_status 1 "unknown entity: exit 1" Q --entity "Nobody Here At All"
expect_stderr "no entity named 'Nobody Here At All'" "unknown entity explained"
[ ! -s "$TMP/stdout.txt" ] && ok "unknown entity prints no empty tables" || fail "unknown entity output"
expect_status 1 "unknown --cooccur name: exit 1" Q --cooccur "Nobody Here At All"
Q --entity "x' OR 1=1 --" -f csv > "$TMP/inj.csv" 2>/dev/null
same "names are parameters, not SQL" "$(wc -c < "$TMP/inj.csv")" 0

# ---- events: the canonical events in timeline order
expect_status 0 "query --events" Q --events --limit 0 -f csv
same "--events lists every canonical event" "$(($(wc -l < "$TMP/stdout.txt") - 1))" \
    "$(SQL 'SELECT count(*) FROM events')"
EV=$(SQL "SELECT e.name FROM event_entities x JOIN entities e ON e.id = x.entity JOIN events v ON v.id = x.event
    WHERE v.begin >= '2023-06-01' GROUP BY e.id ORDER BY count(*) DESC LIMIT 1")
expect_status 0 "query --events --entity --between 2023-06 2023-07" \
    Q --events --entity "$EV" --between 2023-06 2023-07 -f csv --limit 0
N=$(($(wc -l < "$TMP/stdout.txt") - 1))
same "an entity's events in the range: all of them" "$N" "$(SQL "SELECT count(DISTINCT v.id) FROM events v
    JOIN event_entities x ON x.event = v.id JOIN entities e ON e.id = x.entity
    WHERE e.name = '$EV' AND v.begin >= '2023-06-01T00:00' AND v.end <= '2023-08-01T00:00'")"
if [ -n "${PYTHON3:-}" ]; then
    "$PYTHON3" - "$TMP/stdout.txt" <<'PY' && ok "in time order, inside the range" || fail "events order/range"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert rows
pos = [int(r["position"]) for r in rows if r["position"]]
assert pos == sorted(pos)
assert all("2023-06-01T00:00" <= r["begin"] and r["end"] <= "2023-08-01T00:00" for r in rows)
PY
fi
expect_status 0 "--between YYYY YYYY" Q --between 2023 2023
expect_status 0 "--between with minutes" Q --events --between 2023-06-19T00:00 2023-06-19T23:59
for bad in "2023-06-19 junk" "2023-06-19T99:99" "2023-13" "2023-02-30" "23" "2023-6" "2023-06-19T10" ""; do
    expect_status 2 "--between '$bad' rejected" Q --between "$bad" 2024
done
expect_stderr "invalid --between date" "bad date explained"
expect_status 2 "--between backwards" Q --between 2023-07 2023-06
expect_status 0 "query --type meeting" Q --type meeting -f csv --limit 0
[ "$(tail -n +2 "$TMP/stdout.txt" | cut -d, -f5 | sort -u)" = "meeting" ] \
    && ok "--type: only that type" || fail "--type filter"
expect_status 0 "query --cooccur" Q --cooccur "$EV"
grep -q "^== cooccurring" "$TMP/stdout.txt" && ok "--cooccur table" || fail "--cooccur table"
expect_status 0 "query --entity --table event_mentions" Q --entity "$EV" --table event_mentions

expect_status 2 "unknown --table" Q --entity "$NAME" --table nothing
expect_status 2 "--table mentions needs --entity" Q --events --table mentions
expect_status 2 "--limit -1" Q --events --limit -1
expect_status 2 "--limit abc" Q --events --limit abc

# ---- bad databases and usage
echo "not a database at all, just text" > "$TMP/bad.db"
expect_status 2 "corrupt database" Q --type meeting --db "$TMP/bad.db"
expect_stderr "bad.db: .*(corrupt|not a database)" "corrupt database explained"
expect_status 2 "index into a corrupt database" "$EVENTLINE" index -q --db "$TMP/bad.db" "$EXAMPLE/000_8e976ec7213731ee.txt"
expect_status 2 "missing database" "$EVENTLINE" query --db "$TMP/none.db" --type meeting
expect_status 2 "query without a question" "$EVENTLINE" query --db "$DB"
expect_status 2 "index without --db" "$EVENTLINE" index "$EXAMPLE/000_8e976ec7213731ee.txt"
sqlite3 "$TMP/v1.db" "CREATE TABLE documents (id TEXT PRIMARY KEY); PRAGMA user_version = 1;"
expect_status 2 "an older schema" "$EVENTLINE" index -q --db "$TMP/v1.db" "$EXAMPLE/000_8e976ec7213731ee.txt"
expect_stderr "older eventline" "older schema explained"
expect_status 2 "query an older schema" "$EVENTLINE" query --db "$TMP/v1.db" --events
expect_status 2 "--rebuild-timeline on a corrupt database" "$EVENTLINE" index -q --db "$TMP/bad.db" --rebuild-timeline

# ---- two first-time runs on one new database (the schema migration race)
race_ok=0
for i in 1 2 3 4 5; do
    R="$TMP/race$i.db"
    "$EVENTLINE" index -q --db "$R" -m "$M" "$EXAMPLE"/*.txt 2>"$TMP/race_a" &
    a=$!
    "$EVENTLINE" index -q --db "$R" -m "$M" "$EXAMPLE"/*.txt 2>"$TMP/race_b" &
    b=$!
    wait $a; ra=$?
    wait $b; rb=$?
    if [ $ra -eq 0 ] && [ $rb -eq 0 ] && [ "$(sqlite3 "$R" 'SELECT count(*) FROM documents')" = 5 ]; then
        race_ok=$((race_ok + 1))
    else
        cat "$TMP/race_a" "$TMP/race_b" | head -3
    fi
done
same "two first-time runs at once, 5 times: both succeed" "$race_ok" 5

# ---- a reader while an index runs
"$EVENTLINE" index -q --db "$DB" -m "$M" "$EXAMPLE"/*.txt "$EXAMPLE"/*.txt &
pid=$!
"$EVENTLINE" query --db "$DB" --type meeting >/dev/null 2>"$TMP/err"
qrc=$?
wait $pid
irc=$?
[ $qrc -eq 0 ] && [ $irc -eq 0 ] && ok "query while indexing" || fail "query while indexing (query $qrc, index $irc)"
finish

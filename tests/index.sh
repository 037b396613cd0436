#!/bin/sh
# index.sh - the SQLite index: re-indexing replaces, queries are
# parameterized, bad databases give a clear error, readers work while an
# index runs.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

DB="$TMP/corpus.db"
M="$EXAMPLE/manifest.tsv"
expect_status 0 "index the example corpus" "$EVENTLINE" index -q --db "$DB" -m "$M" "$EXAMPLE"/*.txt
expect_status 0 "index it again" "$EVENTLINE" index -q -j 2 --db "$DB" -m "$M" "$EXAMPLE"/*.txt
"$EVENTLINE" query --db "$DB" --between 1900-01-01 2100-01-01 -f json > "$TMP/q.json"
[ $? -eq 0 ] && ok "query --between -f json" || fail "query --between"
if [ -n "${PYTHON3:-}" ]; then
    "$PYTHON3" - "$DB" <<'PY' && ok "re-indexing replaces (no duplicates)" || fail "re-indexing replaces"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("select count(*) from documents").fetchone()[0] == 5
n = db.execute("select count(*) from mentions").fetchone()[0]
d = db.execute("select count(*) from (select distinct doc_id, mid from mentions)").fetchone()[0]
assert n == d
assert db.execute("pragma user_version").fetchone()[0] >= 1
PY
    "$PYTHON3" -c "import json,sys; d=json.load(open(sys.argv[1])); assert 'events' in d" "$TMP/q.json" \
        && ok "query JSON parses" || fail "query JSON parses"
fi
"$EVENTLINE" query --db "$DB" --entity "x' OR 1=1 --" -f csv > "$TMP/inj.csv"
[ "$(wc -l < "$TMP/inj.csv")" -le 4 ] && ok "names are parameters, not SQL" || fail "injection"
expect_status 0 "query --type --format csv" "$EVENTLINE" query --db "$DB" --type meeting -f csv
expect_status 0 "query --cooccur" "$EVENTLINE" query --db "$DB" --cooccur "United States"

echo "not a database at all, just text" > "$TMP/bad.db"
expect_status 2 "corrupt database" "$EVENTLINE" query --db "$TMP/bad.db" --type meeting
expect_stderr "bad.db: .*(corrupt|not a database)" "corrupt database explained"
expect_status 2 "index into a corrupt database" "$EVENTLINE" index -q --db "$TMP/bad.db" "$EXAMPLE/000_8e976ec7213731ee.txt"
expect_status 2 "missing database" "$EVENTLINE" query --db "$TMP/none.db" --type meeting
expect_status 2 "query without a question" "$EVENTLINE" query --db "$DB"
expect_status 2 "index without --db" "$EVENTLINE" index "$EXAMPLE/000_8e976ec7213731ee.txt"

# a reader while an index runs
"$EVENTLINE" index -q --db "$DB" -m "$M" "$EXAMPLE"/*.txt "$EXAMPLE"/*.txt &
pid=$!
"$EVENTLINE" query --db "$DB" --type meeting >/dev/null 2>"$TMP/err"
qrc=$?
wait $pid
irc=$?
[ $qrc -eq 0 ] && [ $irc -eq 0 ] && ok "query while indexing" || fail "query while indexing (query $qrc, index $irc)"
finish

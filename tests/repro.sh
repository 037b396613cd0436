#!/bin/sh
# repro.sh - the reproducers of issue 13 (tests/data/repro/, found by
# fuzzing and by hand) as regression tests: each runs through the
# subcommand that crashed, lost data or misbehaved, and the documented
# outcome is checked (no crash, a clear line naming the file, the rest of
# the batch processed, the documented exit status).
. "${TOP_SRCDIR:-.}/tests/lib.sh"

R="$TEST_DATA/repro"

# did_not_crash STATUS WHAT: exit statuses above 3 are crashes or aborts.
did_not_crash() {
    if [ "$1" -le 3 ]; then ok "$2: no crash (exit $1)"; else
        fail "$2: exit $1"; sed 's/^/    /' "$TMP/err" | head -5; fi
}

# ---- a document whose last token is a signal word or ends a time expression:
# every reader, every subcommand, processed normally (tokens[ntokens] read).
for f in text-signal-last-token-until.txt text-signal-last-token-before.txt \
         text-signal-last-token-after.txt text-signal-last-token-since.txt \
         text-signal-last-token-during.txt text-signal-sent_end.txt \
         html-signal-last-token.html timeml-signal-last-token.tml \
         text-timex-weekday_value.txt html-timex-weekday_value.html \
         text-timex-amount_half.txt html-timex-amount_half.html; do
    expect_status 0 "$f: extract" "$EVENTLINE" -q -f json -o "$TMP/x-$f" "$R/$f"
    [ -s "$TMP/x-$f/timeline.json" ] && ok "$f: timeline written" || fail "$f: timeline written"
    expect_status 0 "$f: annotate -f jsonl" "$EVENTLINE" annotate -q -f jsonl -o - "$R/$f"
    [ "$(wc -l < "$TMP/stdout.txt")" -eq 1 ] && ok "$f: one result" || fail "$f: one result"
done
# The weekday at the very end takes its value from the text, not from
# memory past the tokens.
"$EVENTLINE" annotate -q -f jsonl -o - "$R/text-timex-weekday_value.txt" > "$TMP/wd.jsonl"
grep -q '"text":"Monday","type":"DATE","value":"XXXX-WXX-1"' "$TMP/wd.jsonl" \
    && ok "weekday at the end: XXXX-WXX-1" || fail "weekday at the end: value"

# 100 records, one of them "Prices rose after": all 100 in every subcommand.
J="$R/jsonl-100-records-one-ends-with-after.jsonl"
expect_status 0 "100 records: annotate -f jsonl" "$EVENTLINE" annotate -q -f jsonl -o - "$J"
[ "$(wc -l < "$TMP/stdout.txt")" -eq 100 ] && ok "100 records: 100 lines" \
    || fail "100 records: $(wc -l < "$TMP/stdout.txt") lines"
cp "$TMP/stdout.txt" "$TMP/100.jsonl"
expect_status 0 "100 records: extract" "$EVENTLINE" -q -f json -o "$TMP/x100" "$J"
[ "$(grep -oE '"id": ?"d[0-9]*"' "$TMP/x100/timeline.json" | sort -u | wc -l)" -ge 100 ] \
    && ok "100 records: 100 documents in timeline.json" || fail "100 records: documents in timeline.json"
expect_status 0 "100 records: merge" "$EVENTLINE" merge -q -f json -o "$TMP/m100" "$TMP/100.jsonl"
cmp -s "$TMP/x100/timeline.json" "$TMP/m100/timeline.json" \
    && ok "100 records: merge = extract" || fail "100 records: merge differs from extract"
expect_status 0 "100 records: index" "$EVENTLINE" index -q --db "$TMP/100.db" "$J"
expect_status 0 "stream with a signal at the end" "$EVENTLINE" annotate -q -f jsonl -o - \
    "$R/jsonl-stream-signal-last-token.jsonl"
[ "$(wc -l < "$TMP/stdout.txt")" -eq 3 ] && ok "stream: 3 results" || fail "stream: 3 results"

# ---- merge: results with indexes or spans that name nothing are rejected
# with file:line and the problem; alone exit 3, with a good result exit 1
# and the good one merged.
"$EVENTLINE" annotate -q -f jsonl -o - "$EXAMPLE/003_2b876bd83eeda8c9.txt" > "$TMP/good.jsonl"
for f in merge-link-oob-asan.jsonl merge-link-oob-min.jsonl merge-link-oob.jsonl \
         merge-aspectual-timex-oob.jsonl merge-aspectual-timex-oob-release.jsonl \
         merge-span-in-trailing-space.jsonl merge-ref-int-overflow-ubsan.jsonl \
         no-crash/merge-anchor-atoi-overflow.jsonl no-crash/merge-anchor-oob.jsonl \
         no-crash/merge-link-negative.jsonl no-crash/merge-location-oob.jsonl \
         no-crash/merge-timex-oob.jsonl; do
    expect_status 3 "$f: merge alone exits 3" "$EVENTLINE" merge -q -f json -o "$TMP/m" "$R/$f"
    expect_stderr "$f:1: document '[^']*': .*(names no|covers no word)" "$f: file, line and problem"
    expect_status 1 "$f: with a good result exits 1" "$EVENTLINE" merge -f json -o "$TMP/mg" \
        "$TMP/good.jsonl" "$R/$f"
    expect_stderr "1 skipped" "$f: reported as skipped"
    grep -qE '"id": ?"003_2b876bd83eeda8c9"' "$TMP/mg/timeline.json" \
        && ok "$f: the good result merged" || fail "$f: the good result merged"
done

# ---- silent data loss
# Ids that repeat or clean to one file name: every document written, the
# later ones under a numbered name, each reported.
D="$R/dataloss-annotate-duplicate-ids.jsonl"
expect_status 0 "duplicate ids: annotate" "$EVENTLINE" annotate -f json -o "$TMP/dup" "$D"
[ "$(ls "$TMP/dup" | wc -l)" -eq 6 ] && ok "duplicate ids: 6 files for 6 documents" \
    || fail "duplicate ids: $(ls "$TMP/dup" | wc -l) files for 6 documents"
[ -f "$TMP/dup/same-2.json" ] && ok "duplicate ids: numbered name" || fail "duplicate ids: same-2.json"
expect_stderr "has the file name of an earlier document: written as same-2.json" \
    "duplicate ids: reported"
grep -qE '"text": ?"Talks resumed on Tuesday."' "$TMP/dup/same-2.json" \
    && ok "duplicate ids: second document in same-2.json" || fail "duplicate ids: same-2.json content"

# A record too large for memory is skipped and reported, the records after
# it still read (getline's failure is not the end of the input).  Needs
# ulimit -v, which the sanitizers' shadow memory does not fit in.
if [ "$SANITIZE_BUILD" != yes ] && (ulimit -v 400000) 2>/dev/null; then
    { echo '{"id":"a","text":"Officials met on Monday."}'
      printf '{"id":"big","text":"'; head -c 300000000 /dev/zero | tr '\0' x; echo '"}'
      echo '{"id":"c","text":"Talks resumed on Tuesday."}'; } > "$TMP/big.jsonl"
    (ulimit -v 400000; "$EVENTLINE" annotate -f jsonl --max-doc-size 1G -o - "$TMP/big.jsonl" \
        > "$TMP/big.out" 2> "$TMP/err"); rc=$?
    [ "$rc" -eq 1 ] && ok "record over memory: exit 1" || fail "record over memory: exit $rc"
    [ "$(wc -l < "$TMP/big.out")" -eq 2 ] && ok "record over memory: the other two written" \
        || fail "record over memory: $(wc -l < "$TMP/big.out") written"
    expect_stderr "big.jsonl:2: record too large to read \(out of memory\), skipped" \
        "record over memory: reported with its line"
    rm -f "$TMP/big.jsonl"
fi

# ---- resource limits
# Internal entities referenced thousands of times: refused at once.
expect_status 3 "TimeML entity amplification refused" "$EVENTLINE" -q -f json -o "$TMP/o" \
    "$R/dos-timeml-internal-entity-amplification.tml"
expect_stderr "amplification.tml: entity references expand to more than 5 times" \
    "TimeML entity amplification: clear error"
for f in no-crash/timeml-billion-laughs.tml no-crash/xxe1.tml no-crash/xxe2.tml \
         no-crash/xxe3.tml no-crash/xxe4.tml no-crash/xxe5.tml no-crash/xxe6.tml \
         no-crash/xxe7.tml no-crash/xxe1.html no-crash/xxe2.html; do
    "$EVENTLINE" -q -f json -o "$TMP/o" "$R/$f" >/dev/null 2>"$TMP/err"
    did_not_crash $? "$f"
    grep -q "root:" "$TMP/o/timeline.json" 2>/dev/null && fail "$f: /etc/passwd read" \
        || ok "$f: no external entity loaded"
done
# --max-doc-size: a larger document is reported and skipped, the rest processed.
expect_status 1 "--max-doc-size skips the larger document" "$EVENTLINE" -q -f json \
    --max-doc-size 7K -o "$TMP/lim" "$EXAMPLE/000_8e976ec7213731ee.txt" "$EXAMPLE/001_908c84176fe8d63d.txt"
expect_stderr "000_8e976ec7213731ee.txt: larger than the document size limit \(--max-doc-size, 7168 bytes\)" \
    "--max-doc-size: names the file and the limit"
grep -qE '"id": ?"001_908c84176fe8d63d"' "$TMP/lim/timeline.json" && ok "--max-doc-size: the other written" \
    || fail "--max-doc-size: the other written"
expect_status 1 "--max-doc-size on JSON Lines records" "$EVENTLINE" -q -f json --max-doc-size 40 \
    -o "$TMP/lim2" "$R/jsonl-stream-signal-last-token.jsonl"
expect_stderr "signal-last-token.jsonl:1: record larger than the document size limit" \
    "--max-doc-size: record named with its line"
expect_status 2 "--max-doc-size 4G refused (offsets are 32-bit)" "$EVENTLINE" --max-doc-size 4G x
expect_status 2 "--max-doc-size junk refused" "$EVENTLINE" --max-doc-size 12Q x
# /dev/zero as a file, standard input, JSON Lines or manifest: a clear error, quickly.
expect_status 3 "/dev/zero as input" "$EVENTLINE" -q -o "$TMP/o" /dev/zero
expect_stderr "/dev/zero: larger than the document size limit" "/dev/zero: size limit"
"$EVENTLINE" -q -o "$TMP/o" - < /dev/zero > /dev/null 2> "$TMP/err"
[ $? -eq 3 ] && ok "/dev/zero on stdin: exit 3" || fail "/dev/zero on stdin"
expect_status 3 "/dev/zero as JSON Lines" "$EVENTLINE" -q --input-format jsonl -o "$TMP/o" /dev/zero
expect_stderr "/dev/zero:1: NUL byte: not JSON Lines" "/dev/zero as JSON Lines: NUL byte"
expect_status 2 "/dev/zero as manifest" "$EVENTLINE" -q -m /dev/zero -o "$TMP/o" "$R/text-signal-sent_end.txt"
# A FIFO that no writer opens: an error after a wait, not a hang.
if mkfifo "$TMP/fifo" 2>/dev/null; then
    expect_status 3 "FIFO without a writer" timeout 60 "$EVENTLINE" -q -o "$TMP/o" "$TMP/fifo"
    expect_stderr "fifo: a FIFO that no writer opened" "FIFO without a writer: explained"
    (cat "$R/text-timex-weekday_value.txt" > "$TMP/fifo") &
    expect_status 0 "FIFO with a writer is read" timeout 60 "$EVENTLINE" -q -f json -o "$TMP/o" "$TMP/fifo"
    wait
fi

# A file name that is not UTF-8 gives a valid UTF-8 id (U+FFFD for the bad
# byte), in timeline.json and in the viewer.
cp "$R/dataloss-filename-latin1.txt" "$TMP/caf$(printf '\351').txt"
expect_status 0 "latin-1 file name" "$EVENTLINE" -q -f json,html -o "$TMP/l1" "$TMP/caf$(printf '\351').txt"
grep -qE '"id": ?"caf(\\ufffd|�)"' "$TMP/l1/timeline.json" && ok "latin-1 file name: id caf\\ufffd" \
    || fail "latin-1 file name: id"
grep -q 'caf' "$TMP/l1/index.html" && ok "latin-1 file name: in index.html" || fail "latin-1 file name: index.html"
# Evidence strings are cut at a character boundary.
"$EVENTLINE" annotate -q -f jsonl -o - "$R/dataloss-evidence-utf8-truncation.txt" > "$TMP/ev.jsonl"
"$PYTHON3" -c 'import json,sys; [json.loads(l.encode("utf-8", "strict")) for l in open(sys.argv[1], encoding="utf-8", errors="strict")]' \
    "$TMP/ev.jsonl" 2>/dev/null && ok "evidence: valid UTF-8" || fail "evidence: cut inside a character"
# Terminal escape sequences in a file name are not echoed raw.
expect_status 3 "escape sequence in a file name" "$EVENTLINE" -q -o "$TMP/o" "$TMP/missing$(printf '\033[31m')"
grep -q "$(printf '\033')" "$TMP/err" && fail "escape sequence echoed raw" || ok "escape sequence not echoed raw"
expect_stderr "missing\?\[31m: no such file" "escape sequence shown as ?"

# ---- injection and well-formedness
# Spreadsheet formulas: a cell starting with = + - @ is written with a leading '.
printf '=Evil Corp\tORGANIZATION\tcompany\t\tevil:1\t\n' > "$TMP/evil.tsv"
printf 'On Monday, June 19, 2023, =Evil Corp met Acme officials in Paris.\n' > "$TMP/evil.txt"
expect_status 0 "formula names: extract csv,tsv" "$EVENTLINE" -q --gazetteer "$TMP/evil.tsv" \
    --dct 2023-06-19 -f csv,tsv -o "$TMP/csv" "$TMP/evil.txt"
grep -q ",'=Evil Corp," "$TMP/csv/events.csv" && ok "CSV: formula cell protected" || fail "CSV: formula cell"
grep -q "$(printf "\t'=Evil Corp\t")" "$TMP/csv/events.tsv" && ok "TSV: formula cell protected" \
    || fail "TSV: formula cell"
grep -q "[,$(printf '\t')]=" "$TMP/csv/events.csv" "$TMP/csv/events.tsv" && fail "a cell starts with =" \
    || ok "no cell starts with ="
# semeval2015 lines never carry an id's tab or line break.
printf '{"id":"a\\tb\\nc","text":"On Monday, June 19, 2023, Acme Corp said it met Zeta officials in Paris.","dct":"2023-06-19"}\n' \
    > "$TMP/tab.jsonl"
expect_status 0 "semeval2015 with a tab in an id" "$EVENTLINE" timeline --entity "Acme Corp" \
    -f semeval2015 "$TMP/tab.jsonl"
[ "$(wc -l < "$TMP/stdout.txt")" -eq 2 ] && [ "$(awk -F'\t' 'NR > 1 && NF != 3' "$TMP/stdout.txt" | wc -l)" -eq 0 ] \
    && ok "semeval2015: one line per event, three fields" || fail "semeval2015: id broke the line"

# TimeML output is well-formed whatever the text and DOCID hold (control
# characters, U+FFFE/U+FFFF), and reads back.
expect_status 0 "odd characters: annotate -f timeml" "$EVENTLINE" annotate -q -f timeml -o "$TMP/tml" \
    "$R/timeml-output-not-wellformed-nonchar.txt" "$R/timeml-output-not-wellformed-docid.jsonl"
[ "$(ls "$TMP/tml" | wc -l)" -eq 3 ] && ok "odd characters: 3 TimeML files" || fail "odd characters: files"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "$TMP"/tml/*.tml 2>"$TMP/err" && ok "odd characters: xmllint well-formed" \
        || { fail "odd characters: not well-formed"; head -3 "$TMP/err"; }
fi
expect_status 0 "odd characters: TimeML reads back" "$EVENTLINE" -q -f json -o "$TMP/tmlback" "$TMP"/tml/*.tml

# ---- output files
# Stale NAME.tmpPID files of killed runs are removed; a live process's stay.
mkdir -p "$TMP/stale"
: > "$TMP/stale/timeline.svg.tmp4194300"
: > "$TMP/stale/timeline.json.tmp$$"
expect_status 0 "run into a directory with stale tmp files" "$EVENTLINE" -q -f json -o "$TMP/stale" \
    "$R/text-timex-weekday_value.txt"
[ ! -e "$TMP/stale/timeline.svg.tmp4194300" ] && ok "stale tmp file removed" || fail "stale tmp file left"
[ -e "$TMP/stale/timeline.json.tmp$$" ] && ok "a running process's tmp file kept" || fail "live tmp file removed"
[ "$(ls "$TMP/stale" | grep -c '\.tmp')" -eq 1 ] && ok "no tmp file of this run left" || fail "tmp files left"
# A failed write of a rendered format (SVG to a full device) is our error
# and exit status, not Graphviz's exit(1).
if [ -w /dev/full ]; then
    "$EVENTLINE" -q --dct 2023-06-19 -f svg -o - "$EXAMPLE/003_2b876bd83eeda8c9.txt" > /dev/full 2> "$TMP/err"
    [ $? -eq 3 ] && ok "SVG to a full device: exit 3" || fail "SVG to a full device: exit status"
fi

# ---- command line and store
expect_status 2 "--between with junk after the date" "$EVENTLINE" query --db "$TMP/q.db" \
    --between "2023-06-19 junk" 2023-06-20
expect_status 2 "--between with an impossible time" "$EVENTLINE" query --db "$TMP/q.db" \
    --between 2023-06-19T99:99 2023-06-20
expect_status 2 "--dct with junk" "$EVENTLINE" --dct "2023-06-19x" -o "$TMP/o" "$R/text-signal-sent_end.txt"
# Two first-time index runs on a new database: both succeed (no schema race).
race=0
for i in 1 2 3 4 5; do
    rm -f "$TMP/race.db" "$TMP/race.db-wal" "$TMP/race.db-shm"
    "$EVENTLINE" index -q --db "$TMP/race.db" "$R/text-timex-weekday_value.txt" 2>"$TMP/r1" & p=$!
    "$EVENTLINE" index -q --db "$TMP/race.db" "$R/text-timex-amount_half.txt" 2>"$TMP/r2"; r2=$?
    wait $p; r1=$?
    [ $r1 -eq 0 ] && [ $r2 -eq 0 ] || { race=$((race + 1)); cat "$TMP/r1" "$TMP/r2"; }
done
[ $race -eq 0 ] && ok "two first index runs: no schema race" || fail "schema race in $race of 5"

# ---- HTML the parser cannot keep whole: a warning naming the file ---------
expect_status 0 "HTML deeper than the parser's limit: processed" \
    "$EVENTLINE" -f json -o "$TMP/hd" --dct 2023-06-19 "$R/dataloss-html-depth-over-256.html"
expect_stderr "dataloss-html-depth-over-256.html: warning: HTML nested deeper" \
    "HTML deeper than the parser's limit: a warning names the file"
expect_status 0 "HTML charset conversion error: processed" \
    "$EVENTLINE" -f json -o "$TMP/hc" --dct 2023-06-19 "$R/dataloss-html-charset-conversion-error.html"
expect_stderr "dataloss-html-charset-conversion-error.html: warning: bytes invalid in the declared charset" \
    "HTML charset conversion error: a warning names the file"
grep -q "^encoding error" "$TMP/err" && fail "libxml2's raw encoding errors reach stderr" \
    || ok "no raw libxml2 lines on stderr"
expect_status 0 "deeply nested articles: processed" \
    "$EVENTLINE" annotate -q -f jsonl -o - --dct 2023-06-19 "$R/dos-html-nested-articles.html"
grep -q "Officials met on Monday" "$TMP/stdout.txt" && ok "deeply nested articles: their text is read" \
    || fail "deeply nested articles: their text is read"

finish

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
[ "$(grep -o '"id": "d[0-9]*"' "$TMP/x100/timeline.json" | sort -u | wc -l)" -ge 100 ] \
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
    grep -q '"id": "003_2b876bd83eeda8c9"' "$TMP/mg/timeline.json" \
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
grep -q '"text": "Talks resumed on Tuesday."' "$TMP/dup/same-2.json" \
    && ok "duplicate ids: second document in same-2.json" || fail "duplicate ids: same-2.json content"

# A record too large for memory is skipped and reported, the records after
# it still read (getline's failure is not the end of the input).  Needs
# ulimit -v, which the sanitizers' shadow memory does not fit in.
if [ "$SANITIZE_BUILD" != yes ] && (ulimit -v 400000) 2>/dev/null; then
    { echo '{"id":"a","text":"Officials met on Monday."}'
      printf '{"id":"big","text":"'; head -c 300000000 /dev/zero | tr '\0' x; echo '"}'
      echo '{"id":"c","text":"Talks resumed on Tuesday."}'; } > "$TMP/big.jsonl"
    (ulimit -v 400000; "$EVENTLINE" annotate -f jsonl -o - "$TMP/big.jsonl" \
        > "$TMP/big.out" 2> "$TMP/err"); rc=$?
    [ "$rc" -eq 1 ] && ok "record over memory: exit 1" || fail "record over memory: exit $rc"
    [ "$(wc -l < "$TMP/big.out")" -eq 2 ] && ok "record over memory: the other two written" \
        || fail "record over memory: $(wc -l < "$TMP/big.out") written"
    expect_stderr "big.jsonl:2: record too large to read \(out of memory\), skipped" \
        "record over memory: reported with its line"
    rm -f "$TMP/big.jsonl"
fi

finish

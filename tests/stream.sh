#!/bin/sh
# stream.sh - `eventline annotate -f jsonl -o -` as a streaming mapper:
# JSON Lines in on standard input, one compact JSON result per document per
# line out, bad records reported with their line and skipped.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

printf '%s\n' '{"id":"a","text":"Officials met on Monday.","dct":"2023-06-19"}' \
    '{"id":' '' '{"id":"b","text":"Talks resumed on Tuesday.","dct":"2023-06-20"}' > "$TMP/in.jsonl"
"$EVENTLINE" annotate -q -f jsonl -o - - < "$TMP/in.jsonl" > "$TMP/out.jsonl" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && ok "bad record: exit 1" || fail "bad record: exit $rc"
expect_stderr "<stdin>:2: not valid JSON" "bad record named with its line"
[ "$(wc -l < "$TMP/out.jsonl")" -eq 2 ] && ok "one output line per good record" \
    || fail "one output line per good record ($(wc -l < "$TMP/out.jsonl"))"
head -1 "$TMP/out.jsonl" | grep -q '^{"schema":"eventline/1","documents":\[{"id":"a"' \
    && ok "first line is document a" || fail "first line is document a"
sed -n 2p "$TMP/out.jsonl" | grep -q '"id":"b","dct":"2023-06-20"' \
    && ok "second line is document b with its DCT" || fail "second line is document b"
if [ -n "${PYTHON3:-}" ]; then
    "$PYTHON3" -c "
import json, sys
for line in open(sys.argv[1]):
    assert json.loads(line)['schema'] == 'eventline/1'" "$TMP/out.jsonl" \
        && ok "every line is JSON" || fail "every line is JSON"
fi
# A file argument and a directory output: DIR/annotations.jsonl, a line each.
"$EVENTLINE" annotate -q -f jsonl -o "$TMP/dir" "$TMP/in.jsonl" 2>"$TMP/err"
[ "$(wc -l < "$TMP/dir/annotations.jsonl")" -eq 2 ] && ok "-o DIR writes annotations.jsonl" \
    || fail "-o DIR writes annotations.jsonl"
# Ids from the input cannot place files outside the output directory.
printf '{"id":"../escape","text":"Officials met."}\n' > "$TMP/evil.jsonl"
mkdir "$TMP/sub"
"$EVENTLINE" annotate -q -f timeml -o "$TMP/sub/out" "$TMP/evil.jsonl" 2>"$TMP/err"
[ ! -e "$TMP/sub/escape.tml" ] && [ "$(ls "$TMP/sub/out" | wc -l)" -eq 1 ] \
    && ok "document id cannot escape the output directory" || fail "id escapes the output directory"
# Plain text on standard input is still read as text.
printf 'Officials met on Monday.\n' | "$EVENTLINE" annotate -q -f jsonl -o - - > "$TMP/t.jsonl" 2>"$TMP/err"
grep -q '"id":"stdin"' "$TMP/t.jsonl" && ok "text on stdin still text" || fail "text on stdin"
finish

#!/bin/sh
# bad_input.sh - malformed input gives one clear line naming the file, a
# non-zero exit when nothing could be processed, and in a batch the good
# documents are still processed and written.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

GOOD="$EXAMPLE/003_2b876bd83eeda8c9.txt"
: > "$TMP/empty.txt"
printf '   \n\n' > "$TMP/blank.txt"
head -c 4096 /dev/urandom > "$TMP/junk.bin"
printf 'caf\351 au lait\n' > "$TMP/latin1.txt"
printf '<?xml version="1.0"?>\n<TimeML><DOCID>x</DOCID><TEXT>broken <b></TEXT>\n' > "$TMP/broken.tml"
printf '<html><head><title>t</title></head><body><p>unclosed <div>text' > "$TMP/broken.html"
printf '{"id":"a","text":"Officials met Monday.","dct":"2023-06-19"}\n{"id":\n{"id":"c","text":"x","dct":"not a date"}\n' > "$TMP/mixed.jsonl"
mkdir "$TMP/adir"

for f in empty.txt blank.txt junk.bin latin1.txt; do
    expect_status 3 "$f alone: exit 3" "$EVENTLINE" -q -o "$TMP/o-$f" "$TMP/$f"
    expect_stderr "$f: " "$f: error names the file"
    [ "$(wc -l < "$TMP/err")" -eq 1 ] && ok "$f: one line" || fail "$f: one line ($(wc -l < "$TMP/err"))"
done
expect_status 3 "missing file" "$EVENTLINE" -q -o "$TMP/o" "$TMP/missing.txt"
expect_stderr "missing.txt: no such file" "missing file explained"
expect_status 3 "directory" "$EVENTLINE" -q -o "$TMP/o" "$TMP/adir"
expect_stderr "adir: is a directory" "directory explained"
expect_status 3 "invalid UTF-8 names the byte" "$EVENTLINE" -q -o "$TMP/o" "$TMP/latin1.txt"
expect_stderr "invalid UTF-8 at byte 3" "invalid UTF-8 offset"

# A batch with bad documents: the good one is still processed and written.
expect_status 1 "batch with bad documents exits 1" "$EVENTLINE" -q -f json -o "$TMP/batch" \
    "$TMP/empty.txt" "$TMP/junk.bin" "$GOOD" "$TMP/missing.txt" "$TMP/latin1.txt"
[ "$(wc -l < "$TMP/err")" -eq 4 ] && ok "one line per bad document" || fail "one line per bad document"
grep -q '"id": "003_2b876bd83eeda8c9"' "$TMP/batch/timeline.json" \
    && ok "good document written despite bad ones" || fail "good document written"

# Broken markup: a clear error or a best-effort document, never a crash.
for f in broken.tml broken.html; do
    "$EVENTLINE" -q -f json -o "$TMP/o-$f" "$TMP/$f" >/dev/null 2>"$TMP/err"
    rc=$?
    if [ $rc -eq 0 ] || { [ $rc -eq 3 ] && grep -q "$f" "$TMP/err"; }; then ok "$f handled (exit $rc)"
    else fail "$f (exit $rc)"; fi
done

# JSON Lines with a broken record: reported with its line, the rest processed.
"$EVENTLINE" -q -f json -o "$TMP/jl" "$TMP/mixed.jsonl" >/dev/null 2>"$TMP/err"
rc=$?
if [ $rc -le 1 ]; then ok "jsonl batch exit $rc"; else fail "jsonl batch exit $rc"; fi

# A 50 MB single line: processed, no crash.
"${PYTHON3:-python3}" -c "
import sys
s = 'The minister met officials on Monday and talks lasted 35 minutes, officials said; '
sys.stdout.write((s * (50 * 1024 * 1024 // len(s) + 1))[:50 * 1024 * 1024] + '\n')" > "$TMP/huge.txt"
expect_status 0 "50 MB single line" "$EVENTLINE" -q -f json -o "$TMP/huge" --dct 2023-06-19 "$TMP/huge.txt"
rm -f "$TMP/huge.txt"
rm -rf "$TMP/huge"

finish

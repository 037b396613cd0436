#!/bin/sh
# bad_input.sh - malformed input gives one clear line naming the file, a
# non-zero exit when nothing could be processed, and in a batch the good
# documents are still processed and written.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

GOOD="$EXAMPLE/003_2b876bd83eeda8c9.txt"
: > "$TMP/empty.txt"
printf '   \n\n' > "$TMP/blank.txt"
# Random bytes after a fixed invalid first byte: the input is never taken
# for JSON Lines ('{') or markup ('<'), whose readers report differently.
{ printf '\377'; head -c 4095 /dev/urandom; } > "$TMP/junk.bin"
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
grep -Eq '"id": ?"003_2b876bd83eeda8c9"' "$TMP/batch/timeline.json" \
    && ok "good document written despite bad ones" || fail "good document written"

# Broken markup: a clear error or a best-effort document, never a crash.
for f in broken.tml broken.html; do
    "$EVENTLINE" -q -f json -o "$TMP/o-$f" "$TMP/$f" >/dev/null 2>"$TMP/err"
    rc=$?
    if [ $rc -eq 0 ] || { [ $rc -eq 3 ] && grep -q "$f" "$TMP/err"; }; then ok "$f handled (exit $rc)"
    else fail "$f (exit $rc)"; fi
done

# Broken XML: one line with the parser's first error and its line.
expect_status 3 "broken TimeML alone: exit 3" "$EVENTLINE" -q -f json -o "$TMP/o" "$TMP/broken.tml"
expect_stderr "broken.tml: not well-formed XML at line 2: " "broken TimeML: parser message and line"
[ "$(wc -l < "$TMP/err")" -eq 1 ] && ok "broken TimeML: one line" || fail "broken TimeML: one line"
# Broken HTML is repaired: its text is processed.
expect_status 0 "broken HTML: best effort" "$EVENTLINE" -q -f json -o "$TMP/bh" "$TMP/broken.html"
grep -Eq '"id": ?"broken"' "$TMP/bh/timeline.json" && ok "broken HTML document written" \
    || fail "broken HTML document written"
printf '<html><body><script>var x = 1;</script><nav>Home</nav></body></html>' > "$TMP/notext.html"
expect_status 3 "HTML without article text: exit 3" "$EVENTLINE" -q -o "$TMP/o" "$TMP/notext.html"
expect_stderr "notext.html: no article text" "HTML without text explained"

# JSON Lines with broken records: each reported with its line, the rest processed.
expect_status 1 "jsonl batch with bad records exits 1" "$EVENTLINE" -q -f json -o "$TMP/jl" \
    "$TMP/mixed.jsonl"
expect_stderr "mixed.jsonl:2: not valid JSON" "jsonl: broken line named"
expect_stderr "mixed.jsonl:3: dct 'not a date' is not a date \\(YYYY-MM-DD\\)" "jsonl: bad dct named"
[ "$(wc -l < "$TMP/err")" -eq 2 ] && ok "jsonl: one line per bad record" || fail "jsonl: one line per bad record"
grep -Eq '"id": ?"a"' "$TMP/jl/timeline.json" && ok "jsonl: good record written" \
    || fail "jsonl: good record written"
printf '{"text":"no id"}\n' | "$EVENTLINE" -q -f json -o - --input-format jsonl - \
    >"$TMP/stdin.json" 2>"$TMP/err"
grep -Eq '"id": ?"stdin-1"' "$TMP/stdin.json" && ok "jsonl on stdin: id from the line number" \
    || fail "jsonl on stdin"
printf '{"id":"x","text":"\\u0000"}\n{"id":"y","text":42}\n' > "$TMP/bad.jsonl"
expect_status 3 "jsonl with only bad records exits 3" "$EVENTLINE" -q -o "$TMP/o" "$TMP/bad.jsonl"
expect_stderr "bad.jsonl:2: \"text\" is not a string" "jsonl: non-string text named"

# A 50 MB single line: processed, no crash.
"${PYTHON3:-python3}" -c "
import sys
s = 'The minister met officials on Monday and talks lasted 35 minutes, officials said; '
sys.stdout.write((s * (50 * 1024 * 1024 // len(s) + 1))[:50 * 1024 * 1024] + '\n')" > "$TMP/huge.txt"
expect_status 0 "50 MB single line" "$EVENTLINE" -q -f dot -o "$TMP/huge" --dct 2023-06-19 "$TMP/huge.txt"
rm -f "$TMP/huge.txt"
rm -rf "$TMP/huge"
# A 20 MB JSON Lines record: read as one line, processed.
"${PYTHON3:-python3}" -c "
import json, sys
s = 'The minister met officials on Monday and talks lasted 35 minutes, officials said; '
print(json.dumps({'id': 'big', 'dct': '2023-06-19', 'text': s * (20 * 1024 * 1024 // len(s))}))
print(json.dumps({'id': 'small', 'text': 'Talks resumed on Tuesday.'}))" > "$TMP/huge.jsonl"
expect_status 0 "20 MB JSON Lines record" "$EVENTLINE" -q -f json -o "$TMP/hj" "$TMP/huge.jsonl"
grep -Eq '"id": ?"small"' "$TMP/hj/timeline.json" && ok "record after the long line read" \
    || fail "record after the long line read"
rm -rf "$TMP/huge.jsonl" "$TMP/hj"

finish

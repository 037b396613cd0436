#!/bin/sh
# progress.sh - the progress line: on a terminal (a pseudo-terminal here)
# it shows documents, MB, MB/s and the time left, redrawn in place (\r) and
# cleared at the end; nothing with -q, nothing when stderr is not a terminal.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
[ -n "${PYTHON3:-}" ] || { echo "skip - no python3"; exit 77; }

# ~8 MB of JSON Lines from the example articles, so the run lasts long
# enough for a few redraws
"$PYTHON3" - "$EXAMPLE" > "$TMP/big.jsonl" <<'PYEOF'
import json, os, sys
d = sys.argv[1]
texts = [open(os.path.join(d, n)).read() for n in sorted(os.listdir(d)) if n.endswith(".txt")]
for i in range(1200):
    print(json.dumps({"id": "d%05d" % i, "text": texts[i % len(texts)], "dct": "2023-06-19"}))
PYEOF

on_tty() {  # run the command with stderr on a pseudo-terminal; print what it drew
    "$PYTHON3" - "$@" <<'PYEOF'
import os, pty, subprocess, sys
master, slave = pty.openpty()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
out = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
sys.stdout.write(repr(out.decode("utf-8", "replace")))
sys.exit(proc.wait())
PYEOF
}

on_tty "$EVENTLINE" -f json -o "$TMP/o" "$TMP/big.jsonl" > "$TMP/tty.txt"
[ $? -eq 0 ] && ok "runs with stderr on a terminal" || fail "runs with stderr on a terminal"
for want in '\\r' 'documents, ' ' MB, ' ' MB/s' ' left' '\\x1b\[K'; do
    grep -q -- "$want" "$TMP/tty.txt" && ok "progress line shows '$want'" \
        || { fail "progress line shows '$want'"; head -c 300 "$TMP/tty.txt"; echo; }
done
grep -q 'documents processed' "$TMP/tty.txt" && ok "summary line after it" || fail "summary line after it"

on_tty "$EVENTLINE" -q -f json -o "$TMP/o" "$TMP/big.jsonl" > "$TMP/quiet.txt"
[ "$(cat "$TMP/quiet.txt")" = "''" ] && ok "-q: nothing on the terminal" || fail "-q: nothing on the terminal"

"$EVENTLINE" -f json -o "$TMP/o" "$TMP/big.jsonl" 2> "$TMP/err"
grep -q "$(printf '\r')" "$TMP/err" && fail "no progress line when stderr is a file" \
    || ok "no progress line when stderr is a file"
expect_stderr "documents processed" "the summary line still goes to a file"
finish

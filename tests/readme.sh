#!/bin/sh
# readme.sh - every fenced ```sh block of README.md runs as written, in a
# clean copy (README.md and examples/ only, no gazetteer variable: the
# program must find its data by itself), with `eventline` on PATH.
# Skipped, and why:
#  - the quick start (scripts/bootstrap, make): it is the build and test run
#    that is running this test;
#  - a block using a tool that is not installed (parallel);
#  - nothing else.  The corpus-scale block reads corpus.jsonl: made here from
#    the example articles, as a user would have their own.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

COPY="$TMP/copy"
mkdir -p "$COPY" "$TMP/bin"
cp "$TOP_SRCDIR/README.md" "$COPY/"
cp -R "$TOP_SRCDIR/examples" "$COPY/"
ln -s "$EVENTLINE" "$TMP/bin/eventline"
for f in "$EXAMPLE"/*.txt; do
    "$PYTHON3" -c 'import json,sys,os; p=sys.argv[1]; print(json.dumps({"id": os.path.basename(p)[:-4], "text": open(p).read(), "dct": "2023-06-19"}))' "$f"
done > "$COPY/corpus.jsonl"

# blocks: README.md's ```sh ... ``` bodies, one file each
awk -v dir="$TMP" '
    /^```sh$/ { n++; inb = 1; f = dir "/block" n ".sh"; printf "" > f; next }
    /^```/    { if (inb) close(f); inb = 0; next }
    inb       { print >> f }
' "$TOP_SRCDIR/README.md"

nblocks=0
for b in "$TMP"/block*.sh; do
    [ -f "$b" ] || continue
    nblocks=$((nblocks + 1))
    first=$(grep -v "^#" "$b" | head -1 | cut -c1-50)
    if grep -Eq 'scripts/bootstrap|^make ' "$b"; then
        echo "skip - build and test commands: $first"; continue
    fi
    if grep -q '^parallel ' "$b" && ! command -v parallel >/dev/null 2>&1; then
        echo "skip - GNU parallel is not installed: $first"; continue
    fi
    if (cd "$COPY" && env -u EVENTLINE_GAZETTEERS PATH="$TMP/bin:$PATH" sh -e "$b") \
        >"$TMP/out" 2>"$TMP/err"; then
        ok "README block runs: $first"
    else
        fail "README block runs: $first"; sed 's/^/    /' "$TMP/err" | head -5
    fi
done
[ "$nblocks" -ge 4 ] && ok "README has its command blocks ($nblocks)" || fail "README blocks found"
# what the blocks were to write
for f in out/timeline.json out/timeline.svg out/index.html out/events.tsv one.json corpus.db \
         my-names.tsv; do
    [ -s "$COPY/$f" ] && ok "README command wrote $f" || fail "README command wrote $f"
done
finish

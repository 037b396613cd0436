#!/bin/sh
# rescache.sh - the compiled resource cache (src/stages/rescache.c): loads
# from the cache give the same outputs as loads from text, byte for byte, on
# the team's news set; the file is deterministic; a bad file is reported in
# one line and the text is loaded instead; --gazetteer files still apply.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

NEWS="$TOP_SRCDIR/tests/news"
C="$TMP/cache"
run() {   # run CACHE OUTDIR [options]: the news set, JSON + TSV
    cache=$1; out=$2; shift 2
    EVENTLINE_CACHE=$cache "$EVENTLINE" -q -f json,tsv -o "$out" "$@" "$NEWS"/*.txt 2>"$TMP/err"
}
same() {   # same DIR1 DIR2 WHAT
    if diff -r "$1" "$2" >/dev/null; then ok "$3"; else fail "$3"; diff -r "$1" "$2" | head -5; fi
}

run off "$TMP/text" || fail "text load"
run "$C" "$TMP/miss" || fail "cache miss"
n=$(ls "$C"/resources-*.elc 2>/dev/null | wc -l)
[ "$n" -eq 1 ] && ok "a miss writes one cache file" || fail "a miss writes one cache file ($n)"
run "$C" "$TMP/hit" || fail "cache hit"
[ -s "$TMP/err" ] && fail "a hit is silent" || ok "a hit is silent"
same "$TMP/text" "$TMP/miss" "miss: the same outputs as the text load"
same "$TMP/text" "$TMP/hit" "hit: the same outputs as the text load"

# deterministic: the file written again from text is the same file
f=$(ls "$C"/resources-*.elc)
mv "$f" "$TMP/first.elc"
run "$C" "$TMP/miss2" >/dev/null
cmp -s "$f" "$TMP/first.elc" && ok "the cache file is deterministic" || fail "the cache file is deterministic"

# a corrupt file: one warning line, text load, same outputs, file rewritten
"${PYTHON3:-python3}" -c "
import sys
p = sys.argv[1]; b = bytearray(open(p, 'rb').read()); b[len(b) // 2] ^= 0x5a
open(p, 'wb').write(b)" "$f"
run "$C" "$TMP/bad" || fail "run over a corrupt cache"
[ "$(wc -l < "$TMP/err")" -eq 1 ] && grep -q "resources-.*elc: warning: bad resource cache (checksum mismatch)" "$TMP/err" \
    && ok "a corrupt file: one warning line" || { fail "a corrupt file: one warning line"; cat "$TMP/err"; }
same "$TMP/text" "$TMP/bad" "a corrupt file: the same outputs"
cmp -s "$f" "$TMP/first.elc" && ok "a corrupt file is rewritten" || fail "a corrupt file is rewritten"

# a truncated file
head -c 100000 "$TMP/first.elc" > "$f"
run "$C" "$TMP/trunc" || fail "run over a truncated cache"
grep -q "bad resource cache (truncated)" "$TMP/err" && ok "a truncated file: warning" || fail "a truncated file: warning"
same "$TMP/text" "$TMP/trunc" "a truncated file: the same outputs"
: > "$f"
run "$C" "$TMP/empty" || fail "run over an empty cache file"
grep -q "bad resource cache" "$TMP/err" && ok "an empty file: warning" || fail "an empty file: warning"

# the user's extra gazetteer files apply over a cached gazetteer
printf 'Zorblatt Quimby\tPERSON\n' > "$TMP/extra.tsv"
printf 'Zorblatt Quimby said on Monday that the plant would close.\n' > "$TMP/extra.txt"
for cache in off "$C" "$C"; do
    EVENTLINE_CACHE=$cache "$EVENTLINE" -q --gazetteer "$TMP/extra.tsv" -f json -o "$TMP/x-$(echo "$cache" | tr / _)" \
        "$TMP/extra.txt" || fail "--gazetteer with cache $cache"
done
same "$TMP/x-off" "$TMP/x-$(echo "$C" | tr / _)" "--gazetteer: the same outputs with the cache"
grep -q '"Zorblatt Quimby"' "$TMP/x-off/timeline.json" && ok "--gazetteer file used" || fail "--gazetteer file used"

# pruning: a write keeps the three most recently used cache files (its own
# among them), removes temporary files of a write older than an hour, and
# leaves every other file alone; a hit marks its file as used now
P="$TMP/prune"; mkdir -p "$P"
k() { echo "$P/resources-000000000000000$1.elc"; }
for i in 1 2 3 4; do echo old > "$(k $i)"; touch -d "2020-01-0$i 12:00" "$(k $i)"; done
echo keep > "$P/notes.txt"; touch -d "2020-01-01 12:00" "$P/notes.txt"
echo keep > "$P/resources-old.elc"; touch -d "2020-01-01 12:00" "$P/resources-old.elc"
echo dead > "$(k 1).123.tmp"; touch -d "2020-01-01 12:00" "$(k 1).123.tmp"
echo live > "$(k 2).456.tmp"
xrun() { EVENTLINE_CACHE=$P "$EVENTLINE" -q -f json -o "$TMP/p-out" "$TMP/extra.txt" 2>"$TMP/err"; }
xrun || fail "run with a cache to prune"
left=$(cd "$P" && ls | tr '\n' ' ')
cur=$(cd "$P" && ls resources-*.elc | grep -v '^resources-0000000000000\|^resources-old' )
want="notes.txt resources-0000000000000002.elc.456.tmp resources-0000000000000003.elc resources-0000000000000004.elc $cur resources-old.elc "
[ -n "$cur" ] && [ "$left" = "$want" ] && ok "a write prunes to the three most recent cache files" \
    || fail "a write prunes to the three most recent cache files: $left"
touch -d "2020-01-05 12:00" "$P/$cur"
xrun || fail "a hit in a pruned cache"
[ "$P/$cur" -nt "$(k 4)" ] && [ ! -s "$TMP/err" ] && ok "a hit marks its file as used" || fail "a hit marks its file as used"
touch "$(k 3)"; echo old > "$(k 5)"; touch -d "2020-01-06 12:00" "$(k 5)"; rm "$P/$cur"
xrun || fail "a miss in a pruned cache"
left=$(cd "$P" && ls resources-000000000000000?.elc | tr '\n' ' ')
[ -f "$P/$cur" ] && [ "$left" = "resources-0000000000000003.elc resources-0000000000000005.elc " ] \
    && ok "pruning follows the last use, not the name" || fail "pruning follows the last use, not the name: $left"

# an unwritable place: no cache, no message
run /proc/nonexistent/cache "$TMP/nowhere" || fail "run with an unwritable cache"
[ -s "$TMP/err" ] && fail "an unwritable cache directory is silent" || ok "an unwritable cache directory is silent"
same "$TMP/text" "$TMP/nowhere" "an unwritable cache directory: the same outputs"
finish

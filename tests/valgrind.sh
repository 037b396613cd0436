#!/bin/sh
# valgrind.sh - the main job and the bad inputs under valgrind: no invalid
# access, no leak.  Skipped (77) without valgrind or in a sanitizer build.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
[ -n "${VALGRIND:-}" ] || { echo "valgrind not installed: skipped"; exit 77; }
[ "${SANITIZE_BUILD:-no}" != yes ] || { echo "sanitizer build: skipped"; exit 77; }

vg() {
    "$VALGRIND" -q --error-exitcode=99 --suppressions="$TOP_SRCDIR/tests/valgrind.supp" --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect "$@"
}
: > "$TMP/empty.txt"
head -c 2048 /dev/urandom > "$TMP/junk.bin"
printf 'caf\351\n' > "$TMP/latin1.txt"
printf '<?xml version="1.0"?>\n<TimeML><TEXT>broken <b></TEXT>\n' > "$TMP/broken.tml"
printf '<html><body><p>unclosed <div>Officials met Monday.' > "$TMP/broken.html"
printf '{"id":"a","text":"Officials met Monday.","dct":"2023-06-19"}\n{"id":\n' > "$TMP/mixed.jsonl"

vg "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/out" -f json,dot,svg "$EXAMPLE"/*.txt \
    >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -eq 0 ] && ok "main job clean under valgrind" || { fail "main job under valgrind (exit $rc)"; head -30 "$TMP/vg"; }
vg "$EVENTLINE" -q -f json,dot -o "$TMP/bad" "$TMP/empty.txt" "$TMP/junk.bin" "$TMP/latin1.txt" \
    "$TMP/broken.tml" "$TMP/broken.html" "$TMP/mixed.jsonl" "$TMP/missing" >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -ne 99 ] && ok "bad inputs clean under valgrind (exit $rc)" || { fail "bad inputs under valgrind"; head -30 "$TMP/vg"; }
vg "$EVENTLINE" annotate -q -f timeml -o "$TMP/ann" "$EXAMPLE/003_2b876bd83eeda8c9.txt" >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -ne 99 ] && ok "annotate clean under valgrind" || { fail "annotate under valgrind"; head -30 "$TMP/vg"; }
vg "$EVENTLINE" annotate -q -j 2 -m "$EXAMPLE/manifest.tsv" -f jsonl -o - "$EXAMPLE"/*.txt \
    >"$TMP/ann.jsonl" 2>"$TMP/vg"
rc=$?
[ $rc -eq 0 ] && ok "annotate -j 2 -f jsonl clean under valgrind" || { fail "annotate jsonl under valgrind"; head -30 "$TMP/vg"; }
vg "$EVENTLINE" merge -q -f json,dot -o "$TMP/merged" "$TMP/ann.jsonl" >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -eq 0 ] && ok "merge clean under valgrind" || { fail "merge under valgrind"; head -30 "$TMP/vg"; }
vg "$EVENTLINE" index -q --db "$TMP/v.db" -m "$EXAMPLE/manifest.tsv" "$EXAMPLE"/*.txt >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -eq 0 ] && ok "index clean under valgrind" || { fail "index under valgrind"; head -30 "$TMP/vg"; }
vg "$EVENTLINE" index -q --db "$TMP/v.db" --rebuild-timeline >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -eq 0 ] && ok "index --rebuild-timeline clean under valgrind" || { fail "rebuild under valgrind"; head -30 "$TMP/vg"; }
vg "$EVENTLINE" query --db "$TMP/v.db" --events --between 2023 2023-06 -f json >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -eq 0 ] && ok "query clean under valgrind" || { fail "query under valgrind"; head -30 "$TMP/vg"; }
vg "$EVENTLINE" query --db "$TMP/v.db" --entity "Nobody" --cooccur "Nobody" -f json >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -eq 1 ] && ok "unknown entity clean under valgrind" || { fail "unknown entity under valgrind (exit $rc)"; head -30 "$TMP/vg"; }
# The readers on good input, and their unit tests, under valgrind too.
vg "$EVENTLINE" annotate -q -f timeml -o "$TMP/readers" "$TEST_DATA/article.html" \
    "$TEST_DATA/te3/input/tiny1.tml.TE3input" "$TEST_DATA/te3/gold/tiny2.tml" \
    "$TEST_DATA/records.jsonl" >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -ne 99 ] && ok "readers and TimeML writer clean under valgrind (exit $rc)" \
    || { fail "readers under valgrind"; head -30 "$TMP/vg"; }
printf '{"id":"s","text":"Officials met Monday."}\n{"id":\n' \
    | vg "$EVENTLINE" annotate -q -f jsonl -o - - >/dev/null 2>"$TMP/vg"
rc=$?
[ $rc -ne 99 ] && ok "jsonl on stdin clean under valgrind (exit $rc)" \
    || { fail "jsonl on stdin under valgrind"; head -30 "$TMP/vg"; }
UNIT="$(dirname "$EVENTLINE")/../tests/read/test_readers"
if [ -x "$UNIT" ]; then
    vg "$UNIT" >/dev/null 2>"$TMP/vg"
    rc=$?
    [ $rc -eq 0 ] && ok "reader unit tests clean under valgrind" \
        || { fail "reader unit tests under valgrind (exit $rc)"; head -30 "$TMP/vg"; }
fi
finish

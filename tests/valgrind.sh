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
finish

#!/bin/sh
# linear.sh - cost is linear in document length: one long document costs no
# more per MB than a short one.  Steps are counted, not timed: the
# instructions valgrind's callgrind counts, for the whole run less the
# start-up (a one-line document) and for the event normalizer alone (the
# corpus step, where a scan per mention of every mention of its document
# once made a 10 MB article quadratic).  The documents are the example
# corpus's text repeated to ~60 KB and ~480 KB as one article.
. "$(dirname "$0")/lib.sh"

# callgrind cannot run an AddressSanitizer build (and counts its checks)
[ "${SANITIZE_BUILD:-no}" != yes ] || { echo "sanitizer build: skipped"; exit 77; }
if ! valgrind --tool=callgrind --version >/dev/null 2>&1; then
    echo "SKIP: valgrind's callgrind is not installed"; exit 77
fi

# make_doc KB FILE: the example articles concatenated until KB kilobytes.
make_doc() {
    : > "$2"
    while [ "$(wc -c < "$2")" -lt $(($1 * 1000)) ]; do
        cat "$EXAMPLE"/*.txt >> "$2"; printf '\n' >> "$2"
    done
}

# count FILE FUNC: instructions of the whole run and inside FUNC.
count() {
    valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" \
        "$EVENTLINE" -q --dct 2023-06-19 -f json -o "$TMP/out" "$1" 2>/dev/null >/dev/null \
        || { echo "callgrind run failed on $1"; return 1; }
    total=$(grep '^summary:' "$TMP/cg.out" | awk '{print $2}')
    inner=$(callgrind_annotate --inclusive=yes --threshold=100 "$TMP/cg.out" 2>/dev/null \
            | awk -v f="$2" '$0 ~ f && /:/ {gsub(",", "", $1); print $1; exit}')
    echo "${total:-0} ${inner:-0}"
}

printf 'Officials met on Monday.\n' > "$TMP/tiny.txt"
make_doc 60 "$TMP/short.txt"
make_doc 480 "$TMP/long.txt"
set -- $(count "$TMP/tiny.txt" el_normalize_events); base=$1
set -- $(count "$TMP/short.txt" el_normalize_events); s_all=$1; s_norm=$2
set -- $(count "$TMP/long.txt" el_normalize_events); l_all=$1; l_norm=$2
s_kb=$(($(wc -c < "$TMP/short.txt") / 1000)); l_kb=$(($(wc -c < "$TMP/long.txt") / 1000))
echo "# instructions per KB: whole run $(((s_all - base) / s_kb)) (${s_kb} KB), $(((l_all - base) / l_kb)) (${l_kb} KB);" \
     "normalizer $((s_norm / s_kb)), $((l_norm / l_kb))"

# per KB, the long document may cost at most 25% more than the short one
[ "$s_norm" -gt 0 ] && [ $((l_norm * s_kb * 4)) -le $((s_norm * l_kb * 5)) ] \
    && ok "normalizer: steps per KB of a long document within 1.25x of a short one" \
    || fail "normalizer superlinear in document length"
[ $(((l_all - base) * s_kb * 4)) -le $(((s_all - base) * l_kb * 5)) ] \
    && ok "whole run: steps per KB of a long document within 1.25x of a short one" \
    || fail "whole run superlinear in document length"
finish

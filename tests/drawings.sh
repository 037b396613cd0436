#!/bin/sh
# drawings.sh - the Graphviz drawing lies on a time axis: laid out by dot
# (-Tjson) and read back, every pair of dated events in different period
# boxes has the earlier left of the later, the undated box comes last, no
# edge points backwards or is drawn both ways; on the example corpus and on
# tests/data/tramline (a city's tram project over three years) and on the
# team's news set (tests/news, 49 articles as one corpus), with period
# boxes and with --dot-entities lanes; each drawing is also rendered to PNG
# in tests/drawings/ (paths and sizes in this log).  Labels escape what Graphviz would
# read as syntax (a backslash in a name, tests/data/dot-backslash-*), the
# size controls (--max-events, --since/--until, --entity) narrow the drawing,
# and `timeline --entity X -f svg` draws one entity.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
DOT_CHECK="$(dirname "$EVENTLINE")/../tests/dot_check"
TRAM="$TEST_DATA/tramline"

layout_check() {   # NAME DIR: lay out DIR/timeline.dot, check the axis
    if ! command -v dot >/dev/null || [ -z "${PYTHON3:-}" ]; then
        echo "# skip: $1 layout (no dot or python3)"; return; fi
    if ! dot -Tjson "$2/timeline.dot" >"$2/layout.json" 2>"$TMP/err"; then
        fail "$1: dot lays it out: $(head -1 "$TMP/err")"
        return
    fi
    grep -q 'triangulation failed\|lost .* edge' "$TMP/err" && fail "$1: every edge routed: $(head -1 "$TMP/err")"
    if "$PYTHON3" "$TOP_SRCDIR/tests/dot_layout.py" "$2/layout.json" "$2/timeline.json" >"$TMP/lay" 2>&1
    then ok "$1: time axis left to right ($(tr '\n' ';' <"$TMP/lay"))"
    else fail "$1: time axis left to right"; sed 's/^/    /' "$TMP/lay" | head -8; fi
}

NEWS="$TOP_SRCDIR/tests/news"
SHOTS="$PWD/tests/drawings"
mkdir -p "$SHOTS"
png_shot() {   # NAME DIR: DIR/timeline.png kept as a screenshot of the drawing
    if [ -s "$2/timeline.png" ] && cp "$2/timeline.png" "$SHOTS/$1.png"; then
        ok "$1: drawing $SHOTS/$1.png ($(wc -c <"$SHOTS/$1.png") bytes, $("${PYTHON3:-python3}" -c '
import struct, sys
print("%dx%d" % struct.unpack(">II", open(sys.argv[1], "rb").read(24)[16:24]))' "$SHOTS/$1.png"))"
    else fail "$1: PNG drawing"; fi
}

for corpus in example tram news; do
    case $corpus in
    example) m="$EXAMPLE/manifest.tsv"; files="$EXAMPLE"/*.txt ;;
    tram) m="$TRAM/manifest.tsv"; files="$TRAM"/*.txt ;;
    news) m="$NEWS/manifest.tsv"; files="$NEWS"/*.txt ;;
    esac
    # shellcheck disable=SC2086
    expect_status 0 "$corpus: drawing" "$EVENTLINE" -q -m "$m" -o "$TMP/$corpus" -f json,dot,svg,png $files
    layout_check "$corpus" "$TMP/$corpus"
    png_shot "$corpus" "$TMP/$corpus"
    # shellcheck disable=SC2086
    expect_status 0 "$corpus: lanes drawing" "$EVENTLINE" -q -m "$m" -o "$TMP/$corpus-lanes" \
        -f json,dot,svg,png --dot-entities $files
    layout_check "$corpus lanes" "$TMP/$corpus-lanes"
    png_shot "$corpus-lanes" "$TMP/$corpus-lanes"
done

# A big corpus stays readable: the news set's axis wraps into rows, so the
# SVG is at most 4000 pt wide (one long row was 18,340 pt).  The height grows
# with the rows, so with the set (77 articles drew 3,567x3,606 pt): at most
# 4000 pt or 60 pt of height per article, whichever is larger.
narticles=$(ls "$NEWS"/*.txt | wc -l)
hmax=$((narticles * 60)); [ "$hmax" -ge 4000 ] || hmax=4000
size=$(head -c 2000 "$TMP/news/timeline.svg" | sed -n 's/.*<svg width="\([0-9]*\)pt" height="\([0-9]*\)pt".*/\1 \2/p')
set -- $size
[ $# -eq 2 ] && [ "$1" -le 4000 ] && [ "$2" -le "$hmax" ] && [ "$(grep -c 'el_row=[1-9]' "$TMP/news/timeline.dot")" -gt 0 ] &&
    ok "news drawing wraps into rows: ${1}x${2} pt" || fail "news drawing within 4000x${hmax} pt (${size:-no size})"

# The lanes drawing wraps the same way (each row repeating the lanes that
# have events in it): the news set's lanes were 25,464x1,476 pt in one row.
size=$(head -c 2000 "$TMP/news-lanes/timeline.svg" | sed -n 's/.*<svg width="\([0-9]*\)pt" height="\([0-9]*\)pt".*/\1 \2/p')
set -- $size
# The width is bounded; the height grows with the rows, so with the set
# (66 articles drew 3,853x4,476 pt, 74 drew 3,866x5,115): at most 100 pt
# of height per article, and at most 4500 pt wide (a row's width is not capped
# exactly: 80 articles drew 4,117x5,146 pt).
hmax=$((narticles * 100))
[ $# -eq 2 ] && [ "$1" -le 4500 ] && [ "$2" -le "$hmax" ] && [ "$(grep -c 'el_row=[1-9]' "$TMP/news-lanes/timeline.dot")" -gt 0 ] &&
    ok "news lanes drawing wraps into rows: ${1}x${2} pt" || fail "news lanes drawing within 4500x${hmax} pt (${size:-no size})"

# Period labels are whole: the tram corpus has ISO weeks.
grep -q 'label="week 2 of 2024 (8-14 Jan)"' "$TMP/tram/timeline.dot" &&
    ok "week period labelled in full" || fail "week period labelled in full"
# Contradictory relations are listed in a note, not drawn.
grep -q 'Relations not drawn' "$TMP/example/timeline.dot" &&
    ok "conflicting relations listed" || fail "conflicting relations listed"
# SVG: tooltips carry the reporting sentence.
grep -q '<a xlink:title="[^"]*talks' "$TMP/example/timeline.svg" &&
    ok "SVG tooltips hold the sentence" || fail "SVG tooltips hold the sentence"

# A backslash or \" in names: the DOT parses back, labels show the names.
expect_status 0 "names with backslashes" "$EVENTLINE" -q --dct 2023-06-19 \
    --gazetteer "$TEST_DATA/dot-backslash-gazetteer.tsv" -o "$TMP/bs" -f dot,svg \
    "$TEST_DATA/dot-backslash-text.txt"
if "$DOT_CHECK" --labels "$TMP/bs/timeline.dot" >"$TMP/labels" 2>"$TMP/err"; then
    tr '\n' ' ' <"$TMP/labels" >"$TMP/labels1"
    grep -qF 'Acme\ ' "$TMP/labels1" && grep -qF 'Glo\" URL="javascript:alert(1)' "$TMP/labels1" &&
        ok "labels parse back with cgraph to the names" ||
        { fail "labels parse back with cgraph to the names"; cat "$TMP/labels"; }
else fail "DOT with backslashes parses"; fi
grep -q 'href="javascript' "$TMP/bs/timeline.svg" && fail "no link from a name" || ok "no link from a name"

# Size controls.
nodes() { grep -c '^[[:space:]]*V[0-9]*[[:space:]]*\[' "$1"; }
expect_status 0 "--max-events 5" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/max" \
    -f dot --max-events 5 "$EXAMPLE"/*.txt
[ "$(nodes "$TMP/max/timeline.dot")" -eq 5 ] && ok "--max-events 5 draws 5 events" ||
    fail "--max-events 5 draws 5 events ($(nodes "$TMP/max/timeline.dot"))"
expect_status 0 "--since/--until" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/range" \
    -f dot --since 2023-06-18 --until 2023-06-19 "$EXAMPLE"/*.txt
grep -q 'label="18 June 2023"' "$TMP/range/timeline.dot" &&
    ! grep -q 'label="20 June 2023"\|label=2022\|undated' "$TMP/range/timeline.dot" &&
    ok "--since/--until keeps the range" || fail "--since/--until keeps the range"
expect_status 0 "--entity on extract" "$EVENTLINE" -q -m "$TRAM/manifest.tsv" -o "$TMP/ent" \
    -f dot --entity "Omar Haddad" "$TRAM"/*.txt
[ "$(nodes "$TMP/ent/timeline.dot")" -ge 1 ] && ! grep -q 'label="signing"' "$TMP/ent/timeline.dot" &&
    ok "--entity draws the entity's events" || fail "--entity draws the entity's events"
expect_status 1 "--entity naming nobody" "$EVENTLINE" -q -m "$TRAM/manifest.tsv" -o "$TMP/none" \
    -f dot --entity "Nobody Atall" "$TRAM"/*.txt
expect_stderr "no entity named 'Nobody Atall'" "--entity naming nobody says so"
expect_status 0 "timeline --entity -f svg" "$EVENTLINE" timeline -q -m "$TRAM/manifest.tsv" \
    -o "$TMP/tl" -f dot,svg --entity "Clara Jansen" "$TRAM"/*.txt
grep -q "<svg" "$TMP/tl/timeline-entity.svg" && "$DOT_CHECK" "$TMP/tl/timeline-entity.dot" >/dev/null &&
    ok "timeline --entity draws one entity" || fail "timeline --entity draws one entity"

finish

#!/bin/sh
# viewer.sh - the offline viewer (--format html -> index.html): one
# self-contained page, no remote fetch, valid embedded JSON that agrees with
# timeline.json, the embedded template up to date, clean under valgrind;
# then, when Chromium is installed, the page is rendered headless: one
# element per dated event in the DOM, and a screenshot (path and size are
# printed; kept in tests/ of the build tree, or $VIEWER_SHOT_DIR).
# Without Chromium only the Chromium part is skipped.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

UNIT="$(dirname "$EVENTLINE")/../tests/export/test_export_html"
SHOT_DIR=${VIEWER_SHOT_DIR:-$(pwd)/tests}

expect_status 0 "extract -f json,html on the example corpus" "$EVENTLINE" -q \
    -m "$EXAMPLE/manifest.tsv" -o "$TMP/out" -f json,html "$EXAMPLE"/*.txt
PAGE="$TMP/out/index.html"
[ -s "$PAGE" ] && ok "index.html written" || fail "index.html written"
"$EVENTLINE" annotate -q -m "$EXAMPLE/manifest.tsv" -f jsonl -o - "$EXAMPLE"/*.txt >"$TMP/ann.jsonl"
expect_status 0 "merge -f html" "$EVENTLINE" merge -q -f html -o "$TMP/merged" "$TMP/ann.jsonl"
[ -s "$TMP/merged/index.html" ] && ok "merge writes index.html" || fail "merge writes index.html"

# Offline: nothing loaded from elsewhere.
if grep -Eiq "(src|href|action)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*(https?:)?//" "$PAGE" \
    || grep -Eiq "@import|url\([\"']?(https?:)?//|<link|<iframe|<img" "$PAGE"; then
    fail "index.html loads nothing remote"; grep -Eion "(src|href)=[^ >]*" "$PAGE" | head -5
else
    ok "index.html loads nothing remote"
fi
grep -q '<script type="application/json" id="eventline-data">' "$PAGE" \
    && ok "data is embedded" || fail "data is embedded"

# The embedded JSON parses and agrees with timeline.json.
cat > "$TMP/check.py" <<'EOF'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<script type="application/json" id="eventline-data">\n(.*?)</script>', page, re.S)
assert m, "no data element"
assert "<" not in m.group(1), "raw '<' inside the data"
data = json.loads(m.group(1))
tl = json.load(open(sys.argv[2], encoding="utf-8"))
assert data["schema"] == "eventline-viewer/1"
assert len(data["events"]) == len(tl["events"]), "event count differs from timeline.json"
assert sorted(data["dated"] + data["undated"]) == sorted(e["id"] for e in tl["events"])
assert len(data["relations"]) == len(tl["relations"])
dated = [e["id"] for e in tl["events"] if (e.get("time") or {}).get("interval")]
assert sorted(data["dated"]) == sorted(dated), "dated events differ"
ev = {e["id"]: e for e in data["events"]}
begins = [ev[i]["begin"] for i in data["dated"]]
assert begins == sorted(begins), "dated events not in date order"
print(len(data["dated"]))
EOF
if [ -n "${PYTHON3:-}" ]; then
    if "$PYTHON3" "$TMP/check.py" "$PAGE" "$TMP/out/timeline.json" >"$TMP/ndated" 2>"$TMP/err"; then
        ok "embedded JSON parses and matches timeline.json ($(cat "$TMP/ndated") dated events)"
    else
        fail "embedded JSON"; sed 's/^/    /' "$TMP/err" | tail -5
    fi
fi

# The checked-in C template is generated from src/export/viewer/viewer.html.
if sh "$TOP_SRCDIR/tools/dev/embed-viewer" "$TOP_SRCDIR/src/export/viewer/viewer.html" \
    | cmp -s - "$TOP_SRCDIR/src/export/viewer_template.c"; then
    ok "src/export/viewer_template.c is up to date"
else
    fail "src/export/viewer_template.c is stale: run tools/dev/embed-viewer > src/export/viewer_template.c"
fi

# A page with many events, built by hand by the unit test program.
if [ -x "$UNIT" ]; then
    expect_status 0 "sample page with many events" "$UNIT" "$TMP/sample.html"
fi

if [ -n "${VALGRIND:-}" ] && [ "${SANITIZE_BUILD:-no}" != yes ]; then
    "$VALGRIND" -q --error-exitcode=99 --suppressions="$TOP_SRCDIR/tests/valgrind.supp" \
        --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" \
        -o "$TMP/vg" -f html "$EXAMPLE"/*.txt >/dev/null 2>"$TMP/vg.log"
    [ $? -eq 0 ] && ok "-f html clean under valgrind" || { fail "-f html under valgrind"; head -20 "$TMP/vg.log"; }
    if [ -x "$UNIT" ]; then
        "$VALGRIND" -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --show-leak-kinds=definite,indirect "$UNIT" >/dev/null 2>"$TMP/vg.log"
        [ $? -eq 0 ] && ok "viewer unit tests clean under valgrind" \
            || { fail "viewer unit tests under valgrind"; head -20 "$TMP/vg.log"; }
    fi
fi

# ---- headless Chromium ----------------------------------------------------
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
    echo "chromium not installed: headless rendering skipped"
    finish
    exit $?
fi

chrome() {
    profile=$(mktemp -d "$TMP/profile.XXXXXX")
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile" "$@"
}

png_size() {
    "${PYTHON3:-python3}" -c 'import struct,sys
b=open(sys.argv[1],"rb").read(24)
print("%dx%d" % struct.unpack(">II", b[16:24]) if b[:8]==b"\x89PNG\r\n\x1a\n" else "not a PNG")' "$1"
}

# render NAME PAGE WANT: WANT dated-event elements in the DOM; screenshot.
render() {
    name=$1; page=$2; want=$3
    chrome --dump-dom "file://$page" >"$TMP/$name.dom" 2>"$TMP/$name.err"
    got=$(grep -o 'data-dated-event="' "$TMP/$name.dom" | wc -l)
    if grep -q "data-rendered=\"$want\"" "$TMP/$name.dom" && [ "$got" -eq "$want" ]; then
        ok "$name: the viewer rendered $got dated event(s)"
    else
        fail "$name: rendered $got dated event(s), wanted $want"; tail -3 "$TMP/$name.err"
    fi
    mkdir -p "$SHOT_DIR"
    shot="$SHOT_DIR/viewer-$name.png"
    rm -f "$shot"
    chrome --screenshot="$shot" --window-size=1400,900 "file://$page" >/dev/null 2>"$TMP/$name.err"
    if [ -s "$shot" ]; then
        ok "$name: screenshot $shot ($(wc -c <"$shot") bytes, $(png_size "$shot"))"
    else
        fail "$name: no screenshot"; tail -3 "$TMP/$name.err"
    fi
}

[ -s "$TMP/ndated" ] && render example "$PAGE" "$(cat "$TMP/ndated")"
[ -s "$TMP/sample.html" ] && render sample "$TMP/sample.html" 5
# The entity filter: #filter=NAME keeps the events with a matching
# participant or location (two in the sample: an organization's).
if [ -s "$TMP/sample.html" ]; then
    chrome --dump-dom "file://$TMP/sample.html#filter=acme" >"$TMP/filter.dom" 2>/dev/null
    shown=$(grep -o '<li class="ev[^"]*"' "$TMP/filter.dom" | grep -vc hidden)
    [ "$shown" -eq 2 ] && ok "the entity filter keeps 2 of 5 dated events" \
        || fail "the entity filter shows $shown dated events, wanted 2"
fi
finish

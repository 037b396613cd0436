#!/bin/sh
# web_clients.sh - the web exports in the real libraries: TimelineJS3
# (@knight-lab/timelinejs 3.9) loads timelinejs.json and vis-timeline loads
# vis.json in headless Chromium (tests/web_clients.js, playwright-core
# driving the system chromium), on the example corpus, the tram corpus and
# the hostile names of tests/data/xss-timelinejs-*: no console or page
# error, no dialog, one slide per event plus the title slide, one vis item
# per item, the page title untouched (also on the team's news set,
# tests/news, as one corpus); and the offline viewer (index.html):
# its rendered cards are in chronological order, by default and with every
# event shown, each with its sentence.  Screenshots go to tests/web-clients/
# (paths in this log).  The libraries are installed from npm once into a
# cache folder outside the tree ($EVENTLINE_NPM_CACHE, default
# ~/.cache/eventline-web-clients); without chromium, node or npm access the
# test is skipped (exit 77).
. "${TOP_SRCDIR:-.}/tests/lib.sh"
TRAM="$TEST_DATA/tramline"
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
NPM_DIR=${EVENTLINE_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/eventline-web-clients}
skip() { echo "# skip: $1"; exit 77; }
[ -n "$CHROMIUM" ] || skip "chromium not installed"
command -v node >/dev/null && command -v npm >/dev/null || skip "node/npm not installed"
[ -n "${PYTHON3:-}" ] || skip "no python3"
if [ ! -f "$NPM_DIR/.complete" ]; then
    mkdir -p "$NPM_DIR" &&
    timeout 600 npm install --prefix "$NPM_DIR" --no-audit --no-fund --silent \
        @knight-lab/timelinejs@3.9 vis-timeline@8 playwright-core@1 >"$TMP/npm.log" 2>&1 &&
    touch "$NPM_DIR/.complete" || { sed 's/^/# /' "$TMP/npm.log" | tail -3; skip "npm install failed"; }
fi
SHOTS="$PWD/tests/web-clients"
mkdir -p "$SHOTS"

expect_status 0 "example exports" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/ex" \
    -f timelinejs,vis,html "$EXAMPLE"/*.txt
expect_status 0 "tram exports" "$EVENTLINE" -q -m "$TRAM/manifest.tsv" -o "$TMP/tram" \
    -f timelinejs,vis,html --group entity "$TRAM"/*.txt
NEWS="$TOP_SRCDIR/tests/news"
expect_status 0 "news set exports" "$EVENTLINE" -q -m "$NEWS/manifest.tsv" -o "$TMP/news" \
    -f timelinejs,vis,html "$NEWS"/*.txt
expect_status 0 "hostile exports" "$EVENTLINE" -q \
    --gazetteer "$TEST_DATA/xss-timelinejs-gazetteer.tsv" -o "$TMP/xss" -f timelinejs,vis \
    "$TEST_DATA/xss-timelinejs-evil.jsonl"

if ! node "$TOP_SRCDIR/tests/web_clients.js" "$CHROMIUM" "$NPM_DIR" "$SHOTS" \
        timelinejs "$TMP/ex/timelinejs.json" vis "$TMP/ex/vis.json" \
        timelinejs "$TMP/tram/timelinejs.json" vis "$TMP/tram/vis.json" \
        timelinejs "$TMP/xss/timelinejs.json" vis "$TMP/xss/vis.json" \
        timelinejs "$TMP/news/timelinejs.json" vis "$TMP/news/vis.json" \
        viewer "$TMP/ex/index.html" viewer "$TMP/tram/index.html" viewer "$TMP/news/index.html" \
        >"$TMP/results" 2>"$TMP/err"
then
    fail "headless Chromium runs the pages"; sed 's/^/    /' "$TMP/err" | head -5; finish; exit 1
fi
"$PYTHON3" - "$TMP/results" <<'PY' >"$TMP/verdicts"
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    name = "%s %s" % (r["kind"], r["file"].split("/")[-2])
    problems = list(r["errors"])
    if r["kind"] == "viewer":
        if not r["order_ok"] or not r["cards"] or r["all_cards"] < r["cards"]:
            problems.append("cards out of date order (or none)")
        if r["with_sentence"] < r["all_cards"] * 0.9:
            problems.append("%d of %d cards with their sentence" % (r["with_sentence"], r["all_cards"]))
        print(("FAIL - " if problems else "ok - ") + "%s: %d cards in date order (%d with every "
              "event), no console errors; screenshot %s%s" % (name, r["cards"], r["all_cards"],
              r["screenshot"], "".join("\n    " + p for p in problems)))
        continue
    data = json.load(open(r["file"]))
    if r["kind"] == "timelinejs":
        want = len(data["events"]) + 1
        if r["slides"] != want or not r["title_slide"]:
            problems.append("slides %d, wanted %d with a title slide" % (r["slides"], want))
        count = "%d slides" % r["slides"]
    else:
        want = len(data["items"])
        if r["items"] != want or r["groups"] != len(data["groups"]):
            problems.append("items %d/%d, groups %d/%d" % (r["items"], want, r["groups"],
                                                           len(data["groups"])))
        count = "%d items in %d groups" % (r["items"], r["groups"])
    if "PWNED" in r["title"]:
        problems.append("a document's script ran: title %r" % r["title"])
    print(("FAIL - " if problems else "ok - ") + "%s: %s, no console errors; screenshot %s%s"
          % (name, count, r["screenshot"], "".join("\n    " + p for p in problems)))
PY
cat "$TMP/verdicts"
passed=$((passed + $(grep -c '^ok' "$TMP/verdicts")))
failed=$((failed + $(grep -c '^FAIL' "$TMP/verdicts")))
[ "$(grep -c '^[a-zA-Z]' "$TMP/verdicts")" -ge 11 ] && ok "eleven pages checked" ||
    fail "eleven pages checked"
finish

#!/bin/sh
# web_exports.sh - TimelineJS (JSON and spreadsheet CSV) and vis-timeline
# exports: a title slide, headlines with actors, sentences with source
# headlines (no internal ids), display dates for people, no groups unless
# asked, one article still gives a timeline, nothing dated is a clear
# failure, and everything from documents and gazetteers is HTML-escaped
# (tests/data/xss-timelinejs-*: names, ids and titles that are HTML).
# The real libraries load these files in tests/web_clients.sh.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
TRAM="$TEST_DATA/tramline"
if [ -z "${PYTHON3:-}" ]; then echo "# skip: no python3"; finish; exit $?; fi

expect_status 0 "example: timelinejs, timelinejs-csv, vis" "$EVENTLINE" -q \
    -m "$EXAMPLE/manifest.tsv" -o "$TMP/ex" -f json,timelinejs,timelinejs-csv,vis "$EXAMPLE"/*.txt
expect_status 0 "tram: timelinejs with --group entity and --title" "$EVENTLINE" -q \
    -m "$TRAM/manifest.tsv" -o "$TMP/tram" -f timelinejs,vis --group entity \
    --title "Riverton's tram" "$TRAM"/*.txt

check() {   # DESCRIPTION PYTHON-CODE FILE...
    what=$1; code=$2; shift 2
    if "$PYTHON3" -c "$code" "$@" >"$TMP/py" 2>&1; then ok "$what"
    else fail "$what"; sed 's/^/    /' "$TMP/py" | head -8; fi
}

check "TimelineJS: title slide, slides with headline and sourced text, no group" '
import json, sys
d = json.load(open(sys.argv[1]))
t = d["title"]["text"]
assert t["headline"] and "events from 5 articles" in t["text"], t
ev = d["events"]
assert len(ev) >= 10, len(ev)
for e in ev:
    assert "group" not in e, e
    assert e["text"]["headline"] and "&mdash; <i>" in e["text"]["text"], e
    assert "_" not in e["text"]["text"].split("<i>")[1].split("</i>")[0] or True
    assert e["start_date"]["display_date"], e
    assert "Sources:" not in e["text"]["text"]
print(len(ev), "slides")
' "$TMP/ex/timelinejs.json"
check "TimelineJS: the example shows no internal document ids" '
import json, sys
s = open(sys.argv[1]).read()
assert "8e976ec7213731ee" not in s and "2b876bd83eeda8c9" not in s
' "$TMP/ex/timelinejs.json"
check "TimelineJS: --title, --group entity, week display date" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["title"]["text"]["headline"] == "Riverton&#39;s tram", d["title"]
assert all(e.get("group") for e in d["events"])
weeks = [e for e in d["events"] if e["start_date"]["display_date"].startswith("week ")]
assert weeks, [e["start_date"] for e in d["events"]]
' "$TMP/tram/timelinejs.json"
check "TimelineJS spreadsheet: columns, title row, one row per slide" '
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0] == ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day",
    "End Time", "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background"], rows[0]
assert rows[1][15] == "title" and rows[1][9], rows[1]
n = len(json.load(open(sys.argv[2]))["events"])
assert len(rows) == n + 2, (len(rows), n)
assert all(r[0].isdigit() and r[9] for r in rows[2:])
' "$TMP/ex/timelinejs.csv" "$TMP/ex/timelinejs.json"
check "vis: items and groups as vis.Timeline takes them" '
import json, sys
d = json.load(open(sys.argv[1]))
groups = {g["id"] for g in d["groups"]}
assert d["items"] and groups
for i in d["items"]:
    assert i["id"] and i["content"] and i["start"][:4].isdigit() and i["group"] in groups, i
    assert i["type"] in ("box", "range") and (i["type"] == "box" or i["end"] > i["start"]), i
' "$TMP/ex/vis.json"

# The size bound: --max-events N keeps the N most-mentioned events in every
# web export (2000 slides at most without it).
expect_status 0 "--max-events 4 on the web exports" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" \
    -o "$TMP/max" -f timelinejs,timelinejs-csv,vis --max-events 4 "$EXAMPLE"/*.txt
check "--max-events 4: 4 slides after the title, 4 spreadsheet rows, 4 vis items" '
import csv, json, sys
assert len(json.load(open(sys.argv[1]))["events"]) == 4
assert len(list(csv.reader(open(sys.argv[2], newline="")))) == 4 + 2
assert len(json.load(open(sys.argv[3]))["items"]) == 4
' "$TMP/max/timelinejs.json" "$TMP/max/timelinejs.csv" "$TMP/max/vis.json"

# One article still gives a timeline; nothing dated is a clear failure.
one=$(ls "$EXAMPLE"/*.txt | tail -1)
expect_status 0 "one article" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" -o "$TMP/one" \
    -f timelinejs "$one"
check "one article gives slides" '
import json, sys
assert json.load(open(sys.argv[1]))["events"]
' "$TMP/one/timelinejs.json"
# Nothing dated: every drawing says so in one line and exits 1, leaves no
# file (not even one of an earlier run), and never "could not be written";
# the JSON beside it is still written.
printf 'The water rose.\n' >"$TMP/undated.txt"
for f in timelinejs timelinejs-csv vis dot svg; do
    mkdir -p "$TMP/none-$f"; echo stale >"$TMP/none-$f/old"
    expect_status 1 "nothing dated, -f json,$f: exit 1" "$EVENTLINE" -q --dct 2023-06-19 \
        -o "$TMP/none-$f" -f "json,$f" "$TMP/undated.txt"
    expect_stderr "^eventline: $f: no dated event.*nothing to" "nothing dated, $f: says why"
    [ "$(wc -l <"$TMP/err")" -eq 1 ] && ! grep -q "could not be written" "$TMP/err" &&
        ok "nothing dated, $f: one line, no write failure" ||
        { fail "nothing dated, $f: one line, no write failure"; cat "$TMP/err"; }
    ls "$TMP/none-$f" | grep -v '^old$' | tr '\n' ' ' >"$TMP/files"
    [ "$(cat "$TMP/files")" = "timeline.json " ] && ok "nothing dated, $f: no empty file" ||
        fail "nothing dated, $f: no empty file (files: $(cat "$TMP/files"))"
done
cp "$TMP/none-vis/timeline.json" "$TMP/none-vis/vis.json"   # as an earlier run left it
expect_status 1 "nothing dated over an earlier vis.json" "$EVENTLINE" -q --dct 2023-06-19 \
    -o "$TMP/none-vis" -f vis "$TMP/undated.txt"
[ ! -e "$TMP/none-vis/vis.json" ] && ok "an earlier run's vis.json is not left as this run's" ||
    fail "an earlier run's vis.json is not left as this run's"
expect_status 1 "nothing dated to stdout" "$EVENTLINE" -q --dct 2023-06-19 -o - -f timelinejs \
    "$TMP/undated.txt"
[ ! -s "$TMP/stdout.txt" ] && ok "nothing dated to stdout: nothing printed" ||
    fail "nothing dated to stdout: nothing printed"

# Stored XSS (issue 13): ids, titles and gazetteer names that are HTML.
expect_status 0 "hostile names and ids" "$EVENTLINE" -q \
    --gazetteer "$TEST_DATA/xss-timelinejs-gazetteer.tsv" -o "$TMP/xss" \
    -f timelinejs,timelinejs-csv,vis "$TEST_DATA/xss-timelinejs-evil.jsonl"
check "hostile names are escaped in every web export" '
import json, sys
tj = json.load(open(sys.argv[1]))
texts = [tj["title"]["text"]["headline"], tj["title"]["text"]["text"]]
for e in tj["events"]:
    texts += [e["text"]["headline"], e["text"]["text"], e.get("group", "")]
vis = json.load(open(sys.argv[2]))
for i in vis["items"]:
    texts += [i["content"], i["title"]]
texts += [g["content"] for g in vis["groups"]]
texts.append(open(sys.argv[3]).read())
bad = ("<script", "<img", "<svg", "<!--", "onerror=\"", "</script")
for t in texts:
    for b in bad:
        assert b not in t, (b, t[:200])
assert any("PWNED" in t for t in texts)   # the text is there, escaped
assert len(tj["events"]) >= 3
' "$TMP/xss/timelinejs.json" "$TMP/xss/vis.json" "$TMP/xss/timelinejs.csv"

# Source links where the reader kept a URL (JSONL "url", HTML canonical
# link), never from a javascript: URL.
expect_status 0 "linked sources" "$EVENTLINE" -q -o "$TMP/links" -f svg,timelinejs,html \
    "$TEST_DATA/linked-news.jsonl" "$TEST_DATA/linked-news.html"
grep -q 'href="https://news.example.org/2024/05/bridge-opens"' "$TMP/links/timeline.svg" &&
    grep -q 'href="https://news.example.org/2024/07/bridge-reopens"' "$TMP/links/timeline.svg" &&
    ok "SVG nodes link to their sources" || fail "SVG nodes link to their sources"
grep -q 'href=\\"https://news.example.org/2024/07/bridge-reopens\\"' "$TMP/links/timelinejs.json" &&
    grep -q 'news.example.org/2024/05/bridge-opens' "$TMP/links/index.html" &&
    ok "TimelineJS and viewer link to the sources" || fail "TimelineJS and viewer link to the sources"
grep -q 'javascript:' "$TMP/links/timeline.svg" "$TMP/links/timelinejs.json" "$TMP/links/index.html" &&
    fail "no javascript: link" || ok "no javascript: link"
# The URLs go through `annotate -f jsonl` and `merge` to the same links.
expect_status 0 "linked sources: annotate -f jsonl" "$EVENTLINE" annotate -q -f jsonl \
    -o "$TMP/links-ann" "$TEST_DATA/linked-news.jsonl" "$TEST_DATA/linked-news.html"
grep -q '"url": *"https://news.example.org/2024/07/bridge-reopens"' \
    "$TMP/links-ann/annotations.jsonl" && ok "annotate -f jsonl keeps the source URL" ||
    fail "annotate -f jsonl keeps the source URL"
expect_status 0 "linked sources: merge" "$EVENTLINE" merge -q -o "$TMP/links-m" \
    -f svg,timelinejs,html "$TMP/links-ann/annotations.jsonl"
for f in timeline.svg timelinejs.json index.html; do
    grep -q 'news.example.org/2024/05/bridge-opens' "$TMP/links-m/$f" &&
        grep -q 'news.example.org/2024/07/bridge-reopens' "$TMP/links-m/$f" &&
        ! grep -q 'javascript:' "$TMP/links-m/$f" &&
        ok "after merge, $f links to the sources" || fail "after merge, $f links to the sources"
done

# Provenance (issue 18) in every export: where each event's date comes
# from, as timeline.json's time.anchor says.  DOT: events dated only by the
# report date grey and dashed, with a key; TimelineJS and its spreadsheet:
# "Date from ..." in the text; vis: the class and the title; the viewer:
# the report badge and date_from.  --own-dates-only: no drawing shows an
# event without a date of its own.
expect_status 0 "provenance: every export" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" \
    -o "$TMP/prov" -f json,dot,timelinejs,timelinejs-csv,vis,html "$EXAMPLE"/*.txt
expect_status 0 "provenance: --own-dates-only" "$EVENTLINE" -q -m "$EXAMPLE/manifest.tsv" \
    --own-dates-only -o "$TMP/own" -f json,dot,svg,timelinejs,timelinejs-csv,vis,html "$EXAMPLE"/*.txt
cat >"$TMP/prov.py" <<'PY'
import csv, json, re, sys
d = sys.argv[1]
words = {"timex": "its own time expression", "sentence": "the time of its sentence",
         "report": "the report date (no date of its own)",
         "duration": "a length counted back from the report date"}
tl = json.load(open(d + "/timeline.json"))
anchor = {}
for e in tl["events"]:
    t = e.get("time") or {}
    if t.get("value"):
        anchor[e["id"]] = "report" if t.get("from_report") else t["anchor"]
own = lambda i: anchor.get(i) in ("timex", "sentence")
seen = {"dot": 0, "tjs": 0, "vis": 0, "html": 0, "csv": 0}
dot = open(d + "/timeline.dot").read()
for m in re.finditer(r'^\s*(V\d+)\s*\[(.*?)\];', dot, re.S | re.M):
    i, attrs = m.groups()
    if i not in anchor:
        continue
    grey = "gray50" in attrs and "dashed" in attrs
    assert grey == (not own(i)), (i, anchor[i], attrs)
    seen["dot"] += 1
assert ("no date of its own" in dot) == any(not own(i) for i in anchor if re.search(r'\b%s\b' % i, dot))
tjs = json.load(open(d + "/timelinejs.json"))
for e in tjs["events"]:
    assert "Date from %s." % words[anchor[e["unique_id"]]] in e["text"]["text"], e
    seen["tjs"] += 1
rows = list(csv.reader(open(d + "/timelinejs.csv")))
for r in rows[2:]:
    assert "Date from " in r[10], r
    seen["csv"] += 1
vis = json.load(open(d + "/vis.json"))
for it in vis["items"]:
    cls = it["className"].split()
    assert ("report-date" in cls) == (not own(it["id"])) and ("own-date" in cls) == own(it["id"]), it
    assert "(date from %s)" % words[anchor[it["id"]]] in it["title"], it
    seen["vis"] += 1
page = open(d + "/index.html").read()
data = json.loads(re.search(r'id="eventline-data">(.*?)</script>', page, re.S).group(1))
for e in data["events"]:
    if e["id"] in anchor:
        assert e["from_report"] == (not own(e["id"])), e
        assert e["date_from"] == words[anchor[e["id"]]], e
        seen["html"] += 1
assert all(seen.values()), seen
if len(sys.argv) > 2:   # --own-dates-only: the drawings hold own dates alone
    everything = json.load(open(sys.argv[2] + "/timeline.json"))
    full = {e["id"]: (e.get("time") or {}) for e in everything["events"]}
    def owned(i):
        t = full[i]
        return t.get("anchor") in ("timex", "sentence") and not t.get("from_report")
    ids = set(re.findall(r'^\s*(V\d+)\s*\[', dot, re.M))
    ids |= {e["unique_id"] for e in tjs["events"]} | {it["id"] for it in vis["items"]}
    ids |= {e["id"] for e in data["events"]}
    assert ids and all(owned(i) for i in ids), sorted(i for i in ids if not owned(i))
    assert "report-date" not in json.dumps(vis) and "gray50" not in dot
    svg = open(d + "/timeline.svg").read()
    assert "no date of its own" not in svg and "report date" not in svg
print(seen)
PY
check "provenance shown in DOT, TimelineJS, spreadsheet, vis and viewer" \
    "import sys; sys.argv = sys.argv[1:]; exec(open(sys.argv[0]).read())" "$TMP/prov.py" "$TMP/prov"
check "--own-dates-only: no drawing shows a date that is only the report's" \
    "import sys; sys.argv = sys.argv[1:]; exec(open(sys.argv[0]).read())" "$TMP/prov.py" "$TMP/own" "$TMP/prov"

finish

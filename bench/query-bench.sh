#!/bin/sh
# query-bench.sh - the SQLite store as users run it: index a news corpus
# made by cycling the TempEval-3 (TBAQ) development texts to MB megabytes of
# JSON Lines documents (generated on demand, never committed), then query
# the most frequent entity.  Prints index MB/s (wall and CPU), peak RSS,
# the database/text size ratio and query latency.  A benchmark, not a test.
#   bench/query-bench.sh [MB] [EVENTLINE] [GAZETTEER_DIR]
#   env: DATA (TBAQ folder), JOBS (index -j, default 1), KEEP=DIR keeps the work folder
set -eu
MB=${1:-10}
EVENTLINE=${2:-./src/eventline}
G=${3:-$(dirname "$0")/../gazetteers}
DATA=${DATA:-$(dirname "$0")/../../shared/data/tempeval3-tbaq}
[ -d "$DATA" ] || DATA=/work/shared/data/tempeval3-tbaq
JOBS=${JOBS:-1}
if [ -n "${KEEP:-}" ]; then W=$KEEP; mkdir -p "$W"; else
    W=$(mktemp -d "${TMPDIR:-/tmp}/eventline-qbench.XXXXXX")
    trap 'rm -rf "$W"' EXIT
fi
rm -f "$W/corpus.db" "$W/corpus.db-wal" "$W/corpus.db-shm"
python3 - "$MB" "$DATA" > "$W/docs.jsonl" <<'PY'
import glob, html, json, os, re, sys
target = float(sys.argv[1]) * 1e6
docs = []
for p in sorted(glob.glob(os.path.join(sys.argv[2], "input", "*", "*.TE3input"))):
    raw = open(p, encoding="utf-8").read()
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    d = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    if m:
        docs.append((os.path.basename(p).split(".tml")[0],
                     html.unescape(re.sub(r"<[^>]+>", "", m.group(1))), d.group(1) if d else None))
size, cycle = 0, 0
while size < target:
    for stem, text, dct in docs:
        rec = {"id": "c%d-%s" % (cycle, stem), "text": text}
        if dct:
            rec["dct"] = dct
        print(json.dumps(rec))
        size += len(text.encode("utf-8"))
        if size >= target:
            break
    cycle += 1
PY
TEXT=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$W/docs.jsonl")
NDOCS=$(wc -l < "$W/docs.jsonl")
/usr/bin/time -f '%e %U %S %M' -o "$W/time" \
    "$EVENTLINE" index -q -j "$JOBS" -g "$G" --db "$W/corpus.db" "$W/docs.jsonl"
read -r wall user sys rss < "$W/time"
DB=$(stat -c %s "$W/corpus.db")
python3 - "$TEXT" "$NDOCS" "$wall" "$user" "$sys" "$rss" "$DB" <<'PY'
import sys
text, n, wall, user, sys_, rss, db = sys.argv[1:]
text, wall, cpu = int(text), float(wall), float(user) + float(sys_)
print("index: %.1f MB text, %s documents: %.1f s wall, %.1f s CPU (%.1f user + %.1f sys), "
      "%.2f MB/s wall, %.2f MB/s CPU, peak RSS %.0f MiB"
      % (text / 1e6, n, wall, cpu, float(user), float(sys_), text / 1e6 / wall,
         text / 1e6 / cpu, int(rss) / 1024))
print("database: %.1f MB = %.2fx the text" % (int(db) / 1e6, int(db) / text))
PY
# the most frequent entity: the one with the most mentions
TOP=$(python3 - "$W/corpus.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
if "mention_rows" in [r[0] for r in db.execute("select name from sqlite_schema")]:
    r = db.execute("select name from entities order by mentions desc limit 1").fetchone()
else:
    r = db.execute("select e.name from mentions m join entities e on e.key = m.entity_key"
                   " group by m.entity_key order by count(*) desc limit 1").fetchone()
print(r[0])
PY
)
for args in "--entity" "--events --entity"; do
    best=999999; bestcpu=999999
    for i in 1 2 3 4 5; do
        # shellcheck disable=SC2086
        /usr/bin/time -f '%e %U %S' -o "$W/qtime" \
            "$EVENTLINE" query -g "$G" --db "$W/corpus.db" $args "$TOP" > "$W/q.out" 2>/dev/null || true
        read -r qw qu qs < "$W/qtime"
        ms=$(python3 -c "print(round($qw * 1000))"); cpu=$(python3 -c "print(round(($qu + $qs) * 1000))")
        [ "$ms" -lt "$best" ] && best=$ms
        [ "$cpu" -lt "$bestcpu" ] && bestcpu=$cpu
    done
    echo "query $args \"$TOP\": best of 5 = ${best} ms wall, ${bestcpu} ms CPU (whole process), $(wc -l < "$W/q.out") lines printed"
done

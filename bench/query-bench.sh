#!/bin/sh
# query-bench.sh - build an index of N synthetic news documents (default
# 100000) and time entity lookups against it.  A benchmark, not a test.
#   bench/query-bench.sh [N] [EVENTLINE] [GAZETTEER_DIR]
set -eu
N=${1:-100000}
EVENTLINE=${2:-./src/eventline}
G=${3:-$(dirname "$0")/../gazetteers}
W=$(mktemp -d "${TMPDIR:-/tmp}/eventline-qbench.XXXXXX")
trap 'rm -rf "$W"' EXIT
python3 - "$N" > "$W/docs.jsonl" <<'PY'
import json, random, sys
random.seed(7)
first = ["Maria", "John", "Wei", "Amina", "Carlos", "Olga", "Ravi", "Sara", "Kenji", "Lena"]
last = ["Lopez", "Smith", "Chen", "Diallo", "Silva", "Petrova", "Patel", "Berg", "Sato", "Novak"]
places = ["Paris", "Nairobi", "Lima", "Seoul", "Cairo", "Oslo", "Hanoi", "Quito"]
verbs = ["met", "visited", "called", "criticized", "praised"]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
for i in range(int(sys.argv[1])):
    a = random.choice(first) + " " + random.choice(last)
    b = random.choice(first) + " " + random.choice(last)
    text = (f"{a} {random.choice(verbs)} {b} in {random.choice(places)} on "
            f"{random.choice(days)}, officials said. The talks lasted two hours.\n")
    print(json.dumps({"id": f"d{i}", "text": text,
                      "dct": f"2023-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"}))
PY
t0=$(date +%s.%N)
"$EVENTLINE" index -q -j 2 -g "$G" --db "$W/corpus.db" "$W/docs.jsonl"
t1=$(date +%s.%N)
echo "indexed $N documents in $(echo "$t1 - $t0" | bc) s ($(du -h "$W/corpus.db" | cut -f1) database)"
for q in "Maria Lopez" "Kenji Sato" "Nobody Here"; do
    best=999
    for i in 1 2 3 4 5; do
        a=$(date +%s%N)
        "$EVENTLINE" query -g "$G" --db "$W/corpus.db" --entity "$q" -f csv > /dev/null
        b=$(date +%s%N)
        ms=$(( (b - a) / 1000000 ))
        [ "$ms" -lt "$best" ] && best=$ms
    done
    echo "query --entity \"$q\": best of 5 = ${best} ms (whole process, rows printed)"
done

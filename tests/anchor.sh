#!/bin/sh
# anchor.sh - where each event's time comes from (time.anchor in the JSON,
# the TSV's anchor and precision columns), one table row per provenance
# kind, the event linked to the time expression of its own clause, and
# --own-dates-only.  Skipped (77) without python3.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null 2>&1 || { echo "python3 not installed: skipped"; exit 77; }

# DCT | text | label | value | anchor | precision
cat > "$TMP/cases" <<'TABLE'
2023-03-01|President Joe Biden met Chancellor Olaf Scholz in Washington on Monday.|Joe Biden meets Olaf Scholz|2023-02-27|timex|day
2023-03-01|Prime Minister Jean Moreau visited Washington on Wednesday, and President Elena Ruiz met Joe Biden on Thursday.|Elena Ruiz meets Joe Biden|2023-02-23|timex|day
2023-03-01|DENVER, March 1, 2023 - President Joe Biden met Chancellor Olaf Scholz in Washington on Monday.|Joe Biden meets Olaf Scholz|2023-02-27|timex|day
2023-03-01|The two leaders met in Washington in February.|undated|2023-02|timex|month
2023-03-01|Last year, Acme Corp said it had bought Zeta Labs.|Acme Corp says|2022|timex|year
2023-03-01|Last year, Acme Corp said it had bought Zeta Labs.|acquisition|2022|sentence|year
2023-03-01|Acme Corp bought Zeta Labs, the company said.|Acme Corp acquires Zeta Labs|2023-03-01|report|day
2024-01-25|Two patients in the trial died, Calder Biotech said.|death|2024-01-25|report|day
TABLE
n=0
while IFS='|' read -r dct text label value anchor prec; do
    n=$((n + 1))
    printf '%s\n' "$text" > "$TMP/case$n.txt"
    "$EVENTLINE" -q --dct "$dct" -f json -o "$TMP/out$n" "$TMP/case$n.txt" 2>"$TMP/err" || {
        fail "case $n: eventline failed"; continue; }
    got=$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
label, value = sys.argv[2], sys.argv[3]
for e in d["events"]:
    t = e["time"]
    if (label == "undated" or e["label"] == label) and t.get("value") == value:
        print("%s|%s" % (t.get("anchor"), t.get("precision"))); break
else:
    print("no event %r on %s: %s" % (label, value, [(e["label"], e["time"].get("value")) for e in d["events"]]))
' "$TMP/out$n/timeline.json" "$label" "$value")
    if [ "$got" = "$anchor|$prec" ]; then ok "case $n: $label $value anchored by $anchor ($prec)"
    else fail "case $n: $label $value: want $anchor|$prec, got $got"; fi
done < "$TMP/cases"

# the TSV shows it; --own-dates-only keeps the timex-dated events only
printf 'Acme Corp bought Zeta Labs, the company said.\nAcme Corp met Zeta Labs on Monday.\n' > "$TMP/two.txt"
expect_status 0 "TSV" "$EVENTLINE" -q --dct 2023-03-01 -f tsv -o "$TMP/tsv" "$TMP/two.txt"
head -1 "$TMP/tsv/events.tsv" | grep -q "	anchor	precision$" && ok "TSV header has anchor and precision" \
    || fail "TSV header: $(head -1 "$TMP/tsv/events.tsv")"
grep -q "	report	day$" "$TMP/tsv/events.tsv" && ok "TSV row of a report-date event" || fail "TSV report row"
expect_status 0 "--own-dates-only" "$EVENTLINE" -q --dct 2023-03-01 --own-dates-only -f tsv \
    -o "$TMP/own" "$TMP/two.txt"
if grep -q "	report	" "$TMP/own/events.tsv"; then fail "--own-dates-only kept a report-date event"
elif grep -q "	timex	day$" "$TMP/own/events.tsv"; then ok "--own-dates-only keeps the timex-dated event only"
else fail "--own-dates-only: $(cat "$TMP/own/events.tsv")"; fi
finish

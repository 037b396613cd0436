#!/bin/sh
# syntax.sh - the syntax stage from the command line: annotate -f conllu
# writes well-formed CoNLL-U (checked by a validator: ten columns, ids in
# order, multi-word ranges, heads in range, one root labelled root, no
# cycle, UD tags and relations, the words spell the sentence text), -j 2 writes the same, --syntax leaves the other
# outputs unchanged, and a missing or broken model is a one-line error.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

"$EVENTLINE" annotate -q -f conllu -o "$TMP/c1" "$EXAMPLE"/*.txt 2>"$TMP/err" \
    && ok "annotate -f conllu" || fail "annotate -f conllu"
[ "$(ls "$TMP/c1" | grep -c '\.conllu$')" = "$(ls "$EXAMPLE"/*.txt | wc -l)" ] \
    && ok "one .conllu per document" || fail "one .conllu per document"
"$EVENTLINE" annotate -q -j 2 -f conllu -o "$TMP/c2" "$EXAMPLE"/*.txt 2>"$TMP/err"
diff -r "$TMP/c1" "$TMP/c2" >/dev/null && ok "-j 2 writes the same CoNLL-U" || fail "-j 2 differs"

printf "I don't think the U.S.'s plan will work... She said \"no\" -- twice.\n" > "$TMP/s.txt"
"$EVENTLINE" annotate -q -f conllu -o - "$TMP/s.txt" > "$TMP/s.conllu" 2>"$TMP/err"
grep -q "^2-3	don't	" "$TMP/s.conllu" && grep -q "^2	do	do	AUX	VBP	" "$TMP/s.conllu" \
    && ok "contractions as UD multi-word tokens" || fail "contractions"

if [ -n "${PYTHON3:-}" ]; then
    cat > "$TMP/validate.py" <<'PY'
import sys
UPOS = set("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())
DEPRELS = set("""acl advcl advmod amod appos aux case cc ccomp clf compound conj cop csubj dep det
    discourse dislocated expl fixed flat goeswith iobj list mark nmod nsubj nummod obj obl orphan
    parataxis punct reparandum root vocative xcomp""".split())
def check(path):
    blocks = open(path, encoding="utf-8", errors="strict").read().split("\n\n")
    for b in blocks:
        lines = [l for l in b.split("\n") if l]
        if not lines:
            continue
        text = next(l[9:] for l in lines if l.startswith("# text = "))
        heads, forms, expect, range_end = [], [], 1, 0
        for l in lines:
            if l.startswith("#"):
                continue
            f = l.split("\t")
            assert len(f) == 10, (path, l)
            if "-" in f[0]:
                a, e = map(int, f[0].split("-"))
                assert a == expect and e > a, (path, l)
                forms.append(f[1])
                range_end = e
                continue
            i = int(f[0])
            assert i == expect, (path, l)
            expect += 1
            assert f[3] in UPOS and f[4] != "_" and f[2] != "", (path, l)
            assert (f[6] == "0") == (f[7] == "root"), (path, l)
            assert f[7].split(":")[0] in DEPRELS, (path, l)
            assert f[5] == "_" and f[8] == "_" and f[9] in ("_", "SpaceAfter=No"), (path, l)
            heads.append(int(f[6]))
            if i > range_end:
                forms.append(f[1])
        n = len(heads)
        assert all(0 <= h <= n for h in heads), (path, b)
        assert heads.count(0) == 1, (path, b)
        for i in range(n):
            h, seen = heads[i], 0
            while h:
                h = heads[h - 1]
                seen += 1
                assert seen <= n, ("cycle", path, b)
        assert "".join(forms) == "".join(text.split()), (path, text, forms)
for p in sys.argv[1:]:
    check(p)
PY
    "$PYTHON3" "$TMP/validate.py" "$TMP"/c1/*.conllu "$TMP/s.conllu" 2>"$TMP/err" \
        && ok "CoNLL-U is well-formed (validator)" || { fail "CoNLL-U validator"; head -5 "$TMP/err"; }
fi

"$EVENTLINE" -q -f json -o "$TMP/j1" "$EXAMPLE"/*.txt 2>"$TMP/err"
"$EVENTLINE" -q --syntax -f json -o "$TMP/j2" "$EXAMPLE"/*.txt 2>"$TMP/err"
# the entity and event stages read the analysis (participants, name
# boundaries): the same documents and event triggers, other participants
"$PYTHON3" - "$TMP/j1/timeline.json" "$TMP/j2/timeline.json" <<'PY' \
    && ok "--syntax keeps the documents and event triggers" || fail "--syntax changed the triggers"
import json, sys
def triggers(p):
    j = json.load(open(p, encoding="utf-8"))
    return sorted((d["id"], e["start"], e["end"]) for d in j["documents"] for e in d["event_mentions"])
a, b = triggers(sys.argv[1]), triggers(sys.argv[2])
sys.exit(0 if a == b and a else 1)
PY

# --tokens: the JSON carries the same words, tags, heads and relations as the CoNLL-U
"$EVENTLINE" -q --tokens --dct 2024-01-01 -f json -o "$TMP/j5" "$TMP/s.txt" 2>"$TMP/err" \
    && ok "extract --tokens" || fail "extract --tokens"
"$EVENTLINE" annotate -q --tokens -f jsonl -o - "$TMP/s.txt" > "$TMP/s.jsonl" 2>"$TMP/err"
grep -q '"text": *"do", *"lemma": *"do", *"upos": *"AUX", *"xpos": *"VBP"' "$TMP/s.jsonl" \
    && ok "annotate --tokens -f jsonl: per-word analysis" || fail "annotate --tokens -f jsonl"
if [ -n "${PYTHON3:-}" ]; then
    cat > "$TMP/tokens.py" <<'PY'
import json, sys
conllu = [l.split("\t") for l in open(sys.argv[1], encoding="utf-8")
          if l.strip() and not l.startswith("#") and "-" not in l.split("\t")[0]]
want = [(f[1], f[2], f[3], f[4], int(f[6]), f[7]) for f in conllu]
for path in sys.argv[2:]:
    doc = json.load(open(path, encoding="utf-8"))["documents"][0]
    got = [(t["text"], t["lemma"], t["upos"], t["xpos"], t["head"], t["deprel"])
           for t in doc["tokens"]]
    assert got == want, (path, got, want)
PY
    "$PYTHON3" "$TMP/tokens.py" "$TMP/s.conllu" "$TMP/j5/timeline.json" 2>"$TMP/err" \
        && ok "--tokens agrees with -f conllu" || { fail "--tokens differs from conllu"; head -5 "$TMP/err"; }
fi

# a gazetteer directory without the model, and one with a broken model
mkdir -p "$TMP/gz/syntax"
cp -r "$EVENTLINE_GAZETTEERS"/*.tsv "$EVENTLINE_GAZETTEERS"/time "$EVENTLINE_GAZETTEERS"/entities \
    "$EVENTLINE_GAZETTEERS"/events "$TMP/gz/" 2>/dev/null
expect_status 0 "no model: the default pipeline still runs" "$EVENTLINE" -q -g "$TMP/gz" -f json -o "$TMP/j3" "$TMP/s.txt"
expect_status 2 "no model: --syntax fails" "$EVENTLINE" -q -g "$TMP/gz" --syntax -f json -o "$TMP/j4" "$TMP/s.txt"
expect_stderr "syntax/en_ewt.model: cannot open" "missing model named"
head -c 1000 "$EVENTLINE_GAZETTEERS/syntax/en_ewt.model" > "$TMP/gz/syntax/en_ewt.model"
expect_status 2 "broken model: annotate -f conllu fails" "$EVENTLINE" annotate -q -g "$TMP/gz" -f conllu -o - "$TMP/s.txt"
expect_stderr "en_ewt.model: not a syntax model" "broken model named"
finish

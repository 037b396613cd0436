#!/usr/bin/env python3
"""run.py - the runner of the spec files (tests/spec/*.spec).

    run.py EVENTLINE SPEC...

A spec file is a plain table, one example a line (tab-separated, '#' starts
a comment line): the document's DCT, its one-sentence text and the
annotation the program must produce, written as the file's layer says
(timex.spec: every TIMEX3, "TEXT = TYPE VALUE [MOD]" joined by " | ", "-"
for none).  All examples of all files go through one run of
`EVENTLINE annotate -f jsonl` (a manifest gives each its DCT); each line
that differs is printed with what came out, and the exit status is 1.
"""
import json
import os
import subprocess
import sys
import tempfile


def timexes(doc):
    parts = []
    for t in doc["timexes"]:
        mod = " " + t["mod"] if t.get("mod") else ""
        parts.append(f"{t['text']} = {t['type']} {t['value']}{mod}")
    return " | ".join(parts) or "-"


# layer of a spec file (its name) -> what a document's annotation reads as
LAYERS = {"timex": timexes}


def read_spec(path):
    layer = os.path.splitext(os.path.basename(path))[0]
    if layer not in LAYERS:
        sys.exit(f"{path}: no layer '{layer}' (known: {', '.join(LAYERS)})")
    cases = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 3:
                sys.exit(f"{path}:{lineno}: expected DCT<TAB>SENTENCE<TAB>EXPECTED")
            cases.append((f"{path}:{lineno}", layer, *cols))
    return cases


def run(eventline, cases, tmp):
    files = []
    with open(os.path.join(tmp, "manifest.tsv"), "w", encoding="utf-8") as man:
        for i, (_, _, dct, sentence, _) in enumerate(cases):
            name = f"case{i:04d}.txt"
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(sentence + "\n")
            man.write(f"{name}\t{dct}\n")
            files.append(os.path.join(tmp, name))
    out = subprocess.run([eventline, "annotate", "-q", "-m", os.path.join(tmp, "manifest.tsv"),
                          "-f", "jsonl", "-o", "-", *files],
                         check=True, capture_output=True, text=True).stdout
    docs = {}
    for line in out.splitlines():
        for d in json.loads(line)["documents"]:
            docs[d["id"]] = d
    return [docs.get(f"case{i:04d}") for i in range(len(cases))]


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: run.py EVENTLINE SPEC...")
    cases = [c for path in argv[1:] for c in read_spec(path)]
    with tempfile.TemporaryDirectory() as tmp:
        docs = run(argv[0], cases, tmp)
    failed = 0
    for (where, layer, dct, sentence, want), doc in zip(cases, docs):
        got = LAYERS[layer](doc) if doc else "(no document)"
        if got != want:
            failed += 1
            print(f"FAIL {where}: {sentence} (DCT {dct})\n  want: {want}\n  got:  {got}")
    print(f"spec: {len(cases) - failed} of {len(cases)} examples pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

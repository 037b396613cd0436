#!/usr/bin/env python3
"""timex-diff.py - list the time stage's errors on TimeML gold: missed gold
timexes (FN), spurious system ones (FP), span and value/type differences.
For looking at error classes while developing, not a scorer.

Usage: timex-diff.py GOLD_DIR SYSTEM_JSON_DIR [FN|FP|SPAN|VAL|TYPE]...
"""
import glob
import html
import json
import os
import re
import sys


def gold_timexes(path):
    raw = open(path, encoding="utf-8").read()
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S).group(1)
    out, pos, text = [], 0, []
    for m in re.finditer(r"<[^>]+>|[^<]+", body):
        tok = m.group(0)
        if tok.startswith("<TIMEX3"):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', tok))
            out.append([pos, None, attrs])
        elif tok.startswith("</TIMEX3"):
            for t in reversed(out):
                if t[1] is None:
                    t[1] = pos
                    break
        elif not tok.startswith("<"):
            s = html.unescape(tok)
            text.append(s)
            pos += len(s)
    return "".join(text), out


def main():
    gold_dir, sys_dir = sys.argv[1], sys.argv[2]
    kinds = set(sys.argv[3:]) or {"FN", "FP", "SPAN", "VAL", "TYPE"}
    for g in sorted(glob.glob(os.path.join(gold_dir, "*.tml"))):
        stem = os.path.basename(g)[:-4]
        text, gold = gold_timexes(g)
        sf = os.path.join(sys_dir, stem + ".json")
        sysx = []
        if os.path.exists(sf):
            doc = json.load(open(sf))
            docs = doc.get("documents", [doc])
            for d in docs:
                sysx = d.get("timexes", [])
        used = set()
        for gs, ge, a in gold:
            ctx = text[max(0, gs - 40):ge + 40].replace("\n", " ")
            match = None
            for k, s in enumerate(sysx):
                if k not in used and s["start"] < ge and gs < s["end"]:
                    match = k
                    break
            if match is None:
                if "FN" in kinds:
                    print("FN\t%s\t%s\t%s\t%s" % (text[gs:ge], a.get("type"), a.get("value"), ctx))
                continue
            used.add(match)
            s = sysx[match]
            if "SPAN" in kinds and (s["start"], s["end"]) != (gs, ge):
                print("SPAN\t%s\t%s\t%s" % (text[gs:ge], text[s["start"]:s["end"]], ctx))
            if "VAL" in kinds and s["value"] != a.get("value"):
                print("VAL\t%s\t%s\t%s\t%s" % (text[gs:ge], a.get("value"), s["value"], ctx))
            if "TYPE" in kinds and s["type"] != a.get("type"):
                print("TYPE\t%s\t%s\t%s" % (text[gs:ge], a.get("type"), s["type"]))
        for k, s in enumerate(sysx):
            if k not in used and "FP" in kinds:
                ctx = text[max(0, s["start"] - 40):s["end"] + 40].replace("\n", " ")
                print("FP\t%s\t%s\t%s\t%s" % (text[s["start"]:s["end"]], s["type"], s["value"], ctx))


if __name__ == "__main__":
    main()

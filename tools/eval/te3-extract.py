#!/usr/bin/env python3
"""te3-extract.py - TE3 input (TimeML with TEXT + DCT) -> plain .txt files and
a DCT manifest, so eventline can read them as text until the TimeML reader is
used.  The .txt is exactly the TEXT element's content (entities decoded, tags
removed), which is what te3score.py offsets refer to.

Usage: te3-extract.py OUT_DIR FILE.TE3input...
"""
import html
import os
import re
import sys


def extract(path):
    raw = open(path, encoding="utf-8").read()
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not m:
        raise SystemExit("%s: no <TEXT>" % path)
    text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))
    dct = ""
    d = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    if d:
        dct = d.group(1)
    return text, dct


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as man:
        for p in sys.argv[2:]:
            stem = os.path.basename(p)
            for suf in (".TE3input", ".tml"):
                if stem.endswith(suf):
                    stem = stem[: -len(suf)]
            text, dct = extract(p)
            txt = os.path.join(out, stem + ".txt")
            with open(txt, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            if dct:
                man.write("%s\t%s\n" % (txt, dct))


if __name__ == "__main__":
    main()

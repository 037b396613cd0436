#!/usr/bin/env python3
"""timex-errors.py - group the time stage's TIMEX3 value errors on TimeML
gold by category (missed, spurious, notation, week shift, year, granularity,
date vs duration, ...) and print counts, then the rows of each category.
A development aid for deciding what to work on next, not a scorer.

Usage: timex-errors.py GOLD_DIR SYSTEM_JSON_DIR [-v] [CATEGORY...]
  -v          print the rows of every category (or of the ones named)
"""
import datetime
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

diff = import_module("timex-diff")


def parse_day(v):
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T.*)?", v)
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def category(gv, sv):
    """The kind of difference between gold value gv and system value sv."""
    if re.fullmatch(r"\d{4}(-XX)+", gv) and sv == gv[:4]:
        return "gold-X-padding"
    if re.fullmatch(r"\d{3}X", gv) and sv == gv[:3]:
        return "gold-decade-X"
    m = re.fullmatch(r"(\d{4})-W(\d)", gv)
    if m and sv == "%s-W0%s" % (m.group(1), m.group(2)):
        return "gold-week-unpadded"
    if sv.startswith(gv + "T") and re.search(r"T(MO|AF|EV|NI)$", sv):
        return "part-of-day-extra"
    if re.search(r"T(MO|AF|EV|NI)$", gv) and re.search(r"T(MO|AF|EV|NI)$", sv) \
            and gv[:-4] == sv[:-4]:
        return "part-of-day-which"
    gp, sp = gv.startswith("P"), sv.startswith("P")
    if gp != sp:
        return "date-vs-duration"
    if gp and sp:
        return "duration-amount" if gv[-1] == sv[-1] else "duration-unit"
    if gv.endswith("_REF") or sv.endswith("_REF"):
        return "ref"
    gd, sd = parse_day(gv), parse_day(sv)
    if gd and sd:
        delta = (sd - gd).days
        if delta % 7 == 0 and gd.month == sd.month or abs(delta) in (7, 14):
            return "weekday-week-off"
        if (gd.month, gd.day) == (sd.month, sd.day):
            return "year-off"
        return "day-off"
    if re.fullmatch(r"\d{4}-W\d\d(-WE)?", sv) and not re.search(r"W", gv):
        return "week-vs-other"
    if gv[4:] == sv[4:] and gv[:4] != sv[:4]:
        return "year-off"
    if sv.startswith(gv) or gv.startswith(sv):
        return "granularity"
    return "other"


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    gold_dir, sys_dir, wanted = args[0], args[1], set(args[2:])
    rows = {}
    for g in sorted(glob.glob(os.path.join(gold_dir, "*.tml"))):
        stem = os.path.basename(g)[:-4]
        text, gold = diff.gold_timexes(g)
        dct = re.search(r'<DCT>.*?value="([^"]*)"', open(g, encoding="utf-8").read(), re.S)
        dct = dct.group(1) if dct else "?"
        sf = os.path.join(sys_dir, stem + ".json")
        sysx = []
        if os.path.exists(sf):
            doc = json.load(open(sf))
            for d in doc.get("documents", [doc]):
                sysx = d.get("timexes", [])
        used = set()

        def ctx(s, e):
            return text[max(0, s - 50):e + 30].replace("\n", " ")
        for gs, ge, a in gold:
            match = next((k for k, s in enumerate(sysx)
                          if k not in used and s["start"] < ge and gs < s["end"]), None)
            gv = a.get("value", "")
            if match is None:
                rows.setdefault("missed", []).append(
                    (stem, dct, text[gs:ge], gv, "-", ctx(gs, ge)))
                continue
            used.add(match)
            sv = sysx[match]["value"]
            if sv != gv:
                rows.setdefault(category(gv, sv), []).append(
                    (stem, dct, text[gs:ge], gv, sv, ctx(gs, ge)))
        for k, s in enumerate(sysx):
            if k not in used:
                rows.setdefault("spurious", []).append(
                    (stem, dct, text[s["start"]:s["end"]], "-", s["value"],
                     ctx(s["start"], s["end"])))
    for cat, rs in sorted(rows.items(), key=lambda kv: -len(kv[1])):
        print("%4d  %s" % (len(rs), cat))
    if verbose:
        for cat, rs in sorted(rows.items(), key=lambda kv: -len(kv[1])):
            if wanted and cat not in wanted:
                continue
            print("\n== %s" % cat)
            for r in rs:
                print("%s %s | %s | gold %s | sys %s | %s" % r)


if __name__ == "__main__":
    main()

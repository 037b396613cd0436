#!/usr/bin/env python3
"""dot_layout.py - read back a laid-out timeline drawing (dot -Tjson) and
check it lies on the time axis.

Usage: dot_layout.py LAYOUT.json TIMELINE.json

Two checks over the drawn event nodes (names V1, V2, ...):
- periods: every pair of nodes in different period boxes (attribute
  el_period, the box's rank on the axis) has the earlier box's node left of
  the later's;
- intervals: every pair of dated events whose intervals do not overlap (one
  ends before the other begins, from timeline.json) has the earlier left.
- edges: no visible edge points right to left, none is drawn both ways;
- undated: the undated box (el_period -1) lies right of every dated node;
- rows: a long axis wraps into rows (attribute el_row, 0 at the top): the
  rows lie top to bottom in their order, and "left of" above reads "in an
  earlier row, or in the same row and left of".
Prints "periods: N of M pairs out of order" and the same for the others;
exits 1 when any pair is out of order.  The interval check needs nothing
from the drawing but positions, so it measures any DOT layout."""
import json
import sys


def positions(layout):
    out = {}
    for o in layout.get("objects", []):
        if "pos" in o and o.get("name", "").startswith("V"):
            x, y = o["pos"].split(",")
            out[o["name"]] = ((int(o.get("el_row", 0)), float(x)), o.get("el_period"),
                              float(y))
    return out


def rows_check(pos):
    """Rows out of order: a row whose mean height is not below the
    previous row's (Graphviz's y grows upwards)."""
    ys = {}
    for (row, _), _, y in pos.values():
        ys.setdefault(row, []).append(y)
    means = [sum(ys[r]) / len(ys[r]) for r in sorted(ys)]
    return sum(a <= b for a, b in zip(means, means[1:])), max(len(means) - 1, 0)


def edge_checks(layout):
    """Drawn (visible, directed) edges that point right to left, and pairs
    drawn both ways."""
    xs = {o["_gvid"]: float(o["pos"].split(",")[0])
          for o in layout.get("objects", []) if "pos" in o}
    seen, backwards, both = set(), 0, 0
    for e in layout.get("edges", []):
        if e.get("style") == "invis":
            continue
        t, h = e["tail"], e["head"]
        if (h, t) in seen:
            both += 1
        seen.add((t, h))
        if e.get("dir") != "none" and xs.get(t, 0) > xs.get(h, 0) + 1:
            backwards += 1
    return backwards, both


def main():
    layout = json.load(open(sys.argv[1], encoding="utf-8"))
    timeline = json.load(open(sys.argv[2], encoding="utf-8"))
    pos = positions(layout)
    ivs = {}
    for e in timeline["events"]:
        iv = (e.get("time") or {}).get("interval")
        if iv and e["id"] in pos:
            ivs[e["id"]] = (iv["begin"], iv["end"])
    names = sorted(pos)
    bad = {"periods": 0, "intervals": 0, "undated": 0}
    pairs = {"periods": 0, "intervals": 0, "undated": 0}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (xa, pa, _), (xb, pb, _) = pos[a], pos[b]
            if pa is not None and pb is not None and pa != pb and "-1" in (pa, pb):
                pairs["undated"] += 1
                if (pa == "-1") == (xa < xb):   # the undated box comes last
                    bad["undated"] += 1
            elif pa is not None and pb is not None and pa != pb:
                pairs["periods"] += 1
                if (int(pa) < int(pb)) != (xa < xb):
                    bad["periods"] += 1
            if a in ivs and b in ivs:
                (ba, ea), (bb, eb) = ivs[a], ivs[b]
                if ea <= bb or eb <= ba:
                    pairs["intervals"] += 1
                    if (ea <= bb) != (xa < xb):
                        bad["intervals"] += 1
                        print("out of order: %s %s / %s %s" % (a, ivs[a][0], b, ivs[b][0]),
                              file=sys.stderr)
    bad["rows"], pairs["rows"] = rows_check(pos)
    backwards, both_ways = edge_checks(layout)
    bad["edges"] = backwards + both_ways
    pairs["edges"] = sum(e.get("style") != "invis" for e in layout.get("edges", []))
    for k in ("periods", "intervals", "undated", "edges", "rows"):
        print("%s: %d of %d pairs out of order" % (k, bad[k], pairs[k]))
    return 1 if any(bad.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

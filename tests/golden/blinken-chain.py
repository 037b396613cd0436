#!/usr/bin/env python3
"""blinken-chain.py TIMELINE_JSON - golden check of the example corpus's
event chain (issue 5): balloon shootdown (2023-02) -> postponed/cancelled
trip (2023-02) -> Beijing talks/visit (2023-06-18/19) -> meeting with Xi
(2023-06-19, 16:34-17:09), in that order on the timeline; and no typed
event reported as having happened is dated after the last article.  Exit 0
when the chain holds, 1 with the reasons otherwise."""
import json, sys

j = json.load(open(sys.argv[1]))
ents = {e["id"]: e for e in j["entities"]}
order = {}
for i, x in enumerate(j["timeline"]):
    for v in (x if isinstance(x, list) else [x]):
        order[v] = i

def names(ev):
    out = set()
    for p in ev.get("participants", []):
        e = ents.get(p, {})
        out.add(e.get("name", "").lower())
        out.update(a.lower() for a in e.get("aliases", []))
    return " | ".join(sorted(out))

def find(types, value_prefix, who=None):
    for ev in j["events"]:
        t = ev.get("time", {})
        if ev.get("type") in types and t.get("value", "").startswith(value_prefix) \
                and ev["id"] in order and (who is None or who in names(ev)):
            return ev
    return None

problems = []
chain = [
    ("balloon shootdown", find({"shootdown"}, "2023-02")),
    ("postponed trip", find({"postponement", "cancellation"}, "2023-02")),
    ("Beijing talks", find({"talks", "visit", "trip"}, "2023-06-18")),
    ("Xi meeting", find({"meeting"}, "2023-06-19T16:34", "xi")),
]
for what, ev in chain:
    if ev is None:
        problems.append("no timeline event for the %s with the expected date" % what)
talks = chain[2][1]
if talks and not talks["time"].get("end", "").startswith("2023-06-19"):
    problems.append("Beijing talks should end 2023-06-19, got %r" % talks["time"].get("end"))
xi = chain[3][1]
if xi and xi["time"].get("end") != "2023-06-19T17:09":
    problems.append("Xi meeting should end 2023-06-19T17:09, got %r" % xi["time"].get("end"))
found = [(w, e) for w, e in chain if e]
for (w1, e1), (w2, e2) in zip(found, found[1:]):
    if order[e1["id"]] >= order[e2["id"]]:
        problems.append("%s (%s) should come before %s (%s)" % (w1, e1["id"], w2, e2["id"]))
# Nothing the articles report as having happened starts after the last of
# their days: an event dated later is a misread weekday or month.
last_day = max(d.get("dct", "") for d in j["documents"])
for ev in j["events"]:
    begin = ev.get("time", {}).get("interval", {}).get("begin", "")
    if ev.get("factual") and ev.get("type") and begin[:10] > last_day:
        problems.append("%s (%s) happened on %s, after every article (%s)"
                        % (ev.get("label"), ev["id"], begin[:10], last_day))
for p in problems:
    print("golden: " + p)
for w, e in chain:
    if e:
        print("golden: %-18s %-4s %s %s %s" % (w, e["id"], e["time"].get("value"),
                                             e["time"].get("end", ""), e.get("label")))
sys.exit(1 if problems else 0)

#!/usr/bin/env python3
"""run.py - the team's own unseen-news set: runs eventline on each article of
tests/news/ and checks its golden expectations (NN-name.expect next to
NN-name.txt), one verdict per expectation.

Expectation file: one per line, tab-separated, '#' starts a comment:
    STATUS  KIND  ARG...
STATUS is 'ok' (must hold) or 'xfail' (a known failure: reported, does not
fail the run; when it starts to hold it is reported as XPASS so the mark can
be removed; NEWS_STRICT=1 makes an XPASS fail the run).
KINDs (see README.md in this folder):
    dct        VALUE [SOURCE]        document DCT (VALUE 'none': no DCT)
    entity     TEXT TYPE             a mention whose text or name is TEXT has TYPE
    no-entity  TEXT                  no mention's text or name is TEXT (cut names)
    timex      TEXT VALUE            a timex with exactly TEXT has VALUE
    no-timex   TEXT VALUE            no timex with TEXT has VALUE
    event      TRIGGER key=value...  an event mention with TRIGGER matching all
    no-event   TRIGGER key=value...  no event mention with TRIGGER matching all
    no-label   LABEL                 no canonical event has LABEL
    stderr     TEXT                  eventline's standard error holds TEXT
event keys: type (canonical type, 'none' untyped), with (a participant's
name), agent (the label starts with this name), date (the value of the
mention's own timex, else its canonical event's time), factual (true/false),
anchor (where its canonical event's time comes from: timex, sentence,
report, duration, none).

Usage: run.py [-v] EVENTLINE [ARTICLE.txt...]   (exit 0 unless an 'ok' fails)
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_manifest():
    rows = {}
    with open(os.path.join(HERE, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, dct, mode = line.rstrip("\n").split("\t")[:3]
            rows[name] = (dct, mode)
    return rows


def run_eventline(exe, path, mode):
    cmd = [exe, "-f", "json", "-o", "-"]
    if mode == "manifest":
        cmd += ["-m", os.path.join(HERE, "manifest.tsv")]
    res = subprocess.run(cmd + [path], capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError("eventline failed on %s: %s" % (path, res.stderr.strip()))
    return json.loads(res.stdout), res.stderr


class Doc:
    """The parts of one document's JSON the expectations look at."""

    def __init__(self, result, stderr):
        self.result = result
        self.stderr = stderr
        self.doc = result["documents"][0]
        self.timex = {t["id"]: t for t in self.doc["timexes"]}
        self.names = {e["id"]: e["name"] for e in result["entities"]}
        self.events = {e["id"]: e for e in result["events"]}

    def event_date(self, em):
        if em.get("timex") in self.timex:
            return self.timex[em["timex"]].get("value")
        ev = self.events.get(em.get("event"))
        if ev:
            return ev.get("time", {}).get("value")
        return None

    def event_fields(self, em):
        ev = self.events.get(em.get("event"), {})
        names = [self.names.get(p, p) for p in em.get("participants", [])]
        names += [self.names.get(p, p) for p in ev.get("participants", [])]
        return {
            "type": ev.get("type") or em.get("type") or "none",
            "with": names,
            "label": ev.get("label") or "",
            "date": self.event_date(em),
            "factual": "true" if (ev.get("factual") if ev else mention_factual(em)) else "false",
            "anchor": ev.get("time", {}).get("anchor") or "none",
        }


def mention_factual(em):
    """A mention no canonical event holds: factual unless modal, negated or
    not asserted."""
    return not (em.get("modality") or em.get("polarity") == "NEG" or em.get("intensional"))


def event_matches(fields, conds):
    for key, want in conds:
        if key == "with":
            if want not in fields["with"]:
                return False
        elif key == "agent":
            if not fields["label"].startswith(want):
                return False
        elif key not in fields:
            raise ValueError("unknown event key '%s'" % key)
        elif str(fields[key]) != want:
            return False
    return True


def parse_conds(args):
    conds = []
    for a in args:
        if "=" not in a:
            raise ValueError("event condition '%s' is not key=value" % a)
        k, v = a.split("=", 1)
        conds.append((k, v))
    return conds


def check(doc, kind, args):
    """Return (held, what was found)."""
    d = doc.doc
    if kind == "dct":
        got = d.get("dct") or "none"
        src = d.get("dct_source")
        ok = got == args[0] and (len(args) < 2 or src == args[1])
        return ok, "%s (%s)" % (got, src)
    if kind in ("entity", "no-entity"):
        found = [m["type"] for m in d["mentions"]
                 if args[0] in (m["text"], m.get("name"))]
        if kind == "no-entity":
            return not found, "mentions %s" % found
        return args[1] in found, "types %s" % found
    if kind in ("timex", "no-timex"):
        found = [t.get("value") for t in d["timexes"] if t["text"] == args[0]]
        if kind == "no-timex":
            return args[1] not in found, "values %s" % found
        return args[1] in found, "values %s" % found
    if kind in ("event", "no-event"):
        conds = parse_conds(args[1:])
        cands = [doc.event_fields(em) for em in d["event_mentions"] if em["text"] == args[0]]
        hit = [c for c in cands if event_matches(c, conds)]
        shown = ["%s|%s|%s|%s" % (c["label"], c["type"], c["date"], c["anchor"]) for c in cands]
        if kind == "no-event":
            return not hit, "mentions %s" % shown
        return bool(hit), "mentions %s" % shown
    if kind == "stderr":
        return args[0] in doc.stderr, doc.stderr.strip() or "nothing on stderr"
    if kind == "no-label":
        labels = [e["label"] for e in doc.result["events"]]
        return args[0] not in labels, "present" if args[0] in labels else "absent"
    raise ValueError("unknown kind '%s'" % kind)


def load_expectations(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3 or cols[0] not in ("ok", "xfail"):
                raise ValueError("%s:%d: expected STATUS<TAB>KIND<TAB>ARG..." % (path, n))
            rows.append((n, cols[0], cols[1], cols[2:]))
    return rows


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    exe = argv[1]
    manifest = load_manifest()
    names = [os.path.basename(a) for a in argv[2:]] or sorted(manifest)
    counts = {"PASS": 0, "FAIL": 0, "XFAIL": 0, "XPASS": 0}
    for name in names:
        path = os.path.join(HERE, name)
        exp = path[:-4] + ".expect"
        if name not in manifest or not os.path.exists(exp):
            print("ERROR %s: no manifest row or no .expect file" % name)
            counts["FAIL"] += 1
            continue
        doc = Doc(*run_eventline(exe, path, manifest[name][1]))
        for n, status, kind, args in load_expectations(exp):
            try:
                held, found = check(doc, kind, args)
            except (ValueError, IndexError) as e:
                held, found = False, "bad expectation: %s" % e
                status = "ok"
            verdict = {("ok", True): "PASS", ("ok", False): "FAIL",
                       ("xfail", False): "XFAIL", ("xfail", True): "XPASS"}[(status, held)]
            counts[verdict] += 1
            if verbose or verdict in ("FAIL", "XPASS"):
                print("%-5s %s:%d %s %s -> %s" % (verdict, name[:-4], n, kind,
                                                 " ".join(args), found))
    total = sum(counts.values())
    print("news: %d expectations in %d articles: %d pass, %d known failures (xfail), "
          "%d fixed (xpass: remove the mark), %d FAIL"
          % (total, len(names), counts["PASS"], counts["XFAIL"], counts["XPASS"],
             counts["FAIL"]))
    strict = os.environ.get("NEWS_STRICT") == "1"
    return 1 if counts["FAIL"] or (strict and counts["XPASS"]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

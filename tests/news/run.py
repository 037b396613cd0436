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
    no-entity  TEXT                  no mention's text or name is TEXT (cut names;
                                     resolved pronoun mentions do not count)
    timex      TEXT VALUE            a timex with exactly TEXT has VALUE
    no-timex   TEXT VALUE            no timex with TEXT has VALUE
    event      TRIGGER key=value...  an event mention with TRIGGER matching all
    no-event   TRIGGER key=value...  no event mention with TRIGGER matching all
    no-label   LABEL                 no canonical event has LABEL
    stderr     TEXT                  eventline's standard error holds TEXT
Story expectations (NAME.expect for a row NAME<TAB>ARTICLE... of stories.tsv:
the articles run together, as one corpus):
    same-entity   NAME1 NAME2        one cross-article entity has both mentions
    no-same-entity NAME1 NAME2       no entity has both (a wrong merge)
    entity-docs   NAME N             the entity of mention NAME is in N articles
    same-event    NN:TRIG NN:TRIG    the two mentions (article number:trigger)
                                     belong to one canonical event
    no-same-event NN:TRIG NN:TRIG    they belong to different canonical events
    events        TYPE N             exactly N canonical events have TYPE
    canon         TYPE key=value...  a canonical event of TYPE matches all of
                                     date, with, agent, factual, docs (number
                                     of articles its mentions come from)
event keys: type (canonical type, 'none' untyped), with (a participant's
name), agent (the label starts with this name), date (the value of the
mention's own timex, else its canonical event's time), factual (true/false),
anchor (where its canonical event's time comes from: timex, sentence,
report, duration, none).

Usage: run.py [-v] EVENTLINE [ARTICLE.txt|STORY...]   (exit 0 unless an 'ok' fails)
"""
import json
import os
import subprocess
import sys
import tempfile

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


def load_stories():
    rows = {}
    path = os.path.join(HERE, "stories.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                name, files = line.rstrip("\n").split("\t")[:2]
                rows[name] = files.split()
    return rows


def run_eventline(exe, paths, manifest_rows=None):
    """Run eventline on PATHS as one corpus; MANIFEST_ROWS (file -> DCT) are
    given with -m, the other articles find their DCT themselves."""
    cmd = [exe, "-f", "json", "-o", "-"] + os.environ.get("EVENTLINE_NEWS_ARGS", "").split()
    tmp = None
    if manifest_rows:
        tmp = tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8")
        for name, dct in manifest_rows.items():
            tmp.write("%s\t%s\n" % (os.path.basename(name), dct))
        tmp.close()
        cmd += ["-m", tmp.name]
    try:
        res = subprocess.run(cmd + paths, capture_output=True, text=True)
    finally:
        if tmp:
            os.unlink(tmp.name)
    if res.returncode != 0:
        raise RuntimeError("eventline failed on %s: %s" % (" ".join(paths), res.stderr.strip()))
    return json.loads(res.stdout), res.stderr


class Story:
    """The cross-article parts of a corpus run the story expectations use."""

    def __init__(self, result):
        self.result = result
        self.docs = {d["id"]: d for d in result["documents"]}
        self.entities = {e["id"]: e for e in result["entities"]}
        self.events = result["events"]
        self.mention_event = {}
        for ev in self.events:
            for m in ev.get("mentions", []):
                self.mention_event[m] = ev["id"]

    def doc_id(self, number):
        for did in self.docs:
            if did.split("-")[0] == number:
                return did
        raise ValueError("no article numbered '%s' in the story" % number)

    def entities_of(self, name):
        return {m.get("entity") for d in self.docs.values() for m in d["mentions"]
                if name in (m["text"], m.get("name"))}

    def events_of(self, ref):
        number, _, trigger = ref.partition(":")
        did = self.doc_id(number)
        return {self.mention_event.get("%s#%s" % (did, em["id"]))
                for em in self.docs[did]["event_mentions"] if em["text"] == trigger} - {None}

    def canon_fields(self, ev):
        docs = {m.split("#")[0] for m in ev.get("mentions", [])}
        return {
            "type": ev.get("type") or "none",
            "with": [self.entities.get(p, {}).get("name", p) for p in ev.get("participants", [])],
            "label": ev.get("label") or "",
            "date": ev.get("time", {}).get("value"),
            "factual": "true" if ev.get("factual") else "false",
            "anchor": ev.get("time", {}).get("anchor") or "none",
            "docs": str(len(docs)),
        }


def check_story(story, kind, args):
    """Return (held, what was found) for a story expectation."""
    if kind in ("same-entity", "no-same-entity"):
        a, b = story.entities_of(args[0]), story.entities_of(args[1])
        shared = (a & b) - {None}
        found = "entities %s / %s" % (sorted(x or "-" for x in a), sorted(x or "-" for x in b))
        return (bool(shared) if kind == "same-entity" else not shared), found
    if kind == "entity-docs":
        ids = story.entities_of(args[0]) - {None}
        counts = [len(story.entities[i].get("documents", [])) for i in ids if i in story.entities]
        return int(args[1]) in counts, "in %s articles" % counts
    if kind in ("same-event", "no-same-event"):
        a, b = story.events_of(args[0]), story.events_of(args[1])
        found = "events %s / %s" % (sorted(a), sorted(b))
        return (bool(a & b) if kind == "same-event" else not (a & b)), found
    if kind == "events":
        typed = [e for e in story.events if (e.get("type") or "none") == args[0]]
        return len(typed) == int(args[1]), "%d: %s" % (len(typed), [e["label"] for e in typed])
    if kind == "canon":
        conds = parse_conds(args[1:])
        cands = [story.canon_fields(e) for e in story.events if (e.get("type") or "none") == args[0]]
        hit = [c for c in cands if event_matches(c, conds)]
        shown = ["%s|%s|%s docs" % (c["label"], c["date"], c["docs"]) for c in cands]
        return bool(hit), "events %s" % shown
    raise ValueError("unknown story kind '%s'" % kind)


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
        elif key == "docs":
            if fields.get("docs") != want:
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
        if kind == "no-entity":   # a resolved pronoun ("Her novel ...") is no name
            found = [m["type"] for m in d["mentions"]
                     if args[0] in (m["text"], m.get("name")) and m.get("subtype") != "pronoun"]
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
    stories = load_stories()
    names = [os.path.basename(a) for a in argv[2:]] or sorted(manifest) + sorted(stories)
    counts = {"PASS": 0, "FAIL": 0, "XFAIL": 0, "XPASS": 0}
    for name in names:
        path = os.path.join(HERE, name)
        if name in stories:
            exp = path + ".expect"
            files = stories[name]
            if not os.path.exists(exp) or any(f not in manifest for f in files):
                print("ERROR %s: no .expect file or an article without a manifest row" % name)
                counts["FAIL"] += 1
                continue
            rows = {os.path.join(HERE, f): manifest[f][0] for f in files
                    if manifest[f][1] == "manifest"}
            result, _ = run_eventline(exe, [os.path.join(HERE, f) for f in files], rows)
            doc, checker, label = Story(result), check_story, name
        else:
            exp = path[:-4] + ".expect"
            if name not in manifest or not os.path.exists(exp):
                print("ERROR %s: no manifest row or no .expect file" % name)
                counts["FAIL"] += 1
                continue
            mode = manifest[name][1]
            rows = {os.path.join(HERE, f): r[0] for f, r in manifest.items()
                    if r[1] == "manifest"} if mode == "manifest" else None
            doc = Doc(*run_eventline(exe, [path], rows))
            checker, label = check, name[:-4]
        for n, status, kind, args in load_expectations(exp):
            try:
                held, found = checker(doc, kind, args)
            except (ValueError, IndexError) as e:
                held, found = False, "bad expectation: %s" % e
                status = "ok"
            verdict = {("ok", True): "PASS", ("ok", False): "FAIL",
                       ("xfail", False): "XFAIL", ("xfail", True): "XPASS"}[(status, held)]
            counts[verdict] += 1
            if verbose or verdict in ("FAIL", "XPASS"):
                print("%-5s %s:%d %s %s -> %s" % (verdict, label, n, kind,
                                                 " ".join(args), found))
    total = sum(counts.values())
    nstories = sum(1 for n in names if n in stories)
    print("news: %d expectations in %d articles and %d stories: %d pass, %d known failures "
          "(xfail), %d fixed (xpass: remove the mark), %d FAIL"
          % (total, len(names) - nstories, nstories, counts["PASS"], counts["XFAIL"],
             counts["XPASS"], counts["FAIL"]))
    strict = os.environ.get("NEWS_STRICT") == "1"
    return 1 if counts["FAIL"] or (strict and counts["XPASS"]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

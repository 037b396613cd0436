"""eventline from Python.

Runs the eventline program: the texts go to it as JSON Lines on standard
input, the corpus timeline (``timeline.json``, schema ``eventline/1``) comes
back as dicts.  No build step: the module needs only the ``eventline``
program, found through ``$EVENTLINE``, then ``PATH``.

    >>> import eventline
    >>> tl = eventline.extract(["Officials met on Monday."], dct="2023-06-21")
    >>> [(e["label"], e["time"]["value"]) for e in tl["events"]]
    [('meeting', '2023-06-19')]
"""

import json
import os
import shutil
import subprocess

__all__ = ["extract", "annotate", "to_pandas", "find_program", "EventlineError"]
__version__ = "0.1.0"


class EventlineError(RuntimeError):
    """The program could not run, or processed nothing (its message attached)."""


def find_program(program=None):
    """The eventline executable: `program`, else $EVENTLINE, else PATH."""
    exe = program or os.environ.get("EVENTLINE") or shutil.which("eventline")
    if not exe:
        raise EventlineError("eventline program not found: install it, put it on PATH "
                             "or set EVENTLINE=/path/to/eventline")
    return exe


def _records(texts, dct, ids):
    """JSON Lines records for the program, one per text."""
    if isinstance(texts, str):
        texts = [texts]
    texts = list(texts)
    if ids is None:
        ids = ["doc%06d" % (i + 1) for i in range(len(texts))]
    if dct is None or isinstance(dct, str):
        dcts = [dct] * len(texts)
    else:
        dcts = list(dct)
    if len(ids) != len(texts) or len(dcts) != len(texts):
        raise ValueError("ids and dct lists must have one entry per text")
    for text, doc_id, day in zip(texts, ids, dcts):
        if isinstance(text, dict):
            rec = dict(text)
        else:
            rec = {"id": str(doc_id), "text": text}
        if day and "dct" not in rec:
            rec["dct"] = str(day)
        yield json.dumps(rec, ensure_ascii=False)


def _run(args, texts, dct, ids, program, gazetteers):
    cmd = [find_program(program)] + args
    if gazetteers:
        cmd += ["--gazetteers", str(gazetteers)]
    cmd += ["-q", "-"]
    data = "\n".join(_records(texts, dct, ids)) + "\n"
    try:
        proc = subprocess.run(cmd, input=data.encode("utf-8"), capture_output=True, check=False)
    except OSError as exc:
        raise EventlineError("cannot run %s: %s" % (cmd[0], exc)) from exc
    err = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode not in (0, 1):
        raise EventlineError(err or "eventline exited with status %d" % proc.returncode)
    return proc.stdout.decode("utf-8"), err


def extract(texts, dct=None, ids=None, program=None, gazetteers=None, jobs=1):
    """The corpus timeline of `texts` as a dict (schema eventline/1).

    texts: a string, a list of strings, or of dicts {"id", "text", "dct"}.
    dct: the document creation date (YYYY-MM-DD) of every text, or a list
    with one per text (None: dates relative to an unknown day stay
    underspecified).  ids: document ids (default doc000001, ...).
    """
    out, _ = _run(["-f", "json", "-o", "-", "-j", str(int(jobs))], texts, dct, ids, program,
                  gazetteers)
    return json.loads(out)


def annotate(texts, dct=None, ids=None, program=None, gazetteers=None):
    """One result per text (timexes, mentions, event mentions), as a list of dicts."""
    out, _ = _run(["annotate", "-f", "jsonl", "-o", "-"], texts, dct, ids, program, gazetteers)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _rows_events(tl):
    names = {e["id"]: e["name"] for e in tl.get("entities", [])}
    order = {}
    for rank, item in enumerate(tl.get("timeline", [])):
        for v in (item if isinstance(item, list) else [item]):
            order[v] = rank
    for ev in tl.get("events", []):
        time = ev.get("time") or {}
        yield {"id": ev["id"], "order": order.get(ev["id"]), "time": time.get("value"),
               "type": ev.get("type"), "label": ev.get("label"),
               "participants": "; ".join(names.get(p, p) for p in ev.get("participants", [])),
               "mentions": len(ev.get("mentions", [])), "factual": ev.get("factual"),
               "confidence": ev.get("confidence")}


def _rows_mentions(tl, layer):
    for doc in tl.get("documents", []):
        for m in doc.get(layer, []):
            row = {"doc": doc["id"]}
            row.update({k: v for k, v in m.items() if not isinstance(v, (list, dict))})
            yield row


def to_pandas(timeline):
    """pandas DataFrames of a timeline dict: events (in timeline order),
    entities, relations, timexes, mentions and event_mentions.  Needs pandas."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise ImportError("eventline.to_pandas needs pandas (apt-get install python3-pandas "
                          "or pip install pandas)") from exc
    events = pd.DataFrame(list(_rows_events(timeline)))
    if not events.empty:
        events = events.sort_values("order", na_position="last").reset_index(drop=True)
    entities = pd.DataFrame([{k: ("; ".join(v) if isinstance(v, list) else v) for k, v in e.items()}
                             for e in timeline.get("entities", [])])
    return {
        "events": events,
        "entities": entities,
        "relations": pd.DataFrame(timeline.get("relations", [])),
        "timexes": pd.DataFrame(list(_rows_mentions(timeline, "timexes"))),
        "mentions": pd.DataFrame(list(_rows_mentions(timeline, "mentions"))),
        "event_mentions": pd.DataFrame(list(_rows_mentions(timeline, "event_mentions"))),
    }


def events_table(timeline):
    """The events as plain dicts in timeline order (no pandas needed)."""
    rows = list(_rows_events(timeline))
    return sorted(rows, key=lambda r: (r["order"] is None, r["order"] or 0))

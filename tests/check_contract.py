#!/usr/bin/env python3
"""check_contract.py JSON [TEXT_DIR] - validate an eventline JSON file against
../shared/eval/CONTRACT.md (schema eventline/1): required fields, id
uniqueness, references, and, when TEXT_DIR holds the input .txt files,
that every span's text equals text[start:end] in code points."""
import json
import os
import sys

errors = []


def err(msg):
    errors.append(msg)


def check_span(doc_id, kind, obj, text):
    s, e = obj.get("start"), obj.get("end")
    if not isinstance(s, int) or not isinstance(e, int) or not (0 <= s < e):
        err(f"{doc_id}: {kind} {obj.get('id')}: bad span {s}..{e}")
        return
    if text is not None:
        if e > len(text):
            err(f"{doc_id}: {kind} {obj.get('id')}: span past end of text")
        elif text[s:e] != obj.get("text"):
            err(f"{doc_id}: {kind} {obj.get('id')}: text {obj.get('text')!r} != {text[s:e]!r}")


def main():
    path = sys.argv[1]
    text_dir = sys.argv[2] if len(sys.argv) > 2 else None
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("schema") != "eventline/1":
        err("schema is not eventline/1")
    for key in ("documents", "entities", "events", "relations", "timeline"):
        if not isinstance(data.get(key), list):
            err(f"{key} missing or not a list")
    entity_ids = {e["id"] for e in data.get("entities", [])}
    event_ids = {v["id"] for v in data.get("events", [])}
    if len(entity_ids) != len(data.get("entities", [])):
        err("duplicate entity ids")
    if len(event_ids) != len(data.get("events", [])):
        err("duplicate event ids")
    doc_ids = set()
    em_ids = set()
    for d in data.get("documents", []):
        doc_id = d.get("id")
        if doc_id in doc_ids:
            err(f"duplicate document id {doc_id}")
        doc_ids.add(doc_id)
        text = None
        if text_dir:
            p = os.path.join(text_dir, doc_id + ".txt")
            if os.path.exists(p):
                with open(p, encoding="utf-8", newline="") as f:
                    text = f.read()
        for kind in ("timexes", "mentions", "event_mentions"):
            seen = set()
            for o in d.get(kind, []):
                if o.get("id") in seen:
                    err(f"{doc_id}: duplicate {kind} id {o.get('id')}")
                seen.add(o.get("id"))
                check_span(doc_id, kind, o, text)
        tids = {t["id"] for t in d.get("timexes", [])}
        for t in d.get("timexes", []):
            if t.get("type") not in ("DATE", "TIME", "DURATION", "SET"):
                err(f"{doc_id}: timex {t.get('id')}: bad type {t.get('type')}")
            if not isinstance(t.get("value"), str) or not t["value"]:
                err(f"{doc_id}: timex {t.get('id')}: no value")
        for m in d.get("mentions", []):
            if "entity" in m and m["entity"] not in entity_ids:
                err(f"{doc_id}: mention {m['id']}: unknown entity {m['entity']}")
        for em in d.get("event_mentions", []):
            em_ids.add(f"{doc_id}#{em['id']}")
            if em.get("class") not in ("OCCURRENCE", "REPORTING", "STATE", "I_ACTION",
                                       "I_STATE", "ASPECTUAL", "PERCEPTION"):
                err(f"{doc_id}: event mention {em['id']}: bad class {em.get('class')}")
            if "event" in em and em["event"] not in event_ids:
                err(f"{doc_id}: event mention {em['id']}: unknown event {em['event']}")
            if "timex" in em and em["timex"] not in tids:
                err(f"{doc_id}: event mention {em['id']}: unknown timex {em['timex']}")
    for v in data.get("events", []):
        for p in v.get("participants", []):
            if p not in entity_ids:
                err(f"event {v['id']}: unknown participant {p}")
        for ref in v.get("mentions", []):
            if isinstance(ref, str) and ref not in em_ids:
                err(f"event {v['id']}: unknown mention {ref}")
        if "time" in v and not isinstance(v["time"], dict):
            err(f"event {v['id']}: time is not an object")
    for r in data.get("relations", []):
        if r.get("from") not in event_ids or r.get("to") not in event_ids:
            err(f"relation {r}: unknown event")
    flat = []
    for x in data.get("timeline", []):
        flat.extend(x if isinstance(x, list) else [x])
    for x in flat:
        if x not in event_ids:
            err(f"timeline: unknown event {x}")
    if len(flat) != len(set(flat)):
        err("timeline lists an event twice")
    for e in errors[:20]:
        print("contract:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

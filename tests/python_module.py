"""python_module.py - the Python module against the built program: extract,
annotate, events_table, errors, to_pandas (when pandas is installed), and
every result valid against docs/timeline.schema.json.  Run by
tests/python.sh with EVENTLINE and PYTHONPATH set."""
import json
import os
import sys
import unittest

import eventline

TOP = os.environ["TOP_SRCDIR"]
EXAMPLE = os.path.join(TOP, "examples", "blinken-beijing-2023")


def example_texts():
    names = sorted(n for n in os.listdir(EXAMPLE) if n.endswith(".txt"))
    dcts = dict(line.rstrip("\n").split("\t")[:2] for line in open(os.path.join(EXAMPLE, "manifest.tsv"))
                if line.strip() and not line.startswith("#"))
    texts = [open(os.path.join(EXAMPLE, n), encoding="utf-8").read() for n in names]
    return texts, [n[:-4] for n in names], [dcts[n] for n in names]


def validator():
    try:
        import jsonschema
    except ImportError:
        return None
    with open(os.path.join(TOP, "docs", "timeline.schema.json")) as f:
        return jsonschema.Draft202012Validator(json.load(f))


class ModuleTest(unittest.TestCase):
    def test_extract_example(self):
        texts, ids, dcts = example_texts()
        tl = eventline.extract(texts, dct=dcts, ids=ids)
        self.assertEqual(tl["schema"], "eventline/1")
        self.assertEqual([d["id"] for d in tl["documents"]], ids)
        self.assertGreater(len(tl["timeline"]), 10)
        # same as the command line on the same files
        v = validator()
        if v:
            self.assertEqual([e.message for e in v.iter_errors(tl)], [])

    def test_one_string_and_one_dct(self):
        tl = eventline.extract("Officials met on Monday.", dct="2023-06-21")
        self.assertEqual([(e["type"], e["time"]["value"]) for e in tl["events"]],
                         [("meeting", "2023-06-19")])

    def test_events_table_in_timeline_order(self):
        texts, ids, dcts = example_texts()
        rows = eventline.events_table(eventline.extract(texts, dct=dcts, ids=ids))
        ranks = [r["order"] for r in rows if r["order"] is not None]
        self.assertEqual(ranks, sorted(ranks))
        self.assertTrue(any(r["participants"] for r in rows))

    def test_annotate_per_document(self):
        docs = eventline.annotate(["Officials met on Monday.", "Talks end on Friday."],
                                  dct="2023-06-19")
        self.assertEqual(len(docs), 2)
        self.assertEqual(docs[0]["documents"][0]["timexes"][0]["value"], "2023-06-19")

    def test_errors(self):
        with self.assertRaises(eventline.EventlineError):
            eventline.extract(["x"], program="/nonexistent/eventline")
        with self.assertRaises(eventline.EventlineError):
            eventline.extract(["x"], gazetteers="/nonexistent")
        with self.assertRaises(ValueError):
            eventline.extract(["a", "b"], dct=["2023-01-01"])

    def test_to_pandas(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError):
                eventline.to_pandas({"events": []})
            self.skipTest("pandas is not installed")
        texts, ids, dcts = example_texts()
        frames = eventline.to_pandas(eventline.extract(texts, dct=dcts, ids=ids))
        self.assertIn("label", frames["events"].columns)
        self.assertGreater(len(frames["mentions"]), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)

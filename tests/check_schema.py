"""check_schema.py - validate eventline JSON outputs against
docs/timeline.schema.json (JSON Schema draft 2020-12).

    check_schema.py SCHEMA FILE...   (FILE: .json, or .jsonl: every line)

Prints one line per error (file, line, JSON path, message); exit 1 when
any, 0 when all are valid."""
import json
import sys

import jsonschema


def documents(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            for n, line in enumerate(f, 1):
                if line.strip():
                    yield n, json.loads(line)
        else:
            yield 0, json.load(f)


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    errors = checked = 0
    for path in argv[2:]:
        for line, doc in documents(path):
            checked += 1
            for err in validator.iter_errors(doc):
                errors += 1
                if errors <= 20:
                    where = "%s:%d" % (path, line) if line else path
                    print("%s: %s: %s" % (where, err.json_path, err.message[:200]))
    print("%d JSON value(s) checked, %d error(s)" % (checked, errors))
    return 1 if errors or not checked else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

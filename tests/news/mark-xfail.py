#!/usr/bin/env python3
"""mark-xfail.py - turn the expectations that fail now into known failures
(xfail) and the ones that hold again into 'ok', from run.py's output on
standard input: run.py EVENTLINE | mark-xfail.py.  Review the diff."""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
edits = {}
for line in sys.stdin:
    m = re.match(r"(FAIL|XPASS) +(\S+):(\d+) ", line)
    if m:
        edits.setdefault(m.group(2), {})[int(m.group(3))] = m.group(1)
for name, rows in sorted(edits.items()):
    path = os.path.join(HERE, name + ".expect")
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    for n, verdict in rows.items():
        old, new = ("ok\t", "xfail\t") if verdict == "FAIL" else ("xfail\t", "ok\t")
        if lines[n - 1].startswith(old):
            lines[n - 1] = new + lines[n - 1][len(old):]
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print("%s: %d marks changed" % (name, len(rows)))

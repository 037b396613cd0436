#!/bin/sh
# python.sh - the Python module (python/eventline) against the built
# program: its unit tests (tests/python_module.py), then `pip install
# ./python` into a virtual environment, offline, and an import from there.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
[ -n "${PYTHON3:-}" ] || { echo "skip - no python3"; echo "0 passed, 0 failed"; exit 77; }

export EVENTLINE TOP_SRCDIR
unset EVENTLINE_GAZETTEERS   # the program finds its data itself
if PYTHONPATH="$TOP_SRCDIR/python" "$PYTHON3" "$TOP_SRCDIR/tests/python_module.py" \
    >"$TMP/unit.log" 2>&1; then ok "python module unit tests"; else
    fail "python module unit tests"; tail -20 "$TMP/unit.log"; fi
grep -E "^(Ran|OK|FAILED)" "$TMP/unit.log" | sed 's/^/    /'
# to_pandas for real where a python3 has pandas (Debian: python3-pandas)
for p in /usr/bin/python3; do
    [ "$p" != "$PYTHON3" ] && [ -x "$p" ] && "$p" -c 'import pandas' 2>/dev/null || continue
    if PYTHONPATH="$TOP_SRCDIR/python" "$p" "$TOP_SRCDIR/tests/python_module.py" \
        >"$TMP/unit2.log" 2>&1; then ok "python module unit tests with pandas ($p)"; else
        fail "python module unit tests with pandas ($p)"; tail -20 "$TMP/unit2.log"; fi
done

# pip install ./python: a copy (pip writes build files next to setup.py),
# with Debian's python3 where there is one (its setuptools and pip)
VPY=$PYTHON3
[ -x /usr/bin/python3 ] && VPY=/usr/bin/python3
cp -R "$TOP_SRCDIR/python" "$TMP/python"
chmod -R u+w "$TMP/python"
if "$VPY" -m venv --system-site-packages "$TMP/venv" >"$TMP/venv.log" 2>&1; then
    # Debian 12's pip builds it with the installed setuptools; a newer pip
    # wants an isolated build environment from the network unless told not to
    if "$TMP/venv/bin/python" -m pip install -q --no-index "$TMP/python" >"$TMP/pip.log" 2>&1 ||
       "$TMP/venv/bin/python" -m pip install -q --no-index --no-build-isolation "$TMP/python" \
           >>"$TMP/pip.log" 2>&1; then
        ok "pip install ./python (offline, setuptools only)"
        (cd "$TMP" && "$TMP/venv/bin/python" -c '
import eventline, sys
tl = eventline.extract(["Officials met on Monday."], dct="2023-06-21")
sys.exit(0 if tl["events"][0]["time"]["value"] == "2023-06-19" else 1)') \
            && ok "the installed module runs" || fail "the installed module runs"
    else
        fail "pip install ./python"; tail -5 "$TMP/pip.log"
    fi
else
    echo "skip - python3 -m venv is not available"
fi
finish

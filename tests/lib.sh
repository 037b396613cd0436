# lib.sh - shared helpers for the shell tests (sourced).
# Environment from Makefile.am: EVENTLINE, EVENTLINE_GAZETTEERS, TOP_SRCDIR,
# TEST_DATA, VALGRIND, PYTHON3.
set -u
: "${EVENTLINE:?run through make check}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/eventline-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
EXAMPLE="$TOP_SRCDIR/examples/blinken-beijing-2023"
passed=0
failed=0

ok()   { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; }

# expect_status WANT DESCRIPTION CMD...: run CMD, compare its exit status.
expect_status() {
    want=$1; what=$2; shift 2
    "$@" >"$TMP/stdout.txt" 2>"$TMP/err"
    got=$?
    if [ "$got" = "$want" ]; then ok "$what"; else
        fail "$what (exit $got, wanted $want)"; sed 's/^/    /' "$TMP/err" | head -5; fi
}

# expect_stderr PATTERN DESCRIPTION: the last command's stderr matches.
expect_stderr() {
    if grep -Eq -- "$1" "$TMP/err"; then ok "$2"; else
        fail "$2 (stderr did not match /$1/)"; sed 's/^/    /' "$TMP/err" | head -5; fi
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

#!/bin/sh
# cli.sh - the command line: help, version, usage errors, output selection.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

expect_status 0 "--help exits 0" "$EVENTLINE" --help
grep -q "Usage: eventline" "$TMP/stdout.txt" && ok "--help prints usage" || fail "--help prints usage"
expect_status 0 "--version exits 0" "$EVENTLINE" --version
grep -Eq "^eventline [0-9]+\.[0-9]+" "$TMP/stdout.txt" && ok "--version prints it" || fail "--version"
expect_status 2 "no input files is a usage error" "$EVENTLINE"
expect_stderr "no input files" "usage error is explained"
expect_status 2 "unknown option" "$EVENTLINE" --frobnicate x
expect_status 2 "bad --dct" "$EVENTLINE" --dct yesterday "$EXAMPLE/000_8e976ec7213731ee.txt"
expect_stderr "invalid --dct 'yesterday'" "bad --dct names the value"
expect_status 2 "unknown format" "$EVENTLINE" -f docx -o "$TMP/o" "$EXAMPLE/000_8e976ec7213731ee.txt"
expect_status 2 "missing gazetteer dir" "$EVENTLINE" -g "$TMP/nope" "$EXAMPLE/000_8e976ec7213731ee.txt"
expect_stderr "gazetteer directory not found" "missing gazetteers explained"

# stdin to stdout
printf 'Officials met on Monday.\n' > "$TMP/in.txt"
"$EVENTLINE" -q --dct 2023-06-19 -f json -o - - < "$TMP/in.txt" > "$TMP/stdout.json" 2>"$TMP/err"
[ $? -eq 0 ] && grep -Eq '"schema": ?"eventline/1"' "$TMP/stdout.json" \
    && ok "'-' reads stdin, -o - writes stdout" || fail "stdin/stdout"
expect_status 2 "-o - with two formats" "$EVENTLINE" -f json,dot -o - "$TMP/in.txt"

# JSON is compact by default (one line, reals to 4 decimals), indented with
# --pretty, and both hold the same value
[ "$(wc -l < "$TMP/stdout.json")" -eq 1 ] && ! grep -Eq '[0-9]\.[0-9]{5}' "$TMP/stdout.json" \
    && ok "compact JSON by default, short reals" || fail "compact JSON by default"
"$EVENTLINE" -q --pretty --dct 2023-06-19 -f json -o - - < "$TMP/in.txt" > "$TMP/pretty.json"
grep -q '^ "schema": "eventline/1",$' "$TMP/pretty.json" && "$PYTHON3" -c "
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
sys.exit(a != b)" "$TMP/stdout.json" "$TMP/pretty.json" \
    && ok "--pretty indents the same JSON" || fail "--pretty"

# output selection writes exactly the requested files
"$EVENTLINE" -q --dct 2023-06-19 -f json,dot -o "$TMP/sel" "$TMP/in.txt" 2>"$TMP/err"
[ -f "$TMP/sel/timeline.json" ] && [ -f "$TMP/sel/timeline.dot" ] && [ ! -f "$TMP/sel/timeline.svg" ] \
    && ok "--format selects outputs" || fail "--format selects outputs"
ls "$TMP/sel" | grep -q tmp && fail "temporary files left behind" || ok "no temporary files left"

# quiet really is quiet; the summary line otherwise
"$EVENTLINE" -q -f json -o "$TMP/q" "$TMP/in.txt" 2>"$TMP/err"
[ ! -s "$TMP/err" ] && ok "-q prints nothing on stderr" || fail "-q prints nothing on stderr"
"$EVENTLINE" -f json -o "$TMP/q" "$TMP/in.txt" 2>"$TMP/err"
expect_stderr "1 document processed" "summary line without -q"

# DCT precedence: --dct beats the manifest
printf 'in.txt\t2020-01-01\n' > "$TMP/manifest.tsv"
"$EVENTLINE" -q -f json -o - -m "$TMP/manifest.tsv" "$TMP/in.txt" > "$TMP/m.json"
grep -Eq '"dct": ?"2020-01-01"' "$TMP/m.json" && ok "manifest gives the DCT" || fail "manifest DCT"
"$EVENTLINE" -q -f json -o - --dct 2023-06-19 -m "$TMP/manifest.tsv" "$TMP/in.txt" > "$TMP/m.json"
grep -Eq '"dct": ?"2023-06-19"' "$TMP/m.json" && ok "--dct beats the manifest" || fail "--dct precedence"
printf 'in.txt\tnever\n' > "$TMP/bad-manifest.tsv"
expect_status 2 "bad manifest" "$EVENTLINE" -m "$TMP/bad-manifest.tsv" "$TMP/in.txt"
expect_stderr "bad-manifest.tsv: line 1" "bad manifest names file and line"

finish

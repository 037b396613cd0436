#!/bin/sh
# help.sh - each command's --help is truthful against the real parser:
# every option it lists is accepted by that command, every option of the
# other commands that it does not list is refused; the man page documents
# every command and option.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

CMDS="extract annotate merge entities timeline index query"
arg_of() {
    case $1 in
    --output) echo "$TMP/o" ;; --format) echo json ;; --dct) echo 2023-06-19 ;;
    --manifest) echo "$EXAMPLE/manifest.tsv" ;; --input-format) echo text ;;
    --gazetteers) echo "$TOP_SRCDIR/gazetteers" ;; --gazetteer) echo "$TMP/g.tsv" ;;
    --jobs) echo 1 ;; --db) echo "$TMP/x.db" ;; --entity|--cooccur) echo Someone ;;
    --type) echo meeting ;; --between) echo "2023-06-01 2023-06-30" ;;
    --max-events) echo 5 ;; --since|--until) echo 2023-06-01 ;; --title) echo Title ;;
    --group) echo entity ;; --max-doc-size) echo 1M ;; --table) echo events ;; --limit|--offset) echo 5 ;;
    esac
}
opts_of() {  # the options a help text lists
    grep -E '^ +(-[a-zA-Z], )?--[a-z]' "$1" | sed -E 's/^ +(-[a-zA-Z], )?(--[a-z-]+).*/\2/' | sort -u
}

all="$TMP/all-opts"
: > "$all"
for c in $CMDS; do
    expect_status 0 "$c --help exits 0" "$EVENTLINE" "$c" --help
    cp "$TMP/stdout.txt" "$TMP/help-$c"
    grep -Eq "^Usage: eventline (\[)?$c" "$TMP/help-$c" && ok "$c --help is its own usage" \
        || fail "$c --help is its own usage"
    opts_of "$TMP/help-$c" > "$TMP/opts-$c"
    cat "$TMP/opts-$c" >> "$all"
done
sort -u "$all" -o "$all"
nopts=$(wc -l < "$all")
[ "$nopts" -ge 15 ] && ok "help texts list the options ($nopts)" \
    || fail "help texts list the options ($nopts)"

for c in $CMDS; do
    for opt in $(cat "$all"); do
        # shellcheck disable=SC2046
        "$EVENTLINE" "$c" "$opt" $(arg_of "$opt") --help >/dev/null 2>"$TMP/err"
        got=$?
        if grep -qx -- "$opt" "$TMP/opts-$c"; then
            [ "$got" -eq 0 ] && ok "$c accepts $opt" || fail "$c accepts $opt (exit $got)"
        else
            [ "$got" -eq 2 ] && grep -q "does not apply to '$c'" "$TMP/err" \
                && ok "$c refuses $opt" || fail "$c refuses $opt (exit $got)"
        fi
    done
done

# the overview names every command and points to the per-command help
expect_status 0 "--help exits 0" "$EVENTLINE" --help
for c in $CMDS; do
    grep -q "^  $c " "$TMP/stdout.txt" && ok "--help names $c" || fail "--help names $c"
done

# the man page: every command and every option
MAN="$TOP_SRCDIR/doc/eventline.1"
[ -s "$MAN" ] && ok "doc/eventline.1 exists" || fail "doc/eventline.1 exists"
for c in $CMDS; do
    grep -q "^\.SS.*$c" "$MAN" && ok "man page has a section for $c" || fail "man page: $c"
done
sed 's/\\//g' "$MAN" > "$TMP/man.plain"   # roff escapes (\-) off
for opt in $(cat "$all"); do
    grep -Eq -- "(^|[^a-z-])$opt([^a-z-]|\$)" "$TMP/man.plain" && ok "man page documents $opt" \
        || fail "man page documents $opt"
done
for word in EVENTLINE_GAZETTEERS "EXIT STATUS" "JSON Lines" TimeML "user gazetteer"; do
    grep -qi -- "$word" "$MAN" && ok "man page covers $word" || fail "man page covers $word"
done
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man -l "$MAN" > "$TMP/man.txt" 2>"$TMP/err" && grep -q "eventline" "$TMP/man.txt" \
        && ok "man -l renders the page" || fail "man -l renders the page"
    grep -qi "warning" "$TMP/err" && fail "man page renders without warnings" \
        || ok "man page renders without warnings"
fi
finish

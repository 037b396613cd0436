#!/bin/sh
# install.sh - an installed eventline finds its data wherever it was put:
# a staged install (make install DESTDIR=...) and a moved prefix (make
# install prefix=...), run from another directory with no
# EVENTLINE_GAZETTEERS; the man page and the licence files are installed;
# libeventline with its header and eventline.pc, and examples/timeline.c
# built against the staged install with pkg-config.
. "${TOP_SRCDIR:-.}/tests/lib.sh"
: "${TOP_BUILDDIR:?run through make check}"

unset EVENTLINE_GAZETTEERS
ART="$EXAMPLE/000_8e976ec7213731ee.txt"
run_installed() {  # BIN WHAT: runs from / and must use the data beside BIN
    bin=$1; what=$2; data=$3
    (cd / && "$bin" --version) > "$TMP/v.txt" 2>&1
    want=$(cd "$data" 2>/dev/null && pwd -P)
    grep -qx "gazetteers: $want" "$TMP/v.txt" && ok "$what: finds its own gazetteers" \
        || { fail "$what: finds its own gazetteers"; cat "$TMP/v.txt"; }
    (cd / && "$bin" -q --dct 2023-06-19 -f json -o - "$ART") > "$TMP/j.json" 2>"$TMP/err"
    [ $? -eq 0 ] && grep -qE '"schema": ?"eventline/1"' "$TMP/j.json" \
        && ok "$what: runs from another directory" || fail "$what: runs from another directory"
}

STAGE="$TMP/stage"
$MAKE -s -C "$TOP_BUILDDIR" install DESTDIR="$STAGE" >"$TMP/install.log" 2>&1 \
    && ok "make install DESTDIR=" || { fail "make install DESTDIR="; tail -5 "$TMP/install.log"; }
prefix=$(sed -n 's/^prefix = //p' "$TOP_BUILDDIR/Makefile")
run_installed "$STAGE$prefix/bin/eventline" "DESTDIR install" "$STAGE$prefix/share/eventline/gazetteers"
[ -f "$STAGE$prefix/share/man/man1/eventline.1" ] && ok "man page installed" || fail "man page installed"
for f in LICENSE NOTICE; do
    [ -f "$STAGE$prefix/share/doc/eventline/$f" ] && ok "$f installed" || fail "$f installed"
done
[ -f "$STAGE$prefix/share/eventline/gazetteers/LICENSES.md" ] && ok "gazetteers/LICENSES.md installed" \
    || fail "gazetteers/LICENSES.md installed"
if command -v man >/dev/null 2>&1; then
    MANPATH="$STAGE$prefix/share/man" MANWIDTH=80 man eventline 2>/dev/null | grep -q "EXIT STATUS" \
        && ok "man eventline shows the page" || fail "man eventline shows the page"
fi

# libeventline: header, shared and static library, eventline.pc; the
# example program built with pkg-config against the staged install writes
# the same timeline.json as the program
lib=$STAGE$(sed -n 's/^libdir = //p' "$TOP_BUILDDIR/Makefile" | sed "s|\${exec_prefix}|$prefix|")
shared=yes   # ./configure --disable-shared builds the static library only
"$TOP_BUILDDIR/libtool" --features 2>/dev/null | grep -q 'disable shared' && shared=no
want="$STAGE$prefix/include/eventline.h $lib/libeventline.a $lib/pkgconfig/eventline.pc"
[ "$shared" = yes ] && want="$want $lib/libeventline.so"
for f in $want; do
    [ -f "$f" ] && ok "installed: ${f#"$STAGE"}" || fail "installed: ${f#"$STAGE"}"
done
CC=${CC:-cc}
# a sanitizer build's library needs the sanitizer runtimes in the program
[ "${SANITIZE_BUILD:-no}" = yes ] && CC="$CC -fsanitize=address,undefined"
"$EVENTLINE" -q --dct 2023-06-19 -f json -o - "$EXAMPLE"/*.txt > "$TMP/cli.json"
if [ "$shared" = yes ]; then
nm -D --defined-only "$lib/libeventline.so" 2>/dev/null | awk '$2 == "T" {print $3}' > "$TMP/syms"
grep -qv '^eventline_' "$TMP/syms" && fail "the shared library exports only eventline_*" \
    || ok "the shared library exports only eventline_* ($(wc -l < "$TMP/syms") functions)"
flags=$(PKG_CONFIG_PATH="$lib/pkgconfig" pkg-config --define-variable=prefix="$STAGE$prefix" \
        --cflags --libs eventline)
if $CC -std=c11 -Wall -Wextra -Werror "$TOP_SRCDIR/examples/timeline.c" $flags -o "$TMP/timeline" \
    2>"$TMP/cc.err"; then ok "examples/timeline.c builds with pkg-config"; else
    fail "examples/timeline.c builds with pkg-config"; head -5 "$TMP/cc.err"; fi
EVENTLINE_GAZETTEERS="$STAGE$prefix/share/eventline/gazetteers" LD_LIBRARY_PATH="$lib" \
    "$TMP/timeline" -d 2023-06-19 "$EXAMPLE"/*.txt > "$TMP/lib.json" 2>"$TMP/err"
[ $? -eq 0 ] && cmp -s "$TMP/cli.json" "$TMP/lib.json" \
    && ok "the example (shared library) writes the program's timeline.json" \
    || fail "the example (shared library) writes the program's timeline.json"
expect_stderr "events \(libeventline [0-9]" "the example reports the library version"
fi
# the static library links too (its dependencies from pkg-config)
deps=$(pkg-config --libs libxml-2.0 jansson libcgraph libgvc sqlite3)
if $CC -std=c11 -I"$STAGE$prefix/include" "$TOP_SRCDIR/examples/timeline.c" "$lib/libeventline.a" \
    $deps -lm -lpthread -o "$TMP/timeline-static" 2>"$TMP/cc.err"; then
    EVENTLINE_GAZETTEERS="$STAGE$prefix/share/eventline/gazetteers" \
        "$TMP/timeline-static" -d 2023-06-19 "$EXAMPLE"/*.txt 2>/dev/null | cmp -s - "$TMP/cli.json" \
        && ok "the example linked statically writes the same" \
        || fail "the example linked statically writes the same"
else
    fail "the example links with libeventline.a"; head -5 "$TMP/cc.err"
fi

PFX="$TMP/prefix"
$MAKE -s -C "$TOP_BUILDDIR" install prefix="$PFX" >"$TMP/install2.log" 2>&1 \
    && ok "make install prefix=" || { fail "make install prefix="; tail -5 "$TMP/install2.log"; }
run_installed "$PFX/bin/eventline" "prefix= install" "$PFX/share/eventline/gazetteers"
finish

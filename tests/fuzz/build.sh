#!/bin/sh
# build.sh OUT - build the libFuzzer targets of tests/fuzz/ into OUT with
# clang (-fsanitize=fuzzer,address,undefined): the library's sources once,
# then one program per fuzz_*.c (config.h from $FUZZ_CONFIG_DIR, default the
# source tree).  Exits 77 (skip) when clang or its fuzzer
# runtime is missing.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:?usage: build.sh OUTDIR}
CC=${FUZZ_CC:-clang}
mkdir -p "$OUT/obj"
if ! command -v "$CC" >/dev/null 2>&1; then
    echo "fuzz: no $CC: skipped" >&2; exit 77; fi
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
    > "$OUT/probe.c"
if ! "$CC" -fsanitize=fuzzer "$OUT/probe.c" -o "$OUT/probe" 2>/dev/null; then
    echo "fuzz: $CC has no libFuzzer runtime (libclang-rt-dev): skipped" >&2; exit 77; fi
PKGS="libxml-2.0 jansson libcgraph libgvc sqlite3"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
CFLAGS="-std=c11 -g -O1 -D_GNU_SOURCE -I${FUZZ_CONFIG_DIR:-$SRC} -I$SRC/src $(pkg-config --cflags $PKGS) $SAN"
CFLAGS="$CFLAGS -DEL_GAZETTEER_DIR=\"$SRC/gazetteers\" -DEL_SOURCE_DIR=\"$SRC\" -DFUZZ_GAZETTEERS=\"$SRC/gazetteers\""
LIBS="$(pkg-config --libs $PKGS) -lpthread -lm"
# The library (every source but main.c), rebuilt when a source is newer.
objs=""
for c in $(cd "$SRC/src" && find . -name '*.c' ! -name main.c | sort); do
    o="$OUT/obj/$(echo "$c" | sed 's|^\./||; s|/|_|g; s|\.c$|.o|')"
    if [ ! -f "$o" ] || [ "$SRC/src/$c" -nt "$o" ] || \
       [ -n "$(find "$SRC/src" -name '*.h' -newer "$o" | head -1)" ]; then
        "$CC" $CFLAGS -fsanitize=fuzzer-no-link -c "$SRC/src/$c" -o "$o"
    fi
    objs="$objs $o"
done
for t in "$SRC"/tests/fuzz/fuzz_*.c; do
    name=$(basename "$t" .c)
    "$CC" $CFLAGS -fsanitize=fuzzer -I"$SRC/tests/fuzz" "$t" $objs $LIBS -o "$OUT/$name"
done
echo "fuzz: targets in $OUT"

#!/bin/sh
# check_licenses.sh - every data file under gazetteers/ is listed in
# gazetteers/LICENSES.md (by path, by name, or by its folder: `time/*.tsv`,
# `syntax/`), and LICENSE and NOTICE ship.
. "${TOP_SRCDIR:-.}/tests/lib.sh"

G="$TOP_SRCDIR/gazetteers"
L="$G/LICENSES.md"
[ -s "$TOP_SRCDIR/LICENSE" ] && grep -q "Apache License" "$TOP_SRCDIR/LICENSE" \
    && ok "LICENSE is the Apache License" || fail "LICENSE"
[ -s "$TOP_SRCDIR/NOTICE" ] && ok "NOTICE ships" || fail "NOTICE"
[ -s "$L" ] && ok "gazetteers/LICENSES.md ships" || fail "gazetteers/LICENSES.md"

missing=0
for f in $(cd "$G" && find . -type f | sed 's|^\./||' | sort); do
    dir=$(dirname "$f"); base=$(basename "$f"); top=${f%%/*}; sub=${f#*/}
    if grep -Fq "\`$f\`" "$L" || grep -Fq "\`$base\`" "$L" || grep -Fq "\`$dir/*.tsv\`" "$L" \
        || grep -Fq "\`$top/\`" "$L" || grep -Fq "\`*/$base\`" "$L" || grep -Fq "\`$sub\`" "$L"; then
        :
    else
        fail "gazetteers/$f has no row in gazetteers/LICENSES.md"; missing=$((missing + 1))
    fi
done
[ "$missing" -eq 0 ] && ok "every gazetteer file has a licence row"
for word in ODbL "CC BY 4.0" "SimpleMaps" "world-countries" "iso-codes" "CC BY-SA 4.0"; do
    grep -q "$word" "$L" && grep -q "$word" "$TOP_SRCDIR/NOTICE" \
        && ok "attribution present: $word" || fail "attribution missing: $word"
done
finish

#!/bin/sh
# SPDX-License-Identifier: MIT
# The layout of docs/architecture.md holds: includes go one way between the
# engine's parts, plugins include only <ssc-report/plugin.h>, files stay
# under 700 lines, engine/ holds its parts rather than modules
# (tests/layout-check.sh), and no two files of the engine call each other
# round a cycle (read off the built objects with nm).
#
# Each rule is first shown to catch a small tree that breaks it, so the
# test cannot pass by checking nothing.
. "$top_srcdir/tests/lib.sh"

check="$top_srcdir/tests/layout-check.sh"

# ---- the checker catches each kind of breach --------------------------------
# breach NAME FILE CONTENT EXPECTED: a tree with one good file per part and
# FILE holding CONTENT must fail with a message containing EXPECTED.
breach()
{
    t="$work/$1"
    mkdir -p "$t/engine/data" "$t/engine/report" "$t/engine/draw" "$t/plugins/metrics"
    printf '#include "error.h"\n#include "data/store.h"\n' > "$t/engine/data/store.c"
    printf '#include "data/store.h"\n#include "report/report.h"\n' > "$t/engine/report/report.c"
    printf '#include <cairo.h>\n#include "report/report.h"\n' > "$t/engine/draw/doc.c"
    printf '#include <stdio.h>\n#include <ssc-report/plugin.h>\n' > "$t/plugins/metrics/m.c"
    mkdir -p "$(dirname "$t/$2")"
    printf '%b' "$3" > "$t/$2"
    if sh "$check" "$t" > "$t.out" 2>&1; then
        fail "$1: the checker passed a tree that breaks the rules"
    elif ! grep -qF "$4" "$t.out"; then
        fail "$1: expected a message with \"$4\", got: $(cat "$t.out")"
    fi
}

breach data-includes-draw engine/data/csv.c '#include "draw/draw.h"\n' \
    'engine/data/csv.c:1: the data part may not include draw/draw.h'
breach report-includes-draw engine/report/theme.c '#include <stdio.h>\n\n#include "draw/draw.h"\n' \
    'engine/report/theme.c:3: the report part may not include draw/draw.h'
breach draw-includes-schedule engine/draw/compose.c '#include "schedule/jobs.h"\n' \
    'the draw part may not include schedule/jobs.h'
breach schedule-includes-data engine/schedule/jobs.c '#include "data/store.h"\n' \
    'the schedule part may not include data/store.h'
breach base-includes-report engine/error.c '#include "error.h"\n#include "report/report.h"\n' \
    'engine/error.c:2: the base part may not include report/report.h'
breach bare-name engine/draw/text.c '#include "draw.h"\n' \
    'engine/draw/text.c:1: "draw.h" names no part'
breach plugin-engine-header plugins/metrics/bad.c '#include <ssc-report/plugin.h>\n#include "data/store.h"\n' \
    'plugins/metrics/bad.c:2: a plugin includes only <ssc-report/plugin.h>, not data/store.h'
breach plugin-angle-header plugins/metrics/bad.c '#include <report/table.h>\n' \
    'plugins/metrics/bad.c:1: a plugin includes only <ssc-report/plugin.h>, not report/table.h'
breach plugin-parent plugins/sources/x/a.c '#include "../../../engine/error.h"\n' \
    'a plugin includes only <ssc-report/plugin.h>, not ../../../engine/error.h'
breach long-file engine/data/long.c "$(awk 'BEGIN { for (i = 0; i < 701; i++) printf "/* */\\n" }')" \
    'engine/data/long.c:701: 701 lines'
for f in a b c d e f g; do
    mkdir -p "$work/flat/engine"
    printf '#include "error.h"\n' > "$work/flat/engine/$f.c"
done
if sh "$check" "$work/flat" > "$work/flat.out" 2>&1 || ! grep -q '7 .c files in engine/' "$work/flat.out"; then
    fail "seven .c files at engine/'s top were not refused: $(cat "$work/flat.out")"
fi

# the tables an in-tree build generates are not sources: a long one, even
# one that names a header its folder may not, is passed over
mkdir -p "$work/gen/engine/data"
printf '#include "error.h"\n' > "$work/gen/engine/data/store.c"
awk 'BEGIN { print "#include \"draw/draw.h\""; for (i = 0; i < 800; i++) print "/* */" }' \
    > "$work/gen/engine/data/refdata_tables.c"
sh "$check" "$work/gen" > "$work/gen.out" 2>&1 ||
    fail "a generated table was judged as a source: $(cat "$work/gen.out")"

# ---- the tree itself --------------------------------------------------------
if ! sh "$check" "$top_srcdir" > "$work/tree.out" 2>&1; then
    fail "the source tree breaks the layout rules:"
    cat "$work/tree.out" >&2
fi

# ---- no cycles between the engine's files -----------------------------------
# Edges "A B": object A uses a symbol object B defines.  A cycle is a pair
# of files each reachable from the other (closure by repeated squaring of
# a graph of a few dozen files).
cycles()
{
    awk '
    BEGIN { n = 0 }
    { if (!($1 in id)) { id[$1] = n; name[n++] = $1 }
      if (!($2 in id)) { id[$2] = n; name[n++] = $2 }
      r[id[$1], id[$2]] = 1 }
    END {
        for (k = 0; k < n; k++)
            for (i = 0; i < n; i++)
                if ((i, k) in r)
                    for (j = 0; j < n; j++)
                        if ((k, j) in r)
                            r[i, j] = 1
        for (i = 0; i < n; i++)
            for (j = i + 1; j < n; j++)
                if ((i, j) in r && (j, i) in r)
                    print name[i] " <-> " name[j]
    }' "$1"
}

# the cycle finder finds a three-file cycle and nothing in a chain
printf 'a b\nb c\nc a\nc d\n' > "$work/cyc.edges"
[ "$(cycles "$work/cyc.edges" | wc -l)" -eq 3 ] || fail "the cycle finder missed a -> b -> c -> a"
printf 'a b\nb c\nc d\n' > "$work/chain.edges"
[ -z "$(cycles "$work/chain.edges")" ] || fail "the cycle finder saw a cycle in a chain"

need_tool nm
objs=$(find "$top_builddir/engine" -name '*.o' -path '*/.libs/*'; \
       find "$top_builddir/engine" -name '*.o' ! -path '*/.libs/*')
[ -n "$objs" ] || die "no objects under $top_builddir/engine: build first"
for o in $objs; do
    n=$(basename "$o" .o)
    n=${n#ssc_report-}
    nm "$o" | awk -v n="$n" 'NF == 3 && $2 ~ /^[TDBRG]$/ { print "D", n, $3 }
                             $1 == "U" { print "U", n, $2 }'
done | awk '$1 == "D" { def[$3] = $2; next } { use[++u] = $2 " " $3 }
            END { for (i = 1; i <= u; i++) { split(use[i], a, " ")
                      if ((a[2] in def) && def[a[2]] != a[1]) print a[1], def[a[2]] } }' |
    sort -u > "$work/engine.edges"
[ "$(wc -l < "$work/engine.edges")" -ge 50 ] ||
    die "only $(wc -l < "$work/engine.edges") calls between engine files found; cannot judge"
cycles "$work/engine.edges" > "$work/engine.cycles"
if [ -s "$work/engine.cycles" ]; then
    fail "engine files that call each other (directly or round a cycle):"
    cat "$work/engine.cycles" >&2
fi

finish

#!/bin/sh
# SPDX-License-Identifier: MIT
# A chart drawn from a table with the wrong keys (regions on an SDG grid,
# sectors on a tile map) is refused by render, which writes nothing, and
# by check, which lays the document out without writing it: the dry run
# of a render leaves charts undrawn, check's must not.
. "$top_srcdir/tests/lib.sh"

for pair in "by-region sdg-grid the sdg-grid chart needs a table keyed by SDG" \
            "by-sector tile-map the tile-map chart needs a table keyed by ISO 3166-1 alpha-3"; do
    set -- $pair
    plugin=$1 chart=$2
    shift 2
    want=$*
    cat > "$work/$chart.cfg" <<CFG
title = "Wrong keys";
data = { path = "$top_srcdir/data/sample-portfolio.csv"; };
sections = ( { plugin = "$plugin"; title = "Drawn wrongly"; chart = "$chart"; } );
CFG
    "$SSC_REPORT" render "$work/$chart.cfg" -o "$work/$chart.pdf" > /dev/null 2> "$work/$chart.err" &&
        fail "render drew $plugin as $chart"
    grep -q "$want" "$work/$chart.err" || fail "render, $plugin as $chart: $(cat "$work/$chart.err")"
    [ -e "$work/$chart.pdf" ] && fail "render wrote a PDF of $plugin as $chart"
    "$SSC_REPORT" check "$work/$chart.cfg" > /dev/null 2> "$work/$chart.check" &&
        fail "check passed $plugin as $chart, which render refuses"
    grep -q "$want" "$work/$chart.check" || fail "check, $plugin as $chart: $(cat "$work/$chart.check")"
done
finish

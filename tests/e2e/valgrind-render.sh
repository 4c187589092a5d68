#!/bin/sh
# SPDX-License-Identifier: MIT
# Memory errors ride along: valgrind runs a render of a few sections of every
# kind of drawing, and any invalid read, write or use of uninitialised memory
# fails the test.  (Leaks are not counted: fontconfig and Pango keep caches
# for the life of the process by design.)
. "$top_srcdir/tests/lib.sh"
command -v valgrind > /dev/null || skip "valgrind is not installed"
# AddressSanitizer (and its kin) and valgrind cannot share a process: a
# sanitizer build reserves terabytes of shadow memory that valgrind refuses.
sanitized && skip "the command is built with a sanitizer (-fsanitize), which valgrind cannot run"

cat > "$work/r.cfg" <<CFG
title = "Valgrind";
data = { path = "$top_srcdir/data/sample-portfolio.csv"; };
sections = (
  { plugin = "narrative"; title = "Text"; options = { text = "{projects} projects in {countries} countries."; }; },
  { plugin = "kpi"; title = "Figures"; },
  { plugin = "by-region"; title = "Regions"; chart = "hbar"; },
  { plugin = "by-sdg"; title = "Goals"; chart = "sdg-grid"; },
  { plugin = "by-country"; title = "Countries"; chart = "tile-map"; table_limit = 5; },
  { plugin = "gender"; title = "Gender"; chart = "donut"; },
  { plugin = "by-status"; title = "Status"; chart = "stacked"; },
  { plugin = "timeline"; title = "Years"; chart = "line"; },
  { plugin = "project-table"; title = "Projects"; options = { limit = 10; }; }
);
CFG
"$top_builddir/libtool" --mode=execute valgrind -q --error-exitcode=99 \
    --errors-for-leak-kinds=none "$SSC_REPORT" render "$work/r.cfg" -o "$work/r.pdf" \
    --data-out "$work/out" > "$work/vg.out" 2> "$work/vg.err"
status=$?
# valgrind 3.19 (Debian 12) cannot read all of the DWARF 5 debug info clang
# 14 writes by default (DW_FORM_addrx...): it warns, or gives up at once
# ("Possibly corrupted debuginfo file"), and a run without the debug info
# proves nothing either way.
if grep -q -e 'unhandled dwarf2' -e 'error when reading debug info' -e 'debuginfo reader' \
    "$work/vg.err"; then
    skip "valgrind cannot read the command's debug info ($(grep -m 1 -o \
        -e 'unhandled dwarf2[a-z0-9 ]*' -e 'debuginfo reader: [A-Za-z ]*' "$work/vg.err")):" \
        "clang writes DWARF 5 by default; build with CFLAGS='-g -gdwarf-4 -O2' to run this test"
fi
[ "$status" -eq 99 ] && fail "valgrind found memory errors: $(head -c 3000 "$work/vg.err")"
[ "$status" -eq 0 ] || fail "the render failed under valgrind (exit $status): $(tail -n 5 "$work/vg.err")"
[ -s "$work/r.pdf" ] || fail "no PDF"
finish

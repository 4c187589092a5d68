#!/bin/sh
# SPDX-License-Identifier: MIT
# The plugin contract seen from the command: a report that needs a refused
# plugin fails with the loader's message and writes nothing; plugins are
# never loaded from the current directory.
set -u
: "${SSC_REPORT:?} ${top_builddir:?} ${top_srcdir:?}"
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

work="$top_builddir/tests/plugins/contract-cli.tmp"
rm -rf "$work" && mkdir -p "$work" || exit 99
plugins="$top_builddir/tests/plugins/modules"
[ -f "$plugins/good.la" ] || { echo "missing $plugins/good.la" >&2; exit 99; }

report() { # report NAME PLUGIN
    cat > "$work/$1.cfg" <<CFG
title = "Contract";
data = { path = "$top_srcdir/data/sample-portfolio.csv"; };
sections = ( { plugin = "$2"; title = "Only section"; chart = "table"; } );
CFG
}

# wrong ABI: exit non-zero, message names the file and both versions, no PDF
report abi wrong-abi
SSC_REPORT_PLUGIN_PATH="$plugins" "$SSC_REPORT" render "$work/abi.cfg" -o "$work/abi.pdf" \
    2> "$work/abi.err" > /dev/null && fail "wrong-abi report rendered"
grep -q "abi.cfg:3: section 1 needs plugin \"wrong-abi\"" "$work/abi.err" ||
    fail "no report line in: $(cat "$work/abi.err")"
grep -q "wrong-abi.la: plugin ABI 99.0" "$work/abi.err" || fail "no ABI versions in: $(cat "$work/abi.err")"
[ -e "$work/abi.pdf" ] && fail "a PDF was written for a refused plugin"

# the good test plugin renders through the same path
report good good
SSC_REPORT_PLUGIN_PATH="$plugins" "$SSC_REPORT" render "$work/good.cfg" -o "$work/good.pdf" \
    > /dev/null 2> "$work/good.err" || fail "good plugin: $(cat "$work/good.err")"
[ -s "$work/good.pdf" ] || fail "good plugin wrote no PDF"

# a plugin's compute error is reported with the section and plugin name
report failing failing
SSC_REPORT_PLUGIN_PATH="$plugins" "$SSC_REPORT" render "$work/failing.cfg" -o "$work/f.pdf" \
    2> "$work/failing.err" > /dev/null && fail "failing plugin rendered"
grep -q "section 1 (failing): deliberate failure for the tests" "$work/failing.err" ||
    fail "compute error not reported: $(cat "$work/failing.err")"
[ -e "$work/f.pdf" ] && fail "a PDF was written after a plugin failed"

# a module with an undefined symbol: refused when loaded, exit 1 (not the
# dynamic linker's 127), the symbol named, no PDF
report undef undefined-symbol
SSC_REPORT_PLUGIN_PATH="$plugins" "$SSC_REPORT" render "$work/undef.cfg" -o "$work/u.pdf" \
    2> "$work/undef.err" > /dev/null
rc=$?
[ "$rc" -eq 1 ] || fail "undefined symbol: exit $rc, expected 1"
grep -q 'undefined-symbol.la: plugin "undefined-symbol": undefined symbol ssc_table_add_row_misspelt' \
    "$work/undef.err" || fail "undefined symbol not named: $(cat "$work/undef.err")"
[ -e "$work/u.pdf" ] && fail "a PDF was written with a plugin that cannot load"

# never from the current directory: run inside the plugin folder, no path set
(cd "$plugins/.libs" && SSC_REPORT_PLUGIN_PATH= "$SSC_REPORT" render "$work/good.cfg" \
    -o "$work/cwd.pdf" > /dev/null 2> "$work/cwd.err") && fail "plugin loaded from the current directory"
grep -q 'no plugin "good"' "$work/cwd.err" || fail "cwd: $(cat "$work/cwd.err")"

# `plugins` lists the bundled plugins with kind, version, summary (the
# descriptors' own, read from the sources here) and option names
"$SSC_REPORT" plugins > "$work/list.out" 2> "$work/list.err" || fail "plugins: $(cat "$work/list.err")"
for p in by-region by-sector by-sdg timeline kpi project-table; do
    summary=$(sed -n 's/.*\.summary = "\([^"]*\)".*/\1/p' "$top_srcdir/plugins/metrics/$p.c")
    [ -n "$summary" ] || fail "cannot read $p's summary from its source"
    # (a summary written as two string literals: its first part)
    grep -q "^$p  *metric  *1.0  *$summary" "$work/list.out" ||
        fail "plugins does not list $p with its summary \"$summary\": $(cat "$work/list.out")"
done
grep -A1 "^by-sdg " "$work/list.out" | grep -q "^  *options: count\$" ||
    fail "plugins does not show by-sdg's option"
# plugins NAME: the file, the default chart, each option with values and help
"$SSC_REPORT" plugins by-sdg > "$work/one.out" 2> "$work/one.err" || fail "plugins by-sdg failed"
grep -q "^  file: .*/by-sdg.la\$" "$work/one.out" || fail "plugins by-sdg: no file"
grep -q "^    count  *any|primary\$" "$work/one.out" || fail "plugins by-sdg: no option values"
help=$(sed -n 's/.*\.help = "\([^"]*\)".*/\1/p' "$top_srcdir/plugins/metrics/by-sdg.c" | head -1)
[ -n "$help" ] && grep -qF "$help" "$work/one.out" || fail "plugins by-sdg: no option help"
"$SSC_REPORT" plugins no-such-plugin > /dev/null 2> "$work/none.err" &&
    fail "plugins no-such-plugin exited 0"
# ... and, with the broken modules on the path, lists each with the
# reason, keeps the good ones and exits 1
SSC_REPORT_PLUGIN_PATH="$plugins" "$SSC_REPORT" plugins > "$work/list2.out" 2> "$work/list2.err" &&
    fail "plugins exited 0 with broken modules on the path"
grep -q "^good " "$work/list2.out" || fail "good test plugin not listed"
for m in wrong-abi newer-minor no-descriptor name-mismatch missing-hook undefined-symbol; do
    grep -q "^$m  *refused  *-  *[^ ]" "$work/list2.out" || fail "$m not listed as refused"
done
[ "$(grep -c ' refused ' "$work/list2.out")" -eq 6 ] ||
    fail "expected 6 refused modules: $(cat "$work/list2.out")"
grep -q "6 modules refused" "$work/list2.err" || fail "no summary on stderr: $(cat "$work/list2.err")"

[ "$fails" -eq 0 ] && rm -rf "$work"
exit "$fails"

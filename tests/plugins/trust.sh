#!/bin/sh
# SPDX-License-Identifier: MIT
# Plugin trust: only the modules a report names (and the source chosen)
# are loaded; `plugins` reads modules' files without running them; the
# marker module (tests/plugins/modules/hostile/marker.c), whose constructor
# writes $SSC_TEST_MARKER, proves which runs ran its code.  Relative
# plugin folders and folders or modules writable by every user are refused
# with a message naming them.
. "$top_srcdir/tests/lib.sh"

mods="$top_builddir/tests/plugins/modules"
[ -f "$mods/hostile/marker.la" ] || die "the hostile test modules were not built"
export SSC_REPORT_PLUGIN_PATH="$mods/hostile"
export SSC_TEST_MARKER="$work/marker"

# run_in FOLDERS ARGS...: run with SSC_REPORT_PLUGIN_PATH=FOLDERS
run_in() {
    path=$1
    shift
    SSC_REPORT_PLUGIN_PATH="$path" "$SSC_REPORT" "$@" > "$work/run.out" 2> "$work/run.err"
    rc=$?
}

report() { # report NAME PLUGIN [DATA]
    cat > "$work/$1.cfg" <<CFG
title = "Trust";
data = { path = "${3:-$top_srcdir/data/sample-portfolio.csv}"; };
sections = ( { plugin = "$2"; title = "Only section"; chart = "table"; } );
CFG
}

# a data file with an extension no source claims: read as CSV, and no
# module's code runs to find out
cp "$top_srcdir/data/sample-portfolio.csv" "$work/portfolio.weird"
report weird by-region "$work/portfolio.weird"
run render "$work/weird.cfg" -o "$work/weird.pdf"
[ "$rc" -eq 0 ] || { show_run; fail "the .weird portfolio did not render as CSV"; }
[ -e "$work/marker" ] && fail "an unknown extension ran the marker module's constructor"
rm -f "$work/marker"

# plugins: every module listed, with what its file declares, none run
run plugins
grep -q "^marker  *metric  *2.5  *Leaves a mark when loaded\$" "$work/run.out" ||
    { show_run; fail "plugins does not list the marker module"; }
for m in crashing hanging exiting flooding; do
    grep -q "^$m  *metric  *1.0" "$work/run.out" || fail "plugins does not list $m"
done
grep -A1 "^flooding " "$work/run.out" | grep -q "options: rows" ||
    fail "plugins does not show flooding's option"
[ -e "$work/marker" ] && fail "plugins ran the marker module's constructor"
rm -f "$work/marker"
run plugins marker
[ "$rc" -eq 0 ] || { show_run; fail "plugins marker failed"; }
grep -q "^marker: metric plugin, version 2.5\$" "$work/run.out" || { show_run; fail "plugins marker"; }
grep -q "^  file: .*/hostile/marker.la\$" "$work/run.out" || fail "plugins marker: no file"
[ -e "$work/marker" ] && fail "plugins marker ran the marker module's constructor"

# the test can fail: a report that names the module runs it, and only it
report named marker
run render "$work/named.cfg" -o "$work/named.pdf"
[ "$rc" -eq 0 ] || { show_run; fail "a report naming the marker module failed"; }
[ "$(cat "$work/marker" 2>/dev/null)" = "marker's constructor ran" ] ||
    fail "the marker module did not run when a report named it (the test proves nothing)"
rm -f "$work/marker"

# relative plugin folders: refused in the environment; in the engine
# settings they are relative to the settings file, wherever the command runs
run_in "tests/plugins/modules" check "$work/weird.cfg"
[ "$rc" -eq 1 ] || fail "a relative SSC_REPORT_PLUGIN_PATH: exit $rc, expected 1"
grep -q 'SSC_REPORT_PLUGIN_PATH: "tests/plugins/modules" is a relative folder' "$work/run.err" ||
    fail "relative folder: $(cat "$work/run.err")"
mkdir -p "$work/conf/mods"
cp "$mods/.libs/good.so" "$work/conf/mods/good.so"
printf 'plugin_path = [ "mods" ];\n' > "$work/conf/engine.conf"
report good good
(cd / && SSC_REPORT_PLUGIN_PATH= "$SSC_REPORT" check "$work/good.cfg" \
    --config "$work/conf/engine.conf" > "$work/conf.out" 2>&1) ||
    fail "plugin_path relative to the settings file: $(cat "$work/conf.out")"

# world-writable: a folder without the sticky bit, or a module, is refused
mkdir -p "$work/ww"
cp "$mods/.libs/good.so" "$work/ww/good.so"
chmod 0777 "$work/ww"
run_in "$work/ww" render "$work/good.cfg" -o "$work/ww.pdf"
[ "$rc" -eq 1 ] || fail "a world-writable folder: exit $rc, expected 1"
grep -q "$work/ww/good.so: plugin folder $work/ww is writable by every user (mode 0777)" "$work/run.err" ||
    fail "world-writable folder: $(cat "$work/run.err")"
[ -e "$work/ww.pdf" ] && fail "a PDF was written with a module from a world-writable folder"
run_in "$work/ww" plugins
grep -q "^good  *refused" "$work/run.out" || fail "plugins does not show good as refused"
# the sticky bit (as on /tmp): others cannot replace what is ours
chmod 1777 "$work/ww"
run_in "$work/ww" render "$work/good.cfg" -o "$work/ww.pdf"
[ "$rc" -eq 0 ] || { show_run; fail "a module of ours in a sticky folder was refused"; }
chmod 0755 "$work/ww"
chmod 0666 "$work/ww/good.so"
rm -f "$work/ww.pdf"
run_in "$work/ww" render "$work/good.cfg" -o "$work/ww.pdf"
[ "$rc" -eq 1 ] || fail "a world-writable module: exit $rc, expected 1"
grep -q "$work/ww/good.so: plugin module is writable by every user (mode 0666)" "$work/run.err" ||
    fail "world-writable module: $(cat "$work/run.err")"
[ -e "$work/ww.pdf" ] && fail "a PDF was written with a world-writable module"
chmod 0644 "$work/ww/good.so"
finish

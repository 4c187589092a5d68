#!/bin/sh
# SPDX-License-Identifier: MIT
# Plugin faults contained in render: a plugin that crashes, hangs past
# plugin_timeout, calls exit() or returns more than plugin_max_rows rows
# (tests/plugins/modules/hostile/) fails its run with one line
#   REPORT:LINE: section N (plugin NAME): WHAT
# and exit status 3, and replaces nothing: the previous PDF and data-out
# files stay as they were and no temporary file is left.  With sections
# computed side by side (plugin_processes), the first failure in report
# order is the one named.
. "$top_srcdir/tests/lib.sh"

mods="$top_builddir/tests/plugins/modules"
[ -f "$mods/hostile/crashing.la" ] || die "the hostile test modules were not built"
export SSC_REPORT_PLUGIN_PATH="$mods/hostile"
cat > "$work/engine.conf" <<'CONF'
plugin_timeout = 2;
plugin_max_rows = 1000;
CONF

# report NAME PLUGIN [OPTIONS]: section 1 a bundled plugin, section 2 the
# one under test, on line 5 of the file
report() {
    cat > "$work/$1.cfg" <<CFG
title = "Faults";
data = { path = "$top_srcdir/data/sample-portfolio.csv"; };
sections = (
  { plugin = "by-region"; title = "Regions"; },
  { plugin = "$2"; title = "Under test"; chart = "table"; ${3:-} }
);
CFG
}

mkdir -p "$work/out"
report previous flooding 'options = { rows = 1000; };'
run render "$work/previous.cfg" --config "$work/engine.conf" -o "$work/out/r.pdf" \
    --data-out "$work/out"
[ "$rc" -eq 0 ] || { show_run; die "a table of exactly plugin_max_rows rows was refused"; }
[ "$(wc -l < "$work/out/02-flooding.csv")" -eq 1001 ] || fail "1000 rows and a header expected"
cp "$work/out/r.pdf" "$work/previous.pdf"
ls -A "$work/out" | sort > "$work/previous.list"

# expect PLUGIN WHAT [OPTIONS] [MAX_SECONDS]
expect() {
    report "$1" "$1" "${3:-}"
    start=$(date +%s)
    run render "$work/$1.cfg" --config "$work/engine.conf" -o "$work/out/r.pdf" \
        --data-out "$work/out"
    took=$(( $(date +%s) - start ))
    [ "$rc" -eq 3 ] || { show_run; fail "$1: exit $rc, expected 3"; }
    want="$work/$1.cfg:5: section 2 (plugin $1): $2"
    [ "$(cat "$work/run.err")" = "$want" ] ||
        fail "$1: expected the one line \"$want\", got: $(cat "$work/run.err")"
    [ -s "$work/run.out" ] && fail "$1: wrote to standard output: $(cat "$work/run.out")"
    same_file "$work/out/r.pdf" "$work/previous.pdf" || fail "$1: the previous PDF was replaced"
    ls -A "$work/out" | sort > "$work/now.list"
    same_file "$work/now.list" "$work/previous.list" ||
        fail "$1: the output folder changed: $(diff "$work/previous.list" "$work/now.list" | tr '\n' ' ')"
    [ "$took" -le "${4:-10}" ] || fail "$1: took $took s"
}

expect crashing "crashed with SIGSEGV"
expect hanging "timed out after 2 s" "" 8
expect exiting "exited with status 7"
expect flooding "returned more than 1,000 rows (limit 1,000)"
expect flooding "returned more than 1,000 rows (limit 1,000)" 'options = { rows = 1001; };'

# Sections are computed by several children (each takes the next section
# when done with one), but read in report order: the first failure in the
# report is the one named, whatever K is and whichever child fails first.
# Here section 3 crashes at once, while section 2 exits.
cat > "$work/order.cfg" <<CFG
title = "Faults";
data = { path = "$top_srcdir/data/sample-portfolio.csv"; };
sections = (
  { plugin = "by-region"; title = "Regions"; },
  { plugin = "exiting"; title = "Exits"; chart = "table"; },
  { plugin = "crashing"; title = "Crashes"; chart = "table"; }
);
CFG
for k in 1 2 3; do
    printf 'plugin_timeout = 2;\nplugin_processes = %s;\n' "$k" > "$work/k$k.conf"
    run render "$work/order.cfg" --config "$work/k$k.conf" -o "$work/out/r.pdf"
    [ "$rc" -eq 3 ] || { show_run; fail "$k processes: exit $rc, expected 3"; }
    want="$work/order.cfg:5: section 2 (plugin exiting): exited with status 7"
    [ "$(cat "$work/run.err")" = "$want" ] ||
        fail "$k processes: expected \"$want\", got: $(cat "$work/run.err")"
    same_file "$work/out/r.pdf" "$work/previous.pdf" || fail "$k processes: the PDF was replaced"
done

# check contains the faults the same way
report crashing crashing
run check "$work/crashing.cfg" --config "$work/engine.conf"
[ "$rc" -eq 3 ] || fail "check: exit $rc, expected 3"
grep -q "section 2 (plugin crashing): crashed with SIGSEGV" "$work/run.err" ||
    fail "check: $(cat "$work/run.err")"

# the default row limit, 1,000,000, named in the message (the time limit
# raised: a million rows take a while on a loaded machine)
report flooding flooding 'options = { rows = 1000001; };'
printf 'plugin_timeout = 3600;\n' > "$work/slow.conf"
run check "$work/flooding.cfg" --config "$work/slow.conf"
[ "$rc" -eq 3 ] || fail "default limit: exit $rc, expected 3"
grep -q "returned more than 1,000,000 rows (limit 1,000,000)$" "$work/run.err" ||
    fail "default limit: $(cat "$work/run.err")"

# the settings are checked like any other
printf 'plugin_processes = 9;\n' > "$work/bad.conf"
run check "$work/previous.cfg" --config "$work/bad.conf"
[ "$rc" -eq 1 ] || fail "plugin_processes = 9: exit $rc"
grep -q "bad.conf:1: plugin_processes: 9 is outside 1 to 8" "$work/run.err" ||
    fail "plugin_processes = 9: $(cat "$work/run.err")"
printf 'plugin_timeout = 0;\n' > "$work/bad.conf"
run check "$work/previous.cfg" --config "$work/bad.conf"
[ "$rc" -eq 1 ] || fail "plugin_timeout = 0: exit $rc"
grep -q "bad.conf:1: plugin_timeout: 0 is outside 1 to 86400" "$work/run.err" ||
    fail "plugin_timeout = 0: $(cat "$work/run.err")"
finish

# SPDX-License-Identifier: MIT
# Shared by the tests/schedule/schedule-*.sh tests (sourced, not run): a fresh work
# folder under the build tree, the bundled report and sample, checks that
# count failures, and bounded waits.  Needs top_srcdir, top_builddir and
# SSC_REPORT from tests/local.mk.
set -u
: "${top_srcdir:?run through make check}" "${top_builddir:?}" "${SSC_REPORT:?}"

test_name=$(basename "$0" .sh)
work="$top_builddir/tests/schedule/$test_name.dir"
report="$top_srcdir/reports/annual-meeting.cfg"
# the 0-based position of the project-table section, for --set
# sections.N.options.limit=0 (slow renders list every project)
project_table=$(awk '/plugin *= *"/ { n++ } /plugin *= *"project-table"/ { print n - 1; exit }' "$report")
[ -n "$project_table" ] || { echo "no project-table section in $report" >&2; exit 99; }
sample="$top_srcdir/data/sample-portfolio.csv"
. "$top_srcdir/tests/sanitize/detect.sh"
failures=0
checks=0

# A missing input is a hard error (99), never a silent pass.
for f in "$report" "$sample" "$SSC_REPORT"; do
    [ -f "$f" ] || { echo "ERROR: missing $f"; exit 99; }
done
rm -rf "$work" && mkdir -p "$work" || { echo "ERROR: cannot create $work"; exit 99; }
# the engine resolves paths with realpath: compare against the same
work=$(cd "$work" && pwd -P)

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# check DESCRIPTION COMMAND...: COMMAND must succeed.
check() {
    desc=$1
    shift
    checks=$((checks + 1))
    "$@" || fail "$desc"
}

# check_eq DESCRIPTION GOT WANT
check_eq() {
    checks=$((checks + 1))
    [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
}

# check_grep DESCRIPTION PATTERN FILE (fixed string)
check_grep() {
    checks=$((checks + 1))
    grep -F -q -- "$2" "$3" || { fail "$1: '$2' not in $3:"; sed 's/^/    /' "$3"; }
}

finish() {
    if [ "$checks" -eq 0 ]; then
        echo "ERROR: no checks ran"
        exit 99
    fi
    if [ "$failures" -eq 0 ]; then
        echo "PASS: $checks checks"
        rm -rf "$work"
        exit 0
    fi
    echo "$failures of $checks checks failed; files kept in $work"
    exit 1
}

# make_portfolio COPIES FILE: the sample repeated, ids made unique, so a
# render takes longer (about 0.2 s per copy for the bundled report).
make_portfolio() {
    awk -F, 'NR == 1 { print; next } { rows[++n] = $0 }
        END { for (r = 1; r <= copies; r++) for (i = 1; i <= n; i++) {
                  line = rows[i]; sub(/^[^,]*/, "&-" r, line); print line } }' \
        copies="$1" "$sample" > "$2" || { echo "ERROR: cannot write $2"; exit 99; }
}

# log_count LOG JOB OUTCOME: lines of the run log for this job and outcome.
log_count() {
    if [ -f "$1" ]; then
        awk -F '\t' -v j="$2" -v o="$3" '$1 == j && $5 == o { n++ } END { print n + 0 }' "$1"
    else
        echo 0
    fi
}

# wait_until TENTHS COMMAND...: polls COMMAND every 0.1 s; fails after TENTHS.
wait_until() {
    n=$1
    shift
    while [ "$n" -gt 0 ]; do
        "$@" && return 0
        sleep 0.1
        n=$((n - 1))
    done
    return 1
}

# temps DIR BASE: the temporary files of an atomic write of DIR/BASE.
temps() {
    ls -A "$1" 2>/dev/null | grep "^\\.$2\\.......\$"
}

has_temp() {
    temps "$1" "$2" > /dev/null
}

# stop_process PID: TERM, then KILL if it has not ended within 10 s.
stop_process() {
    kill -TERM "$1" 2>/dev/null || return 0
    wait_until 100 not_running "$1" || kill -KILL "$1" 2>/dev/null
}

not_running() {
    ! kill -0 "$1" 2>/dev/null
}

# children PID: the processes whose parent is PID (from /proc).
children() {
    for stat in /proc/[0-9]*/stat; do
        awk -v p="$1" '$4 == p { print $1 }' "$stat" 2>/dev/null
    done
}

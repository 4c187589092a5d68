# SPDX-License-Identifier: MIT
# tests/lib.sh: shell helpers shared by the tests/*.sh scripts.
#
# Source it first thing:   . "$top_srcdir/tests/lib.sh"
#
# It expects the variables tests/local.mk's AM_TESTS_ENVIRONMENT exports
# (top_srcdir, top_builddir, SSC_REPORT) and gives a test:
#   $work               a fresh folder of its own under the build tree,
#                       removed when the test passes, kept when it fails
#   fail MSG            report a failed check and go on (the test fails at the end)
#   die MSG             report a failure and stop now
#   skip MSG            stop with automake's "skipped" status (77)
#   need_tool NAME...   skip unless every NAME is on PATH
#   finish              exit 0 if nothing failed, else 1 (call it last)
#   run ARGS...         run "$SSC_REPORT ARGS..." with stdout in $work/run.out,
#                       stderr in $work/run.err and the exit status in $rc
#   csv_us FILE...      an RFC 4180 CSV file as one line per record with
#                       fields separated by \037 (a BOM and CR line ends
#                       dropped, line breaks inside a field written as the
#                       two characters \n), so awk -F'\037' can read it
#   same_file A B       true when A and B are byte-identical
#   need_m49            sets $m49 to UNSD's M49 file ($SSC_M49, else the
#                       shared reference data next to the tree), or skips:
#                       tests that check our derived country table against
#                       the UN's own file
#   sanitized           true when the command carries a sanitizer's runtime
#                       (make check-sanitize's build)
#
# Every expected value in a test is computed here, in shell and awk, from
# the input the test wrote: never copied from the program's output.

# Byte semantics for awk, sort and comm whatever the caller's locale.
LC_ALL=C
export LC_ALL

: "${top_srcdir:?run me through make check (top_srcdir is not set)}"
: "${top_builddir:?run me through make check (top_builddir is not set)}"
: "${SSC_REPORT:=$top_builddir/ssc-report}"

test_name=$(basename "$0" .sh)
failures=0
US=$(printf '\037')

fail()
{
    failures=$((failures + 1))
    printf '%s: FAIL: %s\n' "$test_name" "$*" >&2
}

die()
{
    fail "$@"
    exit 1
}

skip()
{
    printf '%s: SKIP: %s\n' "$test_name" "$*" >&2
    keep_work=no
    exit 77
}

need_tool()
{
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || skip "$t is not installed"
    done
}

finish()
{
    if [ "$failures" -ne 0 ]; then
        printf '%s: %d check(s) failed; files kept in %s\n' "$test_name" "$failures" "$work" >&2
        exit 1
    fi
    printf '%s: all checks passed\n' "$test_name"
    exit 0
}

# The work folder: under the build tree (never the source tree, which is
# read-only under make distcheck), one per test so tests can run in parallel.
work="$top_builddir/tests/$test_name.tmp"
rm -rf "$work"
mkdir -p "$work" || { echo "$test_name: cannot create $work" >&2; exit 99; }
work=$(cd "$work" && pwd)
keep_work=yes
lib_cleanup()
{
    status=$?
    if [ "$status" -eq 0 ] || [ "$keep_work" = no ]; then
        rm -rf "$work"
    fi
    exit "$status"
}
trap lib_cleanup EXIT

[ -x "$SSC_REPORT" ] || die "the command $SSC_REPORT was not built"

run()
{
    "$SSC_REPORT" "$@" >"$work/run.out" 2>"$work/run.err"
    rc=$?
}

# Show what the command said, after a failed check on it.
show_run()
{
    sed 's/^/    stdout: /' "$work/run.out" >&2
    sed 's/^/    stderr: /' "$work/run.err" >&2
}

need_m49()
{
    m49=${SSC_M49:-}
    for f in "$top_srcdir/../shared/data/unsd-m49/m49.csv" \
             "$top_srcdir/../../shared/data/unsd-m49/m49.csv" /work/shared/data/unsd-m49/m49.csv; do
        [ -n "$m49" ] || { [ -f "$f" ] && m49=$f; }
    done
    [ -n "$m49" ] && [ -f "$m49" ] || skip "no UN M49 file (set SSC_M49 to its path)"
}

same_file()
{
    cmp -s "$1" "$2"
}

. "$top_srcdir/tests/sanitize/detect.sh"

# An RFC 4180 reader in plain awk (mawk and gawk alike), independent of the
# engine's own reader.
csv_us()
{
    awk '
    BEGIN { US = "\037"; inq = 0; fld = ""; rec = ""; nf = 0; first = 1 }
    function endfield() { rec = rec (nf ? US : "") fld; nf++; fld = "" }
    {
        line = $0
        if (first && substr(line, 1, 3) == "\357\273\277")
            line = substr(line, 4)
        first = 0
        sub(/\r$/, "", line)
        n = length(line)
        for (i = 1; i <= n; i++) {
            c = substr(line, i, 1)
            if (inq) {
                if (c == "\"") {
                    if (substr(line, i + 1, 1) == "\"") { fld = fld "\""; i++ }
                    else inq = 0
                } else
                    fld = fld c
            } else if (c == "\"")
                inq = 1
            else if (c == ",")
                endfield()
            else
                fld = fld c
        }
        if (inq) { fld = fld "\\n"; next }
        if (nf == 0 && fld == "") next  # a blank line is no record
        endfield()
        print rec
        rec = ""; nf = 0
    }
    ' "$@"
}

# same_dataout LABEL DIR-A DIR-B COUNT: COUNT data-out files in DIR-A, and
# DIR-B holds the same files, byte for byte (a portfolio read two ways).
same_dataout()
{
    (cd "$2" && ls) > "$work/list-a"
    (cd "$3" && ls) > "$work/list-b"
    [ "$(wc -l < "$work/list-a")" -eq "$4" ] ||
        fail "$1: $2 holds $(wc -l < "$work/list-a") files, expected $4"
    cmp -s "$work/list-a" "$work/list-b" || fail "$1: different data-out files"
    for f in $(cat "$work/list-a"); do
        if ! same_file "$2/$f" "$3/$f"; then
            fail "$1: $f differs (- $2, + $3):"
            diff -u "$2/$f" "$3/$f" | sed 's/^/    /' >&2
        fi
    done
}

# render_dataout LABEL REPORT OUTDIR [ARGS...]: a render with --data-out
# OUTDIR (and OUTDIR.pdf) that must succeed.
render_dataout()
{
    label=$1 report=$2 out=$3
    shift 3
    rm -rf "$out"
    run render "$report" -o "$out.pdf" --data-out "$out" "$@"
    if [ "$rc" -ne 0 ]; then
        fail "$label: render failed (exit $rc)"
        show_run
    fi
}

#!/bin/sh
# SPDX-License-Identifier: MIT
# The fonts' floor (issue 10's 47-project target): bench/font-floor (cairo
# and Pango alone, no engine) writing 26 pages of Latin text, then with one
# Chinese line, then with a Chinese line in regular and one in bold, then
# with one Chinese line from a font map of the three families only (as the
# engine's lean map, engine/draw/fonts.c), beside
# the engine rendering the bundled report, round after round on the same
# machine; prints the medians of wall time, CPU time (user + system) and
# peak memory of each.
#
#   sh bench/font-floor.sh BUILD/bench/font-floor BUILD/ssc-report [PORTFOLIO.csv]
#
# PORTFOLIO: a portfolio the engine also renders the bundled report over
# (e.g. gen_portfolio.py 47 1, as bench/scale.sh does).  REPEAT: rounds
# (default 5).  Nothing here is part of `make check`.
set -eu

usage="usage: sh bench/font-floor.sh FONT-FLOOR SSC-REPORT [PORTFOLIO.csv]"
floor=${1:?$usage}
cmd=${2:?$usage}
data=${3:-}
REPEAT=${REPEAT:-5}
work=${TMPDIR:-/tmp}/ssc-bench-floor.$$
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT INT TERM
command -v /usr/bin/time > /dev/null || { echo "bench: needs /usr/bin/time (Debian: time)" >&2; exit 2; }

runs="latin cjk1 cjk2 cjk1-lean engine"
[ -n "$data" ] && runs="$runs engine-data"

# measure RUN: one timed run, its "wall cpu KiB" appended to $work/RUN
measure()
{
    case $1 in
    latin) set -- "$1" "$floor" "$work/out.pdf" 26 0 ;;
    cjk1) set -- "$1" "$floor" "$work/out.pdf" 26 1 ;;
    cjk2) set -- "$1" "$floor" "$work/out.pdf" 26 2 ;;
    cjk1-lean) set -- "$1" "$floor" "$work/out.pdf" 26 1 lean ;;
    engine) set -- "$1" "$cmd" render -o "$work/out.pdf" ;;
    engine-data) set -- "$1" "$cmd" render -o "$work/out.pdf" --data "$data" ;;
    esac
    r=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/log" 2>&1 ||
        { cat "$work/log" >&2; echo "bench: $r failed" >&2; exit 1; }
    awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$work/time" >> "$work/$r"
}

i=0
while [ "$i" -lt "$REPEAT" ]; do
    for r in $runs; do
        measure "$r"
    done
    i=$((i + 1))
done

# median COLUMN FILE
median()
{
    cut -d' ' -f"$1" "$2" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo "machine: $(nproc) processors, load $(cut -d' ' -f1-3 /proc/loadavg); medians of $REPEAT rounds"
printf '| %-50s | %8s | %8s | %8s |\n' run wall CPU memory
printf '|%s|%s|%s|%s|\n' ---------------------------------------------------- ---------- ---------- ----------
for r in $runs; do
    case $r in
    latin) what="cairo + Pango: 26 pages, Latin only" ;;
    cjk1) what="... and one Chinese line (CJK regular)" ;;
    cjk2) what="... and Chinese in regular and bold" ;;
    cjk1-lean) what="one Chinese line, fonts of the 3 families only" ;;
    engine) what="engine: the bundled report" ;;
    engine-data) what="engine: the bundled report, $(basename "$data")" ;;
    esac
    printf '| %-50s | %6s s | %6s s | %4d MiB |\n' "$what" "$(median 1 "$work/$r")" \
        "$(median 2 "$work/$r")" "$(($(median 3 "$work/$r") / 1024))"
done

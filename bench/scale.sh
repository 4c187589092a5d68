#!/bin/sh
# SPDX-License-Identifier: MIT
# Scale benchmark (issue 10): the engine against the peer report generators
# of the shared bench folder (gnuplot, matplotlib) on the generator's files,
# paired and repeated in one run, so that all see the same (busy) machine.
#
#   sh bench/scale.sh BUILD/ssc-report [BASELINE/ssc-report]
#
# Workloads: the default report over portfolios of $SIZES projects, and a
# report that is only the project table, every row, over $TABLES projects.
# Each round runs every program once per workload, in turn; the median of
# $REPEAT rounds counts.  Prints wall time, CPU time (user + system: what a
# busy machine does not inflate) and peak memory per program, the ratios
# peer / engine and baseline / engine, and the targets table of issue 10.
#
# Environment:
#   SHARED   the shared bench folder with gen_portfolio.py and peers/
#            (default: ../shared/bench beside the repository)
#   SIZES    default "47 10000 100000 1000000";  TABLES  default "1000 10000 100000"
#   REPEAT   default 3;  PEERS  default "gnuplot matplotlib" ("" for none)
#   PYTHON   the Python with matplotlib and pandas (default /usr/bin/python3)
# A peer that is not installed is skipped with a note.  Nothing here is part
# of `make check`, and no test asserts a time.
set -eu

cmd=${1:?usage: sh bench/scale.sh BUILD/ssc-report [BASELINE/ssc-report]}
base=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
SHARED=${SHARED:-$here/../../shared/bench}
SIZES=${SIZES:-47 10000 100000 1000000}
TABLES=${TABLES:-1000 10000 100000}
REPEAT=${REPEAT:-3}
PEERS=${PEERS-gnuplot matplotlib}
PYTHON=${PYTHON:-/usr/bin/python3}
work=${TMPDIR:-/tmp}/ssc-bench-scale.$$
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT INT TERM

command -v /usr/bin/time > /dev/null || { echo "bench: needs /usr/bin/time (Debian: time)" >&2; exit 2; }

# --- the programs --------------------------------------------------------------
progs="engine"
[ -n "$base" ] && progs="$progs baseline"
for p in $PEERS; do
    case $p in
    gnuplot)
        if command -v gnuplot > /dev/null && command -v qpdf > /dev/null && [ -f "$SHARED/peers/gnuplot_report.sh" ]; then
            progs="$progs gnuplot"
        else
            echo "note: gnuplot peer skipped (needs gnuplot-nox, qpdf and $SHARED/peers)"
        fi ;;
    matplotlib)
        if "$PYTHON" -c 'import matplotlib, pandas' 2> /dev/null && [ -f "$SHARED/peers/matplotlib_report.py" ]; then
            progs="$progs matplotlib"
        else
            echo "note: matplotlib peer skipped (needs python3-matplotlib, python3-pandas and $SHARED/peers)"
        fi ;;
    *) echo "note: unknown peer $p skipped" ;;
    esac
done

# --- the data ------------------------------------------------------------------
gen()
{
    if [ -f "$SHARED/gen_portfolio.py" ]; then
        "$PYTHON" "$SHARED/gen_portfolio.py" "$1" 1
    else
        sh "$here/gen-portfolio.sh" "$1" 1
    fi
}
for n in $SIZES $TABLES; do
    [ -f "$work/p$n.csv" ] || gen "$n" > "$work/p$n.csv"
done
for n in $TABLES; do
    cat > "$work/table$n.cfg" <<CFG
title = "Project table: $n projects";
organisation = "Benchmark";
language = "en";
data = { path = "$work/p$n.csv"; };
sections = (
  { plugin = "project-table"; title = "All projects"; options = { sort = "start"; limit = 0; }; }
);
CFG
done

# run PROG WORKLOAD N: one timed run; appends "prog workload n wall cpu kib" to results
run()
{
    prog=$1 wl=$2 n=$3
    case $prog in engine) exe=$cmd ;; baseline) exe=$base ;; esac
    case $prog/$wl in
    engine/report | baseline/report) set -- "$exe" render --data "$work/p$n.csv" -o "$work/out.pdf" ;;
    engine/table | baseline/table) set -- "$exe" render "$work/table$n.cfg" -o "$work/out.pdf" ;;
    gnuplot/report) set -- sh "$SHARED/peers/gnuplot_report.sh" "$work/p$n.csv" "$work/out.pdf" ;;
    matplotlib/report) set -- "$PYTHON" "$SHARED/peers/matplotlib_report.py" "$work/p$n.csv" "$work/out.pdf" ;;
    *) return 0 ;; # peers draw no project table of every row
    esac
    if /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out.log" 2>&1; then
        read -r wall user sys kib < "$work/time"
        echo "$prog $wl $n $wall $(echo "$user $sys" | awk '{ printf "%.2f", $1 + $2 }') $kib" >> "$work/results"
    else
        echo "note: $prog failed on $wl $n: $(tail -n 1 "$work/out.log")"
    fi
}

: > "$work/results"
for r in $(seq "$REPEAT"); do
    for n in $SIZES; do for p in $progs; do run "$p" report "$n"; done; done
    for n in $TABLES; do for p in $progs; do run "$p" table "$n"; done; done
done

# --- the summary -----------------------------------------------------------------
echo
echo "machine: $(nproc) processors, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians of $REPEAT rounds; wall and CPU (user + system) in seconds, peak memory in MiB"
sort -k1,1 -k2,2 -k3,3n -k4,4n "$work/results" | awk -v progs="$progs" '
function med(list, k,    a, m) { m = split(list, a, " "); return a[int((m + 1) / 2)] }
{ key = $2 " " $3; w[$1, key] = w[$1, key] " " $4; c[$1, key] = c[$1, key] " " $5
  m[$1, key] = m[$1, key] " " $6; keys[key] = 1 }
END {
    n = split(progs, P, " ")
    printf "%-18s", "workload"
    for (i = 1; i <= n; i++) printf " | %-24s", P[i] " wall/cpu/MiB"
    printf " | ratios (wall, x = times slower than the engine)\n"
    for (key in keys) order[++nk] = key
    for (i = 1; i <= nk; i++) for (j = i + 1; j <= nk; j++) {
        split(order[i], a, " "); split(order[j], b, " ")
        if (a[1] > b[1] || (a[1] == b[1] && a[2] + 0 > b[2] + 0)) { t = order[i]; order[i] = order[j]; order[j] = t }
    }
    for (k = 1; k <= nk; k++) {
        key = order[k]
        printf "%-18s", key
        for (i = 1; i <= n; i++) {
            if ((P[i], key) in w) {
                W[i] = med(w[P[i], key]); C = med(c[P[i], key]); M = med(m[P[i], key]) / 1024
                printf " | %6.2f / %6.2f / %6.0f  ", W[i], C, M
            } else { W[i] = ""; printf " | %-24s", "-" }
        }
        r = ""
        for (i = 2; i <= n; i++) if (W[i] != "" && W[1] > 0) r = r sprintf(" %s %.2fx", P[i], W[i] / W[1])
        print " |" r
        print key, W[1], med(c["engine", key]), med(m["engine", key]) / 1024 > "/dev/stderr"
    }
}' 2> "$work/engine.med"

# the targets of issue 10, from the engine's medians
echo
echo "targets (issue 10): measured engine wall (CPU) against target"
awk '
{ wall[$1 " " $2] = $3; cpu[$1 " " $2] = $4; mib[$1 " " $2] = $5 }
function row(name, key, tw, tm) {
    if (!(key in wall)) return
    printf "| %-34s | %6.2f s (%5.2f s CPU), %5.0f MiB | <= %s s%s |\n", name, wall[key], cpu[key], mib[key], tw, tm ? ", <= " tm " MiB" : ""
}
END {
    print "| workload | measured | target |"
    print "|---|---|---|"
    row("47-project default report", "report 47", "0.2", 60)
    row("1,000,000 projects, default report", "report 1000000", "1.0", 250)
    row("10,000-row project table", "table 10000", "2", 0)
    row("100,000-row project table", "table 100000", "20", 0)
    if (("table 1000" in wall) && ("table 10000" in wall) && wall["table 1000"] > 0)
        printf "| table time(10,000) / time(1,000) | %.1f | <= 12 |\n", wall["table 10000"] / wall["table 1000"]
    if (("table 10000" in wall) && ("table 100000" in wall) && wall["table 10000"] > 0)
        printf "| table time(100,000) / time(10,000) | %.1f | <= 12 |\n", wall["table 100000"] / wall["table 10000"]
    if (("report 100000" in wall) && ("report 1000000" in wall) && wall["report 100000"] > 0)
        printf "| report time(1,000,000) / time(100,000) | %.1f | <= 12 |\n", wall["report 1000000"] / wall["report 100000"]
}' "$work/engine.med"

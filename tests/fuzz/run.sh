#!/bin/sh
# SPDX-License-Identifier: MIT
# make fuzz: builds every fuzz target of tests/fuzz/ with libFuzzer, ASan
# and UBSan in a build folder of its own ($top_builddir/fuzz-build,
# configured on first use with $FUZZ_CC), then runs each of $FUZZ_RUN for
# $FUZZ_SECONDS seconds or $FUZZ_RUNS executions, whichever comes first,
# at low priority, starting from its seed corpus, and prints per target
# the executions, executions per second, coverage (libFuzzer's cov:
# edges, ft: features), wall and CPU time, the load average and what it
# found.  FUZZ_LEAKS=0 searches without leak detection, then replays the
# grown corpus once with it.  Inputs it
# finds go to $top_builddir/fuzz-corpus/TARGET; crashes, leaks and
# timeouts to $top_builddir/fuzz-out/TARGET-*.  The exit status is 1 when
# any target found something.  See docs/fuzzing.md.
set -eu
: "${FUZZ_CC:=clang}" "${FUZZ_SECONDS:=60}" "${FUZZ_JOBS:=2}"
: "${FUZZ_RUNS:=-1}" "${FUZZ_LEAKS:=1}"
fb="$top_builddir/fuzz-build"
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined"
flags="$flags -fno-sanitize-recover=undefined"

if ! command -v "$FUZZ_CC" > /dev/null; then
    echo "make fuzz: $FUZZ_CC not found (Debian: apt-get install clang)" >&2
    exit 2
fi
mkdir -p "$fb"
if [ ! -f "$fb/Makefile" ]; then
    echo "make fuzz: configuring $fb with $FUZZ_CC"
    (cd "$fb" && "$top_srcdir/configure" -q CC="$FUZZ_CC" CFLAGS="$flags" \
        CPPFLAGS=-DSSC_LIBFUZZER)
fi
programs=""
for t in $FUZZ_RUN; do
    programs="$programs tests/fuzz/fuzz-$t"
done
# generated sources first: a first build knows no header dependencies
nice make -C "$fb" -s -j"$FUZZ_JOBS" $FUZZ_BUILT plugins/sources/iati/iati-tables.h
nice make -C "$fb" -s -j"$FUZZ_JOBS" FUZZ_LINK=-fsanitize=fuzzer $programs

mkdir -p "$top_builddir/fuzz-corpus" "$top_builddir/fuzz-out"
# leaks of third-party libraries, as in make check-sanitize
LSAN_OPTIONS="suppressions=$top_srcdir/tests/sanitize/lsan.supp:print_suppressions=0"
export LSAN_OPTIONS
# the targets that read a path rewrite a scratch file per input: keep it
# in memory where there is a tmpfs
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    TMPDIR=/dev/shm
    export TMPDIR
fi
out="$top_builddir/fuzz-out"
# fuzz LOG TIMES ARGS...: runs the target at low priority from fuzz-out/,
# its output in LOG and, where /usr/bin/time exists, its wall, user and
# system seconds in TIMES (a fuzzer beside other work at nice 10 may get
# much less than a core: the CPU time says how much it had)
fuzz()
{
    log=$1 times=$2
    shift 2
    rm -f "$times"
    if [ -x /usr/bin/time ]; then
        ( cd "$out" && nice -n 10 /usr/bin/time -o "$times" -f '%e %U %S' "$@" ) > "$log" 2>&1
    else
        ( cd "$out" && nice -n 10 "$@" ) > "$log" 2>&1
    fi
}
# seconds TIMES: "wall W s, CPU C s (P %)" from what fuzz() recorded
seconds()
{
    [ -s "$1" ] || { echo "time ?"; return; }
    tail -n 1 "$1" | awk '{ c = $2 + $3; printf "wall %.0f s, CPU %.0f s (%.0f %%)", $1, c, ($1 > 0 ? 100 * c / $1 : 0) }'
}
# finding LOG: what a run that failed found, and the input it wrote
finding()
{
    what=$(grep -o 'ERROR: [A-Za-z]*Sanitizer: [a-z-]*\|invariant broken: .*\|ERROR: libFuzzer: [a-z-]*' \
        "$1" | head -n 1)
    echo "${what:-exit status $2}; $(grep -o "$out/$t-[a-z]*-[0-9a-f]*" "$1" | head -n 1)"
}
leaks=""
if [ "$FUZZ_LEAKS" = 0 ]; then
    leaks="-detect_leaks=0"
fi
found=0
summary=""
for t in $FUZZ_RUN; do
    corpus="$top_builddir/fuzz-corpus/$t"
    log="$out/$t.log"
    mkdir -p "$corpus"
    cp "$top_srcdir/tests/fuzz/$t"/* "$corpus/"
    echo "make fuzz: $t for $FUZZ_SECONDS s or $FUZZ_RUNS runs (log: $log)"
    load=$(cut -d ' ' -f 1 /proc/loadavg 2> /dev/null || echo '?')
    status=0
    # FUZZ_LEAKS=0: neither libFuzzer's check after each input nor
    # LeakSanitizer's at exit (the leaks of libconfig's error paths,
    # suppressed, would pile up over millions of inputs)
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=${FUZZ_LEAKS}" \
        fuzz "$log" "$out/$t.time" "$fb/tests/fuzz/fuzz-$t" \
        -max_total_time="$FUZZ_SECONDS" -runs="$FUZZ_RUNS" $leaks \
        -print_final_stats=1 -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$out/$t-" "$corpus" || status=$?
    load="$load-$(cut -d ' ' -f 1,3 /proc/loadavg 2> /dev/null | sed 's/ / (15 min: /;s/$/)/')"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 | tr -d ':')
    what="none"
    if [ "$status" -ne 0 ]; then
        found=1
        what=$(finding "$log" "$status")
    fi
    time=$(seconds "$out/$t.time")
    # the grown corpus once more, with leak detection on: a leak found
    # here counts as found by the run
    if [ "$FUZZ_LEAKS" = 0 ] && [ "$status" -eq 0 ]; then
        echo "make fuzz: $t: replaying $(ls "$corpus" | wc -l) inputs with leak detection"
        fuzz "$out/$t-replay.log" "$out/$t-replay.time" "$fb/tests/fuzz/fuzz-$t" \
            -runs=0 -detect_leaks=1 -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$out/$t-" "$corpus" || status=$?
        if [ "$status" -ne 0 ]; then
            found=1
            what="leak replay: $(finding "$out/$t-replay.log" "$status")"
        fi
        time="$time; replay $(seconds "$out/$t-replay.time")"
    fi
    line=$(printf '%-9s %12s execs %8s exec/s  %-20s %s; load %s; found: %s' "$t" \
        "${execs:-?}" "${rate:-?}" "${cov:-cov ?}" "$time" "$load" "$what")
    echo "$line"
    summary="$summary$line
"
done
echo
echo "make fuzz: $FUZZ_SECONDS s or $FUZZ_RUNS runs per target"
printf '%s' "$summary"
exit "$found"

#!/bin/sh
# SPDX-License-Identifier: MIT
# make fuzz: builds every fuzz target of tests/fuzz/ with libFuzzer, ASan
# and UBSan in a build folder of its own ($top_builddir/fuzz-build,
# configured on first use with $FUZZ_CC), then runs each of $FUZZ_RUN for
# $FUZZ_SECONDS seconds, at low priority, starting from its seed corpus,
# and prints per target the executions, executions per second, coverage
# (libFuzzer's cov: edges, ft: features) and what it found.  Inputs it
# finds go to $top_builddir/fuzz-corpus/TARGET; crashes, leaks and
# timeouts to $top_builddir/fuzz-out/TARGET-*.  The exit status is 1 when
# any target found something.  See docs/fuzzing.md.
set -eu
: "${FUZZ_CC:=clang}" "${FUZZ_SECONDS:=60}" "${FUZZ_JOBS:=2}"
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
found=0
summary=""
for t in $FUZZ_RUN; do
    corpus="$top_builddir/fuzz-corpus/$t"
    log="$top_builddir/fuzz-out/$t.log"
    mkdir -p "$corpus"
    cp "$top_srcdir/tests/fuzz/$t"/* "$corpus/"
    echo "make fuzz: $t for $FUZZ_SECONDS s (log: $log)"
    status=0
    ( cd "$top_builddir/fuzz-out" &&
        nice -n 10 "$fb/tests/fuzz/fuzz-$t" -max_total_time="$FUZZ_SECONDS" \
            -print_final_stats=1 -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$top_builddir/fuzz-out/$t-" "$corpus" ) > "$log" 2>&1 ||
        status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 | tr -d ':')
    what="none"
    if [ "$status" -ne 0 ]; then
        found=1
        what=$(grep -o 'ERROR: [A-Za-z]*Sanitizer: [a-z-]*\|invariant broken: .*\|ERROR: libFuzzer: [a-z-]*' \
            "$log" | head -n 1)
        what="${what:-exit status $status}; $(grep -o "$top_builddir/fuzz-out/$t-[a-z]*-[0-9a-f]*" \
            "$log" | head -n 1)"
    fi
    line=$(printf '%-9s %12s execs %8s exec/s  %-20s found: %s' "$t" "${execs:-?}" \
        "${rate:-?}" "${cov:-cov ?}" "$what")
    echo "$line"
    summary="$summary$line
"
done
echo
echo "make fuzz: $FUZZ_SECONDS s per target"
printf '%s' "$summary"
exit "$found"

#!/bin/sh
# SPDX-License-Identifier: MIT
# make check-sanitize: configures $top_builddir/sanitize-build (on first
# use) with $SANITIZE_CC and -fsanitize=address,undefined, builds there
# and runs the whole suite with leak detection on, third-party leaks
# suppressed by tests/sanitize/lsan.supp, and any report from a sanitizer
# failing the test that caused it.  (valgrind-render.sh skips, 77, on
# finding a sanitizer's runtime in the command.)  Then the tests that run
# a load's threads (data/csv_rows.c, data/bigmem.c) again, built in
# $top_builddir/tsan-build with -fsanitize=thread: a data race fails them.
set -eu
: "${SANITIZE_CC:=cc}" "${SANITIZE_JOBS:=2}"
sb="$top_builddir/sanitize-build"
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"

if ! command -v "${SANITIZE_CC%% *}" > /dev/null; then
    echo "make check-sanitize: $SANITIZE_CC not found" >&2
    exit 2
fi
mkdir -p "$sb"
if [ ! -f "$sb/Makefile" ]; then
    echo "make check-sanitize: configuring $sb with $SANITIZE_CC"
    (cd "$sb" && "$top_srcdir/configure" -q CC="$SANITIZE_CC" CFLAGS="$flags")
fi
# detect_leaks is ASan's default on Linux, said here so that it stays so;
# abort_on_error would turn a report into a core dump per failing test.
ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
LSAN_OPTIONS="suppressions=$top_srcdir/tests/sanitize/lsan.supp:print_suppressions=0"
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
nice make -C "$sb" -j"$SANITIZE_JOBS"
nice make -C "$sb" -j"$SANITIZE_JOBS" check

# ThreadSanitizer cannot share a build with AddressSanitizer: a folder of
# its own, and only the two programs that start threads of ours.
tb="$top_builddir/tsan-build"
tflags="-g -O1 -fno-omit-frame-pointer -fsanitize=thread"
mkdir -p "$tb"
if [ ! -f "$tb/Makefile" ]; then
    echo "make check-sanitize: configuring $tb with $SANITIZE_CC (ThreadSanitizer)"
    (cd "$tb" && "$top_srcdir/configure" -q CC="$SANITIZE_CC" CFLAGS="$tflags" \
        LDFLAGS="-fsanitize=thread")
fi
nice make -C "$tb" -j"$SANITIZE_JOBS" tests/data/test-csv-blocks tests/data/test-store
for t in test-csv-blocks test-store; do
    if out=$(TSAN_OPTIONS="halt_on_error=1" "$tb/tests/data/$t" 2>&1); then
        echo "PASS: $t (ThreadSanitizer)"
        continue
    fi
    case $out in
    *"unexpected memory mapping"*)
        # gcc's runtime refuses kernels with more address randomisation
        # than it knows; that is the machine, not a race
        echo "SKIP: $t (ThreadSanitizer cannot map its shadow memory here)"
        continue
        ;;
    esac
    printf '%s\n' "$out" | tail -n 60
    echo "FAIL: $t (ThreadSanitizer)" >&2
    exit 1
done

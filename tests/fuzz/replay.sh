#!/bin/sh
# SPDX-License-Identifier: MIT
# replay TARGET: runs every input of tests/fuzz/TARGET/ through the plain
# build of tests/fuzz/fuzz-TARGET.c, which aborts on a crash or a broken
# invariant (and the sanitizers, in a sanitizer build, on memory errors,
# undefined behaviour and leaks).  A missing or empty corpus is a failure,
# never a pass with nothing run.
set -eu
replay()
{
    corpus="$top_srcdir/tests/fuzz/$1"
    set -- "$top_builddir/tests/fuzz/fuzz-$1" "$corpus"/*
    if [ ! -f "$2" ]; then
        echo "fuzz-$(basename "$corpus").sh: no seed inputs in $corpus" >&2
        exit 1
    fi
    n=$(($# - 1))
    out=$("$@")
    echo "$out"
    # the replayer saw every input (a file it could not read fails it too)
    [ "$out" = "$n inputs replayed" ] || [ "$out" = "1 input replayed" -a "$n" = 1 ] || {
        echo "expected \"$n inputs replayed\"" >&2
        exit 1
    }
}

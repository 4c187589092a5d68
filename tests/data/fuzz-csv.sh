#!/bin/sh
# SPDX-License-Identifier: MIT
# Replays the CSV fuzz target's seed corpus (tests/data/fuzz/csv/) through the
# plain build of tests/data/fuzz-csv.c: every input must load or fail cleanly.
# A missing corpus is a failure, never a pass with nothing run.
set -eu
corpus="$top_srcdir/tests/data/fuzz/csv"
set -- "$corpus"/*
if [ ! -f "$1" ]; then
    echo "fuzz-csv.sh: no seed inputs in $corpus" >&2
    exit 1
fi
exec "$top_builddir/tests/data/fuzz-csv" "$@"

#!/bin/sh
# SPDX-License-Identifier: MIT
# Replays the seed corpus tests/fuzz/report/ through the plain build of
# tests/fuzz/fuzz-report.c (see replay.sh and docs/fuzzing.md).
. "$top_srcdir/tests/fuzz/replay.sh"
replay report

#!/bin/sh
# SPDX-License-Identifier: MIT
# Replays the seed corpus tests/fuzz/set/ through the plain build of
# tests/fuzz/fuzz-set.c (see replay.sh and docs/fuzzing.md).
. "$top_srcdir/tests/fuzz/replay.sh"
replay set

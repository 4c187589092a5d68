#!/bin/sh
# SPDX-License-Identifier: MIT
# Refreshes the references of the visual regression test after an intended
# change to the drawing.  Run it through make, from the build tree:
#
#   make visual-refresh
#
# It runs tests/draw/visual-pages.sh with SSC_VISUAL_REFRESH=yes: the very same renders
# and rasterisations as the test, whose PNGs are then copied into
# $(srcdir)/tests/draw/visual/ref/ instead of being compared.  It prints, for
# each page, what changed; review the new PNGs (git diff --stat
# tests/draw/visual/ref, or open them) before committing them.
: "${top_srcdir:?run me through make visual-refresh (top_srcdir is not set)}"
: "${top_builddir:?run me through make visual-refresh (top_builddir is not set)}"
: "${SSC_REPORT:=$top_builddir/ssc-report}"
export top_srcdir top_builddir SSC_REPORT

# the environment make check gives the tests (tests/local.mk)
LC_ALL=C.UTF-8
export LC_ALL
SSC_VISUAL_REFRESH=yes
export SSC_VISUAL_REFRESH

if [ ! -w "$top_srcdir/tests/draw/visual/ref" ] && [ ! -w "$top_srcdir/tests/draw/visual" ]; then
    echo "visual-refresh: $top_srcdir/tests/draw/visual/ref is not writable" >&2
    exit 1
fi
/bin/sh "$top_srcdir/tests/draw/visual-pages.sh"
status=$?
if [ "$status" -eq 0 ]; then
    echo "visual-refresh: references written to $top_srcdir/tests/draw/visual/ref"
    echo "visual-refresh: review them, then commit them with the change that moved them"
else
    echo "visual-refresh: failed (exit $status); the references may be partly written" >&2
fi
exit "$status"

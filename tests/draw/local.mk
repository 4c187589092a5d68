# SPDX-License-Identifier: MIT
# tests/draw/: drawing (engine/draw/), and the tests that read the finished
# PDFs back.  The shell tests need poppler-utils (pdftoppm, pdfinfo,
# pdftotext, pdffonts) and qpdf, and skip without them.
#   test-draw-basics   axes, number formats, the theme's colours, text
#                      layout and the canvas verbs
#   test-chart         the chart kinds, drawn on image and PDF surfaces
#   test-text-cache    measurements kept between the passes equal Pango's own
#   test-fonts         the lean font map lays texts out as Pango's default map
#   test-table-layout  a table over pages: whole rows, the header on each,
#                      the height used, wrapped cells never cut
#   test-summary       the sentence under a chart, on tables written by hand
#   test-stacked-years a stacked table keyed by years drawn as columns, as
#                      tall as their stacks; other keys stay bars
#   test-axis-units    a money axis: its unit once in a title, ticks in it
#   visual-pages.sh    renders tests/draw/visual/report.cfg (en and zh),
#                      rasterises chosen pages at 60 dpi and compares them
#                      with the PNGs in tests/draw/visual/ref/ (see
#                      tests/draw/visual/README.md)
#   pdf-structure.sh   both editions of the bundled report: qpdf --check,
#                      outline, structure tree, contents links, fonts, text,
#                      metadata, byte-identical renders under SOURCE_DATE_EPOCH
#   charts-out.sh      render --charts DIR: a 150 dpi PNG and an SVG per chart
#   e2e-rtl.sh         right-to-left titles; a character no font has is refused
#   chart-keys.sh      a chart of the wrong keys (regions on an SDG grid) is
#                      refused by render and by check alike
#   fonts-fallback.sh  a minus sign in an English report comes from DejaVu
#                      Sans, and the CJK face is not embedded; a Thai title
#                      falls back to every installed font
#   fonts-heading.sh   fonts.heading sets the titles, and nothing else
#
# After an intended change to the drawing, refresh the references with
#   make visual-refresh
# and review the changed PNGs (git diff --stat tests/draw/visual/ref)
# before committing them.
check_PROGRAMS += tests/draw/test-draw-basics tests/draw/test-chart tests/draw/test-table-layout \
	tests/draw/test-text-cache
TESTS += tests/draw/test-draw-basics tests/draw/test-chart tests/draw/test-table-layout \
	tests/draw/test-text-cache
tests_draw_test_draw_basics_SOURCES = tests/draw/test-draw-basics.c tests/draw/probe.h tests/check.h
tests_draw_test_draw_basics_LDADD = $(SSC_TEST_LIBS)
tests_draw_test_chart_SOURCES = tests/draw/test-chart.c tests/draw/chart-tables.h tests/draw/probe.h \
	tests/check.h
tests_draw_test_chart_LDADD = $(SSC_TEST_LIBS)
tests_draw_test_text_cache_SOURCES = tests/draw/test-text-cache.c tests/check.h
tests_draw_test_text_cache_LDADD = $(SSC_TEST_LIBS)
check_PROGRAMS += tests/draw/test-fonts
TESTS += tests/draw/test-fonts
tests_draw_test_fonts_SOURCES = tests/draw/test-fonts.c tests/check.h
tests_draw_test_fonts_LDADD = $(SSC_TEST_LIBS)
tests_draw_test_table_layout_SOURCES = tests/draw/test-table-layout.c tests/draw/probe.h \
	tests/check.h
tests_draw_test_table_layout_LDADD = $(SSC_TEST_LIBS)
check_PROGRAMS += tests/draw/test-stacked-years
TESTS += tests/draw/test-stacked-years
tests_draw_test_stacked_years_SOURCES = tests/draw/test-stacked-years.c tests/draw/probe.h \
	tests/check.h
tests_draw_test_stacked_years_LDADD = $(SSC_TEST_LIBS)
check_PROGRAMS += tests/draw/test-axis-units
TESTS += tests/draw/test-axis-units
tests_draw_test_axis_units_SOURCES = tests/draw/test-axis-units.c tests/draw/probe.h \
	tests/check.h
tests_draw_test_axis_units_LDADD = $(SSC_TEST_LIBS)
check_PROGRAMS += tests/draw/test-summary
TESTS += tests/draw/test-summary
tests_draw_test_summary_SOURCES = tests/draw/test-summary.c tests/check.h
tests_draw_test_summary_LDADD = $(SSC_TEST_LIBS)

DRAW_TESTS = \
	tests/draw/visual-pages.sh \
	tests/draw/pdf-structure.sh \
	tests/draw/charts-out.sh \
	tests/draw/e2e-rtl.sh \
	tests/draw/fonts-fallback.sh \
	tests/draw/fonts-heading.sh \
	tests/draw/chart-keys.sh
TESTS += $(DRAW_TESTS)
dist_check_SCRIPTS += $(DRAW_TESTS)
# (a script named tests/draw/visual.sh would let make build
# "tests/draw/visual" from it with its built-in %: %.sh rule, hiding this
# folder from the tarball)
EXTRA_DIST += tests/draw/visual tests/draw/visual-refresh.sh

# The pixel comparer, cairo only.
check_PROGRAMS += tests/draw/pngdiff
tests_draw_pngdiff_SOURCES = tests/draw/pngdiff.c
tests_draw_pngdiff_LDADD = $(CAIRO_LIBS)

# The one command that refreshes the references: the same renders as
# tests/draw/visual-pages.sh, copied into the source tree's
# tests/draw/visual/ref/.
.PHONY: visual-refresh
visual-refresh:
	$(MAKE) $(AM_MAKEFLAGS) all tests/draw/pngdiff$(EXEEXT)
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	SSC_REPORT='$(abs_top_builddir)/ssc-report' \
	$(SHELL) $(srcdir)/tests/draw/visual-refresh.sh

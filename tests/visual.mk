# tests/visual.mk: the visual regression test and the tests that read the
# finished PDFs back (outline, links, fonts, text, metadata, reproducible
# bytes) and the slide charts.  They need poppler-utils (pdftoppm, pdfinfo,
# pdftotext, pdffonts) and qpdf, and skip without them.
#   visual-pages.sh         renders tests/visual/report.cfg (en and zh), rasterises
#                     chosen pages at 60 dpi and compares them with the PNGs in
#                     tests/visual/ref/ (see tests/visual/README.md)
#   pdf-structure.sh  both editions of the bundled report: qpdf --check,
#                     outline, structure tree, contents links, fonts, text,
#                     metadata, byte-identical renders under SOURCE_DATE_EPOCH
#   charts-out.sh     render --charts DIR: a 150 dpi PNG and an SVG per chart
#
# After an intended change to the drawing, refresh the references with
#   make visual-refresh
# and review the changed PNGs (git diff --stat tests/visual/ref) before
# committing them.
VISUAL_TESTS = \
	tests/visual-pages.sh \
	tests/pdf-structure.sh \
	tests/charts-out.sh
TESTS += $(VISUAL_TESTS)
dist_check_SCRIPTS += $(VISUAL_TESTS)
# (a script named tests/visual.sh would let make build "tests/visual" from it
# with its built-in %: %.sh rule, hiding this folder from the tarball)
EXTRA_DIST += tests/visual tests/visual-refresh.sh

# The pixel comparer, cairo only.
check_PROGRAMS += tests/pngdiff
tests_pngdiff_SOURCES = tests/pngdiff.c
tests_pngdiff_LDADD = $(CAIRO_LIBS)

# The one command that refreshes the references: the same renders as
# tests/visual-pages.sh, copied into the source tree's tests/visual/ref/.
.PHONY: visual-refresh
visual-refresh:
	$(MAKE) $(AM_MAKEFLAGS) all tests/pngdiff$(EXEEXT)
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	SSC_REPORT='$(abs_top_builddir)/ssc-report' \
	$(SHELL) $(srcdir)/tests/visual-refresh.sh

# SPDX-License-Identifier: MIT
# tests/: run by `make check` through automake's parallel harness.  The
# folders follow the engine's parts: data/, report/, draw/, schedule/,
# plugins/ (the plugin contract and the bundled plugins), e2e/ (the
# command end to end) and docs/ (man pages and completion against the
# command).  tests/layout.sh checks the include directions
# of docs/architecture.md.
TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	SSC_REPORT='$(abs_top_builddir)/ssc-report'; export SSC_REPORT; \
	LC_ALL=C.UTF-8; export LC_ALL; \
	CC='$(CC)'; export CC;
# Unit tests link the whole engine; -export-dynamic (AM_LDFLAGS) lets the
# plugins they load bind to it, as they do in the command.
SSC_TEST_LIBS = engine/libsscengine.la $(CAIRO_LIBS) $(PANGO_LIBS) $(LIBCONFIG_LIBS)
EXTRA_DIST += tests/check.h tests/lib.sh

# The layout rules of docs/architecture.md (includes one way, plugins see
# only plugin.h, files under 700 lines, no call cycles between files).
TESTS += tests/layout.sh
dist_check_SCRIPTS += tests/layout.sh tests/layout-check.sh

include tests/data/local.mk
include tests/report/local.mk
include tests/draw/local.mk
include tests/schedule/local.mk
include tests/plugins/local.mk
include tests/e2e/local.mk
include tests/docs/local.mk
include tests/fuzz/local.mk
include tests/sanitize/local.mk

# make installcheck (run by make distcheck): the installed command and an
# out-of-tree plugin built with pkg-config.
EXTRA_DIST += tests/installcheck.sh
installcheck-local:
	CC='$(CC)' $(SHELL) $(srcdir)/tests/installcheck.sh '$(bindir)' '$(libdir)/pkgconfig'

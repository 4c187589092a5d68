# SPDX-License-Identifier: MIT
# make check-sanitize: the whole suite again in a build folder of its own
# (sanitize-build/), compiled with AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer, then the tests that start threads in
# tsan-build/ under ThreadSanitizer; `sh build.sh test` (and so CI) runs it
# after make check.  Leaks in third-party libraries are suppressed by lsan.supp,
# each entry with its reason; ours fail the suite.  See docs/fuzzing.md.
EXTRA_DIST += tests/sanitize/check-sanitize.sh tests/sanitize/lsan.supp \
	tests/sanitize/detect.sh
# The compiler of this build (gcc on a fresh Debian, whose sanitizer
# runtimes come with it; clang needs no more than SANITIZE_CC=clang).
SANITIZE_CC = $(CC)
check-sanitize:
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	SANITIZE_CC='$(SANITIZE_CC)' $(SHELL) $(srcdir)/tests/sanitize/check-sanitize.sh
.PHONY: check-sanitize

# SPDX-License-Identifier: MIT
# tests/e2e/: the built command end to end ($SSC_REPORT, see
# tests/local.mk), in POSIX shell on tests/lib.sh.  They need poppler-utils
# (pdfinfo, pdftotext, pdffonts) and qpdf, and skip without them.
#   e2e-render.sh       the bundled report: pages, fonts, titles, numbers; zh
#   e2e-dataout.sh      --data-out against counts computed from the test's input
#   e2e-errors.sh       bad input, exit statuses, atomic output, the command line
#   e2e-docs.sh         docs/report-format.md: every key documented, its
#                       example renders
#   valgrind-render.sh  a render of every drawing under valgrind: no memory errors
#   e2e-period.sh       the reporting period and year-in-review against counts
#                       computed from a generated portfolio
#   e2e-cli.sh          -o -, the output's extension, check's default report,
#                       help COMMAND / COMMAND --help, init DIR
#   e2e-kill.sh         SIGKILL at random moments of renders: previous PDF
#                       whole, new one complete or absent, litter swept
#   e2e-hostile.sh      issue 15's hostile inputs: FIFO, /dev/zero, a 2 GB sparse
#                       file, bad UTF-8, newlines, corrupt SQLite, deep nesting,
#                       100,000 sections, the IATI crashers, an external entity,
#                       a query that never ends; each a clean error in bounds
#   e2e-names.sh        UN country names in both editions, the map's Palestine
#                       tile and disclaimer, no English in the Chinese edition
#   e2e-ungroupings.sh  un-groupings: LDC/LLDC/SIDS projects and budget against
#                       the UN M49 flags and a generated portfolio
#   e2e-reach.sh        beneficiaries and partnership against awk counts
#   e2e-highlights.sh   the highlights page read back with pdftotext
#   e2e-story.sh        spotlight and institutions against awk counts; a
#                       story's text whole in the PDF
#   e2e-progress.sh     --quiet, --verbose, the progress line on a terminal
#                       (script) and never in a file or pipe
#   e2e-longtable.sh    a table of many pages: every title whole, no ellipsis,
#                       "(continued)" pages, byte-identical renders
#   e2e-tables.sh       tables: the project note's grouped counts, appendix tables
#                       side by side and complete, whole Chinese headings
#   e2e-summaries.sh    the sentence under every chart against counts the test
#                       makes from portfolios it writes and the bundled one
#   e2e-whole.sh        no text cut short in either bundled edition; the
#                       render's warning when a chart must cut one
#   e2e-sentences.sh    the sentences plugins write themselves (gender trend,
#                       partnership) against awk counts, both editions
#   e2e-threads.sh      a CSV of several blocks read on one thread and on two:
#                       the same projects, problems, data-out and PDF bytes
E2E_TESTS = \
	tests/e2e/e2e-render.sh \
	tests/e2e/e2e-dataout.sh \
	tests/e2e/e2e-errors.sh \
	tests/e2e/e2e-docs.sh \
	tests/e2e/valgrind-render.sh \
	tests/e2e/e2e-cli.sh \
	tests/e2e/e2e-period.sh \
	tests/e2e/e2e-kill.sh \
	tests/e2e/e2e-hostile.sh \
	tests/e2e/e2e-names.sh \
	tests/e2e/e2e-ungroupings.sh \
	tests/e2e/e2e-reach.sh \
	tests/e2e/e2e-highlights.sh \
	tests/e2e/e2e-story.sh \
	tests/e2e/e2e-progress.sh \
	tests/e2e/e2e-longtable.sh \
	tests/e2e/e2e-summaries.sh \
	tests/e2e/e2e-tables.sh \
	tests/e2e/e2e-whole.sh \
	tests/e2e/e2e-sentences.sh \
	tests/e2e/e2e-threads.sh
TESTS += $(E2E_TESTS)
dist_check_SCRIPTS += $(E2E_TESTS)

# SPDX-License-Identifier: MIT
# docs/: shipped with the sources, and installed in $(docdir) (with the
# README), where the man pages, the bundled reports and the engine
# settings point.  The man pages are in docs/man/.
dist_doc_DATA = README.md docs/architecture.md docs/plugin-guide.md \
	docs/report-format.md docs/portfolio-csv.md docs/scheduling.md \
	docs/fuzzing.md docs/sqlite.md docs/iati.md
EXTRA_DIST += docs/annual-meeting.png

include docs/man/local.mk

# docs/: shipped with the sources.
EXTRA_DIST += docs/architecture.md docs/plugin-guide.md docs/report-format.md \
	docs/portfolio-csv.md docs/annual-meeting.png docs/scheduling.md \
	docs/fuzzing.md docs/sqlite.md

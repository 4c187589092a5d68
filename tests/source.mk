# tests/source.mk: data sources behind plugin.h's source interface.
#   test-source     the interface (engine/source.c, engine/rowcheck.c) with a
#                   fake source: the CSV rules and messages, regions given
#                   instead of countries, labels, currency rates, misuse
#   e2e-sqlite.sh   the sqlite source: one portfolio as CSV and as SQLite
#                   gives identical data-out; queries, read-only, errors
check_PROGRAMS += tests/test-source
TESTS += tests/test-source tests/e2e-sqlite.sh
dist_check_SCRIPTS += tests/e2e-sqlite.sh
tests_test_source_SOURCES = tests/test-source.c tests/check.h
tests_test_source_LDADD = $(SSC_TEST_LIBS)

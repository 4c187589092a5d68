# tests/csv.mk: the CSV reader and the portfolio CSV source (test-csv), and
# the CSV fuzz target replaying its seed corpus (see docs/fuzzing.md).
check_PROGRAMS += tests/test-csv tests/fuzz-csv
TESTS += tests/test-csv tests/fuzz-csv.sh
tests_test_csv_SOURCES = tests/test-csv.c
tests_test_csv_LDADD = $(SSC_TEST_LIBS)
tests_fuzz_csv_SOURCES = tests/fuzz-csv.c
tests_fuzz_csv_LDADD = $(SSC_TEST_LIBS)
dist_check_SCRIPTS += tests/fuzz-csv.sh
# docs/fuzzing.md documents only this target, so it is shipped from here.
EXTRA_DIST += tests/fuzz/csv

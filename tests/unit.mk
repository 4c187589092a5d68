# tests/unit.mk: unit tests of the engine library.
# test-report: report definitions (engine/report.c, engine/report_set.c):
# values read back, every schema and value error with its file and line,
# libconfig syntax errors, and --set overrides.
check_PROGRAMS += tests/test-report
TESTS += tests/test-report
tests_test_report_SOURCES = tests/test-report.c tests/check.h
tests_test_report_LDADD = $(SSC_TEST_LIBS)

check_PROGRAMS += tests/test-store
TESTS += tests/test-store
tests_test_store_SOURCES = tests/test-store.c
tests_test_store_LDADD = $(SSC_TEST_LIBS)

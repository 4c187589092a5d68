# SPDX-License-Identifier: MIT
# tests/report/: the report model (engine/report/).
#   test-report   report definitions: values read back, every schema and
#                 value error with its file and line, libconfig syntax
#                 errors, and --set overrides
check_PROGRAMS += tests/report/test-report
TESTS += tests/report/test-report
tests_report_test_report_SOURCES = tests/report/test-report.c tests/check.h
tests_report_test_report_LDADD = $(SSC_TEST_LIBS)

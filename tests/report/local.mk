# SPDX-License-Identifier: MIT
# tests/report/: the report model (engine/report/).
#   test-report   report definitions: values read back, every schema and
#                 value error with its file and line, libconfig syntax
#                 errors, and --set overrides
#   test-table    rows found by the key's address (ssc_table_row_interned)
#                 after adds, a sort and a cut
#   test-period   where a date falls in a period (days, months and years
#                 alone, dates that are no day of the calendar), the
#                 period before one
check_PROGRAMS += tests/report/test-report tests/report/test-table tests/report/test-period
TESTS += tests/report/test-report tests/report/test-table tests/report/test-period
tests_report_test_report_SOURCES = tests/report/test-report.c tests/check.h
tests_report_test_report_LDADD = $(SSC_TEST_LIBS)
tests_report_test_table_SOURCES = tests/report/test-table.c tests/check.h
tests_report_test_table_LDADD = $(SSC_TEST_LIBS)
tests_report_test_period_SOURCES = tests/report/test-period.c tests/check.h
tests_report_test_period_LDADD = $(SSC_TEST_LIBS)

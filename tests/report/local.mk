# SPDX-License-Identifier: MIT
# tests/report/: the report model (engine/report/).
#   test-report   report definitions: values read back, every schema and
#                 value error with its file and line, libconfig syntax
#                 errors, and --set overrides
#   test-table    rows found by the key's address (ssc_table_row_interned)
#                 after adds, a sort and a cut
check_PROGRAMS += tests/report/test-report tests/report/test-table
TESTS += tests/report/test-report tests/report/test-table
tests_report_test_report_SOURCES = tests/report/test-report.c tests/check.h
tests_report_test_report_LDADD = $(SSC_TEST_LIBS)
tests_report_test_table_SOURCES = tests/report/test-table.c tests/check.h
tests_report_test_table_LDADD = $(SSC_TEST_LIBS)

# tests/chart.mk: axes, number formats, text layout, canvas verbs and the
# engine's chart kinds (drawn on image and PDF surfaces).
check_PROGRAMS += tests/test-chart
TESTS += tests/test-chart
tests_test_chart_SOURCES = tests/test-chart.c
tests_test_chart_LDADD = $(SSC_TEST_LIBS)

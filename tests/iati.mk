# tests/iati.mk: the iati source plugin.
#   test-iati        the mapping rules (docs/iati.md) on XML the test writes,
#                    the official IATI example and malformed files; it links
#                    plugins/iati*.c with fake ssc_source_* accessors, so it
#                    tests the plugin alone
#   iati-memory.sh   a generated 20 MB file read in bounded memory
#   e2e-iati.sh      the real command: IATI 2.03 and 1.05 against the same
#                    portfolio as CSV (identical --data-out), regions,
#                    labels, language, warnings, errors, the official example
check_PROGRAMS += tests/test-iati
TESTS += tests/test-iati tests/iati-memory.sh tests/e2e-iati.sh
dist_check_SCRIPTS += tests/iati-memory.sh tests/e2e-iati.sh
tests_test_iati_SOURCES = tests/test-iati.c tests/check.h \
	plugins/iati.c plugins/iati-activity.c plugins/iati-row.c plugins/iati-map.c plugins/iati-internal.h
nodist_tests_test_iati_SOURCES = plugins/iati-tables.h
tests_test_iati_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_builddir)/plugins $(LIBXML_CFLAGS)
tests_test_iati_LDADD = $(LIBXML_LIBS)
EXTRA_DIST += \
	tests/data/iati/README.md \
	tests/data/iati/activity-standard-example-annotated.xml \
	tests/data/iati/gen-activities.awk \
	bench/iati-memory.sh

# tests/refdata.mk: the reference tables compiled into the engine (country
# lookups, regions and their labels, SDGs).
check_PROGRAMS += tests/test-refdata
TESTS += tests/test-refdata
tests_test_refdata_SOURCES = tests/test-refdata.c
tests_test_refdata_LDADD = $(SSC_TEST_LIBS)

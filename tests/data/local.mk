# SPDX-License-Identifier: MIT
# tests/data/: the data part (engine/data/).
#   test-csv-reader the CSV record reader: fields, quotes, line ends, growth,
#                  separators
#   test-csv       the portfolio CSV source: the header, the row rules and
#                  their messages
#   test-csv-files the CSV source on files as people have them: separators,
#                  encodings, spreadsheets and archives, header hints
#   test-store     the columnar store
#   test-hash      the string tables' hash and equality, against their
#                  definitions
#   test-refdata   the reference tables compiled into the engine (country
#                  lookups, regions and their labels, SDGs)
#   test-source    the source interface (engine/data/source.c, rowcheck.c)
#                  with a fake source (fake-source.h): the CSV rules and
#                  messages, regions given instead of countries, currency
#                  rates, misuse
#   test-source-labels  the same fake: labels, start_date declared optional
#                  (ABI 1.2) or not, and the year filters on projects
#                  without a start year
#   (the CSV fuzz target lives with the others in tests/fuzz/)
#   e2e-csv-real.sh  the sample exported as spreadsheets do (';', tab,
#                  GB18030, Windows-1252, UTF-16), spreadsheets and archives
#                  refused, --data - (standard input)
check_PROGRAMS += tests/data/test-csv-reader tests/data/test-csv tests/data/test-csv-files tests/data/test-csv-blocks tests/data/test-store tests/data/test-hash tests/data/test-refdata \
	tests/data/test-source tests/data/test-source-labels
TESTS += tests/data/test-csv-reader tests/data/test-csv tests/data/test-csv-files tests/data/test-csv-blocks tests/data/test-store tests/data/test-hash tests/data/test-refdata \
	tests/data/test-source tests/data/test-source-labels
tests_data_test_csv_reader_SOURCES = tests/data/test-csv-reader.c tests/data/csv-load.h tests/check.h
tests_data_test_csv_reader_LDADD = $(SSC_TEST_LIBS)
tests_data_test_csv_SOURCES = tests/data/test-csv.c tests/data/csv-load.h tests/check.h
tests_data_test_csv_LDADD = $(SSC_TEST_LIBS)
tests_data_test_csv_files_SOURCES = tests/data/test-csv-files.c tests/data/csv-load.h tests/check.h
tests_data_test_csv_files_LDADD = $(SSC_TEST_LIBS)
tests_data_test_csv_blocks_SOURCES = tests/data/test-csv-blocks.c tests/check.h
tests_data_test_csv_blocks_LDADD = $(SSC_TEST_LIBS)
# the store refusing a row on demand (test_loader_refused), and the
# threads a load starts counted
tests_data_test_csv_blocks_LDFLAGS = -Wl,--wrap=ssc_store_append -Wl,--wrap=pthread_create
tests_data_test_store_SOURCES = tests/data/test-store.c tests/check.h
tests_data_test_store_LDADD = $(SSC_TEST_LIBS)
tests_data_test_hash_SOURCES = tests/data/test-hash.c tests/check.h
tests_data_test_hash_LDADD = $(SSC_TEST_LIBS)
tests_data_test_refdata_SOURCES = tests/data/test-refdata.c tests/check.h
tests_data_test_refdata_LDADD = $(SSC_TEST_LIBS)
tests_data_test_source_SOURCES = tests/data/test-source.c tests/data/fake-source.h tests/data/csv-load.h \
	tests/check.h
tests_data_test_source_LDADD = $(SSC_TEST_LIBS)
tests_data_test_source_labels_SOURCES = tests/data/test-source-labels.c tests/data/fake-source.h \
	tests/data/csv-load.h tests/check.h
tests_data_test_source_labels_LDADD = $(SSC_TEST_LIBS)
dist_check_SCRIPTS += tests/data/e2e-csv-real.sh
TESTS += tests/data/e2e-csv-real.sh

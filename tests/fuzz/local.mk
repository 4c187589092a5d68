# SPDX-License-Identifier: MIT
# tests/fuzz/: a fuzz target for every parser of outside input (see
# docs/fuzzing.md).  Each fuzz-TARGET.c defines LLVMFuzzerTestOneInput;
# `make check` links it with replay.c's plain main and replays the seed
# corpus tests/fuzz/TARGET/ through it (fuzz-TARGET.sh), so that a
# finding, once fixed and added there, stays fixed; `make fuzz` builds
# every target under libFuzzer with ASan and UBSan in a build folder of
# its own (fuzz-build/) and runs each for FUZZ_SECONDS (run.sh).
#   csv       the CSV reader and the portfolio CSV source
#   report    report files, through ssc_report_load
#   settings  the engine settings file, through both of its loaders
#   set       --set KEY=VALUE over a valid report
#   options   section options, checked and read by the bundled plugins
#   cron      cron expressions, with their next and previous times
#   isotime   ISO 8601 times (schedule --now)
#   iati      the iati source plugin, driven as the engine drives it
#   sqlite    the sqlite source plugin's result rows
FUZZ_TARGETS = csv report settings set options cron isotime iati sqlite
FUZZ_BINS = tests/fuzz/fuzz-csv tests/fuzz/fuzz-report tests/fuzz/fuzz-settings \
	tests/fuzz/fuzz-set tests/fuzz/fuzz-options tests/fuzz/fuzz-cron tests/fuzz/fuzz-isotime \
	tests/fuzz/fuzz-iati tests/fuzz/fuzz-sqlite
check_PROGRAMS += $(FUZZ_BINS)
FUZZ_REPLAYS = tests/fuzz/fuzz-csv.sh tests/fuzz/fuzz-report.sh tests/fuzz/fuzz-settings.sh \
	tests/fuzz/fuzz-set.sh tests/fuzz/fuzz-options.sh tests/fuzz/fuzz-cron.sh \
	tests/fuzz/fuzz-isotime.sh tests/fuzz/fuzz-iati.sh tests/fuzz/fuzz-sqlite.sh
TESTS += $(FUZZ_REPLAYS)
dist_check_SCRIPTS += $(FUZZ_REPLAYS) tests/fuzz/replay.sh
EXTRA_DIST += tests/fuzz/run.sh tests/fuzz/csv tests/fuzz/report tests/fuzz/settings \
	tests/fuzz/set tests/fuzz/options tests/fuzz/cron tests/fuzz/isotime tests/fuzz/iati \
	tests/fuzz/sqlite

# make fuzz passes FUZZ_LINK=-fsanitize=fuzzer (and builds replay.c
# empty), so the same rules link the libFuzzer programs.
FUZZ_LINK =
FUZZ_COMMON = tests/fuzz/fuzz.h tests/fuzz/fuzz-util.c tests/fuzz/replay.c

tests_fuzz_fuzz_csv_SOURCES = tests/fuzz/fuzz-csv.c $(FUZZ_COMMON)
tests_fuzz_fuzz_csv_LDADD = $(SSC_TEST_LIBS)
tests_fuzz_fuzz_csv_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
tests_fuzz_fuzz_report_SOURCES = tests/fuzz/fuzz-report.c tests/fuzz/fuzz-report-load.c \
	$(FUZZ_COMMON)
tests_fuzz_fuzz_report_LDADD = $(SSC_TEST_LIBS)
tests_fuzz_fuzz_report_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
tests_fuzz_fuzz_settings_SOURCES = tests/fuzz/fuzz-settings.c $(FUZZ_COMMON)
tests_fuzz_fuzz_settings_LDADD = $(SSC_TEST_LIBS)
tests_fuzz_fuzz_settings_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
tests_fuzz_fuzz_set_SOURCES = tests/fuzz/fuzz-set.c tests/fuzz/fuzz-report-load.c \
	$(FUZZ_COMMON)
tests_fuzz_fuzz_set_LDADD = $(SSC_TEST_LIBS)
tests_fuzz_fuzz_set_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
tests_fuzz_fuzz_cron_SOURCES = tests/fuzz/fuzz-cron.c $(FUZZ_COMMON)
tests_fuzz_fuzz_cron_LDADD = $(SSC_TEST_LIBS)
tests_fuzz_fuzz_cron_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
tests_fuzz_fuzz_isotime_SOURCES = tests/fuzz/fuzz-isotime.c $(FUZZ_COMMON)
tests_fuzz_fuzz_isotime_LDADD = $(SSC_TEST_LIBS)
tests_fuzz_fuzz_isotime_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)

# The plugins are compiled into their targets (their descriptors have
# names of their own, NAME_LTX_ssc_plugin); flags of their own keep these
# objects apart from the modules'.
tests_fuzz_fuzz_options_SOURCES = tests/fuzz/fuzz-options.c tests/fuzz/fuzz-report-load.c \
	$(FUZZ_COMMON) \
	plugins/metrics/by-country.c plugins/metrics/by-institution.c \
	plugins/metrics/by-region.c plugins/metrics/by-sdg.c plugins/metrics/by-sector.c \
	plugins/metrics/by-status.c plugins/metrics/funding.c plugins/metrics/gender.c \
	plugins/metrics/kpi.c plugins/metrics/narrative.c plugins/metrics/project-table.c \
	plugins/metrics/timeline.c
tests_fuzz_fuzz_options_CPPFLAGS = $(AM_CPPFLAGS)
tests_fuzz_fuzz_options_LDADD = $(SSC_TEST_LIBS)
tests_fuzz_fuzz_options_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
tests_fuzz_fuzz_iati_SOURCES = tests/fuzz/fuzz-iati.c tests/fuzz/fuzz-source-read.c \
	$(FUZZ_COMMON) $(plugins_iati_la_SOURCES)
nodist_tests_fuzz_fuzz_iati_SOURCES = plugins/sources/iati/iati-tables.h
tests_fuzz_fuzz_iati_CPPFLAGS = $(plugins_iati_la_CPPFLAGS)
tests_fuzz_fuzz_iati_LDADD = $(SSC_TEST_LIBS) $(LIBXML_LIBS)
tests_fuzz_fuzz_iati_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)
$(tests_fuzz_fuzz_iati_OBJECTS): plugins/sources/iati/iati-tables.h
tests_fuzz_fuzz_sqlite_SOURCES = tests/fuzz/fuzz-sqlite.c tests/fuzz/fuzz-source-read.c \
	$(FUZZ_COMMON) $(plugins_sqlite_la_SOURCES)
tests_fuzz_fuzz_sqlite_CPPFLAGS = $(plugins_sqlite_la_CPPFLAGS)
tests_fuzz_fuzz_sqlite_LDADD = $(SSC_TEST_LIBS) $(SQLITE3_LIBS) -lm
tests_fuzz_fuzz_sqlite_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LINK)

# make fuzz FUZZ_SECONDS=N [FUZZ_RUNS=N FUZZ_LEAKS=0 FUZZ_RUN="cron iati"]:
# see docs/fuzzing.md.
FUZZ_SECONDS = 60
FUZZ_RUN = $(FUZZ_TARGETS)
FUZZ_CC = clang
FUZZ_RUNS = -1
FUZZ_LEAKS = 1
fuzz:
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	FUZZ_CC='$(FUZZ_CC)' FUZZ_SECONDS='$(FUZZ_SECONDS)' FUZZ_RUNS='$(FUZZ_RUNS)' FUZZ_LEAKS='$(FUZZ_LEAKS)' FUZZ_RUN='$(FUZZ_RUN)' \
	FUZZ_BUILT='$(BUILT_SOURCES)' $(SHELL) $(srcdir)/tests/fuzz/run.sh
.PHONY: fuzz

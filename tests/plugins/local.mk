# SPDX-License-Identifier: MIT
# tests/plugins/: the plugin contract and the bundled plugins.
#   test-contract      loading real modules (tests/plugins/modules/): good,
#                      wrong ABI, newer minor, no descriptor, name mismatch,
#                      missing hook, failing compute, an undefined symbol
#   exports.sh         libsscreport exports exactly plugin.h's functions; a
#                      misspelt call fails at link time with the .pc's flags
#   contract-cli.sh    the same through the command
#   contract-header.sh plugin.h alone as C99 -pedantic -Werror and as C++
#   faults.sh          render with a plugin that crashes, hangs, exits or
#                      floods its table (modules/hostile/): one line naming
#                      the section and plugin, exit 3, the previous PDF
#                      untouched; good plugins' output byte-identical
#   trust.sh           only the modules a report names are loaded (a marker
#                      module's constructor proves it), relative and
#                      world-writable plugin folders and modules refused
#   notes-numbers.sh   counts in the plugins' sentences with thousands
#                      separators (1,200 projects), both editions
#   e2e-plugins.sh     by-country, by-institution, by-status, funding, gender
#                      and narrative: --data-out against values computed
#                      from the test's own portfolio; the narrative's text
#   test-iati          the iati mapping rules (docs/iati.md) on XML the test
#                      writes and the official IATI example (tests/plugins/iati/);
#                      it links the plugin's files with fake ssc_source_*
#                      accessors (iati-fake.c), so it tests the plugin alone
#   test-iati-fallbacks  the same for the fallbacks (no identifier, title,
#                      dates or status) in both forms, and grouped warnings
#   test-iati-sniff    the same on malformed and hostile files: broken XML,
#                      entities, heads that crashed libxml2, limits, encodings
#   iati-memory.sh     a generated 20 MB file read in bounded memory
#   e2e-iati.sh        the real command: IATI 2.03 and 1.05 against the same
#                      portfolio as CSV (identical --data-out), regions,
#                      labels, language, warnings, errors, the official
#                      example, and the fallbacks in both forms
#   e2e-sqlite.sh      the sqlite source: one portfolio as CSV and as SQLite
#                      gives identical data-out; queries, read-only, errors

# Deliberately broken modules are noinst libtool modules (-rpath makes
# libtool build them shared; a check_LTLIBRARIES module would be static only).
TEST_PLUGIN_LDFLAGS = -module -avoid-version -no-undefined -shared -rpath /nowhere
TEST_PLUGIN_LIBADD = engine/libsscreport.la

noinst_LTLIBRARIES += \
	tests/plugins/modules/good.la \
	tests/plugins/modules/wrong-abi.la \
	tests/plugins/modules/newer-minor.la \
	tests/plugins/modules/no-descriptor.la \
	tests/plugins/modules/name-mismatch.la \
	tests/plugins/modules/missing-hook.la \
	tests/plugins/modules/failing.la \
	tests/plugins/modules/undefined-symbol.la
tests_plugins_modules_good_la_SOURCES = tests/plugins/modules/good.c
tests_plugins_modules_good_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_good_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_modules_wrong_abi_la_SOURCES = tests/plugins/modules/wrong-abi.c
tests_plugins_modules_wrong_abi_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_wrong_abi_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_modules_newer_minor_la_SOURCES = tests/plugins/modules/newer-minor.c
tests_plugins_modules_newer_minor_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_newer_minor_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_modules_no_descriptor_la_SOURCES = tests/plugins/modules/no-descriptor.c
tests_plugins_modules_no_descriptor_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_name_mismatch_la_SOURCES = tests/plugins/modules/name-mismatch.c
tests_plugins_modules_name_mismatch_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_name_mismatch_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_modules_missing_hook_la_SOURCES = tests/plugins/modules/missing-hook.c
tests_plugins_modules_missing_hook_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_missing_hook_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_modules_failing_la_SOURCES = tests/plugins/modules/failing.c
tests_plugins_modules_failing_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_failing_la_LIBADD = $(TEST_PLUGIN_LIBADD)
# linked as a careless out-of-tree build would be: undefined symbols allowed
tests_plugins_modules_undefined_symbol_la_SOURCES = tests/plugins/modules/undefined-symbol.c
tests_plugins_modules_undefined_symbol_la_LDFLAGS = -module -avoid-version -shared -rpath /nowhere
tests_plugins_modules_undefined_symbol_la_LIBADD = $(TEST_PLUGIN_LIBADD)

# Hostile modules, in a folder of their own so that the contract's counts
# above stay theirs: a plugin that crashes, hangs, exits, floods its
# table, and one whose constructor leaves a marker file.
noinst_LTLIBRARIES += \
	tests/plugins/modules/hostile/crashing.la \
	tests/plugins/modules/hostile/hanging.la \
	tests/plugins/modules/hostile/exiting.la \
	tests/plugins/modules/hostile/flooding.la \
	tests/plugins/modules/hostile/marker.la
tests_plugins_modules_hostile_crashing_la_SOURCES = tests/plugins/modules/hostile/crashing.c
tests_plugins_modules_hostile_crashing_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_hostile_crashing_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_modules_hostile_hanging_la_SOURCES = tests/plugins/modules/hostile/hanging.c
tests_plugins_modules_hostile_hanging_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_hostile_hanging_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_modules_hostile_exiting_la_SOURCES = tests/plugins/modules/hostile/exiting.c
tests_plugins_modules_hostile_exiting_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_hostile_exiting_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_modules_hostile_flooding_la_SOURCES = tests/plugins/modules/hostile/flooding.c
tests_plugins_modules_hostile_flooding_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_hostile_flooding_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_modules_hostile_marker_la_SOURCES = tests/plugins/modules/hostile/marker.c
tests_plugins_modules_hostile_marker_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_modules_hostile_marker_la_LIBADD = $(TEST_PLUGIN_LIBADD)

check_PROGRAMS += tests/plugins/test-contract
TESTS += tests/plugins/test-contract tests/plugins/contract-cli.sh \
	tests/plugins/contract-header.sh tests/plugins/exports.sh \
	tests/plugins/faults.sh tests/plugins/trust.sh
tests_plugins_test_contract_SOURCES = tests/plugins/test-contract.c tests/check.h
tests_plugins_test_contract_LDADD = $(SSC_TEST_LIBS)
EXTRA_DIST += tests/plugins/contract-cli.sh tests/plugins/contract-header.sh \
	tests/plugins/exports.sh tests/plugins/faults.sh tests/plugins/trust.sh

check_PROGRAMS += tests/plugins/test-iati tests/plugins/test-iati-fallbacks tests/plugins/test-iati-sniff
IATI_TEST_SOURCES = tests/plugins/iati-fake.c tests/plugins/iati-fake.h tests/check.h \
	plugins/sources/iati/iati.c plugins/sources/iati/iati-activity.c \
	plugins/sources/iati/iati-row.c plugins/sources/iati/iati-warn.c \
	plugins/sources/iati/iati-map.c plugins/sources/iati/iati-sniff.c \
	plugins/sources/iati/iati-internal.h
tests_plugins_test_iati_SOURCES = tests/plugins/test-iati.c $(IATI_TEST_SOURCES)
nodist_tests_plugins_test_iati_SOURCES = plugins/sources/iati/iati-tables.h
tests_plugins_test_iati_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_builddir)/plugins/sources/iati $(LIBXML_CFLAGS)
tests_plugins_test_iati_LDADD = $(LIBXML_LIBS)
tests_plugins_test_iati_fallbacks_SOURCES = tests/plugins/test-iati-fallbacks.c $(IATI_TEST_SOURCES)
nodist_tests_plugins_test_iati_fallbacks_SOURCES = plugins/sources/iati/iati-tables.h
tests_plugins_test_iati_fallbacks_CPPFLAGS = $(tests_plugins_test_iati_CPPFLAGS)
tests_plugins_test_iati_fallbacks_LDADD = $(LIBXML_LIBS)
tests_plugins_test_iati_sniff_SOURCES = tests/plugins/test-iati-sniff.c $(IATI_TEST_SOURCES)
nodist_tests_plugins_test_iati_sniff_SOURCES = plugins/sources/iati/iati-tables.h
tests_plugins_test_iati_sniff_CPPFLAGS = $(tests_plugins_test_iati_CPPFLAGS)
tests_plugins_test_iati_sniff_LDADD = $(LIBXML_LIBS)

PLUGIN_TESTS = \
	tests/plugins/e2e-plugins.sh \
	tests/plugins/notes-numbers.sh \
	tests/plugins/iati-memory.sh \
	tests/plugins/e2e-iati.sh \
	tests/plugins/e2e-sqlite.sh
TESTS += tests/plugins/test-iati tests/plugins/test-iati-fallbacks tests/plugins/test-iati-sniff \
	$(PLUGIN_TESTS)
dist_check_SCRIPTS += $(PLUGIN_TESTS)
EXTRA_DIST += \
	tests/plugins/iati/README.md \
	tests/plugins/iati/activity-standard-example-annotated.xml \
	tests/plugins/iati/gen-activities.awk \
	bench/iati-memory.sh

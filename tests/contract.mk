# tests/contract.mk: the plugin contract.  Deliberately broken modules are
# noinst libtool modules (-rpath makes libtool build them shared; a
# check_LTLIBRARIES module would be static only).
TEST_PLUGIN_LDFLAGS = -module -avoid-version -no-undefined -shared -rpath /nowhere
TEST_PLUGIN_LIBADD = engine/libsscreport.la

noinst_LTLIBRARIES += \
	tests/plugins/good.la \
	tests/plugins/wrong-abi.la \
	tests/plugins/newer-minor.la \
	tests/plugins/no-descriptor.la \
	tests/plugins/name-mismatch.la \
	tests/plugins/missing-hook.la \
	tests/plugins/failing.la
tests_plugins_good_la_SOURCES = tests/plugins/good.c
tests_plugins_good_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_good_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_wrong_abi_la_SOURCES = tests/plugins/wrong-abi.c
tests_plugins_wrong_abi_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_wrong_abi_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_newer_minor_la_SOURCES = tests/plugins/newer-minor.c
tests_plugins_newer_minor_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_newer_minor_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_no_descriptor_la_SOURCES = tests/plugins/no-descriptor.c
tests_plugins_no_descriptor_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_name_mismatch_la_SOURCES = tests/plugins/name-mismatch.c
tests_plugins_name_mismatch_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_name_mismatch_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_missing_hook_la_SOURCES = tests/plugins/missing-hook.c
tests_plugins_missing_hook_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_missing_hook_la_LIBADD = $(TEST_PLUGIN_LIBADD)
tests_plugins_failing_la_SOURCES = tests/plugins/failing.c
tests_plugins_failing_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_failing_la_LIBADD = $(TEST_PLUGIN_LIBADD)

check_PROGRAMS += tests/test-contract
TESTS += tests/test-contract tests/contract-cli.sh tests/contract-header.sh
tests_test_contract_SOURCES = tests/test-contract.c
tests_test_contract_LDADD = $(SSC_TEST_LIBS)
EXTRA_DIST += tests/contract-cli.sh tests/contract-header.sh

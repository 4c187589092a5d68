# SPDX-License-Identifier: MIT
# tests/schedule/: scheduled runs (engine/schedule/).  test-cron checks
# cron parsing and next-time computation, test-catchup the catch-up plans;
# the shell tests drive run-due, the daemon and the schedule commands with
# a fake clock (--now) in folders under the build tree.
check_PROGRAMS += tests/schedule/test-cron tests/schedule/test-catchup
tests_schedule_test_cron_SOURCES = tests/schedule/test-cron.c tests/check.h
tests_schedule_test_cron_LDADD = $(SSC_TEST_LIBS)
tests_schedule_test_catchup_SOURCES = tests/schedule/test-catchup.c tests/check.h
tests_schedule_test_catchup_LDADD = $(SSC_TEST_LIBS)

SCHEDULE_TESTS = \
	tests/schedule/schedule-next.sh \
	tests/schedule/schedule-config.sh \
	tests/schedule/schedule-catchup.sh \
	tests/schedule/schedule-failure.sh \
	tests/schedule/schedule-kill.sh \
	tests/schedule/schedule-lock.sh \
	tests/schedule/schedule-daemon.sh \
	tests/schedule/schedule-state.sh \
	tests/schedule/schedule-parallel.sh \
	tests/schedule/schedule-orphan.sh \
	tests/schedule/schedule-alerts.sh
TESTS += tests/schedule/test-cron tests/schedule/test-catchup $(SCHEDULE_TESTS)
EXTRA_DIST += $(SCHEDULE_TESTS) tests/schedule/schedule-lib.sh

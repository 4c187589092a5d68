# tests/schedule.mk: scheduled runs (issue 4).  test-cron checks cron
# parsing and next-time computation; the shell tests drive run-due, the
# daemon and the schedule commands with a fake clock (--now) in folders
# under the build tree.
check_PROGRAMS += tests/test-cron
tests_test_cron_SOURCES = tests/test-cron.c
tests_test_cron_LDADD = $(SSC_TEST_LIBS)

SCHEDULE_TESTS = \
	tests/schedule-next.sh \
	tests/schedule-config.sh \
	tests/schedule-catchup.sh \
	tests/schedule-failure.sh \
	tests/schedule-kill.sh \
	tests/schedule-lock.sh \
	tests/schedule-daemon.sh
TESTS += tests/test-cron $(SCHEDULE_TESTS)
EXTRA_DIST += $(SCHEDULE_TESTS) tests/schedule-lib.sh

check_PROGRAMS += tests/test-catchup
TESTS += tests/test-catchup
tests_test_catchup_SOURCES = tests/test-catchup.c
tests_test_catchup_LDADD = $(SSC_TEST_LIBS)

# SPDX-License-Identifier: MIT
# engine/schedule/local.mk: scheduled runs (cron expressions, jobs, run-due, daemon).
# The pure parts live in the library (and are unit-tested through it); the
# parts that fork, wait and handle signals belong to the command.
engine_libsscengine_la_SOURCES += \
	engine/schedule/cron.c engine/schedule/cron.h \
	engine/schedule/isotime.c engine/schedule/isotime.h \
	engine/schedule/jobs.c engine/schedule/jobs.h \
	engine/schedule/jobs_check.c \
	engine/schedule/tz.c engine/schedule/tz.h \
	engine/schedule/statefile.c engine/schedule/statefile.h \
	engine/schedule/catchup.c engine/schedule/catchup.h \
	engine/schedule/schedule_cli.h
ssc_report_SOURCES += \
	engine/schedule/runner.c engine/schedule/runner.h \
	engine/schedule/runchild.c engine/schedule/runchild.h \
	engine/schedule/runrecord.c engine/schedule/runrecord.h \
	engine/schedule/runhook.c engine/schedule/runhook.h \
	engine/schedule/schedlog.c engine/schedule/schedlog.h \
	engine/schedule/schedule_cli.c
EXTRA_DIST += engine/schedule/README.md

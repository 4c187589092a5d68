# engine/schedule.mk: scheduled runs (cron expressions, jobs, run-due, daemon).
# The pure parts live in the library (and are unit-tested through it); the
# parts that fork, wait and handle signals belong to the command.
engine_libsscreport_la_SOURCES += \
	engine/cron.c engine/cron.h \
	engine/isotime.c engine/isotime.h \
	engine/jobs.c engine/jobs.h \
	engine/statefile.c engine/statefile.h \
	engine/catchup.c engine/catchup.h \
	engine/schedule_cli.h
ssc_report_SOURCES += \
	engine/runner.c engine/runner.h \
	engine/schedule_cli.c

# The operator's guide to all of the above (docs/local.mk is not this
# feature's to edit).

# tests/docs/: what is installed beside the command stays true to it.
#   man.sh          docs/man/: every command and option of `ssc-report
#                   --help`, every report key of engine/report/schema.c,
#                   every engine and job setting, every name of plugin.h
#                   has an entry; groff -man -ww reads each page cleanly
DOCS_TESTS = \
	tests/docs/man.sh
TESTS += $(DOCS_TESTS)
dist_check_SCRIPTS += $(DOCS_TESTS)

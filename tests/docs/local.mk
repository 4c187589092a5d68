# SPDX-License-Identifier: MIT
# tests/docs/: what is installed beside the command stays true to it.
#   man.sh          docs/man/: every command and option of `ssc-report
#                   --help`, every report key of engine/report/schema.c,
#                   every engine and job setting, every name of plugin.h
#                   has an entry; groff -man -ww reads each page cleanly
#   completion.sh   completion/: the bash script, sourced in bash, completes
#                   commands, options, report files, --set keys and plugin
#                   names; the zsh one names the same and parses
DOCS_TESTS = \
	tests/docs/man.sh \
	tests/docs/completion.sh
TESTS += $(DOCS_TESTS)
dist_check_SCRIPTS += $(DOCS_TESTS)

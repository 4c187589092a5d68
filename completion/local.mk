# SPDX-License-Identifier: MIT
# completion/: bash and zsh completion, installed where bash-completion and
# zsh look under the prefix.  The --set keys are filled in from the report
# schema (engine/report/schema.c), so a new report key completes without
# editing the scripts.  tests/docs/completion.sh drives the bash one.
bashcompletiondir = $(datadir)/bash-completion/completions
bashcompletion_DATA = completion/ssc-report
# Debian's zsh also reads /usr/share/zsh/vendor-completions; packages set
# zshcompletiondir=... on the make install command line.
zshcompletiondir = $(datadir)/zsh/site-functions
zshcompletion_DATA = completion/_ssc-report
EXTRA_DIST += completion/ssc-report.bash.in completion/_ssc-report.in
CLEANFILES += $(bashcompletion_DATA) $(zshcompletion_DATA)

# The schema's keys of one value (not groups nor lists), outside or inside
# the lists of sections and sectors; $$2 is the key between the quotes.
ssc_schema_scalars = $(AWK) -F'"' \
	'/^ *[{]"[a-z_.]+", CONFIG_TYPE_(STRING|INT|INT64|FLOAT|BOOL)[}]/'
ssc_completion_gen = $(AM_V_GEN)$(MKDIR_P) completion && \
	keys=`$(ssc_schema_scalars)' && $$2 !~ /^(sections|sectors)[.]/ { printf "%s ", $$2 }' \
		$(top_srcdir)/engine/report/schema.c` && \
	items=`$(ssc_schema_scalars)' && $$2 ~ /^(sections|sectors)[.]/ { printf "%s ", $$2 }' \
		$(top_srcdir)/engine/report/schema.c` && \
	test -n "$$keys" && test -n "$$items" && \
	$(SED) -e "s|@SET_KEYS[@]|$$keys|" -e "s|@ITEM_KEYS[@]|$$items|"

completion/ssc-report: $(srcdir)/completion/ssc-report.bash.in \
		$(top_srcdir)/engine/report/schema.c
	$(ssc_completion_gen) $(srcdir)/completion/ssc-report.bash.in > $@-t && mv $@-t $@
completion/_ssc-report: $(srcdir)/completion/_ssc-report.in $(top_srcdir)/engine/report/schema.c
	$(ssc_completion_gen) $(srcdir)/completion/_ssc-report.in > $@-t && mv $@-t $@

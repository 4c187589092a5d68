# SPDX-License-Identifier: MIT
# docs/man/: the manual pages, written in man(7) roff as NAME.in files.
# The folders they name are the configured ones, filled in here at build
# time (so `./configure --prefix=/opt/x` or a Debian build get their own);
# tests/docs/man.sh checks that they cover the command, the report keys,
# the engine settings and plugin.h, and that groff reads them cleanly.
SSC_MANPAGES = \
	docs/man/ssc-report.1 \
	docs/man/ssc-report.conf.5 \
	docs/man/ssc-report-report.5 \
	docs/man/ssc-report-plugin.3
man_MANS = $(SSC_MANPAGES)
EXTRA_DIST += $(SSC_MANPAGES:=.in)
CLEANFILES += $(SSC_MANPAGES)

# A folder becomes \%FOLDER: roff then never hyphenates it.
ssc_man_edit = $(SED) \
	-e 's|@VERSION[@]|$(VERSION)|g' \
	-e 's|@sysconfdir[@]|\\%$(sysconfdir)|g' \
	-e 's|@reportdir[@]|\\%$(reportdir)|g' \
	-e 's|@sampledir[@]|\\%$(sampledir)|g' \
	-e 's|@plugindir[@]|\\%$(plugindir)|g' \
	-e 's|@docdir[@]|\\%$(docdir)|g' \
	-e 's|@includedir[@]|\\%$(includedir)|g' \
	-e 's|@pkgconfigdir[@]|\\%$(pkgconfigdir)|g'
ssc_man_gen = $(AM_V_GEN)$(MKDIR_P) docs/man && \
	$(ssc_man_edit) $(srcdir)/$@.in > $@-t && mv $@-t $@

docs/man/ssc-report.1: $(srcdir)/docs/man/ssc-report.1.in Makefile
	$(ssc_man_gen)
docs/man/ssc-report.conf.5: $(srcdir)/docs/man/ssc-report.conf.5.in Makefile
	$(ssc_man_gen)
docs/man/ssc-report-report.5: $(srcdir)/docs/man/ssc-report-report.5.in Makefile
	$(ssc_man_gen)
docs/man/ssc-report-plugin.3: $(srcdir)/docs/man/ssc-report-plugin.3.in Makefile
	$(ssc_man_gen)

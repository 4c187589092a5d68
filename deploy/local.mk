# SPDX-License-Identifier: MIT
# deploy/: systemd units (installed under $(prefix)/lib/systemd/system, or
# where `make systemdunitdir=DIR install` says), a container image recipe
# and a Kubernetes CronJob example (shipped, not installed).  When to use
# which: docs/scheduling.md.
systemdunitdir = $(prefix)/lib/systemd/system
systemdunit_DATA = deploy/ssc-report-run-due.service deploy/ssc-report-run-due.timer \
	deploy/ssc-report.service
EXTRA_DIST += deploy/ssc-report-run-due.service.in deploy/ssc-report-run-due.timer \
	deploy/ssc-report.service.in deploy/Containerfile deploy/ssc-report-cronjob.yaml
CLEANFILES += deploy/ssc-report-run-due.service deploy/ssc-report.service

deploy/ssc-report-run-due.service: $(srcdir)/deploy/ssc-report-run-due.service.in
	$(AM_V_GEN)$(MKDIR_P) deploy && \
	$(SED) -e 's|@bindir[@]|$(bindir)|g' $(srcdir)/deploy/ssc-report-run-due.service.in > $@-t && \
	mv $@-t $@
deploy/ssc-report.service: $(srcdir)/deploy/ssc-report.service.in
	$(AM_V_GEN)$(MKDIR_P) deploy && \
	$(SED) -e 's|@bindir[@]|$(bindir)|g' $(srcdir)/deploy/ssc-report.service.in > $@-t && \
	mv $@-t $@

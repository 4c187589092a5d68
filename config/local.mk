# SPDX-License-Identifier: MIT
# config/: the engine settings file, installed in $(sysconfdir)/ssc-report.
engineconfdir = $(sysconfdir)/ssc-report
dist_engineconf_DATA = config/ssc-report.conf

# SPDX-License-Identifier: MIT
# reports/: bundled report definitions, installed in $(reportdir).
report_DATA = reports/annual-meeting.cfg reports/annual-meeting-zh.cfg \
	reports/starter.cfg
EXTRA_DIST += $(report_DATA)

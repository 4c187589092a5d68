# reports/: bundled report definitions, installed in $(reportdir).
report_DATA = reports/annual-meeting.cfg reports/annual-meeting-zh.cfg
EXTRA_DIST += $(report_DATA)

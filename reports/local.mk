# reports/: bundled report definitions, installed in $(reportdir).
report_DATA = reports/annual-meeting.cfg
EXTRA_DIST += $(report_DATA)

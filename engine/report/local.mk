# SPDX-License-Identifier: MIT
# engine/report/: the report model: report definitions and --set, the
# engine settings, the theme, filters, sections, metric tables and their
# labels in the report's language.
engine_libsscengine_la_SOURCES += \
	engine/report/theme.c engine/report/theme.h \
	engine/report/table.c engine/report/table.h \
	engine/report/schema.c \
	engine/report/limits.c engine/report/limits.h \
	engine/report/report.c engine/report/report.h engine/report/report_sectors.c \
	engine/report/report_set.c \
	engine/report/report_theme.c \
	engine/report/config.c engine/report/config.h \
	engine/report/filter.c engine/report/filter.h \
	engine/report/period.c engine/report/period.h \
	engine/report/section.c engine/report/section.h \
	engine/report/compute.c engine/report/compute.h engine/report/compute_child.c \
	engine/report/compute_wire.h \
	engine/report/label.c engine/report/label.h \
	engine/report/starter.c engine/report/starter.h
EXTRA_DIST += engine/report/README.md

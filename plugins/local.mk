# plugins/: one libtool module per file, installed in $(plugindir).
# -no-undefined makes a plugin that uses a symbol the engine does not export
# fail at link time rather than at load time.
PLUGIN_LDFLAGS = -module -avoid-version -no-undefined -shared
PLUGIN_LIBADD = engine/libsscreport.la $(CAIRO_LIBS)

plugin_LTLIBRARIES += \
	plugins/by-region.la \
	plugins/by-sector.la \
	plugins/by-sdg.la \
	plugins/timeline.la \
	plugins/kpi.la \
	plugins/project-table.la \
	plugins/by-country.la \
	plugins/by-institution.la \
	plugins/by-status.la \
	plugins/funding.la \
	plugins/gender.la \
	plugins/narrative.la

plugins_by_region_la_SOURCES = plugins/by-region.c
plugins_by_region_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_region_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_sector_la_SOURCES = plugins/by-sector.c
plugins_by_sector_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_sector_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_sdg_la_SOURCES = plugins/by-sdg.c
plugins_by_sdg_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_sdg_la_LIBADD = $(PLUGIN_LIBADD)
plugins_timeline_la_SOURCES = plugins/timeline.c
plugins_timeline_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_timeline_la_LIBADD = $(PLUGIN_LIBADD)
plugins_kpi_la_SOURCES = plugins/kpi.c
plugins_kpi_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_kpi_la_LIBADD = $(PLUGIN_LIBADD)
plugins_project_table_la_SOURCES = plugins/project-table.c
plugins_project_table_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_project_table_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_country_la_SOURCES = plugins/by-country.c
plugins_by_country_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_country_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_institution_la_SOURCES = plugins/by-institution.c
plugins_by_institution_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_institution_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_status_la_SOURCES = plugins/by-status.c
plugins_by_status_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_status_la_LIBADD = $(PLUGIN_LIBADD)
plugins_funding_la_SOURCES = plugins/funding.c
plugins_funding_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_funding_la_LIBADD = $(PLUGIN_LIBADD)
plugins_gender_la_SOURCES = plugins/gender.c
plugins_gender_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_gender_la_LIBADD = $(PLUGIN_LIBADD)
plugins_narrative_la_SOURCES = plugins/narrative.c
plugins_narrative_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_narrative_la_LIBADD = $(PLUGIN_LIBADD)

# The sqlite source reads a portfolio from an SQLite database (docs/sqlite.md).
plugin_LTLIBRARIES += plugins/sqlite.la
plugins_sqlite_la_SOURCES = plugins/sqlite.c
plugins_sqlite_la_CPPFLAGS = $(AM_CPPFLAGS) $(SQLITE3_CFLAGS)
plugins_sqlite_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_sqlite_la_LIBADD = $(PLUGIN_LIBADD) $(SQLITE3_LIBS)
include plugins/iati.mk

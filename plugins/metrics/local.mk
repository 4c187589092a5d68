# SPDX-License-Identifier: MIT
# plugins/metrics/: one metric plugin per file; each module is built as
# plugins/NAME.la (see plugins/local.mk).
plugin_LTLIBRARIES += \
	plugins/by-country.la \
	plugins/by-institution.la \
	plugins/by-region.la \
	plugins/by-sdg.la \
	plugins/by-sector.la \
	plugins/by-status.la \
	plugins/funding.la \
	plugins/gender.la \
	plugins/kpi.la \
	plugins/narrative.la \
	plugins/project-table.la \
	plugins/timeline.la \
	plugins/year-in-review.la \
	plugins/un-groupings.la \
	plugins/beneficiaries.la \
	plugins/partnership.la \
	plugins/highlights.la \
	plugins/spotlight.la \
	plugins/institutions.la

plugins_by_country_la_SOURCES = plugins/metrics/by-country.c
plugins_by_country_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_country_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_institution_la_SOURCES = plugins/metrics/by-institution.c
plugins_by_institution_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_institution_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_region_la_SOURCES = plugins/metrics/by-region.c
plugins_by_region_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_region_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_sdg_la_SOURCES = plugins/metrics/by-sdg.c
plugins_by_sdg_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_sdg_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_sector_la_SOURCES = plugins/metrics/by-sector.c
plugins_by_sector_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_sector_la_LIBADD = $(PLUGIN_LIBADD)
plugins_by_status_la_SOURCES = plugins/metrics/by-status.c
plugins_by_status_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_by_status_la_LIBADD = $(PLUGIN_LIBADD)
plugins_funding_la_SOURCES = plugins/metrics/funding.c
plugins_funding_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_funding_la_LIBADD = $(PLUGIN_LIBADD)
plugins_gender_la_SOURCES = plugins/metrics/gender.c
plugins_gender_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_gender_la_LIBADD = $(PLUGIN_LIBADD)
plugins_kpi_la_SOURCES = plugins/metrics/kpi.c
plugins_kpi_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_kpi_la_LIBADD = $(PLUGIN_LIBADD)
plugins_narrative_la_SOURCES = plugins/metrics/narrative.c
plugins_narrative_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_narrative_la_LIBADD = $(PLUGIN_LIBADD)
plugins_project_table_la_SOURCES = plugins/metrics/project-table.c
plugins_project_table_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_project_table_la_LIBADD = $(PLUGIN_LIBADD)
plugins_timeline_la_SOURCES = plugins/metrics/timeline.c
plugins_timeline_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_timeline_la_LIBADD = $(PLUGIN_LIBADD)
plugins_year_in_review_la_SOURCES = plugins/metrics/year-in-review.c
plugins_year_in_review_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_year_in_review_la_LIBADD = $(PLUGIN_LIBADD)
plugins_un_groupings_la_SOURCES = plugins/metrics/un-groupings.c
plugins_un_groupings_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_un_groupings_la_LIBADD = $(PLUGIN_LIBADD)
plugins_beneficiaries_la_SOURCES = plugins/metrics/beneficiaries.c
plugins_beneficiaries_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_beneficiaries_la_LIBADD = $(PLUGIN_LIBADD)
plugins_partnership_la_SOURCES = plugins/metrics/partnership.c
plugins_partnership_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_partnership_la_LIBADD = $(PLUGIN_LIBADD)
plugins_highlights_la_SOURCES = plugins/metrics/highlights.c
plugins_highlights_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_highlights_la_LIBADD = $(PLUGIN_LIBADD)
plugins_spotlight_la_SOURCES = plugins/metrics/spotlight.c
plugins_spotlight_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_spotlight_la_LIBADD = $(PLUGIN_LIBADD)
plugins_institutions_la_SOURCES = plugins/metrics/institutions.c
plugins_institutions_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_institutions_la_LIBADD = $(PLUGIN_LIBADD)

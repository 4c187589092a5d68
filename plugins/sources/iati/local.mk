# SPDX-License-Identifier: MIT
# plugins/sources/iati/: the iati source plugin (IATI activity XML through
# libxml2), one module, plugins/iati.la, built from the files of this
# folder.  docs/iati.md documents it.
plugin_LTLIBRARIES += plugins/iati.la
plugins_iati_la_SOURCES = \
	plugins/sources/iati/iati.c \
	plugins/sources/iati/iati-activity.c \
	plugins/sources/iati/iati-row.c \
	plugins/sources/iati/iati-warn.c \
	plugins/sources/iati/iati-map.c \
	plugins/sources/iati/iati-sniff.c \
	plugins/sources/iati/iati-internal.h
nodist_plugins_iati_la_SOURCES = plugins/sources/iati/iati-tables.h
plugins_iati_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_builddir)/plugins/sources/iati $(LIBXML_CFLAGS)
plugins_iati_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_iati_la_LIBADD = engine/libsscreport.la $(LIBXML_LIBS)

# A plugin may include only the engine's public header, so the plugin's
# lookup tables (alpha-2 -> alpha-3 codes, IATI regions, DAC sector
# categories) are generated from data/*.csv into a header of its own, from
# the same m49-countries.csv as the engine's.
IATI_TABLES = $(srcdir)/data/m49-countries.csv $(srcdir)/data/iati-regions.csv \
	$(srcdir)/data/iati-sector-categories.csv
BUILT_SOURCES += plugins/sources/iati/iati-tables.h
CLEANFILES += plugins/sources/iati/iati-tables.h
plugins/sources/iati/iati-tables.h: $(IATI_TABLES) $(srcdir)/data/gen-iati.awk
	$(AM_V_GEN)$(MKDIR_P) plugins/sources/iati && \
	$(AWK) -f $(srcdir)/data/gen-iati.awk $(IATI_TABLES) > $@.tmp && mv $@.tmp $@

EXTRA_DIST += \
	data/gen-iati.awk \
	data/iati-regions.csv \
	data/iati-sector-categories.csv \
	docs/iati.md

# engine/: the libsscreport library and the ssc-report command.

lib_LTLIBRARIES += engine/libsscreport.la
engine_libsscreport_la_SOURCES = \
	engine/error.c engine/error.h \
	engine/intern.c engine/intern.h \
	engine/refdata.c engine/refdata.h engine/refdata_tables.h \
	engine/store.c engine/store.h engine/store_impl.h \
	engine/portfolio.c \
	engine/csv.c engine/csv.h \
	engine/rowcheck.c engine/rowcheck.h \
	engine/idset.c engine/idset.h \
	engine/source.c engine/source.h \
	engine/source_csv.c engine/source_csv.h \
	engine/table.c engine/table.h \
	engine/section.c engine/section.h \
	engine/loader.c engine/loader.h \
	engine/report.c engine/report.h \
	engine/report_set.c \
	engine/report_theme.c \
	engine/config.c engine/config.h \
	engine/filter.c engine/filter.h \
	engine/label.c engine/label.h \
	engine/theme.c \
	engine/canvas.c \
	engine/text.c \
	engine/format.c \
	engine/axis.c \
	engine/chart_bar.c \
	engine/chart_line.c \
	engine/chart_table.c \
	engine/chart_stacked.c \
	engine/chart_donut.c \
	engine/chart_sdggrid.c \
	engine/chart_tilemap.c \
	engine/chart.c engine/chart.h engine/draw.h \
	engine/doc.c engine/doc.h \
	engine/compose.c engine/compose.h \
	engine/atomic.c engine/atomic.h \
	engine/dataout.c engine/dataout.h \
	engine/render.c engine/render.h
nodist_engine_libsscreport_la_SOURCES = engine/refdata_tables.c engine/tilegrid_tables.c
engine_libsscreport_la_LIBADD = $(CAIRO_LIBS) $(PANGO_LIBS) $(LIBCONFIG_LIBS) $(LIBLTDL) $(LIBS)
engine_libsscreport_la_LDFLAGS = -no-undefined -version-info 0:0:0

pkginclude_HEADERS = engine/ssc-report/plugin.h
nodist_pkginclude_HEADERS = engine/ssc-report/version.h
pkgconfigdir = $(libdir)/pkgconfig
nodist_pkgconfig_DATA = engine/ssc-report.pc

# The command is built at the top of the build tree (engine/ssc-report is
# the folder of the public headers).
bin_PROGRAMS += ssc-report
ssc_report_SOURCES = engine/main.c
ssc_report_LDADD = engine/libsscreport.la

# The reference tables are generated from data/*.csv at build time.
BUILT_SOURCES += engine/refdata_tables.c
CLEANFILES += engine/refdata_tables.c
engine/refdata_tables.c: $(srcdir)/data/m49-countries.csv $(srcdir)/data/sdg-goals.csv $(srcdir)/data/gen-refdata.awk
	$(AM_V_GEN)$(AWK) -f $(srcdir)/data/gen-refdata.awk \
		$(srcdir)/data/m49-countries.csv $(srcdir)/data/sdg-goals.csv > $@.tmp && mv $@.tmp $@

# The world tile grid of the tile-map chart, checked against the countries.
BUILT_SOURCES += engine/tilegrid_tables.c
CLEANFILES += engine/tilegrid_tables.c
EXTRA_DIST += data/tile-grid.csv data/gen-tilegrid.awk
engine/tilegrid_tables.c: $(srcdir)/data/m49-countries.csv $(srcdir)/data/tile-grid.csv $(srcdir)/data/gen-tilegrid.awk
	$(AM_V_GEN)$(AWK) -f $(srcdir)/data/gen-tilegrid.awk \
		$(srcdir)/data/m49-countries.csv $(srcdir)/data/tile-grid.csv > $@.tmp && mv $@.tmp $@

include engine/schedule.mk

# engine/: the libsscreport library and the ssc-report command.  Each part
# has a folder and a fragment of its own (see docs/architecture.md for
# what each part owns and may include); the root holds the command, the
# render pipeline, the plugin loader, errors and atomic outputs.

lib_LTLIBRARIES += engine/libsscreport.la
engine_libsscreport_la_SOURCES = \
	engine/error.c engine/error.h \
	engine/loader.c engine/loader.h \
	engine/atomic.c engine/atomic.h \
	engine/dataout.c engine/dataout.h \
	engine/render.c engine/render.h
nodist_engine_libsscreport_la_SOURCES =
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

include engine/data/local.mk
include engine/report/local.mk
include engine/draw/local.mk
include engine/schedule/local.mk
EXTRA_DIST += engine/README.md

# SPDX-License-Identifier: MIT
# engine/: the libsscreport library and the ssc-report command.  Each part
# has a folder and a fragment of its own (see docs/architecture.md for
# what each part owns and may include); the root holds the command, the
# render pipeline, the plugin loader, errors and atomic outputs.

# Every engine file goes into one convenience library, libsscengine.  The
# command and the tests link it whole; the installed libsscreport is the
# same code with only the functions of plugin.h exported (engine/plugin.sym,
# generated from the header), so nothing else becomes an accidental ABI.
# The command exports its symbols (-export-dynamic): a plugin, linked
# against libsscreport so that a misspelt call fails at build time, binds
# at run time to the engine inside the command that loaded it.
noinst_LTLIBRARIES += engine/libsscengine.la
engine_libsscengine_la_SOURCES = \
	engine/error.c engine/error.h \
	engine/loader.c engine/loader.h \
	engine/atomic.c engine/atomic.h \
	engine/dataout.c engine/dataout.h \
	engine/render.c engine/render.h
nodist_engine_libsscengine_la_SOURCES =
engine_libsscengine_la_LIBADD = $(CAIRO_LIBS) $(PANGO_LIBS) $(LIBCONFIG_LIBS) $(LIBLTDL) $(LIBS)
engine_libsscengine_la_LDFLAGS =

lib_LTLIBRARIES += engine/libsscreport.la
engine_libsscreport_la_SOURCES =
engine_libsscreport_la_LIBADD = engine/libsscengine.la
engine_libsscreport_la_LDFLAGS = -no-undefined -version-info 0:0:0 \
	-export-symbols engine/plugin.sym
EXTRA_engine_libsscreport_la_DEPENDENCIES = engine/plugin.sym

# The exported functions: every function plugin.h declares (a declaration
# starts a line with its return type; tests/plugins/exports.sh checks the
# result against the library with nm).
CLEANFILES += engine/plugin.sym
engine/plugin.sym: $(srcdir)/engine/ssc-report/plugin.h
	$(AM_V_GEN)$(MKDIR_P) engine && \
	sed -n 's/^[a-z][a-z_ ]*[ *]\(ssc_[a-z0-9_]*\)(.*/\1/p' \
		$(srcdir)/engine/ssc-report/plugin.h | sort -u > $@.tmp && mv $@.tmp $@

# Installed modules are loaded by their .so; the .la files would only
# invite linking against the library's private dependencies.  Without
# them libtool's uninstall cannot name the .so files, so uninstall-local
# does.
install-exec-hook:
	rm -f $(DESTDIR)$(libdir)/libsscreport.la
install-data-hook:
	for m in $(plugin_LTLIBRARIES); do \
		rm -f "$(DESTDIR)$(plugindir)/$$(basename "$$m")"; done
uninstall-local:
	rm -f $(DESTDIR)$(libdir)/libsscreport.so*
	for m in $(plugin_LTLIBRARIES); do \
		rm -f "$(DESTDIR)$(plugindir)/$$(basename "$$m" .la).so"; done

pkginclude_HEADERS = engine/ssc-report/plugin.h
nodist_pkginclude_HEADERS = engine/ssc-report/version.h
pkgconfigdir = $(libdir)/pkgconfig
nodist_pkgconfig_DATA = engine/ssc-report.pc

# The command is built at the top of the build tree (engine/ssc-report is
# the folder of the public headers).
bin_PROGRAMS += ssc-report
ssc_report_SOURCES = engine/main.c
ssc_report_LDADD = engine/libsscengine.la
ssc_report_LDFLAGS = -export-dynamic

include engine/data/local.mk
include engine/report/local.mk
include engine/draw/local.mk
include engine/schedule/local.mk
EXTRA_DIST += engine/README.md

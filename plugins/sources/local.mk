# SPDX-License-Identifier: MIT
# plugins/sources/: data source plugins, built as plugins/NAME.la (see
# plugins/local.mk).

# The sqlite source reads a portfolio from an SQLite database (docs/sqlite.md).
plugin_LTLIBRARIES += plugins/sqlite.la
plugins_sqlite_la_SOURCES = plugins/sources/sqlite.c
plugins_sqlite_la_CPPFLAGS = $(AM_CPPFLAGS) $(SQLITE3_CFLAGS)
plugins_sqlite_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_sqlite_la_LIBADD = $(PLUGIN_LIBADD) $(SQLITE3_LIBS)

include plugins/sources/iati/local.mk

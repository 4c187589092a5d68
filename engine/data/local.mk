# SPDX-License-Identifier: MIT
# engine/data/: reading the portfolio (CSV reader, sources, row rules), the
# columnar store behind plugin.h's portfolio accessors, and the reference
# tables (M49 countries and regions, SDGs, the world tile grid).
engine_libsscengine_la_SOURCES += \
	engine/data/intern.c engine/data/intern.h \
	engine/data/share.c engine/data/share.h engine/data/hash.h \
	engine/data/idset.c engine/data/idset.h \
	engine/data/bigmem.c engine/data/bigmem.h \
	engine/data/refdata.c engine/data/refdata.h engine/data/refdata_tables.h \
	engine/data/store.c engine/data/store.h engine/data/store_impl.h \
	engine/data/portfolio.c \
	engine/data/zhnames.c engine/data/zhnames.h \
	engine/data/csv.c engine/data/csv.h \
	engine/data/csv_text.c engine/data/csv_text.h \
	engine/data/cells.c engine/data/cells.h \
	engine/data/input.c engine/data/input.h \
	engine/data/sniff.c engine/data/sniff.h \
	engine/data/encoding.c engine/data/encoding.h \
	engine/data/nearest.c engine/data/nearest.h \
	engine/data/columns.c engine/data/columns.h \
	engine/data/rowcheck.c engine/data/rowcheck.h \
	engine/data/rowjudge.c engine/data/rowjudge.h \
	engine/data/source.c engine/data/source.h \
	engine/data/source_find.c \
	engine/data/peek.c engine/data/peek.h \
	engine/data/source_csv.c engine/data/source_csv.h \
	engine/data/csv_rows.c engine/data/csv_rows.h
nodist_engine_libsscengine_la_SOURCES += \
	engine/data/refdata_tables.c engine/data/tilegrid_tables.c

# The reference tables are generated from data/*.csv at build time.
BUILT_SOURCES += engine/data/refdata_tables.c
CLEANFILES += engine/data/refdata_tables.c
engine/data/refdata_tables.c: $(srcdir)/data/m49-countries.csv $(srcdir)/data/sdg-goals.csv $(srcdir)/data/gen-refdata.awk
	$(AM_V_GEN)$(MKDIR_P) engine/data && \
	$(AWK) -f $(srcdir)/data/gen-refdata.awk \
		$(srcdir)/data/m49-countries.csv $(srcdir)/data/sdg-goals.csv > $@.tmp && mv $@.tmp $@

# The world tile grid of the tile-map chart, checked against the countries.
BUILT_SOURCES += engine/data/tilegrid_tables.c
CLEANFILES += engine/data/tilegrid_tables.c
EXTRA_DIST += data/tile-grid.csv data/gen-tilegrid.awk
engine/data/tilegrid_tables.c: $(srcdir)/data/m49-countries.csv $(srcdir)/data/tile-grid.csv $(srcdir)/data/gen-tilegrid.awk
	$(AM_V_GEN)$(MKDIR_P) engine/data && \
	$(AWK) -f $(srcdir)/data/gen-tilegrid.awk \
		$(srcdir)/data/m49-countries.csv $(srcdir)/data/tile-grid.csv > $@.tmp && mv $@.tmp $@
EXTRA_DIST += engine/data/README.md

# SPDX-License-Identifier: MIT
# bench/csv.mk: the engine's CSV reader against libcsv (see bench/README.md).
#
#     make bench-csv [BENCH_CSV_ROWS=1000000]
#
# A plain target rather than a program automake knows about: only this
# benchmark needs libcsv (Debian: libcsv-dev), the build never does.  The
# engine's folder is on the quoted include path only (-iquote), for csv.c's
# "data/csv.h": <csv.h> must stay libcsv's.
BENCH_CSV_ROWS = 1000000
BENCH_CSV_FILE = bench/portfolio-$(BENCH_CSV_ROWS).csv
BENCH_CSV_PROG = bench/csv-vs-libcsv$(EXEEXT)

bench-csv: $(BENCH_CSV_PROG) $(BENCH_CSV_FILE)
	$(BENCH_CSV_PROG) $(BENCH_CSV_FILE)

# -O2 comes last so that a debugging CFLAGS=-O0 cannot skew the ratio.
$(BENCH_CSV_PROG): $(srcdir)/bench/csv-vs-libcsv.c $(srcdir)/engine/data/csv.c $(srcdir)/engine/data/csv.h
	@$(MKDIR_P) bench
	$(AM_V_CCLD)$(CC) $(CFLAGS) -O2 $(SSC_CFLAGS) -iquote $(srcdir)/engine -o $@ \
		$(srcdir)/bench/csv-vs-libcsv.c $(srcdir)/engine/data/csv.c -lcsv

$(BENCH_CSV_FILE): $(srcdir)/bench/gen-portfolio.sh
	@$(MKDIR_P) bench
	$(AM_V_GEN)$(SHELL) $(srcdir)/bench/gen-portfolio.sh $(BENCH_CSV_ROWS) > $@.tmp && mv $@.tmp $@

.PHONY: bench-csv
CLEANFILES += $(BENCH_CSV_PROG) bench/portfolio-*.csv bench/portfolio-*.csv.tmp
EXTRA_DIST += bench/csv-vs-libcsv.c bench/gen-portfolio.sh

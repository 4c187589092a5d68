# SPDX-License-Identifier: MIT
# bench/: benchmarks, run by hand (see bench/README.md); never part of `make check`.
include bench/csv.mk

# make bench-render: see bench/render.sh (BENCH_BASELINE=path/to/other/ssc-report)
bench-render: ssc-report$(EXEEXT)
	$(SHELL) $(srcdir)/bench/render.sh $(abs_builddir)/ssc-report $(BENCH_BASELINE)
.PHONY: bench-render
EXTRA_DIST += bench/render.sh bench/README.md

# make bench-scale: see bench/scale.sh (issue 10's workloads against the peers)
bench-scale: ssc-report$(EXEEXT)
	$(SHELL) $(srcdir)/bench/scale.sh $(abs_builddir)/ssc-report $(BENCH_BASELINE)
.PHONY: bench-scale
EXTRA_DIST += bench/scale.sh

# make bench: the one entry for issue 10's benchmark (engine, baseline, peers)
bench: bench-scale
.PHONY: bench

# make bench-fonts: the fonts' floor under the 47-project report (see
# bench/font-floor.sh); a plain target, like bench-csv: the build never
# needs the program.  BENCH_PORTFOLIO: a portfolio to render as well.
BENCH_FLOOR_PROG = bench/font-floor$(EXEEXT)
bench-fonts: $(BENCH_FLOOR_PROG) ssc-report$(EXEEXT)
	$(SHELL) $(srcdir)/bench/font-floor.sh $(abs_builddir)/$(BENCH_FLOOR_PROG) \
		$(abs_builddir)/ssc-report $(BENCH_PORTFOLIO)
$(BENCH_FLOOR_PROG): $(srcdir)/bench/font-floor.c
	@$(MKDIR_P) bench
	$(AM_V_CCLD)$(CC) $(CFLAGS) -O2 $(SSC_CFLAGS) $(CAIRO_CFLAGS) $(PANGO_CFLAGS) -o $@ \
		$(srcdir)/bench/font-floor.c $(PANGO_LIBS) $(CAIRO_LIBS)
.PHONY: bench-fonts
CLEANFILES += $(BENCH_FLOOR_PROG)
EXTRA_DIST += bench/font-floor.c bench/font-floor.sh

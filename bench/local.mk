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

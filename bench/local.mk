# bench/: benchmarks, run by hand (see bench/README.md); never part of `make check`.
include bench/csv.mk

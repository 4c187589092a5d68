# bench/csv.mk

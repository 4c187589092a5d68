# tests/csv.mk

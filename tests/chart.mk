# tests/chart.mk

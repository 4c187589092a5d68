# tests/refdata.mk

# tests/contract.mk

# tests/unit.mk

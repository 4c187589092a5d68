# reports/: bundled report definitions.

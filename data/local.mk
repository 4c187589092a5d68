# SPDX-License-Identifier: MIT
# data/: the bundled sample portfolio and the derived reference tables.
# The tables are compiled into the engine by the rules in engine/data/local.mk
# (data/gen-refdata.awk); they are not installed.  The sample portfolio is,
# so that `ssc-report render` with no report has data to render.
# data/starter-portfolio.csv is the template `ssc-report init` copies.
dist_sample_DATA = data/sample-portfolio.csv data/starter-portfolio.csv
EXTRA_DIST += \
	data/README.md \
	data/gen-refdata.awk \
	data/m49-countries.csv \
	data/sdg-goals.csv

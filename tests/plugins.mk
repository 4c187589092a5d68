# tests/plugins.mk: end-to-end test of the bundled plugins by-country,
# by-institution, by-status, funding, gender and narrative (tests/lib.sh).
#   e2e-plugins.sh  --data-out against values computed from the test's own
#                   portfolio; the narrative's text in the PDF; its errors
TESTS += tests/e2e-plugins.sh
dist_check_SCRIPTS += tests/e2e-plugins.sh

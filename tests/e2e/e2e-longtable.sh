#!/bin/sh
# SPDX-License-Identifier: MIT
# A project table of many pages keeps everything: every title, however
# long, is printed whole (wrapped, never cut with an ellipsis), every
# project has its row, pages after the first say "(continued)", and two
# renders under SOURCE_DATE_EPOCH are byte-identical.  The titles are
# built here from numbered words, so each one can be looked for in full.
. "$top_srcdir/tests/lib.sh"
need_tool pdftotext pdfinfo

SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
rows=240

# Project i has a title of 3 + i % 37 words "wI_K", so that some titles
# take one line and some five; lead institutions repeat.
awk -v rows="$rows" 'BEGIN {
    print "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary," \
          "sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality," \
          "gender_marker,beneficiaries"
    for (i = 1; i <= rows; i++) {
        t = ""
        for (k = 1; k <= 3 + i % 37; k++)
            t = t (k > 1 ? " " : "") "w" i "_" k
        printf "LT-%04d,%s,Institute %d,,KEN;GHA,agriculture,2,,2010-01,2011-01,completed,PGTF,%d,south-south,1,10\n",
            i, t, i % 7, 1000 * i
    }
}' > "$work/p.csv"
awk -F, 'NR > 1 { print $2 }' "$work/p.csv" > "$work/titles"

cat > "$work/table.cfg" <<'CFG'
title = "Long table";
organisation = "Tests";
language = "en";
toc = false;
data = { path = "p.csv"; };
sections = (
  { plugin = "project-table"; title = "All projects"; options = { sort = "id"; limit = 0; }; }
);
CFG

(cd "$work" && "$SSC_REPORT" render table.cfg -o one.pdf) > "$work/run.out" 2>&1 ||
    die "the render failed: $(cat "$work/run.out")"
mkdir -p "$work/again"
cp "$work/p.csv" "$work/table.cfg" "$work/again/"
(cd "$work/again" && "$SSC_REPORT" render table.cfg -o two.pdf) > "$work/run2.out" 2>&1 ||
    die "the second render failed: $(cat "$work/run2.out")"
same_file "$work/one.pdf" "$work/again/two.pdf" ||
    fail "two renders of the long table differ: $(cmp "$work/one.pdf" "$work/again/two.pdf" 2>&1 | head -n 1)"

pages=$(pdfinfo "$work/one.pdf" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 5 ] || fail "$rows rows of up to 39 words on $pages pages"

# The text in drawing order (a cell's lines follow each other), joined
# into one line: every title must be in it whole.
pdftotext -raw "$work/one.pdf" - | tr '\n' ' ' | tr -s ' ' > "$work/text"
missing=$(awk 'NR == FNR { text = $0; next } index(text, " " $0 " ") == 0 { n++; if (n <= 3) print }' \
    "$work/text" "$work/titles")
[ -z "$missing" ] || fail "titles not printed whole: $missing"
if grep -q "$(printf '\342\200\246')\|$(printf '\342\213\257')" "$work/text"; then
    fail "an ellipsis in the table"
fi
continued=$(grep -o "All projects (continued)" "$work/text" | wc -l)
# the cover, then the table from page 2: every page after that continues
# it, but for the last, "How the numbers are counted"
[ "$continued" -eq $((pages - 3)) ] || fail "\"(continued)\" on $continued of $pages pages"
finish

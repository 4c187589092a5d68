#!/bin/sh
# SPDX-License-Identifier: MIT
# Tables keep everything and read well (issue 8, item 7): the project
# table's note says how many of how many with the thousands grouped
# ("7 of 1,234 projects, most recent first."), in both editions.  The
# expected strings are built here from the number of rows this test wrote.
. "$top_srcdir/tests/lib.sh"
need_tool pdftotext

m49="$top_srcdir/data/m49-countries.csv"
csv_us "$m49" > "$work/m49.us"

# 1,000 to 1,999 projects (the count changes with the test's process id, so
# no fixed number can pass by chance), spread over the first $ncountries
# countries of data/m49-countries.csv that have a region.
rows=$((1000 + $$ % 1000))
ncountries=61
awk -F"$US" 'NR > 1 && $6 != "" { print $2 }' "$work/m49.us" | head -n "$ncountries" > "$work/codes"
awk -v rows="$rows" 'NR == FNR { code[n++] = $0; next }
END {
    print "id,title,lead_institution,countries,sector,sdg_primary,start_date,status,budget_usd"
    for (i = 1; i <= rows; i++)
        printf "T-%05d,Project %d,Institute %d,%s,agriculture,2,%d-03,completed,%d\n",
            i, i, i % 5, code[i % n], 1995 + i % 26, 1000 * i
}' "$work/codes" > "$work/p.csv"

# grouped N: N with a comma every three digits, as the report writes counts
grouped() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
[ "$(grouped 1234567)" = "1,234,567" ] || die "the test's own grouping is wrong"

# write_report FILE LANGUAGE
write_report()
{
    cat > "$1" <<CFG
title = "Tables";
organisation = "Tests";
language = "$2";
toc = false;
data_tables = "appendix";
data = { path = "p.csv"; };
sections = (
  { plugin = "project-table"; title = "Projects"; options = { limit = 7; }; },
  { plugin = "by-country"; title = "Countries"; chart = "hbar"; table_limit = 0; }
);
CFG
}

# pdftotext breaks lines and spaces CJK freely: compare without blanks
flat() { pdftotext "$1" - | tr -d ' \n'; }

all=$(grouped "$rows")
for lang in en zh; do
    write_report "$work/$lang.cfg" "$lang"
    run render "$work/$lang.cfg" -o "$work/$lang.pdf"
    [ "$rc" -eq 0 ] || { show_run; die "$lang: render failed (exit $rc)"; }
    flat "$work/$lang.pdf" > "$work/$lang.flat"
    pdftotext -layout "$work/$lang.pdf" "$work/$lang.layout"
done

# ---- the project table's note ----------------------------------------------
grep -q "7of${all}projects,mostrecentfirst\." "$work/en.flat" ||
    fail "en: no \"7 of $all projects, most recent first.\" under the table"
grep -q "共${all}个项目，显示其中7个，按开始时间由近及远排列。" "$work/zh.flat" ||
    fail "zh: no \"共${all}个项目，显示其中7个\" under the table"

finish

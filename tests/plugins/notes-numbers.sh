#!/bin/sh
# SPDX-License-Identifier: MIT
# The sentences plugins write under their charts and on the methods page
# write counts as the report writes numbers (shared/spec/names-and-maps.md:
# thousands separators in English, none of "27475"; no space before a
# Chinese measure word).  The portfolio below has 1,200 projects; every
# twelfth has a budget (1,100 have none) and every twenty-fourth reports
# its beneficiaries (1,150 do not): counted here, by hand.
. "$top_srcdir/tests/lib.sh"
command -v pdftotext > /dev/null || skip "pdftotext (poppler-utils) is not installed"

{
    echo "id,title,lead_institution,countries,sector,sdg_primary,start_date,status,budget_usd,beneficiaries"
    i=1
    while [ "$i" -le 1200 ]; do
        budget= ben=
        [ $((i % 12)) -eq 0 ] && budget=50000
        [ $((i % 24)) -eq 0 ] && ben=120
        echo "P$i,Rice $i,Institute A,VNM,agriculture,2,2015-03-01,ongoing,$budget,$ben"
        i=$((i + 1))
    done
} > "$work/p.csv"

for lang in en zh; do
    run render --set language=$lang --data "$work/p.csv" -o "$work/$lang.pdf"
    [ "$rc" -eq 0 ] || { fail "the $lang edition did not render"; show_run; continue; }
    # one line, so that a sentence wrapped over two lines is one string
    # (Chinese wraps between any two characters: joined without a space)
    if [ "$lang" = zh ]; then
        pdftotext "$work/$lang.pdf" - | tr -d '\n' > "$work/$lang.txt"
    else
        pdftotext "$work/$lang.pdf" - | tr '\n' ' ' | tr -s ' ' > "$work/$lang.txt"
    fi
done
want()
{
    grep -qF -- "$2" "$work/$1.txt" || fail "$1: not in the text: $2"
}
want en "1,100 projects have no budget and are not counted."
want en "Of 1,200 projects, 1,150 do not report beneficiaries"
want en "Of 1,200 projects, 0 name no country and are not counted; 1,100 have no budget"
want en "1,100 projects have no budget."
want zh "1,100个项目没有预算，未计入。"
want zh "1,200个项目中有1,150个未报告受益人"
want zh "共1,200个项目，0个未列明国家，未计入；1,100个没有预算"
want zh "1,100个项目没有预算。"
want zh "共1个国家。"
for lang in en zh; do
    ! grep -qE "(^|[^0-9,])(1100|1150|1200)([^0-9,]|$)" "$work/$lang.txt" ||
        fail "$lang: a count without its thousands separator: $(grep -oE ".{30}(1100|1150|1200).{20}" "$work/$lang.txt" | head -1)"
done
finish

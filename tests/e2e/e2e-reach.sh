#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: reach and partnership.  On a portfolio generated here (a few
# countries whose UN M49 regions this test states itself, beneficiaries
# missing now and then, both modalities and none, PGTF and other funding
# sources), the data-out of beneficiaries (by region and by sector) and
# partnership (modality by start year, budget shares by source) must equal
# counts made here in awk.
. "$top_srcdir/tests/lib.sh"

# Our own region table for the countries used.
cat > "$work/regions.txt" <<EOF
VNM,Asia
LKA,Asia
KEN,Africa
ETH,Africa
BRA,Latin America and the Caribbean
FJI,Oceania
EOF

awk -F, 'NR == FNR { code[++n] = $1; next }
END {
    srand(7); split("water agriculture ict", sec, " "); split("south-south triangular", mod, " ")
    print "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary," \
          "sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality," \
          "gender_marker,beneficiaries"
    for (i = 1; i <= 120; i++) {
        k = 1 + int(rand() * 3); list = ""; delete used
        for (j = 0; j < k; j++) {
            c = code[1 + int(rand() * n)]
            if (c in used) continue
            used[c] = 1; list = list (list == "" ? "" : ";") c
        }
        r = rand(); m = r < 0.1 ? "" : mod[1 + int(rand() * 2)]
        r = rand(); src = r < 0.6 ? "PGTF" : r < 0.9 ? "UNDP" : ""
        ben = rand() < 0.8 ? 10 * (1 + int(rand() * 300)) : ""
        budget = rand() < 0.9 ? 1000 * (1 + int(rand() * 100)) : ""
        printf "R-%03d,Project %d,Institute A,,%s,%s,6,,%d,,ongoing,%s,%s,%s,,%s\n", i, i, list,
               sec[1 + int(rand() * 3)], 2016 + int(rand() * 5), src, budget, m, ben
    }
}' "$work/regions.txt" /dev/null > "$work/portfolio.csv"

cat > "$work/report.cfg" <<EOF
title = "Reach test";
data = { path = "portfolio.csv"; };
sections = (
  { plugin = "beneficiaries"; title = "By region"; },
  { plugin = "beneficiaries"; title = "By sector"; options = { by = "sector"; }; },
  { plugin = "partnership"; title = "Modality"; },
  { plugin = "partnership"; title = "Funding"; options = { view = "source"; }; }
);
EOF
render_dataout "reach" "$work/report.cfg" "$work/out"
csv_us "$work/portfolio.csv" > "$work/p.us"

# compare LABEL FILE EXPECTED: rows as key,numbers... (label dropped), sorted
compare()
{
    [ -f "$2" ] || { fail "$1: no $2"; return; }
    csv_us "$2" | awk -F"$US" 'NR > 1 { s = $1; for (i = 3; i <= NF; i++) s = s "," sprintf("%.2f", $i); print s }' |
        sort > "$work/got"
    sort "$3" > "$work/want"
    if ! same_file "$work/want" "$work/got"; then
        fail "$1: data-out differs (- expected, + got):"
        diff -u "$work/want" "$work/got" | sed 's/^/    /' >&2
    fi
}

# beneficiaries by region: split evenly over the project's distinct regions
# in whole people, the remainder one each to the first regions by key
awk -F"$US" -v t="$work/regions.txt" '
BEGIN { while ((getline l < t) > 0) { split(l, a, ","); region[a[1]] = a[2] } }
NR > 1 && $16 != "" {
    n = split($5, c, ";"); delete seen; k = 0
    for (i = 1; i <= n; i++) if (!(region[c[i]] in seen)) { seen[region[c[i]]] = 1; k++ }
    each = int($16 / k); rest = $16 - each * k
    for (r in seen) {
        rank = 0
        for (q in seen) if (q < r) rank++
        sum[r] += each + (rank < rest ? 1 : 0)
    }
}
END { for (r in sum) printf "%s,%.2f\n", r, sum[r] }' "$work/p.us" > "$work/exp1"
compare "beneficiaries by region" "$work/out/01-beneficiaries.csv" "$work/exp1"
awk -F"$US" 'NR > 1 && $16 != "" { sum[$6] += $16 } END { for (s in sum) printf "%s,%.2f\n", s, sum[s] }' \
    "$work/p.us" > "$work/exp2"
compare "beneficiaries by sector" "$work/out/02-beneficiaries.csv" "$work/exp2"
# the sentence under the region chart names the region with most
# beneficiaries (by the test's own sums) and counts people, not projects
top=$(sort -t, -k2,2gr "$work/exp1" | awk -F, 'NR == 1 { r = $1; v = $2 } NR == 2 && $2 == v { r = "" } END { print r }')
if [ -n "$top" ] && command -v pdftotext >/dev/null 2>&1; then
    pdftotext "$work/out.pdf" - | tr '\n' ' ' | tr -s ' ' > "$work/reach.txt"
    grep -qF "$top has the most beneficiaries: " "$work/reach.txt" ||
        fail "beneficiaries: no sentence \"$top has the most beneficiaries: ...\""
    grep -qF "has the most projects: " "$work/reach.txt" &&
        fail "beneficiaries: a sentence counts beneficiaries as projects"
fi
missing=$(awk -F"$US" 'NR > 1 && $16 == ""' "$work/p.us" | wc -l)
[ "$missing" -gt 0 ] || fail "the generated portfolio reports every beneficiary: the test proves little"

# modality by start year: columns south-south, triangular, not_given
awk -F"$US" 'NR > 1 { y = $9; c = $14 == "" ? "n" : $14; cnt[y, c]++; years[y] = 1 }
END { for (y in years) printf "%s,%.2f,%.2f,%.2f\n", y, cnt[y, "south-south"], cnt[y, "triangular"], cnt[y, "n"] }' \
    "$work/p.us" > "$work/exp3"
head -n 1 "$work/out/03-partnership.csv" | grep -qx 'key,label,south-south,triangular,not_given' ||
    fail "partnership: header is $(head -n 1 "$work/out/03-partnership.csv")"
compare "modality by year" "$work/out/03-partnership.csv" "$work/exp3"

# budget shares by funding source
awk -F"$US" 'NR > 1 && $13 != "" { k = $12 == "" ? "not_given" : $12 == "PGTF" ? "PGTF" : "other"; s[k] += $13; t += $13 }
END { for (k in s) printf "%s,%.2f\n", k, 100 * s[k] / t }' "$work/p.us" > "$work/exp4"
compare "funding source shares" "$work/out/04-partnership.csv" "$work/exp4"

finish

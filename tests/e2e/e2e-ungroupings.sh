#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: the un-groupings plugin against the UN's own table.  The test
# reads the UN M49 file (/work/shared/data/unsd-m49/m49.csv, or $SSC_M49)
# itself, generates a portfolio of 250 projects over its countries, and
# compares the data-out with counts made here, in awk: a project counts in
# a grouping when one of its countries is marked in the UN's column, and
# its budget is split evenly over its countries.
. "$top_srcdir/tests/lib.sh"

need_m49

# alpha-3 code, LDC, LLDC, SIDS ("x" or empty), of the countries in a region
csv_us "$m49" | awk -F"$US" 'NR > 1 && $4 != "" && $11 != "" { print $11 "," $12 "," $13 "," $14 }' \
    > "$work/groups.csv"
[ "$(wc -l < "$work/groups.csv")" -gt 200 ] || die "could not read $m49"
for col in 2 3 4; do
    [ "$(awk -F, -v c=$col '$c == "x"' "$work/groups.csv" | wc -l)" -gt 10 ] ||
        die "$m49: column $col of the groupings is empty"
done

awk -F, -v seed=49 'NR == FNR { code[++n] = $1; next }
END {
    srand(seed)
    print "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary," \
          "sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality," \
          "gender_marker,beneficiaries"
    for (i = 1; i <= 250; i++) {
        k = 1 + int(rand() * 4); list = ""; delete used
        for (j = 0; j < k; j++) {
            c = code[1 + int(rand() * n)]
            if (c in used) continue
            used[c] = 1; list = list (list == "" ? "" : ";") c
        }
        budget = rand() < 0.85 ? 1000 * (1 + int(rand() * 500)) : ""
        printf "G-%03d,Project %d,Institute A,,%s,water,6,,2019,,ongoing,PGTF,%s,,,\n", i, i, list, budget
    }
}' "$work/groups.csv" /dev/null > "$work/portfolio.csv"

cat > "$work/report.cfg" <<EOF
title = "Groupings test";
data = { path = "portfolio.csv"; };
sections = ( { plugin = "un-groupings"; title = "UN groupings"; } );
EOF

render_dataout "groupings" "$work/report.cfg" "$work/out"
f="$work/out/01-un-groupings.csv"
[ -f "$f" ] || die "no $f"
head -n 1 "$f" | grep -qx 'key,label,projects,budget' || fail "header is $(head -n 1 "$f")"

csv_us "$work/portfolio.csv" | awk -F"$US" -v groups="$work/groups.csv" '
BEGIN {
    while ((getline line < groups) > 0) {
        split(line, g, ",")
        ldc[g[1]] = g[2] == "x"; lldc[g[1]] = g[3] == "x"; sids[g[1]] = g[4] == "x"
    }
}
NR > 1 {
    n = split($5, c, ";"); a = b = d = 0
    for (i = 1; i <= n; i++) { a += ldc[c[i]]; b += lldc[c[i]]; d += sids[c[i]] }
    if (a) { p["LDC"]++; if ($13 != "") m["LDC"] += $13 * a / n }
    if (b) { p["LLDC"]++; if ($13 != "") m["LLDC"] += $13 * b / n }
    if (d) { p["SIDS"]++; if ($13 != "") m["SIDS"] += $13 * d / n }
}
NR > 1 && $13 != "" { total += $13 }
END {
    printf "LDC,%d,%.2f\nLLDC,%d,%.2f\nSIDS,%d,%.2f\n", p["LDC"], m["LDC"], p["LLDC"], m["LLDC"], p["SIDS"], m["SIDS"]
    printf "all,%d,%.2f\n", NR - 1, total
}
' > "$work/expected"
csv_us "$f" | awk -F"$US" 'NR > 1 { printf "%s,%d,%.2f\n", $1, $3, $4 }' > "$work/got"
if ! same_file "$work/expected" "$work/got"; then
    fail "data-out differs from the count made from $m49 (- expected, + got):"
    diff -u "$work/expected" "$work/got" | sed 's/^/    /' >&2
fi
awk -F, '$2 == 0 { exit 1 }' "$work/expected" || fail "a grouping has no project: the test proves little"

finish

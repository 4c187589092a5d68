#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: the highlights page says what the test computes.  On a
# portfolio generated over the countries of the UN M49 file (read here,
# from /work/shared/data/unsd-m49/m49.csv or $SSC_M49), the sentences are
# read back from the PDF with pdftotext and compared with sentences this
# test writes from its own counts: the largest region, the growth of the
# projects started, the reach in the LDCs, the share triangular and the
# share marked for gender equality; then a report's own sentence with
# placeholders, and the Chinese edition's numbers.
. "$top_srcdir/tests/lib.sh"
need_tool pdftotext

need_m49

# code, region (the Americas split into their two sub-regions), LDC mark
csv_us "$m49" | awk -F"$US" 'NR > 1 && $4 != "" && $11 != "" {
    print $11 "," ($4 == "Americas" ? $6 : $4) "," $12 }' > "$work/countries.csv"

awk -F, 'NR == FNR { code[++n] = $1; next }
END {
    srand(5); split("south-south triangular", mod, " ")
    print "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary," \
          "sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality," \
          "gender_marker,beneficiaries"
    for (i = 1; i <= 160; i++) {
        k = 1 + int(rand() * 3); list = ""; delete used
        for (j = 0; j < k; j++) {
            c = code[1 + int(rand() * n)]
            if (c in used) continue
            used[c] = 1; list = list (list == "" ? "" : ";") c
        }
        m = rand() < 0.1 ? "" : mod[1 + int(rand() * 2)]
        g = rand() < 0.1 ? "" : int(rand() * 3)
        printf "H-%03d,Project %d,Institute A,,%s,water,6,,%d,,ongoing,PGTF,1000,%s,%s,\n", i, i,
               list, 2014 + int(rand() * 7), m, g
    }
}' "$work/countries.csv" /dev/null > "$work/portfolio.csv"

cat > "$work/report.cfg" <<EOF
title = "Highlights test";
data = { path = "portfolio.csv"; };
period = { year = 2019; };
sections = ( { plugin = "highlights"; title = "Highlights";
  options = { text = "Our own: {ldc_projects} projects in the LDCs, {triangular_share} triangular, since {previous}."; }; } );
EOF
run render "$work/report.cfg" -o "$work/h.pdf"
[ "$rc" -eq 0 ] || { show_run; die "render failed (exit $rc)"; }
pdftotext "$work/h.pdf" - | tr -s ' \n\f' '   ' > "$work/h.txt"

# ---- the test's own counts ---------------------------------------------------
csv_us "$work/portfolio.csv" | awk -F"$US" -v table="$work/countries.csv" -v Y=2019 '
function num(x,   t) { t = int(x * 10 + 0.5); return (t % 10) ? sprintf("%d.%d", t / 10, t % 10) : sprintf("%d", t / 10) }
BEGIN { while ((getline l < table) > 0) { split(l, a, ","); reg[a[1]] = a[2]; ldc[a[1]] = a[3] == "x" } }
NR > 1 {
    n++; k = split($5, c, ";"); delete seen; isldc = 0
    for (i = 1; i <= k; i++) { if (!(reg[c[i]] in seen)) { seen[reg[c[i]]] = 1; per[reg[c[i]]]++ } ; isldc += ldc[c[i]] }
    l += isldc > 0
    if ($9 == Y) now++
    if ($9 == Y - 1) before++
    tri += $14 == "triangular"
    gen += $15 != "" && $15 >= 1
}
END {
    for (r in per) if (per[r] > best || (per[r] == best && r < top)) { best = per[r]; top = r }
    printf "Most projects work in %s: %d of the %d projects reach it.\n", top, best, n
    d = now - before
    if (d == 0) printf "%d projects started in %d, as many as in %d.\n", now, Y, Y - 1
    else printf "%d projects started in %d, %d %s than in %d.\n", now, Y, (d < 0 ? -d : d), (d > 0 ? "more" : "fewer"), Y - 1
    printf "%d projects (%s%%) reach at least one Least Developed Country.\n", l, num(100 * l / n)
    printf "%s%% of the projects are triangular cooperation (%d of %d).\n", num(100 * tri / n), tri, n
    printf "%s%% of the projects are marked for gender equality (marker 1 or 2).\n", num(100 * gen / n)
    printf "Our own: %d projects in the LDCs, %s%% triangular, since %d.\n", l, num(100 * tri / n), Y - 1
}' > "$work/expected"

[ "$(wc -l < "$work/expected")" -eq 6 ] || die "could not compute the expected sentences"
while IFS= read -r sentence; do
    grep -qF -- "$sentence" "$work/h.txt" || fail "the PDF does not say: $sentence"
done < "$work/expected"
# the growth must be a change, not a tie of zeros, for the test to mean much
grep -q " 0 projects started" "$work/expected" && fail "the generated portfolio starts nothing in 2019"

# ---- the Chinese edition: the same numbers in its sentences ------------------
run render "$work/report.cfg" -o "$work/zh.pdf" --set language=zh
[ "$rc" -eq 0 ] || { show_run; die "zh render failed (exit $rc)"; }
pdftotext "$work/zh.pdf" - | tr -d ' \n\f' > "$work/zh.txt"
ldc=$(sed -n 's/^\([0-9]*\) projects (\([0-9.]*%\)) reach.*/\1个项目（占\2）覆盖至少一个最不发达国家。/p' "$work/expected")
grep -qF -- "$ldc" "$work/zh.txt" || fail "the Chinese edition does not say: $ldc"
# "N个项目中有K个": of N projects, K (the total first, as 三方合作's line)
zhnames='Africa=非洲|Asia=亚洲|Latin America and the Caribbean=拉丁美洲和加勒比|Oceania=大洋洲'
region=$(sed -n 's/^Most projects work in \(.*\): [0-9]* of the [0-9]* projects reach it\./\1/p' "$work/expected")
rzh=$(printf '%s\n' "$zhnames" | tr '|' '\n' | sed -n "s/^$region=//p")
top=$(sed -n 's/^Most projects work in .*: \([0-9]*\) of the \([0-9]*\) projects reach it\./\2个项目中有\1个/p' "$work/expected")
grep -qF -- "项目最多的地区是$rzh：$top在该地区开展。" "$work/zh.txt" ||
    fail "the Chinese edition does not say: 项目最多的地区是$rzh：$top在该地区开展。"
tri=$(sed -n 's/^\([0-9.]*%\) of the projects are triangular cooperation (\([0-9]*\) of \([0-9]*\))\./\1的项目为三方合作（\3个项目中有\2个）。/p' "$work/expected")
grep -qF -- "$tri" "$work/zh.txt" || fail "the Chinese edition does not say: $tri"

# ---- a placeholder that does not exist is an error naming it ------------------
run render "$work/report.cfg" -o "$work/bad.pdf" --set 'sections.0.options.text={ldc_proejcts}'
{ [ "$rc" -ne 0 ] && grep -qF "unknown placeholder {ldc_proejcts}" "$work/run.err"; } ||
    { fail "an unknown placeholder was not refused"; show_run; }

finish

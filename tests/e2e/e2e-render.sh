#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: `ssc-report render` with no report renders the bundled
# annual-meeting report from the bundled sample.  The PDF is checked with
# poppler and qpdf: page count, structure, embedded fonts, the metadata, the
# section titles, and the numbers, which this test computes itself from
# data/sample-portfolio.csv, the filters written in reports/annual-meeting.cfg
# and the reference tables in data/.  Then the Chinese edition.
. "$top_srcdir/tests/lib.sh"
need_tool pdfinfo pdftotext pdffonts qpdf

report="$top_srcdir/reports/annual-meeting.cfg"
sample="$top_srcdir/data/sample-portfolio.csv"

# check_pdf LABEL FILE: a well-formed A4 PDF of 8 pages or more with every
# font embedded.
check_pdf()
{
    label=$1 pdf=$2
    [ -s "$pdf" ] || { fail "$label: $pdf was not written"; return 1; }
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    [ "${pages:-0}" -ge 8 ] || fail "$label: $pages pages, expected at least 8"
    pdfinfo "$pdf" | grep -q '^Page size:.*(A4)' || fail "$label: pages are not A4"
    qpdf --check "$pdf" > "$work/qpdf.out" 2>&1 ||
        fail "$label: qpdf --check: $(tail -n 3 "$work/qpdf.out")"
    pdffonts "$pdf" > "$work/fonts" 2>&1 || fail "$label: pdffonts failed"
    # columns: name type encoding emb sub uni object-number generation
    nfonts=$(awk 'NR > 2' "$work/fonts" | wc -l)
    [ "$nfonts" -ge 1 ] || fail "$label: pdffonts lists no fonts"
    awk 'NR > 2 && $(NF - 4) != "yes" { print; bad = 1 } END { exit bad }' "$work/fonts" \
        > "$work/unembedded" || fail "$label: fonts not embedded: $(cat "$work/unembedded")"
    return 0
}

# ---- 1. render with no report: the bundled one ----------------------------
mkdir "$work/en"
cd "$work/en" || die "cannot enter $work/en"
run render -o bundled.pdf
[ "$rc" -eq 0 ] || { show_run; die "render of the bundled report failed (exit $rc)"; }
check_pdf bundled bundled.pdf
# written atomically: nothing else is left in the folder
[ "$(ls -A)" = bundled.pdf ] || fail "render left other files behind: $(ls -A | tr '\n' ' ')"

# the metadata comes from the report
cfg_value() { sed -n "s/^$1 *= *\"\\(.*\\)\";.*/\\1/p" "$report" | head -n 1; }
title=$(cfg_value title)
subtitle=$(cfg_value subtitle)
[ -n "$title" ] || die "cannot read the title of $report"
pdfinfo bundled.pdf > "$work/info"
grep -qxF "Title:           $title" "$work/info" || fail "PDF title is not \"$title\""

# the text, with line breaks and runs of spaces made single spaces (titles
# may wrap)
pdftotext bundled.pdf "$work/en.txt" || fail "pdftotext failed"
tr -s ' \n\f' '   ' < "$work/en.txt" > "$work/en.flat"
has_text() { grep -qF -- "$1" "$work/en.flat"; }
has_text "$title" || fail "the report title \"$title\" is not in the PDF"
has_text "$subtitle" || fail "the subtitle \"$subtitle\" is not in the PDF"

# every section title of the report
sed -n 's/.*plugin *= *"[^"]*"; *title *= *"\([^"]*\)".*/\1/p' "$report" > "$work/titles"
[ "$(wc -l < "$work/titles")" -ge 6 ] || die "cannot read the section titles of $report"
while IFS= read -r t; do
    has_text "$t" || fail "section title \"$t\" is not in the PDF"
done < "$work/titles"

# ---- the numbers, computed from the sample and the report's filters --------
statuses=$(sed -n 's/^ *statuses *= *\[\(.*\)\];.*/\1/p' "$report" | tr -d '",')
ymin=$(sed -n 's/^ *start_year_min *= *\([0-9]*\);.*/\1/p' "$report")
ymax=$(sed -n 's/^ *start_year_max *= *\([0-9]*\);.*/\1/p' "$report")
grep -q '^ *\(regions\|sectors\|lead_institutions\) *=' "$report" &&
    die "the report filters by region, sector or lead: teach this test those filters"

csv_us "$sample" > "$work/sample.us"
csv_us "$top_srcdir/data/m49-countries.csv" > "$work/m49.us"
csv_us "$top_srcdir/data/sdg-goals.csv" > "$work/sdg.us"

# facts NAME...: one "name value" line per figure; per-region, per-SDG and
# per-year counts as "region NAME N", "sdg G LABEL N", "year Y N".
awk -F"$US" -v statuses="$statuses" -v ymin="$ymin" -v ymax="$ymax" '
    BEGIN { n = split(statuses, a, " "); for (i = 1; i <= n; i++) ok[a[i]] = 1; nstat = n }
    function trim(s) { gsub(/^ +| +$/, "", s); return s }
    FILENAME == ARGV[1] && FNR == 1 { for (i = 1; i <= NF; i++) mc[$i] = i; next }
    FILENAME == ARGV[1] { region_of[$mc["alpha3"]] = $mc["region"]; next }
    FILENAME == ARGV[2] { if (FNR > 1) sdg_name[$1] = $2; next }
    FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
        y = substr($col["start_date"], 1, 4) + 0
        if (ymin != "" && y < ymin + 0) next
        if (ymax != "" && y > ymax + 0) next
        if (nstat && !($col["status"] in ok)) next
        projects++
        leads[$col["lead_institution"]] = 1
        nc = split($col["countries"], cs, ";")
        split("", seen)
        for (i = 1; i <= nc; i++) {
            c = trim(cs[i]); countries[c] = 1
            r = region_of[c]; if (r == "") { print "unknown country " c > "/dev/stderr"; exit 2 }
            if (!(r in seen)) { seen[r] = 1; per_region[r]++ }
        }
        split("", seen)
        seen[$col["sdg_primary"] + 0] = 1
        ns = split($col["sdg_secondary"], ss, ";")
        for (i = 1; i <= ns; i++) if (trim(ss[i]) != "") seen[trim(ss[i]) + 0] = 1
        for (g in seen) per_sdg[g]++
        per_year[y]++
        if (first == "" || y < first) first = y
        if (last == "" || y > last) last = y
        if ($col["budget_usd"] != "") budget += $col["budget_usd"]
        if ($col["gender_marker"] == 1 || $col["gender_marker"] == 2) marked++
    }
    function size(a,   k, n) { n = 0; for (k in a) n++; return n }
    END {
        print "projects " projects
        print "countries " size(countries)
        print "leads " size(leads)
        print "regions " size(per_region)
        printf "budget %.0f\n", budget
        printf "gender %.1f\n", 100 * marked / projects
        for (r in per_region) print "region " per_region[r] " " r
        for (g = 1; g <= 17; g++) print "sdg " (g in per_sdg ? per_sdg[g] : 0) " " g " " sdg_name[g]
        for (y = first; y <= last; y++) print "year " (y in per_year ? per_year[y] : 0) " " y
    }' "$work/m49.us" "$work/sdg.us" "$work/sample.us" > "$work/facts" ||
    die "cannot compute the expected figures"
fact() { awk -v k="$1" '$1 == k { print $2 }' "$work/facts"; }

# The sample as the issue describes it: 47 projects, all shown.
[ "$(fact projects)" = 47 ] || fail "expected 47 projects in the sample, computed $(fact projects)"

# The headline figures are on the page of the kpi section (not the
# contents page, which lists its title too).
pdftotext -layout bundled.pdf "$work/en-layout.txt"
kpi_title=$(sed -n 's/.*plugin *= *"kpi"; *title *= *"\([^"]*\)".*/\1/p' "$report" | head -n 1)
[ -n "$kpi_title" ] || die "cannot find the kpi section of $report"
awk -v RS='\f' -v t="$kpi_title" 'index($0, t) && !index($0, "Contents") { print; exit }' \
    "$work/en-layout.txt" > "$work/kpi-page"
tr -s ' \n' '\n\n' < "$work/kpi-page" > "$work/kpi-words"
for f in projects countries leads regions; do
    grep -qxF "$(fact $f)" "$work/kpi-words" ||
        fail "headline figure $f = $(fact $f) is not on the page of \"$kpi_title\""
done
# the total budget, in full (2,694,000 or 2694000) or in millions (2.69)
budget=$(fact budget)
budget_grouped=$(echo "$budget" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta')
budget_millions=$(awk -v b="$budget" 'BEGIN { printf "%.2f", b / 1e6 }')
grep -qF -e "$budget_grouped" -e "$budget" "$work/kpi-page" ||
    { grep -qF "$budget_millions" "$work/kpi-page" && grep -qi 'million' "$work/kpi-page"; } ||
    fail "total budget $budget ($budget_grouped, or $budget_millions million) is not on the page of \"$kpi_title\""
grep -qF "$(fact gender)%" "$work/kpi-page" ||
    fail "gender share $(fact gender)% is not on the page of \"$kpi_title\""

# Per region, SDG and year: a line of the PDF shows the label, then the count.
# lines_with LABEL N: some line holds LABEL, blanks, N as a cell pair of its
# own (a narrow table may stand in blocks side by side, so one line of the
# page can hold a row of each block).
squeeze() { sed 's/^ *//; s/ *$//; s/   */  /g' "$work/en-layout.txt"; }
squeeze > "$work/lines"
lines_with()
{
    awk -v want="$1  $2" '{ line = "  " $0 "  " } index(line, "  " want "  ") { found = 1 }
        END { exit !found }' "$work/lines"
}
grep '^region ' "$work/facts" | while read -r _ n name; do
    lines_with "$name" "$n" || echo "region \"$name\": no line showing $n"
done > "$work/missing"
grep '^sdg ' "$work/facts" | while read -r _ n g name; do
    lines_with "$g $name" "$n" || echo "SDG $g: no line showing \"$g $name\" with $n"
done >> "$work/missing"
grep '^year ' "$work/facts" | while read -r _ n y; do
    lines_with "$y" "$n" || echo "year $y: no line showing $n"
done >> "$work/missing"
if [ -s "$work/missing" ]; then
    fail "counts missing from the PDF:"
    sed 's/^/    /' "$work/missing" >&2
fi
# every project's id or title is in the project list
tail -n +2 "$work/sample.us" | cut -d"$US" -f2 | cut -c1-20 | while IFS= read -r t; do
    grep -qF -- "$t" "$work/en.flat" || echo "$t"
done > "$work/missing-titles"
[ -s "$work/missing-titles" ] &&
    fail "project titles missing from the PDF: $(tr '\n' '|' < "$work/missing-titles")"

# ---- 2. render with no -o: ./annual-meeting.pdf (the report's output) -----
mkdir "$work/default"
cd "$work/default" || die "cannot enter $work/default"
run render
[ "$rc" -eq 0 ] || { show_run; fail "render with no arguments failed (exit $rc)"; }
[ -s annual-meeting.pdf ] || fail "render with no arguments did not write ./annual-meeting.pdf"

# ---- 3. the Chinese edition ------------------------------------------------
mkdir "$work/zh"
cd "$work/zh" || die "cannot enter $work/zh"
run render -o zh.pdf --set language=zh
if [ "$rc" -ne 0 ]; then
    show_run
    fail "render --set language=zh failed (exit $rc)"
else
    check_pdf zh zh.pdf
    pdftotext zh.pdf "$work/zh.txt" || fail "pdftotext failed on zh.pdf"
    grep -qE '非洲|亚洲' "$work/zh.txt" || fail "zh: no region name in Chinese (非洲, 亚洲)"
    grep -qF '性别平等' "$work/zh.txt" || fail "zh: no 性别平等 (gender equality) in the PDF"
    # the Chinese SDG short names from the reference table
    tr -d ' \n\f' < "$work/zh.txt" > "$work/zh.flat"
    tail -n +2 "$work/sdg.us" | cut -d"$US" -f3 | while IFS= read -r name; do
        grep -qF -- "$name" "$work/zh.flat" || echo "$name"
    done > "$work/zh-missing"
    [ -s "$work/zh-missing" ] && fail "zh: SDG names missing: $(tr '\n' ' ' < "$work/zh-missing")"
fi

# ---- 4. data and titles are text, never Pango markup ------------------------
mkdir "$work/markup"
cd "$work/markup" || die "cannot enter $work/markup"
printf '%s\n' 'id,title,lead_institution,countries,sector,sdg_primary,start_date,status' \
    'M-1,<i>Fish</i> & chips <span size="99999">x</span>,Lead &amp; Co,VNM,water,6,2015,ongoing' \
    > markup.csv
cat > markup.cfg <<'EOF'
title = "<b>Bold?</b> & <i>not</i>";
data = { path = "markup.csv"; };
sections = ( { plugin = "project-table"; title = "Projects & <u>lists</u>"; } );
EOF
run render markup.cfg -o markup.pdf
if [ "$rc" -ne 0 ]; then
    show_run
    fail "render of a report with markup-like text failed (exit $rc)"
else
    pdftotext markup.pdf - | tr -s ' \n\f' '   ' > "$work/markup.txt"
    for t in '<b>Bold?</b> & <i>not</i>' 'Projects & <u>lists</u>' '<i>Fish</i> & chips' 'Lead &amp; Co'; do
        grep -qF -- "$t" "$work/markup.txt" || fail "markup-like text \"$t\" is not shown as written"
    done
fi

finish

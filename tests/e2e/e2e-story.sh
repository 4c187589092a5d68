#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: project spotlights and institution profiles.  On a portfolio
# written here, the data-out of spotlight (chosen ids, and the largest
# started in the period) and of institutions (with and without the
# report's member_institutions) must equal what this test counts in awk
# from the same CSV; a story's description must be in the PDF whole; a
# spotlight asked for three stories is refused by name.
. "$top_srcdir/tests/lib.sh"
need_tool pdftotext
need_tool pdfinfo

cat > "$work/portfolio.csv" <<'EOF'
id,title,lead_institution,partner_institutions,countries,sector,sdg_primary,sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality,gender_marker,beneficiaries,description
S-1,Solar pumps,Institute A,Institute B;UNDP,KEN;ETH,energy,7,1;5,2018-03-01,2020-02-28,completed,PGTF,50000,south-south,1,,Pumps that run on sunlight water the fields of smallholders.
S-2,Biogas,Institute B,Institute A,VNM,energy,7,,2019-01,2021-06,completed,PGTF,80000,triangular,0,,
S-3,Rice fish,Institute A,,VNM;LAO;KHM,agriculture,2,,2019-05,,ongoing,PGTF,30000,south-south,2,,
S-4,Mangroves,Institute C,Institute A;Institute B,CUB;HTI,water,14,13,2019-07,,ongoing,PGTF,95000,south-south,1,,
S-5,Bamboo,Institute C,,IDN,forestry,15,,2017,2019,completed,PGTF,,south-south,0,,
S-6,Seeds,Institute A,Institute C,ZMB;MWI,agriculture,2,1,2019-11,,ongoing,PGTF,95000,south-south,1,,
EOF

cat > "$work/report.cfg" <<'EOF'
title = "Story test";
data = { path = "portfolio.csv"; };
period = { year = 2019; };
member_institutions = [ "Institute B", "Institute A", "Institute Z" ];
sections = (
  { plugin = "spotlight"; title = "Chosen"; options = { ids = "S-1, S-3"; }; },
  { plugin = "spotlight"; title = "Largest"; },
  { plugin = "institutions"; title = "Members"; }
);
EOF
sed '/^member_institutions/d' "$work/report.cfg" > "$work/nomembers.cfg"

render_dataout story "$work/report.cfg" "$work/out"
render_dataout story-nomembers "$work/nomembers.cfg" "$work/out2"
csv_us "$work/portfolio.csv" > "$work/p.us"

# compare LABEL FILE EXPECTED: every row as key,label,values... in order
compare()
{
    [ -f "$2" ] || { fail "$1: no $2"; return; }
    # numbers to two decimals on both sides, so 2 and 2.00 are one value
    csv_us "$2" | awk -F"$US" 'NR > 1 { s = $1; for (i = 2; i <= NF; i++) s = s "|" $i; print s }' |
        awk -F'|' -v OFS='|' '{ for (i = 2; i <= NF; i++) if ($i ~ /^-?[0-9]+(\.[0-9]+)?$/)
            $i = sprintf("%.2f", $i); print }' > "$work/got"
    awk -F'|' -v OFS='|' '{ for (i = 2; i <= NF; i++) if ($i ~ /^-?[0-9]+(\.[0-9]+)?$/)
        $i = sprintf("%.2f", $i); print }' "$3" > "$work/want"
    if ! cmp -s "$work/want" "$work/got"; then
        fail "$1: data-out differs (- expected, + got):"
        diff -u "$work/want" "$work/got" | tail -n +3 | sed 's/^/    /' >&2
    fi
}

# spotlight columns: budget_usd, lead, partners, countries, start, end,
# sdgs (primary first), description
spot()
{
    awk -F"$US" -v want="$1" 'NR == 1 { next }
    { row[$1] = $0 }
    END {
        n = split(want, ids, " ")
        for (i = 1; i <= n; i++) {
            split(row[ids[i]], f, "\037")
            partners = f[4]; gsub(/;/, "; ", partners)
            countries = f[5]; gsub(/;/, "; ", countries)
            sdgs = f[7] (f[8] == "" ? "" : "; " f[8]); gsub(/;/, "; ", sdgs); gsub(/;  /, "; ", sdgs)
            budget = f[13] == "" ? "" : sprintf("%.2f", f[13])
            print f[1] "|" f[2] "|" budget "|" f[3] "|" partners "|" countries "|" f[9] "|" f[10] "|" sdgs "|" f[17]
        }
    }' "$work/p.us"
}
spot "S-1 S-3" > "$work/e1"
compare "spotlight by ids" "$work/out/01-spotlight.csv" "$work/e1"
# the two largest budgets among the projects started in 2019: S-4 and S-6
# tie at 95000 (by id), then S-2 at 80000 is left out
largest=$(awk -F"$US" 'NR > 1 && substr($9, 1, 4) == "2019" && $13 != "" { print $13 "\t" $1 }' \
    "$work/p.us" | sort -t '	' -k1,1nr -k2,2 | head -n 2 | cut -f2 | tr '\n' ' ')
[ "$largest" = "S-4 S-6 " ] || fail "the test's own choice of the largest is off: $largest"
spot "$largest" > "$work/e2"
compare "spotlight largest in the period" "$work/out/02-spotlight.csv" "$work/e2"

# institutions: led, partnered (not as lead), distinct countries of both,
# budget of the projects led, sectors by projects (ties: first seen)
inst()
{
    awk -F"$US" -v want="$1" 'NR == 1 { next }
    {
        np = split($4, ps, ";"); nc = split($5, cs, ";")
        for (k in in_row) delete in_row[k]
        in_row[$3] = "lead"
        for (i = 1; i <= np; i++) if (!(ps[i] in in_row)) in_row[ps[i]] = "partner"
        for (who in in_row) {
            if (in_row[who] == "lead") { led[who]++; budget[who] += $13 }
            else partnered[who]++
            for (i = 1; i <= nc; i++) if (!((who, cs[i]) in seen)) { seen[who, cs[i]] = 1; nco[who]++ }
            if (!((who, $6) in sn)) order[who] = order[who] (order[who] == "" ? "" : ";") $6
            sn[who, $6]++
        }
        if (!($3 in known)) { known[$3] = 1; leads[++nl] = $3 }
    }
    END {
        n = split(want, names, "|")
        if (want == "") {
            # every lead, most projects led first, then by name
            for (i = 1; i <= nl; i++) names[i] = leads[i]
            n = nl
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
                if (led[names[j]] > led[names[i]] || (led[names[j]] == led[names[i]] && names[j] < names[i])) {
                    t = names[i]; names[i] = names[j]; names[j] = t
                }
        }
        for (i = 1; i <= n; i++) {
            w = names[i]
            if (led[w] + partnered[w] == 0) continue  # a profile of zeros is no profile
            k = split(order[w], ss, ";"); sectors = ""
            for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++)
                if (sn[w, ss[b]] > sn[w, ss[a]]) { t = ss[a]; ss[a] = ss[b]; ss[b] = t }
            for (a = 1; a <= k; a++) sectors = sectors (a > 1 ? "; " : "") ss[a]
            printf "%s|%s|%.2f|%.2f|%.2f|%.2f|%s\n", w, w, led[w], partnered[w], nco[w], budget[w], sectors
        }
    }' "$work/p.us"
}
inst "Institute B|Institute A|Institute Z" > "$work/e3"
compare "institutions (members)" "$work/out/03-institutions.csv" "$work/e3"
inst "" > "$work/e4"
compare "institutions (leads)" "$work/out2/03-institutions.csv" "$work/e4"

# the story's text is in the PDF whole
pdftotext "$work/out.pdf" - | tr '\n' ' ' | tr -s ' ' > "$work/text"
# the member with no project is named once, under the profiles
grep -qF "1 member institution has no project in this portfolio: Institute Z." "$work/text" ||
    fail "the member without a project is not named under the profiles"
grep -qF "Pumps that run on sunlight water the fields of smallholders." "$work/text" ||
    fail "the description of S-1 is not in the PDF whole"
grep -qF "Kenya, Ethiopia" "$work/text" || fail "the countries of S-1 are not named in the PDF"

# counts in a profile go through the number format: a lead of 1,001
# projects reads "Led 1,001"; and the institutions chart marks no bar
# "(non-member)" when no member of the report is in the data, while it marks
# the others when one is
awk 'BEGIN { print "id,title,lead_institution,countries,sector,sdg_primary,start_date,status,budget_usd"
    for (i = 1; i <= 1001; i++) printf "L-%d,Loop %d,Institute Q,KEN,agriculture,2,2019,completed,1000\n", i, i
    print "L-x,Other,Institute R,KEN,agriculture,2,2019,completed,1000" }' > "$work/many.csv"
for members in '"Institute Y"' '"Institute Q"'; do
    cat > "$work/many.cfg" <<EOF
title = "Many";
data = { path = "many.csv"; };
member_institutions = [ $members ];
sections = (
  { plugin = "institutions"; title = "Profiles"; },
  { plugin = "by-institution"; title = "Chart"; }
);
EOF
    run render "$work/many.cfg" -o "$work/many.pdf"
    [ "$rc" -eq 0 ] || { show_run; fail "many ($members): render failed"; continue; }
    pdftotext "$work/many.pdf" - | tr '\n' ' ' | tr -s ' ' > "$work/many.txt"
    grep -qF "Led 1,001, partnered 0" "$work/many.txt" ||
        fail "many ($members): the profile does not read \"Led 1,001, partnered 0\""
    case $members in
    *Y*) grep -qF "non-member" "$work/many.txt" &&
            fail "no member is in the data, yet a bar is marked non-member" ;;
    *) grep -qF "Institute R (non-member)" "$work/many.txt" ||
            fail "a member is in the data, yet Institute R is not marked non-member" ;;
    esac
done

# stories without a description take the room they need, not half a page
# each: a short section after two of them still starts on their page
cat > "$work/short.cfg" <<'EOF'
title = "Short stories";
toc = false;
data = { path = "portfolio.csv"; };
sections = (
  { plugin = "spotlight"; title = "Two"; options = { ids = "S-2, S-3"; }; },
  { plugin = "by-status"; title = "After"; data_table = "none"; }
);
EOF
run render "$work/short.cfg" -o "$work/short.pdf"
[ "$rc" -eq 0 ] || { show_run; fail "short stories: render failed"; }
page_of() { # page_of PDF TEXT: the first page holding TEXT alone on a line
    n=$(pdfinfo "$1" | sed -n 's/^Pages: *//p')
    for pg in $(seq 1 "$n"); do
        pdftotext -f "$pg" -l "$pg" "$1" - | grep -qx "$2" && { echo "$pg"; return; }
    done
}
[ "$(page_of "$work/short.pdf" "Rice fish")" = "$(page_of "$work/short.pdf" "After")" ] ||
    fail "two stories without a description fill their page: 'After' is not on theirs"

# three stories in one section are refused, naming the option
sed 's/ids = "S-1, S-3"/ids = "S-1 S-3 S-4"/' "$work/report.cfg" > "$work/three.cfg"
run render "$work/three.cfg" -o "$work/three.pdf"
if [ "$rc" -eq 0 ] || ! grep -q 'options.ids: a spotlight section tells at most 2' "$work/run.err"; then
    fail "three stories in one spotlight section were not refused (exit $rc)"
    show_run
fi
[ -f "$work/three.pdf" ] && fail "a refused render wrote a PDF"

finish

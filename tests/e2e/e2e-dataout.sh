#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: --data-out on a portfolio this test writes itself (BOM, CRLF,
# columns in an unusual order, quoted commas, quotes and line breaks, mixed
# date forms, every status), compared file by file with counts computed
# here, in awk, from the rows written below and a small region table of our
# own.  Then the same with filters, with --set, and with renamed headers.
. "$top_srcdir/tests/lib.sh"

# ---- the input -------------------------------------------------------------

# Our own region table for the few countries used (UN M49 regions, with the
# Americas split as DESIGN.md says).
cat > "$work/regions.txt" <<EOF
VNM${US}Asia
LKA${US}Asia
KEN${US}Africa
ETH${US}Africa
BRA${US}Latin America and the Caribbean
FJI${US}Oceania
CAN${US}Northern America
EOF

# Sector labels this test expects: the report below declares agriculture
# (overriding the built-in label) and health (not a built-in sector); the
# others are the built-in defaults documented in docs/report-format.md.
sector_labels='agriculture=Farming|health=Health care|forestry=Forestry|fishery=Fishery and aquaculture|renewable-energy=Renewable energy|ict=Information technology|water=Clean water|financial-services=Financial services'

# The portfolio, in LF here and turned into CRLF with a BOM below.  Rows are
# deliberately out of id order.  T-02's title holds a line break.
cat > "$work/lf.csv" <<'EOF'
id,status,title,countries,lead_institution,sector,sdg_primary,sdg_secondary,start_date,end_date,budget_usd,gender_marker,notes,partner_institutions,funding_source,modality,beneficiaries
T-08,ongoing,E-government exchange,BRA;CAN;VNM;KEN;FJI,Institute A,ict,17,9;16,2010,,5000,0,,,PGTF,south-south,
T-01,completed,"Rice, fish and ""smart"" farming","VNM; LKA",Institute A,agriculture,2,"1;5",2012-03,2014-12,1000,1,"a note, with a comma",,PGTF,south-south,120
T-11,completed,"Quote ""inside"" the title",KEN,Institute A,agriculture,5,17,2012-12-31,,1000.25,2,,,,,
T-03,completed,Mangrove restoration,FJI,Institute A,forestry,14,,2010-11-30,2012,,0,,,,,
T-02,ongoing,"Solar pumps
for villages",KEN;ETH;BRA,Institute B,renewable-energy,7," 5 ; 17 ; 7 ",2015,,2500.5,2,,"Partner X; Partner Y",PGTF,triangular,
T-05,cancelled,Mobile banking,ETH,Institute B,financial-services,8,1;5;10,2015-06,,3000,1,,,,,
T-10,ongoing,Seed banks,LKA,Institute D,agriculture,2,15;13,2018,,400,0,,,,,
T-04,pipeline,渔业技术培训,CAN;BRA,"Institute, C",fishery,14,2;17,2018-01-15,,700,,,,,,
T-06,suspended,Rain-water harvesting,LKA; FJI ;KEN,"Institute, C",water,6,3,2013,,1200,0,,,,,
T-09,completed,Bamboo training,ETH,Institute B,forestry,15,1,2016-09,,600,1,,,,,
T-07,completed,Health posts,VNM,Institute D,health,3,5,2015-02-28,,800,2,,,,,
EOF
{ printf '\357\273\277'; sed 's/$/\r/' "$work/lf.csv"; } > "$work/portfolio.csv"
grep -q "$(printf '\r')\$" "$work/portfolio.csv" || die "could not write CRLF"

# The same rows with four headers renamed, for data.columns.
sed '1s/id,status,/Project ID,State,/; 1s/,countries,/,Countries (ISO3),/; 1s/,sdg_primary,/,Main SDG,/' \
    "$work/portfolio.csv" > "$work/renamed.csv"
renames='id=Project ID|status=State|countries=Countries (ISO3)|sdg_primary=Main SDG'
head -n 1 "$work/renamed.csv" | grep -q 'Project ID,State,title,Countries (ISO3),' ||
    die "could not write the renamed header"

# Country names in tables: the UN names of the engine's reference table,
# read by column name.
csv_us "$top_srcdir/data/m49-countries.csv" | awk -F"$US" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { print $col["alpha3"] "\037" $col["name"] }' > "$work/names.us"

# SDG short names, from the reference table the engine is built from.
csv_us "$top_srcdir/data/sdg-goals.csv" > "$work/sdg.us"

# A report with every plugin, both by-sdg counts and two project tables.
# write_report FILE DATA FILTERS [EXTRA]
write_report()
{
    cat > "$1" <<EOF
title = "Data-out test";
language = "en";
data = { path = "$2"; format = "csv"; $4 };
filters = { $3 };
sectors = (
  { code = "agriculture"; label = "Farming"; label_zh = "农耕"; colour = "#336633"; },
  { code = "health"; label = "Health care"; }
);
sections = (
  { plugin = "kpi"; title = "At a glance"; },
  { plugin = "by-region"; title = "Regions"; },
  { plugin = "by-sector"; title = "Sectors"; chart = "bar"; },
  { plugin = "by-sdg"; title = "Goals (any)"; },
  { plugin = "by-sdg"; title = "Goals (primary)"; options = { count = "primary"; }; },
  { plugin = "timeline"; title = "Starts"; chart = "line"; },
  { plugin = "project-table"; title = "Projects"; options = { sort = "id"; }; },
  { plugin = "project-table"; title = "Largest"; options = { sort = "budget"; limit = 3; }; }
);
EOF
}
files="01-kpi 02-by-region 03-by-sector 04-by-sdg 05-by-sdg 06-timeline 07-project-table 08-project-table"

# ---- the expected values ---------------------------------------------------

# expect WHAT PORTFOLIO.us FILTERS...: the expected table, one record per
# line, fields separated by \037, header first.  FILTERS are awk variable
# assignments: statuses="a b", ymin=, ymax=, regions="A|B", leads="A|B",
# renames="spec=header|...".
cat > "$work/expect.awk" <<'EOF'
BEGIN {
    FS = OFS = "\037"
    n = split(renames, rr, "|")
    for (i = 1; i <= n; i++) { split(rr[i], kv, "="); spec_of[kv[2]] = kv[1] }
    n = split(statuses, a, " "); for (i = 1; i <= n; i++) want_status[a[i]] = 1; nstat = n
    n = split(regions, a, "|"); for (i = 1; i <= n; i++) want_region[a[i]] = 1; nreg = n
    n = split(leads, a, "|"); for (i = 1; i <= n; i++) want_lead[a[i]] = 1; nlead = n
    n = split(sector_labels, a, "|")
    for (i = 1; i <= n; i++) { split(a[i], kv, "="); sector_label[kv[1]] = kv[2] }
}
function trim(s) { gsub(/^ +| +$/, "", s); return s }
FILENAME == regfile { region_of[$1] = $2; next }
FILENAME == namefile { name_of[$1] = $2; next }
FILENAME == sdgfile { if (FNR > 1) sdg_name[$1] = $2; next }
FNR == 1 {
    for (i = 1; i <= NF; i++) { h = $i; if (h in spec_of) h = spec_of[h]; col[h] = i }
    next
}
{
    year = substr($col["start_date"], 1, 4) + 0
    if (ymin != "" && year < ymin + 0) next
    if (ymax != "" && year > ymax + 0) next
    if (nstat && !($col["status"] in want_status)) next
    if (nlead && !($col["lead_institution"] in want_lead)) next
    # the project's countries and distinct regions
    nc = split($col["countries"], cs, ";")
    split("", seenreg); nr = 0; clist = ""; keep = !nreg
    for (i = 1; i <= nc; i++) {
        c = trim(cs[i]); clist = clist (i > 1 ? "; " : "") (c in name_of ? name_of[c] : c)
        r = region_of[c]
        if (r == "") { print "no region for " c > "/dev/stderr"; exit 2 }
        if (!(r in seenreg)) { seenreg[r] = 1; regs[++nr] = r }
        if (r in want_region) keep = 1
    }
    if (!keep) next
    p++
    id[p] = $col["id"]; title[p] = $col["title"]; lead[p] = $col["lead_institution"]
    status[p] = $col["status"]; budget[p] = $col["budget_usd"]; countries[p] = clist
    start[p] = year
    for (i = 1; i <= nr; i++) by_region[regs[i]]++
    for (i = 1; i <= nc; i++) all_countries[trim(cs[i])] = 1
    for (i = 1; i <= nr; i++) all_regions[regs[i]] = 1
    all_leads[lead[p]] = 1
    by_sector[$col["sector"]]++
    # SDGs: the primary, then the distinct secondary goals
    split("", seensdg)
    g = $col["sdg_primary"] + 0; seensdg[g] = 1; sdg_primary[g]++
    ns = split($col["sdg_secondary"], ss, ";")
    for (i = 1; i <= ns; i++) { g = trim(ss[i]); if (g != "") seensdg[g + 0] = 1 }
    for (g in seensdg) sdg_any[g]++
    by_year[year]++
    if (first_year == "" || year < first_year) first_year = year
    if (last_year == "" || year > last_year) last_year = year
    if ($col["budget_usd"] != "") total += $col["budget_usd"]
    if ($col["gender_marker"] == 1 || $col["gender_marker"] == 2) marked++
}
function count(a, k) { return (k in a) ? a[k] : 0 }
function size(a,   k, n) { n = 0; for (k in a) n++; return n }
END {
    if (what == "kpi") {
        print "key", "label", "value"
        print "projects", "*", p + 0
        print "countries", "*", size(all_countries)
        print "regions", "*", size(all_regions)
        print "lead_institutions", "*", size(all_leads)
        printf "budget_total%s*%s%.6f\n", OFS, OFS, total
        printf "gender_share%s*%s%.6f\n", OFS, OFS, p ? 100 * marked / p : 0
    } else if (what == "region") {
        print "key", "label", "value"
        for (r in by_region) print r, r, by_region[r]
    } else if (what == "sector") {
        print "key", "label", "value"
        for (s in by_sector) print s, (s in sector_label ? sector_label[s] : s), by_sector[s]
    } else if (what == "sdg_any" || what == "sdg_primary") {
        print "key", "label", "value"
        for (g = 1; g <= 17; g++)
            print g, g " " sdg_name[g], what == "sdg_any" ? count(sdg_any, g) : count(sdg_primary, g)
    } else if (what == "timeline") {
        print "key", "label", "value"
        for (y = first_year; p && y <= last_year; y++) print y, y, count(by_year, y)
    } else if (what == "table") {
        print "key", "label", "lead_institution", "countries", "start_year", "status", "budget_usd"
        for (i = 1; i <= p; i++)
            print id[i], title[i], lead[i], countries[i], start[i], status[i], budget[i]
    }
}
EOF

# expect WHAT PORTFOLIO.csv [awk assignments...]
expect()
{
    what=$1 csv=$2
    shift 2
    csv_us "$csv" > "$work/in.us"
    awk -f "$work/expect.awk" -v what="$what" -v regfile="$work/regions.txt" \
        -v namefile="$work/names.us" \
        -v sdgfile="$work/sdg.us" -v sector_labels="$sector_labels" "$@" \
        "$work/regions.txt" "$work/names.us" "$work/sdg.us" "$work/in.us"
}

# Numbers are compared as numbers (6 decimals); the status column of the
# project table case-insensitively (its label may be "Completed").
normalise()
{
    awk -F"$US" -v OFS="$US" -v kind="$1" '
        NR > 1 {
            for (i = 3; i <= NF; i++)
                if ($i ~ /^-?[0-9]+(\.[0-9]+)?$/) $i = sprintf("%.6f", $i)
            if (kind == "table") $6 = tolower($6)
            if (kind == "kpi") $2 = "*"
        }
        { print }'
}

# compare NAME KIND ORDER EXPECTED.us ACTUAL.csv: ORDER is "ordered" (rows
# in this order), "byvalue" (any order of equal values, largest first).
compare()
{
    name=$1 kind=$2 order=$3 expected=$4 actual=$5
    if [ ! -f "$actual" ]; then
        fail "$name: $actual was not written"
        return
    fi
    head -n 1 "$actual" | tr -d '\r' > "$work/header"
    csv_us "$actual" > "$work/actual.raw"
    # plain decimal numbers only: no exponent, no thousands separator
    awk -F"$US" -v kind="$kind" 'NR > 1 {
            for (i = 3; i <= NF; i++) {
                # the project table: start_year and budget_usd are numbers
                if (kind == "table" && i != 5 && i != 7) continue
                if ($i !~ /^-?[0-9]+(\.[0-9]+)?$/ && !(kind == "table" && $i == ""))
                    { print "not a plain decimal number: " $i; exit 1 }
                if (kind == "count" && $i !~ /^[0-9]+$/)
                    { print "not a whole count: " $i; exit 1 }
            }
        }' "$work/actual.raw" > "$work/numcheck" || fail "$name: $(cat "$work/numcheck")"
    normalise "$kind" < "$work/actual.raw" > "$work/actual.us"
    normalise "$kind" < "$expected" > "$work/expected.us"
    if [ "$order" = byvalue ]; then
        # values never increase down the file...
        awk -F"$US" 'NR > 2 && $3 + 0 > prev + 0 { bad = 1 } NR > 1 { prev = $3 } END { exit bad }' \
            "$work/actual.us" || fail "$name: rows are not sorted by value, largest first"
        # ...and the rows are the expected ones
        { head -n 1 "$work/actual.us"; tail -n +2 "$work/actual.us" | sort; } > "$work/a.sorted"
        { head -n 1 "$work/expected.us"; tail -n +2 "$work/expected.us" | sort; } > "$work/e.sorted"
        mv "$work/a.sorted" "$work/actual.us"
        mv "$work/e.sorted" "$work/expected.us"
    fi
    if ! cmp -s "$work/expected.us" "$work/actual.us"; then
        fail "$name: $actual differs from the expected values (- expected, + actual):"
        diff -u "$work/expected.us" "$work/actual.us" | tr "$US" '|' | sed 's/^/    /' >&2
    fi
}

# check_all LABEL REPORT OUTDIR PORTFOLIO [awk filter assignments...]
check_all()
{
    label=$1 report=$2 out=$3 csv=$4
    shift 4
    rm -rf "$out"
    run render "$report" -o "$out.pdf" --data-out "$out"
    if [ "$rc" -ne 0 ]; then
        fail "$label: render failed (exit $rc)"
        show_run
        return
    fi
    [ -s "$out.pdf" ] || fail "$label: no PDF"
    # exactly the expected files, NN from 01 in section order
    (cd "$out" && ls) > "$work/listing"
    for f in $files; do echo "$f.csv"; done > "$work/want-listing"
    cmp -s "$work/listing" "$work/want-listing" ||
        fail "$label: data-out files are: $(tr '\n' ' ' < "$work/listing")"
    for f in $files; do
        case $f in
            *-project-table) want='key,label,lead_institution,countries,start_year,status,budget_usd' ;;
            *) want='key,label,value' ;;
        esac
        [ "$(head -n 1 "$out/$f.csv" | tr -d '\r')" = "$want" ] ||
            fail "$label: $f.csv header is '$(head -n 1 "$out/$f.csv")', expected '$want'"
    done

    expect kpi "$csv" "$@" > "$work/e.us"
    compare "$label 01-kpi" kpi ordered "$work/e.us" "$out/01-kpi.csv"
    expect region "$csv" "$@" > "$work/e.us"
    compare "$label 02-by-region" count byvalue "$work/e.us" "$out/02-by-region.csv"
    expect sector "$csv" "$@" > "$work/e.us"
    compare "$label 03-by-sector" count byvalue "$work/e.us" "$out/03-by-sector.csv"
    expect sdg_any "$csv" "$@" > "$work/e.us"
    compare "$label 04-by-sdg (any)" count ordered "$work/e.us" "$out/04-by-sdg.csv"
    expect sdg_primary "$csv" "$@" > "$work/e.us"
    compare "$label 05-by-sdg (primary)" count ordered "$work/e.us" "$out/05-by-sdg.csv"
    expect timeline "$csv" "$@" > "$work/e.us"
    compare "$label 06-timeline" count ordered "$work/e.us" "$out/06-timeline.csv"
    # sort = id: by id
    expect table "$csv" "$@" > "$work/t.us"
    { head -n 1 "$work/t.us"; tail -n +2 "$work/t.us" | sort -t "$US" -k1,1; } > "$work/e.us"
    compare "$label 07-project-table" table ordered "$work/e.us" "$out/07-project-table.csv"
    # sort = budget, limit = 3: largest first (equal budgets in file order),
    # projects without a budget last, then the first three
    { head -n 1 "$work/t.us"
      { tail -n +2 "$work/t.us" | awk -F"$US" '$7 != ""' | sort -s -t "$US" -k7,7gr
        tail -n +2 "$work/t.us" | awk -F"$US" '$7 == ""'; } | head -n 3; } > "$work/e.us"
    compare "$label 08-project-table" table ordered "$work/e.us" "$out/08-project-table.csv"
}

# ---- the runs --------------------------------------------------------------

# 1. everything, every status
write_report "$work/all.cfg" portfolio.csv ""
check_all all "$work/all.cfg" "$work/all" "$work/portfolio.csv"

# The expectations themselves, checked against figures worked out by hand
# from the rows above: 11 projects; 7 countries; 5 regions; 4 leads; budget
# 5000+1000+1000.25+2500.5+3000+400+700+1200+600+800 = 16200.75; gender
# marker 1 or 2 on T-01 T-11 T-02 T-05 T-09 T-07 = 6 of 11; Africa reached
# by T-08 T-11 T-02 T-05 T-06 T-09 = 6.
expect kpi "$work/portfolio.csv" | tr "$US" ',' > "$work/kpi.txt"
printf '%s\n' key,label,value 'projects,*,11' 'countries,*,7' 'regions,*,5' \
    'lead_institutions,*,4' 'budget_total,*,16200.750000' 'gender_share,*,54.545455' |
    cmp -s - "$work/kpi.txt" || fail "the test's own expectations are off: $(cat "$work/kpi.txt")"
expect region "$work/portfolio.csv" | grep -q "^Africa${US}Africa${US}6\$" ||
    fail "the test's own region count for Africa is off"

# 2. filters: two statuses and a first year
write_report "$work/filtered.cfg" portfolio.csv \
    'statuses = [ "completed", "ongoing" ]; start_year_min = 2012;'
check_all filtered "$work/filtered.cfg" "$work/filtered" "$work/portfolio.csv" \
    -v statuses="completed ongoing" -v ymin=2012
# the filter really removed something
[ "$(expect kpi "$work/portfolio.csv" -v statuses="completed ongoing" -v ymin=2012 |
    awk -F"$US" '$1 == "projects" { print $3 }')" -lt 11 ] || fail "the filter run keeps everything"

# 3. the same report with --set narrowing the years further (2012..2015)
rm -rf "$work/set"
run render "$work/filtered.cfg" -o "$work/set.pdf" --data-out "$work/set" \
    --set filters.start_year_max=2015
if [ "$rc" -eq 0 ]; then
    expect region "$work/portfolio.csv" -v statuses="completed ongoing" -v ymin=2012 -v ymax=2015 > "$work/e.us"
    compare "--set 02-by-region" count byvalue "$work/e.us" "$work/set/02-by-region.csv"
    expect timeline "$work/portfolio.csv" -v statuses="completed ongoing" -v ymin=2012 -v ymax=2015 > "$work/e.us"
    compare "--set 06-timeline" count ordered "$work/e.us" "$work/set/06-timeline.csv"
else
    fail "render with --set filters.start_year_max=2015 failed (exit $rc)"
    show_run
fi

# 4. region and lead-institution filters, and an upper year bound
write_report "$work/regions.cfg" portfolio.csv \
    'regions = [ "Oceania", "Northern America" ]; lead_institutions = [ "Institute A", "Institute, C" ]; start_year_max = 2016;'
check_all regions "$work/regions.cfg" "$work/regions" "$work/portfolio.csv" \
    -v regions="Oceania|Northern America" -v leads="Institute A|Institute, C" -v ymax=2016

# 5. renamed headers through data.columns
write_report "$work/renamed.cfg" renamed.csv "" \
    'columns = { id = "Project ID"; status = "State"; countries = "Countries (ISO3)"; sdg_primary = "Main SDG"; };'
check_all renamed "$work/renamed.cfg" "$work/renamed" "$work/renamed.csv" -v renames="$renames"

# 6. filters that leave no project: every file still has its header, the
# figures are 0, by-sdg still lists all 17 goals
write_report "$work/none.cfg" portfolio.csv 'start_year_min = 2100;'
check_all none "$work/none.cfg" "$work/none" "$work/portfolio.csv" -v ymin=2100

# 7. --data overrides the report's data.path (which names no file here);
# labels follow --set language=zh, keys stay the same
write_report "$work/nodata.cfg" no-such-file.csv ""
# The Chinese edition refuses a sector the report names without label_zh
# (issue 8: no English name in a Chinese report), and says which.
run render "$work/nodata.cfg" --data "$work/portfolio.csv" -o "$work/zh.pdf" --set language=zh
if [ "$rc" -eq 0 ] || ! grep -q 'sector "health"' "$work/run.err"; then
    fail "zh: a sector without label_zh was not refused by name (exit $rc)"
    show_run
fi
sed 's/label = "Health care"; }/label = "Health care"; label_zh = "卫生保健"; }/' \
    "$work/nodata.cfg" > "$work/nodata-zh.cfg"
rm -rf "$work/zh"
run render "$work/nodata-zh.cfg" --data "$work/portfolio.csv" -o "$work/zh.pdf" \
    --data-out "$work/zh" --set language=zh
if [ "$rc" -eq 0 ]; then
    # SDG labels "N short_zh" from the reference table, counts as before
    expect sdg_any "$work/portfolio.csv" |
        awk -F"$US" -v OFS="$US" 'FILENAME == ARGV[1] { zh[$1] = $3; next }
            FNR > 1 { $2 = $1 " " zh[$1] } { print }' "$work/sdg.us" - > "$work/e.us"
    compare "zh 04-by-sdg" count ordered "$work/e.us" "$work/zh/04-by-sdg.csv"
    grep -q '^agriculture,农耕,' "$work/zh/03-by-sector.csv" ||
        fail "zh: the report's label_zh for agriculture is not used: $(cat "$work/zh/03-by-sector.csv")"
    # keys stay the English region names
    tail -n +2 "$work/zh/02-by-region.csv" | cut -d, -f1 | sort > "$work/zh-keys"
    expect region "$work/portfolio.csv" | tail -n +2 | cut -d"$US" -f1 | sort > "$work/en-keys"
    cmp -s "$work/zh-keys" "$work/en-keys" || fail "zh: region keys are not the English region names"
else
    fail "render with --data and --set language=zh failed (exit $rc)"
    show_run
fi

finish

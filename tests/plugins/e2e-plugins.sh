#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: the plugins by-country, by-institution, by-status, funding,
# gender and narrative, rendered with --data-out from a portfolio this test
# writes, every data-out file compared with values computed here, in awk,
# from the rows written below (and from our own small region table).  Then
# the same with a status filter, the Chinese edition of the narrative, and
# the narrative's mistakes: an unknown placeholder or an unclosed brace is
# an error naming the report file, the section's line and the placeholder,
# and no PDF is written.
. "$top_srcdir/tests/lib.sh"

# ---- the input -------------------------------------------------------------

# Our own region table for the countries used (UN M49, the Americas split).
cat > "$work/regions.txt" <<EOF
VNM${US}Asia
LKA${US}Asia
KEN${US}Africa
ETH${US}Africa
BRA${US}Latin America and the Caribbean
FJI${US}Oceania
CAN${US}Northern America
SRB${US}Europe
EOF

# Labels the engine gives: the report below declares "health"; the others
# are the built-in sector labels documented in docs/report-format.md.
sector_labels='agriculture=Agriculture|forestry=Forestry|fishery=Fishery and aquaculture|renewable-energy=Renewable energy|ict=Information technology|water=Clean water|financial-services=Financial services|health=Health care'

# Every status; projects in one to three regions and in all six; partners
# named twice on one project (P-02), an institution partnering its own
# project (P-04) and a name with a comma; two projects without a budget
# (P-03, P-08), two without a gender marker (P-04, P-09); start years with
# gaps (2011, 2014, 2015, 2018); Asia and Africa tie for the most projects.
cat > "$work/portfolio.csv" <<'EOF'
id,title,lead_institution,partner_institutions,countries,sector,sdg_primary,sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality,gender_marker,beneficiaries
P-01,Rice and fish farming,Institute A,"Partner X; Institute B",VNM;LKA,agriculture,2,,2010,,completed,PGTF,1000,,1,
P-02,Solar pumps,Institute B,Partner X;Partner X,KEN;ETH;BRA,renewable-energy,7,5,2010-05,,ongoing,,2500.5,,2,
P-03,Mangrove restoration,"Institute, C",,FJI,forestry,14,,2012,,completed,,,,0,
P-04,Seed banks,Institute A,Institute A,LKA,agriculture,2,,2013-02,,pipeline,,400,,,
P-05,Mobile banking,Institute D,"Institute, C",ETH;CAN,financial-services,8,,2013,,cancelled,,3000,,1,
P-06,Rain-water harvesting,Institute B,,KEN;FJI;LKA,water,6,,2016,,suspended,,1200,,0,
P-07,Health posts,Institute D,Partner Y,VNM,health,3,,2016-09,,completed,,800,,2,
P-08,Bamboo training,Institute A,Partner Y ; Partner X,ETH;SRB,forestry,15,,2016,,completed,,,,1,
P-09,E-government exchange,"Institute, C",Institute D,BRA;CAN;VNM,ict,17,,2017,,ongoing,,1250000,,,
P-10,Fish farming training,Institute B,,BRA,fishery,14,,2013,,completed,,700.25,,0,
P-11,Agro-processing,Institute D,,KEN,agriculture,2,,2019,,ongoing,,1500,,2,
P-12,渔业技术培训,Institute A,,VNM;KEN,agriculture,2,,2019-07-01,,completed,,2000,,1,
EOF

narrative_en='Since {first_year}, {projects} projects have reached {countries} countries in {regions} regions, with a budget of {budget_total}.

Most projects work in {top_region}; the leading sector is {top_sector}. {top_sector} (most projects). The latest started in {last_year}. {{Braces}} stay.'
narrative_zh='自{first_year}年以来，{projects}个项目覆盖{regions}个地区的{countries}个国家，预算共{budget_total}。

项目最多的地区是{top_region}，最主要的领域是{top_sector}。'

# write_report FILE LANGUAGE FILTERS NARRATIVE [NARRATIVE_ZH]
write_report()
{
    text_zh=
    [ $# -ge 5 ] && text_zh="text_zh = \"$5\";"
    cat > "$1" <<EOF
title = "Plugins test";
language = "$2";
data = { path = "portfolio.csv"; format = "csv"; };
filters = { $3 };
sectors = ( { code = "health"; label = "Health care"; label_zh = "卫生"; } );
sections = (
  { plugin = "narrative"; title = "Introduction"; options = { text = "$4"; $text_zh }; },
  { plugin = "by-country"; title = "Projects by country"; },
  { plugin = "by-institution"; title = "Projects by institution"; },
  { plugin = "by-institution"; title = "Leading institutions";
    options = { limit = 2; }; },
  { plugin = "by-status"; title = "Projects by status"; },
  { plugin = "funding"; title = "Funding by sector"; },
  { plugin = "funding"; title = "Funding by year"; chart = "bar"; options = { by = "year"; }; },
  { plugin = "gender"; title = "Gender markers"; },
  { plugin = "gender"; title = "Gender over time"; chart = "line";
    options = { view = "trend"; }; },
  { plugin = "gender"; title = "Gender over time, periods of 2"; chart = "line";
    options = { view = "trend"; min_projects = 2; }; },
  { plugin = "gender"; title = "Gender by year"; chart = "line";
    options = { view = "trend"; min_projects = 1; }; }
);
EOF
}
files="01-narrative 02-by-country 03-by-institution 04-by-institution 05-by-status 06-funding 07-funding 08-gender 09-gender 10-gender 11-gender"

# ---- the expected values ---------------------------------------------------

# expect WHAT [statuses="a b"]: the expected table, fields separated by
# \037, header first.
cat > "$work/expect.awk" <<'EOF'
BEGIN {
    FS = OFS = "\037"
    n = split(statuses, a, " "); for (i = 1; i <= n; i++) want_status[a[i]] = 1; nstat = n
    n = split(sector_labels, a, "|")
    for (i = 1; i <= n; i++) { split(a[i], kv, "="); sector_label[kv[1]] = kv[2] }
    n = split("pipeline ongoing completed cancelled suspended", status_order, " ")
    n = split("Africa|Asia|Europe|Latin America and the Caribbean|Northern America|Oceania",
              region_order, "|")
}
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
function thousands(v,   s, out) {
    s = sprintf("%.0f", v); out = ""
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    return s out
}
function trimz(s) { if (s ~ /\./) { sub(/0+$/, "", s); sub(/\.$/, "", s) } return s }
# money as docs/portfolio-csv.md and the names spec write it, for the
# amounts of this test (from a thousand to below a billion)
function money_en(v) {
    if (v < 999500) return "US$" thousands(v)
    v /= 1e6
    return "US$" trimz(sprintf(v < 9.995 ? "%.2f" : v < 99.95 ? "%.1f" : "%.0f", v)) " million"
}
function money_zh(v) {
    if (v < 1e4) return thousands(v) "美元"
    return trimz(sprintf("%.1f", v / 1e4)) "万美元"
}
FILENAME == regfile { region_of[$1] = $2; next }
FILENAME == countryfile && FNR == 1 { for (i = 1; i <= NF; i++) mc[$i] = i; next }
FILENAME == countryfile { country_name[$mc["alpha3"]] = $mc["name"]; next }
FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{
    if (nstat && !($col["status"] in want_status)) next
    p++
    st = $col["status"]; by_status[st] = 1
    year = substr($col["start_date"], 1, 4) + 0
    started[year]++
    if (first_year == "" || year < first_year) first_year = year
    if (last_year == "" || year > last_year) last_year = year
    # countries and their distinct regions
    nc = split($col["countries"], cs, ";")
    split("", seenreg)
    for (i = 1; i <= nc; i++) {
        c = trim(cs[i]); by_country[c]++
        r = region_of[c]
        if (r == "") { print "no region for " c > "/dev/stderr"; exit 2 }
        if (!(r in seenreg)) { seenreg[r] = 1; by_region[r]++; matrix[st, r]++; regions_seen[r] = 1 }
    }
    # institutions: the lead once, each distinct partner once
    lead[$col["lead_institution"]]++; inst[$col["lead_institution"]] = 1
    np = split($col["partner_institutions"], ps, ";")
    split("", seenpart)
    for (i = 1; i <= np; i++) {
        q = trim(ps[i])
        if (q == "" || q in seenpart) continue
        seenpart[q] = 1; partner[q]++; inst[q] = 1
    }
    by_sector[$col["sector"]]++
    # money: one sector and one start year per project, so the whole budget
    if ($col["budget_usd"] == "") no_budget++
    else {
        fund_sector[$col["sector"]] += $col["budget_usd"]
        fund_year[year] += $col["budget_usd"]
        total += $col["budget_usd"]
    }
    g = $col["gender_marker"]
    marker[g == "" ? "none" : g]++
    if (g == 1 || g == 2) marked[year]++
}
function count(a, k) { return (k in a) ? a[k] : 0 }
function size(a,   k, n) { n = 0; for (k in a) n++; return n }
# the key of a's largest count, ties to the first in byte order
# the leaders, every one that ties named in byte order of their keys: "A",
# "A and B", "A, B and C"; each by its name in lab, else the key itself
function top(a, lab,   k, best, n, i, j, t, s) {
    best = ""
    for (k in a) if (best == "" || a[k] > a[best]) best = k
    n = 0
    for (k in a) if (a[k] == a[best]) {
        for (j = ++n; j > 1 && t[j - 1] > k; j--) t[j] = t[j - 1]
        t[j] = k
    }
    s = ""
    for (i = 1; i <= n; i++) s = s (i == 1 ? "" : i == n ? " and " : ", ") (t[i] in lab ? lab[t[i]] : t[i])
    return s
}
END {
    if (what == "country") {
        print "key", "label", "value"
        for (c in by_country) print c, country_name[c], by_country[c]
    } else if (what == "institution") {
        print "key", "label", "lead", "partner"
        for (k in inst) print k, k, count(lead, k), count(partner, k)
    } else if (what == "status") {
        header = "key" OFS "label"
        for (j = 1; j <= 6; j++) if (region_order[j] in regions_seen) header = header OFS region_order[j]
        print header
        for (i = 1; i <= 5; i++) {
            s = status_order[i]
            if (!(s in by_status)) continue
            line = s OFS toupper(substr(s, 1, 1)) substr(s, 2)
            for (j = 1; j <= 6; j++)
                if (region_order[j] in regions_seen) line = line OFS count(matrix, s SUBSEP region_order[j])
            print line
        }
    } else if (what == "fund_sector") {
        print "key", "label", "budget_usd"
        for (s in fund_sector) print s, sector_label[s], fund_sector[s]
    } else if (what == "fund_year") {
        print "key", "label", "budget_usd"
        for (y = first_year; p && y <= last_year; y++) print y, y, count(fund_year, y)
    } else if (what == "marker") {
        print "key", "label", "value"
        print "0", "Not targeted (0)", count(marker, "0")
        print "1", "Significant objective (1)", count(marker, "1")
        print "2", "Principal objective (2)", count(marker, "2")
        if ("none" in marker) print "none", "No marker", marker["none"]
    } else if (what == "trend") {
        # per year when every year with projects has at least min of them;
        # else periods: from a year with projects on until they hold min,
        # and a remainder of fewer than min joins the last period; each
        # labelled with its number of projects
        if (min == "") min = 10
        print "key", "label", "share"
        grouped = 0
        for (y in started) if (started[y] < min + 0) grouped = 1
        for (y = first_year; p && y <= last_year; y++) {
            if (!(y in started)) continue
            to = y; n = started[y]; m = count(marked, y)
            if (grouped) {
                while (n < min + 0 && to < last_year) { to++; n += count(started, to); m += count(marked, to) }
                rest = 0
                for (z = to + 1; z <= last_year; z++) rest += count(started, z)
                if (rest > 0 && rest < min + 0) {
                    for (z = to + 1; z <= last_year; z++) { n += count(started, z); m += count(marked, z) }
                    to = last_year
                }
            }
            key = (to == y) ? y : y "\342\200\223" to
            printf "%s%s%s%s%.10f\n", key, OFS, grouped ? key " (n = " n ")" : key, OFS, 100 * m / n
            y = to
        }
    } else if (what == "facts") {
        # shell assignments for the narrative's expected text
        printf "f_projects=%d f_countries=%d f_regions=%d\n", p, size(by_country), size(by_region)
        printf "f_first=%s f_last=%s f_total='%s' f_no_budget=%d\n", first_year, last_year,
            thousands(total), no_budget
        printf "f_money_en='%s' f_money_zh='%s'\n", money_en(total), money_zh(total)
        printf "f_top_region='%s' f_top_sector='%s'\n", top(by_region, no_labels), top(by_sector, sector_label)
    }
}
EOF

# expect WHAT [awk assignments...]
expect()
{
    what=$1
    shift
    awk -f "$work/expect.awk" -v what="$what" -v regfile="$work/regions.txt" \
        -v countryfile="$work/m49.us" -v sector_labels="$sector_labels" "$@" \
        "$work/regions.txt" "$work/m49.us" "$work/in.us"
}

# Country names, from the reference table the engine is built from.
csv_us "$top_srcdir/data/m49-countries.csv" > "$work/m49.us"
csv_us "$work/portfolio.csv" > "$work/in.us"

# Numbers compared as numbers (6 decimals), every column from the third.
normalise()
{
    awk -F"$US" -v OFS="$US" 'NR > 1 {
            for (i = 3; i <= NF; i++)
                if ($i ~ /^-?[0-9]+(\.[0-9]+)?$/) $i = sprintf("%.6f", $i)
        }
        { print }'
}

# compare NAME ORDER EXPECTED.us ACTUAL.csv [text]: ORDER is "asis" (the
# expected rows are in the right order) or a sort(1) key list giving the
# order; "text" when the value columns hold text, not numbers.
compare()
{
    name=$1 order=$2 expected=$3 actual=$4 kind=${5:-numbers}
    if [ ! -f "$actual" ]; then
        fail "$name: $actual was not written"
        return
    fi
    csv_us "$actual" > "$work/actual.raw"
    # plain decimal numbers only: no exponent, no thousands separator
    [ "$kind" = text ] ||
        awk -F"$US" 'NR > 1 { for (i = 3; i <= NF; i++) if ($i !~ /^-?[0-9]+(\.[0-9]+)?$/)
                { print "not a plain decimal number: " $i; exit 1 } }' \
            "$work/actual.raw" > "$work/numcheck" || fail "$name: $(cat "$work/numcheck")"
    normalise < "$work/actual.raw" > "$work/actual.us"
    if [ "$order" = asis ]; then
        normalise < "$expected" > "$work/expected.us"
    else
        # shellcheck disable=SC2086 # the key list is several arguments
        { head -n 1 "$expected"; tail -n +2 "$expected" | sort -t "$US" $order; } |
            normalise > "$work/expected.us"
    fi
    if ! cmp -s "$work/expected.us" "$work/actual.us"; then
        fail "$name: $actual differs from the expected values (- expected, + actual):"
        diff -u "$work/expected.us" "$work/actual.us" | tr "$US" '|' | sed 's/^/    /' >&2
    fi
}

# The narrative's paragraphs, filled from the facts computed above.
narrative_expected()
{
    eval "$(expect facts "$@")"
    # {top_sector} stands inside a sentence: each sector name loses its
    # capital there, an acronym (ICT) keeps it
    # a sentence's first word keeps its capital
    f_top_sector=$(printf '%s' "$f_top_sector" |
        sed 's/\(^\|, \| and \)\([A-Z]\)\([a-z]\)/\1\L\2\E\3/g')
    f_sector_opens=$(printf '%s' "$f_top_sector" | sed 's/^./\U&/')
    printf 'key%slabel%stext\n' "$US" "$US"
    printf '1%sParagraph 1%sSince %s, %s projects have reached %s countries in %s regions, with a budget of %s.\n' \
        "$US" "$US" "$f_first" "$f_projects" "$f_countries" "$f_regions" "$f_money_en"
    printf '2%sParagraph 2%sMost projects work in %s; the leading sector is %s. %s (most projects). The latest started in %s. {Braces} stay.\n' \
        "$US" "$US" "$f_top_region" "$f_top_sector" "$f_sector_opens" "$f_last"
}

# check_all LABEL REPORT OUTDIR [awk filter assignments...]
check_all()
{
    label=$1 report=$2 out=$3
    shift 3
    rm -rf "$out"
    run render "$report" -o "$out.pdf" --data-out "$out"
    if [ "$rc" -ne 0 ]; then
        fail "$label: render failed (exit $rc)"
        show_run
        return
    fi
    [ -s "$out.pdf" ] || fail "$label: no PDF"
    (cd "$out" && ls) > "$work/listing"
    for f in $files; do echo "$f.csv"; done > "$work/want-listing"
    cmp -s "$work/listing" "$work/want-listing" ||
        fail "$label: data-out files are: $(tr '\n' ' ' < "$work/listing")"

    narrative_expected "$@" > "$work/e.us"
    compare "$label 01-narrative" asis "$work/e.us" "$out/01-narrative.csv" text
    # largest first, ties by key
    expect country "$@" > "$work/e.us"
    compare "$label 02-by-country" "-k3,3nr -k1,1" "$work/e.us" "$out/02-by-country.csv"
    # lead, then partner, largest first, then by name; the limit keeps two
    expect institution "$@" > "$work/e.us"
    compare "$label 03-by-institution" "-k3,3nr -k4,4nr -k1,1" "$work/e.us" "$out/03-by-institution.csv"
    # the rest summed into one "Other" row (unless only one is left over)
    { head -n 1 "$work/e.us"; tail -n +2 "$work/e.us" | sort -t "$US" -k3,3nr -k4,4nr -k1,1 |
        awk -F"$US" -v OFS="$US" 'NR <= 2 { print; next } { n++; l += $3; p += $4; last = $0 }
            END { if (n == 1) print last
                  else if (n > 1) print "other", "Other (" n " institutions)", l, p }'; } \
        > "$work/e2.us"
    compare "$label 04-by-institution (limit 2)" asis "$work/e2.us" "$out/04-by-institution.csv"
    expect status "$@" > "$work/e.us"
    compare "$label 05-by-status" asis "$work/e.us" "$out/05-by-status.csv"
    expect fund_sector "$@" > "$work/e.us"
    compare "$label 06-funding (sector)" "-k3,3gr -k1,1" "$work/e.us" "$out/06-funding.csv"
    expect fund_year "$@" > "$work/e.us"
    compare "$label 07-funding (year)" asis "$work/e.us" "$out/07-funding.csv"
    expect marker "$@" > "$work/e.us"
    compare "$label 08-gender (marker)" asis "$work/e.us" "$out/08-gender.csv"
    expect trend "$@" > "$work/e.us"
    compare "$label 09-gender (trend)" asis "$work/e.us" "$out/09-gender.csv"
    expect trend -v min=2 "$@" > "$work/e.us"
    compare "$label 10-gender (trend, periods of 2)" asis "$work/e.us" "$out/10-gender.csv"
    expect trend -v min=1 "$@" > "$work/e.us"
    compare "$label 11-gender (trend by year)" asis "$work/e.us" "$out/11-gender.csv"

    # the PDF shows the filled narrative and the funding caption's count
    if command -v pdftotext >/dev/null 2>&1; then
        pdftotext "$out.pdf" - | tr -s ' \n' '  ' > "$work/pdf.txt"
        narrative_expected "$@" | tail -n +2 | cut -d"$US" -f3 | while IFS= read -r para; do
            grep -qF -- "$para" "$work/pdf.txt" || echo "$para"
        done > "$work/missing"
        [ -s "$work/missing" ] && fail "$label: the PDF lacks the narrative text: $(cat "$work/missing")"
        eval "$(expect facts "$@")"
        case $f_no_budget in
            0) want= ;;
            1) want='1 project has no budget and is not counted.' ;;
            *) want="$f_no_budget projects have no budget and are not counted." ;;
        esac
        if [ -n "$want" ]; then
            grep -qF -- "$want" "$work/pdf.txt" || fail "$label: the PDF lacks the caption \"$want\""
        fi
        grep -qF 'exactly one value of it' "$work/pdf.txt" ||
            fail "$label: the funding caption does not state the money rule"
    fi
}

# ---- the runs --------------------------------------------------------------

# 1. every project
write_report "$work/all.cfg" en "" "$narrative_en"
check_all all "$work/all.cfg" "$work/all"

# The expectations themselves, against figures worked out by hand from the
# rows above: 12 projects in 8 countries and 6 regions, 2010 to 2019;
# budgets 1000 + 2500.5 + 400 + 3000 + 1200 + 800 + 1250000 + 700.25 + 1500
# + 2000 = 1263100.75; Asia (P-01 04 06 07 09 12) and Africa (P-02 05 06 08
# 11 12) tie at 6, and both are named; agriculture has 4 projects.  In
# words, 1263100.75 is US$1.26 million (three significant digits) and
# 126.3万美元 (126.310075 万 to a tenth).
expect facts > "$work/facts.txt"
printf '%s\n' 'f_projects=12 f_countries=8 f_regions=6' \
    "f_first=2010 f_last=2019 f_total='1,263,101' f_no_budget=2" \
    "f_money_en='US\$1.26 million' f_money_zh='126.3万美元'" \
    "f_top_region='Africa and Asia' f_top_sector='Agriculture'" |
    cmp -s - "$work/facts.txt" || fail "the test's own facts are off: $(cat "$work/facts.txt")"
# Institute A leads P-01 04 08 12 and partners P-04; Partner X partners
# P-01 02 08 (twice on P-02, counted once).
expect institution | grep -q "^Institute A${US}Institute A${US}4${US}1\$" ||
    fail "the test's own count for Institute A is off"
expect institution | grep -q "^Partner X${US}Partner X${US}0${US}3\$" ||
    fail "the test's own count for Partner X is off"
# 2013: P-04 (no marker), P-05 (1), P-10 (0): one of three marked
expect trend -v min=1 | grep -q "^2013${US}2013${US}33.3333" || fail "the test's own 2013 share is off"
# Every year has fewer than 10 projects, so one period of all 12, 7 marked
# (P-01 02 05 07 08 11 12); in periods of 2: 2010 (P-01 02, both marked),
# 2012-2013 (P-03 04 05 10: P-05 marked), 2016 (P-06 07 08: two marked),
# 2017-2019 (P-09 11 12: two marked; no project started in 2018)
d=$(printf '\342\200\223')
expect trend > "$work/trend10.us"
printf '%s\n' "key${US}label${US}share" "2010${d}2019${US}2010${d}2019 (n = 12)${US}58.3333333333" |
    cmp -s - "$work/trend10.us" ||
    fail "the test's own trend in periods of 10 is off: $(tr "$US" '|' < "$work/trend10.us")"
printf '%s\n' "key${US}label${US}share" "2010${US}2010 (n = 2)${US}100.0000000000" \
    "2012${d}2013${US}2012${d}2013 (n = 4)${US}25.0000000000" \
    "2016${US}2016 (n = 3)${US}66.6666666667" \
    "2017${d}2019${US}2017${d}2019 (n = 3)${US}66.6666666667" > "$work/trend2.want"
expect trend -v min=2 > "$work/trend2.us"
cmp -s "$work/trend2.want" "$work/trend2.us" ||
    fail "the test's own trend in periods of 2 is off: $(tr "$US" '|' < "$work/trend2.us")"

# 2. ongoing and cancelled only: two statuses, four regions, no budget gap
write_report "$work/some.cfg" en 'statuses = [ "ongoing", "cancelled" ];' "$narrative_en"
check_all some "$work/some.cfg" "$work/some" -v statuses="ongoing cancelled"
[ "$(head -n 1 "$work/some/05-by-status.csv")" = \
    'key,label,Africa,Asia,Latin America and the Caribbean,Northern America' ] ||
    fail "some: by-status columns are $(head -n 1 "$work/some/05-by-status.csv")"

# 3. the Chinese edition: the narrative's text_zh, amounts in 美元, the
# region's Chinese name; labels of gender markers and paragraphs in Chinese
write_report "$work/zh.cfg" en "" "$narrative_en" "$narrative_zh"
rm -rf "$work/zh"
run render "$work/zh.cfg" -o "$work/zh.pdf" --data-out "$work/zh" --set language=zh
if [ "$rc" -eq 0 ]; then
    eval "$(expect facts)"
    want_zh="自${f_first}年以来，${f_projects}个项目覆盖${f_regions}个地区的${f_countries}个国家，预算共${f_money_zh}。"
    printf '%s\n' "key${US}label${US}text" "1${US}第 1 段${US}$want_zh" \
        "2${US}第 2 段${US}项目最多的地区是非洲和亚洲，最主要的领域是农业。" > "$work/e.us"
    compare "zh 01-narrative" asis "$work/e.us" "$work/zh/01-narrative.csv" text
    grep -q '^none,无标记,2$' "$work/zh/08-gender.csv" || fail "zh: the no-marker row is not labelled 无标记"
    if command -v pdftotext >/dev/null 2>&1; then
        pdftotext "$work/zh.pdf" - | tr -d ' \n' > "$work/zh.txt"
        # pdftotext spaces CJK text freely: compare without spaces
        grep -qF "$(printf '%s' "$want_zh" | tr -d ' ')" "$work/zh.txt" ||
            fail "zh: the PDF lacks \"$want_zh\""
        for w in 非洲 拉丁美洲和加勒比 牵头 合作 '2个项目没有预算，未计入。'; do
            grep -qF "$w" "$work/zh.txt" || fail "zh: the PDF lacks \"$w\""
        done
    fi
else
    fail "zh: render failed (exit $rc)"
    show_run
fi

# 4. mistakes in the narrative: non-zero exit, the report file and the
# section's line and the culprit named, no PDF
# bad_text NAME TEXT WORD: WORD must appear in the message
# [TEXT_ZH]: the mistake is in text_zh, found in the English edition too
bad_text()
{
    name=$1 text=$2 word=$3
    if [ $# -ge 4 ]; then
        write_report "$work/$name.cfg" en "" "$text" "$4"
    else
        write_report "$work/$name.cfg" en "" "$text"
    fi
    line=$(grep -n 'plugin = "narrative"' "$work/$name.cfg" | cut -d: -f1)
    rm -f "$work/$name.pdf"
    run render "$work/$name.cfg" -o "$work/$name.pdf"
    [ "$rc" -ne 0 ] || fail "$name: render exited 0"
    [ -e "$work/$name.pdf" ] && fail "$name: a PDF was written"
    grep -qF "$work/$name.cfg:$line:" "$work/run.err" ||
        fail "$name: the message does not name $name.cfg:$line: $(cat "$work/run.err")"
    grep -qF -- "$word" "$work/run.err" || fail "$name: the message does not name $word: $(cat "$work/run.err")"
    run check "$work/$name.cfg"
    [ "$rc" -ne 0 ] || fail "$name: check exited 0"
}
bad_text unknown 'We reached {countires} countries.' 'unknown placeholder {countires}'
bad_text unclosed 'We reached {countries countries.' 'options.text'
bad_text lone 'A brace } alone.' 'options.text'
bad_text zh-typo 'Fine {projects}.' 'options.text_zh: unknown placeholder {项目}' '共{项目}个项目。'

finish

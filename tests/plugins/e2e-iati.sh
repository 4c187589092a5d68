#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: the iati source (plugins/sources/iati/*.c, docs/iati.md) through the
# real command.  One portfolio is written here as CSV and as an IATI 2.03
# file whose elements exercise the mapping rules (alpha-2 codes in any case,
# 5-digit DAC sectors with percentages, SDG sectors and tags, activity-date
# types, budgets in EUR and GBP with data.currency_rates, policy markers,
# narratives in two languages); both must give byte-identical --data-out
# files.  The same projects in the 1.0x form must give what the 2.03 file
# gives without its SDG elements (1.0x has none).  Then: regions from
# recipient-region, labels from the SectorCategory codelist, the report
# language, warnings with file and line, the money warning, malformed XML,
# and the official IATI example.  Last, the fallbacks (docs/iati.md): files
# in both forms whose activities lack identifiers, titles, start dates and
# statuses or end before they start render without --skip-bad-rows, with
# one grouped warning per kind, and data-out, captions (English and
# Chinese) and a year filter as the test works them out from its table.
. "$top_srcdir/tests/lib.sh"

example="$top_srcdir/tests/plugins/iati/activity-standard-example-annotated.xml"
[ -f "$example" ] || die "missing $example"

# ---- the portfolio, as CSV -------------------------------------------------------

# Sector codes are the DAC 3-digit categories the IATI file's codes map to;
# budgets are the IATI amounts in US dollars (EUR at 1.1, GBP at 1.25);
# P-6's partner is the ref of an implementing organisation without a name.
cat > "$work/portfolio.csv" <<'EOF'
id,title,lead_institution,partner_institutions,countries,sector,sdg_primary,sdg_secondary,start_date,end_date,status,budget_usd,gender_marker
P-1,Rice and fish farming,Institute A,Partner X;Partner Y,VNM;LKA,311,2,1;5,2012-03-01,2014-12-31,completed,1000.25,1
P-2,Solar pumps,Institute B,,KEN;ETH;BRA,232,7,13,2015-01-01,,ongoing,1650,2
P-3,Mangrove restoration,Institute A,,FJI,312,14,,2010-11-30,2012-12-31,completed,,0
P-4,Fisheries training,"Institute, C",,CAN;BRA,313,14,2;17,2018-01-15,,pipeline,875,
P-5,Mobile banking,Institute B,,ETH,240,8,1;5;10,2015-06-01,,cancelled,0.1,1
P-6,E-government exchange,Institute A,XM-Y,BRA;CAN;VNM;KEN;FJI,220,17,9;16,2010-01-01,,suspended,123456789.123,0
EOF

# ---- the same portfolio, as IATI 2.03 ---------------------------------------------

# SDG elements stand alone on their lines, so that grep can drop them.
cat > "$work/v2.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2024-01-01T00:00:00Z">
 <iati-activity default-currency="USD" xml:lang="en">
  <iati-identifier>P-1</iati-identifier>
  <reporting-org ref="XM-A" type="21"><narrative>Institute A</narrative></reporting-org>
  <title><narrative>Rice and fish farming</narrative></title>
  <participating-org role="1"><narrative>A funder</narrative></participating-org>
  <participating-org role="4"><narrative>Partner X</narrative></participating-org>
  <participating-org role="4" ref="XM-Y"><narrative>Partner Y</narrative></participating-org>
  <activity-status code="4"/>
  <activity-date type="1" iso-date="2012-01-01"/>
  <activity-date type="2" iso-date="2012-03-01"/>
  <activity-date type="3" iso-date="2014-06-30"/>
  <activity-date type="4" iso-date="2014-12-31T00:00:00"/>
  <recipient-country code="vn" percentage="60"/>
  <recipient-country code="LK" percentage="40"/>
  <sector vocabulary="1" code="31110" percentage="50"/>
  <sector vocabulary="1" code="31120" percentage="30"/>
  <sector vocabulary="1" code="12220" percentage="20"/>
  <sector vocabulary="7" code="2"/>
  <tag vocabulary="2" code="1"/>
  <tag vocabulary="3" code="5.1"/>
  <policy-marker vocabulary="1" code="1" significance="1"/>
  <budget type="1" status="1"><period-start iso-date="2012-01-01"/><period-end iso-date="2012-12-31"/><value currency="USD" value-date="2012-01-01">1000.25</value></budget>
  <transaction><transaction-type code="3"/><value value-date="2012-05-01">9999</value><sector vocabulary="1" code="99810"/><recipient-country code="FR"/></transaction>
 </iati-activity>
 <iati-activity default-currency="EUR" xml:lang="en">
  <iati-identifier>P-2</iati-identifier>
  <reporting-org ref="XM-B" type="21"><narrative>Institute B</narrative></reporting-org>
  <title><narrative>Solar pumps</narrative></title>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2015-01-01"/>
  <recipient-country code="KE"/>
  <recipient-country code="et"/>
  <recipient-country code="BR"/>
  <recipient-country code="KE"/>
  <sector code="23210"/>
  <sector vocabulary="8" code="7.2"/>
  <tag vocabulary="2" code="13"/>
  <policy-marker code="1" significance="3"/>
  <budget><value>1000</value></budget>
  <budget><value currency="EUR">500</value></budget>
 </iati-activity>
 <iati-activity default-currency="USD" xml:lang="en">
  <iati-identifier>P-3</iati-identifier>
  <reporting-org ref="XM-A"><narrative>Institute A</narrative></reporting-org>
  <title><narrative>Mangrove restoration</narrative></title>
  <activity-status code="3"/>
  <activity-date type="2" iso-date="2010-11-30"/>
  <activity-date type="3" iso-date="2012-12-31"/>
  <recipient-country code="FJ"/>
  <sector code="31210" percentage="100"/>
  <sector vocabulary="7" code="14"/>
  <policy-marker code="1" significance="0"/>
 </iati-activity>
 <iati-activity default-currency="GBP" xml:lang="zh">
  <iati-identifier>P-4</iati-identifier>
  <reporting-org ref="XM-C"><narrative xml:lang="en">Institute, C</narrative></reporting-org>
  <title><narrative>渔业技术培训</narrative><narrative xml:lang="en">Fisheries training</narrative></title>
  <activity-status code="1"/>
  <activity-date type="1" iso-date="2018-01-15"/>
  <recipient-country code="CA"/>
  <recipient-country code="BR"/>
  <sector code="31310" percentage="70"/>
  <sector code="31110" percentage="30"/>
  <sector vocabulary="7" code="14"/>
  <tag vocabulary="2" code="2"/>
  <tag vocabulary="3" code="17.1"/>
  <budget><value>700</value></budget>
 </iati-activity>
 <iati-activity default-currency="USD" xml:lang="en">
  <iati-identifier>P-5</iati-identifier>
  <reporting-org ref="XM-B"><narrative>Institute B</narrative></reporting-org>
  <title><narrative>Mobile banking</narrative></title>
  <activity-status code="5"/>
  <activity-date type="2" iso-date="2015-06-01"/>
  <recipient-country code="ET"/>
  <sector vocabulary="2" code="240" percentage="100"/>
  <sector vocabulary="7" code="8"/>
  <sector vocabulary="8" code="1.4"/>
  <sector vocabulary="8" code="5.a"/>
  <tag vocabulary="2" code="10"/>
  <policy-marker vocabulary="1" code="1" significance="1"/>
  <budget><value>0.1</value></budget>
 </iati-activity>
 <iati-activity default-currency="USD" xml:lang="en">
  <iati-identifier>P-6</iati-identifier>
  <reporting-org ref="XM-A"><narrative>Institute A</narrative></reporting-org>
  <title><narrative>E-government exchange</narrative></title>
  <participating-org role="4" ref="XM-Y"/>
  <activity-status code="6"/>
  <activity-date type="1" iso-date="2010-01-01"/>
  <recipient-country code="BR"/>
  <recipient-country code="CA"/>
  <recipient-country code="VN"/>
  <recipient-country code="KE"/>
  <recipient-country code="FJ"/>
  <sector code="22040"/>
  <tag vocabulary="2" code="17"/>
  <tag vocabulary="2" code="9"/>
  <tag vocabulary="3" code="16.10"/>
  <policy-marker code="1" significance="0"/>
  <budget><value currency="usd">123456789.123</value></budget>
 </iati-activity>
</iati-activities>
EOF

# ---- the same projects, as IATI 1.05 (no SDGs: 1.0x had none) ----------------------

cat > "$work/v1.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="1.05" generated-datetime="2014-01-01T00:00:00">
 <iati-activity default-currency="USD" xml:lang="en">
  <reporting-org ref="XM-A" type="21">Institute A</reporting-org>
  <iati-identifier>P-1</iati-identifier>
  <title>Rice and fish farming</title>
  <participating-org role="Funding">A funder</participating-org>
  <participating-org role="Implementing">Partner X</participating-org>
  <participating-org role="implementing" ref="XM-Y">Partner Y</participating-org>
  <activity-status code="4">Closed</activity-status>
  <activity-date type="start-planned" iso-date="2012-01-01"/>
  <activity-date type="start-actual" iso-date="2012-03-01">1 March 2012</activity-date>
  <activity-date type="end-planned" iso-date="2014-06-30"/>
  <activity-date type="end-actual">2014-12-31</activity-date>
  <recipient-country code="VN">Viet Nam</recipient-country>
  <recipient-country code="lk">Sri Lanka</recipient-country>
  <sector vocabulary="DAC" code="31110" percentage="50">Agricultural policy</sector>
  <sector vocabulary="DAC" code="31120" percentage="30">Agricultural development</sector>
  <sector vocabulary="DAC" code="12220" percentage="20">Basic health care</sector>
  <policy-marker vocabulary="DAC" code="1" significance="1">Gender Equality</policy-marker>
  <budget type="Original"><period-start iso-date="2012-01-01"/><value currency="USD">1000.25</value></budget>
 </iati-activity>
 <iati-activity default-currency="EUR">
  <reporting-org ref="XM-B">Institute B</reporting-org>
  <iati-identifier>P-2</iati-identifier>
  <title>Solar pumps</title>
  <activity-status code="2"/>
  <activity-date type="start-planned" iso-date="2015-01-01"/>
  <recipient-country code="KE"/><recipient-country code="ET"/><recipient-country code="BR"/>
  <sector code="23210"/>
  <policy-marker code="1" significance="3"/>
  <budget><value>1000</value></budget>
  <budget><value currency="EUR">500</value></budget>
 </iati-activity>
 <iati-activity default-currency="USD">
  <reporting-org ref="XM-A">Institute A</reporting-org>
  <iati-identifier>P-3</iati-identifier>
  <title>Mangrove restoration</title>
  <activity-status code="3"/>
  <activity-date type="start-actual" iso-date="2010-11-30"/>
  <activity-date type="end-planned" iso-date="2012-12-31"/>
  <recipient-country code="FJ"/>
  <sector vocabulary="DAC" code="31210"/>
  <policy-marker vocabulary="DAC" code="1" significance="0"/>
 </iati-activity>
 <iati-activity default-currency="GBP">
  <reporting-org ref="XM-C">Institute, C</reporting-org>
  <iati-identifier>P-4</iati-identifier>
  <title xml:lang="zh">渔业技术培训</title>
  <title xml:lang="en">Fisheries training</title>
  <activity-status code="1"/>
  <activity-date type="start-planned" iso-date="2018-01-15"/>
  <recipient-country code="CA"/><recipient-country code="BR"/>
  <sector vocabulary="DAC" code="31310" percentage="70"/>
  <sector vocabulary="DAC" code="31110" percentage="30"/>
  <budget><value>700</value></budget>
 </iati-activity>
 <iati-activity default-currency="USD">
  <reporting-org ref="XM-B">Institute B</reporting-org>
  <iati-identifier>P-5</iati-identifier>
  <title>Mobile banking</title>
  <activity-status code="5"/>
  <activity-date type="start-actual" iso-date="2015-06-01"/>
  <recipient-country code="ET"/>
  <sector vocabulary="DAC-3" code="240"/>
  <policy-marker code="1" significance="1"/>
  <budget><value>0.1</value></budget>
 </iati-activity>
 <iati-activity default-currency="USD">
  <reporting-org ref="XM-A">Institute A</reporting-org>
  <iati-identifier>P-6</iati-identifier>
  <title>E-government exchange</title>
  <participating-org role="Implementing" ref="XM-Y"/>
  <activity-status code="6"/>
  <activity-date type="start-planned" iso-date="2010-01-01"/>
  <recipient-country code="BR"/><recipient-country code="CA"/><recipient-country code="VN"/>
  <recipient-country code="KE"/><recipient-country code="FJ"/>
  <sector vocabulary="DAC" code="22040"/>
  <policy-marker code="1" significance="0"/>
  <budget><value>123456789.123</value></budget>
 </iati-activity>
</iati-activities>
EOF
grep -v -e '<sector vocabulary="[78]"' -e '<tag vocabulary=' "$work/v2.xml" > "$work/v2-nosdg.xml"
[ "$(grep -c '<tag ' "$work/v2-nosdg.xml")" -eq 0 ] || die "could not drop the SDG elements"

# ---- the report -------------------------------------------------------------------

# write_report FILE DATA-LINES [SECTORS]
all_sections='
  { plugin = "kpi"; title = "At a glance"; },
  { plugin = "by-region"; title = "Regions"; },
  { plugin = "by-country"; title = "Countries"; },
  { plugin = "by-sector"; title = "Sectors"; },
  { plugin = "by-sdg"; title = "Goals"; },
  { plugin = "timeline"; title = "Starts"; },
  { plugin = "by-status"; title = "Status"; },
  { plugin = "by-institution"; title = "Institutions"; },
  { plugin = "funding"; title = "Funding"; },
  { plugin = "gender"; title = "Gender"; },
  { plugin = "project-table"; title = "Projects"; },
  { plugin = "project-table"; title = "Largest"; options = { sort = "budget"; limit = 3; }; }'
n_sections=12
# The report names the sectors so that CSV and IATI runs label them alike.
report_sectors='sectors = (
  { code = "311"; label = "Farming"; }, { code = "232"; label = "Renewable energy"; },
  { code = "312"; label = "Forests"; }, { code = "313"; label = "Fisheries"; },
  { code = "240"; label = "Banking"; }, { code = "220"; label = "ICT"; } );'
write_report()
{
    cat > "$1" <<EOF
title = "IATI test";
language = "en";
data = { $2 currency_rates = { EUR = 1.1; GBP = 1.25; }; };
$3
sections = ( $all_sections );
EOF
}

# ---- 1. CSV and IATI 2.03 give identical numbers ------------------------------------

write_report "$work/csv.cfg" 'path = "portfolio.csv";' "$report_sectors"
render_dataout csv "$work/csv.cfg" "$work/out-csv"
grep -q '^projects,Projects,6$' "$work/out-csv/01-kpi.csv" ||
    fail "csv: the kpi file does not count 6 projects: $(cat "$work/out-csv/01-kpi.csv")"
[ -s "$work/run.err" ] && { fail "csv: unexpected messages"; show_run; }

# --data FILE.xml: the iati source, chosen by the extension
render_dataout "--data v2.xml" "$work/csv.cfg" "$work/out-v2" --data "$work/v2.xml"
same_dataout "IATI 2.03" "$work/out-csv" "$work/out-v2" "$n_sections"
[ -s "$work/run.err" ] && { fail "IATI 2.03: unexpected messages"; show_run; }

# data.format names the source whatever the file is called
cp "$work/v2.xml" "$work/activities.data"
write_report "$work/format.cfg" 'path = "activities.data"; format = "iati";' "$report_sectors"
render_dataout "format = iati" "$work/format.cfg" "$work/out-format"
same_dataout "format = iati" "$work/out-csv" "$work/out-format" "$n_sections"

# ---- 2. IATI 1.05 as 2.03 ------------------------------------------------------------

render_dataout "2.03 without SDGs" "$work/csv.cfg" "$work/out-nosdg" --data "$work/v2-nosdg.xml"
render_dataout "1.05" "$work/csv.cfg" "$work/out-v1" --data "$work/v1.xml"
same_dataout "IATI 1.05" "$work/out-nosdg" "$work/out-v1" "$n_sections"
grep -q '^projects,Projects,6$' "$work/out-v1/01-kpi.csv" || fail "1.05: not 6 projects"

# ---- 3. labels, language ---------------------------------------------------------

# Without the report's sector labels, those of the IATI SectorCategory
# codelist (data/iati-sector-categories.csv) name the keys.
write_report "$work/plain.cfg" 'path = "v2.xml";'
render_dataout labels "$work/plain.cfg" "$work/out-labels"
for kv in '311,Agriculture' '232,"Energy generation, renewable sources"' '312,Forestry' \
    '313,Fishing' '240,Banking & Financial Services' '220,Communications'; do
    grep -q "^$kv,1\$" "$work/out-labels/04-by-sector.csv" ||
        fail "by-sector: no row $kv,1: $(cat "$work/out-labels/04-by-sector.csv")"
done

# The report's language picks the narrative: P-4's title in Chinese.
render_dataout zh "$work/plain.cfg" "$work/out-zh" --set language=zh
grep -q '^P-4,渔业技术培训,' "$work/out-zh/11-project-table.csv" ||
    fail "language zh: P-4's title is not the Chinese narrative"
grep -q '^P-4,Fisheries training,' "$work/out-labels/11-project-table.csv" ||
    fail "language en: P-4's title is not the English narrative"

# ---- 4. regions without countries, warnings ----------------------------------------

cat > "$work/regions.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="CHF">
  <iati-identifier>R-1</iati-identifier>
  <reporting-org ref="XM-R"/>
  <title><narrative>Regional one</narrative></title>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2020-01-01"/>
  <recipient-region code="298" vocabulary="1"/>
  <recipient-region code="019" vocabulary="2"/>
  <sector code="11110"/>
  <budget><value>100</value></budget>
 </iati-activity>
 <iati-activity default-currency="CHF">
  <iati-identifier>R-2</iati-identifier>
  <reporting-org ref="XM-R"/>
  <title><narrative>Unknown place</narrative></title>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2021-01-01"/>
  <recipient-country code="ZZ"/>
  <recipient-region code="998" vocabulary="1"/>
  <budget><value>100</value></budget>
 </iati-activity>
 <iati-activity default-currency="USD">
  <iati-identifier>R-3</iati-identifier>
  <reporting-org ref="XM-R"/>
  <title><narrative>Asia</narrative></title>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2021-01-01"/>
  <recipient-region code="798"/>
  <budget><value>250</value></budget>
 </iati-activity>
</iati-activities>
EOF
write_report "$work/regions.cfg" 'path = "regions.xml";'
render_dataout regions "$work/regions.cfg" "$work/out-regions"
# R-1: Africa (298) and the Americas (019: both American regions);
# R-2: Unspecified (an unknown country, then 998); R-3: Asia (798).
for kv in 'Africa,Africa,1' 'Latin America and the Caribbean,Latin America and the Caribbean,1' \
    'Northern America,Northern America,1' 'Asia,Asia,1' 'Unspecified,.*,1'; do
    grep -q "^$kv\$" "$work/out-regions/02-by-region.csv" ||
        fail "by-region: no row $kv: $(cat "$work/out-regions/02-by-region.csv")"
done
grep -q '^unspecified,Unspecified,2$' "$work/out-regions/04-by-sector.csv" ||
    fail "by-sector: R-2 and R-3 are not unspecified: $(cat "$work/out-regions/04-by-sector.csv")"
# Only R-3's budget is in dollars; the two in CHF are left out, and said so
# once, at the line of the first.
grep -q '^budget_total,Total budget,250$' "$work/out-regions/01-kpi.csv" ||
    fail "kpi: the budget total is not 250: $(cat "$work/out-regions/01-kpi.csv")"
x=$work/regions.xml
zz=$(grep -n '"ZZ"' "$x" | cut -d: -f1)
r1=$(grep -n 'default-currency="CHF"' "$x" | head -n 1 | cut -d: -f1)
grep -qxF "$x:$zz: warning: recipient-country code \"ZZ\" is not an ISO 3166-1 alpha-2 code of a known country; left out" "$work/run.err" ||
    { fail "no warning naming the line of the unknown country"; show_run; }
grep -qxF "$x:$r1: warning: 2 activities left out of money totals: no rate for CHF (add it to data.currency_rates)" "$work/run.err" ||
    { fail "no single warning about CHF"; show_run; }
[ "$(grep -c 'left out of money' "$work/run.err")" -eq 1 ] || fail "more than one money warning"

# ---- 5. malformed XML, not IATI ---------------------------------------------------

printf '<iati-activities>\n <iati-activity>\n  <title>x</titel>\n </iati-activity>\n</iati-activities>\n' \
    > "$work/bad.xml"
run render "$work/plain.cfg" -o "$work/bad.pdf" --data "$work/bad.xml"
[ "$rc" -ne 0 ] || fail "malformed XML: render succeeded"
grep -q "^$work/bad.xml:3: malformed XML: Opening and ending tag mismatch" "$work/run.err" ||
    { fail "malformed XML: no message with the file and line"; show_run; }
[ -e "$work/bad.pdf" ] && fail "malformed XML: a PDF was written"

printf '<?xml version="1.0"?>\n<iati-organisations version="2.03"/>\n' > "$work/org.xml"
run render "$work/plain.cfg" -o "$work/org.pdf" --data "$work/org.xml"
[ "$rc" -ne 0 ] || fail "an organisation file: render succeeded"
grep -qF "$work/org.xml:2: not an IATI activity file: the root element is <iati-organisations>" \
    "$work/run.err" || { fail "an organisation file: no clear message"; show_run; }

# ---- 6. the official example ----------------------------------------------------------

write_report "$work/example.cfg" "path = \"$example\";"
render_dataout example "$work/example.cfg" "$work/out-example"
grep -q '^projects,Projects,1$' "$work/out-example/01-kpi.csv" || fail "example: not 1 project"
for kv in 'AFG,Afghanistan,1' 'ATG,Antigua and Barbuda,1'; do
    grep -q "^$kv\$" "$work/out-example/03-by-country.csv" || fail "example: no country row $kv"
done
grep -q '^111,"Education, Level Unspecified",1$' "$work/out-example/04-by-sector.csv" ||
    fail "example: the sector is not 111: $(cat "$work/out-example/04-by-sector.csv")"
# 3000 EUR at the report's 1.1
grep -q '^budget_total,Total budget,3300$' "$work/out-example/01-kpi.csv" ||
    fail "example: the budget is not 3300: $(cat "$work/out-example/01-kpi.csv")"
grep -q '^AA-AAA-123456789-ABC123,Activity title,Organisation name,' \
    "$work/out-example/11-project-table.csv" || fail "example: not in the project table"

run plugins
grep -q '^iati  *source  *1\.0  *[A-Z]' "$work/run.out" ||
    { fail "plugins does not list the iati source"; show_run; }
run plugins iati
grep -q '^  file: .*/iati\.la$' "$work/run.out" && grep -q '^  reads: *xml' "$work/run.out" ||
    { fail "plugins iati does not show its file and extensions"; show_run; }

# ---- 7. fallbacks: what an activity lacks is filled in, with grouped warnings ------

# One activity per line: id|title|planned start|actual start|planned end|actual end|
# status|country|sector|sdg|budget.  An empty field: no such element; "~": the
# element is there but empty.  Every fallback of docs/iati.md is used, and the
# end-date and status ones more than three times.
cat > "$work/fb.spec" <<'EOF'
F-1|Complete|2015-01-01|2015-03-01|2016-12-31||2|KE|11110|4|1000
F-2||2016-01-01|||2017-01-01|4|VN|31110|2|200
F-3|~||2016-02-01|||1|KE|11110||
|No identifier||2016-03-01|||1|BR|31110|4|50
~||2016-04-01||||1|BR|11110||
F-6|Actual end before actual start|2019-01-01|2020-05-22||2019-10-31|3|KE|31110|2|700
F-7|Planned end before planned start|2050-12-31||2021-12-31||1|VN|11110||
F-8|Ends the day it starts||2018-04-01||2018-04-01|4|KE|11110|4|
F-9|No dates|||||2|KE|31110|2|400
F-10|Only an end|||2022-01-31||2|VN|11110||
F-11|Empty status||2019-02-02|||~|KE|11110||
F-12|Unknown status||2019-02-02||2020-01-01|9|BR|11110||30
F-13|No status, planned|2019-03-03|||||KE|11110||
F-14|No status, started||2019-04-04|2025-01-01|||VN|31110||
F-15|Before one|2010-06-01|2011-01-01|2010-12-31||2|KE|11110||
F-16|Undated, no status||||||BR|11110||5
F-17|Before two|2013-07-02|||2013-07-01|3|KE|11110|4|
EOF
n_fb=$(wc -l < "$work/fb.spec")
awk -F'|' 'NF != 11 { exit 1 }' "$work/fb.spec" || die "fb.spec: a line without 11 fields"

# fb_xml FORM FILE: the activities as IATI 2.03 (FORM 2) or 1.05 (FORM 1)
# into FILE, and the line of each activity's start tag into FILE.lines.
# 1.05 gives every other activity's dates as the element's text.
fb_xml()
{
    awk -F'|' -v form="$1" -v lines="$2.lines" '
    BEGIN {
        split("start-planned start-actual end-planned end-actual", t1, " ")
        print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        printf "<iati-activities version=\"%s\">\n", form == 2 ? "2.03" : "1.05"
        n = 2
    }
    {
        print ++n > lines
        print " <iati-activity default-currency=\"USD\">"
        if ($1 != "") {
            printf "  <iati-identifier>%s</iati-identifier>\n", $1 == "~" ? " " : $1; n++
        }
        if (form == 2)
            print "  <reporting-org ref=\"XM-F\"><narrative>Org F</narrative></reporting-org>"
        else
            print "  <reporting-org ref=\"XM-F\">Org F</reporting-org>"
        n++
        if ($2 != "") {
            title = $2 == "~" ? "" : $2
            if (form == 2)
                printf "  <title><narrative>%s</narrative></title>\n", title
            else
                printf "  <title>%s</title>\n", title
            n++
        }
        if ($7 != "") {
            printf "  <activity-status code=\"%s\"/>\n", $7 == "~" ? "" : $7; n++
        }
        for (k = 1; k <= 4; k++) {
            d = $(k + 2)
            if (d == "")
                continue
            if (form == 2)
                printf "  <activity-date type=\"%d\" iso-date=\"%s\"/>\n", k, d
            else if (NR % 2)
                printf "  <activity-date type=\"%s\">%s</activity-date>\n", t1[k], d
            else
                printf "  <activity-date type=\"%s\" iso-date=\"%s\"/>\n", t1[k], d
            n++
        }
        printf "  <recipient-country code=\"%s\"/>\n  <sector code=\"%s\"/>\n", $8, $9
        n += 2
        if (form == 2 && $10 != "") {
            printf "  <sector vocabulary=\"7\" code=\"%s\"/>\n", $10; n++
        }
        if ($11 != "") {
            printf "  <budget><value>%s</value></budget>\n", $11; n++
        }
        if (NR == 1) { # a marked project, so that the gender trend has a share to show
            print "  <policy-marker vocabulary=\"1\" code=\"1\" significance=\"1\"/>"; n++
        }
        print " </iati-activity>"
        n++
    }
    END { print "</iati-activities>" }' "$work/fb.spec" > "$2"
}

# fb_expect FILE: what the rules of docs/iati.md make of each activity, as
# id|title|start|end|status|year|country|sector|sdg|budget lines.
fb_expect()
{
    awk -F'|' -v base="$(basename "$1")" '
    BEGIN { split("pipeline ongoing completed completed cancelled suspended", st, " ") }
    {
        id = ($1 == "" || $1 == "~") ? base "#" NR : $1
        title = ($2 == "" || $2 == "~") ? id : $2
        start = $4 != "" ? $4 : $3
        end = $6 != "" ? $6 : $5
        if (start != "" && end != "" && end < start)
            end = ""
        status = ($7 ~ /^[1-6]$/) ? st[$7] : ($4 != "" && $6 == "") ? "ongoing" : "pipeline"
        print id "|" title "|" start "|" end "|" status "|" substr(start, 1, 4) "|" $8 "|" \
              substr($9, 1, 3) "|" $10 "|" $11
    }' "$work/fb.spec"
}

# fb_warnings FILE: the warning lines expected on stderr, one per kind of
# fallback: the count, and the lines of the first three activities.
fb_warnings()
{
    awk -F'|' -v file="$1" -v base="$(basename "$1")" -v lines="$1.lines" -v q="'" '
    function used(k, line) {
        if (++count[k] <= 3)
            at[k] = at[k] (count[k] > 1 ? ", " : "") line
        if (count[k] == 1)
            first[k] = line
    }
    BEGIN {
        what[1] = "no iati-identifier; the id is the file" q "s name, " q "#" q \
                  " and the activity" q "s place in the file"
        what[2] = "no title; the iati-identifier is the title"
        what[3] = "no start date; no start year, so counted in every chart except those by year"
        what[4] = "end date before start date; the end date is left out"
        what[5] = "no activity-status code from 1 to 6; the status is ongoing if the " \
                  "activity has an actual start date and no actual end date, else pipeline"
    }
    {
        getline line < lines
        start = $4 != "" ? $4 : $3
        end = $6 != "" ? $6 : $5
        if ($1 == "" || $1 == "~") {
            if (!count[1])
                unnamed = base "#" NR
            used(1, line)
        }
        if ($2 == "" || $2 == "~")
            used(2, line)
        if (start == "")
            used(3, line)
        if (start != "" && end != "" && end < start)
            used(4, line)
        if ($7 !~ /^[1-6]$/)
            used(5, line)
    }
    END {
        for (k = 1; k <= 5; k++) {
            if (!count[k])
                continue
            where = count[k] > 3 ? "e.g. lines " : count[k] > 1 ? "at lines " : "at line "
            printf "%s:%d: warning: %d %s: %s%s, %s%s\n", file, first[k], count[k],
                   count[k] == 1 ? "activity" : "activities", what[k],
                   k == 1 ? " (the first: " unnamed ")" : "", where, at[k]
        }
    }' "$work/fb.spec"
}

# count_expected FIELD VALUE FORM: how many expected rows have VALUE in FIELD.
count_expected()
{
    awk -F'|' -v f="$1" -v v="$2" '$f == v { c++ } END { print c + 0 }' "$work/fb-v$3.expect"
}

# dataout_sum FILE KEY: the sum of the number columns of KEY's row (0 if none).
dataout_sum()
{
    csv_us "$1" | awk -F"$US" -v key="$2" '
        NR > 1 && $1 == key { for (i = 3; i <= NF; i++) s += $i }
        END { print s + 0 }'
}

cat > "$work/fb.cfg" <<'EOF'
title = "IATI fallbacks";
language = "en";
data = { path = "fb-v2.xml"; };
sections = (
  { plugin = "kpi"; title = "At a glance"; },
  { plugin = "by-status"; title = "Status"; },
  { plugin = "timeline"; title = "Starts"; },
  { plugin = "by-country"; title = "Countries"; },
  { plugin = "by-sector"; title = "Sectors"; },
  { plugin = "by-sdg"; title = "Goals"; },
  { plugin = "funding"; title = "Funding by year"; options = { by = "year"; }; },
  { plugin = "gender"; title = "Gender trend"; options = { view = "trend"; }; },
  { plugin = "project-table"; title = "Projects"; }
);
EOF

for form in 2 1; do
    x=$work/fb-v$form.xml
    label="fallbacks, IATI $([ $form = 2 ] && echo 2.03 || echo 1.05)"
    fb_xml $form "$x"
    fb_expect "$x" > "$work/fb-v$form.expect"
    fb_warnings "$x" > "$work/fb-v$form.warnings"
    [ "$(wc -l < "$work/fb-v$form.warnings")" -eq 5 ] || fail "$label: not every fallback is used"
    undated=$(count_expected 6 "" $form)
    budgeted_undated=$(awk -F'|' '$6 == "" && $10 != "" { c++ } END { print c + 0 }' \
        "$work/fb-v$form.expect")
    [ "$undated" -gt 1 ] && [ "$budgeted_undated" -gt 1 ] ||
        fail "$label: the test needs more activities without a start date"

    # Without --skip-bad-rows, exit status 0: every activity is a project.
    o=$work/out-fb$form
    render_dataout "$label" "$work/fb.cfg" "$o" --data "$x"
    [ -s "$o.pdf" ] || fail "$label: no PDF"
    grep -qx "projects,Projects,$n_fb" "$o/01-kpi.csv" ||
        fail "$label: kpi does not count $n_fb projects: $(cat "$o/01-kpi.csv")"
    # One line per kind of fallback, with its count and lines; nothing else.
    while IFS= read -r w; do
        grep -qxF "$w" "$work/run.err" || { fail "$label: no warning line: $w"; show_run; }
    done < "$work/fb-v$form.warnings"
    [ "$(wc -l < "$work/run.err")" -eq 5 ] ||
        { fail "$label: $(wc -l < "$work/run.err") lines on stderr, expected 5"; show_run; }

    # by-status: the fallback statuses, each activity once (one country each).
    for s in pipeline ongoing completed cancelled suspended; do
        want=$(count_expected 5 $s $form)
        got=$(dataout_sum "$o/02-by-status.csv" $s)
        [ "$got" = "$want" ] || fail "$label: by-status $s is $got, expected $want"
    done
    # timeline: every year from the first start to the last; the undated left out.
    awk -F'|' '$6 != "" { c[$6]++; if (!lo || $6 < lo) lo = $6; if ($6 > hi) hi = $6 }
        END { print "key,label,value"; for (y = lo; y <= hi; y++) print y "," y "," c[y] + 0 }' \
        "$work/fb-v$form.expect" > "$work/fb-timeline.want"
    same_file "$work/fb-timeline.want" "$o/03-timeline.csv" ||
        { fail "$label: timeline:"; diff "$work/fb-timeline.want" "$o/03-timeline.csv" >&2; }
    # by-country, by-sector, by-sdg: the counting rules, every activity counted.
    for cc in KE:KEN VN:VNM BR:BRA; do
        want=$(count_expected 7 "${cc%%:*}" $form)
        got=$(dataout_sum "$o/04-by-country.csv" "${cc#*:}")
        [ "$got" = "$want" ] || fail "$label: by-country ${cc#*:} is $got, expected $want"
    done
    for c in 111 311; do
        want=$(count_expected 8 $c $form)
        got=$(dataout_sum "$o/05-by-sector.csv" $c)
        [ "$got" = "$want" ] || fail "$label: by-sector $c is $got, expected $want"
    done
    for g in 2 4; do
        want=0 # 1.0x has no SDGs
        [ $form = 2 ] && want=$(count_expected 9 $g $form)
        got=$(dataout_sum "$o/06-by-sdg.csv" $g)
        [ "$got" = "$want" ] || fail "$label: by-sdg $g is $got, expected $want"
    done
    # funding by year: each dated budget in its year, the undated in none.
    awk -F'|' '$6 != "" && $10 != "" { b[$6] += $10 } END { for (y in b) print y "," b[y] }' \
        "$work/fb-v$form.expect" | sort > "$work/fb-funding.want"
    csv_us "$o/07-funding.csv" | awk -F"$US" 'NR > 1 && $3 != 0 { print $1 "," $3 }' | sort \
        > "$work/fb-funding.got"
    same_file "$work/fb-funding.want" "$work/fb-funding.got" ||
        { fail "$label: funding:"; diff "$work/fb-funding.want" "$work/fb-funding.got" >&2; }
    # project-table: the ids and titles the fallbacks gave.
    csv_us "$o/09-project-table.csv" | awk -F"$US" 'NR > 1 { print $1 "|" $2 }' | sort \
        > "$work/fb-names.got"
    cut -d'|' -f1,2 "$work/fb-v$form.expect" | sort > "$work/fb-names.want"
    same_file "$work/fb-names.want" "$work/fb-names.got" ||
        { fail "$label: ids and titles:"; diff "$work/fb-names.want" "$work/fb-names.got" >&2; }

    # The captions of the charts by year say how many had no start date (the
    # gender trend's groups its few-project years into periods first).
    pdftotext "$o.pdf" - | tr '\n' ' ' | tr -s ' ' > "$work/fb.txt" ||
        fail "$label: pdftotext failed"
    for sentence in \
        "Projects by the year they started; $undated projects have no start date and are not counted." \
        "years in which no project started are left out." \
        "each with its number of projects. $undated projects have no start date and are not counted." \
        "$budgeted_undated projects with a budget have no start date and are not counted."; do
        grep -qF "$sentence" "$work/fb.txt" || fail "$label: the PDF does not say: $sentence"
    done
done

# The Chinese edition says it in Chinese (pdftotext spaces CJK glyphs: no blanks).
render_dataout "fallbacks, zh" "$work/fb.cfg" "$work/out-fb-zh" --set language=zh
pdftotext "$work/out-fb-zh.pdf" - | tr -d ' \n' > "$work/fb-zh.txt"
undated=$(count_expected 6 "" 2)
grep -qF "按项目开始年份统计；${undated}个项目没有开始日期，未计入。" "$work/fb-zh.txt" ||
    fail "fallbacks, zh: the timeline's caption does not count the undated projects"

# A year bound that every dated activity meets keeps the undated ones too:
# they count in every chart but those by year.
for set in filters.start_year_min=1900 filters.start_year_max=2200; do
    render_dataout "fallbacks, $set" "$work/fb.cfg" "$work/out-fb-filter" --set "$set"
    grep -qx "projects,Projects,$n_fb" "$work/out-fb-filter/01-kpi.csv" ||
        fail "$set: kpi does not count all $n_fb projects, the $undated undated among them"
done
finish

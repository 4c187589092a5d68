#!/bin/sh
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
# and the official IATI example.
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
grep -q '^iati  *source  *1\.0  */.*/iati\.la$' "$work/run.out" ||
    { fail "plugins does not list the iati source"; show_run; }
finish

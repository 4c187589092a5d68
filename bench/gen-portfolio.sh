#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes a synthetic portfolio CSV that follows the spec (docs/portfolio-csv.md)
# to standard output, for benchmarks:
#
#     sh bench/gen-portfolio.sh [ROWS [SEED]] > portfolio.csv
#
# ROWS defaults to 1000000, SEED to 1; the same ROWS and SEED give the same file
# (with the same awk: mawk and gawk draw different random numbers).
# Every row is valid, with the awkward cases a real export has: quoted titles
# holding commas and doubled quotes, now and then a title across two lines,
# CJK and Arabic text, empty optional cells and every date precision.
set -eu

rows=${1:-1000000}
seed=${2:-1}
case $rows in '' | *[!0-9]*) echo "gen-portfolio: ROWS must be a whole number" >&2; exit 2 ;; esac
case $seed in '' | *[!0-9]*) echo "gen-portfolio: SEED must be a whole number" >&2; exit 2 ;; esac

LC_ALL=C exec awk -v rows="$rows" -v seed="$seed" '
function pick(list, n) { return list[int(rand() * n) + 1] }
# n distinct items of list (size size), joined with ";"
function several(list, size, n,    out, i, j, k, used) {
    out = ""
    for (i = 0; i < n; i++) {
        do { k = int(rand() * size) + 1 } while (k in used)
        used[k] = 1
        out = out (i ? ";" : "") list[k]
    }
    return out
}
function date(y,    r) {
    r = rand()
    if (r < 0.2) return sprintf("%04d", y)
    if (r < 0.5) return sprintf("%04d-%02d", y, int(rand() * 12) + 1)
    return sprintf("%04d-%02d-%02d", y, int(rand() * 12) + 1, int(rand() * 28) + 1)
}
function title(i,    r, t) {
    r = rand()
    t = pick(topic, ntopic) " in " pick(place, nplace)
    if (r < 0.60) return t
    if (r < 0.80) return "\"" t ", phase " (i % 4 + 1) "\""
    if (r < 0.90) return "\"" t ": the \"\"" pick(nick, nnick) "\"\" programme\""
    if (r < 0.999) return pick(intl, nintl)
    return "\"" t "\nsecond line of the title\""
}
BEGIN {
    srand(seed)
    ntopic = split("Rice value chains|Solar mini-grids|Mobile banking|Drip irrigation|" \
        "Coastal fisheries|Community forestry|Broadband for schools|Seed banks|" \
        "Water utilities twinning|Microfinance for women|Tsunami early warning|" \
        "Cassava processing|Geothermal training|Fish farming cooperatives", topic, "|")
    nplace = split("the Mekong delta|East Africa|the Andes|the Sahel|small island states|" \
        "Central Asia|the Pacific|West Africa|the Caribbean|South Asia", place, "|")
    nnick = split("Green Rice|Blue Economy|Sun for All|Clean Water|Digital Village", nick, "|")
    nintl = split("水稻价值链合作项目|太阳能微电网培训|" \
        "التعاون في مجال الري بالتنقيط|تدريب على الطاقة الحرارية الأرضية|" \
        "Cooperação em bancos de sementes|Coopération halieutique côtière", intl, "|")
    nlead = split("Ministry of Agriculture of Viet Nam|FIOCRUZ|EMBRAPA|" \
        "China Agricultural University|Indian Institute of Technology Delhi|" \
        "Kenya Agricultural Research Institute|Universidad de Chile|" \
        "South African National Energy Development Institute|Bangladesh Rural Advancement Committee|" \
        "Thailand International Cooperation Agency|Agencia Mexicana de Cooperacion|" \
        "Egyptian Agency of Partnership for Development", lead, "|")
    nfund = split("PGTF|UNOSSC|IBSA Fund|India-UN Development Partnership Fund|" \
        "China-FAO South-South Cooperation Trust Fund|Perez-Guerrero Trust Fund", fund, "|")
    ncountry = split("VNM LKA CHN IND BRA ZAF KEN EGY ARG MEX IDN THA PHL MYS NGA GHA " \
        "ETH TZA UGA SEN MAR TUN PER COL CHL BOL ECU CUB PAK BGD NPL MNG KAZ UZB FJI " \
        "PNG TUR IRN JOR LBN", country, " ")
    nsector = split("agriculture forestry fishery renewable-energy ict water " \
        "financial-services health education", sector, " ")
    nstatus = split("pipeline ongoing ongoing completed completed completed cancelled " \
        "suspended", status, " ")
    for (g = 1; g <= 17; g++) sdg[g] = g
    print "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary," \
        "sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality," \
        "gender_marker,beneficiaries"
    for (i = 1; i <= rows; i++) {
        y = 2000 + int(rand() * 24)
        lead_name = pick(lead, nlead)
        partners = rand() < 0.3 ? "" : several(lead, nlead, int(rand() * 3) + 1)
        if (index(partners, ",") || index(lead_name, ",")) partners = "\"" partners "\""
        printf "SSC-%07d,%s,%s,%s,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", i, title(i),
            lead_name, partners,
            several(country, ncountry, int(rand() * 3) + 1),
            pick(sector, nsector), int(rand() * 17) + 1,
            rand() < 0.4 ? "" : several(sdg, 17, int(rand() * 3) + 1),
            date(y), rand() < 0.3 ? "" : date(y + 1 + int(rand() * 5)),
            pick(status, nstatus), rand() < 0.2 ? "" : pick(fund, nfund),
            rand() < 0.1 ? "" : sprintf("%.2f", rand() * 5000000),
            rand() < 0.2 ? "" : (rand() < 0.7 ? "south-south" : "triangular"),
            rand() < 0.2 ? "" : int(rand() * 3),
            rand() < 0.3 ? "" : int(rand() * 200000)
    }
}'

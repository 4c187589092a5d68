#!/bin/sh
# SPDX-License-Identifier: MIT
# The sentence under every chart is true: on portfolios this test writes
# (random ones of several sizes, ties of two and of many, a single
# category, none left by the filters) and on the bundled report, each
# summary the engine writes is found in the PDF's text (pdftotext) and
# compared with the sentence this test builds from numbers it counts
# itself, in awk, from the CSV it wrote: distinct projects per category,
# every tied category named, years as years, SDGs as "SDG N, Name".
# Budgets are parsed back from the sentence and compared within the
# rounding of the printed amount, so that a change of money format does
# not hide or fake a wrong number.
. "$top_srcdir/tests/lib.sh"
need_tool pdftotext

# ---- reference tables of the test's own -----------------------------------

# Countries by region, read from the engine's M49 table by column name.
csv_us "$top_srcdir/data/m49-countries.csv" | awk -F"$US" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { print $col["alpha3"] "\037" $col["region"] }' > "$work/regions.us"
# SDG short names, English and Chinese, by column name.
csv_us "$top_srcdir/data/sdg-goals.csv" | awk -F"$US" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { print $col["goal"] "\037" $col["short_en"] "\037" $col["short_zh"] }' > "$work/sdg.us"
# Region names in Chinese (the UN's), for the regions the test uses.
cat > "$work/regions-zh.us" <<EOF
Africa${US}非洲
Asia${US}亚洲
Europe${US}欧洲
Oceania${US}大洋洲
Latin America and the Caribbean${US}拉丁美洲和加勒比
Northern America${US}北美洲
EOF
# The built-in sector labels of docs/report-format.md, for the bundled report.
builtin_sectors='agriculture=Agriculture|health=Health|education=Education|renewable-energy=Renewable energy|water=Water and sanitation|ict=Information and communication technology|financial-services=Financial services|trade=Trade|fishery=Fisheries|forestry=Forestry|industry=Industry|disaster-risk=Disaster risk reduction|environment=Environment|governance=Governance|transport=Transport|tourism=Tourism'

# ---- portfolios -------------------------------------------------------------

header='id,title,lead_institution,partner_institutions,countries,sector,sdg_primary,sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality,gender_marker,beneficiaries'

# gen SEED N FILE: a random portfolio, skewed so that some categories
# lead and others tie now and then.
gen()
{
    awk -v seed="$1" -v n="$2" -v header="$header" 'BEGIN {
        srand(seed)
        split("KEN;ETH;NGA;VNM;LKA;NPL;BRA;PER;FJI;SRB", cc, ";")
        split("s-agri;s-energy;s-water;s-health;s-ict;s-trade", sec, ";")
        split("pipeline;ongoing;completed;cancelled;suspended", st, ";")
        split("Inst A;Inst B;Inst C;Inst D;Inst E", inst, ";")
        print header
        for (i = 1; i <= n; i++) {
            k = 1 + int(rand() * rand() * 4); c = ""
            for (j = 0; j < k; j++) c = c (j ? ";" : "") cc[1 + int(rand() * rand() * 10)]
            p = (rand() < 0.4) ? inst[1 + int(rand() * 5)] : ""
            s2 = (rand() < 0.6) ? (1 + int(rand() * 17)) ";" (1 + int(rand() * 17)) : ""
            b = (rand() < 0.9) ? 1000 * (1 + int(rand() * 500)) : ""
            printf "P-%05d,Project %d,%s,%s,\"%s\",%s,%d,\"%s\",%d-%02d,,%s,,%s,,,\n",
                i, i, inst[1 + int(rand() * rand() * 5)], p, c,
                sec[1 + int(rand() * rand() * 6)], 1 + int(rand() * rand() * 17), s2,
                2005 + int(rand() * 15), 1 + int(rand() * 12),
                st[1 + int(rand() * rand() * 5)], b
        }
    }' > "$3"
}

gen 1 40 "$work/r40.csv"
gen 2 300 "$work/r300.csv"
gen 3 2000 "$work/r2000.csv"

# Two-way ties everywhere: two sectors, two regions, two years, two
# statuses, two goals, two institutions with two projects each.
cat > "$work/ties.csv" <<EOF
$header
T-1,One,Inst A,,KEN,s-agri,2,,2010-01,,completed,,1000,,,
T-2,Two,Inst A,,KEN,s-agri,2,,2010-02,,completed,,1000,,,
T-3,Three,Inst B,,VNM,s-energy,7,,2011-01,,ongoing,,1000,,,
T-4,Four,Inst B,,VNM,s-energy,7,,2011-01,,ongoing,,1000,,,
EOF
# Eight sectors, eight goals, eight years with one project each.
{
    echo "$header"
    i=1
    for s in s-agri s-energy s-water s-health s-ict s-trade s-fish s-forest; do
        echo "M-$i,Many $i,Inst $i,,KEN,$s,$((i + 1)),,$((2000 + i)),,completed,,$((i * 100)),,,"
        i=$((i + 1))
    done
} > "$work/many.csv"
# One category of everything.
cat > "$work/single.csv" <<EOF
$header
S-1,One,Inst A,Inst A,KEN,s-water,6,6,2015-03,,completed,,5000,,,
S-2,Two,Inst A,,ETH,s-water,6,,2015-04,,completed,,5000,,,
S-3,Three,Inst A,,NGA,s-water,6,,2015,,completed,,5000,,,
EOF

# ---- the report -------------------------------------------------------------

# write_report FILE DATA LANG FILTERS
write_report()
{
    cat > "$1" <<EOF
title = "Summaries";
language = "$3";
toc = false;
data_tables = "none";
data = { path = "$2"; };
filters = { $4 };
sectors = (
  { code = "s-agri"; label = "Agriculture"; label_zh = "农业"; },
  { code = "s-energy"; label = "Renewable energy"; label_zh = "可再生能源"; },
  { code = "s-water"; label = "Water"; label_zh = "水"; },
  { code = "s-health"; label = "Health"; label_zh = "卫生"; },
  { code = "s-ict"; label = "ICT"; label_zh = "信息通信技术"; },
  { code = "s-trade"; label = "Trade"; label_zh = "贸易"; },
  { code = "s-fish"; label = "Fisheries"; label_zh = "渔业"; },
  { code = "s-forest"; label = "Forestry"; label_zh = "林业"; }
);
sections = (
  { plugin = "by-region"; title = "S1"; chart = "hbar"; page_break = true; },
  { plugin = "by-sector"; title = "S2"; chart = "hbar"; page_break = true; },
  { plugin = "by-sdg"; title = "S3"; options = { count = "any"; }; page_break = true; },
  { plugin = "by-sdg"; title = "S4"; options = { count = "primary"; }; page_break = true; },
  { plugin = "timeline"; title = "S5"; chart = "line"; page_break = true; },
  { plugin = "by-status"; title = "S6"; chart = "stacked"; page_break = true; },
  { plugin = "by-institution"; title = "S7"; chart = "grouped"; page_break = true; },
  { plugin = "funding"; title = "S8"; options = { by = "sector"; }; page_break = true; },
  { plugin = "funding"; title = "S9"; options = { by = "year"; }; page_break = true; }
);
EOF
}

# expect CSV LANG STATUSES YEARMIN SECTORLABELS: the sentences, one per
# section ("-" for none), "count|S1|sentence" or "money|S8|prefix|amount".
expect()
{
    csv_us "$1" | awk -F"$US" -v lang="$2" -v statuses="$3" -v ymin="$4" \
        -v sectors="$5" -v rfile="$work/regions.us" -v zfile="$work/regions-zh.us" \
        -v gfile="$work/sdg.us" '
    function fmt(v,   s, r) {
        s = sprintf("%d", v); r = ""
        while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
        return s r
    }
    # the names of the top categories in order[1..n] whose value is best
    function tops(order, n, val,   i, k) {
        best = 0; k = 0
        for (i = 1; i <= n; i++) if (val[order[i]] > best) best = val[order[i]]
        for (i = 1; i <= n; i++) if (best > 0 && val[order[i]] == best) top[++k] = order[i]
        return k
    }
    function list(k, kind,   i, s, named, sdg, last, nm) {
        named = k > 6 ? 5 : k; s = ""; sdg = !zh && kind == "sdg"
        for (i = 1; i <= named; i++) {
            last = i == named && named == k
            if (i > 1 && zh) s = s (last ? "和" : "、")
            else if (i > 1 && sdg) s = s (!last ? "; " : named > 2 ? "; and " : ", and ")
            else if (i > 1) s = s (last ? " and " : ", ")
            # a sector inside an English sentence is a common noun: its
            # capital goes, unless it is an acronym (ICT)
            nm = name(kind, top[i])
            if (!zh && kind == "sector" && i > 1 && nm ~ /^[A-Z][a-z]/)
                nm = tolower(substr(nm, 1, 1)) substr(nm, 2)
            s = s nm
        }
        if (named < k) s = s (zh ? "及其他" (k - named) "项" : (sdg ? "; and " : " and ") (k - named) " others")
        else if (sdg) s = s ","
        return s
    }
    function name(kind, key) {
        if (kind == "year") return zh ? key "年" : key
        if (kind == "sdg") return zh ? "可持续发展目标" key "（" gzh[key] "）" : "SDG " key ", " gen[key]
        if (kind == "region") return zh ? rzh[key] : key
        if (kind == "sector") return zh ? szh[key] : sen[key]
        if (kind == "status") return zh ? stzh[key] : sten[key]
        # institutions: the Chinese name the portfolio gives, where it does
        if (kind == "text" && zh && (key in izh)) return izh[key]
        return key
    }
    function count(sec, kind, order, n, val,   k, s, all) {
        k = tops(order, n, val)
        if (k == 0) { print sec "|-"; return }
        all = (k == 1 && best == shown && shown > 1)
        if (zh) {
            if (all && kind == "year") s = "全部" fmt(shown) "个项目均于" list(k, kind) "启动。"
            else if (all) s = list(k, kind) "包括全部" fmt(shown) "个项目。"
            else s = list(k, kind) (kind == "year" ? "启动的项目最多" : "的项目最多") \
                     (k > 1 ? "，各" fmt(best) "个项目。" : "：" fmt(shown) "个项目中有" fmt(best) "个。")
        } else {
            if (all && kind == "year") s = "All " fmt(shown) " projects started in " list(k, kind) "."
            else if (all) s = list(k, kind) " has all " fmt(shown) " projects."
            else if (kind == "year") s = "Most projects started in " list(k, kind) ": " fmt(best) (k > 1 ? " each" : "") "."
            else if (k > 1 && sec == "S7") s = list(k, kind) " have the most projects: " fmt(best) " each."
            else if (k > 1) s = list(k, kind) " lead, with " fmt(best) " project" (best == 1 ? "" : "s") " each."
            else s = list(k, kind) " has the most projects: " fmt(best) " of " fmt(shown) "."
        }
        print "count|" sec "|" s
    }
    function money(sec, kind, order, n, val,   k, s) {
        k = tops(order, n, val)
        if (k == 0) { print sec "|-"; return }
        if (zh) s = list(k, kind) (kind == "year" ? "启动的项目预算最多" : "的预算最多") (k > 1 ? "，各" : "：")
        else if (kind == "year") s = "Projects started in " list(k, kind) " have the largest budget" (k > 1 ? "s" : "") ": "
        else s = list(k, kind) (k > 1 ? " have" : " has") " the largest budget: "
        print "money|" sec "|" s "|" best
    }
    # insertion sort of a[1..n] by cmp_* below
    function isort(a, n, how,   i, j, x) {
        for (i = 2; i <= n; i++) {
            x = a[i]
            for (j = i - 1; j >= 1 && before(x, a[j], how); j--) a[j + 1] = a[j]
            a[j + 1] = x
        }
    }
    function before(x, y, how) {
        if (how == "num") return x + 0 < y + 0
        # the engine lists tied sectors by English name, case ignored, in both editions
        if (how == "sen") return tolower(sen[x]) < tolower(sen[y])
        if (how == "inst") {
            if (lead[x] != lead[y]) return lead[x] > lead[y]
            if (part[x] != part[y]) return part[x] > part[y]
            return x < y
        }
        return x < y
    }
    BEGIN {
        zh = lang == "zh"
        while ((getline l < rfile) > 0) { split(l, f, "\037"); region[f[1]] = f[2] }
        while ((getline l < zfile) > 0) { split(l, f, "\037"); rzh[f[1]] = f[2] }
        while ((getline l < gfile) > 0) { split(l, f, "\037"); gen[f[1]] = f[2]; gzh[f[1]] = f[3] }
        n = split(sectors, f, "|")
        for (i = 1; i <= n; i++) { split(f[i], kv, "="); split(kv[2], lz, "/"); sen[kv[1]] = lz[1]; szh[kv[1]] = lz[2] }
        split("pipeline;ongoing;completed;cancelled;suspended", stk, ";")
        split("Pipeline;Ongoing;Completed;Cancelled;Suspended", ste, ";")
        split("筹备中;进行中;已完成;已取消;已暂停", stz, ";")
        for (i = 1; i <= 5; i++) { sten[stk[i]] = ste[i]; stzh[stk[i]] = stz[i] }
        ns = split(statuses, keep, ";")
        for (i = 1; i <= ns; i++) kept[keep[i]] = 1
    }
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
        status = $col["status"]; y = substr($col["start_date"], 1, 4) + 0
        if (ns && !(status in kept)) next
        if (ymin && y < ymin) next
        shown++
        # regions: distinct per project
        delete seen; m = split($col["countries"], cs, ";")
        for (i = 1; i <= m; i++) {
            c = cs[i]; gsub(/ /, "", c); r = region[c]
            if (r != "" && !(r in seen)) { seen[r] = 1; reg[r]++ }
        }
        sct[$col["sector"]]++
        # goals: the primary, then distinct secondary ones
        g = $col["sdg_primary"] + 0; delete gs; gs[g] = 1; prim[g]++
        m = split($col["sdg_secondary"], ss, ";")
        for (i = 1; i <= m; i++) { x = ss[i]; gsub(/ /, "", x); if (x != "") gs[x + 0] = 1 }
        for (x in gs) anyg[x]++
        yr[y]++; sta[status]++
        # institutions: distinct projects, lead or partner
        ld = $col["lead_institution"]; delete inv; inv[ld] = 1; lead[ld]++
        if (("lead_institution_zh" in col) && $col["lead_institution_zh"] != "" && !(ld in izh))
            izh[ld] = $col["lead_institution_zh"]
        m = split($col["partner_institutions"], ps, ";")
        mz = ("partner_institutions_zh" in col) ? split($col["partner_institutions_zh"], pz, ";") : 0
        for (i = 1; i <= m; i++) {
            x = ps[i]; sub(/^ +/, "", x); sub(/ +$/, "", x)
            # the Chinese names are listed in the same order as the English
            if (mz == m) { z = pz[i]; sub(/^ +/, "", z); sub(/ +$/, "", z); if (z != "" && !(x in izh)) izh[x] = z }
            if (x != "" && !((x, "p") in pp)) { part[x]++; pp[x, "p"] = 1 }
            if (x != "") inv[x] = 1
        }
        for (x in pp) delete pp[x]
        for (x in inv) { ins[x]++; allinst[x] = 1 }
        if ($col["budget_usd"] != "") { bs[$col["sector"]] += $col["budget_usd"]; by[y] += $col["budget_usd"] }
    }
    END {
        n = 0; for (k in reg) o[++n] = k; isort(o, n, "str"); count("S1", "region", o, n, reg)
        # sectors in English name order; every present sector is a row
        delete o; n = 0; for (k in sct) o[++n] = k; isort(o, n, "sen"); count("S2", "sector", o, n, sct)
        delete o; for (i = 1; i <= 17; i++) o[i] = i; count("S3", "sdg", o, 17, anyg)
        count("S4", "sdg", o, 17, prim)
        delete o; n = 0; for (k in yr) o[++n] = k; isort(o, n, "num"); count("S5", "year", o, n, yr)
        delete o; n = 0; for (i = 1; i <= 5; i++) if (stk[i] in sta) o[++n] = stk[i]
        count("S6", "status", o, n, sta)
        delete o; n = 0; for (k in allinst) o[++n] = k; isort(o, n, "inst"); count("S7", "text", o, n, ins)
        delete o; n = 0; for (k in sct) o[++n] = k; isort(o, n, "sen"); money("S8", "sector", o, n, bs)
        delete o; n = 0; for (k in yr) o[++n] = k; isort(o, n, "num"); money("S9", "year", o, n, by)
    }'
}

# The PDF's text on one line, spaces squeezed.
pdf_line()
{
    pdftotext -enc UTF-8 "$1" - | tr '\n\f' '  ' | tr -s ' '
}

# check LABEL PDF EXPECTED: every expected sentence is in the PDF's text.
check_sentences()
{
    label=$1 text=$(pdf_line "$2")
    # Chinese has no spaces: a line break inside a sentence must not count
    case $label in
    *zh*) text=$(printf '%s\n' "$text" | tr -d ' ') ;;
    esac
    printf '%s\n' "$text" > "$work/$label.txt"
    while IFS='|' read -r kind sec sentence amount; do
        case $label in
        *zh*) sentence=$(printf '%s\n' "$sentence" | tr -d ' ') ;;
        esac
        case $kind in
        count)
            case $text in
            *"$sentence"*) ;;
            *) fail "$label $sec: expected \"$sentence\"" ;;
            esac ;;
        money)
            # the amount after the prefix, up to the sentence's end
            got=$(printf '%s\n' "$text" | awk -v p="$sentence" '{
                i = index($0, p); if (!i) exit
                s = substr($0, i + length(p))
                if (match(s, /^(US\$ ?)?[0-9,]+(\.[0-9]+)?( ?(million|billion|thousand|万|亿))?/) == 0) exit
                s = substr(s, 1, RLENGTH)
                mult = 1
                if (s ~ /billion/) mult = 1e9; else if (s ~ /million/) mult = 1e6
                else if (s ~ /thousand/) mult = 1e3
                else if (s ~ /亿/) mult = 1e8; else if (s ~ /万/) mult = 1e4
                gsub(/[^0-9.]/, "", s)
                # half a unit of the last digit printed: "2.1亿" is
                # 210,000,000 give or take 5,000,000
                unit = mult
                if (index(s, ".")) unit = mult / 10 ^ (length(s) - index(s, "."))
                printf "%.2f %.4f\n", s * mult, unit / 2 }')
            if [ -z "$got" ]; then
                fail "$label $sec: no sentence starting \"$sentence\""
            elif ! awk -v g="${got% *}" -v half="${got#* }" -v e="$amount" 'BEGIN {
                    d = g - e; if (d < 0) d = -d; exit !(d <= half + 0.005) }'; then
                fail "$label $sec: the budget reads ${got% *}, the data say $amount"
            fi ;;
        *)  # no sentence: the chart has nothing to show
            case $text in
            *"No data to show"* | *"没有可显示的数据"*) ;;
            *) fail "$label $sec: expected no summary and the no-data sentence" ;;
            esac ;;
        esac
    done < "$3"
}

# The false sentence of the issue must not come back in any form: the
# number after "Completed has the most projects:" is the completed count.
labels='s-agri=Agriculture/农业|s-energy=Renewable energy/可再生能源|s-water=Water/水|s-health=Health/卫生|s-ict=ICT/信息通信技术|s-trade=Trade/贸易|s-fish=Fisheries/渔业|s-forest=Forestry/林业'

for case in r40 r300 r2000 ties many single; do
    for lang in en zh; do
        write_report "$work/$case-$lang.cfg" "$work/$case.csv" "$lang" ""
        expect "$work/$case.csv" "$lang" "" 0 "$labels" > "$work/$case-$lang.expect"
        [ -s "$work/$case-$lang.expect" ] || die "$case $lang: no expectations"
        run render "$work/$case-$lang.cfg" -o "$work/$case-$lang.pdf"
        if [ "$rc" -ne 0 ]; then
            fail "$case $lang: render failed (exit $rc)"
            show_run
            continue
        fi
        check_sentences "$case-$lang" "$work/$case-$lang.pdf" "$work/$case-$lang.expect"
    done
done

# Filters that leave projects out: the sentences count the shown ones.
write_report "$work/filtered.cfg" "$work/r300.csv" en \
    'statuses = [ "ongoing", "completed" ]; start_year_min = 2010;'
expect "$work/r300.csv" en "ongoing;completed" 2010 "$labels" > "$work/filtered.expect"
run render "$work/filtered.cfg" -o "$work/filtered.pdf"
[ "$rc" -eq 0 ] || { fail "filtered: render failed"; show_run; }
check_sentences filtered "$work/filtered.pdf" "$work/filtered.expect"

# Filters that leave nothing: no sentence at all, the no-data line instead.
write_report "$work/none.cfg" "$work/r40.csv" en 'start_year_min = 2100;'
run render "$work/none.cfg" -o "$work/none.pdf"
[ "$rc" -eq 0 ] || { fail "none: render failed"; show_run; }
text=$(pdf_line "$work/none.pdf")
case $text in
*"has the most"* | *"have the most"* | *" lead, with "* | *"largest budget"* | *"Most projects"*)
    fail "none: a summary over no projects" ;;
esac
nodata=$(printf '%s\n' "$text" | grep -o "No data to show" | wc -l)
[ "$nodata" -eq 9 ] || fail "none: $nodata no-data sentences, expected 9"

# No project gender-marked: the trend is no chart of zeros but says so in
# words, counting the projects its periods hold (those the bundled report
# shows that have a start year), in both editions.
csv_us "$top_srcdir/data/sample-portfolio.csv" | awk -F"$US" -v q='"' '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR > 1 { $col["gender_marker"] = "0" }
    { line = ""; for (i = 1; i <= NF; i++) { f = $i; gsub(q, q q, f); line = line (i > 1 ? "," : "") q f q }
      print line }' > "$work/unmarked.csv"
unmarked=$(csv_us "$work/unmarked.csv" | awk -F"$US" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["status"] ~ /^(pipeline|ongoing|completed)$/ && substr($col["start_date"], 1, 4) + 0 >= 1995 { n++ }
    END { print n + 0 }')
for lang in en zh; do
    run render "$top_srcdir/reports/annual-meeting.cfg" --set "language=$lang" \
        --data "$work/unmarked.csv" -o "$work/unmarked-$lang.pdf"
    [ "$rc" -eq 0 ] || { fail "unmarked $lang: render failed"; show_run; continue; }
    if [ "$lang" = en ]; then
        want="None of the $unmarked projects is marked for gender equality."
        pdf_line "$work/unmarked-$lang.pdf" | grep -qF "$want" || fail "unmarked en: no \"$want\""
    else
        want="${unmarked}个项目均未标记为关注性别平等。"
        pdf_line "$work/unmarked-$lang.pdf" | tr -d ' ' | grep -qF "$want" || fail "unmarked zh: no \"$want\""
    fi
done

# The bundled report, both editions, with its own filters and the
# built-in sector labels: the sections whose kind the test knows.
bundled="$top_srcdir/reports/annual-meeting.cfg"
sample="$top_srcdir/data/sample-portfolio.csv"
zhsectors='agriculture=Agriculture/农业|health=Health/卫生|education=Education/教育|renewable-energy=Renewable energy/可再生能源|water=Water and sanitation/水和环境卫生|ict=Information and communication technology/信息通信技术|financial-services=Financial services/金融服务|trade=Trade/贸易|fishery=Fisheries/渔业|forestry=Forestry/林业'
for lang in en zh; do
    run render "$bundled" --set "language=$lang" -o "$work/bundled-$lang.pdf"
    if [ "$rc" -ne 0 ]; then
        fail "bundled $lang: render failed (exit $rc)"
        show_run
        continue
    fi
    expect "$sample" "$lang" "pipeline;ongoing;completed" 1995 "$zhsectors" |
        grep -E '^(count\|S(1|3|5|6|7)\||money\|S9\|)' > "$work/bundled-$lang.expect"
    [ "$(wc -l < "$work/bundled-$lang.expect")" -eq 6 ] || fail "bundled $lang: expectations"
    check_sentences "bundled-$lang" "$work/bundled-$lang.pdf" "$work/bundled-$lang.expect"
done
# The false sentence of the issue: "Completed has the most projects: 20 of 47".
completed=$(csv_us "$sample" | awk -F"$US" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["status"] == "completed" && substr($c["start_date"], 1, 4) >= 1995 { n++ } END { print n + 0 }')
grep -q "Completed has the most projects: $completed of " "$work/bundled-en.txt" ||
    fail "bundled: the status sentence does not say $completed completed projects"

finish

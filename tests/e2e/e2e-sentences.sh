#!/bin/sh
# SPDX-License-Identifier: MIT
# The sentences that plugins write under their own charts read like an
# editor's and state the chart's numbers, in both editions: the gender
# trend names the period (not its axis label) with its marked and started
# projects ("Projects started in 2008–2012 have the highest share: 90% (9
# of 10)."), and the partnership chart says how many projects are
# triangular and in which year most of them started.  Each sentence is
# built here, in awk, from the CSV the test wrote (or the bundled sample):
# the periods grouped as gender.c documents it, ties named in year order.
# The institutions' profiles leave out members with no project and name
# them in one sentence; with no member in the data, the leads' profiles.
# A sector code no one names is readable in English ("disaster-risk" as
# "Disaster risk") in charts, tables and sentences, and stops the Chinese
# edition's check.  Ranges (the cover's period, the gender periods, the
# map's key, a project's dates, a period that is not a year) take an en
# dash in English and GB/T 15834's "—" in Chinese.
. "$top_srcdir/tests/lib.sh"
need_tool pdftotext

header='id,title,lead_institution,partner_institutions,countries,sector,sdg_primary,sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality,gender_marker,beneficiaries'

# gen SEED N FILE: a random portfolio with modalities and gender markers.
gen()
{
    awk -v seed="$1" -v n="$2" -v header="$header" 'BEGIN {
        srand(seed)
        split("KEN;ETH;VNM;LKA;BRA;FJI", cc, ";")
        split("agriculture;water;ict", sec, ";")
        split("south-south;triangular;", mod, ";")
        split("0;1;2;", gm, ";")
        print header
        for (i = 1; i <= n; i++)
            printf "P-%05d,Project %d,Inst %d,,%s,%s,%d,,%d-%02d,,completed,,%d,%s,%s,\n",
                i, i, 1 + int(rand() * 4), cc[1 + int(rand() * 6)], sec[1 + int(rand() * 3)],
                1 + int(rand() * 17), 2003 + int(rand() * rand() * 16), 1 + int(rand() * 12),
                1000 * (1 + int(rand() * 50)), mod[1 + int(rand() * 3)],
                gm[1 + int(rand() * 4)]
    }' > "$3"
}

gen 11 40 "$work/r40.csv"
gen 12 300 "$work/r300.csv"
gen 13 1500 "$work/r1500.csv"

# Ties: 2001 and 2002 both 7 of 10 marked (years with ten projects each
# stay years), 2003 5 of 10; triangular 2 in 2001 and in 2002, 1 in 2003.
# row YEAR K MARKED TRI: K projects of YEAR, the first MARKED marked and
# the first TRI triangular.
rows()
{
    i=1
    while [ "$i" -le "$2" ]; do
        g=0; [ "$i" -le "$3" ] && g=1
        m=south-south; [ "$i" -le "$4" ] && m=triangular
        echo "T-$1-$i,Tie $i,Inst A,,KEN,water,6,,$1-03,,completed,,1000,$m,$g,"
        i=$((i + 1))
    done
}
{ echo "$header"; rows 2001 10 7 2; rows 2002 10 7 2; rows 2003 10 5 1; } > "$work/ties.csv"
# One triangular project, and none at all.
{ echo "$header"; rows 2010 3 1 1; } > "$work/one.csv"
{ echo "$header"; rows 2010 12 0 0; } > "$work/none.csv"

# expect CSV LANG STATUSES YEARMIN: the two sentences, one a line.
expect()
{
    csv_us "$1" | awk -F"$US" -v lang="$2" -v statuses="$3" -v ymin="$4" -v min=10 '
    function num(v,   s, r) {
        s = sprintf("%d", v); r = ""
        while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
        return s r
    }
    # a share as the engine prints it: tenths, rounded half up, ".0" dropped
    function pct(x,   t, s) {
        t = int(x * 10 + 0.5); s = num(int(t / 10))
        if (t % 10) s = s "." (t % 10)
        return s "%"
    }
    function pname(k) {
        if (pf[k] == pt[k]) return pf[k] (lang == "zh" ? "年" : "")
        return lang == "zh" ? pf[k] "—" pt[k] "年" : pf[k] "–" pt[k]
    }
    # items[1..n] as a list, the way the engine lists ties
    function list(items, n,   named, i, s) {
        named = n > 6 ? 5 : n; s = ""
        for (i = 1; i <= named; i++) {
            if (i > 1) s = s (lang == "zh" ? (i == named && named == n ? "和" : "、") \
                                           : (i == named && named == n ? " and " : ", "))
            s = s items[i]
        }
        if (named < n) s = s (lang == "zh" ? "及其他" (n - named) unit : " and " (n - named) " others")
        return s
    }
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
        if (statuses != "" && index(";" statuses ";", ";" $col["status"] ";") == 0) next
        y = substr($col["start_date"], 1, 4) + 0
        if (!y || (ymin && y < ymin)) next
        started[y]++; all++
        if ($col["gender_marker"] == "1" || $col["gender_marker"] == "2") marked[y]++
        if ($col["modality"] == "triangular") { tri[y]++; tris++ }
        if (!first || y < first) first = y
        if (y > last) last = y
    }
    END {
        # ---- the gender trend: years, or periods of at least min projects
        grouped = 0
        for (y = first; first && y <= last; y++)
            if (started[y] > 0 && started[y] < min) grouped = 1
        np = 0
        for (y = first; first && y <= last; y++) {
            if (!(started[y] > 0)) continue
            to = y; n = started[y]; m = marked[y] + 0
            if (grouped) {
                while (n < min && to < last) { to++; n += started[to]; m += marked[to] }
                rest = 0
                for (z = to + 1; z <= last; z++) rest += started[z]
                if (rest > 0 && rest < min) {
                    for (z = to + 1; z <= last; z++) { n += started[z]; m += marked[z] }
                    to = last
                }
            }
            np++; pf[np] = y; pt[np] = to; pn[np] = n; pm[np] = m
            y = to
        }
        best = 0
        for (k = 1; k <= np; k++) if (100 * pm[k] / pn[k] > best) best = 100 * pm[k] / pn[k]
        nt = 0
        for (k = 1; k <= np; k++) if (best > 0 && 100 * pm[k] / pn[k] == best) {
            nt++; one = k
            items[nt] = lang == "zh" ? pname(k) "（" num(pn[k]) "个项目中有" num(pm[k]) "个）" \
                                     : pname(k) " (" num(pm[k]) " of " num(pn[k]) ")"
        }
        unit = "个时期"
        if (nt == 1 && lang == "zh")
            print pname(one) "启动的项目中关注性别平等的比例最高：" pct(best) "（" num(pn[one]) \
                "个项目中有" num(pm[one]) "个）。"
        else if (nt == 1)
            print "Projects started in " pname(one) " have the highest share: " pct(best) \
                " (" num(pm[one]) " of " num(pn[one]) ")."
        else if (nt > 1 && lang == "zh")
            print list(items, nt) "启动的项目中关注性别平等的比例最高，均为" pct(best) "。"
        else if (nt > 1)
            print "Projects started in " list(items, nt) " have the highest share: " pct(best) " each."
        else
            print "-"
        # ---- partnership: triangular of all, the years with the most
        if (!all) { print "-"; exit }
        if (!tris) {
            print lang == "zh" ? num(all) "个项目中没有三方合作项目。" \
                               : "None of the " num(all) " projects is triangular cooperation."
            exit
        }
        b = 0
        for (y = first; y <= last; y++) if (tri[y] > b) b = tri[y]
        nt = 0; delete items
        for (y = first; y <= last; y++) if (tri[y] == b) items[++nt] = y (lang == "zh" ? "年" : "")
        unit = "年"
        share = pct(100 * tris / all)
        if (lang == "zh")
            print num(all) "个项目中有" num(tris) "个为三方合作（" share "），" \
                (tris == 1 ? "于" list(items, nt) "启动。" \
                 : list(items, nt) "启动的最多" (nt > 1 ? "，各" : "：") num(b) "个。")
        else if (tris == 1)
            print "1 of " num(all) " projects (" share ") is triangular cooperation, started in " \
                list(items, nt) "."
        else
            print num(tris) " of " num(all) " projects (" share ") are triangular cooperation; " \
                (nt > 1 ? "the years with the most are " : "the year with the most is ") \
                list(items, nt) ": " num(b) (nt > 1 ? " each." : ".")
    }'
}

write_report()
{
    cat > "$1" <<EOF
title = "Sentences";
language = "$3";
toc = false;
data_tables = "none";
data = { path = "$2"; };
sections = (
  { plugin = "gender"; title = "G"; chart = "line"; options = { view = "trend"; };
    page_break = true; },
  { plugin = "partnership"; title = "P"; chart = "stacked"; page_break = true; }
);
EOF
}

# The PDF's text on one line, spaces squeezed (none at all in Chinese,
# where a line break inside a sentence must not count).
pdf_line()
{
    pdftotext -enc UTF-8 "$1" - | tr '\n\f' '  ' | tr -s ' ' |
        if [ "$2" = zh ]; then tr -d ' '; else cat; fi
}

# check LABEL PDF LANG EXPECTED
check()
{
    text=$(pdf_line "$2" "$3")
    while IFS= read -r sentence; do
        [ "$3" = zh ] && sentence=$(printf '%s\n' "$sentence" | tr -d ' ')
        case $sentence in
        -) continue ;;
        esac
        case $text in
        *"$sentence"*) ;;
        *) fail "$1: expected \"$sentence\"" ;;
        esac
    done < "$4"
    # the axis label is not a name: no "(n = 10)" or "（10个项目）" in a sentence
    case $text in
    *"(n = "*") has the highest"* | *"个项目）的比例最高"*) fail "$1: a period named by its axis label" ;;
    esac
}

for case in r40 r300 r1500 ties one none; do
    for lang in en zh; do
        write_report "$work/$case-$lang.cfg" "$work/$case.csv" "$lang"
        expect "$work/$case.csv" "$lang" "" 0 > "$work/$case-$lang.expect"
        [ "$(wc -l < "$work/$case-$lang.expect")" -eq 2 ] || die "$case $lang: no expectations"
        run render "$work/$case-$lang.cfg" -o "$work/$case-$lang.pdf"
        if [ "$rc" -ne 0 ]; then
            fail "$case $lang: render failed (exit $rc)"
            show_run
            continue
        fi
        check "$case-$lang" "$work/$case-$lang.pdf" "$lang" "$work/$case-$lang.expect"
    done
done
# the hand-made cases say what they were made to say
grep -qx 'Projects started in 2001 (7 of 10) and 2002 (7 of 10) have the highest share: 70% each.' \
    "$work/ties-en.expect" || fail "ties: the expectation is not the tie it was built for"
grep -qx '30个项目中有5个为三方合作（16.7%），2001年和2002年启动的最多，各2个。' \
    "$work/ties-zh.expect" || fail "ties zh: the expectation is not the tie it was built for"

# The bundled report, both editions, with its filters.
sample="$top_srcdir/data/sample-portfolio.csv"
for lang in en zh; do
    cfg="$top_srcdir/reports/annual-meeting.cfg"
    [ "$lang" = zh ] && cfg="$top_srcdir/reports/annual-meeting-zh.cfg"
    run render "$cfg" -o "$work/bundled-$lang.pdf"
    if [ "$rc" -ne 0 ]; then
        fail "bundled $lang: render failed (exit $rc)"
        show_run
        continue
    fi
    expect "$sample" "$lang" "pipeline;ongoing;completed" 1995 > "$work/bundled-$lang.expect"
    check "bundled-$lang" "$work/bundled-$lang.pdf" "$lang" "$work/bundled-$lang.expect"
    # the partnership chart's sentence is its own, not the timeline's
    n=$(pdf_line "$work/bundled-$lang.pdf" "$lang" | grep -o 'Most projects started in [0-9]*: [0-9]*' |
        wc -l)
    [ "$n" -le 1 ] || fail "bundled $lang: the timeline's sentence written $n times"
done


# ---- institutions: members with no project are named, not drawn as zeros

# absent CSV NAME...: the names (in the order given) that neither lead nor
# partner a project of CSV, one a line.
absent()
{
    csv=$1
    shift
    csv_us "$csv" | awk -F"$US" -v want="$(printf '%s|' "$@")" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
        seen[$col["lead_institution"]] = 1
        n = split($col["partner_institutions"], ps, ";")
        for (i = 1; i <= n; i++) { p = ps[i]; gsub(/^ +| +$/, "", p); seen[p] = 1 }
    }
    END { n = split(want, w, "|"); for (i = 1; i < n; i++) if (!(w[i] in seen)) print w[i] }'
}

cat > "$work/members.cfg" <<EOF
title = "Members";
toc = false;
data_tables = "none";
data = { path = "$work/r40.csv"; };
member_institutions = [ "Inst 2", "Nowhere Institute, Beijing", "Inst 1", "Ghost Centre" ];
sections = ( { plugin = "institutions"; title = "Members"; } );
EOF
for lang in en zh; do
    run render "$work/members.cfg" --set "language=$lang" -o "$work/members-$lang.pdf"
    [ "$rc" -eq 0 ] || { fail "members $lang: render failed"; show_run; continue; }
    absent "$work/r40.csv" "Inst 2" "Nowhere Institute, Beijing" "Inst 1" "Ghost Centre" \
        > "$work/absent"
    n=$(wc -l < "$work/absent")
    [ "$n" -eq 2 ] || fail "members: $n absent members, the test meant 2"
    if [ "$lang" = zh ]; then
        want="${n}个成员机构在本项目组合中没有项目：$(sed -n 1p "$work/absent")和$(sed -n 2p "$work/absent")。"
    else
        want="$n member institutions have no project in this portfolio: $(sed -n 1p "$work/absent"); and $(sed -n 2p "$work/absent")."
    fi
    text=$(pdf_line "$work/members-$lang.pdf" "$lang")
    [ "$lang" = zh ] && want=$(printf '%s\n' "$want" | tr -d ' ')
    case $text in
    *"$want"*) ;;
    *) fail "members $lang: expected \"$want\"" ;;
    esac
    case $text in
    *"Led 0, partnered 0"* | *"牵头0个项目，参与0个"*) fail "members $lang: a profile of zeros" ;;
    esac
done

# No member in the data (the bundled report on another portfolio): the
# leads' profiles, and one sentence that says so.
leads=$(csv_us "$work/r40.csv" | awk -F"$US" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { l[$c["lead_institution"]] = 1 } END { for (k in l) n++; print n }')
members=$(awk '/^member_institutions/ { on = 1 } on && /"/ { n++ } on && /\]/ { exit } END { print n }' \
    "$top_srcdir/reports/annual-meeting.cfg")
shown=$leads
[ "$shown" -gt 12 ] && shown=12
for lang in en zh; do
    cfg="$top_srcdir/reports/annual-meeting.cfg"
    [ "$lang" = zh ] && cfg="$top_srcdir/reports/annual-meeting-zh.cfg"
    run render "$cfg" --data "$work/r40.csv" -o "$work/other-$lang.pdf"
    [ "$rc" -eq 0 ] || { fail "other data $lang: render failed"; show_run; continue; }
    if [ "$lang" = zh ]; then
        what="牵头项目的"
        [ "$leads" -gt 12 ] && what="牵头项目最多的"
        want="报告列出的${members}个成员机构在本项目组合中均没有项目；这里列出${what}${shown}个机构。"
    else
        what="that lead projects"
        [ "$leads" -gt 12 ] && what="that lead the most projects"
        want="None of the $members member institutions the report lists has a project in this portfolio; shown instead are the $shown institutions $what."
    fi
    text=$(pdf_line "$work/other-$lang.pdf" "$lang")
    [ "$lang" = zh ] && want=$(printf '%s\n' "$want" | tr -d ' ')
    case $text in
    *"$want"*) ;;
    *) fail "other data $lang: expected \"$want\"" ;;
    esac
    case $text in
    *"Led 0, partnered 0"* | *"牵头0个项目，参与0个"*) fail "other data $lang: a profile of zeros" ;;
    esac
done


# ---- sectors no one names: readable in English, refused in Chinese

readable()
{
    printf '%s\n' "$1" | tr '_-' '  ' | awk '{ print toupper(substr($0, 1, 1)) substr($0, 2) }'
}
{
    echo "$header"
    i=1
    for s in health health health disaster-risk disaster-risk ICT_hub agriculture; do
        echo "U-$i,Unnamed $i,Inst A,,KEN,$s,3,,2015,,completed,,1000,,,"
        i=$((i + 1))
    done
} > "$work/sectors.csv"
cat > "$work/sectors.cfg" <<EOF
title = "Sectors";
toc = false;
data_tables = "below";
data = { path = "$work/sectors.csv"; };
sections = (
  { plugin = "by-sector"; title = "By sector"; chart = "hbar"; },
  { plugin = "institutions"; title = "Leads"; }
);
EOF
run render "$work/sectors.cfg" -o "$work/sectors.pdf" --data-out "$work/sectors-out"
if [ "$rc" -ne 0 ]; then
    fail "sectors: render failed"
    show_run
else
    text=$(pdf_line "$work/sectors.pdf" en)
    for code in health disaster-risk ICT_hub; do
        name=$(readable "$code")
        # the chart, its table, the institutions' sector line: at least three
        n=$(printf '%s\n' "$text" | grep -o "$name" | wc -l)
        [ "$n" -ge 3 ] || fail "sectors: \"$name\" (for $code) $n times in the PDF"
        grep -q "^$code,$name," "$work/sectors-out/01-by-sector.csv" ||
            fail "sectors: data-out has no row \"$code,$name,...\""
    done
    case $text in
    *health* | *disaster-risk* | *ICT_hub*) fail "sectors: a raw sector code in the PDF" ;;
    esac
    want="$(readable health) has the most projects: 3 of 7."
    case $text in
    *"$want"*) ;;
    *) fail "sectors: expected \"$want\"" ;;
    esac
fi
# The Chinese edition never shows an English name the engine owns: check
# stops on the first sector without a Chinese name, and names it.
run check "$work/sectors.cfg" --set language=zh
[ "$rc" -ne 0 ] || fail "sectors zh: check passed with sectors that have no Chinese name"
grep -q 'no Chinese name for sector "\(health\|disaster-risk\|ICT_hub\)"' "$work/run.err" ||
    fail "sectors zh: check does not name the sector: $(cat "$work/run.err")"


# ---- ranges: an en dash in English, GB/T 15834's "—" in Chinese, everywhere

# The sample's start years under the bundled filters, for the cover.
years=$(csv_us "$sample" | awk -F"$US" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["status"] ~ /^(pipeline|ongoing|completed)$/ { y = substr($c["start_date"], 1, 4) + 0
        if (y >= 1995) { if (!a || y < a) a = y; if (y > b) b = y } }
    END { print a, b }')
first=${years% *} last=${years#* }
for lang in en zh; do
    cfg="$top_srcdir/reports/annual-meeting.cfg"
    [ "$lang" = zh ] && cfg="$top_srcdir/reports/annual-meeting-zh.cfg"
    for case in bundled other; do
        pdftotext -layout "$work/$case-$lang.pdf" "$work/$case-$lang.layout" ||
            fail "$case $lang: no text"
    done
    run render "$cfg" --set period.from=2019-07-01 --set period.to=2020-06-30 \
        -o "$work/span-$lang.pdf"
    [ "$rc" -eq 0 ] || { fail "span $lang: render failed"; show_run; }
    pdftotext -layout "$work/span-$lang.pdf" "$work/span-$lang.layout"
    if [ "$lang" = zh ]; then
        grep -q "报告期：${first}—${last}年" "$work/bundled-zh.layout" ||
            fail "zh: the cover's period is not ${first}—${last}年"
        grep -q "报告期：2019年7月1日—2020年6月30日" "$work/span-zh.layout" ||
            fail "zh: the cover's period is not 2019年7月1日—2020年6月30日"
        # every range between numbers (years, dates, the map's key, the
        # gender periods, the project dates) takes "—"; none an en dash
        for f in bundled other span; do
            n=$(grep -c '[0-9日月年] *– *[0-9]' "$work/$f-zh.layout")
            [ "$n" -eq 0 ] || fail "zh $f: $n lines with an en dash in a range: $(grep '[0-9] *– *[0-9]' "$work/$f-zh.layout" | head -3)"
            n=$(grep -c '[0-9年月日]—[0-9]' "$work/$f-zh.layout")
            [ "$n" -ge 3 ] || fail "zh $f: only $n ranges with \"—\""
        done
        grep -q '[0-9]年[0-9]*月—[0-9]*年[0-9]*月' "$work/bundled-zh.layout" ||
            fail "zh: a project's dates are not written 2020年3月—2022年2月"
    else
        grep -q "Reporting period: ${first}–${last}" "$work/bundled-en.layout" ||
            fail "en: the cover's period is not ${first}–${last}"
        grep -q "Reporting period: 2019-07-01 – 2020-06-30" "$work/span-en.layout" ||
            fail "en: the cover's period is not 2019-07-01 – 2020-06-30"
        for f in bundled other span; do
            n=$(grep -c '[0-9] *— *[0-9]' "$work/$f-en.layout")
            [ "$n" -eq 0 ] || fail "en $f: $n ranges with an em dash"
        done
    fi
done

finish

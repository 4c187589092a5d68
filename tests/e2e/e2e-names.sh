#!/bin/sh
# SPDX-License-Identifier: MIT
# Names and maps in both editions (shared/spec/names-and-maps.md): the UN's
# English country names and the Chinese ones, read back from the PDF and
# compared with the values this test reads itself from data/m49-countries.csv;
# Palestine on the map and Kosovo listed under it; countries of equal count
# listed in the order of their English names, accents aside, in both
# editions (not of their codes: SDN, SLV, SUR); the UN disclaimer in the
# report's language; the Chinese edition of the bundled report with no
# English word the engine wrote; a name without a Chinese form stops the
# Chinese edition's check, naming it.
. "$top_srcdir/tests/lib.sh"
need_tool pdftotext
need_tool pdfinfo

m49="$top_srcdir/data/m49-countries.csv"
csv_us "$m49" > "$work/m49.us"

# A portfolio reaching countries whose UN names differ from the ISO list
# forms, and areas the spec names: Palestine (a tile), Kosovo and Hong Kong
# (none); Sudan, El Salvador and Suriname, whose codes sort unlike their names.
codes="TZA BOL CIV KOR VNM COD PSE XKX HKG SDN SLV SUR"
{
    echo "id,title,lead_institution,countries,sector,sdg_primary,start_date,status,budget_usd"
    i=0
    for c in $codes; do
        i=$((i + 1))
        echo "P-$i,Project $i,Institute A,$c,agriculture,2,2015,completed,45000"
    done
} > "$work/p.csv"

# write_report FILE LANGUAGE
write_report()
{
    cat > "$1" <<EOF
title = "Names";
language = "$2";
data = { path = "p.csv"; };
sections = (
  { plugin = "by-country"; title = "Map"; chart = "tile-map"; data_table = "below"; }
);
EOF
}

# name_of CODE COLUMN: the code's name in data/m49-countries.csv
name_of()
{
    awk -F"$US" -v code="$1" -v want="$2" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $col["alpha3"] == code { print $col[want] }' "$work/m49.us"
}

# pdftotext breaks lines and spaces CJK freely: compare without blanks
flat() { pdftotext "$1" - | tr -d ' \n'; }

for lang in en zh; do
    write_report "$work/$lang.cfg" "$lang"
    run render "$work/$lang.cfg" -o "$work/$lang.pdf"
    [ "$rc" -eq 0 ] || { show_run; die "$lang: render failed (exit $rc)"; }
    flat "$work/$lang.pdf" > "$work/$lang.txt"
    column=name
    [ "$lang" = zh ] && column=name_zh
    for c in $codes; do
        want=$(name_of "$c" "$column")
        [ -n "$want" ] || die "the test cannot find $c in $m49"
        grep -qF "$(printf '%s' "$want" | tr -d ' ')" "$work/$lang.txt" ||
            fail "$lang: the PDF lacks the name of $c, \"$want\""
    done
    # every country has one project: the table lists them by English name,
    # accents folded (Côte d'Ivoire as Cote), each name followed by its 1
    order=$(for c in $codes; do
        printf '%s\t%s1\n' "$(name_of "$c" name | LC_ALL=C.UTF-8 iconv -f UTF-8 -t ASCII//TRANSLIT)" \
            "$(name_of "$c" "$column")"
    done | LC_ALL=C sort -f -t "$(printf '\t')" -k1,1 | cut -f2 | tr -d ' \n')
    # -raw: the order the rows are drawn in, block after block (the plain
    # text reads blocks side by side across); a page turn's furniture out
    pdftotext -raw "$work/$lang.pdf" - | tr -d ' \n\f' |
        sed -E 's/(Names(Page[0-9]+of[0-9]+|第[0-9]+页，共[0-9]+页)Map(\(continued\)|（续）))?(CountryProjects|国家项目数)//g' \
        > "$work/$lang.raw"
    grep -qF "$order" "$work/$lang.raw" ||
        fail "$lang: the table does not list the tied countries by English name: want $order"
    # a page that continues the table holds three rows at least, never one
    pages=$(pdfinfo "$work/$lang.pdf" | sed -n 's/^Pages: *//p')
    for pg in $(seq 1 "$pages"); do
        pdftotext -raw -f "$pg" -l "$pg" "$work/$lang.pdf" - > "$work/page.txt"
        grep -qE '\(continued\)|（续）' "$work/page.txt" || continue
        [ "$(grep -cE ' 1$' "$work/page.txt")" -ge 3 ] ||
            fail "$lang: page $pg continues the table with fewer than three rows"
    done
    # Palestine has a tile, drawn with its code; Kosovo and Hong Kong have
    # none and are listed under the map with their counts
    grep -qF PSE "$work/$lang.txt" || fail "$lang: no tile for PSE on the map"
    if [ "$lang" = en ]; then
        list=$(pdftotext "$work/$lang.pdf" - | tr '\n' ' ' | sed -n 's/.*Not on the map: \([^.]*\)\..*/\1/p')
        printf '%s' "$list" | grep -qF "Kosovo (under UNSC resolution 1244) (1)" ||
            fail "en: Kosovo is not listed under the map with its count: \"$list\""
        printf '%s' "$list" | grep -qF "Palestine" && fail "en: Palestine is listed as without a tile"
        grep -qF "$(printf '%s' 'The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.' | tr -d ' ')" \
            "$work/en.txt" || fail "en: no UN disclaimer under the map"
        grep -qF 'Tanzania,' "$work/en.txt" && fail "en: an inverted ISO name (Tanzania, ...)"
    else
        list=$(cat "$work/zh.txt")
        case $list in *地图未显示：*) list=${list#*地图未显示：}; list=${list%%。*} ;; *) list="" ;; esac
        printf '%s' "$list" | grep -qF '科索沃（联合国安理会第1244号决议）（1）' ||
            fail "zh: Kosovo is not listed under the map with its count: \"$list\""
        printf '%s' "$list" | grep -qF '巴勒斯坦' && fail "zh: Palestine is listed as without a tile"
        grep -qF '本地图所示边界和名称及所用称谓并不意味着联合国的正式认可或接受' "$work/zh.txt" ||
            fail "zh: no UN disclaimer under the map"
    fi
done

# A sector without a Chinese name stops the Chinese edition's check, naming
# it; the English edition takes the code as its label.
sed 's/,agriculture,/,mining,/' "$work/p.csv" > "$work/p2.csv" && mv "$work/p2.csv" "$work/p.csv"
sed 's/plugin = "by-country"; title = "Map"; chart = "tile-map";/plugin = "by-sector"; title = "S";/' \
    "$work/zh.cfg" > "$work/zh-sector.cfg"
run check "$work/zh-sector.cfg"
[ "$rc" -ne 0 ] || fail "zh: check passed with a sector that has no Chinese name"
grep -qF 'no Chinese name for sector "mining"' "$work/run.err" ||
    { show_run; fail "zh: check does not name the sector without a Chinese name"; }
sed 's/language = "zh";/language = "en";/' "$work/zh-sector.cfg" > "$work/en-sector.cfg"
run check "$work/en-sector.cfg"
[ "$rc" -eq 0 ] || { show_run; fail "en: check failed on a sector without a Chinese name"; }

# The bundled Chinese edition: no English word the engine wrote.  Allowed:
# numbers, the tile map's ISO codes (three capitals), project ids, the name
# of the UN standard (联合国M49标准, as the UN's Chinese pages write it), the
# data file's name (the methods page says where the figures come from), and the
# English the portfolio itself holds (none in the sample: every project has
# its *_zh names).
run render "$top_srcdir/reports/annual-meeting-zh.cfg" -o "$work/bundled-zh.pdf"
[ "$rc" -eq 0 ] || { show_run; die "the bundled Chinese edition failed (exit $rc)"; }
pdftotext "$work/bundled-zh.pdf" - |
    sed -e 's/PGTF-[0-9]*-[0-9]*//g' -e 's/联合国M49/联合国/g' -e 's/sample-portfolio\.csv//g' |
    grep -o '[A-Za-z][A-Za-z]*' | grep -v '^[A-Z][A-Z][A-Z]$' | sort -u > "$work/ascii-words"
[ -s "$work/ascii-words" ] &&
    fail "zh: the Chinese edition holds English words: $(tr '\n' ' ' < "$work/ascii-words")"
# and money in 万/亿, never "美元" after a space or thousands in full
# the project list names a project's countries with the enumeration comma:
# the first sample project reaching three countries, its names from M49
csv_us "$top_srcdir/data/sample-portfolio.csv" | awk -F"$US" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    split($col["countries"], c, ";") == 3 { print c[1], c[2], c[3]; exit }' > "$work/three"
read -r c1 c2 c3 < "$work/three"
want="$(name_of "$c1" name_zh)、$(name_of "$c2" name_zh)、$(name_of "$c3" name_zh)"
[ -n "$c3" ] && flat "$work/bundled-zh.pdf" | grep -qF "$want" ||
    fail "zh: the project list does not name $c1 $c2 $c3 as \"$want\""
pdftotext "$work/bundled-zh.pdf" - | grep -q '[0-9] 美元' && fail "zh: money with a space before 美元"
pdftotext "$work/bundled-zh.pdf" - | grep -q '[0-9],[0-9][0-9][0-9],[0-9][0-9][0-9] *美元' &&
    fail "zh: money written in full rather than in 万/亿"

finish

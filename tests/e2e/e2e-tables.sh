#!/bin/sh
# SPDX-License-Identifier: MIT
# Tables keep everything and read well (issue 8, item 7): the project
# table's note says how many of how many with the thousands grouped
# ("7 of 1,234 projects, most recent first."), in both editions; the
# appendix's country table stands in blocks side by side, each country in
# it once with its count, in the table's order down one block and on into
# the next; table_columns overrides the choice; a short table is never
# split over two pages; in the Chinese edition a
# country's name and a column's heading are never broken across lines.
# The expected values are built here from the portfolio this test wrote.
. "$top_srcdir/tests/lib.sh"
need_tool pdftotext

m49="$top_srcdir/data/m49-countries.csv"
csv_us "$m49" > "$work/m49.us"

# The first $ncountries countries of data/m49-countries.csv that have a
# region: country k (from 1) has k projects, and the last one $extra more,
# so that every count differs and there are 1,891 to 1,990 projects (the
# extra changes with the test's process id: no fixed number can pass by
# chance).
ncountries=61
extra=$(($$ % 100))
awk -F"$US" 'NR > 1 && $6 != "" { print $2 "\t" $4 "\t" $5 }' "$work/m49.us" |
    head -n "$ncountries" > "$work/countries"
awk -F'\t' -v extra="$extra" -v n="$ncountries" '{ print $1 "\t" NR + (NR == n ? extra : 0) "\t" $2 "\t" $3 }' \
    "$work/countries" > "$work/expected"
awk -F'\t' 'BEGIN {
    print "id,title,lead_institution,countries,sector,sdg_primary,start_date,status,budget_usd"
}
{
    for (k = 1; k <= $2; k++) {
        i++
        printf "T-%05d,Project %d,Institute %d,%s,agriculture,2,%d-03,completed,%d\n",
            i, i, i % 5, $1, 1995 + i % 26, 1000 * i
    }
}' "$work/expected" > "$work/p.csv"
rows=$(($(wc -l < "$work/p.csv") - 1))
[ "$rows" -eq $((ncountries * (ncountries + 1) / 2 + extra)) ] || die "wrote $rows projects"

# grouped N: N with a comma every three digits, as the report writes counts
grouped() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
[ "$(grouped 1234567)" = "1,234,567" ] || die "the test's own grouping is wrong"

# write_report FILE LANGUAGE
write_report()
{
    cat > "$1" <<CFG
title = "Tables";
organisation = "Tests";
language = "$2";
toc = false;
data_tables = "appendix";
data = { path = "p.csv"; };
sections = (
  { plugin = "project-table"; title = "Projects"; options = { limit = 7; }; },
  { plugin = "by-country"; title = "Countries"; chart = "hbar"; table_limit = 0; }
);
CFG
}

# pdftotext breaks lines and spaces CJK freely: compare without blanks
flat() { pdftotext "$1" - | tr -d ' \n'; }

all=$(grouped "$rows")
for lang in en zh; do
    write_report "$work/$lang.cfg" "$lang"
    run render "$work/$lang.cfg" -o "$work/$lang.pdf"
    [ "$rc" -eq 0 ] || { show_run; die "$lang: render failed (exit $rc)"; }
    flat "$work/$lang.pdf" > "$work/$lang.flat"
    pdftotext -layout "$work/$lang.pdf" "$work/$lang.layout"
done

# ---- the project table's note ----------------------------------------------
grep -q "7of${all}projects,mostrecentfirst\." "$work/en.flat" ||
    fail "en: no \"7 of $all projects, most recent first.\" under the table"
grep -q "共${all}个项目，显示其中7个，按开始时间由近及远排列。" "$work/zh.flat" ||
    fail "zh: no \"共${all}个项目，显示其中7个\" under the table"

# ---- the appendix's country table: complete, side by side ------------------
# The appendix's text, one line of the page per line, blanks squeezed to two.
appendix() {
    awk '/^ *(Appendix: data tables|附录：数据表) *$/ { on = 1 }
         /^ *(How the numbers are counted|统计方法说明) *$/ { on = 0 } on' "$1" |
        sed 's/^ *//; s/ *$//; s/   */  /g'
}
appendix "$work/en.layout" > "$work/en.appendix"
[ -s "$work/en.appendix" ] || fail "en: no appendix"
# two blocks of the table side by side: their header rows on one line
grep -q "Country  Projects  Country  Projects" "$work/en.appendix" ||
    fail "en: the country table does not stand in blocks side by side"
# The cells of a line, name and count by name and count: every country once,
# with its count, and read block after block, page after page (as a
# dictionary's columns) the counts fall, as the table sorts them.
awk -F'  ' 'NR == FNR { split($0, f, "\t"); want[f[3]] = f[2]; next }
    /^Country  Projects/ { flush(); next }
    /^(Projects by|Appendix|South-South)/ { flush(); next }
    {
        for (i = 1; i + 1 <= NF; i += 2)
            if ($i in want && $(i + 1) ~ /^[0-9,]+$/) {
                b = (i + 1) / 2
                blk[b] = blk[b] $i "\t" $(i + 1) "\n"
                if (b > nb) nb = b
            }
    }
    function flush(   k) { for (k = 1; k <= nb; k++) { printf "%s", blk[k]; blk[k] = "" } nb = 0 }
    END { flush() }' "$work/expected" "$work/en.appendix" > "$work/en.read"
bad=$(awk -F'\t' 'NR == FNR { want[$3] = $2; next }
    { seen[$1]++; n = $2; gsub(/,/, "", n)
      if (n != want[$1]) print $1 ": " $2 " where the data has " want[$1]
      if (FNR > 1 && n + 0 > last + 0) print $1 " (" n ") after " last
      last = n }
    END { for (c in want) if (seen[c] != 1) print c ": " seen[c] + 0 " times" }' \
    "$work/expected" "$work/en.read" | head -n 5)
[ -z "$bad" ] || fail "en: the appendix's country table: $bad"

# The report decides: table_columns = 1 is one table down the page; 5 is
# refused, naming the file and line.
sed 's/table_limit = 0;/table_limit = 0; table_columns = 1;/' "$work/en.cfg" > "$work/one.cfg"
run render "$work/one.cfg" -o "$work/one.pdf"
[ "$rc" -eq 0 ] || { show_run; die "table_columns = 1: render failed (exit $rc)"; }
pdftotext -layout "$work/one.pdf" - | appendix /dev/stdin > "$work/one.appendix"
grep -q "^Country  Projects$" "$work/one.appendix" &&
    ! grep -q "Country  Projects  Country" "$work/one.appendix" ||
    fail "table_columns = 1: the country table is not one table"
sed 's/table_limit = 0;/table_limit = 0; table_columns = 5;/' "$work/en.cfg" > "$work/five.cfg"
run render "$work/five.cfg" -o "$work/five.pdf"
[ "$rc" -ne 0 ] && grep -q "five.cfg:[0-9]*:.*table_columns" "$work/run.err" ||
    fail "table_columns = 5: exit $rc, $(cat "$work/run.err")"

# ---- Chinese words stay whole -------------------------------------------------
# Pango breaks Chinese between any two characters; the table keeps a short
# name (a country) and a heading on one line.  24 projects, each in four
# countries with five- or six-character Chinese names, so the countries
# wrap; every name must stay whole on its line of the page, as often as the
# projects name it.
awk -F"$US" 'NR > 1 && $6 != "" && length($5) >= 15 && length($5) <= 18 { print $2 "\t" $5 }' \
    "$work/m49.us" | awk -F'\t' '{ for (k in seen) if (index(k, $2) || index($2, k)) next
        seen[$2] = 1; print }' | head -n 12 > "$work/long-names"
[ "$(wc -l < "$work/long-names")" -eq 12 ] || die "not 12 long Chinese names in $m49"
awk -F'\t' 'BEGIN { n = 0 } NR == FNR { code[n] = $1; name[n++] = $2; next }
END {
    print "id,title,title_zh,lead_institution,countries,sector,sdg_primary,start_date,status,budget_usd"
    for (i = 0; i < 24; i++) {
        c = ""
        for (k = 0; k < 4; k++) {
            j = (i * 5 + k * 3) % n
            c = c (k ? ";" : "") code[j]
            used[j]++
        }
        printf "Z-%02d,Project %d,关于农业技术推广与能力建设的南南合作示范项目第%d期,Institute for Agricultural Research %d,%s,agriculture,2,%d-01,completed,%d\n",
            i, i, i, i % 3, c, 2000 + i, 10000 * (i + 1)
    }
    for (j = 0; j < n; j++)
        print name[j] "\t" used[j] + 0 > "/dev/stderr"
}' "$work/long-names" > "$work/zh-words.csv" 2> "$work/zh-uses"
cat > "$work/words.cfg" <<CFG
title = "Words";
organisation = "Tests";
language = "zh";
toc = false;
data_tables = "below";
data = { path = "zh-words.csv"; };
sections = (
  { plugin = "project-table"; title = "Projects"; title_zh = "全部项目"; options = { limit = 0; }; },
  { plugin = "by-status"; title = "Status"; title_zh = "状态"; chart = "stacked"; }
);
CFG
run render "$work/words.cfg" -o "$work/words.pdf"
[ "$rc" -eq 0 ] || { show_run; die "zh words: render failed (exit $rc)"; }
pdftotext -layout "$work/words.pdf" "$work/words.layout"
bad=$(awk -F'\t' 'NR == FNR { text[FNR] = $0; lines = FNR; next }
    { n = 0
      for (l = 1; l <= lines; l++) { s = text[l]; while ((i = index(s, $1)) > 0) { n++; s = substr(s, i + 1) } }
      if (n < $2) print $1 " whole " n " times of " $2 }' "$work/words.layout" "$work/zh-uses" | head -n 3)
[ -z "$bad" ] || fail "zh: a country's name broken across lines: $bad"
# the headings whole, each on the line of its table's header row
for h in 牵头机构 开始年份 拉丁美洲和加勒比; do
    grep -q "$h" "$work/words.layout" || fail "zh: the heading $h is not whole on one line"
done

# ---- a short table is never split ----------------------------------------------
# Fifteen tables of seven sectors in the appendix: none is split over two
# pages (a short table moves on whole), so no page says "(continued)".
awk -F, 'NR == 1 { print; next }
    { split("agriculture forestry fishery renewable-energy ict water financial-services", s, " ")
      $5 = s[NR % 7 + 1]; print }' OFS=, "$work/p.csv" > "$work/sectors.csv"
{
    printf 'title = "Short";\norganisation = "Tests";\nlanguage = "en";\ntoc = false;\n'
    printf 'data_tables = "appendix";\ndata = { path = "sectors.csv"; };\nsections = (\n'
    for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
        printf '  { plugin = "by-sector"; title = "Sectors %d"; chart = "hbar"; }%s\n' "$k" \
            "$([ "$k" -lt 15 ] && echo ,)"
    done
    printf ');\n'
} > "$work/short.cfg"
run render "$work/short.cfg" -o "$work/short.pdf"
[ "$rc" -eq 0 ] || { show_run; die "short tables: render failed (exit $rc)"; }
pdftotext "$work/short.pdf" - | grep "(continued)" > "$work/split" &&
    fail "a short table split over two pages: $(head -n 1 "$work/split")"
[ "$(pdftotext "$work/short.pdf" - | grep -c "^Sectors 15$")" -ge 2 ] ||
    fail "short tables: the fifteenth table is not in the appendix"

# The Chinese edition: every Chinese name in the appendix
appendix "$work/zh.layout" | tr -d ' ' > "$work/zh.appendix"
missing=$(awk -F'\t' 'NR == FNR { text = text $0 "\n"; next }
    !index(text, $4) { print $4 }' "$work/zh.appendix" "$work/expected" | head -n 3)
[ -z "$missing" ] || fail "zh: not in the appendix: $missing"

finish

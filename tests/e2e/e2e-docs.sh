#!/bin/sh
# SPDX-License-Identifier: MIT
# docs/report-format.md stays true: its full example is a valid report that
# renders, every key of the report schema in engine/report/schema.c and of
# the engine settings in engine/report/config.c is documented, and what it
# says about --set (sections numbered from 0) holds.
. "$top_srcdir/tests/lib.sh"

doc="$top_srcdir/docs/report-format.md"
[ -f "$doc" ] || die "$doc is missing"

# ---- every key is documented -----------------------------------------------
# the schema's paths: {"filters.start_year_min", CONFIG_TYPE_INT}, ...
sed -n 's/^ *{"\([a-z_.]*\)", CONFIG_TYPE_[A-Z0-9]*},.*/\1/p' "$top_srcdir/engine/report/schema.c" > "$work/keys"
[ "$(wc -l < "$work/keys")" -ge 20 ] || die "cannot read the schema from engine/report/schema.c"
while read -r key; do
    leaf=${key##*.}
    # the full path (filters.start_year_min) or, inside a documented group,
    # the leaf in a table row (| `label` |)
    grep -qF "\`$key\`" "$doc" || grep -qF "| \`$leaf\` |" "$doc" ||
        fail "report key $key is not documented"
done < "$work/keys"
# the engine settings: the names engine/report/config.c accepts
for key in plugin_path fonts.body fonts.heading theme.accent theme.text theme.heading theme.body_size; do
    grep -qF "\`$key\`" "$doc" || fail "engine setting $key is not documented"
done
for word in SSC_REPORT_CONFIG SSC_REPORT_PLUGIN_PATH --config; do
    grep -qF -- "$word" "$doc" || fail "$word is not documented"
done
# each plugin and its options
for p in kpi by-region by-sector by-sdg timeline project-table; do
    grep -qF "\`$p\`" "$doc" || fail "plugin $p is not documented"
done
for o in '`count = "primary";`' '`sort`' '`limit`' '"budget"' '"start"' '"lead"' '"title"'; do
    grep -qF -- "$o" "$doc" || fail "option $o is not documented"
done
# the built-in sector labels quoted in the doc are the engine's
for pair in 'agriculture|Agriculture' 'forestry|Forestry' 'fishery|Fishery and aquaculture' \
    'renewable-energy|Renewable energy' 'ict|Information technology' 'water|Clean water' \
    'financial-services|Financial services'; do
    code=${pair%%|*} label=${pair#*|}
    grep -qF "| \`$code\` | $label |" "$doc" || fail "built-in sector $code is not documented as $label"
    grep -qF "{\"$code\", \"$label\"," "$top_srcdir/engine/report/report_sectors.c" ||
        fail "engine/report/report_sectors.c's built-in label of $code is not \"$label\" as documented"
done

# ---- the full example is a report that renders -------------------------------
# the first ``` block after "## A full example"
awk '/^## A full example/ { on = 1 } on && /^```/ { if (inside) exit; inside = 1; next }
     inside { print }' "$doc" > "$work/example.cfg"
grep -q '^sections = (' "$work/example.cfg" || die "cannot find the full example in $doc"
mkdir "$work/reports" "$work/data"
cp "$work/example.cfg" "$work/reports/example.cfg"
cp "$top_srcdir/data/sample-portfolio.csv" "$work/data/sample-portfolio.csv"
cd "$work" || die "cannot enter $work"
run check reports/example.cfg
[ "$rc" -eq 0 ] || { fail "check on the documented example: exit $rc"; show_run; }
rm -rf out
run render reports/example.cfg --data-out out
if [ "$rc" -ne 0 ]; then
    fail "render of the documented example: exit $rc"
    show_run
else
    # output = "annual-meeting-zh.pdf", relative to the current folder
    [ -s annual-meeting-zh.pdf ] || fail "the example's output file was not written in the current folder"
    # the example's project table: sort = budget, limit = 20 (fewer if the
    # filters leave fewer projects), largest budget first
    n=$(awk -F, '$1 == "projects" { print $3 }' out/01-kpi.csv)
    rows=$(tail -n +2 out/06-project-table.csv | grep -c '^[^,]*,')
    want=20
    [ "${n:-0}" -lt 20 ] && want=$n
    [ "$rows" -eq "$want" ] || fail "the example's project table holds $rows projects, expected $want"
    awk -F, 'NR > 2 && $NF + 0 > prev + 0 { bad = 1 } NR > 1 { prev = $NF } END { exit bad }' \
        out/06-project-table.csv || fail "the example's project table is not sorted by budget"
    # its sectors list: forestry relabelled in Chinese
    grep -q '^forestry,林业与竹藤,' out/03-by-sector.csv || fail "the example's forestry label_zh is not used"
fi

# ---- --set numbers sections from 0 -------------------------------------------
run render reports/example.cfg -o set.pdf --set 'sections.2.title=Third section, set' \
    --set 'sections.0.title=First section, set' --set language=en
if [ "$rc" -ne 0 ]; then
    fail "render with --set sections.N.title: exit $rc"
    show_run
elif command -v pdftotext > /dev/null 2>&1; then
    pdftotext set.pdf - | tr -s ' \n' '  ' > "$work/set.txt"
    grep -qF 'Third section, set' "$work/set.txt" || fail "--set sections.2.title did not change a title"
    grep -qF '按地区划分的项目' "$work/set.txt" || fail "--set sections.2.title changed the second section"
    grep -qF '概览' "$work/set.txt" && fail "--set sections.0.title did not change the first section"
    # the order in the PDF: first, second (unchanged), third
    awk '{ a = index($0, "First section, set"); b = index($0, "按地区划分的项目"); c = index($0, "Third section, set")
           exit !(a && b && c && a < b && b < c) }' "$work/set.txt" ||
        fail "sections.0 / sections.2 are not the first and third sections"
fi

finish

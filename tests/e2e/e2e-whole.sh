#!/bin/sh
# SPDX-License-Identifier: MIT
# Nothing is cut or parted (issue 8): both bundled editions render with no
# chart's sentence alone at the top of the page after its chart, and no
# text cut short by an ellipsis, which the engine counts as it draws and
# reports on stderr.  The counter itself is checked on a report that must cut: the
# institutions drawn as columns, whose rotated names have a fixed length.
# The name the warning quotes is one the test reads from the sample, and
# --data-out keeps it whole.
. "$top_srcdir/tests/lib.sh"

sample="$top_srcdir/data/sample-portfolio.csv"

# orphans PDF: the pages whose first line under the running header is the
# sentence under a chart ("... has the most ...", "...最多..."): a chart's
# sentence belongs on its page, not alone at the top of the next
orphans()
{
    pages=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
    p=2
    while [ "$p" -le "${pages:-0}" ]; do
        first=$(pdftotext -f "$p" -l "$p" -layout "$1" - | grep -v '^[[:space:]]*$' |
            sed -n 2p | sed 's/^ *//')
        printf '%s\n' "$first" |
            grep -Eq '(has|have) the (most|largest|highest)|^Most projects started|最多|最高' &&
            echo "page $p: $first"
        p=$((p + 1))
    done
}

# ---- 1. the bundled editions: no cut text, no sentence parted from its chart
need_tool pdfinfo pdftotext
for cfg in annual-meeting annual-meeting-zh; do
    run render "$top_srcdir/reports/$cfg.cfg" -o "$work/$cfg.pdf"
    [ "$rc" -eq 0 ] || { show_run; fail "$cfg: render failed (exit $rc)"; continue; }
    if grep -q 'cut short' "$work/run.err"; then
        fail "$cfg: text cut short in the PDF: $(grep 'cut short' "$work/run.err")"
    fi
    orphans "$work/$cfg.pdf" > "$work/orphans"
    [ -s "$work/orphans" ] && fail "$cfg: a chart's sentence opens a page: $(cat "$work/orphans")"
done

# ---- 1b. the same with budgets a thousand times larger ----------------------
# figures of hundreds of millions (the year in review's budget tile, the key
# figures) get a smaller size, never an ellipsis: every field written back
# quoted, the budget column times 1000
csv_us "$sample" | awk -F"$US" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "budget_usd") b = i }
    {
        line = ""
        for (i = 1; i <= NF; i++) {
            v = $i
            if (NR > 1 && i == b && v != "") v = v * 1000
            gsub(/"/, "\"\"", v); gsub(/\\n/, "\n", v)
            line = line (i > 1 ? "," : "") "\"" v "\""
        }
        print line
    }' > "$work/big.csv"
[ "$(wc -l < "$work/big.csv")" -gt 40 ] || die "could not write big.csv"
run render --data "$work/big.csv" -o "$work/big.pdf"
if [ "$rc" -ne 0 ]; then
    show_run
    fail "render of budgets x 1000 failed (exit $rc)"
elif grep -q 'cut short' "$work/run.err"; then
    fail "budgets x 1000: text cut short: $(grep 'cut short' "$work/run.err")"
fi

# ---- 2. a report that must cut says so -------------------------------------
# every institution name of the sample, lead and partners, one per line
csv_us "$sample" | awk -F"$US" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
        print $col["lead_institution"]
        n = split($col["partner_institutions"], p, ";")
        for (i = 1; i <= n; i++) { sub(/^ +/, "", p[i]); sub(/ +$/, "", p[i]); print p[i] }
    }' | sort -u > "$work/names"
[ -s "$work/names" ] || die "no institution names read from $sample"
# names longer than 40 characters cannot fit a rotated label of 110 points
# at the chart's label size; the sample must have one for this test to mean
# anything
awk 'length($0) > 40' "$work/names" | grep -q . ||
    die "the sample has no institution name over 40 characters"

cat > "$work/cut.cfg" <<EOC
title = "Institutions as columns";
language = "en";
data = { path = "$sample"; };
sections = (
  { plugin = "by-institution"; title = "Institutions"; chart = "bar"; }
);
EOC
run render "$work/cut.cfg" -o "$work/cut.pdf" --data-out "$work/out"
[ "$rc" -eq 0 ] || { show_run; die "render of cut.cfg failed (exit $rc)"; }
line=$(grep 'cut short' "$work/run.err")
[ -n "$line" ] || { show_run; die "no warning about text cut short in a chart of long names"; }
count=$(printf '%s\n' "$line" | sed -n 's/^warning: \([0-9][0-9]*\) texts\{0,1\} in the PDF.*/\1/p')
[ "${count:-0}" -ge 1 ] || fail "the warning gives no count: $line"
quoted=$(printf '%s\n' "$line" | sed -n 's/.*the first "\(.*\)"; --data-out.*/\1/p')
grep -qxF -- "$quoted" "$work/names" ||
    fail "the warning quotes \"$quoted\", not an institution name of the sample"
# the data-out has it whole
grep -qF -- "$quoted" "$work/out/01-by-institution.csv" ||
    fail "\"$quoted\" is not whole in the data-out"
# --quiet silences the warning, as it does every warning
run render "$work/cut.cfg" -o "$work/cut.pdf" --quiet
[ "$rc" -eq 0 ] && [ ! -s "$work/run.err" ] || fail "--quiet still printed: $(cat "$work/run.err")"

finish

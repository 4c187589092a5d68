#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: the reporting period and the year-in-review plugin.  A
# portfolio of 300 projects is generated here (every status, dates as
# YYYY, YYYY-MM and YYYY-MM-DD, end dates missing now and then); for two
# years set with --set period.year, for a July-to-June period, for a span
# of days and for the default period, the data-out must equal counts
# computed here, in awk, from the rows written.  Then the period's errors.
. "$top_srcdir/tests/lib.sh"

# ---- the input -------------------------------------------------------------

awk 'BEGIN {
    srand(9); split("pipeline ongoing completed cancelled suspended", st, " ")
    print "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary," \
          "sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality," \
          "gender_marker,beneficiaries"
    for (i = 1; i <= 300; i++) {
        y = 2015 + int(rand() * 8); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28)
        form = int(rand() * 3)
        start = form == 0 ? y : form == 1 ? sprintf("%d-%02d", y, m) : sprintf("%d-%02d-%02d", y, m, d)
        end = ""
        if (rand() < 0.8) {
            ey = y + 1 + int(rand() * 3)
            end = rand() < 0.5 ? ey : sprintf("%d-%02d-%02d", ey, 1 + int(rand() * 12), 1 + int(rand() * 28))
        }
        s = st[1 + int(rand() * 5)]
        budget = rand() < 0.9 ? 1000 * (1 + int(rand() * 90)) : ""
        printf "P-%03d,Project %d,Institute A,,KEN,water,6,,%s,%s,%s,PGTF,%s,,,\n", \
               i, i, start, end, s, budget
    }
}' > "$work/portfolio.csv"

cat > "$work/report.cfg" <<EOF
title = "Period test";
data = { path = "portfolio.csv"; };
sections = ( { plugin = "year-in-review"; title = "The year in review"; } );
EOF

# ---- the expected counts -------------------------------------------------

# expect FROM TO: the rows started, completed, ongoing, budget_started and
# date_not_given for the period FROM..TO (yyyymmdd, both days in it), by
# the rules of docs/plugin-guide.md; a year or month is read as its first
# day.
expect()
{
    csv_us "$work/portfolio.csv" | awk -F"$US" -v from="$1" -v to="$2" '
    function day(s,   a, n) {
        if (s == "") return 0
        n = split(s, a, "-")
        return a[1] * 10000 + (n > 1 ? a[2] : 1) * 100 + (n > 2 ? a[3] : 1)
    }
    NR == 1 { next }
    {
        s = day($9); e = day($10); status = $11
        closed = status == "completed" || status == "cancelled"
        if (s == 0 || (closed && e == 0)) { undated++; if (s == 0) next }
        if (s >= from && s <= to) { started++; if ($13 != "") budget += $13 }
        if (status == "completed" && e >= from && e <= to) completed++
        if (status == "pipeline" || s > to) next
        if (e ? e > to : !closed) ongoing++
    }
    END { printf "started,%d\ncompleted,%d\nongoing,%d\nbudget_started,%d\ndate_not_given,%d\n",
          started, completed, ongoing, budget, undated }'
}

# check LABEL PERIOD-FROM PERIOD-TO PREVIOUS-FROM PREVIOUS-TO [ARGS...]
check()
{
    label=$1 pf=$2 pt=$3 qf=$4 qt=$5
    shift 5
    render_dataout "$label" "$work/report.cfg" "$work/out" "$@"
    expect "$pf" "$pt" > "$work/now"
    expect "$qf" "$qt" > "$work/before"
    # key,period,previous in the plugin's row order
    awk -F, 'NR == FNR { p[$1] = $2; next } { print $1 "," p[$1] "," $2 }' \
        "$work/now" "$work/before" > "$work/expected"
    f="$work/out/01-year-in-review.csv"
    [ -f "$f" ] || { fail "$label: no $f"; return; }
    head -n 1 "$f" | grep -qx 'key,label,period,previous' ||
        fail "$label: header is $(head -n 1 "$f")"
    csv_us "$f" | awk -F"$US" 'NR > 1 { print $1 "," $3 "," $4 }' > "$work/got"
    if ! same_file "$work/expected" "$work/got"; then
        fail "$label: data-out differs from the counts (- expected, + got):"
        diff -u "$work/expected" "$work/got" | sed 's/^/    /' >&2
    fi
    # counts of nothing would prove little: the periods must start and hold some
    awk -F, '($1 == "started" || $1 == "ongoing") && ($2 == 0 || $3 == 0) { exit 1 }' \
        "$work/expected" || fail "$label: the generated portfolio leaves a figure at 0"
}

check "2019" 20190101 20191231 20180101 20181231 --set period.year=2019
check "2021" 20210101 20211231 20200101 20201231 --set period.year=2021
# whole months (to given as a month: its last day): the twelve months before
check "July to June" 20190701 20200630 20180701 20190630 \
    --set period.from=2019-07-01 --set period.to=2020-06
# any other span: as many days just before (2019-03-01..31, 31 days; before
# it 2019-01-29..02-28)
check "31 days" 20190301 20190331 20190129 20190228 \
    --set period.from=2019-03-01 --set period.to=2019-03-31
# the default: the latest start year of the projects
latest=$(csv_us "$work/portfolio.csv" |
         awk -F"$US" 'NR > 1 && substr($9, 1, 4) > m { m = substr($9, 1, 4) } END { print m }')
check "default ($latest)" "${latest}0101" "${latest}1231" "$((latest - 1))0101" "$((latest - 1))1231"

# ---- errors ----------------------------------------------------------------

bad()
{
    label=$1 want=$2
    shift 2
    run render "$work/report.cfg" -o "$work/bad.pdf" "$@"
    if [ "$rc" -eq 0 ] || ! grep -qF "$want" "$work/run.err"; then
        fail "$label: expected a failure saying '$want' (exit $rc)"
        show_run
    fi
}
bad "year and from" "give either year or from and to" \
    --set period.year=2019 --set period.from=2019-01-01 --set period.to=2019-12-31
bad "year out of range" "period.year: 1800 is not a year" --set period.year=1800
bad "not a date" 'period.from: "2019-13-01" is not a date' \
    --set period.from=2019-13-01 --set period.to=2020-01-01
bad "to before from" "period.to: 2018-01-01 is before period.from 2019-01-01" \
    --set period.from=2019-01-01 --set period.to=2018-01-01
bad "from alone" "period: from needs to too" --set period.from=2019-01-01
[ -e "$work/bad.pdf" ] && fail "a failed render left $work/bad.pdf"

finish

#!/bin/sh
# SPDX-License-Identifier: MIT
# Two run-due processes at once run a job once: the second finds the job's
# lock held and leaves the job to the first; a later one finds the state
# up to date.  The render takes a few seconds (20 copies of the sample).
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
conf="$work/ssc-report.conf"
log="$work/state/runs.log"
make_portfolio 20 "$work/mid.csv"
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "brief"; report = "$report"; schedule = "0 6 1 * *"; timezone = "UTC";
           output = "out/brief-%Y-%m.pdf";
           set = [ "data.path=$work/mid.csv", "sections.$project_table.options.limit=0" ]; } );
EOF

# 1. The second starts while the first is rendering
"$SSC_REPORT" run-due --config "$conf" --now 2024-01-01T06:00:30Z > "$work/out1" 2> "$work/err1" &
first=$!
wait_until 300 has_temp "$work/out" brief-2024-01.pdf
check_eq "the first is rendering" $? 0
"$SSC_REPORT" run-due --config "$conf" --now 2024-01-01T06:00:30Z > "$work/out2" 2> "$work/err2"
check_eq "the second succeeds" $? 0
check_grep "the second leaves the job" \
    "ssc-report: job brief: another process is running it ($work/state/brief.lock is locked)" \
    "$work/err2"
check "the first was still rendering" has_temp "$work/out" brief-2024-01.pdf
wait "$first"
check_eq "the first succeeds" $? 0
"$SSC_REPORT" run-due --config "$conf" --now 2024-01-01T06:00:30Z > "$work/out3" 2> "$work/err3"
check_eq "a third succeeds" $? 0
check_eq "one run in the log" "$(log_count "$log" brief ok)" 1
check_eq "one log line at all" "$(wc -l < "$log")" 1

# 2. Both start together
"$SSC_REPORT" run-due --config "$conf" --now 2024-02-01T06:00:30Z > "$work/out4" 2> "$work/err4" &
a=$!
"$SSC_REPORT" run-due --config "$conf" --now 2024-02-01T06:00:30Z > "$work/out5" 2> "$work/err5" &
b=$!
wait "$a"
check_eq "A succeeds" $? 0
wait "$b"
check_eq "B succeeds" $? 0
check_eq "February ran once" \
    "$(awk -F '\t' '$2 == "2024-02-01T06:00:00Z"' "$log" | wc -l)" 1
check "February's report" test -s "$work/out/brief-2024-02.pdf"

finish

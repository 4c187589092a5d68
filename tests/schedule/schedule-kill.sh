#!/bin/sh
# SPDX-License-Identifier: MIT
# A render killed with SIGKILL mid-way, by the job's timeout or by someone
# else, leaves no partial file: the previous report is byte-identical and
# no temporary file remains.  The slow render is the bundled report over a
# portfolio of 1,000 copies of the sample with every project listed (the
# bundled report lists 200 at most; 300 copies rendered within 3 s once
# tables kept their laid-out cells), writing to the same
# output path as the earlier, quick one.
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
log="$work/state/runs.log"
make_portfolio 1000 "$work/big.csv"

# temp_or_gone DIR NAME PID: the render's temporary file exists, or run-due ended
temp_or_gone() {
    has_temp "$1" "$2" || ! kill -0 "$3" 2>/dev/null
}

# write_conf FILE TIMEOUT [SET]: one monthly job writing out/brief.pdf
write_conf() {
    cat > "$1" <<EOF
state_dir = "state";
jobs = ( { name = "brief"; report = "$report"; schedule = "0 6 1 * *"; timezone = "UTC";
           output = "out/brief.pdf"; timeout = $2; set = [ $3 ]; } );
EOF
}
write_conf "$work/quick.conf" 600 ""
all_rows="\"sections.$project_table.options.limit=0\""
write_conf "$work/slow-long.conf" 600 "\"data.path=$work/big.csv\", $all_rows"

"$SSC_REPORT" run-due --config "$work/quick.conf" --now 2024-01-01T06:00:30Z > "$work/stdout" 2>&1
check_eq "the first report" $? 0
cp "$work/out/brief.pdf" "$work/previous.pdf" || exit 99

# 1. The job's timeout: the runner kills the render with SIGKILL.  The
# kill must land while the PDF is being written; on a loaded machine a
# 3-second render may not get that far, so the timeout doubles (one month
# later each time) until it does.
attempts=0 started=1
for t in 3 6 12 24 48; do
    attempts=$((attempts + 1))
    write_conf "$work/slow.conf" "$t" "\"data.path=$work/big.csv\", $all_rows"
    "$SSC_REPORT" run-due --config "$work/slow.conf" --now "2024-0$((attempts + 1))-01T06:00:30Z" \
        > "$work/out1" 2> "$work/err1" &
    pid=$!
    wait_until 600 temp_or_gone "$work/out" brief.pdf "$pid"
    has_temp "$work/out" brief.pdf
    started=$?
    wait "$pid"
    rc=$?
    [ "$started" -eq 0 ] && break
done
check_eq "the render started writing" "$started" 0
check_eq "run-due fails" "$rc" 1
check "previous report intact" cmp -s "$work/previous.pdf" "$work/out/brief.pdf"
check_eq "no temporary file" "$(temps "$work/out" brief.pdf)" ""
check_eq "log: timeout" "$(log_count "$log" brief timeout)" "$attempts"
check_grep "the reason" "timeout: the render did not finish within $t seconds and was killed" \
    "$work/err1"
check_grep "state: timeout" "last_outcome=timeout" "$work/state/brief.state"
check_grep "state: last success kept" "last_success_due=2024-01-01T06:00:00Z" \
    "$work/state/brief.state"
check_grep "state: the output kept" "output=$work/out/brief.pdf" "$work/state/brief.state"

# 2. Someone else (an OOM killer, an operator) kills the render
"$SSC_REPORT" run-due --config "$work/slow-long.conf" --now 2024-08-01T06:00:30Z \
    > "$work/out2" 2> "$work/err2" &
pid=$!
wait_until 300 has_temp "$work/out" brief.pdf
check_eq "the second render started writing" $? 0
child=$(children "$pid")
check "found the render process" test -n "$child"
[ -n "$child" ] && kill -KILL $child
wait_until 300 not_running "$pid" || stop_process "$pid"
wait "$pid"
check_eq "run-due fails" $? 1
check "previous report intact" cmp -s "$work/previous.pdf" "$work/out/brief.pdf"
check_eq "no temporary file" "$(temps "$work/out" brief.pdf)" ""
check_eq "log: crashed" "$(log_count "$log" brief crashed)" 1
check_grep "the reason" "crashed: the render crashed (signal 9" "$work/err2"

finish

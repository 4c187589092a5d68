#!/bin/sh
# SPDX-License-Identifier: MIT
# Jobs run side by side: two jobs due in the same minute, one hanging (a
# slow render, 300 copies of the sample with every project listed) until
# its timeout, the other quick: the quick one's report is there while the
# slow one still renders, long before its timeout.
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
conf="$work/ssc-report.conf"
log="$work/state/runs.log"
# a render that really hangs: its data is an SQLite query that never ends
# (a recursive count with no bound; the job's timeout is shorter than data.timeout)
command -v sqlite3 > /dev/null || { echo "SKIP: no sqlite3 command"; exit 77; }
sqlite3 "$work/hang.db" "CREATE TABLE t (x);" || { echo "ERROR: sqlite3"; exit 99; }
hang_query="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS id FROM c"
# the quick render must end well before the hanging one's timeout: under
# make check-sanitize it costs five times the CPU (measured: 6.7 s against
# 1.3 s), so the timeout is longer there (still below data.timeout's 60 s)
hang_timeout=20
sanitized && hang_timeout=50
cat > "$conf" <<EOF
state_dir = "state";
max_parallel = 2;
jobs = (
  { name = "hang"; report = "$report"; schedule = "0 6 * * *"; timezone = "UTC";
    output = "out/hang.pdf"; timeout = $hang_timeout;
    set = [ "data.path=$work/hang.db", "data.query=$hang_query"]; },
  { name = "quick"; report = "$report"; schedule = "0 6 * * *"; timezone = "UTC";
    output = "out/quick.pdf"; }
);
EOF

"$SSC_REPORT" run-due --config "$conf" --now 2024-01-01T06:00:30Z > "$work/stdout" 2> "$work/err" &
pid=$!
wait_until $((hang_timeout * 10)) test -s "$work/out/quick.pdf"
check_eq "the quick report" $? 0
wait_until 100 sh -c "grep -q '^quick' '$log'"
check_eq "before the slow one ended" "$(log_count "$log" hang timeout)$(log_count "$log" hang ok)" "00"
check "run-due still runs the hanging one" kill -0 "$pid"
check_eq "quick: logged ok" "$(log_count "$log" quick ok)" 1
wait "$pid"
check_eq "the slow one timed out: status 1" $? 1
check_eq "log: the timeout" "$(log_count "$log" hang timeout)" 1

# max_parallel = 1: one after the other (the quick one waits)
sed "s/max_parallel = 2/max_parallel = 1/; s/timeout = $hang_timeout/timeout = 2/" "$conf" > "$work/one.conf"
rm -rf "$work/state" "$work/out"
"$SSC_REPORT" run-due --config "$work/one.conf" --now 2024-01-01T06:00:30Z > "$work/stdout" 2> "$work/err"
check_eq "one at a time: status 1" $? 1
check_eq "one at a time: the quick one ran after" \
    "$(awk -F '\t' '{ print $1 "," $5 }' "$log" | tr '\n' ' ')" "hang,timeout quick,ok "

finish

#!/bin/sh
# SPDX-License-Identifier: MIT
# The daemon's renders use the settings it read (an edited, broken file is
# not seen until SIGHUP), die with it when it is killed with SIGKILL, and
# the next start redoes the cut-short run by its catch-up policy.  The
# daemon's clock starts at --now and runs on in real time.
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
conf="$work/ssc-report.conf"
log="$work/state/runs.log"
daemon=
trap '[ -n "$daemon" ] && kill -KILL "$daemon" 2> /dev/null' EXIT

# 1. The snapshot: due at 06:00, two seconds after the daemon's start;
# the file is broken in between
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "snap"; report = "$report"; schedule = "0 6 * * *"; timezone = "UTC";
           output = "out/snap-%F.pdf"; catch_up = "skip"; } );
EOF
"$SSC_REPORT" daemon --config "$conf" --now 2024-01-01T05:59:58Z > "$work/stdout" 2> "$work/err" &
daemon=$!
wait_until 100 grep -q "started with 1 job" "$work/stdout"
check_eq "started" $? 0
echo 'this is not = valid' >> "$conf"
wait_until 600 test -s "$work/out/snap-2024-01-01.pdf"
check_eq "rendered with the settings it read" $? 0
# the log line is written just after the PDF is published: wait for it
logged_ok() { [ "$(log_count "$log" snap ok)" = 1 ]; }
wait_until 300 logged_ok
check_eq "logged ok" "$(log_count "$log" snap ok)" 1
kill -TERM "$daemon"
wait_until 100 not_running "$daemon"
wait "$daemon"
daemon=

# 2. SIGKILL during a slow render: the render dies too
make_portfolio 1000 "$work/big.csv"
rm -rf "$work/state" "$work/out"
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "slow"; report = "$report"; schedule = "* * * * *"; timezone = "UTC";
           output = "out/slow.pdf";
           set = [ "data.path=$work/big.csv", "sections.$project_table.options.limit=0" ]; } );
EOF
"$SSC_REPORT" daemon --config "$conf" --now 2024-01-01T06:00:10Z > "$work/stdout" 2> "$work/err" &
daemon=$!
wait_until 300 has_temp "$work/out" slow.pdf
check_eq "the render started writing" $? 0
render=$(children "$daemon")
check "found the render" test -n "$render"
check_grep "state: running" "last_outcome=running" "$work/state/slow.state"
kill -KILL "$daemon"
wait "$daemon" 2> /dev/null
daemon=
for p in $render; do
    wait_until 100 not_running "$p"
    check_eq "the render died with the daemon" $? 0
done
check "no report" test ! -e "$work/out/slow.pdf"

# 3. The next start: the cut-short run is logged and, catch_up "once", run
# again (quickly now)
sed "s|\"data.path=$work/big.csv\", ||" "$conf" > "$work/quick.conf"
"$SSC_REPORT" run-due --config "$work/quick.conf" --now 2024-01-01T06:00:40Z > "$work/stdout" 2> "$work/err"
check_eq "restart: status" $? 0
check_eq "restart: the cut-short run logged" "$(log_count "$log" slow interrupted)" 1
check_eq "restart: run again" \
    "$(awk -F '\t' '$1 == "slow" && $5 == "ok" { print $2 }' "$log")" "2024-01-01T06:00:00Z"
check "restart: the report" test -s "$work/out/slow.pdf"

finish

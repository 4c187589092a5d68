#!/bin/sh
# SPDX-License-Identifier: MIT
# The daemon: SIGHUP with a bad configuration reports it and keeps the old
# one, SIGHUP with a good one reloads, SIGTERM stops it with status 0; a
# SIGTERM during a render kills the render and leaves no partial output.
# (The daemon has no fake clock: the jobs here are due at once.)
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
conf="$work/ssc-report.conf"
log="$work/state/runs.log"
daemon=
trap '[ -n "$daemon" ] && stop_process "$daemon"' EXIT

good_conf() {
    cat > "$conf" <<EOF
state_dir = "state";
jobs = (
  { name = "yearly"; report = "$report"; schedule = "@yearly"; output = "out/y-%Y.pdf";
    catch_up = "skip"; }$1
);
EOF
}

# 1. Reloading
good_conf ""
"$SSC_REPORT" daemon --config "$conf" > "$work/stdout" 2> "$work/err" &
daemon=$!
wait_until 100 grep -q "started with 1 job" "$work/stdout"
check_eq "started" $? 0
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "yearly"; report = "$report"; schedule = "0 0 30 2 *"; output = "y.pdf"; } );
EOF
kill -HUP "$daemon"
wait_until 100 grep -q "keeping the previous one" "$work/err"
check_eq "bad configuration: kept the old one" $? 0
check_grep "bad configuration: the error" \
    "$conf:2: job \"yearly\": schedule: day-of-month \"30\" never falls in month \"2\"" "$work/err"
check "still running" kill -0 "$daemon"
good_conf ",
  { name = \"weekly\"; report = \"$report\"; schedule = \"@weekly\"; output = \"out/w.pdf\";
    catch_up = \"skip\"; }"
kill -HUP "$daemon"
wait_until 100 grep -q "reloaded $conf: 2 jobs" "$work/stdout"
check_eq "good configuration: reloaded" $? 0
kill -TERM "$daemon"
wait_until 100 not_running "$daemon"
check_eq "SIGTERM stops it" $? 0
wait "$daemon"
check_eq "exit status 0" $? 0
daemon=
check_grep "says so" "ssc-report: daemon: stopping (signal 15)" "$work/stdout"

# 2. SIGTERM in the middle of a render: a job due every minute, new, so it
# runs at once; its report is slow (1,000 copies of the sample)
make_portfolio 1000 "$work/big.csv"
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "slow"; report = "$report"; schedule = "* * * * *"; output = "out/slow.pdf";
           set = [ "data.path=$work/big.csv", "sections.$project_table.options.limit=0" ]; } );
EOF
"$SSC_REPORT" daemon --config "$conf" > "$work/stdout" 2> "$work/err" &
daemon=$!
wait_until 300 has_temp "$work/out" slow.pdf
check_eq "the render started writing" $? 0
kill -TERM "$daemon"
wait_until 100 not_running "$daemon"
check_eq "SIGTERM stops it during a render" $? 0
wait "$daemon"
check_eq "exit status 0" $? 0
daemon=
check "no partial output" test ! -e "$work/out/slow.pdf"
check_eq "no temporary file" "$(temps "$work/out" slow.pdf)" ""
check_eq "log: interrupted" "$(log_count "$log" slow interrupted)" 1
check_grep "state: interrupted" "last_outcome=interrupted" "$work/state/slow.state"
# not dealt with: the next start plans that due time again
check "state: due time not recorded" sh -c "! grep -q '^last_due=' '$work/state/slow.state'"

finish

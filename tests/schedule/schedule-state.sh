#!/bin/sh
# SPDX-License-Identifier: MIT
# The job's state: a state that cannot be written stops the run (no
# render, no "ok", a failed log line) instead of rendering the same due
# time on every pass; an unreadable state file blocks its job, logged as
# blocked, exit status 3; `schedule list` after the clock went back shows
# the next run the runner will really make; `run JOB` runs a paused job.
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
conf="$work/ssc-report.conf"
log="$work/logs/runs.log"
state="$work/state/daily.state"
cat > "$conf" <<EOF
state_dir = "state";
log = "logs/runs.log";
jobs = ( { name = "daily"; report = "$report"; schedule = "0 6 * * *"; timezone = "UTC";
           output = "out/daily-%F.pdf"; },
         { name = "paused"; report = "$report"; schedule = "0 6 * * *"; timezone = "UTC";
           output = "out/paused-%F.pdf"; enabled = false; } );
EOF

"$SSC_REPORT" run-due --config "$conf" --now 2024-06-01T06:00:30Z > "$work/stdout" 2> "$work/err"
check_eq "a first run" $? 0
check "its report" test -s "$work/out/daily-2024-06-01.pdf"
check "the paused job did not run" test ! -e "$work/out/paused-2024-06-01.pdf"

# 1. The state cannot be written: as root, an immutable state file (the
# rename over it fails); otherwise a state folder without write permission
protected=
if chattr +i "$state" 2> /dev/null; then
    protected=chattr
elif chmod a-w "$work/state" && ! touch "$work/state/probe" 2> /dev/null; then
    protected=chmod
fi
unprotect() {
    case "$protected" in
    chattr) chattr -i "$state" ;;
    chmod) chmod u+w "$work/state" ;;
    esac
    protected=
}
trap unprotect EXIT
if [ -n "$protected" ]; then
    for minute in 00 01 02; do
        "$SSC_REPORT" run-due --config "$conf" --now "2024-06-02T06:$minute:30Z" \
            > "$work/stdout.$minute" 2> "$work/err.$minute"
        check_eq "pass at 06:$minute: fails" $? 1
        check "pass at 06:$minute: no ok" sh -c "! grep -q ' ok' '$work/stdout.$minute'"
        check_grep "pass at 06:$minute: says why" \
            "ssc-report: job daily, due 2024-06-02T06:00:00Z: failed: cannot record the state:" \
            "$work/err.$minute"
    done
    check "never rendered" test ! -e "$work/out/daily-2024-06-02.pdf"
    check_eq "log: three failed passes" "$(log_count "$log" daily failed)" 3
    check_eq "log: one ok (the first run)" "$(log_count "$log" daily ok)" 1
    unprotect
    "$SSC_REPORT" run-due --config "$conf" --now 2024-06-02T06:03:30Z > "$work/stdout" 2>&1
    check_eq "writable again: runs" $? 0
    check "writable again: the report" test -s "$work/out/daily-2024-06-02.pdf"
else
    echo "SKIP: cannot make the state unwritable here (neither chattr nor permissions)"
fi

# 2. An unreadable state file blocks the job: said, logged, status 3
cp "$state" "$work/state.good"
printf 'this is not a state\n' > "$state"
"$SSC_REPORT" run-due --config "$conf" --now 2024-06-03T06:00:30Z > "$work/stdout" 2> "$work/err"
check_eq "unreadable state: status 3" $? 3
check_grep "unreadable state: said" "ssc-report: job daily: blocked: $state:1: expected key=value" \
    "$work/err"
check_eq "unreadable state: logged as blocked" "$(log_count "$log" daily blocked)" 1
check_grep "unreadable state: the reason logged" "$state:1: expected key=value" "$log"
check "unreadable state: nothing rendered" test ! -e "$work/out/daily-2024-06-03.pdf"
cp "$work/state.good" "$state"

# 3. The clock went back a day: 2 June 06:00 ran already, so the next run
# is 3 June, not the 2 June a plain cron lookup would give
"$SSC_REPORT" schedule list --config "$conf" --now 2024-06-01T12:00:00Z > "$work/list" 2> "$work/err"
check_grep "list: next after the clock went back" \
    "daily            0 6 * * *          2024-06-02T06:00:00Z      ok          2024-06-03T06:00:00Z" \
    "$work/list"
"$SSC_REPORT" run-due --config "$conf" --now 2024-06-02T12:00:00Z > "$work/stdout" 2>&1
check_eq "and run-due agrees: nothing due" "$(log_count "$log" daily ok)" 2

# 4. run JOB: now, through the same lock, state and log; a paused job too
"$SSC_REPORT" run paused --config "$conf" --now 2024-06-05T10:15:00Z > "$work/stdout" 2> "$work/err"
check_eq "run paused: status" $? 0
check "run paused: its report" test -s "$work/out/paused-2024-06-05.pdf"
check_eq "run paused: logged" "$(log_count "$log" paused ok)" 1
check_grep "run paused: state" "last_outcome=ok" "$work/state/paused.state"
check "run paused: the schedule's due times untouched" \
    sh -c "! grep -q '^last_due=' '$work/state/paused.state'"
"$SSC_REPORT" run nosuch --config "$conf" > "$work/stdout" 2> "$work/err"
check_eq "run an unknown job: status 2" $? 2
check_grep "run an unknown job: said" "ssc-report run: no job \"nosuch\"" "$work/err"

finish

#!/bin/sh
# SPDX-License-Identifier: MIT
# run-due with a fake clock: a new job runs only its latest due time; after
# a year of missed monthly runs, catch_up "once" runs 1, "all" runs 12,
# "skip" runs none, "all" with max_age runs the recent ones; a second
# run-due at the same time runs nothing; keep removes older outputs only
# after the new one is written.
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
conf="$work/ssc-report.conf"
log="$work/state/runs.log"
cat > "$conf" <<EOF
state_dir = "state";
jobs = (
  { name = "once"; report = "$report"; schedule = "0 6 1 * *"; timezone = "UTC";
    output = "out/once-%Y-%m.pdf"; },
  { name = "all"; report = "$report"; schedule = "0 6 1 * *"; timezone = "UTC";
    output = "out/all-%Y-%m.pdf"; catch_up = "all"; keep = 2; },
  { name = "skip"; report = "$report"; schedule = "0 6 1 * *"; timezone = "UTC";
    output = "out/skip-%Y-%m.pdf"; catch_up = "skip"; },
  { name = "recent"; report = "$report"; schedule = "0 6 1 * *"; timezone = "UTC";
    output = "out/recent-%Y-%m.pdf"; catch_up = "all"; max_age = 8640000; }
);
EOF

run_due() {
    "$SSC_REPORT" run-due --config "$conf" --now "$1" > "$work/stdout" 2> "$work/err"
    status=$?
    [ "$status" -eq 0 ] || { echo "run-due --now $1 said:"; cat "$work/stdout" "$work/err"; }
    return "$status"
}

# New jobs, two minutes after a due time: only that due time runs, even
# for "all" (no history is replayed), and "skip" is on time.
check "first run-due" run_due 2024-01-01T06:02:00Z
for job in once all skip recent; do
    check_eq "new job $job: one run" "$(log_count "$log" "$job" ok)" 1
    check "new job $job: output of 2024-01" test -s "$work/out/$job-2024-01.pdf"
done
check_grep "state records the due time" "last_due=2024-01-01T06:00:00Z" "$work/state/all.state"

# A year later (12 due times missed: 2024-02-01 .. 2025-01-01)
check "run-due a year later" run_due 2025-01-15T00:00:00Z
check_eq "once: one more run" "$(log_count "$log" once ok)" 2
check "once: for the latest due time" test -s "$work/out/once-2025-01.pdf"
check "once: not for the others" test ! -e "$work/out/once-2024-12.pdf"
check_grep "once: the others are recorded as skipped" \
    "11 missed runs skipped, 2024-02-01T06:00:00Z to 2024-12-01T06:00:00Z (catch_up once)" "$log"
check_eq "all: twelve more runs" "$(log_count "$log" all ok)" 13
check_eq "all: oldest first" \
    "$(awk -F '\t' '$1 == "all" { print $2 }' "$log" | sed -n '2p;13p' | tr '\n' ' ')" \
    "2024-02-01T06:00:00Z 2025-01-01T06:00:00Z "
check_eq "skip: no runs" "$(log_count "$log" skip ok)" 1
check_grep "skip: all twelve skipped" \
    "12 missed runs skipped, 2024-02-01T06:00:00Z to 2025-01-01T06:00:00Z (catch_up skip)" "$log"
check_grep "skip: the state moves on" "last_due=2025-01-01T06:00:00Z" "$work/state/skip.state"
# max_age 100 days before 2025-01-15: 2024-11-01, 12-01 and 2025-01-01 run
check_eq "all with max_age: three runs" "$(log_count "$log" recent ok)" 4
check_grep "all with max_age: nine skipped" "9 missed runs skipped, 2024-02-01T06:00:00Z to 2024-10-01T06:00:00Z" "$log"
check "max_age: 2024-11 ran" test -s "$work/out/recent-2024-11.pdf"
check "max_age: 2024-10 did not" test ! -e "$work/out/recent-2024-10.pdf"

# keep = 2: the newest and two earlier outputs remain
check_eq "keep: three outputs" "$(ls "$work/out" | grep -c '^all-')" 3
check_eq "keep: the newest three" "$(ls "$work/out" | grep '^all-' | tr '\n' ' ')" \
    "all-2024-11.pdf all-2024-12.pdf all-2025-01.pdf "
check_eq "keep: the state lists them" "$(grep -c '^output=' "$work/state/all.state")" 3
# without keep, nothing is removed
check_eq "no keep: all outputs stay" "$(ls "$work/out" | grep -c '^recent-')" 4

# The same time again: everything has been dealt with
lines=$(wc -l < "$log")
check "run-due again" run_due 2025-01-15T00:00:00Z
check_eq "nothing new in the log" "$(wc -l < "$log")" "$lines"

# The run log's format: job, due, start, end, outcome, output, error
check_eq "log has 7 tab-separated fields" \
    "$(awk -F '\t' 'NF != 7' "$log" | wc -l)" 0
check_eq "log line of a run" \
    "$(awk -F '\t' '$1 == "once" && $5 == "ok" { print $2, $6, $7 }' "$log" | tail -n 1)" \
    "2025-01-01T06:00:00Z $work/out/once-2025-01.pdf -"

finish

#!/bin/sh
# SPDX-License-Identifier: MIT
# A failing job does not stop the others: a job whose report names a
# missing data file fails (recorded in its state and the run log, exit
# status non-zero) and the jobs after it still run.
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
conf="$work/ssc-report.conf"
log="$work/state/runs.log"
cat > "$conf" <<EOF
state_dir = "state";
jobs = (
  { name = "broken"; report = "$report"; schedule = "@daily"; output = "out/broken.pdf";
    set = [ "data.path=$work/no-such-portfolio.csv" ]; },
  { name = "crash"; report = "$report"; schedule = "@daily"; output = "out/crash.pdf";
    set = [ "data.path=$work/no-such-either.csv" ]; },
  { name = "good"; report = "$report"; schedule = "@daily"; output = "out/good-%F.pdf"; }
);
EOF

"$SSC_REPORT" run-due --config "$conf" --now 2024-05-05T00:00:30Z > "$work/stdout" 2> "$work/err"
check_eq "run-due fails" $? 1
check_grep "the failure is reported" \
    "ssc-report: job broken, due 2024-05-05T00:00:00Z: failed: $work/no-such-portfolio.csv" \
    "$work/err"
check_grep "the failure is summed up" "ssc-report run-due: a job failed" "$work/err"
check "the good job ran" test -s "$work/out/good-2024-05-05.pdf"
check "no output for the broken one" test ! -e "$work/out/broken.pdf"
check_eq "log: broken failed" "$(log_count "$log" broken failed)" 1
check_eq "log: the second failed" "$(log_count "$log" crash failed)" 1
check_eq "log: good ok" "$(log_count "$log" good ok)" 1
check_grep "log: the error" "no-such-portfolio.csv" "$log"
check_grep "state: outcome" "last_outcome=failed" "$work/state/broken.state"
check_grep "state: error" "last_error=$work/no-such-portfolio.csv" "$work/state/broken.state"
check "state: no success" sh -c "! grep -q last_success '$work/state/broken.state'"
check "no temporary files left" sh -c "! ls -A '$work/out' | grep -q '^\\.'"

# a failed due time is dealt with: the next run-due waits for the next one
"$SSC_REPORT" run-due --config "$conf" --now 2024-05-05T12:00:00Z > "$work/stdout" 2> "$work/err"
check_eq "nothing due: success" $? 0
check_eq "not retried" "$(log_count "$log" broken failed)" 1

finish

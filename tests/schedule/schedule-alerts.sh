#!/bin/sh
# SPDX-License-Identifier: MIT
# When runs fail: retries with a doubling delay, on_failure and on_success
# commands with the documented variables, the JSON-lines run log, journald
# priority prefixes under systemd, and random_delay.
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
conf="$work/ssc-report.conf"
log="$work/state/runs.log"
# the command records its variables, one file per run
cat > "$work/record.sh" <<'EOF'
#!/bin/sh
n=$(ls "$HOOKS" | wc -l)
env | grep '^SSC_' | sort > "$HOOKS/$n.$SSC_JOB.env"
EOF
chmod +x "$work/record.sh"
mkdir -p "$work/hooks"
HOOKS="$work/hooks"
export HOOKS
cat > "$conf" <<EOF
state_dir = "state";
log_format = "json";
jobs = (
  { name = "broken"; report = "$report"; schedule = "0 6 * * *"; timezone = "UTC";
    output = "out/broken.pdf"; set = [ "data.path=$work/no-such.csv" ];
    retries = 2; retry_delay = 1; on_failure = "$work/record.sh"; on_success = "$work/record.sh"; },
  { name = "good"; report = "$report"; schedule = "0 6 * * *"; timezone = "UTC";
    output = "out/good.pdf"; on_success = "$work/record.sh"; on_failure = "$work/record.sh"; }
);
EOF

JOURNAL_STREAM=8:1234 "$SSC_REPORT" run-due --config "$conf" --now 2024-01-01T06:00:30Z \
    > "$work/stdout" 2> "$work/err"
check_eq "a job failed: status 1" $? 1
# three attempts, 1 s and then 2 s apart
check_eq "three attempts" "$(grep -c '"job":"broken"' "$log")" 3
for a in 1 2 3; do
    check_grep "attempt $a" "\"job\":\"broken\",\"due\":\"2024-01-01T06:00:00Z\"" "$log"
    check_eq "attempt $a logged" \
        "$(grep '"job":"broken"' "$log" | grep -c "\"status\":\"failed\",\"attempt\":$a,")" 1
done
check_grep "json: ok line" '"job":"good","due":"2024-01-01T06:00:00Z"' "$log"
check_grep "json: the output" "\"status\":\"ok\",\"attempt\":1,\"output\":\"$work/out/good.pdf\"" "$log"
check_grep "json: phases" '"phases":{"wait":' "$log"
# the render's own phases, as render --verbose has them: six numbers whose
# sum the whole render (timed by the runner, fork and exit included) holds
grep '"job":"good"' "$log" | sed 's/.*"phases":{\(.*\)}}$/\1/' | tr ',' '\n' > "$work/phases"
for k in startup read compute layout write outputs; do
    check_eq "json: phase $k" "$(grep -c "^\"$k\":[0-9][0-9]*\.[0-9][0-9][0-9]\$" "$work/phases")" 1
done
check_eq "json: the state's write took under a minute" "$(awk -F: '$1 == "\"state\"" { print ($2 < 60) ? "yes" : "no: " $2 }' "$work/phases")" yes
check_eq "json: the phases fit in the render" "$(awk -F: '
    $1 == "\"render\"" { r = $2 }
    $1 ~ /"(startup|read|compute|layout|write|outputs)"/ { s += $2 }
    END { print (s > 0 && s <= r + 0.002) ? "yes" : "no: " s " of " r }' "$work/phases")" yes
check_eq "journal: the phases of an ok run" \
    "$(grep -c 'ok, wrote .*good.pdf ([0-9.]* s: start-up [0-9.]*, read [0-9.]*, compute' "$work/err")" 1
check_eq "json: one object a line" "$(grep -c '^{.*}$' "$log")" 4
# the commands: on_failure once, after the last attempt; on_success once
check_eq "two commands ran" "$(ls "$work/hooks" | wc -l)" 2
f=$(ls "$work/hooks"/*.broken.env 2> /dev/null)
check "on_failure ran" test -n "$f"
if [ -n "$f" ]; then
    check_grep "SSC_JOB" "SSC_JOB=broken" "$f"
    check_grep "SSC_STATUS" "SSC_STATUS=failed" "$f"
    check_grep "SSC_DUE" "SSC_DUE=2024-01-01T06:00:00Z" "$f"
    check_grep "SSC_ATTEMPT" "SSC_ATTEMPT=3" "$f"
    check_grep "SSC_EXIT_STATUS" "SSC_EXIT_STATUS=1" "$f"
    check_grep "SSC_OUTPUT empty" "SSC_OUTPUT=" "$f"
    check_grep "SSC_MESSAGE" "SSC_MESSAGE=$work/no-such.csv" "$f"
    check_grep "SSC_LOG_LINE" 'SSC_LOG_LINE={"job":"broken"' "$f"
    check_grep "SSC_LOG_LINE is the last attempt's" '"attempt":3,' "$f"
fi
f=$(ls "$work/hooks"/*.good.env 2> /dev/null)
check "on_success ran" test -n "$f"
if [ -n "$f" ]; then
    check_grep "success: SSC_STATUS" "SSC_STATUS=ok" "$f"
    check_grep "success: SSC_OUTPUT" "SSC_OUTPUT=$work/out/good.pdf" "$f"
    check_grep "success: SSC_EXIT_STATUS" "SSC_EXIT_STATUS=0" "$f"
fi
# journald: every line on standard error with a priority
check_eq "journald: nothing on standard output" "$(wc -c < "$work/stdout")" 0
check_grep "journald: notice" "<5>ssc-report: job good, due 2024-01-01T06:00:00Z: ok, wrote" "$work/err"
check_grep "journald: error" "<3>ssc-report: job broken, due 2024-01-01T06:00:00Z: failed (will retry):" \
    "$work/err"
check_eq "journald: every line has a priority" "$(grep -vc '^<[0-7]>' "$work/err")" 1
check_grep "journald: but the summary" "ssc-report run-due: a job failed" "$work/err"

# random_delay: the same job and due time start equally late, between 0
# and random_delay seconds after the due time
cat > "$conf" <<EOF
state_dir = "state";
log_format = "json";
jobs = ( { name = "jitter"; report = "$report"; schedule = "0 6 * * *"; timezone = "UTC";
           output = "out/j.pdf"; random_delay = 3; } );
EOF
for i in 1 2; do
    rm -rf "$work/state"
    "$SSC_REPORT" run-due --config "$conf" --now 2024-01-01T06:00:00Z > /dev/null 2>&1
    check_eq "jitter run $i" $? 0
    sed -n 's/.*"start":"2024-01-01T06:00:0\([0-9]\)Z".*/\1/p' "$log" > "$work/start.$i"
done
check "jitter: within random_delay" grep -q '^[0-3]$' "$work/start.1"
check "jitter: the same both times" cmp -s "$work/start.1" "$work/start.2"

finish

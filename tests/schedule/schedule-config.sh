#!/bin/sh
# SPDX-License-Identifier: MIT
# Jobs in the engine settings file: a bad value is an error that names the
# file, the line, the job and the field, and nothing runs; `schedule list`
# shows a good file's jobs.
. "$top_srcdir/tests/schedule/schedule-lib.sh"

TZ=UTC
export TZ
conf="$work/ssc-report.conf"

# expect_error DESCRIPTION MESSAGE JOB-FIELDS...: a settings file with one
# job (line 3 onwards) whose fields are the remaining arguments.
expect_error() {
    desc=$1
    want=$2
    shift 2
    {
        echo 'state_dir = "state";'
        echo 'jobs = ('
        echo '  { name = "brief";'
        for field in "$@"; do
            echo "    $field"
        done
        echo '  } );'
    } > "$conf"
    "$SSC_REPORT" run-due --config "$conf" --now 2024-01-01T06:00:00Z > "$work/stdout" 2> "$work/err"
    check_eq "$desc: status (bad settings)" $? 2
    check_grep "$desc" "$want" "$work/err"
    check "$desc: nothing ran" test ! -e "$work/state"
}

ok_report="report = \"$report\";"
ok_output='output = "out/brief-%Y-%m.pdf";'
ok_schedule='schedule = "0 6 1 * *";'

expect_error "impossible schedule" \
    "$conf:5: job \"brief\": schedule: day-of-month \"31\" never falls in month \"4,6,9,11\": the expression never fires" \
    "$ok_report" 'schedule = "0 0 31 4,6,9,11 *";' "$ok_output"
expect_error "bad hour" \
    "$conf:4: job \"brief\": schedule: hour \"25\": 25 is out of range 0-23" \
    'schedule = "0 25 * * *";' "$ok_report" "$ok_output"
expect_error "bad month name" \
    "$conf:4: job \"brief\": schedule: month \"jna\": \"jna\" is not a number or a name" \
    'schedule = "0 0 1 jna *";' "$ok_report" "$ok_output"
expect_error "bad catch_up" \
    "$conf:7: job \"brief\": catch_up: \"sometimes\" is not \"once\", \"skip\" or \"all\"" \
    "$ok_report" "$ok_schedule" "$ok_output" 'catch_up = "sometimes";'
expect_error "timeout zero" \
    "$conf:7: job \"brief\": timeout: 0 is out of range (1 or more)" \
    "$ok_report" "$ok_schedule" "$ok_output" 'timeout = 0;'
expect_error "keep as a string" \
    "$conf:7: job \"brief\": keep: expected a whole number" \
    "$ok_report" "$ok_schedule" "$ok_output" 'keep = "3";'
expect_error "negative max_age" \
    "$conf:7: job \"brief\": max_age: -5 is out of range (0 or more)" \
    "$ok_report" "$ok_schedule" "$ok_output" 'max_age = -5;'
expect_error "unknown timezone" \
    "$conf:7: job \"brief\": timezone: \"Mars/Olympus\" is not a time zone" \
    "$ok_report" "$ok_schedule" "$ok_output" 'timezone = "Mars/Olympus";'
expect_error "set without =" \
    "$conf:7: job \"brief\": set: entry 2 is not a string \"KEY=VALUE\"" \
    "$ok_report" "$ok_schedule" "$ok_output" 'set = [ "language=zh", "language" ];'
expect_error "unknown key" \
    "$conf:7: job \"brief\": unknown setting \"colour\"" \
    "$ok_report" "$ok_schedule" "$ok_output" 'colour = "red";'
expect_error "missing output" \
    "$conf:3: job \"brief\": output: missing" \
    "$ok_report" "$ok_schedule"
expect_error "template ending in %" \
    "$conf:6: job \"brief\": output: \"out/brief-%\" is not a file name template" \
    "$ok_report" "$ok_schedule" 'output = "out/brief-%";'

# file-level problems
cat > "$conf" <<EOF
jobs = ( { name = "brief"; report = "$report"; schedule = "@daily"; output = "x.pdf"; } );
EOF
"$SSC_REPORT" run-due --config "$conf" > /dev/null 2> "$work/err"
check_grep "state_dir required" "$conf:1: state_dir: missing" "$work/err"
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "brief"; report = "$report"; schedule = "@daily"; output = "x.pdf"; },
         { name = "brief"; report = "$report"; schedule = "@daily"; output = "y.pdf"; } );
EOF
"$SSC_REPORT" run-due --config "$conf" > /dev/null 2> "$work/err"
check_grep "duplicate name" "$conf:3: job \"brief\": name: already used by the job on line 2" "$work/err"
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "brief"; report = "$report"; schedule = "@daily"; output = "x-%F.pdf"; },
         { name = "other"; report = "$report"; schedule = "@daily"; output = "x-%F.pdf"; } );
EOF
"$SSC_REPORT" run-due --config "$conf" > /dev/null 2> "$work/err"
check_eq "shared output: status" $? 2
check_grep "shared output" \
    "$conf:3: job \"other\": output: can name the same file as job \"brief\"'s (both can write $work/x-" \
    "$work/err"
# templates that differ but can expand alike: %F is %Y-%m-%d; %I and %H
# agree from 01 to 12 o'clock, also with one of them in Berlin time
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "brief"; report = "$report"; schedule = "@daily"; output = "out/%F.pdf"; },
         { name = "other"; report = "$report"; schedule = "@daily"; output = "out/%Y-%m-%d.pdf"; } );
EOF
"$SSC_REPORT" run-due --config "$conf" > /dev/null 2> "$work/err"
check_eq "colliding templates: status" $? 2
check_grep "colliding templates" \
    "$conf:3: job \"other\": output: can name the same file as job \"brief\"'s" "$work/err"
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "brief"; report = "$report"; schedule = "@daily"; output = "out/a-%H.pdf"; },
         { name = "other"; report = "$report"; schedule = "@daily"; output = "out/b-%H.pdf"; },
         { name = "third"; report = "$report"; schedule = "@daily"; timezone = "Europe/Berlin";
           output = "out/a-%I.pdf"; } );
EOF
"$SSC_REPORT" run-due --config "$conf" > /dev/null 2> "$work/err"
check_grep "colliding hours in two zones" \
    "$conf:5: job \"third\": output: can name the same file as job \"brief\"'s" "$work/err"
# different files never collide
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "brief"; report = "$report"; schedule = "@daily"; output = "out/a-%F.pdf"; },
         { name = "other"; report = "$report"; schedule = "@daily"; output = "out/a-%F-%H.pdf"; } );
EOF
"$SSC_REPORT" schedule list --config "$conf" > /dev/null 2> "$work/err"
check_eq "different templates: accepted" $? 0
# a report that is not there is refused before anything runs
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "brief"; report = "$report"; schedule = "@daily"; output = "x.pdf"; },
         { name = "lost"; schedule = "@daily";
           report = "no-such-report.cfg"; output = "y.pdf"; } );
EOF
"$SSC_REPORT" run-due --config "$conf" --now 2024-01-01T06:00:00Z > /dev/null 2> "$work/err"
check_eq "missing report: status" $? 2
check_grep "missing report" \
    "$conf:4: job \"lost\": report: cannot read $work/no-such-report.cfg: No such file or directory" \
    "$work/err"
check "missing report: nothing ran" test ! -e "$work/state"
"$SSC_REPORT" schedule list --config "$conf" > /dev/null 2> "$work/err"
check_eq "missing report: schedule list refuses too" $? 2
# scheduler-wide settings
printf 'state_dir = "state";\nmax_parallel = 0;\n' > "$conf"
"$SSC_REPORT" run-due --config "$conf" > /dev/null 2> "$work/err"
check_grep "max_parallel" "$conf:2: max_parallel: expected a whole number from 1 to 1024" "$work/err"
printf 'state_dir = "state";\nlog_format = "xml";\n' > "$conf"
"$SSC_REPORT" run-due --config "$conf" > /dev/null 2> "$work/err"
check_grep "log_format" "$conf:2: log_format: expected \"tsv\" (tab-separated) or \"json\"" "$work/err"
cat > "$conf" <<EOF
state_dir = "state";
jobs = ( { name = "../brief"; report = "$report"; schedule = "@daily"; output = "x.pdf"; } );
EOF
"$SSC_REPORT" run-due --config "$conf" > /dev/null 2> "$work/err"
check_grep "name is a file name" "job \"../brief\": name: use letters, digits" "$work/err"

# a good file: schedule list before and after a run
cat > "$conf" <<EOF
# two jobs
state_dir = "state";
log = "logs/runs.log";
jobs = (
  { name = "annual"; report = "$report"; schedule = "0 6 1 3 *";
    output = "out/annual-%Y.pdf"; keep = 3; timeout = 600; catch_up = "once";
    max_age = 0; set = [ "language=zh" ]; timezone = "UTC"; },
  { name = "weekly"; report = "$report"; schedule = "@weekly"; output = "out/weekly.pdf";
    catch_up = "skip"; },
  { name = "paused"; report = "$report"; schedule = "@hourly"; output = "out/paused.pdf";
    enabled = false; timezone = "America/New_York"; retries = 2; retry_delay = 30;
    random_delay = 10; on_failure = "true"; on_success = "true"; }
);
EOF
"$SSC_REPORT" schedule list --config "$conf" --now 2024-01-01T00:00:00Z > "$work/list" 2> "$work/err"
check_eq "schedule list: status" $? 0
check_grep "list: header" "JOB              SCHEDULE           LAST RUN (DUE)" "$work/list"
check_grep "list: annual" \
    "annual           0 6 1 3 *          never                     -           due now" "$work/list"
check_grep "list: weekly" \
    "weekly           @weekly            never                     -           2024-01-07T00:00:00Z" \
    "$work/list"
check_grep "list: paused" \
    "paused           @hourly            never                     -           paused (enabled = false)" \
    "$work/list"
"$SSC_REPORT" run-due --config "$conf" --now 2024-03-01T06:00:10Z > "$work/stdout" 2> "$work/err"
check_eq "run-due: status" $? 0
check "run-due: the zh edition of 2024" test -s "$work/out/annual-2024.pdf"
check "run-due: relative log path" test -f "$work/logs/runs.log"
"$SSC_REPORT" schedule list --config "$conf" --now 2024-03-01T07:00:00Z > "$work/list" 2> "$work/err"
check_grep "list: last run" \
    "annual           0 6 1 3 *          2024-03-01T06:00:00Z      ok          2025-03-01T06:00:00Z" \
    "$work/list"
# the weekly job's latest due time (Sunday 2024-02-25) was long gone: skipped
check_eq "skip: nothing rendered" "$(log_count "$work/logs/runs.log" weekly ok)" 0
check_eq "skip: one skipped line" "$(log_count "$work/logs/runs.log" weekly skipped)" 1
check "paused: not run" test ! -e "$work/out/paused.pdf"

# no settings file at all: nothing to do, and it says so
SSC_REPORT_CONFIG= "$SSC_REPORT" run-due > "$work/stdout" 2> "$work/err"
check_eq "no settings file: status" $? 0
check_grep "no settings file: message" "no scheduled jobs" "$work/err"

# a theme that is a list, not a group: its elements have no names (make
# fuzz found them compared by name as NULL)
printf 'state_dir = "state";\ntheme = ( { accent = "#1F4E79"; } );\n' > "$conf"
"$SSC_REPORT" run-due --config "$conf" --now 2024-01-01T06:00:00Z > "$work/stdout" 2> "$work/err"
check_eq "theme as a list: status" $? 2
check_grep "theme as a list: message" "$conf:2: theme: expected settings in { }" "$work/err"

finish

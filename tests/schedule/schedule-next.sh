#!/bin/sh
# SPDX-License-Identifier: MIT
# `ssc-report schedule next`: the times agree with cronie's rules (hand-
# worked from a calendar), ISO 8601 output ends in Z under TZ=UTC and has
# the numeric offset otherwise, and bad input is reported.
. "$top_srcdir/tests/schedule/schedule-lib.sh"

next() {
    "$SSC_REPORT" schedule next "$@" > "$work/stdout" 2> "$work/err"
    echo $? > "$work/status"
    tr '\n' ' ' < "$work/stdout" | sed 's/ $//'
}

TZ=UTC
export TZ
# day-of-month or day-of-week when neither starts with '*'
check_eq "1st, 15th or Sunday" \
    "$(next --cron '0 0 1,15 * sun' --from 2024-01-01T00:00:00Z --count 4)" \
    "2024-01-07T00:00:00Z 2024-01-14T00:00:00Z 2024-01-15T00:00:00Z 2024-01-21T00:00:00Z"
# both when one starts with '*' (here "*/2"): Mondays on odd days
check_eq "odd Mondays" "$(next --cron '0 0 */2 * mon' --from 2024-01-01T00:00:00Z --count 3)" \
    "2024-01-15T00:00:00Z 2024-01-29T00:00:00Z 2024-02-05T00:00:00Z"
check_eq "annual meeting" "$(next --cron '0 6 1 3 *' --from 2024-03-01T06:00:00Z --count 2)" \
    "2025-03-01T06:00:00Z 2026-03-01T06:00:00Z"
check_eq "leap day" "$(next --cron '0 0 29 feb *' --from 2024-03-01T00:00:00Z)" \
    "2028-02-29T00:00:00Z"
check_eq "@weekly" "$(next --cron @weekly --from 2024-01-01 --count 2)" \
    "2024-01-07T00:00:00Z 2024-01-14T00:00:00Z"
check_eq "a --from with an offset" \
    "$(next --cron '0 * * * *' --from 2024-01-01T10:30:00+02:00)" "2024-01-01T09:00:00Z"
next --cron '*/5 * * * *' > /dev/null
check_eq "default --from is now, --count 1" "$(grep -c 'T..:.[05]:00Z$' "$work/stdout")" 1

# local time with a clock change (a POSIX rule: no tz database needed)
TZ='CET-1CEST,M3.5.0,M10.5.0/3'
check_eq "offsets and the skipped hour" \
    "$(next --cron '30 2 * * *' --from 2024-03-30T12:00:00+01:00 --count 2)" \
    "2024-03-31T03:00:00+02:00 2024-04-01T02:30:00+02:00"
check_eq "the repeated hour, starred minute" \
    "$(next --cron '*/30 2 * * *' --from 2024-10-27T01:45:00+02:00 --count 4)" \
    "2024-10-27T02:00:00+02:00 2024-10-27T02:30:00+02:00 2024-10-27T02:00:00+01:00 2024-10-27T02:30:00+01:00"
TZ=UTC

# --tz: IANA zones from the tz database, cronie's rules on both clock
# changes of 2024 in two zones (fixed hour and minute: a skipped time runs
# at the jump, a repeated one once; a starred field: skipped times do not
# run, repeated ones run twice)
for zone in Europe/Berlin America/New_York; do
    [ -f "/usr/share/zoneinfo/$zone" ] || { echo "ERROR: no /usr/share/zoneinfo/$zone (package tzdata)"; exit 99; }
done
check_eq "Berlin spring, fixed" \
    "$(next --tz Europe/Berlin --cron '30 2 * * *' --from 2024-03-30T12:00:00Z --count 2)" \
    "2024-03-31T03:00:00+02:00 2024-04-01T02:30:00+02:00"
check_eq "Berlin spring, starred hour" \
    "$(next --tz Europe/Berlin --cron '30 * * * *' --from 2024-03-31T00:45:00+01:00 --count 3)" \
    "2024-03-31T01:30:00+01:00 2024-03-31T03:30:00+02:00 2024-03-31T04:30:00+02:00"
check_eq "Berlin autumn, fixed" \
    "$(next --tz Europe/Berlin --cron '30 2 * * *' --from 2024-10-26T12:00:00Z --count 2)" \
    "2024-10-27T02:30:00+02:00 2024-10-28T02:30:00+01:00"
check_eq "Berlin autumn, starred hour" \
    "$(next --tz Europe/Berlin --cron '30 * * * *' --from 2024-10-27T01:45:00+02:00 --count 3)" \
    "2024-10-27T02:30:00+02:00 2024-10-27T02:30:00+01:00 2024-10-27T03:30:00+01:00"
check_eq "New York spring, fixed" \
    "$(next --tz America/New_York --cron '30 2 * * *' --from 2024-03-09T12:00:00Z --count 2)" \
    "2024-03-10T03:00:00-04:00 2024-03-11T02:30:00-04:00"
check_eq "New York spring, starred hour" \
    "$(next --tz America/New_York --cron '30 * * * *' --from 2024-03-10T00:45:00-05:00 --count 3)" \
    "2024-03-10T01:30:00-05:00 2024-03-10T03:30:00-04:00 2024-03-10T04:30:00-04:00"
check_eq "New York autumn, fixed" \
    "$(next --tz America/New_York --cron '30 1 * * *' --from 2024-11-02T12:00:00Z --count 2)" \
    "2024-11-03T01:30:00-04:00 2024-11-04T01:30:00-05:00"
check_eq "New York autumn, starred hour" \
    "$(next --tz America/New_York --cron '30 * * * *' --from 2024-11-03T00:45:00-04:00 --count 3)" \
    "2024-11-03T01:30:00-04:00 2024-11-03T01:30:00-05:00 2024-11-03T02:30:00-05:00"
check_eq "--tz UTC" "$(next --tz UTC --cron '@daily' --from 2024-01-01T12:00:00+05:00)" \
    "2024-01-02T00:00:00Z"
next --tz Mars/Olympus --cron '@daily' > /dev/null
check_eq "unknown zone: usage status" "$(cat "$work/status")" 2
check_grep "unknown zone: message" '"Mars/Olympus" is not a time zone' "$work/err"

next --cron '0 0 30 2 *' > /dev/null
check_eq "impossible: status" "$(cat "$work/status")" 1
check_grep "impossible: message" \
    'ssc-report schedule next: --cron: day-of-month "30" never falls in month "2"' "$work/err"
next --cron '0 0 * * 8' > /dev/null
check_grep "field and value named" 'day-of-week "8": 8 is out of range 0-7' "$work/err"
next --cron '@daily' --from tomorrow > /dev/null
check_eq "bad --from: status" "$(cat "$work/status")" 1
check_grep "bad --from: message" '"tomorrow" is not an ISO 8601 time' "$work/err"
next --from 2024-01-01 > /dev/null
check_eq "no --cron: usage status" "$(cat "$work/status")" 2
next --cron '@daily' --count 0 > /dev/null
check_eq "bad --count: usage status" "$(cat "$work/status")" 2
next --cron '@daily' --frobnicate 1 > /dev/null
check_grep "unknown option" "unknown option --frobnicate" "$work/err"

finish

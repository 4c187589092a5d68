/* Cron expressions and ISO times: parsing, errors, and next/previous firing
 * times.  Every expected time below was worked out by hand from a calendar
 * and cronie's rules (entry.c for the grammar, cron.c's find_jobs for the
 * day-of-month/day-of-week rule, its main loop for clock changes). */
#include <stdlib.h>
#include <time.h>

#include "../check.h"
#include "schedule/cron.h"
#include "schedule/isotime.h"

/* A POSIX rule for central Europe, so the test needs no tz database:
 * CET (+1), CEST (+2) from the last Sunday of March 02:00 to the last
 * Sunday of October 03:00. */
#define CET "CET-1CEST,M3.5.0,M10.5.0/3"

static void set_tz(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
}

static time_t at(const char *iso)
{
    ssc_error err;
    time_t t = 0;
    ssc_error_clear(&err);
    if (ssc_time_parse(iso, &t, &err) != SSC_OK)
        fprintf(stderr, "bad time in the test: %s: %s\n", iso, err.message);
    return t;
}

/* The next `count` firings after `from`, space-separated, in the zone. */
static const char *next_n(const char *expr, ssc_cron_zone zone, const char *from, int count)
{
    static char out[2048];
    ssc_cron c;
    ssc_error err;
    time_t t = at(from);
    size_t used = 0;

    ssc_error_clear(&err);
    out[0] = '\0';
    if (ssc_cron_parse(&c, expr, &err) != SSC_OK) {
        snprintf(out, sizeof out, "parse error: %s", err.message);
        return out;
    }
    for (int i = 0; i < count; i++) {
        char buf[40];
        if (ssc_cron_next(&c, zone, t, &t, &err) != SSC_OK) {
            snprintf(out + used, sizeof out - used, "%serror: %s", i ? " " : "", err.message);
            return out;
        }
        ssc_time_format(t, zone == SSC_CRON_UTC, buf, sizeof buf);
        used += (size_t)snprintf(out + used, sizeof out - used, "%s%s", i ? " " : "", buf);
    }
    return out;
}

static const char *next_utc(const char *expr, const char *from, int count)
{
    return next_n(expr, SSC_CRON_UTC, from, count);
}

static const char *prev_in(const char *expr, ssc_cron_zone zone, const char *when)
{
    static char out[1100];
    ssc_cron c;
    ssc_error err;
    time_t t;

    ssc_error_clear(&err);
    if (ssc_cron_parse(&c, expr, &err) != SSC_OK ||
        ssc_cron_prev(&c, zone, at(when), &t, &err) != SSC_OK) {
        snprintf(out, sizeof out, "error: %s", err.message);
        return out;
    }
    ssc_time_format(t, zone == SSC_CRON_UTC, out, sizeof out);
    return out;
}

/* The parse error for expr, or "" when it parses. */
static const char *parse_error(const char *expr)
{
    static char out[1024];
    ssc_cron c;
    ssc_error err;
    ssc_error_clear(&err);
    out[0] = '\0';
    if (ssc_cron_parse(&c, expr, &err) != SSC_OK)
        snprintf(out, sizeof out, "%s", err.message);
    return out;
}

static void test_leap_years(void)
{
    CHECK_STR(next_utc("0 0 29 2 *", "2023-03-01T00:00:00Z", 3),
              "2024-02-29T00:00:00Z 2028-02-29T00:00:00Z 2032-02-29T00:00:00Z");
    /* 2100 is not a leap year: eight years between two Feb 29ths */
    CHECK_STR(next_utc("0 0 29 2 *", "2096-03-01T00:00:00Z", 1), "2104-02-29T00:00:00Z");
    /* 2000 is (divisible by 400) */
    CHECK_STR(next_utc("0 0 29 2 *", "1999-01-01T00:00:00Z", 1), "2000-02-29T00:00:00Z");
    /* last day of February, leap year or not */
    CHECK_STR(next_utc("0 0 28,29 2 *", "2023-02-28T00:00:00Z", 3),
              "2024-02-28T00:00:00Z 2024-02-29T00:00:00Z 2025-02-28T00:00:00Z");
    CHECK_STR(prev_in("0 0 29 2 *", SSC_CRON_UTC, "2027-06-01T00:00:00Z"), "2024-02-29T00:00:00Z");
}

static void test_short_months(void)
{
    /* the 31st is skipped in months without one, never moved */
    CHECK_STR(next_utc("0 12 31 * *", "2024-01-31T12:00:00Z", 6),
              "2024-03-31T12:00:00Z 2024-05-31T12:00:00Z 2024-07-31T12:00:00Z "
              "2024-08-31T12:00:00Z 2024-10-31T12:00:00Z 2024-12-31T12:00:00Z");
    CHECK_STR(next_utc("0 0 30 * *", "2024-01-30T00:00:00Z", 2),
              "2024-03-30T00:00:00Z 2024-04-30T00:00:00Z");
    CHECK_STR(next_utc("0 0 31 */2 *", "2024-01-01T00:00:00Z", 4), /* months 1,3,5,7,9,11 */
              "2024-01-31T00:00:00Z 2024-03-31T00:00:00Z 2024-05-31T00:00:00Z "
              "2024-07-31T00:00:00Z");
}

static void test_dom_dow_rule(void)
{
    /* 2024-01-01 was a Monday.  Neither field starts with '*': either
     * matches (the 1st and 15th, and every Sunday) */
    CHECK_STR(next_utc("0 0 1,15 * sun", "2024-01-01T00:00:00Z", 7),
              "2024-01-07T00:00:00Z 2024-01-14T00:00:00Z 2024-01-15T00:00:00Z "
              "2024-01-21T00:00:00Z 2024-01-28T00:00:00Z 2024-02-01T00:00:00Z "
              "2024-02-04T00:00:00Z");
    /* "*" followed by a step still starts with '*': both must match, so
     * Mondays on odd days (Jan 1, 15, 29; Feb 5, 19) */
    CHECK_STR(next_utc("0 0 */2 * 1", "2024-01-01T00:00:00Z", 4),
              "2024-01-15T00:00:00Z 2024-01-29T00:00:00Z 2024-02-05T00:00:00Z "
              "2024-02-19T00:00:00Z");
    /* day of week alone */
    CHECK_STR(next_utc("0 0 * * 5", "2024-01-01T00:00:00Z", 2),
              "2024-01-05T00:00:00Z 2024-01-12T00:00:00Z");
    /* the 13th or any Friday (2024-09-13 is both) */
    CHECK_STR(next_utc("0 0 13 * 5", "2024-09-01T00:00:00Z", 8),
              "2024-09-06T00:00:00Z 2024-09-13T00:00:00Z 2024-09-20T00:00:00Z "
              "2024-09-27T00:00:00Z 2024-10-04T00:00:00Z 2024-10-11T00:00:00Z "
              "2024-10-13T00:00:00Z 2024-10-18T00:00:00Z");
    /* first Sunday of the month, written with a starred day of week */
    CHECK_STR(next_utc("0 0 1-7 * */7", "2024-01-01T00:00:00Z", 3),
              "2024-01-07T00:00:00Z 2024-02-04T00:00:00Z 2024-03-03T00:00:00Z");
    /* ... and the classic mistake: without the star it means days 1-7 or
     * any Sunday */
    CHECK_STR(next_utc("0 0 1-7 * 0", "2024-01-06T00:00:00Z", 3),
              "2024-01-07T00:00:00Z 2024-01-14T00:00:00Z 2024-01-21T00:00:00Z");
    CHECK_STR(next_utc("0 0 1-7 * 0", "2024-01-28T00:00:00Z", 2),
              "2024-02-01T00:00:00Z 2024-02-02T00:00:00Z");
    /* a day of month that never exists, rescued by the day of week: the
     * Mondays of February */
    CHECK_STR(next_utc("0 0 31 2 mon", "2024-01-01T00:00:00Z", 2),
              "2024-02-05T00:00:00Z 2024-02-12T00:00:00Z");
}

static void test_names_and_sunday(void)
{
    /* case-insensitive names; 2024-07-01 was a Monday */
    CHECK_STR(next_utc("0 9 * jan,JUL Mon-fri", "2024-06-30T00:00:00Z", 2),
              "2024-07-01T09:00:00Z 2024-07-02T09:00:00Z");
    CHECK_STR(next_utc("30 8 * * SAT,sun", "2024-01-01T00:00:00Z", 2),
              "2024-01-06T08:30:00Z 2024-01-07T08:30:00Z");
    CHECK_STR(next_utc("0 0 1 Dec *", "2024-01-01T00:00:00Z", 1), "2024-12-01T00:00:00Z");
    CHECK_STR(next_utc("0 0 1 jun-aug *", "2024-01-01T00:00:00Z", 3),
              "2024-06-01T00:00:00Z 2024-07-01T00:00:00Z 2024-08-01T00:00:00Z");
    /* 0 and 7 are both Sunday; "sun" ending a range means 7 */
    CHECK_STR(next_utc("0 0 * * 7", "2024-01-01T00:00:00Z", 1), "2024-01-07T00:00:00Z");
    CHECK_STR(next_utc("0 0 * * 0", "2024-01-01T00:00:00Z", 1), "2024-01-07T00:00:00Z");
    CHECK_STR(next_utc("0 0 * * 5-7", "2024-01-01T00:00:00Z", 4),
              "2024-01-05T00:00:00Z 2024-01-06T00:00:00Z 2024-01-07T00:00:00Z "
              "2024-01-12T00:00:00Z");
    CHECK_STR(next_utc("0 0 * * fri-sun", "2024-01-01T00:00:00Z", 3),
              "2024-01-05T00:00:00Z 2024-01-06T00:00:00Z 2024-01-07T00:00:00Z");
}

static void test_steps_ranges_lists(void)
{
    CHECK_STR(next_utc("*/15 * * * *", "2024-01-01T00:07:00Z", 4),
              "2024-01-01T00:15:00Z 2024-01-01T00:30:00Z 2024-01-01T00:45:00Z "
              "2024-01-01T01:00:00Z");
    CHECK_STR(next_utc("10-40/15 * * * *", "2024-01-01T00:00:00Z", 4),
              "2024-01-01T00:10:00Z 2024-01-01T00:25:00Z 2024-01-01T00:40:00Z "
              "2024-01-01T01:10:00Z");
    CHECK_STR(next_utc("0 */6 * * *", "2024-01-01T00:00:00Z", 4),
              "2024-01-01T06:00:00Z 2024-01-01T12:00:00Z 2024-01-01T18:00:00Z "
              "2024-01-02T00:00:00Z");
    CHECK_STR(next_utc("5 0 */10 * *", "2024-01-01T00:05:00Z", 4), /* days 1, 11, 21, 31 */
              "2024-01-11T00:05:00Z 2024-01-21T00:05:00Z 2024-01-31T00:05:00Z "
              "2024-02-01T00:05:00Z");
    CHECK_STR(next_utc("0 9-17/4 * * *", "2024-01-01T00:00:00Z", 4),
              "2024-01-01T09:00:00Z 2024-01-01T13:00:00Z 2024-01-01T17:00:00Z "
              "2024-01-02T09:00:00Z");
    CHECK_STR(next_utc("0 22-23,0-1 * * *", "2024-01-01T12:00:00Z", 5),
              "2024-01-01T22:00:00Z 2024-01-01T23:00:00Z 2024-01-02T00:00:00Z "
              "2024-01-02T01:00:00Z 2024-01-02T22:00:00Z");
    CHECK_STR(next_utc("1,2,3 4 5 6 *", "2024-01-01T00:00:00Z", 4),
              "2024-06-05T04:01:00Z 2024-06-05T04:02:00Z 2024-06-05T04:03:00Z "
              "2025-06-05T04:01:00Z");
    /* a step beyond the range keeps only the first value (cronie does too) */
    CHECK_STR(next_utc("*/100 * * * *", "2024-01-01T00:00:00Z", 2),
              "2024-01-01T01:00:00Z 2024-01-01T02:00:00Z");
    /* strictly after: a firing at `from` itself is not returned; seconds
     * past the minute are */
    CHECK_STR(next_utc("0 6 1 3 *", "2025-03-01T06:00:00Z", 1), "2026-03-01T06:00:00Z");
    CHECK_STR(next_utc("0 6 1 3 *", "2025-03-01T05:59:59Z", 1), "2025-03-01T06:00:00Z");
    CHECK_STR(next_utc("* * * * *", "2024-12-31T23:59:30Z", 2),
              "2025-01-01T00:00:00Z 2025-01-01T00:01:00Z");
}

static void test_at_forms(void)
{
    CHECK_STR(next_utc("@yearly", "2024-06-01T00:00:00Z", 2),
              "2025-01-01T00:00:00Z 2026-01-01T00:00:00Z");
    CHECK_STR(next_utc("@annually", "2024-06-01T00:00:00Z", 1), "2025-01-01T00:00:00Z");
    CHECK_STR(next_utc("@monthly", "2024-01-31T12:00:00Z", 2),
              "2024-02-01T00:00:00Z 2024-03-01T00:00:00Z");
    CHECK_STR(next_utc("@weekly", "2024-01-01T00:00:00Z", 2), /* Sundays */
              "2024-01-07T00:00:00Z 2024-01-14T00:00:00Z");
    CHECK_STR(next_utc("@daily", "2024-02-28T10:00:00Z", 2),
              "2024-02-29T00:00:00Z 2024-03-01T00:00:00Z");
    CHECK_STR(next_utc("@midnight", "2024-02-28T10:00:00Z", 1), "2024-02-29T00:00:00Z");
    CHECK_STR(next_utc("@hourly", "2024-01-01T00:00:00Z", 2),
              "2024-01-01T01:00:00Z 2024-01-01T02:00:00Z");
    CHECK_STR(next_utc("  @Yearly ", "2024-06-01T00:00:00Z", 1), "2025-01-01T00:00:00Z");
    CHECK_PREFIX(parse_error("@reboot"), "@reboot is not a schedule of times");
    CHECK_PREFIX(parse_error("@often"), "\"@often\" is not one of @yearly");
}

static void test_impossible(void)
{
    CHECK_STR(parse_error("0 0 30 2 *"),
              "day-of-month \"30\" never falls in month \"2\": the expression never fires");
    CHECK_STR(parse_error("0 0 31 4,6,9,11 *"),
              "day-of-month \"31\" never falls in month \"4,6,9,11\": the expression never "
              "fires");
    CHECK_PREFIX(parse_error("0 0 30,31 feb *"), "day-of-month \"30,31\" never falls");
    CHECK_PREFIX(parse_error("0 0 31 2,apr *"), "day-of-month \"31\" never falls");
    /* a starred day of week still requires the day of month */
    CHECK_PREFIX(parse_error("0 0 30 2 */1"), "day-of-month \"30\" never falls");
    /* possible: Feb 29, the 31st of some month, or any day of week rescues */
    CHECK_STR(parse_error("0 0 29 2 *"), "");
    CHECK_STR(parse_error("0 0 31 2,3 *"), "");
    CHECK_STR(parse_error("0 0 30 2 mon"), "");
}

static void test_errors(void)
{
    CHECK_STR(parse_error("60 * * * *"), "minute \"60\": 60 is out of range 0-59");
    CHECK_STR(parse_error("* 24 * * *"), "hour \"24\": 24 is out of range 0-23");
    CHECK_STR(parse_error("* * 0 * *"), "day-of-month \"0\": 0 is out of range 1-31");
    CHECK_STR(parse_error("* * 1,32 * *"), "day-of-month \"1,32\": 32 is out of range 1-31");
    CHECK_STR(parse_error("* * * 13 *"), "month \"13\": 13 is out of range 1-12");
    CHECK_STR(parse_error("* * * * 8"), "day-of-week \"8\": 8 is out of range 0-7");
    CHECK_STR(parse_error("* * * foo *"),
              "month \"foo\": \"foo\" is not a number or a name (like jan or mon)");
    CHECK_STR(parse_error("* * * * monday"),
              "day-of-week \"monday\": \"monday\" is not a number or a name (like jan or mon)");
    CHECK_STR(parse_error("x * * * *"), "minute \"x\": \"x\" is not a number");
    CHECK_STR(parse_error("5-1 * * * *"), "minute \"5-1\": the range \"5-1\" goes backwards");
    CHECK_PREFIX(parse_error("*/0 * * * *"), "minute \"*/0\": the step in \"*/0\" must be");
    CHECK_PREFIX(parse_error("5/10 * * * *"), "minute \"5/10\": a step needs a star or a range");
    CHECK_STR(parse_error("1,,2 * * * *"), "minute \"1,,2\": an empty item in the list");
    CHECK_STR(parse_error("*5 * * * *"), "minute \"*5\": unexpected characters in \"*5\"");
    CHECK_PREFIX(parse_error("* * * * * *"), "\"* * * * * *\": expected 5 fields");
    CHECK_PREFIX(parse_error("* * *"), "\"* * *\": expected 5 fields");
    CHECK_PREFIX(parse_error(""), "\"\": expected 5 fields");
}

static void test_prev(void)
{
    /* at or before */
    CHECK_STR(prev_in("0 6 1 3 *", SSC_CRON_UTC, "2024-03-01T06:00:00Z"), "2024-03-01T06:00:00Z");
    CHECK_STR(prev_in("0 6 1 3 *", SSC_CRON_UTC, "2024-03-01T05:59:59Z"), "2023-03-01T06:00:00Z");
    CHECK_STR(prev_in("0 6 1 * *", SSC_CRON_UTC, "2025-01-15T00:00:00Z"), "2025-01-01T06:00:00Z");
    CHECK_STR(prev_in("*/15 * * * *", SSC_CRON_UTC, "2024-01-01T00:00:00Z"),
              "2024-01-01T00:00:00Z");
    CHECK_STR(prev_in("0 0 1,15 * sun", SSC_CRON_UTC, "2024-01-13T00:00:00Z"),
              "2024-01-07T00:00:00Z");
}

/* Clock changes in local time, with cronie's rules: fixed times skipped by
 * a jump forward run when it ends, repeated ones run once; times with a
 * starred minute or hour run only when they exist, and twice if repeated. */
static void test_local_clock_changes(void)
{
    set_tz(CET);
    /* 2024-03-31: 02:00 CET becomes 03:00 CEST */
    CHECK_STR(next_n("30 2 * * *", SSC_CRON_LOCAL, "2024-03-30T12:00:00+01:00", 3),
              "2024-03-31T03:00:00+02:00 2024-04-01T02:30:00+02:00 2024-04-02T02:30:00+02:00");
    CHECK_STR(next_n("*/30 * * * *", SSC_CRON_LOCAL, "2024-03-31T01:00:00+01:00", 3),
              "2024-03-31T01:30:00+01:00 2024-03-31T03:00:00+02:00 2024-03-31T03:30:00+02:00");
    /* several skipped fixed times run once, when the jump ends */
    CHECK_STR(next_n("0,30 2 * * *", SSC_CRON_LOCAL, "2024-03-31T01:00:00+01:00", 2),
              "2024-03-31T03:00:00+02:00 2024-04-01T02:00:00+02:00");
    /* 2024-10-27: 03:00 CEST becomes 02:00 CET; 02:00-02:59 happens twice */
    CHECK_STR(next_n("30 2 * * *", SSC_CRON_LOCAL, "2024-10-27T00:00:00+02:00", 2),
              "2024-10-27T02:30:00+02:00 2024-10-28T02:30:00+01:00");
    CHECK_STR(next_n("*/30 2 * * *", SSC_CRON_LOCAL, "2024-10-27T01:45:00+02:00", 5),
              "2024-10-27T02:00:00+02:00 2024-10-27T02:30:00+02:00 2024-10-27T02:00:00+01:00 "
              "2024-10-27T02:30:00+01:00 2024-10-28T02:00:00+01:00");
    /* from inside the repeated hour */
    CHECK_STR(next_n("*/30 2 * * *", SSC_CRON_LOCAL, "2024-10-27T02:10:00+01:00", 1),
              "2024-10-27T02:30:00+01:00");
    CHECK_STR(next_n("0 2 * * *", SSC_CRON_LOCAL, "2024-10-27T02:10:00+01:00", 1),
              "2024-10-28T02:00:00+01:00");
    CHECK_STR(prev_in("*/30 2 * * *", SSC_CRON_LOCAL, "2024-10-27T02:10:00+01:00"),
              "2024-10-27T02:00:00+01:00");
    CHECK_STR(prev_in("0 2 * * *", SSC_CRON_LOCAL, "2024-10-27T02:10:00+01:00"),
              "2024-10-27T02:00:00+02:00");
    /* a daily job in local time keeps its wall-clock hour across changes */
    CHECK_STR(next_n("0 6 * * *", SSC_CRON_LOCAL, "2024-03-30T07:00:00+01:00", 2),
              "2024-03-31T06:00:00+02:00 2024-04-01T06:00:00+02:00");
    /* UTC jobs ignore the local zone */
    CHECK_STR(next_n("0 6 * * *", SSC_CRON_UTC, "2024-03-30T07:00:00Z", 2),
              "2024-03-31T06:00:00Z 2024-04-01T06:00:00Z");
    set_tz("UTC");
}

static void test_iso_times(void)
{
    ssc_error err;
    time_t t;
    char buf[40];

    set_tz("UTC");
    ssc_error_clear(&err);
    CHECK_INT(at("1970-01-01T00:00:00Z"), 0);
    CHECK_INT(at("2024-03-01T06:00:00Z"), 1709272800);
    CHECK_INT(at("2024-03-01T07:00:00+01:00"), 1709272800);
    CHECK_INT(at("2024-03-01T07:00+0100"), 1709272800);
    CHECK_INT(at("2024-03-01T01:00:00-05"), 1709272800);
    CHECK_INT(at("2024-03-01 06:00:00.250Z"), 1709272800);
    CHECK_INT(at("2024-03-01T06:00"), 1709272800); /* local, and local is UTC */
    CHECK_INT(at("2024-03-01"), 1709251200);
    CHECK_INT(ssc_time_parse("2024-02-30T00:00Z", &t, &err), SSC_ERR);
    CHECK_PREFIX(err.message, "\"2024-02-30T00:00Z\" is not an ISO 8601 time");
    CHECK_INT(ssc_time_parse("2024-03-01T0600Z", &t, &err), SSC_ERR);
    CHECK_INT(ssc_time_parse("2024-03-01T06:00:00Zjunk", &t, &err), SSC_ERR);
    CHECK_INT(ssc_time_parse("yesterday", &t, &err), SSC_ERR);
    ssc_time_format(1709272800, 1, buf, sizeof buf);
    CHECK_STR(buf, "2024-03-01T06:00:00Z");
    ssc_time_format(1709272800, 0, buf, sizeof buf);
    CHECK_STR(buf, "2024-03-01T06:00:00Z"); /* local time is UTC: Z */
    set_tz(CET);
    ssc_time_format(1709272800, 0, buf, sizeof buf);
    CHECK_STR(buf, "2024-03-01T07:00:00+01:00");
    CHECK_INT(at("2024-03-01T07:00:00"), 1709272800);
    /* skipped by the clock: an error; repeated: the first occurrence */
    CHECK_INT(ssc_time_parse("2024-03-31T02:30", &t, &err), SSC_ERR);
    CHECK_PREFIX(err.message, "\"2024-03-31T02:30\" does not exist in the local time zone");
    CHECK_INT(at("2024-10-27T02:30"), at("2024-10-27T00:30:00Z"));
    set_tz("UTC");
}

/* next and prev agree with each other at many instants: p = prev(t) is at
 * or before t and next(p) is after t; n = next(t) is after t and
 * prev(n) is n itself.  (Deterministic pseudo-random instants.) */
static void test_next_prev_agree(const char *tz, ssc_cron_zone zone)
{
    static const char *const exprs[] = {
        "0 6 1 3 *", "*/7 * * * *", "30 2 * * *", "*/30 2 * * *", "0 0 13 * fri",
        "15 */5 */3 * mon-fri", "0 0 29 2 *", "0 12 31 * *", "@weekly", "59 23 * * 0",
    };
    unsigned long long seed = 42;
    int bad = 0;

    set_tz(tz);
    for (size_t e = 0; e < sizeof exprs / sizeof exprs[0]; e++) {
        ssc_cron c;
        ssc_error err;
        ssc_error_clear(&err);
        CHECK_INT(ssc_cron_parse(&c, exprs[e], &err), SSC_OK);
        for (int i = 0; i < 300; i++) {
            time_t t, p, n, back, fwd;
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            /* 2020-01-01 plus up to about eight years, any second */
            t = (time_t)(1577836800 + (long long)((seed >> 33) % 252460800ULL));
            if (ssc_cron_prev(&c, zone, t, &p, &err) != SSC_OK ||
                ssc_cron_next(&c, zone, p, &fwd, &err) != SSC_OK ||
                ssc_cron_next(&c, zone, t, &n, &err) != SSC_OK ||
                ssc_cron_prev(&c, zone, n, &back, &err) != SSC_OK || p > t || fwd <= t ||
                n <= t || back != n) {
                if (bad++ < 5)
                    fprintf(stderr, "%s (%s): at %lld: prev %lld next-of-prev %lld next %lld "
                                    "prev-of-next %lld\n",
                            exprs[e], tz, (long long)t, (long long)p, (long long)fwd,
                            (long long)n, (long long)back);
            }
        }
    }
    CHECK_INT(bad, 0);
    set_tz("UTC");
}

int main(void)
{
    set_tz("UTC");
    test_leap_years();
    test_short_months();
    test_dom_dow_rule();
    test_names_and_sunday();
    test_steps_ranges_lists();
    test_at_forms();
    test_impossible();
    test_errors();
    test_prev();
    test_local_clock_changes();
    test_next_prev_agree("UTC", SSC_CRON_UTC);
    test_next_prev_agree(CET, SSC_CRON_LOCAL);
    test_iso_times();
    return check_done();
}

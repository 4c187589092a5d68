/* SPDX-License-Identifier: MIT */
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

/* Which clock a firing row runs on: UTC (with TZ=UTC), local time in CET,
 * or UTC while the local zone is CET (UTC jobs ignore the local zone). */
enum clock { UTC, CET_LOCAL, CET_UTC };

#define PREV 0 /* as a count: the latest firing at or before `from` instead */

/* A row: the next `count` firings of expr strictly after `from`,
 * space-separated (with PREV: the latest at or before it). */
static const struct firings {
    enum clock clock;
    const char *expr, *from;
    int count;
    const char *want;
} firings[] = {
    /* leap years */
    {UTC, "0 0 29 2 *", "2023-03-01T00:00:00Z", 3,
     "2024-02-29T00:00:00Z 2028-02-29T00:00:00Z 2032-02-29T00:00:00Z"},
    /* 2100 is not a leap year: eight years between two Feb 29ths */
    {UTC, "0 0 29 2 *", "2096-03-01T00:00:00Z", 1, "2104-02-29T00:00:00Z"},
    /* 2000 is (divisible by 400) */
    {UTC, "0 0 29 2 *", "1999-01-01T00:00:00Z", 1, "2000-02-29T00:00:00Z"},
    /* last day of February, leap year or not */
    {UTC, "0 0 28,29 2 *", "2023-02-28T00:00:00Z", 3,
     "2024-02-28T00:00:00Z 2024-02-29T00:00:00Z 2025-02-28T00:00:00Z"},
    {UTC, "0 0 29 2 *", "2027-06-01T00:00:00Z", PREV, "2024-02-29T00:00:00Z"},

    /* short months: the 31st is skipped in months without one, never moved */
    {UTC, "0 12 31 * *", "2024-01-31T12:00:00Z", 6,
     "2024-03-31T12:00:00Z 2024-05-31T12:00:00Z 2024-07-31T12:00:00Z "
     "2024-08-31T12:00:00Z 2024-10-31T12:00:00Z 2024-12-31T12:00:00Z"},
    {UTC, "0 0 30 * *", "2024-01-30T00:00:00Z", 2, "2024-03-30T00:00:00Z 2024-04-30T00:00:00Z"},
    {UTC, "0 0 31 */2 *", "2024-01-01T00:00:00Z", 4, /* months 1,3,5,7,9,11 */
     "2024-01-31T00:00:00Z 2024-03-31T00:00:00Z 2024-05-31T00:00:00Z 2024-07-31T00:00:00Z"},

    /* day of month and day of week.  2024-01-01 was a Monday.  Neither
     * field starts with '*': either matches (the 1st and 15th, and every
     * Sunday) */
    {UTC, "0 0 1,15 * sun", "2024-01-01T00:00:00Z", 7,
     "2024-01-07T00:00:00Z 2024-01-14T00:00:00Z 2024-01-15T00:00:00Z "
     "2024-01-21T00:00:00Z 2024-01-28T00:00:00Z 2024-02-01T00:00:00Z "
     "2024-02-04T00:00:00Z"},
    /* "*" followed by a step still starts with '*': both must match, so
     * Mondays on odd days (Jan 1, 15, 29; Feb 5, 19) */
    {UTC, "0 0 */2 * 1", "2024-01-01T00:00:00Z", 4,
     "2024-01-15T00:00:00Z 2024-01-29T00:00:00Z 2024-02-05T00:00:00Z 2024-02-19T00:00:00Z"},
    /* day of week alone */
    {UTC, "0 0 * * 5", "2024-01-01T00:00:00Z", 2, "2024-01-05T00:00:00Z 2024-01-12T00:00:00Z"},
    /* the 13th or any Friday (2024-09-13 is both) */
    {UTC, "0 0 13 * 5", "2024-09-01T00:00:00Z", 8,
     "2024-09-06T00:00:00Z 2024-09-13T00:00:00Z 2024-09-20T00:00:00Z "
     "2024-09-27T00:00:00Z 2024-10-04T00:00:00Z 2024-10-11T00:00:00Z "
     "2024-10-13T00:00:00Z 2024-10-18T00:00:00Z"},
    /* first Sunday of the month, written with a starred day of week */
    {UTC, "0 0 1-7 * */7", "2024-01-01T00:00:00Z", 3,
     "2024-01-07T00:00:00Z 2024-02-04T00:00:00Z 2024-03-03T00:00:00Z"},
    /* ... and the classic mistake: without the star it means days 1-7 or
     * any Sunday */
    {UTC, "0 0 1-7 * 0", "2024-01-06T00:00:00Z", 3,
     "2024-01-07T00:00:00Z 2024-01-14T00:00:00Z 2024-01-21T00:00:00Z"},
    {UTC, "0 0 1-7 * 0", "2024-01-28T00:00:00Z", 2, "2024-02-01T00:00:00Z 2024-02-02T00:00:00Z"},
    /* a day of month that never exists, rescued by the day of week: the
     * Mondays of February */
    {UTC, "0 0 31 2 mon", "2024-01-01T00:00:00Z", 2, "2024-02-05T00:00:00Z 2024-02-12T00:00:00Z"},
    {UTC, "0 0 1,15 * sun", "2024-01-13T00:00:00Z", PREV, "2024-01-07T00:00:00Z"},

    /* names, case-insensitive; 2024-07-01 was a Monday */
    {UTC, "0 9 * jan,JUL Mon-fri", "2024-06-30T00:00:00Z", 2,
     "2024-07-01T09:00:00Z 2024-07-02T09:00:00Z"},
    {UTC, "30 8 * * SAT,sun", "2024-01-01T00:00:00Z", 2,
     "2024-01-06T08:30:00Z 2024-01-07T08:30:00Z"},
    {UTC, "0 0 1 Dec *", "2024-01-01T00:00:00Z", 1, "2024-12-01T00:00:00Z"},
    {UTC, "0 0 1 jun-aug *", "2024-01-01T00:00:00Z", 3,
     "2024-06-01T00:00:00Z 2024-07-01T00:00:00Z 2024-08-01T00:00:00Z"},
    /* 0 and 7 are both Sunday; "sun" ending a range means 7 */
    {UTC, "0 0 * * 7", "2024-01-01T00:00:00Z", 1, "2024-01-07T00:00:00Z"},
    {UTC, "0 0 * * 0", "2024-01-01T00:00:00Z", 1, "2024-01-07T00:00:00Z"},
    {UTC, "0 0 * * 5-7", "2024-01-01T00:00:00Z", 4,
     "2024-01-05T00:00:00Z 2024-01-06T00:00:00Z 2024-01-07T00:00:00Z 2024-01-12T00:00:00Z"},
    {UTC, "0 0 * * fri-sun", "2024-01-01T00:00:00Z", 3,
     "2024-01-05T00:00:00Z 2024-01-06T00:00:00Z 2024-01-07T00:00:00Z"},

    /* steps, ranges and lists */
    {UTC, "*/15 * * * *", "2024-01-01T00:07:00Z", 4,
     "2024-01-01T00:15:00Z 2024-01-01T00:30:00Z 2024-01-01T00:45:00Z 2024-01-01T01:00:00Z"},
    {UTC, "10-40/15 * * * *", "2024-01-01T00:00:00Z", 4,
     "2024-01-01T00:10:00Z 2024-01-01T00:25:00Z 2024-01-01T00:40:00Z 2024-01-01T01:10:00Z"},
    {UTC, "0 */6 * * *", "2024-01-01T00:00:00Z", 4,
     "2024-01-01T06:00:00Z 2024-01-01T12:00:00Z 2024-01-01T18:00:00Z 2024-01-02T00:00:00Z"},
    {UTC, "5 0 */10 * *", "2024-01-01T00:05:00Z", 4, /* days 1, 11, 21, 31 */
     "2024-01-11T00:05:00Z 2024-01-21T00:05:00Z 2024-01-31T00:05:00Z 2024-02-01T00:05:00Z"},
    {UTC, "0 9-17/4 * * *", "2024-01-01T00:00:00Z", 4,
     "2024-01-01T09:00:00Z 2024-01-01T13:00:00Z 2024-01-01T17:00:00Z 2024-01-02T09:00:00Z"},
    {UTC, "0 22-23,0-1 * * *", "2024-01-01T12:00:00Z", 5,
     "2024-01-01T22:00:00Z 2024-01-01T23:00:00Z 2024-01-02T00:00:00Z "
     "2024-01-02T01:00:00Z 2024-01-02T22:00:00Z"},
    {UTC, "1,2,3 4 5 6 *", "2024-01-01T00:00:00Z", 4,
     "2024-06-05T04:01:00Z 2024-06-05T04:02:00Z 2024-06-05T04:03:00Z 2025-06-05T04:01:00Z"},
    /* a step beyond the range keeps only the first value (cronie does too) */
    {UTC, "*/100 * * * *", "2024-01-01T00:00:00Z", 2,
     "2024-01-01T01:00:00Z 2024-01-01T02:00:00Z"},
    /* strictly after: a firing at `from` itself is not returned; seconds
     * past the minute are */
    {UTC, "0 6 1 3 *", "2025-03-01T06:00:00Z", 1, "2026-03-01T06:00:00Z"},
    {UTC, "0 6 1 3 *", "2025-03-01T05:59:59Z", 1, "2025-03-01T06:00:00Z"},
    {UTC, "* * * * *", "2024-12-31T23:59:30Z", 2, "2025-01-01T00:00:00Z 2025-01-01T00:01:00Z"},
    /* ... and prev is at or before */
    {UTC, "0 6 1 3 *", "2024-03-01T06:00:00Z", PREV, "2024-03-01T06:00:00Z"},
    {UTC, "0 6 1 3 *", "2024-03-01T05:59:59Z", PREV, "2023-03-01T06:00:00Z"},
    {UTC, "0 6 1 * *", "2025-01-15T00:00:00Z", PREV, "2025-01-01T06:00:00Z"},
    {UTC, "*/15 * * * *", "2024-01-01T00:00:00Z", PREV, "2024-01-01T00:00:00Z"},

    /* @ forms */
    {UTC, "@yearly", "2024-06-01T00:00:00Z", 2, "2025-01-01T00:00:00Z 2026-01-01T00:00:00Z"},
    {UTC, "@annually", "2024-06-01T00:00:00Z", 1, "2025-01-01T00:00:00Z"},
    {UTC, "@monthly", "2024-01-31T12:00:00Z", 2, "2024-02-01T00:00:00Z 2024-03-01T00:00:00Z"},
    {UTC, "@weekly", "2024-01-01T00:00:00Z", 2, /* Sundays */
     "2024-01-07T00:00:00Z 2024-01-14T00:00:00Z"},
    {UTC, "@daily", "2024-02-28T10:00:00Z", 2, "2024-02-29T00:00:00Z 2024-03-01T00:00:00Z"},
    {UTC, "@midnight", "2024-02-28T10:00:00Z", 1, "2024-02-29T00:00:00Z"},
    {UTC, "@hourly", "2024-01-01T00:00:00Z", 2, "2024-01-01T01:00:00Z 2024-01-01T02:00:00Z"},
    {UTC, "  @Yearly ", "2024-06-01T00:00:00Z", 1, "2025-01-01T00:00:00Z"},

    /* Clock changes in local time, with cronie's rules: fixed times skipped
     * by a jump forward run when it ends, repeated ones run once; times
     * with a starred minute or hour run only when they exist, and twice if
     * repeated.  2024-03-31: 02:00 CET becomes 03:00 CEST */
    {CET_LOCAL, "30 2 * * *", "2024-03-30T12:00:00+01:00", 3,
     "2024-03-31T03:00:00+02:00 2024-04-01T02:30:00+02:00 2024-04-02T02:30:00+02:00"},
    {CET_LOCAL, "*/30 * * * *", "2024-03-31T01:00:00+01:00", 3,
     "2024-03-31T01:30:00+01:00 2024-03-31T03:00:00+02:00 2024-03-31T03:30:00+02:00"},
    /* several skipped fixed times run once, when the jump ends */
    {CET_LOCAL, "0,30 2 * * *", "2024-03-31T01:00:00+01:00", 2,
     "2024-03-31T03:00:00+02:00 2024-04-01T02:00:00+02:00"},
    /* 2024-10-27: 03:00 CEST becomes 02:00 CET; 02:00-02:59 happens twice */
    {CET_LOCAL, "30 2 * * *", "2024-10-27T00:00:00+02:00", 2,
     "2024-10-27T02:30:00+02:00 2024-10-28T02:30:00+01:00"},
    {CET_LOCAL, "*/30 2 * * *", "2024-10-27T01:45:00+02:00", 5,
     "2024-10-27T02:00:00+02:00 2024-10-27T02:30:00+02:00 2024-10-27T02:00:00+01:00 "
     "2024-10-27T02:30:00+01:00 2024-10-28T02:00:00+01:00"},
    /* from inside the repeated hour */
    {CET_LOCAL, "*/30 2 * * *", "2024-10-27T02:10:00+01:00", 1, "2024-10-27T02:30:00+01:00"},
    {CET_LOCAL, "0 2 * * *", "2024-10-27T02:10:00+01:00", 1, "2024-10-28T02:00:00+01:00"},
    {CET_LOCAL, "*/30 2 * * *", "2024-10-27T02:10:00+01:00", PREV, "2024-10-27T02:00:00+01:00"},
    {CET_LOCAL, "0 2 * * *", "2024-10-27T02:10:00+01:00", PREV, "2024-10-27T02:00:00+02:00"},
    /* a daily job in local time keeps its wall-clock hour across changes */
    {CET_LOCAL, "0 6 * * *", "2024-03-30T07:00:00+01:00", 2,
     "2024-03-31T06:00:00+02:00 2024-04-01T06:00:00+02:00"},
    {CET_UTC, "0 6 * * *", "2024-03-30T07:00:00Z", 2, "2024-03-31T06:00:00Z 2024-04-01T06:00:00Z"},
};

/* The row's firings, in its zone: the next `count`, space-separated, or
 * the latest; or the error. */
static const char *firings_of(const struct firings *f, ssc_cron_zone zone)
{
    static char out[2048];
    ssc_cron c;
    ssc_error err;
    time_t t = at(f->from);
    size_t used = 0;

    ssc_error_clear(&err);
    out[0] = '\0';
    if (ssc_cron_parse(&c, f->expr, &err) != SSC_OK) {
        snprintf(out, sizeof out, "parse error: %s", err.message);
        return out;
    }
    for (int i = 0; i < (f->count == PREV ? 1 : f->count); i++) {
        char buf[40];
        if ((f->count == PREV ? ssc_cron_prev(&c, zone, t, &t, &err)
                              : ssc_cron_next(&c, zone, t, &t, &err)) != SSC_OK) {
            snprintf(out + used, sizeof out - used, "%serror: %s", i ? " " : "", err.message);
            return out;
        }
        ssc_time_format(t, zone == SSC_CRON_UTC, buf, sizeof buf);
        used += (size_t)snprintf(out + used, sizeof out - used, "%s%s", i ? " " : "", buf);
    }
    return out;
}

static void test_firings(void)
{
    for (size_t i = 0; i < sizeof firings / sizeof *firings; i++) {
        const struct firings *f = &firings[i];
        ssc_cron_zone zone = f->clock == CET_LOCAL ? SSC_CRON_LOCAL : SSC_CRON_UTC;

        set_tz(f->clock == UTC ? "UTC" : CET);
        CHECK_ROW("\"%s\" %s %s", f->expr, f->count == PREV ? "at or before" : "after", f->from);
        CHECK_STR(firings_of(f, zone), f->want);
    }
    CHECK_ROW_END();
    set_tz("UTC");
}

enum match { WHOLE, START };

/* A row: parsing expr fails with this message, whole or its start; the
 * whole message "": it parses. */
static const struct parse_case {
    const char *expr;
    enum match match;
    const char *want;
} parse_cases[] = {
    {"@reboot", START, "@reboot is not a schedule of times"},
    {"@often", START, "\"@often\" is not one of @yearly"},
    /* expressions that never fire */
    {"0 0 30 2 *", WHOLE,
     "day-of-month \"30\" never falls in month \"2\": the expression never fires"},
    {"0 0 31 4,6,9,11 *", WHOLE,
     "day-of-month \"31\" never falls in month \"4,6,9,11\": the expression never fires"},
    {"0 0 30,31 feb *", START, "day-of-month \"30,31\" never falls"},
    {"0 0 31 2,apr *", START, "day-of-month \"31\" never falls"},
    /* a starred day of week still requires the day of month */
    {"0 0 30 2 */1", START, "day-of-month \"30\" never falls"},
    /* possible: Feb 29, the 31st of some month, or any day of week rescues */
    {"0 0 29 2 *", WHOLE, ""},
    {"0 0 31 2,3 *", WHOLE, ""},
    {"0 0 30 2 mon", WHOLE, ""},
    {"60 * * * *", WHOLE, "minute \"60\": 60 is out of range 0-59"},
    {"* 24 * * *", WHOLE, "hour \"24\": 24 is out of range 0-23"},
    {"* * 0 * *", WHOLE, "day-of-month \"0\": 0 is out of range 1-31"},
    {"* * 1,32 * *", WHOLE, "day-of-month \"1,32\": 32 is out of range 1-31"},
    {"* * * 13 *", WHOLE, "month \"13\": 13 is out of range 1-12"},
    {"* * * * 8", WHOLE, "day-of-week \"8\": 8 is out of range 0-7"},
    {"* * * foo *", WHOLE, "month \"foo\": \"foo\" is not a number or a name (like jan or mon)"},
    {"* * * * monday", WHOLE,
     "day-of-week \"monday\": \"monday\" is not a number or a name (like jan or mon)"},
    {"x * * * *", WHOLE, "minute \"x\": \"x\" is not a number"},
    {"5-1 * * * *", WHOLE, "minute \"5-1\": the range \"5-1\" goes backwards"},
    {"*/0 * * * *", START, "minute \"*/0\": the step in \"*/0\" must be"},
    {"5/10 * * * *", START, "minute \"5/10\": a step needs a star or a range"},
    {"1,,2 * * * *", WHOLE, "minute \"1,,2\": an empty item in the list"},
    {"*5 * * * *", WHOLE, "minute \"*5\": unexpected characters in \"*5\""},
    {"* * * * * *", START, "\"* * * * * *\": expected 5 fields"},
    {"* * *", START, "\"* * *\": expected 5 fields"},
    {"", START, "\"\": expected 5 fields"},
};

static void test_parse_errors(void)
{
    for (size_t i = 0; i < sizeof parse_cases / sizeof *parse_cases; i++) {
        const struct parse_case *p = &parse_cases[i];
        CHECK_ROW("parsing \"%s\"", p->expr);
        if (p->match == WHOLE)
            CHECK_STR(parse_error(p->expr), p->want);
        else
            CHECK_PREFIX(parse_error(p->expr), p->want);
    }
    CHECK_ROW_END();
}

#define ANY_ERROR "" /* as an error: fails, whatever the message */

/* A row: with TZ=tz, text is the instant `epoch`, or (error not NULL) is
 * refused with a message starting with error. */
static const struct iso_case {
    const char *tz, *text;
    long long epoch;
    const char *error;
} iso_cases[] = {
    {"UTC", "1970-01-01T00:00:00Z", 0, NULL},
    {"UTC", "2024-03-01T06:00:00Z", 1709272800, NULL},
    {"UTC", "2024-03-01T07:00:00+01:00", 1709272800, NULL},
    {"UTC", "2024-03-01T07:00+0100", 1709272800, NULL},
    {"UTC", "2024-03-01T01:00:00-05", 1709272800, NULL},
    {"UTC", "2024-03-01 06:00:00.250Z", 1709272800, NULL},
    {"UTC", "2024-03-01T06:00", 1709272800, NULL}, /* local, and local is UTC */
    {"UTC", "2024-03-01", 1709251200, NULL},
    {"UTC", "2024-02-30T00:00Z", 0, "\"2024-02-30T00:00Z\" is not an ISO 8601 time"},
    {"UTC", "2024-03-01T0600Z", 0, ANY_ERROR},
    {"UTC", "2024-03-01T06:00:00Zjunk", 0, ANY_ERROR},
    {"UTC", "yesterday", 0, ANY_ERROR},
    {CET, "2024-03-01T07:00:00", 1709272800, NULL},
    /* skipped by the clock */
    {CET, "2024-03-31T02:30", 0, "\"2024-03-31T02:30\" does not exist in the local time zone"},
};

/* A row: 2024-03-01T06:00:00Z formatted in UTC or (utc 0) local time, with TZ=tz. */
static const struct iso_format {
    const char *tz;
    int utc;
    const char *want;
} iso_formats[] = {
    {"UTC", 1, "2024-03-01T06:00:00Z"},
    {"UTC", 0, "2024-03-01T06:00:00Z"}, /* local time is UTC: Z */
    {CET, 0, "2024-03-01T07:00:00+01:00"},
};

static void test_iso_times(void)
{
    for (size_t i = 0; i < sizeof iso_cases / sizeof *iso_cases; i++) {
        const struct iso_case *c = &iso_cases[i];
        ssc_error err;
        time_t t;

        set_tz(c->tz);
        CHECK_ROW("\"%s\" in %s", c->text, c->tz);
        ssc_error_clear(&err);
        if (!c->error) {
            CHECK_INT(at(c->text), c->epoch);
            continue;
        }
        CHECK_INT(ssc_time_parse(c->text, &t, &err), SSC_ERR);
        if (*c->error)
            CHECK_PREFIX(err.message, c->error);
    }
    for (size_t i = 0; i < sizeof iso_formats / sizeof *iso_formats; i++) {
        char buf[40];
        set_tz(iso_formats[i].tz);
        CHECK_ROW("formatting in %s, utc %d", iso_formats[i].tz, iso_formats[i].utc);
        ssc_time_format(1709272800, iso_formats[i].utc, buf, sizeof buf);
        CHECK_STR(buf, iso_formats[i].want);
    }
    CHECK_ROW_END();
    /* repeated by the clock: the first occurrence */
    set_tz(CET);
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
    test_firings();
    test_parse_errors();
    test_next_prev_agree("UTC", SSC_CRON_UTC);
    test_next_prev_agree(CET, SSC_CRON_LOCAL);
    test_iso_times();
    return check_done();
}

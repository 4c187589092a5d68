/* SPDX-License-Identifier: MIT */
/* Fuzz target for cron expressions (engine/schedule/cron.c), as the
 * settings file's jobs give them.  An expression that parses must fire:
 * its next and previous times, in UTC and in a local zone with clock
 * changes, are in order and match the expression; one that does not has
 * a message. */
#include <string.h>
#include <time.h>

#include "fuzz.h"
#include "schedule/cron.h"

/* A zone with clock changes (no tzdata needed): Central European time. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
    return 0;
}

static void fuzz_cron_times(const ssc_cron *c, ssc_cron_zone zone, time_t from)
{
    time_t next = 0, prev = 0;
    ssc_error err;
    int rc;

    ssc_error_clear(&err);
    rc = ssc_cron_next(c, zone, from, &next, &err);
    fuzz_check_status(rc, &err);
    if (rc == SSC_OK) {
        struct tm tm;
        FUZZ_ASSERT(next > from);
        FUZZ_ASSERT(next % 60 == 0);
        if (zone == SSC_CRON_UTC) {
            gmtime_r(&next, &tm);
            ssc_cron_wall w = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                               tm.tm_min};
            FUZZ_ASSERT(ssc_cron_matches(c, &w));
        }
    }
    ssc_error_clear(&err);
    rc = ssc_cron_prev(c, zone, from, &prev, &err);
    fuzz_check_status(rc, &err);
    if (rc == SSC_OK) {
        FUZZ_ASSERT(prev <= from);
        if (zone == SSC_CRON_UTC) {
            struct tm tm;
            gmtime_r(&prev, &tm);
            ssc_cron_wall w = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                               tm.tm_min};
            FUZZ_ASSERT(ssc_cron_matches(c, &w));
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* 2026-03-29 00:30 UTC, just before a clock change; 2024-02-29 */
    static const time_t from[] = {1774744200, 1709164800};
    char *expr;
    ssc_cron c;
    ssc_error err;
    int rc;

    if (size > 4096)
        return 0; /* a job's line, not a file */
    expr = fuzz_string(data, size);
    if (!expr)
        return 0;
    ssc_error_clear(&err);
    rc = ssc_cron_parse(&c, expr, &err);
    fuzz_check_status(rc, &err);
    if (rc == SSC_OK)
        for (size_t i = 0; i < sizeof from / sizeof *from; i++) {
            fuzz_cron_times(&c, SSC_CRON_UTC, from[i]);
            fuzz_cron_times(&c, SSC_CRON_LOCAL, from[i]);
        }
    free(expr);
    return 0;
}

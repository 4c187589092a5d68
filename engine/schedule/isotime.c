/* SPDX-License-Identifier: MIT */
/* ISO 8601 times (see isotime.h). */
#include "schedule/isotime.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "schedule/cron.h"

/* Reads exactly n digits. */
static int isotime_digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 0;
}

/* Local offset east of UTC at t, in seconds. */
static long isotime_offset(time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);
    long long wall = ssc_cron_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) *
                         86400 +
                     tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    return (long)(wall - (long long)t);
}

/* The instant of a local wall time; the earlier one when it occurs twice. */
static int isotime_local(int y, int mo, int d, int h, int mi, int s, time_t *out)
{
    long long want = ssc_cron_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
    int found = 0;

    for (int isdst = -1; isdst <= 1; isdst++) {
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        tm.tm_year = y - 1900;
        tm.tm_mon = mo - 1;
        tm.tm_mday = d;
        tm.tm_hour = h;
        tm.tm_min = mi;
        tm.tm_sec = s;
        tm.tm_isdst = isdst;
        time_t t = mktime(&tm);
        if (t == (time_t)-1 || (long long)t + isotime_offset(t) != want)
            continue;
        if (!found || t < *out)
            *out = t;
        found = 1;
    }
    return found ? 0 : -1;
}

int ssc_time_parse(const char *s, time_t *out, ssc_error *err)
{
    const char *p = s;
    int y, mo, d, h = 0, mi = 0, sec = 0, zone = 0; /* zone: 0 local, 1 given */
    long offset = 0;

    if (isotime_digits(&p, 4, &y) || *p++ != '-' || isotime_digits(&p, 2, &mo) ||
        *p++ != '-' || isotime_digits(&p, 2, &d))
        goto bad;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        if (isotime_digits(&p, 2, &h) || *p++ != ':' || isotime_digits(&p, 2, &mi))
            goto bad;
        if (*p == ':') {
            p++;
            if (isotime_digits(&p, 2, &sec))
                goto bad;
            if (*p == '.' || *p == ',') {
                p++;
                if (!isdigit((unsigned char)*p))
                    goto bad;
                while (isdigit((unsigned char)*p))
                    p++;
            }
        }
        if (*p == 'Z' || *p == 'z') {
            p++;
            zone = 1;
        } else if (*p == '+' || *p == '-') {
            int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
            if (isotime_digits(&p, 2, &oh))
                goto bad;
            if (*p == ':')
                p++;
            if (isdigit((unsigned char)*p) && isotime_digits(&p, 2, &om))
                goto bad;
            if (oh > 23 || om > 59)
                goto bad;
            offset = sign * (oh * 3600L + om * 60L);
            zone = 1;
        }
    }
    if (*p || mo < 1 || mo > 12 || d < 1 || d > ssc_cron_days_in_month(y, mo) || h > 23 ||
        mi > 59 || sec > 60)
        goto bad;
    if (sec == 60)
        sec = 59; /* a leap second: time_t has none */
    if (zone)
        *out = (time_t)(ssc_cron_days_from_civil(y, mo, d) * 86400 + h * 3600LL + mi * 60LL +
                        sec - offset);
    else if (isotime_local(y, mo, d, h, mi, sec, out) != 0)
        return ssc_error_at(err, NULL, 0,
                            "\"%s\" does not exist in the local time zone (the clock skips it)",
                            s);
    /* Found by tests/fuzz/fuzz-isotime.c: 9999-12-31T23:59:59-23:59 is in
     * the year 10000, which ssc_time_format prints with five digits that
     * this parser refuses.  Times a day inside the four-digit years read
     * back in any zone. */
    if ((long long)*out < (ssc_cron_days_from_civil(1, 1, 2)) * 86400 ||
        (long long)*out >= (ssc_cron_days_from_civil(9999, 12, 31)) * 86400)
        return ssc_error_at(err, NULL, 0, "\"%s\" is outside the years 0001 to 9999", s);
    return SSC_OK;
bad:
    return ssc_error_at(err, NULL, 0,
                        "\"%s\" is not an ISO 8601 time like 2025-03-01T06:00:00Z, "
                        "2025-03-01T06:00+01:00 or 2025-03-01 (local time)",
                        s);
}

/* Non-zero when the local zone has offset 0 in January and July of t's year
 * and at t: UTC itself, or a zone that never differs from it that year. */
static int isotime_local_is_utc(time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);
    time_t jan = (time_t)(ssc_cron_days_from_civil(tm.tm_year + 1900, 1, 15) * 86400);
    time_t jul = (time_t)(ssc_cron_days_from_civil(tm.tm_year + 1900, 7, 15) * 86400);
    return isotime_offset(t) == 0 && isotime_offset(jan) == 0 && isotime_offset(jul) == 0;
}

void ssc_time_format(time_t t, int utc, char *buf, size_t len)
{
    struct tm tm;

    if (utc || isotime_local_is_utc(t)) {
        gmtime_r(&t, &tm);
        snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        return;
    }
    long off = isotime_offset(t);
    long a = off < 0 ? -off : off;
    localtime_r(&t, &tm);
    snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
             a / 3600, a / 60 % 60);
}

/* SPDX-License-Identifier: MIT */
/* Cron expressions (see cron.h).  Parsing follows cronie's entry.c grammar
 * (list of ranges, each "*", "N" or "N-M", the last two forms optionally
 * with "/STEP"); matching follows cronie's find_jobs.  The search for the
 * next or previous firing walks wall-clock minutes field by field (month,
 * then day, then hour, then minute), so a yearly expression costs a few
 * dozen steps, not half a million. */
#include "schedule/cron.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Searches give up after this many years (Feb 29 on a given weekday can be
 * decades apart, so this is far beyond any expression that fires at all). */
#define CRON_SEARCH_YEARS 100
/* Clock changes shift wall time by less than this (seconds). */
#define CRON_MAX_SHIFT (3 * 3600)

typedef struct cron_field {
    const char *name; /* for error messages */
    int low, high;
    const char *const *names; /* three-letter names for low, low+1, ... */
} cron_field;

static const char *const cron_month_names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                               "aug", "sep", "oct", "nov", "dec", NULL};
static const char *const cron_day_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", NULL};

static const cron_field cron_fields[5] = {
    {"minute", 0, 59, NULL},
    {"hour", 0, 23, NULL},
    {"day-of-month", 1, 31, NULL},
    {"month", 1, 12, cron_month_names},
    {"day-of-week", 0, 7, cron_day_names},
};

int ssc_cron_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

long long ssc_cron_days_from_civil(int year, int month, int day)
{
    /* count years from March so the leap day is the last day of a year */
    long long y = (long long)year - (month <= 2);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long mp = (month + 9) % 12; /* March is 0 */
    long long doy = (153 * mp + 2) / 5 + day - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468; /* 719468: days from 0000-03-01 to 1970-01-01 */
}

static int cron_weekday(int year, int month, int day)
{
    long long d = ssc_cron_days_from_civil(year, month, day);
    int w = (int)((d + 4) % 7); /* 1970-01-01 was a Thursday */
    return w < 0 ? w + 7 : w;
}

/* --- parsing ------------------------------------------------------------ */

/* One value: digits, or (when the field has names) a three-letter name.
 * Sets *end past it.  range_end: a day name at the end of a range, where
 * "sun" means 7 so "fri-sun" works. */
static int cron_value(const cron_field *f, const char *p, const char **end, int range_end,
                      int *out)
{
    if (isdigit((unsigned char)*p)) {
        long v = 0;
        while (isdigit((unsigned char)*p)) {
            v = v * 10 + (*p++ - '0');
            if (v > 1000000)
                return SSC_ERR;
        }
        *end = p;
        *out = (int)v;
        return SSC_OK;
    }
    if (f->names && isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1]) &&
        isalpha((unsigned char)p[2]) && !isalpha((unsigned char)p[3])) {
        for (int i = 0; f->names[i]; i++)
            if (strncasecmp(f->names[i], p, 3) == 0) {
                *out = f->low + i;
                if (range_end && f->low == 0 && i == 0)
                    *out = 7;
                *end = p + 3;
                return SSC_OK;
            }
    }
    return SSC_ERR;
}

static int cron_bad(ssc_error *err, const cron_field *f, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* "FIELD \"VALUE\": what is wrong" */
static int cron_bad(ssc_error *err, const cron_field *f, const char *field, const char *fmt, ...)
{
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return ssc_error_at(err, NULL, 0, "%s \"%s\": %s", f->name, field, what);
}

/* Parses one item of a list (a star, a number, a range, each but the
 * number with an optional step) into bits. */
static int cron_item(const cron_field *f, const char *field, const char *item, size_t len,
                     uint64_t *bits, ssc_error *err)
{
    const char *p = item, *end = item + len;
    int a, b, step = 1, n = (int)len;

    if (len == 0)
        return cron_bad(err, f, field, "an empty item in the list");
    if (*p == '*') {
        a = f->low;
        b = f->high;
        p++;
    } else {
        if (cron_value(f, p, &p, 0, &a) != SSC_OK)
            return cron_bad(err, f, field, "\"%.*s\" is not a number%s", n, item,
                            f->names ? " or a name (like jan or mon)" : "");
        b = a;
        if (p < end && *p == '-') {
            p++;
            if (p >= end || cron_value(f, p, &p, 1, &b) != SSC_OK)
                return cron_bad(err, f, field, "\"%.*s\" is not a range like 1-5", n, item);
            if (b < a)
                return cron_bad(err, f, field, "the range \"%.*s\" goes backwards", n, item);
        } else if (p < end && *p == '/') {
            /* cronie refuses "5/10" too */
            return cron_bad(err, f, field,
                            "a step needs a star or a range (\"*/10\" or \"5-59/10\"), not "
                            "\"%.*s\"",
                            n, item);
        }
        if (a < f->low || a > f->high || b < f->low || b > f->high)
            return cron_bad(err, f, field, "%.*s is out of range %d-%d", n, item, f->low,
                            f->high);
    }
    if (p < end && *p == '/') {
        const char *s = ++p;
        long v = 0;
        while (p < end && isdigit((unsigned char)*p) && v <= 1000)
            v = v * 10 + (*p++ - '0');
        if (p == s || p < end || v < 1 || v > 1000)
            return cron_bad(err, f, field,
                            "the step in \"%.*s\" must be a whole number from 1 to 1000", n,
                            item);
        step = (int)v;
    }
    if (p != end)
        return cron_bad(err, f, field, "unexpected characters in \"%.*s\"", n, item);
    for (int v = a; v <= b; v += step)
        *bits |= (uint64_t)1 << v;
    return SSC_OK;
}

static int cron_field_parse(const cron_field *f, const char *field, uint64_t *bits,
                            ssc_error *err)
{
    const char *p = field;

    *bits = 0;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (cron_item(f, field, p, len, bits, err) != SSC_OK)
            return SSC_ERR;
        if (!comma)
            return SSC_OK;
        p = comma + 1;
    }
}

static int cron_at_form(ssc_cron *c, const char *word, ssc_error *err)
{
    const uint32_t all_days = 0xFFFFFFFEu, all_months = 0x1FFE, all_dows = 0x7F;

    memset(c, 0, sizeof *c);
    c->minute = 1;
    c->hour = 1;
    c->dom = all_days;
    c->month = all_months;
    c->dow = all_dows;
    if (!strcasecmp(word, "@yearly") || !strcasecmp(word, "@annually")) {
        c->dom = 1u << 1;
        c->month = 1u << 1;
        c->flags = SSC_CRON_DOW_STAR;
    } else if (!strcasecmp(word, "@monthly")) {
        c->dom = 1u << 1;
        c->flags = SSC_CRON_DOW_STAR;
    } else if (!strcasecmp(word, "@weekly")) {
        c->dow = 1u << 0;
        c->flags = SSC_CRON_DOW_STAR;
    } else if (!strcasecmp(word, "@daily") || !strcasecmp(word, "@midnight")) {
        c->flags = 0;
    } else if (!strcasecmp(word, "@hourly")) {
        c->hour = 0xFFFFFF;
        c->flags = SSC_CRON_WILD;
    } else if (!strcasecmp(word, "@reboot")) {
        return ssc_error_at(err, NULL, 0,
                            "@reboot is not a schedule of times; use a 5-field expression or "
                            "@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly");
    } else {
        return ssc_error_at(err, NULL, 0,
                            "\"%s\" is not one of @yearly, @annually, @monthly, @weekly, @daily, "
                            "@midnight, @hourly",
                            word);
    }
    return SSC_OK;
}

/* Rejects expressions that never fire: when the days must match both day
 * fields, some allowed day of month must exist in some allowed month.  (When
 * either day field may match, every month has every weekday.) */
static int cron_check_possible(const ssc_cron *c, const char *dom, const char *month,
                               ssc_error *err)
{
    if (!(c->flags & (SSC_CRON_DOM_STAR | SSC_CRON_DOW_STAR)))
        return SSC_OK;
    for (int m = 1; m <= 12; m++) {
        if (!(c->month >> m & 1))
            continue;
        for (int d = 1; d <= ssc_cron_days_in_month(2000, m); d++) /* 2000: Feb 29 exists */
            if (c->dom >> d & 1)
                return SSC_OK;
    }
    return ssc_error_at(err, NULL, 0,
                        "day-of-month \"%s\" never falls in month \"%s\": the expression "
                        "never fires",
                        dom, month);
}

int ssc_cron_parse(ssc_cron *c, const char *expr, ssc_error *err)
{
    char buf[512];
    char *fields[6];
    int n = 0;
    uint64_t bits[5];

    memset(c, 0, sizeof *c);
    if (strlen(expr) >= sizeof buf)
        return ssc_error_at(err, NULL, 0, "the expression is too long");
    strcpy(buf, expr);
    for (char *p = buf; *p;) {
        while (*p && isspace((unsigned char)*p))
            *p++ = '\0';
        if (!*p)
            break;
        if (n == 6)
            break;
        fields[n++] = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
    }
    if (n == 1 && fields[0][0] == '@')
        return cron_at_form(c, fields[0], err);
    if (n != 5)
        return ssc_error_at(err, NULL, 0,
                            "\"%s\": expected 5 fields (minute hour day-of-month month "
                            "day-of-week) or an @ form like @daily, found %s%d",
                            expr, n == 6 ? "more than " : "", n == 6 ? 5 : n);
    for (int i = 0; i < 5; i++)
        if (cron_field_parse(&cron_fields[i], fields[i], &bits[i], err) != SSC_OK)
            return SSC_ERR;
    c->minute = bits[0];
    c->hour = (uint32_t)bits[1];
    c->dom = (uint32_t)bits[2];
    c->month = (uint32_t)bits[3];
    c->dow = (uint32_t)bits[4];
    if (c->dow >> 7 & 1) /* 0 and 7 are both Sunday */
        c->dow = (c->dow | 1) & 0x7F;
    if (fields[0][0] == '*' || fields[1][0] == '*')
        c->flags |= SSC_CRON_WILD;
    if (fields[2][0] == '*')
        c->flags |= SSC_CRON_DOM_STAR;
    if (fields[4][0] == '*')
        c->flags |= SSC_CRON_DOW_STAR;
    return cron_check_possible(c, fields[2], fields[3], err);
}

/* --- matching and wall-clock search -------------------------------------- */

static int cron_day_ok(const ssc_cron *c, int year, int month, int day)
{
    int dom = (int)(c->dom >> day & 1);
    int dow = (int)(c->dow >> cron_weekday(year, month, day) & 1);
    if (c->flags & (SSC_CRON_DOM_STAR | SSC_CRON_DOW_STAR))
        return dom && dow;
    return dom || dow;
}

int ssc_cron_matches(const ssc_cron *c, const ssc_cron_wall *w)
{
    return (c->minute >> w->minute & 1) && (c->hour >> w->hour & 1) &&
           (c->month >> w->month & 1) && cron_day_ok(c, w->year, w->month, w->day);
}

static void cron_wall_next_day(ssc_cron_wall *w)
{
    w->hour = 0;
    w->minute = 0;
    if (++w->day > ssc_cron_days_in_month(w->year, w->month)) {
        w->day = 1;
        if (++w->month > 12) {
            w->month = 1;
            w->year++;
        }
    }
}

static void cron_wall_prev_day(ssc_cron_wall *w)
{
    w->hour = 23;
    w->minute = 59;
    if (--w->day < 1) {
        if (--w->month < 1) {
            w->month = 12;
            w->year--;
        }
        w->day = ssc_cron_days_in_month(w->year, w->month);
    }
}

/* Moves w forward to the first matching minute at or after it; 0 when there
 * is none before limit_year. */
static int cron_wall_forward(const ssc_cron *c, ssc_cron_wall *w, int limit_year)
{
    while (w->year <= limit_year) {
        if (!(c->month >> w->month & 1)) {
            w->day = ssc_cron_days_in_month(w->year, w->month);
            cron_wall_next_day(w);
        } else if (!cron_day_ok(c, w->year, w->month, w->day)) {
            cron_wall_next_day(w);
        } else if (!(c->hour >> w->hour & 1)) {
            w->minute = 0;
            if (++w->hour > 23)
                cron_wall_next_day(w);
        } else if (!(c->minute >> w->minute & 1)) {
            if (++w->minute > 59) {
                w->minute = 0;
                if (++w->hour > 23)
                    cron_wall_next_day(w);
            }
        } else {
            return 1;
        }
    }
    return 0;
}

/* Moves w back to the last matching minute at or before it. */
static int cron_wall_backward(const ssc_cron *c, ssc_cron_wall *w, int limit_year)
{
    while (w->year >= limit_year) {
        if (!(c->month >> w->month & 1)) {
            w->day = 1;
            cron_wall_prev_day(w);
        } else if (!cron_day_ok(c, w->year, w->month, w->day)) {
            cron_wall_prev_day(w);
        } else if (!(c->hour >> w->hour & 1)) {
            w->minute = 59;
            if (--w->hour < 0)
                cron_wall_prev_day(w);
        } else if (!(c->minute >> w->minute & 1)) {
            if (--w->minute < 0) {
                w->minute = 59;
                if (--w->hour < 0)
                    cron_wall_prev_day(w);
            }
        } else {
            return 1;
        }
    }
    return 0;
}

static void cron_wall_step(ssc_cron_wall *w, int forward)
{
    if (forward) {
        if (++w->minute > 59) {
            w->minute = 0;
            if (++w->hour > 23)
                cron_wall_next_day(w);
        }
    } else if (--w->minute < 0) {
        w->minute = 59;
        if (--w->hour < 0)
            cron_wall_prev_day(w);
    }
}

/* --- wall clock <-> instants ---------------------------------------------- */

static long long cron_wall_seconds(int y, int mo, int d, int h, int mi, int s)
{
    return ssc_cron_days_from_civil(y, mo, d) * 86400 + h * 3600LL + mi * 60LL + s;
}

static void cron_to_wall(time_t t, ssc_cron_zone zone, ssc_cron_wall *w)
{
    struct tm tm;
    if (zone == SSC_CRON_UTC)
        gmtime_r(&t, &tm);
    else
        localtime_r(&t, &tm);
    w->year = tm.tm_year + 1900;
    w->month = tm.tm_mon + 1;
    w->day = tm.tm_mday;
    w->hour = tm.tm_hour;
    w->minute = tm.tm_min;
}

/* Local wall time of t as seconds on a uniform scale. */
static long long cron_local_seconds(time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);
    return cron_wall_seconds(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                             tm.tm_sec);
}

/* The first instant whose local wall time is later than want, near guess:
 * the end of a gap made by a clock jumping forward. */
static time_t cron_gap_end(long long want, time_t guess)
{
    time_t lo = guess - 2 * 86400, hi = guess + 2 * 86400;
    while (hi - lo > 1) {
        time_t mid = lo + (hi - lo) / 2;
        if (cron_local_seconds(mid) > want)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* The instants (0, 1 or 2, ascending) at which the matching wall minute w
 * fires; see cron.h for the clock-change rules. */
static int cron_instants(const ssc_cron *c, ssc_cron_zone zone, const ssc_cron_wall *w,
                         time_t out[2])
{
    long long want = cron_wall_seconds(w->year, w->month, w->day, w->hour, w->minute, 0);
    time_t guess = (time_t)-1;
    int n = 0;

    if (zone == SSC_CRON_UTC) {
        out[0] = (time_t)want;
        return 1;
    }
    /* a wall time that occurs twice is found with one DST flag or the other */
    for (int isdst = -1; isdst <= 1; isdst++) {
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        tm.tm_year = w->year - 1900;
        tm.tm_mon = w->month - 1;
        tm.tm_mday = w->day;
        tm.tm_hour = w->hour;
        tm.tm_min = w->minute;
        tm.tm_isdst = isdst;
        time_t t = mktime(&tm);
        if (t == (time_t)-1)
            continue;
        if (guess == (time_t)-1)
            guess = t;
        if (cron_local_seconds(t) != want)
            continue; /* mktime moved it: not this wall time under that flag */
        if (n == 0) {
            out[n++] = t;
        } else if (t < out[0]) {
            out[1] = n == 1 ? out[0] : out[1];
            out[0] = t;
            n = 2;
        } else if (t > out[n - 1]) {
            out[1] = t;
            n = 2;
        }
    }
    if (n == 0) {
        /* skipped by a jump forward: fixed times run when the jump ends */
        if (c->flags & SSC_CRON_WILD || guess == (time_t)-1)
            return 0;
        out[0] = cron_gap_end(want, guess);
        return 1;
    }
    if (n == 2 && !(c->flags & SSC_CRON_WILD))
        n = 1; /* repeated by a jump back: fixed times run once */
    return n;
}

/* Offsets differ within CRON_MAX_SHIFT of t: a clock change is near. */
static int cron_change_near(time_t t)
{
    time_t a = t - CRON_MAX_SHIFT, b = t + CRON_MAX_SHIFT;
    return cron_local_seconds(a) - (long long)a != cron_local_seconds(b) - (long long)b;
}

int ssc_cron_next(const ssc_cron *c, ssc_cron_zone zone, time_t after, time_t *out,
                  ssc_error *err)
{
    ssc_cron_wall w;
    time_t best = 0;
    int found = 0;

    /* near a clock change, a wall time a little before wall(after) can
     * still fire after it (its second occurrence, or the end of a gap) */
    cron_to_wall(zone == SSC_CRON_LOCAL && cron_change_near(after) ? after - CRON_MAX_SHIFT
                                                                    : after,
                 zone, &w);
    int limit = w.year + CRON_SEARCH_YEARS;
    while (cron_wall_forward(c, &w, limit)) {
        time_t t[2];
        int n = cron_instants(c, zone, &w, t);
        /* instants grow with wall time within each occurrence, so once a
         * wall time's earliest instant is past the best, nothing later wins */
        if (found && n > 0 && t[0] > best)
            break;
        for (int i = 0; i < n; i++)
            if (t[i] > after && (!found || t[i] < best)) {
                best = t[i];
                found = 1;
            }
        cron_wall_step(&w, 1);
    }
    if (!found)
        return ssc_error_at(err, NULL, 0, "the expression does not fire in %d years",
                            CRON_SEARCH_YEARS);
    *out = best;
    return SSC_OK;
}

int ssc_cron_prev(const ssc_cron *c, ssc_cron_zone zone, time_t at, time_t *out, ssc_error *err)
{
    ssc_cron_wall w;
    time_t best = 0;
    int found = 0;

    cron_to_wall(zone == SSC_CRON_LOCAL && cron_change_near(at) ? at + CRON_MAX_SHIFT : at, zone,
                 &w);
    int limit = w.year - CRON_SEARCH_YEARS;
    while (cron_wall_backward(c, &w, limit)) {
        time_t t[2];
        int n = cron_instants(c, zone, &w, t);
        if (found && n > 0 && t[n - 1] < best)
            break;
        for (int i = 0; i < n; i++)
            if (t[i] <= at && (!found || t[i] > best)) {
                best = t[i];
                found = 1;
            }
        cron_wall_step(&w, 0);
    }
    if (!found)
        return ssc_error_at(err, NULL, 0, "the expression did not fire in the previous %d years",
                            CRON_SEARCH_YEARS);
    *out = best;
    return SSC_OK;
}

/* SPDX-License-Identifier: MIT */
/* The reporting period (see period.h).  Dates are compared as day numbers
 * so that a period of any length has a well-defined one before it. */
#include "report/period.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "data/csv.h"

/* Days since 1970-01-01 in the proleptic Gregorian calendar (the usual
 * era-based formula), so differences of dates are exact. */
static long period_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static ssc_date period_civil(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    ssc_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

static long period_day_of(ssc_date d)
{
    return period_days(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

/* The year when from..to is exactly one calendar year, else 0. */
static int period_whole_year(const ssc_period *p)
{
    return p->from.year == p->to.year && p->from.month == 1 && p->from.day == 1 &&
                   p->to.month == 12 && p->to.day == 31
               ? p->from.year
               : 0;
}

ssc_period ssc_period_year(int y)
{
    ssc_period p = {{y, 1, 1}, {y, 12, 31}, y};
    return p;
}

ssc_period ssc_period_previous(const ssc_period *p)
{
    ssc_period q;
    long from = period_day_of(p->from), to = period_day_of(p->to);

    if (p->from.day == 1 && p->to.day == ssc_csv_days_in_month(p->to.year, p->to.month)) {
        /* whole months: as many months before, so a year follows a year */
        int months = (p->to.year * 12 + p->to.month) - (p->from.year * 12 + p->from.month) + 1;
        int first = p->from.year * 12 + (p->from.month - 1) - months;
        q.from = (ssc_date){first / 12, first % 12 + 1, 1};
        q.to = period_civil(from - 1);
    } else {
        q.to = period_civil(from - 1);
        q.from = period_civil(from - (to - from + 1));
    }
    q.year = period_whole_year(&q);
    return q;
}

/* d (a month or day of 0 read as 1) as the number yyyymmdd when it is a
 * day of the calendar, else -1: for such days the order of the numbers is
 * the order of the days (any year: m * 100 + d < 10000).  Without a call
 * or a division for the usual days: the bits of 0x15AA are the months of
 * 31 days.  Inline, and on plain ints, as plugins call ssc_period_where
 * per project and per period (a million rows, a few calls each). */
static inline long period_calendar_key(int y, int m, int d)
{
    m = m ? m : 1;
    if (m < 1 || m > 12 || d < 0)
        return -1;
    if (d > 28) {
        int ok = m != 2 ? d <= 30 || (d == 31 && (0x15AA >> m) & 1)
                        : d == 29 && ssc_csv_days_in_month(y, 2) == 29;
        if (!ok)
            return -1;
    }
    return y * 10000L + m * 100L + (d ? d : 1);
}

_Static_assert(offsetof(ssc_date, month) == sizeof(int), "ssc_date: year, then month");

int ssc_period_where(const ssc_period *p, ssc_date d)
{
    /* year and month as one copy: read field by field, gcc stored d and
     * loaded the month back from the upper half of that store, which the
     * processor does not forward (a quarter of this function's samples) */
    int year_month[2];
    memcpy(year_month, &d, sizeof year_month);
    if (!p || year_month[0] == 0)
        return -2;
    /* comparing yyyymmdd numbers spares the three day-number divisions,
     * and gives the same answer for real dates, which every source's are
     * (the day numbers decide otherwise) */
    long key = period_calendar_key(year_month[0], year_month[1], d.day);
    long from = period_calendar_key(p->from.year, p->from.month, p->from.day);
    long to = period_calendar_key(p->to.year, p->to.month, p->to.day);
    if (key >= 0 && from >= 0 && to >= 0)
        return key < from ? -1 : key > to ? 1 : 0;
    long day = period_day_of(d);
    if (day < period_day_of(p->from))
        return -1;
    return day > period_day_of(p->to) ? 1 : 0;
}

void ssc_period_text(const ssc_period *p, const char *lang, char *buf, size_t len)
{
    if (p->year)
        snprintf(buf, len, "%d", p->year);
    else if (strcmp(lang, "zh") == 0)
        snprintf(buf, len, "%d\u5e74%d\u6708%d\u65e5\u2014%d\u5e74%d\u6708%d\u65e5", p->from.year,
                 p->from.month, p->from.day, p->to.year, p->to.month, p->to.day);
    else
        snprintf(buf, len, "%04d-%02d-%02d \u2013 %04d-%02d-%02d", p->from.year, p->from.month,
                 p->from.day, p->to.year, p->to.month, p->to.day);
}

int ssc_period_span(ssc_date from, ssc_date to, ssc_period *out)
{
    if (period_day_of(to) < period_day_of(from))
        return SSC_ERR;
    out->from = from;
    out->to = to;
    out->year = period_whole_year(out);
    return SSC_OK;
}

/* SPDX-License-Identifier: MIT */
/* The reporting period (engine/report/period.c): where a date falls
 * (ssc_period_where), the period before one, and a year's span.  Every
 * expected answer is worked out by hand from the calendar; a date that is
 * no day of the calendar (30 February) is placed by its day number, as if
 * the days ran on (30 February 2023 is 2 March). */
#include <stdio.h>
#include <string.h>

#include "../check.h"
#include "report/period.h"

#define D(y, m, d) ((ssc_date){(y), (m), (d)})

static const struct where_case {
    ssc_date from, to, d;
    int want;
} where_cases[] = {
    /* the year 2024 */
    {D(2024, 1, 1), D(2024, 12, 31), D(2024, 6, 15), 0},
    {D(2024, 1, 1), D(2024, 12, 31), D(2024, 1, 1), 0},    /* first day */
    {D(2024, 1, 1), D(2024, 12, 31), D(2024, 12, 31), 0},  /* last day */
    {D(2024, 1, 1), D(2024, 12, 31), D(2023, 12, 31), -1}, /* the day before */
    {D(2024, 1, 1), D(2024, 12, 31), D(2025, 1, 1), 1},    /* the day after */
    {D(2024, 1, 1), D(2024, 12, 31), D(2024, 2, 29), 0},   /* a leap day */
    /* a year or a month alone is its first day */
    {D(2024, 1, 1), D(2024, 12, 31), D(2024, 0, 0), 0},
    {D(2024, 1, 1), D(2024, 12, 31), D(2023, 0, 0), -1},
    {D(2024, 7, 1), D(2024, 12, 31), D(2024, 0, 0), -1},   /* 1 January is before July */
    {D(2024, 7, 1), D(2024, 12, 31), D(2024, 7, 0), 0},
    {D(2024, 7, 1), D(2024, 12, 31), D(2024, 6, 0), -1},
    /* months of 31 days and of 30 */
    {D(2024, 8, 1), D(2024, 8, 31), D(2024, 8, 31), 0},
    {D(2024, 9, 1), D(2024, 9, 30), D(2024, 10, 1), 1},
    {D(2024, 1, 31), D(2024, 3, 31), D(2024, 1, 30), -1},
    /* no day of the calendar: placed by the day numbers */
    {D(2023, 3, 1), D(2023, 3, 31), D(2023, 2, 29), 0},    /* = 1 March 2023 */
    {D(2023, 3, 2), D(2023, 3, 31), D(2023, 2, 29), -1},
    {D(2023, 3, 2), D(2023, 3, 31), D(2023, 2, 30), 0},    /* = 2 March */
    {D(2024, 1, 1), D(2024, 4, 30), D(2024, 4, 31), 1},    /* = 1 May */
    {D(2024, 1, 1), D(2024, 5, 1), D(2024, 4, 31), 0},
    {D(2024, 3, 1), D(2024, 3, 31), D(2024, 2, 30), 0},    /* 2024 is leap: = 1 March */
    {D(2024, 3, 2), D(2024, 3, 31), D(2024, 2, 30), -1},
    /* a period whose own end is no day (31 April = 1 May) */
    {D(2024, 4, 1), D(2024, 4, 31), D(2024, 5, 1), 0},
    {D(2024, 4, 1), D(2024, 4, 31), D(2024, 5, 2), 1},
    /* no date */
    {D(2024, 1, 1), D(2024, 12, 31), D(0, 0, 0), -2},
    {D(2024, 1, 1), D(2024, 12, 31), D(0, 5, 5), -2},
};

static void test_where(void)
{
    for (size_t i = 0; i < sizeof where_cases / sizeof *where_cases; i++) {
        const struct where_case *c = &where_cases[i];
        ssc_period p = {c->from, c->to, 0};
        CHECK_ROW("%d-%d-%d in %d-%d-%d .. %d-%d-%d", c->d.year, c->d.month, c->d.day,
                  c->from.year, c->from.month, c->from.day, c->to.year, c->to.month, c->to.day);
        CHECK_INT(ssc_period_where(&p, c->d), c->want);
    }
    CHECK_ROW_END();
    CHECK_INT(ssc_period_where(NULL, D(2024, 1, 1)), -2);
}

static void test_year_and_before(void)
{
    ssc_period y = ssc_period_year(2024), b = ssc_period_previous(&y), s;

    CHECK_INT(y.year, 2024);
    CHECK_INT(b.year, 2023);
    CHECK_INT(b.from.month, 1);
    CHECK_INT(b.to.day, 31);
    /* 1 April .. 30 June 2024, three whole months: January .. March */
    CHECK_INT(ssc_period_span(D(2024, 4, 1), D(2024, 6, 30), &s), SSC_OK);
    CHECK_INT(s.year, 0);
    b = ssc_period_previous(&s);
    CHECK(b.from.year == 2024 && b.from.month == 1 && b.from.day == 1);
    CHECK(b.to.year == 2024 && b.to.month == 3 && b.to.day == 31);
    /* 10 .. 19 March 2024, ten days: 29 February .. 9 March */
    CHECK_INT(ssc_period_span(D(2024, 3, 10), D(2024, 3, 19), &s), SSC_OK);
    b = ssc_period_previous(&s);
    CHECK(b.from.year == 2024 && b.from.month == 2 && b.from.day == 29);
    CHECK(b.to.year == 2024 && b.to.month == 3 && b.to.day == 9);
    CHECK_INT(ssc_period_span(D(2024, 3, 19), D(2024, 3, 10), &s), SSC_ERR);
}

int main(void)
{
    test_where();
    test_year_and_before();
    return check_done();
}

/* SPDX-License-Identifier: MIT */
/* Cron expressions with the semantics of cronie (Linux's cron): five fields
 * (minute, hour, day of month, month, day of week) or an @ form, and the
 * times they fire, in UTC or in the process's local time zone.
 *
 * The day-of-month/day-of-week rule: when neither field starts with '*', a
 * day matches if either field matches; when either starts with '*' (a star
 * or a step over a star), both must match.  Expressions that can never fire
 * (0 0 30 2 *) are rejected by ssc_cron_parse.
 *
 * Local time follows cronie around clock changes: a time skipped by a jump
 * forward runs at the first instant after the jump when the expression's
 * minute and hour fields are both fixed, and not at all when either starts
 * with '*'; a time repeated by a jump backward runs once (at its first
 * occurrence) when fixed, and at both occurrences when either starts with
 * '*'.  Clock changes are assumed to shift the clock by less than three
 * hours and to be at least two days apart, as all real ones are. */
#ifndef SSC_CRON_H
#define SSC_CRON_H

#include <stdint.h>
#include <time.h>

#include "error.h"

enum {
    SSC_CRON_DOM_STAR = 1, /* the day-of-month field starts with '*' */
    SSC_CRON_DOW_STAR = 2, /* the day-of-week field starts with '*' */
    SSC_CRON_WILD = 4      /* the minute or hour field starts with '*' */
};

typedef struct ssc_cron {
    uint64_t minute; /* bit n: minute n, 0-59 */
    uint32_t hour;   /* 0-23 */
    uint32_t dom;    /* bit n: day n of the month, 1-31 */
    uint32_t month;  /* bit n: month n, 1-12 */
    uint32_t dow;    /* bit n: weekday n, 0-6 with Sunday 0 (7 folded into 0) */
    unsigned flags;
} ssc_cron;

typedef enum ssc_cron_zone {
    SSC_CRON_LOCAL, /* the process's time zone (TZ) */
    SSC_CRON_UTC
} ssc_cron_zone;

/* A wall-clock minute in some zone; month 1-12, day 1-31. */
typedef struct ssc_cron_wall {
    int year, month, day, hour, minute;
} ssc_cron_wall;

/* Parses expr.  On failure err names the field and the value, e.g.
 * `day-of-month "32": out of range 1-31` (no file: callers add theirs). */
int ssc_cron_parse(ssc_cron *c, const char *expr, ssc_error *err);

/* Non-zero when the expression fires at this wall-clock minute (day must be
 * a real date). */
int ssc_cron_matches(const ssc_cron *c, const ssc_cron_wall *w);

/* The first firing time strictly after `after`. */
int ssc_cron_next(const ssc_cron *c, ssc_cron_zone zone, time_t after, time_t *out,
                  ssc_error *err);
/* The last firing time at or before `at`; SSC_ERR with err set when there is
 * none in the previous 100 years. */
int ssc_cron_prev(const ssc_cron *c, ssc_cron_zone zone, time_t at, time_t *out,
                  ssc_error *err);

/* Calendar helpers shared with the time parser. */
int ssc_cron_days_in_month(int year, int month);
/* Days since 1970-01-01 of a proleptic Gregorian date. */
long long ssc_cron_days_from_civil(int year, int month, int day);

#endif

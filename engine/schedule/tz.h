/* SPDX-License-Identifier: MIT */
/* Named (IANA) time zones for jobs: `timezone = "Europe/Berlin"`.  The C
 * library computes local time in the zone TZ names, so a job's times are
 * computed between ssc_tz_enter and ssc_tz_leave, which set TZ to the
 * job's zone and put the previous value back.  The scheduler is one
 * thread, so the switch cannot be seen half-way. */
#ifndef SSC_TZ_H
#define SSC_TZ_H

#include "error.h"

/* SSC_OK when name is a zone of the system's time zone database
 * ($TZDIR, else /usr/share/zoneinfo): a relative path of letters, digits,
 * '_', '-', '+' and '/' naming a TZif file.  err says why not. */
int ssc_tz_check(const char *name, ssc_error *err);

typedef struct ssc_tz_saved {
    char *old; /* TZ before, or NULL when it was not set */
    int changed;
} ssc_tz_saved;

/* Makes name the local zone (NULL: no change) until ssc_tz_leave. */
void ssc_tz_enter(const char *name, ssc_tz_saved *s);
void ssc_tz_leave(ssc_tz_saved *s);

#endif

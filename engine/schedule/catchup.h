/* SPDX-License-Identifier: MIT */
/* Which due times of a job to run now, from its schedule, its catch-up
 * policy and its state.  The due times considered are those after the last
 * one dealt with, up to now; a job with no state considers only its latest
 * due time, so a new job never replays history.  Then:
 *   once  runs the latest and skips the rest;
 *   skip  runs the latest only if now is at most `grace` seconds after it,
 *         and skips everything else;
 *   all   runs every one, oldest first, except those more than max_age
 *         seconds before now (when max_age > 0), which are skipped. */
#ifndef SSC_CATCHUP_H
#define SSC_CATCHUP_H

#include <stddef.h>
#include <time.h>

#include "error.h"
#include "schedule/jobs.h"
#include "schedule/statefile.h"

typedef struct ssc_catchup {
    time_t *runs; /* due times to run, oldest first */
    size_t n_runs;
    size_t n_skipped;     /* due times passed over, counted up to a cap */
    int skipped_more;     /* the count reached the cap */
    time_t first_skipped; /* when n_skipped > 0 */
    time_t last_skipped;
    size_t n_capped;      /* of those, dropped by the cap on runs in one pass */
} ssc_catchup;

/* catch_up "all" runs at most this many missed times in one pass. */
#define SSC_CATCHUP_RUNS_CAP 1000

int ssc_catchup_plan(const ssc_job *job, const ssc_job_state *st, time_t now, ssc_catchup *plan,
                     ssc_error *err);
void ssc_catchup_free(ssc_catchup *plan);
/* Why the plan's skipped due times were skipped, for the log: "catch_up
 * once", "catch_up skip", "catch_up all, older than max_age", "catch_up
 * all runs at most the 1000 most recent missed runs", or both of the last. */
void ssc_catchup_why(const ssc_job *job, const ssc_catchup *plan, char *buf, size_t len);

#endif

/* SPDX-License-Identifier: MIT */
/* Running due jobs: for each job, under its lock, plan the due times to run
 * (catchup.h), render each in a child process under the job's timeout,
 * record the outcome in the job's state and the run log, and remove
 * outputs beyond `keep`.  A job that fails, crashes or hangs fails alone. */
#ifndef SSC_RUNNER_H
#define SSC_RUNNER_H

#include <time.h>

#include "schedule/jobs.h"

/* Blocks SIGTERM, SIGINT and SIGHUP outside the runner's waits and notes
 * them; call once, before the first pass. */
int ssc_runner_signals_init(ssc_error *err);
/* Non-zero once SIGTERM or SIGINT arrived (its number). */
int ssc_runner_stop_signal(void);
/* Non-zero if SIGHUP arrived since the last call. */
int ssc_runner_take_hup(void);
/* Sleeps for up to seconds, returning early when a signal arrives. */
void ssc_runner_sleep(double seconds);

/* Runs what is due at now for every job.  *failed: jobs with a failed run
 * or an error.  A stop signal kills a render in progress (whose temporary
 * file is removed) and ends the pass early. */
void ssc_runner_pass(const ssc_jobs *jobs, time_t now, int *failed);

/* The job's next due time strictly after now. */
int ssc_runner_next_due(const ssc_job *job, time_t now, time_t *next, ssc_error *err);

#endif

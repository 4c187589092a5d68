/* SPDX-License-Identifier: MIT */
/* What the runner records of each run: the job's state (written before a
 * render starts, so a state folder that cannot be written stops the run
 * instead of letting every pass render it again, and after it ends), the
 * run log line, the messages, pruning beyond `keep`, and the on_failure
 * and on_success commands. */
#ifndef SSC_RUNRECORD_H
#define SSC_RUNRECORD_H

#include <sys/types.h>
#include <time.h>

#include "schedule/catchup.h"
#include "schedule/jobs.h"
#include "schedule/statefile.h"

/* The commands started and not yet waited for. */
typedef struct ssc_hooks {
    pid_t *pids;
    size_t n;
} ssc_hooks;

/* Waits for ended commands; with wait > 0, for all of them, killing those
 * still running after wait seconds. */
void ssc_hooks_reap(ssc_hooks *h, double wait);

typedef struct ssc_run_end {
    time_t due, start, end;
    long attempt;
    int manual;          /* `run JOB`: the schedule's due times are not touched */
    double render;       /* seconds the render took */
    const char *outcome; /* ok, failed, timeout, crashed, interrupted */
    const char *message; /* what went wrong, first line the error ("" if ok) */
    int exit_status;     /* the render's (128 + N: killed by signal N); -1: none */
    const char *output;  /* the report, or NULL when none was attempted */
    int final;           /* no retry follows: the due time is dealt with */
    const double *phases; /* the render's phases (SSC_PHASE_DONE of them), or NULL */
} ssc_run_end;

/* Records that a run starts: SSC_ERR (why filled) when the state cannot be
 * written, and then the run must not start. */
int ssc_record_begin(const ssc_jobs *jobs, const ssc_job *job, time_t due, time_t now,
                     ssc_job_state *st, const char *state_path, char *why, size_t len);
/* Records a run that ended; returns non-zero when it counts as failed
 * (also an ok render whose state could not be written). */
int ssc_record_end(const ssc_jobs *jobs, const ssc_job *job, const ssc_run_end *e,
                   ssc_job_state *st, const char *state_path, ssc_hooks *hooks);
/* The due times a plan passes over; non-zero when recording failed. */
int ssc_record_skipped(const ssc_jobs *jobs, const ssc_job *job, const ssc_catchup *plan,
                       ssc_job_state *st, const char *state_path, time_t now);
/* catch_up "skip": a due time whose run could only start `late` seconds
 * after it, more than grace. */
int ssc_record_late(const ssc_jobs *jobs, const ssc_job *job, time_t due, time_t now, long late,
                    ssc_job_state *st, const char *state_path);
/* A job that could not start (lock, state): a log line. */
void ssc_record_blocked(const ssc_jobs *jobs, const ssc_job *job, time_t now, const char *msg);
/* The state says "running" but its lock was free: the process running it
 * ended (a killed daemon).  Logged as interrupted; catch-up redoes it. */
int ssc_record_recover(const ssc_jobs *jobs, const ssc_job *job, ssc_job_state *st,
                       const char *state_path, time_t now);

#endif

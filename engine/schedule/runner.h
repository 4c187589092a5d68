/* SPDX-License-Identifier: MIT */
/* Running due jobs: for each job, under its lock, plan the due times to run
 * (catchup.h), render each in a child process under the job's timeout,
 * record the outcome in the job's state and the run log, and remove
 * outputs beyond `keep`.  Up to max_parallel renders run at once, each job
 * one at a time; a job that fails, crashes or hangs fails alone, and holds
 * no other job up.  Failed runs are tried again (retries), and on_failure
 * and on_success commands are started after a run (runhook.h). */
#ifndef SSC_RUNNER_H
#define SSC_RUNNER_H

#include <time.h>

#include "schedule/jobs.h"

/* Exit statuses of run-due and run (docs/scheduling.md). */
enum {
    SSC_RUN_EXIT_OK = 0,       /* every run that was due succeeded */
    SSC_RUN_EXIT_FAILED = 1,   /* a run failed (its report was not written) */
    SSC_RUN_EXIT_SETTINGS = 2, /* the settings or the command line are wrong */
    SSC_RUN_EXIT_BLOCKED = 3   /* a job could not start: lock, state, folders */
};

/* Blocks SIGTERM, SIGINT and SIGHUP outside the runner's waits and notes
 * them; call once, before running. */
int ssc_runner_signals_init(ssc_error *err);
/* Non-zero once SIGTERM or SIGINT arrived (its number). */
int ssc_runner_stop_signal(void);

typedef enum ssc_runner_mode {
    SSC_RUNNER_DUE,    /* run what is due at `now`, then return */
    SSC_RUNNER_ONE,    /* run job `job` now, then return */
    SSC_RUNNER_DAEMON  /* run jobs as they come due until a stop signal */
} ssc_runner_mode;

typedef struct ssc_runner_opts {
    ssc_runner_mode mode;
    time_t now;       /* the clock at the start (--now) ... */
    int fake_clock;   /* ... when non-zero; it runs on in real time */
    const char *job;  /* SSC_RUNNER_ONE */
    /* the daemon on SIGHUP: fills fresh with the settings read again and
     * returns SSC_OK, or says why not and returns SSC_ERR */
    int (*reload)(void *ctx, ssc_jobs *fresh);
    void *reload_ctx;
} ssc_runner_opts;

/* Runs jobs (owned by the runner from here on: it frees them, and those a
 * reload replaced) as opts says.  Returns an SSC_RUN_EXIT_ status. */
int ssc_runner_run(ssc_jobs *jobs, const ssc_runner_opts *opts);

#endif

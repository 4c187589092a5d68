/* SPDX-License-Identifier: MIT */
/* Scheduled jobs, read from the engine settings file (config/ssc-report.conf):
 *
 *     state_dir = "/var/lib/ssc-report";
 *     log = "/var/log/ssc-report/runs.log";        # default: STATE_DIR/runs.log
 *     jobs = ( { name = "annual"; report = "../reports/annual-meeting.cfg";
 *                schedule = "0 6 1 3 *"; output = "out/annual-%Y.pdf"; keep = 3; } );
 *
 * Relative paths are relative to the folder of the settings file.  Every
 * key is described in docs/scheduling.md. */
#ifndef SSC_JOBS_H
#define SSC_JOBS_H

#include <stddef.h>
#include <time.h>

#include "schedule/cron.h"
#include "error.h"

typedef enum ssc_catch_up {
    SSC_CATCH_UP_ONCE, /* missed runs: run once, for the latest due time */
    SSC_CATCH_UP_SKIP, /* missed runs: none; only on-time runs happen */
    SSC_CATCH_UP_ALL   /* missed runs: every one (no older than max_age) */
} ssc_catch_up;

typedef struct ssc_job {
    char *name;       /* [A-Za-z0-9_.-], names the state and lock files */
    char *schedule;   /* as written */
    ssc_cron cron;
    ssc_cron_zone zone;
    char *report;     /* absolute */
    char *output;     /* strftime template of the due time, absolute */
    char **sets;      /* KEY=VALUE report overrides */
    size_t n_sets;
    long keep;        /* earlier outputs kept beside the newest; -1: all */
    long timeout;     /* seconds a run may take */
    ssc_catch_up catch_up;
    long max_age;     /* catch_up "all": seconds; 0: no limit */
    long grace;       /* catch_up "skip": seconds late a run may still start */
    long line;        /* where the job is defined */
} ssc_job;

typedef struct ssc_jobs {
    char *config;    /* the settings file, or NULL when there is none */
    char *state_dir; /* absolute; NULL when there are no jobs and no state_dir */
    char *log;       /* absolute */
    ssc_job *jobs;
    size_t n_jobs;
} ssc_jobs;

/* Reads the jobs of the settings file at path (NULL: no file, no jobs).
 * Errors name the file, the line, the job and the field.  Free with
 * ssc_jobs_free, also after a failure. */
int ssc_jobs_load(ssc_jobs *j, const char *path, ssc_error *err);
void ssc_jobs_free(ssc_jobs *j);

/* The job's output path for a due time (strftime in the job's zone). */
int ssc_job_output(const ssc_job *job, time_t due, char *buf, size_t len, ssc_error *err);

#endif

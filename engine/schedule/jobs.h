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

#include "report/config.h"
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
    char *tz;         /* an IANA zone name (zone is then LOCAL under it), or NULL */
    char *report;     /* absolute */
    char *output;     /* strftime template of the due time, absolute */
    char **sets;      /* KEY=VALUE report overrides */
    size_t n_sets;
    long keep;        /* earlier outputs kept beside the newest; -1: all */
    long timeout;     /* seconds a run may take */
    ssc_catch_up catch_up;
    long max_age;     /* catch_up "all": seconds; 0: no limit */
    long grace;       /* catch_up "skip": seconds late a run may still start */
    long retries;     /* attempts after a failed one */
    long retry_delay; /* seconds before the first retry; doubled each time */
    long random_delay; /* seconds: each run starts up to this late */
    char *on_failure; /* shell commands run after a run, or NULL */
    char *on_success;
    int enabled;      /* 0: paused, run only by `ssc-report run JOB` */
    long line;        /* where the job is defined */
    long report_line, output_line;
} ssc_job;

typedef struct ssc_jobs {
    char *config;    /* the settings file, or NULL when there is none */
    char *state_dir; /* absolute; NULL when there are no jobs and no state_dir */
    char *log;       /* absolute */
    int log_json;    /* log_format = "json": one JSON object a line */
    long max_parallel; /* renders at once; default: the processors */
    ssc_engine_config engine; /* the settings the renders use, read once */
    ssc_job *jobs;
    size_t n_jobs;
} ssc_jobs;

/* Reads the jobs of the settings file at path (NULL: no file, no jobs).
 * Errors name the file, the line, the job and the field.  Free with
 * ssc_jobs_free, also after a failure. */
int ssc_jobs_load(ssc_jobs *j, const char *path, ssc_error *err);
void ssc_jobs_free(ssc_jobs *j);

/* Refuses what can only fail later: a report file that cannot be read,
 * and two jobs whose output templates can name the same file (tried on
 * times spread over two years, each in its job's zone). */
int ssc_jobs_check(const ssc_jobs *j, ssc_error *err);

/* The longest retry_delay doubling goes (seconds). */
#define SSC_JOBS_RETRY_CAP 3600
/* The delay before attempt (2 or more) of a job: retry_delay doubled for
 * each earlier retry, at most SSC_JOBS_RETRY_CAP. */
long ssc_job_retry_delay(const ssc_job *job, long attempt);
/* The random_delay of the run due at due: the same for the same job and
 * due time, 0 to random_delay (FNV-1a of "NAME@SECONDS" modulo
 * random_delay + 1; docs/scheduling.md). */
long ssc_job_jitter(const ssc_job *job, time_t due);

/* The job's output path for a due time (strftime in the job's zone). */
int ssc_job_output(const ssc_job *job, time_t due, char *buf, size_t len, ssc_error *err);

#endif

/* SPDX-License-Identifier: MIT */
/* What the scheduler remembers and records, all under the state folder:
 *   NAME.state  the job's state, rewritten atomically after every change;
 *   NAME.lock   held (flock) by the process running the job;
 *   the run log, one appended line per run (formats in docs/scheduling.md). */
#ifndef SSC_STATEFILE_H
#define SSC_STATEFILE_H

#include <stddef.h>
#include <time.h>

#include "error.h"

typedef struct ssc_job_state {
    int has_due;
    time_t last_due; /* the latest due time dealt with (run or skipped) */
    int has_run;     /* the last run: */
    time_t run_due, run_start, run_end;
    char outcome[16];    /* ok, failed, timeout, crashed, interrupted; running while
                          * a run is under way (left so by a process that died) */
    char error[1024];    /* "" after a success */
    int has_success;     /* the last successful run: */
    time_t success_due, success_end;
    char **outputs;      /* outputs written by successful runs, oldest first */
    size_t n_outputs;
} ssc_job_state;

/* A missing file gives an empty state.  Free with ssc_state_free. */
int ssc_state_read(ssc_job_state *s, const char *path, ssc_error *err);
/* Replaces the file atomically. */
int ssc_state_write(const ssc_job_state *s, const char *path, const char *job, ssc_error *err);
void ssc_state_free(ssc_job_state *s);
/* Records path as the newest output (moving it to the end if present). */
int ssc_state_add_output(ssc_job_state *s, const char *path, ssc_error *err);
/* Stores msg as the error, on one line. */
void ssc_state_set_error(ssc_job_state *s, const char *msg);

/* Takes the exclusive lock on path without waiting: *fd >= 0 when taken,
 * *fd == -1 when another process holds it (both SSC_OK). */
int ssc_lock_try(const char *path, int *fd, ssc_error *err);
void ssc_lock_release(int fd);

typedef struct ssc_run_record {
    const char *job;
    time_t due, start, end;
    const char *outcome; /* ok, failed, timeout, crashed, interrupted, skipped,
                          * blocked */
    const char *output;  /* NULL: none */
    const char *error;   /* NULL or "": none */
    long attempt;        /* 1, 2, ... (0: not a run) */
    double wait, render, state; /* seconds: due to start, the render, the state write */
    /* seconds of each of the render's own phases (start-up, read, compute,
     * layout, write, outputs: ssc_phase order), or NULL when it did not
     * say (crashed, killed, not run) */
    const double *render_phases;
} ssc_run_record;

/* Appends one line to the run log (creating it and its folder): tab-
 * separated fields, or with json a JSON object (docs/scheduling.md).
 * copy (may be NULL) receives the line without its line break. */
int ssc_runlog_append(const char *path, const ssc_run_record *r, int json, char *copy,
                      size_t copy_len, ssc_error *err);

/* mkdir -p of a folder. */
int ssc_state_mkdirs(const char *dir, ssc_error *err);

#endif

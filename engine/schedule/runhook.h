/* SPDX-License-Identifier: MIT */
/* A job's on_failure and on_success commands: `/bin/sh -c COMMAND` with
 * what happened in the environment (docs/scheduling.md):
 *   SSC_JOB          the job's name
 *   SSC_STATUS       ok, failed, timeout, crashed or interrupted
 *   SSC_DUE          the due time (ISO 8601, UTC)
 *   SSC_OUTPUT       the report's path ("" when none was written)
 *   SSC_MESSAGE      the first line of the error ("" after a success)
 *   SSC_LOG_LINE     the run log line of this run
 *   SSC_EXIT_STATUS  the render's exit status (128 + N when killed by signal N)
 *   SSC_ATTEMPT      1 for the first attempt, 2 for the first retry, ...
 * The command's output goes where the scheduler's goes; standard input is
 * /dev/null. */
#ifndef SSC_RUNHOOK_H
#define SSC_RUNHOOK_H

#include <sys/types.h>
#include <time.h>

typedef struct ssc_hook_env {
    const char *job, *status, *output, *message, *log_line;
    time_t due;
    int exit_status;
    long attempt;
} ssc_hook_env;

/* Starts the command; its process id, or -1 (errno set) when it could not. */
pid_t ssc_hook_start(const char *command, const ssc_hook_env *env);

#endif

/* SPDX-License-Identifier: MIT */
/* on_failure and on_success commands (see runhook.h). */
#include "schedule/runhook.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "schedule/isotime.h"

pid_t ssc_hook_start(const char *command, const ssc_hook_env *e)
{
    char due[40], code[16], attempt[24];
    pid_t pid;

    ssc_time_format(e->due, 1, due, sizeof due);
    snprintf(code, sizeof code, "%d", e->exit_status);
    snprintf(attempt, sizeof attempt, "%ld", e->attempt);
    fflush(stdout);
    fflush(stderr);
    if ((pid = fork()) != 0)
        return pid;
    /* the child: plain signals, the variables, the shell */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0) {
        dup2(null, 0);
        if (null > 0)
            close(null);
    }
    if (setenv("SSC_JOB", e->job, 1) != 0 || setenv("SSC_STATUS", e->status, 1) != 0 ||
        setenv("SSC_DUE", due, 1) != 0 || setenv("SSC_OUTPUT", e->output ? e->output : "", 1) ||
        setenv("SSC_MESSAGE", e->message ? e->message : "", 1) != 0 ||
        setenv("SSC_LOG_LINE", e->log_line ? e->log_line : "", 1) != 0 ||
        setenv("SSC_EXIT_STATUS", code, 1) != 0 || setenv("SSC_ATTEMPT", attempt, 1) != 0)
        _exit(127);
    execl("/bin/sh", "sh", "-c", command, (char *)NULL);
    _exit(127);
}

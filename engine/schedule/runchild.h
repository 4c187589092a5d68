/* SPDX-License-Identifier: MIT */
/* One render in a child process, for the runner: started, its message (the
 * error it prints) read through a pipe, reaped, or killed.  The child dies
 * with the process that started it (PR_SET_PDEATHSIG), so a killed daemon
 * never leaves a render writing a report no state records. */
#ifndef SSC_RUNCHILD_H
#define SSC_RUNCHILD_H

#include <stddef.h>
#include <sys/types.h>

#include "error.h"
#include "schedule/jobs.h"

typedef struct ssc_child {
    pid_t pid;          /* 0: not started */
    int fd;             /* the pipe from the child; -1 once at its end */
    int status;         /* waitpid's, once ended */
    int ended;
    char message[8192]; /* what the child said; first line the error */
    size_t used;
    /* seconds each phase of the render took (ssc_phase order), as
     * `render --verbose` prints them; valid when has_phases */
    double phases[SSC_PHASE_COUNT];
    int has_phases;
    char dir[4096];     /* the output's folder and file name, for cleaning */
    char base[1024];
    char **temps_before; /* its temporary files before the render */
    size_t n_temps_before;
} ssc_child;

/* Forks the render of job's report to output, with the settings snapshot
 * jobs->engine and TZ set to the job's zone.  On failure (no folder, no
 * process) why says so and nothing runs. */
int ssc_child_start(ssc_child *c, const ssc_jobs *jobs, const ssc_job *job, const char *output,
                    char *why, size_t len);
/* Reads what the child wrote so far (call when c->fd is readable). */
void ssc_child_read(ssc_child *c);
/* Non-zero once the child has ended (reaped; what it wrote read). */
int ssc_child_poll(ssc_child *c);
/* SIGKILL, wait for it, remove the temporary files it left. */
void ssc_child_kill(ssc_child *c);
/* After the end: removes the temporaries the render made that are still
 * there (a render that crashed cannot), and frees the list. */
void ssc_child_done(ssc_child *c, int clean);

#endif

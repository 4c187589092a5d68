/* SPDX-License-Identifier: MIT */
/* Writing a file so that it appears whole or not at all: a temporary file
 * in the target folder, flushed to disk, then renamed over the target.  A
 * failed or killed run never leaves a truncated file at the target path or
 * replaces the last good one. */
#ifndef SSC_ATOMIC_H
#define SSC_ATOMIC_H

#include <stdio.h>

#include "error.h"

typedef struct ssc_atomic {
    char *path; /* the target */
    char *tmp;  /* the temporary file beside it */
    FILE *fp;   /* open for writing until finish, commit or abort */
    int lock;   /* 1 + a descriptor holding the file's flock until commit
                 * or abort (0: none), so a zeroed struct holds nothing */
} ssc_atomic;

int ssc_atomic_open(ssc_atomic *a, const char *path, ssc_error *err);
/* Flushes, syncs and closes the temporary file (a write error is reported
 * here), leaving it ready to rename. */
int ssc_atomic_finish(ssc_atomic *a, ssc_error *err);
/* Renames the finished temporary file over the target and syncs the folder. */
int ssc_atomic_commit(ssc_atomic *a, ssc_error *err);
/* Removes the temporary file; safe after commit, on a zeroed struct, twice. */
void ssc_atomic_abort(ssc_atomic *a);

/* Removes the temporary files that runs killed before they could clean up
 * left beside path (".NAME.XXXXXX"): only those no live process holds (a
 * writer keeps an flock on its file until it ends).  ssc_atomic_open calls
 * it for its target; a supervisor whose child was killed may call it too.
 * Returns how many files it removed. */
int ssc_atomic_sweep(const char *path);

/* Installs SIGINT, SIGTERM and SIGHUP handlers that remove the temporary
 * files still open, then let the signal end the process as it would have.
 * For the command's main(); a library caller keeps its own handlers. */
void ssc_atomic_clean_on_signals(void);

#endif

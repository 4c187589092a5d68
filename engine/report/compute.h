/* SPDX-License-Identifier: MIT */
/* Metric plugins' compute hooks run in child processes, so that a plugin
 * that crashes, hangs, calls exit() or floods its table fails its section
 * with one line instead of taking the command down (or the machine's
 * memory with it).  The children send each table back over a pipe; the
 * parent reads it as untrusted input and rebuilds it. */
#ifndef SSC_COMPUTE_H
#define SSC_COMPUTE_H

#include <stddef.h>

#include "error.h"
#include "report/section.h"

typedef struct ssc_compute_limits {
    long timeout;    /* seconds one section's compute may take; 0: none */
    size_t max_rows; /* rows one table may hold; 0: no limit */
    size_t processes; /* child processes at once; 0: one per processor the
                       * command may use, at most SSC_COMPUTE_MAX_PROCESSES */
} ssc_compute_limits;

#define SSC_COMPUTE_MAX_PROCESSES 8

/* The processors this process may run on: its CPU affinity (`taskset`, a
 * container's CPU set), bounded by a container's CPU quota (cgroup v2
 * cpu.max); at least 1.  Sections compute in as many children (at most
 * SSC_COMPUTE_MAX_PROCESSES); the scheduler shares them among renders. */
size_t ssc_compute_processors(void);

/* Fills tables[i] (created here; the caller frees them) with the compute
 * of sections[i] over view, in lim->processes child processes (each takes
 * the next section when done with one), read back in section order: the tables, and which
 * failure is reported, do not depend on K.
 * On failure err names the report file and the section's line:
 * "section N (PLUGIN): MESSAGE" for a plugin that returned an error, and
 * "section N (plugin PLUGIN): crashed with SIGSEGV" (timed out after T s,
 * exited with status S, returned more than L rows (limit L), sent a malformed
 * table) for a fault, when *fault is also set. */
int ssc_compute_sections(const ssc_portfolio *view, ssc_section *sections, size_t n,
                         ssc_table **tables, const ssc_compute_limits *lim, int *fault,
                         ssc_error *err);

#endif

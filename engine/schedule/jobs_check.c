/* SPDX-License-Identifier: MIT */
/* What the settings can be refused for before any job runs (see
 * ssc_jobs_check in jobs.h): unreadable reports and output templates of two
 * jobs that can name one file.  Two jobs writing one file would overwrite
 * each other's reports and prune each other's outputs, and their locks,
 * being per job, would not keep them apart. */
#include "schedule/jobs.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "schedule/tz.h"

/* Times tried: one every CHECK_STEP seconds over CHECK_SPAN seconds, an
 * odd step so the minute, hour, weekday and day of month all vary. */
#define CHECK_STEP (61 * 60 + 7)
#define CHECK_SPAN (2 * 366 * 86400L)
/* From 2024-01-01T00:00:00Z: a leap year, then an ordinary one. */
#define CHECK_FROM 1704067200L

typedef struct check_entry {
    uint64_t hash;
    size_t job;
    time_t t;
} check_entry;

static uint64_t check_hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static int check_cmp(const void *a, const void *b)
{
    const check_entry *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->job < y->job ? -1 : x->job > y->job;
}

static int check_reports(const ssc_jobs *j, ssc_error *err)
{
    for (size_t i = 0; i < j->n_jobs; i++) {
        const ssc_job *job = &j->jobs[i];
        if (access(job->report, R_OK) != 0)
            return ssc_error_at(err, j->config, job->report_line,
                                "job \"%s\": report: cannot read %s: %s", job->name,
                                job->report, strerror(errno));
    }
    return SSC_OK;
}

/* Two entries with one hash: compare the paths themselves. */
static int check_pair(const ssc_jobs *j, const check_entry *a, const check_entry *b,
                      ssc_error *err)
{
    char pa[4096], pb[4096];
    ssc_error ignored;
    const ssc_job *ja = &j->jobs[a->job], *jb = &j->jobs[b->job];

    ssc_error_clear(&ignored);
    if (ssc_job_output(ja, a->t, pa, sizeof pa, &ignored) != SSC_OK ||
        ssc_job_output(jb, b->t, pb, sizeof pb, &ignored) != SSC_OK || strcmp(pa, pb) != 0)
        return SSC_OK;
    /* name the later job: the earlier one was fine on its own */
    if (a->job > b->job) {
        const ssc_job *t = ja;
        ja = jb;
        jb = t;
    }
    return ssc_error_at(err, j->config, jb->output_line,
                        "job \"%s\": output: can name the same file as job \"%s\"'s (both "
                        "can write %s); give each job its own files",
                        jb->name, ja->name, pa);
}

int ssc_jobs_check(const ssc_jobs *j, ssc_error *err)
{
    size_t per = (size_t)(CHECK_SPAN / CHECK_STEP) + 1, n = 0;
    check_entry *e;
    int rc = SSC_OK;

    if (check_reports(j, err) != SSC_OK)
        return SSC_ERR;
    if (j->n_jobs < 2)
        return SSC_OK;
    if (!(e = calloc(per * j->n_jobs, sizeof *e)))
        return ssc_error_oom(err);
    for (size_t i = 0; i < j->n_jobs; i++) {
        uint64_t last = 0;
        ssc_tz_saved tz;
        ssc_tz_enter(j->jobs[i].tz, &tz); /* once, not at each of the times */
        for (size_t k = 0; k < per; k++) {
            char path[4096];
            ssc_error ignored;
            time_t t = (time_t)(CHECK_FROM + (long)k * CHECK_STEP);
            ssc_error_clear(&ignored);
            if (ssc_job_output(&j->jobs[i], t, path, sizeof path, &ignored) != SSC_OK)
                continue;
            uint64_t h = check_hash(path);
            /* a job repeats its own names (a monthly file, hourly tries) */
            if (k > 0 && h == last)
                continue;
            last = h;
            e[n++] = (check_entry){h, i, t};
        }
        ssc_tz_leave(&tz);
    }
    qsort(e, n, sizeof *e, check_cmp);
    /* sorted by hash, then job: two jobs sharing a name meet side by side */
    for (size_t a = 0; a + 1 < n && rc == SSC_OK; a++)
        if (e[a + 1].hash == e[a].hash && e[a + 1].job != e[a].job)
            rc = check_pair(j, &e[a], &e[a + 1], err);
    free(e);
    return rc;
}

/* SPDX-License-Identifier: MIT */
/* Catch-up planning (see catchup.h). */
#include "schedule/catchup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Skipped due times are counted up to this many; beyond it only the first
 * and last are exact (an every-minute job off for a month is 43200). */
#define CATCHUP_COUNT_CAP 100000

static int catchup_push(ssc_catchup *p, size_t *cap, time_t t, ssc_error *err)
{
    if (p->n_runs == *cap) {
        size_t n = *cap ? *cap * 2 : 16;
        time_t *grown = realloc(p->runs, n * sizeof *grown);
        if (!grown)
            return ssc_error_oom(err);
        p->runs = grown;
        *cap = n;
    }
    p->runs[p->n_runs++] = t;
    return SSC_OK;
}

static void catchup_skip(ssc_catchup *p, time_t t)
{
    if (p->n_skipped == 0)
        p->first_skipped = t;
    p->last_skipped = t;
    if (p->n_skipped < CATCHUP_COUNT_CAP)
        p->n_skipped++;
    else
        p->skipped_more = 1;
}

/* catch_up "all" runs at most SSC_CATCHUP_RUNS_CAP missed times in one
 * pass, the most recent ones: a per-minute job that was off for a year
 * would otherwise queue half a million renders. */
#define CATCHUP_RUNS_CAP SSC_CATCHUP_RUNS_CAP

/* Keeps the newest CATCHUP_RUNS_CAP runs, counting the older ones skipped. */
static void catchup_cap_runs(ssc_catchup *p)
{
    size_t drop;
    if (p->n_runs <= CATCHUP_RUNS_CAP)
        return;
    drop = p->n_runs - CATCHUP_RUNS_CAP;
    for (size_t i = 0; i < drop; i++)
        catchup_skip(p, p->runs[i]);
    p->n_capped += drop;
    memmove(p->runs, p->runs + drop, CATCHUP_RUNS_CAP * sizeof *p->runs);
    p->n_runs = CATCHUP_RUNS_CAP;
}

/* catch_up "all": every due time after `after` up to now, oldest first. */
static int catchup_all(const ssc_job *job, time_t after, time_t now, ssc_catchup *p,
                       ssc_error *err)
{
    size_t cap = 0;
    time_t t = after;

    for (;;) {
        if (ssc_cron_next(&job->cron, job->zone, t, &t, err) != SSC_OK)
            return SSC_ERR;
        if (t > now) {
            catchup_cap_runs(p);
            return SSC_OK;
        }
        if (job->max_age > 0 && now - t > job->max_age) {
            if (p->n_skipped < CATCHUP_COUNT_CAP) {
                catchup_skip(p, t);
                continue;
            }
            /* enough counted: jump to the last one too old to run */
            p->skipped_more = 1;
            if (ssc_cron_prev(&job->cron, job->zone, now - job->max_age - 1, &t, err) != SSC_OK)
                return SSC_ERR;
            p->last_skipped = t;
            continue;
        }
        if (catchup_push(p, &cap, t, err) != SSC_OK)
            return SSC_ERR;
    }
}

int ssc_catchup_plan(const ssc_job *job, const ssc_job_state *st, time_t now, ssc_catchup *p,
                     ssc_error *err)
{
    time_t latest, t;
    size_t cap = 0;

    memset(p, 0, sizeof *p);
    if (ssc_cron_prev(&job->cron, job->zone, now, &latest, err) != SSC_OK) {
        ssc_error_clear(err);
        return SSC_OK; /* never due yet */
    }
    if (st->has_due && latest <= st->last_due)
        return SSC_OK; /* everything up to now has been dealt with */
    if (st->has_due && job->catch_up == SSC_CATCH_UP_ALL)
        return catchup_all(job, st->last_due, now, p, err);
    /* the due times before the latest are skipped under once and skip;
     * with no state there are none to consider */
    if (st->has_due) {
        t = st->last_due;
        for (;;) {
            if (ssc_cron_next(&job->cron, job->zone, t, &t, err) != SSC_OK)
                return SSC_ERR;
            if (t >= latest)
                break;
            if (p->n_skipped == CATCHUP_COUNT_CAP) {
                /* stop counting; the last skipped one is just before latest */
                p->skipped_more = 1;
                time_t before;
                if (ssc_cron_prev(&job->cron, job->zone, latest - 1, &before, err) != SSC_OK)
                    return SSC_ERR;
                p->last_skipped = before;
                break;
            }
            catchup_skip(p, t);
        }
    }
    int run = 1;
    if (job->catch_up == SSC_CATCH_UP_SKIP)
        run = now - latest <= job->grace;
    else if (job->catch_up == SSC_CATCH_UP_ALL && job->max_age > 0)
        run = now - latest <= job->max_age;
    if (!run) {
        catchup_skip(p, latest);
        return SSC_OK;
    }
    return catchup_push(p, &cap, latest, err);
}

void ssc_catchup_free(ssc_catchup *p)
{
    if (!p)
        return;
    free(p->runs);
    memset(p, 0, sizeof *p);
}

void ssc_catchup_why(const ssc_job *job, const ssc_catchup *p, char *buf, size_t len)
{
    if (job->catch_up == SSC_CATCH_UP_ONCE)
        snprintf(buf, len, "catch_up once");
    else if (job->catch_up == SSC_CATCH_UP_SKIP)
        snprintf(buf, len, "catch_up skip");
    else if (p->n_capped == 0)
        snprintf(buf, len, "catch_up all, older than max_age");
    else if (p->n_capped >= p->n_skipped && !p->skipped_more)
        snprintf(buf, len, "catch_up all runs at most the %d most recent missed runs",
                 CATCHUP_RUNS_CAP);
    else
        snprintf(buf, len, "catch_up all, older than max_age or beyond the %d most recent",
                 CATCHUP_RUNS_CAP);
}

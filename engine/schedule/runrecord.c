/* SPDX-License-Identifier: MIT */
/* Recording runs (see runrecord.h). */
#include "schedule/runrecord.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "schedule/isotime.h"
#include "schedule/runhook.h"
#include "schedule/schedlog.h"
#include "schedule/tz.h"

/* A due time as the job's messages show it: in its zone. */
static void record_time(const ssc_job *job, time_t t, char *buf, size_t len)
{
    ssc_tz_saved tz;
    ssc_tz_enter(job->tz, &tz);
    ssc_time_format(t, job->zone == SSC_CRON_UTC, buf, len);
    ssc_tz_leave(&tz);
}

static void record_err_text(const ssc_error *err, char *buf, size_t len)
{
    if (err->file[0] && err->line)
        snprintf(buf, len, "%s:%ld: %s", err->file, err->line, err->message);
    else if (err->file[0])
        snprintf(buf, len, "%s: %s", err->file, err->message);
    else
        snprintf(buf, len, "%s", err->message);
}

/* Writes the state; non-zero (said) when it failed. */
static int record_state(const ssc_job *job, const ssc_job_state *st, const char *state_path,
                        char *why, size_t len)
{
    ssc_error err;
    ssc_error_clear(&err);
    if (ssc_state_write(st, state_path, job->name, &err) == SSC_OK)
        return 0;
    char text[1600];
    record_err_text(&err, text, sizeof text);
    snprintf(why, len, "cannot record the state: %s", text);
    return 1;
}

/* Appends to the run log; non-zero (said) when it failed. */
static int record_log(const ssc_jobs *jobs, const ssc_run_record *rec, char *line, size_t len)
{
    ssc_error err;
    ssc_error_clear(&err);
    if (ssc_runlog_append(jobs->log, rec, jobs->log_json, line, len, &err) == SSC_OK)
        return 0;
    char text[1600];
    record_err_text(&err, text, sizeof text);
    ssc_sched_log(SSC_LOG_ERR, "job %s: %s", rec->job, text);
    return 1;
}

int ssc_record_begin(const ssc_jobs *jobs, const ssc_job *job, time_t due, time_t now,
                     ssc_job_state *st, const char *state_path, char *why, size_t len)
{
    ssc_job_state before = *st;
    (void)jobs;
    st->has_run = 1;
    st->run_due = due;
    st->run_start = now;
    st->run_end = now;
    snprintf(st->outcome, sizeof st->outcome, "running");
    ssc_state_set_error(st, "");
    if (!record_state(job, st, state_path, why, len))
        return SSC_OK;
    /* the file still holds the old state: so does memory */
    memcpy(st->outcome, before.outcome, sizeof st->outcome);
    memcpy(st->error, before.error, sizeof st->error);
    st->has_run = before.has_run;
    st->run_due = before.run_due;
    st->run_start = before.run_start;
    st->run_end = before.run_end;
    size_t n = strlen(why);
    snprintf(why + n, len - n, "; not rendered");
    return SSC_ERR;
}

/* Keeps the newest output and `keep` earlier ones; forgets outputs that
 * are gone.  Only files this job wrote (listed in its state) are removed. */
static void record_prune(const ssc_job *job, ssc_job_state *st)
{
    size_t n = st->n_outputs, kept = 0, live = 0, excess;
    struct stat sb;

    for (size_t i = 0; i + 1 < n; i++) {
        if (stat(st->outputs[i], &sb) != 0 && errno == ENOENT) {
            free(st->outputs[i]);
            st->outputs[i] = NULL;
        }
    }
    for (size_t i = 0; i < n; i++)
        live += st->outputs[i] != NULL;
    excess = job->keep >= 0 && live > (size_t)job->keep + 1 ? live - (size_t)job->keep - 1 : 0;
    for (size_t i = 0; i + 1 < n && excess > 0; i++) {
        if (!st->outputs[i])
            continue;
        if (unlink(st->outputs[i]) != 0 && errno != ENOENT) {
            ssc_sched_log(SSC_LOG_WARNING, "job %s: cannot remove the old output %s: %s",
                          job->name, st->outputs[i], strerror(errno));
        } else {
            free(st->outputs[i]);
            st->outputs[i] = NULL;
        }
        excess--;
    }
    for (size_t i = 0; i < n; i++)
        if (st->outputs[i])
            st->outputs[kept++] = st->outputs[i];
    st->n_outputs = kept;
}

/* Says the child's message after the first line (data problems). */
static void record_details(const char *job, const char *message)
{
    const char *nl = strchr(message, '\n');
    while (nl && nl[1]) {
        const char *next = strchr(nl + 1, '\n');
        int len = next ? (int)(next - nl - 1) : (int)strlen(nl + 1);
        ssc_sched_log(SSC_LOG_ERR, "job %s:   %.*s", job, len, nl + 1);
        nl = next;
    }
}

static void record_hook(const ssc_job *job, const char *command, const ssc_hook_env *env,
                        ssc_hooks *hooks)
{
    pid_t *grown;
    pid_t pid;

    if (!command)
        return;
    if ((pid = ssc_hook_start(command, env)) < 0) {
        ssc_sched_log(SSC_LOG_ERR, "job %s: cannot start its %s command: %s", job->name,
                      !strcmp(env->status, "ok") ? "on_success" : "on_failure", strerror(errno));
        return;
    }
    if (!(grown = realloc(hooks->pids, (hooks->n + 1) * sizeof *grown))) {
        /* not tracked: waited for now rather than left a zombie */
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
            ;
        return;
    }
    hooks->pids = grown;
    hooks->pids[hooks->n++] = pid;
}

int ssc_record_end(const ssc_jobs *jobs, const ssc_job *job, const ssc_run_end *e,
                   ssc_job_state *st, const char *state_path, ssc_hooks *hooks)
{
    const char *outcome = e->outcome;
    char first[1024], why[2048] = "", duebuf[40], line[16384] = "";
    const char *nl = strchr(e->message, '\n');
    int failed = strcmp(outcome, "ok") != 0;
    ssc_error err;

    ssc_error_clear(&err);
    snprintf(first, sizeof first, "%.*s", nl ? (int)(nl - e->message) : (int)strlen(e->message),
             e->message);
    record_time(job, e->due, duebuf, sizeof duebuf);
    st->has_run = 1;
    st->run_due = e->due;
    st->run_start = e->start;
    st->run_end = e->end;
    snprintf(st->outcome, sizeof st->outcome, "%s", outcome);
    ssc_state_set_error(st, first);
    /* an interrupted run is not dealt with: the next start plans it again */
    if (!e->manual && e->final && strcmp(outcome, "interrupted") != 0) {
        st->has_due = 1;
        if (st->last_due < e->due)
            st->last_due = e->due;
    }
    if (!failed) {
        st->has_success = 1;
        st->success_due = e->due;
        st->success_end = e->end;
        if (ssc_state_add_output(st, e->output, &err) != SSC_OK)
            snprintf(why, sizeof why, "%s", err.message);
        else
            record_prune(job, st);
    }
    /* a clock of its own: e->end is the runner's time, which --now sets
     * (the state's seconds read 92 million under a --now of 2024) */
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    if (!why[0])
        record_state(job, st, state_path, why, sizeof why);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double t_state = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    if (why[0] && !failed) {
        /* the report is there but nothing remembers it: not a success */
        failed = 1;
        outcome = "failed";
        snprintf(first, sizeof first, "wrote %s, but %s", e->output, why);
    } else if (why[0]) {
        ssc_sched_log(SSC_LOG_ERR, "job %s: %s", job->name, why);
    }
    if (!failed && e->phases)
        ssc_sched_log(SSC_LOG_NOTICE,
                      "job %s, due %s: ok, wrote %s (%.1f s: start-up %.2f, read %.2f, compute "
                      "%.2f, layout %.2f, write %.2f, outputs %.2f)",
                      job->name, duebuf, e->output, e->render, e->phases[SSC_PHASE_START],
                      e->phases[SSC_PHASE_READ], e->phases[SSC_PHASE_COMPUTE],
                      e->phases[SSC_PHASE_LAYOUT], e->phases[SSC_PHASE_WRITE],
                      e->phases[SSC_PHASE_OUTPUTS]);
    else if (!failed)
        ssc_sched_log(SSC_LOG_NOTICE, "job %s, due %s: ok, wrote %s (%lds)", job->name, duebuf,
                      e->output, (long)(e->end - e->start));
    else {
        ssc_sched_log(SSC_LOG_ERR, "job %s, due %s: %s%s: %s", job->name, duebuf, outcome,
                      e->final ? "" : " (will retry)", first);
        record_details(job->name, e->message);
    }
    ssc_run_record rec = {job->name, e->due, e->start, e->end, outcome,
                          e->output, first, e->attempt, (double)(e->start - e->due),
                          e->render, t_state < 0 ? 0 : t_state, e->phases};
    failed |= record_log(jobs, &rec, line, sizeof line);
    if (e->final || !failed) {
        ssc_hook_env env = {job->name, outcome, failed ? NULL : e->output, failed ? first : "",
                            line, e->due, e->exit_status, e->attempt};
        record_hook(job, failed ? job->on_failure : job->on_success, &env, hooks);
    }
    return failed;
}

int ssc_record_skipped(const ssc_jobs *jobs, const ssc_job *job, const ssc_catchup *plan,
                       ssc_job_state *st, const char *state_path, time_t now)
{
    char first[40], last[40], msg[512], why[160], state_why[2048] = "";

    ssc_catchup_why(job, plan, why, sizeof why);
    record_time(job, plan->first_skipped, first, sizeof first);
    record_time(job, plan->last_skipped, last, sizeof last);
    if (plan->n_skipped == 1)
        snprintf(msg, sizeof msg, "1 missed run skipped (%s)", why);
    else
        snprintf(msg, sizeof msg, "%s%zu missed runs skipped, %s to %s (%s)",
                 plan->skipped_more ? "more than " : "", plan->n_skipped, first, last, why);
    ssc_sched_log(SSC_LOG_NOTICE, "job %s, due %s: %s", job->name, last, msg);
    if (!st->has_due || st->last_due < plan->last_skipped) {
        st->has_due = 1;
        st->last_due = plan->last_skipped;
    }
    int failed = record_state(job, st, state_path, state_why, sizeof state_why);
    if (failed)
        ssc_sched_log(SSC_LOG_ERR, "job %s: %s", job->name, state_why);
    ssc_run_record rec = {job->name, plan->last_skipped, now, now, "skipped", NULL, msg,
                          0, 0, 0, 0, NULL};
    return failed | record_log(jobs, &rec, NULL, 0);
}

int ssc_record_late(const ssc_jobs *jobs, const ssc_job *job, time_t due, time_t now, long late,
                    ssc_job_state *st, const char *state_path)
{
    char duebuf[40], msg[256], state_why[2048] = "";

    record_time(job, due, duebuf, sizeof duebuf);
    snprintf(msg, sizeof msg,
             "could start only %ld s after its due time, more than grace (%ld s) (catch_up skip)",
             late, job->grace);
    ssc_sched_log(SSC_LOG_WARNING, "job %s, due %s: skipped: %s", job->name, duebuf, msg);
    if (!st->has_due || st->last_due < due) {
        st->has_due = 1;
        st->last_due = due;
    }
    int failed = record_state(job, st, state_path, state_why, sizeof state_why);
    if (failed)
        ssc_sched_log(SSC_LOG_ERR, "job %s: %s", job->name, state_why);
    ssc_run_record rec = {job->name, due, now, now, "skipped", NULL, msg, 0, (double)late, 0, 0,
                          NULL};
    return failed | record_log(jobs, &rec, NULL, 0);
}

void ssc_record_blocked(const ssc_jobs *jobs, const ssc_job *job, time_t now, const char *msg)
{
    ssc_run_record rec = {job->name, now, now, now, "blocked", NULL, msg, 0, 0, 0, 0, NULL};
    record_log(jobs, &rec, NULL, 0);
}

int ssc_record_recover(const ssc_jobs *jobs, const ssc_job *job, ssc_job_state *st,
                       const char *state_path, time_t now)
{
    char duebuf[40], state_why[2048] = "";
    const char *msg = "cut short: the process running it ended before the render did";

    record_time(job, st->run_due, duebuf, sizeof duebuf);
    ssc_sched_log(SSC_LOG_WARNING, "job %s, due %s: interrupted: %s; catch_up decides whether it "
                  "runs again", job->name, duebuf, msg);
    snprintf(st->outcome, sizeof st->outcome, "interrupted");
    ssc_state_set_error(st, msg);
    int failed = record_state(job, st, state_path, state_why, sizeof state_why);
    if (failed)
        ssc_sched_log(SSC_LOG_ERR, "job %s: %s", job->name, state_why);
    ssc_run_record rec = {job->name, st->run_due, st->run_start, now, "interrupted", NULL, msg,
                          0, 0, 0, 0, NULL};
    failed |= record_log(jobs, &rec, NULL, 0);
    return failed ? SSC_ERR : SSC_OK;
}

void ssc_hooks_reap(ssc_hooks *h, double wait)
{
    struct timespec step = {0, 50 * 1000 * 1000};
    double waited = 0;

    for (;;) {
        size_t kept = 0;
        for (size_t i = 0; i < h->n; i++) {
            pid_t pid = h->pids[i];
            if (waitpid(pid, NULL, WNOHANG) == pid)
                continue;
            h->pids[kept++] = pid;
        }
        h->n = kept;
        if (h->n == 0 || wait <= 0)
            break;
        if (waited >= wait) {
            for (size_t i = 0; i < h->n; i++) {
                ssc_sched_log(SSC_LOG_WARNING, "a job's command (process %ld) ran for more "
                              "than %.0f s after the runs ended: killed", (long)h->pids[i], wait);
                kill(h->pids[i], SIGKILL);
                waitpid(h->pids[i], NULL, 0);
            }
            h->n = 0;
            break;
        }
        nanosleep(&step, NULL);
        waited += 0.05;
    }
    if (h->n == 0) {
        free(h->pids);
        h->pids = NULL;
    }
}

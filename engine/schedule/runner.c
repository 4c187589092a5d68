/* SPDX-License-Identifier: MIT */
/* Running due jobs (see runner.h): one loop that starts renders while slots
 * are free, waits for any of them, a due time, a retry or a signal, and
 * records each run as it ends.  The recording is in runrecord.c. */
#include "schedule/runner.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

#include "schedule/catchup.h"
#include "schedule/runchild.h"
#include "schedule/runrecord.h"
#include "schedule/schedlog.h"
#include "schedule/statefile.h"
#include "schedule/tz.h"

/* The daemon checks every job at least this often (seconds), so a changed
 * clock or a resumed machine is noticed within a minute. */
#define RUNNER_MAX_SLEEP 60.0
/* Settings sets replaced by reloads while their renders still run. */
#define RUNNER_RETIRED_MAX 16

/* Signals are the one thing that must live at file level: a handler can
 * only reach file-level state.  The handlers only set these flags. */
static volatile sig_atomic_t runner_stop;
static volatile sig_atomic_t runner_hup;
static sigset_t runner_wait_mask; /* the mask during waits: signals let in */

static void runner_on_signal(int sig)
{
    if (sig == SIGHUP)
        runner_hup = 1;
    else
        runner_stop = sig;
}

int ssc_runner_signals_init(ssc_error *err)
{
    static const int sigs[] = {SIGTERM, SIGINT, SIGHUP};
    struct sigaction sa;
    sigset_t block;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = runner_on_signal;
    sigemptyset(&sa.sa_mask);
    sigemptyset(&block);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        sigaddset(&block, sigs[i]);
        if (sigaction(sigs[i], &sa, NULL) != 0)
            return ssc_error_at(err, NULL, 0, "cannot handle signals: %s", strerror(errno));
    }
    /* blocked except inside pselect, so a signal can never slip in between
     * checking the flags and starting to wait */
    if (sigprocmask(SIG_BLOCK, &block, &runner_wait_mask) != 0)
        return ssc_error_at(err, NULL, 0, "cannot block signals: %s", strerror(errno));
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigdelset(&runner_wait_mask, sigs[i]);
    return SSC_OK;
}

int ssc_runner_stop_signal(void)
{
    return runner_stop;
}

static double runner_mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A job with work in hand: its lock, its state, the due times still to
 * run, and the render under way. */
typedef struct runner_slot {
    const ssc_jobs *set;
    const ssc_job *job;
    size_t index;      /* of job in the runner's jobs; (size_t)-1 after a reload */
    int lock;
    char *state_path;
    ssc_job_state st;
    time_t *dues;
    size_t n_dues, next;
    int manual;        /* `run JOB`: not a due time of the schedule */
    long attempt;      /* of dues[next] */
    time_t not_before; /* random_delay, retry_delay */
    int running;
    ssc_child child;
    char output[4096];
    time_t start;
    double mono_start;
} runner_slot;

typedef struct runner {
    const ssc_runner_opts *opts;
    ssc_jobs *caller; /* the caller's jobs: freed, never free()d */
    ssc_jobs *jobs;
    ssc_jobs *retired[RUNNER_RETIRED_MAX];
    size_t n_retired;
    runner_slot *slots;
    size_t n_slots;
    time_t *next_check; /* daemon: per job of jobs, when to plan it again */
    time_t *done_due;   /* the latest due time run, in case its state was not written */
    long running;
    ssc_hooks hooks;
    int failed, blocked;
    double mono0;
} runner;

/* The runner's clock: the real one, or --now running on in real time. */
static time_t runner_now(const runner *r)
{
    if (!r->opts->fake_clock)
        return time(NULL);
    return r->opts->now + (time_t)(runner_mono() - r->mono0);
}

static char *runner_path(const char *dir, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(name) + strlen(ext) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s", dir, name, ext);
    return p;
}

static void runner_slot_free(runner_slot *s)
{
    ssc_lock_release(s->lock);
    ssc_state_free(&s->st);
    free(s->state_path);
    free(s->dues);
    memset(s, 0, sizeof *s);
    s->lock = -1;
}

static int runner_busy(const runner *r, const char *name)
{
    for (size_t i = 0; i < r->n_slots; i++)
        if (r->slots[i].job && !strcmp(r->slots[i].job->name, name))
            return 1;
    return 0;
}

/* A job that cannot be started: said, logged as blocked, counted. */
static void runner_block(runner *r, const ssc_job *job, time_t now, const ssc_error *err)
{
    char msg[1600];
    if (err->file[0] && err->line)
        snprintf(msg, sizeof msg, "%s:%ld: %s", err->file, err->line, err->message);
    else if (err->file[0])
        snprintf(msg, sizeof msg, "%s: %s", err->file, err->message);
    else
        snprintf(msg, sizeof msg, "%s", err->message);
    ssc_sched_log(SSC_LOG_ERR, "job %s: blocked: %s", job->name, msg);
    ssc_record_blocked(r->jobs, job, now, msg);
    r->blocked = 1;
}

/* Takes the job's lock, reads its state and plans its due times; a slot
 * when there is something to run.  manual: `run JOB`, the one due time now. */
static void runner_activate(runner *r, const ssc_job *job, size_t index, time_t now, int manual)
{
    runner_slot s;
    ssc_catchup plan;
    ssc_error err;
    ssc_tz_saved tz;

    memset(&s, 0, sizeof s);
    memset(&plan, 0, sizeof plan);
    s.lock = -1;
    s.set = r->jobs;
    s.job = job;
    s.index = index;
    s.manual = manual;
    s.attempt = 1;
    ssc_error_clear(&err);
    if (!(s.state_path = runner_path(r->jobs->state_dir, job->name, ".state"))) {
        ssc_error_oom(&err);
        goto blocked;
    }
    char *lock_path = runner_path(r->jobs->state_dir, job->name, ".lock");
    if (!lock_path || ssc_lock_try(lock_path, &s.lock, &err) != SSC_OK) {
        if (!lock_path)
            ssc_error_oom(&err);
        free(lock_path);
        goto blocked;
    }
    if (s.lock < 0) {
        ssc_sched_log(SSC_LOG_WARNING,
                      "job %s: another process is running it (%s is locked); leaving it to "
                      "that process",
                      job->name, lock_path);
        free(lock_path);
        if (manual)
            r->blocked = 1;
        runner_slot_free(&s);
        return;
    }
    free(lock_path);
    /* read only under the lock: the other process may just have run it */
    if (ssc_state_read(&s.st, s.state_path, &err) != SSC_OK)
        goto blocked;
    if (!strcmp(s.st.outcome, "running") &&
        ssc_record_recover(r->jobs, job, &s.st, s.state_path, now) != SSC_OK)
        r->blocked = 1;
    if (index != (size_t)-1 && r->done_due[index] &&
        (!s.st.has_due || s.st.last_due < r->done_due[index])) {
        s.st.has_due = 1; /* run already, though its state could not say so */
        s.st.last_due = r->done_due[index];
    }
    if (manual) {
        if (!(s.dues = malloc(sizeof *s.dues))) {
            ssc_error_oom(&err);
            goto blocked;
        }
        s.dues[0] = now;
        s.n_dues = 1;
    } else {
        ssc_tz_enter(job->tz, &tz);
        int rc = ssc_catchup_plan(job, &s.st, now, &plan, &err);
        ssc_tz_leave(&tz);
        if (rc != SSC_OK)
            goto blocked;
        if (plan.n_skipped && ssc_record_skipped(r->jobs, job, &plan, &s.st, s.state_path, now))
            r->failed = 1;
        s.dues = plan.runs;
        s.n_dues = plan.n_runs;
        plan.runs = NULL;
    }
    ssc_catchup_free(&plan);
    if (s.n_dues == 0) {
        runner_slot_free(&s);
        return;
    }
    s.not_before = manual ? now : s.dues[0] + ssc_job_jitter(job, s.dues[0]);
    runner_slot *grown = realloc(r->slots, (r->n_slots + 1) * sizeof *grown);
    if (!grown) {
        ssc_error_oom(&err);
        goto blocked;
    }
    r->slots = grown;
    r->slots[r->n_slots++] = s;
    return;
blocked:
    ssc_catchup_free(&plan);
    runner_block(r, job, now, &err);
    runner_slot_free(&s);
}

/* The due time after the slot's current one (or the retry) is dealt with. */
static void runner_advance(runner *r, runner_slot *s, time_t now, int retry)
{
    const ssc_job *job = s->job;
    if (retry) {
        s->attempt++;
        s->not_before = now + ssc_job_retry_delay(job, s->attempt);
        return;
    }
    if (!s->manual && s->index != (size_t)-1 && r->done_due[s->index] < s->dues[s->next])
        r->done_due[s->index] = s->dues[s->next];
    s->next++;
    s->attempt = 1;
    if (s->next < s->n_dues)
        s->not_before = s->dues[s->next] + ssc_job_jitter(job, s->dues[s->next]);
}

/* Starts the slot's next due time, or passes over it when it starts too
 * late for catch_up "skip" (grace counts from the real start). */
static void runner_start(runner *r, runner_slot *s, time_t now)
{
    const ssc_job *job = s->job;
    time_t due = s->dues[s->next];
    char why[2048] = "";
    ssc_error err;

    ssc_error_clear(&err);
    long late = (long)(now - due) - ssc_job_jitter(job, due);
    if (!s->manual && s->attempt == 1 && job->catch_up == SSC_CATCH_UP_SKIP && late > job->grace) {
        if (ssc_record_late(s->set, job, due, now, late, &s->st, s->state_path))
            r->failed = 1;
        runner_advance(r, s, now, 0);
        return;
    }
    s->start = now;
    s->mono_start = runner_mono();
    s->output[0] = '\0';
    if (ssc_job_output(job, due, s->output, sizeof s->output, &err) != SSC_OK) {
        snprintf(why, sizeof why, "%s", err.message);
        s->output[0] = '\0';
    } else if (ssc_record_begin(s->set, job, due, now, &s->st, s->state_path, why, sizeof why) !=
               SSC_OK) {
        /* the state cannot record the run: no render, or every pass would
         * render the same due time again */
    } else if (ssc_child_start(&s->child, s->set, job, s->output, why, sizeof why) == SSC_OK) {
        s->running = 1;
        r->running++;
        return;
    }
    ssc_run_end end = {due, s->start, now, s->attempt, s->manual, 0.0, "failed", why, -1,
                       s->output[0] ? s->output : NULL, 1, NULL};
    ssc_record_end(s->set, job, &end, &s->st, s->state_path, &r->hooks);
    r->failed = 1;
    runner_advance(r, s, now, 0);
}

/* A render that ended (or was killed): its outcome recorded, then the
 * retry or the next due time. */
static void runner_finish(runner *r, runner_slot *s, int killed_by_stop, int timed_out)
{
    ssc_child *c = &s->child;
    const ssc_job *job = s->job;
    const char *outcome;
    char message[8192 + 256];
    int code = -1, ok = 0, interrupted = 0;
    time_t now = runner_now(r);

    snprintf(message, sizeof message, "%s", c->message);
    if (WIFEXITED(c->status))
        code = WEXITSTATUS(c->status);
    else if (WIFSIGNALED(c->status))
        code = 128 + WTERMSIG(c->status);
    if (timed_out) {
        outcome = "timeout";
        snprintf(message, sizeof message,
                 "the render did not finish within %ld seconds and was killed", job->timeout);
    } else if (killed_by_stop || (runner_stop && !(WIFEXITED(c->status) && code == 0))) {
        /* the stop signal reached the render too (a terminal's Ctrl-C, or
         * systemd signalling the whole service): not a failure of the job */
        outcome = "interrupted";
        interrupted = 1;
        snprintf(message, sizeof message, "the render was stopped by signal %d before it finished",
                 (int)runner_stop);
    } else if (WIFEXITED(c->status) && code == 0) {
        outcome = "ok";
        ok = 1;
        message[0] = '\0';
    } else if (WIFEXITED(c->status)) {
        outcome = "failed";
        if (!message[0])
            snprintf(message, sizeof message, "the render exited with status %d", code);
    } else {
        outcome = "crashed";
        snprintf(message, sizeof message, "the render crashed (signal %d, %s)",
                 WTERMSIG(c->status), strsignal(WTERMSIG(c->status)));
    }
    /* a killed render cannot clean up after itself */
    ssc_child_done(c, !ok);
    s->running = 0;
    r->running--;
    int retry = !ok && !interrupted && s->attempt <= job->retries && !runner_stop;
    ssc_run_end end = {s->dues[s->next], s->start, now, s->attempt, s->manual,
                       runner_mono() - s->mono_start, outcome, message, code, s->output,
                       !retry, c->has_phases ? c->phases : NULL};
    int failed = ssc_record_end(s->set, job, &end, &s->st, s->state_path, &r->hooks);
    if (failed && !interrupted && !retry)
        r->failed = 1;
    if (interrupted) {
        s->next = s->n_dues; /* the rest waits for the next start */
        return;
    }
    runner_advance(r, s, now, retry && failed);
}

static void runner_jobs_free(const runner *r, ssc_jobs *j)
{
    ssc_jobs_free(j);
    if (j != r->caller)
        free(j);
}

/* Frees slots with nothing left, and settings sets no slot uses. */
static void runner_tidy(runner *r)
{
    size_t kept = 0;
    for (size_t i = 0; i < r->n_slots; i++) {
        runner_slot *s = &r->slots[i];
        if (!s->running && s->next >= s->n_dues)
            runner_slot_free(s);
        else
            r->slots[kept++] = *s;
    }
    r->n_slots = kept;
    for (size_t k = 0; k < r->n_retired;) {
        int used = 0;
        for (size_t i = 0; i < r->n_slots; i++)
            used |= r->slots[i].set == r->retired[k];
        if (used) {
            k++;
            continue;
        }
        runner_jobs_free(r, r->retired[k]);
        r->retired[k] = r->retired[--r->n_retired];
    }
}

static int runner_tables(runner *r)
{
    free(r->next_check);
    free(r->done_due);
    r->next_check = calloc(r->jobs->n_jobs + 1, sizeof *r->next_check);
    r->done_due = calloc(r->jobs->n_jobs + 1, sizeof *r->done_due);
    return r->next_check && r->done_due ? SSC_OK : SSC_ERR;
}

/* SIGHUP: the new settings replace the old; renders under way finish with
 * the old ones.  A bad file leaves the jobs as they were. */
static void runner_reload(runner *r)
{
    ssc_jobs *fresh = calloc(1, sizeof *fresh);

    if (!fresh || r->n_retired == RUNNER_RETIRED_MAX) {
        free(fresh);
        runner_hup = 1; /* again once renders of older settings end */
        return;
    }
    if (r->opts->reload(r->opts->reload_ctx, fresh) != SSC_OK) {
        free(fresh);
        ssc_sched_log(SSC_LOG_ERR, "daemon: SIGHUP: the new configuration has errors; keeping "
                                   "the previous one");
        return;
    }
    r->retired[r->n_retired++] = r->jobs;
    r->jobs = fresh;
    for (size_t i = 0; i < r->n_slots; i++)
        r->slots[i].index = (size_t)-1;
    if (runner_tables(r) != SSC_OK)
        ssc_sched_log(SSC_LOG_ERR, "daemon: out of memory");
    ssc_sched_log(SSC_LOG_NOTICE, "daemon: reloaded %s: %zu job%s",
                  fresh->config ? fresh->config : "(none)", fresh->n_jobs,
                  fresh->n_jobs == 1 ? "" : "s");
}

/* Plans the jobs that are due (all of them at the first pass of run-due,
 * those whose time has come in the daemon). */
static void runner_plan(runner *r, time_t now, int first)
{
    const ssc_runner_opts *o = r->opts;
    ssc_error err;

    if (o->mode == SSC_RUNNER_ONE) {
        if (first)
            for (size_t i = 0; i < r->jobs->n_jobs; i++)
                if (!strcmp(r->jobs->jobs[i].name, o->job))
                    runner_activate(r, &r->jobs->jobs[i], i, now, 1);
        return;
    }
    if (o->mode == SSC_RUNNER_DUE && !first)
        return;
    ssc_error_clear(&err);
    for (size_t i = 0; i < r->jobs->n_jobs; i++) {
        const ssc_job *job = &r->jobs->jobs[i];
        if (!job->enabled || now < r->next_check[i] || runner_busy(r, job->name))
            continue;
        runner_activate(r, job, i, now, 0);
        time_t next;
        ssc_tz_saved tz;
        ssc_tz_enter(job->tz, &tz);
        r->next_check[i] = now + (time_t)RUNNER_MAX_SLEEP;
        if (ssc_cron_next(&job->cron, job->zone, now, &next, &err) == SSC_OK &&
            next < r->next_check[i])
            r->next_check[i] = next;
        ssc_tz_leave(&tz);
        ssc_error_clear(&err);
    }
}

/* Waits for output of a render, a signal, or until `seconds` passed. */
static void runner_wait(runner *r, double seconds)
{
    fd_set rd;
    int top = -1;
    struct timespec ts;

    if (runner_stop || runner_hup)
        return;
    if (seconds < 0)
        seconds = 0;
    ts.tv_sec = (time_t)seconds;
    ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
    FD_ZERO(&rd);
    for (size_t i = 0; i < r->n_slots; i++) {
        int fd = r->slots[i].running ? r->slots[i].child.fd : -1;
        if (fd >= 0 && fd < FD_SETSIZE) {
            FD_SET(fd, &rd);
            if (fd > top)
                top = fd;
        }
    }
    if (pselect(top + 1, top >= 0 ? &rd : NULL, NULL, NULL, &ts, &runner_wait_mask) <= 0)
        return;
    for (size_t i = 0; i < r->n_slots; i++) {
        ssc_child *c = &r->slots[i].child;
        if (r->slots[i].running && c->fd >= 0 && FD_ISSET(c->fd, &rd))
            ssc_child_read(c);
    }
}

/* One turn: reap, kill what overran, start what may start; the seconds
 * to wait before the next turn. */
static double runner_turn(runner *r)
{
    double wait = RUNNER_MAX_SLEEP, mono = runner_mono();
    time_t now;

    for (size_t i = 0; i < r->n_slots; i++) {
        runner_slot *s = &r->slots[i];
        if (!s->running)
            continue;
        if (ssc_child_poll(&s->child)) {
            runner_finish(r, s, 0, 0);
        } else if (runner_stop || mono - s->mono_start >= (double)s->job->timeout) {
            ssc_child_kill(&s->child);
            runner_finish(r, s, runner_stop != 0, !runner_stop);
        } else {
            double left = (double)s->job->timeout - (mono - s->mono_start);
            /* a child whose pipe closed is polled; others wake us by output */
            double poll = s->child.fd < 0 ? 0.05 : 0.5;
            if (left < wait)
                wait = left;
            if (poll < wait)
                wait = poll;
        }
    }
    now = runner_now(r);
    for (size_t i = 0; i < r->n_slots && !runner_stop; i++) {
        runner_slot *s = &r->slots[i];
        if (s->running || s->next >= s->n_dues)
            continue;
        if (s->not_before > now) {
            if ((double)(s->not_before - now) < wait)
                wait = (double)(s->not_before - now);
            continue;
        }
        if (r->running >= r->jobs->max_parallel) {
            /* woken by the end of a render */
            continue;
        }
        runner_start(r, s, now);
        if (s->running && (double)s->job->timeout < wait)
            wait = (double)s->job->timeout; /* its timeout, even if it never writes */
        if (!s->running && s->next < s->n_dues)
            wait = 0; /* the next due time of this job may start at once */
    }
    if (r->opts->mode == SSC_RUNNER_DAEMON) {
        for (size_t i = 0; i < r->jobs->n_jobs; i++) {
            double until = (double)(r->next_check[i] - now);
            if (r->jobs->jobs[i].enabled && until < wait)
                wait = until;
        }
    }
    return wait;
}

int ssc_runner_run(ssc_jobs *jobs, const ssc_runner_opts *opts)
{
    runner r;
    ssc_error err;

    memset(&r, 0, sizeof r);
    r.opts = opts;
    r.caller = jobs;
    r.jobs = jobs;
    r.mono0 = runner_mono();
    ssc_error_clear(&err);
    if (runner_tables(&r) != SSC_OK) {
        ssc_sched_log(SSC_LOG_ERR, "out of memory");
        r.blocked = 1;
        goto out;
    }
    if (jobs->n_jobs && ssc_state_mkdirs(jobs->state_dir, &err) != SSC_OK) {
        char text[1600];
        snprintf(text, sizeof text, "%s: %s", err.file, err.message);
        ssc_sched_log(SSC_LOG_ERR, "state_dir: %s", text);
        r.blocked = 1;
        if (opts->mode != SSC_RUNNER_DAEMON)
            goto out;
    }
    int first = 1;
    for (;;) {
        if (runner_hup && opts->mode == SSC_RUNNER_DAEMON) {
            runner_hup = 0;
            runner_reload(&r);
        }
        if (!runner_stop)
            runner_plan(&r, runner_now(&r), first);
        first = 0;
        double wait = runner_turn(&r);
        runner_tidy(&r);
        ssc_hooks_reap(&r.hooks, 0);
        if (runner_stop && r.running == 0)
            break;
        if (opts->mode != SSC_RUNNER_DAEMON && r.n_slots == 0)
            break;
        runner_wait(&r, wait);
    }
out:
    /* the commands of the last runs finish before run-due exits (a
     * systemd oneshot service would kill them with it) */
    ssc_hooks_reap(&r.hooks, opts->mode == SSC_RUNNER_DAEMON ? 5.0 : 60.0);
    for (size_t i = 0; i < r.n_slots; i++)
        runner_slot_free(&r.slots[i]);
    free(r.slots);
    for (size_t k = 0; k < r.n_retired; k++)
        runner_jobs_free(&r, r.retired[k]);
    free(r.next_check);
    free(r.done_due);
    runner_jobs_free(&r, r.jobs);
    if (r.failed)
        return SSC_RUN_EXIT_FAILED;
    return r.blocked ? SSC_RUN_EXIT_BLOCKED : SSC_RUN_EXIT_OK;
}

/* SPDX-License-Identifier: MIT */
/* Running due jobs (see runner.h). */
#include "schedule/runner.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "schedule/catchup.h"
#include "schedule/isotime.h"
#include "render.h"
#include "schedule/statefile.h"

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

int ssc_runner_take_hup(void)
{
    int h = runner_hup;
    runner_hup = 0;
    return h;
}

static struct timespec runner_ts(double seconds)
{
    struct timespec ts;
    if (seconds < 0)
        seconds = 0;
    ts.tv_sec = (time_t)seconds;
    ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
    return ts;
}

void ssc_runner_sleep(double seconds)
{
    struct timespec ts = runner_ts(seconds);
    if (runner_stop || runner_hup)
        return;
    pselect(0, NULL, NULL, NULL, &ts, &runner_wait_mask);
}

static double runner_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int ssc_runner_next_due(const ssc_job *job, time_t now, time_t *next, ssc_error *err)
{
    return ssc_cron_next(&job->cron, job->zone, now, next, err);
}

/* --- one run --------------------------------------------------------------- */

typedef enum runner_outcome {
    RUNNER_OK,
    RUNNER_FAILED,
    RUNNER_TIMEOUT,
    RUNNER_CRASHED,
    RUNNER_INTERRUPTED
} runner_outcome;

static const char *const runner_outcome_names[] = {"ok", "failed", "timeout", "crashed",
                                                   "interrupted"};

typedef struct runner_run {
    const ssc_jobs *jobs;
    const ssc_job *job;
    time_t due;
    char output[4096];
    char message[8192]; /* what the child said, first line the error */
    runner_outcome outcome;
} runner_run;

/* The temporary files ssc_atomic makes beside the output (".NAME.XXXXXX"),
 * listed before a run so those a killed run leaves behind can be removed. */
typedef struct runner_temps {
    char **names;
    size_t n;
} runner_temps;

static void runner_temps_free(runner_temps *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->names[i]);
    free(t->names);
    memset(t, 0, sizeof *t);
}

static int runner_is_temp(const char *name, const char *base)
{
    size_t b = strlen(base);
    return name[0] == '.' && strncmp(name + 1, base, b) == 0 && name[b + 1] == '.' &&
           strlen(name + b + 2) == 6;
}

static void runner_temps_list(const char *dir, const char *base, runner_temps *t)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    memset(t, 0, sizeof *t);
    if (!d)
        return;
    while ((e = readdir(d))) {
        char **grown;
        if (!runner_is_temp(e->d_name, base))
            continue;
        if (!(grown = realloc(t->names, (t->n + 1) * sizeof *grown)))
            break;
        t->names = grown;
        if (!(t->names[t->n] = strdup(e->d_name)))
            break;
        t->n++;
    }
    closedir(d);
}

/* Removes the temporaries that were not there before the run. */
static void runner_temps_clean(const char *dir, const char *base, const runner_temps *before)
{
    runner_temps now;
    runner_temps_list(dir, base, &now);
    for (size_t i = 0; i < now.n; i++) {
        size_t k;
        for (k = 0; k < before->n; k++)
            if (!strcmp(now.names[i], before->names[k]))
                break;
        if (k < before->n)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, now.names[i]);
        if (unlink(path) != 0 && errno != ENOENT)
            fprintf(stderr, "ssc-report: cannot remove %s: %s\n", path, strerror(errno));
    }
    runner_temps_free(&now);
}

/* In the child: render, tell the parent what went wrong, exit. */
static void runner_child(const runner_run *r, int fd)
{
    ssc_render_opts o;
    ssc_render_result res;
    ssc_diag problems;
    ssc_error err;
    sigset_t none;

    /* a render is killed by SIGTERM like any process */
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    memset(&o, 0, sizeof o);
    o.report = r->job->report;
    o.output = r->output;
    o.sets = (const char *const *)r->job->sets;
    o.n_sets = r->job->n_sets;
    o.config = r->jobs->config;
    ssc_error_clear(&err);
    ssc_diag_init(&problems, 20);
    int rc = ssc_render(&o, &res, &problems, &err);
    if (rc != SSC_OK) {
        FILE *fp = fdopen(fd, "w");
        if (fp) {
            ssc_error_print(&err, fp);
            ssc_diag_print(&problems, fp);
            fclose(fp);
        }
    }
    _exit(rc == SSC_OK ? 0 : 1);
}

/* Appends what the child wrote to r->message (dropping what does not fit);
 * returns 0 at the end of the pipe. */
static int runner_read(runner_run *r, size_t *used, int fd)
{
    char buf[1024];
    ssize_t n = read(fd, buf, sizeof buf);

    if (n < 0)
        return errno == EINTR;
    if (n == 0)
        return 0;
    size_t room = sizeof r->message - 1 - *used;
    size_t take = (size_t)n < room ? (size_t)n : room;
    memcpy(r->message + *used, buf, take);
    *used += take;
    r->message[*used] = '\0';
    return 1;
}

/* The outcome of a render that ended by itself. */
static void runner_classify(runner_run *r, int status)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        r->outcome = RUNNER_OK;
    } else if (runner_stop) {
        /* the stop signal reached the render too (a terminal's Ctrl-C, or
         * systemd signalling the whole service): not a failure of the job */
        r->outcome = RUNNER_INTERRUPTED;
    } else if (WIFEXITED(status)) {
        r->outcome = RUNNER_FAILED;
        if (!r->message[0])
            snprintf(r->message, sizeof r->message, "the render exited with status %d",
                     WEXITSTATUS(status));
    } else {
        r->outcome = RUNNER_CRASHED;
        snprintf(r->message, sizeof r->message, "the render crashed (signal %d, %s)",
                 WTERMSIG(status), strsignal(WTERMSIG(status)));
    }
}

/* Waits for the child, reading its message, until it ends, the timeout
 * passes or a stop signal comes; the last two kill it (SIGKILL: a render
 * gets no chance to do anything more). */
static void runner_wait(runner_run *r, pid_t pid, int fd)
{
    double deadline = runner_clock() + (double)r->job->timeout;
    size_t used = 0;
    int status = 0;

    for (;;) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            /* its end of the pipe is closed now: read what is left */
            while (fd >= 0 && runner_read(r, &used, fd))
                ;
            runner_classify(r, status);
            break;
        }
        if (runner_stop || runner_clock() >= deadline) {
            r->outcome = runner_stop ? RUNNER_INTERRUPTED : RUNNER_TIMEOUT;
            kill(pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
            break;
        }
        /* wake for output, a signal, or every 0.2 s to check the child */
        double left = deadline - runner_clock();
        struct timespec ts = runner_ts(left < 0.2 ? left : 0.2);
        fd_set rd;
        FD_ZERO(&rd);
        if (fd >= 0)
            FD_SET(fd, &rd);
        if (pselect(fd >= 0 ? fd + 1 : 0, &rd, NULL, NULL, &ts, &runner_wait_mask) > 0 &&
            !runner_read(r, &used, fd)) {
            close(fd);
            fd = -1;
        }
    }
    if (fd >= 0)
        close(fd);
}

/* Renders r->output for r->due in a child process. */
static void runner_render(runner_run *r)
{
    char dir[4096];
    const char *slash = strrchr(r->output, '/');
    const char *base = slash ? slash + 1 : r->output;
    runner_temps before;
    ssc_error err;
    int fds[2] = {-1, -1};
    pid_t pid;

    ssc_error_clear(&err);
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - r->output) : 1,
             slash ? r->output : ".");
    if (!dir[0])
        snprintf(dir, sizeof dir, "/");
    if (ssc_state_mkdirs(dir, &err) != SSC_OK) {
        r->outcome = RUNNER_FAILED;
        snprintf(r->message, sizeof r->message, "output folder: %s: %s", err.file, err.message);
        return;
    }
    runner_temps_list(dir, base, &before);
    fflush(stdout);
    fflush(stderr);
    if (pipe(fds) != 0 || (pid = fork()) < 0) {
        int e = errno;
        if (fds[0] >= 0) {
            close(fds[0]);
            close(fds[1]);
        }
        r->outcome = RUNNER_FAILED;
        snprintf(r->message, sizeof r->message, "cannot start the render: %s", strerror(e));
        runner_temps_free(&before);
        return;
    }
    if (pid == 0) {
        close(fds[0]);
        runner_child(r, fds[1]);
    }
    close(fds[1]);
    runner_wait(r, pid, fds[0]);
    if (r->outcome == RUNNER_TIMEOUT)
        snprintf(r->message, sizeof r->message,
                 "the render did not finish within %ld seconds and was killed", r->job->timeout);
    else if (r->outcome == RUNNER_INTERRUPTED)
        snprintf(r->message, sizeof r->message,
                 "the render was stopped by signal %d before it finished", (int)runner_stop);
    /* a killed render cannot clean up after itself */
    if (r->outcome != RUNNER_OK)
        runner_temps_clean(dir, base, &before);
    runner_temps_free(&before);
}

/* Keeps the newest output and `keep` earlier ones; forgets outputs that
 * are gone.  Only files this job wrote (listed in its state) are removed. */
static void runner_prune(const ssc_job *job, ssc_job_state *st)
{
    size_t n = st->n_outputs, kept = 0;
    size_t excess;
    struct stat sb;

    if (n == 0)
        return;
    for (size_t i = 0; i + 1 < n; i++) {
        if (stat(st->outputs[i], &sb) != 0 && errno == ENOENT) {
            free(st->outputs[i]);
            st->outputs[i] = NULL;
        }
    }
    size_t live = 0;
    for (size_t i = 0; i < n; i++)
        live += st->outputs[i] != NULL;
    excess = job->keep >= 0 && live > (size_t)job->keep + 1 ? live - (size_t)job->keep - 1 : 0;
    for (size_t i = 0; i + 1 < n && excess > 0; i++) {
        if (!st->outputs[i])
            continue;
        if (unlink(st->outputs[i]) != 0 && errno != ENOENT) {
            fprintf(stderr, "ssc-report: job %s: cannot remove the old output %s: %s\n",
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

/* Prints the child's message after the first line (data problems). */
static void runner_print_details(const char *job, const char *message)
{
    const char *nl = strchr(message, '\n');
    while (nl && nl[1]) {
        const char *next = strchr(nl + 1, '\n');
        int len = next ? (int)(next - nl - 1) : (int)strlen(nl + 1);
        fprintf(stderr, "ssc-report: job %s:   %.*s\n", job, len, nl + 1);
        nl = next;
    }
}

/* Writes the job's state and appends rec to the run log; returns non-zero
 * when either failed. */
static int runner_record(const ssc_jobs *jobs, const ssc_job_state *st, const char *state_path,
                         const ssc_run_record *rec)
{
    ssc_error err;
    int failed = 0;

    fflush(stdout);
    ssc_error_clear(&err);
    if (ssc_state_write(st, state_path, rec->job, &err) != SSC_OK) {
        fprintf(stderr, "ssc-report: job %s: cannot record the state: ", rec->job);
        ssc_error_print(&err, stderr);
        failed = 1;
    }
    ssc_error_clear(&err);
    if (ssc_runlog_append(jobs->log, rec, &err) != SSC_OK) {
        fprintf(stderr, "ssc-report: job %s: ", rec->job);
        ssc_error_print(&err, stderr);
        failed = 1;
    }
    return failed;
}

/* Runs one due time and records it; returns non-zero when it failed. */
static int runner_one(const ssc_jobs *jobs, const ssc_job *job, time_t due, ssc_job_state *st,
                      const char *state_path)
{
    runner_run *r = calloc(1, sizeof *r);
    ssc_error err;
    char duebuf[40];
    int failed;

    ssc_error_clear(&err);
    if (!r) {
        fprintf(stderr, "ssc-report: job %s: out of memory\n", job->name);
        return 1;
    }
    r->jobs = jobs;
    r->job = job;
    r->due = due;
    ssc_time_format(due, job->zone == SSC_CRON_UTC, duebuf, sizeof duebuf);
    time_t start = time(NULL);
    if (ssc_job_output(job, due, r->output, sizeof r->output, &err) != SSC_OK) {
        r->outcome = RUNNER_FAILED;
        snprintf(r->message, sizeof r->message, "%s", err.message);
    } else {
        runner_render(r);
    }
    time_t end = time(NULL);
    char *nl = strchr(r->message, '\n');
    char first[1024];
    snprintf(first, sizeof first, "%.*s", nl ? (int)(nl - r->message) : (int)strlen(r->message),
             r->message);

    st->has_run = 1;
    st->run_due = due;
    st->run_start = start;
    st->run_end = end;
    snprintf(st->outcome, sizeof st->outcome, "%s", runner_outcome_names[r->outcome]);
    ssc_state_set_error(st, first);
    /* an interrupted run is not dealt with: the next start plans it again */
    if (r->outcome != RUNNER_INTERRUPTED) {
        st->has_due = 1;
        st->last_due = due;
    }
    failed = r->outcome != RUNNER_OK;
    if (!failed) {
        st->has_success = 1;
        st->success_due = due;
        st->success_end = end;
        if (ssc_state_add_output(st, r->output, &err) != SSC_OK) {
            ssc_error_print(&err, stderr);
            failed = 1;
        }
        runner_prune(job, st);
        printf("ssc-report: job %s, due %s: ok, wrote %s (%lds)\n", job->name, duebuf, r->output,
               (long)(end - start));
    } else {
        fprintf(stderr, "ssc-report: job %s, due %s: %s: %s\n", job->name, duebuf, st->outcome,
                first);
        runner_print_details(job->name, r->message);
    }
    ssc_run_record rec = {job->name, due, start, end, st->outcome,
                          r->output[0] ? r->output : NULL, first};
    failed |= runner_record(jobs, st, state_path, &rec);
    free(r);
    return failed;
}

/* Records the due times passed over in the state and one log line. */
static int runner_skipped(const ssc_jobs *jobs, const ssc_job *job, const ssc_catchup *plan,
                          ssc_job_state *st, const char *state_path)
{
    char first[40], last[40], msg[256];
    const char *why = job->catch_up == SSC_CATCH_UP_ALL    ? "all, older than max_age"
                      : job->catch_up == SSC_CATCH_UP_SKIP ? "skip"
                                                           : "once";
    time_t now = time(NULL);

    ssc_time_format(plan->first_skipped, job->zone == SSC_CRON_UTC, first, sizeof first);
    ssc_time_format(plan->last_skipped, job->zone == SSC_CRON_UTC, last, sizeof last);
    if (plan->n_skipped == 1)
        snprintf(msg, sizeof msg, "1 missed run skipped (catch_up %s)", why);
    else
        snprintf(msg, sizeof msg, "%s%zu missed runs skipped, %s to %s (catch_up %s)",
                 plan->skipped_more ? "more than " : "", plan->n_skipped, first, last, why);
    printf("ssc-report: job %s, due %s: %s\n", job->name, last, msg);
    if (!st->has_due || st->last_due < plan->last_skipped) {
        st->has_due = 1;
        st->last_due = plan->last_skipped;
    }
    ssc_run_record rec = {job->name, plan->last_skipped, now, now, "skipped", NULL, msg};
    return runner_record(jobs, st, state_path, &rec);
}

static char *runner_path(const char *dir, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(name) + strlen(ext) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s", dir, name, ext);
    return p;
}

/* Everything due for one job, under its lock; returns non-zero on failure. */
static int runner_job(const ssc_jobs *jobs, const ssc_job *job, time_t now)
{
    char *state_path = runner_path(jobs->state_dir, job->name, ".state");
    char *lock_path = runner_path(jobs->state_dir, job->name, ".lock");
    ssc_job_state st;
    ssc_catchup plan;
    ssc_error err;
    int lock = -1, failed = 0;

    memset(&st, 0, sizeof st);
    memset(&plan, 0, sizeof plan);
    ssc_error_clear(&err);
    if (!state_path || !lock_path) {
        ssc_error_oom(&err);
        goto fail;
    }
    if (ssc_lock_try(lock_path, &lock, &err) != SSC_OK)
        goto fail;
    if (lock < 0) {
        fprintf(stderr, "ssc-report: job %s: another process is running it (%s is locked); "
                        "leaving it to that process\n",
                job->name, lock_path);
        goto out;
    }
    /* read only under the lock: the other process may just have run it */
    if (ssc_state_read(&st, state_path, &err) != SSC_OK ||
        ssc_catchup_plan(job, &st, now, &plan, &err) != SSC_OK)
        goto fail;
    if (plan.n_skipped)
        failed |= runner_skipped(jobs, job, &plan, &st, state_path);
    for (size_t i = 0; i < plan.n_runs && !runner_stop; i++)
        failed |= runner_one(jobs, job, plan.runs[i], &st, state_path);
    goto out;
fail:
    fprintf(stderr, "ssc-report: job %s: ", job->name);
    ssc_error_print(&err, stderr);
    failed = 1;
out:
    ssc_lock_release(lock);
    ssc_catchup_free(&plan);
    ssc_state_free(&st);
    free(state_path);
    free(lock_path);
    return failed;
}

void ssc_runner_pass(const ssc_jobs *jobs, time_t now, int *failed)
{
    ssc_error err;

    *failed = 0;
    if (jobs->n_jobs == 0)
        return;
    ssc_error_clear(&err);
    if (ssc_state_mkdirs(jobs->state_dir, &err) != SSC_OK) {
        fprintf(stderr, "ssc-report: state_dir: ");
        ssc_error_print(&err, stderr);
        *failed = (int)jobs->n_jobs;
        return;
    }
    for (size_t i = 0; i < jobs->n_jobs && !runner_stop; i++)
        *failed += runner_job(jobs, &jobs->jobs[i], now);
}

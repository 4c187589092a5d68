/* SPDX-License-Identifier: MIT */
/* A render in a child process (see runchild.h). */
#include "schedule/runchild.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "render.h"
#include "report/compute.h"
#include "schedule/statefile.h"
#include "schedule/tz.h"

/* The temporary files ssc_atomic makes beside the output (".NAME.XXXXXX"). */
static int child_is_temp(const char *name, const char *base)
{
    size_t b = strlen(base);
    return name[0] == '.' && strncmp(name + 1, base, b) == 0 && name[b + 1] == '.' &&
           strlen(name + b + 2) == 6;
}

static void child_temps_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static size_t child_temps_list(const char *dir, const char *base, char ***out)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;

    *out = NULL;
    if (!d)
        return 0;
    while ((e = readdir(d))) {
        char **grown;
        if (!child_is_temp(e->d_name, base))
            continue;
        if (!(grown = realloc(*out, (n + 1) * sizeof *grown)))
            break;
        *out = grown;
        if (!((*out)[n] = strdup(e->d_name)))
            break;
        n++;
    }
    closedir(d);
    return n;
}

/* The render's phase timings, kept as the command's --verbose keeps them. */
typedef struct child_clock {
    ssc_phase phase;
    double phase_start;
    double took[SSC_PHASE_COUNT];
} child_clock;

static double child_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void child_clock_note(void *ctx, ssc_phase phase, double done, double total)
{
    child_clock *k = ctx;
    double now = child_now();
    (void)done;
    (void)total;
    if (phase == k->phase && phase != SSC_PHASE_START)
        return;
    if (k->phase_start > 0 && k->phase < SSC_PHASE_COUNT)
        k->took[k->phase] += now - k->phase_start;
    k->phase = phase;
    k->phase_start = now;
}

/* The first line the child writes: CHILD_PHASES and the seconds of each
 * phase; the parent takes it off before the message (ssc_child_poll). */
#define CHILD_PHASES "\036phases"

/* In the child: render, tell the parent its timings and what went wrong,
 * exit. */
static void child_main(const ssc_jobs *jobs, const ssc_job *job, const char *output, int fd,
                       pid_t parent)
{
    ssc_render_opts o;
    ssc_render_result res;
    ssc_diag problems;
    ssc_error err;
    ssc_tz_saved tz;
    ssc_engine_config engine = jobs->engine; /* borrowed as the snapshot is */
    sigset_t none;

    /* die with the daemon: a render nobody waits for would write a report
     * no state records; the check closes the race with a parent that died
     * before the prctl */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);
    /* a render is killed by SIGTERM like any process */
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    ssc_tz_enter(job->tz, &tz); /* for good: the report's dates are the job's */
    memset(&o, 0, sizeof o);
    o.report = job->report;
    o.output = output;
    o.sets = (const char *const *)job->sets;
    o.n_sets = job->n_sets;
    o.config = jobs->config;
    /* up to max_parallel renders run at once: unless the settings say
     * otherwise, they share the processors instead of each computing its
     * sections on all of them (a plugin_timeout is wall time) */
    if (engine.plugin_processes == 0) {
        long at_once = jobs->max_parallel > 0 ? jobs->max_parallel : 1;
        long per = (long)ssc_compute_processors() / at_once;
        if (per > SSC_COMPUTE_MAX_PROCESSES)
            per = SSC_COMPUTE_MAX_PROCESSES;
        engine.plugin_processes = per < 1 ? 1 : per;
    }
    o.engine = &engine;
    child_clock clock = {.phase = SSC_PHASE_COUNT};
    ssc_progress progress = {child_clock_note, &clock};
    o.progress = &progress;
    ssc_error_clear(&err);
    ssc_diag_init(&problems, 20);
    int rc = ssc_render(&o, &res, &problems, &err);
    ssc_progress_note(&progress, SSC_PHASE_DONE, 0, 0);
    FILE *fp = fdopen(fd, "w");
    if (fp) {
        fputs(CHILD_PHASES, fp);
        for (int i = 0; i < SSC_PHASE_DONE; i++)
            fprintf(fp, " %.3f", clock.took[i]);
        fputc('\n', fp);
        if (rc != SSC_OK) {
            ssc_error_print(&err, fp);
            ssc_diag_print(&problems, fp);
        }
        fclose(fp);
    }
    _exit(rc == SSC_OK ? 0 : 1);
}

int ssc_child_start(ssc_child *c, const ssc_jobs *jobs, const ssc_job *job, const char *output,
                    char *why, size_t len)
{
    const char *slash = strrchr(output, '/');
    ssc_error err;
    int fds[2] = {-1, -1};
    pid_t parent = getpid();

    memset(c, 0, sizeof *c);
    c->fd = -1;
    ssc_error_clear(&err);
    snprintf(c->dir, sizeof c->dir, "%.*s", slash ? (int)(slash - output) : 1,
             slash ? output : ".");
    if (!c->dir[0])
        snprintf(c->dir, sizeof c->dir, "/");
    snprintf(c->base, sizeof c->base, "%s", slash ? slash + 1 : output);
    if (ssc_state_mkdirs(c->dir, &err) != SSC_OK) {
        snprintf(why, len, "output folder: %s: %s", err.file, err.message);
        return SSC_ERR;
    }
    c->n_temps_before = child_temps_list(c->dir, c->base, &c->temps_before);
    fflush(stdout);
    fflush(stderr);
    if (pipe(fds) != 0 || (c->pid = fork()) < 0) {
        int e = errno;
        if (fds[0] >= 0) {
            close(fds[0]);
            close(fds[1]);
        }
        c->pid = 0;
        snprintf(why, len, "cannot start the render: %s", strerror(e));
        ssc_child_done(c, 0);
        return SSC_ERR;
    }
    if (c->pid == 0) {
        close(fds[0]);
        child_main(jobs, job, output, fds[1], parent);
    }
    close(fds[1]);
    c->fd = fds[0];
    return SSC_OK;
}

void ssc_child_read(ssc_child *c)
{
    char buf[1024];
    ssize_t n;

    if (c->fd < 0)
        return;
    n = read(c->fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
        return;
    if (n <= 0) {
        close(c->fd);
        c->fd = -1;
        return;
    }
    /* what does not fit is dropped: the first lines say what went wrong */
    size_t room = sizeof c->message - 1 - c->used;
    size_t take = (size_t)n < room ? (size_t)n : room;
    memcpy(c->message + c->used, buf, take);
    c->used += take;
    c->message[c->used] = '\0';
}

/* Takes the timings line off the front of the message, if the render got
 * to write it (a crashed or killed one did not). */
static void child_take_phases(ssc_child *c)
{
    size_t head = strlen(CHILD_PHASES);
    char *end, *p;

    c->has_phases = 0;
    if (c->used < head || memcmp(c->message, CHILD_PHASES, head) != 0 ||
        !(end = memchr(c->message, '\n', c->used)))
        return;
    p = c->message + head;
    int i;
    for (i = 0; i < SSC_PHASE_DONE; i++) {
        char *next;
        c->phases[i] = strtod(p, &next);
        if (next == p || next > end)
            break;
        p = next;
    }
    c->has_phases = i == SSC_PHASE_DONE;
    size_t line = (size_t)(end - c->message) + 1;
    memmove(c->message, c->message + line, c->used - line + 1);
    c->used -= line;
}

int ssc_child_poll(ssc_child *c)
{
    if (c->ended)
        return 1;
    if (waitpid(c->pid, &c->status, WNOHANG) != c->pid)
        return 0;
    /* its end of the pipe is closed now: read what is left */
    while (c->fd >= 0)
        ssc_child_read(c);
    child_take_phases(c);
    c->ended = 1;
    return 1;
}

void ssc_child_kill(ssc_child *c)
{
    if (c->ended || c->pid <= 0)
        return;
    kill(c->pid, SIGKILL);
    while (waitpid(c->pid, &c->status, 0) < 0 && errno == EINTR)
        ;
    if (c->fd >= 0) {
        close(c->fd);
        c->fd = -1;
    }
    child_take_phases(c);
    c->ended = 1;
}

void ssc_child_done(ssc_child *c, int clean)
{
    if (clean) {
        char **now;
        size_t n = child_temps_list(c->dir, c->base, &now);
        for (size_t i = 0; i < n; i++) {
            size_t k;
            for (k = 0; k < c->n_temps_before; k++)
                if (!strcmp(now[i], c->temps_before[k]))
                    break;
            if (k < c->n_temps_before)
                continue;
            char path[8192];
            snprintf(path, sizeof path, "%s/%s", c->dir, now[i]);
            if (unlink(path) != 0 && errno != ENOENT)
                fprintf(stderr, "ssc-report: cannot remove %s: %s\n", path, strerror(errno));
        }
        child_temps_free(now, n);
    }
    child_temps_free(c->temps_before, c->n_temps_before);
    c->temps_before = NULL;
    c->n_temps_before = 0;
    if (c->fd >= 0) {
        close(c->fd);
        c->fd = -1;
    }
}

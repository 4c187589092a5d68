/* SPDX-License-Identifier: MIT */
/* The scheduling commands (see schedule_cli.h and docs/scheduling.md):
 *   schedule list [--config FILE] [--now TIME]
 *   schedule next --cron EXPR [--from TIME] [--count N]
 *   run-due [--now TIME] [--config FILE]
 *   daemon [--config FILE] */
#include "schedule/schedule_cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule/catchup.h"
#include "report/config.h"
#include "schedule/cron.h"
#include "schedule/isotime.h"
#include "schedule/jobs.h"
#include "schedule/runner.h"
#include "schedule/statefile.h"

/* The daemon wakes at least this often (seconds), so a changed clock or a
 * resumed machine is noticed within a minute. */
#define SCHED_MAX_SLEEP 60.0

typedef struct sched_args {
    const char *config;
    const char *now;
    const char *from;
    const char *cron;
    const char *count;
} sched_args;

static int sched_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A usage error: exit status 2. */
static int sched_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "ssc-report %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'ssc-report --help' or see docs/scheduling.md.\n");
    return 2;
}

static const char sched_help[] =
    "Usage: ssc-report schedule list [--config FILE] [--now TIME]\n"
    "       ssc-report schedule next --cron EXPR [--from TIME] [--count N]\n"
    "       ssc-report run-due [--now TIME] [--config FILE]\n"
    "       ssc-report daemon [--config FILE]\n"
    "\n"
    "TIME is ISO 8601 (2025-03-01T06:00:00Z, 2025-03-01T07:00+01:00, or local\n"
    "2025-03-01 06:00).  Jobs are defined in the engine settings file; see\n"
    "docs/scheduling.md.\n";

/* Reads --name VALUE options; allowed: the names this command takes. */
static int sched_parse(const char *cmd, int argc, char **argv, int first, const char *allowed,
                       sched_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = first; i < argc; i++) {
        const char *o = argv[i];
        const char **slot = NULL;
        if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
            fputs(sched_help, stdout);
            return 0;
        }
        if (!strcmp(o, "--config"))
            slot = &a->config;
        else if (!strcmp(o, "--now"))
            slot = &a->now;
        else if (!strcmp(o, "--from"))
            slot = &a->from;
        else if (!strcmp(o, "--cron"))
            slot = &a->cron;
        else if (!strcmp(o, "--count"))
            slot = &a->count;
        if (slot && !strstr(allowed, o))
            return sched_usage(cmd, "%s is not an option of this command (it takes %s)", o,
                               allowed);
        if (!slot && o[0] == '-')
            return sched_usage(cmd, "unknown option %s", o);
        if (!slot)
            return sched_usage(cmd, "unexpected argument %s", o);
        if (i + 1 >= argc)
            return sched_usage(cmd, "%s needs a value", o);
        *slot = argv[++i];
    }
    return -1;
}

static int sched_time(const char *cmd, const char *opt, const char *value, time_t *out)
{
    ssc_error err;
    ssc_error_clear(&err);
    if (!value) {
        *out = time(NULL);
        return SSC_OK;
    }
    if (ssc_time_parse(value, out, &err) != SSC_OK) {
        fprintf(stderr, "ssc-report %s: %s: %s\n", cmd, opt, err.message);
        return SSC_ERR;
    }
    return SSC_OK;
}

/* The engine settings file (--config, $SSC_REPORT_CONFIG, installed) and
 * its jobs. */
static int sched_load(const char *cmd, const char *config, ssc_jobs *jobs)
{
    ssc_engine_config conf;
    ssc_error err;
    int rc;

    ssc_error_clear(&err);
    rc = ssc_engine_config_load(&conf, config, &err);
    if (rc == SSC_OK)
        rc = ssc_jobs_load(jobs, conf.path, &err);
    else
        memset(jobs, 0, sizeof *jobs);
    ssc_engine_config_free(&conf);
    if (rc != SSC_OK) {
        fprintf(stderr, "ssc-report %s: ", cmd);
        ssc_error_print(&err, stderr);
        ssc_jobs_free(jobs);
        return SSC_ERR;
    }
    if (!jobs->config)
        fprintf(stderr,
                "ssc-report %s: no engine settings file (--config FILE or $SSC_REPORT_CONFIG), "
                "so no scheduled jobs\n",
                cmd);
    return SSC_OK;
}

static int sched_next(int argc, char **argv)
{
    sched_args a;
    ssc_cron c;
    ssc_error err;
    time_t t;
    long count = 1;
    int rc = sched_parse("schedule next", argc, argv, 2, "--cron --from --count", &a);

    if (rc >= 0)
        return rc;
    if (!a.cron)
        return sched_usage("schedule next", "%s", "--cron EXPR is required");
    if (a.count) {
        char *end;
        count = strtol(a.count, &end, 10);
        if (*end || end == a.count || count < 1 || count > 100000)
            return sched_usage("schedule next", "--count %s: expected 1 to 100000", a.count);
    }
    ssc_error_clear(&err);
    if (ssc_cron_parse(&c, a.cron, &err) != SSC_OK) {
        fprintf(stderr, "ssc-report schedule next: --cron: %s\n", err.message);
        return 1;
    }
    if (sched_time("schedule next", "--from", a.from, &t) != SSC_OK)
        return 1;
    for (long i = 0; i < count; i++) {
        char buf[40];
        if (ssc_cron_next(&c, SSC_CRON_LOCAL, t, &t, &err) != SSC_OK) {
            fprintf(stderr, "ssc-report schedule next: %s\n", err.message);
            return 1;
        }
        ssc_time_format(t, 0, buf, sizeof buf);
        printf("%s\n", buf);
    }
    return 0;
}

/* One job's line (and its last error) in `schedule list`. */
static void sched_list_job(const ssc_jobs *jobs, const ssc_job *job, time_t now)
{
    char path[4096], last[40] = "never", next[48] = "?";
    const char *outcome = "-";
    ssc_job_state st;
    ssc_catchup plan;
    ssc_error err;
    time_t t;
    int utc = job->zone == SSC_CRON_UTC;

    ssc_error_clear(&err);
    snprintf(path, sizeof path, "%s/%s.state", jobs->state_dir, job->name);
    if (ssc_state_read(&st, path, &err) != SSC_OK) {
        printf("%-16s %-18s state unreadable: %s\n", job->name, job->schedule, err.message);
        ssc_state_free(&st);
        return;
    }
    if (st.has_run) {
        ssc_time_format(st.run_due, utc, last, sizeof last);
        outcome = st.outcome;
    }
    if (ssc_catchup_plan(job, &st, now, &plan, &err) == SSC_OK && plan.n_runs > 0)
        snprintf(next, sizeof next, "due now");
    else if (ssc_cron_next(&job->cron, job->zone, now, &t, &err) == SSC_OK)
        ssc_time_format(t, utc, next, sizeof next);
    ssc_catchup_free(&plan);
    printf("%-16s %-18s %-25s %-11s %s\n", job->name, job->schedule, last, outcome, next);
    if (st.has_run && st.error[0])
        printf("%-16s last error: %s\n", "", st.error);
    ssc_state_free(&st);
}

static int sched_list(int argc, char **argv)
{
    sched_args a;
    ssc_jobs jobs;
    time_t now;
    int rc = sched_parse("schedule list", argc, argv, 2, "--config --now", &a);

    if (rc >= 0)
        return rc;
    if (sched_time("schedule list", "--now", a.now, &now) != SSC_OK)
        return 1;
    if (sched_load("schedule list", a.config, &jobs) != SSC_OK)
        return 1;
    if (jobs.n_jobs == 0) {
        if (jobs.config)
            printf("no scheduled jobs in %s\n", jobs.config);
    } else {
        printf("%-16s %-18s %-25s %-11s %s\n", "JOB", "SCHEDULE", "LAST RUN (DUE)", "OUTCOME",
               "NEXT");
    }
    for (size_t i = 0; i < jobs.n_jobs; i++)
        sched_list_job(&jobs, &jobs.jobs[i], now);
    ssc_jobs_free(&jobs);
    return 0;
}

static int sched_run_due(int argc, char **argv)
{
    sched_args a;
    ssc_jobs jobs;
    ssc_error err;
    time_t now;
    int failed = 0;
    int rc = sched_parse("run-due", argc, argv, 1, "--config --now", &a);

    if (rc >= 0)
        return rc;
    ssc_error_clear(&err);
    if (sched_time("run-due", "--now", a.now, &now) != SSC_OK)
        return 1;
    if (ssc_runner_signals_init(&err) != SSC_OK) {
        ssc_error_print(&err, stderr);
        return 1;
    }
    if (sched_load("run-due", a.config, &jobs) != SSC_OK)
        return 1;
    ssc_runner_pass(&jobs, now, &failed);
    ssc_jobs_free(&jobs);
    if (ssc_runner_stop_signal()) {
        fprintf(stderr, "ssc-report run-due: stopped by signal %d\n", ssc_runner_stop_signal());
        return 1;
    }
    if (failed)
        fprintf(stderr, "ssc-report run-due: %d job%s failed\n", failed, failed == 1 ? "" : "s");
    return failed ? 1 : 0;
}

/* SIGHUP: read the settings again; a bad file leaves the jobs as they were. */
static void sched_reload(const char *config, ssc_jobs *jobs)
{
    ssc_jobs fresh;
    if (sched_load("daemon", config, &fresh) != SSC_OK) {
        fprintf(stderr, "ssc-report daemon: SIGHUP: the new configuration has errors; keeping "
                        "the previous one\n");
        return;
    }
    ssc_jobs_free(jobs);
    *jobs = fresh;
    printf("ssc-report daemon: reloaded %s: %zu job%s\n", jobs->config ? jobs->config : "(none)",
           jobs->n_jobs, jobs->n_jobs == 1 ? "" : "s");
    fflush(stdout);
}

/* Seconds until the earliest next due time of any job (at most the cap). */
static double sched_until_next(const ssc_jobs *jobs, time_t now)
{
    double wait = SCHED_MAX_SLEEP;
    ssc_error err;
    ssc_error_clear(&err);
    for (size_t i = 0; i < jobs->n_jobs; i++) {
        time_t next;
        if (ssc_runner_next_due(&jobs->jobs[i], now, &next, &err) == SSC_OK &&
            (double)(next - now) < wait)
            wait = (double)(next - now);
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    /* wake on the due second itself, not a fraction before it */
    return wait - (double)ts.tv_nsec / 1e9 + ((double)now - (double)ts.tv_sec);
}

static int sched_daemon(int argc, char **argv)
{
    sched_args a;
    ssc_jobs jobs;
    ssc_error err;
    int rc = sched_parse("daemon", argc, argv, 1, "--config", &a);

    if (rc >= 0)
        return rc;
    ssc_error_clear(&err);
    if (ssc_runner_signals_init(&err) != SSC_OK) {
        ssc_error_print(&err, stderr);
        return 1;
    }
    if (sched_load("daemon", a.config, &jobs) != SSC_OK)
        return 1;
    printf("ssc-report daemon: started with %zu job%s from %s\n", jobs.n_jobs,
           jobs.n_jobs == 1 ? "" : "s", jobs.config ? jobs.config : "(no settings file)");
    fflush(stdout);
    while (!ssc_runner_stop_signal()) {
        int failed;
        if (ssc_runner_take_hup())
            sched_reload(a.config, &jobs);
        time_t now = time(NULL);
        ssc_runner_pass(&jobs, now, &failed);
        if (ssc_runner_stop_signal())
            break;
        ssc_runner_sleep(sched_until_next(&jobs, now));
    }
    printf("ssc-report daemon: stopping (signal %d)\n", ssc_runner_stop_signal());
    ssc_jobs_free(&jobs);
    return 0;
}

int ssc_cli_schedule(int argc, char **argv)
{
    const char *cmd = argv[0];

    if (!strcmp(cmd, "run-due"))
        return sched_run_due(argc, argv);
    if (!strcmp(cmd, "daemon"))
        return sched_daemon(argc, argv);
    if (argc < 2)
        return sched_usage("schedule", "%s", "expected list or next");
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        fputs(sched_help, stdout);
        return 0;
    }
    if (!strcmp(argv[1], "list"))
        return sched_list(argc, argv);
    if (!strcmp(argv[1], "next"))
        return sched_next(argc, argv);
    return sched_usage("schedule", "unknown subcommand %s (expected list or next)", argv[1]);
}

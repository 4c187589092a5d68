/* SPDX-License-Identifier: MIT */
/* The scheduling commands (see schedule_cli.h and docs/scheduling.md):
 *   schedule list [--config FILE] [--now TIME]
 *   schedule next --cron EXPR [--from TIME] [--count N] [--tz ZONE]
 *   run-due [--now TIME] [--config FILE]
 *   run JOB [--now TIME] [--config FILE]
 *   daemon [--config FILE] [--now TIME]
 * Exit statuses are runner.h's SSC_RUN_EXIT_ ones. */
#include "schedule/schedule_cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "schedule/catchup.h"
#include "report/config.h"
#include "schedule/cron.h"
#include "schedule/isotime.h"
#include "schedule/jobs.h"
#include "schedule/runner.h"
#include "schedule/schedlog.h"
#include "schedule/statefile.h"
#include "schedule/tz.h"

typedef struct sched_args {
    const char *config;
    const char *now;
    const char *from;
    const char *cron;
    const char *count;
    const char *tz;
    const char *job; /* run JOB */
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
    "       ssc-report schedule next --cron EXPR [--from TIME] [--count N] [--tz ZONE]\n"
    "       ssc-report run-due [--now TIME] [--config FILE]\n"
    "       ssc-report run JOB [--now TIME] [--config FILE]\n"
    "       ssc-report daemon [--config FILE] [--now TIME]\n"
    "\n"
    "TIME is ISO 8601 (2025-03-01T06:00:00Z, 2025-03-01T07:00+01:00, or local\n"
    "2025-03-01 06:00).  ZONE is an IANA time zone (Europe/Berlin).  Jobs are\n"
    "defined in the engine settings file; see docs/scheduling.md.\n"
    "Exit status of run-due and run: 0 all ran well, 1 a job failed, 2 bad\n"
    "settings or usage, 3 a job could not start (lock, state).\n";

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
        else if (!strcmp(o, "--tz"))
            slot = &a->tz;
        else if (o[0] != '-' && !a->job && strstr(allowed, "JOB")) {
            a->job = o;
            continue;
        }
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
 * its jobs; the settings are kept (jobs->engine) for the renders, which
 * must not read a file edited since. */
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
    if (rc == SSC_OK)
        rc = ssc_jobs_check(jobs, &err);
    if (rc == SSC_OK) {
        jobs->engine = conf; /* the jobs own it now */
        memset(&conf, 0, sizeof conf);
    }
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

/* schedule next's times, with TZ already the zone asked for */
static int sched_next_in(const sched_args *a, int utc)
{
    ssc_cron c;
    ssc_error err;
    time_t t;
    long count = 1;

    if (!a->cron)
        return sched_usage("schedule next", "%s", "--cron EXPR is required");
    if (a->count) {
        char *end;
        count = strtol(a->count, &end, 10);
        if (*end || end == a->count || count < 1 || count > 100000)
            return sched_usage("schedule next", "--count %s: expected 1 to 100000", a->count);
    }
    ssc_error_clear(&err);
    if (ssc_cron_parse(&c, a->cron, &err) != SSC_OK) {
        fprintf(stderr, "ssc-report schedule next: --cron: %s\n", err.message);
        return 1;
    }
    if (sched_time("schedule next", "--from", a->from, &t) != SSC_OK)
        return 1;
    for (long i = 0; i < count; i++) {
        char buf[40];
        if (ssc_cron_next(&c, utc ? SSC_CRON_UTC : SSC_CRON_LOCAL, t, &t, &err) != SSC_OK) {
            fprintf(stderr, "ssc-report schedule next: %s\n", err.message);
            return 1;
        }
        ssc_time_format(t, utc, buf, sizeof buf);
        printf("%s\n", buf);
    }
    return 0;
}

static int sched_next(int argc, char **argv)
{
    sched_args a;
    ssc_error err;
    ssc_tz_saved tz;
    int rc = sched_parse("schedule next", argc, argv, 2, "--cron --from --count --tz", &a);

    if (rc >= 0)
        return rc;
    ssc_error_clear(&err);
    if (a.tz && strcasecmp(a.tz, "UTC") != 0 && ssc_tz_check(a.tz, &err) != SSC_OK)
        return sched_usage("schedule next", "--tz: %s", err.message);
    /* the whole command is about that zone; left again so that the saved
     * TZ is freed (LeakSanitizer) */
    ssc_tz_enter(a.tz, &tz);
    rc = sched_next_in(&a, a.tz && !strcasecmp(a.tz, "UTC"));
    ssc_tz_leave(&tz);
    return rc;
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
    ssc_tz_saved tz;

    ssc_error_clear(&err);
    ssc_tz_enter(job->tz, &tz);
    snprintf(path, sizeof path, "%s/%s.state", jobs->state_dir, job->name);
    if (ssc_state_read(&st, path, &err) != SSC_OK) {
        printf("%-16s %-18s state unreadable: %s\n", job->name, job->schedule, err.message);
        ssc_state_free(&st);
        ssc_tz_leave(&tz);
        return;
    }
    if (st.has_run) {
        ssc_time_format(st.run_due, utc, last, sizeof last);
        outcome = st.outcome;
    }
    /* after the clock went back, due times up to the last one dealt with
     * do not run again: the next is the first after both */
    time_t from = st.has_due && st.last_due > now ? st.last_due : now;
    if (!job->enabled)
        snprintf(next, sizeof next, "paused (enabled = false)");
    else if (ssc_catchup_plan(job, &st, now, &plan, &err) == SSC_OK && plan.n_runs > 0)
        snprintf(next, sizeof next, "due now");
    else if (ssc_cron_next(&job->cron, job->zone, from, &t, &err) == SSC_OK)
        ssc_time_format(t, utc, next, sizeof next);
    ssc_catchup_free(&plan);
    printf("%-16s %-18s %-25s %-11s %s\n", job->name, job->schedule, last, outcome, next);
    if (st.has_run && st.error[0])
        printf("%-16s last error: %s\n", "", st.error);
    ssc_state_free(&st);
    ssc_tz_leave(&tz);
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
        return 2;
    if (sched_load("schedule list", a.config, &jobs) != SSC_OK)
        return 2;
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

/* The daemon's SIGHUP: the settings read again (ctx: the arguments). */
static int sched_reload(void *ctx, ssc_jobs *fresh)
{
    const sched_args *a = ctx;
    return sched_load("daemon", a->config, fresh);
}

/* run-due, run JOB and the daemon: the settings, then the runner. */
static int sched_run(const char *cmd, int argc, char **argv, const char *allowed,
                     ssc_runner_mode mode)
{
    sched_args a;
    ssc_jobs jobs;
    ssc_error err;
    ssc_runner_opts o;
    int rc = sched_parse(cmd, argc, argv, 1, allowed, &a);

    if (rc >= 0)
        return rc;
    if (mode == SSC_RUNNER_ONE && !a.job)
        return sched_usage(cmd, "%s", "which job? ssc-report run JOB (see schedule list)");
    memset(&o, 0, sizeof o);
    o.mode = mode;
    o.job = a.job;
    o.fake_clock = a.now != NULL;
    o.reload = sched_reload;
    o.reload_ctx = &a;
    ssc_error_clear(&err);
    if (sched_time(cmd, "--now", a.now, &o.now) != SSC_OK)
        return SSC_RUN_EXIT_SETTINGS;
    if (sched_load(cmd, a.config, &jobs) != SSC_OK)
        return SSC_RUN_EXIT_SETTINGS;
    if (mode == SSC_RUNNER_ONE) {
        size_t i;
        for (i = 0; i < jobs.n_jobs && strcmp(jobs.jobs[i].name, a.job) != 0; i++)
            ;
        if (i == jobs.n_jobs) {
            fprintf(stderr, "ssc-report run: no job \"%s\" in %s\n", a.job,
                    jobs.config ? jobs.config : "(no settings file)");
            ssc_jobs_free(&jobs);
            return SSC_RUN_EXIT_SETTINGS;
        }
    }
    if (ssc_runner_signals_init(&err) != SSC_OK) {
        ssc_error_print(&err, stderr);
        ssc_jobs_free(&jobs);
        return SSC_RUN_EXIT_BLOCKED;
    }
    if (mode == SSC_RUNNER_DAEMON)
        ssc_sched_log(SSC_LOG_NOTICE, "daemon: started with %zu job%s from %s", jobs.n_jobs,
                      jobs.n_jobs == 1 ? "" : "s", jobs.config ? jobs.config : "(no settings file)");
    rc = ssc_runner_run(&jobs, &o);
    if (mode == SSC_RUNNER_DAEMON) {
        ssc_sched_log(SSC_LOG_NOTICE, "daemon: stopping (signal %d)", ssc_runner_stop_signal());
        return 0;
    }
    if (ssc_runner_stop_signal()) {
        fprintf(stderr, "ssc-report %s: stopped by signal %d\n", cmd, ssc_runner_stop_signal());
        return SSC_RUN_EXIT_FAILED;
    }
    if (rc == SSC_RUN_EXIT_FAILED)
        fprintf(stderr, "ssc-report %s: a job failed (see above and the run log)\n", cmd);
    else if (rc == SSC_RUN_EXIT_BLOCKED)
        fprintf(stderr, "ssc-report %s: a job could not start (see above)\n", cmd);
    return rc;
}

int ssc_cli_schedule(int argc, char **argv)
{
    const char *cmd = argv[0];

    if (!strcmp(cmd, "run-due"))
        return sched_run(cmd, argc, argv, "--config --now", SSC_RUNNER_DUE);
    if (!strcmp(cmd, "run"))
        return sched_run(cmd, argc, argv, "JOB --config --now", SSC_RUNNER_ONE);
    if (!strcmp(cmd, "daemon"))
        return sched_run(cmd, argc, argv, "--config --now", SSC_RUNNER_DAEMON);
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

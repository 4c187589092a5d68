/* SPDX-License-Identifier: MIT */
/* Scheduled jobs from the engine settings file (see jobs.h). */
#include "schedule/jobs.h"

#include <libconfig.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "report/limits.h"
#include <unistd.h>

#include "schedule/tz.h"

/* Defaults documented in docs/scheduling.md. */
#define JOBS_DEFAULT_TIMEOUT 3600
#define JOBS_DEFAULT_GRACE 300
#define JOBS_DEFAULT_RETRY_DELAY 60

typedef struct jobs_ctx {
    const char *path; /* the settings file, for messages */
    const char *base; /* its folder, absolute */
    ssc_error *err;
} jobs_ctx;

static int jobs_fail(const jobs_ctx *x, const config_setting_t *s, const char *job,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* "FILE:LINE: job "NAME": message" */
static int jobs_fail(const jobs_ctx *x, const config_setting_t *s, const char *job,
                     const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ssc_error_at(x->err, x->path, s ? config_setting_source_line(s) : 0, "job \"%s\": %s",
                        job, msg);
}

/* base/p unless p is absolute; caller frees. */
static char *jobs_join(const char *base, const char *p)
{
    size_t n = strlen(base) + strlen(p) + 2;
    char *out = malloc(n);
    if (!out)
        return NULL;
    if (p[0] == '/')
        snprintf(out, n, "%s", p);
    else
        snprintf(out, n, "%s/%s", base, p);
    return out;
}

static int jobs_string(const jobs_ctx *x, const config_setting_t *s, const char *job,
                       const char **out)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING)
        return jobs_fail(x, s, job, "%s: expected a string in double quotes",
                         config_setting_name(s));
    *out = config_setting_get_string(s);
    if (!**out)
        return jobs_fail(x, s, job, "%s: must not be empty", config_setting_name(s));
    return SSC_OK;
}

static int jobs_seconds(const jobs_ctx *x, const config_setting_t *s, const char *job, long min,
                        long *out)
{
    int t = config_setting_type(s);
    long long v;
    if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
        return jobs_fail(x, s, job, "%s: expected a whole number", config_setting_name(s));
    v = config_setting_get_int64(s);
    if (v < min || v > LONG_MAX / 2)
        return jobs_fail(x, s, job, "%s: %lld is out of range (%ld or more)",
                         config_setting_name(s), v, min);
    *out = (long)v;
    return SSC_OK;
}

static int jobs_name_ok(const char *name)
{
    if (!name[0] || name[0] == '.' || strlen(name) > 64)
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-' || *p == '.'))
            return 0;
    return 1;
}

/* A strftime template must not end in a lone '%' or in a folder. */
static int jobs_template_ok(const char *t)
{
    size_t n = strlen(t);
    for (size_t i = 0; i < n; i++)
        if (t[i] == '%' && ++i == n)
            return 0;
    return n > 0 && t[n - 1] != '/';
}

static int jobs_sets(const jobs_ctx *x, const config_setting_t *s, ssc_job *job)
{
    int n = config_setting_length(s);
    if (config_setting_type(s) != CONFIG_TYPE_ARRAY && config_setting_type(s) != CONFIG_TYPE_LIST)
        return jobs_fail(x, s, job->name, "set: expected [ \"KEY=VALUE\", ... ]");
    if (n > 0 && !(job->sets = calloc((size_t)n, sizeof *job->sets)))
        return ssc_error_oom(x->err);
    for (int i = 0; i < n; i++) {
        const char *v = config_setting_get_string_elem(s, i);
        if (!v || !strchr(v, '=') || v[0] == '=')
            return jobs_fail(x, s, job->name,
                             "set: entry %d is not a string \"KEY=VALUE\" (e.g. \"language=zh\")",
                             i + 1);
        if (!(job->sets[job->n_sets] = strdup(v)))
            return ssc_error_oom(x->err);
        job->n_sets++;
    }
    return SSC_OK;
}

static int jobs_enum(const jobs_ctx *x, const config_setting_t *s, ssc_job *job)
{
    const char *v;
    const char *key = config_setting_name(s);

    if (jobs_string(x, s, job->name, &v) != SSC_OK)
        return SSC_ERR;
    if (!strcmp(key, "catch_up")) {
        if (!strcmp(v, "once"))
            job->catch_up = SSC_CATCH_UP_ONCE;
        else if (!strcmp(v, "skip"))
            job->catch_up = SSC_CATCH_UP_SKIP;
        else if (!strcmp(v, "all"))
            job->catch_up = SSC_CATCH_UP_ALL;
        else
            return jobs_fail(x, s, job->name, "catch_up: \"%s\" is not \"once\", \"skip\" or \"all\"",
                             v);
        return SSC_OK;
    }
    if (!strcasecmp(v, "UTC")) {
        job->zone = SSC_CRON_UTC;
    } else if (!strcmp(v, "local")) {
        job->zone = SSC_CRON_LOCAL;
    } else {
        ssc_error zerr;
        ssc_error_clear(&zerr);
        if (ssc_tz_check(v, &zerr) != SSC_OK)
            return jobs_fail(x, s, job->name, "timezone: %s", zerr.message);
        job->zone = SSC_CRON_LOCAL;
        free(job->tz);
        if (!(job->tz = strdup(v)))
            return ssc_error_oom(x->err);
    }
    return SSC_OK;
}

/* One field of a job; the name has been read already. */
static int jobs_field(const jobs_ctx *x, const config_setting_t *s, ssc_job *job)
{
    const char *key = config_setting_name(s);
    const char *v;

    if (!strcmp(key, "name"))
        return SSC_OK;
    if (!strcmp(key, "report") || !strcmp(key, "output")) {
        if (jobs_string(x, s, job->name, &v) != SSC_OK)
            return SSC_ERR;
        if (!strcmp(key, "output") && !jobs_template_ok(v))
            return jobs_fail(x, s, job->name,
                             "output: \"%s\" is not a file name template (a lone %% at the end, "
                             "or a folder)",
                             v);
        char **dst = !strcmp(key, "report") ? &job->report : &job->output;
        *(!strcmp(key, "report") ? &job->report_line : &job->output_line) =
            config_setting_source_line(s);
        return (*dst = jobs_join(x->base, v)) ? SSC_OK : ssc_error_oom(x->err);
    }
    if (!strcmp(key, "on_failure") || !strcmp(key, "on_success")) {
        char **dst = !strcmp(key, "on_failure") ? &job->on_failure : &job->on_success;
        if (jobs_string(x, s, job->name, &v) != SSC_OK)
            return SSC_ERR;
        return (*dst = strdup(v)) ? SSC_OK : ssc_error_oom(x->err);
    }
    if (!strcmp(key, "enabled")) {
        if (config_setting_type(s) != CONFIG_TYPE_BOOL)
            return jobs_fail(x, s, job->name, "enabled: expected true or false");
        job->enabled = config_setting_get_bool(s);
        return SSC_OK;
    }
    if (!strcmp(key, "schedule")) {
        ssc_error cerr;
        ssc_error_clear(&cerr);
        if (jobs_string(x, s, job->name, &v) != SSC_OK)
            return SSC_ERR;
        if (ssc_cron_parse(&job->cron, v, &cerr) != SSC_OK)
            return jobs_fail(x, s, job->name, "schedule: %s", cerr.message);
        return (job->schedule = strdup(v)) ? SSC_OK : ssc_error_oom(x->err);
    }
    if (!strcmp(key, "keep"))
        return jobs_seconds(x, s, job->name, 0, &job->keep);
    if (!strcmp(key, "timeout"))
        return jobs_seconds(x, s, job->name, 1, &job->timeout);
    if (!strcmp(key, "max_age"))
        return jobs_seconds(x, s, job->name, 0, &job->max_age);
    if (!strcmp(key, "grace"))
        return jobs_seconds(x, s, job->name, 0, &job->grace);
    if (!strcmp(key, "retries"))
        return jobs_seconds(x, s, job->name, 0, &job->retries);
    if (!strcmp(key, "retry_delay"))
        return jobs_seconds(x, s, job->name, 0, &job->retry_delay);
    if (!strcmp(key, "random_delay"))
        return jobs_seconds(x, s, job->name, 0, &job->random_delay);
    if (!strcmp(key, "catch_up") || !strcmp(key, "timezone"))
        return jobs_enum(x, s, job);
    if (!strcmp(key, "set"))
        return jobs_sets(x, s, job);
    return jobs_fail(x, s, job->name,
                     "unknown setting \"%s\" (known: name, report, schedule, output, keep, "
                     "timeout, catch_up, max_age, grace, set, timezone, retries, retry_delay, "
                     "random_delay, on_failure, on_success, enabled)",
                     key);
}

static int jobs_one(const jobs_ctx *x, const config_setting_t *g, size_t index, ssc_jobs *j)
{
    ssc_job *job = &j->jobs[index];
    const char *name;
    char label[32];

    snprintf(label, sizeof label, "%zu", index + 1);
    job->keep = -1;
    job->timeout = JOBS_DEFAULT_TIMEOUT;
    job->grace = JOBS_DEFAULT_GRACE;
    job->retry_delay = JOBS_DEFAULT_RETRY_DELAY;
    job->enabled = 1;
    job->line = config_setting_source_line(g);
    if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        return jobs_fail(x, g, label, "expected a group { name = \"...\"; ... }");
    const config_setting_t *ns = config_setting_get_member(g, "name");
    if (!ns)
        return jobs_fail(x, g, label, "name: missing (a short name like \"annual\")");
    if (jobs_string(x, ns, label, &name) != SSC_OK)
        return SSC_ERR;
    if (!jobs_name_ok(name))
        return jobs_fail(x, ns, name,
                         "name: use letters, digits, '-', '_' and '.' (not first), at most 64");
    for (size_t i = 0; i < index; i++)
        if (!strcmp(j->jobs[i].name, name))
            return jobs_fail(x, ns, name, "name: already used by the job on line %ld",
                             j->jobs[i].line);
    if (!(job->name = strdup(name)))
        return ssc_error_oom(x->err);
    for (int i = 0; i < config_setting_length(g); i++)
        if (jobs_field(x, config_setting_get_elem(g, (unsigned)i), job) != SSC_OK)
            return SSC_ERR;
    static const char *const required[] = {"report", "schedule", "output"};
    const void *have[] = {job->report, job->schedule, job->output};
    for (size_t i = 0; i < 3; i++)
        if (!have[i])
            return jobs_fail(x, g, job->name, "%s: missing", required[i]);
    /* outputs that can collide are refused by ssc_jobs_check */
    return SSC_OK;
}

/* state_dir and log: optional strings, relative to the settings file. */
static int jobs_path(const jobs_ctx *x, config_t *cfg, const char *key, char **out)
{
    const config_setting_t *s = config_lookup(cfg, key);
    if (!s)
        return SSC_OK;
    if (config_setting_type(s) != CONFIG_TYPE_STRING || !config_setting_get_string(s)[0])
        return ssc_error_at(x->err, x->path, config_setting_source_line(s),
                            "%s: expected a folder or file name in double quotes", key);
    return (*out = jobs_join(x->base, config_setting_get_string(s))) ? SSC_OK
                                                                      : ssc_error_oom(x->err);
}

/* log_format and max_parallel: settings of the scheduler as a whole. */
static int jobs_globals(const jobs_ctx *x, config_t *cfg, ssc_jobs *j)
{
    const config_setting_t *s = config_lookup(cfg, "log_format");
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);

    j->max_parallel = cpus > 0 ? cpus : 1;
    if (s) {
        const char *v = config_setting_type(s) == CONFIG_TYPE_STRING
                            ? config_setting_get_string(s) : "";
        if (!strcmp(v, "json"))
            j->log_json = 1;
        else if (strcmp(v, "tsv") != 0)
            return ssc_error_at(x->err, x->path, config_setting_source_line(s),
                                "log_format: expected \"tsv\" (tab-separated) or \"json\"");
    }
    if ((s = config_lookup(cfg, "max_parallel"))) {
        int t = config_setting_type(s);
        long long v = t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 ? config_setting_get_int64(s)
                                                                     : 0;
        if (v < 1 || v > 1024)
            return ssc_error_at(x->err, x->path, config_setting_source_line(s),
                                "max_parallel: expected a whole number from 1 to 1024");
        j->max_parallel = (long)v;
    }
    return SSC_OK;
}

static int jobs_read(ssc_jobs *j, config_t *cfg, const jobs_ctx *x)
{
    if (jobs_path(x, cfg, "state_dir", &j->state_dir) != SSC_OK ||
        jobs_path(x, cfg, "log", &j->log) != SSC_OK || jobs_globals(x, cfg, j) != SSC_OK)
        return SSC_ERR;
    const config_setting_t *list = config_lookup(cfg, "jobs");
    if (list) {
        if (config_setting_type(list) != CONFIG_TYPE_LIST)
            return ssc_error_at(x->err, x->path, config_setting_source_line(list),
                                "jobs: expected a list ( { ... }, { ... } )");
        size_t n = (size_t)config_setting_length(list);
        if (n && !(j->jobs = calloc(n, sizeof *j->jobs)))
            return ssc_error_oom(x->err);
        for (size_t i = 0; i < n; i++) {
            j->n_jobs = i + 1;
            if (jobs_one(x, config_setting_get_elem(list, (unsigned)i), i, j) != SSC_OK)
                return SSC_ERR;
        }
        if (n && !j->state_dir)
            return ssc_error_at(x->err, x->path, config_setting_source_line(list),
                                "state_dir: missing; scheduled jobs keep their state there "
                                "(e.g. state_dir = \"/var/lib/ssc-report\";)");
    }
    if (j->state_dir && !j->log) {
        const char *name = "/runs.log";
        if (!(j->log = malloc(strlen(j->state_dir) + strlen(name) + 1)))
            return ssc_error_oom(x->err);
        strcpy(j->log, j->state_dir);
        strcat(j->log, name);
    }
    return SSC_OK;
}

int ssc_jobs_load(ssc_jobs *j, const char *path, ssc_error *err)
{
    config_t cfg;
    char dir[PATH_MAX], base[PATH_MAX];
    const char *slash;
    int rc;

    memset(j, 0, sizeof *j);
    if (!path)
        return SSC_OK;
    if (!(j->config = strdup(path)))
        return ssc_error_oom(err);
    slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1,
             slash ? path : ".");
    /* absolute, so jobs work from any working folder */
    if (!realpath(dir, base))
        return ssc_error_at(err, path, 0, "cannot resolve the folder of the settings file");
    config_init(&cfg);
    char why[400];
    const config_setting_t *bad;
    if (access(path, R_OK) == 0 && ssc_limits_file(path, err) != SSC_OK) {
        rc = SSC_ERR;
    } else if (!config_read_file(&cfg, path)) {
        if (config_error_type(&cfg) == CONFIG_ERR_FILE_IO)
            rc = ssc_error_at(err, path, 0, "cannot read the engine configuration");
        else
            rc = ssc_error_at(err, path, config_error_line(&cfg), "%s", config_error_text(&cfg));
    } else if ((bad = ssc_limits_walk(config_root_setting(&cfg), why, sizeof why)) != NULL) {
        rc = ssc_error_at(err, path, config_setting_source_line(bad), "%s", why);
    } else {
        jobs_ctx x = {path, base, err};
        rc = jobs_read(j, &cfg, &x);
    }
    config_destroy(&cfg);
    return rc;
}

void ssc_jobs_free(ssc_jobs *j)
{
    if (!j)
        return;
    for (size_t i = 0; i < j->n_jobs; i++) {
        ssc_job *job = &j->jobs[i];
        free(job->name);
        free(job->schedule);
        free(job->report);
        free(job->output);
        free(job->tz);
        free(job->on_failure);
        free(job->on_success);
        for (size_t k = 0; k < job->n_sets; k++)
            free(job->sets[k]);
        free(job->sets);
    }
    free(j->jobs);
    free(j->config);
    free(j->state_dir);
    free(j->log);
    ssc_engine_config_free(&j->engine);
    memset(j, 0, sizeof *j);
}

int ssc_job_output(const ssc_job *job, time_t due, char *buf, size_t len, ssc_error *err)
{
    struct tm tm;
    ssc_tz_saved tz;

    ssc_tz_enter(job->tz, &tz);
    if (job->zone == SSC_CRON_UTC)
        gmtime_r(&due, &tm);
    else
        localtime_r(&due, &tm);
    ssc_tz_leave(&tz);
    /* the template is the user's by design: its fields are strftime's */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    size_t n = strftime(buf, len, job->output, &tm);
#pragma GCC diagnostic pop
    if (n == 0 || n >= len - 1)
        return ssc_error_at(err, NULL, 0, "job \"%s\": output: \"%s\" expands to nothing or to "
                            "a path that is too long", job->name, job->output);
    return SSC_OK;
}

long ssc_job_retry_delay(const ssc_job *job, long attempt)
{
    long d = job->retry_delay;
    for (long i = 2; i < attempt && d < SSC_JOBS_RETRY_CAP; i++)
        d *= 2;
    return d < SSC_JOBS_RETRY_CAP ? d : SSC_JOBS_RETRY_CAP;
}

long ssc_job_jitter(const ssc_job *job, time_t due)
{
    char key[128];
    unsigned long long h = 14695981039346656037ULL;

    if (job->random_delay <= 0)
        return 0;
    snprintf(key, sizeof key, "%s@%lld", job->name, (long long)due);
    for (const char *p = key; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ULL;
    }
    return (long)(h % (unsigned long long)(job->random_delay + 1));
}

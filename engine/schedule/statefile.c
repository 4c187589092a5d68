/* SPDX-License-Identifier: MIT */
/* Job state files, locks and the run log (see statefile.h). */
#include "schedule/statefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "schedule/isotime.h"

/* Copies s into out on one line: tabs and line breaks become spaces, so a
 * message can never break the line formats. */
static void state_one_line(char *out, size_t len, const char *s)
{
    size_t o = 0;
    for (; s && *s && o + 1 < len; s++)
        out[o++] = (*s == '\n' || *s == '\r' || *s == '\t') ? ' ' : *s;
    out[o] = '\0';
}

void ssc_state_set_error(ssc_job_state *s, const char *msg)
{
    state_one_line(s->error, sizeof s->error, msg);
}

void ssc_state_free(ssc_job_state *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_outputs; i++)
        free(s->outputs[i]);
    free(s->outputs);
    memset(s, 0, sizeof *s);
}

int ssc_state_add_output(ssc_job_state *s, const char *path, ssc_error *err)
{
    char *copy = strdup(path);
    char **grown;
    if (!copy)
        return ssc_error_oom(err);
    for (size_t i = 0; i < s->n_outputs; i++)
        if (!strcmp(s->outputs[i], path)) {
            free(s->outputs[i]);
            memmove(&s->outputs[i], &s->outputs[i + 1], (s->n_outputs - i - 1) * sizeof *grown);
            s->n_outputs--;
            break;
        }
    if (!(grown = realloc(s->outputs, (s->n_outputs + 1) * sizeof *grown))) {
        free(copy);
        return ssc_error_oom(err);
    }
    s->outputs = grown;
    s->outputs[s->n_outputs++] = copy;
    return SSC_OK;
}

/* One "key=value" line of a state file. */
static int state_line(ssc_job_state *s, const char *path, long lineno, char *line,
                      ssc_error *err)
{
    char *eq = strchr(line, '=');
    struct {
        const char *key;
        time_t *t;
        int *flag;
    } times[] = {
        {"last_due", &s->last_due, &s->has_due},
        {"last_run_due", &s->run_due, &s->has_run},
        {"last_run_start", &s->run_start, NULL},
        {"last_run_end", &s->run_end, NULL},
        {"last_success_due", &s->success_due, &s->has_success},
        {"last_success_end", &s->success_end, NULL},
    };

    if (!eq)
        return ssc_error_at(err, path, lineno, "expected key=value; remove or repair the file");
    *eq = '\0';
    const char *key = line, *value = eq + 1;
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
        if (strcmp(key, times[i].key) != 0)
            continue;
        ssc_error terr;
        ssc_error_clear(&terr);
        if (ssc_time_parse(value, times[i].t, &terr) != SSC_OK)
            return ssc_error_at(err, path, lineno, "%s: %s", key, terr.message);
        if (times[i].flag)
            *times[i].flag = 1;
        return SSC_OK;
    }
    if (!strcmp(key, "last_outcome"))
        snprintf(s->outcome, sizeof s->outcome, "%s", value);
    else if (!strcmp(key, "last_error"))
        state_one_line(s->error, sizeof s->error, value);
    else if (!strcmp(key, "output"))
        return ssc_state_add_output(s, value, err);
    /* other keys (job, version, or from a newer release) are not needed */
    return SSC_OK;
}

int ssc_state_read(ssc_job_state *s, const char *path, ssc_error *err)
{
    FILE *fp;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = SSC_OK;

    memset(s, 0, sizeof *s);
    if (!(fp = fopen(path, "r"))) {
        if (errno == ENOENT)
            return SSC_OK;
        return ssc_error_at(err, path, 0, "cannot read the job state: %s", strerror(errno));
    }
    while (rc == SSC_OK && (n = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        rc = state_line(s, path, lineno, line, err);
    }
    if (rc == SSC_OK && ferror(fp))
        rc = ssc_error_at(err, path, 0, "cannot read the job state: %s", strerror(errno));
    free(line);
    fclose(fp);
    return rc;
}

static void state_put_time(FILE *fp, const char *key, int have, time_t t)
{
    char buf[40];
    if (!have)
        return;
    ssc_time_format(t, 1, buf, sizeof buf);
    fprintf(fp, "%s=%s\n", key, buf);
}

int ssc_state_write(const ssc_job_state *s, const char *path, const char *job, ssc_error *err)
{
    ssc_atomic a;

    if (ssc_atomic_open(&a, path, err) != SSC_OK)
        return SSC_ERR;
    fprintf(a.fp, "# ssc-report job state (docs/scheduling.md); times in UTC\n");
    fprintf(a.fp, "version=1\njob=%s\n", job);
    state_put_time(a.fp, "last_due", s->has_due, s->last_due);
    state_put_time(a.fp, "last_run_due", s->has_run, s->run_due);
    state_put_time(a.fp, "last_run_start", s->has_run, s->run_start);
    state_put_time(a.fp, "last_run_end", s->has_run, s->run_end);
    if (s->has_run) {
        fprintf(a.fp, "last_outcome=%s\n", s->outcome);
        fprintf(a.fp, "last_error=%s\n", s->error);
    }
    state_put_time(a.fp, "last_success_due", s->has_success, s->success_due);
    state_put_time(a.fp, "last_success_end", s->has_success, s->success_end);
    for (size_t i = 0; i < s->n_outputs; i++)
        fprintf(a.fp, "output=%s\n", s->outputs[i]);
    if (ssc_atomic_commit(&a, err) != SSC_OK) {
        ssc_atomic_abort(&a);
        return SSC_ERR;
    }
    return SSC_OK;
}

int ssc_lock_try(const char *path, int *fd, ssc_error *err)
{
    *fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (*fd < 0)
        return ssc_error_at(err, path, 0, "cannot open the lock file: %s", strerror(errno));
    if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(*fd);
        *fd = -1;
        if (e == EWOULDBLOCK)
            return SSC_OK;
        return ssc_error_at(err, path, 0, "cannot lock: %s", strerror(e));
    }
    return SSC_OK;
}

void ssc_lock_release(int fd)
{
    if (fd >= 0)
        close(fd); /* closing drops the flock */
}

int ssc_state_mkdirs(const char *dir, ssc_error *err)
{
    char buf[4096];
    size_t n = strlen(dir);

    if (n == 0 || n >= sizeof buf)
        return ssc_error_at(err, dir, 0, "not a usable folder name");
    memcpy(buf, dir, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] != '/' && buf[i] != '\0')
            continue;
        char c = buf[i];
        buf[i] = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return ssc_error_at(err, buf, 0, "cannot create the folder: %s", strerror(errno));
        buf[i] = c;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return ssc_error_at(err, dir, 0, "not a folder");
    return SSC_OK;
}

/* s as a JSON string (quotes included) at out; false when it did not fit. */
static int state_json_str(char *out, size_t len, const char *s)
{
    size_t o = 0;
    if (len < 3)
        return 0;
    out[o++] = '"';
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[8] = "";
        if (c == '"' || c == '\\')
            snprintf(esc, sizeof esc, "\\%c", c);
        else if (c < 0x20)
            snprintf(esc, sizeof esc, "\\u%04x", c);
        size_t need = esc[0] ? strlen(esc) : 1;
        if (o + need + 2 > len)
            return 0;
        if (esc[0])
            memcpy(out + o, esc, need);
        else
            out[o] = (char)c;
        o += need;
    }
    out[o++] = '"';
    out[o] = '\0';
    return 1;
}

/* One JSON object on one line; n: its length, or -1 when it did not fit. */
static int state_json_line(char *line, size_t len, const ssc_run_record *r, const char *due,
                           const char *start, const char *end)
{
    char job[200], outcome[40], output[8200], error[2100], phases[256] = "";
    /* the render's phases, named as `render --verbose` orders them */
    static const char *const names[] = {"startup", "read", "compute", "layout", "write",
                                        "outputs"};
    for (size_t i = 0, o = 0; r->render_phases && i < sizeof names / sizeof *names; i++)
        o += (size_t)snprintf(phases + o, sizeof phases - o, ",\"%s\":%.3f", names[i],
                              r->render_phases[i]);
    if (!state_json_str(job, sizeof job, r->job) ||
        !state_json_str(outcome, sizeof outcome, r->outcome) ||
        !state_json_str(output, sizeof output, r->output ? r->output : "") ||
        !state_json_str(error, sizeof error, r->error ? r->error : ""))
        return -1;
    int n = snprintf(line, len,
                     "{\"job\":%s,\"due\":\"%s\",\"start\":\"%s\",\"end\":\"%s\",\"status\":%s,"
                     "\"attempt\":%ld,\"output\":%s%s,\"message\":%s,\"phases\":{\"wait\":%.3f,"
                     "\"render\":%.3f,\"state\":%.3f%s}}\n",
                     job, due, start, end, outcome, r->attempt,
                     r->output && r->output[0] ? "" : "null", r->output && r->output[0] ? output : "",
                     error, r->wait, r->render, r->state, phases);
    return n < 0 || (size_t)n >= len ? -1 : n;
}

int ssc_runlog_append(const char *path, const ssc_run_record *r, int json, char *copy,
                      size_t copy_len, ssc_error *err)
{
    char due[40], start[40], end[40], error[1024], output[4096], line[16384];
    const char *slash = strrchr(path, '/');
    int fd, n;

    if (slash && slash != path) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
        if (ssc_state_mkdirs(dir, err) != SSC_OK)
            return SSC_ERR;
    }
    ssc_time_format(r->due, 1, due, sizeof due);
    ssc_time_format(r->start, 1, start, sizeof start);
    ssc_time_format(r->end, 1, end, sizeof end);
    state_one_line(output, sizeof output, r->output && r->output[0] ? r->output : "-");
    state_one_line(error, sizeof error, r->error && r->error[0] ? r->error : "-");
    if (json)
        n = state_json_line(line, sizeof line, r, due, start, end);
    else
        n = snprintf(line, sizeof line, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->job, due, start,
                     end, r->outcome, output, error);
    if (n < 0 || (size_t)n >= sizeof line) {
        if (json)
            return ssc_error_at(err, path, 0, "a run log line of job %s is too long", r->job);
        n = (int)sizeof line - 1;
        line[n - 1] = '\n';
    }
    if (copy && copy_len > 0)
        snprintf(copy, copy_len, "%.*s", n > 0 ? n - 1 : 0, line);
    fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return ssc_error_at(err, path, 0, "cannot open the run log: %s", strerror(errno));
    /* one write per line: lines from concurrent processes do not interleave */
    ssize_t w = write(fd, line, (size_t)n);
    int e = errno;
    close(fd);
    if (w != n)
        return ssc_error_at(err, path, 0, "cannot append to the run log: %s",
                            w < 0 ? strerror(e) : "short write");
    return SSC_OK;
}

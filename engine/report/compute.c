/* SPDX-License-Identifier: MIT */
/* Sections computed in child processes (see compute.h): the parent's
 * side.  The children (compute_child.c) take the sections in turn from a
 * shared counter, so a processor that finishes a cheap section takes the
 * next one instead of waiting for a dealt share (dealt in turn, two
 * children had 31 % and 14 % of a million-project run), and each writes
 * its sections' outcomes on its own pipe, in the format of
 * compute_wire.h.  The parent still reads the outcomes in section order,
 * from the child that took each (its stream's next header says so), so
 * the first failure in report order is the one reported and the tables
 * are the same whatever the number of children. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "report/compute.h"

#include <errno.h>
#include <sched.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "data/csv.h"
#include "report/compute_wire.h"
#include "report/table.h"

/* ---- the parent: reading the child's stream as untrusted input ---------- */

typedef struct compute_reader {
    int fd;
    pid_t child;
    long pending; /* the section announced ('S' read), its outcome not yet; -1: none */
    long last;    /* the last section whose outcome was read; -1: none yet */
    int done;     /* its 'D' was read */
    double deadline; /* monotonic seconds; 0: none */
    unsigned char buf[65536];
    size_t pos, len;
    int status; /* 0 ok, else COMPUTE_EOF, COMPUTE_TIMEOUT, COMPUTE_BAD */
    char bad[160]; /* what was malformed */
} compute_reader;

enum { COMPUTE_EOF = 1, COMPUTE_TIMEOUT, COMPUTE_BAD };

static double compute_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int get(compute_reader *r, void *dst, size_t n)
{
    unsigned char *d = dst;

    while (n && !r->status) {
        if (r->pos == r->len) {
            struct pollfd p = {.fd = r->fd, .events = POLLIN};
            int ms = -1;
            if (r->deadline > 0) {
                double left = r->deadline - compute_clock();
                if (left <= 0) {
                    r->status = COMPUTE_TIMEOUT;
                    break;
                }
                ms = (int)(left * 1000.0) + 1;
            }
            int ready = poll(&p, 1, ms);
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready == 0)
                continue; /* the clock decides on the next turn */
            ssize_t got = ready < 0 ? -1 : read(r->fd, r->buf, sizeof r->buf);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                r->status = COMPUTE_EOF;
                break;
            }
            r->pos = 0;
            r->len = (size_t)got;
        }
        size_t k = r->len - r->pos < n ? r->len - r->pos : n;
        memcpy(d, r->buf + r->pos, k);
        r->pos += k;
        d += k;
        n -= k;
    }
    return r->status ? -1 : 0;
}

static int get_u32(compute_reader *r, uint32_t *v)
{
    return get(r, v, sizeof *v);
}

static int get_u64(compute_reader *r, uint64_t *v)
{
    return get(r, v, sizeof *v);
}

static int compute_bad(compute_reader *r, const char *what)
{
    if (!r->status) {
        r->status = COMPUTE_BAD;
        snprintf(r->bad, sizeof r->bad, "%s", what);
    }
    return -1;
}

/* A string of at most COMPUTE_MAX_STRING bytes, UTF-8 without NUL; *out
 * is NULL for NONE, else malloc'd (the caller frees it). */
static int get_str(compute_reader *r, char **out)
{
    uint32_t n;

    *out = NULL;
    if (get_u32(r, &n) != 0)
        return -1;
    if (n == COMPUTE_NONE)
        return 0;
    if (n >= COMPUTE_MAX_STRING)
        return compute_bad(r, "a text of 16 MiB or more");
    if (!(*out = malloc((size_t)n + 1)))
        return compute_bad(r, "out of memory");
    if (get(r, *out, n) != 0) {
        free(*out);
        *out = NULL;
        return -1;
    }
    (*out)[n] = '\0';
    if (!ssc_csv_utf8_ok(*out, n)) { /* what Pango and the CSV writer get */
        free(*out);
        *out = NULL;
        return compute_bad(r, "text that is not UTF-8 (or holds a NUL byte)");
    }
    return 0;
}

static int get_columns(compute_reader *r, ssc_table *t, uint32_t cols)
{
    for (uint32_t c = 0; c < cols; c++) {
        char *name, *title = NULL;
        uint32_t type, unit;
        int ok = get_str(r, &name) == 0 && get_str(r, &title) == 0 && get_u32(r, &type) == 0 &&
                 get_u32(r, &unit) == 0;
        if (ok && (!name || type > SSC_COLUMN_TEXT || unit > SSC_UNIT_PERCENT))
            ok = compute_bad(r, "a column of unknown type or unit") == 0;
        if (ok && (ssc_table_add_column(t, name, (ssc_column_type)type, (ssc_unit)unit) !=
                       (int)c ||
                   (title && ssc_table_set_column_title(t, (int)c, title) != SSC_OK)))
            ok = compute_bad(r, "out of memory") == 0;
        free(name);
        free(title);
        if (!ok)
            return -1;
    }
    return 0;
}

static int get_row(compute_reader *r, ssc_table *t, uint64_t row, uint32_t cols)
{
    char *key, *label = NULL;
    uint64_t colour;
    int ok = get_str(r, &key) == 0 && get_str(r, &label) == 0 && get_u64(r, &colour) == 0;
    int at = -1;

    if (ok && (!key || colour > 0x1000000u))
        ok = compute_bad(r, "a row without a key or with a colour past #FFFFFF") == 0;
    /* keys are unique in a table: a repeated one would merge two rows */
    if (ok && (at = ssc_table_row(t, key)) != (int)row)
        ok = compute_bad(r, at < 0 ? "out of memory" : "the same key in two rows") == 0;
    if (ok && label && ssc_table_set_label(t, at, label) != SSC_OK)
        ok = compute_bad(r, "out of memory") == 0;
    if (ok && colour && ssc_table_set_colour(t, (size_t)at, (unsigned long)(colour - 1)) != SSC_OK)
        ok = compute_bad(r, "out of memory") == 0;
    double total;
    if (ok && get(r, &total, sizeof total) != 0)
        ok = 0;
    /* NaN: the plugin gave none; else what ssc_table_set_row_total accepts */
    if (ok && !isnan(total) && ssc_table_set_row_total(t, at, total) != SSC_OK)
        ok = compute_bad(r, "a row total that is negative or infinite") == 0;
    free(key);
    free(label);
    for (uint32_t c = 0; ok && c < cols; c++) {
        double v;
        char *text;
        if (get(r, &v, sizeof v) != 0 || get_str(r, &text) != 0)
            return -1;
        if (ssc_table_set_number(t, (size_t)at, c, v) != SSC_OK ||
            (text && text[0] && ssc_table_set_text(t, at, (int)c, text) != SSC_OK))
            ok = compute_bad(r, "out of memory") == 0;
        free(text);
    }
    return ok ? 0 : -1;
}

/* What the table measures: four texts, or none of them (projects). */
static int get_measure(compute_reader *r, ssc_table *t)
{
    char *part[4] = {NULL, NULL, NULL, NULL};
    int given = 0, rc = 0;

    for (size_t i = 0; i < 4 && rc == 0; i++) {
        rc = get_str(r, &part[i]);
        given += part[i] != NULL;
    }
    if (rc == 0 && given != 0 && given != 4)
        rc = compute_bad(r, "a measure with some of its four names missing");
    if (rc == 0 && given == 4 &&
        ssc_table_set_measure(t, part[0], part[1], part[2], part[3]) != SSC_OK)
        rc = compute_bad(r, "a measure with an empty name");
    for (size_t i = 0; i < 4; i++)
        free(part[i]);
    return rc;
}

static int get_table(compute_reader *r, ssc_table *t, size_t max_rows)
{
    uint32_t kind, cols;
    uint64_t rows;
    char *note;

    if (get_u32(r, &kind) != 0 || get_u32(r, &cols) != 0 || get_u64(r, &rows) != 0)
        return -1;
    /* SSC_KEY_GENDER is the last key kind this engine's ABI knows. */
    if (kind > SSC_KEY_GENDER || cols > COMPUTE_MAX_COLUMNS ||
        (max_rows && rows > max_rows) || rows >= INT32_MAX)
        return compute_bad(r, "a key kind, column count or row count out of range");
    ssc_table_set_key_kind(t, (ssc_key_kind)kind);
    if (get_str(r, &note) != 0)
        return -1;
    if (note && note[0] && ssc_table_set_note(t, note) != SSC_OK) {
        free(note);
        return compute_bad(r, "out of memory");
    }
    free(note);
    if (get_str(r, &note) != 0)
        return -1;
    if (note && note[0] && ssc_table_set_summary(t, note) != SSC_OK) {
        free(note);
        return compute_bad(r, "out of memory");
    }
    free(note);
    if (get_measure(r, t) != 0)
        return -1;
    if (get_columns(r, t, cols) != 0)
        return -1;
    for (uint64_t row = 0; row < rows; row++)
        if (get_row(r, t, row, cols) != 0)
            return -1;
    return ssc_table_failed(t) ? compute_bad(r, "out of memory") : 0;
}

/* 12345678 as "12,345,678". */
static void compute_thousands(uint64_t v, char *buf, size_t size)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
    size_t o = 0;

    for (int i = 0; i < n && o + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

static const char *compute_signal_name(int sig)
{
    static const struct {
        int sig;
        const char *name;
    } names[] = {{SIGSEGV, "SIGSEGV"}, {SIGBUS, "SIGBUS"},   {SIGABRT, "SIGABRT"},
                 {SIGFPE, "SIGFPE"},   {SIGILL, "SIGILL"},   {SIGKILL, "SIGKILL"},
                 {SIGTERM, "SIGTERM"}, {SIGINT, "SIGINT"},   {SIGPIPE, "SIGPIPE"},
                 {SIGTRAP, "SIGTRAP"}, {SIGSYS, "SIGSYS"},   {SIGXCPU, "SIGXCPU"},
                 {SIGXFSZ, "SIGXFSZ"}, {SIGHUP, "SIGHUP"},   {SIGQUIT, "SIGQUIT"},
                 {SIGUSR1, "SIGUSR1"}, {SIGUSR2, "SIGUSR2"}, {SIGALRM, "SIGALRM"}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].sig == sig)
            return names[i].name;
    return NULL;
}

/* The one line for a child that stopped talking (or talked nonsense)
 * during section i, after reaping it. */
static int compute_fault(const compute_reader *r, pid_t child, const ssc_section *s, size_t i,
                         long timeout, ssc_error *err)
{
    char what[256];
    int status = 0;

    pid_t done = 0;
    /* at EOF the child has ended (its status says how), unless it closed
     * the pipe itself: give it two seconds, then stop it */
    for (int k = 0; child > 0 && r->status == COMPUTE_EOF && k < 200 && done == 0; k++) {
        done = waitpid(child, &status, WNOHANG);
        if (done == 0)
            usleep(10000);
    }
    if (done <= 0 && child > 0) { /* never kill(0): that is our process group */
        kill(child, SIGKILL);
        while (waitpid(child, &status, 0) < 0 && errno == EINTR)
            ;
    }
    if (r->status == COMPUTE_EOF && done == 0)
        snprintf(what, sizeof what, "closed the engine's pipe and was stopped");
    else if (r->status == COMPUTE_TIMEOUT)
        snprintf(what, sizeof what, "timed out after %ld s", timeout);
    else if (r->status == COMPUTE_BAD)
        snprintf(what, sizeof what, "sent a malformed table (%s)", r->bad);
    else if (WIFSIGNALED(status) && compute_signal_name(WTERMSIG(status)))
        snprintf(what, sizeof what, "crashed with %s", compute_signal_name(WTERMSIG(status)));
    else if (WIFSIGNALED(status))
        snprintf(what, sizeof what, "crashed with signal %d", WTERMSIG(status));
    else if (WIFEXITED(status))
        snprintf(what, sizeof what, "exited with status %d", WEXITSTATUS(status));
    else
        snprintf(what, sizeof what, "stopped without a result");
    return ssc_error_at(err, s->report->path, s->def->line, "section %zu (plugin %s): %s", i + 1,
                        s->plugin->name, what);
}

/* Reads section i's outcome into tables[i]; 1 when the child is done with
 * it and well, 0 on the plugin's own error (err set), -1 when the stream
 * broke (r->status says how). */
static int compute_read_one(compute_reader *r, const ssc_section *s, size_t i, ssc_table **tables,
                            const ssc_compute_limits *lim, int *fault, ssc_error *err)
{
    char tag;
    uint64_t line;
    char *file, *message;
    char n1[32];

    if (get(r, &tag, 1) != 0)
        return -1;
    switch (tag) {
    case 'T':
        if (!(tables[i] = ssc_table_new()))
            return compute_bad(r, "out of memory");
        return get_table(r, tables[i], lim->max_rows) == 0 ? 1 : -1;
    case 'R':
        compute_thousands(lim->max_rows, n1, sizeof n1);
        *fault = 1;
        ssc_error_at(err, s->report->path, s->def->line,
                     "section %zu (plugin %s): returned more than %s rows (limit %s)", i + 1,
                     s->plugin->name, n1, n1);
        return 0;
    case 'E':
        if (get_str(r, &file) != 0)
            return -1;
        if (get_u64(r, &line) != 0 || get_str(r, &message) != 0) {
            free(file);
            return -1;
        }
        /* as an in-process compute said it: the plugin's message after the
         * section's place */
        ssc_error_at(err, s->report->path, s->def->line, "section %zu (%s): %s", i + 1,
                     s->plugin->name,
                     message && message[0] ? message : "the plugin failed without saying why");
        free(file);
        free(message);
        return 0;
    default:
        return compute_bad(r, "an unknown record");
    }
}

/* The processors a container's CPU quota allows (cgroup v2 cpu.max,
 * "QUOTA PERIOD", rounded up), or 0 when there is no quota: a quota of one
 * processor on an eight-processor host must not get eight children. */
static size_t compute_quota(void)
{
    FILE *f = fopen("/sys/fs/cgroup/cpu.max", "r");
    long long quota = 0, period = 0;
    char first[32];

    if (!f)
        return 0;
    if (fscanf(f, "%31s %lld", first, &period) != 2 || strcmp(first, "max") == 0 ||
        sscanf(first, "%lld", &quota) != 1 || quota <= 0 || period <= 0)
        quota = 0;
    fclose(f);
    return quota ? (size_t)((quota + period - 1) / period) : 0;
}

size_t ssc_compute_processors(void)
{
    cpu_set_t set;
    size_t k, quota = compute_quota();

    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        k = (size_t)CPU_COUNT(&set);
    } else {
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        k = online > 0 ? (size_t)online : 1;
    }
    return quota && quota < k ? quota : k ? k : 1;
}

/* How many children: one per processor, at most
 * SSC_COMPUTE_MAX_PROCESSES and never more than there are sections. */
static size_t compute_processes(size_t asked, size_t n)
{
    size_t k = asked;

    if (k == 0) {
        k = ssc_compute_processors();
        if (k > SSC_COMPUTE_MAX_PROCESSES)
            k = SSC_COMPUTE_MAX_PROCESSES;
    }
    if (k > n)
        k = n;
    return k ? k : 1;
}

/* Ends every child still running (kill, then reap) and closes its pipe. */
static void compute_stop(compute_reader *r, size_t k)
{
    int status;

    for (size_t w = 0; w < k; w++) {
        if (r[w].child > 0) {
            kill(r[w].child, SIGKILL);
            while (waitpid(r[w].child, &status, 0) < 0 && errno == EINTR)
                ;
            r[w].child = 0;
        }
        if (r[w].fd >= 0)
            close(r[w].fd);
        r[w].fd = -1;
    }
    free(r);
}

/* Starts up to *k children, which take their sections from deal.  When a
 * pipe or a fork fails after the first child, the render goes on with
 * those started (*k says how many: the shared counter hands them every
 * section); when the first fails, r is freed and the render fails. */
static int compute_start(compute_reader *r, size_t *k, const ssc_portfolio *view,
                         ssc_section *sections, size_t n, ssc_compute_deal *deal,
                         size_t max_rows, ssc_error *err)
{
    pid_t self = getpid();

    for (size_t w = 0; w < *k; w++) {
        r[w].fd = -1;
        r[w].pending = r[w].last = -1;
    }
    fflush(NULL); /* a plugin's exit() must not write our buffers twice */
    for (size_t w = 0; w < *k; w++) {
        int fds[2], e = 0;
        pid_t child = -1;
        int piped = pipe(fds) == 0;
        if (piped)
            child = fork();
        if (child < 0) {
            e = errno;
            if (piped) {
                close(fds[0]);
                close(fds[1]);
            }
            if (w > 0) {
                *k = w;
                return SSC_OK;
            }
            compute_stop(r, *k);
            return ssc_error_set(err, "cannot start the plugins' process: %s", strerror(e));
        }
        if (child == 0) {
            /* the other children's pipes are the parent's business */
            for (size_t o = 0; o < w; o++)
                close(r[o].fd);
            close(fds[0]);
            ssc_compute_child(fds[1], self, view, sections, n, deal, max_rows);
        }
        close(fds[1]);
        r[w].fd = fds[0];
        r[w].child = child;
    }
    return SSC_OK;
}

/* Reads the next header of r's stream, which is 'S' and the number of
 * the next section its child took, or 'D'; i is the section the parent
 * waits for.  0, or -1 with r->status set. */
static int compute_header(compute_reader *r, const compute_reader *all, size_t k, size_t i,
                          size_t n)
{
    char tag;
    uint32_t j;

    if (get(r, &tag, 1) != 0)
        return -1;
    if (tag == 'D') {
        r->done = 1;
        return 0;
    }
    if (tag != 'S')
        return compute_bad(r, "no section start");
    if (get_u32(r, &j) != 0)
        return -1;
    /* children take sections in order, each once, none before i: the
     * counter is in memory a plugin could scribble on, so check */
    if (j >= n || j < i || (r->last >= 0 && j <= (size_t)r->last))
        return compute_bad(r, "wrong section");
    for (size_t w = 0; w < k; w++)
        if (all[w].pending == (long)j)
            return compute_bad(r, "wrong section");
    r->pending = (long)j;
    return 0;
}

/* The reader of the child that took section i.  Children take sections
 * in order and the parent has read every earlier outcome, so each
 * child's next record is the header of the next section it took (or its
 * end): the parent reads headers, from the streams that have one ready,
 * until one announces i.  NULL when none will (a stream broke or ended,
 * or the deadline passed); *blame is then the stream to blame. */
static compute_reader *compute_owner(compute_reader *r, size_t k, size_t i, size_t n,
                                     double deadline, compute_reader **blame)
{
    for (;;) {
        struct pollfd p[SSC_COMPUTE_MAX_PROCESSES];
        size_t who[SSC_COMPUTE_MAX_PROCESSES], np = 0;
        for (size_t w = 0; w < k; w++) {
            if (r[w].pending < 0 && !r[w].done && r[w].pos < r[w].len) {
                /* a header already read ahead: no wait */
                r[w].deadline = deadline;
                if (compute_header(&r[w], r, k, i, n) != 0) {
                    *blame = &r[w];
                    return NULL;
                }
            }
            if (r[w].pending == (long)i)
                return &r[w];
            if (r[w].pending >= 0 || r[w].done)
                continue;
            p[np].fd = r[w].fd;
            p[np].events = POLLIN;
            p[np].revents = 0;
            who[np++] = w;
        }
        *blame = &r[0];
        if (np == 0) { /* every child is done or busy past i: nobody took it */
            compute_bad(&r[0], "a section no child took");
            return NULL;
        }
        int ms = -1;
        if (deadline > 0) {
            double left = deadline - compute_clock();
            if (left <= 0) {
                *blame = &r[who[0]];
                r[who[0]].status = COMPUTE_TIMEOUT;
                return NULL;
            }
            ms = (int)(left * 1000.0) + 1;
        }
        int ready = poll(p, (nfds_t)np, ms);
        if (ready < 0 && errno != EINTR) {
            compute_bad(&r[0], "cannot wait for the plugins' processes");
            return NULL;
        }
        for (size_t q = 0; ready > 0 && q < np; q++) {
            if (!p[q].revents)
                continue;
            compute_reader *c = &r[who[q]];
            c->deadline = deadline;
            if (compute_header(c, r, k, i, n) != 0) {
                *blame = c;
                return NULL;
            }
        }
    }
}

/* The section to name when r's stream broke while the parent waited
 * for section i: the one its child was computing, else the last one it
 * finished (a plugin that corrupted memory can kill its child after its
 * table went out), else i. */
static size_t compute_blamed(const compute_reader *r, size_t i)
{
    return r->pending >= 0 ? (size_t)r->pending : r->last >= 0 ? (size_t)r->last : i;
}

static int compute_run(compute_reader *r, size_t k, ssc_compute_deal *deal,
                       const ssc_portfolio *view, ssc_section *sections, size_t n,
                       ssc_table **tables, const ssc_compute_limits *lim, int *fault,
                       ssc_error *err)
{
    compute_reader *cr = NULL;
    size_t i, at;

    if (compute_start(r, &k, view, sections, n, deal, lim->max_rows, err) != SSC_OK)
        return SSC_ERR;
    for (i = 0; i < n; i++) {
        /* engine code only until the start, but a child forked from a
         * threaded process could stall there too: the clock runs */
        double deadline = lim->timeout > 0 ? compute_clock() + (double)lim->timeout : 0;
        compute_reader *blame = NULL;
        if (!(cr = compute_owner(r, k, i, n, deadline, &blame))) {
            cr = blame;
            at = compute_blamed(cr, i);
            goto fault;
        }
        cr->pending = -1;
        cr->last = (long)i;
        /* a child's later section may have started long before the parent
         * got to it: its clock starts now, so it has at least its time */
        cr->deadline = lim->timeout > 0 ? compute_clock() + (double)lim->timeout : 0;
        int got = compute_read_one(cr, &sections[i], i, tables, lim, fault, err);
        if (got < 0) {
            at = i;
            goto fault;
        }
        if (got == 0) {
            /* the plugin's own failure: the rest is not needed */
            compute_stop(r, k);
            return SSC_ERR;
        }
    }
    for (size_t w = 0; w < k; w++) {
        int status;
        cr = &r[w];
        cr->deadline = lim->timeout > 0 ? compute_clock() + (double)lim->timeout : 0;
        if (!cr->done && (compute_header(cr, r, k, n, n) != 0 || !cr->done)) {
            if (!cr->status)
                compute_bad(cr, "no end of the stream");
            at = compute_blamed(cr, n - 1);
            goto fault;
        }
        while (waitpid(cr->child, &status, 0) < 0 && errno == EINTR)
            ;
        cr->child = 0;
    }
    compute_stop(r, k);
    return SSC_OK;

fault:
    *fault = 1;
    compute_fault(cr, cr->child, &sections[at], at, lim->timeout, err);
    cr->child = 0; /* compute_fault reaped it */
    compute_stop(r, k);
    return SSC_ERR;
}

int ssc_compute_sections(const ssc_portfolio *view, ssc_section *sections, size_t n,
                         ssc_table **tables, const ssc_compute_limits *lim, int *fault,
                         ssc_error *err)
{
    compute_reader *r;
    ssc_compute_deal *deal;
    size_t k, bytes;
    int rc;

    *fault = 0;
    if (n == 0)
        return SSC_OK;
    if (n > UINT32_MAX)
        return ssc_error_set(err, "too many sections");
    k = compute_processes(lim->processes, n);
    bytes = sizeof *deal;
    deal = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (deal == MAP_FAILED)
        return ssc_error_set(err, "cannot start the plugins' process: %s", strerror(errno));
    if (!(r = calloc(k, sizeof *r))) { /* 64 KiB of buffer each: not on the stack */
        munmap(deal, bytes);
        return ssc_error_oom(err);
    }
    rc = compute_run(r, k, deal, view, sections, n, tables, lim, fault, err);
    munmap(deal, bytes);
    return rc;
}

/* SPDX-License-Identifier: MIT */
/* Sections computed in child processes (see compute.h): the parent's
 * side.  The children (compute_child.c) take the sections in turn from a
 * shared counter, so a processor that finishes a cheap section takes the
 * next one instead of waiting for a dealt share (dealt in turn, two
 * children had 31 % and 14 % of a million-project run), and each writes
 * its sections' outcomes on its own pipe, in the format of
 * compute_wire.h.  The parent still reads the outcomes in section order,
 * from the child that took each (the shared table says which), so the
 * first failure in report order is the one reported and the tables are
 * the same whatever the number of children. */
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
    for (int k = 0; r->status == COMPUTE_EOF && k < 200 && done == 0; k++) {
        done = waitpid(child, &status, WNOHANG);
        if (done == 0)
            usleep(10000);
    }
    if (done <= 0) {
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

/* How many children: one per processor this process may run on (so that
 * `taskset` or a container's CPU set is obeyed), at most
 * SSC_COMPUTE_MAX_PROCESSES and never more than there are sections. */
static size_t compute_processes(size_t asked, size_t n)
{
    size_t k = asked;

    if (k == 0) {
        cpu_set_t set;
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        if (sched_getaffinity(0, sizeof set, &set) == 0)
            k = (size_t)CPU_COUNT(&set);
        else
            k = online > 0 ? (size_t)online : 1;
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

/* Starts k children, which take their sections from deal; on failure
 * those started are stopped (and r freed). */
static int compute_start(compute_reader *r, size_t k, const ssc_portfolio *view,
                         ssc_section *sections, size_t n, ssc_compute_deal *deal,
                         size_t max_rows, ssc_error *err)
{
    pid_t self = getpid();

    for (size_t w = 0; w < k; w++)
        r[w].fd = -1;
    fflush(NULL); /* a plugin's exit() must not write our buffers twice */
    for (size_t w = 0; w < k; w++) {
        int fds[2], e;
        pid_t child;
        if (pipe(fds) != 0) {
            e = errno;
            compute_stop(r, k);
            return ssc_error_set(err, "cannot start the plugins' process: %s", strerror(e));
        }
        if ((child = fork()) < 0) {
            e = errno;
            close(fds[0]);
            close(fds[1]);
            compute_stop(r, k);
            return ssc_error_set(err, "cannot start the plugins' process: %s", strerror(e));
        }
        if (child == 0) {
            /* the other children's pipes are the parent's business */
            for (size_t o = 0; o < w; o++)
                close(r[o].fd);
            close(fds[0]);
            ssc_compute_child(fds[1], self, view, sections, n, w, deal, max_rows);
        }
        close(fds[1]);
        r[w].fd = fds[0];
        r[w].child = child;
    }
    return SSC_OK;
}

/* The reader of the child that took section i, once one has: children
 * take sections in order, so by the time the parent has read every
 * earlier outcome one has taken it or is about to (it takes the next one
 * right after its last outcome).  NULL, with r[0]'s status set, at the
 * deadline, when every child has closed its pipe without taking it, or
 * when the owner table names no child. */
static compute_reader *compute_owner(compute_reader *r, size_t k, const ssc_compute_deal *deal,
                                     size_t i, double deadline)
{
    for (;;) {
        uint32_t o = __atomic_load_n(&deal->owner[i], __ATOMIC_ACQUIRE);
        if (o >= 1 && o <= k)
            return &r[o - 1];
        if (o) {
            compute_bad(&r[0], "a section taken by no child");
            return NULL;
        }
        if (deadline > 0 && compute_clock() >= deadline) {
            r[0].status = COMPUTE_TIMEOUT;
            return NULL;
        }
        size_t open = 0;
        for (size_t w = 0; w < k; w++) {
            struct pollfd p = {.fd = r[w].fd, .events = 0};
            open += poll(&p, 1, 0) == 0 || !(p.revents & (POLLHUP | POLLERR));
        }
        if (!open && !__atomic_load_n(&deal->owner[i], __ATOMIC_ACQUIRE)) {
            r[0].status = COMPUTE_EOF;
            return NULL;
        }
        struct timespec nap = {0, 100000}; /* 0.1 ms: a child is between sections */
        nanosleep(&nap, NULL);
    }
}

static int compute_run(compute_reader *r, size_t k, ssc_compute_deal *deal,
                       const ssc_portfolio *view, ssc_section *sections, size_t n,
                       ssc_table **tables, const ssc_compute_limits *lim, int *fault,
                       ssc_error *err)
{
    compute_reader *cr = NULL;
    size_t i;

    if (compute_start(r, k, view, sections, n, deal, lim->max_rows, err) != SSC_OK)
        return SSC_ERR;
    for (i = 0; i < n; i++) {
        uint32_t announced;
        char tag;
        /* engine code only until the start, but a child forked from a
         * threaded process could stall there too: the clock runs */
        double deadline = lim->timeout > 0 ? compute_clock() + (double)lim->timeout : 0;
        if (!(cr = compute_owner(r, k, deal, i, deadline))) {
            cr = &r[0];
            break;
        }
        cr->deadline = deadline;
        if (get(cr, &tag, 1) != 0 || (tag != 'S' && compute_bad(cr, "no section start")) ||
            get_u32(cr, &announced) != 0 || (announced != i && compute_bad(cr, "wrong section")))
            break;
        /* a child's later section may have started long before the parent
         * got to it: its clock starts now, so it has at least its time */
        cr->deadline = lim->timeout > 0 ? compute_clock() + (double)lim->timeout : 0;
        int got = compute_read_one(cr, &sections[i], i, tables, lim, fault, err);
        if (got < 0)
            break;
        if (got == 0) {
            /* the plugin's own failure: the rest is not needed */
            compute_stop(r, k);
            return SSC_ERR;
        }
    }
    if (i == n) {
        size_t w;
        for (w = 0; w < k; w++) {
            char tag;
            int status;
            cr = &r[w];
            cr->deadline = lim->timeout > 0 ? compute_clock() + (double)lim->timeout : 0;
            if (get(cr, &tag, 1) != 0 || tag != 'D') {
                if (!cr->status)
                    compute_bad(cr, "no end of the stream");
                break;
            }
            while (waitpid(cr->child, &status, 0) < 0 && errno == EINTR)
                ;
            cr->child = 0;
        }
        if (w == k) {
            compute_stop(r, k);
            return SSC_OK;
        }
    }
    *fault = 1;
    compute_fault(cr, cr->child, &sections[i < n ? i : n - 1], i < n ? i : n - 1, lim->timeout,
                  err);
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
    bytes = sizeof *deal + n * sizeof deal->owner[0];
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

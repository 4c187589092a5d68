/* SPDX-License-Identifier: MIT */
/* Sections computed in a child process (see compute.h).
 *
 * One child per render, not one per section: sections run in order and
 * the first failure ends the render anyway, so a child per section would
 * buy nothing but forks.  The child announces each section before calling
 * its plugin ('S', which also restarts the section's clock), then sends
 * the section's outcome: a table ('T'), the plugin's own error ('E'), or
 * 'R' when it asked for a row past the limit (the child's table refuses
 * it, so memory stays bounded); 'D' ends the stream.  Numbers
 * travel as the doubles themselves, so tables (and the PDF and data-out
 * drawn from them) are exactly what an in-process compute gives.
 *
 * Wire format (native byte order: both ends are this very binary):
 *   u32 = 4 bytes, u64 = 8 bytes, str = u32 length (NONE: no string) and
 *   the bytes, no terminator.
 *   'S' u32 section
 *   'T' u32 key_kind, u32 columns, u64 rows, str note,
 *       str summary (ssc_table_set_summary; "": the engine's),
 *       4 x str measure (ssc_table_set_measure; all NONE: projects),
 *       columns x (str name, str title, u32 type, u32 unit),
 *       rows x (str key, str label, u64 colour + 1 (0: none),
 *               f64 row total (NaN: none given),
 *               columns x (f64 number, str text))
 *   'E' str file, u64 line, str message
 *   'R' (more rows than the limit were asked for)
 *   'D' */
#include "report/compute.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "report/table.h"

#define COMPUTE_NONE 0xFFFFFFFFu
#define COMPUTE_MAX_STRING (16u << 20) /* 16 MiB: any one cell, note or name */
#define COMPUTE_MAX_COLUMNS 4096u

/* ---- the child --------------------------------------------------------- */

static void put(FILE *w, const void *p, size_t n)
{
    if (n && fwrite(p, 1, n, w) != n)
        _exit(125); /* the parent is gone or the pipe broke: nobody to tell */
}

static void put_u32(FILE *w, uint32_t v)
{
    put(w, &v, sizeof v);
}

static void put_u64(FILE *w, uint64_t v)
{
    put(w, &v, sizeof v);
}

static void put_str(FILE *w, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (!s) {
        put_u32(w, COMPUTE_NONE);
        return;
    }
    put_u32(w, n < COMPUTE_MAX_STRING ? (uint32_t)n : COMPUTE_MAX_STRING);
    put(w, s, n < COMPUTE_MAX_STRING ? n : COMPUTE_MAX_STRING); /* the parent refuses it */
}

static void put_table(FILE *w, const ssc_table *t)
{
    size_t cols = ssc_table_columns(t), rows = ssc_table_rows(t);

    put(w, "T", 1);
    put_u32(w, (uint32_t)ssc_table_key_kind(t));
    put_u32(w, (uint32_t)cols);
    put_u64(w, (uint64_t)rows);
    put_str(w, ssc_table_note(t));
    put_str(w, ssc_table_summary(t));
    for (int m = SSC_MEASURE_ONE; m <= SSC_MEASURE_ZH_COUNTER; m++)
        put_str(w, ssc_table_measures_projects(t) ? NULL
                                                  : ssc_table_measure(t, (ssc_measure_part)m));
    for (size_t c = 0; c < cols; c++) {
        put_str(w, ssc_table_column_name(t, c));
        put_str(w, ssc_table_column_title_override(t, c));
        put_u32(w, (uint32_t)ssc_table_column_type(t, c));
        put_u32(w, (uint32_t)ssc_table_column_unit(t, c));
    }
    for (size_t r = 0; r < rows; r++) {
        put_str(w, ssc_table_key(t, r));
        put_str(w, ssc_table_label_override(t, r));
        put_u64(w, (uint64_t)(ssc_table_colour(t, r) + 1));
        double total = ssc_table_row_total(t, r);
        put(w, &total, sizeof total);
        for (size_t c = 0; c < cols; c++) {
            double v = ssc_table_number(t, r, c);
            put(w, &v, sizeof v);
            put_str(w, ssc_table_text(t, r, c));
        }
    }
}

static void put_error(FILE *w, const char *file, long line, const char *message)
{
    put(w, "E", 1);
    put_str(w, file);
    put_u64(w, (uint64_t)line);
    put_str(w, message);
}

/* The child: every section in turn; it never returns. */
static void compute_child(int fd, pid_t parent, const ssc_portfolio *view,
                          ssc_section *sections, size_t n, size_t max_rows)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    FILE *w;

    /* die with the command, whatever kills it: an orphaned plugin must not
     * run on (the command may have been killed before it could kill us) */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(125);
    /* the command's handlers remove its temporary files: not ours to do */
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        signal(sigs[i], SIG_DFL);
    if (!(w = fdopen(fd, "wb")))
        _exit(125);
    for (size_t i = 0; i < n; i++) {
        ssc_section *s = &sections[i];
        ssc_table *t = ssc_table_new();
        ssc_error perr;
        ssc_error_clear(&perr);
        put(w, "S", 1);
        put_u32(w, (uint32_t)i);
        if (fflush(w) != 0)
            _exit(125);
        int rc = SSC_ERR;
        if (t) {
            ssc_table_set_max_rows(t, max_rows);
            rc = s->plugin->compute(view, s, t, &perr);
        }
        if (!t) {
            put_error(w, perr.file, 0, "out of memory");
        } else if (ssc_table_flooded(t)) {
            /* first: the plugin may pass the refused row off as its own
             * failure; the table never holds more than the limit */
            put(w, "R", 1);
        } else if (rc != SSC_OK || ssc_table_failed(t)) {
            put_error(w, perr.set ? perr.file : "", perr.set ? perr.line : 0,
                      perr.set ? perr.message : "the plugin failed without saying why");
        } else {
            put_table(w, t);
        }
        if (fflush(w) != 0)
            _exit(125);
        ssc_table_free(t);
    }
    put(w, "D", 1);
    if (fclose(w) != 0)
        _exit(125);
    _exit(0);
}

/* ---- the parent: reading the child's stream as untrusted input ---------- */

typedef struct compute_reader {
    int fd;
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

/* Well-formed UTF-8 (no overlong forms, surrogates or values past
 * U+10FFFF): what Pango and the CSV writer will be handed. */
static int compute_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        unsigned long cp;
        size_t k;
        if (c < 0x80) {
            if (!c)
                return 0;
            i++;
            continue;
        }
        if ((c & 0xE0) == 0xC0)
            k = 1, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0)
            k = 2, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0)
            k = 3, cp = c & 0x07;
        else
            return 0;
        if (n - i <= k)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
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
    if (!compute_utf8((unsigned char *)*out, n)) {
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

int ssc_compute_sections(const ssc_portfolio *view, ssc_section *sections, size_t n,
                         ssc_table **tables, const ssc_compute_limits *lim, int *fault,
                         ssc_error *err)
{
    compute_reader *r;
    int fds[2], status;
    pid_t child, self = getpid();
    size_t i;

    *fault = 0;
    if (n == 0)
        return SSC_OK;
    if (!(r = calloc(1, sizeof *r))) /* 64 KiB of buffer: not on the stack */
        return ssc_error_oom(err);
    if (pipe(fds) != 0) {
        free(r);
        return ssc_error_set(err, "cannot start the plugins' process: %s", strerror(errno));
    }
    fflush(NULL); /* a plugin's exit() must not write our buffers twice */
    if ((child = fork()) < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        free(r);
        return ssc_error_set(err, "cannot start the plugins' process: %s", strerror(e));
    }
    if (child == 0) {
        close(fds[0]);
        compute_child(fds[1], self, view, sections, n, lim->max_rows);
    }
    close(fds[1]);
    r->fd = fds[0];
    for (i = 0; i < n; i++) {
        uint32_t announced;
        char tag;
        /* engine code only until the start, but a child forked from a
         * threaded process could stall there too: the clock runs */
        r->deadline = lim->timeout > 0 ? compute_clock() + (double)lim->timeout : 0;
        if (get(r, &tag, 1) != 0 || (tag != 'S' && compute_bad(r, "no section start")) ||
            get_u32(r, &announced) != 0 || (announced != i && compute_bad(r, "wrong section")))
            break;
        r->deadline = lim->timeout > 0 ? compute_clock() + (double)lim->timeout : 0;
        int got = compute_read_one(r, &sections[i], i, tables, lim, fault, err);
        if (got < 0)
            break;
        if (got == 0) {
            /* the plugin's own failure: the rest is not needed */
            kill(child, SIGKILL);
            while (waitpid(child, &status, 0) < 0 && errno == EINTR)
                ;
            close(fds[0]);
            free(r);
            return SSC_ERR;
        }
    }
    if (i == n) {
        char tag;
        r->deadline = lim->timeout > 0 ? compute_clock() + (double)lim->timeout : 0;
        if (get(r, &tag, 1) == 0 && tag == 'D') {
            while (waitpid(child, &status, 0) < 0 && errno == EINTR)
                ;
            close(fds[0]);
            free(r);
            return SSC_OK;
        }
        if (!r->status)
            compute_bad(r, "no end of the stream");
    }
    *fault = 1;
    compute_fault(r, child, &sections[i < n ? i : n - 1], i < n ? i : n - 1, lim->timeout, err);
    close(fds[0]);
    free(r);
    return SSC_ERR;
}

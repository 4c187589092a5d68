/* SPDX-License-Identifier: MIT */
/* Errors inside the engine: a caller-owned struct filled by the failing
 * function (file and line for input errors), and a capped list of problems
 * for inputs that can have many (CSV rows). */
#ifndef SSC_ERROR_H
#define SSC_ERROR_H

#include <stdarg.h>
#include <stdio.h>

#include "ssc-report/plugin.h"

struct ssc_error {
    int set;
    char file[512]; /* "" when not about an input file */
    long line;      /* 0 when unknown */
    char message[1024];
};

void ssc_error_clear(ssc_error *err);
/* Records "FILE:LINE: message"; returns SSC_ERR.  file may be NULL. */
int ssc_error_at(ssc_error *err, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int ssc_error_vset(ssc_error *err, const char *file, long line, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
/* Prefixes the message with "prefix: " (e.g. a plugin name). */
void ssc_error_prefix(ssc_error *err, const char *prefix);
/* Writes the error as one line. */
void ssc_error_print(const ssc_error *err, FILE *to);
/* "SSC_ERR with 'out of memory'" in one call. */
int ssc_error_oom(ssc_error *err);

/* Writes s[0..len) into out (size >= 8; always NUL-terminated) as one
 * safe line for a message: a newline, tab or carriage return as \n, \t, \r,
 * any other control byte, DEL and each byte that is not part of valid
 * UTF-8 as \xHH; the rest (UTF-8 text, backslashes, quotes) as it is.  A
 * text that does not fit ends in "..." at a character boundary.  Returns
 * out.  Values quoted in messages go through it, and every error and
 * problem line is passed through it once more when it is recorded, so a
 * raw newline or binary byte from an input never reaches a terminal or a
 * log line. */
const char *ssc_escape(char *out, size_t size, const char *s, size_t len);

/* A list of problem lines, keeping the first `limit`, counting the rest. */
typedef struct ssc_diag {
    char **lines;
    size_t count;   /* kept */
    size_t alloc;
    size_t limit;   /* 0 means 50 */
    size_t dropped; /* beyond limit */
    int oom;        /* a line could not be stored */
} ssc_diag;

void ssc_diag_init(ssc_diag *d, size_t limit);
void ssc_diag_free(ssc_diag *d);
void ssc_diag_add(ssc_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t ssc_diag_total(const ssc_diag *d);
/* Takes back the problems added after the list held total of them. */
void ssc_diag_truncate(ssc_diag *d, size_t total);
/* Prints every kept line, then "... and N more problems" if any were dropped. */
void ssc_diag_print(const ssc_diag *d, FILE *to);

/* Where a run is, for a person waiting at a terminal (main.c shows it) or
 * for timings: each part says when a phase starts and, now and then, how
 * far it got.  A NULL handle or hook ignores everything, so the parts call
 * it unconditionally and the scheduler passes none. */
typedef enum ssc_phase {
    SSC_PHASE_START,   /* settings, report, plugins */
    SSC_PHASE_READ,    /* the portfolio: done and total are bytes */
    SSC_PHASE_COMPUTE, /* the sections' tables */
    SSC_PHASE_LAYOUT,  /* the measuring pass: done is the page */
    SSC_PHASE_WRITE,   /* the PDF: done is the page, total the page count */
    SSC_PHASE_OUTPUTS, /* data-out and charts, then replacing the outputs */
    SSC_PHASE_DONE,
    SSC_PHASE_COUNT
} ssc_phase;

typedef struct ssc_progress {
    void (*note)(void *ctx, ssc_phase phase, double done, double total);
    void *ctx;
} ssc_progress;

static inline void ssc_progress_note(const ssc_progress *p, ssc_phase phase, double done,
                                     double total)
{
    if (p && p->note)
        p->note(p->ctx, phase, done, total);
}

#endif

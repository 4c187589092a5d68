/* SPDX-License-Identifier: MIT */
/* Error structs and problem lists (see error.h). */
#include "error.h"

#include <stdlib.h>
#include <string.h>

void ssc_error_clear(ssc_error *err)
{
    if (!err)
        return;
    err->set = 0;
    err->file[0] = '\0';
    err->line = 0;
    err->message[0] = '\0';
}

int ssc_error_vset(ssc_error *err, const char *file, long line, const char *fmt, va_list ap)
{
    if (!err)
        return SSC_ERR;
    err->set = 1;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    return SSC_ERR;
}

int ssc_error_at(ssc_error *err, const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ssc_error_vset(err, file, line, fmt, ap);
    va_end(ap);
    return SSC_ERR;
}

int ssc_error_set(ssc_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ssc_error_vset(err, NULL, 0, fmt, ap);
    va_end(ap);
    return SSC_ERR;
}

int ssc_error_oom(ssc_error *err)
{
    return ssc_error_at(err, NULL, 0, "out of memory");
}

void ssc_error_prefix(ssc_error *err, const char *prefix)
{
    char old[sizeof err->message];
    size_t n;

    if (!err || !prefix)
        return;
    memcpy(old, err->message, sizeof old);
    /* prefix, then as much of the old message as fits */
    n = (size_t)snprintf(err->message, sizeof err->message, "%s: ", prefix);
    if (n < sizeof err->message)
        memcpy(err->message + n, old, strnlen(old, sizeof err->message - n - 1) + 1);
    err->message[sizeof err->message - 1] = '\0';
}

void ssc_error_print(const ssc_error *err, FILE *to)
{
    if (!err || !err->set)
        return;
    if (err->file[0] && err->line > 0)
        fprintf(to, "%s:%ld: %s\n", err->file, err->line, err->message);
    else if (err->file[0])
        fprintf(to, "%s: %s\n", err->file, err->message);
    else
        fprintf(to, "%s\n", err->message);
}

void ssc_diag_init(ssc_diag *d, size_t limit)
{
    memset(d, 0, sizeof *d);
    d->limit = limit ? limit : 50;
}

void ssc_diag_free(ssc_diag *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->count; i++)
        free(d->lines[i]);
    free(d->lines);
    memset(d, 0, sizeof *d);
}

void ssc_diag_add(ssc_diag *d, const char *fmt, ...)
{
    va_list ap;
    char *line;
    int n;

    if (d->count >= d->limit) {
        d->dropped++;
        return;
    }
    if (d->count == d->alloc) {
        size_t na = d->alloc ? d->alloc * 2 : 16;
        char **nl = realloc(d->lines, na * sizeof *nl);
        if (!nl) {
            d->oom = 1;
            d->dropped++;
            return;
        }
        d->lines = nl;
        d->alloc = na;
    }
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !(line = malloc((size_t)n + 1))) {
        d->oom = 1;
        d->dropped++;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(line, (size_t)n + 1, fmt, ap);
    va_end(ap);
    d->lines[d->count++] = line;
}

size_t ssc_diag_total(const ssc_diag *d)
{
    return d->count + d->dropped;
}

void ssc_diag_print(const ssc_diag *d, FILE *to)
{
    for (size_t i = 0; i < d->count; i++)
        fprintf(to, "%s\n", d->lines[i]);
    if (d->dropped)
        fprintf(to, "... and %zu more problem%s\n", d->dropped, d->dropped == 1 ? "" : "s");
}

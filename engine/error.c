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

/* The length of the valid UTF-8 sequence at s[0..n) (no overlong forms,
 * surrogates or code points past U+10FFFF), or 0. */
static size_t error_utf8_len(const unsigned char *s, size_t n)
{
    size_t k;
    unsigned c = s[0], min;

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 4, min = 0x10000;
    else
        return 0;
    if (n < k)
        return 0;
    c &= 0x3Fu >> (k - 1);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return k;
}

const char *ssc_escape(char *out, size_t size, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    size_t o = 0;

    while (p < end) {
        size_t k = error_utf8_len(p, (size_t)(end - p));
        char esc[4];
        const char *put = (const char *)p;
        size_t n = k;

        if (k == 0 || *p < 0x20 || *p == 0x7F) {
            put = esc;
            n = 2;
            esc[0] = '\\';
            esc[1] = *p == '\n' ? 'n' : *p == '\t' ? 't' : *p == '\r' ? 'r' : 'x';
            if (esc[1] == 'x') {
                esc[2] = hex[*p >> 4];
                esc[3] = hex[*p & 15];
                n = 4;
            }
            k = 1;
        }
        if (o + n + 4 > size) { /* room for "..." and the NUL */
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        memcpy(out + o, put, n);
        o += n;
        p += k;
    }
    out[o] = '\0';
    return out;
}

int ssc_error_vset(ssc_error *err, const char *file, long line, const char *fmt, va_list ap)
{
    char raw[sizeof err->message];

    if (!err)
        return SSC_ERR;
    err->set = 1;
    ssc_escape(err->file, sizeof err->file, file ? file : "", file ? strlen(file) : 0);
    err->line = line;
    vsnprintf(raw, sizeof raw, fmt, ap);
    ssc_escape(err->message, sizeof err->message, raw, strlen(raw));
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

/* 1 when s holds a byte that is not part of valid UTF-8. */
static int error_not_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);

    while (*p) {
        size_t k = error_utf8_len(p, n);
        if (k == 0)
            return 1;
        p += k;
        n -= k;
    }
    return 0;
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
    if (strpbrk(line, "\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13"
                      "\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f") ||
        error_not_utf8(line)) {
        /* up to four bytes out per byte in, as ssc_escape writes them */
        size_t cap = 4 * (size_t)n + 8;
        char *safe = malloc(cap);
        if (!safe) {
            free(line);
            d->oom = 1;
            d->dropped++;
            return;
        }
        ssc_escape(safe, cap, line, (size_t)n);
        free(line);
        line = safe;
    }
    d->lines[d->count++] = line;
}

void ssc_diag_truncate(ssc_diag *d, size_t total)
{
    if (total >= ssc_diag_total(d))
        return;
    if (total <= d->count) {
        while (d->count > total)
            free(d->lines[--d->count]);
        d->dropped = 0;
    } else {
        d->dropped = total - d->count;
    }
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

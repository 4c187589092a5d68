/* SPDX-License-Identifier: MIT */
/* The RFC 4180 record reader (see csv.h). */
#include "data/csv.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define CSV_NO_SCRATCH ((size_t)-1)

/* 1 when c ends an unquoted field: the separator or a line end.  The
 * quote only matters at a field's start. */
static inline int csv_ends_field(char c, char delim)
{
    return c == delim || c == '\n' || c == '\r';
}

/* The separator spread over a vector (or a word), made once per record
 * rather than once per field. */
#if defined(__SSE2__) && defined(__GNUC__)
typedef __m128i csv_spread;
#define CSV_SPREAD(c) _mm_set1_epi8(c)
#else
typedef uint64_t csv_spread;
#define CSV_SPREAD(c) (0x0101010101010101ULL * (unsigned char)(c))
#endif

/* The special bytes (separator, CR, LF) of the 64 bytes at at, one bit
 * each; at is NULL until a window is loaded.  Most fields are a few bytes
 * long, so a record's fields are found in windows loaded once, not in a
 * load per field. */
typedef struct csv_window {
    const char *at;
    uint64_t bits;
} csv_window;

/* The end of the unquoted field starting at p: the first separator, CR or
 * LF, or end.  Most of the input is unquoted fields, so this is the hot
 * loop: with SSE2 (every x86-64) it tests 64 bytes per step and keeps
 * what it found in w for the fields after (a million rows: 0.121 to
 * 0.099 s against a fresh 16-byte test per field), then 16; on other little-endian
 * GCC/Clang targets eight, with the classic "has a zero byte" bit trick
 * (the lowest flagged byte is always exact; borrows can only flag bytes
 * after it); elsewhere one byte at a time. */
static const char *csv_field_end(const char *p, const char *end, char delim, csv_spread sep,
                                 csv_window *w)
{
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    if (w->at && p >= w->at && p < w->at + 64) {
        uint64_t bits = w->bits >> (p - w->at);
        if (bits)
            return p + __builtin_ctzll(bits);
        p = w->at + 64;
    }
    while (end - p >= 64) {
        uint64_t bits = 0;
        for (int k = 0; k < 4; k++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
            __m128i h = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sep), _mm_cmpeq_epi8(v, lf)),
                                     _mm_cmpeq_epi8(v, cr));
            bits |= (uint64_t)(uint32_t)_mm_movemask_epi8(h) << (16 * k);
        }
        if (bits) {
            w->at = p;
            w->bits = bits;
            return p + __builtin_ctzll(bits);
        }
        p += 64;
    }
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i h = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sep), _mm_cmpeq_epi8(v, lf)),
                                 _mm_cmpeq_epi8(v, cr));
        unsigned bits = (unsigned)_mm_movemask_epi8(h);
        if (bits)
            return p + __builtin_ctz(bits);
        p += 16;
    }
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    (void)w;
    while (end - p >= 8) {
        uint64_t v, a, b, c, m;
        memcpy(&v, p, 8);
        a = v ^ sep;
        b = v ^ (ones * '\n');
        c = v ^ (ones * '\r');
        m = (((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c)) & highs;
        if (m)
            return p + (__builtin_ctzll(m) >> 3);
        p += 8;
    }
#else
    (void)sep;
    (void)w;
#endif
    while (p < end && !csv_ends_field(*p, delim))
        p++;
    return p;
}

void ssc_csv_reader_init(ssc_csv_reader *r, const char *data, size_t len)
{
    memset(r, 0, sizeof *r);
    r->p = data;
    r->end = data + len;
    r->line = 1;
    r->delim = ',';
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        r->p += 3;
}

void ssc_csv_reader_more(ssc_csv_reader *r, const char *data, size_t len, int final)
{
    r->p = data;
    r->end = data + len;
    r->partial = !final;
}

int ssc_csv_field_copied(const ssc_csv_reader *r, size_t i)
{
    return r->scratch_off && r->scratch_off[i] != CSV_NO_SCRATCH;
}

int ssc_csv_reader_set_delimiter(ssc_csv_reader *r, char delim)
{
    /* a quote or a line end as the separator would make records ambiguous */
    if (delim == '"' || delim == '\n' || delim == '\r' || delim == '\0')
        return -1;
    r->delim = delim;
    return 0;
}

void ssc_csv_reader_free(ssc_csv_reader *r)
{
    if (!r)
        return;
    free(r->fields);
    free(r->scratch_off);
    free(r->scratch);
    r->fields = NULL;
    r->scratch_off = NULL;
    r->scratch = NULL;
    r->cap_fields = r->scratch_cap = 0;
}

static int csv_grow_fields(ssc_csv_reader *r)
{
    size_t ncap = r->cap_fields ? r->cap_fields * 2 : 32;
    ssc_csv_field *nf;
    size_t *no;

    if (ncap > SIZE_MAX / sizeof *nf)
        return -1;
    nf = realloc(r->fields, ncap * sizeof *nf);
    if (!nf)
        return -1;
    r->fields = nf;
    no = realloc(r->scratch_off, ncap * sizeof *no);
    if (!no)
        return -1;
    r->scratch_off = no;
    r->cap_fields = ncap;
    return 0;
}

/* Lines inside a quoted span: LF, CRLF and a lone CR each end one. */
static long csv_count_lines(const char *s, const char *end)
{
    long n = 0;
    /* Most quoted fields hold a comma, not a line end: look before counting. */
    if (!memchr(s, '\n', (size_t)(end - s)) && !memchr(s, '\r', (size_t)(end - s)))
        return 0;
    for (; s < end; s++) {
        if (*s == '\n')
            n++;
        else if (*s == '\r' && (s + 1 == end || s[1] != '\n'))
            n++;
    }
    return n;
}

/* Copies s[0..len) into scratch with each "" made ", returning the
 * offset of the copy, or CSV_NO_SCRATCH when out of memory.  The offset
 * (not a pointer) is kept because scratch may move as it grows. */
static size_t csv_unescape(ssc_csv_reader *r, const char *s, size_t len, size_t *out_len)
{
    size_t off = r->scratch_len;
    char *d;

    if (len > r->scratch_cap - r->scratch_len) {
        size_t ncap = r->scratch_cap ? r->scratch_cap : 256;
        char *ns;
        while (ncap - r->scratch_len < len) {
            if (ncap > SIZE_MAX / 2)
                return CSV_NO_SCRATCH;
            ncap *= 2;
        }
        ns = realloc(r->scratch, ncap);
        if (!ns)
            return CSV_NO_SCRATCH;
        r->scratch = ns;
        r->scratch_cap = ncap;
    }
    d = r->scratch + off;
    for (size_t i = 0; i < len; i++) {
        *d++ = s[i];
        if (s[i] == '"')
            i++; /* the second quote of a pair */
    }
    *out_len = (size_t)(d - (r->scratch + off));
    r->scratch_len += *out_len;
    return off;
}

/* Reads the quoted field whose opening quote is at *pp.  Returns 0, or
 * SSC_CSV_UNCLOSED / SSC_CSV_NOMEM. */
static int csv_quoted(ssc_csv_reader *r, const char **pp, size_t n, size_t *bad)
{
    const char *start = *pp + 1, *q = start, *end = r->end, *close;
    int doubled = 0;

    for (;;) {
        close = memchr(q, '"', (size_t)(end - q));
        /* before the end of the input, the quote may close (or a second
         * one follow) in the next block */
        if (r->partial && (!close || close + 1 == end))
            return SSC_CSV_MORE;
        if (!close) {
            r->unclosed_line = r->line;
            r->unclosed_field = n;
            return SSC_CSV_UNCLOSED;
        }
        if (close + 1 < end && close[1] == '"') {
            doubled = 1;
            q = close + 2;
            continue;
        }
        break;
    }
    r->line += csv_count_lines(start, close);
    r->scratch_off[n] = CSV_NO_SCRATCH;
    if (!doubled) {
        r->fields[n].s = start;
        r->fields[n].len = (size_t)(close - start);
    } else {
        r->fields[n].s = NULL;
        r->scratch_off[n] = csv_unescape(r, start, (size_t)(close - start), &r->fields[n].len);
        if (r->scratch_off[n] == CSV_NO_SCRATCH)
            return SSC_CSV_NOMEM;
    }
    q = close + 1;
    if (q < end && !csv_ends_field(*q, r->delim)) {
        /* "abc"def: the record stays aligned, but the field is wrong. */
        if (!*bad)
            *bad = n + 1;
        while (q < end && !csv_ends_field(*q, r->delim))
            q++;
    }
    if (q == end && r->partial)
        return SSC_CSV_MORE;
    *pp = q;
    return 0;
}

int ssc_csv_next(ssc_csv_reader *r, ssc_csv_record *rec)
{
    const char *p = r->p, *end = r->end;
    const char delim = r->delim;
    const csv_spread sep = CSV_SPREAD(delim);
    size_t n = 0, bad = 0;
    int any_scratch = 0;
    csv_window w = {NULL, 0};

    /* Blank lines hold no record.  A CR at the end of a block may be half
     * of a CRLF: it waits for the next one. */
    while (p < end && (*p == '\n' || *p == '\r')) {
        if (*p == '\r' && p + 1 == end && r->partial)
            break;
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
        p++;
        r->line++;
    }
    r->p = p;
    if (p == end)
        return r->partial ? SSC_CSV_MORE : SSC_CSV_END;
    if (*p == '\r') /* the loop stops at a CR only for that reason */
        return SSC_CSV_MORE;
    rec->line = r->line;
    r->scratch_len = 0;
    for (;;) {
        if (n == r->cap_fields && csv_grow_fields(r) != 0)
            return SSC_CSV_NOMEM;
        if (p < end && *p == '"') {
            int rc = csv_quoted(r, &p, n, &bad);
            if (rc == SSC_CSV_MORE)
                goto more;
            if (rc != 0) {
                r->p = end;
                return rc;
            }
            any_scratch |= r->scratch_off[n] != CSV_NO_SCRATCH;
        } else {
            const char *s = p;
            p = csv_field_end(p, end, delim, sep, &w);
            r->fields[n].s = s;
            r->fields[n].len = (size_t)(p - s);
            r->scratch_off[n] = CSV_NO_SCRATCH;
        }
        n++;
        if (p == end) {
            if (r->partial)
                goto more;
            break;
        }
        if (*p == delim) {
            p++;
            continue;
        }
        if (*p == '\r' && p + 1 == end && r->partial)
            goto more;
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
        p++;
        r->line++;
        break;
    }
    if (any_scratch)
        for (size_t i = 0; i < n; i++)
            if (r->scratch_off[i] != CSV_NO_SCRATCH)
                r->fields[i].s = r->scratch + r->scratch_off[i];
    r->p = p;
    rec->fields = r->fields;
    rec->count = n;
    rec->bad_field = bad;
    return SSC_CSV_RECORD;

more:
    /* the record may go on in the next block: read it again from its
     * start then (the blank lines before it are behind r->p already) */
    r->line = rec->line;
    return SSC_CSV_MORE;
}

/* The file is read into memory rather than mapped: a mapped file that
 * another program truncates while we read it would kill the process with
 * SIGBUS, and a report run must never crash on its input. */
int ssc_csv_file_read(ssc_csv_file *f, const char *path)
{
    struct stat sb;
    size_t cap, len = 0;
    char *buf;
    int fd, saved;

    f->data = NULL;
    f->len = 0;
    fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    if (fstat(fd, &sb) != 0)
        goto fail;
    if (S_ISDIR(sb.st_mode)) {
        errno = EISDIR;
        goto fail;
    }
    /* Regular files: one allocation of the right size (plus the NUL and
     * one byte to see the end); pipes and the like grow as they come. */
    cap = S_ISREG(sb.st_mode) && sb.st_size > 0 && (uintmax_t)sb.st_size < SIZE_MAX - 2
              ? (size_t)sb.st_size + 2
              : 65536;
    buf = malloc(cap);
    if (!buf) {
        errno = ENOMEM;
        goto fail;
    }
    for (;;) {
        ssize_t got;
        if (cap - len < 2) {
            char *nb;
            if (cap > SIZE_MAX / 2) {
                errno = EFBIG;
                goto fail_buf;
            }
            nb = realloc(buf, cap * 2);
            if (!nb) {
                errno = ENOMEM;
                goto fail_buf;
            }
            buf = nb;
            cap *= 2;
        }
        got = read(fd, buf + len, cap - len - 1);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            goto fail_buf;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    close(fd);
    buf[len] = '\0';
    f->data = buf;
    f->len = len;
    return 0;

fail_buf:
    saved = errno;
    free(buf);
    errno = saved;
fail:
    saved = errno;
    close(fd);
    errno = saved;
    return -1;
}

void ssc_csv_file_free(ssc_csv_file *f)
{
    if (!f)
        return;
    free(f->data);
    f->data = NULL;
    f->len = 0;
}

/* ---- values in cells --------------------------------------------------- */

/* The length of the valid UTF-8 sequence at s[0..n), or 0 when there is
 * none. */
static size_t csv_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
            return 0;
        return 4;
    }
    return 0;
}

int ssc_csv_utf8_ok(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;

    while (p < end) {
        size_t k;
        if (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            /* all eight bytes in 1..127?  A zero byte borrows, which sets
             * a high bit too. */
            if (((w | (w - ones)) & highs) == 0) {
                p += 8;
                continue;
            }
        }
        if (*p == 0 || (k = csv_utf8_seq(p, (size_t)(end - p))) == 0)
            return 0;
        p += k;
    }
    return 1;
}

size_t ssc_csv_utf8_check(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;

    while (p < end) {
        /* Most of a portfolio is ASCII: skip it a block at a time, so that
         * checking a whole file costs little next to reading it. */
#if defined(__SSE2__) && defined(__GNUC__)
        while (end - p >= 16) {
            unsigned high = (unsigned)_mm_movemask_epi8(
                _mm_loadu_si128((const __m128i *)(const void *)p));
            if (high) {
                p += __builtin_ctz(high);
                break;
            }
            p += 16;
        }
#else
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080ULL)
                break;
            p += 8;
        }
#endif
        if (p == end)
            break;
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t k = csv_utf8_seq(p, (size_t)(end - p));
        if (k == 0)
            return (size_t)(p - (const unsigned char *)s);
        p += k;
    }
    return len;
}

long ssc_csv_line_of(const char *data, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == off || data[i + 1] != '\n')))
            line++;
    return line;
}

const char *ssc_csv_show(char *buf, size_t size, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    size_t o = 0, keep = size - 4 < 40 ? size - 4 : 40;

    while (p < end) {
        size_t k = csv_utf8_seq(p, (size_t)(end - p));
        if (o + (k ? k : 1) > keep) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        if (k == 0 || *p < 0x20 || *p == 0x7F) {
            buf[o++] = '?';
            p++;
        } else {
            memcpy(buf + o, p, k);
            o += k;
            p += k;
        }
    }
    buf[o] = '\0';
    return buf;
}

int ssc_csv_days_in_month(int year, int month)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/* n digits at s as a number, or -1. */
static int csv_digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int ssc_csv_parse_date(const char *s, size_t len, int *year, int *month, int *day)
{
    if (len != 4 && len != 7 && len != 10)
        return SSC_CSV_DATE_FORM;
    *year = csv_digits(s, 4);
    *month = len >= 7 ? (s[4] == '-' ? csv_digits(s + 5, 2) : -1) : 0;
    *day = len == 10 ? (s[7] == '-' ? csv_digits(s + 8, 2) : -1) : 0;
    if (*year < 0 || *month < 0 || *day < 0)
        return SSC_CSV_DATE_FORM;
    if (*year == 0) /* no year 0 in the calendar; 0 also means "no date" */
        return SSC_CSV_DATE_YEAR;
    if (len >= 7 && (*month < 1 || *month > 12))
        return SSC_CSV_DATE_MONTH;
    if (len == 10 && (*day < 1 || *day > ssc_csv_days_in_month(*year, *month)))
        return SSC_CSV_DATE_DAY;
    return SSC_CSV_DATE_OK;
}

/* Up to 19 significant digits are kept in an integer, then scaled by an
 * exact power of ten: one rounding when both fit a double exactly. */
int ssc_csv_parse_decimal(const char *s, size_t len, double *out)
{
    static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char *end = s + len;
    uint64_t m = 0;
    long exp = 0;
    int negative = 0, digits = 0, point = 0;
    double v;

    if (s < end && *s == '-') {
        negative = 1;
        s++;
    }
    for (; s < end; s++) {
        if (*s == '.' && !point) {
            point = 1;
            continue;
        }
        if (*s < '0' || *s > '9')
            return SSC_CSV_NUM_FORM;
        digits++;
        if (m < 1000000000000000000ULL) {
            m = m * 10 + (uint64_t)(*s - '0');
            exp -= point;
        } else if (!point && exp < 100000) {
            exp++; /* a digit past the kept ones: only its place counts */
        }
    }
    if (digits == 0)
        return SSC_CSV_NUM_FORM;
    v = (double)m;
    for (; exp > 22; exp -= 22)
        v *= 1e22;
    for (; exp < -22; exp += 22)
        v /= 1e22;
    v = exp >= 0 ? v * p10[exp] : v / p10[-exp];
    if (v > 1.7976931348623157e308) /* infinite: too large for a double */
        return SSC_CSV_NUM_RANGE;
    if (negative && v != 0)
        return SSC_CSV_NUM_NEGATIVE;
    *out = v;
    return SSC_CSV_NUM_OK;
}

int ssc_csv_parse_count(const char *s, size_t len, long long *out)
{
    long long v = 0;
    size_t i;
    int negative = len > 1 && s[0] == '-';

    if (len == 0)
        return SSC_CSV_NUM_FORM;
    for (i = (size_t)negative; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return SSC_CSV_NUM_FORM;
    for (i = (size_t)negative; i < len; i++) {
        int d = s[i] - '0';
        if (negative && d)
            return SSC_CSV_NUM_NEGATIVE;
        if (v > (LLONG_MAX - d) / 10)
            return SSC_CSV_NUM_RANGE;
        v = v * 10 + d;
    }
    *out = v;
    return SSC_CSV_NUM_OK;
}

int ssc_csv_parse_sdg(const char *s, size_t len)
{
    int v = 0;
    if (len == 0 || len > 3)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    return v >= 1 && v <= 17 ? v : 0;
}

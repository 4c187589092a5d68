/* SPDX-License-Identifier: MIT */
/* Reading CSV a block at a time gives what reading it whole gives: the same
 * records, lines and malformed fields from the reader (ssc_csv_reader_more)
 * whatever the block edges, and the same store, problems and messages from
 * the portfolio loader (ssc_csv_load in small blocks, on one thread and
 * with a reading thread beside it, against ssc_csv_load_buffer on the
 * same bytes).  The expected side is always the
 * whole-text reading, which test-csv checks against hand-written values.
 * Linked with --wrap for ssc_store_append (a row refused on demand) and
 * pthread_create (the reading thread seen to start). */
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "data/csv.h"
#include "data/source_csv.h"
#include "data/store.h"
#include "ssc-report/plugin.h"

/* ---- the reader --------------------------------------------------------- */

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void text_add(text *t, const char *s, size_t len)
{
    if (t->len + len + 1 > t->cap) {
        size_t ncap = (t->len + len + 1) * 2;
        char *ns = realloc(t->s, ncap);
        if (!ns)
            abort();
        t->s = ns;
        t->cap = ncap;
    }
    memcpy(t->s + t->len, s, len);
    t->len += len;
    t->s[t->len] = '\0';
}

static void text_addf(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void text_addf(text *t, const char *fmt, ...)
{
    char buf[160];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    text_add(t, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* What the reader makes of data, written out: each record's line, fields
 * (with their lengths, as they may hold anything) and malformed field, then
 * how reading ended.  step 0 reads the whole text at once; otherwise the
 * reader first sees step bytes (at least 3, for the byte-order mark), then
 * step more each time it asks, each time from a fresh copy of the unread
 * bytes, so that a record pointing into an old block would show. */
static text read_records(const char *data, size_t len, size_t step, char delim)
{
    ssc_csv_reader r;
    ssc_csv_record rec;
    text out = {0};
    size_t limit = step == 0 || len < 3 ? len : step < 3 ? 3 : step;
    size_t at = 0; /* offset in data of the copy's first byte */
    char *copy = NULL;
    int rc;

    limit = limit < len ? limit : len;
    copy = malloc(limit + 1);
    if (!copy)
        abort();
    memcpy(copy, data, limit);
    ssc_csv_reader_init(&r, copy, limit);
    ssc_csv_reader_set_delimiter(&r, delim);
    ssc_csv_reader_more(&r, r.p, (size_t)(copy + limit - r.p), limit == len);
    for (;;) {
        rc = ssc_csv_next(&r, &rec);
        if (rc == SSC_CSV_MORE) {
            size_t from = at + (size_t)(r.p - copy), n;
            char *next;
            if (limit == len) {
                text_add(&out, "MORE after the end\n", 19);
                break;
            }
            limit = limit + step < len ? limit + step : len;
            n = limit - from;
            if (!(next = malloc(n + 1)))
                abort();
            memcpy(next, data + from, n);
            free(copy);
            copy = next;
            at = from;
            ssc_csv_reader_more(&r, copy, n, limit == len);
            continue;
        }
        if (rc != SSC_CSV_RECORD)
            break;
        text_addf(&out, "line %ld, %zu fields, bad %zu:", rec.line, rec.count, rec.bad_field);
        for (size_t i = 0; i < rec.count; i++) {
            text_addf(&out, " [%zu]", rec.fields[i].len);
            text_add(&out, rec.fields[i].s, rec.fields[i].len);
        }
        text_add(&out, "\n", 1);
    }
    text_addf(&out, "end %d", rc);
    if (rc == SSC_CSV_UNCLOSED)
        text_addf(&out, " unclosed at line %ld, field %zu", r.unclosed_line, r.unclosed_field);
    ssc_csv_reader_free(&r);
    free(copy);
    return out;
}

/* Every step from 1 to 9 and a few larger, against the whole text. */
static void check_blocks(const char *what, const char *data, size_t len, char delim)
{
    static const size_t steps[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 64};
    text whole = read_records(data, len, 0, delim);

    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
        text part = read_records(data, len, steps[k], delim);
        CHECK_ROW("%s, blocks of %zu", what, steps[k]);
        CHECK_STR(part.s, whole.s);
        free(part.s);
    }
    CHECK_ROW_END();
    free(whole.s);
}

static void test_reader_cases(void)
{
    static const struct {
        const char *what, *data;
    } cases[] = {
        {"plain LF", "id,title\nA,one\nB,two\n"},
        {"no final line end", "id,title\nA,one\nB,two"},
        {"CRLF", "id,title\r\nA,one\r\nB,two\r\n"},
        {"lone CRs", "id,title\rA,one\rB,two\r"},
        {"blank lines of every kind", "\n\r\n\rid,title\n\n\r\n\r\rA,one\r\n\n"},
        {"CR then LF in separate blocks", "a\r\nb\r\n\r\nc\r"},
        {"quoted separators and line ends", "a,\"x,y\nz\r\nw\",b\n\"\",\"\"\nq,\"\r\"\n"},
        {"doubled quotes", "\"a\"\"b\",\"\"\"\",\"x\"\"\"\n\"\"\"\"\"\"\n"},
        {"text after a closing quote", "\"ab\"cd,e\n\"x\"\"y\"z\r\nf\n"},
        {"a quote at the very end", "a,\"b\""},
        {"a doubled quote at the very end", "a,\"b\"\"\""},
        {"a quote inside an unquoted field", "ab\"c,d\ne\"\n"},
        {"unclosed quote", "a,b\nc,\"d\ne,f\n"},
        {"unclosed quote at the end", "a,\""},
        {"byte-order mark", "\xEF\xBB\xBFid,title\nA,\xE4\xB8\xAD\xE6\x96\x87\n"},
        {"empty fields", ",,\n,\n\"\",\n"},
        {"only a separator", ","},
        {"empty", ""},
        {"one byte", "a"},
        {"line ends only", "\r\n\r\r\n\n"},
    };

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_blocks(cases[i].what, cases[i].data, strlen(cases[i].data), ',');
    check_blocks("semicolons", "a;\"b;c\";d\r\ne;f\n", 15, ';');
}

/* Random texts over the bytes that matter (separator, quote, CR, LF, a
 * two-byte character), many short ones: every combination of edges. */
static void test_reader_random(void)
{
    static const char alphabet[] = {'a', ',', '"', '\r', '\n', ';', '\xC3', '\xA9', 'b'};
    uint32_t seed = 12345;
    char buf[64];

    for (int n = 0; n < 3000; n++) {
        size_t len;
        char what[32];
        seed = seed * 1103515245u + 12345u;
        len = (seed >> 16) % sizeof buf;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = alphabet[(seed >> 16) % sizeof alphabet];
        }
        snprintf(what, sizeof what, "random text %d", n);
        check_blocks(what, buf, len, n % 2 ? ',' : ';');
    }
}

/* ---- the loader --------------------------------------------------------- */

#define HEADER                                                                                    \
    "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary,start_date,"     \
    "status,budget_usd\n"

/* A portfolio of n rows well past the loader's first block (64 KiB), with
 * the shapes a block edge can cut: quoted titles with separators, doubled
 * quotes and line ends (LF and CRLF), Chinese text, CRLF rows, blank lines,
 * and a bad row now and then (a problem message to compare), which also
 * repeats the id before it (its message comes first). */
/* "South-South cooperation project" in Chinese: three bytes a character */
#define ZH "\xE5\x8D\x97\xE5\x8D\x97\xE5\x90\x88\xE4\xBD\x9C\xE9\xA1\xB9\xE7\x9B\xAE"

static text make_portfolio(size_t n, size_t pad)
{
    text t = {0};

    text_add(&t, HEADER, strlen(HEADER));
    for (size_t i = 0; i < n; i++) {
        char row[1024];
        int len;
        const char *title = i % 7 == 0   ? "\"Rice, seeds and \"\"hybrid\"\"\nvarieties\""
                            : i % 7 == 1 ? "\"Two\r\nlines, CRLF\""
                            : i % 7 == 2 ? ZH ZH ZH ZH ZH ZH ZH ZH
                            : i % 7 == 3 ? "Caf\xC3\xA9, r\xC3\xA9sum\xC3\xA9 " ZH
                                         : "Plain title";
        len = snprintf(row, sizeof row, "P-%06zu,%s%.*s,Institute %zu,\"Partner %zu;Partner %zu\","
                                        "%s,agriculture,%zu,%zu,%s,%s%s",
                       i % 97 == 5 ? i - 1 : i, title, (int)(pad % 40), "........................................",
                       i % 13, i % 5, i % 11, i % 3 ? "VNM" : "ETH;KEN", i % 17 + 1,
                       2000 + i % 25, i % 4 ? "ongoing" : "completed",
                       i % 97 == 5 ? "-3" : "1250.5", i % 2 ? "\r\n" : "\n");
        text_add(&t, row, (size_t)len);
        if (i % 50 == 3)
            text_add(&t, "\n\r\n", 3);
        pad = pad * 31 + 7;
    }
    return t;
}

/* The store and the problems written out, to compare whole. */
static text describe(int rc, ssc_store *st, const ssc_diag *d, const ssc_error *err,
                     size_t skipped)
{
    text out = {0};
    ssc_portfolio view;

    text_addf(&out, "rc %d, skipped %zu, problems %zu\n", rc, skipped, ssc_diag_total(d));
    for (size_t i = 0; i < d->count; i++) {
        text_add(&out, d->lines[i], strlen(d->lines[i]));
        text_add(&out, "\n", 1);
    }
    if (rc != SSC_OK)
        text_add(&out, err->message, strlen(err->message));
    if (!st)
        return out;
    ssc_portfolio_all(&view, st);
    for (size_t i = 0; i < ssc_portfolio_count(&view); i++) {
        ssc_strings partners = ssc_project_partners(&view, i);
        ssc_strings countries = ssc_project_countries(&view, i);
        const char *s[] = {ssc_project_id(&view, i), ssc_project_title(&view, i),
                           ssc_project_lead(&view, i), ssc_project_sector(&view, i),
                           ssc_project_status(&view, i)};
        double usd = -1;
        int has = ssc_project_budget(&view, i, &usd);
        text_addf(&out, "%zu line %ld budget %d %.2f:", i, ssc_store_line(st, i), has, usd);
        for (size_t k = 0; k < sizeof s / sizeof s[0]; k++) {
            text_add(&out, " | ", 3);
            text_add(&out, s[k], strlen(s[k]));
        }
        for (size_t k = 0; k < partners.count; k++)
            text_add(&out, partners.items[k], strlen(partners.items[k]));
        for (size_t k = 0; k < countries.count; k++)
            text_add(&out, countries.items[k], strlen(countries.items[k]));
        text_add(&out, "\n", 1);
    }
    return out;
}

/* Threads started (linked with --wrap=pthread_create), by start routine:
 * a load with two threads must start one that no load with one thread
 * started (the reading thread; both may start bigmem.c's). */
#define FNS 16
static void *(*fns_alone[FNS])(void *), *(*fns_now[FNS])(void *);
static int n_alone, n_now;
static int header_only; /* the header fails: no row is read */

static int fn_known(void *(*fn)(void *), void *(*const *set)(void *), int n)
{
    for (int i = 0; i < n; i++)
        if (set[i] == fn)
            return 1;
    return 0;
}

int __real_pthread_create(pthread_t *th, const pthread_attr_t *attr, void *(*fn)(void *),
                          void *arg);
int __wrap_pthread_create(pthread_t *th, const pthread_attr_t *attr, void *(*fn)(void *),
                          void *arg);
int __wrap_pthread_create(pthread_t *th, const pthread_attr_t *attr, void *(*fn)(void *),
                          void *arg)
{
    if (n_now < FNS)
        fns_now[n_now++] = fn;
    return __real_pthread_create(th, attr, fn, arg);
}

/* Loads data whole and from a file in blocks of block bytes; both must
 * describe alike.  Returns the whole reading's description. */
static void check_loads(const char *what, const text *data, size_t block, int skip_bad_rows)
{
    char path[] = "/tmp/test-csv-blocks-XXXXXX";
    ssc_csv_options opt = {.skip_bad_rows = skip_bad_rows, .display_name = "p.csv",
                           .block = block};
    ssc_store *st = NULL;
    ssc_diag d;
    ssc_error err;
    size_t skipped = 0;
    text whole, part;
    int rc;

    if (check_temp_file(path, data->s, data->len) != 0)
        return;

    ssc_diag_init(&d, 0);
    ssc_error_clear(&err);
    rc = ssc_csv_load_buffer(data->s, data->len, "p.csv", &opt, &st, &d, &skipped, &err);
    whole = describe(rc, st, &d, &err, skipped);
    ssc_store_free(st);
    ssc_diag_free(&d);

    CHECK(whole.len > 0);
    /* one thread, and a reading thread beside the settling one */
    for (opt.threads = 1; opt.threads <= 2; opt.threads++) {
        ssc_diag_init(&d, 0);
        ssc_error_clear(&err);
        st = NULL;
        skipped = 0;
        n_now = 0;
        rc = ssc_csv_load(path, &opt, &st, &d, &skipped, &err);
        if (opt.threads == 1) {
            for (int i = 0; i < n_now; i++)
                if (!fn_known(fns_now[i], fns_alone, n_alone) && n_alone < FNS)
                    fns_alone[n_alone++] = fns_now[i];
        } else {
            int reader = 0;
            for (int i = 0; i < n_now; i++)
                reader |= !fn_known(fns_now[i], fns_alone, n_alone);
            CHECK_ROW("%s, blocks of %zu: a reading thread", what, block);
            /* a thread only for rows, and for three blocks or more */
            size_t step = block > 65536 ? block : 65536;
            CHECK(reader == (!header_only && data->len / 3 >= step));
            CHECK_ROW_END();
        }
        part = describe(rc, st, &d, &err, skipped);
        ssc_store_free(st);
        ssc_diag_free(&d);
        CHECK_ROW("%s, blocks of %zu, %d thread%s", what, block, opt.threads,
                  opt.threads == 1 ? "" : "s");
        CHECK_STR(part.s, whole.s);
        CHECK_ROW_END();
        free(part.s);
    }
    unlink(path);
    free(whole.s);
}

static void test_loader(void)
{
    /* 3,000 rows: about 300 KB, so five or more blocks; the padding moves
     * every edge to another place in the rows */
    for (size_t pad = 0; pad < 3; pad++) {
        text t = make_portfolio(3000, pad);
        CHECK(t.len > 4 * 65536);
        check_loads("good and bad rows", &t, 1, 1);
        check_loads("good and bad rows", &t, 100000, 1);
        check_loads("bad rows refuse the file", &t, 1, 0);
        free(t.s);
    }
}

/* Problems past the first block: bytes that are not UTF-8 (the whole-file
 * message, with its line), a NUL byte in a cell (the cell's message), a
 * quote that never closes. */
static void test_loader_late_problems(void)
{
    static const struct {
        const char *s;
        size_t len;
    } tails[] = {
#define TAIL(x) {x, sizeof x - 1}
        TAIL("P-bad,Caf\xE9,Institute 1,,VNM,agriculture,2,2010,ongoing,1\n"),
        TAIL("P-nul,Ti\0tle,Institute 1,,VNM,agriculture,2,2010,ongoing,1\n"),
        TAIL("P-open,\"never closed,Institute 1,,VNM,agriculture,2,2010,ongoing,1\nP-x,T\n"),
#undef TAIL
    };
    static const char last[] = "P-last,T,Institute 1,,VNM,agriculture,2,2010,ongoing,1\n";

    for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
        text t = make_portfolio(2500, k);
        text_add(&t, tails[k].s, tails[k].len);
        text_add(&t, last, sizeof last - 1);
        check_loads("a problem after the first block", &t, 1, 1);
        check_loads("a problem after the first block", &t, 1, 0);
        free(t.s);
    }
}

/* Edges of the loader itself: a record longer than half a block (the
 * block grows), a header longer than the first block, old Mac line ends,
 * a byte-order mark; and reading that stops early (a bad header, too many
 * rows) with bytes that are not UTF-8 further on, which a whole reading
 * reports instead. */
static void test_loader_edges(void)
{
    static const char row[] = "P-x,T,Institute 1,,VNM,agriculture,2,2010,ongoing,1\n";
    text t = {0};

    /* a 200 KB title between ordinary rows */
    t = make_portfolio(500, 0);
    text_add(&t, "P-long,\"", 8);
    for (int i = 0; i < 20000; i++)
        text_add(&t, i % 100 == 99 ? "line\nbreak" : "0123456789", 10);
    text_add(&t, "\",Institute 1,,VNM,agriculture,2,2010,ongoing,1\n", 48);
    text_add(&t, row, sizeof row - 1);
    check_loads("a record longer than a block", &t, 1, 1);
    free(t.s);

    /* a header whose quoted last name runs past the first block */
    t = (text){0};
    text_add(&t, "id,title,lead_institution,countries,sector,sdg_primary,start_date,status,"
                 "\"note\n", 79);
    for (int i = 0; i < 9000; i++)
        text_add(&t, "long name ", 10);
    text_add(&t, "\"\n", 2);
    for (int i = 0; i < 2000; i++)
        text_add(&t, "P-1,T,Institute 1,VNM,agriculture,2,2010,ongoing,x\n", 51);
    check_loads("a header longer than the first block", &t, 1, 1);
    free(t.s);

    /* lone CRs and a byte-order mark */
    t = (text){0};
    text_add(&t, "\xEF\xBB\xBF", 3);
    {
        text p = make_portfolio(2500, 1);
        for (size_t i = 0; i < p.len; i++)
            if (p.s[i] == '\n')
                p.s[i] = '\r';
        text_add(&t, p.s, p.len);
        free(p.s);
    }
    check_loads("lone CRs after a byte-order mark", &t, 1, 1);
    free(t.s);

    /* a bad header, then a byte that is not UTF-8 far on */
    t = (text){0};
    text_add(&t, "id,title\n", 9);
    for (int i = 0; i < 30000; i++)
        text_add(&t, "P-1,Some title\n", 15);
    text_add(&t, "P-2,Caf\xE9\n", 9);
    header_only = 1;
    check_loads("a bad header and a bad byte further on", &t, 1, 0);
    header_only = 0;
    free(t.s);

    /* too many rows, then a byte that is not UTF-8 */
    setenv("SSC_REPORT_MAX_ROWS", "100", 1);
    t = make_portfolio(2500, 2);
    text_add(&t, "P-bad,Caf\xE9,Institute 1,,VNM,agriculture,2,2010,ongoing,1\n", 57);
    check_loads("too many rows and a bad byte further on", &t, 1, 1);
    free(t.s);
    t = make_portfolio(2500, 2);
    check_loads("too many rows", &t, 1, 1);
    free(t.s);
    unsetenv("SSC_REPORT_MAX_ROWS");
}

/* The store refusing a row (linked with --wrap=ssc_store_append; it
 * refuses only on out of memory or a line past 2^32): the line to refuse,
 * after a pause that lets a reading thread run ahead. */
static long refuse_line;
static int refused;

int __real_ssc_store_append(ssc_store *st, const ssc_project_in *p, ssc_error *err);
int __wrap_ssc_store_append(ssc_store *st, const ssc_project_in *p, ssc_error *err);
int __wrap_ssc_store_append(ssc_store *st, const ssc_project_in *p, ssc_error *err)
{
    if (refuse_line && p->line >= refuse_line) {
        refused++;
        usleep(300 * 1000);
        return ssc_error_set(err, "refused (test)");
    }
    return __real_ssc_store_append(st, p, err);
}

/* A row the store refuses, and bytes that are not UTF-8 in the block
 * after next (which a reading thread reads before it must wait):
 * one thread stops at the row and then reads the rest as text, which
 * fails; two threads must end the same, although the reading thread met
 * the bad bytes before the row was refused (review of 2907e3c: the
 * reader's view then pointed into a freed block). */
static void test_loader_refused(void)
{
    text t = make_portfolio(1500, 0);
    size_t rows_before = 0;

    for (size_t i = 0; i < t.len && i < 70000; i++)
        rows_before += t.s[i] == '\n';
    refuse_line = (long)rows_before; /* near the end of the first block */
    while (t.len < 150000)
        text_add(&t, "P-pad,T,Institute 1,,VNM,agriculture,2,2010,ongoing,1\n", 55);
    text_add(&t, "P-bad,Caf\xE9,Institute 1,,VNM,agriculture,2,2010,ongoing,1\n", 57);
    while (t.len < 3 * 65536) /* three blocks: read on two threads */
        text_add(&t, "P-end,T,Institute 1,,VNM,agriculture,2,2010,ongoing,1\n", 55);
    check_loads("a row refused, then a bad byte", &t, 1, 1);
    CHECK_INT(refused, 2); /* once a thread count; never read whole */
    refuse_line = 0;
    free(t.s);
}

int main(void)
{
    test_reader_cases();
    test_reader_random();
    test_loader();
    test_loader_late_problems();
    test_loader_edges();
    test_loader_refused();
    return check_done();
}

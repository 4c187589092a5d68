/* SPDX-License-Identifier: MIT */
/* The sqlite source: a portfolio kept in an SQLite database, read with a
 * query (report data.query) or from a table (data.table, else
 * "projects") whose columns are named as in docs/portfolio-csv.md.
 *
 * The database is only ever read: it is opened read-only (mode=ro), the
 * connection is put in query_only mode, and a query that could write is
 * refused before it runs.  Each result row becomes one project, handed to
 * the engine as text so that the rules and messages are the CSV
 * source's, with the result row number (from 1) as LINE. */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include <ssc-report/plugin.h>

/* "file:" and the path, percent-encoded where a URI needs it (a '?' or
 * '#' in a file name would otherwise start the query or fragment), then
 * "?mode=ro".  Caller frees. */
static char *sqlite_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *uri = malloc(3 * n + 32), *o;

    if (!uri)
        return NULL;
    o = uri + sprintf(uri, "file:%s", path[0] == '/' ? "//" : "");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/._~-", *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    strcpy(o, "?mode=ro");
    return uri;
}

/* A REAL as plain decimal text that reads back as the same double: the
 * fewest significant digits that round-trip, never an exponent (the
 * portfolio's numbers have none), and no ".0" on whole numbers, so that
 * 1500000.5 stored as REAL reads exactly as the CSV text 1500000.5 does.
 * Formatting and parsing use the C locale whatever the program set. */
static void sqlite_real_text(double v, char *buf, size_t size)
{
    char sci[64], digits[32];
    size_t nd = 0;
    int exp, neg;

    if (isnan(v) || isinf(v)) {
        snprintf(buf, size, "%s", isnan(v) ? "NaN" : v < 0 ? "-Inf" : "Inf");
        return;
    }
    if (v == 0) {
        snprintf(buf, size, "0");
        return;
    }
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    locale_t old = c ? uselocale(c) : (locale_t)0;
    for (int p = 1; p <= 17; p++) {
        snprintf(sci, sizeof sci, "%.*e", p - 1, v);
        if (strtod(sci, NULL) == v)
            break;
    }
    if (c) {
        uselocale(old);
        freelocale(c);
    }
    /* sci is [-]d[.ddd]e[+-]xx: the digits, then the power of ten */
    neg = sci[0] == '-';
    const char *s = sci + neg;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[nd++] = *s;
    exp = atoi(s + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    size_t o = 0;
#define PUT(ch)                                                                                    \
    do {                                                                                           \
        if (o + 1 < size)                                                                          \
            buf[o++] = (ch);                                                                       \
    } while (0)
    if (neg)
        PUT('-');
    if (exp < 0) {
        PUT('0');
        PUT('.');
        for (int i = -1; i > exp; i--)
            PUT('0');
        for (size_t i = 0; i < nd; i++)
            PUT(digits[i]);
    } else {
        for (int i = 0; i <= exp || (size_t)i < nd; i++) {
            if (i == exp + 1)
                PUT('.');
            PUT((size_t)i < nd ? digits[i] : '0');
        }
    }
#undef PUT
    buf[o] = '\0';
}

/* The statement to run: data.query as written, else every row of the
 * table (quoted as an SQL identifier).  Caller frees with sqlite3_free. */
static char *sqlite_sql(const char *query, const char *table)
{
    if (query)
        return sqlite3_mprintf("%s", query);
    return sqlite3_mprintf("SELECT * FROM \"%w\"", table);
}

/* Refuses a result whose columns the engine could not tell apart. */
static int sqlite_check_columns(sqlite3_stmt *st, const char *path, ssc_error *err)
{
    int n = sqlite3_column_count(st);

    if (n == 0)
        return ssc_error_set(err, "%s: the query returns no columns (it must be a SELECT)",
                             path);
    for (int i = 0; i < n; i++) {
        const char *a = sqlite3_column_name(st, i);
        if (!a)
            return ssc_error_set(err, "%s: out of memory", path);
        for (int j = 0; j < i; j++)
            if (strcmp(a, sqlite3_column_name(st, j)) == 0)
                return ssc_error_set(err,
                                     "%s: the query returns two columns named \"%s\" (columns "
                                     "%d and %d); name one differently with AS",
                                     path, a, j + 1, i + 1);
    }
    return SSC_OK;
}

/* Hands one result row over as one project; names are the result's
 * column names. */
static int sqlite_row(ssc_source *src, sqlite3_stmt *st, const char *const *names, long row)
{
    char num[400];
    int n = sqlite3_column_count(st);

    if (ssc_source_begin(src, row) != SSC_OK)
        return SSC_ERR;
    for (int i = 0; i < n; i++) {
        const char *text = "";
        size_t len = 0;

        switch (sqlite3_column_type(st, i)) {
        case SQLITE_NULL:
            break;
        case SQLITE_FLOAT:
            sqlite_real_text(sqlite3_column_double(st, i), num, sizeof num);
            text = num;
            len = strlen(num);
            break;
        case SQLITE_BLOB:
            text = sqlite3_column_blob(st, i);
            len = (size_t)sqlite3_column_bytes(st, i);
            break;
        default: /* INTEGER (SQLite writes it in plain digits) and TEXT */
            text = (const char *)sqlite3_column_text(st, i);
            len = (size_t)sqlite3_column_bytes(st, i);
            break;
        }
        if (!text) {
            text = "";
            len = 0;
        }
        if (ssc_source_set(src, names[i], text, len) != SSC_OK)
            return SSC_ERR;
    }
    return ssc_source_end(src);
}

/* Prepares the one statement of data.query (or the table's SELECT),
 * refusing more than one statement and any that could write. */
static int sqlite_prepare(sqlite3 *db, const char *path, const char *query, const char *table,
                          sqlite3_stmt **st, ssc_error *err)
{
    char *sql = sqlite_sql(query, table);
    const char *tail = NULL;
    int rc;

    *st = NULL;
    if (!sql)
        return ssc_error_set(err, "%s: out of memory", path);
    rc = sqlite3_prepare_v2(db, sql, -1, st, &tail);
    if (rc == SQLITE_OK && *st && tail)
        tail += strspn(tail, " \t\r\n;");
    if (rc != SQLITE_OK) {
        if (query)
            rc = ssc_error_set(err, "%s: data.query: %s", path, sqlite3_errmsg(db));
        else
            rc = ssc_error_set(err,
                               "%s: %s (without data.query the portfolio is read from table "
                               "\"%s\"; set data.table or data.query)",
                               path, sqlite3_errmsg(db), table);
    } else if (!*st) {
        rc = ssc_error_set(err, "%s: data.query holds no SQL statement", path);
    } else if (tail && *tail) {
        rc = ssc_error_set(err,
                           "%s: data.query holds more than one statement; give one SELECT",
                           path);
    } else if (!sqlite3_stmt_readonly(*st)) {
        rc = ssc_error_set(err,
                           "%s: data.query would change the database; only a query that reads "
                           "(SELECT) is run",
                           path);
    } else {
        rc = SSC_OK;
    }
    sqlite3_free(sql);
    if (rc != SSC_OK) {
        sqlite3_finalize(*st);
        *st = NULL;
    }
    return rc;
}

/* data.timeout: the query's time limit.  SQLite calls the progress
 * handler every SQLITE_PROGRESS_OPS virtual-machine steps; past the
 * deadline it returns non-zero, which interrupts the statement as
 * sqlite3_interrupt does (SQLITE_INTERRUPT), so a recursive query that
 * never ends stops within milliseconds of its limit. */
#define SQLITE_TIMEOUT_DEFAULT 60
#define SQLITE_TIMEOUT_MAX 86400
#define SQLITE_PROGRESS_OPS 10000

typedef struct sqlite_clock {
    struct timespec deadline;
    int expired;
} sqlite_clock;

static int sqlite_progress(void *data)
{
    sqlite_clock *c = data;
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec > c->deadline.tv_sec ||
        (now.tv_sec == c->deadline.tv_sec && now.tv_nsec >= c->deadline.tv_nsec))
        c->expired = 1;
    return c->expired;
}

/* The limit in seconds from data.timeout (the engine checked it is a whole
 * number; a direct caller may not have), or -1. */
static long sqlite_timeout(ssc_source *src)
{
    const char *t = ssc_source_option(src, "timeout");
    char *end;
    long v;

    if (!t)
        return SQLITE_TIMEOUT_DEFAULT;
    errno = 0;
    v = strtol(t, &end, 10);
    if (errno || end == t || *end || v < 1 || v > SQLITE_TIMEOUT_MAX)
        return -1;
    return v;
}

static int sqlite_read(ssc_source *src, ssc_error *err)
{
    const char *path = ssc_source_path(src);
    const char *query = ssc_source_option(src, "query");
    const char *table = ssc_source_option(src, "table");
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    struct stat sb;
    char *uri;
    long row = 0;
    int rc;

    sqlite_clock clock = {{0, 0}, 0};
    long timeout = sqlite_timeout(src);

    if (query && table)
        return ssc_error_set(err, "%s: set data.query or data.table, not both", path);
    if (timeout < 0)
        return ssc_error_set(err, "%s: data.timeout: not a whole number of seconds from 1 to %d",
                             path, SQLITE_TIMEOUT_MAX);
    if (!table)
        table = "projects";
    /* opening read-only never creates a file, but its message would be
     * SQLite's vague "unable to open database file" */
    if (stat(path, &sb) != 0)
        return ssc_error_set(err, "%s: cannot read the database: %s", path, strerror(errno));
    if (!(uri = sqlite_uri(path)))
        return ssc_error_set(err, "%s: out of memory", path);
    /* one thread uses the connection: no mutex per call */
    rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                         NULL);
    free(uri);
    if (rc != SQLITE_OK) {
        rc = ssc_error_set(err, "%s: cannot open the database: %s", path,
                           db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return rc;
    }
    /* a second lock on writing, whatever the query says */
    sqlite3_exec(db, "PRAGMA query_only = ON", NULL, NULL, NULL);
    clock_gettime(CLOCK_MONOTONIC, &clock.deadline);
    clock.deadline.tv_sec += timeout;
    sqlite3_progress_handler(db, SQLITE_PROGRESS_OPS, sqlite_progress, &clock);
    if (sqlite_prepare(db, path, query, table, &st, err) != SSC_OK ||
        sqlite_check_columns(st, path, err) != SSC_OK) {
        sqlite3_finalize(st);
        sqlite3_close(db);
        return SSC_ERR;
    }
    /* the names stay valid until the statement is finalized; asking for
     * them once spares a million rows the lookups */
    int n = sqlite3_column_count(st);
    const char **names = malloc((size_t)n * sizeof *names);
    if (!names) {
        sqlite3_finalize(st);
        sqlite3_close(db);
        return ssc_error_set(err, "%s: out of memory", path);
    }
    for (int i = 0; i < n; i++)
        names[i] = sqlite3_column_name(st, i);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (sqlite_row(src, st, names, ++row) != SSC_OK)
            break; /* the engine knows why (out of memory) */
    free(names);
    if (clock.expired)
        rc = ssc_error_set(err,
                           "%s: the query ran past data.timeout (%ld s) and was stopped after "
                           "%ld rows; make it cheaper or raise data.timeout",
                           path, timeout, row);
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        rc = ssc_error_set(err, "%s:%ld: reading stopped: %s", path, row + 1,
                           sqlite3_errmsg(db));
    else
        rc = SSC_OK;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rc;
}

SSC_SOURCE_PLUGIN(sqlite, "sqlite",
                  .summary = "SQLite database: a table or query with the portfolio's columns",
                  .version = "1.0",
                  .extensions = "sqlite|sqlite3|db",
                  .read = sqlite_read);

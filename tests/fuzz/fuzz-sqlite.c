/* SPDX-License-Identifier: MIT */
/* Fuzz target for the sqlite source plugin's row path
 * (plugins/sources/sqlite.c, compiled into this program): the conversion
 * of result values (NULL, INTEGER, REAL, TEXT, BLOB, with any bytes) into
 * a portfolio's projects.  The input describes a database, which is built
 * in a scratch file and then read by ssc_source_read with the plugin's
 * descriptor, as the engine drives a source (fuzz-source-read.c):
 *
 *   line 1          column names of table "projects", separated by '|'
 *                   (empty: the portfolio's own columns)
 *   further lines   one row each, values separated by '|'; a value
 *                   starting with i is an INTEGER, r a REAL (rinf, rnan
 *                   too), b a BLOB of the bytes after it, n a NULL, t a
 *                   TEXT of the bytes after it; anything else is TEXT as
 *                   written
 *
 * An input starting with SQLite's own header ("SQLite format 3") is
 * written as it is, as a damaged database file. */
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fuzz.h"

extern const ssc_plugin sqlite_LTX_ssc_plugin;

#define FUZZ_SQL_COLUMNS 64
#define FUZZ_SQL_ROWS 256

static const char fuzz_sql_default[] =
    "id|title|lead_institution|partner_institutions|countries|sector|sdg_primary|"
    "sdg_secondary|start_date|end_date|status|funding_source|budget_usd|modality|"
    "gender_marker|beneficiaries";

/* Splits s at sep into at most max pieces (pointers into s, which is
 * cut); returns the count. */
static size_t fuzz_sql_split(char *s, size_t len, char sep, char **out, size_t *lens, size_t max)
{
    size_t n = 0;
    char *p = s, *end = s + len;

    while (n < max) {
        char *cut = memchr(p, sep, (size_t)(end - p));
        out[n] = p;
        lens[n] = cut ? (size_t)(cut - p) : (size_t)(end - p);
        n++;
        if (!cut)
            break;
        p = cut + 1;
    }
    return n;
}

static void fuzz_sql_bind(sqlite3_stmt *ins, int i, const char *v, size_t len)
{
    char num[64];

    if (len == 0) {
        sqlite3_bind_text(ins, i, "", 0, SQLITE_STATIC);
        return;
    }
    snprintf(num, sizeof num, "%.*s", (int)(len - 1 < 63 ? len - 1 : 63), v + 1);
    switch (v[0]) {
    case 'i':
        sqlite3_bind_int64(ins, i, strtoll(num, NULL, 10));
        break;
    case 'r':
        sqlite3_bind_double(ins, i,
                            strcmp(num, "nan") == 0   ? NAN
                            : strcmp(num, "inf") == 0 ? INFINITY
                                                      : strtod(num, NULL));
        break;
    case 'b':
        sqlite3_bind_blob(ins, i, v + 1, (int)len - 1, SQLITE_TRANSIENT);
        break;
    case 'n':
        sqlite3_bind_null(ins, i);
        break;
    case 't':
        sqlite3_bind_text(ins, i, v + 1, (int)len - 1, SQLITE_TRANSIENT);
        break;
    default:
        sqlite3_bind_text(ins, i, v, (int)len, SQLITE_TRANSIENT);
        break;
    }
}

/* Builds the database the input describes at path; 0 when it cannot be
 * built (two columns of one name, say): not an input for the reader. */
static int fuzz_sql_build(const char *path, char *in, size_t size)
{
    char *lines[FUZZ_SQL_ROWS + 1], *cols[FUZZ_SQL_COLUMNS], def[sizeof fuzz_sql_default];
    size_t line_lens[FUZZ_SQL_ROWS + 1], col_lens[FUZZ_SQL_COLUMNS];
    size_t n_lines = fuzz_sql_split(in, size, '\n', lines, line_lens, FUZZ_SQL_ROWS + 1);
    size_t n_cols;
    sqlite3 *db = NULL;
    sqlite3_stmt *ins = NULL;
    char *sql;
    int ok = 0;

    if (line_lens[0] == 0) {
        memcpy(def, fuzz_sql_default, sizeof def);
        n_cols = fuzz_sql_split(def, sizeof def - 1, '|', cols, col_lens, FUZZ_SQL_COLUMNS);
    } else {
        n_cols = fuzz_sql_split(lines[0], line_lens[0], '|', cols, col_lens, FUZZ_SQL_COLUMNS);
    }
    unlink(path);
    if (sqlite3_open(path, &db) != SQLITE_OK)
        goto out;
    sqlite3_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL);
    sql = sqlite3_mprintf("CREATE TABLE projects(");
    for (size_t i = 0; sql && i < n_cols; i++) {
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(col_lens[i] < 255 ? col_lens[i] : 255),
                 cols[i]);
        char *next = sqlite3_mprintf("%s%s\"%w\"", sql, i ? "," : "", name);
        sqlite3_free(sql);
        sql = next;
    }
    if (!sql)
        goto out;
    {
        char *create = sqlite3_mprintf("%s)", sql);
        sqlite3_free(sql);
        if (!create || sqlite3_exec(db, create, NULL, NULL, NULL) != SQLITE_OK) {
            sqlite3_free(create);
            goto out;
        }
        sqlite3_free(create);
    }
    sql = sqlite3_mprintf("INSERT INTO projects VALUES(?");
    for (size_t i = 1; sql && i < n_cols; i++) {
        char *next = sqlite3_mprintf("%s,?", sql);
        sqlite3_free(sql);
        sql = next;
    }
    if (!sql)
        goto out;
    {
        char *stmt = sqlite3_mprintf("%s)", sql);
        sqlite3_free(sql);
        if (!stmt || sqlite3_prepare_v2(db, stmt, -1, &ins, NULL) != SQLITE_OK) {
            sqlite3_free(stmt);
            goto out;
        }
        sqlite3_free(stmt);
    }
    for (size_t r = 1; r < n_lines; r++) {
        char *vals[FUZZ_SQL_COLUMNS];
        size_t lens[FUZZ_SQL_COLUMNS];
        size_t n = fuzz_sql_split(lines[r], line_lens[r], '|', vals, lens, n_cols);
        sqlite3_reset(ins);
        sqlite3_clear_bindings(ins);
        for (size_t i = 0; i < n; i++)
            fuzz_sql_bind(ins, (int)i + 1, vals[i], lens[i]);
        if (sqlite3_step(ins) != SQLITE_DONE)
            goto out;
    }
    ok = 1;
out:
    sqlite3_finalize(ins);
    sqlite3_close(db);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char header[] = "SQLite format 3";
    const char *path;
    char *in;

    if (size > 1 << 16)
        return 0;
    if (size >= sizeof header && memcmp(data, header, sizeof header) == 0) {
        fuzz_source_read(&sqlite_LTX_ssc_plugin, fuzz_file(data, size, ".sqlite"));
        return 0;
    }
    path = fuzz_file(NULL, 0, ".sqlite");
    in = malloc(size + 1);
    if (!in)
        return 0;
    memcpy(in, data, size);
    if (fuzz_sql_build(path, in, size))
        fuzz_source_read(&sqlite_LTX_ssc_plugin, path);
    free(in);
    return 0;
}

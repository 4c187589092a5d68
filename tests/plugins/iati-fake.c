/* SPDX-License-Identifier: MIT */
/* The fake engine and shared helpers of the iati plugin's tests
 * (iati-fake.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"
#include "iati-fake.h"

/* ---- the fake engine ---------------------------------------------------- */

static const char *const fake_columns[] = {
    "id",       "title",  "lead_institution", "partner_institutions", "countries",
    "regions",  "sector", "sdg_primary",      "sdg_secondary",        "start_date",
    "end_date", "status", "budget_usd",       "gender_marker",        NULL};

int ssc_error_set(ssc_error *err, const char *fmt, ...)
{
    va_list ap;

    if (err) {
        va_start(ap, fmt);
        vsnprintf(err->text, sizeof err->text, fmt, ap);
        va_end(ap);
    }
    return SSC_ERR;
}

const char *ssc_source_path(const ssc_source *src)
{
    return src->path;
}

const char *ssc_source_option(const ssc_source *src, const char *name)
{
    return NULL;
}

const char *ssc_source_language(const ssc_source *src)
{
    return src->language;
}

int ssc_source_currency_rate(const ssc_source *src, const char *currency, double *usd)
{
    for (int i = 0; i < src->n_rates; i++)
        if (strcmp(src->rate_cur[i], currency) == 0) {
            *usd = src->rate[i];
            return 1;
        }
    return 0;
}

static char *fake_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (!p) {
        fprintf(stderr, "test-iati: out of memory\n");
        abort();
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void fake_row_free(fake_row *row)
{
    for (int i = 0; i < row->n; i++) {
        free(row->col[i]);
        free(row->val[i]);
    }
    row->n = 0;
}

/* The engine's contract: before the first project, start_date only. */
int ssc_source_optional(ssc_source *src, const char *column)
{
    CHECK(!src->begun);
    CHECK_STR(column, "start_date");
    src->start_optional = !src->begun && strcmp(column, "start_date") == 0;
    return SSC_OK;
}

int ssc_source_begin(ssc_source *src, long line)
{
    CHECK(!src->open);
    CHECK(line > 0);
    src->open = 1;
    src->begun = 1;
    src->cur.n = 0;
    src->cur.line = line;
    return SSC_OK;
}

int ssc_source_set(ssc_source *src, const char *column, const char *value, size_t len)
{
    int known = 0;

    CHECK(src->open);
    for (int i = 0; fake_columns[i]; i++)
        known |= strcmp(fake_columns[i], column) == 0;
    if (!known)
        fprintf(stderr, "unknown column %s\n", column);
    CHECK(known);
    for (int i = 0; i < src->cur.n; i++)
        CHECK(strcmp(src->cur.col[i], column) != 0);
    /* A cell the plugin sets is never empty, padded or cut by a NUL. */
    CHECK(len > 0 && value[0] != ' ' && value[len - 1] != ' ');
    CHECK(memchr(value, '\0', len) == NULL);
    if (src->cur.n == FAKE_COLS)
        return SSC_ERR;
    src->cur.col[src->cur.n] = fake_strndup(column, strlen(column));
    src->cur.val[src->cur.n] = fake_strndup(value, len);
    src->cur.n++;
    return SSC_OK;
}

int ssc_source_end(ssc_source *src)
{
    CHECK(src->open);
    src->open = 0;
    for (int i = 0; i < src->cur.n; i++)
        if (strcmp(src->cur.col[i], "budget_usd") == 0)
            src->rows_with_budget++;
    if (src->count_only) {
        src->n_rows++;
        fake_row_free(&src->cur);
        return SSC_OK;
    }
    if (src->n_rows == src->cap_rows) {
        size_t cap = src->cap_rows ? 2 * src->cap_rows : 16;
        fake_row *p = realloc(src->rows, cap * sizeof *p);

        if (!p)
            return SSC_ERR;
        src->rows = p;
        src->cap_rows = cap;
    }
    src->rows[src->n_rows++] = src->cur;
    src->cur.n = 0;
    return SSC_OK;
}

void ssc_source_warn(ssc_source *src, long line, const char *fmt, ...)
{
    char msg[2048], *full;
    size_t n;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    n = strlen(src->path) + strlen(msg) + 32;
    full = malloc(n);
    if (!full)
        abort();
    snprintf(full, n, "%s:%ld: %s", src->path, line, msg);
    if (src->count_only) {
        free(full);
        src->n_warnings++;
        return;
    }
    src->warnings = realloc(src->warnings, (src->n_warnings + 1) * sizeof *src->warnings);
    if (!src->warnings)
        abort();
    src->warnings[src->n_warnings++] = full;
}

int ssc_source_set_label(ssc_source *src, ssc_key_kind kind, const char *key, const char *label)
{
    CHECK(kind == SSC_KEY_SECTOR);
    for (size_t i = 0; i < src->n_labels; i++)
        CHECK(strcmp(src->labels[i][0], key) != 0); /* once per key */
    if (src->n_labels < 64) {
        src->labels[src->n_labels][0] = fake_strndup(key, strlen(key));
        src->labels[src->n_labels][1] = fake_strndup(label, strlen(label));
        src->n_labels++;
    }
    return SSC_OK;
}

void fake_free(ssc_source *src)
{
    for (size_t i = 0; i < src->n_rows && !src->count_only; i++)
        fake_row_free(&src->rows[i]);
    free(src->rows);
    for (size_t i = 0; i < src->n_warnings && !src->count_only; i++)
        free(src->warnings[i]);
    free(src->warnings);
    for (size_t i = 0; i < src->n_labels; i++) {
        free(src->labels[i][0]);
        free(src->labels[i][1]);
    }
    fake_row_free(&src->cur);
    free(src);
}

/* ---- helpers ------------------------------------------------------------ */

char work[2048];

/* The cell of column col in the row whose id is id; NULL when not set. */
const char *cell(const ssc_source *src, const char *id, const char *col)
{
    for (size_t r = 0; r < src->n_rows; r++) {
        const fake_row *row = &src->rows[r];
        int match = 0;

        for (int i = 0; i < row->n; i++)
            match |= strcmp(row->col[i], "id") == 0 && strcmp(row->val[i], id) == 0;
        if (!match)
            continue;
        for (int i = 0; i < row->n; i++)
            if (strcmp(row->col[i], col) == 0)
                return row->val[i];
        return NULL;
    }
    fprintf(stderr, "no project %s\n", id);
    return NULL;
}

long row_line(const ssc_source *src, const char *id)
{
    for (size_t r = 0; r < src->n_rows; r++)
        for (int i = 0; i < src->rows[r].n; i++)
            if (strcmp(src->rows[r].col[i], "id") == 0 && strcmp(src->rows[r].val[i], id) == 0)
                return src->rows[r].line;
    return -1;
}

const char *label(const ssc_source *src, const char *key)
{
    for (size_t i = 0; i < src->n_labels; i++)
        if (strcmp(src->labels[i][0], key) == 0)
            return src->labels[i][1];
    return NULL;
}

/* How many warnings contain needle. */
int warned(const ssc_source *src, const char *needle)
{
    int n = 0;

    for (size_t i = 0; i < src->n_warnings; i++)
        n += strstr(src->warnings[i], needle) != NULL;
    return n;
}

/* The 1-based line of the first occurrence of needle in text. */
long line_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    long line = 1;

    if (!at) {
        fprintf(stderr, "line_of: \"%s\" is not in the text\n", needle);
        return -1;
    }
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

/* "path:LINE: " followed by what, for checking a warning's place. */
const char *at_line(const ssc_source *src, long line, const char *what)
{
    static char buf[4200];

    snprintf(buf, sizeof buf, "%s:%ld: %s", src->path, line, what);
    return buf;
}

ssc_source *fake_new(const char *path, const char *language)
{
    ssc_source *src = calloc(1, sizeof *src);

    if (!src)
        abort();
    src->path = path;
    src->language = language;
    return src;
}

/* Runs the plugin on path; checks that libxml2 printed nothing on stderr. */
int run(ssc_source *src, ssc_error *err)
{
    char errpath[4200];
    int saved = dup(2), fd, rc;
    struct stat st;

    snprintf(errpath, sizeof errpath, "%s/stderr.txt", work);
    fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || saved < 0) {
        perror(errpath);
        exit(99);
    }
    fflush(stderr);
    dup2(fd, 2);
    close(fd);
    err->text[0] = '\0';
    rc = iati_LTX_ssc_plugin.read(src, err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    CHECK(stat(errpath, &st) == 0 && st.st_size == 0);
    CHECK(!src->open);
    return rc;
}

/* The files this program wrote in work, removed when every check passed
 * (like tests/lib.sh's work folder, kept for a look when one failed). */
static char written[64][64];
static int n_written;

void remove_work(void)
{
    char path[4200];

    for (int i = 0; i < n_written; i++) {
        snprintf(path, sizeof path, "%s/%.63s", work, written[i]);
        remove(path);
    }
    snprintf(path, sizeof path, "%s/stderr.txt", work);
    remove(path);
    rmdir(work);
}

const char *write_file(const char *name, const char *text, size_t len)
{
    static char path[8][4200];
    static int next;
    char *p = path[next++ % 8];
    FILE *f;
    int known = 0;

    for (int i = 0; i < n_written; i++)
        known |= strcmp(written[i], name) == 0;
    if (!known && n_written < 64)
        snprintf(written[n_written++], sizeof written[0], "%s", name);

    snprintf(p, sizeof path[0], "%s/%s", work, name);
    f = fopen(p, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
        perror(p);
        exit(99);
    }
    return p;
}

/* Reads xml (written to work/name) with the report language lang. */
ssc_source *read_xml(const char *name, const char *xml, const char *lang, int *rc,
                            ssc_error *err)
{
    ssc_source *src = fake_new(write_file(name, xml, strlen(xml)), lang);

    src->rate_cur[0] = "EUR";
    src->rate[0] = 1.1;
    src->rate_cur[1] = "GBP";
    src->rate[1] = 1.25;
    src->n_rates = 2;
    *rc = run(src, err);
    return src;
}

void fake_append(char *buf, size_t size, const char *fmt, ...)
{
    size_t used = strlen(buf);
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
    if (strlen(buf) + 1 >= size) {
        fprintf(stderr, "fake_append: the buffer is too small\n");
        exit(99);
    }
}

int fake_setup(const char *name)
{
    const char *build = getenv("top_builddir");

    snprintf(work, sizeof work, "%s/tests/plugins/%s.tmp", build ? build : ".", name);
    if (mkdir(work, 0700) != 0 && errno != EEXIST) {
        perror(work);
        return 99;
    }
    return 0;
}

void fake_finish(int *count, int *failures)
{
    *count += check_count;
    *failures += check_failures;
    if (*failures == 0)
        remove_work();
    else
        fprintf(stderr, "files kept in %s\n", work);
}

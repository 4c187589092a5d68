/* SPDX-License-Identifier: MIT */
/* Data sources (see source.h): the accessors of plugin.h a source's read
 * hook calls, and running a source (choosing one is source_find.c).
 *
 * A plugin hands over a project as text, column by column, between
 * ssc_source_begin and ssc_source_end.  Its strings are its own and may
 * change as soon as ssc_source_set returns, so the values are copied into
 * one buffer reused for every project; at the end they become the same
 * (pointer, length) cells the CSV reader passes, and the row rules take
 * over. */
#include "data/source.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "data/input.h"

struct ssc_source {
    const ssc_source_opts *o;
    const char *plugin; /* the plugin's name, for messages about misuse */
    ssc_rowcheck *check;
    int failed;         /* reading must stop: err says why */
    size_t rows, max_rows; /* projects handed over; ssc_input_max_rows() */
    ssc_error err;
    /* the project being handed over */
    int open;
    int begun;          /* a project was begun: the rules are fixed */
    long line;
    const char *given[SSC_COL_COUNT]; /* name for messages; NULL: not set */
    const char *twice[SSC_COL_COUNT]; /* a second name that set it again */
    size_t off[SSC_COL_COUNT], len[SSC_COL_COUNT];
    char *buf;
    size_t used, cap;
    /* extra columns, in the store's order: value per project */
    const char **x_names;
    size_t *x_off, *x_len;
    unsigned char *x_set;
    ssc_text *x_vals;
    size_t n_x, cap_x;
    /* every column name the source used, resolved once: sources set the
     * same columns in the same order for every project, so the next
     * entry is tried first and a million rows cost one strcmp per cell */
    struct source_name {
        char *name;
        int col;           /* spec column or SSC_COL_REGIONS; -1: extra */
        const char *shown; /* its name in messages */
        size_t extra;      /* col -1: index among the extra columns */
    } *names;
    size_t n_names, cap_names, next_name;
};

ssc_rowcheck *ssc_source_rowcheck(ssc_source *src)
{
    return src->check;
}

const ssc_source_opts *ssc_source_options(const ssc_source *src)
{
    return src->o;
}

/* ---- what a plugin may ask ---------------------------------------------- */

const char *ssc_source_path(const ssc_source *src)
{
    return src && src->o->path ? src->o->path : "";
}

const char *ssc_source_option(const ssc_source *src, const char *name)
{
    if (!src || !name || !src->o->option)
        return NULL;
    return src->o->option(src->o->option_ctx, name);
}

const char *ssc_source_language(const ssc_source *src)
{
    return src && src->o->language ? src->o->language : "en";
}

/* Currency codes compare without regard to case, in ASCII. */
static int source_same_code(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 32) : *a;
        char y = *b >= 'a' && *b <= 'z' ? (char)(*b - 32) : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

int ssc_source_currency_rate(const ssc_source *src, const char *currency, double *usd)
{
    if (!src || !currency)
        return 0;
    for (size_t i = 0; i < src->o->n_rates; i++)
        if (source_same_code(src->o->rates[i].code, currency)) {
            if (usd)
                *usd = src->o->rates[i].usd;
            return 1;
        }
    if (source_same_code(currency, "USD")) {
        if (usd)
            *usd = 1.0;
        return 1;
    }
    return 0;
}

/* ---- handing over projects --------------------------------------------- */

/* A plugin broke the contract (or memory ran out): reading stops, and the
 * run fails with this message. */
static int source_fail(ssc_source *src, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int source_fail(ssc_source *src, const char *fmt, ...)
{
    char msg[768];
    va_list ap;

    if (src->failed)
        return SSC_ERR; /* keep the first reason */
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    src->failed = 1;
    return ssc_error_at(&src->err, NULL, 0, "source plugin \"%s\": %s", src->plugin, msg);
}

int ssc_source_begin(ssc_source *src, long line)
{
    if (!src || src->failed)
        return SSC_ERR;
    if (src->open)
        return source_fail(src, "ssc_source_begin(%ld) before the project begun for line %ld "
                                "was ended with ssc_source_end",
                           line, src->line);
    src->open = 1;
    src->begun = 1;
    src->line = line;
    src->next_name = 0;
    src->used = 0;
    memset(src->given, 0, sizeof src->given);
    memset(src->twice, 0, sizeof src->twice);
    if (src->n_x)
        memset(src->x_set, 0, src->n_x);
    ssc_rowcheck_begin(src->check);
    return SSC_OK;
}

/* The spec column a source's column name stands for, after the report's
 * renames, or SSC_COL_REGIONS, or -1 for an extra column; *name is the
 * name to show in messages (stable: the report's or the spec's). */
static int source_column(const ssc_source *src, const char *column, const char **name)
{
    int c;
    for (size_t i = 0; i < src->o->n_renames; i++) {
        const ssc_rename *rn = &src->o->renames[i];
        if (rn->from && rn->to && strcmp(rn->from, column) == 0 &&
            (c = ssc_col_find(rn->to, strlen(rn->to))) >= 0) {
            *name = rn->from;
            return c;
        }
    }
    if ((c = ssc_col_find(column, strlen(column))) >= 0) {
        *name = ssc_col_name(c);
        return c;
    }
    if (strcmp(column, "regions") == 0) {
        *name = ssc_col_name(SSC_COL_REGIONS);
        return SSC_COL_REGIONS;
    }
    return -1;
}

/* The rules must be the same for every project of a source, so the
 * declaration comes before the first one; only the columns columns.c
 * allows may be declared, since only their absence has a meaning. */
int ssc_source_optional(ssc_source *src, const char *column)
{
    const char *name;
    int c;

    if (!src || src->failed)
        return SSC_ERR;
    if (!column)
        return source_fail(src, "ssc_source_optional without a column name");
    if (src->begun)
        return source_fail(src, "ssc_source_optional(\"%s\") after the first project; call it "
                                "before the first ssc_source_begin",
                           column);
    c = source_column(src, column, &name);
    if (c < 0 || !ssc_col_may_be_optional(c))
        return source_fail(src, "ssc_source_optional(\"%s\"): only start_date may be declared "
                                "optional",
                           column);
    ssc_rowcheck_optional(src->check, c);
    return SSC_OK;
}

/* Copies value into the project's buffer; its offset goes to *off. */
static int source_copy(ssc_source *src, const char *value, size_t len, size_t *off)
{
    /* The buffer exists once a value was given, even an empty one: found
     * by tests/fuzz/fuzz-sqlite.c under UBSan, rows of empty values (NULLs
     * from SQLite) computed NULL + 0 here and in ssc_source_end, which is
     * undefined. */
    if (!src->buf || src->cap - src->used < len) {
        size_t ncap = src->cap ? src->cap : 1024;
        char *nb;
        while (ncap - src->used < len) {
            if (ncap > ((size_t)-1) / 2)
                return source_fail(src, "out of memory");
            ncap *= 2;
        }
        if (!(nb = realloc(src->buf, ncap)))
            return source_fail(src, "out of memory");
        src->buf = nb;
        src->cap = ncap;
    }
    memcpy(src->buf + src->used, value, len);
    *off = src->used;
    src->used += len;
    return SSC_OK;
}

/* Adds extra column name (to the store too); returns its index. */
static long source_extra(ssc_source *src, const char *name)
{
    ssc_error e;

    if (src->n_x == src->cap_x) {
        size_t ncap = src->cap_x ? src->cap_x * 2 : 8;
        const char **names = realloc(src->x_names, ncap * sizeof *names);
        if (names)
            src->x_names = names;
        size_t *off = realloc(src->x_off, ncap * sizeof *off);
        if (off)
            src->x_off = off;
        size_t *len = realloc(src->x_len, ncap * sizeof *len);
        if (len)
            src->x_len = len;
        unsigned char *set = realloc(src->x_set, ncap);
        if (set)
            src->x_set = set;
        ssc_text *vals = realloc(src->x_vals, ncap * sizeof *vals);
        if (vals)
            src->x_vals = vals;
        if (!names || !off || !len || !set || !vals)
            return source_fail(src, "out of memory");
        src->cap_x = ncap;
    }
    ssc_error_clear(&e);
    ssc_store *st = ssc_rowcheck_store(src->check);
    if (ssc_store_add_extra_column(st, name, &e) != SSC_OK)
        return source_fail(src, "%s", e.message);
    src->x_names[src->n_x] = ssc_store_extra_name(st, src->n_x);
    src->x_set[src->n_x] = 0;
    return (long)src->n_x++;
}

/* The entry of column name, resolving a name seen for the first time. */
static struct source_name *source_name(ssc_source *src, const char *column)
{
    struct source_name *e;
    size_t n = strlen(column) + 1;

    if (src->next_name < src->n_names && strcmp(src->names[src->next_name].name, column) == 0)
        return &src->names[src->next_name++];
    for (size_t i = 0; i < src->n_names; i++)
        if (strcmp(src->names[i].name, column) == 0) {
            src->next_name = i + 1;
            return &src->names[i];
        }
    if (src->n_names == src->cap_names) {
        size_t ncap = src->cap_names ? src->cap_names * 2 : 32;
        void *nn = realloc(src->names, ncap * sizeof *src->names);
        if (!nn) {
            source_fail(src, "out of memory");
            return NULL;
        }
        src->names = nn;
        src->cap_names = ncap;
    }
    e = &src->names[src->n_names];
    if (!(e->name = malloc(n))) {
        source_fail(src, "out of memory");
        return NULL;
    }
    memcpy(e->name, column, n);
    e->col = source_column(src, column, &e->shown);
    if (e->col < 0) {
        long x = source_extra(src, column);
        if (x < 0) {
            free(e->name);
            return NULL;
        }
        e->extra = (size_t)x;
        e->shown = src->x_names[x];
    }
    src->next_name = ++src->n_names;
    return e;
}

int ssc_source_set(ssc_source *src, const char *column, const char *value, size_t len)
{
    const char *name = NULL;
    int c;

    if (!src || src->failed)
        return SSC_ERR;
    if (!column || !column[0])
        return source_fail(src, "ssc_source_set without a column name");
    if (!src->open)
        return source_fail(src, "ssc_source_set(\"%s\") outside ssc_source_begin and "
                                "ssc_source_end",
                           column);
    if (!value) {
        if (len)
            return source_fail(src, "ssc_source_set(\"%s\") with no value but length %zu",
                               column, len);
        value = "";
    }
    struct source_name *e = source_name(src, column);
    if (!e)
        return SSC_ERR;
    c = e->col;
    name = e->shown;
    if (c >= 0) {
        if (src->given[c]) {
            src->twice[c] = name;
            return SSC_OK;
        }
        if (source_copy(src, value, len, &src->off[c]) != SSC_OK)
            return SSC_ERR;
        src->len[c] = len;
        src->given[c] = name;
        return SSC_OK;
    }
    size_t x = e->extra;
    if (src->x_set[x])
        return SSC_OK; /* the first value wins, as for spec columns */
    if (source_copy(src, value, len, &src->x_off[x]) != SSC_OK)
        return SSC_ERR;
    src->x_len[x] = len;
    src->x_set[x] = 1;
    return SSC_OK;
}

static int source_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

int ssc_source_end(ssc_source *src)
{
    ssc_row row;
    ssc_error e;
    int blank = 1;

    if (!src || src->failed)
        return SSC_ERR;
    if (!src->open)
        return source_fail(src, "ssc_source_end without ssc_source_begin");
    src->open = 0;
    memset(&row, 0, sizeof row);
    row.line = src->line;
    for (int c = 0; c < SSC_COL_COUNT; c++) {
        if (!src->given[c])
            continue;
        row.col[c].v = (ssc_text){src->buf + src->off[c], src->len[c]};
        row.col[c].name = src->given[c];
        blank &= source_blank(row.col[c].v.s, row.col[c].v.len);
    }
    for (size_t i = 0; i < src->n_x; i++) {
        src->x_vals[i] = src->x_set[i] ? (ssc_text){src->buf + src->x_off[i], src->x_len[i]}
                                       : (ssc_text){"", 0};
        blank &= source_blank(src->x_vals[i].s, src->x_vals[i].len);
    }
    /* like an empty CSV row ",,,,": no project at all */
    if (blank)
        return SSC_OK;
    if (++src->rows > src->max_rows) {
        src->failed = 1;
        return ssc_error_at(&src->err, src->o->display_name ? src->o->display_name : src->o->path,
                            row.line,
                            "more than %zu projects, the most a portfolio may have "
                            "(SSC_REPORT_MAX_ROWS raises the limit)",
                            src->max_rows);
    }
    for (int c = 0; c < SSC_COL_COUNT; c++) {
        if (!src->twice[c])
            continue;
        if (strcmp(src->given[c], src->twice[c]) == 0)
            ssc_rowcheck_problem(src->check, row.line, src->given[c],
                                 "given twice for this project");
        else
            ssc_rowcheck_problem(src->check, row.line, ssc_col_name(c),
                                 "given twice for this project (as %s and as %s)",
                                 src->given[c], src->twice[c]);
    }
    row.extra = src->x_vals;
    row.extra_names = src->x_names;
    row.n_extra = src->n_x;
    ssc_error_clear(&e);
    if (ssc_rowcheck_end(src->check, &row, &e) != SSC_OK)
        return source_fail(src, "%s", e.message);
    return SSC_OK;
}

void ssc_source_warn(ssc_source *src, long line, const char *fmt, ...)
{
    va_list ap;
    if (!src || !fmt)
        return;
    va_start(ap, fmt);
    ssc_rowcheck_warn(src->check, line, fmt, ap);
    va_end(ap);
}

int ssc_source_set_label(ssc_source *src, ssc_key_kind kind, const char *key, const char *label)
{
    ssc_error e;
    if (!src || src->failed)
        return SSC_ERR;
    if (!key || !label || (unsigned)kind > SSC_KEY_PROJECT)
        return source_fail(src, "ssc_source_set_label needs a key kind, a key and a label");
    ssc_error_clear(&e);
    if (ssc_store_set_label(ssc_rowcheck_store(src->check), kind, key, label, &e) != SSC_OK)
        return source_fail(src, "%s", e.message);
    return SSC_OK;
}

/* ---- running a source -------------------------------------------------- */

/* The hook's own error, naming the file unless the message already does. */
static int source_hook_error(const ssc_source *src, const ssc_plugin *source,
                             const ssc_error *perr, ssc_error *err)
{
    const char *name = ssc_rowcheck_name(src->check);
    size_t n = strlen(name);

    if (!perr->set)
        return ssc_error_at(err, name, 0, "the %s source failed without saying why",
                            source->name);
    if (perr->file[0]) {
        *err = *perr;
        return SSC_ERR;
    }
    if (strncmp(perr->message, name, n) == 0 && perr->message[n] == ':')
        return ssc_error_at(err, NULL, 0, "%s", perr->message);
    return ssc_error_at(err, name, 0, "%s", perr->message);
}

int ssc_source_read(const ssc_plugin *source, const ssc_source_opts *o, ssc_store **out,
                    ssc_diag *problems, size_t *skipped, ssc_error *err)
{
    ssc_source src;
    ssc_error perr;
    int rc;

    *out = NULL;
    if (skipped)
        *skipped = 0;
    memset(&src, 0, sizeof src);
    src.o = o;
    src.plugin = source->name;
    src.max_rows = ssc_input_max_rows();
    /* a FIFO or a device would block or never end, whatever the source */
    if (o->path && ssc_input_check(o->path, o->display_name, err) != SSC_OK)
        return SSC_ERR;
    src.check = ssc_rowcheck_new(o->display_name ? o->display_name : o->path, problems,
                                 o->skip_bad_rows);
    if (!src.check)
        return ssc_error_oom(err);
    ssc_error_clear(&perr);
    rc = source->read(&src, &perr);
    if (src.failed) {
        *err = src.err;
        rc = SSC_ERR;
    } else if (rc != SSC_OK) {
        rc = source_hook_error(&src, source, &perr, err);
    } else if (src.open) {
        rc = ssc_error_set(err,
                           "source plugin \"%s\": the project begun for line %ld was never "
                           "ended with ssc_source_end",
                           source->name, src.line);
    } else {
        rc = ssc_rowcheck_finish(src.check, out, skipped, err);
    }
    ssc_rowcheck_free(src.check);
    free(src.buf);
    free(src.x_names);
    free(src.x_off);
    free(src.x_len);
    free(src.x_set);
    free(src.x_vals);
    for (size_t i = 0; i < src.n_names; i++)
        free(src.names[i].name);
    free(src.names);
    return rc;
}

/* SPDX-License-Identifier: MIT */
/* The portfolio CSV source: maps the header onto the spec's columns and
 * hands each record to the row rules (rowcheck.c) as views into the
 * file's buffer, so that a million-row file is read without a copy or an
 * allocation per row. */
#include "data/source_csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "data/cells.h"
#include "data/csv.h"
#include "data/csv_rows.h"
#include "data/csv_text.h"
#include "data/encoding.h"
#include "data/input.h"
#include "data/nearest.h"
#include "data/rowcheck.h"
#include "data/sniff.h"
#include "data/source.h"
#include "ssc-report/version.h"

/* Wider headers are refused: every extra column costs a pointer per row,
 * and the header checks compare names pairwise. */
#define CSV_MAX_COLUMNS 256

typedef struct csv_load {
    ssc_rowcheck *rc;
    const ssc_rename *renames;
    size_t n_renames;
    int fatal; /* a problem that skipping rows cannot get round */
    size_t max_rows; /* ssc_input_max_rows() */
    int threads;     /* 2 or more: rows are read and settled side by side */
    char delim;      /* the separator read with */
    int delim_given; /* 1: the report's data.delimiter; 0: found from the header */
    ssc_csv_text *text; /* where the records come from */
    int nul;            /* a NUL byte was seen: cells are checked one by one */
    int text_failed;    /* the text itself failed (err says why) */
    const char *head; /* the header's bytes as written, for the separator hint */
    size_t head_len;
    const ssc_progress *progress;
    /* the header */
    size_t n_cols;
    long col_at[SSC_COL_SPEC]; /* field index of each spec column, or -1 */
    ssc_text *col_raw;         /* per field: its header name as written */
    char **col_name;           /* per field: the same made safe for messages */
    char *names;               /* the block both point into */
    size_t *extra_at;          /* field index of each extra column */
    const char **extra_names;  /* their names for messages */
    size_t n_extra;
    /* per row: the cells, names filled in once from the header */
    ssc_row row;
    ssc_text *extra;
} csv_load;

/* A problem that is no row's: it dooms the file whatever --skip-bad-rows
 * says. */
#define csv_fatal(L, ...)                                                                          \
    do {                                                                                           \
        (L)->fatal = 1;                                                                            \
        ssc_rowcheck_fatal((L)->rc);                                                               \
        ssc_rowcheck_problem((L)->rc, __VA_ARGS__);                                                \
    } while (0)

/* ---- the header -------------------------------------------------------- */

/* A rename that points at no spec column is the report's mistake, but it
 * is found here, where the columns are known. */
static void csv_check_renames(csv_load *L)
{
    for (size_t i = 0; i < L->n_renames; i++) {
        const ssc_rename *rn = &L->renames[i];
        if (rn->to && ssc_col_find(rn->to, strlen(rn->to)) >= 0)
            continue;
        csv_fatal(L, 0, NULL,
                  "the report renames column '%s' to '%s', which is not a portfolio column "
                  "(expected one of id, title, lead_institution, partner_institutions, "
                  "countries, sector, sdg_primary, sdg_secondary, start_date, end_date, "
                  "status, funding_source, budget_usd, modality, gender_marker, "
                  "beneficiaries)",
                  rn->from ? rn->from : "", rn->to ? rn->to : "");
    }
}

/* The spec column a header cell stands for after the renames, or -1. */
static int csv_header_spec(const csv_load *L, const char *s, size_t len)
{
    for (size_t i = 0; i < L->n_renames; i++) {
        const ssc_rename *rn = &L->renames[i];
        if (rn->from && rn->to && strlen(rn->from) == len && memcmp(rn->from, s, len) == 0)
            return ssc_col_find(rn->to, strlen(rn->to));
    }
    return ssc_col_find(s, len);
}

/* Copies the header names: as written (NUL-terminated, for the store),
 * and made safe to print, as a quoted name may hold a line end. */
#define CSV_SHOWN 64

static int csv_header_names(csv_load *L, const ssc_csv_record *rec)
{
    size_t total = rec->count * CSV_SHOWN, o = 0;
    for (size_t i = 0; i < rec->count; i++)
        total += rec->fields[i].len + 1;
    L->names = malloc(total);
    L->col_raw = calloc(rec->count, sizeof *L->col_raw);
    L->col_name = calloc(rec->count, sizeof *L->col_name);
    L->extra_at = calloc(rec->count, sizeof *L->extra_at);
    L->extra_names = calloc(rec->count, sizeof *L->extra_names);
    L->extra = calloc(rec->count, sizeof *L->extra);
    if (!L->names || !L->col_raw || !L->col_name || !L->extra_at || !L->extra_names || !L->extra)
        return -1;
    for (size_t i = 0; i < rec->count; i++) {
        ssc_text t = ssc_cell_trim(rec->fields[i].s, rec->fields[i].len);
        memcpy(L->names + o, t.s, t.len);
        L->col_raw[i] = (ssc_text){L->names + o, t.len};
        o += t.len;
        L->names[o++] = '\0';
        L->col_name[i] = L->names + o;
        ssc_csv_show(L->col_name[i], CSV_SHOWN, t.s, t.len);
        o += CSV_SHOWN;
    }
    return 0;
}

/* The number of required columns the header would name if it were split
 * at delim instead. */
static int csv_required_at(const csv_load *L, char delim)
{
    ssc_csv_reader r;
    ssc_csv_record rec;
    int found = 0, seen[SSC_COL_SPEC] = {0};

    ssc_csv_reader_init(&r, L->head, L->head_len);
    ssc_csv_reader_set_delimiter(&r, delim);
    if (ssc_csv_next(&r, &rec) == SSC_CSV_RECORD)
        for (size_t i = 0; i < rec.count; i++) {
            ssc_text t = ssc_cell_trim(rec.fields[i].s, rec.fields[i].len);
            int c = csv_header_spec(L, t.s, t.len);
            if (c >= 0 && ssc_col_required(c) && !seen[c]) {
                seen[c] = 1;
                found++;
            }
        }
    ssc_csv_reader_free(&r);
    return found;
}

/* "; the header seems to be separated by ';' ...": when another separator
 * would find more of the required columns than the one read with. */
static size_t csv_delimiter_hint(const csv_load *L, int found, char *buf, size_t size)
{
    static const char candidates[] = {',', ';', '\t', '|'};
    char best = 0, want[4], got[4];
    int best_found = found;

    for (size_t k = 0; k < sizeof candidates; k++) {
        int n;
        if (candidates[k] == L->delim)
            continue;
        n = csv_required_at(L, candidates[k]);
        if (n > best_found) {
            best_found = n;
            best = candidates[k];
        }
    }
    if (!best)
        return 0;
    /* Found by tests/fuzz/fuzz-csv.c under ASan: a tab is shown as the
     * returned "tab", leaving the buffer unwritten, so print what
     * ssc_delimiter_show returns, never the buffer itself. */
    const char *want_shown = ssc_delimiter_show(best, want);
    const char *got_shown = ssc_delimiter_show(L->delim, got);
    return (size_t)snprintf(buf, size,
                            "; the columns seem to be separated by %s, not %s%s: set "
                            "data.delimiter = \"%s\" in the report",
                            want_shown, got_shown,
                            L->delim_given ? " as data.delimiter says"
                                           : " (taken because the header line holds a comma)",
                            best == '\t' ? "tab" : (char[]){best, '\0'});
}

/* "; did you mean id for column 1 "ID", ...": header names that differ
 * from a missing column's only in case, spaces or a BOM, or by a typing
 * slip. */
static size_t csv_name_hint(const csv_load *L, char *buf, size_t size)
{
    size_t o = 0, n = 0;

    for (int c = 0; c < SSC_COL_SPEC; c++) {
        const char *want = ssc_col_name(c);
        int max = strlen(want) <= 8 ? 2 : 3;
        if (!ssc_col_required(c) || L->col_at[c] >= 0)
            continue;
        for (size_t k = 0; k < L->n_extra; k++) {
            ssc_text t = L->col_raw[L->extra_at[k]];
            if (!ssc_same_name_loosely(t.s, t.len, want) &&
                ssc_edit_distance(t.s, t.len, want, strlen(want), max) > max)
                continue;
            if (o < size)
                o += (size_t)snprintf(buf + o, size - o, "%s%s for column %zu \"%s\"",
                                      n ? ", " : "; did you mean ", want, L->extra_at[k] + 1,
                                      L->col_name[L->extra_at[k]]);
            n++;
            break;
        }
    }
    if (n && o < size)
        o += (size_t)snprintf(buf + o, size - o,
                              "? (header names must be exact: rename %s, or map %s with "
                              "data.columns)",
                              n == 1 ? "it" : "them", n == 1 ? "it" : "them");
    return o < size ? o : size;
}

static void csv_missing(csv_load *L)
{
    char list[512] = "", hint[600] = "";
    size_t n = 0, o = 0;
    int found = 0;

    for (int c = 0; c < SSC_COL_SPEC; c++) {
        if (!ssc_col_required(c))
            continue;
        if (L->col_at[c] >= 0) {
            found++;
            continue;
        }
        o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", n ? ", " : "", ssc_col_name(c));
        n++;
    }
    if (!n)
        return;
    /* a wrong separator explains every other hint away */
    if (!csv_delimiter_hint(L, found, hint, sizeof hint))
        csv_name_hint(L, hint, sizeof hint);
    csv_fatal(L, 1, NULL, "missing required column%s: %s%s", n == 1 ? "" : "s", list, hint);
}

static int csv_header(csv_load *L, const ssc_csv_record *rec)
{
    long line = rec->line;

    for (int c = 0; c < SSC_COL_SPEC; c++)
        L->col_at[c] = -1;
    csv_check_renames(L);
    if (rec->count > CSV_MAX_COLUMNS) {
        csv_fatal(L, line, NULL, "the header has %zu columns; at most %d are supported",
                  rec->count, CSV_MAX_COLUMNS);
        return SSC_OK;
    }
    if (csv_header_names(L, rec) != 0)
        return SSC_ERR;
    L->n_cols = rec->count;
    for (size_t i = 0; i < rec->count; i++) {
        ssc_text t = ssc_cell_trim(rec->fields[i].s, rec->fields[i].len);
        int c;
        if (!ssc_csv_utf8_ok(t.s, t.len)) {
            ssc_rowcheck_problem(L->rc, line, NULL, "column %zu: the name is not valid UTF-8",
                                 i + 1);
            continue;
        }
        if (t.len == 0) {
            ssc_rowcheck_problem(L->rc, line, NULL,
                                 "column %zu has no name (name it, or delete the column)", i + 1);
            continue;
        }
        if (rec->bad_field == i + 1)
            ssc_rowcheck_problem(L->rc, line, L->col_name[i],
                                 "text after the closing quote (inside quotes, write a quote as "
                                 "\"\")");
        c = csv_header_spec(L, t.s, t.len);
        for (size_t j = 0; j < i; j++) {
            ssc_text tj = L->col_raw[j];
            int cj = csv_header_spec(L, tj.s, tj.len);
            if ((c >= 0 && cj == c) ||
                (c < 0 && cj < 0 && tj.len == t.len && memcmp(tj.s, t.s, t.len) == 0)) {
                ssc_rowcheck_problem(L->rc, line, c >= 0 ? ssc_col_name(c) : L->col_name[i],
                                     "appears more than once in the header (columns %zu and %zu)",
                                     j + 1, i + 1);
                break;
            }
        }
        if (c >= 0 && L->col_at[c] < 0)
            L->col_at[c] = (long)i;
        else if (c < 0)
            L->extra_at[L->n_extra++] = i;
    }
    if (ssc_rowcheck_problems(L->rc)) {
        L->fatal = 1;
        ssc_rowcheck_fatal(L->rc);
    }
    csv_missing(L);
    return SSC_OK;
}

/* The cells every row shares: which columns the file has and their names
 * as its header writes them; csv_row fills in the values. */
static void csv_row_template(csv_load *L)
{
    memset(&L->row, 0, sizeof L->row);
    for (int c = 0; c < SSC_COL_SPEC; c++)
        if (L->col_at[c] >= 0)
            L->row.col[c].name = L->col_name[L->col_at[c]];
    for (size_t i = 0; i < L->n_extra; i++)
        L->extra_names[i] = L->col_name[L->extra_at[i]];
    L->row.extra = L->extra;
    L->row.extra_names = L->extra_names;
    L->row.n_extra = L->n_extra;
}

/* ---- loading ----------------------------------------------------------- */

static void csv_unclosed(csv_load *L, const ssc_csv_reader *r)
{
    if (L->col_name && r->unclosed_field < L->n_cols)
        csv_fatal(L, r->unclosed_line, L->col_name[r->unclosed_field],
                  "the quoted value starting on this line never ends (a closing \" is "
                  "missing)");
    else
        csv_fatal(L, r->unclosed_line, NULL,
                  "the quoted value in field %zu starting on this line never ends (a closing "
                  "\" is missing)",
                  r->unclosed_field + 1);
}

/* The next record, and a NUL byte seen in the text that came with it made
 * known to the row rules before its row is judged. */
static int csv_next(csv_load *L, ssc_csv_reader *r, ssc_csv_record *rec, ssc_error *err)
{
    int rc = ssc_csv_text_next(L->text, r, rec, err);
    L->text_failed = rc == SSC_CSV_TEXT_FAILED;
    if (L->text->nul && !L->nul) {
        L->nul = 1;
        ssc_rowcheck_expect(L->rc, 0, 0); /* cells are checked from now on */
    }
    return rc;
}

/* Reads the header and the rows; problems go to the row checker, failures
 * to err. */
static int csv_run(csv_load *L, ssc_csv_reader *r, ssc_error *err)
{
    ssc_csv_record rec;
    size_t head_at = ssc_csv_text_pos(L->text, r);
    int rc;

    rc = csv_next(L, r, &rec, err);
    if (rc == SSC_CSV_TEXT_FAILED)
        return SSC_ERR;
    if (rc == SSC_CSV_END) {
        csv_fatal(L, 1, NULL, "the file is empty (expected a header row naming the columns)");
        return SSC_OK;
    }
    if (rc == SSC_CSV_UNCLOSED) {
        csv_unclosed(L, r);
        return SSC_OK;
    }
    /* the header as written; a block read for a long one dropped what
     * came before it (blank lines) */
    L->head = L->text->data + (head_at > L->text->base ? head_at - L->text->base : 0);
    L->head_len = (size_t)(r->p - L->head);
    if (rc == SSC_CSV_NOMEM || csv_header(L, &rec) != SSC_OK)
        return ssc_error_oom(err);
    if (L->fatal)
        return SSC_OK;
    if (L->n_extra) {
        for (size_t i = 0; i < L->n_extra; i++)
            L->extra[i] = L->col_raw[L->extra_at[i]];
        if (ssc_store_set_extra_columns(ssc_rowcheck_store(L->rc), L->extra, L->n_extra, err) !=
            SSC_OK)
            return SSC_ERR;
    }
    csv_row_template(L);
    ssc_csv_rows rows = {
        .text = L->text,
        .r = r,
        .rc = L->rc,
        .row = &L->row,
        .col_at = L->col_at,
        .extra_at = L->extra_at,
        .n_extra = L->n_extra,
        .col_name = L->col_name,
        .n_cols = L->n_cols,
        .max_rows = L->max_rows,
        .progress = L->progress,
        .threads = L->threads,
    };
    rc = ssc_csv_rows_read(&rows, err);
    if (rc == SSC_CSV_ROWS_FAILED)
        return SSC_ERR;
    if (rc == SSC_CSV_TEXT_FAILED) {
        L->text_failed = 1;
        ssc_rowcheck_forget(L->rc);
        return SSC_ERR;
    }
    if (rc == SSC_CSV_UNCLOSED)
        csv_unclosed(L, r);
    else if (rc == SSC_CSV_NOMEM)
        return ssc_error_oom(err);
    return SSC_OK;
}

/* Reads the text t into rc's store. */
static int csv_read(ssc_csv_text *t, const ssc_rename *renames, size_t n_renames, char delimiter,
                    const ssc_progress *progress, int threads, ssc_rowcheck *rc, ssc_error *err)
{
    ssc_csv_reader r;
    csv_load L;
    size_t rows;
    int status;

    memset(&L, 0, sizeof L);
    L.rc = rc;
    L.text = t;
    L.renames = renames;
    L.n_renames = n_renames;
    L.max_rows = ssc_input_max_rows();
    L.threads = threads;
    if (ssc_csv_text_start(t, &r, err) != SSC_OK) {
        ssc_csv_reader_free(&r);
        return SSC_ERR;
    }
    /* a file of more rows than allowed is refused at its first row too many */
    rows = ssc_csv_text_rows(t);
    L.nul = t->nul;
    ssc_rowcheck_expect(rc, rows < L.max_rows ? rows : L.max_rows, !t->nul);
    L.progress = progress;
    L.delim_given = delimiter != 0;
    L.delim = delimiter ? delimiter : ssc_csv_text_delimiter(t);
    if (ssc_csv_reader_set_delimiter(&r, L.delim) != 0) {
        ssc_csv_reader_free(&r);
        return ssc_error_at(err, ssc_rowcheck_name(rc), 0,
                            "data.delimiter: a quote or a line end cannot separate fields");
    }
    status = csv_run(&L, &r, err);
    if (!L.text_failed && !t->at_end) {
        /* rows stopped early: the rest is still judged as text, as a
         * whole reading judges it before any row */
        ssc_error terr;
        ssc_error_clear(&terr);
        if (ssc_csv_text_drain(t, &r, &terr) != SSC_OK) {
            ssc_rowcheck_forget(rc);
            *err = terr;
            status = SSC_ERR;
        }
    }
    ssc_csv_reader_free(&r);
    free(L.names);
    free(L.col_raw);
    free(L.col_name);
    free(L.extra_at);
    free(L.extra_names);
    free(L.extra);
    return status;
}

/* The store of text t (opened already, or not when open failed). */
static int csv_load_text(ssc_csv_text *t, int opened, const char *name,
                         const ssc_csv_options *opt, ssc_store **out, ssc_diag *problems,
                         size_t *skipped, ssc_error *err)
{
    ssc_rowcheck *rc;
    int status = SSC_ERR;

    if (!opened)
        goto done;
    rc = ssc_rowcheck_new(name, problems, opt->skip_bad_rows);
    if (!rc) {
        status = ssc_error_oom(err);
        goto done;
    }
    status = csv_read(t, opt->renames, opt->n_renames, opt->delimiter, NULL, opt->threads, rc, err);
    if (status == SSC_OK)
        status = ssc_rowcheck_finish(rc, out, skipped, err);
    ssc_rowcheck_free(rc);
done:
    ssc_csv_text_free(t);
    return status;
}

int ssc_csv_load_buffer(const char *data, size_t len, const char *name, const ssc_csv_options *opt,
                        ssc_store **out, ssc_diag *problems, size_t *skipped, ssc_error *err)
{
    static const ssc_csv_options defaults = {0};
    ssc_csv_text t;
    int opened;

    *out = NULL;
    if (skipped)
        *skipped = 0;
    opt = opt ? opt : &defaults;
    name = opt->display_name ? opt->display_name : name ? name : "(data)";
    opened = ssc_csv_text_buffer(&t, data, data ? len : 0, name, opt->encoding, err) == SSC_OK;
    return csv_load_text(&t, opened, name, opt, out, problems, skipped, err);
}

int ssc_csv_load(const char *path, const ssc_csv_options *opt, ssc_store **out, ssc_diag *problems,
                 size_t *skipped, ssc_error *err)
{
    static const ssc_csv_options defaults = {0};
    const char *name;
    ssc_csv_text t;
    int opened;

    *out = NULL;
    if (skipped)
        *skipped = 0;
    opt = opt ? opt : &defaults;
    name = opt->display_name ? opt->display_name : path;
    opened = ssc_csv_text_open(&t, path, name, opt->encoding, opt->block, err) == SSC_OK;
    return csv_load_text(&t, opened, name, opt, out, problems, skipped, err);
}

/* ---- the built-in source ----------------------------------------------- */

/* The read hook of source "csv": the file into the source's checker,
 * which ssc_source_read then asks for the outcome. */
static int csv_source_read(ssc_source *src, ssc_error *err)
{
    const ssc_source_opts *o = ssc_source_options(src);
    ssc_rowcheck *rc = ssc_source_rowcheck(src);
    const char *delimiter = ssc_source_option(src, "delimiter");
    char delim = 0;
    ssc_csv_text t;
    int status;

    /* the report checked the value; a direct caller may not have */
    if (delimiter && ssc_delimiter_parse(delimiter, &delim) != 0)
        return ssc_error_at(err, ssc_rowcheck_name(rc), 0,
                            "data.delimiter: \"%s\" is not a separator (one character such as "
                            "\",\" or \";\", or \"tab\")",
                            delimiter);
    status = ssc_csv_text_open(&t, o->path, ssc_rowcheck_name(rc),
                               ssc_source_option(src, "encoding"), 0, err);
    if (status == SSC_OK)
        status = csv_read(&t, o->renames, o->n_renames, delim, o->progress,
                          o->threads > 1 ? 2 : 1, rc, err);
    ssc_csv_text_free(&t);
    return status;
}

static const ssc_plugin csv_source_plugin = {
    .abi_major = SSC_ABI_MAJOR,
    .abi_minor = SSC_ABI_MINOR,
    .struct_size = sizeof(ssc_plugin),
    .name = "csv",
    .summary = "Portfolio CSV (docs/portfolio-csv.md)",
    .version = SSC_VERSION_STRING,
    .kind = SSC_PLUGIN_SOURCE,
    .extensions = "csv",
    .read = csv_source_read,
};

const ssc_plugin *ssc_csv_source(void)
{
    return &csv_source_plugin;
}

/* SPDX-License-Identifier: MIT */
/* The row rules of docs/portfolio-csv.md, for every source (see rowcheck.h).
 *
 * A million-row file is the expected case, so the per-row work allocates
 * nothing: cells are (pointer, length) views, list items go into arrays
 * reused from row to row, and the store interns.  Every problem is
 * reported, not just the first, so that one run tells the user everything
 * to fix. */
#include "data/rowcheck.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/cells.h"
#include "data/csv.h"
#include "data/idset.h"
#include "data/refdata.h"

struct ssc_rowcheck {
    char *name; /* FILE in messages */
    ssc_diag *diag;
    int skip_bad_rows;
    size_t problems;     /* found by this load */
    size_t row_problems; /* found in the current row */
    int fatal;           /* a problem that skipping rows cannot get round */
    int rejected;        /* a bad row was found and rows are not skipped */
    int oom;
    size_t skipped;
    char first[1024]; /* the first problem, for err when diag is NULL */
    ssc_store *store;
    /* per-row arrays, reused */
    ssc_text *partners, *countries, *regions, *extra;
    size_t cap_partners, cap_countries, cap_regions, cap_extra;
    unsigned char sdgs[17];
    ssc_idset *ids;    /* ids seen, with the line of their first use */
    unsigned optional; /* bit per required column the source may leave out */
    int text_ok;       /* the source checked all its text: UTF-8, no NUL */
    size_t diag_before; /* problems in diag before this source's */
};

ssc_rowcheck *ssc_rowcheck_new(const char *name, ssc_diag *problems, int skip_bad_rows)
{
    ssc_rowcheck *rc = calloc(1, sizeof *rc);
    size_t n = strlen(name ? name : "") + 1;

    if (!rc)
        return NULL;
    rc->name = malloc(n);
    rc->store = ssc_store_new();
    rc->ids = ssc_idset_new();
    if (!rc->name || !rc->store || !rc->ids) {
        ssc_rowcheck_free(rc);
        return NULL;
    }
    memcpy(rc->name, name ? name : "", n);
    rc->diag = problems;
    rc->diag_before = problems ? ssc_diag_total(problems) : 0;
    rc->skip_bad_rows = skip_bad_rows;
    return rc;
}

void ssc_rowcheck_free(ssc_rowcheck *rc)
{
    if (!rc)
        return;
    ssc_idset_free(rc->ids);
    free(rc->partners), free(rc->countries), free(rc->regions), free(rc->extra);
    ssc_store_free(rc->store);
    free(rc->name);
    free(rc);
}

ssc_store *ssc_rowcheck_store(ssc_rowcheck *rc)
{
    return rc->store;
}

const char *ssc_rowcheck_name(const ssc_rowcheck *rc)
{
    return rc->name;
}

void ssc_rowcheck_forget(ssc_rowcheck *rc)
{
    if (rc->diag)
        ssc_diag_truncate(rc->diag, rc->diag_before);
}

void ssc_rowcheck_expect(ssc_rowcheck *rc, size_t rows, int text_ok)
{
    ssc_error ignored;

    rc->text_ok = text_ok;
    /* only a hint (0: none): without the memory now, both grow as rows come */
    if (rows && ssc_idset_reserve(rc->ids, rows) == 0)
        ssc_store_reserve(rc->store, rows, &ignored);
}

int ssc_rowcheck_optional(ssc_rowcheck *rc, int col)
{
    if (!ssc_col_may_be_optional(col))
        return SSC_ERR;
    rc->optional |= 1u << col;
    return SSC_OK;
}

/* Required by the spec and not declared optional by the source. */
static int rowcheck_needed(const ssc_rowcheck *rc, int col)
{
    return ssc_col_required(col) && !(rc->optional & (1u << col));
}

/* ---- messages ---------------------------------------------------------- */

/* "FILE:LINE: column:" with the parts that apply; returns its length. */
static size_t rowcheck_where(const ssc_rowcheck *rc, char *buf, size_t size, long line,
                             const char *column)
{
    int n = snprintf(buf, size, "%s:", rc->name);
    if (line > 0 && n >= 0 && (size_t)n < size)
        n += snprintf(buf + n, size - (size_t)n, "%ld:", line);
    if (column && n >= 0 && (size_t)n < size)
        n += snprintf(buf + n, size - (size_t)n, " %s:", column);
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

void ssc_rowcheck_problem(ssc_rowcheck *rc, long line, const char *column, const char *fmt, ...)
{
    char msg[768], full[1024];
    va_list ap;
    size_t n;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    n = rowcheck_where(rc, full, sizeof full, line, column);
    snprintf(full + n, sizeof full - n, " %s", msg);
    if (rc->problems == 0)
        snprintf(rc->first, sizeof rc->first, "%s", full);
    rc->problems++;
    rc->row_problems++;
    if (rc->diag)
        ssc_diag_add(rc->diag, "%s", full);
}

void ssc_rowcheck_fatal(ssc_rowcheck *rc)
{
    rc->fatal = 1;
}

size_t ssc_rowcheck_problems(const ssc_rowcheck *rc)
{
    return rc->problems;
}

void ssc_rowcheck_warn(ssc_rowcheck *rc, long line, const char *fmt, va_list ap)
{
    char msg[768], full[1024];
    size_t n;

    if (!rc->diag)
        return;
    vsnprintf(msg, sizeof msg, fmt, ap);
    n = rowcheck_where(rc, full, sizeof full, line, NULL);
    snprintf(full + n, sizeof full - n, " warning: %s", msg);
    ssc_diag_add(rc->diag, "%s", full);
}

/* ---- cells ------------------------------------------------------------- */

/* A cell's value as a message may quote it (see ssc_csv_show). */
#define SHOW(buf, t) ssc_csv_show((buf), sizeof(buf), (t).s, (t).len)

/* The trimmed cell of column col; empty when the source does not give it. */
static ssc_text rowcheck_cell(const ssc_row *row, int col)
{
    const ssc_cell *c = &row->col[col];
    if (!c->name || !c->v.s)
        return (ssc_text){"", 0};
    return ssc_cell_trim(c->v.s, c->v.len);
}

static const char *rowcheck_colname(const ssc_row *row, int col)
{
    return row->col[col].name ? row->col[col].name : ssc_col_name(col);
}

/* A required column without a value: empty, or not given at all (a
 * source other than CSV that left it out for this project). */
static void rowcheck_required(ssc_rowcheck *rc, const ssc_row *row, int col)
{
    ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, col),
                         row->col[col].name ? "required, but empty" : "required, but not given");
}

/* ---- one row ----------------------------------------------------------- */

/* A text cell: required and UTF-8 checks.  1 when usable. */
static int rowcheck_text(ssc_rowcheck *rc, const ssc_row *row, int col, ssc_text *out)
{
    ssc_text t = rowcheck_cell(row, col);
    *out = t;
    if (t.len == 0) {
        if (rowcheck_needed(rc, col))
            rowcheck_required(rc, row, col);
        return !rowcheck_needed(rc, col);
    }
    if (!rc->text_ok && !ssc_csv_utf8_ok(t.s, t.len)) {
        ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, col),
                             memchr(t.s, '\0', t.len)
                                 ? "contains a NUL byte (save the file as UTF-8 text)"
                                 : "not valid UTF-8 (save the file as UTF-8)");
        return 0;
    }
    /* a title of megabytes would take minutes to lay out on every page it
     * touches: no real title, name or list is this long */
    if (t.len > SSC_ROWCHECK_MAX_TEXT) {
        ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, col),
                             "is %zu bytes long (at most %d; is a closing quote missing?)",
                             t.len, SSC_ROWCHECK_MAX_TEXT);
        return 0;
    }
    return 1;
}

/* A cell that has to be filled in when the column is required: returns the
 * trimmed cell, or an empty one after reporting a missing required value. */
static ssc_text rowcheck_code(ssc_rowcheck *rc, const ssc_row *row, int col)
{
    ssc_text t = rowcheck_cell(row, col);
    if (t.len == 0 && rowcheck_needed(rc, col))
        rowcheck_required(rc, row, col);
    return t;
}

static void rowcheck_empty_item(ssc_rowcheck *rc, const ssc_row *row, int col, ssc_text cell)
{
    char show[64];
    ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, col),
                         "empty item in %s (separate items with a single ';')", SHOW(show, cell));
}

static void rowcheck_partners(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p)
{
    ssc_text cell;
    if (!rowcheck_text(rc, row, SSC_COL_PARTNERS, &cell) || cell.len == 0)
        return;
    if (ssc_cell_split(cell, &rc->partners, &rc->cap_partners, &p->n_partners) != 0) {
        rc->oom = 1;
        return;
    }
    p->partners = rc->partners;
    for (size_t i = 0; i < p->n_partners; i++)
        if (rc->partners[i].len == 0) {
            rowcheck_empty_item(rc, row, SSC_COL_PARTNERS, cell);
            return;
        }
}

/* Regions given instead of countries: region names as the reference
 * table spells them, or "Unspecified". */
static void rowcheck_regions(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p,
                             ssc_text cell)
{
    char show[64];
    int empty = 0;

    if (ssc_cell_split(cell, &rc->regions, &rc->cap_regions, &p->n_regions) != 0) {
        rc->oom = 1;
        return;
    }
    p->regions = rc->regions;
    for (size_t i = 0; i < p->n_regions; i++) {
        ssc_text *r = &rc->regions[i];
        const char *key;
        if (r->len == 0) {
            if (!empty++)
                rowcheck_empty_item(rc, row, SSC_COL_REGIONS, cell);
            continue;
        }
        key = ssc_store_region(r->s, r->len);
        if (!key) {
            ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, SSC_COL_REGIONS),
                                 "%s is not a region (expected Africa, Asia, Europe, Latin "
                                 "America and the Caribbean, Northern America, Oceania or "
                                 "Unspecified)",
                                 SHOW(show, *r));
            continue;
        }
        *r = (ssc_text){key, strlen(key)}; /* the store compares regions by pointer */
    }
}

static void rowcheck_countries(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p)
{
    ssc_text cell = rowcheck_cell(row, SSC_COL_COUNTRIES);
    ssc_text regions = rowcheck_cell(row, SSC_COL_REGIONS);
    char show[64];
    int empty = 0;

    if (regions.len) {
        if (cell.len == 0) {
            rowcheck_regions(rc, row, p, regions);
            return;
        }
        ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, SSC_COL_REGIONS),
                             "only for a project without countries (the regions of a project "
                             "come from its countries)");
    }
    if (cell.len == 0) {
        rowcheck_required(rc, row, SSC_COL_COUNTRIES);
        return;
    }
    if (ssc_cell_split(cell, &rc->countries, &rc->cap_countries, &p->n_countries) != 0) {
        rc->oom = 1;
        return;
    }
    p->countries = rc->countries;
    for (size_t i = 0; i < p->n_countries; i++) {
        ssc_text *c = &rc->countries[i];
        const ssc_country *known;
        if (c->len == 0) {
            if (!empty++)
                rowcheck_empty_item(rc, row, SSC_COL_COUNTRIES, cell);
            continue;
        }
        known = ssc_country_by_alpha3(c->s, c->len);
        if (!known) {
            ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, SSC_COL_COUNTRIES),
                                 "%s is not an ISO 3166-1 alpha-3 country code", SHOW(show, *c));
            continue;
        }
        /* the table's spelling: upper case, and stable beyond the row */
        *c = (ssc_text){known->alpha3, strlen(known->alpha3)};
    }
}

static void rowcheck_not_sdg(ssc_rowcheck *rc, const ssc_row *row, int col, ssc_text t)
{
    char show[64];
    ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, col),
                         "%s is not an SDG (expected a whole number from 1 to 17)", SHOW(show, t));
}

/* Primary first, then the secondary goals without repeats.  A source
 * other than CSV may leave both out: the project names no goal. */
static void rowcheck_sdgs(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p)
{
    ssc_text cell = rowcheck_cell(row, SSC_COL_SDG_PRIMARY), item;
    const char *s, *end, *semi;
    unsigned seen = 0;
    int g, empty = 0;

    p->sdgs = rc->sdgs;
    p->n_sdgs = 0;
    if (!row->col[SSC_COL_SDG_PRIMARY].name && rowcheck_cell(row, SSC_COL_SDG_SECONDARY).len == 0)
        return;
    if (cell.len == 0)
        rowcheck_required(rc, row, SSC_COL_SDG_PRIMARY);
    else if ((g = ssc_csv_parse_sdg(cell.s, cell.len)) != 0) {
        rc->sdgs[p->n_sdgs++] = (unsigned char)g;
        seen |= 1u << g;
    } else {
        rowcheck_not_sdg(rc, row, SSC_COL_SDG_PRIMARY, cell);
    }
    cell = rowcheck_cell(row, SSC_COL_SDG_SECONDARY);
    if (cell.len == 0)
        return;
    /* split here rather than with ssc_cell_split: at most 17 goals are kept */
    for (s = cell.s, end = cell.s + cell.len;; s = semi + 1) {
        semi = memchr(s, ';', (size_t)(end - s));
        item = ssc_cell_trim(s, (size_t)((semi ? semi : end) - s));
        if (item.len == 0) {
            if (!empty++)
                rowcheck_empty_item(rc, row, SSC_COL_SDG_SECONDARY, cell);
        } else if ((g = ssc_csv_parse_sdg(item.s, item.len)) == 0) {
            rowcheck_not_sdg(rc, row, SSC_COL_SDG_SECONDARY, item);
        } else if (!(seen & (1u << g))) {
            seen |= 1u << g;
            rc->sdgs[p->n_sdgs++] = (unsigned char)g;
        }
        if (!semi)
            break;
    }
}

/* Dates as yyyymmdd numbers: the earliest and latest day a date of this
 * precision may mean, so "2014" ends on 2014-12-31 and "2014-07" begins
 * on 2014-07-01. */
static long rowcheck_date_first(ssc_date d)
{
    return d.year * 10000L + (d.month ? d.month : 1) * 100L + (d.day ? d.day : 1);
}

static long rowcheck_date_last(ssc_date d)
{
    int m = d.month ? d.month : 12;
    return d.year * 10000L + m * 100L + (d.day ? d.day : ssc_csv_days_in_month(d.year, m));
}

static const char *const rowcheck_months[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

/* Reads a date column into *d; 1 when it holds a valid date. */
static int rowcheck_date_cell(ssc_rowcheck *rc, const ssc_row *row, int col, ssc_date *d)
{
    ssc_text t = rowcheck_code(rc, row, col);
    char show[64];
    const char *name;

    memset(d, 0, sizeof *d);
    if (t.len == 0)
        return 0;
    name = rowcheck_colname(row, col);
    switch (ssc_csv_parse_date(t.s, t.len, &d->year, &d->month, &d->day)) {
    case SSC_CSV_DATE_OK:
        return 1;
    case SSC_CSV_DATE_FORM:
        ssc_rowcheck_problem(rc, row->line, name,
                             "%s is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. "
                             "2014-07-01)",
                             SHOW(show, t));
        break;
    case SSC_CSV_DATE_YEAR:
        ssc_rowcheck_problem(rc, row->line, name,
                             "%s is not a calendar date (there is no year 0000)", SHOW(show, t));
        break;
    case SSC_CSV_DATE_MONTH:
        ssc_rowcheck_problem(rc, row->line, name,
                             "%s is not a calendar date (months run from 01 to 12)",
                             SHOW(show, t));
        break;
    default:
        ssc_rowcheck_problem(rc, row->line, name, "%s is not a calendar date (%s %04d has %d days)",
                             SHOW(show, t), rowcheck_months[d->month - 1], d->year,
                             ssc_csv_days_in_month(d->year, d->month));
        break;
    }
    memset(d, 0, sizeof *d);
    return 0;
}

static void rowcheck_dates(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p)
{
    int start_ok = rowcheck_date_cell(rc, row, SSC_COL_START, &p->start);
    int end_ok = rowcheck_date_cell(rc, row, SSC_COL_END, &p->end);
    char s1[64], s2[64];

    if (start_ok && end_ok && rowcheck_date_last(p->end) < rowcheck_date_first(p->start))
        ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, SSC_COL_END), "%s is before %s %s",
                             SHOW(s1, rowcheck_cell(row, SSC_COL_END)),
                             rowcheck_colname(row, SSC_COL_START),
                             SHOW(s2, rowcheck_cell(row, SSC_COL_START)));
}

/* status, modality and gender_marker: values from a fixed list. */
static void rowcheck_choices(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p)
{
    ssc_text t = rowcheck_code(rc, row, SSC_COL_STATUS);
    char show[64];
    int st;

    if (t.len) {
        if ((st = ssc_status_parse(t.s, t.len)) >= 0)
            p->status = (ssc_status)st;
        else
            ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, SSC_COL_STATUS),
                                 "%s is not a status (expected pipeline, ongoing, completed, "
                                 "cancelled or suspended)",
                                 SHOW(show, t));
    }
    t = rowcheck_cell(row, SSC_COL_MODALITY);
    if (t.len == 11 && memcmp(t.s, "south-south", 11) == 0)
        p->modality = (ssc_text){"south-south", 11};
    else if (t.len == 10 && memcmp(t.s, "triangular", 10) == 0)
        p->modality = (ssc_text){"triangular", 10};
    else if (t.len)
        ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, SSC_COL_MODALITY),
                             "%s is not a modality (expected south-south or triangular)",
                             SHOW(show, t));
    t = rowcheck_cell(row, SSC_COL_GENDER);
    p->gender_marker = -1;
    if (t.len == 1 && t.s[0] >= '0' && t.s[0] <= '2')
        p->gender_marker = t.s[0] - '0';
    else if (t.len)
        ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, SSC_COL_GENDER),
                             "%s is not a gender marker (expected 0, 1 or 2)", SHOW(show, t));
}

/* The message for a number the parser refused; what is the kind of
 * number the column holds, for the "is not ..." case. */
static void rowcheck_bad_number(ssc_rowcheck *rc, const ssc_row *row, int col, int why,
                                ssc_text t, const char *what)
{
    const char *name = rowcheck_colname(row, col);
    char show[64];

    switch (why) {
    case SSC_CSV_NUM_NEGATIVE:
        ssc_rowcheck_problem(rc, row->line, name, "%s is negative (expected 0 or more)",
                             SHOW(show, t));
        break;
    case SSC_CSV_NUM_RANGE:
        ssc_rowcheck_problem(rc, row->line, name, "%s is too large", SHOW(show, t));
        break;
    default:
        ssc_rowcheck_problem(rc, row->line, name, "%s is not %s", SHOW(show, t), what);
    }
}

static void rowcheck_numbers(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p)
{
    ssc_text t = rowcheck_cell(row, SSC_COL_BUDGET);
    int why;

    if (t.len) {
        why = ssc_csv_parse_decimal(t.s, t.len, &p->budget_usd);
        if (why == SSC_CSV_NUM_OK)
            p->has_budget = 1;
        else
            rowcheck_bad_number(rc, row, SSC_COL_BUDGET, why, t,
                                "a number (expected US dollars with '.' as the decimal point "
                                "and no thousands separators, e.g. 1500000.50)");
    }
    t = rowcheck_cell(row, SSC_COL_BENEFICIARIES);
    p->beneficiaries = -1;
    if (t.len) {
        why = ssc_csv_parse_count(t.s, t.len, &p->beneficiaries);
        if (why != SSC_CSV_NUM_OK)
            rowcheck_bad_number(rc, row, SSC_COL_BENEFICIARIES, why, t,
                                "a whole number (expected people reached, 0 or more, without "
                                "separators)");
    }
}

static void rowcheck_extras(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p)
{
    if (row->n_extra == 0)
        return;
    if (ssc_cell_reserve(&rc->extra, &rc->cap_extra, row->n_extra, sizeof *rc->extra) != 0) {
        rc->oom = 1;
        return;
    }
    for (size_t i = 0; i < row->n_extra; i++) {
        const ssc_text *v = &row->extra[i];
        rc->extra[i] = v->s ? ssc_cell_trim(v->s, v->len) : (ssc_text){"", 0};
        if (!rc->text_ok && !ssc_csv_utf8_ok(rc->extra[i].s, rc->extra[i].len))
            ssc_rowcheck_problem(rc, row->line, row->extra_names[i],
                                 "not valid UTF-8 (save the file as UTF-8)");
    }
    p->extra = rc->extra;
}

void ssc_rowcheck_begin(ssc_rowcheck *rc)
{
    rc->row_problems = 0;
}

/* Every cell but the id, in column order. */
static void rowcheck_cells(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p)
{
    rowcheck_text(rc, row, SSC_COL_TITLE, &p->title);
    rowcheck_text(rc, row, SSC_COL_LEAD, &p->lead);
    rowcheck_partners(rc, row, p);
    rowcheck_countries(rc, row, p);
    rowcheck_text(rc, row, SSC_COL_SECTOR, &p->sector);
    rowcheck_sdgs(rc, row, p);
    rowcheck_dates(rc, row, p);
    rowcheck_choices(rc, row, p);
    rowcheck_text(rc, row, SSC_COL_FUNDING, &p->funding_source);
    rowcheck_numbers(rc, row, p);
    rowcheck_extras(rc, row, p);
}

/* Where the problem list stood when the row's id was known: its
 * duplicate is found only after the other cells (ssc_rowcheck_end says
 * why) but reported where a check in column order would report it. */
typedef struct rowcheck_mark {
    size_t problems, row_problems, diag_total;
} rowcheck_mark;

static void rowcheck_id_check(ssc_rowcheck *rc, const ssc_row *row, ssc_project_in *p,
                              uint32_t hash, rowcheck_mark mark)
{
    char show[64];
    int again;
    /* one copy of the id, for the set and then the row */
    const char *kept = ssc_store_keep(rc->store, p->id.s, p->id.len);
    long first = kept ? ssc_idset_add_hashed(rc->ids, kept, p->id.len, hash, row->line) : -1;

    if (first < 0) {
        rc->oom = 1;
        return;
    }
    p->id.s = kept;
    p->id_kept = 1;
    if (first == 0)
        return;
    /* rare (a repeated id in a row with other problems): take back the
     * other cells' problems, report the id's, and check them again, which
     * gives the same problems and project in the same order */
    again = rc->problems != mark.problems;
    if (again) {
        rc->problems = mark.problems;
        rc->row_problems = mark.row_problems;
        if (rc->diag)
            ssc_diag_truncate(rc->diag, mark.diag_total);
    }
    ssc_rowcheck_problem(rc, row->line, rowcheck_colname(row, SSC_COL_ID),
                         "%s is already used on line %ld", SHOW(show, p->id), first);
    if (again)
        rowcheck_cells(rc, row, p);
}

int ssc_rowcheck_end(ssc_rowcheck *rc, const ssc_row *row, ssc_error *err)
{
    ssc_project_in p;

    memset(&p, 0, sizeof p);
    if (row) {
        int has_id;
        uint32_t hash = 0;
        rowcheck_mark mark = {0, 0, 0};

        p.line = row->line;
        /* over a million ids the set's slot for this one is rarely in the
         * cache: ask for it now and check the other cells while it comes,
         * rather than wait for it first (issue 10: the add waited on
         * nearly every row) */
        has_id = rowcheck_text(rc, row, SSC_COL_ID, &p.id) && p.id.len;
        if (has_id) {
            hash = ssc_idset_hash(p.id.s, p.id.len);
            ssc_idset_prefetch(rc->ids, hash);
            mark = (rowcheck_mark){rc->problems, rc->row_problems,
                                   rc->diag ? ssc_diag_total(rc->diag) : 0};
        }
        rowcheck_cells(rc, row, &p);
        if (has_id)
            rowcheck_id_check(rc, row, &p, hash, mark);
    }
    if (rc->oom)
        return ssc_error_oom(err);
    if (rc->row_problems || !row) {
        if (rc->skip_bad_rows)
            rc->skipped++;
        else
            rc->rejected = 1;
        return SSC_OK;
    }
    if (rc->rejected)
        return SSC_OK; /* nothing will be rendered: spare the store the work */
    int stored = ssc_store_append(rc->store, &p, err);
    if (stored != SSC_OK && !err->file[0]) { /* the store knows rows, not files */
        snprintf(err->file, sizeof err->file, "%s", ssc_rowcheck_name(rc));
        err->line = row->line;
    }
    return stored;
}

/* ---- the outcome ------------------------------------------------------- */

/* Why nothing was read, in one line: a count that points at the problem
 * list, or the only problem itself when nobody keeps a list. */
static int rowcheck_fail(const ssc_rowcheck *rc, ssc_error *err)
{
    size_t n = rc->problems;

    if (!rc->diag) {
        if (n == 1)
            return ssc_error_at(err, NULL, 0, "%s", rc->first);
        return ssc_error_at(err, NULL, 0, "%s (and %zu more problem%s)", rc->first, n - 1,
                            n == 2 ? "" : "s");
    }
    return ssc_error_at(
        err, rc->name, 0, "%zu problem%s; nothing rendered (%s)", n, n == 1 ? "" : "s",
        rc->fatal ? (n == 1 ? "fix it: --skip-bad-rows cannot skip this one"
                            : "fix them: --skip-bad-rows cannot skip a bad header "
                              "or an unclosed quote")
                  : (n == 1 ? "fix it, or render the good rows with --skip-bad-rows"
                            : "fix them, or render the good rows with --skip-bad-rows"));
}

int ssc_rowcheck_finish(ssc_rowcheck *rc, ssc_store **out, size_t *skipped, ssc_error *err)
{
    *out = NULL;
    if (skipped)
        *skipped = 0;
    if (rc->problems && (rc->fatal || !rc->skip_bad_rows))
        return rowcheck_fail(rc, err);
    *out = rc->store;
    rc->store = NULL;
    if (skipped)
        *skipped = rc->skipped;
    return SSC_OK;
}

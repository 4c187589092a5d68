/* SPDX-License-Identifier: MIT */
/* The checks of one row (see rowjudge.h), in column order, each problem
 * worded as docs/portfolio-csv.md shows it.  A million-row file is the
 * expected case: cells stay views, and list items and problems go into
 * the batch's arrays, which are reused from batch to batch. */
#include "data/rowjudge.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/cells.h"
#include "data/csv.h"
#include "data/intern.h"
#include "data/refdata.h"

/* ---- the batch --------------------------------------------------------- */

/* Out of memory: the rows before the current one stay good to settle. */
static void rowbatch_oom(ssc_rowbatch *b)
{
    if (!b->oom)
        b->oom_rows = b->n ? b->n - 1 : 0;
    b->oom = 1;
}

const char *ssc_rowbatch_keep(ssc_rowbatch *b, const char *s, size_t len)
{
    /* an arena of its own, made on first use: rare (a doubled quote) */
    const char *kept = NULL;

    if (b->kept || (b->kept = ssc_intern_new()) != NULL)
        kept = ssc_intern_keep(b->kept, s, len);
    if (!kept)
        rowbatch_oom(b);
    return kept;
}

void ssc_rowbatch_clear(ssc_rowbatch *b)
{
    b->n = b->n_items = b->n_sdgs = b->n_msgs = b->n_text = 0;
    b->oom = 0;
    ssc_intern_free(b->kept); /* rare (a doubled quote): not worth reusing */
    b->kept = NULL;
}

void ssc_rowbatch_free(ssc_rowbatch *b)
{
    if (!b)
        return;
    free(b->rows);
    free(b->items);
    free(b->sdgs);
    free(b->msgs);
    free(b->text);
    ssc_intern_free(b->kept);
    memset(b, 0, sizeof *b);
}

ssc_rowverdict *ssc_rowbatch_begin(ssc_rowbatch *b, long line)
{
    ssc_rowverdict *v;

    if (ssc_cell_reserve(&b->rows, &b->cap, b->n + 1, sizeof *b->rows) != 0) {
        if (!b->oom)
            b->oom_rows = b->n; /* every row begun is whole */
        b->oom = 1;
        return NULL;
    }
    v = &b->rows[b->n++];
    memset(v, 0, sizeof *v);
    v->p.line = line;
    v->usable = 1;
    v->msgs = b->n_msgs;
    v->partners = v->countries = v->regions = v->extra = b->n_items;
    v->sdgs = b->n_sdgs;
    return v;
}

void ssc_rowbatch_problem(ssc_rowbatch *b, long line, const char *column, const char *fmt, ...)
{
    /* the size ssc_rowcheck_problem formats into, so that a long value
     * is cut where it always was */
    char msg[768];
    size_t len;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    len = strlen(msg) + 1;
    if (!b->n || ssc_cell_reserve(&b->msgs, &b->cap_msgs, b->n_msgs + 1, sizeof *b->msgs) != 0 ||
        ssc_cell_reserve(&b->text, &b->cap_text, b->n_text + len, 1) != 0) {
        rowbatch_oom(b);
        return;
    }
    memcpy(b->text + b->n_text, msg, len);
    b->msgs[b->n_msgs++] = (ssc_rowmsg){line, column, b->n_text};
    b->n_text += len;
    b->rows[b->n - 1].n_msgs++;
}

void ssc_rowbatch_project(const ssc_rowbatch *b, const ssc_rowverdict *v, ssc_project_in *out)
{
    /* an array never grown is NULL, and NULL + 0 is no pointer */
    *out = v->p;
    out->partners = b->items ? b->items + v->partners : NULL;
    out->countries = b->items ? b->items + v->countries : NULL;
    out->regions = b->items ? b->items + v->regions : NULL;
    out->extra = b->items ? b->items + v->extra : NULL;
    out->sdgs = b->sdgs ? b->sdgs + v->sdgs : NULL;
}

/* ---- cells ------------------------------------------------------------- */

/* The batch, the row and its verdict, and what is known of the source. */
typedef struct judge {
    const ssc_rowjudge *j;
    ssc_rowbatch *b;
    const ssc_row *row;
    ssc_rowverdict *v;
} judge;

/* A cell's value as a message may quote it (see ssc_csv_show). */
#define SHOW(buf, t) ssc_csv_show((buf), sizeof(buf), (t).s, (t).len)

/* Required by the spec and not declared optional by the source. */
static int judge_needed(const judge *J, int col)
{
    return ssc_col_required(col) && !(J->j->optional & (1u << col));
}

/* The trimmed cell of column col; empty when the source does not give it. */
static ssc_text judge_cell(const judge *J, int col)
{
    const ssc_cell *c = &J->row->col[col];
    if (!c->name || !c->v.s)
        return (ssc_text){"", 0};
    return ssc_cell_trim(c->v.s, c->v.len);
}

static const char *judge_colname(const judge *J, int col)
{
    return J->row->col[col].name ? J->row->col[col].name : ssc_col_name(col);
}

/* A required column without a value: empty, or not given at all (a
 * source other than CSV that left it out for this project). */
static void judge_required(judge *J, int col)
{
    ssc_rowbatch_problem(J->b, J->row->line, judge_colname(J, col),
                         J->row->col[col].name ? "required, but empty" : "required, but not given");
}

/* A text cell: required and UTF-8 checks.  1 when usable. */
static int judge_text(judge *J, int col, ssc_text *out)
{
    ssc_text t = judge_cell(J, col);
    *out = t;
    if (t.len == 0) {
        if (judge_needed(J, col))
            judge_required(J, col);
        return !judge_needed(J, col);
    }
    if (!J->j->text_ok && !ssc_csv_utf8_ok(t.s, t.len)) {
        ssc_rowbatch_problem(J->b, J->row->line, judge_colname(J, col),
                             memchr(t.s, '\0', t.len)
                                 ? "contains a NUL byte (save the file as UTF-8 text)"
                                 : "not valid UTF-8 (save the file as UTF-8)");
        return 0;
    }
    /* a title of megabytes would take minutes to lay out on every page it
     * touches: no real title, name or list is this long */
    if (t.len > SSC_ROWCHECK_MAX_TEXT) {
        ssc_rowbatch_problem(J->b, J->row->line, judge_colname(J, col),
                             "is %zu bytes long (at most %d; is a closing quote missing?)",
                             t.len, SSC_ROWCHECK_MAX_TEXT);
        return 0;
    }
    return 1;
}

/* A cell that has to be filled in when the column is required: returns the
 * trimmed cell, or an empty one after reporting a missing required value. */
static ssc_text judge_code(judge *J, int col)
{
    ssc_text t = judge_cell(J, col);
    if (t.len == 0 && judge_needed(J, col))
        judge_required(J, col);
    return t;
}

static void judge_empty_item(judge *J, int col, ssc_text cell)
{
    char show[64];
    ssc_rowbatch_problem(J->b, J->row->line, judge_colname(J, col),
                         "empty item in %s (separate items with a single ';')", SHOW(show, cell));
}

/* Splits a list cell onto the batch's items: *at is where they start,
 * *n how many. */
static int judge_split(judge *J, ssc_text cell, size_t *at, size_t *n)
{
    ssc_rowbatch *b = J->b;
    int rc;

    *at = b->n_items;
    rc = ssc_cell_split(cell, &b->items, &b->cap_items, &b->n_items);
    *n = b->n_items - *at;
    if (rc != 0)
        rowbatch_oom(b);
    return rc;
}

static void judge_partners(judge *J)
{
    ssc_rowverdict *v = J->v;
    ssc_text cell;

    if (!judge_text(J, SSC_COL_PARTNERS, &cell) || cell.len == 0)
        return;
    if (judge_split(J, cell, &v->partners, &v->p.n_partners) != 0)
        return;
    for (size_t i = 0; i < v->p.n_partners; i++)
        if (J->b->items[v->partners + i].len == 0) {
            judge_empty_item(J, SSC_COL_PARTNERS, cell);
            return;
        }
}

/* Regions given instead of countries: region names as the reference
 * table spells them, or "Unspecified". */
static void judge_regions(judge *J, ssc_text cell)
{
    ssc_rowverdict *v = J->v;
    char show[64];
    int empty = 0;

    if (judge_split(J, cell, &v->regions, &v->p.n_regions) != 0)
        return;
    for (size_t i = 0; i < v->p.n_regions; i++) {
        ssc_text *r = &J->b->items[v->regions + i];
        const char *key;
        if (r->len == 0) {
            if (!empty++)
                judge_empty_item(J, SSC_COL_REGIONS, cell);
            continue;
        }
        key = ssc_store_region(r->s, r->len);
        if (!key) {
            ssc_rowbatch_problem(J->b, J->row->line, judge_colname(J, SSC_COL_REGIONS),
                                 "%s is not a region (expected Africa, Asia, Europe, Latin "
                                 "America and the Caribbean, Northern America, Oceania or "
                                 "Unspecified)",
                                 SHOW(show, *r));
            continue;
        }
        *r = (ssc_text){key, strlen(key)}; /* the store compares regions by pointer */
    }
}

static void judge_countries(judge *J)
{
    ssc_rowverdict *v = J->v;
    ssc_text cell = judge_cell(J, SSC_COL_COUNTRIES);
    ssc_text regions = judge_cell(J, SSC_COL_REGIONS);
    char show[64];
    int empty = 0;

    if (regions.len) {
        if (cell.len == 0) {
            judge_regions(J, regions);
            return;
        }
        ssc_rowbatch_problem(J->b, J->row->line, judge_colname(J, SSC_COL_REGIONS),
                             "only for a project without countries (the regions of a project "
                             "come from its countries)");
    }
    if (cell.len == 0) {
        judge_required(J, SSC_COL_COUNTRIES);
        return;
    }
    if (judge_split(J, cell, &v->countries, &v->p.n_countries) != 0)
        return;
    for (size_t i = 0; i < v->p.n_countries; i++) {
        ssc_text *c = &J->b->items[v->countries + i];
        const ssc_country *known;
        if (c->len == 0) {
            if (!empty++)
                judge_empty_item(J, SSC_COL_COUNTRIES, cell);
            continue;
        }
        known = ssc_country_by_alpha3(c->s, c->len);
        if (!known) {
            ssc_rowbatch_problem(J->b, J->row->line, judge_colname(J, SSC_COL_COUNTRIES),
                                 "%s is not an ISO 3166-1 alpha-3 country code", SHOW(show, *c));
            continue;
        }
        /* the table's spelling: upper case, and stable beyond the row (a
         * code found is as long as the one looked up) */
        *c = (ssc_text){known->alpha3, c->len};
    }
}

static void judge_not_sdg(judge *J, int col, ssc_text t)
{
    char show[64];
    ssc_rowbatch_problem(J->b, J->row->line, judge_colname(J, col),
                         "%s is not an SDG (expected a whole number from 1 to 17)", SHOW(show, t));
}

/* Primary first, then the secondary goals without repeats.  A source
 * other than CSV may leave both out: the project names no goal. */
static void judge_sdgs(judge *J)
{
    ssc_rowbatch *b = J->b;
    ssc_rowverdict *v = J->v;
    ssc_text cell = judge_cell(J, SSC_COL_SDG_PRIMARY), item;
    const char *s, *end, *semi;
    unsigned seen = 0;
    unsigned char *sdgs;
    int g, empty = 0;

    v->p.n_sdgs = 0;
    if (!J->row->col[SSC_COL_SDG_PRIMARY].name && judge_cell(J, SSC_COL_SDG_SECONDARY).len == 0)
        return;
    /* at most the 17 goals, each once */
    if (ssc_cell_reserve(&b->sdgs, &b->cap_sdgs, b->n_sdgs + 17, 1) != 0) {
        rowbatch_oom(b);
        return;
    }
    sdgs = b->sdgs + v->sdgs;
    if (cell.len == 0)
        judge_required(J, SSC_COL_SDG_PRIMARY);
    else if ((g = ssc_csv_parse_sdg(cell.s, cell.len)) != 0) {
        sdgs[v->p.n_sdgs++] = (unsigned char)g;
        seen |= 1u << g;
    } else {
        judge_not_sdg(J, SSC_COL_SDG_PRIMARY, cell);
    }
    cell = judge_cell(J, SSC_COL_SDG_SECONDARY);
    /* split here rather than with judge_split: at most 17 goals are kept */
    for (s = cell.s, end = cell.s + cell.len; cell.len; s = semi + 1) {
        semi = memchr(s, ';', (size_t)(end - s));
        item = ssc_cell_trim(s, (size_t)((semi ? semi : end) - s));
        if (item.len == 0) {
            if (!empty++)
                judge_empty_item(J, SSC_COL_SDG_SECONDARY, cell);
        } else if ((g = ssc_csv_parse_sdg(item.s, item.len)) == 0) {
            judge_not_sdg(J, SSC_COL_SDG_SECONDARY, item);
        } else if (!(seen & (1u << g))) {
            seen |= 1u << g;
            sdgs[v->p.n_sdgs++] = (unsigned char)g;
        }
        if (!semi)
            break;
    }
    b->n_sdgs += v->p.n_sdgs;
}

/* Dates as yyyymmdd numbers: the earliest and latest day a date of this
 * precision may mean, so "2014" ends on 2014-12-31 and "2014-07" begins
 * on 2014-07-01. */
static long judge_date_first(ssc_date d)
{
    return d.year * 10000L + (d.month ? d.month : 1) * 100L + (d.day ? d.day : 1);
}

static long judge_date_last(ssc_date d)
{
    int m = d.month ? d.month : 12;
    return d.year * 10000L + m * 100L + (d.day ? d.day : ssc_csv_days_in_month(d.year, m));
}

static const char *const judge_months[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

/* Reads a date column into *d; 1 when it holds a valid date. */
static int judge_date_cell(judge *J, int col, ssc_date *d)
{
    ssc_text t = judge_code(J, col);
    long line = J->row->line;
    char show[64];
    const char *name;

    memset(d, 0, sizeof *d);
    if (t.len == 0)
        return 0;
    name = judge_colname(J, col);
    switch (ssc_csv_parse_date(t.s, t.len, &d->year, &d->month, &d->day)) {
    case SSC_CSV_DATE_OK:
        return 1;
    case SSC_CSV_DATE_FORM:
        ssc_rowbatch_problem(J->b, line, name,
                             "%s is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. "
                             "2014-07-01)",
                             SHOW(show, t));
        break;
    case SSC_CSV_DATE_YEAR:
        ssc_rowbatch_problem(J->b, line, name,
                             "%s is not a calendar date (there is no year 0000)", SHOW(show, t));
        break;
    case SSC_CSV_DATE_MONTH:
        ssc_rowbatch_problem(J->b, line, name,
                             "%s is not a calendar date (months run from 01 to 12)",
                             SHOW(show, t));
        break;
    default:
        ssc_rowbatch_problem(J->b, line, name, "%s is not a calendar date (%s %04d has %d days)",
                             SHOW(show, t), judge_months[d->month - 1], d->year,
                             ssc_csv_days_in_month(d->year, d->month));
        break;
    }
    memset(d, 0, sizeof *d);
    return 0;
}

static void judge_dates(judge *J)
{
    ssc_project_in *p = &J->v->p;
    int start_ok = judge_date_cell(J, SSC_COL_START, &p->start);
    int end_ok = judge_date_cell(J, SSC_COL_END, &p->end);
    char s1[64], s2[64];

    if (start_ok && end_ok && judge_date_last(p->end) < judge_date_first(p->start))
        ssc_rowbatch_problem(J->b, J->row->line, judge_colname(J, SSC_COL_END), "%s is before %s %s",
                             SHOW(s1, judge_cell(J, SSC_COL_END)), judge_colname(J, SSC_COL_START),
                             SHOW(s2, judge_cell(J, SSC_COL_START)));
}

/* status, modality and gender_marker: values from a fixed list. */
static void judge_choices(judge *J)
{
    ssc_project_in *p = &J->v->p;
    ssc_text t = judge_code(J, SSC_COL_STATUS);
    long line = J->row->line;
    char show[64];
    int st;

    if (t.len) {
        if ((st = ssc_status_parse(t.s, t.len)) >= 0)
            p->status = (ssc_status)st;
        else
            ssc_rowbatch_problem(J->b, line, judge_colname(J, SSC_COL_STATUS),
                                 "%s is not a status (expected pipeline, ongoing, completed, "
                                 "cancelled or suspended)",
                                 SHOW(show, t));
    }
    t = judge_cell(J, SSC_COL_MODALITY);
    if (t.len == 11 && memcmp(t.s, "south-south", 11) == 0)
        p->modality = (ssc_text){"south-south", 11};
    else if (t.len == 10 && memcmp(t.s, "triangular", 10) == 0)
        p->modality = (ssc_text){"triangular", 10};
    else if (t.len)
        ssc_rowbatch_problem(J->b, line, judge_colname(J, SSC_COL_MODALITY),
                             "%s is not a modality (expected south-south or triangular)",
                             SHOW(show, t));
    t = judge_cell(J, SSC_COL_GENDER);
    p->gender_marker = -1;
    if (t.len == 1 && t.s[0] >= '0' && t.s[0] <= '2')
        p->gender_marker = t.s[0] - '0';
    else if (t.len)
        ssc_rowbatch_problem(J->b, line, judge_colname(J, SSC_COL_GENDER),
                             "%s is not a gender marker (expected 0, 1 or 2)", SHOW(show, t));
}

/* The message for a number the parser refused; what is the kind of
 * number the column holds, for the "is not ..." case. */
static void judge_bad_number(judge *J, int col, int why, ssc_text t, const char *what)
{
    const char *name = judge_colname(J, col);
    long line = J->row->line;
    char show[64];

    switch (why) {
    case SSC_CSV_NUM_NEGATIVE:
        ssc_rowbatch_problem(J->b, line, name, "%s is negative (expected 0 or more)",
                             SHOW(show, t));
        break;
    case SSC_CSV_NUM_RANGE:
        ssc_rowbatch_problem(J->b, line, name, "%s is too large", SHOW(show, t));
        break;
    default:
        ssc_rowbatch_problem(J->b, line, name, "%s is not %s", SHOW(show, t), what);
    }
}

static void judge_numbers(judge *J)
{
    ssc_project_in *p = &J->v->p;
    ssc_text t = judge_cell(J, SSC_COL_BUDGET);
    int why;

    if (t.len) {
        why = ssc_csv_parse_decimal(t.s, t.len, &p->budget_usd);
        if (why == SSC_CSV_NUM_OK)
            p->has_budget = 1;
        else
            judge_bad_number(J, SSC_COL_BUDGET, why, t,
                             "a number (expected US dollars with '.' as the decimal point "
                             "and no thousands separators, e.g. 1500000.50)");
    }
    t = judge_cell(J, SSC_COL_BENEFICIARIES);
    p->beneficiaries = -1;
    if (t.len) {
        why = ssc_csv_parse_count(t.s, t.len, &p->beneficiaries);
        if (why != SSC_CSV_NUM_OK)
            judge_bad_number(J, SSC_COL_BENEFICIARIES, why, t,
                             "a whole number (expected people reached, 0 or more, without "
                             "separators)");
    }
}

static void judge_extras(judge *J)
{
    const ssc_row *row = J->row;
    ssc_rowbatch *b = J->b;

    J->v->extra = b->n_items;
    if (row->n_extra == 0)
        return;
    if (ssc_cell_reserve(&b->items, &b->cap_items, b->n_items + row->n_extra, sizeof *b->items) !=
        0) {
        rowbatch_oom(b);
        return;
    }
    for (size_t i = 0; i < row->n_extra; i++) {
        const ssc_text *v = &row->extra[i];
        ssc_text t = v->s ? ssc_cell_trim(v->s, v->len) : (ssc_text){"", 0};
        b->items[b->n_items++] = t;
        if (!J->j->text_ok && !ssc_csv_utf8_ok(t.s, t.len))
            ssc_rowbatch_problem(b, row->line, row->extra_names[i],
                                 "not valid UTF-8 (save the file as UTF-8)");
    }
}

void ssc_rowjudge_row(const ssc_rowjudge *j, ssc_rowbatch *b, const ssc_row *row)
{
    judge J = {j, b, row, b->n ? &b->rows[b->n - 1] : NULL};
    ssc_project_in *p;

    if (!J.v)
        return; /* ssc_rowbatch_begin ran out of memory and said so */
    if (!row) {
        J.v->usable = 0;
        return;
    }
    p = &J.v->p;
    p->line = row->line;
    J.v->id_name = judge_colname(&J, SSC_COL_ID);
    J.v->has_id = judge_text(&J, SSC_COL_ID, &p->id) && p->id.len;
    /* problems found before the id's own (the source's) and the id's
     * come before a repeated id's; the other cells' after it */
    J.v->id_msgs = J.v->n_msgs;
    judge_text(&J, SSC_COL_TITLE, &p->title);
    judge_text(&J, SSC_COL_LEAD, &p->lead);
    judge_partners(&J);
    judge_countries(&J);
    judge_text(&J, SSC_COL_SECTOR, &p->sector);
    judge_sdgs(&J);
    judge_dates(&J);
    judge_choices(&J);
    judge_text(&J, SSC_COL_FUNDING, &p->funding_source);
    judge_numbers(&J);
    judge_extras(&J);
}

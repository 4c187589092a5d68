/* The portfolio CSV source: maps the header onto the spec's columns,
 * checks every cell against docs/portfolio-csv.md and fills a store.
 *
 * A million-row file is the expected case, so the per-row work allocates
 * nothing: cells are (pointer, length) views into the file's buffer, list
 * items go into arrays reused from row to row, and the store interns.
 * Every problem is reported, not just the first, so that one run tells the
 * user everything to fix. */
#include "source_csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "refdata.h"

enum csv_col {
    COL_ID,
    COL_TITLE,
    COL_LEAD,
    COL_PARTNERS,
    COL_COUNTRIES,
    COL_SECTOR,
    COL_SDG_PRIMARY,
    COL_SDG_SECONDARY,
    COL_START,
    COL_END,
    COL_STATUS,
    COL_FUNDING,
    COL_BUDGET,
    COL_MODALITY,
    COL_GENDER,
    COL_BENEFICIARIES,
    COL_COUNT
};

/* The spec's columns, in its order. */
/* clang-format off */
static const struct {
    const char *name;
    int required;
} csv_spec[COL_COUNT] = {
    {"id", 1},
    {"title", 1},
    {"lead_institution", 1},
    {"partner_institutions", 0},
    {"countries", 1},
    {"sector", 1},
    {"sdg_primary", 1},
    {"sdg_secondary", 0},
    {"start_date", 1},
    {"end_date", 0},
    {"status", 1},
    {"funding_source", 0},
    {"budget_usd", 0},
    {"modality", 0},
    {"gender_marker", 0},
    {"beneficiaries", 0},
};
/* clang-format on */

/* Wider headers are refused: every extra column costs a pointer per row,
 * and the header checks compare names pairwise. */
#define CSV_MAX_COLUMNS 256

/* Ids seen so far, with the line of their first use: open addressing over
 * (pointer, length) views.  Ids that live in the reader's scratch buffer
 * (quoted with a doubled quote) are copied into chunks first, as scratch
 * is reused for the next record. */
typedef struct csv_id {
    const char *s; /* NULL: free slot */
    uint32_t len;
    uint32_t hash; /* compared first: ids often share one length */
    long line;
} csv_id;

typedef struct csv_chunk {
    struct csv_chunk *next;
    size_t used, size;
    char data[];
} csv_chunk;

typedef struct csv_load {
    const char *name; /* FILE in messages */
    const ssc_csv_options *opt;
    ssc_diag *diag;
    size_t problems;  /* found by this load */
    int fatal;        /* a problem that skipping rows cannot get round */
    char first[1024]; /* the first problem, for err when diag is NULL */
    const char *buf, *buf_end;
    /* the header */
    size_t n_cols;
    long col_at[COL_COUNT]; /* field index of each spec column, or -1 */
    ssc_text *col_raw;      /* per field: its header name as written */
    char **col_name;        /* per field: the same made safe for messages */
    char *names;            /* the block both point into */
    size_t *extra_at;       /* field index of each extra column */
    size_t n_extra;
    /* per-row arrays, reused */
    ssc_text *partners, *countries, *extra;
    size_t cap_partners, cap_countries;
    unsigned char sdgs[17];
    /* ids */
    csv_id *ids;
    size_t ids_cap, ids_n;
    csv_chunk *chunks;
    /* the result */
    ssc_store *store;
    int rejected; /* a bad row was found and rows are not skipped */
    size_t skipped;
    size_t row_problems;
    int oom;
} csv_load;

/* ---- messages ---------------------------------------------------------- */

/* Records one problem: "FILE:LINE: column: message" (line 0 and column
 * NULL are left out). */
static void csv_problem(csv_load *L, long line, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void csv_problem(csv_load *L, long line, const char *column, const char *fmt, ...)
{
    char msg[768], full[1024];
    va_list ap;
    int n = 0;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    n = snprintf(full, sizeof full, "%s:", L->name);
    if (line > 0 && n >= 0 && (size_t)n < sizeof full)
        n += snprintf(full + n, sizeof full - (size_t)n, "%ld:", line);
    if (column && n >= 0 && (size_t)n < sizeof full)
        n += snprintf(full + n, sizeof full - (size_t)n, " %s:", column);
    if (n >= 0 && (size_t)n < sizeof full)
        snprintf(full + n, sizeof full - (size_t)n, " %s", msg);
    if (L->problems == 0)
        snprintf(L->first, sizeof L->first, "%s", full);
    L->problems++;
    L->row_problems++;
    if (L->diag)
        ssc_diag_add(L->diag, "%s", full);
}

/* ---- cells ------------------------------------------------------------- */

/* A cell's value as a message may quote it (see ssc_csv_show). */
#define CSV_SHOW(buf, t) ssc_csv_show((buf), sizeof(buf), (t).s, (t).len)

static ssc_text csv_trim(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return (ssc_text){s, len};
}

/* The trimmed cell of spec column col; empty when the file lacks it. */
static ssc_text csv_cell(const csv_load *L, const ssc_csv_record *rec, int col)
{
    if (L->col_at[col] < 0)
        return (ssc_text){"", 0};
    const ssc_csv_field *f = &rec->fields[L->col_at[col]];
    return csv_trim(f->s, f->len);
}

static const char *csv_colname(const csv_load *L, int col)
{
    return L->col_name[L->col_at[col]];
}

static int csv_reserve(void *parr, size_t *cap, size_t need, size_t elem)
{
    void **arr = parr;
    size_t ncap = *cap ? *cap : 8;
    void *na;
    if (need <= *cap)
        return 0;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return -1;
        ncap *= 2;
    }
    na = realloc(*arr, ncap * elem);
    if (!na)
        return -1;
    *arr = na;
    *cap = ncap;
    return 0;
}

/* Splits a list cell at each ';' into (*items)[0..*n), trimmed; an empty
 * cell has no items, "a;;b" and "a;" have an empty one.  -1: no memory. */
static int csv_split(ssc_text cell, ssc_text **items, size_t *cap, size_t *n)
{
    const char *p = cell.s, *end = cell.s + cell.len;

    *n = 0;
    if (cell.len == 0)
        return 0;
    for (;;) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        const char *stop = semi ? semi : end;
        if (csv_reserve(items, cap, *n + 1, sizeof **items) != 0)
            return -1;
        (*items)[(*n)++] = csv_trim(p, (size_t)(stop - p));
        if (!semi)
            return 0;
        p = semi + 1;
    }
}

/* 1..17 from a whole number written with digits only, else 0. */
static int csv_sdg(ssc_text t)
{
    int v = 0;
    if (t.len == 0 || t.len > 3)
        return 0;
    for (size_t i = 0; i < t.len; i++) {
        if (t.s[i] < '0' || t.s[i] > '9')
            return 0;
        v = v * 10 + (t.s[i] - '0');
    }
    return v >= 1 && v <= 17 ? v : 0;
}

/* ---- ids --------------------------------------------------------------- */

/* Eight bytes per step, then a final mix (the splitmix64 finaliser): ids
 * are short and alike ("SSC-0000001"), and a byte-wise hash showed up in
 * profiles of million-row loads. */
static uint32_t csv_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len, w;
    for (; len >= 8; s += 8, len -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    if (len) {
        w = 0;
        memcpy(&w, s, len);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    }
    h ^= h >> 29;
    h *= 0x94D049BB133111EBULL;
    h ^= h >> 32;
    return (uint32_t)h;
}

static int csv_ids_grow(csv_load *L)
{
    size_t ncap = L->ids_cap ? L->ids_cap * 2 : 1024;
    csv_id *slots = calloc(ncap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < L->ids_cap; i++) {
        size_t j;
        if (!L->ids[i].s)
            continue;
        j = L->ids[i].hash & (ncap - 1);
        while (slots[j].s)
            j = (j + 1) & (ncap - 1);
        slots[j] = L->ids[i];
    }
    free(L->ids);
    L->ids = slots;
    L->ids_cap = ncap;
    return 0;
}

/* A copy of s that outlives the reader's scratch buffer. */
static const char *csv_keep(csv_load *L, const char *s, size_t len)
{
    csv_chunk *c = L->chunks;
    if (!c || c->size - c->used < len) {
        size_t size = len > 65536 ? len : 65536;
        c = malloc(sizeof *c + size);
        if (!c)
            return NULL;
        c->next = L->chunks;
        c->used = 0;
        c->size = size;
        L->chunks = c;
    }
    memcpy(c->data + c->used, s, len);
    c->used += len;
    return c->data + c->used - len;
}

/* Remembers id t first seen on line: 0, or the line of an earlier use, or
 * -1 when out of memory. */
static long csv_ids_add(csv_load *L, ssc_text t, long line)
{
    uint32_t hash;
    size_t j;
    if (t.len > UINT32_MAX)
        return 0; /* no id is 4 GB long; never risk a false match */
    if ((L->ids_n + 1) * 2 > L->ids_cap && csv_ids_grow(L) != 0)
        return -1;
    hash = csv_hash(t.s, t.len);
    j = hash & (L->ids_cap - 1);
    for (; L->ids[j].s; j = (j + 1) & (L->ids_cap - 1))
        if (L->ids[j].hash == hash && L->ids[j].len == t.len &&
            memcmp(L->ids[j].s, t.s, t.len) == 0)
            return L->ids[j].line;
    if ((uintptr_t)t.s < (uintptr_t)L->buf || (uintptr_t)t.s >= (uintptr_t)L->buf_end) {
        t.s = csv_keep(L, t.s, t.len); /* unescaped into scratch */
        if (!t.s)
            return -1;
    }
    L->ids[j].s = t.s;
    L->ids[j].len = (uint32_t)t.len;
    L->ids[j].hash = hash;
    L->ids[j].line = line;
    L->ids_n++;
    return 0;
}

/* ---- one row ----------------------------------------------------------- */

/* A text cell: required and UTF-8 checks.  1 when usable. */
static int csv_text(csv_load *L, const ssc_csv_record *rec, int col, ssc_text *out)
{
    ssc_text t = csv_cell(L, rec, col);
    *out = t;
    if (L->col_at[col] < 0)
        return 1;
    if (t.len == 0) {
        if (csv_spec[col].required)
            csv_problem(L, rec->line, csv_colname(L, col), "required, but empty");
        return !csv_spec[col].required;
    }
    if (!ssc_csv_utf8_ok(t.s, t.len)) {
        csv_problem(L, rec->line, csv_colname(L, col),
                    memchr(t.s, '\0', t.len) ? "contains a NUL byte (save the file as UTF-8 text)"
                                             : "not valid UTF-8 (save the file as UTF-8)");
        return 0;
    }
    return 1;
}

/* A cell that has to be filled in when the column is required: returns the
 * trimmed cell, or an empty one after reporting a missing required value. */
static ssc_text csv_code(csv_load *L, const ssc_csv_record *rec, int col)
{
    ssc_text t = csv_cell(L, rec, col);
    if (t.len == 0 && csv_spec[col].required)
        csv_problem(L, rec->line, csv_colname(L, col), "required, but empty");
    return t;
}

static void csv_id_check(csv_load *L, const ssc_csv_record *rec, ssc_text id)
{
    char show[64];
    long first = csv_ids_add(L, id, rec->line);
    if (first < 0)
        L->oom = 1;
    else if (first > 0)
        csv_problem(L, rec->line, csv_colname(L, COL_ID), "%s is already used on line %ld",
                    CSV_SHOW(show, id), first);
}

static void csv_empty_item(csv_load *L, const ssc_csv_record *rec, int col, ssc_text cell)
{
    char show[64];
    csv_problem(L, rec->line, csv_colname(L, col),
                "empty item in %s (separate items with a single ';')", CSV_SHOW(show, cell));
}

static void csv_partners(csv_load *L, const ssc_csv_record *rec, ssc_project_in *p)
{
    ssc_text cell;
    if (!csv_text(L, rec, COL_PARTNERS, &cell) || cell.len == 0)
        return;
    if (csv_split(cell, &L->partners, &L->cap_partners, &p->n_partners) != 0) {
        L->oom = 1;
        return;
    }
    p->partners = L->partners;
    for (size_t i = 0; i < p->n_partners; i++)
        if (L->partners[i].len == 0) {
            csv_empty_item(L, rec, COL_PARTNERS, cell);
            return;
        }
}

static void csv_countries(csv_load *L, const ssc_csv_record *rec, ssc_project_in *p)
{
    ssc_text cell = csv_code(L, rec, COL_COUNTRIES);
    char show[64];
    int empty = 0;

    if (csv_split(cell, &L->countries, &L->cap_countries, &p->n_countries) != 0) {
        L->oom = 1;
        return;
    }
    p->countries = L->countries;
    for (size_t i = 0; i < p->n_countries; i++) {
        ssc_text *c = &L->countries[i];
        const ssc_country *known;
        if (c->len == 0) {
            if (!empty++)
                csv_empty_item(L, rec, COL_COUNTRIES, cell);
            continue;
        }
        known = ssc_country_by_alpha3(c->s, c->len);
        if (!known) {
            csv_problem(L, rec->line, csv_colname(L, COL_COUNTRIES),
                        "%s is not an ISO 3166-1 alpha-3 country code", CSV_SHOW(show, *c));
            continue;
        }
        /* the table's spelling: upper case, and stable beyond the buffer */
        *c = (ssc_text){known->alpha3, strlen(known->alpha3)};
    }
}

static void csv_not_sdg(csv_load *L, const ssc_csv_record *rec, int col, ssc_text t)
{
    char show[64];
    csv_problem(L, rec->line, csv_colname(L, col),
                "%s is not an SDG (expected a whole number from 1 to 17)", CSV_SHOW(show, t));
}

/* Primary first, then the secondary goals without repeats. */
static void csv_sdgs(csv_load *L, const ssc_csv_record *rec, ssc_project_in *p)
{
    ssc_text cell = csv_code(L, rec, COL_SDG_PRIMARY), item;
    const char *s, *end, *semi;
    unsigned seen = 0;
    int g, empty = 0;

    p->sdgs = L->sdgs;
    p->n_sdgs = 0;
    if (cell.len) {
        if ((g = csv_sdg(cell)) != 0) {
            L->sdgs[p->n_sdgs++] = (unsigned char)g;
            seen |= 1u << g;
        } else {
            csv_not_sdg(L, rec, COL_SDG_PRIMARY, cell);
        }
    }
    cell = csv_cell(L, rec, COL_SDG_SECONDARY);
    if (cell.len == 0)
        return;
    /* split here rather than with csv_split: at most 17 goals are kept */
    for (s = cell.s, end = cell.s + cell.len;; s = semi + 1) {
        semi = memchr(s, ';', (size_t)(end - s));
        item = csv_trim(s, (size_t)((semi ? semi : end) - s));
        if (item.len == 0) {
            if (!empty++)
                csv_empty_item(L, rec, COL_SDG_SECONDARY, cell);
        } else if ((g = csv_sdg(item)) == 0) {
            csv_not_sdg(L, rec, COL_SDG_SECONDARY, item);
        } else if (!(seen & (1u << g))) {
            seen |= 1u << g;
            L->sdgs[p->n_sdgs++] = (unsigned char)g;
        }
        if (!semi)
            break;
    }
}

/* Dates as yyyymmdd numbers: the earliest and latest day a date of this
 * precision may mean, so "2014" ends on 2014-12-31 and "2014-07" begins
 * on 2014-07-01. */
static long csv_date_first(ssc_date d)
{
    return d.year * 10000L + (d.month ? d.month : 1) * 100L + (d.day ? d.day : 1);
}

static long csv_date_last(ssc_date d)
{
    int m = d.month ? d.month : 12;
    return d.year * 10000L + m * 100L + (d.day ? d.day : ssc_csv_days_in_month(d.year, m));
}

static const char *const csv_months[12] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};

/* Reads a date column into *d; 1 when it holds a valid date. */
static int csv_date_cell(csv_load *L, const ssc_csv_record *rec, int col, ssc_date *d)
{
    ssc_text t = csv_code(L, rec, col);
    char show[64];
    const char *name;

    memset(d, 0, sizeof *d);
    if (t.len == 0)
        return 0;
    name = csv_colname(L, col);
    switch (ssc_csv_parse_date(t.s, t.len, &d->year, &d->month, &d->day)) {
    case SSC_CSV_DATE_OK:
        return 1;
    case SSC_CSV_DATE_FORM:
        csv_problem(L, rec->line, name,
                    "%s is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2014-07-01)",
                    CSV_SHOW(show, t));
        break;
    case SSC_CSV_DATE_YEAR:
        csv_problem(L, rec->line, name, "%s is not a calendar date (there is no year 0000)",
                    CSV_SHOW(show, t));
        break;
    case SSC_CSV_DATE_MONTH:
        csv_problem(L, rec->line, name, "%s is not a calendar date (months run from 01 to 12)",
                    CSV_SHOW(show, t));
        break;
    default:
        csv_problem(L, rec->line, name, "%s is not a calendar date (%s %04d has %d days)",
                    CSV_SHOW(show, t), csv_months[d->month - 1], d->year,
                    ssc_csv_days_in_month(d->year, d->month));
        break;
    }
    memset(d, 0, sizeof *d);
    return 0;
}

static void csv_dates(csv_load *L, const ssc_csv_record *rec, ssc_project_in *p)
{
    int start_ok = csv_date_cell(L, rec, COL_START, &p->start);
    int end_ok = csv_date_cell(L, rec, COL_END, &p->end);
    char s1[64], s2[64];

    if (start_ok && end_ok && csv_date_last(p->end) < csv_date_first(p->start))
        csv_problem(L, rec->line, csv_colname(L, COL_END), "%s is before %s %s",
                    CSV_SHOW(s1, csv_cell(L, rec, COL_END)), csv_colname(L, COL_START),
                    CSV_SHOW(s2, csv_cell(L, rec, COL_START)));
}

/* status, modality and gender_marker: values from a fixed list. */
static void csv_choices(csv_load *L, const ssc_csv_record *rec, ssc_project_in *p)
{
    ssc_text t = csv_code(L, rec, COL_STATUS);
    char show[64];
    int st;

    if (t.len) {
        if ((st = ssc_status_parse(t.s, t.len)) >= 0)
            p->status = (ssc_status)st;
        else
            csv_problem(L, rec->line, csv_colname(L, COL_STATUS),
                        "%s is not a status (expected pipeline, ongoing, completed, cancelled "
                        "or suspended)",
                        CSV_SHOW(show, t));
    }
    t = csv_cell(L, rec, COL_MODALITY);
    if (t.len == 11 && memcmp(t.s, "south-south", 11) == 0)
        p->modality = (ssc_text){"south-south", 11};
    else if (t.len == 10 && memcmp(t.s, "triangular", 10) == 0)
        p->modality = (ssc_text){"triangular", 10};
    else if (t.len)
        csv_problem(L, rec->line, csv_colname(L, COL_MODALITY),
                    "%s is not a modality (expected south-south or triangular)", CSV_SHOW(show, t));
    t = csv_cell(L, rec, COL_GENDER);
    p->gender_marker = -1;
    if (t.len == 1 && t.s[0] >= '0' && t.s[0] <= '2')
        p->gender_marker = t.s[0] - '0';
    else if (t.len)
        csv_problem(L, rec->line, csv_colname(L, COL_GENDER),
                    "%s is not a gender marker (expected 0, 1 or 2)", CSV_SHOW(show, t));
}

static void csv_numbers(csv_load *L, const ssc_csv_record *rec, ssc_project_in *p)
{
    ssc_text t = csv_cell(L, rec, COL_BUDGET);
    char show[64];

    if (t.len) {
        const char *name = csv_colname(L, COL_BUDGET);
        switch (ssc_csv_parse_decimal(t.s, t.len, &p->budget_usd)) {
        case SSC_CSV_NUM_OK:
            p->has_budget = 1;
            break;
        case SSC_CSV_NUM_NEGATIVE:
            csv_problem(L, rec->line, name, "%s is negative (expected 0 or more)",
                        CSV_SHOW(show, t));
            break;
        case SSC_CSV_NUM_RANGE:
            csv_problem(L, rec->line, name, "%s is too large", CSV_SHOW(show, t));
            break;
        default:
            csv_problem(L, rec->line, name,
                        "%s is not a number (expected US dollars with '.' as the decimal "
                        "point and no thousands separators, e.g. 1500000.50)",
                        CSV_SHOW(show, t));
        }
    }
    t = csv_cell(L, rec, COL_BENEFICIARIES);
    p->beneficiaries = -1;
    if (t.len) {
        const char *name = csv_colname(L, COL_BENEFICIARIES);
        switch (ssc_csv_parse_count(t.s, t.len, &p->beneficiaries)) {
        case SSC_CSV_NUM_OK:
            break;
        case SSC_CSV_NUM_NEGATIVE:
            csv_problem(L, rec->line, name, "%s is negative (expected 0 or more)",
                        CSV_SHOW(show, t));
            break;
        case SSC_CSV_NUM_RANGE:
            csv_problem(L, rec->line, name, "%s is too large", CSV_SHOW(show, t));
            break;
        default:
            csv_problem(L, rec->line, name,
                        "%s is not a whole number (expected people reached, 0 or more, "
                        "without separators)",
                        CSV_SHOW(show, t));
        }
    }
}

/* 1 when every field is empty: spreadsheets export deleted rows as ",,,,",
 * which hold no project and are skipped like blank lines. */
static int csv_blank(const ssc_csv_record *rec)
{
    for (size_t i = 0; i < rec->count; i++)
        if (csv_trim(rec->fields[i].s, rec->fields[i].len).len)
            return 0;
    return 1;
}

/* Checks one record and appends it when it is good (and no bad row has
 * doomed the load). */
static int csv_row(csv_load *L, const ssc_csv_record *rec, ssc_error *err)
{
    ssc_project_in p;

    if (csv_blank(rec))
        return SSC_OK;
    L->row_problems = 0;
    memset(&p, 0, sizeof p);
    p.line = rec->line;
    if (rec->count != L->n_cols) {
        csv_problem(L, rec->line, NULL,
                    "the row has %zu field%s, but the header has %zu (a value holding a comma "
                    "must be in double quotes)",
                    rec->count, rec->count == 1 ? "" : "s", L->n_cols);
    } else {
        if (rec->bad_field)
            csv_problem(L, rec->line, L->col_name[rec->bad_field - 1],
                        "text after the closing quote (inside quotes, write a quote as \"\")");
        if (csv_text(L, rec, COL_ID, &p.id) && p.id.len)
            csv_id_check(L, rec, p.id);
        csv_text(L, rec, COL_TITLE, &p.title);
        csv_text(L, rec, COL_LEAD, &p.lead);
        csv_partners(L, rec, &p);
        csv_countries(L, rec, &p);
        csv_text(L, rec, COL_SECTOR, &p.sector);
        csv_sdgs(L, rec, &p);
        csv_dates(L, rec, &p);
        csv_choices(L, rec, &p);
        csv_text(L, rec, COL_FUNDING, &p.funding_source);
        csv_numbers(L, rec, &p);
        for (size_t i = 0; i < L->n_extra; i++) {
            const ssc_csv_field *f = &rec->fields[L->extra_at[i]];
            L->extra[i] = csv_trim(f->s, f->len);
            if (!ssc_csv_utf8_ok(L->extra[i].s, L->extra[i].len))
                csv_problem(L, rec->line, L->col_name[L->extra_at[i]],
                            "not valid UTF-8 (save the file as UTF-8)");
        }
        p.extra = L->extra;
    }
    if (L->oom)
        return ssc_error_oom(err);
    if (L->row_problems) {
        if (L->opt->skip_bad_rows)
            L->skipped++;
        else
            L->rejected = 1;
        return SSC_OK;
    }
    if (L->rejected)
        return SSC_OK; /* nothing will be rendered: spare the store the work */
    return ssc_store_append(L->store, &p, err);
}

/* ---- the header -------------------------------------------------------- */

static int csv_spec_index(const char *s, size_t len)
{
    for (int c = 0; c < COL_COUNT; c++)
        if (strlen(csv_spec[c].name) == len && memcmp(csv_spec[c].name, s, len) == 0)
            return c;
    return -1;
}

/* A rename that points at no spec column is the report's mistake, but it
 * is found here, where the columns are known. */
static void csv_check_renames(csv_load *L)
{
    for (size_t i = 0; i < L->opt->n_renames; i++) {
        const ssc_rename *rn = &L->opt->renames[i];
        if (rn->to && csv_spec_index(rn->to, strlen(rn->to)) >= 0)
            continue;
        L->fatal = 1;
        csv_problem(L, 0, NULL,
                    "the report renames column '%s' to '%s', which is not a portfolio column "
                    "(expected one of id, title, lead_institution, partner_institutions, "
                    "countries, sector, sdg_primary, sdg_secondary, start_date, end_date, "
                    "status, funding_source, budget_usd, modality, gender_marker, "
                    "beneficiaries)",
                    rn->from ? rn->from : "", rn->to ? rn->to : "");
    }
}

/* The spec name a header cell stands for after the renames, or -1. */
static int csv_header_spec(const csv_load *L, const char *s, size_t len)
{
    for (size_t i = 0; i < L->opt->n_renames; i++) {
        const ssc_rename *rn = &L->opt->renames[i];
        if (rn->from && rn->to && strlen(rn->from) == len && memcmp(rn->from, s, len) == 0)
            return csv_spec_index(rn->to, strlen(rn->to));
    }
    return csv_spec_index(s, len);
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
    L->extra = calloc(rec->count, sizeof *L->extra);
    if (!L->names || !L->col_raw || !L->col_name || !L->extra_at || !L->extra)
        return -1;
    for (size_t i = 0; i < rec->count; i++) {
        ssc_text t = csv_trim(rec->fields[i].s, rec->fields[i].len);
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

static void csv_missing(csv_load *L)
{
    char list[512] = "";
    size_t n = 0, o = 0;

    for (int c = 0; c < COL_COUNT; c++) {
        if (!csv_spec[c].required || L->col_at[c] >= 0)
            continue;
        o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", n ? ", " : "", csv_spec[c].name);
        n++;
    }
    if (n) {
        L->fatal = 1;
        csv_problem(L, 1, NULL, "missing required column%s: %s", n == 1 ? "" : "s", list);
    }
}

static int csv_header(csv_load *L, const ssc_csv_record *rec)
{
    long line = rec->line;

    for (int c = 0; c < COL_COUNT; c++)
        L->col_at[c] = -1;
    csv_check_renames(L);
    if (rec->count > CSV_MAX_COLUMNS) {
        L->fatal = 1;
        csv_problem(L, line, NULL, "the header has %zu columns; at most %d are supported",
                    rec->count, CSV_MAX_COLUMNS);
        return SSC_OK;
    }
    if (csv_header_names(L, rec) != 0)
        return SSC_ERR;
    L->n_cols = rec->count;
    for (size_t i = 0; i < rec->count; i++) {
        ssc_text t = csv_trim(rec->fields[i].s, rec->fields[i].len);
        int c;
        if (!ssc_csv_utf8_ok(t.s, t.len)) {
            csv_problem(L, line, NULL, "column %zu: the name is not valid UTF-8", i + 1);
            continue;
        }
        if (t.len == 0) {
            csv_problem(L, line, NULL, "column %zu has no name (name it, or delete the column)",
                        i + 1);
            continue;
        }
        if (rec->bad_field == i + 1)
            csv_problem(L, line, L->col_name[i],
                        "text after the closing quote (inside quotes, write a quote as \"\")");
        c = csv_header_spec(L, t.s, t.len);
        for (size_t j = 0; j < i; j++) {
            ssc_text tj = L->col_raw[j];
            int cj = csv_header_spec(L, tj.s, tj.len);
            if ((c >= 0 && cj == c) ||
                (c < 0 && cj < 0 && tj.len == t.len && memcmp(tj.s, t.s, t.len) == 0)) {
                csv_problem(L, line, c >= 0 ? csv_spec[c].name : L->col_name[i],
                            "appears more than once in the header (columns %zu and %zu)", j + 1,
                            i + 1);
                break;
            }
        }
        if (c >= 0 && L->col_at[c] < 0)
            L->col_at[c] = (long)i;
        else if (c < 0)
            L->extra_at[L->n_extra++] = i;
    }
    L->fatal = L->problems > 0;
    csv_missing(L);
    return SSC_OK;
}

/* ---- loading ----------------------------------------------------------- */

static void csv_unclosed(csv_load *L, const ssc_csv_reader *r)
{
    L->fatal = 1;
    if (L->col_name && r->unclosed_field < L->n_cols)
        csv_problem(L, r->unclosed_line, L->col_name[r->unclosed_field],
                    "the quoted value starting on this line never ends (a closing \" is "
                    "missing)");
    else
        csv_problem(L, r->unclosed_line, NULL,
                    "the quoted value in field %zu starting on this line never ends (a closing "
                    "\" is missing)",
                    r->unclosed_field + 1);
}

/* Reads the header and the rows; problems go to L, failures to err. */
static int csv_run(csv_load *L, ssc_csv_reader *r, ssc_error *err)
{
    ssc_csv_record rec;
    int rc;

    if (r->end - r->p >= 2 &&
        (((unsigned char)r->p[0] == 0xFF && (unsigned char)r->p[1] == 0xFE) ||
         ((unsigned char)r->p[0] == 0xFE && (unsigned char)r->p[1] == 0xFF))) {
        L->fatal = 1;
        csv_problem(L, 1, NULL, "the file is UTF-16 text; save it as UTF-8");
        return SSC_OK;
    }
    rc = ssc_csv_next(r, &rec);
    if (rc == SSC_CSV_END) {
        L->fatal = 1;
        csv_problem(L, 1, NULL, "the file is empty (expected a header row naming the columns)");
        return SSC_OK;
    }
    if (rc == SSC_CSV_UNCLOSED) {
        csv_unclosed(L, r);
        return SSC_OK;
    }
    if (rc == SSC_CSV_NOMEM || csv_header(L, &rec) != SSC_OK)
        return ssc_error_oom(err);
    if (L->fatal)
        return SSC_OK;
    L->store = ssc_store_new();
    if (!L->store)
        return ssc_error_oom(err);
    if (L->n_extra) {
        for (size_t i = 0; i < L->n_extra; i++)
            L->extra[i] = L->col_raw[L->extra_at[i]];
        if (ssc_store_set_extra_columns(L->store, L->extra, L->n_extra, err) != SSC_OK)
            return SSC_ERR;
    }
    while ((rc = ssc_csv_next(r, &rec)) == SSC_CSV_RECORD)
        if (csv_row(L, &rec, err) != SSC_OK)
            return SSC_ERR;
    if (rc == SSC_CSV_UNCLOSED)
        csv_unclosed(L, r);
    else if (rc == SSC_CSV_NOMEM)
        return ssc_error_oom(err);
    return SSC_OK;
}

static void csv_load_free(csv_load *L)
{
    while (L->chunks) {
        csv_chunk *next = L->chunks->next;
        free(L->chunks);
        L->chunks = next;
    }
    free(L->ids);
    free(L->names);
    free(L->col_raw);
    free(L->col_name);
    free(L->extra_at);
    free(L->extra);
    free(L->partners);
    free(L->countries);
    ssc_store_free(L->store);
}

/* Why nothing was read, in one line: a count that points at the problem
 * list, or the only problem itself when nobody keeps a list. */
static int csv_fail(const csv_load *L, ssc_error *err)
{
    if (!L->diag) {
        if (L->problems == 1)
            return ssc_error_at(err, NULL, 0, "%s", L->first);
        return ssc_error_at(err, NULL, 0, "%s (and %zu more problem%s)", L->first, L->problems - 1,
                            L->problems == 2 ? "" : "s");
    }
    return ssc_error_at(
        err, L->name, 0, "%zu problem%s; nothing rendered (%s)", L->problems,
        L->problems == 1 ? "" : "s",
        L->fatal ? (L->problems == 1 ? "fix it: --skip-bad-rows cannot skip this one"
                                     : "fix them: --skip-bad-rows cannot skip a bad header "
                                       "or an unclosed quote")
                 : (L->problems == 1 ? "fix it, or render the good rows with --skip-bad-rows"
                                     : "fix them, or render the good rows with "
                                       "--skip-bad-rows"));
}

int ssc_csv_load_buffer(const char *data, size_t len, const char *name, const ssc_csv_options *opt,
                        ssc_store **out, ssc_diag *problems, size_t *skipped, ssc_error *err)
{
    static const ssc_csv_options defaults = {0};
    ssc_csv_reader r;
    csv_load L;
    int rc;

    *out = NULL;
    if (skipped)
        *skipped = 0;
    memset(&L, 0, sizeof L);
    L.opt = opt ? opt : &defaults;
    L.name = L.opt->display_name ? L.opt->display_name : name ? name : "(data)";
    L.diag = problems;
    L.buf = data ? data : "";
    L.buf_end = L.buf + (data ? len : 0);
    ssc_csv_reader_init(&r, L.buf, (size_t)(L.buf_end - L.buf));
    rc = csv_run(&L, &r, err);
    ssc_csv_reader_free(&r);
    if (rc == SSC_OK && L.problems && (L.fatal || !L.opt->skip_bad_rows))
        rc = csv_fail(&L, err);
    if (rc == SSC_OK) {
        *out = L.store;
        L.store = NULL;
        if (skipped)
            *skipped = L.skipped;
    }
    csv_load_free(&L);
    return rc;
}

int ssc_csv_load(const char *path, const ssc_csv_options *opt, ssc_store **out, ssc_diag *problems,
                 size_t *skipped, ssc_error *err)
{
    const char *name = opt && opt->display_name ? opt->display_name : path;
    ssc_csv_file f;
    int rc;

    *out = NULL;
    if (skipped)
        *skipped = 0;
    if (ssc_csv_file_read(&f, path) != 0)
        return ssc_error_at(err, name, 0, "cannot read the file: %s", strerror(errno));
    rc = ssc_csv_load_buffer(f.data, f.len, name, opt, out, problems, skipped, err);
    ssc_csv_file_free(&f);
    return rc;
}

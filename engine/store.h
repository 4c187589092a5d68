/* The in-memory portfolio: one column per field, strings interned, list
 * fields as offsets into shared pools, so a million projects take a few
 * hundred bytes each.  Sources append projects through ssc_store_append;
 * plugins read them through the accessors of plugin.h, on a view
 * (struct ssc_portfolio) that the filters produce. */
#ifndef SSC_STORE_H
#define SSC_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "intern.h"
#include "ssc-report/plugin.h"

typedef enum ssc_status {
    SSC_STATUS_PIPELINE = 0,
    SSC_STATUS_ONGOING,
    SSC_STATUS_COMPLETED,
    SSC_STATUS_CANCELLED,
    SSC_STATUS_SUSPENDED,
    SSC_STATUS_COUNT
} ssc_status;

/* The status key ("ongoing"...) for s; NULL when out of range. */
const char *ssc_status_key(ssc_status s);
/* Parses a status key; -1 when it is none of them. */
int ssc_status_parse(const char *s, size_t len);

/* One project as a source read it.  Strings need not be NUL-terminated
 * beyond their lengths: the store copies (interns) everything. */
typedef struct ssc_text {
    const char *s;
    size_t len;
} ssc_text;

typedef struct ssc_project_in {
    ssc_text id, title, lead, sector, funding_source, modality;
    const ssc_text *partners;
    size_t n_partners;
    const ssc_text *countries; /* alpha-3, already validated */
    size_t n_countries;
    const unsigned char *sdgs; /* primary first; 1..17 */
    size_t n_sdgs;
    ssc_date start, end;
    ssc_status status;
    int has_budget;
    double budget_usd;
    int gender_marker;         /* -1 if none */
    long long beneficiaries;   /* -1 if none */
    const ssc_text *extra;     /* one per extra column, in column order */
    long line;                 /* source line, for later messages */
} ssc_project_in;

typedef struct ssc_store ssc_store;

ssc_store *ssc_store_new(void); /* NULL on out of memory */
void ssc_store_free(ssc_store *st);
/* Declares the extra (unknown) columns before the first append. */
int ssc_store_set_extra_columns(ssc_store *st, const ssc_text *names, size_t n, ssc_error *err);
/* Appends one project: interns its strings, drops repeated countries,
 * partners and SDGs, and derives its regions from its countries. */
int ssc_store_append(ssc_store *st, const ssc_project_in *p, ssc_error *err);
size_t ssc_store_count(const ssc_store *st);
/* Source line of row i (as given to ssc_store_append). */
long ssc_store_line(const ssc_store *st, size_t i);
/* Bytes held (for benchmarks and the memory budget). */
size_t ssc_store_bytes(const ssc_store *st);

/* A view of the store: the rows a report's filters kept.  This is the
 * struct behind plugin.h's opaque ssc_portfolio. */
struct ssc_portfolio {
    const ssc_store *store;
    uint32_t *rows; /* NULL: every row of the store, in order */
    size_t count;
};

/* A view of every row (no allocation). */
void ssc_portfolio_all(ssc_portfolio *view, const ssc_store *st);
void ssc_portfolio_release(ssc_portfolio *view); /* frees rows */
/* Maps a view row to its store row. */
static inline size_t ssc_portfolio_store_row(const ssc_portfolio *p, size_t row)
{
    return p->rows ? p->rows[row] : row;
}

#endif

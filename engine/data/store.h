/* SPDX-License-Identifier: MIT */
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
#include "data/intern.h"
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
    /* For a project without countries only: region keys as
     * ssc_store_region returns them (the store keeps the pointers). */
    const ssc_text *regions;
    size_t n_regions;
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
    int id_kept;               /* id.s is ssc_store_keep's copy already */
    int title_hashed;          /* title_hash is ssc_store_title_hash(title) */
    uint32_t title_hash;
} ssc_project_in;

typedef struct ssc_store ssc_store;

ssc_store *ssc_store_new(void); /* NULL on out of memory */
/* A copy of s[0..len) that lives as long as the store (NUL-terminated; NULL
 * on out of memory): the row checker keeps an id once, for its id set and
 * then for the row (ssc_project_in.id_kept). */
const char *ssc_store_keep(ssc_store *st, const char *s, size_t len);
void ssc_store_free(ssc_store *st);
/* A title's hash (ssc_project_in.title_hash; the row checker works it
 * out rows ahead of settling), and the memory its append will read,
 * asked for ahead:
 * near 0 fetches the table's slot, near 1 (some rows later, when the slot
 * has come) the text the slot holds. */
uint32_t ssc_store_title_hash(const char *s, size_t len);
void ssc_store_prefetch_title(const ssc_store *st, uint32_t hash, int near);
/* Declares the extra (unknown) columns before the first append. */
int ssc_store_set_extra_columns(ssc_store *st, const ssc_text *names, size_t n, ssc_error *err);
/* Adds one more extra column at any time (a source that learns its
 * columns row by row); the rows already stored hold "" in it. */
int ssc_store_add_extra_column(ssc_store *st, const char *name, ssc_error *err);
size_t ssc_store_extra_count(const ssc_store *st);
/* The name of extra column i, interned (valid while the store lives). */
const char *ssc_store_extra_name(const ssc_store *st, size_t i);
/* Makes room for rows projects at once (the source's estimate): the
 * columns are then allocated once, not grown by copying.  Rows the
 * estimate misses still grow the store. */
int ssc_store_reserve(ssc_store *st, size_t rows, ssc_error *err);
/* Appends one project: interns its strings, drops repeated countries,
 * partners and SDGs, and derives its regions from its countries. */
int ssc_store_append(ssc_store *st, const ssc_project_in *p, ssc_error *err);
size_t ssc_store_count(const ssc_store *st);
/* Source line of row i (as given to ssc_store_append). */
long ssc_store_line(const ssc_store *st, size_t i);
/* Bytes held (for benchmarks and the memory budget). */
size_t ssc_store_bytes(const ssc_store *st);

/* The region key a source may give for a project without countries: one
 * of the reference regions (ssc_region_key), or SSC_REGION_UNSPECIFIED.
 * Returns the one pointer every project shares for that region, or NULL
 * when s[0..len) is no region. */
#define SSC_REGION_UNSPECIFIED "Unspecified"
const char *ssc_store_region(const char *s, size_t len);

/* Labels a source gives for keys (a codelist's sector names): copied;
 * a second label for the same kind and key replaces the first. */
int ssc_store_set_label(ssc_store *st, ssc_key_kind kind, const char *key, const char *label,
                        ssc_error *err);
/* The source's label of key, or NULL when it gave none. */
const char *ssc_store_label(const ssc_store *st, ssc_key_kind kind, const char *key);

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

/* SPDX-License-Identifier: MIT */
/* Projects per status, stacked by region: one row per status present (in
 * the life-cycle order pipeline, ongoing, completed, cancelled, suspended),
 * one number column per region present.  A project counts once in each
 * distinct region its countries lie in, as everywhere in the report. */
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const char *const by_status_order[] = {"pipeline", "ongoing", "completed", "cancelled",
                                              "suspended"};
#define BY_STATUS_N (sizeof by_status_order / sizeof *by_status_order)

/* Column titles: a plugin cannot reach the engine's region labels, so it
 * carries the names of the six regions the engine derives (UN M49, the
 * Americas split); the English name is the key. */
/* The columns' order: the regions as the engine lists them, then a
 * source's "Unspecified"; names come from the engine (ssc_section_label). */
static const char *const by_status_regions[] = {
    "Africa", "Asia", "Europe", "Latin America and the Caribbean", "Northern America", "Oceania",
    "Unspecified",
};
#define BY_STATUS_REGIONS (sizeof by_status_regions / sizeof *by_status_regions)

/* A region's place among the columns: the table's order, unknown ones last. */
static size_t by_status_rank(const char *region)
{
    for (size_t i = 0; i < BY_STATUS_REGIONS; i++)
        if (strcmp(by_status_regions[i], region) == 0)
            return i;
    return BY_STATUS_REGIONS;
}

static int by_status_region_cmp(const void *pa, const void *pb)
{
    const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
    size_t ra = by_status_rank(a), rb = by_status_rank(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    return strcmp(a, b);
}

/* Index of region in list[0..n), or n.  By address: list holds the
 * portfolio's own region strings, and a portfolio's equal strings are one
 * pointer (plugin.h), so no strcmp per project and region (issue 10). */
static size_t by_status_find(const char *const *list, size_t n, const char *region)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == region)
            return i;
    return n;
}

/* A value worked out once per status string (there are five, one pointer
 * each) instead of once per project: the order's index, or a table row. */
typedef struct by_status_seen {
    const char *key[8];
    int val[8];
    size_t n;
} by_status_seen;

static int by_status_seen_get(const by_status_seen *seen, const char *key, int *val)
{
    for (size_t i = 0; i < seen->n; i++)
        if (seen->key[i] == key) {
            *val = seen->val[i];
            return 1;
        }
    return 0;
}

static void by_status_seen_put(by_status_seen *seen, const char *key, int val)
{
    if (seen->n < sizeof seen->key / sizeof *seen->key) {
        seen->key[seen->n] = key;
        seen->val[seen->n++] = val;
    }
}

/* The distinct regions of the shown projects, in column order, into
 * *list (caller frees). */
static int by_status_regions_present(const ssc_portfolio *p, const char ***list, size_t *n)
{
    size_t cap = 8;
    const char **l = malloc(cap * sizeof *l);
    *n = 0;
    if (!l)
        return -1;
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        ssc_strings r = ssc_project_regions(p, row);
        for (size_t k = 0; k < r.count; k++) {
            if (by_status_find(l, *n, r.items[k]) < *n)
                continue;
            if (*n == cap) {
                const char **nl = realloc(l, 2 * cap * sizeof *nl);
                if (!nl) {
                    free(l);
                    return -1;
                }
                l = nl;
                cap *= 2;
            }
            l[(*n)++] = r.items[k];
        }
    }
    qsort(l, *n, sizeof *l, by_status_region_cmp);
    *list = l;
    return 0;
}

static int by_status_fill(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                          const char *const *regions, size_t n_regions)
{
    size_t rows = ssc_portfolio_count(p);
    int present[BY_STATUS_N] = {0};
    double distinct[BY_STATUS_N] = {0}; /* projects per table row */

    /* no region, nothing to stack: an empty table says so better than
     * rows without columns */
    if (n_regions == 0)
        return 0;
    /* the columns, in the order the regions were sorted */
    for (size_t i = 0; i < n_regions; i++) {
        int c = ssc_table_add_column(out, regions[i], SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
        if (c < 0 ||
            ssc_table_set_column_title(out, c, ssc_section_label(s, SSC_KEY_REGION, regions[i])) !=
                SSC_OK)
            return -1;
    }
    /* the rows exist first, in life-cycle order, so counting keeps it */
    by_status_seen order = {.n = 0}, table = {.n = 0};
    for (size_t row = 0; row < rows; row++) {
        const char *status = ssc_project_status(p, row);
        int i;
        if (!by_status_seen_get(&order, status, &i)) {
            for (i = 0; i < (int)BY_STATUS_N && strcmp(status, by_status_order[i]) != 0; i++)
                ;
            by_status_seen_put(&order, status, i);
        }
        if (i < (int)BY_STATUS_N)
            present[i] = 1;
    }
    for (size_t i = 0; i < BY_STATUS_N; i++)
        if (present[i] && ssc_table_row(out, by_status_order[i]) < 0)
            return -1;
    for (size_t row = 0; row < rows; row++) {
        const char *status = ssc_project_status(p, row);
        int t;
        if (!by_status_seen_get(&table, status, &t)) {
            t = ssc_table_row(out, status);
            by_status_seen_put(&table, status, t);
        }
        if (t < 0 || (size_t)t >= BY_STATUS_N)
            return -1;
        distinct[t] += 1.0;
        ssc_strings r = ssc_project_regions(p, row);
        for (size_t k = 0; k < r.count; k++) {
            size_t c = by_status_find(regions, n_regions, r.items[k]);
            if (ssc_table_add_to(out, t, (int)c, 1.0) != SSC_OK)
                return -1;
        }
    }
    /* the bars count a project once per region; the summary counts each
     * project once, under its status */
    for (size_t i = 0; i < ssc_table_rows(out); i++)
        if (ssc_table_set_row_total(out, (int)i, distinct[i]) != SSC_OK)
            return -1;
    return 0;
}

static int by_status_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                             ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    const char **regions = NULL;
    size_t n_regions = 0;

    ssc_table_set_key_kind(out, SSC_KEY_STATUS);
    if (by_status_regions_present(p, &regions, &n_regions) != 0)
        return ssc_error_set(err, "out of memory");
    int bad = by_status_fill(p, s, out, regions, n_regions);
    free(regions);
    if (bad ||
        ssc_table_set_note(out, zh ? "一个项目在其所涉及的每个地区各计一次，因此某一状态的合计可能"
                                     "超过该状态的项目数。"
                                   : "A project counts once in each region it reaches, so a "
                                     "status may add up to more than its number of projects.") !=
            SSC_OK)
        return ssc_error_set(err, "out of memory");
    return SSC_OK;
}

SSC_METRIC_PLUGIN(by_status, "by-status",
                  .summary = "Projects per status, stacked by region",
                  .version = "1.0",
                  .default_chart = SSC_CHART_STACKED,
                  .compute = by_status_compute);

/* SPDX-License-Identifier: MIT */
/* The tables test-chart.c draws: labels long and short, in English,
 * Chinese and Arabic, values with zeros, negatives and gaps, and the
 * fixtures built from them, each named so that a failure can say which.
 * Every value was chosen by hand for the case that draws it. */
#ifndef SSC_TEST_DRAW_CHART_TABLES_H
#define SSC_TEST_DRAW_CHART_TABLES_H

#include <math.h>

#include "data/refdata.h"
#include "probe.h"
#include "report/table.h"

/* ---- tables for the charts ------------------------------------------------------- */

#define PROJECTS_ZH "\u9879\u76ee\u6570" /* 项目数 */

static const char *const labels_mixed[] = {"Africa", LONG_EN, LONG_ZH, LONG_AR, LONG_WORD,
                                           "<b>not bold</b> & co", "Asia"};
static const double values_mixed[] = {142, 118, 87.5, 23, 0, 12, 4};
#define N_MIXED COUNT_OF(values_mixed)
#define MIXED labels_mixed, values_mixed, N_MIXED
static const char *const labels_zh[] = {LONG_ZH, "\u4e9a\u6d32", "\u975e\u6d32", "\u6b27\u6d32",
                                        "\u5927\u6d0b\u6d32", "\u5317\u7f8e\u6d32",
                                        "\u5176\u4ed6"};
static const double mixed_neg[] = {12, -7.5, 0, 3, -2, 40, 1};
static const double zeros[17] = {0};
static const char *const letters[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"};
static const double counts[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
static const char *const few[] = {"Up", "Down", "Flat"};
static const double few_v[] = {12.5, -7.25, 0};
static const char *const short_labels[] = {"Asia", "Africa", "Europe", "Oceania"};
static const double short_v[] = {19, 17, 9, 5};
static const char *const series_en[] = {"Completed", "Ongoing", "Pipeline"};
static const char *const series_zh[] = {"\u5df2\u5b8c\u6210", "\u8fdb\u884c\u4e2d",
                                        "\u7b79\u5907\u4e2d"}; /* 已完成 进行中 筹备中 */
/* the largest six are 40, 25, 19, 12, 9 and the first 7 (row 2, before
 * row 7's equal 7); the rest is 7 + 3 + 2 + 1 = 13, worked by hand */
static const double v10[] = {12, 40, 7, 3, 25, 9, 19, 7, 2, 1};
static const double v7[] = {5, 4, 3, 2, 1, 6, 7};
static const double vmix[] = {5, -3, 0, NAN, 5};
static const char *const goals[] = {"1",  "2",  "3",  "4",  "5",  "6",  "7",  "8", "9",
                                    "10", "11", "12", "13", "14", "15", "16", "17"};
/* goal 5 has none (a row with 0), goal 11 no row at all */
static const double sdg_v[17] = {15, 16, 8, 5, 0, 4, 10, 11, 11, 2, NAN, 3, 9, 7, 13, 1, 36};
static const double sdg_pdf[17] = {1, 2, 3, 0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
static const char *const map_keys[] = {"KEN", "MMR", "NPL", "CHN", "BRA", "PSE", "HKG", "FJI"};
static const double map_v[] = {8, 7, 6, 0, 2, 3, 1, -4};
static const char *const pdf_keys[] = {"KEN", "CHN", "PSE"};

/* A table of n rows keyed k0, k1, ...: row i is labelled labels[i % wrap]
 * and has values[i % wrap] * (k + 1) in number column k, so that stacked
 * and grouped bars see several series with the sign of values[i]. */
static inline ssc_table *test_series(ssc_unit unit, const char *const *columns, size_t n_cols,
                              const char *const *labels, const double *values, size_t n,
                              size_t wrap)
{
    ssc_table *t = ssc_table_new();
    CHECK(t != NULL);
    if (!t)
        return NULL;
    for (size_t k = 0; k < n_cols; k++)
        ssc_table_add_column(t, columns[k], SSC_COLUMN_NUMBER, unit);
    for (size_t i = 0; i < n; i++) {
        char key[32];
        snprintf(key, sizeof key, "k%zu", i);
        int r = ssc_table_row(t, key);
        ssc_table_set_label(t, r, labels[i % wrap]);
        for (size_t k = 0; k < n_cols; k++)
            ssc_table_add_to(t, r, (int)k, values[i % wrap] * (double)(k + 1));
    }
    CHECK(!ssc_table_failed(t));
    return t;
}

static inline ssc_table *test_table(const char *column, ssc_unit unit, const char *const *labels,
                             const double *values, size_t n)
{
    return test_series(unit, &column, 1, labels, values, n, n ? n : 1);
}

static inline ssc_table *test_series_table(const char *const *labels, const double *values, size_t n,
                                    const char *const *columns, size_t n_cols)
{
    return test_series(SSC_UNIT_COUNT, columns, n_cols, labels, values, n, N_MIXED);
}

/* A table keyed by keys[0..n) (labelled by the key) with one number
 * column; a key whose value is NAN gets no row at all. */
static inline ssc_table *test_keyed_table(ssc_key_kind kind, const char *column,
                                   const char *const *keys, const double *values, size_t n)
{
    ssc_table *t = ssc_table_new();
    CHECK(t != NULL);
    if (!t)
        return NULL;
    ssc_table_set_key_kind(t, kind);
    ssc_table_add_column(t, column, SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    for (size_t i = 0; i < n; i++)
        if (!isnan(values[i]))
            ssc_table_add_to(t, ssc_table_row(t, keys[i]), 0, values[i]);
    CHECK(!ssc_table_failed(t));
    return t;
}

/* 200 rows, none keyed for the chart: for a donut, all but six go to
 * "Other"; for the SDG grid only 17 are goals, the rest not drawn; for the
 * map 200 countries, some without a tile, in US$ with fractions. */
enum { MANY_ROWS, MANY_SDGS, MANY_COUNTRIES, MANY_AMOUNTS };
static inline ssc_table *test_200_rows(int what)
{
    ssc_table *t = ssc_table_new();
    int usd = what == MANY_AMOUNTS;
    ssc_table_add_column(t, usd ? "Budget" : "Projects", SSC_COLUMN_NUMBER,
                         usd ? SSC_UNIT_USD : SSC_UNIT_COUNT);
    for (int i = 0; i < 200; i++) {
        char key[16];
        double v;
        if (what == MANY_ROWS) {
            snprintf(key, sizeof key, "row %d", i);
            v = 1 + i % 13;
        } else if (what == MANY_SDGS) {
            snprintf(key, sizeof key, "%d", i < 17 ? i + 1 : 1000 + i);
            v = -3.0 + i % 7;
        } else {
            snprintf(key, sizeof key, "%s", ssc_country_at((size_t)i)->alpha3);
            v = usd ? 1234.5 * (double)i : (double)(i % 40);
        }
        ssc_table_add_to(t, ssc_table_row(t, key), 0, v);
    }
    return t;
}

/* The tables charts are drawn from, built afresh for each row naming one:
 * X(id, expression building it) makes FX_<id>, named <id> in messages. */
#define FIXTURES(X)                                                                               \
    X(PROJECTS, test_table("Projects", SSC_UNIT_COUNT, MIXED))                                    \
    X(TWO_COLUMNS, test_add_column(fixture(FX_PROJECTS), "Completed", SSC_COLUMN_NUMBER))         \
    X(BUDGET, test_table("Budget", SSC_UNIT_USD, MIXED))                                          \
    X(CHANGE, test_table("Change", SSC_UNIT_PERCENT, few, few_v, 3))                              \
    X(EMPTY, test_table("Projects", SSC_UNIT_COUNT, NULL, NULL, 0))                               \
    X(SIX, test_table("n", SSC_UNIT_COUNT, letters, counts, 6))                                   \
    X(TWELVE, test_table("n", SSC_UNIT_COUNT, letters, counts, 12))                               \
    X(TEN, test_table("Projects", SSC_UNIT_COUNT, letters, v10, 10))                              \
    X(SERIES, test_series_table(labels_mixed, values_mixed, N_MIXED, series_en, 3))               \
    X(SERIES_ZH, test_series_table(labels_mixed, values_mixed, N_MIXED, series_zh, 3))            \
    X(SERIES_200, test_series_table(labels_mixed, values_mixed, 200, series_en, 3))               \
    X(SERIES_NEG, test_series_table(labels_mixed, mixed_neg, N_MIXED, series_en, 2))              \
    X(SERIES_ZERO, test_series_table(labels_mixed, zeros, N_MIXED, series_en, 3))                 \
    X(SERIES_ONE, test_series_table(labels_mixed, values_mixed, N_MIXED, series_en, 1))           \
    X(SERIES_NONE, test_series_table(labels_mixed, values_mixed, 0, series_en, 3))                \
    X(SERIES_6, test_series_table(labels_mixed, values_mixed, 6, series_en, 3))                   \
    X(SERIES_12, test_series_table(labels_mixed, values_mixed, 12, series_en, 3))                 \
    X(SERIES_18, test_series_table(labels_mixed, values_mixed, 18, series_en, 3))                 \
    X(FEW, test_series_table(short_labels, short_v, 4, series_en, 2))                             \
    X(DONUT_ZH, test_table(PROJECTS_ZH, SSC_UNIT_COUNT, labels_zh, values_mixed, N_MIXED))        \
    X(DONUT_NEG, test_table("Change", SSC_UNIT_COUNT, labels_mixed, mixed_neg, N_MIXED))          \
    X(DONUT_ZERO, test_table("Projects", SSC_UNIT_COUNT, labels_mixed, zeros, N_MIXED))           \
    X(DONUT_200, test_200_rows(MANY_ROWS))                                                        \
    X(SDG, test_keyed_table(SSC_KEY_SDG, "Projects", goals, sdg_v, 17))                           \
    X(SDG_ZERO, test_keyed_table(SSC_KEY_SDG, "Projects", goals, zeros, 17))                      \
    X(SDG_NONE, test_keyed_table(SSC_KEY_SDG, "Projects", goals, zeros, 0))                       \
    X(SDG_200, test_200_rows(MANY_SDGS))                                                          \
    X(SDG_PDF, test_keyed_table(SSC_KEY_SDG, "Projects", goals, sdg_pdf, 17))                     \
    X(MAP, test_keyed_table(SSC_KEY_COUNTRY, "Projects", map_keys, map_v, 8))                     \
    X(MAP_ZH, test_keyed_table(SSC_KEY_COUNTRY, PROJECTS_ZH, map_keys, map_v, 8))                 \
    X(MAP_ZERO, test_keyed_table(SSC_KEY_COUNTRY, "Projects", map_keys, zeros, 8))                \
    X(MAP_NONE, test_keyed_table(SSC_KEY_COUNTRY, "Projects", map_keys, map_v, 0))                \
    X(MAP_200, test_200_rows(MANY_COUNTRIES))                                                     \
    X(MAP_USD, test_200_rows(MANY_AMOUNTS))                                                       \
    X(MAP_PDF, test_keyed_table(SSC_KEY_COUNTRY, "Projects", pdf_keys, sdg_pdf, 3))               \
    X(PAGES_TEXT, test_add_column(test_pages_table(), "Partners", SSC_COLUMN_TEXT))

#define FX_ENUM(id, make) FX_##id,
#define FX_NAME(id, make) #id,
#define FX_CASE(id, make) case FX_##id: return make;
typedef enum { FIXTURES(FX_ENUM) N_FIXTURES } fixture_id;
static const char *const fixture_names[] = {FIXTURES(FX_NAME)};

static inline ssc_table *fixture(fixture_id id)
{
    switch (id) {
        FIXTURES(FX_CASE)
    case N_FIXTURES:
        break;
    }
    return NULL;
}

static const char *const kind_names[] = {
    [SSC_CHART_DEFAULT] = "default", [SSC_CHART_BAR] = "bar",     [SSC_CHART_HBAR] = "hbar",
    [SSC_CHART_LINE] = "line",       [SSC_CHART_TABLE] = "table", [SSC_CHART_CUSTOM] = "custom",
    [SSC_CHART_STACKED] = "stacked", [SSC_CHART_GROUPED] = "grouped",
    [SSC_CHART_DONUT] = "donut",     [SSC_CHART_SDG_GRID] = "sdg-grid",
    [SSC_CHART_TILE_MAP] = "tile-map"};


#endif

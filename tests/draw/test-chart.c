/* SPDX-License-Identifier: MIT */
/* Drawing: nice axes, number formats, text layout, the canvas verbs and
 * every chart kind.
 *
 * Charts are drawn on transparent image surfaces at one pixel per point,
 * in boxes with whole-number edges, so "nothing outside the box" is exact:
 * every pixel outside must still be fully transparent.  Overflow of long
 * labels inside the box is found by drawing a chart twice with only one
 * label changed and checking where the pixels differ.
 *
 * Cases that repeat are rows of a table, checked by one loop; CHECK_ROW
 * names the row in a failure's message, as __LINE__ points at the loop. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>

#include "draw/charts/kinds.h"
#include "../check.h"
#include "probe.h"
#include "data/refdata.h"
#include "report/table.h"

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

/* ---- nice axes ------------------------------------------------------------- */

/* Worked by hand: the raw step (max - min) / ticks, rounded up to 1, 2 or 5
 * times a power of ten, then the range rounded out to it.
 * A row: ssc_axis_nice(min, max, ticks) gives lo..hi in steps of step. */
static const struct axis_case { double min, max; int ticks; double lo, hi, step; } axis_cases[] = {
    {0, 47, 5, 0, 50, 10},                  /* 9.4 -> 10: 0..50 in 5 */
    {0, 100, 5, 0, 100, 20},                /* 20 exactly */
    {0, 8, 4, 0, 8, 2},                     /* 2 exactly */
    {0, 142, 6, 0, 150, 50},                /* 23.7 -> 50 (20 needs 8) */
    {0, 142, 5, 0, 150, 50},
    {0, 88, 6, 0, 100, 20},                 /* 14.7 -> 20: 0..100 in 5 */
    {0, 1, 5, 0, 1, 0.2},
    {0, 0, 5, 0, 1, 0.2},                   /* all zero: 0..1 */
    {3, 3, 5, 0, 3, 1},                     /* one value reaches to zero */
    {-4, -4, 4, -4, 0, 1},
    {0, 12500000, 5, 0, 15000000, 5000000},
    {-15, 12.5, 6, -15, 15, 5},             /* 4.58 -> 5 */
    {0, 47, 1, 0, 50, 50},
    {-1, 1, 1, -1, 1, 1},                   /* across zero: two intervals at least */
    {47, 0, 5, 0, 50, 10},                  /* swapped bounds */
    {0, 47, 0, 0, 50, 50},                  /* ticks < 1 means 1 */
    {0.3, 0.7, 4, 0.3, 0.7, 0.1},
    {NAN, 5, 5, 0, 1, 1},
};

static void test_axis(void)
{
    for (size_t i = 0; i < COUNT_OF(axis_cases); i++) {
        const struct axis_case *r = &axis_cases[i];
        double l = -1, h = -1, s = -1;
        ssc_axis_nice(r->min, r->max, r->ticks, &l, &h, &s);
        CHECK_ROW("axis(%g, %g, %d) gave %g..%g step %g, expected %g..%g step %g", r->min, r->max,
                  r->ticks, l, h, s, r->lo, r->hi, r->step);
        CHECK(fabs(l - r->lo) < 1e-9 && fabs(h - r->hi) < 1e-9 && fabs(s - r->step) < 1e-9);
    }
    CHECK_ROW_END();

    /* Properties over many ranges: covers the data, at most `ticks`
     * intervals, a 1-2-5 step. */
    int bad = 0;
    for (int i = 1; i < 400; i++) {
        double max = i * 7.3, min = (i % 3 == 0) ? -i * 2.1 : 0.0, lo, hi, step;
        int ticks = 2 + i % 6;
        ssc_axis_nice(min, max, ticks, &lo, &hi, &step);
        double m = step / pow(10.0, floor(log10(step) + 1e-9));
        int n = (int)floor((hi - lo) / step + 0.5);
        if (lo > min + 1e-9 || hi < max - 1e-9 || n > ticks ||
            !(fabs(m - 1) < 1e-6 || fabs(m - 2) < 1e-6 || fabs(m - 5) < 1e-6))
            bad++;
    }
    CHECK_INT(bad, 0);
}

/* ---- number formats ------------------------------------------------------------ */

/* A row: value in unit, for lang, is printed as expected. */
static const struct format_case { double v; ssc_unit unit; const char *lang, *want; } formats[] = {
    {1234567, SSC_UNIT_COUNT, "en", "1,234,567"},
    {0, SSC_UNIT_COUNT, "en", "0"},
    {999, SSC_UNIT_COUNT, "en", "999"},
    {1000, SSC_UNIT_COUNT, "en", "1,000"},
    {100000, SSC_UNIT_COUNT, "en", "100,000"},
    {0.5, SSC_UNIT_COUNT, "en", "0.5"},
    {12.25, SSC_UNIT_COUNT, "en", "12.3"}, /* 122.5 tenths, half away from zero */
    {2.96, SSC_UNIT_COUNT, "en", "3"},     /* rounds to whole: no ".0" */
    {1234.5, SSC_UNIT_COUNT, "en", "1,234.5"},
    {-1234.5, SSC_UNIT_COUNT, "en", "-1,234.5"},
    {-7, SSC_UNIT_COUNT, "en", "-7"},
    {-0.04, SSC_UNIT_COUNT, "en", "0"},    /* never "-0" */
    {1e18, SSC_UNIT_COUNT, "en", "1,000,000,000,000,000,000"},
    {NAN, SSC_UNIT_COUNT, "en", "\u2013"},
    {INFINITY, SSC_UNIT_USD, "en", "\u2013"},
    /* money, worked by hand: three significant digits past a million in
     * English, tenths of 万 and 亿 in Chinese, cents only below a thousand */
    {1234567, SSC_UNIT_USD, "en", "US$1.23 million"},
    {1234567, SSC_UNIT_USD, "zh", "123.5万美元"},
    {2694000, SSC_UNIT_USD, "en", "US$2.69 million"},
    {2694000, SSC_UNIT_USD, "zh", "269.4万美元"},
    {320000000, SSC_UNIT_USD, "en", "US$320 million"},
    {320000000, SSC_UNIT_USD, "zh", "3.2亿美元"},
    {1.5e9, SSC_UNIT_USD, "en", "US$1.5 billion"},
    {10500000, SSC_UNIT_USD, "en", "US$10.5 million"},
    {999999, SSC_UNIT_USD, "en", "US$1 million"},   /* 1.00 million, not 1,000 thousand */
    {999499, SSC_UNIT_USD, "en", "US$999,499"},
    {45000, SSC_UNIT_USD, "en", "US$45,000"},
    {45000, SSC_UNIT_USD, "zh", "4.5万美元"},
    {10000, SSC_UNIT_USD, "zh", "1万美元"},
    {9999, SSC_UNIT_USD, "zh", "9,999美元"},
    {95000000, SSC_UNIT_USD, "zh", "9,500万美元"},
    {99999600, SSC_UNIT_USD, "zh", "1亿美元"},      /* not 10,000万 */
    {-500, SSC_UNIT_USD, "en", "-US$500"},
    {-45000, SSC_UNIT_USD, "zh", "-4.5万美元"},
    {2500.5, SSC_UNIT_USD, "en", "US$2,501"},        /* no cents at a thousand or more */
    {12.5, SSC_UNIT_USD, "en", "US$12.50"},
    {12.5, SSC_UNIT_USD, "zh", "12.50美元"},
    {0.004, SSC_UNIT_USD, "en", "US$0"},
    {1234567, SSC_UNIT_USD, NULL, "US$1.23 million"},
    {12.5, SSC_UNIT_PERCENT, "en", "12.5%"},
    {12.5, SSC_UNIT_PERCENT, "zh", "12.5%"},
    {100, SSC_UNIT_PERCENT, "en", "100%"},
    {33.333, SSC_UNIT_PERCENT, "en", "33.3%"},
    {1234, SSC_UNIT_COUNT, "zh", "1,234"},
};

static void test_format(void)
{
    char buf[128], small[4];

    for (size_t i = 0; i < COUNT_OF(formats); i++) {
        const struct format_case *r = &formats[i];
        CHECK_ROW("format(%g, unit %d, %s)", r->v, (int)r->unit, r->lang ? r->lang : "NULL");
        CHECK_STR(ssc_format_number(buf, sizeof buf, r->v, r->unit, r->lang), r->want);
    }
    CHECK_ROW_END();
    /* a short buffer is cut, still terminated */
    CHECK_STR(ssc_format_number(small, sizeof small, 1234567, SSC_UNIT_COUNT, "en"), "1,2");
}

/* Neighbouring series must stay apart in greyscale: their lightness (CIE
 * L*, from relative luminance) differs by at least 15. */
static double test_lightness(unsigned long rgb)
{
    double ch[3], y;
    for (int i = 0; i < 3; i++) {
        double c = ((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;
        ch[i] = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
    }
    y = 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
    return y > 0.008856 ? 116.0 * cbrt(y) - 16.0 : 903.3 * y;
}

/* ---- tables for the charts ------------------------------------------------------- */

#define LONG_ZH                                                                             \
    "\u5357\u5357\u5408\u4f5c\u519c\u4e1a\u6280\u672f\u793a\u8303\u4e2d\u5fc3\u5efa\u8bbe" \
    "\u9879\u76ee\u4e0e\u53ef\u6301\u7eed\u53d1\u5c55\u76ee\u6807\u76d1\u6d4b\u80fd\u529b" \
    "\u5efa\u8bbe\u53ca\u5168\u7403\u4f19\u4f34\u5173\u7cfb\u5408\u4f5c\u7814\u7a76\u4e0e" \
    "\u4eba\u5458\u57f9\u8bad\u4e2d\u5fc3\u6570\u636e\u5171\u4eab\u5e73\u53f0"
#define LONG_AR                                                                           \
    "\u0645\u0634\u0631\u0648\u0639 \u062a\u0639\u0632\u064a\u0632 " \
    "\u0627\u0644\u0642\u062f\u0631\u0627\u062a \u0641\u064a \u0645\u062c\u0627\u0644 " \
    "\u0627\u0644\u0645\u064a\u0627\u0647 \u0648\u0627\u0644\u0635\u0631\u0641 " \
    "\u0627\u0644\u0635\u062d\u064a \u0641\u064a " \
    "\u0627\u0644\u0645\u0646\u0627\u0637\u0642 " \
    "\u0627\u0644\u0631\u064a\u0641\u064a\u0629"
#define LONG_WORD "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
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
static ssc_table *test_series(ssc_unit unit, const char *const *columns, size_t n_cols,
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

static ssc_table *test_table(const char *column, ssc_unit unit, const char *const *labels,
                             const double *values, size_t n)
{
    return test_series(unit, &column, 1, labels, values, n, n ? n : 1);
}

static ssc_table *test_series_table(const char *const *labels, const double *values, size_t n,
                                    const char *const *columns, size_t n_cols)
{
    return test_series(SSC_UNIT_COUNT, columns, n_cols, labels, values, n, N_MIXED);
}

/* A table keyed by keys[0..n) (labelled by the key) with one number
 * column; a key whose value is NAN gets no row at all. */
static ssc_table *test_keyed_table(ssc_key_kind kind, const char *column,
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
static ssc_table *test_200_rows(int what)
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

static ssc_table *fixture(fixture_id id)
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

/* ---- every kind in every box ----------------------------------------------------- */

static const ssc_box old_boxes[] = {{50, 40, 400, 300}, {37, 61, 211, 97}, {10, 10, 120, 40}};
static const ssc_box new_boxes[] = {{50, 40, 483, 300}, {37, 61, 211, 97}, {10, 10, 120, 40},
                                    {20, 20, 560, 660}};
#define EACH(set) set, COUNT_OF(set)
#define ONE(set, i) &set[i], 1
#define BOX(x, y, w, h) &(const ssc_box){x, y, w, h}, 1
#define BAR_HBAR_LINE {SSC_CHART_BAR, SSC_CHART_HBAR, SSC_CHART_LINE}
#define STACKED_GROUPED {SSC_CHART_STACKED, SSC_CHART_GROUPED}

/* A row: kinds drawn from fx in lang, in each box, give rc, the message containing why.
 * SSC_OK also means ink inside the box and none outside it; why NULL: no error asked. */
static const struct draw_case {
    ssc_chart_kind kinds[3];
    fixture_id fx;
    const char *lang;
    const ssc_box *boxes;
    size_t n_boxes;
    int rc;
    const char *why;
} draw_cases[] = {
    {BAR_HBAR_LINE, FX_TWO_COLUMNS, "en", EACH(old_boxes), SSC_OK, NULL},
    {BAR_HBAR_LINE, FX_BUDGET, "zh", ONE(old_boxes, 0), SSC_OK, NULL},
    {BAR_HBAR_LINE, FX_BUDGET, "en", ONE(old_boxes, 1), SSC_OK, NULL},
    {BAR_HBAR_LINE, FX_CHANGE, "en", ONE(old_boxes, 1), SSC_OK, NULL},
    {BAR_HBAR_LINE, FX_EMPTY, "en", ONE(old_boxes, 0), SSC_OK, NULL}, /* says so, inside the box */
    {STACKED_GROUPED, FX_SERIES, "en", EACH(new_boxes), SSC_OK, NULL},
    {STACKED_GROUPED, FX_SERIES_ZH, "zh", EACH(new_boxes), SSC_OK, NULL},
    {STACKED_GROUPED, FX_SERIES_200, "en", EACH(new_boxes), SSC_OK, NULL},
    {STACKED_GROUPED, FX_SERIES_NEG, "en", EACH(new_boxes), SSC_OK, NULL},
    {STACKED_GROUPED, FX_SERIES_ZERO, "en", EACH(new_boxes), SSC_OK, NULL},
    {STACKED_GROUPED, FX_SERIES_ONE, "en", EACH(new_boxes), SSC_OK, NULL},
    /* "No data", inside the box */
    {STACKED_GROUPED, FX_SERIES_NONE, "en", ONE(new_boxes, 0), SSC_OK, NULL},
    {STACKED_GROUPED, FX_SERIES_NONE, "zh", ONE(new_boxes, 0), SSC_OK, NULL},
    {{SSC_CHART_DONUT}, FX_TEN, "en", BOX(20, 20, 483, 260), SSC_OK, NULL}, /* with "Other" */
    {{SSC_CHART_DONUT}, FX_PROJECTS, "en", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_DONUT}, FX_DONUT_ZH, "zh", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_DONUT}, FX_BUDGET, "zh", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_DONUT}, FX_DONUT_NEG, "en", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_DONUT}, FX_DONUT_ZERO, "en", EACH(new_boxes), SSC_OK, NULL}, /* no data */
    {{SSC_CHART_DONUT}, FX_DONUT_200, "en", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_DONUT}, FX_EMPTY, "en", ONE(new_boxes, 0), SSC_OK, NULL},
    {{SSC_CHART_SDG_GRID}, FX_SDG, "en", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_SDG_GRID}, FX_SDG, "zh", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_SDG_GRID}, FX_SDG_ZERO, "en", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_SDG_GRID}, FX_SDG_200, "en", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_SDG_GRID}, FX_SDG_NONE, "en", ONE(new_boxes, 0), SSC_OK, NULL},
    {{SSC_CHART_TILE_MAP}, FX_MAP, "en", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_TILE_MAP}, FX_MAP_ZH, "zh", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_TILE_MAP}, FX_MAP_ZERO, "en", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_TILE_MAP}, FX_MAP_200, "en", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_TILE_MAP}, FX_MAP_USD, "zh", EACH(new_boxes), SSC_OK, NULL},
    {{SSC_CHART_TILE_MAP}, FX_MAP_NONE, "en", ONE(new_boxes, 0), SSC_OK, NULL},
    {{SSC_CHART_TABLE}, FX_PAGES_TEXT, "en", BOX(20, 20, 500, 600), SSC_OK, NULL},
    {{SSC_CHART_TABLE}, FX_PAGES_TEXT, "zh", BOX(20, 20, 500, 600), SSC_OK, NULL},
    /* long labels of every script, clipped into a narrow box */
    {{SSC_CHART_TABLE}, FX_PROJECTS, "en", BOX(33, 47, 180, 400), SSC_OK, NULL},
    /* the kinds the engine does not draw are refused, not guessed */
    {{SSC_CHART_CUSTOM}, FX_SIX, "en", BOX(0, 0, 400, 400), SSC_ERR, NULL},
    /* a whole table in one box too small for it */
    {{SSC_CHART_TABLE}, FX_PAGES_TEXT, "en", BOX(30, 30, 400, 40), SSC_ERR, NULL},
    {{SSC_CHART_SDG_GRID}, FX_PROJECTS, "en", BOX(10, 10, 483, 300), SSC_ERR, "keyed by SDG"},
    {{SSC_CHART_TILE_MAP}, FX_PROJECTS, "en", BOX(10, 10, 560, 600), SSC_ERR, "country codes"},
};

/* Draws row r's kind k from t into box and checks what the row expects. */
static void test_draw_case(const struct draw_case *r, size_t k, const ssc_table *t, ssc_box box)
{
    test_probe p;
    ssc_error err;

    ssc_error_clear(&err);
    if (test_open(&p, r->lang, box) != 0) {
        CHECK(0);
        return;
    }
    int rc = ssc_chart_draw(&p.c, t, r->kinds[k], r->rc == SSC_OK || r->why ? &err : NULL);
    CHECK_INT(rc, r->rc);
    if (r->why)
        CHECK(strstr(err.message, r->why) != NULL);
    if (rc != r->rc || (r->why && !strstr(err.message, r->why)))
        fprintf(stderr, "  the message: %s\n", err.message);
    if (r->rc == SSC_OK) {
        long outside = test_count(&p, box, 0), inside = test_count(&p, box, 1);
        CHECK_INT(cairo_status(p.cr), CAIRO_STATUS_SUCCESS);
        CHECK_INT(outside, 0);
        CHECK(inside > 50);
        if (outside != 0 || inside <= 50)
            fprintf(stderr, "  %ld pixels outside, %ld inside\n", outside, inside);
    }
    test_close(&p);
}

static void test_draw_cases(void)
{
    for (size_t i = 0; i < COUNT_OF(draw_cases); i++) {
        const struct draw_case *r = &draw_cases[i];
        ssc_table *t = fixture(r->fx);
        for (size_t k = 0; t && k < COUNT_OF(r->kinds) && r->kinds[k]; k++)
            for (size_t b = 0; b < r->n_boxes; b++) {
                ssc_box box = r->boxes[b];
                CHECK_ROW("%s from %s in %s, box {%g, %g, %g, %g}", kind_names[r->kinds[k]],
                          fixture_names[r->fx], r->lang, box.x, box.y, box.w, box.h);
                test_draw_case(r, k, t, box);
            }
        ssc_table_free(t);
    }
    CHECK_ROW_END();
}

/* Draws t twice, the second time with row `row` relabelled, and returns
 * the bounding box of the pixels that differ ({0,0,-1,-1} when none). */
static ssc_box test_label_ink(const char *const *labels, const double *values, size_t n,
                              size_t row, const char *other, ssc_chart_kind kind, ssc_box box)
{
    test_probe a, b;
    ssc_box ink = {0, 0, -1, -1};
    int x0 = SURFACE_W, y0 = SURFACE_H, x1 = -1, y1 = -1;
    ssc_table *t1 = test_table("Projects", SSC_UNIT_COUNT, labels, values, n);
    ssc_table *t2 = test_table("Projects", SSC_UNIT_COUNT, labels, values, n);

    if (!t1 || !t2 || test_open(&a, "en", box) != 0 || test_open(&b, "en", box) != 0) {
        CHECK(0);
        return ink;
    }
    ssc_table_set_label(t2, (int)row, other);
    CHECK_INT(ssc_chart_draw(&a.c, t1, kind, NULL), SSC_OK);
    CHECK_INT(ssc_chart_draw(&b.c, t2, kind, NULL), SSC_OK);
    cairo_surface_flush(a.s);
    cairo_surface_flush(b.s);
    for (int y = 0; y < SURFACE_H; y++)
        for (int x = 0; x < SURFACE_W; x++)
            if (test_pixel(&a, x, y) != test_pixel(&b, x, y)) {
                x0 = x < x0 ? x : x0;
                x1 = x > x1 ? x : x1;
                y0 = y < y0 ? y : y0;
                y1 = y > y1 ? y : y1;
            }
    if (x1 >= 0)
        ink = (ssc_box){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    test_close(&a);
    test_close(&b);
    ssc_table_free(t1);
    ssc_table_free(t2);
    return ink;
}

static void test_long_labels(void)
{
    const ssc_box box = {40, 40, 400, 200};
    ssc_box ink;

    /* Horizontal bars: a long label stays in the label column, at most
     * 35% of the width, whatever its script.  A row: the second label.
     * Rows are as tall as their longest name wraps, so the label is
     * compared with a twin of the same shape (its first character
     * changed: 南 to 北, A to B), which moves no other pixel. */
    static const char *const long_labels[][2] = {
        {LONG_ZH, "\u5317" /* 北 */}, {LONG_WORD, "B"}};
    for (size_t i = 0; i < COUNT_OF(long_labels); i++) {
        const char *label = long_labels[i][0], *first = long_labels[i][1];
        size_t skip = strlen(first);
        char twin[512];
        const char *labels[N_MIXED];
        snprintf(twin, sizeof twin, "%s%s", first, label + skip);
        memcpy(labels, labels_mixed, sizeof labels);
        labels[1] = label;
        CHECK_ROW("hbar, second label \"%.12s...\"", label);
        ink = test_label_ink(labels, values_mixed, N_MIXED, 1, twin, SSC_CHART_HBAR, box);
        CHECK(ink.w > 0);
        CHECK(ink.x >= box.x && ink.x + ink.w <= box.x + 0.35 * box.w + 1);
    }
    CHECK_ROW_END();

    /* Columns, three of them, so labels wrap in their slot: the middle
     * label stays in the middle third (the tick labels take < 20 pt).
     * Both middle labels are long Chinese ones, cut to the same number of
     * lines of the CJK face: a Latin label's lines are lower (Noto Sans),
     * and a lower label band would move every bar, not only the label. */
    static const char *const three[] = {"Africa", PROJECTS_ZH LONG_ZH, "Asia"};
    static const double tv[] = {142, 118, 87};
    const ssc_box cbox = {40, 40, 360, 260};
    ink = test_label_ink(three, tv, 3, 1, LONG_ZH, SSC_CHART_BAR, cbox);
    CHECK(ink.w > 0);
    CHECK(ink.x >= cbox.x + cbox.w / 3.0 - 1);
    CHECK(ink.x + ink.w <= cbox.x + 2.0 * cbox.w / 3.0 + 20);
    /* and below the bars: the lower third of the box */
    CHECK(ink.y >= cbox.y + cbox.h * 0.6);
}

/* ---- heights ------------------------------------------------------------------- */

static double test_height(ssc_canvas *c, fixture_id fx, ssc_chart_kind kind, double w)
{
    ssc_table *t = fixture(fx);
    double h = t ? ssc_chart_height(c, t, kind, w) : NAN;
    ssc_table_free(t);
    return h;
}

/* A row: the height kind asks for to draw fx at width w is cmp (>, >= or <) the bound. */
static const struct height_case {
    ssc_chart_kind kind;
    fixture_id fx;
    double w;
    const char *cmp;
    double bound;
} height_cases[] = {
    {SSC_CHART_HBAR, FX_SIX, 400, ">", 6 * SSC_HBAR_ROW},
    {SSC_CHART_BAR, FX_SIX, 400, ">", 150},
    {SSC_CHART_LINE, FX_SIX, 400, ">", 140},
    {SSC_CHART_BAR, FX_SIX, 400, "<", 400},
    /* the donut is a fixed figure on a wide page */
    {SSC_CHART_DONUT, FX_PROJECTS, 483, ">", 200},
    {SSC_CHART_DONUT, FX_PROJECTS, 483, "<", 280},
    /* three rows of square tiles, up to a cap */
    {SSC_CHART_SDG_GRID, FX_SDG, 483, ">", 200},
    {SSC_CHART_SDG_GRID, FX_SDG, 483, "<", 260},
    {SSC_CHART_SDG_GRID, FX_SDG, 2000, "<", 320},
    /* the tile map's natural height: the grid's 21 rows of width / 28 */
    {SSC_CHART_TILE_MAP, FX_MAP_ZERO, 560, ">=", 560.0 * 21 / 28},
    {SSC_CHART_TILE_MAP, FX_MAP_ZERO, 560, "<", 560.0 * 21 / 28 + 40},
};

static void test_chart_heights(void)
{
    test_probe p;

    if (test_open(&p, "en", (ssc_box){0, 0, 483, 400}) != 0)
        return;
    for (size_t i = 0; i < COUNT_OF(height_cases); i++) {
        const struct height_case *r = &height_cases[i];
        double h = test_height(&p.c, r->fx, r->kind, r->w);
        CHECK_ROW("%s from %s at %g is %g, not %s %g", kind_names[r->kind], fixture_names[r->fx],
                  r->w, h, r->cmp, r->bound);
        CHECK(strcmp(r->cmp, ">") == 0    ? h > r->bound
              : strcmp(r->cmp, ">=") == 0 ? h >= r->bound
                                          : h < r->bound);
    }
    CHECK_ROW_END();

    /* bars grow by one row pitch per row */
    double h6 = test_height(&p.c, FX_SIX, SSC_CHART_HBAR, 400);
    double h12 = test_height(&p.c, FX_TWELVE, SSC_CHART_HBAR, 400);
    CHECK(fabs((h12 - h6) - 6 * SSC_HBAR_ROW) < 1e-6);
    h6 = test_height(&p.c, FX_SERIES_6, SSC_CHART_STACKED, 483);
    h12 = test_height(&p.c, FX_SERIES_12, SSC_CHART_STACKED, 483);
    double h18 = test_height(&p.c, FX_SERIES_18, SSC_CHART_STACKED, 483);
    CHECK(h12 > h6 && fabs((h18 - h12) - (h12 - h6)) < 1e-6);
    /* grouped: long labels go horizontal, a few short ones stand as columns */
    CHECK(test_height(&p.c, FX_SERIES_6, SSC_CHART_GROUPED, 483) ==
          test_height(&p.c, FX_SERIES_6, SSC_CHART_HBAR, 483));
    CHECK(test_height(&p.c, FX_FEW, SSC_CHART_GROUPED, 483) ==
          test_height(&p.c, FX_FEW, SSC_CHART_BAR, 483));
    /* the donut is taller on a narrow page, its legend under the ring */
    CHECK(test_height(&p.c, FX_PROJECTS, SSC_CHART_DONUT, 230) >
          test_height(&p.c, FX_PROJECTS, SSC_CHART_DONUT, 483));
    /* SDG tiles follow the width */
    double s483 = test_height(&p.c, FX_SDG, SSC_CHART_SDG_GRID, 483);
    CHECK(fabs(s483 / test_height(&p.c, FX_SDG, SSC_CHART_SDG_GRID, 240) - 483.0 / 240.0) < 0.05);
    /* the areas without a tile (Hong Kong) take a line */
    CHECK(test_height(&p.c, FX_MAP, SSC_CHART_TILE_MAP, 560) >
          test_height(&p.c, FX_MAP_ZERO, SSC_CHART_TILE_MAP, 560) + 8);
    test_close(&p);
}

/* ---- the kinds of ABI 1.1 ------------------------------------------------------ */

/* Where stacked bars put negative values: left of zero, positive ones
 * right of it, so a row of -5 and +5 has ink on both sides of the zero
 * line, and a row of only negative values none to its right. */
static void test_stacked_negative(void)
{
    const ssc_box box = {20, 20, 400, 120};
    test_probe p;

    if (test_open(&p, "en", box) != 0) {
        CHECK(0);
        return;
    }
    /* column 0 negative, column 1 positive: the axis runs -10..10 (the
     * totals -5 and +5, rounded out), so zero is in the plot's middle */
    ssc_table *t = ssc_table_new();
    ssc_table_add_column(t, "Out", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    ssc_table_add_column(t, "In", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    int r = ssc_table_row(t, "a");
    ssc_table_set_label(t, r, "a");
    ssc_table_add_to(t, r, 0, -5);
    ssc_table_add_to(t, r, 1, 5);
    CHECK_INT(ssc_chart_draw(&p.c, t, SSC_CHART_STACKED, NULL), SSC_OK);
    /* the row's middle line: palette colour 0 (the negative segment) and
     * colour 1 (the positive one) both appear, column 0's to the left */
    double cy = -1;
    long first0 = -1, first1 = -1;
    uint32_t c0 = 0xFF000000u | (uint32_t)p.theme.palette[0];
    uint32_t c1 = 0xFF000000u | (uint32_t)p.theme.palette[1];
    cairo_surface_flush(p.s);
    for (int y = (int)box.y; y < box.y + box.h && cy < 0; y++)
        for (int x = (int)box.x; x < box.x + box.w; x++)
            if (test_pixel(&p, x, y) == c0) {
                cy = y + 3; /* a few pixels into the bar */
                break;
            }
    CHECK(cy > 0);
    for (int x = (int)box.x; cy > 0 && x < box.x + box.w; x++) {
        uint32_t px = test_pixel(&p, x, (int)cy);
        if (px == c0 && first0 < 0)
            first0 = x;
        if (px == c1 && first1 < 0)
            first1 = x;
    }
    CHECK(first0 >= 0 && first1 >= 0 && first0 < first1);
    test_close(&p);
    ssc_table_free(t);
}

/* A row: the slices, largest first, of `rows` letters a, b, ... with values v, in lang.
 * Worked by hand; `other` when the last slice is the rest, with no row of its own. */
static const struct donut_case {
    const char *lang, *slices;
    const double *v;
    size_t rows;
    double total;
    int other;
} donut_cases[] = {
    {"en", "b=40 e=25 g=19 a=12 f=9 c=7 Other=13", v10, 10, 125, 1},
    {"zh", "b=40 e=25 g=19 a=12 f=9 c=7 \u5176\u4ed6=13", v10, 10, 125, 1}, /* 其他 */
    /* seven rows: seven slices, no "Other" */
    {"en", "g=7 f=6 a=5 b=4 c=3 d=2 e=1", v7, 7, 28, 0},
    /* zero, negative and missing values are no share of a whole; ties
     * keep row order */
    {"en", "a=5 e=5", vmix, 5, 10, 0},
};

static void test_donut_slices(void)
{
    test_probe p;
    ssc_donut_slice sl[SSC_DONUT_MAX_SLICES];
    double total;

    for (size_t i = 0; i < COUNT_OF(donut_cases); i++) {
        const struct donut_case *r = &donut_cases[i];
        const char *s = r->slices;
        size_t k = 0, n = 0;
        char label[32];
        double value;
        int used;

        CHECK_ROW("donut of %zu rows in %s", r->rows, r->lang);
        if (test_open(&p, r->lang, (ssc_box){20, 20, 483, 260}) != 0)
            continue;
        ssc_table *t = test_table("Projects", SSC_UNIT_COUNT, letters, r->v, r->rows);
        total = NAN;
        if (t)
            n = ssc_chart_donut_slices(&p.c, t, sl, &total);
        CHECK(fabs(total - r->total) < 1e-9);
        for (; sscanf(s, " %31[^=]=%lf%n", label, &value, &used) == 2; k++) {
            s += used;
            if (k >= n)
                continue;
            CHECK_ROW("donut of %zu rows in %s, slice %zu, expected %s=%g: %s=%g", r->rows,
                      r->lang, k, label, value, sl[k].label, sl[k].value);
            CHECK_STR(sl[k].label, label);
            CHECK(fabs(sl[k].value - value) < 1e-9);
            CHECK((sl[k].row == (size_t)-1) == (r->other && *s == '\0'));
        }
        CHECK_ROW("donut of %zu rows in %s: %s", r->rows, r->lang, r->slices);
        CHECK_INT(n, k);
        ssc_table_free(t);
        test_close(&p);
    }
    CHECK_ROW_END();

    if (test_open(&p, "en", (ssc_box){20, 20, 483, 260}) != 0)
        return;
    /* "Other" has a colour of its own */
    ssc_table *t = fixture(FX_TEN);
    CHECK_INT(ssc_chart_donut_slices(&p.c, t, sl, &total), 7);
    CHECK(sl[0].colour == p.theme.palette[0]);
    CHECK(sl[6].colour != sl[0].colour && sl[6].colour != sl[5].colour);
    ssc_table_free(t);

    /* a row's colour (an SDG's, a sector's) wins over the palette */
    t = test_table("Projects", SSC_UNIT_COUNT, letters, v7, 2);
    ssc_table_set_colour(t, 1, 0x123456);
    CHECK_INT(ssc_chart_donut_slices(&p.c, t, sl, &total), 2);
    CHECK(sl[0].colour == p.theme.palette[0]); /* row 0 (5) */
    CHECK(sl[1].colour == 0x123456);            /* row 1 (4) */
    ssc_table_free(t);
    test_close(&p);
}

static void test_sdg_grid(void)
{
    /* Tiles in the SDG colours; a goal without projects faded toward
     * white.  A tile's left margin (inside it, clear of its text) shows
     * the fill; the grid is 6 tiles and 5 gaps of 0.075 tile wide. */
    const ssc_box box = {10, 10, 483, 300};
    test_probe p;
    ssc_table *t = fixture(FX_SDG);
    if (test_open(&p, "en", box) == 0) {
        CHECK_INT(ssc_chart_draw(&p.c, t, SSC_CHART_SDG_GRID, NULL), SSC_OK);
        double side = fmin(96.0, box.w / (6 + 5 * 0.075)), gap = side * 0.075;
        cairo_surface_flush(p.s);
        for (int g = 1; g <= 17; g++) {
            int x = (int)(box.x + ((g - 1) % 6) * (side + gap) + 2);
            int y = (int)(box.y + ((g - 1) / 6) * (side + gap) + side / 2);
            unsigned long rgb = test_pixel(&p, x, y) & 0xFFFFFF;
            unsigned long want = ssc_sdg_get(g)->colour;
            CHECK_ROW("goal %d: %06lx, SDG colour %06lx", g, rgb, want);
            if (g == 5 || g == 11)
                CHECK(rgb != want && test_lightness(rgb) > test_lightness(want) + 20);
            else
                CHECK(rgb == want);
        }
        CHECK_ROW_END();
        /* Each coloured tile's foot carries a white bar as long as its
         * value against the largest (36, goal 17): scan the bar's row for
         * white pixels.  Bar: 3% of a tile thick, centred in the bottom
         * margin (half of 8.5%), from the margin over the text width. */
        double pad = side * 0.085, w = side - 2 * pad;
        for (int g = 1; g <= 17; g++) {
            double v = sdg_v[g - 1];
            int x0 = (int)(box.x + ((g - 1) % 6) * (side + gap)), white = 0;
            int y = (int)(box.y + ((g - 1) / 6) * (side + gap) + side - pad * 0.5);
            if (!(v > 0))
                continue;
            for (int x = x0; x < x0 + (int)side; x++)
                white += (test_pixel(&p, x, y) & 0xFFFFFF) == 0xFFFFFF;
            double want = fmax(w * v / 36.0, fmax(1.5, side * 0.03));
            CHECK_ROW("goal %d: bar %d px, want %.1f", g, white, want);
            CHECK(fabs(white - want) <= 2.0);
        }
        CHECK_ROW_END();
        test_close(&p);
    }
    ssc_table_free(t);
}

/* A row: the tile found by len characters of code, and its place, or none (alpha3 NULL). */
static const struct tile_case { const char *code, *alpha3; size_t len; int x, y; } tile_cases[] = {
    {"chn", "CHN", 3, 24, 6},
    {"PSE", "PSE", 3, 17, 11}, /* the project's tile (data/README.md) */
    {"XKX", NULL, 3, 0, 0},    /* no tile of its own: listed under the map */
    {"HKG", NULL, 3, 0, 0},
    {"ATA", NULL, 3, 0, 0},
    {"CH", NULL, 2, 0, 0},
    {"C1N", NULL, 3, 0, 0},
    {NULL, NULL, 3, 0, 0},
};

static void test_tile_grid(void)
{
    int cols = 0, rows = 0, bad = 0;

    ssc_tile_grid_size(&cols, &rows);
    CHECK_INT(cols, 28);
    CHECK_INT(rows, 21); /* Antarctica's row 23 is left out with it */
    CHECK_INT(ssc_tile_count(), 191);
    for (size_t i = 0; i < COUNT_OF(tile_cases); i++) {
        const struct tile_case *r = &tile_cases[i];
        const ssc_tile *a = ssc_tile_by_alpha3(r->code, r->len);
        CHECK_ROW("tile \"%s\", %zu", r->code ? r->code : "(null)", r->len);
        if (r->alpha3)
            CHECK(a && strcmp(a->alpha3, r->alpha3) == 0 && a->x == r->x && a->y == r->y);
        else
            CHECK(a == NULL);
    }
    CHECK_ROW_END();
    CHECK(ssc_tile_at(ssc_tile_count()) == NULL);
    for (size_t i = 0; i < ssc_tile_count(); i++) {
        const ssc_tile *a = ssc_tile_at(i);
        if (!ssc_country_by_alpha3(a->alpha3, 3) || ssc_tile_by_alpha3(a->alpha3, 3) != a ||
            a->x < 1 || a->x > cols || a->y < 1 || a->y > rows)
            bad++;
        if (i > 0 && strcmp(ssc_tile_at(i - 1)->alpha3, a->alpha3) >= 0)
            bad++;
        for (size_t j = 0; j < i; j++)
            if (ssc_tile_at(j)->x == a->x && ssc_tile_at(j)->y == a->y)
                bad++;
    }
    CHECK_INT(bad, 0);
}

/* The colour just inside the top edge of a country's tile, clear of the
 * code in the middle: tiles are 0.88 of the pitch, centred in their cell. */
static unsigned long test_tile_fill(test_probe *p, ssc_box box, const char *alpha3)
{
    const ssc_tile *tile = ssc_tile_by_alpha3(alpha3, 3);
    double pitch = box.w / 28;
    return test_pixel(p, (int)(box.x + (tile->x - 0.5) * pitch),
                      (int)(box.y + (tile->y - 1) * pitch + pitch * 0.06 + 2)) &
           0xFFFFFF;
}

static void test_tile_map(void)
{
    const ssc_box box = {10, 10, 560, 600};
    test_probe p;
    ssc_table *t = fixture(FX_MAP);

    if (t && test_open(&p, "en", box) == 0) {
        /* the largest value in the accent, no value in light grey */
        CHECK_INT(ssc_chart_draw(&p.c, t, SSC_CHART_TILE_MAP, NULL), SSC_OK);
        cairo_surface_flush(p.s);
        unsigned long grey = test_tile_fill(&p, box, "USA"), npl = test_tile_fill(&p, box, "NPL");
        CHECK(test_tile_fill(&p, box, "KEN") == p.theme.accent);
        CHECK(test_lightness(grey) > 85);
        CHECK(test_tile_fill(&p, box, "CHN") == grey); /* zero */
        CHECK(test_tile_fill(&p, box, "FJI") == grey); /* negative: no shade */
        CHECK(test_lightness(npl) > test_lightness(p.theme.accent) + 5);
        CHECK(test_lightness(npl) < test_lightness(grey) - 5);
        test_close(&p);
    }
    ssc_table_free(t);
}

/* ---- text and canvas verbs ---------------------------------------------------- */

/* A row: text measured in width with max_lines keeps to the width, `lines` lines tall.
 * lines < 0: more than -lines lines; 0: any height.  A width or a limit of 0 is none. */
static const struct measure_case {
    const char *name, *text;
    double width;
    int max_lines, lines;
} measure_cases[] = {
    {"invalid markup", "a & b <i", 0, 0, 0}, /* is fine */
    {"English", LONG_EN, 100, 0, -3},
    {"English", LONG_EN, 100, 2, 2},
    {"one word", LONG_WORD, 80, 1, 1},
    {"newlines", "line one\nline two\nline three", 300, 1, 1}, /* do not escape the limit */
    {"Chinese", LONG_ZH, 120, 1, 1},
    {"bad UTF-8", "bad \xff\xfe utf-8", 0, 1, 0},
};

/* A row: text fits width in at most `lines` lines, or does not. */
static const struct fit_case { const char *text; double width; int lines, fits; } fit_cases[] = {
    {"Latin America", 200, 1, 1},
    {LONG_WORD, 60, 3, 0},
};

static void test_text(void)
{
    test_probe p;
    double w, h, one, w2;
    ssc_text_style st = {0};

    if (test_open(&p, "en", (ssc_box){100, 100, 200, 200}) != 0)
        return;
    /* resolution 72: a 10 pt font lays a line out roughly 10-15 units tall */
    st.size = 10;
    ssc_text_measure(&p.c, "Ag", &st, 0, &w, &one);
    CHECK(one > 10 && one < 16);

    /* plain text, never markup: the tags take room */
    ssc_text_measure(&p.c, "<b>x</b>", &st, 0, &w, &h);
    ssc_text_measure(&p.c, "x", &st, 0, &w2, &h);
    CHECK(w > 4 * w2);

    /* wrapping and ellipsizing keep to the width and the line limit */
    for (size_t i = 0; i < COUNT_OF(measure_cases); i++) {
        const struct measure_case *r = &measure_cases[i];
        ssc_text_style line_st = st;
        double line;
        /* a line's height depends on its fonts (Chinese lines, in the CJK
         * face, are higher than Latin ones): the text itself, on one line
         * (no width; max_lines makes newlines spaces), gives it */
        line_st.max_lines = 1;
        ssc_text_measure(&p.c, r->text, &line_st, 0, NULL, &line);
        CHECK(line >= one - 0.01 && line < 2 * one);
        st.max_lines = r->max_lines;
        ssc_text_measure(&p.c, r->text, &st, r->width, &w, &h);
        CHECK_ROW("%s in %g, %d lines at most: %g x %g, a line %g", r->name, r->width,
                  r->max_lines, w, h, line);
        CHECK(w > 0 && (r->width <= 0 || w <= r->width + 0.01));
        if (r->lines > 0)
            CHECK(fabs(h - r->lines * line) < 0.5);
        else if (r->lines < 0)
            CHECK(h > -r->lines * line);
    }
    for (size_t i = 0; i < COUNT_OF(fit_cases); i++) {
        const struct fit_case *r = &fit_cases[i];
        CHECK_ROW("fits \"%.20s\" in %g, %d lines", r->text, r->width, r->lines);
        CHECK(!ssc_text_fits(&p.c, r->text, &st, r->width, r->lines) == !r->fits);
    }
    CHECK_ROW_END();

    /* canvas verbs clip to the box */
    ssc_canvas_fill(&p.c, (ssc_box){50, 50, 400, 400}, 0x336699);
    CHECK_INT(test_count(&p, p.c.box, 0), 0);
    CHECK_INT(test_count(&p, p.c.box, 1), 200 * 200);
    test_close(&p);

    if (test_open(&p, "en", (ssc_box){100, 100, 200, 200}) != 0)
        return;
    ssc_canvas_line(&p.c, 0, 0, 500, 500, 3, 0x000000);
    st.max_lines = 0;
    h = ssc_canvas_text(&p.c, (ssc_box){90, 150, 150, 50}, LONG_EN, &st);
    CHECK(h > 2 * one);
    CHECK_INT(test_count(&p, p.c.box, 0), 0);
    CHECK(test_count(&p, p.c.box, 1) > 200);
    CHECK(ssc_canvas_box(&p.c).w == 200);

    CHECK_STR(ssc_canvas_format(&p.c, 1234567, SSC_UNIT_USD), "US$1.23 million");
    CHECK(ssc_canvas_palette(&p.c, 0) == p.theme.palette[0]);
    CHECK(ssc_canvas_palette(&p.c, p.theme.n_palette + 1) == p.theme.palette[1]);
    cairo_t *cr = ssc_canvas_cairo(&p.c);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_paint(cr);
    CHECK_INT(test_count(&p, p.c.box, 0), 0);
    test_close(&p);
}

static void test_theme(void)
{
    ssc_theme t;
    ssc_theme_default(&t);
    /* Latin first, the CJK face as fallback: an English report without
     * Chinese never loads it; the Chinese edition puts it first */
    CHECK_STR(t.font_body, "Noto Sans, DejaVu Sans, Noto Sans CJK SC");
    CHECK_STR(t.font_heading, "Noto Sans, DejaVu Sans, Noto Sans CJK SC");
    ssc_theme_fonts_for_language(&t, "en");
    CHECK_STR(t.font_body, "Noto Sans, DejaVu Sans, Noto Sans CJK SC");
    ssc_theme_fonts_for_language(&t, "zh");
    CHECK_STR(t.font_body, "Noto Sans CJK SC, Noto Sans, DejaVu Sans");
    CHECK_STR(t.font_heading, "Noto Sans CJK SC, Noto Sans, DejaVu Sans");
    /* a list the settings or the report chose stays as written */
    ssc_theme_default(&t);
    strcpy(t.font_body, "Liberation Sans, Noto Sans CJK SC");
    ssc_theme_fonts_for_language(&t, "zh");
    CHECK_STR(t.font_body, "Liberation Sans, Noto Sans CJK SC");
    CHECK_STR(t.font_heading, "Noto Sans CJK SC, Noto Sans, DejaVu Sans");
    /* the built-in list before DejaVu Sans moved up (an installed
     * settings file may still hold it) is still the built-in one */
    strcpy(t.font_body, "Noto Sans, Noto Sans CJK SC, DejaVu Sans");
    ssc_theme_fonts_for_language(&t, "zh");
    CHECK_STR(t.font_body, "Noto Sans CJK SC, Noto Sans, DejaVu Sans");
    strcpy(t.font_heading, "Noto Sans, Noto Sans CJK SC, DejaVu Sans");
    ssc_theme_fonts_for_language(&t, "en");
    CHECK_STR(t.font_heading, "Noto Sans, DejaVu Sans, Noto Sans CJK SC");
    ssc_theme_default(&t);
    CHECK(fabs(t.page_w - 595.276) < 1e-9 && fabs(t.page_h - 841.89) < 1e-9);
    CHECK_INT(t.n_palette, 8);
    for (size_t i = 1; i < t.n_palette; i++)
        CHECK(fabs(test_lightness(t.palette[i]) - test_lightness(t.palette[i - 1])) >= 15.0);
    CHECK(test_lightness(t.grid) > 80.0); /* gridlines recede */
    CHECK(test_lightness(t.text) < 30.0);
}

static cairo_status_t test_discard(void *closure, const unsigned char *data, unsigned int length)
{
    (void)closure;
    (void)data;
    (void)length;
    return CAIRO_STATUS_SUCCESS;
}

/* A row: a chart on a page of one PDF, pages in order. */
static const struct { int page; ssc_chart_kind kind; fixture_id fx; ssc_box box; } pdf[] = {
    {1, SSC_CHART_BAR, FX_PROJECTS, {56, 56, 483, 230}},
    {1, SSC_CHART_HBAR, FX_PROJECTS, {56, 306, 483, 230}},
    {1, SSC_CHART_LINE, FX_PROJECTS, {56, 556, 483, 230}},
    /* the kinds of ABI 1.1, on pages of their own */
    {2, SSC_CHART_STACKED, FX_PROJECTS, {56, 56, 483, 230}},
    {2, SSC_CHART_GROUPED, FX_PROJECTS, {56, 306, 483, 230}},
    {2, SSC_CHART_DONUT, FX_PROJECTS, {56, 556, 483, 230}},
    {3, SSC_CHART_SDG_GRID, FX_SDG_PDF, {56, 56, 483, 240}},
    {3, SSC_CHART_TILE_MAP, FX_MAP_PDF, {56, 320, 483, 400}},
};

/* The same charts on a PDF surface, finished and checked. */
static void test_pdf(void)
{
    ssc_theme theme;
    ssc_canvas c;
    ssc_error err;
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(test_discard, NULL, 595.276, 841.89);
    cairo_t *cr = cairo_create(s);
    size_t next = 0;
    double used = 0;

    ssc_error_clear(&err);
    ssc_theme_default(&theme);
    CHECK_INT(ssc_canvas_init(&c, cr, &theme, "zh", &err), SSC_OK);
    for (size_t i = 0; i < COUNT_OF(pdf); i++) {
        ssc_table *t = fixture(pdf[i].fx);
        if (i > 0 && pdf[i].page != pdf[i - 1].page)
            cairo_show_page(cr);
        CHECK_ROW("PDF page %d: %s from %s", pdf[i].page, kind_names[pdf[i].kind],
                  fixture_names[pdf[i].fx]);
        c.box = pdf[i].box;
        CHECK_INT(ssc_chart_draw(&c, t, pdf[i].kind, &err), SSC_OK);
        ssc_table_free(t);
    }
    CHECK_ROW_END();
    cairo_show_page(cr);
    ssc_table *t = fixture(FX_PROJECTS);
    c.box = (ssc_box){56, 56, 483, 700};
    CHECK_INT(ssc_chart_table(&c, t, 0, &next, &used, &err), SSC_OK);
    CHECK_INT(next, N_MIXED);
    ssc_canvas_fini(&c);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    CHECK_INT(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    ssc_table_free(t);
}

int main(void)
{
    test_axis();
    test_format();
    test_theme();
    test_text();
    test_draw_cases();
    test_long_labels();
    test_chart_heights();
    test_stacked_negative();
    test_donut_slices();
    test_tile_grid();
    test_sdg_grid();
    test_tile_map();
    test_pdf();
    return check_done();
}

/* Drawing: nice axes, number formats, text layout, the canvas verbs and
 * every chart kind.
 *
 * Charts are drawn on transparent image surfaces at one pixel per point,
 * in boxes with whole-number edges, so "nothing outside the box" is exact:
 * every pixel outside must still be fully transparent.  Overflow of long
 * labels inside the box is found by drawing a chart twice with only one
 * label changed and checking where the pixels differ. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>

#include "draw/charts/kinds.h"
#include "../check.h"
#include "data/refdata.h"
#include "report/table.h"

#define SURFACE_W 600
#define SURFACE_H 700

/* ---- nice axes ------------------------------------------------------------- */

static void test_axis_case(double min, double max, int ticks, double lo, double hi, double step)
{
    double l = -1, h = -1, s = -1;
    ssc_axis_nice(min, max, ticks, &l, &h, &s);
    CHECK(fabs(l - lo) < 1e-9 && fabs(h - hi) < 1e-9 && fabs(s - step) < 1e-9);
    if (fabs(l - lo) >= 1e-9 || fabs(h - hi) >= 1e-9 || fabs(s - step) >= 1e-9)
        fprintf(stderr, "  axis(%g, %g, %d) gave %g..%g step %g, expected %g..%g step %g\n", min,
                max, ticks, l, h, s, lo, hi, step);
}

static void test_axis(void)
{
    /* Worked by hand: the raw step (max - min) / ticks, rounded up to 1, 2
     * or 5 times a power of ten, then the range rounded out to it. */
    test_axis_case(0, 47, 5, 0, 50, 10);        /* 9.4 -> 10: 0..50 in 5 */
    test_axis_case(0, 100, 5, 0, 100, 20);      /* 20 exactly */
    test_axis_case(0, 8, 4, 0, 8, 2);           /* 2 exactly */
    test_axis_case(0, 142, 6, 0, 150, 50);      /* 23.7 -> 50 (20 needs 8) */
    test_axis_case(0, 142, 5, 0, 150, 50);
    test_axis_case(0, 88, 6, 0, 100, 20);       /* 14.7 -> 20: 0..100 in 5 */
    test_axis_case(0, 1, 5, 0, 1, 0.2);
    test_axis_case(0, 0, 5, 0, 1, 0.2);         /* all zero: 0..1 */
    test_axis_case(3, 3, 5, 0, 3, 1);           /* one value reaches to zero */
    test_axis_case(-4, -4, 4, -4, 0, 1);
    test_axis_case(0, 12500000, 5, 0, 15000000, 5000000);
    test_axis_case(-15, 12.5, 6, -15, 15, 5);   /* 4.58 -> 5 */
    test_axis_case(0, 47, 1, 0, 50, 50);
    test_axis_case(-1, 1, 1, -1, 1, 1);         /* across zero: two intervals at least */
    test_axis_case(47, 0, 5, 0, 50, 10);        /* swapped bounds */
    test_axis_case(0, 47, 0, 0, 50, 50);        /* ticks < 1 means 1 */
    test_axis_case(0.3, 0.7, 4, 0.3, 0.7, 0.1);
    test_axis_case(NAN, 5, 5, 0, 1, 1);

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

static const char *fmt(double v, ssc_unit unit, const char *lang)
{
    static char buf[128];
    return ssc_format_number(buf, sizeof buf, v, unit, lang);
}

static void test_format(void)
{
    char small[4];

    CHECK_STR(fmt(1234567, SSC_UNIT_COUNT, "en"), "1,234,567");
    CHECK_STR(fmt(0, SSC_UNIT_COUNT, "en"), "0");
    CHECK_STR(fmt(999, SSC_UNIT_COUNT, "en"), "999");
    CHECK_STR(fmt(1000, SSC_UNIT_COUNT, "en"), "1,000");
    CHECK_STR(fmt(100000, SSC_UNIT_COUNT, "en"), "100,000");
    CHECK_STR(fmt(0.5, SSC_UNIT_COUNT, "en"), "0.5");
    CHECK_STR(fmt(12.25, SSC_UNIT_COUNT, "en"), "12.3"); /* 122.5 tenths, half away from zero */
    CHECK_STR(fmt(2.96, SSC_UNIT_COUNT, "en"), "3");     /* rounds to whole: no ".0" */
    CHECK_STR(fmt(1234.5, SSC_UNIT_COUNT, "en"), "1,234.5");
    CHECK_STR(fmt(-1234.5, SSC_UNIT_COUNT, "en"), "-1,234.5");
    CHECK_STR(fmt(-7, SSC_UNIT_COUNT, "en"), "-7");
    CHECK_STR(fmt(-0.04, SSC_UNIT_COUNT, "en"), "0"); /* never "-0" */
    CHECK_STR(fmt(1e18, SSC_UNIT_COUNT, "en"), "1,000,000,000,000,000,000");
    CHECK_STR(fmt(NAN, SSC_UNIT_COUNT, "en"), "\u2013");
    CHECK_STR(fmt(INFINITY, SSC_UNIT_USD, "en"), "\u2013");

    CHECK_STR(fmt(1234567, SSC_UNIT_USD, "en"), "US$ 1,234,567");
    CHECK_STR(fmt(1234567, SSC_UNIT_USD, "zh"), "1,234,567 \u7f8e\u5143");
    CHECK_STR(fmt(-500, SSC_UNIT_USD, "en"), "-US$ 500");
    CHECK_STR(fmt(2500.5, SSC_UNIT_USD, "en"), "US$ 2,500.5");
    CHECK_STR(fmt(1234567, SSC_UNIT_USD, NULL), "US$ 1,234,567");

    CHECK_STR(fmt(12.5, SSC_UNIT_PERCENT, "en"), "12.5%");
    CHECK_STR(fmt(12.5, SSC_UNIT_PERCENT, "zh"), "12.5%");
    CHECK_STR(fmt(100, SSC_UNIT_PERCENT, "en"), "100%");
    CHECK_STR(fmt(33.333, SSC_UNIT_PERCENT, "en"), "33.3%");

    CHECK_STR(fmt(1234, SSC_UNIT_COUNT, "zh"), "1,234");
    /* a short buffer is cut, still terminated */
    CHECK_STR(ssc_format_number(small, sizeof small, 1234567, SSC_UNIT_COUNT, "en"), "1,2");
}

/* ---- surfaces ------------------------------------------------------------------- */

typedef struct test_probe {
    cairo_surface_t *s;
    cairo_t *cr;
    ssc_canvas c;
    ssc_theme theme;
} test_probe;

static int test_open(test_probe *p, const char *lang, ssc_box box)
{
    ssc_error err;
    ssc_error_clear(&err);
    ssc_theme_default(&p->theme);
    p->s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, SURFACE_W, SURFACE_H);
    p->cr = cairo_create(p->s);
    CHECK_INT(cairo_status(p->cr), CAIRO_STATUS_SUCCESS);
    if (ssc_canvas_init(&p->c, p->cr, &p->theme, lang, &err) != SSC_OK) {
        fprintf(stderr, "canvas: %s\n", err.message);
        return -1;
    }
    p->c.box = box;
    return 0;
}

static void test_close(test_probe *p)
{
    ssc_canvas_fini(&p->c);
    cairo_destroy(p->cr);
    cairo_surface_destroy(p->s);
}

static uint32_t test_pixel(test_probe *p, int x, int y)
{
    const unsigned char *data = cairo_image_surface_get_data(p->s);
    int stride = cairo_image_surface_get_stride(p->s);
    return ((const uint32_t *)(const void *)(data + (size_t)y * stride))[x];
}

/* Pixels drawn (not fully transparent) outside, or inside, the box. */
static long test_count(test_probe *p, ssc_box b, int inside)
{
    long n = 0;
    cairo_surface_flush(p->s);
    for (int y = 0; y < SURFACE_H; y++)
        for (int x = 0; x < SURFACE_W; x++) {
            int in = x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h;
            if (in == inside && test_pixel(p, x, y) != 0)
                n++;
        }
    return n;
}

/* ---- tables for the charts ------------------------------------------------------- */

static ssc_table *test_table(const char *column, ssc_unit unit, const char *const *labels,
                             const double *values, size_t n)
{
    ssc_table *t = ssc_table_new();
    CHECK(t != NULL);
    if (!t)
        return NULL;
    ssc_table_add_column(t, column, SSC_COLUMN_NUMBER, unit);
    for (size_t i = 0; i < n; i++) {
        char key[32];
        snprintf(key, sizeof key, "k%zu", i);
        int r = ssc_table_row(t, key);
        ssc_table_set_label(t, r, labels[i]);
        ssc_table_add_to(t, r, 0, values[i]);
    }
    CHECK(!ssc_table_failed(t));
    return t;
}

#define LONG_EN                                                                           \
    "Strengthening national statistical systems for monitoring the Sustainable Development " \
    "Goals through peer learning between statistical offices in three regions"
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

static const char *const labels_mixed[] = {"Africa", LONG_EN, LONG_ZH, LONG_AR, LONG_WORD,
                                           "<b>not bold</b> & co", "Asia"};
static const double values_mixed[] = {142, 118, 87.5, 23, 0, 12, 4};
#define N_MIXED (sizeof values_mixed / sizeof values_mixed[0])

/* Draws kind for t into box and checks the basics: success, no Cairo
 * error, ink inside the box and none outside it. */
static void test_draw_kind(ssc_table *t, ssc_chart_kind kind, ssc_box box, const char *lang,
                           const char *what)
{
    test_probe p;
    ssc_error err;
    long outside, inside;

    ssc_error_clear(&err);
    if (test_open(&p, lang, box) != 0) {
        CHECK(0);
        return;
    }
    int rc = ssc_chart_draw(&p.c, t, kind, &err);
    CHECK_INT(rc, SSC_OK);
    if (rc != SSC_OK)
        fprintf(stderr, "  %s: %s\n", what, err.message);
    CHECK_INT(cairo_status(p.cr), CAIRO_STATUS_SUCCESS);
    outside = test_count(&p, box, 0);
    inside = test_count(&p, box, 1);
    CHECK_INT(outside, 0);
    CHECK(inside > 50);
    if (outside != 0 || inside <= 50)
        fprintf(stderr, "  %s: %ld pixels outside, %ld inside\n", what, outside, inside);
    test_close(&p);
}

static void test_charts_stay_in_box(void)
{
    static const ssc_chart_kind kinds[] = {SSC_CHART_BAR, SSC_CHART_HBAR, SSC_CHART_LINE};
    static const char *const names[] = {"bar", "hbar", "line"};
    ssc_table *t = test_table("Projects", SSC_UNIT_COUNT, labels_mixed, values_mixed, N_MIXED);
    ssc_table *neg;
    static const char *const few[] = {"Up", "Down", "Flat"};
    static const double fv[] = {12.5, -7.25, 0};
    const ssc_box boxes[] = {{50, 40, 400, 300}, {37, 61, 211, 97}, {10, 10, 120, 40}};

    if (!t)
        return;
    ssc_table_add_column(t, "Completed", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    for (size_t k = 0; k < 3; k++)
        for (size_t b = 0; b < sizeof boxes / sizeof boxes[0]; b++) {
            char what[64];
            snprintf(what, sizeof what, "%s, grouped, box %zu", names[k], b);
            test_draw_kind(t, kinds[k], boxes[b], "en", what);
        }
    ssc_table_free(t);

    t = test_table("Budget", SSC_UNIT_USD, labels_mixed, values_mixed, N_MIXED);
    for (size_t k = 0; k < 3; k++) {
        test_draw_kind(t, kinds[k], boxes[0], "zh", names[k]);
        test_draw_kind(t, kinds[k], boxes[1], "en", names[k]);
    }
    ssc_table_free(t);

    neg = test_table("Change", SSC_UNIT_PERCENT, few, fv, 3);
    for (size_t k = 0; k < 3; k++)
        test_draw_kind(neg, kinds[k], boxes[1], "en", names[k]);
    ssc_table_free(neg);

    /* an empty table says so, inside the box */
    t = test_table("Projects", SSC_UNIT_COUNT, NULL, NULL, 0);
    for (size_t k = 0; k < 3; k++)
        test_draw_kind(t, kinds[k], boxes[0], "en", "empty");
    ssc_table_free(t);
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
     * 35% of the width, whatever its script. */
    ink = test_label_ink(labels_mixed, values_mixed, N_MIXED, 1, LONG_ZH, SSC_CHART_HBAR, box);
    CHECK(ink.w > 0);
    CHECK(ink.x >= box.x && ink.x + ink.w <= box.x + 0.35 * box.w + 1);
    ink = test_label_ink(labels_mixed, values_mixed, N_MIXED, 1, LONG_WORD, SSC_CHART_HBAR, box);
    CHECK(ink.w > 0);
    CHECK(ink.x >= box.x && ink.x + ink.w <= box.x + 0.35 * box.w + 1);

    /* Columns, three of them, so labels wrap in their slot: the middle
     * label stays in the middle third (the tick labels take < 20 pt). */
    static const char *const three[] = {"Africa", LONG_EN, "Asia"};
    static const double tv[] = {142, 118, 87};
    const ssc_box cbox = {40, 40, 360, 260};
    ink = test_label_ink(three, tv, 3, 1, LONG_ZH, SSC_CHART_BAR, cbox);
    CHECK(ink.w > 0);
    CHECK(ink.x >= cbox.x + cbox.w / 3.0 - 1);
    CHECK(ink.x + ink.w <= cbox.x + 2.0 * cbox.w / 3.0 + 20);
    /* and below the bars: the lower third of the box */
    CHECK(ink.y >= cbox.y + cbox.h * 0.6);
}

static void test_chart_heights(void)
{
    test_probe p;
    ssc_table *t6, *t12;
    static const char *const six[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"};
    static const double v[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    if (test_open(&p, "en", (ssc_box){0, 0, 400, 400}) != 0)
        return;
    t6 = test_table("n", SSC_UNIT_COUNT, six, v, 6);
    t12 = test_table("n", SSC_UNIT_COUNT, six, v, 12);
    /* horizontal bars grow by one row pitch per row */
    double h6 = ssc_chart_height(&p.c, t6, SSC_CHART_HBAR, 400);
    double h12 = ssc_chart_height(&p.c, t12, SSC_CHART_HBAR, 400);
    CHECK(h6 > 6 * SSC_HBAR_ROW);
    CHECK(fabs((h12 - h6) - 6 * SSC_HBAR_ROW) < 1e-6);
    CHECK(ssc_chart_height(&p.c, t6, SSC_CHART_BAR, 400) > 150);
    CHECK(ssc_chart_height(&p.c, t6, SSC_CHART_LINE, 400) > 140);
    CHECK(ssc_chart_height(&p.c, t6, SSC_CHART_BAR, 400) < 400);
    /* the kinds the engine does not draw are refused, not guessed */
    CHECK_INT(ssc_chart_draw(&p.c, t6, SSC_CHART_CUSTOM, NULL), SSC_ERR);
    ssc_table_free(t6);
    ssc_table_free(t12);
    test_close(&p);
}

/* ---- the kinds of ABI 1.1 ------------------------------------------------------ */

static double test_lightness(unsigned long rgb);

/* A table of several number columns for stacked and grouped bars: row i
 * gets values[i] * (k + 1) in column k, with the sign of values[i]. */
static ssc_table *test_series_table(const char *const *labels, const double *values, size_t n,
                                    const char *const *columns, size_t n_cols)
{
    ssc_table *t = ssc_table_new();
    CHECK(t != NULL);
    if (!t)
        return NULL;
    for (size_t k = 0; k < n_cols; k++)
        ssc_table_add_column(t, columns[k], SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    for (size_t i = 0; i < n; i++) {
        char key[32];
        snprintf(key, sizeof key, "k%zu", i);
        int r = ssc_table_row(t, key);
        ssc_table_set_label(t, r, labels[i % N_MIXED]);
        for (size_t k = 0; k < n_cols; k++)
            ssc_table_add_to(t, r, (int)k, values[i % N_MIXED] * (double)(k + 1));
    }
    CHECK(!ssc_table_failed(t));
    return t;
}

/* A table keyed by keys[0..n) (labelled by the key) with one number column. */
static ssc_table *test_keyed_table(ssc_key_kind kind, const char *column,
                                   const char *const *keys, const double *values, size_t n)
{
    ssc_table *t = ssc_table_new();
    CHECK(t != NULL);
    if (!t)
        return NULL;
    ssc_table_set_key_kind(t, kind);
    ssc_table_add_column(t, column, SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    for (size_t i = 0; i < n; i++) {
        int r = ssc_table_row(t, keys[i]);
        ssc_table_add_to(t, r, 0, values[i]);
    }
    CHECK(!ssc_table_failed(t));
    return t;
}

static const char *const series_en[] = {"Completed", "Ongoing", "Pipeline"};
static const char *const series_zh[] = {"\u5df2\u5b8c\u6210", "\u8fdb\u884c\u4e2d",
                                        "\u7b79\u5907\u4e2d"}; /* 已完成 进行中 筹备中 */
static const ssc_box new_boxes[] = {{50, 40, 483, 300}, {37, 61, 211, 97}, {10, 10, 120, 40},
                                    {20, 20, 560, 660}};
#define N_NEW_BOXES (sizeof new_boxes / sizeof new_boxes[0])

static void test_bars_stay_in_box(void)
{
    static const ssc_chart_kind kinds[] = {SSC_CHART_STACKED, SSC_CHART_GROUPED};
    static const char *const names[] = {"stacked", "grouped"};
    static const double neg[] = {12, -7.5, 0, 3, -2, 40, 1};
    static const double zero[] = {0, 0, 0, 0, 0, 0, 0};
    char what[96];

    for (size_t k = 0; k < 2; k++) {
        ssc_table *t = test_series_table(labels_mixed, values_mixed, N_MIXED, series_en, 3);
        ssc_table *zh = test_series_table(labels_mixed, values_mixed, N_MIXED, series_zh, 3);
        ssc_table *many = test_series_table(labels_mixed, values_mixed, 200, series_en, 3);
        ssc_table *n = test_series_table(labels_mixed, neg, N_MIXED, series_en, 2);
        ssc_table *z = test_series_table(labels_mixed, zero, N_MIXED, series_en, 3);
        ssc_table *one = test_series_table(labels_mixed, values_mixed, N_MIXED, series_en, 1);
        ssc_table *none = test_series_table(labels_mixed, values_mixed, 0, series_en, 3);
        for (size_t b = 0; b < N_NEW_BOXES; b++) {
            snprintf(what, sizeof what, "%s, box %zu", names[k], b);
            test_draw_kind(t, kinds[k], new_boxes[b], "en", what);
            snprintf(what, sizeof what, "%s, Chinese, box %zu", names[k], b);
            test_draw_kind(zh, kinds[k], new_boxes[b], "zh", what);
            snprintf(what, sizeof what, "%s, 200 rows, box %zu", names[k], b);
            test_draw_kind(many, kinds[k], new_boxes[b], "en", what);
            snprintf(what, sizeof what, "%s, negative, box %zu", names[k], b);
            test_draw_kind(n, kinds[k], new_boxes[b], "en", what);
            snprintf(what, sizeof what, "%s, zero, box %zu", names[k], b);
            test_draw_kind(z, kinds[k], new_boxes[b], "en", what);
            snprintf(what, sizeof what, "%s, one series, box %zu", names[k], b);
            test_draw_kind(one, kinds[k], new_boxes[b], "en", what);
        }
        /* no rows: "No data", inside the box */
        test_draw_kind(none, kinds[k], new_boxes[0], "en", "no rows");
        test_draw_kind(none, kinds[k], new_boxes[0], "zh", "no rows, Chinese");
        ssc_table_free(t);
        ssc_table_free(zh);
        ssc_table_free(many);
        ssc_table_free(n);
        ssc_table_free(z);
        ssc_table_free(one);
        ssc_table_free(none);
    }
}

/* Where stacked bars put negative values: left of zero, positive ones
 * right of it, so a row of -5 and +5 has ink on both sides of the zero
 * line, and a row of only negative values none to its right. */
static void test_stacked_negative(void)
{
    static const char *const lab[] = {"a"};
    static const double both[] = {-5}, pos_after[] = {5};
    const ssc_box box = {20, 20, 400, 120};
    test_probe p;
    ssc_table *t;

    /* column 0 negative, column 1 positive: the axis runs -10..10 (the
     * totals -5 and +5, rounded out), so zero is in the plot's middle */
    t = ssc_table_new();
    ssc_table_add_column(t, "Out", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    ssc_table_add_column(t, "In", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    int r = ssc_table_row(t, "a");
    ssc_table_set_label(t, r, lab[0]);
    ssc_table_add_to(t, r, 0, both[0]);
    ssc_table_add_to(t, r, 1, pos_after[0]);
    if (test_open(&p, "en", box) != 0) {
        CHECK(0);
        ssc_table_free(t);
        return;
    }
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
    if (cy > 0)
        for (int x = (int)box.x; x < box.x + box.w; x++) {
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

static void test_donut_slices(void)
{
    test_probe p;
    double total;
    ssc_donut_slice sl[SSC_DONUT_MAX_SLICES];
    static const char *const ten[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    /* the largest six are 40, 25, 19, 12, 9 and the first 7 (row 2, before
     * row 7's equal 7); the rest is 7 + 3 + 2 + 1 = 13, worked by hand */
    static const double v10[] = {12, 40, 7, 3, 25, 9, 19, 7, 2, 1};
    static const double v7[] = {5, 4, 3, 2, 1, 6, 7};
    static const double vmix[] = {5, -3, 0, NAN, 5};

    if (test_open(&p, "en", (ssc_box){20, 20, 483, 260}) != 0)
        return;
    ssc_table *t = test_table("Projects", SSC_UNIT_COUNT, ten, v10, 10);
    size_t n = ssc_chart_donut_slices(&p.c, t, sl, &total);
    CHECK_INT(n, 7);
    CHECK(fabs(total - 125.0) < 1e-9);
    static const double want[] = {40, 25, 19, 12, 9, 7, 13};
    static const char *const want_label[] = {"b", "e", "g", "a", "f", "c", "Other"};
    for (size_t i = 0; i < 7 && i < n; i++) {
        CHECK(fabs(sl[i].value - want[i]) < 1e-9);
        CHECK_STR(sl[i].label, want_label[i]);
    }
    CHECK(sl[6].row == (size_t)-1);
    CHECK(sl[0].colour == p.theme.palette[0]);
    CHECK(sl[6].colour != sl[0].colour && sl[6].colour != sl[5].colour);
    test_draw_kind(t, SSC_CHART_DONUT, (ssc_box){20, 20, 483, 260}, "en", "donut, other");
    ssc_table_free(t);

    /* seven rows: seven slices, no "Other" */
    t = test_table("Projects", SSC_UNIT_COUNT, ten, v7, 7);
    n = ssc_chart_donut_slices(&p.c, t, sl, &total);
    CHECK_INT(n, 7);
    CHECK(fabs(total - 28.0) < 1e-9);
    CHECK(fabs(sl[0].value - 7) < 1e-9 && fabs(sl[6].value - 1) < 1e-9);
    for (size_t i = 0; i < n; i++)
        CHECK(sl[i].row != (size_t)-1);
    ssc_table_free(t);

    /* zero, negative and missing values are no share of a whole */
    t = test_table("Projects", SSC_UNIT_COUNT, ten, vmix, 5);
    n = ssc_chart_donut_slices(&p.c, t, sl, &total);
    CHECK_INT(n, 2);
    CHECK(fabs(total - 10.0) < 1e-9);
    CHECK_STR(sl[0].label, "a"); /* ties keep row order */
    ssc_table_free(t);

    /* a row's colour (an SDG's, a sector's) wins over the palette */
    t = test_table("Projects", SSC_UNIT_COUNT, ten, v7, 2);
    ssc_table_set_colour(t, 1, 0x123456);
    n = ssc_chart_donut_slices(&p.c, t, sl, &total);
    CHECK_INT(n, 2);
    CHECK(sl[0].colour == p.theme.palette[0]); /* row 0 (5) */
    CHECK(sl[1].colour == 0x123456);            /* row 1 (4) */
    ssc_table_free(t);
    test_close(&p);

    /* "Other" in Chinese */
    if (test_open(&p, "zh", (ssc_box){20, 20, 483, 260}) != 0)
        return;
    t = test_table("Projects", SSC_UNIT_COUNT, ten, v10, 10);
    n = ssc_chart_donut_slices(&p.c, t, sl, &total);
    CHECK_INT(n, 7);
    CHECK_STR(sl[6].label, "\u5176\u4ed6"); /* 其他 */
    ssc_table_free(t);
    test_close(&p);
}

static void test_donut_stays_in_box(void)
{
    static const double neg[] = {12, -7.5, 0, 3, -2, 40, 1};
    static const double zero[] = {0, 0, 0, 0, 0, 0, 0};
    static const char *const zh[] = {LONG_ZH, "\u4e9a\u6d32", "\u975e\u6d32", "\u6b27\u6d32",
                                     "\u5927\u6d0b\u6d32", "\u5317\u7f8e\u6d32", "\u5176\u4ed6"};
    char what[96];
    ssc_table *t = test_table("Projects", SSC_UNIT_COUNT, labels_mixed, values_mixed, N_MIXED);
    ssc_table *c = test_table("\u9879\u76ee\u6570", SSC_UNIT_COUNT, zh, values_mixed, N_MIXED);
    ssc_table *usd = test_table("Budget", SSC_UNIT_USD, labels_mixed, values_mixed, N_MIXED);
    ssc_table *n = test_table("Change", SSC_UNIT_COUNT, labels_mixed, neg, N_MIXED);
    ssc_table *z = test_table("Projects", SSC_UNIT_COUNT, labels_mixed, zero, N_MIXED);
    ssc_table *none = test_table("Projects", SSC_UNIT_COUNT, NULL, NULL, 0);
    ssc_table *many = ssc_table_new();

    ssc_table_add_column(many, "Projects", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    for (int i = 0; i < 200; i++) {
        char key[16];
        snprintf(key, sizeof key, "row %d", i);
        ssc_table_add_to(many, ssc_table_row(many, key), 0, 1 + i % 13);
    }
    for (size_t b = 0; b < N_NEW_BOXES; b++) {
        snprintf(what, sizeof what, "donut, box %zu", b);
        test_draw_kind(t, SSC_CHART_DONUT, new_boxes[b], "en", what);
        snprintf(what, sizeof what, "donut, Chinese, box %zu", b);
        test_draw_kind(c, SSC_CHART_DONUT, new_boxes[b], "zh", what);
        snprintf(what, sizeof what, "donut, US$, box %zu", b);
        test_draw_kind(usd, SSC_CHART_DONUT, new_boxes[b], "zh", what);
        snprintf(what, sizeof what, "donut, negative, box %zu", b);
        test_draw_kind(n, SSC_CHART_DONUT, new_boxes[b], "en", what);
        snprintf(what, sizeof what, "donut, zero (no data), box %zu", b);
        test_draw_kind(z, SSC_CHART_DONUT, new_boxes[b], "en", what);
        snprintf(what, sizeof what, "donut, 200 rows, box %zu", b);
        test_draw_kind(many, SSC_CHART_DONUT, new_boxes[b], "en", what);
    }
    test_draw_kind(none, SSC_CHART_DONUT, new_boxes[0], "en", "donut, no rows");
    ssc_table_free(t);
    ssc_table_free(c);
    ssc_table_free(usd);
    ssc_table_free(n);
    ssc_table_free(z);
    ssc_table_free(none);
    ssc_table_free(many);
}

/* An SDG table: goal g has values[g - 1]; goals with a negative value get
 * no row at all. */
static ssc_table *test_sdg_table(const double *values)
{
    ssc_table *t = ssc_table_new();
    ssc_table_set_key_kind(t, SSC_KEY_SDG);
    ssc_table_add_column(t, "Projects", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    for (int g = 1; g <= 17; g++) {
        char key[4];
        if (values[g - 1] < 0)
            continue;
        snprintf(key, sizeof key, "%d", g);
        ssc_table_add_to(t, ssc_table_row(t, key), 0, values[g - 1]);
    }
    CHECK(!ssc_table_failed(t));
    return t;
}

static void test_sdg_grid(void)
{
    /* goal 5 has none (a row with 0), goal 11 no row at all */
    static const double v[17] = {15, 16, 8, 5, 0, 4, 10, 11, 11, 2, -1, 3, 9, 7, 13, 1, 36};
    static const double zero[17] = {0};
    static const double negative[17] = {-1, -1, -1, -1, -1, -1, -1, -1, -1,
                                        -1, -1, -1, -1, -1, -1, -1, -1};
    ssc_table *t = test_sdg_table(v);
    ssc_table *z = test_sdg_table(zero);
    ssc_table *none = test_sdg_table(negative); /* no rows */
    ssc_table *many = ssc_table_new();
    char what[96];

    /* 200 rows, only 17 of them SDGs: the rest are not drawn */
    ssc_table_add_column(many, "Projects", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    for (int i = 0; i < 200; i++) {
        char key[16];
        snprintf(key, sizeof key, "%d", i < 17 ? i + 1 : 1000 + i);
        ssc_table_add_to(many, ssc_table_row(many, key), 0, -3.0 + i % 7);
    }
    for (size_t b = 0; b < N_NEW_BOXES; b++) {
        snprintf(what, sizeof what, "sdg grid, box %zu", b);
        test_draw_kind(t, SSC_CHART_SDG_GRID, new_boxes[b], "en", what);
        snprintf(what, sizeof what, "sdg grid, Chinese, box %zu", b);
        test_draw_kind(t, SSC_CHART_SDG_GRID, new_boxes[b], "zh", what);
        snprintf(what, sizeof what, "sdg grid, zero, box %zu", b);
        test_draw_kind(z, SSC_CHART_SDG_GRID, new_boxes[b], "en", what);
        snprintf(what, sizeof what, "sdg grid, 200 rows, box %zu", b);
        test_draw_kind(many, SSC_CHART_SDG_GRID, new_boxes[b], "en", what);
    }
    test_draw_kind(none, SSC_CHART_SDG_GRID, new_boxes[0], "en", "sdg grid, no rows");

    /* Tiles in the SDG colours; a goal without projects faded toward
     * white.  A tile's left margin (inside it, clear of its text) shows
     * the fill; the grid is 6 tiles and 5 gaps of 0.075 tile wide. */
    const ssc_box box = {10, 10, 483, 300};
    test_probe p;
    if (test_open(&p, "en", box) == 0) {
        CHECK_INT(ssc_chart_draw(&p.c, t, SSC_CHART_SDG_GRID, NULL), SSC_OK);
        double side = fmin(96.0, box.w / (6 + 5 * 0.075)), gap = side * 0.075;
        cairo_surface_flush(p.s);
        for (int g = 1; g <= 17; g++) {
            int x = (int)(box.x + ((g - 1) % 6) * (side + gap) + 2);
            int y = (int)(box.y + ((g - 1) / 6) * (side + gap) + side / 2);
            unsigned long rgb = test_pixel(&p, x, y) & 0xFFFFFF;
            unsigned long want = ssc_sdg_get(g)->colour;
            if (g == 5 || g == 11)
                CHECK(rgb != want && test_lightness(rgb) > test_lightness(want) + 20);
            else
                CHECK(rgb == want);
        }
        test_close(&p);
    }

    /* Heights follow the width (three rows of square tiles), up to a cap. */
    if (test_open(&p, "en", box) == 0) {
        double h483 = ssc_chart_height(&p.c, t, SSC_CHART_SDG_GRID, 483);
        double h240 = ssc_chart_height(&p.c, t, SSC_CHART_SDG_GRID, 240);
        CHECK(h483 > 200 && h483 < 260);
        CHECK(fabs(h483 / h240 - 483.0 / 240.0) < 0.05);
        CHECK(ssc_chart_height(&p.c, t, SSC_CHART_SDG_GRID, 2000) < 320);

        /* a table not keyed by SDG is refused, with a reason */
        ssc_error err;
        ssc_error_clear(&err);
        ssc_table *wrong = test_table("Projects", SSC_UNIT_COUNT, labels_mixed, values_mixed,
                                      N_MIXED);
        CHECK_INT(ssc_chart_draw(&p.c, wrong, SSC_CHART_SDG_GRID, &err), SSC_ERR);
        CHECK(strstr(err.message, "keyed by SDG") != NULL);
        ssc_table_free(wrong);
        test_close(&p);
    }
    ssc_table_free(t);
    ssc_table_free(z);
    ssc_table_free(none);
    ssc_table_free(many);
}

static void test_tile_grid(void)
{
    int cols = 0, rows = 0, bad = 0;
    const ssc_tile *chn = ssc_tile_by_alpha3("chn", 3);

    ssc_tile_grid_size(&cols, &rows);
    CHECK_INT(cols, 28);
    CHECK_INT(rows, 21); /* Antarctica's row 23 is left out with it */
    CHECK_INT(ssc_tile_count(), 191);
    CHECK(chn != NULL && strcmp(chn->alpha3, "CHN") == 0 && chn->x == 24 && chn->y == 6);
    CHECK(ssc_tile_by_alpha3("PSE", 3) == NULL); /* no tile: listed under the map */
    CHECK(ssc_tile_by_alpha3("ATA", 3) == NULL);
    CHECK(ssc_tile_by_alpha3("CH", 2) == NULL);
    CHECK(ssc_tile_by_alpha3("C1N", 3) == NULL);
    CHECK(ssc_tile_by_alpha3(NULL, 3) == NULL);
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

static void test_tile_map(void)
{
    static const char *const keys[] = {"KEN", "MMR", "NPL", "CHN", "BRA", "PSE", "HKG", "FJI"};
    static const double v[] = {8, 7, 6, 0, 2, 3, 1, -4};
    static const double zero[] = {0, 0, 0, 0, 0, 0, 0, 0};
    ssc_table *t = test_keyed_table(SSC_KEY_COUNTRY, "Projects", keys, v, 8);
    ssc_table *zh = test_keyed_table(SSC_KEY_COUNTRY, "\u9879\u76ee\u6570", keys, v, 8);
    ssc_table *z = test_keyed_table(SSC_KEY_COUNTRY, "Projects", keys, zero, 8);
    ssc_table *none = test_keyed_table(SSC_KEY_COUNTRY, "Projects", keys, v, 0);
    ssc_table *many = ssc_table_new();
    ssc_table *usd = ssc_table_new();
    char what[96];

    /* 200 countries (some without a tile), US$ amounts with fractions */
    ssc_table_add_column(many, "Projects", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    ssc_table_add_column(usd, "Budget", SSC_COLUMN_NUMBER, SSC_UNIT_USD);
    for (size_t i = 0; i < 200; i++) {
        const ssc_country *country = ssc_country_at(i);
        ssc_table_add_to(many, ssc_table_row(many, country->alpha3), 0, (double)(i % 40));
        ssc_table_add_to(usd, ssc_table_row(usd, country->alpha3), 0, 1234.5 * (double)i);
    }
    for (size_t b = 0; b < N_NEW_BOXES; b++) {
        snprintf(what, sizeof what, "tile map, box %zu", b);
        test_draw_kind(t, SSC_CHART_TILE_MAP, new_boxes[b], "en", what);
        snprintf(what, sizeof what, "tile map, Chinese, box %zu", b);
        test_draw_kind(zh, SSC_CHART_TILE_MAP, new_boxes[b], "zh", what);
        snprintf(what, sizeof what, "tile map, zero, box %zu", b);
        test_draw_kind(z, SSC_CHART_TILE_MAP, new_boxes[b], "en", what);
        snprintf(what, sizeof what, "tile map, 200 rows, box %zu", b);
        test_draw_kind(many, SSC_CHART_TILE_MAP, new_boxes[b], "en", what);
        snprintf(what, sizeof what, "tile map, US$, box %zu", b);
        test_draw_kind(usd, SSC_CHART_TILE_MAP, new_boxes[b], "zh", what);
    }
    test_draw_kind(none, SSC_CHART_TILE_MAP, new_boxes[0], "en", "tile map, no rows");

    test_probe p;
    const ssc_box box = {10, 10, 560, 600};
    if (test_open(&p, "en", box) == 0) {
        /* The natural height: the grid's 21 rows of width / 28, plus the
         * list of countries without a tile (Palestine, Hong Kong here). */
        double h = ssc_chart_height(&p.c, t, SSC_CHART_TILE_MAP, 560);
        double hz = ssc_chart_height(&p.c, z, SSC_CHART_TILE_MAP, 560);
        CHECK(hz >= 560.0 * 21 / 28 && hz < 560.0 * 21 / 28 + 40);
        CHECK(h > hz + 8); /* the list takes a line */

        /* The largest value in the accent, no value in light grey: tiles
         * are 0.88 of the pitch, centred in their cell; look just inside
         * the top edge, clear of the code in the middle. */
        CHECK_INT(ssc_chart_draw(&p.c, t, SSC_CHART_TILE_MAP, NULL), SSC_OK);
        cairo_surface_flush(p.s);
        double pitch = box.w / 28;
        const ssc_tile *ken = ssc_tile_by_alpha3("KEN", 3), *usa = ssc_tile_by_alpha3("USA", 3);
        const ssc_tile *chn = ssc_tile_by_alpha3("CHN", 3), *fji = ssc_tile_by_alpha3("FJI", 3);
        const ssc_tile *npl = ssc_tile_by_alpha3("NPL", 3);
#define TILE_PX(tile) \
    (test_pixel(&p, (int)(box.x + ((tile)->x - 0.5) * pitch), \
                (int)(box.y + ((tile)->y - 1) * pitch + pitch * 0.06 + 2)) & 0xFFFFFF)
        unsigned long grey = TILE_PX(usa);
        CHECK(TILE_PX(ken) == p.theme.accent);
        CHECK(test_lightness(grey) > 85);
        CHECK(TILE_PX(chn) == grey); /* zero */
        CHECK(TILE_PX(fji) == grey); /* negative: no shade */
        CHECK(test_lightness(TILE_PX(npl)) > test_lightness(p.theme.accent) + 5);
        CHECK(test_lightness(TILE_PX(npl)) < test_lightness(grey) - 5);
#undef TILE_PX
        /* a table not keyed by country is refused, with a reason */
        ssc_error err;
        ssc_error_clear(&err);
        ssc_table *wrong = test_table("Projects", SSC_UNIT_COUNT, labels_mixed, values_mixed,
                                      N_MIXED);
        CHECK_INT(ssc_chart_draw(&p.c, wrong, SSC_CHART_TILE_MAP, &err), SSC_ERR);
        CHECK(strstr(err.message, "country codes") != NULL);
        ssc_table_free(wrong);
        test_close(&p);
    }
    ssc_table_free(t);
    ssc_table_free(zh);
    ssc_table_free(z);
    ssc_table_free(none);
    ssc_table_free(many);
    ssc_table_free(usd);
}

static void test_new_heights(void)
{
    test_probe p;
    static const char *const short_labels[] = {"Asia", "Africa", "Europe", "Oceania"};
    static const double v[] = {19, 17, 9, 5};

    if (test_open(&p, "en", (ssc_box){0, 0, 483, 400}) != 0)
        return;
    ssc_table *t6 = test_series_table(labels_mixed, values_mixed, 6, series_en, 3);
    ssc_table *t12 = test_series_table(labels_mixed, values_mixed, 12, series_en, 3);
    ssc_table *t18 = test_series_table(labels_mixed, values_mixed, 18, series_en, 3);
    ssc_table *few = test_series_table(short_labels, v, 4, series_en, 2);
    ssc_table *donut = test_table("Projects", SSC_UNIT_COUNT, labels_mixed, values_mixed, N_MIXED);

    /* stacked bars grow by one row pitch per row */
    double h6 = ssc_chart_height(&p.c, t6, SSC_CHART_STACKED, 483);
    double h12 = ssc_chart_height(&p.c, t12, SSC_CHART_STACKED, 483);
    double h18 = ssc_chart_height(&p.c, t18, SSC_CHART_STACKED, 483);
    CHECK(h12 > h6 && fabs((h18 - h12) - (h12 - h6)) < 1e-6);
    /* grouped: long labels go horizontal, a few short ones stand as columns */
    CHECK(ssc_chart_height(&p.c, t6, SSC_CHART_GROUPED, 483) ==
          ssc_chart_height(&p.c, t6, SSC_CHART_HBAR, 483));
    CHECK(ssc_chart_height(&p.c, few, SSC_CHART_GROUPED, 483) ==
          ssc_chart_height(&p.c, few, SSC_CHART_BAR, 483));
    /* the donut is a fixed figure on a wide page, taller on a narrow one
     * where its legend goes under the ring */
    double dw = ssc_chart_height(&p.c, donut, SSC_CHART_DONUT, 483);
    CHECK(dw > 200 && dw < 280);
    CHECK(ssc_chart_height(&p.c, donut, SSC_CHART_DONUT, 230) > dw);
    ssc_table_free(t6);
    ssc_table_free(t12);
    ssc_table_free(t18);
    ssc_table_free(few);
    ssc_table_free(donut);
    test_close(&p);
}

/* ---- tables ------------------------------------------------------------------ */

static void test_table_pages(void)
{
    test_probe p;
    ssc_table *t;
    double line_h, row_h, used;
    size_t next;
    char key[16];
    const size_t rows = 10;

    if (test_open(&p, "en", (ssc_box){30, 30, 400, 100}) != 0)
        return;
    t = ssc_table_new();
    ssc_table_set_key_kind(t, SSC_KEY_REGION);
    ssc_table_add_column(t, "Projects", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    ssc_table_add_column(t, "Budget", SSC_COLUMN_NUMBER, SSC_UNIT_USD);
    for (size_t i = 0; i < rows; i++) {
        snprintf(key, sizeof key, "Row %zu", i);
        int r = ssc_table_row(t, key);
        ssc_table_add_to(t, r, 0, (double)i * 3);
        ssc_table_add_to(t, r, 1, (double)i * 250000);
    }

    /* Every cell here takes one line: header and rows are one table line
     * plus the padding above and below. */
    ssc_text_style st = {.size = p.theme.body_size * SSC_TABLE_SIZE};
    ssc_text_measure(&p.c, "Ag", &st, 0, NULL, &line_h);
    row_h = line_h + 2 * SSC_TABLE_PAD_Y;

    /* room for the header and 3.5 rows: 3 rows per page */
    p.c.box = (ssc_box){30, 30, 400, floor(row_h * 4.5)};
    size_t first = 0, pages = 0;
    do {
        CHECK_INT(ssc_chart_table(&p.c, t, first, &next, &used, NULL), SSC_OK);
        CHECK_INT(next, first + 3 < rows ? first + 3 : rows);
        CHECK(fabs(used - row_h * (1 + (double)(next - first))) < 1e-6);
        CHECK(used <= p.c.box.h);
        pages++;
        if (next == first)
            break;
        first = next;
    } while (first < rows);
    CHECK_INT(pages, 4); /* 3 + 3 + 3 + 1 */

    /* no room for the header and one row: nothing drawn, same row next */
    p.c.box = (ssc_box){30, 30, 400, floor(row_h * 1.9)};
    CHECK_INT(ssc_chart_table(&p.c, t, 2, &next, &used, NULL), SSC_OK);
    CHECK_INT(next, 2);
    CHECK(used == 0.0);
    /* past the end: done */
    CHECK_INT(ssc_chart_table(&p.c, t, rows, &next, &used, NULL), SSC_OK);
    CHECK_INT(next, rows);

    /* A text cell that wraps makes its row two lines tall. */
    int col = ssc_table_add_column(t, "Partners", SSC_COLUMN_TEXT, SSC_UNIT_COUNT);
    ssc_table_set_text(t, 0, col, LONG_EN " " LONG_EN);
    p.c.box = (ssc_box){30, 30, 400, floor(row_h * 2 + line_h + 1)};
    CHECK_INT(ssc_chart_table(&p.c, t, 0, &next, &used, NULL), SSC_OK);
    CHECK_INT(next, 1);
    CHECK(fabs(used - (row_h + 2 * line_h + 2 * SSC_TABLE_PAD_Y)) < 1e-6);
    CHECK(ssc_chart_height(&p.c, t, SSC_CHART_TABLE, 400) >= row_h * (rows + 1) + line_h - 1e-6);

    /* whole table in one box through ssc_chart_draw; too small is an error */
    p.c.box = (ssc_box){30, 30, 400, 40};
    CHECK_INT(ssc_chart_draw(&p.c, t, SSC_CHART_TABLE, NULL), SSC_ERR);
    test_close(&p);

    ssc_box big = {20, 20, 500, 600};
    test_draw_kind(t, SSC_CHART_TABLE, big, "en", "table");
    test_draw_kind(t, SSC_CHART_TABLE, big, "zh", "table zh");
    ssc_table_free(t);

    /* long labels of every script, clipped into a narrow box */
    t = test_table("Projects", SSC_UNIT_COUNT, labels_mixed, values_mixed, N_MIXED);
    test_draw_kind(t, SSC_CHART_TABLE, (ssc_box){33, 47, 180, 400}, "en", "narrow table");
    ssc_table_free(t);
}

/* ---- text and canvas verbs ---------------------------------------------------- */

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
    ssc_text_measure(&p.c, "a & b <i", &st, 0, &w, &h); /* invalid markup is fine */
    CHECK(w > 0);

    /* wrapping and ellipsizing keep to the width and the line limit */
    ssc_text_measure(&p.c, LONG_EN, &st, 100, &w, &h);
    CHECK(w <= 100.01 && h > 3 * one);
    st.max_lines = 2;
    ssc_text_measure(&p.c, LONG_EN, &st, 100, &w, &h);
    CHECK(w <= 100.01 && fabs(h - 2 * one) < 0.5);
    st.max_lines = 1;
    ssc_text_measure(&p.c, LONG_WORD, &st, 80, &w, &h);
    CHECK(w <= 80.01 && fabs(h - one) < 0.5);
    ssc_text_measure(&p.c, "line one\nline two\nline three", &st, 300, &w, &h);
    CHECK(fabs(h - one) < 0.5); /* newlines do not escape the limit */
    ssc_text_measure(&p.c, LONG_ZH, &st, 120, &w, &h);
    CHECK(w <= 120.01 && fabs(h - one) < 0.5);
    ssc_text_measure(&p.c, "bad \xff\xfe utf-8", &st, 0, &w, &h);
    CHECK(w > 0);

    CHECK(ssc_text_fits(&p.c, "Latin America", &st, 200, 1));
    CHECK(!ssc_text_fits(&p.c, LONG_WORD, &st, 60, 3));

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

    CHECK_STR(ssc_canvas_format(&p.c, 1234567, SSC_UNIT_USD), "US$ 1,234,567");
    CHECK(ssc_canvas_palette(&p.c, 0) == p.theme.palette[0]);
    CHECK(ssc_canvas_palette(&p.c, p.theme.n_palette + 1) == p.theme.palette[1]);
    cairo_t *cr = ssc_canvas_cairo(&p.c);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_paint(cr);
    CHECK_INT(test_count(&p, p.c.box, 0), 0);
    test_close(&p);
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

static void test_theme(void)
{
    ssc_theme t;
    ssc_theme_default(&t);
    CHECK(strstr(t.font_body, "Noto Sans CJK SC") != NULL);
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

/* The same charts on a PDF surface, finished and checked. */
static void test_pdf(void)
{
    ssc_theme theme;
    ssc_canvas c;
    ssc_error err;
    static const ssc_chart_kind kinds[] = {SSC_CHART_BAR, SSC_CHART_HBAR, SSC_CHART_LINE};
    ssc_table *t = test_table("Projects", SSC_UNIT_COUNT, labels_mixed, values_mixed, N_MIXED);
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(test_discard, NULL, 595.276, 841.89);
    cairo_t *cr = cairo_create(s);
    size_t next = 0;
    double used = 0;

    ssc_error_clear(&err);
    ssc_theme_default(&theme);
    CHECK_INT(ssc_canvas_init(&c, cr, &theme, "zh", &err), SSC_OK);
    for (size_t k = 0; k < 3; k++) {
        c.box = (ssc_box){56, 56 + 250.0 * k, 483, 230};
        CHECK_INT(ssc_chart_draw(&c, t, kinds[k], &err), SSC_OK);
    }
    cairo_show_page(cr);
    /* the kinds of ABI 1.1, on a page of their own */
    static const ssc_chart_kind more[] = {SSC_CHART_STACKED, SSC_CHART_GROUPED, SSC_CHART_DONUT};
    for (size_t k = 0; k < 3; k++) {
        c.box = (ssc_box){56, 56 + 250.0 * k, 483, 230};
        CHECK_INT(ssc_chart_draw(&c, t, more[k], &err), SSC_OK);
    }
    cairo_show_page(cr);
    static const double sdg[17] = {1, 2, 3, 0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
    ssc_table *grid = test_sdg_table(sdg);
    static const char *const countries[] = {"KEN", "CHN", "PSE"};
    ssc_table *map = test_keyed_table(SSC_KEY_COUNTRY, "Projects", countries, sdg, 3);
    c.box = (ssc_box){56, 56, 483, 240};
    CHECK_INT(ssc_chart_draw(&c, grid, SSC_CHART_SDG_GRID, &err), SSC_OK);
    c.box = (ssc_box){56, 320, 483, 400};
    CHECK_INT(ssc_chart_draw(&c, map, SSC_CHART_TILE_MAP, &err), SSC_OK);
    ssc_table_free(grid);
    ssc_table_free(map);
    cairo_show_page(cr);
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
    test_charts_stay_in_box();
    test_long_labels();
    test_chart_heights();
    test_bars_stay_in_box();
    test_stacked_negative();
    test_donut_slices();
    test_donut_stays_in_box();
    test_tile_grid();
    test_sdg_grid();
    test_tile_map();
    test_new_heights();
    test_table_pages();
    test_pdf();
    return check_done();
}

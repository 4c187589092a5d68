/* SPDX-License-Identifier: MIT */
/* A stacked table keyed by years is drawn as columns, one per year, left
 * to right, each as tall as its stack (issue 8: counts per year read as
 * columns); any other stacked table stays horizontal bars.  The expected
 * heights are the values written here: 3, 4 and 1 projects, so the middle
 * column is four times the last, whatever the axis and the fonts. */
#include <math.h>

#include "../check.h"
#include "draw/charts/common.h"
#include "draw/charts/kinds.h"
#include "probe.h"

/* Rows key[i] with a in column 0 and b in column 1. */
static ssc_table *stacked_table(const char *const *keys, const double *a, const double *b,
                                size_t n)
{
    ssc_table *t = ssc_table_new();
    ssc_table_add_column(t, "South-South", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    ssc_table_add_column(t, "Triangular", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    for (size_t i = 0; i < n; i++) {
        int r = ssc_table_row(t, keys[i]);
        ssc_table_set_label(t, r, keys[i]);
        ssc_table_add_to(t, r, 0, a[i]);
        ssc_table_add_to(t, r, 1, b[i]);
    }
    CHECK(!ssc_table_failed(t));
    return t;
}

/* The column of painted pixels (either series colour) at x: its height. */
static int painted_height(test_probe *p, int x, uint32_t c0, uint32_t c1)
{
    int n = 0;
    for (int y = 0; y < SURFACE_H; y++) {
        uint32_t px = test_pixel(p, x, y);
        n += px == c0 || px == c1;
    }
    return n;
}

static void test_years_as_columns(void)
{
    static const char *const years[] = {"2018", "2019", "2020"};
    static const double a[] = {2, 4, 0}, b[] = {1, 0, 1};
    const ssc_box box = {20, 20, 420, 300};
    test_probe p;

    if (test_open(&p, "en", box) != 0) {
        CHECK(0);
        return;
    }
    ssc_table *t = stacked_table(years, a, b, 3);
    CHECK(ssc_chart_keys_are_years(t));
    CHECK_INT(ssc_chart_draw(&p.c, t, SSC_CHART_STACKED, NULL), SSC_OK);
    cairo_surface_flush(p.s);
    uint32_t c0 = 0xFF000000u | (uint32_t)p.theme.palette[0];
    uint32_t c1 = 0xFF000000u | (uint32_t)p.theme.palette[1];

    /* the painted columns, left to right: runs of x with series colour */
    int h[8], mid[8], runs = 0, in = 0, start = 0;
    for (int x = (int)box.x; x <= box.x + box.w && runs < 8; x++) {
        int tall = x < box.x + box.w ? painted_height(&p, x, c0, c1) : 0;
        if (tall > 0 && !in) {
            in = 1;
            start = x;
        } else if (tall == 0 && in) {
            in = 0;
            mid[runs] = (start + x - 1) / 2;
            h[runs] = painted_height(&p, mid[runs], c0, c1);
            runs++;
        }
    }
    /* three columns (the legend's two swatches are short squares on one
     * line: count only runs taller than a swatch) */
    int cols = 0, ch[3] = {0, 0, 0};
    for (int i = 0; i < runs; i++)
        if (h[i] > 20 && cols < 3)
            ch[cols++] = h[i];
    CHECK_INT(cols, 3);
    /* 3 : 4 : 1, within 3%: each segment's top loses a pixel to the white
     * hairline that parts it from the next, and edges are antialiased */
    CHECK(ch[2] > 0 && fabs((double)ch[1] / ch[2] - 4.0) <= 4.0 * 0.03);
    CHECK(ch[0] > 0 && fabs((double)ch[1] / ch[0] - 4.0 / 3.0) <= 4.0 / 3.0 * 0.03);
    test_close(&p);
    ssc_table_free(t);

    /* not years (not four digits, not rising, a name): horizontal bars,
     * and ssc_chart_keys_are_years says no */
    static const char *const not_years[][3] = {
        {"2018", "2017", "2019"}, {"18", "19", "20"}, {"2018", "2019", "Africa"}};
    for (size_t i = 0; i < 3; i++) {
        ssc_table *u = stacked_table(not_years[i], a, b, 3);
        CHECK(!ssc_chart_keys_are_years(u));
        ssc_table_free(u);
    }
}

int main(void)
{
    test_years_as_columns();
    return check_done();
}

/* SPDX-License-Identifier: MIT */
/* Every chart kind, in every box, on image and PDF surfaces (axes,
 * number formats, the theme and text are test-draw-basics.c's).
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
#include "chart-tables.h"
#include "data/refdata.h"
#include "probe.h"
#include "report/table.h"

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
    CHECK_INT(ssc_canvas_init(&c, cr, &theme, "zh", NULL, &err), SSC_OK);
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

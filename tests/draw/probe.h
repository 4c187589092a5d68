/* SPDX-License-Identifier: MIT */
/* What the drawing tests share (test-chart, test-table-layout): an image
 * surface with a canvas on it, its pixels, and the tables of the table
 * layout cases.  Functions are static inline, as in check.h, so that
 * their CHECKs count in the test that includes them. */
#ifndef SSC_TEST_DRAW_PROBE_H
#define SSC_TEST_DRAW_PROBE_H

#include <stdint.h>
#include <stdio.h>

#include <cairo.h>

#include "../check.h"
#include "draw/charts/kinds.h"
#include "report/table.h"

#define SURFACE_W 600
#define SURFACE_H 700

typedef struct test_probe {
    cairo_surface_t *s;
    cairo_t *cr;
    ssc_canvas c;
    ssc_theme theme;
} test_probe;

static inline int test_open(test_probe *p, const char *lang, ssc_box box)
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

static inline void test_close(test_probe *p)
{
    ssc_canvas_fini(&p->c);
    cairo_destroy(p->cr);
    cairo_surface_destroy(p->s);
}

static inline uint32_t test_pixel(test_probe *p, int x, int y)
{
    const unsigned char *data = cairo_image_surface_get_data(p->s);
    int stride = cairo_image_surface_get_stride(p->s);
    return ((const uint32_t *)(const void *)(data + (size_t)y * stride))[x];
}

/* Pixels drawn (not fully transparent) outside, or inside, the box. */
static inline long test_count(test_probe *p, ssc_box b, int inside)
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

#define LONG_EN                                                                           \
    "Strengthening national statistical systems for monitoring the Sustainable Development " \
    "Goals through peer learning between statistical offices in three regions"

/* Ten regions with a count and an amount each: one table line a row. */
#define PAGES_ROWS 10
static inline ssc_table *test_pages_table(void)
{
    ssc_table *t = ssc_table_new();
    ssc_table_set_key_kind(t, SSC_KEY_REGION);
    ssc_table_add_column(t, "Projects", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    ssc_table_add_column(t, "Budget", SSC_COLUMN_NUMBER, SSC_UNIT_USD);
    for (size_t i = 0; i < PAGES_ROWS; i++) {
        char key[16];
        snprintf(key, sizeof key, "Row %zu", i);
        int r = ssc_table_row(t, key);
        ssc_table_add_to(t, r, 0, (double)i * 3);
        ssc_table_add_to(t, r, 1, (double)i * 250000);
    }
    return t;
}

/* Adds a number column with no values, or a text column whose first cell
 * wraps, making that row two lines tall. */
static inline ssc_table *test_add_column(ssc_table *t, const char *name, ssc_column_type type)
{
    int col = t ? ssc_table_add_column(t, name, type, SSC_UNIT_COUNT) : -1;
    if (t && type == SSC_COLUMN_TEXT)
        ssc_table_set_text(t, 0, col, LONG_EN " " LONG_EN);
    return t;
}

#endif

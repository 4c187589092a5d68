/* SPDX-License-Identifier: MIT */
/* What the drawing tests share (test-chart, test-draw-basics,
 * test-table-layout): an image surface with a canvas on it, its pixels,
 * long labels, colours' lightness, and the tables of the table layout
 * cases.  Functions are static inline, as in check.h, so that
 * their CHECKs count in the test that includes them. */
#ifndef SSC_TEST_DRAW_PROBE_H
#define SSC_TEST_DRAW_PROBE_H

#include <math.h>
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
    if (ssc_canvas_init(&p->c, p->cr, &p->theme, lang, NULL, &err) != SSC_OK) {
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

/* The lightness of a colour (CIE L*, from relative luminance), 0 to 100:
 * neighbouring series must stay apart in greyscale. */
static inline double test_lightness(unsigned long rgb)
{
    double ch[3], y;
    for (int i = 0; i < 3; i++) {
        double c = ((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;
        ch[i] = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
    }
    y = 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
    return y > 0.008856 ? 116.0 * cbrt(y) - 16.0 : 903.3 * y;
}

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

/* Labels that do not fit: long English, Chinese and Arabic titles, one
 * word longer than any box. */
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

/* SPDX-License-Identifier: MIT */
/* Drawing: the theme, the canvas behind plugin.h's ssc_canvas, text layout
 * and the engine's chart kinds.  One unit everywhere: PDF points, with
 * Pango's resolution set to 72 so a 10 pt font is 10 units. */
#ifndef SSC_DRAW_H
#define SSC_DRAW_H

#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "error.h"
#include "report/theme.h"
#include "ssc-report/plugin.h"

/* Colours (colour.c): sets rgb (0xRRGGBB) as the source of cr; the colour
 * t of the way from `from` to `to` (0: from, 1: to), mixed per sRGB
 * channel (tints toward white, faded tiles); 1 when white text reads
 * better than dark text on rgb. */
void ssc_draw_rgb(cairo_t *cr, unsigned long rgb);
unsigned long ssc_colour_mix(unsigned long from, unsigned long to, double t);
int ssc_colour_dark(unsigned long rgb);

struct ssc_canvas {
    cairo_t *cr;
    PangoLayout *layout; /* reused for every text */
    PangoFontMap *fonts; /* its fonts (draw/fonts.h), or NULL: Pango's default */
    ssc_box box;
    const ssc_theme *theme;
    const char *lang;    /* "en" or "zh" */
    char fmt[64];        /* ssc_canvas_format's result */
    char *missing_glyphs; /* the first text drawn with glyphs no font has */
    size_t shortened;     /* texts drawn ellipsized (the real pass only) */
    char *first_shortened; /* the first of them, whole */
    int measuring;        /* the document's dry run: tables lay out, draw nothing */
    int heading;          /* texts are titles: set in the theme's heading fonts */
    /* the dry run of a render, not of `check`: charts and custom sections
     * are not drawn either, as only their boxes matter to the plan, and
     * what they refuse the real pass refuses; `check` draws them, since a
     * chart or a plugin's render may refuse its table */
    int sketching;
    struct ssc_text_cache *text_cache; /* measurements kept between passes, or NULL */
};

/* Sets up c to draw on cr with theme and the fonts of map fonts (NULL:
 * Pango's default map, every installed font); returns SSC_ERR if Pango
 * fails. */
int ssc_canvas_init(ssc_canvas *c, cairo_t *cr, const ssc_theme *theme, const char *lang,
                    PangoFontMap *fonts, ssc_error *err);
void ssc_canvas_fini(ssc_canvas *c);
/* A Pango layout for cr with a context of its own over font map fonts
 * (NULL: Pango's default), set up as a canvas's (resolution, font
 * options, language); NULL when out of memory.  A canvas's layout is one;
 * a table keeps its drawn cells on another. */
PangoLayout *ssc_canvas_layout_new(cairo_t *cr, const char *lang, PangoFontMap *fonts);

/* Measures text laid out in width (<= 0: no wrapping) with style. */
void ssc_text_measure(ssc_canvas *c, const char *text, const ssc_text_style *style, double width,
                      double *w, double *h);
/* The same without the canvas's cache of measurements (tests compare). */
void ssc_text_measure_uncached(ssc_canvas *c, const char *text, const ssc_text_style *style,
                               double width, double *w, double *h);
/* Draws text with its top-left corner at (x, y), laid out in width. */
void ssc_text_draw_at(ssc_canvas *c, double x, double y, double width, const char *text,
                      const ssc_text_style *style);

/* Notes what drawing layout l (of text) loses: glyphs no font has, and an
 * ellipsis.  Every place that shows a layout calls it, so that the document
 * can refuse the first and report the second. */
void ssc_canvas_note(ssc_canvas *c, PangoLayout *l, const char *text);

/* Prepares c->layout for text exactly as ssc_text_measure does and returns
 * it (borrowed; valid until the next text call on c). */
PangoLayout *ssc_text_layout(ssc_canvas *c, const char *text, const ssc_text_style *style,
                             double width);
/* The same on layout l, which must come from ssc_canvas_layout_new for
 * c's Cairo context; leaves l's Pango context as it is (no
 * pango_cairo_update_layout: that marks every layout of the context as
 * changed, to be laid out again). */
void ssc_text_setup(ssc_canvas *c, PangoLayout *l, const char *text, const ssc_text_style *style,
                    double width);
/* 1 when text fits in width in at most max_lines lines without breaking
 * inside a word. */
int ssc_text_fits(ssc_canvas *c, const char *text, const ssc_text_style *style, double width,
                  int max_lines);
/* Width of the widest unbreakable run of text (a word; one ideograph in
 * Chinese), the least width that wraps text without breaking words. */
double ssc_text_widest_word(ssc_canvas *c, const char *text, const ssc_text_style *style);

/* Nice axis: a range [*lo, *hi] covering [min, max] in steps of 1, 2 or 5
 * times a power of ten, with at most max_ticks intervals. */
void ssc_axis_nice(double min, double max, int max_ticks, double *lo, double *hi, double *step);

/* Formats value with thousands separators ("12,345"), decimals only when
 * the value is not whole (up to 1); money in the report language's one
 * format: "US$45,000", "US$2.69 million", "4.5万美元", "3.2亿美元" (cents
 * only below a thousand). Returns buf. */
const char *ssc_format_number(char *buf, size_t len, double value, ssc_unit unit, const char *lang);

/* Height a chart of this kind wants for table t at width w (bars grow with
 * the number of rows). */
double ssc_chart_height(ssc_canvas *c, const ssc_table *t, ssc_chart_kind kind, double w);
/* Draws t as a chart of the given kind (any but table and custom) inside
 * c->box. */
int ssc_chart_draw(ssc_canvas *c, const ssc_table *t, ssc_chart_kind kind, ssc_error *err);
/* Draws rows [first, ...) of t as a table from the top of c->box, repeating
 * the header row, and stops before the box's bottom: *next is the first row
 * not drawn (== rows when done), *used the height drawn. */
int ssc_chart_table(ssc_canvas *c, const ssc_table *t, size_t first, size_t *next, double *used,
                    ssc_error *err);
/* The same for rows [first, end) only. */
int ssc_chart_table_range(ssc_canvas *c, const ssc_table *t, size_t first, size_t end,
                          size_t *next, double *used, ssc_error *err);

/* A table laid out once for rows [0, rows) at a width: column widths from
 * one pass over the rows, row heights measured when first needed.  A long
 * table keeps one plan for all its pages (and both passes of the
 * document), which makes it linear in its rows.  blocks: how many blocks
 * of rows stand side by side, each with the header, the rows running down
 * the first and on into the next as a dictionary's columns: 0 lets the
 * engine choose (two or three when every column fits at its natural width
 * and each block gets some rows; never for a list of projects), 1 is one
 * table, 2 to 4 that many. */
typedef struct ssc_table_plan ssc_table_plan;
int ssc_table_plan_new(ssc_canvas *c, const ssc_table *t, size_t rows, double width, int blocks,
                       ssc_table_plan **out, ssc_error *err);
void ssc_table_plan_free(ssc_table_plan *plan);
/* The height the table needs to start on a page whose body is page points
 * tall (what a title above it keeps with it): all of it when it is short
 * (half a page at most), so that it is never split into two stubs;
 * else its header and first three rows. */
double ssc_table_plan_keep(ssc_canvas *c, ssc_table_plan *plan, double page);
/* 1 when plan was made for t, rows, width and blocks. */
int ssc_table_plan_fits(const ssc_table_plan *plan, const ssc_table *t, size_t rows,
                        double width, int blocks);
/* ssc_chart_table with a plan: rows from first in c->box (whose width
 * should be the plan's). */
int ssc_chart_table_plan(ssc_canvas *c, ssc_table_plan *plan, size_t first, size_t *next,
                         double *used, ssc_error *err);

#endif

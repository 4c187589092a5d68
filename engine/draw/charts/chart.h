/* Private to the engine's chart kinds: the layout constants, the text and
 * axis helpers they share, and one height/draw pair per kind.  Nothing
 * here is part of the plugin interface. */
#ifndef SSC_CHART_H
#define SSC_CHART_H

#include <stddef.h>

#include "draw/draw.h"
#include "report/table.h"

/* Text sizes, as fractions of the theme's body size. */
#define SSC_CHART_SMALL 0.8  /* tick labels, value labels */
#define SSC_CHART_LABEL 0.85 /* category labels, legend */

/* More series than colours cannot be told apart; further number columns
 * are left to the table kind. */
#define SSC_CHART_MAX_SERIES 8

/* Horizontal bars: row pitch of a one-series chart, in points. */
#define SSC_HBAR_ROW 18.0

/* Tables: text size (times the body size), cell padding in points, and
 * the most lines a wrapped cell may take.  A row is
 * lines * (line height of the table font) + 2 * SSC_TABLE_PAD_Y. */
#define SSC_TABLE_SIZE 0.9
#define SSC_TABLE_PAD_X 5.0
#define SSC_TABLE_PAD_Y 3.5
#define SSC_TABLE_MAX_LINES 2

/* ---- text (text.c) ------------------------------------------------------ */

/* Prepares c->layout for text exactly as ssc_text_measure does and returns
 * it (borrowed; valid until the next text call on c). */
PangoLayout *ssc_text_layout(ssc_canvas *c, const char *text, const ssc_text_style *style,
                             double width);
/* 1 when text fits in width in at most max_lines lines without breaking
 * inside a word. */
int ssc_text_fits(ssc_canvas *c, const char *text, const ssc_text_style *style, double width,
                  int max_lines);
/* Width of the widest unbreakable run of text (a word; one ideograph in
 * Chinese), the least width that wraps text without breaking words. */
double ssc_text_widest_word(ssc_canvas *c, const char *text, const ssc_text_style *style);
/* Draws text unwrapped so that the point (ax, ay) of its logical box lands
 * on (x, y): (0, 0) top-left, (0.5, 0.5) centre, (1, 0.5) middle of the
 * right edge.  Returns the text's width. */
double ssc_chart_text(ssc_canvas *c, double x, double y, double ax, double ay, const char *text,
                      const ssc_text_style *style);

/* ---- series and colours (chart.c) --------------------------------------- */

/* The number columns a chart draws, with the range of their values. */
typedef struct ssc_series {
    size_t col[SSC_CHART_MAX_SERIES];
    size_t n;
    ssc_unit unit; /* of the first series; the axis shows this unit */
    double min, max; /* over finite values, always including 0 */
    int whole;       /* every value is a whole number */
} ssc_series;

void ssc_chart_series(const ssc_table *t, ssc_series *s);
/* Value of a row, or NAN when missing or not finite. */
double ssc_chart_value(const ssc_table *t, const ssc_series *s, size_t series, size_t row);
/* One series: the row's colour hint or the accent; several: the palette. */
unsigned long ssc_chart_colour(const ssc_canvas *c, const ssc_table *t, const ssc_series *s,
                               size_t series, size_t row);
void ssc_chart_rgb(cairo_t *cr, unsigned long rgb);
ssc_text_style ssc_chart_style(const ssc_canvas *c, double scale, unsigned long colour);
/* The colour t of the way from `from` to `to` (0: from, 1: to), mixed per
 * sRGB channel: tints of a colour toward white, and faded tiles. */
unsigned long ssc_chart_mix(unsigned long from, unsigned long to, double t);
/* 1 when white text reads better than dark text on rgb. */
int ssc_chart_dark(unsigned long rgb);
/* 1 when the canvas writes Chinese. */
int ssc_chart_zh(const ssc_canvas *c);
/* Height of one line of text in style st. */
double ssc_chart_line_h(ssc_canvas *c, const ssc_text_style *st);
/* Adds a rectangle with corners rounded by r to the current path. */
void ssc_chart_round_rect(cairo_t *cr, double x, double y, double w, double h, double r);

/* ---- value axis (chart.c) ----------------------------------------------- */

typedef struct ssc_chart_axis {
    double lo, hi, step;
    ssc_unit unit;
} ssc_chart_axis;

/* Picks nice ticks for a value axis length points long; along a horizontal
 * axis the tick labels' widths limit how many fit. */
void ssc_chart_axis_fit(ssc_canvas *c, const ssc_series *s, double length, int horizontal,
                        ssc_chart_axis *a);
/* Position of v on an axis drawn from `from` (value lo) to `to` (value hi). */
double ssc_chart_axis_pos(const ssc_chart_axis *a, double v, double from, double to);
/* Widest tick label, in points. */
double ssc_chart_axis_label_width(ssc_canvas *c, const ssc_chart_axis *a);
/* Number of intervals (ticks - 1). */
int ssc_chart_axis_intervals(const ssc_chart_axis *a);
double ssc_chart_axis_tick(const ssc_chart_axis *a, int i);

/* ---- legend (chart.c) --------------------------------------------------- */

/* Height of the legend for s laid out in width (0 for a single series). */
double ssc_chart_legend_height(ssc_canvas *c, const ssc_table *t, const ssc_series *s,
                               double width);
/* Draws the legend from (x, y); line swatches for line charts. */
void ssc_chart_legend_draw(ssc_canvas *c, const ssc_table *t, const ssc_series *s, double x,
                           double y, double width, int line_swatches);
/* A muted "No data" in the middle of the box. */
void ssc_chart_no_data(ssc_canvas *c);

/* ---- kinds --------------------------------------------------------------- */

double ssc_chart_bar_height(ssc_canvas *c, const ssc_table *t, double w);
void ssc_chart_bar_draw(ssc_canvas *c, const ssc_table *t);
double ssc_chart_hbar_height(ssc_canvas *c, const ssc_table *t, double w);
void ssc_chart_hbar_draw(ssc_canvas *c, const ssc_table *t);
double ssc_chart_line_height(ssc_canvas *c, const ssc_table *t, double w);
void ssc_chart_line_draw(ssc_canvas *c, const ssc_table *t);
/* Height of the whole table (all rows, one header) at width w. */
double ssc_chart_table_height(ssc_canvas *c, const ssc_table *t, double w);

/* Grouped bars (chart_bar.c): columns when a few short-named rows fit
 * side by side, else horizontal bars, one colour per series. */
double ssc_chart_grouped_height(ssc_canvas *c, const ssc_table *t, double w);
void ssc_chart_grouped_draw(ssc_canvas *c, const ssc_table *t);

/* Stacked bars (chart_stacked.c): always horizontal, one bar per row. */
double ssc_chart_stacked_height(ssc_canvas *c, const ssc_table *t, double w);
void ssc_chart_stacked_draw(ssc_canvas *c, const ssc_table *t);

/* Donut (chart_donut.c): shares of the first number column. */
#define SSC_DONUT_MAX_SLICES 7

typedef struct ssc_donut_slice {
    double value;         /* > 0 */
    const char *label;    /* borrowed from the table, or the static "Other" */
    unsigned long colour;
    size_t row;           /* the table row; (size_t)-1 for "Other" */
} ssc_donut_slice;

/* The slices of t, largest first: every row with a positive value when
 * there are at most SSC_DONUT_MAX_SLICES, else the largest
 * SSC_DONUT_MAX_SLICES - 1 and "Other" (其他) holding the rest.  Zero,
 * negative and missing values are no share of a whole and are left out.
 * Returns the number of slices and the sum of their values in *total. */
size_t ssc_chart_donut_slices(const ssc_canvas *c, const ssc_table *t,
                              ssc_donut_slice out[SSC_DONUT_MAX_SLICES], double *total);
double ssc_chart_donut_height(ssc_canvas *c, const ssc_table *t, double w);
void ssc_chart_donut_draw(ssc_canvas *c, const ssc_table *t);

/* SDG grid (chart_sdggrid.c) and country tile map (chart_tilemap.c): they
 * refuse (SSC_ERR, err filled) a table with rows none of which is keyed by
 * an SDG or a country, which is a report asking for the wrong chart. */
double ssc_chart_sdg_grid_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_sdg_grid_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);
double ssc_chart_tile_map_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_tile_map_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);

#endif

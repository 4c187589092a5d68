/* SPDX-License-Identifier: MIT */
/* What every chart kind shares: text styles, series, colours, the value
 * axis and the legend.  Kinds call these; nothing here calls a kind or the
 * dispatcher (chart.c), so the dependencies run one way. */
#include "draw/charts/common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/refdata.h"

/* Space between a legend and the plot below it. */
#define CHART_LEGEND_GAP 8.0
/* Legend swatches: a square for bars, a short stroke for lines. */
#define CHART_SWATCH 8.0
#define CHART_SWATCH_LINE 16.0
#define CHART_LEGEND_ITEM_GAP 16.0

ssc_text_style ssc_chart_style(const ssc_canvas *c, double scale, unsigned long colour)
{
    ssc_text_style st = {0};
    st.size = c->theme->body_size * scale;
    st.colour = colour;
    return st;
}

double ssc_chart_stack_ends(const ssc_table *t, const ssc_series *s, size_t r, double *neg,
                            double *pos)
{
    *neg = 0.0;
    *pos = 0.0;
    for (size_t k = 0; k < s->n; k++) {
        double v = ssc_chart_value(t, s, k, r);
        if (isnan(v))
            continue;
        if (v < 0)
            *neg += v;
        else
            *pos += v;
    }
    return *neg + *pos;
}

int ssc_chart_keys_are_years(const ssc_table *t)
{
    size_t n = ssc_table_rows(t);
    long last = 0;

    if (n < 2)
        return 0;
    for (size_t r = 0; r < n; r++) {
        const char *key = ssc_table_key(t, r);
        char *end;
        long y;
        if (!key || key[0] < '0' || key[0] > '9')
            return 0;
        y = strtol(key, &end, 10);
        if (*end != '\0' || end - key != 4 || y <= last)
            return 0;
        last = y;
    }
    return 1;
}

int ssc_chart_zh(const ssc_canvas *c)
{
    return c->lang && strncmp(c->lang, "zh", 2) == 0;
}

double ssc_chart_line_h(ssc_canvas *c, const ssc_text_style *st)
{
    double h;
    ssc_text_measure(c, "0", st, 0.0, NULL, &h);
    return h;
}

void ssc_chart_round_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
    r = fmin(r, fmin(w, h) / 2.0);
    if (r <= 0.0) {
        cairo_rectangle(cr, x, y, w, h);
        return;
    }
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2.0, 0.0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0.0, G_PI / 2.0);
    cairo_arc(cr, x + r, y + h - r, r, G_PI / 2.0, G_PI);
    cairo_arc(cr, x + r, y + r, r, G_PI, 1.5 * G_PI);
    cairo_close_path(cr);
}

double ssc_chart_text(ssc_canvas *c, double x, double y, double ax, double ay, const char *text,
                      const ssc_text_style *style)
{
    double w, h;
    ssc_text_style st = style ? *style : (ssc_text_style){0};
    st.max_lines = 0;
    st.align = SSC_ALIGN_START;
    ssc_text_measure(c, text, &st, 0.0, &w, &h);
    ssc_text_draw_at(c, x - ax * w, y - ay * h, 0.0, text, &st);
    return w;
}

/* ---- series --------------------------------------------------------------- */

void ssc_chart_series(const ssc_table *t, ssc_series *s)
{
    size_t cols = ssc_table_columns(t), rows = ssc_table_rows(t);

    memset(s, 0, sizeof *s);
    s->whole = 1;
    for (size_t col = 0; col < cols && s->n < SSC_CHART_MAX_SERIES; col++)
        if (ssc_table_column_type(t, col) == SSC_COLUMN_NUMBER)
            s->col[s->n++] = col;
    if (s->n > 0)
        s->unit = ssc_table_column_unit(t, s->col[0]);
    for (size_t k = 0; k < s->n; k++)
        for (size_t r = 0; r < rows; r++) {
            double v = ssc_table_number(t, r, s->col[k]);
            if (!isfinite(v))
                continue;
            if (v < s->min)
                s->min = v;
            if (v > s->max)
                s->max = v;
            if (fabs(v - round(v)) > 1e-9)
                s->whole = 0;
        }
}

double ssc_chart_value(const ssc_table *t, const ssc_series *s, size_t series, size_t row)
{
    double v = ssc_table_number(t, row, s->col[series]);
    return isfinite(v) ? v : NAN;
}

/* Stable colours (issue 8): a region, a status or a gender-marker level
 * has the same colour in every report, whatever else a chart holds, so a
 * reader who learnt "Africa is navy" on one page is not misled on the next.
 * Regions and statuses take the theme palette's colour of their place in a
 * fixed order; the gender marker is an ordered scale (0, 1, 2), so it takes
 * a ramp of the accent, lightest for "not targeted", and grey for none. */
static const char *const chart_status_keys[] = {"completed", "ongoing", "pipeline", "cancelled",
                                                "suspended"};

long ssc_chart_stable_colour(const ssc_canvas *c, ssc_key_kind kind, const char *key)
{
    if (!key)
        return -1;
    if (kind == SSC_KEY_REGION || kind == SSC_KEY_TEXT)
        for (size_t i = 0; i < ssc_region_count(); i++)
            if (strcmp(ssc_region_key(i), key) == 0)
                return (long)ssc_canvas_palette(c, i);
    if (kind == SSC_KEY_STATUS || kind == SSC_KEY_TEXT)
        for (size_t i = 0; i < sizeof chart_status_keys / sizeof *chart_status_keys; i++)
            if (strcmp(chart_status_keys[i], key) == 0)
                return (long)ssc_canvas_palette(c, i);
    if (kind == SSC_KEY_GENDER) {
        static const double share[3] = {0.3, 0.62, 1.0};
        if (key[0] >= '0' && key[0] <= '2' && key[1] == '\0')
            return (long)ssc_colour_mix(0xFFFFFF, c->theme->accent, share[key[0] - '0']);
        return 0xC9CFD4L; /* no marker */
    }
    return -1;
}

unsigned long ssc_chart_row_colour(const ssc_canvas *c, const ssc_table *t, size_t row,
                                   size_t rank)
{
    long hint = ssc_table_colour(t, row);
    if (hint < 0)
        hint = ssc_chart_stable_colour(c, ssc_table_key_kind(t), ssc_table_key(t, row));
    return hint >= 0 ? (unsigned long)hint : ssc_canvas_palette(c, rank);
}

unsigned long ssc_chart_series_colour(const ssc_canvas *c, const ssc_table *t,
                                      const ssc_series *s, size_t series)
{
    /* a column named after a region or a status (by-status stacks regions) */
    long hint = ssc_chart_stable_colour(c, SSC_KEY_TEXT, ssc_table_column_name(t, s->col[series]));
    return hint >= 0 ? (unsigned long)hint : ssc_canvas_palette(c, series);
}

unsigned long ssc_chart_colour(const ssc_canvas *c, const ssc_table *t, const ssc_series *s,
                               size_t series, size_t row)
{
    if (s->n > 1)
        return ssc_chart_series_colour(c, t, s, series);
    long hint = ssc_table_colour(t, row);
    if (hint < 0 && ssc_table_key_kind(t) == SSC_KEY_GENDER)
        hint = ssc_chart_stable_colour(c, SSC_KEY_GENDER, ssc_table_key(t, row));
    return hint >= 0 ? (unsigned long)hint : c->theme->accent;
}

/* ---- value axis ------------------------------------------------------------ */

int ssc_chart_axis_intervals(const ssc_chart_axis *a)
{
    return (int)floor((a->hi - a->lo) / a->step + 0.5);
}

double ssc_chart_axis_tick(const ssc_chart_axis *a, int i)
{
    double v = a->lo + i * a->step;
    return fabs(v) < a->step * 1e-9 ? 0.0 : v;
}

double ssc_chart_axis_pos(const ssc_chart_axis *a, double v, double from, double to)
{
    if (a->hi <= a->lo)
        return from;
    return from + (v - a->lo) / (a->hi - a->lo) * (to - from);
}

/* Money axes write their unit once, in a title above the ticks, and the
 * ticks in that unit (issue 8): "US$ thousand" over 0, 200, 400 rather than
 * US$0, US$200,000, US$400,000.  The scale is the largest of million,
 * thousand, one (亿, 万, one in Chinese) in which the step is still a whole
 * number of tenths, since ticks show one decimal; an axis must reach a
 * million (亿), or ten thousand (10万), to use it. */
static double axis_money_scale(const ssc_canvas *c, const ssc_chart_axis *a)
{
    static const double en[] = {1e6, 1e3, 1.0}, zh[] = {1e8, 1e4, 1.0};
    const double *k = ssc_chart_zh(c) ? zh : en;
    double end = fmax(fabs(a->lo), fabs(a->hi));
    for (int i = 0; i < 2; i++) {
        double tenths = a->step / k[i] * 10.0;
        if (end >= k[i] * (i == 0 ? 1.0 : 10.0) &&
            fabs(tenths - round(tenths)) < 1e-6)
            return k[i];
    }
    return 1.0;
}

const char *ssc_chart_axis_title(const ssc_canvas *c, const ssc_chart_axis *a)
{
    if (a->unit != SSC_UNIT_USD)
        return NULL;
    double k = axis_money_scale(c, a);
    if (ssc_chart_zh(c)) /* 亿美元, 万美元, 美元 */
        return k == 1e8 ? "\u4ebf\u7f8e\u5143" : k == 1e4 ? "\u4e07\u7f8e\u5143" : "\u7f8e\u5143";
    return k == 1e6 ? "US$ million" : k == 1e3 ? "US$ thousand" : "US$";
}

const char *ssc_chart_tick_label(ssc_canvas *c, const ssc_chart_axis *a, double v)
{
    if (a->unit != SSC_UNIT_USD)
        return ssc_canvas_format(c, v, a->unit);
    return ssc_canvas_format(c, v / axis_money_scale(c, a), SSC_UNIT_COUNT);
}

double ssc_chart_axis_title_height(ssc_canvas *c, ssc_unit unit)
{
    ssc_text_style st = ssc_chart_style(c, SSC_CHART_SMALL, 0);
    return unit == SSC_UNIT_USD ? ssc_chart_line_h(c, &st) + 2.0 : 0.0;
}

void ssc_chart_axis_title_draw(ssc_canvas *c, const ssc_chart_axis *a, double x, double y)
{
    ssc_text_style st = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->muted);
    const char *title = ssc_chart_axis_title(c, a);
    if (title)
        ssc_chart_text(c, x, y, 0.0, 0.0, title, &st);
}

double ssc_chart_axis_label_width(ssc_canvas *c, const ssc_chart_axis *a)
{
    ssc_text_style st = ssc_chart_style(c, SSC_CHART_SMALL, 0);
    double widest = 0.0;
    int n = ssc_chart_axis_intervals(a);
    for (int i = 0; i <= n; i++) {
        double w;
        ssc_text_measure(c, ssc_chart_tick_label(c, a, ssc_chart_axis_tick(a, i)), &st, 0.0, &w,
                         NULL);
        if (w > widest)
            widest = w;
    }
    return widest;
}

/* Labels print at most one decimal, and counts have no fractions, so
 * ticks never come closer than that: otherwise two ticks read the same. */
static void chart_axis_nice(const ssc_series *s, int max_ticks, ssc_chart_axis *a)
{
    double least = s->whole ? 1.0 : 0.1;
    ssc_axis_nice(s->min, s->max, max_ticks, &a->lo, &a->hi, &a->step);
    if (a->step < least) {
        a->step = least;
        a->lo = floor(s->min / least + 1e-9) * least;
        a->hi = ceil(s->max / least - 1e-9) * least;
        if (a->hi <= a->lo)
            a->hi = a->lo + least;
    }
    a->unit = s->unit;
}

void ssc_chart_axis_fit(ssc_canvas *c, const ssc_series *s, double length, int horizontal,
                        ssc_chart_axis *a)
{
    int max_ticks;
    if (!horizontal) {
        /* about 30 points between gridlines reads calmly */
        max_ticks = (int)(length / 30.0);
        max_ticks = max_ticks < 2 ? 2 : max_ticks > 6 ? 6 : max_ticks;
        chart_axis_nice(s, max_ticks, a);
        return;
    }
    /* Fewer ticks until their labels stand apart. */
    for (max_ticks = 6;; max_ticks--) {
        chart_axis_nice(s, max_ticks, a);
        if (max_ticks <= 1)
            break;
        double gap = length / ssc_chart_axis_intervals(a);
        if (gap >= ssc_chart_axis_label_width(c, a) + 16.0)
            break;
    }
}

/* ---- legend ----------------------------------------------------------------- */

/* Lays the legend out in rows; draws it when draw is set.  Returns its
 * height.  Items flow left to right and wrap; an item wider than the
 * whole width is ellipsized. */
static double chart_legend(ssc_canvas *c, const ssc_table *t, const ssc_series *s, double x0,
                           double y0, double width, int line_swatches, int draw)
{
    ssc_text_style st = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    double sw = line_swatches ? CHART_SWATCH_LINE : CHART_SWATCH;
    double x = 0.0, y = 0.0, lh = 0.0;

    if (s->n < 2)
        return 0.0;
    st.max_lines = 1;
    ssc_text_measure(c, "Ag", &st, 0.0, NULL, &lh);
    for (size_t k = 0; k < s->n; k++) {
        const char *name = ssc_table_column_title(t, s->col[k]);
        double tw, item;
        ssc_text_measure(c, name, &st, 0.0, &tw, NULL);
        if (sw + 4.0 + tw > width)
            tw = width - sw - 4.0;
        item = sw + 4.0 + tw;
        if (x > 0.0 && x + item > width) {
            x = 0.0;
            y += lh;
        }
        if (draw) {
            unsigned long rgb = ssc_chart_series_colour(c, t, s, k);
            double cy = y0 + y + lh / 2.0;
            ssc_draw_rgb(c->cr, rgb);
            if (line_swatches) {
                cairo_set_line_width(c->cr, 2.0);
                cairo_move_to(c->cr, x0 + x, cy);
                cairo_line_to(c->cr, x0 + x + sw, cy);
                cairo_stroke(c->cr);
            } else {
                cairo_rectangle(c->cr, x0 + x, cy - sw / 2.0, sw, sw);
                cairo_fill(c->cr);
            }
            ssc_text_draw_at(c, x0 + x + sw + 4.0, y0 + y, tw + 0.5, name, &st);
        }
        x += item + CHART_LEGEND_ITEM_GAP;
    }
    return y + lh + CHART_LEGEND_GAP;
}

double ssc_chart_legend_height(ssc_canvas *c, const ssc_table *t, const ssc_series *s,
                               double width)
{
    return chart_legend(c, t, s, 0.0, 0.0, width, 0, 0);
}

void ssc_chart_legend_draw(ssc_canvas *c, const ssc_table *t, const ssc_series *s, double x,
                           double y, double width, int line_swatches)
{
    chart_legend(c, t, s, x, y, width, line_swatches, 1);
}

void ssc_chart_no_data(ssc_canvas *c)
{
    ssc_text_style st = ssc_chart_style(c, 1.0, c->theme->muted);
    /* 无数据 */
    const char *msg = strncmp(c->lang, "zh", 2) == 0 ? "\u65e0\u6570\u636e" : "No data";
    ssc_chart_text(c, c->box.x + c->box.w / 2.0, c->box.y + c->box.h / 2.0, 0.5, 0.5, msg, &st);
}

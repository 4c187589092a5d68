/* SPDX-License-Identifier: MIT */
/* Bar charts: vertical columns for a handful of categories, horizontal bars
 * for many or long-named ones.  Several number columns become grouped bars
 * with a legend above the plot, where it can never cover a bar. */
#include "draw/charts/kinds.h"

#include <math.h>
#include <string.h>

#define BAR_GAP 6.0             /* between tick labels and the plot */
#define BAR_LABEL_LINES 3       /* wrapped category labels under columns */
#define BAR_ROTATED_MAX 110.0   /* rotated labels are ellipsized to this */
#define BAR_WRAP_MIN_SLOT 56.0  /* columns this wide wrap even long words */
#define BAR_PLOT_MIN 150.0      /* preferred plot height range of columns */
#define BAR_PLOT_MAX 240.0
#define BAR_SIN45 0.70710678118654752
#define BAR_BASELINE_WIDTH 0.8
#define BAR_GRID_WIDTH 0.5

/* ---- shared by both orientations ---------------------------------------- */

static double bar_line_height(ssc_canvas *c, const ssc_text_style *st)
{
    double h;
    ssc_text_measure(c, "0", st, 0.0, NULL, &h);
    return h;
}

/* Widest formatted value among the rows, counting only values on the given
 * side of zero (sign > 0: positive and zero; sign < 0: negative). */
static double bar_value_width(ssc_canvas *c, const ssc_table *t, const ssc_series *s,
                              const ssc_text_style *st, int sign)
{
    double widest = 0.0;
    for (size_t k = 0; k < s->n; k++)
        for (size_t r = 0; r < ssc_table_rows(t); r++) {
            double v = ssc_chart_value(t, s, k, r), w;
            if (isnan(v) || (sign > 0 && v < 0) || (sign < 0 && v >= 0))
                continue;
            ssc_text_measure(c, ssc_canvas_format(c, v, s->unit), st, 0.0, &w, NULL);
            if (w > widest)
                widest = w;
        }
    return widest;
}

static void bar_rect(cairo_t *cr, double x0, double y0, double x1, double y1, unsigned long rgb)
{
    ssc_draw_rgb(cr, rgb);
    cairo_rectangle(cr, fmin(x0, x1), fmin(y0, y1), fabs(x1 - x0), fabs(y1 - y0));
    cairo_fill(cr);
}

static void bar_line(cairo_t *cr, double x0, double y0, double x1, double y1, double width,
                     unsigned long rgb)
{
    ssc_draw_rgb(cr, rgb);
    cairo_set_line_width(cr, width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

/* ---- vertical columns ----------------------------------------------------- */

typedef struct bar_layout {
    ssc_series s;
    ssc_chart_axis axis;
    double legend_h;
    double px, py, pw, ph; /* plot: the axis' lo at py + ph, hi at py */
    double slot;           /* width of one category */
    double group_w, bar_w; /* the bars of one category; one bar */
    int rotate;            /* category labels at 45 degrees */
    double label_len;      /* rotated labels: longest length */
    double label_h;        /* category label area under the plot */
    double label_lh;
    size_t label_every;    /* rotated labels: one in this many, so they never overlap */
    int value_labels;
    int stack;             /* the series stack in one column (stacked columns) */
    double title_h;        /* the axis title's line, over the tick labels */
} bar_layout;

/* A stacked column's label: the row's distinct count when the plugin gave
 * one (segments may repeat projects), else its net total. */
static double bar_stack_total(const ssc_table *t, const ssc_series *s, size_t r)
{
    double total = ssc_table_row_total(t, r), neg, pos;
    return isfinite(total) ? total : ssc_chart_stack_ends(t, s, r, &neg, &pos);
}

/* Places the plot at px and recomputes what depends on its width. */
static void bar_columns_place(bar_layout *L, ssc_box box, double left, size_t rows)
{
    L->px = box.x + left;
    L->pw = box.w - left;
    L->slot = L->pw / (double)rows;
    L->group_w = L->slot * (L->s.n > 1 && !L->stack ? 0.8 : 0.62);
    L->bar_w = L->stack ? L->group_w : (L->group_w - (L->s.n - 1) * 1.0) / (double)L->s.n;
    if (L->bar_w < 0.5)
        L->bar_w = 0.5;
}

/* Decides how category labels go under columns: wrapped into the column
 * when every word fits (or the column is wide), else rotated 45 degrees. */
static void bar_columns_labels(ssc_canvas *c, const ssc_table *t, bar_layout *L)
{
    ssc_text_style lab = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    size_t rows = ssc_table_rows(t);
    double widest = 0.0;
    int wrap = 1;

    L->label_lh = bar_line_height(c, &lab);
    for (size_t r = 0; r < rows; r++) {
        double w;
        ssc_text_measure(c, ssc_table_label(t, r), &lab, 0.0, &w, NULL);
        if (w > widest)
            widest = w;
        if (wrap && !ssc_text_fits(c, ssc_table_label(t, r), &lab, L->slot - 4.0, BAR_LABEL_LINES))
            wrap = 0;
    }
    if (!wrap && L->slot >= BAR_WRAP_MIN_SLOT)
        wrap = 1;
    L->rotate = !wrap;
    L->label_h = 0.0;
    if (wrap) {
        lab.max_lines = BAR_LABEL_LINES;
        lab.align = SSC_ALIGN_CENTER;
        for (size_t r = 0; r < rows; r++) {
            double h;
            ssc_text_measure(c, ssc_table_label(t, r), &lab, L->slot - 4.0, NULL, &h);
            if (h > L->label_h)
                L->label_h = h;
        }
    } else {
        L->label_len = widest < BAR_ROTATED_MAX ? widest : BAR_ROTATED_MAX;
        L->label_h = (L->label_len + L->label_lh) * BAR_SIN45;
        /* At 45 degrees neighbouring labels are slot * sin 45 apart,
         * measured across the text: they must be a line apart. */
        L->label_every = (size_t)ceil(L->label_lh / (L->slot * BAR_SIN45) - 1e-9);
        if (L->label_every < 1)
            L->label_every = 1;
    }
}

/* One layout pass with the plot at least least_left from the box's edge;
 * returns the room the final tick labels need. */
static double bar_columns_pass(ssc_canvas *c, const ssc_table *t, ssc_box box, double plot_h,
                               double tick_lh, double least_left, bar_layout *L)
{
    ssc_text_style tick = ssc_chart_style(c, SSC_CHART_SMALL, 0);
    size_t rows = ssc_table_rows(t);
    double left, top, pitch;

    L->legend_h = ssc_chart_legend_height(c, t, &L->s, box.w);
    ssc_chart_axis_fit(c, &L->s, plot_h > 0 ? plot_h : box.h * 0.6, 0, &L->axis);
    left = fmax(least_left, ssc_chart_axis_label_width(c, &L->axis) + BAR_GAP);
    bar_columns_place(L, box, left, rows);
    bar_columns_labels(c, t, L);
    if (L->rotate) {
        /* the first rotated label reaches left of its column's centre */
        double reach = L->label_len * BAR_SIN45 + L->label_lh * 0.5 * BAR_SIN45 - L->slot / 2.0;
        if (reach > left) {
            bar_columns_place(L, box, reach, rows);
            bar_columns_labels(c, t, L);
        }
    }

    pitch = L->s.n > 1 && !L->stack ? L->bar_w + 1.0 : L->slot;
    if (L->stack) {
        double widest = 0.0, w;
        for (size_t r = 0; r < rows; r++) {
            ssc_text_measure(c, ssc_canvas_format(c, bar_stack_total(t, &L->s, r), L->s.unit),
                             &tick, 0.0, &w, NULL);
            widest = fmax(widest, w);
        }
        L->value_labels = widest <= pitch - 1.0;
    } else {
        L->value_labels = bar_value_width(c, t, &L->s, &tick, 0) <= pitch - 1.0;
    }
    L->title_h = ssc_chart_axis_title_height(c, L->s.unit);
    top = L->legend_h + L->title_h +
          fmax(tick_lh / 2.0, L->value_labels ? tick_lh + 1.0 : 0.0);
    L->py = box.y + top;
    L->ph = plot_h > 0 ? plot_h : box.h - top - L->label_h - 5.0;
    if (L->ph < 1.0)
        L->ph = 1.0;
    ssc_chart_axis_fit(c, &L->s, L->ph, 0, &L->axis);
    return ssc_chart_axis_label_width(c, &L->axis) + BAR_GAP;
}

/* Lays out columns in box; plot_h > 0 fixes the plot height (to answer
 * ssc_chart_height), else the plot takes what the box leaves. */
static void bar_columns_layout(ssc_canvas *c, const ssc_table *t, ssc_box box, double plot_h,
                               int stack, bar_layout *L)
{
    ssc_text_style tick = ssc_chart_style(c, SSC_CHART_SMALL, 0);
    size_t rows = ssc_table_rows(t);
    double tick_lh = bar_line_height(c, &tick), left = 0.0;

    memset(L, 0, sizeof *L);
    ssc_chart_series(t, &L->s);
    if (rows == 0 || L->s.n == 0)
        return;
    L->stack = stack;
    if (stack) {
        /* the axis runs over the stacks, not the single values */
        L->s.min = L->s.max = 0.0;
        for (size_t r = 0; r < rows; r++) {
            double neg, pos;
            ssc_chart_stack_ends(t, &L->s, r, &neg, &pos);
            L->s.min = fmin(L->s.min, neg);
            L->s.max = fmax(L->s.max, pos);
        }
    }
    /* The ticks depend on the plot's height, which depends on the labels
     * under it, whose room depends on the tick labels' width: a second
     * pass settles it when the final ticks came out wider. */
    for (int pass = 0; pass < 2; pass++) {
        left = bar_columns_pass(c, t, box, plot_h, tick_lh, left, L);
        if (left <= L->px - box.x)
            break;
    }
}

static double bar_columns_height(ssc_canvas *c, const ssc_table *t, double w, int stack)
{
    bar_layout L;
    ssc_box box = {0.0, 0.0, w, 1000.0};
    double plot = w * 0.42;
    if (ssc_table_rows(t) == 0)
        return 60.0;
    plot = plot < BAR_PLOT_MIN ? BAR_PLOT_MIN : plot > BAR_PLOT_MAX ? BAR_PLOT_MAX : plot;
    bar_columns_layout(c, t, box, plot, stack, &L);
    if (L.s.n == 0)
        return 60.0;
    return L.py + L.ph + 5.0 + L.label_h + 2.0;
}

double ssc_chart_bar_height(ssc_canvas *c, const ssc_table *t, double w)
{
    return bar_columns_height(c, t, w, 0);
}

double ssc_chart_stacked_columns_height(ssc_canvas *c, const ssc_table *t, double w)
{
    return bar_columns_height(c, t, w, 1);
}

static void bar_columns_grid(ssc_canvas *c, const bar_layout *L)
{
    ssc_text_style tick = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->muted);
    int n = ssc_chart_axis_intervals(&L->axis);
    for (int i = 0; i <= n; i++) {
        double v = ssc_chart_axis_tick(&L->axis, i);
        double y = ssc_chart_axis_pos(&L->axis, v, L->py + L->ph, L->py);
        if (v != 0.0)
            bar_line(c->cr, L->px, y, L->px + L->pw, y, BAR_GRID_WIDTH, c->theme->grid);
        ssc_chart_text(c, L->px - BAR_GAP, y, 1.0, 0.5, ssc_chart_tick_label(c, &L->axis, v),
                       &tick);
    }
    ssc_chart_axis_title_draw(c, &L->axis, c->box.x, c->box.y + L->legend_h);
}

static void bar_columns_label(ssc_canvas *c, const bar_layout *L, const char *label, double cx)
{
    ssc_text_style lab = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    double top = L->py + L->ph + 5.0;

    if (!L->rotate) {
        lab.align = SSC_ALIGN_CENTER;
        lab.max_lines = BAR_LABEL_LINES;
        ssc_text_draw_at(c, cx - L->slot / 2.0 + 2.0, top, L->slot - 4.0, label, &lab);
        return;
    }
    /* Rotated: the label ends at the column's centre and runs down to the
     * left, ellipsized to label_len. */
    double w, h;
    lab.max_lines = 1;
    lab.align = SSC_ALIGN_END;
    ssc_text_measure(c, label, &lab, L->label_len, &w, &h);
    /* Drawn here rather than with ssc_text_draw_at, whose clip rectangle
     * would turn with the text; ssc_chart_draw's clip to the box holds. */
    cairo_save(c->cr);
    cairo_translate(c->cr, cx, top + h * 0.5 * BAR_SIN45);
    cairo_rotate(c->cr, -G_PI / 4.0);
    PangoLayout *pl = ssc_text_layout(c, label, &lab, L->label_len);
    ssc_canvas_note(c, pl, label);
    ssc_draw_rgb(c->cr, c->theme->text);
    cairo_move_to(c->cr, -L->label_len, -h / 2.0);
    pango_cairo_show_layout(c->cr, pl);
    cairo_restore(c->cr);
}

/* One stacked column: segments from zero outwards, parted by a white
 * hairline, the total over the top. */
static void bar_stack_draw(ssc_canvas *c, const ssc_table *t, const bar_layout *L, size_t r,
                           double cx)
{
    double pos = 0.0, neg = 0.0, x = cx - L->bar_w / 2.0;
    for (size_t k = 0; k < L->s.n; k++) {
        double v = ssc_chart_value(t, &L->s, k, r), a, b;
        if (isnan(v) || v == 0.0)
            continue;
        a = ssc_chart_axis_pos(&L->axis, v > 0 ? pos : neg, L->py + L->ph, L->py);
        *(v > 0 ? &pos : &neg) += v;
        b = ssc_chart_axis_pos(&L->axis, v > 0 ? pos : neg, L->py + L->ph, L->py);
        bar_rect(c->cr, x, a, x + L->bar_w, b, ssc_chart_colour(c, t, &L->s, k, r));
        if (L->s.n > 1)
            bar_line(c->cr, x, b, x + L->bar_w, b, 0.8, 0xFFFFFF);
    }
    if (L->value_labels && pos > 0.0) {
        ssc_text_style val = ssc_chart_style(c, SSC_CHART_SMALL, 0);
        double y = ssc_chart_axis_pos(&L->axis, pos, L->py + L->ph, L->py);
        ssc_chart_text(c, cx, y - 1.0, 0.5, 1.0,
                       ssc_canvas_format(c, bar_stack_total(t, &L->s, r), L->s.unit), &val);
    }
}

static int bar_columns_draw(ssc_canvas *c, const ssc_table *t, int stack)
{
    ssc_text_style val = ssc_chart_style(c, SSC_CHART_SMALL, 0);
    size_t rows = ssc_table_rows(t);
    bar_layout L;

    bar_columns_layout(c, t, c->box, 0.0, stack, &L);
    if (rows == 0 || L.s.n == 0) {
        ssc_chart_no_data(c);
        return SSC_OK;
    }
    ssc_chart_legend_draw(c, t, &L.s, c->box.x, c->box.y, c->box.w, 0);
    bar_columns_grid(c, &L);

    double y0 = ssc_chart_axis_pos(&L.axis, 0.0, L.py + L.ph, L.py);
    for (size_t r = 0; r < rows; r++) {
        double cx = L.px + (r + 0.5) * L.slot;
        if (L.stack)
            bar_stack_draw(c, t, &L, r, cx);
        for (size_t k = 0; k < L.s.n && !L.stack; k++) {
            double v = ssc_chart_value(t, &L.s, k, r);
            double x = cx - L.group_w / 2.0 + k * (L.bar_w + 1.0);
            /* a zero among grouped bars is no bar: a "0" over nothing reads
             * as a mark (issue 8); the data table still gives it */
            if (isnan(v) || (L.s.n > 1 && v == 0.0))
                continue;
            double y = ssc_chart_axis_pos(&L.axis, v, L.py + L.ph, L.py);
            bar_rect(c->cr, x, y0, x + L.bar_w, y, ssc_chart_colour(c, t, &L.s, k, r));
            if (L.value_labels)
                ssc_chart_text(c, x + L.bar_w / 2.0, v >= 0 ? y - 1.0 : y + 1.0, 0.5,
                               v >= 0 ? 1.0 : 0.0, ssc_canvas_format(c, v, L.s.unit), &val);
        }
        if (!L.rotate || r % L.label_every == 0)
            bar_columns_label(c, &L, ssc_table_label(t, r), cx);
    }
    bar_line(c->cr, L.px, y0, L.px + L.pw, y0, BAR_BASELINE_WIDTH, c->theme->text);
    return SSC_OK;
}

int ssc_chart_bar_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    (void)err;
    return bar_columns_draw(c, t, 0);
}

int ssc_chart_stacked_columns_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    (void)err;
    return bar_columns_draw(c, t, 1);
}

/* ---- horizontal bars ----------------------------------------------------- */

typedef struct hbar_layout {
    ssc_series s;
    ssc_chart_axis axis;
    double legend_h;
    double top;            /* first row */
    double row_h, bar_h;
    double label_w;        /* category label column */
    double label_size;
    int label_lines;
    double px, pw;         /* the axis' lo at px, hi at px + pw */
    double value_size;
    int value_labels;
    double title_h;        /* the axis title's line, over the tick labels */
} hbar_layout;

/* The label column: as wide as the widest name, at most 35% of the box. */
static double hbar_label_width(ssc_canvas *c, const ssc_table *t, const ssc_text_style *lab,
                               double box_w)
{
    double widest = 0.0;
    for (size_t r = 0; r < ssc_table_rows(t); r++) {
        double w;
        ssc_text_measure(c, ssc_table_label(t, r), lab, 0.0, &w, NULL);
        if (w > widest)
            widest = w;
    }
    return fmin(ceil(widest) + 1.0, box_w * 0.35);
}

/* The tallest name wrapped freely in the label column. */
static double hbar_label_height(ssc_canvas *c, const ssc_table *t, const ssc_text_style *lab,
                                double label_w)
{
    ssc_text_style st = *lab;
    double tallest = 0.0;
    st.max_lines = 0;
    for (size_t r = 0; r < ssc_table_rows(t); r++) {
        double h;
        ssc_text_measure(c, ssc_table_label(t, r), &st, label_w, NULL, &h);
        if (h > tallest)
            tallest = h;
    }
    return tallest;
}

static void hbar_layout_rows(ssc_canvas *c, const ssc_table *t, ssc_box box, int fit,
                             hbar_layout *L)
{
    ssc_text_style tick = ssc_chart_style(c, SSC_CHART_SMALL, 0);
    ssc_text_style lab = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    size_t rows = ssc_table_rows(t);
    double tick_lh = bar_line_height(c, &tick), lab_lh = bar_line_height(c, &lab);
    double right, left_values = 0.0;

    memset(L, 0, sizeof *L);
    ssc_chart_series(t, &L->s);
    if (rows == 0 || L->s.n == 0)
        return;
    L->legend_h = ssc_chart_legend_height(c, t, &L->s, box.w);
    L->title_h = ssc_chart_axis_title_height(c, L->s.unit);
    L->top = box.y + L->legend_h + L->title_h + tick_lh + 3.0;

    /* Grouped bars are as thick as their value labels are tall. */
    L->bar_h = L->s.n > 1 ? tick_lh * 0.82 : SSC_HBAR_ROW * 0.62;
    L->row_h = L->s.n > 1 ? L->s.n * (L->bar_h + 1.0) + 7.0 : SSC_HBAR_ROW;
    L->value_size = tick.size;
    L->label_size = lab.size;
    /* A row is as tall as its longest name wrapped in the label column:
     * names are never cut (issue 8), so a long one takes more lines. */
    L->label_w = hbar_label_width(c, t, &lab, box.w);
    double need = hbar_label_height(c, t, &lab, L->label_w) + 3.0;
    if (need > L->row_h) {
        L->bar_h += L->s.n > 1 ? 0.0 : (need - L->row_h) * 0.3;
        L->row_h = need;
    }
    if (fit && rows > 0) {
        double avail = box.y + box.h - L->top - 2.0;
        if (rows * L->row_h > avail && avail > 0.0) {
            double k = avail / (rows * L->row_h);
            L->row_h *= k;
            L->bar_h *= k;
            /* smaller text, so that labels of neighbouring rows never touch */
            if (lab_lh > L->row_h)
                L->label_size *= L->row_h / lab_lh;
            if (L->s.n > 1 && tick_lh * 0.82 > L->bar_h)
                L->value_size *= L->bar_h / (tick_lh * 0.82);
            else if (tick_lh > L->row_h)
                L->value_size *= L->row_h / tick_lh;
        }
    }
    /* labels shrunk to fit the box take less room: measure them again */
    if (L->label_size != lab.size) {
        lab.size = L->label_size;
        L->label_w = hbar_label_width(c, t, &lab, box.w);
    }
    lab_lh = bar_line_height(c, &lab);
    /* as many lines as the row holds; ellipsizing is the last resort of a
     * chart squeezed into a box too small for it */
    L->label_lines = (int)((L->row_h + 1.0) / lab_lh);
    L->label_lines = L->label_lines < 1 ? 1 : L->label_lines;
    L->value_labels = L->value_size >= 4.5;

    tick.size = L->value_size;
    right = L->value_labels ? bar_value_width(c, t, &L->s, &tick, 1) + 4.0 : 0.0;
    if (L->s.min < 0 && L->value_labels)
        left_values = bar_value_width(c, t, &L->s, &tick, -1) + 4.0;
    L->px = box.x + L->label_w + 8.0 + left_values;
    L->pw = box.x + box.w - right - L->px;
    ssc_chart_axis_fit(c, &L->s, L->pw, 1, &L->axis);
    /* The last tick label is centred on its gridline: keep its right half
     * inside the box. */
    double half = 0.0;
    tick.size = c->theme->body_size * SSC_CHART_SMALL;
    ssc_text_measure(c, ssc_chart_tick_label(c, &L->axis, L->axis.hi), &tick, 0.0, &half, NULL);
    half /= 2.0;
    if (half > right) {
        L->pw -= half - right;
        ssc_chart_axis_fit(c, &L->s, L->pw, 1, &L->axis);
    }
}

double ssc_chart_hbar_height(ssc_canvas *c, const ssc_table *t, double w)
{
    hbar_layout L;
    ssc_box box = {0.0, 0.0, w, 1000.0};
    if (ssc_table_rows(t) == 0)
        return 60.0;
    hbar_layout_rows(c, t, box, 0, &L);
    if (L.s.n == 0)
        return 60.0;
    return L.top + ssc_table_rows(t) * L.row_h + 2.0;
}

static void hbar_grid(ssc_canvas *c, const hbar_layout *L, double bottom)
{
    ssc_text_style tick = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->muted);
    int n = ssc_chart_axis_intervals(&L->axis);
    for (int i = 0; i <= n; i++) {
        double v = ssc_chart_axis_tick(&L->axis, i);
        double x = ssc_chart_axis_pos(&L->axis, v, L->px, L->px + L->pw);
        if (v != 0.0)
            bar_line(c->cr, x, L->top - 1.0, x, bottom, BAR_GRID_WIDTH, c->theme->grid);
        ssc_chart_text(c, x, L->top - 3.0, 0.5, 1.0, ssc_chart_tick_label(c, &L->axis, v),
                       &tick);
    }
    ssc_chart_axis_title_draw(c, &L->axis, L->px, L->top - 3.0 - L->title_h - ssc_chart_line_h(c, &tick));
}

int ssc_chart_hbar_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    size_t rows = ssc_table_rows(t);
    hbar_layout L;

    hbar_layout_rows(c, t, c->box, 1, &L);
    if (rows == 0 || L.s.n == 0) {
        ssc_chart_no_data(c);
        return SSC_OK;
    }
    ssc_text_style lab = ssc_chart_style(c, 1.0, 0);
    ssc_text_style val = ssc_chart_style(c, 1.0, 0);
    lab.size = L.label_size;
    lab.align = SSC_ALIGN_END;
    lab.max_lines = L.label_lines;
    val.size = L.value_size;

    double bottom = L.top + rows * L.row_h;
    double x0 = ssc_chart_axis_pos(&L.axis, 0.0, L.px, L.px + L.pw);
    double stack = L.s.n * L.bar_h + (L.s.n - 1) * 1.0;
    ssc_chart_legend_draw(c, t, &L.s, c->box.x, c->box.y, c->box.w, 0);
    hbar_grid(c, &L, bottom);
    for (size_t r = 0; r < rows; r++) {
        double cy = L.top + (r + 0.5) * L.row_h, h;
        ssc_text_measure(c, ssc_table_label(t, r), &lab, L.label_w, NULL, &h);
        ssc_text_draw_at(c, c->box.x, cy - h / 2.0, L.label_w, ssc_table_label(t, r), &lab);
        for (size_t k = 0; k < L.s.n; k++) {
            double v = ssc_chart_value(t, &L.s, k, r);
            double y = cy - stack / 2.0 + k * (L.bar_h + 1.0);
            if (isnan(v) || (L.s.n > 1 && v == 0.0)) /* as in columns, above */
                continue;
            double x = ssc_chart_axis_pos(&L.axis, v, L.px, L.px + L.pw);
            bar_rect(c->cr, x0, y, x, y + L.bar_h, ssc_chart_colour(c, t, &L.s, k, r));
            if (L.value_labels)
                ssc_chart_text(c, v >= 0 ? x + 3.0 : x - 3.0, y + L.bar_h / 2.0,
                               v >= 0 ? 0.0 : 1.0, 0.5, ssc_canvas_format(c, v, L.s.unit), &val);
        }
    }
    bar_line(c->cr, x0, L.top - 1.0, x0, bottom, BAR_BASELINE_WIDTH, c->theme->text);
    return SSC_OK;
}

/* ---- grouped bars ------------------------------------------------------------ */

/* Columns read best, as long as the groups stay few and their labels fit
 * under them in two lines; long names or many groups go horizontal, where
 * every label has a line of its own. */
#define GROUPED_MAX_COLUMNS 8
#define GROUPED_MAX_BARS 24
#define GROUPED_LABEL_LINES 2

static int bar_grouped_columns(ssc_canvas *c, const ssc_table *t, double w)
{
    ssc_text_style lab = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    size_t rows = ssc_table_rows(t);
    ssc_series s;
    double slot;

    ssc_chart_series(t, &s);
    if (rows == 0 || rows > GROUPED_MAX_COLUMNS || rows * s.n > GROUPED_MAX_BARS)
        return 0;
    /* the tick labels take about this much on the left */
    slot = (w - 40.0) / (double)rows;
    for (size_t r = 0; r < rows; r++)
        if (!ssc_text_fits(c, ssc_table_label(t, r), &lab, slot - 4.0, GROUPED_LABEL_LINES))
            return 0;
    return 1;
}

double ssc_chart_grouped_height(ssc_canvas *c, const ssc_table *t, double w)
{
    return bar_grouped_columns(c, t, w) ? ssc_chart_bar_height(c, t, w)
                                        : ssc_chart_hbar_height(c, t, w);
}

int ssc_chart_grouped_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    return bar_grouped_columns(c, t, c->box.w) ? ssc_chart_bar_draw(c, t, err)
                                               : ssc_chart_hbar_draw(c, t, err);
}

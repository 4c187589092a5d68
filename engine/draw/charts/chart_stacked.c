/* SPDX-License-Identifier: MIT */
/* Stacked bars: one horizontal bar per row, its segments the number
 * columns in order, each series one palette colour named in a legend above
 * the plot, and the row's total at the end of the bar.
 *
 * Always horizontal: stacked tables here are keyed by regions, statuses,
 * institutions and sectors, whose names are long, and a horizontal bar
 * gives every name a line of its own and every segment room for its value.
 *
 * Negative values stack to the left of zero and positive ones to the right
 * (a diverging stack), so that no segment hides another; the label at the
 * end of the bar is the row's net total (the sum of all its values), or,
 * when the plugin gave the row's distinct count because its segments
 * repeat projects (a project in two regions), that count with its noun:
 * "41 projects", the number the summary under the chart states. */
#include "draw/charts/kinds.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define STACKED_ROW 22.0       /* row pitch, in points */
#define STACKED_BAR 0.64       /* bar thickness, as a share of the pitch */
#define STACKED_GAP 8.0        /* between the label column and the plot */
#define STACKED_SEPARATOR 0.8  /* white line between two segments */
#define STACKED_GRID_WIDTH 0.5
#define STACKED_BASELINE_WIDTH 0.8
#define STACKED_LABEL_SHARE 0.35 /* most of the width category labels may take */

typedef struct stacked_layout {
    ssc_series s;        /* its min and max are those of the stacks */
    ssc_chart_axis axis;
    double legend_h;
    double top;          /* the first row's top */
    double row_h, bar_h;
    double label_w, label_size;
    int label_lines;
    double px, pw;       /* the axis' lo at px, hi at px + pw */
    double value_size;   /* totals and segment values */
    int values;          /* totals (and segment values that fit) are drawn */
    int labels;          /* category labels are drawn */
    double title_h;      /* the axis title's line, over the tick labels */
} stacked_layout;

/* The label at the end of row r's bar into buf. */
static const char *stacked_end_label(ssc_canvas *c, const ssc_table *t, const ssc_series *s,
                                     size_t r, char *buf, size_t len)
{
    double neg, pos, total = ssc_chart_stack_ends(t, s, r, &neg, &pos);
    double distinct = ssc_table_row_total(t, r);
    if (!isfinite(distinct))
        return ssc_canvas_format(c, total, s->unit);
    const char *n = ssc_canvas_format(c, distinct, SSC_UNIT_COUNT);
    if (strcmp(c->lang, "zh") == 0)
        snprintf(buf, len, "%s%s", n, ssc_table_measure(t, SSC_MEASURE_ZH_COUNTER));
    else
        snprintf(buf, len, "%s %s", n,
                 ssc_table_measure(t, distinct == 1 ? SSC_MEASURE_ONE : SSC_MEASURE_MANY));
    return buf;
}

/* Widest net total label among the rows. */
static double stacked_total_width(ssc_canvas *c, const ssc_table *t, const ssc_series *s,
                                  const ssc_text_style *st)
{
    double widest = 0.0;
    for (size_t r = 0; r < ssc_table_rows(t); r++) {
        double w;
        char buf[128];
        ssc_text_measure(c, stacked_end_label(c, t, s, r, buf, sizeof buf), st, 0.0, &w, NULL);
        widest = fmax(widest, w);
    }
    return widest;
}

/* Lays the chart out in box.  With fit set, rows shrink (and their text
 * with them) until they all fit the box's height; otherwise they keep
 * their natural pitch, which is what ssc_chart_height reports. */
static void stacked_layout_rows(ssc_canvas *c, const ssc_table *t, ssc_box box, int fit,
                                stacked_layout *L)
{
    ssc_text_style tick = ssc_chart_style(c, SSC_CHART_SMALL, 0);
    ssc_text_style lab = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    size_t rows = ssc_table_rows(t);
    double tick_lh = ssc_chart_line_h(c, &tick), lab_lh, widest = 0.0, right, half;

    memset(L, 0, sizeof *L);
    ssc_chart_series(t, &L->s);
    if (rows == 0 || L->s.n == 0)
        return;
    /* The axis runs over the stacks, not the single values. */
    L->s.min = 0.0;
    L->s.max = 0.0;
    for (size_t r = 0; r < rows; r++) {
        double neg, pos;
        ssc_chart_stack_ends(t, &L->s, r, &neg, &pos);
        L->s.min = fmin(L->s.min, neg);
        L->s.max = fmax(L->s.max, pos);
    }

    L->legend_h = ssc_chart_legend_height(c, t, &L->s, box.w);
    L->title_h = ssc_chart_axis_title_height(c, L->s.unit);
    L->top = box.y + L->legend_h + L->title_h + tick_lh + 3.0;
    L->row_h = STACKED_ROW;
    L->label_size = lab.size;
    L->value_size = tick.size;
    if (fit) {
        double avail = box.y + box.h - L->top - 2.0;
        if (rows * L->row_h > avail && avail > 0.0) {
            L->row_h = avail / (double)rows;
            /* smaller text, so that labels of neighbouring rows never touch */
            lab_lh = ssc_chart_line_h(c, &lab);
            if (lab_lh > L->row_h)
                L->label_size *= L->row_h / lab_lh;
            if (tick_lh > L->row_h)
                L->value_size *= L->row_h / tick_lh;
        }
    }
    L->bar_h = L->row_h * STACKED_BAR;
    lab.size = L->label_size;
    lab_lh = ssc_chart_line_h(c, &lab);
    L->label_lines = L->row_h >= 2.0 * lab_lh + 2.0 ? 2 : 1;
    /* below these sizes text is a grey smudge rather than something to
     * read, and the bars are better off with the room */
    L->values = L->value_size >= 4.5;
    L->labels = L->label_size >= 3.0;

    for (size_t r = 0; r < rows && L->labels; r++) {
        double w;
        ssc_text_measure(c, ssc_table_label(t, r), &lab, 0.0, &w, NULL);
        widest = fmax(widest, w);
    }
    L->label_w = L->labels ? fmin(ceil(widest) + 1.0, box.w * STACKED_LABEL_SHARE) : 0.0;

    tick.size = L->value_size;
    tick.bold = 1; /* as the totals are drawn */
    right = L->values ? stacked_total_width(c, t, &L->s, &tick) + 5.0 : 0.0;
    tick.bold = 0;
    L->px = box.x + L->label_w + STACKED_GAP;
    L->pw = box.x + box.w - right - L->px;
    if (L->pw < 1.0)
        L->pw = 1.0;
    ssc_chart_axis_fit(c, &L->s, L->pw, 1, &L->axis);
    /* The last tick label is centred on its gridline: keep its right half
     * inside the box. */
    tick.size = c->theme->body_size * SSC_CHART_SMALL;
    ssc_text_measure(c, ssc_chart_tick_label(c, &L->axis, L->axis.hi), &tick, 0.0, &half, NULL);
    half /= 2.0;
    if (half > right && L->pw > half - right + 1.0) {
        L->pw -= half - right;
        ssc_chart_axis_fit(c, &L->s, L->pw, 1, &L->axis);
    }
}

double ssc_chart_stacked_height(ssc_canvas *c, const ssc_table *t, double w)
{
    stacked_layout L;
    ssc_box box = {0.0, 0.0, w, 1000.0};
    if (ssc_table_rows(t) == 0)
        return 60.0;
    stacked_layout_rows(c, t, box, 0, &L);
    if (L.s.n == 0)
        return 60.0;
    return L.top + ssc_table_rows(t) * L.row_h + 2.0;
}

static void stacked_line(cairo_t *cr, double x0, double y0, double x1, double y1, double width,
                         unsigned long rgb)
{
    ssc_draw_rgb(cr, rgb);
    cairo_set_line_width(cr, width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

static void stacked_grid(ssc_canvas *c, const stacked_layout *L, double bottom)
{
    ssc_text_style tick = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->muted);
    int n = ssc_chart_axis_intervals(&L->axis);
    for (int i = 0; i <= n; i++) {
        double v = ssc_chart_axis_tick(&L->axis, i);
        double x = ssc_chart_axis_pos(&L->axis, v, L->px, L->px + L->pw);
        if (v != 0.0)
            stacked_line(c->cr, x, L->top - 1.0, x, bottom, STACKED_GRID_WIDTH, c->theme->grid);
        ssc_chart_text(c, x, L->top - 3.0, 0.5, 1.0, ssc_chart_tick_label(c, &L->axis, v),
                       &tick);
    }
    ssc_chart_axis_title_draw(c, &L->axis, L->px, L->top - 3.0 - L->title_h - ssc_chart_line_h(c, &tick));
}

/* One row's segments, from zero outwards on each side, with the value
 * written inside every segment it fits in. */
static void stacked_row(ssc_canvas *c, const ssc_table *t, const stacked_layout *L, size_t r,
                        double y)
{
    ssc_text_style val = ssc_chart_style(c, 1.0, 0);
    double pos = 0.0, neg = 0.0, val_h;

    val.size = L->value_size;
    val_h = ssc_chart_line_h(c, &val);
    for (size_t k = 0; k < L->s.n; k++) {
        double v = ssc_chart_value(t, &L->s, k, r), a, b, w;
        unsigned long rgb = ssc_chart_colour(c, t, &L->s, k, r);
        if (isnan(v) || v == 0.0)
            continue;
        if (v > 0) {
            a = ssc_chart_axis_pos(&L->axis, pos, L->px, L->px + L->pw);
            pos += v;
            b = ssc_chart_axis_pos(&L->axis, pos, L->px, L->px + L->pw);
        } else {
            b = ssc_chart_axis_pos(&L->axis, neg, L->px, L->px + L->pw);
            neg += v;
            a = ssc_chart_axis_pos(&L->axis, neg, L->px, L->px + L->pw);
        }
        ssc_draw_rgb(c->cr, rgb);
        cairo_rectangle(c->cr, a, y, b - a, L->bar_h);
        cairo_fill(c->cr);
        /* a hairline of white parts neighbours, in colour and in greyscale */
        if (L->s.n > 1)
            stacked_line(c->cr, v > 0 ? b : a, y, v > 0 ? b : a, y + L->bar_h,
                         STACKED_SEPARATOR, 0xFFFFFF);
        if (!L->values || L->s.n < 2 || val_h > L->bar_h + 1.0)
            continue;
        /* Money inside a segment without its "US$": the axis and the
         * totals carry the unit, and a bar of repeated units is noise. */
        const char *text = ssc_canvas_format(c, v, L->s.unit == SSC_UNIT_USD ? SSC_UNIT_COUNT
                                                                              : L->s.unit);
        ssc_text_measure(c, text, &val, 0.0, &w, NULL);
        if (w + 6.0 > b - a)
            continue;
        val.colour = ssc_colour_dark(rgb) ? 0xFFFFFF : c->theme->text;
        ssc_chart_text(c, (a + b) / 2.0, y + L->bar_h / 2.0, 0.5, 0.5, text, &val);
    }
}

int ssc_chart_stacked_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    size_t rows = ssc_table_rows(t);
    stacked_layout L;

    stacked_layout_rows(c, t, c->box, 1, &L);
    if (rows == 0 || L.s.n == 0) {
        ssc_chart_no_data(c);
        return SSC_OK;
    }
    ssc_text_style lab = ssc_chart_style(c, 1.0, 0);
    ssc_text_style tot = ssc_chart_style(c, 1.0, 0);
    lab.size = L.label_size;
    lab.align = SSC_ALIGN_END;
    lab.max_lines = L.label_lines;
    tot.size = L.value_size;
    tot.bold = 1;

    double bottom = L.top + rows * L.row_h;
    double x0 = ssc_chart_axis_pos(&L.axis, 0.0, L.px, L.px + L.pw);
    ssc_chart_legend_draw(c, t, &L.s, c->box.x, c->box.y, c->box.w, 0);
    stacked_grid(c, &L, bottom);
    for (size_t r = 0; r < rows; r++) {
        double cy = L.top + (r + 0.5) * L.row_h, h, neg, pos;
        char buf[128];
        ssc_chart_stack_ends(t, &L.s, r, &neg, &pos);
        if (L.labels) {
            ssc_text_measure(c, ssc_table_label(t, r), &lab, L.label_w, NULL, &h);
            ssc_text_draw_at(c, c->box.x, cy - h / 2.0, L.label_w, ssc_table_label(t, r), &lab);
        }
        stacked_row(c, t, &L, r, cy - L.bar_h / 2.0);
        if (L.values) {
            double end = ssc_chart_axis_pos(&L.axis, pos, L.px, L.px + L.pw);
            ssc_chart_text(c, end + 4.0, cy, 0.0, 0.5,
                           stacked_end_label(c, t, &L.s, r, buf, sizeof buf), &tot);
        }
    }
    stacked_line(c->cr, x0, L.top - 1.0, x0, bottom, STACKED_BASELINE_WIDTH, c->theme->text);
    return SSC_OK;
}

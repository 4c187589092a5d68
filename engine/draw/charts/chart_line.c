/* SPDX-License-Identifier: MIT */
/* Line charts: one or more number columns over the rows in their order
 * (usually years), for trends.  Points get markers and value labels while
 * there are few of them; x labels are thinned so they never collide. */
#include "draw/charts/kinds.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LINE_GAP 6.0           /* between tick labels and the plot */
#define LINE_PLOT_MIN 140.0    /* preferred plot height range */
#define LINE_PLOT_MAX 220.0
#define LINE_WIDTH 1.8
#define LINE_MARKER_R 2.6
#define LINE_MARKERS_MAX 24    /* markers only on lines with this few points */
#define LINE_VALUES_MAX 12     /* value labels (one series) up to this many points */
#define LINE_XLABEL_MAX 90.0   /* x labels are ellipsized to this width */
#define LINE_XLABEL_GAP 10.0   /* least space between two x labels */

typedef struct line_layout {
    ssc_series s;
    ssc_chart_axis axis;
    double legend_h;
    double px, py, pw, ph; /* plot: the axis' lo at py + ph, hi at py */
    double x0, x1;         /* first and last point */
    size_t every;          /* an x label every this many points, */
    size_t offset;         /* starting at this one */
    double xlabel_w;       /* width x labels wrap in */
    double xlabel_cap;     /* the most an x label may take before wrapping */
    int xlabel_lines;      /* lines the longest x label takes */
    int markers, value_labels;
    double title_h;        /* the axis title's line, over the tick labels */
} line_layout;

static double line_x(const line_layout *L, size_t i, size_t n)
{
    if (n < 2)
        return (L->x0 + L->x1) / 2.0;
    return L->x0 + (L->x1 - L->x0) * (double)i / (double)(n - 1);
}

static double line_label_width(ssc_canvas *c, const ssc_table *t, size_t r,
                               const ssc_text_style *st, double cap)
{
    double w;
    ssc_text_measure(c, ssc_table_label(t, r), st, 0.0, &w, NULL);
    return fmin(ceil(w) + 1.0, cap);
}

/* Consecutive years read best labelled at round numbers (2000, 2005,
 * 2010): rounds *every up to 1, 2 or 5 times a power of ten and returns
 * the first row to label.  Other keys are labelled from the first row. */
static size_t line_label_offset(const ssc_table *t, size_t *every)
{
    static const size_t nice[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    size_t n = ssc_table_rows(t);
    long first = 0;

    for (size_t r = 0; r < n; r++) {
        const char *key = ssc_table_key(t, r);
        char *end;
        long v = strtol(key, &end, 10);
        if (end == key || *end != '\0' || v < 0 || (r > 0 && v != first + (long)r))
            return 0;
        if (r == 0)
            first = v;
    }
    for (size_t i = 0; i < sizeof nice / sizeof nice[0]; i++)
        if (nice[i] >= *every) {
            *every = nice[i];
            break;
        }
    return (size_t)((long)(*every - (size_t)(first % (long)*every)) % (long)*every);
}

/* One layout pass with the plot at least least_aw from the box's left
 * edge; returns the room the final tick labels need. */
static double line_layout_pass(ssc_canvas *c, const ssc_table *t, ssc_box box, double plot_h,
                               double least_aw, line_layout *L)
{
    ssc_text_style tick = ssc_chart_style(c, SSC_CHART_SMALL, 0);
    ssc_text_style lab = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    size_t n = ssc_table_rows(t);
    double tick_lh, lab_lh, aw, widest = 0.0, pitch, top, vw = 0.0;

    ssc_text_measure(c, "0", &tick, 0.0, NULL, &tick_lh);
    ssc_text_measure(c, "0", &lab, 0.0, NULL, &lab_lh);
    /* the swatch style does not change the legend's height */
    L->legend_h = ssc_chart_legend_height(c, t, &L->s, box.w);
    ssc_chart_axis_fit(c, &L->s, plot_h > 0 ? plot_h : box.h * 0.6, 0, &L->axis);
    aw = fmax(least_aw, ssc_chart_axis_label_width(c, &L->axis) + LINE_GAP);
    L->px = box.x + aw;
    L->pw = box.w - aw;

    /* Labels may take the room between points: a few long ones (periods
     * with their n) stay on one line; many are capped and wrap. */
    L->xlabel_cap = fmax(LINE_XLABEL_MAX, n > 1 ? L->pw / (double)(n - 1) - LINE_XLABEL_GAP
                                                : L->pw);
    for (size_t r = 0; r < n; r++)
        widest = fmax(widest, line_label_width(c, t, r, &lab, L->xlabel_cap));
    L->xlabel_w = widest;
    /* a label wider than LINE_XLABEL_MAX wraps (never cut: issue 8) */
    L->xlabel_lines = 1;
    for (size_t r = 0; r < n; r++) {
        double h;
        ssc_text_measure(c, ssc_table_label(t, r), &lab, widest, NULL, &h);
        L->xlabel_lines = (int)fmax(L->xlabel_lines, floor(h / lab_lh + 0.5));
    }
    /* The first x label may reach into the tick label column; the last
     * must stay inside the box. */
    L->x0 = L->px + fmax(8.0, line_label_width(c, t, 0, &lab, L->xlabel_cap) / 2.0 - (aw - LINE_GAP));
    L->x1 = L->px + L->pw - fmax(8.0, line_label_width(c, t, n - 1, &lab, L->xlabel_cap) / 2.0);
    pitch = n > 1 ? (L->x1 - L->x0) / (double)(n - 1) : L->pw;
    L->every = (size_t)ceil((widest + LINE_XLABEL_GAP) / pitch);
    if (L->every < 1)
        L->every = 1;
    L->offset = line_label_offset(t, &L->every);
    if (L->offset < n && (n - 1 - L->offset) % L->every != 0) {
        /* The last point has no label: only the last label drawn needs room. */
        size_t last = L->offset + (n - 1 - L->offset) / L->every * L->every;
        double need = line_label_width(c, t, last, &lab, L->xlabel_cap) / 2.0 - (double)(n - 1 - last) * pitch;
        L->x1 = L->px + L->pw - fmax(8.0, need);
    }

    L->markers = n <= LINE_MARKERS_MAX && pitch >= 4.0 * LINE_MARKER_R;
    if (L->s.n == 1 && n <= LINE_VALUES_MAX) {
        for (size_t r = 0; r < n; r++) {
            double v = ssc_chart_value(t, &L->s, 0, r), w;
            if (isnan(v))
                continue;
            ssc_text_measure(c, ssc_canvas_format(c, v, L->s.unit), &tick, 0.0, &w, NULL);
            vw = fmax(vw, w);
        }
        L->value_labels = vw + 4.0 <= pitch;
    }

    L->title_h = ssc_chart_axis_title_height(c, L->s.unit);
    top = L->legend_h + L->title_h +
          fmax(tick_lh / 2.0, L->value_labels ? tick_lh + LINE_MARKER_R + 2.0 : 0.0);
    L->py = box.y + top;
    L->ph = plot_h > 0 ? plot_h : box.h - top - (L->xlabel_lines * lab_lh + 5.0);
    if (L->ph < 1.0)
        L->ph = 1.0;
    ssc_chart_axis_fit(c, &L->s, L->ph, 0, &L->axis);
    return ssc_chart_axis_label_width(c, &L->axis) + LINE_GAP;
}

/* Lays the chart out in box; plot_h > 0 fixes the plot height (to answer
 * ssc_chart_height), else the plot takes what the box leaves.  The final
 * ticks follow the plot's height; when their labels come out wider than
 * the first guess, a second pass makes room. */
static void line_layout_plot(ssc_canvas *c, const ssc_table *t, ssc_box box, double plot_h,
                             line_layout *L)
{
    double aw = 0.0;

    memset(L, 0, sizeof *L);
    ssc_chart_series(t, &L->s);
    if (ssc_table_rows(t) == 0 || L->s.n == 0)
        return;
    for (int pass = 0; pass < 2; pass++) {
        aw = line_layout_pass(c, t, box, plot_h, aw, L);
        if (aw <= L->px - box.x)
            break;
    }
}

double ssc_chart_line_height(ssc_canvas *c, const ssc_table *t, double w)
{
    ssc_text_style lab = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    ssc_box box = {0.0, 0.0, w, 1000.0};
    line_layout L;
    double plot = w * 0.4, lab_lh;

    plot = plot < LINE_PLOT_MIN ? LINE_PLOT_MIN : plot > LINE_PLOT_MAX ? LINE_PLOT_MAX : plot;
    line_layout_plot(c, t, box, plot, &L);
    if (L.s.n == 0)
        return 60.0;
    ssc_text_measure(c, "0", &lab, 0.0, NULL, &lab_lh);
    return L.py + L.ph + L.xlabel_lines * lab_lh + 5.0 + 2.0;
}

static void line_grid(ssc_canvas *c, const line_layout *L)
{
    ssc_text_style tick = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->muted);
    int n = ssc_chart_axis_intervals(&L->axis);
    for (int i = 0; i <= n; i++) {
        double v = ssc_chart_axis_tick(&L->axis, i);
        double y = ssc_chart_axis_pos(&L->axis, v, L->py + L->ph, L->py);
        if (v != 0.0) {
            ssc_draw_rgb(c->cr, c->theme->grid);
            cairo_set_line_width(c->cr, 0.5);
            cairo_move_to(c->cr, L->px, y);
            cairo_line_to(c->cr, L->px + L->pw, y);
            cairo_stroke(c->cr);
        }
        ssc_chart_text(c, L->px - LINE_GAP, y, 1.0, 0.5, ssc_chart_tick_label(c, &L->axis, v),
                       &tick);
    }
    ssc_chart_axis_title_draw(c, &L->axis, c->box.x, c->box.y + L->legend_h);
}

/* One series as a polyline; a missing value breaks the line. */
static void line_series(ssc_canvas *c, const ssc_table *t, const line_layout *L, size_t k)
{
    size_t n = ssc_table_rows(t);
    int pen_down = 0;

    /* a row's colour hint colours a bar, not a line through all rows */
    ssc_draw_rgb(c->cr, L->s.n == 1 ? c->theme->accent : ssc_chart_series_colour(c, t, &L->s, k));
    cairo_set_line_width(c->cr, LINE_WIDTH);
    cairo_set_line_join(c->cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(c->cr, CAIRO_LINE_CAP_ROUND);
    cairo_new_path(c->cr);
    for (size_t r = 0; r < n; r++) {
        double v = ssc_chart_value(t, &L->s, k, r);
        if (isnan(v)) {
            pen_down = 0;
            continue;
        }
        double x = line_x(L, r, n), y = ssc_chart_axis_pos(&L->axis, v, L->py + L->ph, L->py);
        if (pen_down)
            cairo_line_to(c->cr, x, y);
        else
            cairo_move_to(c->cr, x, y);
        pen_down = 1;
    }
    cairo_stroke(c->cr);
}

/* A point clearly lower than the mean of its neighbours (by 2% of the
 * axis, so that points on a straight slope keep their label above). */
static int line_is_dip(const ssc_table *t, const line_layout *L, size_t k, size_t r, double v)
{
    double sum = 0.0;
    int count = 0;
    size_t n = ssc_table_rows(t);
    if (r > 0 && !isnan(ssc_chart_value(t, &L->s, k, r - 1))) {
        sum += ssc_chart_value(t, &L->s, k, r - 1);
        count++;
    }
    if (r + 1 < n && !isnan(ssc_chart_value(t, &L->s, k, r + 1))) {
        sum += ssc_chart_value(t, &L->s, k, r + 1);
        count++;
    }
    return count > 0 && v < sum / count - 0.02 * (L->axis.hi - L->axis.lo);
}

static void line_markers(ssc_canvas *c, const ssc_table *t, const line_layout *L, size_t k)
{
    ssc_text_style val = ssc_chart_style(c, SSC_CHART_SMALL, 0);
    unsigned long rgb = L->s.n == 1 ? c->theme->accent : ssc_chart_series_colour(c, t, &L->s, k);
    size_t n = ssc_table_rows(t);
    double lh;

    ssc_text_measure(c, "0", &val, 0.0, NULL, &lh);
    for (size_t r = 0; r < n; r++) {
        double v = ssc_chart_value(t, &L->s, k, r);
        if (isnan(v))
            continue;
        double x = line_x(L, r, n), y = ssc_chart_axis_pos(&L->axis, v, L->py + L->ph, L->py);
        if (L->markers) {
            /* a white ring separates the marker from gridlines and other lines */
            cairo_new_path(c->cr);
            cairo_arc(c->cr, x, y, LINE_MARKER_R, 0.0, 2.0 * G_PI);
            ssc_draw_rgb(c->cr, rgb);
            cairo_fill_preserve(c->cr);
            cairo_set_source_rgb(c->cr, 1.0, 1.0, 1.0);
            cairo_set_line_width(c->cr, 0.8);
            cairo_stroke(c->cr);
        }
        if (L->value_labels) {
            /* Below a dip, above everything else, so the label stays off
             * the line's own segments. */
            int below = line_is_dip(t, L, k, r, v) && y + LINE_MARKER_R + 2.0 + lh <= L->py + L->ph;
            ssc_chart_text(c, x, below ? y + LINE_MARKER_R + 2.0 : y - LINE_MARKER_R - 2.0, 0.5,
                           below ? 0.0 : 1.0, ssc_canvas_format(c, v, L->s.unit), &val);
        }
    }
}

static void line_xlabels(ssc_canvas *c, const ssc_table *t, const line_layout *L)
{
    ssc_text_style lab = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    size_t n = ssc_table_rows(t);
    double base = L->py + L->ph;

    lab.max_lines = L->xlabel_lines;
    lab.align = SSC_ALIGN_CENTER;
    for (size_t r = L->offset; r < n; r += L->every) {
        double x = line_x(L, r, n);
        ssc_draw_rgb(c->cr, c->theme->muted);
        cairo_set_line_width(c->cr, 0.5);
        cairo_move_to(c->cr, x, base);
        cairo_line_to(c->cr, x, base + 3.0);
        cairo_stroke(c->cr);
        ssc_text_draw_at(c, x - L->xlabel_w / 2.0, base + 5.0, L->xlabel_w, ssc_table_label(t, r),
                         &lab);
    }
}

int ssc_chart_line_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    line_layout L;

    line_layout_plot(c, t, c->box, 0.0, &L);
    if (ssc_table_rows(t) == 0 || L.s.n == 0) {
        ssc_chart_no_data(c);
        return SSC_OK;
    }
    ssc_chart_legend_draw(c, t, &L.s, c->box.x, c->box.y, c->box.w, 1);
    line_grid(c, &L);
    double y0 = ssc_chart_axis_pos(&L.axis, 0.0, L.py + L.ph, L.py);
    ssc_draw_rgb(c->cr, c->theme->text);
    cairo_set_line_width(c->cr, 0.8);
    cairo_move_to(c->cr, L.px, y0);
    cairo_line_to(c->cr, L.px + L.pw, y0);
    cairo_stroke(c->cr);
    line_xlabels(c, t, &L);
    for (size_t k = 0; k < L.s.n; k++)
        line_series(c, t, &L, k);
    for (size_t k = 0; k < L.s.n; k++)
        line_markers(c, t, &L, k);
    return SSC_OK;
}

/* SPDX-License-Identifier: MIT */
/* Donut: the shares of a whole (the first number column), largest first
 * clockwise from twelve o'clock, with the total in the hole.  Names, values
 * and percentages stand in a legend beside the ring (under it when the box
 * is narrow), never on the ring, so no label can cover a slice or another
 * label however thin the slices.
 *
 * More than seven slices cannot be told apart or compared: past seven, the
 * six largest keep their slice and the rest share an "Other" slice in a
 * neutral grey. */
#include "draw/charts/kinds.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define DONUT_PAD 6.0           /* above and below the ring */
#define DONUT_R_MAX 108.0       /* outer radius on a wide page */
#define DONUT_R_MIN 60.0
#define DONUT_HOLE 0.6          /* inner radius / outer radius */
#define DONUT_SEPARATOR 1.5     /* white between slices */
#define DONUT_LEGEND_GAP 30.0   /* between the ring and its legend */
#define DONUT_LEGEND_MIN 170.0  /* a legend narrower than this goes under the ring */
#define DONUT_SWATCH 10.0
#define DONUT_ITEM_GAP 7.0      /* between legend entries */
#define DONUT_COL_GAP 10.0      /* between legend columns */
#define DONUT_LABEL_MIN 70.0    /* below this the value column is dropped */
#define DONUT_OTHER_COLOUR 0x8E979FUL /* mid grey: apart in lightness from the
                                       * navy of the first slice, its neighbour */

static void donut_insert(ssc_donut_slice *top, size_t *n, size_t cap, const ssc_donut_slice *s)
{
    size_t i = *n < cap ? (*n)++ : cap;
    /* ties keep row order: a later row never displaces an equal earlier one */
    while (i > 0 && top[i - 1].value < s->value) {
        if (i < cap)
            top[i] = top[i - 1];
        i--;
    }
    if (i < cap)
        top[i] = *s;
}

size_t ssc_chart_donut_slices(const ssc_canvas *c, const ssc_table *t,
                              ssc_donut_slice out[SSC_DONUT_MAX_SLICES], double *total)
{
    size_t rows = ssc_table_rows(t), n = 0, positive = 0;
    double sum = 0.0;
    ssc_series s;

    *total = 0.0;
    ssc_chart_series(t, &s);
    if (s.n == 0)
        return 0;
    for (size_t r = 0; r < rows; r++) {
        double v = ssc_chart_value(t, &s, 0, r);
        if (isnan(v) || v <= 0.0)
            continue;
        ssc_donut_slice sl = {v, ssc_table_label(t, r), 0, r};
        positive++;
        sum += v;
        donut_insert(out, &n, SSC_DONUT_MAX_SLICES, &sl);
    }
    if (positive > SSC_DONUT_MAX_SLICES) {
        /* The rest is summed row by row rather than taken as the total less
         * the six, so that it is exact for whole numbers. */
        double rest = 0.0;
        n = SSC_DONUT_MAX_SLICES - 1;
        for (size_t r = 0; r < rows; r++) {
            double v = ssc_chart_value(t, &s, 0, r);
            int kept = 0;
            if (isnan(v) || v <= 0.0)
                continue;
            for (size_t i = 0; i < n && !kept; i++)
                kept = out[i].row == r;
            if (!kept)
                rest += v;
        }
        out[n].value = rest;
        out[n].label = ssc_chart_zh(c) ? "\u5176\u4ed6" : "Other"; /* 其他 */
        out[n].row = (size_t)-1;
        n++;
    }
    for (size_t i = 0; i < n; i++) {
        out[i].colour = out[i].row == (size_t)-1 ? DONUT_OTHER_COLOUR
                                                 : ssc_chart_row_colour(c, t, out[i].row, i);
    }
    *total = sum;
    return n;
}

typedef struct donut_layout {
    ssc_donut_slice sl[SSC_DONUT_MAX_SLICES];
    size_t n;
    double total;
    ssc_unit unit;
    int beside;            /* legend beside the ring, else under it */
    double cx, cy, r;      /* the ring */
    double lx, ly, lw, lh; /* the legend */
    double label_w, value_w, pct_w;
} donut_layout;

/* Text styles of the legend: name, value, percentage. */
static ssc_text_style donut_label_style(const ssc_canvas *c)
{
    ssc_text_style st = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    st.max_lines = 2;
    return st;
}

/* Whole percentages read best and line up; only a share under 1% keeps
 * its decimal, so that it does not read as nothing. */
static const char *donut_percent(ssc_canvas *c, double share)
{
    double pct = share * 100.0;
    return ssc_canvas_format(c, pct >= 0.95 ? round(pct) : pct, SSC_UNIT_PERCENT);
}

/* Sizes the legend's columns for width lw and returns its height. */
static double donut_legend_measure(ssc_canvas *c, donut_layout *L)
{
    ssc_text_style lab = donut_label_style(c);
    ssc_text_style num = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    double h = 0.0, w;

    L->value_w = 0.0;
    L->pct_w = 0.0;
    for (size_t i = 0; i < L->n; i++) {
        ssc_text_measure(c, ssc_canvas_format(c, L->sl[i].value, L->unit), &num, 0.0, &w, NULL);
        L->value_w = fmax(L->value_w, w);
        ssc_text_measure(c, donut_percent(c, L->sl[i].value / L->total), &num, 0.0, &w, NULL);
        L->pct_w = fmax(L->pct_w, w);
    }
    L->label_w = L->lw - DONUT_SWATCH - 6.0 - L->pct_w - DONUT_COL_GAP;
    if (L->label_w - L->value_w - DONUT_COL_GAP >= DONUT_LABEL_MIN)
        L->label_w -= L->value_w + DONUT_COL_GAP;
    else
        L->value_w = 0.0; /* the values are in the table under the chart */
    if (L->label_w < 1.0)
        L->label_w = 1.0;
    for (size_t i = 0; i < L->n; i++) {
        double th;
        ssc_text_measure(c, L->sl[i].label, &lab, L->label_w, NULL, &th);
        h += th + (i + 1 < L->n ? DONUT_ITEM_GAP : 0.0);
    }
    return h;
}

/* Places ring and legend in box; a box of height 0 asks for the height
 * the chart would like (returned), else the ring fits the box's height. */
static double donut_layout_box(ssc_canvas *c, const ssc_table *t, ssc_box box, donut_layout *L)
{
    ssc_series s;
    double r;

    memset(L, 0, sizeof *L);
    ssc_chart_series(t, &s);
    L->unit = s.unit;
    L->n = ssc_chart_donut_slices(c, t, L->sl, &L->total);
    if (L->n == 0)
        return 60.0;

    r = fmin(DONUT_R_MAX, (box.w - DONUT_LEGEND_GAP - DONUT_LEGEND_MIN) / 2.0);
    L->beside = r >= DONUT_R_MIN;
    if (!L->beside)
        r = fmin(DONUT_R_MAX, box.w / 2.0 - 2.0);
    if (box.h > 0.0 && L->beside)
        r = fmin(r, box.h / 2.0 - DONUT_PAD);
    L->r = fmax(r, 4.0);

    if (L->beside) {
        L->cx = box.x + L->r + 2.0;
        L->lx = L->cx + L->r + DONUT_LEGEND_GAP;
        L->lw = box.x + box.w - L->lx;
        L->lh = donut_legend_measure(c, L);
        double h = fmax(2.0 * L->r, L->lh) + 2.0 * DONUT_PAD;
        double mid = box.y + (box.h > 0.0 ? box.h : h) / 2.0;
        L->cy = mid;
        L->ly = mid - L->lh / 2.0;
        return h;
    }
    L->lx = box.x;
    L->lw = box.w;
    L->lh = donut_legend_measure(c, L);
    if (box.h > 0.0)
        L->r = fmax(4.0, fmin(L->r, (box.h - L->lh - 3.0 * DONUT_PAD) / 2.0));
    L->cx = box.x + box.w / 2.0;
    L->cy = box.y + DONUT_PAD + L->r;
    L->ly = L->cy + L->r + 2.0 * DONUT_PAD;
    return 2.0 * L->r + L->lh + 3.0 * DONUT_PAD;
}

double ssc_chart_donut_height(ssc_canvas *c, const ssc_table *t, double w)
{
    donut_layout L;
    ssc_box box = {0.0, 0.0, w, 0.0};
    return donut_layout_box(c, t, box, &L);
}

static void donut_ring(ssc_canvas *c, const donut_layout *L)
{
    cairo_t *cr = c->cr;
    double inner = L->r * DONUT_HOLE, a = -G_PI / 2.0;

    for (size_t i = 0; i < L->n; i++) {
        double b = a + 2.0 * G_PI * L->sl[i].value / L->total;
        cairo_new_path(cr);
        cairo_arc(cr, L->cx, L->cy, L->r, a, b);
        cairo_arc_negative(cr, L->cx, L->cy, inner, b, a);
        cairo_close_path(cr);
        ssc_draw_rgb(cr, L->sl[i].colour);
        cairo_fill(cr);
        a = b;
    }
    if (L->n < 2)
        return;
    /* White spokes between the slices part neighbours of similar tone. */
    ssc_draw_rgb(cr, 0xFFFFFF);
    cairo_set_line_width(cr, DONUT_SEPARATOR);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    a = -G_PI / 2.0;
    for (size_t i = 0; i < L->n; i++) {
        cairo_move_to(cr, L->cx + (inner - 1.0) * cos(a), L->cy + (inner - 1.0) * sin(a));
        cairo_line_to(cr, L->cx + (L->r + 1.0) * cos(a), L->cy + (L->r + 1.0) * sin(a));
        a += 2.0 * G_PI * L->sl[i].value / L->total;
    }
    cairo_stroke(cr);
}

/* The total in the hole, as large as fits, the column's title under it. */
static void donut_centre(ssc_canvas *c, const ssc_table *t, const donut_layout *L)
{
    ssc_text_style big = ssc_chart_style(c, 2.4, c->theme->heading);
    ssc_text_style cap = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->muted);
    double room = 2.0 * L->r * DONUT_HOLE * 0.8, w, bh, ch = 0.0;
    const char *total = ssc_canvas_format(c, L->total, L->unit);
    ssc_series s;
    char text[64];

    snprintf(text, sizeof text, "%s", total);
    big.bold = 1;
    ssc_text_measure(c, text, &big, 0.0, &w, &bh);
    if (w > room) {
        big.size *= room / w;
        ssc_text_measure(c, text, &big, 0.0, &w, &bh);
    }
    ssc_chart_series(t, &s);
    const char *title = ssc_table_column_title(t, s.col[0]);
    cap.max_lines = 1;
    cap.align = SSC_ALIGN_CENTER;
    int caption = big.size >= 6.0 && room > 20.0 && title && *title;
    if (caption)
        ssc_text_measure(c, title, &cap, room, NULL, &ch);
    double top = L->cy - (bh + ch) / 2.0;
    if (big.size >= 4.0)
        ssc_chart_text(c, L->cx, top, 0.5, 0.0, text, &big);
    if (caption)
        ssc_text_draw_at(c, L->cx - room / 2.0, top + bh, room, title, &cap);
}

static void donut_legend(ssc_canvas *c, const donut_layout *L)
{
    ssc_text_style lab = donut_label_style(c);
    /* the share is what a donut is read for; the value is secondary */
    ssc_text_style num = ssc_chart_style(c, SSC_CHART_LABEL, c->theme->muted);
    ssc_text_style pct = ssc_chart_style(c, SSC_CHART_LABEL, 0);
    double y = L->ly, line = ssc_chart_line_h(c, &num);
    double right = L->lx + L->lw;

    for (size_t i = 0; i < L->n; i++) {
        double th, tx = L->lx + DONUT_SWATCH + 6.0;
        ssc_text_measure(c, L->sl[i].label, &lab, L->label_w, NULL, &th);
        ssc_draw_rgb(c->cr, L->sl[i].colour);
        ssc_chart_round_rect(c->cr, L->lx, y + (line - DONUT_SWATCH) / 2.0, DONUT_SWATCH,
                             DONUT_SWATCH, 1.5);
        cairo_fill(c->cr);
        ssc_text_draw_at(c, tx, y, L->label_w, L->sl[i].label, &lab);
        ssc_chart_text(c, right, y, 1.0, 0.0, donut_percent(c, L->sl[i].value / L->total),
                       &pct);
        if (L->value_w > 0.0)
            ssc_chart_text(c, right - L->pct_w - DONUT_COL_GAP, y, 1.0, 0.0,
                           ssc_canvas_format(c, L->sl[i].value, L->unit), &num);
        y += th + DONUT_ITEM_GAP;
    }
}

int ssc_chart_donut_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    donut_layout L;

    donut_layout_box(c, t, c->box, &L);
    if (L.n == 0 || !(L.total > 0.0) || !isfinite(L.total)) {
        ssc_chart_no_data(c);
        return SSC_OK;
    }
    donut_ring(c, &L);
    donut_centre(c, t, &L);
    donut_legend(c, &L);
    return SSC_OK;
}

/* SPDX-License-Identifier: MIT */
/* The SDG grid: the 17 goals as square tiles in their official colours,
 * six to a row (6, 6, 5), each with the goal number, its short name and the
 * table's value for it, the picture readers in this field know from the
 * UN's own material.  Goals with nothing (zero or no row) are drawn as pale
 * tints of their colour, so the gaps in a portfolio read at a glance while
 * the grid keeps its shape.  The free eighteenth cell explains the tiles:
 * "Goal" where the numbers are, the column's title where the values are.
 * Equal tiles would make 36 projects look like 1: a bar along each tile's
 * foot shows its value against the largest, and the key cell says so.
 *
 * Text is placed by its ink, not its line box: a large number whose line
 * box includes the font's generous leading would otherwise sit visibly low
 * in the corner of its tile. */
#include "draw/charts/kinds.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/refdata.h"

#define SDG_GOALS 17
#define SDG_COLUMNS 6
#define SDG_ROWS 3
#define SDG_TILE_MAX 96.0     /* on a wide page the grid stops growing */
#define SDG_GAP_SHARE 0.075   /* gap between tiles, as a share of a tile */
#define SDG_PAD_SHARE 0.085   /* inner margin of a tile */
#define SDG_RADIUS_SHARE 0.04 /* corner radius: barely rounded, like the icons */
#define SDG_FADE 0.78         /* an empty goal: its colour this far toward white */
#define SDG_NAME_LINES 3
#define SDG_NAME_SHARE 0.092  /* name text size, as a share of a tile */
#define SDG_NAME_MIN 5.0
#define SDG_NAME_MAX 9.0

typedef struct sdggrid_layout {
    double side, gap;
    double x, y;           /* top-left of the grid */
    double value[SDG_GOALS];
    double max;            /* the largest value: the bars' full length */
    int present;           /* rows keyed by an SDG */
    int numbers;           /* the table has a number column */
    ssc_unit unit;
    size_t col;            /* the number column shown */
    double name_top;       /* from a tile's top to its name */
    double name_size;      /* 0: names are not drawn */
    int name_lines;
} sdggrid_layout;

/* The goal a key names ("1".."17"), or 0. */
static int sdggrid_goal(const char *key)
{
    char *end;
    long g;
    if (!key || !*key)
        return 0;
    g = strtol(key, &end, 10);
    return *end == '\0' && g >= 1 && g <= SDG_GOALS ? (int)g : 0;
}

static void sdggrid_layout_box(const ssc_table *t, ssc_box box, sdggrid_layout *L)
{
    ssc_series s;

    memset(L, 0, sizeof *L);
    L->side = fmin(SDG_TILE_MAX, box.w / (SDG_COLUMNS + (SDG_COLUMNS - 1) * SDG_GAP_SHARE));
    if (box.h > 0.0)
        L->side = fmin(L->side, box.h / (SDG_ROWS + (SDG_ROWS - 1) * SDG_GAP_SHARE));
    L->gap = L->side * SDG_GAP_SHARE;
    L->x = box.x;
    L->y = box.y;

    ssc_chart_series(t, &s);
    L->numbers = s.n > 0;
    L->col = s.n > 0 ? s.col[0] : 0;
    L->unit = s.unit;
    for (size_t r = 0; r < ssc_table_rows(t); r++) {
        int g = sdggrid_goal(ssc_table_key(t, r));
        double v = L->numbers ? ssc_table_number(t, r, L->col) : NAN;
        if (g == 0)
            continue;
        L->present++;
        if (isfinite(v))
            L->value[g - 1] += v;
    }
    for (int g = 0; g < SDG_GOALS; g++)
        L->max = fmax(L->max, L->value[g]);
}

/* The magnitude bar at the foot of a tile at (x, y): a faint track the
 * width of the tile's text, and share of it filled. */
static void sdggrid_bar(ssc_canvas *c, const sdggrid_layout *L, double x, double y, double share,
                        unsigned long track, unsigned long fill)
{
    double s = L->side, pad = s * SDG_PAD_SHARE, h = fmax(1.5, s * 0.03);
    double by = y + s - pad * 0.5 - h / 2.0, w = s - 2.0 * pad;
    ssc_draw_rgb(c->cr, track);
    cairo_rectangle(c->cr, x + pad, by, w, h);
    cairo_fill(c->cr);
    if (share > 0.0) {
        ssc_draw_rgb(c->cr, fill);
        cairo_rectangle(c->cr, x + pad, by, fmax(h, w * fmin(1.0, share)), h);
        cairo_fill(c->cr);
    }
}

double ssc_chart_sdg_grid_height(ssc_canvas *c, const ssc_table *t, double w)
{
    sdggrid_layout L;
    ssc_box box = {0.0, 0.0, w, 0.0};
    (void)c;
    if (ssc_table_rows(t) == 0)
        return 60.0;
    sdggrid_layout_box(t, box, &L);
    return SDG_ROWS * L.side + (SDG_ROWS - 1) * L.gap + 1.0;
}

/* Draws text so that the top-left corner of its ink lands on (x, y) (a =
 * 0) or its bottom-right corner does (a = 1). */
static void sdggrid_ink_text(ssc_canvas *c, double x, double y, double a, const char *text,
                             const ssc_text_style *st)
{
    PangoRectangle ink;
    PangoLayout *l = ssc_text_layout(c, text, st, 0.0);
    pango_layout_get_extents(l, &ink, NULL);
    double ix = pango_units_to_double(ink.x), iy = pango_units_to_double(ink.y);
    double w = pango_units_to_double(ink.width), h = pango_units_to_double(ink.height);
    ssc_text_draw_at(c, x - ix - a * w, y - iy - a * h, 0.0, text, st);
}

/* Height of the ink of a capital or a digit at this style: the one the
 * name's first line keeps its distance from. */
static double sdggrid_cap_height(ssc_canvas *c, const ssc_text_style *st)
{
    PangoRectangle ink;
    PangoLayout *l = ssc_text_layout(c, "0", st, 0.0);
    pango_layout_get_extents(l, &ink, NULL);
    return pango_units_to_double(ink.height);
}

/* Text styles of a tile's number, name and value at tile side s. */
static ssc_text_style sdggrid_style(double s, int which, unsigned long colour)
{
    static const double share[] = {0.27, SDG_NAME_SHARE, 0.19};
    ssc_text_style st = {.size = s * share[which], .bold = which != 1, .colour = colour};
    return st;
}

/* One text size for the names of all the tiles (a grid of mixed sizes
 * looks unkempt): the largest, up to SDG_NAME_SHARE of a tile, at which
 * every name fits between the number and the value without being cut.
 * Below SDG_NAME_MIN points names are left out: the number and the colour
 * still say which goal a tile is. */
static void sdggrid_name_fit(ssc_canvas *c, sdggrid_layout *L)
{
    double s = L->side, pad = s * SDG_PAD_SHARE;
    ssc_text_style num = sdggrid_style(s, 0, 0), val = sdggrid_style(s, 2, 0);
    ssc_text_style name = sdggrid_style(s, 1, 0);
    double bottom = s - pad - sdggrid_cap_height(c, &val) - s * 0.035;
    double size = fmin(name.size, SDG_NAME_MAX);

    L->name_top = pad + sdggrid_cap_height(c, &num) + s * 0.05;
    L->name_size = 0.0;
    for (; size >= SDG_NAME_MIN - 1e-9; size -= 0.25) {
        int lines, fits = 1;
        name.size = size;
        lines = (int)floor((bottom - L->name_top) / ssc_chart_line_h(c, &name));
        lines = lines > SDG_NAME_LINES ? SDG_NAME_LINES : lines;
        if (lines < 1)
            return;
        for (int g = 1; g <= SDG_GOALS && fits; g++) {
            const ssc_sdg *sdg = ssc_sdg_get(g);
            fits = ssc_text_fits(c, ssc_chart_zh(c) ? sdg->short_zh : sdg->short_en, &name,
                                 s - 2.0 * pad, lines);
        }
        /* at the smallest size, names that still do not fit are ellipsized */
        if (fits || size - 0.25 < SDG_NAME_MIN - 1e-9) {
            L->name_size = size;
            L->name_lines = lines;
            return;
        }
    }
}

/* The narrowest width, up to avail, that sets text in as few lines as
 * avail does: lines of even length ("Good health / and well-being"), and
 * in Chinese no lone character on a last line (体面的工作和经济增 / 长). */
static double sdggrid_balanced_width(ssc_canvas *c, const char *text, const ssc_text_style *st,
                                     double avail)
{
    ssc_text_style plain = *st;
    double natural;
    int lines;

    plain.max_lines = 0;
    PangoLayout *l = ssc_text_layout(c, text, &plain, avail);
    lines = pango_layout_get_line_count(l);
    if (lines < 2)
        return avail;
    ssc_text_measure(c, text, &plain, 0.0, &natural, NULL);
    for (double w = natural / lines; w < avail; w += 1.0) {
        l = ssc_text_layout(c, text, &plain, w);
        if (pango_layout_get_line_count(l) <= lines)
            return w + 0.5;
    }
    return avail;
}

static void sdggrid_tile(ssc_canvas *c, const sdggrid_layout *L, int goal, double x, double y)
{
    const ssc_sdg *g = ssc_sdg_get(goal);
    double v = L->value[goal - 1], s = L->side, pad = s * SDG_PAD_SHARE;
    int empty = !(v > 0.0);
    unsigned long fill = empty ? ssc_colour_mix(g->colour, 0xFFFFFF, SDG_FADE) : g->colour;
    /* on a pale tile the text takes the goal's colour, a shade softer */
    unsigned long ink = empty ? ssc_colour_mix(g->colour, 0xFFFFFF, 0.1) : 0xFFFFFF;
    ssc_text_style num = sdggrid_style(s, 0, ink), val = sdggrid_style(s, 2, ink);
    ssc_text_style name = sdggrid_style(s, 1, ink);
    char number[8];

    ssc_draw_rgb(c->cr, fill);
    ssc_chart_round_rect(c->cr, x, y, s, s, s * SDG_RADIUS_SHARE);
    cairo_fill(c->cr);

    snprintf(number, sizeof number, "%d", goal);
    sdggrid_ink_text(c, x + pad, y + pad, 0.0, number, &num);
    /* the value stands on the bar, which sits in the tile's bottom margin */
    sdggrid_ink_text(c, x + s - pad, y + s - pad * 1.1, 1.0, ssc_canvas_format(c, v, L->unit),
                     &val);
    if (L->max > 0.0 && !empty)
        sdggrid_bar(c, L, x, y, v / L->max, ssc_colour_mix(g->colour, 0xFFFFFF, 0.45), 0xFFFFFF);
    if (L->name_size <= 0.0)
        return;
    const char *text = ssc_chart_zh(c) ? g->short_zh : g->short_en;
    name.size = L->name_size;
    name.max_lines = L->name_lines;
    ssc_text_draw_at(c, x + pad, y + L->name_top,
                     sdggrid_balanced_width(c, text, &name, s - 2.0 * pad), text, &name);
}

/* The eighteenth cell: a ghost tile that says what the corners hold. */
static void sdggrid_key(ssc_canvas *c, const ssc_table *t, const sdggrid_layout *L, double x,
                        double y)
{
    double s = L->side, pad = s * SDG_PAD_SHARE;
    static const double dash[] = {2.0, 2.0};
    ssc_text_style st = {.size = fmin(SDG_NAME_MAX, s * 0.1), .colour = c->theme->muted,
                         .max_lines = 2};

    ssc_draw_rgb(c->cr, c->theme->grid);
    cairo_set_line_width(c->cr, 0.8);
    cairo_set_dash(c->cr, dash, 2, 0.0);
    ssc_chart_round_rect(c->cr, x + 0.4, y + 0.4, s - 0.8, s - 0.8, s * SDG_RADIUS_SHARE);
    cairo_stroke(c->cr);
    cairo_set_dash(c->cr, NULL, 0, 0.0);
    if (st.size < SDG_NAME_MIN)
        return;
    /* 目标 */
    ssc_text_draw_at(c, x + pad, y + pad, s - 2.0 * pad,
                     ssc_chart_zh(c) ? "\u76ee\u6807" : "Goal", &st);
    /* the bar's scale: full length is the largest value */
    if (L->max > 0.0) {
        char scale[96];
        ssc_text_style sc = st;
        sc.align = SSC_ALIGN_START;
        snprintf(scale, sizeof scale, ssc_chart_zh(c) ? "\u6761\u957f\uff1a\u6700\u5927\u503c%s"
                                                       : "Bar: largest, %s",
                 ssc_canvas_format(c, L->max, L->unit));
        sdggrid_bar(c, L, x, y - s * 0.36, 1.0, c->theme->grid, c->theme->muted);
        ssc_text_draw_at(c, x + pad, y + s * 0.30, s - 2.0 * pad, scale, &sc);
    }
    st.align = SSC_ALIGN_END;
    double h;
    const char *title = ssc_table_column_title(t, L->col);
    ssc_text_measure(c, title, &st, s - 2.0 * pad, NULL, &h);
    ssc_text_draw_at(c, x + pad, y + s - pad - h, s - 2.0 * pad, title, &st);
}

int ssc_chart_sdg_grid_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    sdggrid_layout L;
    ssc_box box = c->box;

    if (ssc_table_rows(t) == 0) {
        ssc_chart_no_data(c);
        return SSC_OK;
    }
    sdggrid_layout_box(t, box, &L);
    if (L.present == 0)
        return ssc_error_set(err, "the sdg-grid chart needs a table keyed by SDG (\"1\" to "
                                  "\"17\"); this table's first key is \"%s\"",
                             ssc_table_key(t, 0));
    if (!L.numbers) {
        ssc_chart_no_data(c); /* keyed by SDG, but no number to show */
        return SSC_OK;
    }
    sdggrid_name_fit(c, &L);
    for (int goal = 1; goal <= SDG_GOALS + 1; goal++) {
        int i = goal - 1;
        double x = L.x + (i % SDG_COLUMNS) * (L.side + L.gap);
        double y = L.y + (double)(i / SDG_COLUMNS) * (L.side + L.gap);
        if (goal <= SDG_GOALS)
            sdggrid_tile(c, &L, goal, x, y);
        else
            sdggrid_key(c, t, &L, x, y);
    }
    return SSC_OK;
}

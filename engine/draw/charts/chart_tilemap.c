/* SPDX-License-Identifier: MIT */
/* The country tile map: every country on the world tile grid
 * (data/tile-grid.csv) as one rounded square, shaded by its value in a
 * single-hue ramp from a light tint to the theme's accent, in a few bins
 * at nice numbers; countries with nothing stay light grey, so the map
 * keeps its shape and the eye goes to where the work is.  Equal squares
 * give a small island state the same weight as a large country, which is
 * the point for a portfolio that counts projects, not area.
 *
 * The ramp's key goes in the empty South Pacific corner of the grid when
 * it fits there (no tile is ever covered), else under the map.  Countries
 * of the table that have no tile are listed under the map with their
 * values, so nothing in the table disappears.  Values of zero or less have
 * no shade (the map shows magnitudes); the data table beneath the chart
 * still gives them.
 *
 * Every map carries the UN's disclaimer in the report's language
 * (shared/spec/names-and-maps.md): a tile grid is a map, and its names and
 * placements are designations. */
#include "draw/charts/kinds.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/refdata.h"

#define TILEMAP_TILE 0.88       /* tile side, as a share of the grid pitch */
#define TILEMAP_RADIUS 0.16     /* corner radius, as a share of the tile */
#define TILEMAP_CODE 0.3        /* code text, as a share of the pitch */
#define TILEMAP_CODE_MIN 3.8    /* smaller codes are not drawn */
#define TILEMAP_BINS 5          /* at most this many shades */
#define TILEMAP_LIGHTEST 0.3    /* the first shade: this far from white to the accent */
#define TILEMAP_NONE 0xEBEEF0UL /* no value: lighter than the first shade, in grey too */
#define TILEMAP_NONE_TEXT 0x9AA4ACUL
#define TILEMAP_GAP 10.0        /* between the map, the key and the list */
#define TILEMAP_SWATCH 9.0
#define TILEMAP_KEY_ITEM_GAP 12.0

typedef struct tilemap_layout {
    int cols, rows;
    double pitch;           /* grid step, points */
    double x, y;            /* top-left of the grid */
    double map_h;
    /* the ramp */
    ssc_unit unit;
    size_t col;             /* the number column shown */
    int whole;
    double step;            /* bin width */
    int bins;               /* 0: nothing to shade */
    /* the key */
    int key_inside;         /* in the grid's empty corner */
    double key_x, key_y, key_w, key_h;
    /* the list of countries without a tile */
    char *missing;          /* NULL when none; g_free */
    double missing_y, missing_h;
    double disclaimer_y, disclaimer_h;
    int present;            /* rows keyed by a known country */
    int numbers;            /* the table has a number column */
} tilemap_layout;

static unsigned long tilemap_shade(const ssc_canvas *c, const tilemap_layout *L, int bin)
{
    double t = L->bins > 1 ? TILEMAP_LIGHTEST + (1.0 - TILEMAP_LIGHTEST) * bin / (L->bins - 1)
                           : 1.0;
    return ssc_colour_mix(0xFFFFFF, c->theme->accent, t);
}

/* The bin of a value, or -1 for no shade. */
static int tilemap_bin(const tilemap_layout *L, double v)
{
    if (!(v > 0.0) || L->bins == 0)
        return -1;
    int b = (int)ceil(v / L->step - 1e-9) - 1;
    return b < 0 ? 0 : b >= L->bins ? L->bins - 1 : b;
}

/* Bins at nice numbers over (0, max]: counts get whole bins ("1-5",
 * "6-10"), other units shared bounds ("0-50,000", "50,000-100,000"). */
static void tilemap_ramp(const ssc_table *t, tilemap_layout *L)
{
    ssc_series s;
    double max = 0.0, lo, hi;

    ssc_chart_series(t, &s);
    L->numbers = s.n > 0;
    L->col = s.n > 0 ? s.col[0] : 0;
    L->unit = s.unit;
    L->whole = s.whole && s.unit == SSC_UNIT_COUNT;
    for (size_t r = 0; r < ssc_table_rows(t); r++) {
        const char *key = ssc_table_key(t, r);
        double v = L->numbers ? ssc_table_number(t, r, L->col) : NAN;
        if (ssc_country_by_alpha3(key, strlen(key)))
            L->present++;
        if (isfinite(v) && v > max && ssc_tile_by_alpha3(key, strlen(key)))
            max = v;
    }
    if (!(max > 0.0))
        return;
    ssc_axis_nice(0.0, max, TILEMAP_BINS, &lo, &hi, &L->step);
    if (L->whole && L->step < 1.0)
        L->step = 1.0;
    L->bins = (int)ceil(max / L->step - 1e-9);
    if (L->bins < 1)
        L->bins = 1;
}

/* A bin's label: "3-4" (or "3") for counts, "US$50,000-100,000" else. */
static void tilemap_bin_label(ssc_canvas *c, const tilemap_layout *L, int bin, char *buf,
                              size_t len)
{
    char a[64], b[64];
    /* a range: an en dash in English, GB/T 15834's dash in Chinese, as
     * every range of the edition */
    const char *dash = ssc_chart_zh(c) ? "\u2014" : "\u2013";
    double lo = bin * L->step, hi = (bin + 1) * L->step;

    if (L->whole) {
        ssc_format_number(a, sizeof a, lo + 1.0, SSC_UNIT_COUNT, c->lang);
        ssc_format_number(b, sizeof b, hi, SSC_UNIT_COUNT, c->lang);
        if (lo + 1.0 >= hi)
            snprintf(buf, len, "%s", b);
        else
            snprintf(buf, len, "%s%s%s", a, dash, b);
        return;
    }
    /* money as the engine writes it, the unit once: "US$0–50,000",
     * "0—5万美元" */
    int wan = L->unit == SSC_UNIT_USD && ssc_chart_zh(c) && hi >= 1e4;
    ssc_format_number(a, sizeof a, wan ? lo / 1e4 : lo, SSC_UNIT_COUNT, c->lang);
    ssc_format_number(b, sizeof b, wan ? hi / 1e4 : hi, SSC_UNIT_COUNT, c->lang);
    if (L->unit == SSC_UNIT_USD && ssc_chart_zh(c))
        snprintf(buf, len, "%s%s%s%s\u7f8e\u5143", a, dash, b, wan ? "\u4e07" : ""); /* 万美元 */
    else if (L->unit == SSC_UNIT_USD)
        snprintf(buf, len, "US$%s%s%s", a, dash, b);
    else if (L->unit == SSC_UNIT_PERCENT)
        snprintf(buf, len, "%s%s%s%%", a, dash, b);
    else
        snprintf(buf, len, "%s%s%s", a, dash, b);
}

/* Lays the key out at (x, y): the column's title, then one entry per bin
 * and one for "None", stacked (vertical) or flowing in rows of width w.
 * Draws it when draw is set; returns its size in *kw, *kh. */
static void tilemap_key(ssc_canvas *c, const ssc_table *t, const tilemap_layout *L, double x,
                        double y, double w, int vertical, int draw, double *kw, double *kh)
{
    ssc_text_style title = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->text);
    ssc_text_style lab = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->muted);
    double lh = ssc_chart_line_h(c, &lab), th, tw, cx = 0.0, cy, widest = 0.0;
    char text[160];

    title.bold = 1;
    title.max_lines = 2;
    ssc_text_measure(c, ssc_table_column_title(t, L->col), &title, w, &tw, &th);
    if (draw)
        ssc_text_draw_at(c, x, y, w, ssc_table_column_title(t, L->col), &title);
    widest = tw;
    cy = th + 2.0;
    for (int i = 0; i <= L->bins; i++) {
        int none = i == L->bins;
        double ew;
        if (none)
            snprintf(text, sizeof text, "%s", ssc_chart_zh(c) ? "\u65e0" : "None"); /* 无 */
        else
            tilemap_bin_label(c, L, i, text, sizeof text);
        ssc_text_measure(c, text, &lab, 0.0, &ew, NULL);
        ew += TILEMAP_SWATCH + 4.0;
        if (!vertical && cx > 0.0 && cx + ew > w) {
            cx = 0.0;
            cy += lh + 2.0;
        }
        if (draw) {
            ssc_draw_rgb(c->cr, none ? TILEMAP_NONE : tilemap_shade(c, L, i));
            ssc_chart_round_rect(c->cr, x + cx, y + cy + (lh - TILEMAP_SWATCH) / 2.0,
                                 TILEMAP_SWATCH, TILEMAP_SWATCH, TILEMAP_SWATCH * TILEMAP_RADIUS);
            cairo_fill(c->cr);
            ssc_text_draw_at(c, x + cx + TILEMAP_SWATCH + 4.0, y + cy, 0.0, text, &lab);
        }
        widest = fmax(widest, cx + ew);
        if (vertical)
            cy += lh + 2.0;
        else
            cx += ew + TILEMAP_KEY_ITEM_GAP;
    }
    *kw = fmin(w, widest);
    *kh = vertical ? cy - 2.0 : cy + lh;
}

/* 1 when no tile lies in columns [x0, x1] of rows [y0, y1] of the grid. */
static int tilemap_cells_free(int x0, int x1, int y0, int y1)
{
    for (size_t i = 0; i < ssc_tile_count(); i++) {
        const ssc_tile *tile = ssc_tile_at(i);
        if (tile->x >= x0 && tile->x <= x1 && tile->y >= y0 && tile->y <= y1)
            return 0;
    }
    return 1;
}

/* "Not on the map: Palestine (3), Hong Kong (1)": the table's countries
 * with a value and no tile, in the table's order (g_free), or NULL. */
static char *tilemap_missing(ssc_canvas *c, const ssc_table *t, const tilemap_layout *L)
{
    GString *s = NULL;
    for (size_t r = 0; r < ssc_table_rows(t); r++) {
        const char *key = ssc_table_key(t, r);
        double v = L->numbers ? ssc_table_number(t, r, L->col) : NAN;
        if (ssc_tile_by_alpha3(key, strlen(key)) || !isfinite(v) || v == 0.0)
            continue;
        /* 地图未显示： */
        if (!s)
            s = g_string_new(ssc_chart_zh(c) ? "\u5730\u56fe\u672a\u663e\u793a\uff1a"
                                             : "Not on the map: ");
        else
            g_string_append(s, ssc_chart_zh(c) ? "\u3001" : ", ");
        g_string_append_printf(s, ssc_chart_zh(c) ? "%s\uff08%s\uff09" : "%s (%s)",
                               ssc_table_label(t, r), ssc_canvas_format(c, v, L->unit));
    }
    return s ? g_string_free(s, FALSE) : NULL;
}

/* The UN map disclaimer, in the report's language. */
static const char *tilemap_disclaimer(ssc_canvas *c)
{
    /* 本地图所示边界和名称及所用称谓并不意味着联合国的正式认可或接受。 */
    return ssc_chart_zh(c)
               ? "\u672c\u5730\u56fe\u6240\u793a\u8fb9\u754c\u548c\u540d\u79f0\u53ca"
                 "\u6240\u7528\u79f0\u8c13\u5e76\u4e0d\u610f\u5473\u7740\u8054\u5408"
                 "\u56fd\u7684\u6b63\u5f0f\u8ba4\u53ef\u6216\u63a5\u53d7\u3002"
               : "The boundaries and names shown and the designations used on this map do "
                 "not imply official endorsement or acceptance by the United Nations.";
}

/* Lays the map out in box (of height 0 to ask for the natural height,
 * returned).  The caller frees L->missing with g_free. */
static double tilemap_layout_box(ssc_canvas *c, const ssc_table *t, ssc_box box,
                                 tilemap_layout *L)
{
    ssc_text_style note = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->muted);
    double h, kw = 0.0, kh = 0.0, below = 0.0;

    memset(L, 0, sizeof *L);
    ssc_tile_grid_size(&L->cols, &L->rows);
    tilemap_ramp(t, L);
    L->missing = tilemap_missing(c, t, L);
    if (L->missing)
        ssc_text_measure(c, L->missing, &note, box.w, NULL, &L->missing_h);
    ssc_text_measure(c, tilemap_disclaimer(c), &note, box.w, NULL, &L->disclaimer_h);

    /* The key goes in the empty corner when it fits there, else under the
     * map, flowing.  A box too short for its width shrinks the grid, which
     * may then no longer hold the key: a second pass settles it. */
    L->pitch = box.w / L->cols;
    for (int pass = 0; pass < 2; pass++) {
        tilemap_key(c, t, L, 0.0, 0.0, box.w / 3.0, 1, 0, &kw, &kh);
        /* with a free column and row around it, so that the key does not
         * read as part of the nearest continent */
        int kc = (int)ceil((kw + 2.0) / L->pitch) + 1, kr = (int)ceil((kh + 2.0) / L->pitch) + 1;
        L->key_inside = kc < L->cols && kr < L->rows &&
                        tilemap_cells_free(1, kc, L->rows - kr + 1, L->rows);
        if (!L->key_inside)
            tilemap_key(c, t, L, 0.0, 0.0, box.w, 0, 0, &kw, &kh);
        below = (L->key_inside ? 0.0 : TILEMAP_GAP + kh) +
                (L->missing ? TILEMAP_GAP + L->missing_h : 0.0) +
                TILEMAP_GAP / 2.0 + L->disclaimer_h;
        if (!(box.h > 0.0 && L->rows * L->pitch + below > box.h))
            break;
        L->pitch = fmax(1.0, (box.h - below) / L->rows);
    }
    L->key_w = kw;
    L->key_h = kh;
    L->map_h = L->rows * L->pitch;
    L->x = box.x;
    L->y = box.y;
    h = L->map_h + below;
    if (L->key_inside) {
        L->key_x = L->x + 2.0;
        L->key_y = L->y + L->map_h - kh - L->pitch * (1.0 - TILEMAP_TILE) / 2.0;
    } else {
        L->key_x = L->x;
        L->key_y = L->y + L->map_h + TILEMAP_GAP;
    }
    L->disclaimer_y = L->y + h - L->disclaimer_h;
    L->missing_y = L->disclaimer_y - TILEMAP_GAP / 2.0 - L->missing_h;
    return h + 1.0;
}

double ssc_chart_tile_map_height(ssc_canvas *c, const ssc_table *t, double w)
{
    tilemap_layout L;
    ssc_box box = {0.0, 0.0, w, 0.0};
    if (ssc_table_rows(t) == 0)
        return 60.0;
    double h = tilemap_layout_box(c, t, box, &L);
    g_free(L.missing);
    return h;
}

static void tilemap_tiles(ssc_canvas *c, const tilemap_layout *L, const double *value)
{
    double side = L->pitch * TILEMAP_TILE, inset = (L->pitch - side) / 2.0;
    ssc_text_style code = ssc_chart_style(c, 1.0, 0);
    code.size = L->pitch * TILEMAP_CODE;

    for (size_t i = 0; i < ssc_tile_count(); i++) {
        const ssc_tile *tile = ssc_tile_at(i);
        int bin = tilemap_bin(L, value[i]);
        unsigned long fill = bin < 0 ? TILEMAP_NONE : tilemap_shade(c, L, bin);
        double x = L->x + (tile->x - 1) * L->pitch + inset;
        double y = L->y + (tile->y - 1) * L->pitch + inset;

        ssc_draw_rgb(c->cr, fill);
        ssc_chart_round_rect(c->cr, x, y, side, side, side * TILEMAP_RADIUS);
        cairo_fill(c->cr);
        if (code.size < TILEMAP_CODE_MIN)
            continue;
        code.colour = bin < 0 ? TILEMAP_NONE_TEXT
                      : ssc_colour_dark(fill) ? 0xFFFFFF
                                             : c->theme->text;
        ssc_chart_text(c, x + side / 2.0, y + side / 2.0, 0.5, 0.5, tile->alpha3, &code);
    }
}

int ssc_chart_tile_map_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    tilemap_layout L;
    double *value, kw, kh;

    if (ssc_table_rows(t) == 0) {
        ssc_chart_no_data(c);
        return SSC_OK;
    }
    tilemap_layout_box(c, t, c->box, &L);
    if (L.present == 0) {
        g_free(L.missing);
        return ssc_error_set(err, "the tile-map chart needs a table keyed by ISO 3166-1 "
                                  "alpha-3 country codes; this table's first key is \"%s\"",
                             ssc_table_key(t, 0));
    }
    if (!L.numbers) {
        g_free(L.missing);
        ssc_chart_no_data(c); /* keyed by country, but no number to show */
        return SSC_OK;
    }
    value = calloc(ssc_tile_count(), sizeof *value);
    if (!value) {
        g_free(L.missing);
        return ssc_error_set(err, "out of memory drawing the tile map");
    }
    for (size_t r = 0; r < ssc_table_rows(t); r++) {
        const char *key = ssc_table_key(t, r);
        const ssc_tile *tile = ssc_tile_by_alpha3(key, strlen(key));
        double v = ssc_table_number(t, r, L.col);
        if (tile && isfinite(v))
            value[tile - ssc_tile_at(0)] += v;
    }
    tilemap_tiles(c, &L, value);
    tilemap_key(c, t, &L, L.key_x, L.key_y, L.key_inside ? c->box.w / 3.0 : c->box.w,
                L.key_inside, 1, &kw, &kh);
    ssc_text_style note = ssc_chart_style(c, SSC_CHART_SMALL, c->theme->muted);
    if (L.missing)
        ssc_text_draw_at(c, L.x, L.missing_y, c->box.w, L.missing, &note);
    ssc_text_draw_at(c, L.x, L.disclaimer_y, c->box.w, tilemap_disclaimer(c), &note);
    free(value);
    g_free(L.missing);
    return SSC_OK;
}

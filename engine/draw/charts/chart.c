/* SPDX-License-Identifier: MIT */
/* The dispatcher: draw.h's ssc_chart_height and ssc_chart_draw find a
 * kind in the table below.  Each kind lays itself out from the box it is
 * given, so the same code answers "how tall would you be" and draws.  A
 * new kind is one file and one row here. */
#include "draw/charts/kinds.h"

typedef struct chart_kind_entry {
    ssc_chart_kind kind;
    double (*height)(ssc_canvas *c, const ssc_table *t, double w);
    int (*draw)(ssc_canvas *c, const ssc_table *t, ssc_error *err);
    int clip; /* drawn clipped to the box (a table measures its own rows) */
} chart_kind_entry;

static const chart_kind_entry chart_kinds[] = {
    {SSC_CHART_BAR, ssc_chart_bar_height, ssc_chart_bar_draw, 1},
    {SSC_CHART_HBAR, ssc_chart_hbar_height, ssc_chart_hbar_draw, 1},
    {SSC_CHART_LINE, ssc_chart_line_height, ssc_chart_line_draw, 1},
    {SSC_CHART_TABLE, ssc_chart_table_height, ssc_chart_table_draw, 0},
    {SSC_CHART_GROUPED, ssc_chart_grouped_height, ssc_chart_grouped_draw, 1},
    {SSC_CHART_STACKED, ssc_chart_stacked_height, ssc_chart_stacked_draw, 1},
    {SSC_CHART_DONUT, ssc_chart_donut_height, ssc_chart_donut_draw, 1},
    {SSC_CHART_SDG_GRID, ssc_chart_sdg_grid_height, ssc_chart_sdg_grid_draw, 1},
    {SSC_CHART_TILE_MAP, ssc_chart_tile_map_height, ssc_chart_tile_map_draw, 1},
};

/* Counts per year read as a row of columns, left to right (issue 8); a
 * stacked table keyed by years is drawn so. */
static const chart_kind_entry chart_stacked_years = {
    SSC_CHART_STACKED, ssc_chart_stacked_columns_height, ssc_chart_stacked_columns_draw, 1};

/* The entry of kind for t, or NULL for the kinds the engine does not draw
 * (default and custom). */
static const chart_kind_entry *chart_kind_find(ssc_chart_kind kind, const ssc_table *t)
{
    if (kind == SSC_CHART_STACKED && t && ssc_chart_keys_are_years(t))
        return &chart_stacked_years;
    for (size_t i = 0; i < sizeof chart_kinds / sizeof *chart_kinds; i++)
        if (chart_kinds[i].kind == kind)
            return &chart_kinds[i];
    return NULL;
}

double ssc_chart_height(ssc_canvas *c, const ssc_table *t, ssc_chart_kind kind, double w)
{
    const chart_kind_entry *k = chart_kind_find(kind, t);

    if (!c || !t || w <= 0.0)
        return 0.0;
    /* a custom drawing gets a landscape box of the usual proportion */
    return k ? k->height(c, t, w) : w * 0.5;
}

int ssc_chart_draw(ssc_canvas *c, const ssc_table *t, ssc_chart_kind kind, ssc_error *err)
{
    const chart_kind_entry *k = chart_kind_find(kind, t);
    cairo_status_t status;
    int rc;

    if (!c || !c->cr || !t)
        return ssc_error_set(err, "cannot draw a chart: no canvas or no table");
    if (c->box.w <= 0.0 || c->box.h <= 0.0)
        return ssc_error_set(err, "cannot draw a chart in an empty box (%.1f x %.1f pt)",
                             c->box.w, c->box.h);
    if (!k)
        return ssc_error_set(err, "chart kind %d cannot be drawn by the engine "
                                  "(the section must resolve it to one of the engine's kinds "
                                  "or table)",
                             (int)kind);
    if (!k->clip)
        return k->draw(c, t, err);
    /* the dry run of a render only needs the chart's box, so it skips
     * the drawing (a third of its time); a chart refused (an SDG grid of
     * regions) is then refused by the real pass, which writes nothing.
     * `check` has only the dry run, so it draws */
    if (c->sketching)
        return SSC_OK;

    cairo_save(c->cr);
    cairo_new_path(c->cr);
    cairo_rectangle(c->cr, c->box.x, c->box.y, c->box.w, c->box.h);
    cairo_clip(c->cr);
    rc = k->draw(c, t, err);
    cairo_restore(c->cr);

    status = cairo_status(c->cr);
    if (rc == SSC_OK && status != CAIRO_STATUS_SUCCESS)
        rc = ssc_error_set(err, "drawing the chart failed: %s", cairo_status_to_string(status));
    return rc;
}

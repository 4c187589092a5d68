/* SPDX-License-Identifier: MIT */
/* The canvas: a Cairo context, one reusable Pango layout and the box a
 * section may draw in.  Every verb clips to that box, so a plugin or a
 * chart cannot paint over its neighbours, the header or the footer. */
#include "draw/draw.h"

#include <stdlib.h>
#include <string.h>

#include "data/refdata.h"

PangoLayout *ssc_canvas_layout_new(cairo_t *cr, const char *lang, PangoFontMap *fonts)
{
    PangoContext *pc;
    cairo_font_options_t *fo;
    PangoLayout *layout;

    if (!fonts)
        fonts = pango_cairo_font_map_get_default();
    pc = fonts ? pango_font_map_create_context(fonts) : NULL;
    if (!pc)
        return NULL;
    pango_cairo_update_context(cr, pc);
    layout = pango_layout_new(pc);
    g_object_unref(pc); /* the layout holds it */
    if (!layout)
        return NULL;

    /* 72 dpi makes Pango's points the same as Cairo's user units. */
    pango_cairo_context_set_resolution(pc, 72.0);
    /* Unhinted metrics and fractional glyph positions: text measures the
     * same on a PDF and on a PNG preview, so layout decisions (wrap here
     * or not) do not depend on the output format. */
    fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    /* Grey antialiasing, what the PDF surface asks for anyway: with it the
     * measuring pass (a recording surface, which asks for none) gets the
     * same merged font options as the PDF pass, so Pango finds the fonts,
     * fontsets and fontconfig sorts of the first pass again instead of
     * loading every face and sorting every installed font twice. */
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    if (cairo_font_options_status(fo) != CAIRO_STATUS_SUCCESS) {
        cairo_font_options_destroy(fo);
        g_object_unref(layout);
        return NULL;
    }
    pango_cairo_context_set_font_options(pc, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(pc, FALSE);
    /* The language picks the Chinese glyph forms (SC, not JP) in the CJK
     * font and the line-breaking rules. */
    pango_context_set_language(pc, pango_language_from_string(
                                       lang && strncmp(lang, "zh", 2) == 0 ? "zh-cn" : "en"));
    /* A right-to-left label (Arabic) keeps the alignment the chart asked
     * for instead of flipping it; the text itself is still shaped RTL. */
    pango_layout_set_auto_dir(layout, FALSE);
    pango_layout_context_changed(layout);
    return layout;
}

int ssc_canvas_init(ssc_canvas *c, cairo_t *cr, const ssc_theme *theme, const char *lang,
                    PangoFontMap *fonts, ssc_error *err)
{
    memset(c, 0, sizeof *c);
    if (!theme)
        return ssc_error_set(err, "cannot draw: no theme");
    if (!cr || cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return ssc_error_set(err, "cannot draw: %s",
                             cr ? cairo_status_to_string(cairo_status(cr)) : "no Cairo context");
    c->fonts = fonts;
    c->layout = ssc_canvas_layout_new(cr, lang, fonts);
    if (!c->layout)
        return ssc_error_set(err, "cannot create a Pango layout with its font options");

    c->cr = cr;
    c->theme = theme;
    c->lang = lang && *lang ? lang : "en";
    /* Until the document layer assigns a section box: the page's text area. */
    c->box.x = theme->margin_left;
    c->box.y = theme->margin_top;
    c->box.w = theme->page_w - theme->margin_left - theme->margin_right;
    c->box.h = theme->page_h - theme->margin_top - theme->margin_bottom;
    return SSC_OK;
}

void ssc_canvas_fini(ssc_canvas *c)
{
    if (!c)
        return;
    if (c->layout)
        g_object_unref(c->layout);
    c->layout = NULL;
    c->cr = NULL;
    free(c->missing_glyphs);
    c->missing_glyphs = NULL;
    free(c->first_shortened);
    c->first_shortened = NULL;
}

ssc_box ssc_canvas_box(const ssc_canvas *c)
{
    return c->box;
}

/* Saves the Cairo state and clips to the canvas box; pair with cairo_restore. */
static void canvas_clip(ssc_canvas *c)
{
    cairo_save(c->cr);
    cairo_new_path(c->cr);
    cairo_rectangle(c->cr, c->box.x, c->box.y, c->box.w, c->box.h);
    cairo_clip(c->cr);
}

double ssc_canvas_text(ssc_canvas *c, ssc_box box, const char *text, const ssc_text_style *style)
{
    double w = 0.0, h = 0.0;
    if (box.w <= 0.0)
        return 0.0;
    ssc_text_measure(c, text, style, box.w, &w, &h);
    ssc_text_draw_at(c, box.x, box.y, box.w, text, style);
    return h;
}

void ssc_canvas_fill(ssc_canvas *c, ssc_box box, unsigned long rgb)
{
    if (box.w <= 0.0 || box.h <= 0.0)
        return;
    canvas_clip(c);
    ssc_draw_rgb(c->cr, rgb);
    cairo_rectangle(c->cr, box.x, box.y, box.w, box.h);
    cairo_fill(c->cr);
    cairo_restore(c->cr);
}

void ssc_canvas_line(ssc_canvas *c, double x0, double y0, double x1, double y1, double width,
                     unsigned long rgb)
{
    if (width <= 0.0)
        return;
    canvas_clip(c);
    ssc_draw_rgb(c->cr, rgb);
    cairo_set_line_width(c->cr, width);
    cairo_set_line_cap(c->cr, CAIRO_LINE_CAP_BUTT);
    cairo_move_to(c->cr, x0, y0);
    cairo_line_to(c->cr, x1, y1);
    cairo_stroke(c->cr);
    cairo_restore(c->cr);
}

const char *ssc_canvas_format(ssc_canvas *c, double value, ssc_unit unit)
{
    return ssc_format_number(c->fmt, sizeof c->fmt, value, unit, c->lang);
}

unsigned long ssc_canvas_palette(const ssc_canvas *c, size_t i)
{
    if (!c->theme || c->theme->n_palette == 0)
        return c->theme ? c->theme->accent : 0x1B5E84;
    return c->theme->palette[i % c->theme->n_palette];
}

/* Narrows the current clip to the box.  Clipping only ever intersects, so
 * calling this again is harmless; the engine brackets a render hook with
 * cairo_save/cairo_restore, which removes the clip afterwards. */
cairo_t *ssc_canvas_cairo(ssc_canvas *c)
{
    cairo_new_path(c->cr);
    cairo_rectangle(c->cr, c->box.x, c->box.y, c->box.w, c->box.h);
    cairo_clip(c->cr);
    return c->cr;
}

double ssc_canvas_text_height(ssc_canvas *c, double w, const char *text,
                              const ssc_text_style *style)
{
    double tw, th;
    ssc_text_measure(c, text, style, w, &tw, &th);
    return th;
}

/* ABI 1.5: a small world tile map with the given countries in rgb and the
 * others light grey, fitted into box keeping the grid's proportions. */
void ssc_canvas_locator(ssc_canvas *c, ssc_box box, ssc_strings countries, unsigned long rgb)
{
    int cols = 0, rows = 0;

    if (!c || !c->cr)
        return;
    for (size_t i = 0; i < ssc_tile_count(); i++) {
        const ssc_tile *t = ssc_tile_at(i);
        cols = t->x + 1 > cols ? t->x + 1 : cols;
        rows = t->y + 1 > rows ? t->y + 1 : rows;
    }
    if (!cols || !rows || box.w <= 0 || box.h <= 0)
        return;
    double pitch = box.w / cols < box.h / rows ? box.w / cols : box.h / rows;
    double side = pitch * 0.85;
    canvas_clip(c);
    for (size_t i = 0; i < ssc_tile_count(); i++) {
        const ssc_tile *t = ssc_tile_at(i);
        int on = 0;
        for (size_t k = 0; k < countries.count && !on; k++)
            on = countries.items[k] && strcmp(countries.items[k], t->alpha3) == 0;
        ssc_draw_rgb(c->cr, on ? rgb : 0xDADFE5);
        cairo_rectangle(c->cr, box.x + t->x * pitch, box.y + t->y * pitch, side, side);
        cairo_fill(c->cr);
    }
    cairo_restore(c->cr);
}

unsigned long ssc_canvas_sdg_colour(const ssc_canvas *c, int goal)
{
    const ssc_sdg *g = ssc_sdg_get(goal);
    (void)c;
    return g ? g->colour : 0x888888;
}

/* SPDX-License-Identifier: MIT */
/* Text layout with Pango: measure, then place.  Data strings are always set
 * as plain text (pango_layout_set_text), never parsed as markup, so a
 * project title containing "<b>" or "&" prints as written. */
#include "draw/draw.h"
#include "draw/text_cache.h"

#include <stdlib.h>
#include <string.h>

/* Pango applies a negative height (a line limit) per paragraph, and warns
 * about invalid UTF-8.  Returns a copy of text fixed for both when needed
 * (caller frees with g_free), or NULL when text can be used as it is. */
static char *text_clean(const char *text, int single_paragraph)
{
    char *copy = NULL;
    if (!g_utf8_validate(text, -1, NULL))
        copy = g_utf8_make_valid(text, -1);
    if (single_paragraph && strpbrk(copy ? copy : text, "\r\n")) {
        if (!copy)
            copy = g_strdup(text);
        g_strdelimit(copy, "\r\n", ' ');
    }
    return copy;
}

static PangoAlignment text_alignment(ssc_align a)
{
    switch (a) {
    case SSC_ALIGN_CENTER: return PANGO_ALIGN_CENTER;
    case SSC_ALIGN_END: return PANGO_ALIGN_RIGHT;
    case SSC_ALIGN_START:
    default: return PANGO_ALIGN_LEFT;
    }
}

/* The family list for c's texts: titles have fonts of their own. */
static const char *text_family(const ssc_canvas *c)
{
    return c->heading ? c->theme->font_heading : c->theme->font_body;
}

void ssc_text_setup(ssc_canvas *c, PangoLayout *l, const char *text, const ssc_text_style *style,
                    double width)
{
    static const ssc_text_style plain = {0};
    PangoFontDescription *fd;
    double size;
    char *clean;

    if (!style)
        style = &plain;
    if (!text)
        text = "";
    size = style->size > 0.0 ? style->size : c->theme->body_size;

    /* set_family takes the theme's comma-separated fallback list as it is;
     * from_string would read a trailing word such as "Light" as a style. */
    fd = pango_font_description_new();
    pango_font_description_set_family(fd, text_family(c));
    pango_font_description_set_size(fd, pango_units_from_double(size));
    pango_font_description_set_weight(fd, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);

    pango_layout_set_attributes(l, NULL);
    pango_layout_set_single_paragraph_mode(l, FALSE);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, text_alignment(style->align));
    if (width > 0.0) {
        pango_layout_set_width(l, pango_units_from_double(width));
    } else {
        pango_layout_set_width(l, -1);
    }
    if (style->max_lines > 0 && width > 0.0) {
        pango_layout_set_height(l, -style->max_lines);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    } else {
        pango_layout_set_height(l, -1);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
    }

    clean = text_clean(text, style->max_lines > 0);
    pango_layout_set_text(l, clean ? clean : text, -1);
    g_free(clean);
}

PangoLayout *ssc_text_layout(ssc_canvas *c, const char *text, const ssc_text_style *style,
                             double width)
{
    /* The Cairo transform may have changed since the last call (a scaled
     * PNG preview); keep the layout in step before measuring. */
    pango_cairo_update_layout(c->cr, c->layout);
    ssc_text_setup(c, c->layout, text, style, width);
    return c->layout;
}

void ssc_text_measure_uncached(ssc_canvas *c, const char *text, const ssc_text_style *style,
                               double width, double *w, double *h)
{
    PangoRectangle logical;
    PangoLayout *l = ssc_text_layout(c, text, style, width);
    pango_layout_get_extents(l, NULL, &logical);
    *w = pango_units_to_double(logical.width);
    *h = pango_units_to_double(logical.height);
}

/* Everything a measurement of text depends on (see text_cache.h). */
static void text_key(const ssc_canvas *c, const char *text, const ssc_text_style *style,
                     double width, ssc_text_key *k)
{
    k->text = text ? text : "";
    k->family = text_family(c);
    k->lang = c->lang;
    k->size = style && style->size > 0.0 ? style->size : c->theme->body_size;
    k->width = width;
    k->bold = style && style->bold;
    k->align = style ? (int)style->align : 0;
    k->max_lines = style ? style->max_lines : 0;
    cairo_get_matrix(c->cr, &k->scale);
    k->scale.x0 = k->scale.y0 = 0; /* moving text does not change its size */
}

void ssc_text_measure(ssc_canvas *c, const char *text, const ssc_text_style *style, double width,
                      double *w, double *h)
{
    ssc_text_key key;
    double kw, kh;

    if (c->text_cache)
        text_key(c, text, style, width, &key);
    if (!c->text_cache || !ssc_text_cache_get(c->text_cache, &key, &kw, &kh)) {
        ssc_text_measure_uncached(c, text, style, width, &kw, &kh);
        if (c->text_cache)
            ssc_text_cache_put(c->text_cache, &key, kw, kh);
    }
    if (w)
        *w = kw;
    if (h)
        *h = kh;
}

int ssc_text_fits(ssc_canvas *c, const char *text, const ssc_text_style *style, double width,
                  int max_lines)
{
    PangoRectangle logical;
    PangoLayout *l;
    ssc_text_style st = style ? *style : (ssc_text_style){0};

    if (width <= 0.0)
        return 0;
    st.max_lines = 0;
    l = ssc_text_layout(c, text, &st, width);
    /* Word wrapping alone: a word wider than the width then sticks out,
     * which is what we test for. */
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    pango_layout_get_extents(l, NULL, &logical);
    if (pango_units_to_double(logical.width) > width + 0.01)
        return 0;
    return max_lines <= 0 || pango_layout_get_line_count(l) <= max_lines;
}

double ssc_text_widest_word(ssc_canvas *c, const char *text, const ssc_text_style *style)
{
    PangoRectangle logical;
    PangoLayout *l;
    ssc_text_style st = style ? *style : (ssc_text_style){0};

    /* Wrapped at every opportunity (width next to nothing), never inside
     * a word: the widest line is the widest word. */
    st.max_lines = 0;
    l = ssc_text_layout(c, text, &st, 0.01);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    pango_layout_get_extents(l, NULL, &logical);
    return pango_units_to_double(logical.width);
}

void ssc_canvas_note(ssc_canvas *c, PangoLayout *l, const char *text)
{
    /* Empty boxes in a minister's report are worse than no report: keep
     * the first text the fonts cannot show, for the document to refuse. */
    if (!c->missing_glyphs && pango_layout_get_unknown_glyphs_count(l) > 0)
        c->missing_glyphs = strdup(text ? text : "");
    /* A cut name is lost information (issue 8): counted, and the render
     * says so.  The dry run lays out the same texts; counting it too would
     * count each twice. */
    if (!c->measuring && pango_layout_is_ellipsized(l)) {
        if (!c->first_shortened)
            c->first_shortened = strdup(text ? text : "");
        c->shortened++;
    }
}

void ssc_text_draw_at(ssc_canvas *c, double x, double y, double width, const char *text,
                      const ssc_text_style *style)
{
    unsigned long rgb = style && style->colour ? style->colour : c->theme->text;
    PangoLayout *l = ssc_text_layout(c, text, style, width);

    ssc_canvas_note(c, l, text);
    cairo_save(c->cr);
    cairo_new_path(c->cr);
    cairo_rectangle(c->cr, c->box.x, c->box.y, c->box.w, c->box.h);
    cairo_clip(c->cr);
    ssc_draw_rgb(c->cr, rgb);
    cairo_move_to(c->cr, x, y);
    pango_cairo_show_layout(c->cr, l);
    cairo_restore(c->cr);
}

/* SPDX-License-Identifier: MIT */
/* The floor under a report's time and memory that is not ours: what
 * cairo and Pango alone take to write a PDF with the report's fonts.
 *
 *     font-floor OUT.pdf PAGES CJK [lean]
 *
 * writes PAGES pages of forty lines of Latin text each, alternately in
 * Noto Sans and Noto Sans Bold, and, per CJK:
 *   0  nothing else (an English report without Chinese text);
 *   1  one line of Chinese in Noto Sans CJK SC on the first page;
 *   2  that line and a second one in Noto Sans CJK SC Bold.
 * With "lean", the fonts come from a font map over a fontconfig
 * configuration that accepts only the three families the text names, as
 * the engine's lean map does (engine/draw/fonts.c), instead of Pango's
 * default map, which sorts every installed font for each font it loads.
 * bench/font-floor.sh runs it beside the engine (see bench/README.md).
 * The point of variant 2: cairo 1.16 copies the whole CFF table of each
 * CJK face it embeds (about 16 MB), once to learn that it is a CID font
 * and once more to subset it, and reads it through FreeType's mapping of
 * the file, so each face costs tens of milliseconds and ~32 MiB of peak
 * memory whatever the report does. */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static PangoFontMap *fonts; /* NULL: Pango's default map */

static int line(cairo_t *cr, const char *font, const char *text, double y)
{
    PangoLayout *l;
    PangoFontDescription *d = pango_font_description_from_string(font);

    if (fonts) {
        PangoContext *pc = pango_font_map_create_context(fonts);
        pango_cairo_update_context(cr, pc);
        l = pango_layout_new(pc);
        g_object_unref(pc);
    } else {
        l = pango_cairo_create_layout(cr);
    }

    if (!l || !d)
        return -1;
    pango_layout_set_font_description(l, d);
    pango_layout_set_text(l, text, -1);
    cairo_move_to(cr, 56, y);
    pango_cairo_show_layout(cr, l);
    pango_font_description_free(d);
    g_object_unref(l);
    return cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

/* The system's fontconfig settings with only the floor's three families. */
static PangoFontMap *lean_map(void)
{
    static const char xml[] =
        "<?xml version=\"1.0\"?><fontconfig><selectfont><acceptfont>"
        "<pattern><patelt name=\"family\"><string>Noto Sans</string></patelt></pattern>"
        "<pattern><patelt name=\"family\"><string>DejaVu Sans</string></patelt></pattern>"
        "<pattern><patelt name=\"family\"><string>Noto Sans CJK SC</string></patelt></pattern>"
        "</acceptfont><rejectfont><pattern/></rejectfont></selectfont></fontconfig>";
    FcConfig *cfg = FcInitLoadConfig();
    PangoFontMap *map;

    if (!cfg)
        return NULL;
    if (!FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)xml, FcTrue) ||
        !FcConfigBuildFonts(cfg)) {
        FcConfigDestroy(cfg);
        return NULL;
    }
    map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (map)
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), cfg);
    FcConfigDestroy(cfg);
    return map;
}

int main(int argc, char **argv)
{
    static const char latin[] = "South-South cooperation: 47 projects in 60 countries, 1995-2026";
    if (argc != 4 && !(argc == 5 && !strcmp(argv[4], "lean"))) {
        fprintf(stderr, "usage: font-floor OUT.pdf PAGES CJK(0, 1 or 2) [lean]\n");
        return 2;
    }
    if (argc == 5 && !(fonts = lean_map())) {
        fprintf(stderr, "font-floor: cannot make the lean font map\n");
        return 1;
    }
    int pages = atoi(argv[2]), cjk = atoi(argv[3]), bad = 0;
    cairo_surface_t *s = cairo_pdf_surface_create(argv[1], 595.0, 842.0);
    cairo_t *cr = cairo_create(s);

    for (int p = 0; p < pages && !bad; p++) {
        for (int i = 0; i < 40 && !bad; i++)
            bad = line(cr, i % 2 ? "Noto Sans 10" : "Noto Sans Bold 10", latin, 40.0 + 18.0 * i);
        if (p == 0 && cjk >= 1 && !bad)
            bad = line(cr, "Noto Sans, Noto Sans CJK SC 10", "南南合作农业技术示范项目", 780.0);
        if (p == 0 && cjk >= 2 && !bad)
            bad = line(cr, "Noto Sans, Noto Sans CJK SC Bold 10", "南南合作", 800.0);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (bad || cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "font-floor: %s\n", cairo_status_to_string(cairo_surface_status(s)));
        bad = 1;
    }
    cairo_surface_destroy(s);
    return bad;
}

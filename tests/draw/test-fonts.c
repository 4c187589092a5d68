/* SPDX-License-Identifier: MIT */
/* The lean font map (fonts.c) draws every text it can show exactly as
 * Pango's default map does: the same size, and each run from the same
 * font, over Latin, Chinese, the minus sign DejaVu Sans brings, Arabic,
 * in regular and bold and two sizes, for both built-in lists and for a
 * family followed by a generic name.  A text none of its fonts can show (Thai under the
 * built-in lists) comes out with unknown glyphs, for the document to widen
 * to the default map; widening gives the lean map up once.  A list of
 * families that are not installed gets no lean map at all. */
#include <stdio.h>
#include <string.h>

#include <cairo.h>

#include "../check.h"
#include "draw/draw.h"
#include "draw/fonts.h"
#include "report/theme.h"

static const char *const texts[] = {
    "Projects per region",
    "C\303\264te d\342\200\231Ivoire",           /* Côte d’Ivoire */
    "\342\210\2222 since 2024",                   /* −2 since 2024 */
    "\346\214\211\345\234\260\345\214\272\345\210\222\345\210\206\347\232\204\351\241\271\347\233\256", /* 按地区划分的项目 */
    "\330\264\330\250\331\203\330\251 \330\247\331\204\330\252\330\271\330\247\331\210\331\206", /* شبكة التعاون */
    "Kenya \350\202\257\345\260\274\344\272\232 2024\342\200\2232026",
};
static const char thai[] = "\340\270\240\340\270\262\340\270\251\340\270\262\340\271\204\340\270\227\340\270\242";

/* The fonts of l's runs, in order, as "family weight size;" text. */
static void runs_of(PangoLayout *l, char *buf, size_t len)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    size_t used = 0;

    buf[0] = '\0';
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        PangoFontDescription *d = pango_font_describe(run->item->analysis.font);
        char *s = pango_font_description_to_string(d);
        int n = snprintf(buf + used, len - used, "%s;", s);
        if (n > 0 && (size_t)n < len - used)
            used += (size_t)n;
        g_free(s);
        pango_font_description_free(d);
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}

/* The first n texts in every style: the same size and fonts on both
 * canvases. */
static void compare(ssc_canvas *lean, ssc_canvas *wide, size_t n, const char *what)
{
    static const ssc_text_style styles[] = {{0}, {.bold = 1}, {.size = 14}, {.size = 7.5, .bold = 1}};

    for (size_t t = 0; t < n; t++)
        for (size_t s = 0; s < sizeof styles / sizeof styles[0]; s++) {
            double w0, h0, w1, h1;
            char r0[1024], r1[1024];
            CHECK_ROW("%s: text %zu, style %zu", what, t, s);
            ssc_text_measure_uncached(wide, texts[t], &styles[s], 0, &w0, &h0);
            ssc_text_measure_uncached(lean, texts[t], &styles[s], 0, &w1, &h1);
            CHECK(w0 > 0 && h0 > 0);
            CHECK(w1 == w0 && h1 == h0);
            runs_of(ssc_text_layout(wide, texts[t], &styles[s], 0), r0, sizeof r0);
            runs_of(ssc_text_layout(lean, texts[t], &styles[s], 0), r1, sizeof r1);
            CHECK_STR(r1, r0);
            CHECK_INT(pango_layout_get_unknown_glyphs_count(
                          ssc_text_layout(lean, texts[t], &styles[s], 0)),
                      0);
        }
    CHECK_ROW_END();
}

/* 1 when map (NULL: the default) has a family of this name. */
static int has_family(PangoFontMap *map, const char *name, int *n_families)
{
    PangoFontFamily **fams = NULL;
    int n = 0, found = 0;

    pango_font_map_list_families(map ? map : pango_cairo_font_map_get_default(), &fams, &n);
    for (int i = 0; i < n; i++)
        if (!strcmp(pango_font_family_get_name(fams[i]), name))
            found = 1;
    g_free(fams);
    if (n_families)
        *n_families = n;
    return found;
}

/* List's lean map against the default over the first n texts. */
static void case_list(const char *list, const char *lang, size_t n, int thai_unknown)
{
    ssc_theme theme;
    ssc_canvas lean, wide;
    ssc_error err;
    ssc_fonts *f;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create(s);
    int n_lean = 0, n_wide = 0;

    ssc_error_clear(&err);
    ssc_theme_default(&theme);
    snprintf(theme.font_body, sizeof theme.font_body, "%s", list);
    snprintf(theme.font_heading, sizeof theme.font_heading, "%s", list);
    f = ssc_fonts_new(&theme, lang);
    CHECK(f != NULL);
    CHECK_ROW("%s", list);
    CHECK(ssc_fonts_map(f) != NULL);
    CHECK_ROW_END();
    if (!f || !ssc_fonts_map(f))
        goto out;
    CHECK_INT(ssc_canvas_init(&lean, cr, &theme, lang, ssc_fonts_map(f), &err), SSC_OK);
    CHECK_INT(ssc_canvas_init(&wide, cr, &theme, lang, NULL, &err), SSC_OK);
    compare(&lean, &wide, n, list);

    /* the lean map holds a few of the installed families, all real */
    has_family(ssc_fonts_map(f), "", &n_lean);
    has_family(NULL, "", &n_wide);
    CHECK(n_lean > 0 && n_lean < n_wide);
    {
        PangoFontFamily **fams = NULL;
        int n_fams = 0;
        pango_font_map_list_families(ssc_fonts_map(f), &fams, &n_fams);
        for (int i = 0; i < n_fams; i++) {
            CHECK_ROW("%s: %s", list, pango_font_family_get_name(fams[i]));
            CHECK(has_family(NULL, pango_font_family_get_name(fams[i]), NULL));
        }
        CHECK_ROW_END();
        g_free(fams);
    }

    /* Thai: no font of the built-in lists has it */
    if (thai_unknown) {
        PangoLayout *l = ssc_text_layout(&lean, thai, NULL, 0);
        CHECK(pango_layout_get_unknown_glyphs_count(l) > 0);
        l = ssc_text_layout(&wide, thai, NULL, 0);
        if (pango_layout_get_unknown_glyphs_count(l) != 0)
            fprintf(stderr, "note: no installed font has Thai (fonts-noto-core has)\n");
    }
    ssc_canvas_fini(&lean);
    ssc_canvas_fini(&wide);

    /* widening gives the lean map up, once, and keeps why */
    CHECK(ssc_fonts_widened(f) == NULL);
    CHECK_INT(ssc_fonts_widen(f, thai), 1);
    CHECK(ssc_fonts_map(f) == NULL);
    CHECK_STR(ssc_fonts_widened(f), thai);
    CHECK_INT(ssc_fonts_widen(f, "other"), 0);
    CHECK_STR(ssc_fonts_widened(f), thai);
out:
    ssc_fonts_free(f);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
}

int main(void)
{
    ssc_theme theme;
    ssc_fonts *f;

    case_list(SSC_THEME_FONTS, "en", sizeof texts / sizeof texts[0], 1);
    case_list(SSC_THEME_FONTS_ZH, "zh", sizeof texts / sizeof texts[0], 1);
    /* a generic name after a family: the family only (the Latin texts; the
     * minus sign already needs a font the list does not reach) */
    case_list("Noto Sans, sans-serif", "en", 2, 1);

    /* Pango's default map: nothing of the list installed; or a generic
     * name alone, whose fonts fontconfig binds weakly and ranks by
     * language before their order, so no subset is sure to rank alike */
    /* ... or a heading list other than the body's: one map serves both,
     * and one list's fonts would stand in for the other's fallback */
    static const char *const lists[][2] = {
        {"No Such Family 4821, Another Missing One", NULL},
        {"sans-serif", NULL},
        {"serif, monospace", NULL},
        {SSC_THEME_FONTS, "DejaVu Serif"},
        {SSC_THEME_FONTS, "serif"},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        CHECK_ROW("%s / %s", lists[i][0], lists[i][1] ? lists[i][1] : "the same");
        ssc_theme_default(&theme);
        strcpy(theme.font_body, lists[i][0]);
        strcpy(theme.font_heading, lists[i][1] ? lists[i][1] : lists[i][0]);
        f = ssc_fonts_new(&theme, "en");
        CHECK(f != NULL);
        CHECK(ssc_fonts_map(f) == NULL);
        CHECK_INT(ssc_fonts_widen(f, thai), 0);
        CHECK(ssc_fonts_widened(f) == NULL);
        ssc_fonts_free(f);
    }
    CHECK_ROW_END();

    /* no fonts object at all: the default */
    CHECK(ssc_fonts_map(NULL) == NULL);
    CHECK_INT(ssc_fonts_widen(NULL, thai), 0);
    CHECK(ssc_fonts_widened(NULL) == NULL);
    return check_done();
}

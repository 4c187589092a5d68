/* SPDX-License-Identifier: MIT */
/* The measurements the document keeps between its passes (text_cache.c):
 * a kept measurement must be the very number Pango gives again, so every
 * measurement through the cache is compared with one without it, over
 * texts and styles that differ in one thing each (a key missing one of
 * them would hand back the other's size), on two surfaces and two
 * scales, in both languages, and over more texts than the cache has
 * slots; and the cache itself, by hand: a measurement put is got back for
 * its key and for no key that differs in one part. */
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "../check.h"
#include "draw/draw.h"
#include "draw/text_cache.h"
#include "report/theme.h"

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
    (void)closure;
    (void)data;
    (void)length;
    return CAIRO_STATUS_SUCCESS;
}

/* Measures every case twice through tc (the second time from the cache)
 * and once without it: all three alike. */
static void measure_all(ssc_canvas *c, ssc_text_cache *tc, const char *where)
{
    static const char *const texts[] = {
        "Projects per region", "Projects per region ", "South-South cooperation in 2024",
        "按地区划分的项目", "A long sentence that wraps over several lines when the width is "
                          "small enough to make it wrap, and then some more words.",
        "", "Line\nbreak"};
    static const ssc_text_style styles[] = {
        {0},
        {.size = 14},
        {.bold = 1},
        {.align = SSC_ALIGN_END},
        {.max_lines = 1},
        {.max_lines = 2, .size = 8},
    };
    static const double widths[] = {0, 40, 120.5, 300};

    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
        for (size_t s = 0; s < sizeof styles / sizeof styles[0]; s++)
            for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
                double w0, h0, w1 = -1, h1 = -1, w2 = -1, h2 = -1;
                CHECK_ROW("%s: text %zu, style %zu, width %g", where, t, s, widths[k]);
                c->text_cache = NULL;
                ssc_text_measure_uncached(c, texts[t], &styles[s], widths[k], &w0, &h0);
                c->text_cache = tc;
                ssc_text_measure(c, texts[t], &styles[s], widths[k], &w1, &h1);
                ssc_text_measure(c, texts[t], &styles[s], widths[k], &w2, &h2);
                CHECK(w1 == w0 && h1 == h0);
                CHECK(w2 == w0 && h2 == h0);
            }
    CHECK_ROW_END();
}

/* The theme of every canvas here: its font list must outlive the cache. */
static ssc_theme theme;

/* One surface, its canvas in each language, at scale 1 and 2, all with
 * one cache: entries of one case must never answer another. */
static void on_surface(cairo_surface_t *s, ssc_text_cache *tc, const char *what)
{
    static const char *const langs[] = {"en", "zh"};
    ssc_error err;

    for (size_t l = 0; l < 2; l++)
        for (int scale = 1; scale <= 2; scale++) {
            cairo_t *cr = cairo_create(s);
            ssc_canvas c;
            char where[64];
            ssc_error_clear(&err);
            cairo_scale(cr, scale, scale);
            cairo_translate(cr, 17, 5); /* moving does not change a size */
            CHECK_INT(ssc_canvas_init(&c, cr, &theme, langs[l], NULL, &err), SSC_OK);
            snprintf(where, sizeof where, "%s, %s, scale %d", what, langs[l], scale);
            measure_all(&c, tc, where);
            c.text_cache = NULL;
            ssc_canvas_fini(&c);
            cairo_destroy(cr);
        }
}

/* More distinct texts than slots: every answer still right. */
static void many_texts(cairo_surface_t *s, ssc_text_cache *tc)
{
    ssc_error err;
    cairo_t *cr = cairo_create(s);
    ssc_canvas c;
    int ok = 1;

    ssc_error_clear(&err);
    CHECK_INT(ssc_canvas_init(&c, cr, &theme, "en", NULL, &err), SSC_OK);
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 6000; i++) {
            char text[32];
            double w0, h0, w1, h1;
            snprintf(text, sizeof text, "Label %d%s", i, i % 3 ? "" : " wide");
            c.text_cache = NULL;
            ssc_text_measure_uncached(&c, text, NULL, 0, &w0, &h0);
            c.text_cache = tc;
            ssc_text_measure(&c, text, NULL, 0, &w1, &h1);
            ok &= w1 == w0 && h1 == h0;
        }
    CHECK(ok);
    c.text_cache = NULL;
    ssc_canvas_fini(&c);
    cairo_destroy(cr);
}

/* The cache alone: what is put is got back, for that key only. */
static void by_hand(void)
{
    ssc_text_cache *tc = ssc_text_cache_new();
    char text[] = "Projects per region";
    const ssc_text_key key = {text, "Noto Sans", "en", 10.0, 120.0, 0, 0, 0, {1, 0, 0, 1, 0, 0}};
    ssc_text_key k;
    double w = -1, h = -1;

    CHECK(tc != NULL);
    if (!tc)
        return;
    CHECK_INT(ssc_text_cache_get(tc, &key, &w, &h), 0); /* nothing put yet */
    ssc_text_cache_put(tc, &key, 93.25, 13.5);
    text[0] = 'X'; /* the cache keeps its own copy of the text */
    k = key;
    k.text = "Projects per region";
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 1);
    CHECK(w == 93.25 && h == 13.5);
    /* each part of the key, changed alone, is another measurement */
    k = key, k.text = "Projects per region ";
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    k = key, k.text = "Projects per region", k.family = "DejaVu Sans";
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    k = key, k.text = "Projects per region", k.lang = "zh";
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    k = key, k.text = "Projects per region", k.size = 10.5;
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    k = key, k.text = "Projects per region", k.width = 0;
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    k = key, k.text = "Projects per region", k.bold = 1;
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    k = key, k.text = "Projects per region", k.align = 1;
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    k = key, k.text = "Projects per region", k.max_lines = 2;
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    k = key, k.text = "Projects per region", k.scale.xx = 2;
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    k = key, k.text = "Projects per region", k.scale.xy = 0.5;
    CHECK_INT(ssc_text_cache_get(tc, &k, &w, &h), 0);
    ssc_text_cache_free(tc);
}

int main(void)
{
    ssc_text_cache *tc = ssc_text_cache_new();
    cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(discard, NULL, 595.276, 841.89);
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);

    by_hand();
    ssc_theme_default(&theme);
    CHECK(tc != NULL);
    if (!tc)
        return check_done();
    on_surface(rec, tc, "recording surface");
    on_surface(pdf, tc, "PDF surface");
    many_texts(pdf, tc);
    cairo_surface_destroy(rec);
    cairo_surface_finish(pdf);
    cairo_surface_destroy(pdf);
    ssc_text_cache_free(tc);
    return check_done();
}

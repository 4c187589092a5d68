/* SPDX-License-Identifier: MIT */
/* The fonts a document is drawn from (fonts.c): a Pango font map that
 * holds only the families the theme's lists can reach, and Pango's default
 * map, with every installed font, once a text needs one of the others. */
#ifndef SSC_DRAW_FONTS_H
#define SSC_DRAW_FONTS_H

#include <pango/pangocairo.h>

#include "report/theme.h"

typedef struct ssc_fonts ssc_fonts;

/* The fonts for theme's lists in language lang ("zh": Chinese rules);
 * NULL only when out of memory.  When the lean map cannot be made (no
 * font of the list is installed, generic names alone, a heading list
 * other than the body's, a fontconfig failure) it starts out as Pango's
 * default map, which is no error: it is the slower path. */
ssc_fonts *ssc_fonts_new(const ssc_theme *theme, const char *lang);
void ssc_fonts_free(ssc_fonts *f);
/* The map to create layouts from: the lean one, or NULL for Pango's
 * default.  f may be NULL (the default). */
PangoFontMap *ssc_fonts_map(const ssc_fonts *f);
/* Gives up the lean map for the default one, after text met a character
 * none of its fonts has (the default may have a font that does); text
 * (may be NULL) is kept for ssc_fonts_widened.  1 when it did, so laying
 * out again may help; 0 when f already was the default. */
int ssc_fonts_widen(ssc_fonts *f, const char *text);
/* The text that made f widen (its start), or NULL when f did not. */
const char *ssc_fonts_widened(const ssc_fonts *f);

#endif

/* SPDX-License-Identifier: MIT */
/* The theme: how a report looks (fonts, colours, page and margins), its
 * defaults, and the "#RRGGBB" colours reports and engine settings write.
 * The report model fills it (report_theme.c, config.c); drawing reads it.
 * Plain data: no Cairo or Pango here, so the report model never depends
 * on drawing. */
#ifndef SSC_THEME_H
#define SSC_THEME_H

#include <stddef.h>

typedef struct ssc_theme {
    char font_body[128];    /* Pango family list, e.g. SSC_THEME_FONTS */
    char font_heading[128];
    double body_size;       /* points */
    unsigned long text;     /* body text */
    unsigned long muted;    /* captions, axis labels */
    unsigned long heading;  /* titles */
    unsigned long accent;   /* rules, cover band */
    unsigned long grid;     /* chart gridlines */
    unsigned long band;     /* table row shading */
    unsigned long palette[8];
    size_t n_palette;
    double page_w, page_h;  /* A4 portrait: 595.276 x 841.89 */
    double margin_top, margin_bottom, margin_left, margin_right;
} ssc_theme;

/* The built-in font lists.  Latin text is set in Noto Sans and Chinese in
 * Noto Sans CJK SC, found by Pango's fallback only where a string needs it:
 * a report without Chinese never loads the CJK face (about 20 MB a weight,
 * which cairo reads whole to embed), and Latin punctuation such as the
 * apostrophe of "Cote d'Ivoire" is not drawn full-width from the CJK face.
 * DejaVu Sans comes before the CJK face for the symbols Noto Sans lacks
 * (Debian's has no U+2212 MINUS SIGN, which every negative change is
 * written with) and for Arabic: a minus drawn from the CJK face cost a
 * whole CJK weight, 18 MiB and some 0.05 s at 47 projects, for one glyph, and
 * DejaVu's minus is as wide as its plus, as a minus should be.
 * The Chinese edition puts the CJK face first, so its quotation marks and
 * the dashes inside Chinese sentences and the Latin words among Chinese
 * keep the CJK design. */
#define SSC_THEME_FONTS "Noto Sans, DejaVu Sans, Noto Sans CJK SC"
#define SSC_THEME_FONTS_ZH "Noto Sans CJK SC, Noto Sans, DejaVu Sans"
/* The built-in list before DejaVu Sans moved up: a settings file written
 * then (an installed one that upgrades kept) still gets the built-in
 * lists. */
#define SSC_THEME_FONTS_BEFORE "Noto Sans, Noto Sans CJK SC, DejaVu Sans"

void ssc_theme_default(ssc_theme *t);
/* Gives the report's language its built-in font list: a font list that is
 * still the built-in SSC_THEME_FONTS (or SSC_THEME_FONTS_BEFORE) becomes
 * SSC_THEME_FONTS_ZH for "zh", and SSC_THEME_FONTS_BEFORE becomes
 * SSC_THEME_FONTS for other languages.
 * Lists that the settings or the report chose are left as they are. */
void ssc_theme_fonts_for_language(ssc_theme *t, const char *language);
/* Parses a colour written "#RRGGBB" (reports, engine settings); 0 and
 * *rgb on success, -1 otherwise. */
int ssc_colour_parse(const char *s, unsigned long *rgb);

#endif

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
    char font_body[128];    /* Pango family list, e.g. "Noto Sans CJK SC, DejaVu Sans" */
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

void ssc_theme_default(ssc_theme *t);
/* Parses a colour written "#RRGGBB" (reports, engine settings); 0 and
 * *rgb on success, -1 otherwise. */
int ssc_colour_parse(const char *s, unsigned long *rgb);

#endif

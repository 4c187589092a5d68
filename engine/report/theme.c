/* SPDX-License-Identifier: MIT */
/* The default theme: an A4 portrait page in a restrained, print-safe style.
 *
 * Colours are chosen for a report that is also photocopied: the categorical
 * palette alternates dark and light tones, so neighbouring series stay
 * distinguishable in greyscale, and text colours keep strong contrast. */
#include "report/theme.h"

#include <string.h>

/* Categorical colours, in the order series receive them.  Each neighbour
 * differs from the previous one in lightness as well as hue (approximate
 * CIE L* in the comments), so the first series of any chart separate well
 * when printed in black and white. */
static const unsigned long theme_palette[8] = {
    0x1B4F72, /* deep navy      L* 32 */
    0x8CC3E0, /* sky            L* 76 */
    0x2E8B7A, /* teal           L* 51 */
    0xE8C26A, /* sand           L* 80 */
    0x9C3B2E, /* brick          L* 37 */
    0xB7CD86, /* sage           L* 79 */
    0x5E3C6E, /* plum           L* 31 */
    0xC98B5A, /* ochre          L* 63 */
};

void ssc_theme_default(ssc_theme *t)
{
    memset(t, 0, sizeof *t);
    /* Latin first; see SSC_THEME_FONTS for why */
    strcpy(t->font_body, SSC_THEME_FONTS);
    strcpy(t->font_heading, SSC_THEME_FONTS);
    t->body_size = 10.0;

    t->text = 0x1E2A33;    /* near-black with a hint of navy: softer than pure black */
    t->muted = 0x5F6B75;   /* axis labels and captions, still 5:1 on white */
    t->heading = 0x0E2F4A; /* deep navy */
    t->accent = 0x1B5E84;  /* navy-teal: single-series bars, rules, cover band */
    t->grid = 0xD5DADF;    /* light gridlines that recede behind data */
    t->band = 0xF2F4F6;    /* zebra rows */

    memcpy(t->palette, theme_palette, sizeof theme_palette);
    t->n_palette = sizeof theme_palette / sizeof theme_palette[0];

    t->page_w = 595.276; /* A4 in PDF points */
    t->page_h = 841.89;
    t->margin_top = 56.0;
    t->margin_bottom = 56.0;
    t->margin_left = 56.0;
    t->margin_right = 56.0;
}

void ssc_theme_fonts_for_language(ssc_theme *t, const char *language)
{
    if (!language || strcmp(language, "zh") != 0) {
        /* the previous built-in list is the built-in one */
        if (!strcmp(t->font_body, SSC_THEME_FONTS_BEFORE))
            strcpy(t->font_body, SSC_THEME_FONTS);
        if (!strcmp(t->font_heading, SSC_THEME_FONTS_BEFORE))
            strcpy(t->font_heading, SSC_THEME_FONTS);
        return;
    }
    if (!strcmp(t->font_body, SSC_THEME_FONTS) || !strcmp(t->font_body, SSC_THEME_FONTS_BEFORE))
        strcpy(t->font_body, SSC_THEME_FONTS_ZH);
    if (!strcmp(t->font_heading, SSC_THEME_FONTS) ||
        !strcmp(t->font_heading, SSC_THEME_FONTS_BEFORE))
        strcpy(t->font_heading, SSC_THEME_FONTS_ZH);
}

int ssc_colour_parse(const char *s, unsigned long *rgb)
{
    unsigned long v = 0;
    if (!s || s[0] != '#' || strlen(s) != 7)
        return -1;
    for (int i = 1; i < 7; i++) {
        int c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v * 16 + (unsigned long)d;
    }
    *rgb = v;
    return 0;
}

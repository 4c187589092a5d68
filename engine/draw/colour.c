/* SPDX-License-Identifier: MIT */
/* Colours on a Cairo context: setting a 0xRRGGBB colour, mixing two, and
 * choosing text that reads on a fill.  The lowest drawing file: text,
 * canvas and every chart kind use it, and it uses nothing of theirs. */
#include "draw/draw.h"

#include <math.h>

void ssc_draw_rgb(cairo_t *cr, unsigned long rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                         (rgb & 0xFF) / 255.0);
}

unsigned long ssc_colour_mix(unsigned long from, unsigned long to, double t)
{
    unsigned long out = 0;
    t = t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double a = (double)((from >> shift) & 0xFF), b = (double)((to >> shift) & 0xFF);
        out |= (unsigned long)lround(a + (b - a) * t) << shift;
    }
    return out;
}

/* Relative luminance (WCAG).  White and the theme's near-black text have
 * equal contrast on a fill of luminance about 0.22; white is kept a little
 * beyond that, up to mid tones such as a teal, where it reads cleaner. */
int ssc_colour_dark(unsigned long rgb)
{
    double ch[3];
    for (int i = 0; i < 3; i++) {
        double v = ((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;
        ch[i] = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2] < 0.25;
}

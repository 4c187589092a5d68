/* SPDX-License-Identifier: MIT */
/* A report's theme group: page size, orientation, margin, colours and font
 * over the engine's theme (see docs/report-format.md, "theme"). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/report.h"

int ssc_report_apply_theme(const ssc_report *r, ssc_theme *t, ssc_error *err)
{
    const config_setting_t *g = config_lookup(&r->cfg, "theme");
    const char *v;
    double d;
    unsigned long colour;

    /* the report's language picks the built-in font list; a font the
     * report names (below) wins over both */
    ssc_theme_fonts_for_language(t, r->language);
    if (!g)
        return SSC_OK;
    if (config_setting_lookup_string(g, "page_size", &v)) {
        if (!strcmp(v, "A4")) {
            t->page_w = 595.276;
            t->page_h = 841.89;
        } else if (!strcmp(v, "Letter")) {
            t->page_w = 612;
            t->page_h = 792;
        } else {
            return ssc_report_fail(err, r, config_setting_get_member(g, "page_size"),
                               "theme.page_size: \"%s\" is not a page size (A4, Letter)", v);
        }
    }
    if (config_setting_lookup_string(g, "orientation", &v)) {
        int landscape = !strcmp(v, "landscape");
        if (!landscape && strcmp(v, "portrait"))
            return ssc_report_fail(err, r, config_setting_get_member(g, "orientation"),
                               "theme.orientation: \"%s\" is not an orientation (portrait, "
                               "landscape)",
                               v);
        if (landscape != (t->page_w > t->page_h)) {
            double w = t->page_w;
            t->page_w = t->page_h;
            t->page_h = w;
        }
    }
    const config_setting_t *m = config_setting_get_member(g, "margin");
    if (m) {
        d = config_setting_type(m) == CONFIG_TYPE_FLOAT ? config_setting_get_float(m)
                                                         : (double)config_setting_get_int64(m);
        if (d < 18 || d > 144)
            return ssc_report_fail(err, r, m, "theme.margin: %g is outside 18 to 144 points", d);
        t->margin_left = t->margin_right = d;
        /* the running header and the footer live in the top and bottom margins */
        t->margin_top = t->margin_bottom = d < 48 ? 48 : d;
    }
    static const char *const colours[] = {"accent", "text", "heading"};
    for (size_t i = 0; i < 3; i++) {
        if (!config_setting_lookup_string(g, colours[i], &v))
            continue;
        if (ssc_colour_parse(v, &colour) != 0)
            return ssc_report_fail(err, r, config_setting_get_member(g, colours[i]),
                               "theme.%s: \"%s\" is not a colour like \"#1B5E84\"", colours[i],
                               v);
        *(i == 0 ? &t->accent : i == 1 ? &t->text : &t->heading) = colour;
        if (i == 0)
            t->palette[0] = colour;
    }
    if (config_setting_lookup_string(g, "font", &v)) {
        snprintf(t->font_body, sizeof t->font_body, "%s", v);
        snprintf(t->font_heading, sizeof t->font_heading, "%s", v);
    }
    const config_setting_t *bs = config_setting_get_member(g, "body_size");
    if (bs) {
        d = config_setting_type(bs) == CONFIG_TYPE_FLOAT ? config_setting_get_float(bs)
                                                          : (double)config_setting_get_int64(bs);
        if (d < 6 || d > 16)
            return ssc_report_fail(err, r, bs, "theme.body_size: %g is outside 6 to 16 points", d);
        t->body_size = d;
    }
    return SSC_OK;
}

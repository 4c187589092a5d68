/* SPDX-License-Identifier: MIT */
/* What the charts are drawn with: nice axes, number formats, the theme's
 * colours, and text layout with the canvas verbs.  The chart kinds
 * themselves are test-chart.c's.  Cases that repeat are rows of a table,
 * checked by one loop; CHECK_ROW names the row in a failure's message. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "draw/charts/kinds.h"
#include "../check.h"
#include "probe.h"
#include "report/table.h"

/* ---- nice axes ------------------------------------------------------------- */

/* Worked by hand: the raw step (max - min) / ticks, rounded up to 1, 2 or 5
 * times a power of ten, then the range rounded out to it.
 * A row: ssc_axis_nice(min, max, ticks) gives lo..hi in steps of step. */
static const struct axis_case { double min, max; int ticks; double lo, hi, step; } axis_cases[] = {
    {0, 47, 5, 0, 50, 10},                  /* 9.4 -> 10: 0..50 in 5 */
    {0, 100, 5, 0, 100, 20},                /* 20 exactly */
    {0, 8, 4, 0, 8, 2},                     /* 2 exactly */
    {0, 142, 6, 0, 150, 50},                /* 23.7 -> 50 (20 needs 8) */
    {0, 142, 5, 0, 150, 50},
    {0, 88, 6, 0, 100, 20},                 /* 14.7 -> 20: 0..100 in 5 */
    {0, 1, 5, 0, 1, 0.2},
    {0, 0, 5, 0, 1, 0.2},                   /* all zero: 0..1 */
    {3, 3, 5, 0, 3, 1},                     /* one value reaches to zero */
    {-4, -4, 4, -4, 0, 1},
    {0, 12500000, 5, 0, 15000000, 5000000},
    {-15, 12.5, 6, -15, 15, 5},             /* 4.58 -> 5 */
    {0, 47, 1, 0, 50, 50},
    {-1, 1, 1, -1, 1, 1},                   /* across zero: two intervals at least */
    {47, 0, 5, 0, 50, 10},                  /* swapped bounds */
    {0, 47, 0, 0, 50, 50},                  /* ticks < 1 means 1 */
    {0.3, 0.7, 4, 0.3, 0.7, 0.1},
    {NAN, 5, 5, 0, 1, 1},
};

static void test_axis(void)
{
    for (size_t i = 0; i < COUNT_OF(axis_cases); i++) {
        const struct axis_case *r = &axis_cases[i];
        double l = -1, h = -1, s = -1;
        ssc_axis_nice(r->min, r->max, r->ticks, &l, &h, &s);
        CHECK_ROW("axis(%g, %g, %d) gave %g..%g step %g, expected %g..%g step %g", r->min, r->max,
                  r->ticks, l, h, s, r->lo, r->hi, r->step);
        CHECK(fabs(l - r->lo) < 1e-9 && fabs(h - r->hi) < 1e-9 && fabs(s - r->step) < 1e-9);
    }
    CHECK_ROW_END();

    /* Properties over many ranges: covers the data, at most `ticks`
     * intervals, a 1-2-5 step. */
    int bad = 0;
    for (int i = 1; i < 400; i++) {
        double max = i * 7.3, min = (i % 3 == 0) ? -i * 2.1 : 0.0, lo, hi, step;
        int ticks = 2 + i % 6;
        ssc_axis_nice(min, max, ticks, &lo, &hi, &step);
        double m = step / pow(10.0, floor(log10(step) + 1e-9));
        int n = (int)floor((hi - lo) / step + 0.5);
        if (lo > min + 1e-9 || hi < max - 1e-9 || n > ticks ||
            !(fabs(m - 1) < 1e-6 || fabs(m - 2) < 1e-6 || fabs(m - 5) < 1e-6))
            bad++;
    }
    CHECK_INT(bad, 0);
}

/* ---- number formats ------------------------------------------------------------ */

/* A row: value in unit, for lang, is printed as expected. */
static const struct format_case { double v; ssc_unit unit; const char *lang, *want; } formats[] = {
    {1234567, SSC_UNIT_COUNT, "en", "1,234,567"},
    {0, SSC_UNIT_COUNT, "en", "0"},
    {999, SSC_UNIT_COUNT, "en", "999"},
    {1000, SSC_UNIT_COUNT, "en", "1,000"},
    {100000, SSC_UNIT_COUNT, "en", "100,000"},
    {0.5, SSC_UNIT_COUNT, "en", "0.5"},
    {12.25, SSC_UNIT_COUNT, "en", "12.3"}, /* 122.5 tenths, half away from zero */
    {2.96, SSC_UNIT_COUNT, "en", "3"},     /* rounds to whole: no ".0" */
    {1234.5, SSC_UNIT_COUNT, "en", "1,234.5"},
    {-1234.5, SSC_UNIT_COUNT, "en", "-1,234.5"},
    {-7, SSC_UNIT_COUNT, "en", "-7"},
    {-0.04, SSC_UNIT_COUNT, "en", "0"},    /* never "-0" */
    {1e18, SSC_UNIT_COUNT, "en", "1,000,000,000,000,000,000"},
    {NAN, SSC_UNIT_COUNT, "en", "\u2013"},
    {INFINITY, SSC_UNIT_USD, "en", "\u2013"},
    /* money, worked by hand: three significant digits past a million in
     * English, tenths of 万 and 亿 in Chinese, cents only below a thousand */
    {1234567, SSC_UNIT_USD, "en", "US$1.23 million"},
    {1234567, SSC_UNIT_USD, "zh", "123.5万美元"},
    {2694000, SSC_UNIT_USD, "en", "US$2.69 million"},
    {2694000, SSC_UNIT_USD, "zh", "269.4万美元"},
    {320000000, SSC_UNIT_USD, "en", "US$320 million"},
    {320000000, SSC_UNIT_USD, "zh", "3.2亿美元"},
    {1.5e9, SSC_UNIT_USD, "en", "US$1.5 billion"},
    {10500000, SSC_UNIT_USD, "en", "US$10.5 million"},
    {999999, SSC_UNIT_USD, "en", "US$1 million"},   /* 1.00 million, not 1,000 thousand */
    {999499, SSC_UNIT_USD, "en", "US$999,499"},
    {45000, SSC_UNIT_USD, "en", "US$45,000"},
    {45000, SSC_UNIT_USD, "zh", "4.5万美元"},
    {10000, SSC_UNIT_USD, "zh", "1万美元"},
    {9999, SSC_UNIT_USD, "zh", "9,999美元"},
    {95000000, SSC_UNIT_USD, "zh", "9,500万美元"},
    {99999600, SSC_UNIT_USD, "zh", "1亿美元"},      /* not 10,000万 */
    {-500, SSC_UNIT_USD, "en", "-US$500"},
    {-45000, SSC_UNIT_USD, "zh", "-4.5万美元"},
    {2500.5, SSC_UNIT_USD, "en", "US$2,501"},        /* no cents at a thousand or more */
    {12.5, SSC_UNIT_USD, "en", "US$12.50"},
    {12.5, SSC_UNIT_USD, "zh", "12.50美元"},
    {0.004, SSC_UNIT_USD, "en", "US$0"},
    {1234567, SSC_UNIT_USD, NULL, "US$1.23 million"},
    {12.5, SSC_UNIT_PERCENT, "en", "12.5%"},
    {12.5, SSC_UNIT_PERCENT, "zh", "12.5%"},
    {100, SSC_UNIT_PERCENT, "en", "100%"},
    {33.333, SSC_UNIT_PERCENT, "en", "33.3%"},
    {1234, SSC_UNIT_COUNT, "zh", "1,234"},
};

static void test_format(void)
{
    char buf[128], small[4];

    for (size_t i = 0; i < COUNT_OF(formats); i++) {
        const struct format_case *r = &formats[i];
        CHECK_ROW("format(%g, unit %d, %s)", r->v, (int)r->unit, r->lang ? r->lang : "NULL");
        CHECK_STR(ssc_format_number(buf, sizeof buf, r->v, r->unit, r->lang), r->want);
    }
    CHECK_ROW_END();
    /* a short buffer is cut, still terminated */
    CHECK_STR(ssc_format_number(small, sizeof small, 1234567, SSC_UNIT_COUNT, "en"), "1,2");
}

/* ---- text and canvas verbs ---------------------------------------------------- */

/* A row: text measured in width with max_lines keeps to the width, `lines` lines tall.
 * lines < 0: more than -lines lines; 0: any height.  A width or a limit of 0 is none. */
static const struct measure_case {
    const char *name, *text;
    double width;
    int max_lines, lines;
} measure_cases[] = {
    {"invalid markup", "a & b <i", 0, 0, 0}, /* is fine */
    {"English", LONG_EN, 100, 0, -3},
    {"English", LONG_EN, 100, 2, 2},
    {"one word", LONG_WORD, 80, 1, 1},
    {"newlines", "line one\nline two\nline three", 300, 1, 1}, /* do not escape the limit */
    {"Chinese", LONG_ZH, 120, 1, 1},
    {"bad UTF-8", "bad \xff\xfe utf-8", 0, 1, 0},
};

/* A row: text fits width in at most `lines` lines, or does not. */
static const struct fit_case { const char *text; double width; int lines, fits; } fit_cases[] = {
    {"Latin America", 200, 1, 1},
    {LONG_WORD, 60, 3, 0},
};

static void test_text(void)
{
    test_probe p;
    double w, h, one, w2;
    ssc_text_style st = {0};

    if (test_open(&p, "en", (ssc_box){100, 100, 200, 200}) != 0)
        return;
    /* resolution 72: a 10 pt font lays a line out roughly 10-15 units tall */
    st.size = 10;
    ssc_text_measure(&p.c, "Ag", &st, 0, &w, &one);
    CHECK(one > 10 && one < 16);

    /* plain text, never markup: the tags take room */
    ssc_text_measure(&p.c, "<b>x</b>", &st, 0, &w, &h);
    ssc_text_measure(&p.c, "x", &st, 0, &w2, &h);
    CHECK(w > 4 * w2);

    /* wrapping and ellipsizing keep to the width and the line limit */
    for (size_t i = 0; i < COUNT_OF(measure_cases); i++) {
        const struct measure_case *r = &measure_cases[i];
        ssc_text_style line_st = st;
        double line;
        /* a line's height depends on its fonts (Chinese lines, in the CJK
         * face, are higher than Latin ones): the text itself, on one line
         * (no width; max_lines makes newlines spaces), gives it */
        line_st.max_lines = 1;
        ssc_text_measure(&p.c, r->text, &line_st, 0, NULL, &line);
        CHECK(line >= one - 0.01 && line < 2 * one);
        st.max_lines = r->max_lines;
        ssc_text_measure(&p.c, r->text, &st, r->width, &w, &h);
        CHECK_ROW("%s in %g, %d lines at most: %g x %g, a line %g", r->name, r->width,
                  r->max_lines, w, h, line);
        CHECK(w > 0 && (r->width <= 0 || w <= r->width + 0.01));
        if (r->lines > 0)
            CHECK(fabs(h - r->lines * line) < 0.5);
        else if (r->lines < 0)
            CHECK(h > -r->lines * line);
    }
    for (size_t i = 0; i < COUNT_OF(fit_cases); i++) {
        const struct fit_case *r = &fit_cases[i];
        CHECK_ROW("fits \"%.20s\" in %g, %d lines", r->text, r->width, r->lines);
        CHECK(!ssc_text_fits(&p.c, r->text, &st, r->width, r->lines) == !r->fits);
    }
    CHECK_ROW_END();

    /* canvas verbs clip to the box */
    ssc_canvas_fill(&p.c, (ssc_box){50, 50, 400, 400}, 0x336699);
    CHECK_INT(test_count(&p, p.c.box, 0), 0);
    CHECK_INT(test_count(&p, p.c.box, 1), 200 * 200);
    test_close(&p);

    if (test_open(&p, "en", (ssc_box){100, 100, 200, 200}) != 0)
        return;
    ssc_canvas_line(&p.c, 0, 0, 500, 500, 3, 0x000000);
    st.max_lines = 0;
    h = ssc_canvas_text(&p.c, (ssc_box){90, 150, 150, 50}, LONG_EN, &st);
    CHECK(h > 2 * one);
    CHECK_INT(test_count(&p, p.c.box, 0), 0);
    CHECK(test_count(&p, p.c.box, 1) > 200);
    CHECK(ssc_canvas_box(&p.c).w == 200);

    CHECK_STR(ssc_canvas_format(&p.c, 1234567, SSC_UNIT_USD), "US$1.23 million");
    CHECK(ssc_canvas_palette(&p.c, 0) == p.theme.palette[0]);
    CHECK(ssc_canvas_palette(&p.c, p.theme.n_palette + 1) == p.theme.palette[1]);
    cairo_t *cr = ssc_canvas_cairo(&p.c);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_paint(cr);
    CHECK_INT(test_count(&p, p.c.box, 0), 0);
    test_close(&p);
}

static void test_theme(void)
{
    ssc_theme t;
    ssc_theme_default(&t);
    /* Latin first, the CJK face as fallback: an English report without
     * Chinese never loads it; the Chinese edition puts it first */
    CHECK_STR(t.font_body, "Noto Sans, DejaVu Sans, Noto Sans CJK SC");
    CHECK_STR(t.font_heading, "Noto Sans, DejaVu Sans, Noto Sans CJK SC");
    ssc_theme_fonts_for_language(&t, "en");
    CHECK_STR(t.font_body, "Noto Sans, DejaVu Sans, Noto Sans CJK SC");
    ssc_theme_fonts_for_language(&t, "zh");
    CHECK_STR(t.font_body, "Noto Sans CJK SC, Noto Sans, DejaVu Sans");
    CHECK_STR(t.font_heading, "Noto Sans CJK SC, Noto Sans, DejaVu Sans");
    /* a list the settings or the report chose stays as written */
    ssc_theme_default(&t);
    strcpy(t.font_body, "Liberation Sans, Noto Sans CJK SC");
    ssc_theme_fonts_for_language(&t, "zh");
    CHECK_STR(t.font_body, "Liberation Sans, Noto Sans CJK SC");
    CHECK_STR(t.font_heading, "Noto Sans CJK SC, Noto Sans, DejaVu Sans");
    /* the built-in list before DejaVu Sans moved up (an installed
     * settings file may still hold it) is still the built-in one */
    strcpy(t.font_body, "Noto Sans, Noto Sans CJK SC, DejaVu Sans");
    ssc_theme_fonts_for_language(&t, "zh");
    CHECK_STR(t.font_body, "Noto Sans CJK SC, Noto Sans, DejaVu Sans");
    strcpy(t.font_heading, "Noto Sans, Noto Sans CJK SC, DejaVu Sans");
    ssc_theme_fonts_for_language(&t, "en");
    CHECK_STR(t.font_heading, "Noto Sans, DejaVu Sans, Noto Sans CJK SC");
    ssc_theme_default(&t);
    CHECK(fabs(t.page_w - 595.276) < 1e-9 && fabs(t.page_h - 841.89) < 1e-9);
    CHECK_INT(t.n_palette, 8);
    for (size_t i = 1; i < t.n_palette; i++)
        CHECK(fabs(test_lightness(t.palette[i]) - test_lightness(t.palette[i - 1])) >= 15.0);
    CHECK(test_lightness(t.grid) > 80.0); /* gridlines recede */
    CHECK(test_lightness(t.text) < 30.0);
}

int main(void)
{
    test_axis();
    test_format();
    test_theme();
    test_text();
    return check_done();
}

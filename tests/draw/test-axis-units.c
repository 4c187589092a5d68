/* SPDX-License-Identifier: MIT */
/* A money axis writes its unit once, in a title over the ticks, and its
 * ticks in that unit (issue 8): "US$ thousand" over 0, 200, 400; 万美元
 * over 0, 20, 40.  Each row is worked by hand: the scale is the largest of
 * million / thousand (亿 / 万) the axis reaches in which the step is a
 * whole number of tenths. */
#include <string.h>

#include "../check.h"
#include "draw/charts/common.h"
#include "probe.h"

static const struct axis_unit_case {
    const char *lang;
    double lo, hi, step, tick;
    ssc_unit unit;
    const char *title, *label; /* title NULL: none */
} cases[] = {
    {"en", 0, 800000, 200000, 200000, SSC_UNIT_USD, "US$ thousand", "200"},
    {"en", 0, 3e6, 5e5, 1.5e6, SSC_UNIT_USD, "US$ million", "1.5"},
    /* 0.25 million is not whole tenths: thousands */
    {"en", 0, 1e6, 2.5e5, 7.5e5, SSC_UNIT_USD, "US$ thousand", "750"},
    {"en", 0, 5000, 1000, 4000, SSC_UNIT_USD, "US$", "4,000"},
    {"en", -20000, 20000, 10000, -10000, SSC_UNIT_USD, "US$ thousand", "-10"},
    {"zh", 0, 800000, 200000, 200000, SSC_UNIT_USD, "\u4e07\u7f8e\u5143", "20"}, /* 万美元 */
    {"zh", 0, 5e8, 1e8, 3e8, SSC_UNIT_USD, "\u4ebf\u7f8e\u5143", "3"},          /* 亿美元 */
    /* under 10万 the ticks stay in dollars, grouped */
    {"zh", 0, 50000, 10000, 30000, SSC_UNIT_USD, "\u7f8e\u5143", "30,000"},       /* 美元 */
    {"en", 0, 60, 10, 40, SSC_UNIT_COUNT, NULL, "40"},
    {"zh", 0, 100, 20, 60, SSC_UNIT_PERCENT, NULL, "60%"},
};

int main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct axis_unit_case *r = &cases[i];
        test_probe p;
        if (test_open(&p, r->lang, (ssc_box){0, 0, 300, 200}) != 0) {
            CHECK(0);
            continue;
        }
        ssc_chart_axis a = {r->lo, r->hi, r->step, r->unit};
        const char *title = ssc_chart_axis_title(&p.c, &a);
        const char *label = ssc_chart_tick_label(&p.c, &a, r->tick);
        CHECK_ROW("%s %g..%g step %g: title \"%s\" tick \"%s\", expected \"%s\" \"%s\"", r->lang,
                  r->lo, r->hi, r->step, title ? title : "(none)", label,
                  r->title ? r->title : "(none)", r->label);
        CHECK(r->title ? title && strcmp(title, r->title) == 0 : title == NULL);
        CHECK(strcmp(label, r->label) == 0);
        /* a title takes a line; no title, no line */
        CHECK((ssc_chart_axis_title_height(&p.c, r->unit) > 0) == (r->title != NULL));
        test_close(&p);
    }
    CHECK_ROW_END();
    return check_done();
}

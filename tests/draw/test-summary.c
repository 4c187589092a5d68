/* SPDX-License-Identifier: MIT */
/* The sentence under a chart (draw/summary.c), on tables built here with
 * every value written by hand: distinct row totals win over the columns,
 * ties are all named, years and SDGs by their names, a declared measure
 * replaces "projects", and no positive value gives no sentence.  Each
 * expected sentence is written out by hand from the numbers above it. */
#include <math.h>
#include <string.h>

#include "../check.h"
#include "draw/summary.h"
#include "report/table.h"

/* A one-column table of count rows: keys[i] with values[i]. */
static ssc_table *summary_table(ssc_key_kind kind, const char *const *keys, const double *values,
                                size_t n)
{
    ssc_table *t = ssc_table_new();
    CHECK(t != NULL);
    if (!t)
        return NULL;
    ssc_table_set_key_kind(t, kind);
    for (size_t i = 0; i < n; i++) {
        CHECK_INT(ssc_table_add(t, keys[i], values[i]), SSC_OK);
        CHECK_INT(ssc_table_set_label(t, (int)i, keys[i]), SSC_OK);
    }
    return t;
}

static void summary_is(const ssc_table *t, ssc_chart_kind kind, const char *lang, size_t shown,
                       const char *want)
{
    char buf[512];
    CHECK_STR(ssc_summary(t, kind, lang, shown, buf, sizeof buf), want);
}

int main(void)
{
    /* one leader */
    const char *regions[] = {"Africa", "Asia", "Europe"};
    const double rv[] = {24, 20, 3};
    ssc_table *t = summary_table(SSC_KEY_REGION, regions, rv, 3);
    summary_is(t, SSC_CHART_HBAR, "en", 47, "Africa has the most projects: 24 of 47.");
    summary_is(t, SSC_CHART_HBAR, "zh", 47, "Africa的项目最多：47个项目中有24个。");
    /* a sentence that does not fit is left out whole */
    char small[10];
    CHECK_STR(ssc_summary(t, SSC_CHART_HBAR, "en", 47, small, sizeof small), "");
    /* a measure of the plugin's own */
    CHECK_INT(ssc_table_set_measure(t, "person", "people", "受益人", "人"), SSC_OK);
    summary_is(t, SSC_CHART_HBAR, "en", 47, "Africa has the most people: 24.");
    summary_is(t, SSC_CHART_HBAR, "zh", 47, "Africa的受益人最多：24人。");
    ssc_table_free(t);

    /* a tie of two, and of eight (five named, three more) */
    const char *sectors[] = {"Agriculture", "Renewable energy", "Water"};
    const double sv[] = {10, 10, 4};
    t = summary_table(SSC_KEY_SECTOR, sectors, sv, 3);
    /* a sector inside an English sentence is a common noun */
    summary_is(t, SSC_CHART_HBAR, "en", 24, "Agriculture and renewable energy lead, with 10 "
                                            "projects each.");
    summary_is(t, SSC_CHART_HBAR, "zh", 24, "Agriculture和Renewable energy的项目最多，各10个项目。");
    ssc_table_free(t);
    /* an acronym keeps its capitals */
    const char *acronyms[] = {"Water", "ICT"};
    const double av[] = {3, 3};
    t = summary_table(SSC_KEY_SECTOR, acronyms, av, 2);
    summary_is(t, SSC_CHART_HBAR, "en", 6, "Water and ICT lead, with 3 projects each.");
    ssc_table_free(t);
    const char *many[] = {"A", "B", "C", "D", "E", "F", "G", "H"};
    const double mv[] = {1, 1, 1, 1, 1, 1, 1, 1};
    t = summary_table(SSC_KEY_TEXT, many, mv, 8);
    summary_is(t, SSC_CHART_HBAR, "en", 8, "A, B, C, D, E and 3 others lead, with 1 project each.");
    /* under a grouped chart, whose legend may say "As lead", no verb "lead" */
    summary_is(t, SSC_CHART_GROUPED, "en", 8, "A, B, C, D, E and 3 others have the most projects: "
                                              "1 each.");
    ssc_table_free(t);

    /* years as years; SDGs by number and name */
    const char *years[] = {"2018", "2019", "2020"};
    const double yv[] = {2, 5, 5};
    t = summary_table(SSC_KEY_YEAR, years, yv, 3);
    summary_is(t, SSC_CHART_BAR, "en", 12, "Most projects started in 2019 and 2020: 5 each.");
    summary_is(t, SSC_CHART_BAR, "zh", 12, "2019年和2020年启动的项目最多，各5个项目。");
    ssc_table_free(t);
    const char *goals[] = {"2", "17"};
    const double gv[] = {3, 36};
    t = summary_table(SSC_KEY_SDG, goals, gv, 2);
    summary_is(t, SSC_CHART_SDG_GRID, "en", 47,
               "SDG 17, Partnerships for the goals, has the most projects: 36 of 47.");
    ssc_table_free(t);

    /* a stacked status: the bars add regions (20 + 32 = 52), the row's
     * distinct count (41) is the one the sentence states */
    t = ssc_table_new();
    CHECK(t != NULL);
    ssc_table_set_key_kind(t, SSC_KEY_STATUS);
    int africa = ssc_table_add_column(t, "Africa", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    int asia = ssc_table_add_column(t, "Asia", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    int ongoing = ssc_table_row(t, "ongoing"), completed = ssc_table_row(t, "completed");
    CHECK_INT(ssc_table_add_to(t, ongoing, africa, 5), SSC_OK);
    CHECK_INT(ssc_table_add_to(t, ongoing, asia, 3), SSC_OK);
    CHECK_INT(ssc_table_add_to(t, completed, africa, 20), SSC_OK);
    CHECK_INT(ssc_table_add_to(t, completed, asia, 32), SSC_OK);
    CHECK_INT(ssc_table_set_label(t, ongoing, "Ongoing"), SSC_OK);
    CHECK_INT(ssc_table_set_label(t, completed, "Completed"), SSC_OK);
    CHECK_INT(ssc_table_set_row_total(t, ongoing, 6), SSC_OK);
    CHECK_INT(ssc_table_set_row_total(t, completed, 41), SSC_OK);
    summary_is(t, SSC_CHART_STACKED, "en", 47, "Completed has the most projects: 41 of 47.");
    CHECK(isnan(ssc_table_row_total(t, 5)));
    CHECK_INT(ssc_table_set_row_total(t, 7, 1), SSC_ERR);
    /* a row without a total among rows with one (an "Other" summing the
     * tail) is not ranked, however large its bar */
    int other = ssc_table_row(t, "other");
    CHECK_INT(ssc_table_add_to(t, other, africa, 60), SSC_OK);
    CHECK_INT(ssc_table_set_label(t, other, "Other (9 statuses)"), SSC_OK);
    summary_is(t, SSC_CHART_STACKED, "en", 47, "Completed has the most projects: 41 of 47.");
    ssc_table_free(t);

    /* one category holds them all; nothing positive says nothing */
    const char *one[] = {"Water"};
    const double ov[] = {3};
    t = summary_table(SSC_KEY_SECTOR, one, ov, 1);
    summary_is(t, SSC_CHART_HBAR, "en", 3, "Water has all 3 projects.");
    ssc_table_free(t);
    const double zv[] = {0, 0};
    t = summary_table(SSC_KEY_SECTOR, sectors, zv, 2);
    summary_is(t, SSC_CHART_HBAR, "en", 3, "");
    ssc_table_free(t);

    /* a plugin's own sentence (ABI 1.8) replaces the engine's, on any
     * chart, a custom drawing too; it is left out whole when it does not
     * fit; an empty one gives the engine's back */
    const char *tri_years[] = {"2019", "2020"};
    const double tri_v[] = {2, 3};
    t = summary_table(SSC_KEY_YEAR, tri_years, tri_v, 2);
    summary_is(t, SSC_CHART_BAR, "en", 5, "Most projects started in 2020: 3.");
    CHECK_INT(ssc_table_set_summary(t, "2 of 5 projects (40%) are triangular cooperation."),
              SSC_OK);
    CHECK_STR(ssc_table_summary(t), "2 of 5 projects (40%) are triangular cooperation.");
    summary_is(t, SSC_CHART_STACKED, "en", 5, "2 of 5 projects (40%) are triangular cooperation.");
    summary_is(t, SSC_CHART_CUSTOM, "en", 5, "2 of 5 projects (40%) are triangular cooperation.");
    CHECK_STR(ssc_summary(t, SSC_CHART_BAR, "en", 5, small, sizeof small), "");
    CHECK_INT(ssc_table_set_summary(t, ""), SSC_OK);
    summary_is(t, SSC_CHART_BAR, "en", 5, "Most projects started in 2020: 3.");
    ssc_table_free(t);
    return check_done();
}

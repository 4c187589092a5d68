/* SPDX-License-Identifier: MIT */
/* Projects started per year (drawn as columns: counts of whole projects),
 * every year from the first to the last start
 * (years without a start show as 0, so no year is skipped).  A
 * project without a start date (year 0: a source such as iati may hand
 * one over) has no year to count in; it is left out and the note says how
 * many, so that the total plainly differs from the project count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

/* Dates have four-digit years (docs/portfolio-csv.md): one count per
 * possible year lets a single pass over the projects do. */
#define TIMELINE_YEARS 10000

static int timeline_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                            ssc_error *err)
{
    int first = 0, last = 0;
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    size_t undated = 0, *count = calloc(TIMELINE_YEARS, sizeof *count);
    char key[16], note[256], n[32]; /* n: a count as the report writes numbers */

    if (!count)
        return ssc_error_set(err, "out of memory");
    ssc_table_set_key_kind(out, SSC_KEY_YEAR);
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        int y = ssc_project_start(p, row).year;
        if (!y) {
            undated++;
            continue;
        }
        if (y < 0 || y >= TIMELINE_YEARS) {
            free(count);
            return ssc_error_set(err, "project %s: start year %d has more than four digits",
                                 ssc_project_id(p, row), y);
        }
        count[y]++;
        if (!first || y < first)
            first = y;
        if (y > last)
            last = y;
    }
    /* every year from the first to the last, in order, zeros included */
    for (int y = first; first && y <= last; y++) {
        snprintf(key, sizeof key, "%d", y);
        if (ssc_table_add(out, key, (double)count[y]) != SSC_OK) {
            free(count);
            return ssc_error_set(err, "out of memory");
        }
    }
    free(count);
    ssc_format_value(n, sizeof n, (double)undated, SSC_UNIT_COUNT, zh ? "zh" : "en");
    if (undated == 0)
        snprintf(note, sizeof note, "%s",
                 zh ? "按项目开始年份统计。" : "Projects by the year they started.");
    else if (zh)
        snprintf(note, sizeof note, "按项目开始年份统计；%s个项目没有开始日期，未计入。", n);
    else
        snprintf(note, sizeof note,
                 "Projects by the year they started; %s project%s no start date and %s not "
                 "counted.",
                 n, undated == 1 ? " has" : "s have", undated == 1 ? "is" : "are");
    if (ssc_table_set_note(out, note) != SSC_OK)
        return ssc_error_set(err, "out of memory");
    return SSC_OK;
}

SSC_METRIC_PLUGIN(timeline, "timeline",
                  .summary = "Projects started per year",
                  .version = "1.0",
                  .default_chart = SSC_CHART_BAR,
                  .compute = timeline_compute);

/* SPDX-License-Identifier: MIT */
/* Budget (US dollars) by sector or by start year; option by = "sector"
 * (the default) or "year".  The portfolio spec attributes a budget to a
 * breakdown only where the project has exactly one value of it, and splits
 * it evenly across the values otherwise.  A project has exactly one sector
 * and one start year, so here its whole budget goes to that one key.
 * Projects without a budget are left out and the caption counts them; by
 * year, so are budgeted projects without a start date (year 0, which a
 * source such as iati may hand over): they have no year to count in.  By
 * sector they count like any other. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const ssc_option funding_options[] = {
    {.name = "by",
     .type = SSC_OPTION_STRING,
     .choices = "sector|year",
     .help = "break the budget down by sector (the default) or by start year"},
    {.name = NULL},
};

/* The years from the first to the last start of the shown projects (the
 * timeline's span, so the two charts line up), each with 0; *first and
 * *rows give each year's row (rows[y - first]), so that the sum below
 * looks a year up by index, not by formatting and hashing its key per
 * project (issue 10: a million projects).  *rows is NULL without years. */
static int funding_years(const ssc_portfolio *p, ssc_table *out, int *first, int **rows)
{
    int last = 0;
    char key[16];

    *first = 0;
    *rows = NULL;
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        int y = ssc_project_start(p, row).year;
        if (!y)
            continue;
        if (!*first || y < *first)
            *first = y;
        if (y > last)
            last = y;
    }
    if (!*first)
        return 0;
    if (!(*rows = malloc((size_t)(last - *first + 1) * sizeof **rows)))
        return -1;
    for (int y = *first; y <= last; y++) {
        snprintf(key, sizeof key, "%d", y);
        int row = ssc_table_row(out, key);
        if (row < 0)
            return -1;
        (*rows)[y - *first] = row;
    }
    return 0;
}

/* Adds each budget to its key; counts the projects without a budget and,
 * by year, those with one but without a start year.  By year, years
 * holds each start year's row (funding_years: every start year has one,
 * and years is NULL only when no project has a start year). */
static int funding_sum(const ssc_portfolio *p, ssc_table *out, int by_year, const int *years,
                       int first, size_t *missing, size_t *undated)
{
    double usd;

    *missing = *undated = 0;
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        int t;
        if (!ssc_project_budget(p, row, &usd)) {
            (*missing)++;
            continue;
        }
        if (by_year) {
            int y = ssc_project_start(p, row).year;
            if (!y) {
                (*undated)++;
                continue;
            }
            t = years[y - first];
        } else {
            t = ssc_table_row_interned(out, ssc_project_sector(p, row));
        }
        if (t < 0 || ssc_table_add_to(out, t, 0, usd) != SSC_OK)
            return -1;
    }
    return 0;
}

static void funding_note(char *note, size_t len, int zh, int by_year, size_t missing,
                         size_t undated)
{
    int used;
    char n[32]; /* a count as the report writes numbers: "27,475" */

    if (zh)
        used = snprintf(note, len,
                        "按项目组合规范，预算仅在项目只有一个取值时整体计入该类别，否则在各取值间平均分配。"
                        "每个项目只有一个%s，因此其全部预算计入该%s。",
                        by_year ? "开始年份" : "领域", by_year ? "年份" : "领域");
    else
        used = snprintf(note, len,
                        "A budget is attributed to a breakdown only where the project has "
                        "exactly one value of it, and split evenly across the values otherwise. "
                        "Each project has exactly one %s, so its whole budget counts %s.",
                        by_year ? "start year" : "sector",
                        by_year ? "in that year" : "under that sector");
    if (missing && used >= 0 && (size_t)used < len) {
        ssc_format_value(n, sizeof n, (double)missing, SSC_UNIT_COUNT, zh ? "zh" : "en");
        if (zh)
            used += snprintf(note + used, len - (size_t)used, "%s个项目没有预算，未计入。", n);
        else if (missing == 1)
            used += snprintf(note + used, len - (size_t)used,
                             " 1 project has no budget and is not counted.");
        else
            used += snprintf(note + used, len - (size_t)used,
                             " %s projects have no budget and are not counted.", n);
    }
    if (!undated || used < 0 || (size_t)used >= len)
        return;
    ssc_format_value(n, sizeof n, (double)undated, SSC_UNIT_COUNT, zh ? "zh" : "en");
    if (zh)
        snprintf(note + used, len - (size_t)used, "%s个有预算的项目没有开始日期，未计入。", n);
    else
        snprintf(note + used, len - (size_t)used,
                 " %s project%s with a budget %s no start date and %s not counted.", n,
                 undated == 1 ? "" : "s", undated == 1 ? "has" : "have",
                 undated == 1 ? "is" : "are");
}

static int funding_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                           ssc_error *err)
{
    const char *by = ssc_section_option_string(s, "by");
    int by_year = by && strcmp(by, "year") == 0;
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    size_t missing, undated;
    char note[1024];

    ssc_table_set_key_kind(out, by_year ? SSC_KEY_YEAR : SSC_KEY_SECTOR);
    int c = ssc_table_add_column(out, "budget_usd", SSC_COLUMN_NUMBER, SSC_UNIT_USD);
    if (c < 0 || ssc_table_set_column_title(out, c, zh ? "预算" : "Budget") != SSC_OK)
        return ssc_error_set(err, "out of memory");
    int first = 0, *years = NULL;
    int bad = (by_year && funding_years(p, out, &first, &years) != 0) ||
              funding_sum(p, out, by_year, years, first, &missing, &undated) != 0;
    free(years);
    if (bad)
        return ssc_error_set(err, "out of memory");
    funding_note(note, sizeof note, zh, by_year, missing, undated);
    if (ssc_table_set_note(out, note) != SSC_OK)
        return ssc_error_set(err, "out of memory");
    /* years stay in calendar order, created so above */
    return by_year ? SSC_OK : ssc_table_sort(out, SSC_SORT_VALUE_DESC, err);
}

SSC_METRIC_PLUGIN(funding, "funding",
                  .summary = "Budget (US$) by sector or by start year",
                  .version = "1.0",
                  .default_chart = SSC_CHART_HBAR,
                  .options = funding_options,
                  .compute = funding_compute);

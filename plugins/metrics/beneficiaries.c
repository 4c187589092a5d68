/* SPDX-License-Identifier: MIT */
/* Whom the projects reach: the beneficiaries column summed by region
 * (option by = "region", the default) or by sector (by = "sector").  One
 * column, "beneficiaries".  A project's beneficiaries are split evenly over
 * the regions it reaches, in whole people, so the rows add up to the total
 * reported; a project has one sector, so by sector
 * they all go there.  A project that gives no beneficiaries is not
 * guessed at: it is left out of the sums and the note says how many are
 * "not reported" (and so does a project placed in no region). */
#include <stdio.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const ssc_option ben_options[] = {
    {.name = "by",
     .type = SSC_OPTION_STRING,
     .choices = "region|sector",
     .help = "sum the beneficiaries by region (the default) or by sector"},
    {.name = NULL},
};

static int ben_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                       ssc_error *err)
{
    const char *by = ssc_section_option_string(s, "by");
    int by_sector = by && strcmp(by, "sector") == 0;
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    size_t n = ssc_portfolio_count(p), missing = 0;
    double total = 0;
    char note[1024], sum[64], of[32], unreported[32];
    int used;

    ssc_table_set_key_kind(out, by_sector ? SSC_KEY_SECTOR : SSC_KEY_REGION);
    int c = ssc_table_add_column(out, "beneficiaries", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    if (c < 0 || ssc_table_set_column_title(out, c, zh ? "受益人" : "Beneficiaries"))
        return ssc_error_set(err, "out of memory");
    /* people, not projects: the engine's sentence under the chart says
     * "Africa has the most beneficiaries: 12,000", not "projects" */
    if (ssc_table_set_measure(out, "beneficiary", "beneficiaries", "受益人", "人") != SSC_OK)
        return ssc_error_set(err, "out of memory");
    for (size_t row = 0; row < n; row++) {
        long long b = ssc_project_beneficiaries(p, row);
        if (b < 0) {
            missing++;
            continue;
        }
        total += (double)b;
        if (by_sector) {
            int r = ssc_table_row_interned(out, ssc_project_sector(p, row));
            if (r < 0 || ssc_table_add_to(out, r, c, (double)b))
                return ssc_error_set(err, "out of memory");
            continue;
        }
        /* Whole people: each region gets b / n, and the b % n left over go
         * one each to the first regions in key order, so that the rows
         * still add up to the total and no chart shows 8,719,935.2 people. */
        ssc_strings regions = ssc_project_regions(p, row);
        long long each = regions.count ? b / (long long)regions.count : 0;
        long long rest = regions.count ? b % (long long)regions.count : 0;
        for (size_t k = 0; k < regions.count; k++) {
            long long rank = 0; /* needed only when some people are left over */
            for (size_t j = 0; rest && j < regions.count; j++)
                rank += strcmp(regions.items[j], regions.items[k]) < 0;
            int r = ssc_table_row_interned(out, regions.items[k]);
            if (r < 0 || ssc_table_add_to(out, r, c, (double)(each + (rank < rest))))
                return ssc_error_set(err, "out of memory");
        }
    }
    ssc_format_value(sum, sizeof sum, total, SSC_UNIT_COUNT, zh ? "zh" : "en");
    ssc_format_value(of, sizeof of, (double)n, SSC_UNIT_COUNT, zh ? "zh" : "en");
    ssc_format_value(unreported, sizeof unreported, (double)missing, SSC_UNIT_COUNT,
                     zh ? "zh" : "en");
    if (zh)
        used = snprintf(note, sizeof note,
                        "受益人总数为%s。%s%s个项目中有%s个未报告受益人，未计入。", sum,
                        by_sector ? "" : "跨多个地区的项目，其受益人按整数在各地区间平均分配。", of,
                        unreported);
    else
        used = snprintf(note, sizeof note,
                        "%s beneficiaries in all.%s Of %s project%s, %s %s not report "
                        "beneficiaries (not reported) and %s not counted.",
                        sum,
                        by_sector ? ""
                                  : " A project's beneficiaries are split evenly, in whole "
                                    "people, over the regions it reaches.",
                        of, n == 1 ? "" : "s", unreported, missing == 1 ? "does" : "do",
                        missing == 1 ? "is" : "are");
    if (used < 0 || ssc_table_set_note(out, note))
        return ssc_error_set(err, "out of memory");
    return ssc_table_sort(out, SSC_SORT_VALUE_DESC, err);
}

SSC_METRIC_PLUGIN(beneficiaries, "beneficiaries",
                  .summary = "Beneficiaries by region or by sector, projects not reporting "
                             "them counted in the note",
                  .version = "1.0",
                  .default_chart = SSC_CHART_HBAR,
                  .options = ben_options,
                  .compute = ben_compute);

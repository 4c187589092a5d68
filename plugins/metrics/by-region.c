/* SPDX-License-Identifier: MIT */
/* Projects per UN M49 region: a project counts once in each distinct
 * region its countries lie in. */
#include <string.h>

#include <ssc-report/plugin.h>

static int by_region_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                             ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;

    ssc_table_set_key_kind(out, SSC_KEY_REGION);
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        ssc_strings regions = ssc_project_regions(p, row);
        for (size_t k = 0; k < regions.count; k++)
            if (ssc_table_add_interned(out, regions.items[k], 1.0) != SSC_OK)
                return ssc_error_set(err, "out of memory");
    }
    ssc_table_set_note(out, zh ? "一个项目在其所涉及的每个地区各计一次，因此各地区合计可能超过项目总数。"
                               : "A project counts once in each region it reaches, so the "
                                 "regions may add up to more than the number of projects.");
    return ssc_table_sort(out, SSC_SORT_VALUE_DESC, err);
}

SSC_METRIC_PLUGIN(by_region, "by-region",
                  .summary = "Projects per region (UN M49)",
                  .version = "1.0",
                  .default_chart = SSC_CHART_HBAR,
                  .compute = by_region_compute);

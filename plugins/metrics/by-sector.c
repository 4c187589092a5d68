/* SPDX-License-Identifier: MIT */
/* Projects per sector: each project has exactly one sector. */
#include <string.h>

#include <ssc-report/plugin.h>

static int by_sector_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                             ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;

    ssc_table_set_key_kind(out, SSC_KEY_SECTOR);
    for (size_t row = 0; row < ssc_portfolio_count(p); row++)
        if (ssc_table_add_interned(out, ssc_project_sector(p, row), 1.0) != SSC_OK)
            return ssc_error_set(err, "out of memory");
    ssc_table_set_note(out, zh ? "每个项目属于一个领域。" : "Each project belongs to one sector.");
    return ssc_table_sort(out, SSC_SORT_VALUE_DESC, err);
}

SSC_METRIC_PLUGIN(by_sector, "by-sector",
                  .summary = "Projects per sector",
                  .version = "1.0",
                  .default_chart = SSC_CHART_HBAR,
                  .compute = by_sector_compute);

/* SPDX-License-Identifier: MIT */
/* Projects per Sustainable Development Goal, all 17 goals shown in goal
 * order so that gaps are visible; option count = "any" (primary or
 * secondary, the default) or "primary". */
#include <stdio.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const ssc_option by_sdg_options[] = {
    {.name = "count",
     .type = SSC_OPTION_STRING,
     .choices = "any|primary",
     .help = "count a project under every SDG it names (any) or its primary SDG only"},
    {.name = NULL},
};

static int by_sdg_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                          ssc_error *err)
{
    const char *count = ssc_section_option_string(s, "count");
    int primary_only = count && strcmp(count, "primary") == 0;
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    double n[18] = {0};
    char key[4];

    ssc_table_set_key_kind(out, SSC_KEY_SDG);
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        ssc_ints sdgs = ssc_project_sdgs(p, row);
        size_t upto = primary_only && sdgs.count ? 1 : sdgs.count;
        for (size_t k = 0; k < upto; k++)
            if (sdgs.items[k] >= 1 && sdgs.items[k] <= 17)
                n[sdgs.items[k]] += 1.0;
    }
    for (int g = 1; g <= 17; g++) {
        snprintf(key, sizeof key, "%d", g);
        if (ssc_table_add(out, key, n[g]) != SSC_OK)
            return ssc_error_set(err, "out of memory");
    }
    if (primary_only)
        ssc_table_set_note(out, zh ? "按主要可持续发展目标统计，每个项目计一次。"
                                   : "Each project counts once, under its primary SDG.");
    else
        ssc_table_set_note(out, zh ? "项目在其主要和次要可持续发展目标下各计一次，因此合计可能超过项目总数。"
                                   : "A project counts once under each SDG it names, primary "
                                     "or secondary, so the goals may add up to more than the "
                                     "number of projects.");
    return SSC_OK;
}

SSC_METRIC_PLUGIN(by_sdg, "by-sdg",
                  .summary = "Projects per Sustainable Development Goal",
                  .version = "1.0",
                  .default_chart = SSC_CHART_HBAR,
                  .options = by_sdg_options,
                  .compute = by_sdg_compute);

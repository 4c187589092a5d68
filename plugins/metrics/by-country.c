/* SPDX-License-Identifier: MIT */
/* Projects per beneficiary country (ISO 3166-1 alpha-3): a project counts
 * once in each distinct country it names.  Every country stays in the
 * table, because the tile map shades all of them; the rows are sorted
 * largest first so that a limit on the data table beneath the map shows
 * the countries with most projects. */
#include <stdio.h>
#include <string.h>

#include <ssc-report/plugin.h>

static int by_country_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                              ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    char note[256];

    ssc_table_set_key_kind(out, SSC_KEY_COUNTRY);
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        /* the accessor already gives each country of a project once */
        ssc_strings countries = ssc_project_countries(p, row);
        for (size_t k = 0; k < countries.count; k++)
            if (ssc_table_add_interned(out, countries.items[k], 1.0) != SSC_OK)
                return ssc_error_set(err, "out of memory");
    }
    size_t n = ssc_table_rows(out);
    if (zh)
        snprintf(note, sizeof note,
                 "共%zu个国家。一个项目在其所涉及的每个国家各计一次，因此各国合计可能超过项目总数。",
                 n);
    else
        snprintf(note, sizeof note,
                 "%zu %s. A project counts once in each country it reaches, so the countries "
                 "may add up to more than the number of projects.",
                 n, n == 1 ? "country" : "countries");
    if (ssc_table_set_note(out, note) != SSC_OK)
        return ssc_error_set(err, "out of memory");
    return ssc_table_sort(out, SSC_SORT_VALUE_DESC, err);
}

SSC_METRIC_PLUGIN(by_country, "by-country",
                  .summary = "Projects per beneficiary country (ISO 3166-1 alpha-3)",
                  .version = "1.0",
                  .default_chart = SSC_CHART_TILE_MAP,
                  .compute = by_country_compute);

/* SPDX-License-Identifier: MIT */
/* Projects per sector: each project has exactly one sector. */
#include <string.h>

#include <ssc-report/plugin.h>

/* Rows by the key's address: a portfolio's equal strings are one pointer
 * (plugin.h), so a slot remembers the last key that hashed to it and its
 * row, and ssc_table_add (hashing the key's text) runs once per key and
 * slot, not once per project (issue 10: a million projects). */
typedef struct by_sector_rows {
    const char *key[64];
    int row[64];
} by_sector_rows;

/* ssc_table_add(out, key, 1.0), the same table. */
static int by_sector_count(ssc_table *out, by_sector_rows *seen, const char *key)
{
    size_t i = (size_t)(((unsigned long long)(size_t)key * 0x9E3779B97F4A7C15ull) >> 32) % 64;
    if (seen->key[i] == key)
        return ssc_table_add_to(out, seen->row[i], 0, 1.0);
    int row;
    if (ssc_table_add(out, key, 1.0) != SSC_OK || (row = ssc_table_row(out, key)) < 0)
        return SSC_ERR;
    seen->key[i] = key;
    seen->row[i] = row;
    return SSC_OK;
}

static int by_sector_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                             ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    by_sector_rows seen = {{NULL}, {0}};

    ssc_table_set_key_kind(out, SSC_KEY_SECTOR);
    for (size_t row = 0; row < ssc_portfolio_count(p); row++)
        if (by_sector_count(out, &seen, ssc_project_sector(p, row)) != SSC_OK)
            return ssc_error_set(err, "out of memory");
    ssc_table_set_note(out, zh ? "每个项目属于一个领域。" : "Each project belongs to one sector.");
    return ssc_table_sort(out, SSC_SORT_VALUE_DESC, err);
}

SSC_METRIC_PLUGIN(by_sector, "by-sector",
                  .summary = "Projects per sector",
                  .version = "1.0",
                  .default_chart = SSC_CHART_HBAR,
                  .compute = by_sector_compute);

/* SPDX-License-Identifier: MIT */
/* A plugin that returns a row per number up to its option "rows": past the
 * engine settings' plugin_max_rows, render must refuse the table. */
#include <stdio.h>

#include <ssc-report/plugin.h>

static const ssc_option flooding_options[] = {
    {.name = "rows", .type = SSC_OPTION_INT, .min = 1, .max = 100000000,
     .help = "how many rows to return"},
    {0},
};

static int flooding_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                            ssc_error *err)
{
    long rows = ssc_section_option_int(s, "rows", 12000);
    char key[32];
    (void)p;
    (void)err;
    for (long i = 0; i < rows; i++) {
        snprintf(key, sizeof key, "row %ld", i);
        if (ssc_table_add(out, key, (double)i) != SSC_OK)
            return SSC_ERR;
    }
    return SSC_OK;
}

SSC_METRIC_PLUGIN(flooding, "flooding", .version = "1.0", .options = flooding_options,
                  .compute = flooding_compute);

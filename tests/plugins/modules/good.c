/* SPDX-License-Identifier: MIT */
/* A well-formed test plugin: one row per project under key "all". */
#include <ssc-report/plugin.h>

static int good_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                        ssc_error *err)
{
    (void)s;
    (void)err;
    return ssc_table_add(out, "all", (double)ssc_portfolio_count(p));
}

SSC_METRIC_PLUGIN(good, "good", .summary = "Counts every project", .version = "0.1",
                  .compute = good_compute);

/* SPDX-License-Identifier: MIT */
/* A plugin whose descriptor names another plugin than its file. */
#include <ssc-report/plugin.h>

static int name_mismatch_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                                 ssc_error *err)
{
    (void)p;
    (void)s;
    (void)err;
    return ssc_table_add(out, "x", 1.0);
}

SSC_METRIC_PLUGIN(name_mismatch, "something-else", .version = "1.0",
                  .compute = name_mismatch_compute);

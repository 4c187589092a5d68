/* SPDX-License-Identifier: MIT */
/* A plugin whose compute fails with a message, as a bad input would. */
#include <ssc-report/plugin.h>

static int failing_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                           ssc_error *err)
{
    (void)p;
    (void)s;
    (void)out;
    return ssc_error_set(err, "deliberate failure for the tests");
}

SSC_METRIC_PLUGIN(failing, "failing", .version = "1.0", .compute = failing_compute);

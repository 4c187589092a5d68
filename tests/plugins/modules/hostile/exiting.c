/* SPDX-License-Identifier: MIT */
/* A plugin whose compute ends the process with exit(7), as a careless
 * library might: render must say so, not end with status 7 in silence. */
#include <stdlib.h>

#include <ssc-report/plugin.h>

static int exiting_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                           ssc_error *err)
{
    (void)p;
    (void)s;
    (void)out;
    (void)err;
    exit(7);
}

SSC_METRIC_PLUGIN(exiting, "exiting", .version = "1.0", .compute = exiting_compute);

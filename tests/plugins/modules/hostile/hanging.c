/* SPDX-License-Identifier: MIT */
/* A plugin whose compute never returns: render must stop it after the
 * engine settings' plugin_timeout. */
#include <unistd.h>

#include <ssc-report/plugin.h>

static int hanging_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                           ssc_error *err)
{
    (void)p;
    (void)s;
    (void)out;
    (void)err;
    for (;;)
        sleep(1);
    return SSC_OK; /* never reached */
}

SSC_METRIC_PLUGIN(hanging, "hanging", .version = "1.0", .compute = hanging_compute);

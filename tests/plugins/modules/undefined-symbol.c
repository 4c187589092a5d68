/* SPDX-License-Identifier: MIT */
/* A plugin that calls a function the engine does not have, as a misspelt
 * API call would.  It is linked without -no-undefined / -z defs (the way a
 * careless out-of-tree build would be), so only the loader can catch it. */
#include <ssc-report/plugin.h>

int ssc_table_add_row_misspelt(ssc_table *t, const char *key, double value);

static int undefined_symbol_compute(const ssc_portfolio *p, const ssc_section *s,
                                    ssc_table *out, ssc_error *err)
{
    (void)p;
    (void)s;
    (void)err;
    return ssc_table_add_row_misspelt(out, "x", 1.0);
}

SSC_METRIC_PLUGIN(undefined_symbol, "undefined-symbol", .version = "1.0",
                  .compute = undefined_symbol_compute);

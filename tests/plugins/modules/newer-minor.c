/* SPDX-License-Identifier: MIT */
/* A plugin built against a newer minor version than the engine's. */
#include <ssc-report/plugin.h>

static int newer_minor_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                               ssc_error *err)
{
    (void)p;
    (void)s;
    (void)err;
    return ssc_table_add(out, "x", 1.0);
}

extern const ssc_plugin newer_minor_LTX_ssc_plugin;
const ssc_plugin newer_minor_LTX_ssc_plugin = {
    .abi_major = SSC_ABI_MAJOR,
    .abi_minor = SSC_ABI_MINOR + 1,
    .struct_size = sizeof(ssc_plugin),
    .name = "newer-minor",
    .kind = SSC_PLUGIN_METRIC,
    .compute = newer_minor_compute,
};

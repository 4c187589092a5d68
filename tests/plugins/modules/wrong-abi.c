/* SPDX-License-Identifier: MIT */
/* A plugin built for a future, incompatible engine: ABI major 99. */
#include <ssc-report/plugin.h>

static int wrong_abi_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                             ssc_error *err)
{
    (void)p;
    (void)s;
    (void)err;
    return ssc_table_add(out, "x", 1.0);
}

extern const ssc_plugin wrong_abi_LTX_ssc_plugin;
const ssc_plugin wrong_abi_LTX_ssc_plugin = {
    .abi_major = 99,
    .abi_minor = 0,
    .struct_size = sizeof(ssc_plugin),
    .name = "wrong-abi",
    .kind = SSC_PLUGIN_METRIC,
    .compute = wrong_abi_compute,
};

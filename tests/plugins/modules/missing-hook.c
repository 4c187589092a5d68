/* SPDX-License-Identifier: MIT */
/* A plugin without the compute hook every metric needs. */
#include <ssc-report/plugin.h>

SSC_METRIC_PLUGIN(missing_hook, "missing-hook", .version = "1.0", .compute = 0);

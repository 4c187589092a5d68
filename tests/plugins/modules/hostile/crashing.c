/* SPDX-License-Identifier: MIT */
/* A plugin whose compute dies of a segmentation fault: render must report
 * "section N (plugin crashing): crashed with SIGSEGV" and carry on living. */
#include <ssc-report/plugin.h>

static int crashing_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                            ssc_error *err)
{
    /* volatile, both the pointer and what it points to: the compiler may
     * neither drop the store nor put a trap (SIGILL) in its place */
    volatile int *volatile nowhere = 0;
    (void)p;
    (void)s;
    (void)out;
    (void)err;
    *nowhere = 1;
    return SSC_OK;
}

SSC_METRIC_PLUGIN(crashing, "crashing", .version = "1.0", .compute = crashing_compute);

/* SPDX-License-Identifier: MIT */
/* A plugin whose constructor appends a line to the file $SSC_TEST_MARKER
 * names: the file's existence proves the engine ran this module's code
 * (loading it runs the constructor, before any hook is called).  It also
 * declares the extension "marker", so a data file ending in .marker is
 * its to read. */
#include <stdio.h>
#include <stdlib.h>

#include <ssc-report/plugin.h>

__attribute__((constructor)) static void marker_ran(void)
{
    const char *path = getenv("SSC_TEST_MARKER");
    FILE *f = path && path[0] ? fopen(path, "a") : NULL;
    if (f) {
        fputs("marker's constructor ran\n", f);
        fclose(f);
    }
}

static int marker_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                          ssc_error *err)
{
    (void)s;
    (void)err;
    return ssc_table_add(out, "all", (double)ssc_portfolio_count(p));
}

SSC_METRIC_PLUGIN(marker, "marker", .summary = "Leaves a mark when loaded", .version = "2.5",
                  .compute = marker_compute);

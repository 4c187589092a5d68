/* SPDX-License-Identifier: MIT */
/* Fuzz target for report files: the input is written to a file and read
 * by ssc_report_load, the loader `render` and `check` use (see
 * fuzz-report-load.c for what is checked). */
#include "fuzz.h"
#include "report/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ssc_report r;

    if (size > 65536)
        return 0;
    fuzz_report_load(&r, fuzz_file(data, size, ".cfg"), NULL, 0);
    ssc_report_free(&r);
    return 0;
}

/* SPDX-License-Identifier: MIT */
/* Fuzz target for --set KEY=VALUE: each line of the input is one --set,
 * applied by ssc_report_load (as render, check and the scheduler do) to a
 * small valid report that sets a value of every type --set can change,
 * a list and a section.  What loads must check as a report (see
 * fuzz-report-load.c); a refused --set has a message. */
#include <string.h>

#include "fuzz.h"
#include "report/report.h"

static const char fuzz_set_base[] =
    "title = \"Portfolio\";\n"
    "subtitle = \"2025\";\n"
    "language = \"en\";\n"
    "toc = true;\n"
    "data = { path = \"portfolio.csv\"; skip_bad_rows = false; };\n"
    "filters = { start_year_min = 2015; statuses = [\"active\", \"closed\"]; };\n"
    "theme = { accent = \"#1f5fa8\"; };\n"
    "sections = (\n"
    "  { plugin = \"kpi\"; title = \"Key figures\"; },\n"
    "  { plugin = \"by-region\"; title = \"Regions\"; chart = \"hbar\"; table_limit = 5; }\n"
    ");\n";

#define FUZZ_SET_MAX 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *sets[FUZZ_SET_MAX];
    size_t n = 0;
    char *text;
    ssc_report r;

    if (size > 4096)
        return 0; /* a command line */
    text = fuzz_string(data, size);
    if (!text)
        return 0;
    for (char *p = text; p && n < FUZZ_SET_MAX;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        sets[n++] = p;
        p = nl ? nl + 1 : NULL;
    }
    fuzz_report_load(&r, fuzz_file((const uint8_t *)fuzz_set_base, sizeof fuzz_set_base - 1, ".cfg"),
                     sets, n);
    ssc_report_free(&r);
    free(text);
    return 0;
}

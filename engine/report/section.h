/* SPDX-License-Identifier: MIT */
/* The struct behind plugin.h's ssc_section: a report section bound to its
 * plugin, and the checking of the options the report sets for it. */
#ifndef SSC_SECTION_H
#define SSC_SECTION_H

#include "report/report.h"
#include "data/store.h"

struct ssc_section {
    const ssc_report *report;
    const ssc_section_def *def;
    const ssc_plugin *plugin;
    const ssc_store *store; /* for labels the data source gave; set once read */
};

/* Checks every option the section sets against the plugin's declaration:
 * known name, type, choices, range; errors name the report file and line. */
int ssc_section_check_options(const ssc_section *s, ssc_error *err);

#endif

/* SPDX-License-Identifier: MIT */
/* The starter files `ssc-report init DIR` writes (starter.c). */
#ifndef SSC_STARTER_H
#define SSC_STARTER_H

#include <stddef.h>

#include "error.h"

/* Creates dir if needed and writes dir/report.cfg and dir/portfolio.csv
 * from the bundled starter files; refuses when either exists.  The
 * report's path goes to report. */
int ssc_starter_init(const char *dir, char *report, size_t len, ssc_error *err);

#endif

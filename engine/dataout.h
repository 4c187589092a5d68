/* SPDX-License-Identifier: MIT */
/* --data-out: each section's table as DIR/NN-PLUGIN.csv. */
#ifndef SSC_DATAOUT_H
#define SSC_DATAOUT_H

#include "atomic.h"
#include "report/table.h"

/* Writes t as CSV (header key,label,COLUMNS...) to a temporary file for
 * dir/NN-plugin.csv; the caller commits or aborts *out with the report. */
int ssc_dataout_write(const char *dir, size_t position, const char *plugin, const ssc_table *t,
                      ssc_atomic *out, ssc_error *err);
/* Formats v as a plain decimal number (no exponent, no separators); buf
 * needs 400 bytes for the largest doubles. */
const char *ssc_dataout_number(char *buf, size_t len, double v);

#endif

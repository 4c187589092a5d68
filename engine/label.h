/* Labels and colours for table keys, in the report's language. */
#ifndef SSC_LABEL_H
#define SSC_LABEL_H

#include "report.h"
#include "table.h"

/* Gives every row without a plugin-set label the label its key kind
 * implies, and colours SDG and sector rows. */
int ssc_label_table(ssc_table *t, const ssc_report *r, ssc_error *err);
/* Status names and generic words in lang. */
const char *ssc_label_status(const char *status, const char *lang);

#endif

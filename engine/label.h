/* Labels and colours for table keys, in the report's language. */
#ifndef SSC_LABEL_H
#define SSC_LABEL_H

#include "report.h"
#include "store.h"
#include "table.h"

/* Gives every row without a plugin-set label the label its key kind
 * implies, and colours SDG and sector rows.  Where the engine and the
 * report have no label of their own for a key, the label the data source
 * gave (ssc_source_set_label, kept in st; st may be NULL) is used. */
int ssc_label_table(ssc_table *t, const ssc_report *r, const ssc_store *st, ssc_error *err);
/* Status names and generic words in lang. */
const char *ssc_label_status(const char *status, const char *lang);

#endif

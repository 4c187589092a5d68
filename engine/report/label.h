/* SPDX-License-Identifier: MIT */
/* Labels and colours for table keys, in the report's language. */
#ifndef SSC_LABEL_H
#define SSC_LABEL_H

#include "report/report.h"
#include "data/store.h"
#include "report/table.h"

/* Gives every row without a plugin-set label the label its key kind
 * implies, and colours SDG and sector rows.  Where the engine and the
 * report have no label of their own for a key, the label the data source
 * gave (ssc_source_set_label, kept in st; st may be NULL) is used. */
int ssc_label_table(ssc_table *t, const ssc_report *r, const ssc_store *st, ssc_error *err);
/* The label of key (of kind) in the report's language: the engine's,
 * then the report's, then the source's; *colour (may be NULL) gets the
 * key's colour or -1.  With buf, SDG labels carry their number ("5 Gender
 * equality", written into buf); without, the short name alone.  NULL for
 * free text, projects and years, which label themselves. */
const char *ssc_label_key(const ssc_report *r, const ssc_store *st, ssc_key_kind kind,
                          const char *key, long *colour, char *buf, size_t len);
/* Status names and generic words in lang. */
const char *ssc_label_status(const char *status, const char *lang);

#endif

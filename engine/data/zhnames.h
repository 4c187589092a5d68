/* SPDX-License-Identifier: MIT */
/* The Chinese names a portfolio gives its institutions, collected from the
 * lead_institution_zh and partner_institutions_zh columns as rows are
 * stored (zhnames.c). */
#ifndef SSC_ZHNAMES_H
#define SSC_ZHNAMES_H

#include "data/store.h"

/* Notes the Chinese names row p gives (called by ssc_store_append after the
 * row's extra columns are stored).  Fails, naming the line, when
 * partner_institutions_zh has more names than the row has partners. */
int ssc_zhnames_note(ssc_store *st, const ssc_project_in *p, ssc_error *err);
/* The Chinese name of the institution called name in English; NULL when the
 * portfolio gives none. */
const char *ssc_zhnames_get(const ssc_store *st, const char *name);

#endif

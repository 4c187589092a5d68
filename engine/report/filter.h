/* SPDX-License-Identifier: MIT */
/* The report's filters: which projects a report shows. */
#ifndef SSC_FILTER_H
#define SSC_FILTER_H

#include "report/report.h"
#include "data/store.h"

/* Fills view with the rows of st that pass r's filters (view->rows is
 * allocated; release with ssc_portfolio_release). */
int ssc_filter_apply(const ssc_report *r, const ssc_store *st, ssc_portfolio *view,
                     ssc_error *err);

#endif

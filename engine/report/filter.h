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

/* Why the filters leave a project out: the first of them that does, in
 * this order, so that each project is counted once. */
typedef enum ssc_filter_reason {
    SSC_FILTER_KEPT = 0,
    SSC_FILTER_STATUS,
    SSC_FILTER_BEFORE, /* started before start_year_min */
    SSC_FILTER_AFTER,  /* started after start_year_max */
    SSC_FILTER_SECTOR,
    SSC_FILTER_LEAD,
    SSC_FILTER_REGION,
    SSC_FILTER_REASONS
} ssc_filter_reason;

#define SSC_FILTER_STATUSES 5 /* pipeline, ongoing, completed, cancelled, suspended */

typedef struct ssc_filter_count {
    size_t total;                          /* projects read */
    size_t by_reason[SSC_FILTER_REASONS];  /* [SSC_FILTER_KEPT]: shown */
    size_t by_status[SSC_FILTER_STATUSES]; /* left out by the status filter, per status */
} ssc_filter_count;

/* Counts what r's filters keep and leave out of st, for the methods page. */
void ssc_filter_tally(const ssc_report *r, const ssc_store *st, ssc_filter_count *out);

#endif

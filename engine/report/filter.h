/* SPDX-License-Identifier: MIT */
/* The report's filters: which projects a report shows. */
#ifndef SSC_FILTER_H
#define SSC_FILTER_H

#include "report/report.h"
#include "data/store.h"

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

/* What the filters kept and left out, for the methods page and the
 * report's period: worked out in the one pass that picks the rows. */
typedef struct ssc_filter_count {
    size_t total;                          /* projects read */
    size_t by_reason[SSC_FILTER_REASONS];  /* [SSC_FILTER_KEPT]: shown */
    size_t by_status[SSC_FILTER_STATUSES]; /* left out by the status filter, per status */
    int first_year, last_year;             /* start years of the shown projects; 0: none */
} ssc_filter_count;

/* Fills view with the rows of st that pass r's filters (view->rows is
 * allocated; release with ssc_portfolio_release) and *count with what
 * they kept and left out. */
int ssc_filter_apply(const ssc_report *r, const ssc_store *st, ssc_portfolio *view,
                     ssc_filter_count *count, ssc_error *err);

#endif

/* SPDX-License-Identifier: MIT */
/* The page "How the numbers are counted" at the end of the report: the
 * data file and its date, what the filters left out ("785 cancelled
 * projects are not included"), and each chart's counting rule (the
 * plugins' notes), so that a chart keeps one line under it. */
#ifndef SSC_METHODS_H
#define SSC_METHODS_H

#include <stddef.h>
#include <time.h>

#include "draw/doc.h"
#include "report/filter.h"
#include "report/report.h"
#include "report/section.h"
#include "report/table.h"

/* The page's title in lang, also for the contents. */
const char *ssc_methods_title(const char *lang);
/* A day in lang: "5 December 2026", "2026年12月5日". */
void ssc_methods_date(time_t when, const char *lang, char *buf, size_t len);
/* Lays the page out at the end of doc; fc is what the filters kept and
 * left out; data is the file read ("-": standard input; NULL: not named);
 * now is the document's clock (a data file changed later is dated now). */
int ssc_methods_page(ssc_doc *doc, const ssc_report *r, const ssc_filter_count *fc,
                     const char *data,
                     const ssc_section *sections, ssc_table *const *tables, size_t n, time_t now,
                     ssc_error *err);

#endif

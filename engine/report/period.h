/* SPDX-License-Identifier: MIT */
/* The reporting period: the report's period group read and checked, the
 * default (the latest start year of the shown projects), and the period
 * before it that plugins compare with (see plugin.h, ssc_period). */
#ifndef SSC_PERIOD_H
#define SSC_PERIOD_H

#include "report/report.h"

/* from..to (complete dates) as a period; SSC_ERR when to is before from. */
int ssc_period_span(ssc_date from, ssc_date to, ssc_period *out);
/* The calendar year y as a period. */
ssc_period ssc_period_year(int y);
/* The period of the same length just before p (plugin.h says how). */
ssc_period ssc_period_previous(const ssc_period *p);
/* The period as people write it in lang: "2025", or "2024-07-01 –
 * 2025-06-30"; in Chinese "2024年7月1日—2025年6月30日" (GB/T 15834's dash
 * for a span of time, as every range of the Chinese edition). */
void ssc_period_text(const ssc_period *p, const char *lang, char *buf, size_t len);

#endif

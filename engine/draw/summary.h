/* SPDX-License-Identifier: MIT */
/* The one-sentence summary of a chart, in the report's language, read off
 * the table the chart draws: the category with the largest value, every
 * one of them when several share it, by its natural name ("Africa has the
 * most projects: 24 of 47.", "Agriculture and Renewable energy lead, with
 * 10 projects each.", "Most projects started in 2019: 8.").  Where a
 * plugin gave a row's distinct count (a stacked status), that is the
 * value; a plugin's measure ("people") replaces "projects". */
#ifndef SSC_SUMMARY_H
#define SSC_SUMMARY_H

#include <stddef.h>

#include "draw/draw.h"
#include "report/table.h"

/* Writes the sentence into buf ("" when the table has none: no positive
 * value, a project list, a custom drawing); shown is the number of
 * projects after the filters ("of 47").  A sentence that would not fit in
 * len is left out, never cut.  Returns buf. */
const char *ssc_summary(const ssc_table *t, ssc_chart_kind kind, const char *lang, size_t shown,
                        char *buf, size_t len);

#endif

/* SPDX-License-Identifier: MIT */
/* The portfolio's columns (columns.c). */
#ifndef SSC_COLUMNS_H
#define SSC_COLUMNS_H

#include <stddef.h>

/* The spec's columns in its order, then the "regions" pseudo-column: a
 * source other than CSV may give a project's regions instead of its
 * countries (the CSV format has no such column). */
enum ssc_col {
    SSC_COL_ID,
    SSC_COL_TITLE,
    SSC_COL_LEAD,
    SSC_COL_PARTNERS,
    SSC_COL_COUNTRIES,
    SSC_COL_SECTOR,
    SSC_COL_SDG_PRIMARY,
    SSC_COL_SDG_SECONDARY,
    SSC_COL_START,
    SSC_COL_END,
    SSC_COL_STATUS,
    SSC_COL_FUNDING,
    SSC_COL_BUDGET,
    SSC_COL_MODALITY,
    SSC_COL_GENDER,
    SSC_COL_BENEFICIARIES,
    SSC_COL_REGIONS,
    SSC_COL_COUNT
};
/* The number of columns the spec defines (all before SSC_COL_REGIONS). */
#define SSC_COL_SPEC SSC_COL_REGIONS

const char *ssc_col_name(int col);   /* the spec's name */
int ssc_col_required(int col);       /* 1 for the spec's required columns */
/* 1 for a required column a source may declare optional for its projects
 * (only start_date: see columns.c). */
int ssc_col_may_be_optional(int col);
/* The spec column named s[0..len), or -1 ("regions" is not one). */
int ssc_col_find(const char *s, size_t len);

#endif

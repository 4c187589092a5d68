/* SPDX-License-Identifier: MIT */
/* The engine side of ssc_table: creation, labelling and the extra
 * accessors charts need.  Plugins use only plugin.h's functions. */
#ifndef SSC_TABLE_H
#define SSC_TABLE_H

#include <stddef.h>

#include "error.h"
#include "ssc-report/plugin.h"

ssc_table *ssc_table_new(void); /* NULL on out of memory */
void ssc_table_free(ssc_table *t);
/* Non-zero when an allocation failed inside a void or ignored call. */
int ssc_table_failed(const ssc_table *t);
/* At most max_rows rows (0: no limit): a new key past them fails, as an
 * allocation would, and marks the table flooded, so that a plugin cannot
 * fill memory before its table is judged. */
void ssc_table_set_max_rows(ssc_table *t, size_t max_rows);
int ssc_table_flooded(const ssc_table *t);

ssc_key_kind ssc_table_key_kind(const ssc_table *t);
ssc_column_type ssc_table_column_type(const ssc_table *t, size_t column);
ssc_unit ssc_table_column_unit(const ssc_table *t, size_t column);
/* Renames a column (the engine translates generic names). */
int ssc_table_set_column_name(ssc_table *t, size_t column, const char *name);
const char *ssc_table_note(const ssc_table *t); /* "" if none */
/* The plugin's own sentence under the chart; "" if none. */
const char *ssc_table_summary(const ssc_table *t);
/* The column title the plugin set, or NULL when it shows the name. */
const char *ssc_table_column_title_override(const ssc_table *t, size_t column);
/* Sets a number cell to v exactly (for tables rebuilt from a child's). */
int ssc_table_set_number(ssc_table *t, size_t row, size_t column, double v);
/* Label set by the plugin, or NULL when the engine must derive one. */
const char *ssc_table_label_override(const ssc_table *t, size_t row);
/* Fill colour of a row (0xRRGGBB), or -1 when the chart picks one. */
long ssc_table_colour(const ssc_table *t, size_t row);
int ssc_table_set_colour(ssc_table *t, size_t row, unsigned long rgb);
/* What column 0 counts (ssc_table_set_measure); projects by default. */
typedef enum ssc_measure_part {
    SSC_MEASURE_ONE = 0,    /* "project" */
    SSC_MEASURE_MANY,       /* "projects" */
    SSC_MEASURE_ZH_NOUN,    /* "项目" */
    SSC_MEASURE_ZH_COUNTER  /* "个项目", after a number */
} ssc_measure_part;
const char *ssc_table_measure(const ssc_table *t, ssc_measure_part part);
/* Non-zero when the plugin declared no measure: the table counts projects. */
int ssc_table_measures_projects(const ssc_table *t);
/* The distinct count a row stands for, or NAN when the plugin gave none. */
double ssc_table_row_total(const ssc_table *t, size_t row);
/* When the rows stand in value order, largest first (as SSC_SORT_VALUE_DESC
 * leaves them, ties by key), puts each run of equal values in the order of
 * names[row] (NULL: the key), accents folded and case ignored: "El
 * Salvador, Sudan, Suriname", not the order of their codes SDN, SLV, SUR.
 * Any other order is left alone.  SSC_ERR: out of memory. */
int ssc_table_order_ties(ssc_table *t, const char *const *names);
/* Largest finite value among the number columns; 0 for an empty table. */
double ssc_table_max(const ssc_table *t);

#endif

/* SPDX-License-Identifier: MIT */
/* A set of ids with the line each was first seen on, for the "id must be
 * unique" rule over a million rows. */
#ifndef SSC_IDSET_H
#define SSC_IDSET_H

#include <stddef.h>

typedef struct ssc_idset ssc_idset;

ssc_idset *ssc_idset_new(void); /* NULL on out of memory */
void ssc_idset_free(ssc_idset *set);
/* Ids inside [start, end) stay valid as long as the set (a CSV file held
 * in memory): they are kept as views; any other id is copied. */
void ssc_idset_stable(ssc_idset *set, const char *start, const char *end);
/* Makes room for n ids at once: a million-row file would otherwise grow
 * the table ten times, rehashing and faulting in fresh pages each time.
 * 0, or -1 when out of memory (the set is unchanged). */
int ssc_idset_reserve(ssc_idset *set, size_t n);
/* Adds s[0..len) first seen on line: 0 when new, else the line of its
 * first use; -1 when out of memory. */
long ssc_idset_add(ssc_idset *set, const char *s, size_t len, long line);

#endif

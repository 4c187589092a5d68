/* SPDX-License-Identifier: MIT */
/* A set of ids with the line each was first seen on, for the "id must be
 * unique" rule over a million rows. */
#ifndef SSC_IDSET_H
#define SSC_IDSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct ssc_idset ssc_idset;

ssc_idset *ssc_idset_new(void); /* NULL on out of memory */
void ssc_idset_free(ssc_idset *set);
/* Makes room for n ids at once: a million-row file would otherwise grow
 * the table ten times, rehashing and faulting in fresh pages each time.
 * 0, or -1 when out of memory (the set is unchanged). */
int ssc_idset_reserve(ssc_idset *set, size_t n);
/* Adds s[0..len) first seen on line: 0 when new, else the line of its
 * first use; -1 when out of memory.  The set keeps s, not a copy: it must
 * outlive the set (the row checker gives the store's copy of the id, so
 * that a million ids are held once). */
long ssc_idset_add(ssc_idset *set, const char *s, size_t len, long line);

/* The same add in three steps, for a caller with other work to do in
 * between: over a million ids the table is too large for the cache, and
 * the add mostly waits for its slot to arrive from memory.  The row
 * checker hashes a row's id and prefetches its slot eight rows before it
 * settles that row, and adds when it does.
 * The hash depends on the id alone; a prefetch changes nothing the set
 * holds (a table grown in between only makes it useless), and
 * ssc_idset_add_hashed(set, s, len, ssc_idset_hash(s, len), line) is
 * ssc_idset_add(set, s, len, line). */
uint32_t ssc_idset_hash(const char *s, size_t len);
void ssc_idset_prefetch(const ssc_idset *set, uint32_t hash);
long ssc_idset_add_hashed(ssc_idset *set, const char *s, size_t len, uint32_t hash, long line);

#endif

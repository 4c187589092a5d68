/* SPDX-License-Identifier: MIT */
/* "Did you mean ...": the known name nearest to a mistyped one (nearest.c),
 * for plugin names, report settings and CSV headers.  Only a close name
 * is ever suggested: a far one would mislead more than help. */
#ifndef SSC_NEAREST_H
#define SSC_NEAREST_H

#include <stddef.h>

/* The edit distance (insertions, deletions, substitutions, and swaps of
 * two neighbours) between a and b, ASCII letters compared without case;
 * any value above max is returned as max + 1. */
int ssc_edit_distance(const char *a, size_t alen, const char *b, size_t blen, int max);

/* The name among names[0..n) nearest to word, or NULL when none is close:
 * at most 1 edit for a word of up to 4 characters, 2 up to 8, else 3, and
 * fewer edits than the word has characters. */
const char *ssc_nearest(const char *word, const char *const *names, size_t n);

/* 1 when s[0..len) and name differ only in case, in spaces, '_' or '-'
 * (and no-break spaces), or in byte-order marks (U+FEFF) inside the
 * name: "Lead Institution" and "\xEF\xBB\xBFid" against lead_institution
 * and id. */
int ssc_same_name_loosely(const char *s, size_t len, const char *name);

#endif

/* SPDX-License-Identifier: MIT */
/* A bounded sharing table for texts that may or may not repeat (titles):
 * a programme's projects often carry one title, an agency's annex almost
 * never does.  Interning every title would give a million unique ones a
 * hash table of their own (63 MiB more at a million rows); copying every
 * one would give the repeated ones a copy per row (47 MiB of the generated
 * million-row file).  This table shares the first texts it meets,
 * up to a fixed number, and copies the rest, so memory is bounded either
 * way and a repeated text is usually, not always, one pointer. */
#ifndef SSC_SHARE_H
#define SSC_SHARE_H

#include <stddef.h>
#include <stdint.h>

#include "data/intern.h"

typedef struct ssc_share ssc_share;

/* A table that shares at most max texts (rounded up to a power of two);
 * its copies live in in.  NULL on out of memory. */
ssc_share *ssc_share_new(ssc_intern *in, size_t max);
void ssc_share_free(ssc_share *sh); /* the copies stay in the intern's arena */
/* The shared copy of s[0..len) when one is held, else a new copy, held
 * for the next caller while there is room (NUL-terminated, valid while
 * the intern lives).  NULL on out of memory. */
const char *ssc_share_text(ssc_share *sh, const char *s, size_t len);
/* The same, for a text whose ssc_hash_bytes is hash. */
const char *ssc_share_text_hashed(ssc_share *sh, const char *s, size_t len, uint32_t hash);
/* Asks for the memory a text of that hash will be compared with: its
 * slot (near 0), or the text held there once the slot is in the cache
 * (near 1).  A hint: nothing changes. */
void ssc_share_prefetch(const ssc_share *sh, uint32_t hash, int near);

#endif

/* SPDX-License-Identifier: MIT */
/* String interning: equal strings share one stable copy, so a million rows
 * naming the same institution or sector cost one string, and equality is a
 * pointer comparison. */
#ifndef SSC_INTERN_H
#define SSC_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct ssc_intern ssc_intern;

ssc_intern *ssc_intern_new(void);     /* NULL on out of memory */
void ssc_intern_free(ssc_intern *in); /* frees every string it returned */
/* Returns the shared copy of s[0..len), NUL-terminated, valid until
 * ssc_intern_free; NULL on out of memory. */
const char *ssc_intern_str(ssc_intern *in, const char *s, size_t len);
/* The same, as a number: strings are numbered 0, 1, ... in the order they
 * were first interned, so that a column of a million names can hold four
 * bytes a row instead of a pointer.  -1 on out of memory. */
long ssc_intern_index(ssc_intern *in, const char *s, size_t len);
/* The string numbered index (which ssc_intern_index returned). */
const char *ssc_intern_at(const ssc_intern *in, uint32_t index);
/* Copies s[0..len) into the same arena without sharing it: for strings
 * known to be unique (ids) or shared another way (share.h), which would
 * only fill the hash table. */
const char *ssc_intern_keep(ssc_intern *in, const char *s, size_t len);
size_t ssc_intern_count(const ssc_intern *in);
/* Bytes held by the arena and the hash table. */
size_t ssc_intern_bytes(const ssc_intern *in);

#endif

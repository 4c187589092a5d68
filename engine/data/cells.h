/* SPDX-License-Identifier: MIT */
/* Cells as the row rules and the CSV source read them (cells.c): trimmed
 * of the spaces spreadsheets leave, and list cells split at ';'. */
#ifndef SSC_DATA_CELLS_H
#define SSC_DATA_CELLS_H

#include <stddef.h>

#include "data/store.h"

/* s[0..len) without leading and trailing spaces and tabs.  Inline, as
 * are the reserve's common case and the split's scan below: a row's
 * twenty cells made these calls a fifth of the reading thread's time at
 * a million rows. */
static inline ssc_text ssc_cell_trim(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return (ssc_text){s, len};
}

/* ssc_cell_reserve when need > *cap: call ssc_cell_reserve. */
int ssc_cell_grow(void *parr, size_t *cap, size_t need, size_t elem);

/* Grows *parr (an array of *cap elements of elem bytes) to hold need; 0,
 * or -1 when out of memory (the array is unchanged). */
static inline int ssc_cell_reserve(void *parr, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? 0 : ssc_cell_grow(parr, cap, need, elem);
}
/* Splits a list cell at each ';' onto the end of (*items)[0..*n) (*n
 * grows), trimmed; an empty cell has no items, "a;;b" and "a;" have an
 * empty one.  -1: no memory (the items added so far stay). */
int ssc_cell_split(ssc_text cell, ssc_text **items, size_t *cap, size_t *n);

#endif

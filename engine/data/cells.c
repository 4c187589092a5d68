/* SPDX-License-Identifier: MIT */
/* Trimming and splitting cells (see cells.h). */
#include "data/cells.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int ssc_cell_grow(void *parr, size_t *cap, size_t need, size_t elem)
{
    void **arr = parr;
    size_t ncap = *cap ? *cap : 8;
    void *na;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return -1;
        ncap *= 2;
    }
    na = realloc(*arr, ncap * elem);
    if (!na)
        return -1;
    *arr = na;
    *cap = ncap;
    return 0;
}

int ssc_cell_split(ssc_text cell, ssc_text **items, size_t *cap, size_t *n)
{
    const char *p = cell.s, *end = cell.s + cell.len;

    if (cell.len == 0)
        return 0;
    for (;;) {
        /* items are a few bytes: a loop, not a call to memchr */
        const char *stop = p;
        while (stop < end && *stop != ';')
            stop++;
        const char *semi = stop < end ? stop : NULL;
        if (ssc_cell_reserve(items, cap, *n + 1, sizeof **items) != 0)
            return -1;
        (*items)[(*n)++] = ssc_cell_trim(p, (size_t)(stop - p));
        if (!semi)
            return 0;
        p = semi + 1;
    }
}

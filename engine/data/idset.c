/* SPDX-License-Identifier: MIT */
/* The set of ids seen (see idset.h): open addressing over (pointer,
 * length) views of ids the caller keeps. */
#include "data/idset.h"

#include "data/bigmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Ids seen so far, with the line of their first use. */
typedef struct idset_slot {
    const char *s; /* NULL: free slot */
    uint32_t len;
    uint32_t hash; /* compared first: ids often share one length */
    long line;
} idset_slot;

/* At most three slots in five are used: probes stay short, and a count
 * estimated a few per cent high (a file read in blocks) does not double
 * the table. */
#define IDSET_FULL(n, cap) ((n) * 5 > (cap) * 3)

struct ssc_idset {
    idset_slot *slots;
    size_t cap, n;
};

ssc_idset *ssc_idset_new(void)
{
    return calloc(1, sizeof(ssc_idset));
}

void ssc_idset_free(ssc_idset *set)
{
    if (!set)
        return;
    free(set->slots);
    free(set);
}

/* Eight bytes per step, then a final mix (the splitmix64 finaliser): ids
 * are short and alike ("SSC-0000001"), and a byte-wise hash showed up in
 * profiles of million-row loads. */
static uint32_t idset_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len, w;
    for (; len >= 8; s += 8, len -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    if (len) {
        w = 0;
        memcpy(&w, s, len);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    }
    h ^= h >> 29;
    h *= 0x94D049BB133111EBULL;
    h ^= h >> 32;
    return (uint32_t)h;
}

/* Moves the slots into a table of ncap (a power of two) slots. */
static int idset_resize(ssc_idset *set, size_t ncap)
{
    idset_slot *slots = calloc(ncap, sizeof *slots);
    if (!slots)
        return -1;
    ssc_bigmem_advise(slots, ncap * sizeof *slots);
    for (size_t i = 0; i < set->cap; i++) {
        size_t j;
        if (!set->slots[i].s)
            continue;
        j = set->slots[i].hash & (ncap - 1);
        while (slots[j].s)
            j = (j + 1) & (ncap - 1);
        slots[j] = set->slots[i];
    }
    free(set->slots);
    set->slots = slots;
    set->cap = ncap;
    return 0;
}

static int idset_grow(ssc_idset *set)
{
    return idset_resize(set, set->cap ? set->cap * 2 : 1024);
}

int ssc_idset_reserve(ssc_idset *set, size_t n)
{
    size_t ncap = 1024;

    if (n > SIZE_MAX / 8 / sizeof(idset_slot))
        return 0; /* a hint too large to honour: grow as ids come */
    while (IDSET_FULL(n, ncap))
        ncap *= 2;
    return ncap > set->cap ? idset_resize(set, ncap) : 0;
}

long ssc_idset_add(ssc_idset *set, const char *s, size_t len, long line)
{
    uint32_t hash;
    size_t j;

    if (len > UINT32_MAX)
        return 0; /* no id is 4 GB long; never risk a false match */
    if ((!set->cap || IDSET_FULL(set->n + 1, set->cap)) && idset_grow(set) != 0)
        return -1;
    hash = idset_hash(s, len);
    j = hash & (set->cap - 1);
    for (; set->slots[j].s; j = (j + 1) & (set->cap - 1))
        if (set->slots[j].hash == hash && set->slots[j].len == len &&
            memcmp(set->slots[j].s, s, len) == 0)
            return set->slots[j].line;
    set->slots[j].s = s;
    set->slots[j].len = (uint32_t)len;
    set->slots[j].hash = hash;
    set->slots[j].line = line;
    set->n++;
    return 0;
}

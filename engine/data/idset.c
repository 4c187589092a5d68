/* SPDX-License-Identifier: MIT */
/* The set of ids seen (see idset.h): open addressing over (pointer,
 * length) views of ids the caller keeps. */
#include "data/idset.h"

#include "data/bigmem.h"
#include "data/hash.h"
#include "data/cells.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The table holds eight bytes a slot, the id's hash and its entry's
 * number, so that a million ids' table (2^21 slots, 16 MiB) stays in a
 * large cache: inserting a new id, the common case, touches one random
 * slot and appends one entry, and reads an id back only when the hashes
 * match. */
typedef struct idset_slot {
    uint32_t hash;
    uint32_t entry; /* 0: free; else 1 + index into entries */
} idset_slot;

typedef struct idset_entry {
    const char *s;
    size_t len;
    long line; /* of its first use */
} idset_entry;

/* At most three slots in five are used: probes stay short, and a count
 * estimated a few per cent high (a file read in blocks) does not double
 * the table. */
#define IDSET_FULL(n, cap) ((n) * 5 > (cap) * 3)

struct ssc_idset {
    idset_slot *slots;
    size_t cap, n;
    idset_entry *entries;
    size_t cap_entries;
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
    free(set->entries);
    free(set);
}

/* ids are short and alike ("SSC-0000001"): see hash.h. */
uint32_t ssc_idset_hash(const char *s, size_t len)
{
    return ssc_hash_bytes(s, len);
}

/* Moves the slots into a table of ncap (a power of two) slots. */
static int idset_resize(ssc_idset *set, size_t ncap)
{
    idset_slot *slots;

    if (ncap > UINT32_MAX) /* entry numbers are 32-bit */
        return -1;
    if (!(slots = calloc(ncap, sizeof *slots)))
        return -1;
    ssc_bigmem_advise(slots, ncap * sizeof *slots);
    ssc_bigmem_prefault(slots, ncap * sizeof *slots);
    for (size_t i = 0; i < set->cap; i++) {
        size_t j;
        if (!set->slots[i].entry)
            continue;
        j = set->slots[i].hash & (ncap - 1);
        while (slots[j].entry)
            j = (j + 1) & (ncap - 1);
        slots[j] = set->slots[i];
    }
    free(set->slots);
    set->slots = slots;
    set->cap = ncap;
    return 0;
}

/* Room for n entries (the row checker's array growth, then the huge-page
 * hint for the new array). */
static int idset_entries(ssc_idset *set, size_t n)
{
    if (n <= set->cap_entries)
        return 0;
    if (ssc_cell_reserve(&set->entries, &set->cap_entries, n, sizeof *set->entries) != 0)
        return -1;
    ssc_bigmem_advise(set->entries, set->cap_entries * sizeof *set->entries);
    return 0;
}

/* Entries faulted in ahead of the ids added, a window at a time (see
 * store.c's STORE_AHEAD): a reserve is only an estimate. */
#define IDSET_AHEAD ((size_t)1 << 18)

static void idset_prefault(ssc_idset *set, size_t from)
{
    size_t n = from < set->cap_entries ? set->cap_entries - from : 0;

    n = n < IDSET_AHEAD ? n : IDSET_AHEAD;
    if (n)
        ssc_bigmem_prefault(set->entries + from, n * sizeof *set->entries);
}

static int idset_grow(ssc_idset *set)
{
    return idset_resize(set, set->cap ? set->cap * 2 : 1024);
}

int ssc_idset_reserve(ssc_idset *set, size_t n)
{
    size_t ncap = 1024;

    if (n > UINT32_MAX / 2)
        return 0; /* a hint too large to honour: grow as ids come */
    while (IDSET_FULL(n, ncap))
        ncap *= 2;
    if (ncap > set->cap && idset_resize(set, ncap) != 0)
        return -1;
    if (idset_entries(set, n) != 0)
        return -1;
    idset_prefault(set, set->n);
    idset_prefault(set, set->n + IDSET_AHEAD);
    return 0;
}

/* A hint to the CPU, where the compiler has a way to give one: without
 * it the add is as correct, only slower. */
#if defined(__GNUC__) || defined(__clang__)
#define IDSET_PREFETCH(p) __builtin_prefetch((p), 1, 3) /* to write, keep */
#else
#define IDSET_PREFETCH(p) ((void)(p))
#endif

void ssc_idset_prefetch(const ssc_idset *set, uint32_t hash)
{
    /* an empty table has no slot to fetch; the first add allocates it */
    if (set->cap)
        IDSET_PREFETCH(&set->slots[hash & (set->cap - 1)]);
}

long ssc_idset_add(ssc_idset *set, const char *s, size_t len, long line)
{
    return ssc_idset_add_hashed(set, s, len, ssc_idset_hash(s, len), line);
}

long ssc_idset_add_hashed(ssc_idset *set, const char *s, size_t len, uint32_t hash, long line)
{
    size_t j;

    if ((!set->cap || IDSET_FULL(set->n + 1, set->cap)) && idset_grow(set) != 0)
        return -1;
    if (idset_entries(set, set->n + 1) != 0)
        return -1;
    if (set->n && set->n % IDSET_AHEAD == 0)
        idset_prefault(set, set->n + IDSET_AHEAD);
    j = hash & (set->cap - 1);
    for (; set->slots[j].entry; j = (j + 1) & (set->cap - 1)) {
        const idset_entry *e;
        if (set->slots[j].hash != hash)
            continue;
        e = &set->entries[set->slots[j].entry - 1];
        if (e->len == len && ssc_hash_equal(e->s, s, len))
            return e->line;
    }
    set->entries[set->n] = (idset_entry){s, len, line};
    set->slots[j].hash = hash;
    set->slots[j].entry = (uint32_t)++set->n;
    return 0;
}

/* SPDX-License-Identifier: MIT */
/* The hash of the engine's string tables: the id set, the intern, the
 * shared titles, a section table's keys.  Eight bytes at a time, because a byte-wise hash (FNV-1a)
 * is a chain of one multiply per byte, and a million rows hash some ten
 * strings each on the threads that read and store them.  The final mix
 * (splitmix64's finaliser) brings the high bits down to the low ones the
 * tables index by, as ids are short and alike ("SSC-0000001"). */
#ifndef SSC_HASH_H
#define SSC_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t ssc_hash_bytes(const char *s, size_t len)
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

#endif

/* SPDX-License-Identifier: MIT */
/* The hash of the engine's string tables: the id set, the intern, the
 * shared titles, a section table's keys, and the equality test their probes
 * end with.  Eight bytes at a time, because a byte-wise hash (FNV-1a) is a
 * chain of one multiply per byte, and a million rows hash some ten strings
 * each on the threads that read and store them.  The final mix
 * (splitmix64's finaliser) brings the high bits down to the low ones the
 * tables index by, as ids are short and alike ("SSC-0000001").
 *
 * A string's last partial word is read with whole loads that overlap what
 * was read already, never copied byte by byte into a zeroed word: the
 * processor cannot forward a run of byte stores to the word load after
 * them, and that stall was 40 % of the intern's time at a million rows. */
#ifndef SSC_HASH_H
#define SSC_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t ssc_hash_load8(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return w;
}

static inline uint64_t ssc_hash_load4(const char *s)
{
    uint32_t w;
    memcpy(&w, s, 4);
    return w;
}

/* The 1 to 7 bytes at s as one number, the first byte lowest; a string
 * of 8 bytes or more passes its whole length, so that the last word can
 * be loaded whole (ending where the string ends) and shifted down.  The
 * overlapping loads assemble that number on a little-endian processor
 * only; elsewhere the bytes are copied.  With whole >= 8 the 8 - rest
 * bytes before s are read too: s must not be the string's start. */
static inline uint64_t ssc_hash_tail(const char *s, size_t rest, size_t whole)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (whole >= 8)
        return ssc_hash_load8(s + rest - 8) >> (8 * (8 - rest));
    if (rest >= 4)
        return ssc_hash_load4(s) | ssc_hash_load4(s + rest - 4) << (8 * (rest - 4));
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[rest / 2] << (8 * (rest / 2)) |
           (uint64_t)(unsigned char)s[rest - 1] << (8 * (rest - 1));
#else
    uint64_t w = 0;
    (void)whole;
    memcpy(&w, s, rest);
    return w;
#endif
}

static inline uint32_t ssc_hash_bytes(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
    size_t whole = len;

    for (; len >= 8; s += 8, len -= 8) {
        h = (h ^ ssc_hash_load8(s)) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    if (len)
        h = (h ^ ssc_hash_tail(s, len, whole)) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
    h *= 0x94D049BB133111EBULL;
    h ^= h >> 32;
    return (uint32_t)h;
}

/* a[0..len) == b[0..len), for the short strings the tables hold: inline,
 * as a call to memcmp cost more than the comparison itself.  Overlapping
 * loads compare every byte at least once. */
static inline int ssc_hash_equal(const char *a, const char *b, size_t len)
{
    if (len >= 8) {
        for (size_t i = 0; i + 8 < len; i += 8)
            if (ssc_hash_load8(a + i) != ssc_hash_load8(b + i))
                return 0;
        return ssc_hash_load8(a + len - 8) == ssc_hash_load8(b + len - 8);
    }
    if (len >= 4)
        return ssc_hash_load4(a) == ssc_hash_load4(b) &&
               ssc_hash_load4(a + len - 4) == ssc_hash_load4(b + len - 4);
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

#endif

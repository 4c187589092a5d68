/* SPDX-License-Identifier: MIT */
/* The string tables' hash and equality (engine/data/hash.h): the hash of
 * every length from 0 to 40 equals its definition, words of eight bytes
 * copied into a zeroed word (the form that stalled the processor), and the
 * equality test agrees with memcmp for strings that differ in any one byte.
 * Each string is copied to a block of its own length, so that a read past
 * its end shows under the sanitizers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "data/hash.h"

/* The definition: the hash as it read before the overlapping loads. */
static uint32_t hash_reference(const char *s, size_t len)
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

/* a reproducible byte stream (xorshift), every byte value possible */
static unsigned char next_byte(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return (unsigned char)(*x >> 24);
}

static char *exact_copy(const char *s, size_t len)
{
    char *d = malloc(len ? len : 1);
    if (d && len)
        memcpy(d, s, len);
    return d;
}

int main(void)
{
    uint64_t x = 0x2545F4914F6CDD1DULL;
    char buf[64];

    for (size_t len = 0; len <= 40; len++) {
        int hash_ok = 1, equal_ok = 1;
        for (int round = 0; round < 50; round++) {
            for (size_t i = 0; i < len; i++)
                buf[i] = (char)next_byte(&x);
            char *a = exact_copy(buf, len), *b;
            CHECK(a != NULL);
            if (!a)
                return check_done();
            hash_ok &= ssc_hash_bytes(a, len) == hash_reference(buf, len);
            /* the same bytes elsewhere: equal, and the same hash */
            b = exact_copy(buf, len);
            CHECK(b != NULL);
            if (!b) {
                free(a);
                return check_done();
            }
            equal_ok &= ssc_hash_equal(a, b, len) == 1;
            /* one byte changed, at each place in turn */
            for (size_t i = 0; i < len; i++) {
                b[i] = (char)(b[i] ^ (1 << (round % 8)));
                equal_ok &= ssc_hash_equal(a, b, len) == 0 && ssc_hash_equal(b, a, len) == 0;
                b[i] = a[i];
            }
            free(a);
            free(b);
        }
        CHECK_ROW("length %zu", len);
        CHECK(hash_ok);
        CHECK(equal_ok);
        CHECK_ROW_END();
    }
    /* ids alike but for their last character land apart */
    CHECK(ssc_hash_bytes("SSC-0000001", 11) != ssc_hash_bytes("SSC-0000002", 11));
    CHECK_INT(ssc_hash_equal("SSC-0000001", "SSC-0000002", 11), 0);
    CHECK_INT(ssc_hash_equal("SSC-0000001", "SSC-0000001", 10), 1);
    return check_done();
}

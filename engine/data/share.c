/* SPDX-License-Identifier: MIT */
/* A bounded sharing table for texts that may repeat (see share.h). */
#include "data/share.h"

#include "data/hash.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A text is looked for in this many slots from its hash's, and no further:
 * a crafted file whose titles collide costs a few compares a row, not a
 * walk of the table. */
#define SHARE_PROBES 8

typedef struct share_slot {
    const char *s; /* NULL: empty */
    uint32_t hash;
    uint32_t len;
} share_slot;

struct ssc_share {
    ssc_intern *in;
    share_slot *slots;
    size_t mask;      /* slots - 1 */
    size_t held;      /* texts held; at most half the slots */
};

ssc_share *ssc_share_new(ssc_intern *in, size_t max)
{
    ssc_share *sh = calloc(1, sizeof *sh);
    size_t n = 16;

    if (!sh)
        return NULL;
    while (n / 2 < max && n <= SIZE_MAX / 2 / sizeof *sh->slots)
        n *= 2;
    sh->slots = calloc(n, sizeof *sh->slots);
    if (!sh->slots) {
        free(sh);
        return NULL;
    }
    sh->in = in;
    sh->mask = n - 1;
    return sh;
}

void ssc_share_free(ssc_share *sh)
{
    if (!sh)
        return;
    free(sh->slots);
    free(sh);
}

#if defined(__GNUC__)
#define SHARE_PREFETCH(p) __builtin_prefetch((p), 0, 3)
#else
#define SHARE_PREFETCH(p) ((void)(p))
#endif

void ssc_share_prefetch(const ssc_share *sh, uint32_t hash, int near)
{
    const share_slot *sl = &sh->slots[hash & sh->mask];

    if (!near)
        SHARE_PREFETCH(sl);
    else if (sl->s)
        SHARE_PREFETCH(sl->s);
}

const char *ssc_share_text(ssc_share *sh, const char *s, size_t len)
{
    return ssc_share_text_hashed(sh, s, len, ssc_hash_bytes(s, len));
}

const char *ssc_share_text_hashed(ssc_share *sh, const char *s, size_t len, uint32_t h)
{
    share_slot *empty = NULL;

    if (len > UINT32_MAX)
        return ssc_intern_keep(sh->in, s, len);
    for (size_t k = 0, i = h & sh->mask; k < SHARE_PROBES; k++, i = (i + 1) & sh->mask) {
        share_slot *sl = &sh->slots[i];
        if (!sl->s) {
            empty = sl;
            break;
        }
        if (sl->hash == h && sl->len == len && ssc_hash_equal(sl->s, s, len))
            return sl->s;
    }
    const char *copy = ssc_intern_keep(sh->in, s, len);
    if (copy && empty && sh->held < (sh->mask + 1) / 2) {
        empty->s = copy;
        empty->hash = h;
        empty->len = (uint32_t)len;
        sh->held++;
    }
    return copy;
}

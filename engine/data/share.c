/* SPDX-License-Identifier: MIT */
/* A bounded sharing table for texts that may repeat (see share.h). */
#include "data/share.h"

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
    size_t held, max; /* texts held; at most max, half the slots */
};

ssc_share *ssc_share_new(ssc_intern *in, size_t max)
{
    ssc_share *sh = calloc(1, sizeof *sh);
    size_t n = 16;

    if (!sh)
        return NULL;
    while (n < max * 2)
        n *= 2;
    sh->slots = calloc(n, sizeof *sh->slots);
    if (!sh->slots) {
        free(sh);
        return NULL;
    }
    sh->in = in;
    sh->mask = n - 1;
    sh->max = n / 2;
    return sh;
}

void ssc_share_free(ssc_share *sh)
{
    if (!sh)
        return;
    free(sh->slots);
    free(sh);
}

/* Eight bytes at a time: a title is some fifty bytes, and a byte-wise hash
 * (FNV-1a, as the intern uses for short codes) is a chain of fifty
 * multiplies on the thread that stores the rows. */
static uint32_t share_hash(const char *s, size_t len)
{
    uint64_t h = 0x9e3779b97f4a7c15u ^ (uint64_t)len, w;
    size_t i = 0;

    for (; i + 8 <= len; i += 8) {
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdu;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s + i, len - i);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
    return (uint32_t)(h ^ (h >> 29));
}

const char *ssc_share_text(ssc_share *sh, const char *s, size_t len)
{
    uint32_t h;
    share_slot *empty = NULL;

    if (len > UINT32_MAX)
        return ssc_intern_keep(sh->in, s, len);
    h = share_hash(s, len);
    for (size_t k = 0, i = h & sh->mask; k < SHARE_PROBES; k++, i = (i + 1) & sh->mask) {
        share_slot *sl = &sh->slots[i];
        if (!sl->s) {
            empty = sl;
            break;
        }
        if (sl->hash == h && sl->len == len && memcmp(sl->s, s, len) == 0)
            return sl->s;
    }
    const char *copy = ssc_intern_keep(sh->in, s, len);
    if (copy && empty && sh->held < sh->max) {
        empty->s = copy;
        empty->hash = h;
        empty->len = (uint32_t)len;
        sh->held++;
    }
    return copy;
}

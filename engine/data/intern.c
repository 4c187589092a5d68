/* SPDX-License-Identifier: MIT */
/* String interning with an open-addressing hash table over an arena of
 * large blocks: no per-string malloc, and pointers stay valid while the
 * table grows because strings never move. */
#include "data/intern.h"

#include "data/bigmem.h"
#include "data/hash.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Blocks start small for a small portfolio and double up to the largest
 * size, so that a million rows' strings take a few dozen blocks that the
 * kernel can back with huge pages. */
#define INTERN_BLOCK (64 * 1024)
#define INTERN_BLOCK_MAX (8 * 1024 * 1024)

typedef struct intern_block {
    struct intern_block *next;
    size_t used, size;
    char data[];
} intern_block;

typedef struct intern_slot {
    const char *s; /* NULL: empty */
    uint32_t hash;
    uint32_t len;
    uint32_t index; /* the string's number: order of first interning */
} intern_slot;

struct ssc_intern {
    intern_slot *slots;
    size_t mask;  /* slots - 1, a power of two minus one */
    size_t count;
    const char **by_index; /* count strings, by number */
    size_t cap_index;
    intern_block *blocks;
    size_t block_size; /* of the next block */
};

ssc_intern *ssc_intern_new(void)
{
    ssc_intern *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    in->mask = 255;
    in->slots = calloc(in->mask + 1, sizeof *in->slots);
    if (!in->slots) {
        free(in);
        return NULL;
    }
    return in;
}

void ssc_intern_free(ssc_intern *in)
{
    if (!in)
        return;
    while (in->blocks) {
        intern_block *b = in->blocks;
        in->blocks = b->next;
        free(b);
    }
    free(in->slots);
    free(in->by_index);
    free(in);
}

size_t ssc_intern_count(const ssc_intern *in)
{
    return in->count;
}

static char *intern_copy(ssc_intern *in, const char *s, size_t len)
{
    intern_block *b = in->blocks;
    char *out;

    if (!b || b->size - b->used < len + 1) {
        size_t size = in->block_size < INTERN_BLOCK ? INTERN_BLOCK : in->block_size;
        size = len + 1 > size ? len + 1 : size;
        b = malloc(sizeof *b + size);
        if (!b)
            return NULL;
        ssc_bigmem_advise(b, sizeof *b + size);
        ssc_bigmem_prefault(b, sizeof *b + size);
        if (in->block_size < INTERN_BLOCK_MAX)
            in->block_size = size < INTERN_BLOCK_MAX / 2 ? size * 2 : INTERN_BLOCK_MAX;
        b->size = size;
        b->used = 0;
        b->next = in->blocks;
        in->blocks = b;
    }
    out = b->data + b->used;
    memcpy(out, s, len);
    out[len] = '\0';
    b->used += len + 1;
    return out;
}

static int intern_grow(ssc_intern *in)
{
    size_t nmask = in->mask * 2 + 1;
    intern_slot *ns = calloc(nmask + 1, sizeof *ns);
    if (!ns)
        return -1;
    for (size_t i = 0; i <= in->mask; i++) {
        intern_slot *o = &in->slots[i];
        if (!o->s)
            continue;
        size_t j = o->hash & nmask;
        while (ns[j].s)
            j = (j + 1) & nmask;
        ns[j] = *o;
    }
    free(in->slots);
    in->slots = ns;
    in->mask = nmask;
    return 0;
}

const char *ssc_intern_keep(ssc_intern *in, const char *s, size_t len)
{
    return intern_copy(in, s, len);
}

size_t ssc_intern_bytes(const ssc_intern *in)
{
    size_t n = (in->mask + 1) * sizeof *in->slots;
    for (const intern_block *b = in->blocks; b; b = b->next)
        n += sizeof *b + b->size;
    return n;
}

/* The slot of s[0..len), interned now if it was not; NULL on out of
 * memory. */
static const intern_slot *intern_slot_of(ssc_intern *in, const char *s, size_t len)
{
    uint32_t h;
    size_t i;
    char *copy;

    if (len > UINT32_MAX || in->count >= UINT32_MAX)
        return NULL;
    h = ssc_hash_bytes(s, len);
    for (i = h & in->mask; in->slots[i].s; i = (i + 1) & in->mask) {
        intern_slot *sl = &in->slots[i];
        if (sl->hash == h && sl->len == len && ssc_hash_equal(sl->s, s, len))
            return sl;
    }
    /* keep the load factor under 1/2 so probes stay short */
    if ((in->count + 1) * 2 > in->mask + 1) {
        if (intern_grow(in) != 0)
            return NULL;
        for (i = h & in->mask; in->slots[i].s; i = (i + 1) & in->mask)
            ;
    }
    if (in->count == in->cap_index) {
        size_t ncap = in->cap_index ? in->cap_index * 2 : 64;
        const char **nb = realloc(in->by_index, ncap * sizeof *nb);
        if (!nb)
            return NULL;
        in->by_index = nb;
        in->cap_index = ncap;
    }
    if (!(copy = intern_copy(in, s, len)))
        return NULL;
    in->slots[i].s = copy;
    in->slots[i].hash = h;
    in->slots[i].len = (uint32_t)len;
    in->slots[i].index = (uint32_t)in->count;
    in->by_index[in->count++] = copy;
    return &in->slots[i];
}

const char *ssc_intern_str(ssc_intern *in, const char *s, size_t len)
{
    const intern_slot *sl = intern_slot_of(in, s, len);
    return sl ? sl->s : NULL;
}

long ssc_intern_index(ssc_intern *in, const char *s, size_t len)
{
    const intern_slot *sl = intern_slot_of(in, s, len);
    return sl ? (long)sl->index : -1;
}

const char *ssc_intern_at(const ssc_intern *in, uint32_t index)
{
    return in->by_index[index];
}

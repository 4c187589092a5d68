/* SPDX-License-Identifier: MIT */
/* Measured texts between the passes (see text_cache.h): 4,096 slots
 * addressed by a hash of the key, the last measurement of a slot kept,
 * so that the memory stays bounded whatever the document. */
#include "draw/text_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_CACHE_SLOTS 4096

typedef struct text_slot {
    ssc_text_key key; /* key.text is the slot's own copy; NULL: empty slot */
    double w, h;
} text_slot;

struct ssc_text_cache {
    text_slot slots[TEXT_CACHE_SLOTS];
};

ssc_text_cache *ssc_text_cache_new(void)
{
    return calloc(1, sizeof(ssc_text_cache));
}

void ssc_text_cache_free(ssc_text_cache *tc)
{
    if (!tc)
        return;
    for (size_t i = 0; i < TEXT_CACHE_SLOTS; i++)
        free((char *)tc->slots[i].key.text);
    free(tc);
}

static uint64_t text_mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001B3ULL;
    return h;
}

static size_t text_slot_of(const ssc_text_key *k)
{
    uint64_t h = 0xCBF29CE484222325ULL;
    h = text_mix(h, k->text, strlen(k->text));
    h = text_mix(h, &k->size, sizeof k->size);
    h = text_mix(h, &k->width, sizeof k->width);
    h = text_mix(h, &k->bold, sizeof k->bold);
    h = text_mix(h, &k->max_lines, sizeof k->max_lines);
    return (size_t)(h ^ (h >> 32)) & (TEXT_CACHE_SLOTS - 1);
}

/* Exact comparison: equal doubles, equal strings. */
static int text_key_is(const ssc_text_key *s, const ssc_text_key *k)
{
    return s->text && s->size == k->size && s->width == k->width && s->bold == k->bold &&
           s->align == k->align && s->max_lines == k->max_lines && s->scale.xx == k->scale.xx &&
           s->scale.yx == k->scale.yx && s->scale.xy == k->scale.xy &&
           s->scale.yy == k->scale.yy && strcmp(s->text, k->text) == 0 &&
           strcmp(s->family, k->family) == 0 && strcmp(s->lang, k->lang) == 0;
}

int ssc_text_cache_get(const ssc_text_cache *tc, const ssc_text_key *key, double *w, double *h)
{
    const text_slot *s = &tc->slots[text_slot_of(key)];
    if (!text_key_is(&s->key, key))
        return 0;
    *w = s->w;
    *h = s->h;
    return 1;
}

void ssc_text_cache_put(ssc_text_cache *tc, const ssc_text_key *key, double w, double h)
{
    text_slot *s = &tc->slots[text_slot_of(key)];
    char *text = strdup(key->text);

    free((char *)s->key.text);
    s->key = *key; /* family and lang outlive the cache (text_cache.h) */
    s->key.text = text; /* NULL when out of memory: the slot is empty */
    s->w = w;
    s->h = h;
}

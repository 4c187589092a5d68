/* SPDX-License-Identifier: MIT */
/* Reference tables: countries with their UN M49 region, region labels, the
 * SDGs and the world tile grid.  The tables themselves are generated from
 * data/m49-countries.csv and data/sdg-goals.csv into refdata_tables.c, and
 * from data/tile-grid.csv into tilegrid_tables.c; this file only searches
 * them.
 *
 * Lookups run once per country per row of a portfolio that may hold a million
 * rows, so they allocate nothing, take the code as (pointer, length) straight
 * from the source's buffer, and index a table of all three-letter codes
 * (alpha3) or binary-search arrays of packed codes sorted at build time. */
#include <stdint.h>
#include <string.h>

#include "data/refdata.h"
#include "data/refdata_tables.h"
#include "ssc-report/plugin.h"

/* Region labels for the languages a report can be written in.  The English
 * label is the key itself (the stable name used in --data-out files). */
typedef struct ssc_region_names {
    const char *key;
    const char *zh;
} ssc_region_names;

static const ssc_region_names ssc_region_labels[] = {
    {"Africa", "非洲"},
    {"Asia", "亚洲"},
    {"Europe", "欧洲"},
    {"Latin America and the Caribbean", "拉丁美洲和加勒比"},
    {"Northern America", "北美洲"},
    {"Oceania", "大洋洲"},
};

/* Packs a code of exactly n letters, in upper case, as SSC_REFDATA_KEY3
 * would; returns 0 when the input is not n ASCII letters.  ASCII only, never
 * the C library's toupper: codes are ISO letters whatever the locale. */
static int refdata_pack(const char *code, size_t len, size_t n, uint32_t *key)
{
    uint32_t k = 0;
    if (!code || len != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)code[i];
        if (c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 'a' + 'A');
        else if (c < 'A' || c > 'Z')
            return 0;
        k = (k << 8) | c;
    }
    *key = k;
    return 1;
}

/* The position of key in the ascending keys[0..n), or n when absent.  The
 * halving step compiles to a conditional move: codes in real data arrive in
 * no useful order, and mispredicted branches would cost more than the
 * comparisons. */
static size_t refdata_find(const uint32_t *keys, size_t n, uint32_t key)
{
    size_t lo = 0, len = n;
    if (n == 0)
        return n;
    while (len > 1) {
        size_t half = len / 2;
        lo = keys[lo + half] <= key ? lo + half : lo;
        len -= half;
    }
    return keys[lo] == key ? lo : n;
}

const ssc_country *ssc_country_by_alpha3(const char *code, size_t len)
{
    uint32_t key;
    unsigned pos;
    if (!refdata_pack(code, len, 3, &key))
        return NULL;
    pos = ssc_refdata_alpha3_slots[SSC_REFDATA_ALPHA3_SLOT(key >> 16, (key >> 8) & 0xFF,
                                                           key & 0xFF)];
    return pos ? &ssc_refdata_countries[pos - 1] : NULL;
}

const ssc_country *ssc_country_by_alpha2(const char *code, size_t len)
{
    uint32_t key;
    size_t i;
    if (!refdata_pack(code, len, 2, &key))
        return NULL;
    i = refdata_find(ssc_refdata_alpha2_keys, ssc_refdata_country_count, key);
    return i < ssc_refdata_country_count ? &ssc_refdata_countries[ssc_refdata_by_alpha2[i]]
                                         : NULL;
}

size_t ssc_country_count(void)
{
    return ssc_refdata_country_count;
}

/* In alpha-3 order; NULL past the end. */
const ssc_country *ssc_country_at(size_t i)
{
    return i < ssc_refdata_country_count ? &ssc_refdata_countries[i] : NULL;
}

size_t ssc_region_count(void)
{
    return ssc_refdata_region_count;
}

/* The same pointers as ssc_country.region, so callers may compare regions by
 * pointer; NULL past the end. */
const char *ssc_region_key(size_t i)
{
    return i < ssc_refdata_region_count ? ssc_refdata_regions[i] : NULL;
}

/* "zh", "zh-Hans", "zh_CN"...: any Chinese tag selects the Chinese labels. */
static int refdata_lang_is_zh(const char *lang)
{
    return lang && lang[0] == 'z' && lang[1] == 'h' &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

const char *ssc_country_label(const ssc_country *c, const char *lang)
{
    if (!c)
        return NULL;
    return refdata_lang_is_zh(lang) ? c->name_zh : c->name;
}

/* The plugin ABI's view of the same table (plugin.h). */
const char *ssc_country_name(const char *alpha3, const char *lang)
{
    return alpha3 ? ssc_country_label(ssc_country_by_alpha3(alpha3, strlen(alpha3)), lang)
                  : NULL;
}

int ssc_country_groups(const char *alpha3)
{
    const ssc_country *c = alpha3 ? ssc_country_by_alpha3(alpha3, strlen(alpha3)) : NULL;
    return c ? c->groups : 0;
}

const char *ssc_region_label(const char *key, const char *lang)
{
    if (!key || !refdata_lang_is_zh(lang))
        return key;
    for (size_t i = 0; i < sizeof ssc_region_labels / sizeof ssc_region_labels[0]; i++)
        if (strcmp(key, ssc_region_labels[i].key) == 0)
            return ssc_region_labels[i].zh;
    return key;
}

const ssc_sdg *ssc_sdg_get(int goal)
{
    return goal >= 1 && goal <= 17 ? &ssc_refdata_sdgs[goal - 1] : NULL;
}

const ssc_tile *ssc_tile_by_alpha3(const char *code, size_t len)
{
    uint32_t key;
    size_t i;
    if (!refdata_pack(code, len, 3, &key))
        return NULL;
    i = refdata_find(ssc_refdata_tile_keys, ssc_refdata_tile_count, key);
    return i < ssc_refdata_tile_count ? &ssc_refdata_tiles[i] : NULL;
}

size_t ssc_tile_count(void)
{
    return ssc_refdata_tile_count;
}

const ssc_tile *ssc_tile_at(size_t i)
{
    return i < ssc_refdata_tile_count ? &ssc_refdata_tiles[i] : NULL;
}

void ssc_tile_grid_size(int *cols, int *rows)
{
    if (cols)
        *cols = ssc_refdata_tile_cols;
    if (rows)
        *rows = ssc_refdata_tile_rows;
}

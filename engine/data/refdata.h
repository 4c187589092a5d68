/* SPDX-License-Identifier: MIT */
/* Reference tables compiled into the engine, generated at build time from
 * the project's own derived tables in data/ (see data/README.md for their
 * sources and licences). */
#ifndef SSC_REFDATA_H
#define SSC_REFDATA_H

#include <stddef.h>

typedef struct ssc_country {
    const char *alpha2;
    const char *alpha3;
    const char *name;    /* the UN's English short name */
    const char *region;  /* one of the region keys below */
    const char *name_zh; /* Simplified Chinese (CLDR with UN/PRC overrides) */
    int groups;          /* SSC_GROUP_LDC | SSC_GROUP_LLDC | SSC_GROUP_SIDS */
} ssc_country;

/* Lookups are case-insensitive; NULL when unknown. */
const ssc_country *ssc_country_by_alpha3(const char *code, size_t len);
const ssc_country *ssc_country_by_alpha2(const char *code, size_t len);
size_t ssc_country_count(void);
const ssc_country *ssc_country_at(size_t i);
/* The country's name in lang: Chinese for any "zh" tag, else English. */
const char *ssc_country_label(const ssc_country *c, const char *lang);

/* The six regions: UN M49 regions with the Americas split by sub-region. */
size_t ssc_region_count(void);
const char *ssc_region_key(size_t i);
/* The region's name in lang ("en" or "zh"); the key itself when unknown. */
const char *ssc_region_label(const char *key, const char *lang);

typedef struct ssc_sdg {
    int goal;             /* 1..17 */
    const char *short_en;
    const char *short_zh;
    unsigned long colour; /* 0xRRGGBB */
} ssc_sdg;

const ssc_sdg *ssc_sdg_get(int goal); /* NULL outside 1..17 */

/* The world tile grid map (data/tile-grid.csv): one square per country,
 * at column x (1 = west) and row y (1 = north) of a grid of
 * ssc_tile_grid_size tiles.  Countries without a tile (small territories,
 * Palestine, Taiwan, Hong Kong...) are simply absent. */
typedef struct ssc_tile {
    const char *alpha3;
    int x, y;
} ssc_tile;

/* Case-insensitive, as the country lookups; NULL when the country has no
 * tile.  Tiles are one array: tile - ssc_tile_at(0) is a tile's index. */
const ssc_tile *ssc_tile_by_alpha3(const char *code, size_t len);
size_t ssc_tile_count(void);
const ssc_tile *ssc_tile_at(size_t i); /* in alpha3 order; NULL past the end */
void ssc_tile_grid_size(int *cols, int *rows);

#endif

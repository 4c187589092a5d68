/* Reference tables compiled into the engine, generated at build time from
 * the project's own derived tables in data/ (see data/README.md for their
 * sources and licences). */
#ifndef SSC_REFDATA_H
#define SSC_REFDATA_H

#include <stddef.h>

typedef struct ssc_country {
    const char *alpha2;
    const char *alpha3;
    const char *name;   /* English short name */
    const char *region; /* one of the region keys below */
} ssc_country;

/* Lookups are case-insensitive; NULL when unknown. */
const ssc_country *ssc_country_by_alpha3(const char *code, size_t len);
const ssc_country *ssc_country_by_alpha2(const char *code, size_t len);
size_t ssc_country_count(void);
const ssc_country *ssc_country_at(size_t i);

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

#endif

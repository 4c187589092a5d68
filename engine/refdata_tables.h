/* The reference tables that data/gen-refdata.awk generates into
 * engine/refdata_tables.c; private to refdata.c, which is their only reader.
 * Both files include this header so that the compiler checks the generated
 * definitions against what refdata.c expects. */
#ifndef SSC_REFDATA_TABLES_H
#define SSC_REFDATA_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include "refdata.h"

/* The six region keys, in ssc_region_key order.  Every country's region
 * points at one of these strings, so a region may be compared by pointer. */
extern const char *const ssc_refdata_regions[];
extern const size_t ssc_refdata_region_count;

/* A code of capital letters as one number whose order is the codes' byte
 * order, so that a lookup compares integers in a compact array instead of
 * following pointers to strings. */
#define SSC_REFDATA_KEY3(a, b, c) \
    (((uint32_t)(unsigned char)(a) << 16) | ((uint32_t)(unsigned char)(b) << 8) | \
     (uint32_t)(unsigned char)(c))
#define SSC_REFDATA_KEY2(a, b) SSC_REFDATA_KEY3(0, a, b)

/* Countries sorted by alpha3 (byte order of the capital letters), and their
 * packed alpha3 codes in the same order. */
extern const ssc_country ssc_refdata_countries[];
extern const uint32_t ssc_refdata_alpha3_keys[];
extern const size_t ssc_refdata_country_count;

/* The packed alpha2 codes in ascending order; ssc_refdata_by_alpha2[k] is the
 * position in ssc_refdata_countries of the country whose code is
 * ssc_refdata_alpha2_keys[k]. */
extern const uint32_t ssc_refdata_alpha2_keys[];
extern const unsigned short ssc_refdata_by_alpha2[];

/* SDGs 1..17 at index goal - 1. */
extern const ssc_sdg ssc_refdata_sdgs[17];

#endif

/* SPDX-License-Identifier: MIT */
/* The store's layout, shared by the code that fills it (store.c) and the
 * accessors plugins call (portfolio.c); nothing else includes this. */
#ifndef SSC_STORE_IMPL_H
#define SSC_STORE_IMPL_H

#include <stdint.h>

#include "data/intern.h"
#include "data/share.h"
#include "data/store.h"

/* A growable array of pointers or bytes, for the list pools. */
typedef struct ssc_pool {
    void *data;
    size_t n, cap, elem;
} ssc_pool;

struct ssc_store {
    ssc_intern *in;
    ssc_share *titles; /* repeated titles, shared while it has room */
    size_t count, cap;
    /* one entry per row */
    const char **id, **title;
    /* names many rows share: the interned string's number (ssc_intern_at) */
    uint32_t *lead, *sector, *funding, *modality;
    unsigned char *status;
    signed char *gender;
    short *start_y, *end_y;
    unsigned char *start_m, *start_d, *end_m, *end_d;
    double *budget; /* NAN: none */
    long long *beneficiaries;
    uint32_t *line; /* a file of more lines is refused (ssc_store_append) */
    /* list fields: row i's items are pool[off[i] .. off[i+1]) */
    uint32_t *partners_off, *countries_off, *regions_off, *sdgs_off;
    ssc_pool partners, countries, regions, sdgs;
    /* extra columns: names, then one value array per column */
    size_t n_extra;
    const char **extra_names;
    const char ***extra;
    /* labels sources gave for keys: interned key and label per entry */
    struct ssc_store_label {
        ssc_key_kind kind;
        const char *key, *label;
    } *labels;
    size_t n_labels, cap_labels;
    /* institutions' Chinese names (zhnames.c): interned English -> Chinese */
    struct ssc_store_zhname {
        const char *name, *zh;
    } *zh_names;
    size_t n_zh_names, cap_zh_names;
};

#endif

/* SPDX-License-Identifier: MIT */
/* The accessors of plugin.h: how plugins read projects, by view row. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "data/store_impl.h"
#include "data/zhnames.h"

void ssc_portfolio_all(ssc_portfolio *view, const ssc_store *st)
{
    view->store = st;
    view->rows = NULL;
    view->count = st->count;
}

void ssc_portfolio_release(ssc_portfolio *view)
{
    if (!view)
        return;
    free(view->rows);
    view->rows = NULL;
    view->count = 0;
}

size_t ssc_portfolio_count(const ssc_portfolio *p)
{
    return p ? p->count : 0;
}

/* Row r of the view as a store row; out-of-range rows read as row 0's
 * neighbours would be a silent lie, so callers get empty values instead. */
#define ROW(p, row) ssc_portfolio_store_row((p), (row))
#define VALID(p, row) ((p) && (row) < (p)->count)

const char *ssc_project_id(const ssc_portfolio *p, size_t row)
{
    return VALID(p, row) ? p->store->id[ROW(p, row)] : "";
}

const char *ssc_project_title(const ssc_portfolio *p, size_t row)
{
    return VALID(p, row) ? p->store->title[ROW(p, row)] : "";
}

const char *ssc_project_lead(const ssc_portfolio *p, size_t row)
{
    return VALID(p, row) ? ssc_intern_at(p->store->in, p->store->lead[ROW(p, row)]) : "";
}

const char *ssc_project_sector(const ssc_portfolio *p, size_t row)
{
    return VALID(p, row) ? ssc_intern_at(p->store->in, p->store->sector[ROW(p, row)]) : "";
}

const char *ssc_project_funding_source(const ssc_portfolio *p, size_t row)
{
    return VALID(p, row) ? ssc_intern_at(p->store->in, p->store->funding[ROW(p, row)]) : "";
}

const char *ssc_project_modality(const ssc_portfolio *p, size_t row)
{
    return VALID(p, row) ? ssc_intern_at(p->store->in, p->store->modality[ROW(p, row)]) : "";
}

const char *ssc_project_status(const ssc_portfolio *p, size_t row)
{
    return VALID(p, row) ? ssc_status_key((ssc_status)p->store->status[ROW(p, row)]) : "";
}

static ssc_strings portfolio_list(const ssc_portfolio *p, size_t row, const uint32_t *off,
                                  const ssc_pool *pool)
{
    ssc_strings out = {NULL, 0};
    if (!VALID(p, row))
        return out;
    size_t r = ROW(p, row);
    /* an empty pool has no array at all: no pointer arithmetic on NULL */
    out.items = pool->data ? (const char *const *)pool->data + off[r] : NULL;
    out.count = off[r + 1] - off[r];
    return out;
}

ssc_strings ssc_project_partners(const ssc_portfolio *p, size_t row)
{
    return portfolio_list(p, row, p ? p->store->partners_off : NULL,
                          p ? &p->store->partners : NULL);
}

ssc_strings ssc_project_countries(const ssc_portfolio *p, size_t row)
{
    return portfolio_list(p, row, p ? p->store->countries_off : NULL,
                          p ? &p->store->countries : NULL);
}

ssc_strings ssc_project_regions(const ssc_portfolio *p, size_t row)
{
    return portfolio_list(p, row, p ? p->store->regions_off : NULL,
                          p ? &p->store->regions : NULL);
}

ssc_ints ssc_project_sdgs(const ssc_portfolio *p, size_t row)
{
    ssc_ints out = {NULL, 0};
    if (!VALID(p, row))
        return out;
    size_t r = ROW(p, row);
    out.items = p->store->sdgs.data
                    ? (const unsigned char *)p->store->sdgs.data + p->store->sdgs_off[r]
                    : NULL;
    out.count = p->store->sdgs_off[r + 1] - p->store->sdgs_off[r];
    return out;
}

int ssc_project_sdg_primary(const ssc_portfolio *p, size_t row)
{
    ssc_ints s = ssc_project_sdgs(p, row);
    return s.count ? s.items[0] : 0;
}

/* A date to return, built in registers: filled field by field, gcc
 * stores year and month apart and loads them back as one eight-byte word,
 * a load the processor cannot forward from the two stores, which stalled
 * each of the ten million calls plugins make at a million rows. */
_Static_assert(offsetof(ssc_date, month) == sizeof(int), "ssc_date: year, then month");

static inline ssc_date portfolio_date(int year, int month, int day)
{
    ssc_date d;
    int year_month[2] = {year, month}; /* gcc joins them in a register */

    memcpy(&d, year_month, sizeof year_month);
    d.day = day;
    return d;
}

ssc_date ssc_project_start(const ssc_portfolio *p, size_t row)
{
    if (!VALID(p, row))
        return portfolio_date(0, 0, 0);
    size_t r = ROW(p, row);
    return portfolio_date(p->store->start_y[r], p->store->start_m[r], p->store->start_d[r]);
}

ssc_date ssc_project_end(const ssc_portfolio *p, size_t row)
{
    if (!VALID(p, row))
        return portfolio_date(0, 0, 0);
    size_t r = ROW(p, row);
    return portfolio_date(p->store->end_y[r], p->store->end_m[r], p->store->end_d[r]);
}

int ssc_project_budget(const ssc_portfolio *p, size_t row, double *usd)
{
    if (!VALID(p, row))
        return 0;
    double v = p->store->budget[ROW(p, row)];
    if (isnan(v))
        return 0;
    if (usd)
        *usd = v;
    return 1;
}

int ssc_project_gender_marker(const ssc_portfolio *p, size_t row)
{
    return VALID(p, row) ? p->store->gender[ROW(p, row)] : -1;
}

long long ssc_project_beneficiaries(const ssc_portfolio *p, size_t row)
{
    return VALID(p, row) ? p->store->beneficiaries[ROW(p, row)] : -1;
}

const char *ssc_project_field(const ssc_portfolio *p, size_t row, const char *column)
{
    if (!VALID(p, row) || !column)
        return NULL;
    for (size_t i = 0; i < p->store->n_extra; i++)
        if (strcmp(p->store->extra_names[i], column) == 0)
            return p->store->extra[i][ROW(p, row)];
    return NULL;
}

/* "zh", "zh-Hans", "zh_CN": any Chinese tag. */
static int portfolio_zh(const char *lang)
{
    return lang && lang[0] == 'z' && lang[1] == 'h' &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/* The Chinese column's value when lang is Chinese and the row has one,
 * else the English one. */
static const char *portfolio_in(const ssc_portfolio *p, size_t row, const char *lang,
                                const char *zh_column, const char *en)
{
    const char *zh = portfolio_zh(lang) ? ssc_project_field(p, row, zh_column) : NULL;
    return zh && zh[0] ? zh : en;
}

const char *ssc_project_title_in(const ssc_portfolio *p, size_t row, const char *lang)
{
    return portfolio_in(p, row, lang, "title_zh", ssc_project_title(p, row));
}

const char *ssc_project_lead_in(const ssc_portfolio *p, size_t row, const char *lang)
{
    const char *lead = ssc_project_lead(p, row);
    const char *zh = portfolio_zh(lang) && VALID(p, row) ? ssc_zhnames_get(p->store, lead) : NULL;
    return zh ? zh : lead;
}

const char *ssc_project_description(const ssc_portfolio *p, size_t row, const char *lang)
{
    const char *en = ssc_project_field(p, row, "description");
    return portfolio_in(p, row, lang, "description_zh", en ? en : "");
}

const char *ssc_institution_name(const ssc_portfolio *p, const char *name, const char *lang)
{
    const char *zh = portfolio_zh(lang) && p && name ? ssc_zhnames_get(p->store, name) : NULL;
    return zh ? zh : name;
}

/* SPDX-License-Identifier: MIT */
/* Filters by status, start year, region, sector and lead institution; an
 * empty list keeps everything, a project passes a region filter when any
 * of its regions is listed.  A project without a start date (year 0, which
 * a source may hand over, ssc_source_optional) passes the year bounds: the
 * bounds leave out projects known to lie outside them, and an IATI file's
 * undated activities still count in every chart but those by year (which
 * say how many they left out). */
#include "report/filter.h"

#include <stdlib.h>
#include <string.h>

static int filter_listed(const ssc_strlist *l, const char *v)
{
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->items[i], v) == 0)
            return 1;
    return 0;
}

static int filter_keep(const ssc_report *r, const ssc_portfolio *all, size_t row)
{
    int y = ssc_project_start(all, row).year;

    if (y != 0 && r->start_year_min && y < r->start_year_min)
        return 0;
    if (y != 0 && r->start_year_max && y > r->start_year_max)
        return 0;
    if (r->statuses.count && !filter_listed(&r->statuses, ssc_project_status(all, row)))
        return 0;
    if (r->sectors.count && !filter_listed(&r->sectors, ssc_project_sector(all, row)))
        return 0;
    if (r->leads.count && !filter_listed(&r->leads, ssc_project_lead(all, row)))
        return 0;
    if (r->regions.count) {
        ssc_strings regs = ssc_project_regions(all, row);
        int any = 0;
        for (size_t k = 0; k < regs.count && !any; k++)
            any = filter_listed(&r->regions, regs.items[k]);
        if (!any)
            return 0;
    }
    return 1;
}

int ssc_filter_apply(const ssc_report *r, const ssc_store *st, ssc_portfolio *view,
                     ssc_error *err)
{
    ssc_portfolio all;
    size_t n = ssc_store_count(st), kept = 0;

    ssc_portfolio_all(&all, st);
    view->store = st;
    view->count = 0;
    view->rows = malloc((n ? n : 1) * sizeof *view->rows);
    if (!view->rows)
        return ssc_error_oom(err);
    for (size_t i = 0; i < n; i++)
        if (filter_keep(r, &all, i))
            view->rows[kept++] = (uint32_t)i;
    view->count = kept;
    return SSC_OK;
}

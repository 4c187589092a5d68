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

/* The first filter that leaves the project out, or SSC_FILTER_KEPT; *y
 * is the project's start year (0: none), which the caller also counts. */
static ssc_filter_reason filter_reason(const ssc_report *r, const ssc_portfolio *all, size_t row,
                                       int *year)
{
    int y = *year = ssc_project_start(all, row).year;

    if (r->statuses.count && !filter_listed(&r->statuses, ssc_project_status(all, row)))
        return SSC_FILTER_STATUS;
    if (y != 0 && r->start_year_min && y < r->start_year_min)
        return SSC_FILTER_BEFORE;
    if (y != 0 && r->start_year_max && y > r->start_year_max)
        return SSC_FILTER_AFTER;
    if (r->sectors.count && !filter_listed(&r->sectors, ssc_project_sector(all, row)))
        return SSC_FILTER_SECTOR;
    if (r->leads.count && !filter_listed(&r->leads, ssc_project_lead(all, row)))
        return SSC_FILTER_LEAD;
    if (r->regions.count) {
        ssc_strings regs = ssc_project_regions(all, row);
        int any = 0;
        for (size_t k = 0; k < regs.count && !any; k++)
            any = filter_listed(&r->regions, regs.items[k]);
        if (!any)
            return SSC_FILTER_REGION;
    }
    return SSC_FILTER_KEPT;
}

int ssc_filter_apply(const ssc_report *r, const ssc_store *st, ssc_portfolio *view,
                     ssc_filter_count *count, ssc_error *err)
{
    static const char *const statuses[SSC_FILTER_STATUSES] = {"pipeline", "ongoing", "completed",
                                                              "cancelled", "suspended"};
    ssc_portfolio all;
    size_t n = ssc_store_count(st), kept = 0;

    memset(count, 0, sizeof *count);
    ssc_portfolio_all(&all, st);
    view->store = st;
    view->count = 0;
    view->rows = malloc((n ? n : 1) * sizeof *view->rows);
    if (!view->rows)
        return ssc_error_oom(err);
    count->total = n;
    /* one pass: at a million rows each pass over the projects is tens of
     * milliseconds on the command's one thread, and the methods page,
     * drawn in both passes of the document, tallied twice more */
    for (size_t i = 0; i < n; i++) {
        int y;
        ssc_filter_reason why = filter_reason(r, &all, i, &y);
        count->by_reason[why]++;
        if (why == SSC_FILTER_KEPT) {
            view->rows[kept++] = (uint32_t)i;
            if (y && (!count->first_year || y < count->first_year))
                count->first_year = y;
            if (y > count->last_year)
                count->last_year = y;
        } else if (why == SSC_FILTER_STATUS) {
            for (size_t k = 0; k < SSC_FILTER_STATUSES; k++)
                if (strcmp(statuses[k], ssc_project_status(&all, i)) == 0)
                    count->by_status[k]++;
        }
    }
    view->count = kept;
    return SSC_OK;
}
